"""Article -> Extraction (people, collectives, events, counts), and the public record of `honours extract`."""

from __future__ import annotations

import dataclasses
from typing import Any

from extract.collectives import find_collectives_vi, find_collectives_zh
from extract.commendation import explains_only, is_commendation
from extract.counts import find_counts
from extract.events import find_event
from extract.lexicon import lexicon
from extract.people import Context, people_vi, people_zh
from extract.people_vi import find_people as find_people_vi
from extract.records import Extraction
from extract.text import honours as honour_mentions  # not `honours`: extract.honours is a module
from extract.text import sentences
from normalize.records import Article


class Extractor:
    """Owns the name finder; build one per process. It borrows the Chinese segmenter's dictionary
    lookup and tagger, so the extractor and the normaliser share one dictionary."""

    def __init__(self, chinese_segmenter):
        from extract.names_zh import ChineseNameFinder
        from extract.people_zh import ChinesePeople

        self.lex = lexicon()
        self.names = ChineseNameFinder(chinese_segmenter.is_word, chinese_segmenter.tag)
        self.zh_people = ChinesePeople(self.names, self.lex)

    def extract(self, article: Article) -> Extraction:
        text, lang = article.text, article.lang
        if lang not in ("zh", "vi"):
            return Extraction(is_commendation=is_commendation(article.title, text))
        found_honours = honour_mentions(text, self.lex, lang)
        title_honours = honour_mentions(article.title, self.lex, lang)
        commendation = is_commendation(article.title, text, bool(title_honours))
        spans = sentences(text)
        ctx = Context(text, spans, commendation, found_honours, self.lex, article.title)
        if lang == "zh":
            people = people_zh(self.zh_people.find(text, thorough=commendation), ctx)
            names = {p.name for p in people}
            collectives = (
                find_collectives_zh(text, self.lex, found_honours, names, spans) if commendation else []
            )
        else:
            people = people_vi(find_people_vi(text, self.lex.figures), ctx)
            collectives = find_collectives_vi(text, found_honours) if commendation else []
        reports_honours = commendation  # an event honouring people, named or not
        if lang == "zh" and not any(p.relation == "honouree" for p in people) and not collectives:
            commendation = False  # … but a Chinese report naming nobody honoured is no commendation record
        event = find_event(
            article.title,
            text,
            lang,
            article.published,
            title_honours + found_honours,
        )
        return Extraction(
            is_commendation=commendation,
            people=tuple(people),
            collectives=tuple(collectives),
            events=(event,) if event and reports_honours else (),
            counts=tuple(
                find_counts(text, lang, found_honours, self.lex, spans, explains_only(article.title, text))
            ),
        )


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
