"""The records that flow through the normaliser, each stage's output frozen."""

from __future__ import annotations

from dataclasses import dataclass, field

from errors import InputError  # noqa: F401  (re-exported)

Span = tuple[int, int]


@dataclass(frozen=True)
class Source:
    """Raw bytes as read or fetched, with what the transport said about them."""

    uri: str  # file path or URL
    data: bytes
    content_type: str | None = None  # HTTP Content-Type, when fetched
    fetched: str | None = None  # ISO time of the fetch
    warc: str | None = None  # "file.warc.gz#offset" when read from or written to WARC

    @property
    def is_url(self) -> bool:
        return self.uri.startswith(("http://", "https://"))


@dataclass(frozen=True)
class Decoded:
    source: Source
    text: str
    encoding: str
    is_html: bool


@dataclass(frozen=True)
class DateHint:
    """A date seen on the page and what kind of place it came from."""

    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    kind: str  # labelled | byline | meta | dateline | signature | caption | url | body | page | crawl
    line: str = ""


@dataclass(frozen=True)
class Page:
    """Title, body lines and metadata lifted out of the markup or the text layout."""

    title: str
    lines: tuple[str, ...]
    dates: tuple[DateHint, ...] = ()
    author: str | None = None
    site: str | None = None
    date_lines: tuple[str, ...] = ()  # lines between the title and the text that may date the article


@dataclass(frozen=True)
class Cleaned:
    """Output of one cleaner: the text and how many things it removed or repaired."""

    text: str
    removed: int = 0


@dataclass(frozen=True)
class Article:
    """A normalised article: the input of the extractor and of the store."""

    id: str
    source: str
    site: str | None
    lang: str  # zh | vi | other
    script: str | None  # hans | hant | None
    title: str
    published: str | None
    text: str  # cleaned, Chinese in simplified script
    original_title: str  # cleaned, in the page's own script
    original_text: str
    cleaning: dict[str, int] = field(default_factory=dict)
    tokens: tuple[Span, ...] = ()
    author: str | None = None
    encoding: str = "utf-8"
    fetched: str | None = None
    raw_sha1: str = ""
    warc: str | None = None
