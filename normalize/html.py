"""HTML -> title, main text lines and metadata, with trafilatura."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from trafilatura.settings import set_date_params

from normalize.records import DateHint, Decoded, InputError, Page

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_BLOCK = {"section", "p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote"}
_CJK = r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’]"
_CJK_GAP = re.compile(rf"(?<={_CJK})[ \t]*\n[ \t]*(?={_CJK})")
_IS_CJK = re.compile(_CJK)
_INLINE = (
    "span",
    "strong",
    "b",
    "em",
    "i",
    "a",
    "font",
    "u",
    "sup",
    "sub",
    "small",
    "big",
    "mark",
    "label",
    "abbr",
)


def _cjk(char: str) -> bool:
    return bool(char) and _IS_CJK.match(char) is not None


def _join_inline(tree: lxml.html.HtmlElement) -> None:
    """Drop the whitespace that source formatting leaves around inline elements between Chinese
    characters (`还有\n<span>林晓燕</span>\n<span>、</span>`): it is layout, not a word break."""
    for el in tree.iter(_INLINE):
        inner = el.text_content()
        if not inner:
            continue
        prev = el.getprevious()
        holder, attr = (prev, "tail") if prev is not None else (el.getparent(), "text")
        before = getattr(holder, attr) or ""
        if before[-1:].isspace() and _cjk(before.rstrip()[-1:]) and _cjk(inner[0]):
            setattr(holder, attr, before.rstrip())
        tail = el.tail or ""
        if tail[:1].isspace():
            rest = tail.lstrip()
            nxt = el.getnext()
            after = rest[:1] or (nxt.text_content()[:1] if nxt is not None and nxt.tag in _INLINE else "")
            if _cjk(inner[-1]) and _cjk(after):
                el.tail = rest


def _prepare(html: str) -> lxml.html.HtmlElement:
    """Parse, and turn WeChat-style <section> blocks into paragraphs so that breaks survive."""
    html = _XML_DECL.sub("", html, count=1)
    # a newline between two Chinese characters in the source is layout, not a word break
    html = _CJK_GAP.sub("", html)
    tree = lxml.html.document_fromstring(html)
    for el in tree.iter("section"):
        el.tag = "div" if any(d.tag in _BLOCK for d in el.iterdescendants()) else "p"
    _join_inline(tree)
    return tree


_LEAF_TAGS = {
    "div",
    "p",
    "span",
    "em",
    "time",
    "td",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "font",
    "strong",
}
_DIGIT = re.compile(r"\d")
MAX_HEADER_LINE = 80  # a date line under the title (发布时间：… 来源：… 浏览次数：…)


def _leaf_texts(tree: lxml.html.HtmlElement) -> list[str]:
    """The text of every element without block children, in document order."""
    out = []
    for el in tree.iter(*_LEAF_TAGS):
        if not any(child.tag in _BLOCK for child in el):
            text = " ".join(el.text_content().split())
            if text:
                out.append(text)
    return out


def _squash(s: str) -> str:
    return "".join(s.split())


def _under_title(leaves: list[str], title: str, first_line: str) -> tuple[str, ...]:
    """Short lines with digits between the title heading and the article text: where the article's
    date sits on pages whose date trafilatura does not return (出版日期:…, 中華民國113年10月3日)."""
    want, start = _squash(title), _squash(first_line)[:12]
    at = next((i for i, t in enumerate(leaves) if want and _squash(t) == want), None)
    if at is None or not start:
        return ()
    out = []
    for text in leaves[at + 1 : at + 12]:
        if start in _squash(text):
            return tuple(out)
        if len(text) <= MAX_HEADER_LINE and _DIGIT.search(text):
            out.append(text)
    return ()


def extract(doc: Decoded, min_chars: int = 20) -> Page:
    try:
        tree = _prepare(doc.text)
    except (ValueError, lxml.etree.ParserError) as e:
        raise InputError(f"unreadable HTML ({e})") from None
    leaves = _leaf_texts(tree)
    url = doc.source.uri if doc.source.is_url else None
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        # markup and URL dates only: htmldate's extensive search runs dateparser over every locale
        # (two thirds of the time per page) for dates our own parser reads from the text anyway
        date_extraction_params=set_date_params(extensive=False),
    )
    text = (result.text if result else "") or ""
    if len(text.strip()) < min_chars:
        raise InputError("no article text found in the HTML")
    dates = (DateHint(result.date[:10], "meta"),) if result.date else ()
    site = urlsplit(url).hostname if url else None
    lines = tuple(text.splitlines())
    first = next((line for line in lines if line.strip()), "")
    return Page(
        title=result.title or "",
        lines=lines,
        dates=dates,
        author=result.author,
        site=site,
        date_lines=_under_title(leaves, result.title or "", first),
    )
