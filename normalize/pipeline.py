"""Source -> Article: decode, lift out the text, clean, convert to simplified, date, segment."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from config import Settings
from normalize import clean, html, junk, layout, mojibake, repeats, titles
from normalize.convert import Converter
from normalize.dates import pick_published, settle_order, url_date
from normalize.decode import decode
from normalize.lang import detect
from normalize.records import Article, InputError, Page, Source
from normalize.segment import Segmenters

_FULLWIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")  # ０-９ Ａ-Ｚ ａ-ｚ


def _halfwidth(m: re.Match) -> str:
    return "".join(chr(ord(c) - 0xFEE0) for c in m[0])


# Vietnamese PDFs whose font maps ư to ơi's glyph: text extracted from them reads THƢỞNG, Ngƣời;
# and 巿 (fú, an ancient apron), which Hong Kong and Taiwan pages type for 市 (好巿民, 臺北巿)
_WRONG_CHARS = {ord("ƣ"): "ư", ord("Ƣ"): "Ư", ord("巿"): "市"}
_HAS_WRONG_CHAR = re.compile("[ƣƢ巿]")
_RARE_FORMS = re.compile("[ƣƢ巿\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")  # either of the above
CLEANERS = ("emoji", "mojibake", "pinyin", "punct")  # each has its own count in `cleaning`
STEPS = (*CLEANERS, "junk")  # anti-scraping strings and image names count as page chrome (boilerplate)


TRACKING = ("utm_", "spm", "from", "isappinstalled", "scene", "share", "fbclid", "gclid", "_t")


def canonical_url(url: str) -> str:
    """The URL an article is known by: fragment and tracking parameters dropped, query sorted."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    from w3lib.url import canonicalize_url

    parts = urlsplit(url)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(TRACKING)
    ]
    return canonicalize_url(urlunsplit(parts._replace(query=urlencode(query), fragment="")))


def article_id(source: Source, raw_sha1: str | None = None) -> str:
    """The canonical URL's hash, or the bytes' (`raw_sha1` when the caller has it already)."""
    if not source.is_url:
        return (raw_sha1 or hashlib.sha1(source.data).hexdigest())[:16]
    return hashlib.sha1(canonical_url(source.uri).encode()).hexdigest()[:16]


class Normalizer:
    """Owns the heavy resources (OpenCC, segmenters): build one per process and reuse it."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.converter = Converter()
        self.segmenters = Segmenters(self.settings.segmenter)

    def page(self, source: Source) -> tuple[Page, str]:
        doc = decode(source)
        if doc.is_html:
            return html.extract(doc, self.settings.min_text_chars), doc.encoding
        return Page(title="", lines=tuple(doc.text.splitlines())), doc.encoding

    def clean_chars(self, text: str, counts: dict[str, int]) -> str:
        steps = {
            "emoji": clean.strip_emoji,
            "mojibake": mojibake.repair,
            "pinyin": clean.remove_pinyin,
            "punct": clean.fix_punct,
            "junk": junk.strip_junk,
        }
        for name in STEPS:
            result = steps[name](text)
            text = result.text
            counts[name] = counts.get(name, 0) + result.removed
        if _RARE_FORMS.search(text) is None:  # one scan for both: NFC makes neither
            return unicodedata.normalize("NFC", text)
        if _HAS_WRONG_CHAR.search(text):
            text = text.translate(_WRONG_CHARS)
        text = unicodedata.normalize("NFC", text)
        return _FULLWIDTH.sub(_halfwidth, text)  # few matches: faster than str.translate

    def _line_converter(self, lines: list[str], title: str | None):
        """Lines in simplified script, converted in one call (conversion keeps lengths and breaks)."""
        original = [title or "", *lines]
        simplified = dict(
            zip(original, self.converter.to_simplified("\n".join(original)).split("\n"), strict=True)
        )

        def match(line: str) -> str:
            return simplified[line] if line in simplified else self.converter.to_simplified(line)

        return match

    def _match(self, script: str | None, lines: list[str], title: str | None, joined: str):
        """Lines in simplified script: converted on a traditional page; on a simplified page, only
        the traditional characters left in it (臺, 採, 眾) are."""
        if script == "hant":
            return self._line_converter(lines, title)
        if script == "hans" and self.converter.has_traditional(f"{title or ''}\n{joined}"):
            return self.converter.stray_to_simplified
        return str

    def normalize(self, source: Source) -> Article:
        page, encoding = self.page(source)
        counts: dict[str, int] = {}
        has_title = bool(page.title.strip())
        text = self.clean_chars(
            "\n".join(((page.title.replace("\n", " "),) if has_title else ()) + page.lines), counts
        )
        lines = layout.strip_lines(text)
        title = lines.pop(0) if has_title and lines else None
        joined = "\n".join(lines)
        conv = self.converter
        lang, script = detect(
            joined, conv.to_simplified, ambiguous=conv.ambiguous, count_traditional=conv.count_traditional
        )
        match = self._match(script, lines, title, joined)
        lay = layout.layout(lines, title, match, minguo=script == "hant", date_lines=page.date_lines)
        counts["boilerplate"] = lay.boilerplate + counts.pop("junk", 0)
        is_word = self.segmenters("zh").is_word if lang == "zh" else None
        body, spun = repeats.remove_repeats(lay.lines, lay.title, match, is_word)
        counts["spun"] = spun
        original = "\n".join(body)
        if len(original) < self.settings.min_text_chars:
            raise InputError("no article text found")
        # conversion goes line by line: on a traditional page the lines are converted already
        text = "\n".join(map(match, body)) if script == "hant" else match(original)
        title = lay.title or fallback_title(body, source.uri)
        hints = list(lay.dates) + list(page.dates) + url_date(source.uri)
        raw_sha1 = hashlib.sha1(source.data).hexdigest()
        return Article(
            id=article_id(source, raw_sha1),
            source=source.uri,
            site=page.site,
            lang=lang,
            script=script,
            title=match(title),
            published=settle_order(pick_published(hints), hints, text),
            text=text,
            original_title=title,
            original_text=original,
            cleaning={k: counts.get(k, 0) for k in (*CLEANERS, "boilerplate", "spun")},
            tokens=tuple(self.segmenters(lang).spans(text)),
            author=page.author,
            encoding=encoding,
            fetched=source.fetched,
            raw_sha1=raw_sha1,
            warc=source.warc,
        )


_INNER_END = re.compile(r"[。！？!?]|\.\s")


def fallback_title(body: list[str], uri: str, most: int = 40) -> str:
    """A title for an untitled page: its first line when that is one sentence no longer than a title
    (a title ending in 。, a page that is one sentence), else the line's start, else the file name. A
    colon after a short first line (…获评“某称号”:) leads into the text and is no part of the title."""
    first = next((line.strip() for line in body if line.strip() and not titles.credit_line(line)), "")
    if len(first) <= most:
        first = first.rstrip(":：").rstrip() or first
    if not first:
        return Path(uri.rsplit("/", 1)[-1]).stem
    if len(first) <= most or (len(first) <= layout.title_limit(first) and not _INNER_END.search(first[:-1])):
        return first
    return first[: most - 1].rstrip() + "…"
