"""Article -> Extraction, and the public record of `honours extract`."""

from __future__ import annotations

import dataclasses
from typing import Any

from extract.commendation import is_commendation
from extract.records import Extraction
from normalize.records import Article


def extract(article: Article) -> Extraction:
    return Extraction(is_commendation=is_commendation(article.title, article.text))


def _plain(items) -> list[dict[str, Any]]:
    out = []
    for item in items:
        d = dataclasses.asdict(item)
        out.append({k: list(v) if isinstance(v, tuple) else v for k, v in d.items()})
    return out


def record(article: Article, found: Extraction, tokens: bool = False) -> dict[str, Any]:
    """The record contract of DESIGN.md: field names here are a public interface."""
    rec: dict[str, Any] = {
        "id": article.id,
        "source": article.source,
        "site": article.site,
        "lang": article.lang,
        "script": article.script,
        "title": article.title,
        "published": article.published,
        "text": article.text,
        "is_commendation": found.is_commendation,
        "cleaning": dict(article.cleaning),
        "people": _plain(found.people),
        "collectives": _plain(found.collectives),
        "events": _plain(found.events),
        "counts": _plain(found.counts),
        "original_title": article.original_title,
        "author": article.author,
        "encoding": article.encoding,
        "fetched": article.fetched,
        "raw_sha1": article.raw_sha1,
        "warc": article.warc,
    }
    if tokens:
        rec["tokens"] = [list(span) for span in article.tokens]
    return rec
