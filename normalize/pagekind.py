"""Is a fetched page an article? The crawler's test for pages of sites it knows nothing about, and
the same test when pages are read back from WARC files (`honours ingest DATA/warc/`), so both
store exactly the same pages: a page whose text is mostly link text is a list page, a page with
little text of its own (an "about" or contact page) is no article, and robots.txt is no page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import lxml.etree
import lxml.html

LIST_LINK_SHARE = 0.5  # a page whose text is more than this share of link text is a list page
ARTICLE_CHARS = 80  # less text than this outside links (an "about" or contact page) is no article
NOT_PAGES = ("/robots.txt",)  # fetched by the crawler for itself, kept in the WARC, never a page
_PARSER = lxml.html.HTMLParser(encoding="utf-8")


def page_kind(html: str) -> str:
    """list | other | article, for a page's decoded text (HTML or plain text)."""
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (lxml.etree.ParserError, ValueError):  # nothing to parse: an empty page
        return "other"
    text = _chars(tree.xpath("//body//text()[not(ancestor::script or ancestor::style)]"))
    links = _chars(tree.xpath("//body//a//text()"))
    if links > LIST_LINK_SHARE * text:
        return "list"
    return "other" if text - links < ARTICLE_CHARS else "article"


def is_page(url: str) -> bool:
    """False for URLs that are never pages of the site (robots.txt)."""
    return urlsplit(url).path not in NOT_PAGES


def _chars(texts: list[str]) -> int:
    """Characters that are not white space."""
    return len("".join("".join(texts).split()))
