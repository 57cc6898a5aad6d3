"""Article -> Extraction (people, collectives, events, counts), and the public record of `honours extract`."""

from __future__ import annotations

import dataclasses
from typing import Any

from extract.collectives import find_collectives_vi, find_collectives_zh
from extract.commendation import (
    acts_only,
    is_commendation,
    names_honourees,
    not_a_commendation,
    talks_of_honours,
)
from extract.counts import find_counts
from extract.events import find_event
from extract.honours import Honour, awarding_bodies, canonical_title, json_shape, make_honour
from extract.lexicon import lexicon
from extract.people import Context, people_zh
from extract.people_vi import find_people as find_people_vi
from extract.places import place_from_bodies, resolve
from extract.records import Award, Collective, Count, Event, Extraction, Person
from extract.relations_vi import people_vi
from extract.text import Mention, sentences
from extract.text import honours as honour_mentions  # not `honours`: extract.honours is a module
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
        talks = talks_of_honours(article.title, text, bool(title_honours))  # a call for nominations too
        kind = not_a_commendation(article.title, text)  # None, "explainer", "call" or "visit"
        commendation = talks and kind is None
        spans = sentences(text)
        ctx = Context(text, spans, commendation, found_honours, self.lex, article.title)
        if lang == "zh":
            people = people_zh(self.zh_people.find(text, thorough=talks), ctx)
            names = {p.name for p in people}
            honoured = sum(p.relation == "honouree" for p in people)
            commendation = commendation or names_honourees(kind, honoured)  # candidates named, few cue words
            collectives = (
                find_collectives_zh(text, self.lex, found_honours, names, spans) if commendation else []
            )
        else:
            people = people_vi(find_people_vi(text, self.lex.figures), ctx)
            collectives = find_collectives_vi(text, found_honours) if commendation else []
        people, collectives = _as_written(people, text), _as_written(collectives, text)
        honoured_bodies = [c for c in collectives if not acts_only(c.as_written or c.name, text)]
        if lang == "zh" and not any(p.relation == "honouree" for p in people) and not honoured_bodies:
            commendation = False  # … but a Chinese report naming nobody honoured is no commendation record
            collectives = []  # its bodies only organise, nominate or hold posts (acts_only)
        event = find_event(
            article.title,
            text,
            lang,
            article.published,
            title_honours + found_honours,
            minguo=article.script == "hant",
        )
        event = _placed(event, text, lang) if event else None
        year = (event.year if event else None) or _year(article.published)
        awards = _awards(text, lang, article.title, year, found_honours, people, collectives)
        return Extraction(
            is_commendation=commendation,
            people=tuple(people),
            collectives=tuple(collectives),
            events=(event,) if event and (talks or commendation) and kind != "explainer" else (),
            honours=awards,
            counts=_headline(
                find_counts(text, lang, found_honours, self.lex, spans, kind is not None),
                find_counts(article.title, lang, title_honours, self.lex, None, kind is not None)
                if lang == "vi"
                else [],
            ),
        )


def _as_written(items: list, text: str) -> list:
    """Each person or collective whose span's text is not its name (a Taiwan title written inside the
    name, 沈课员腾芳 for 沈腾芳; the first of a list sharing its last unit word, 北湖 for 北湖社区) keeps
    that text as `as_written`: the span still points at the page, the name is what one searches for."""
    return [
        dataclasses.replace(x, as_written=text[x.span[0] : x.span[1]])
        if text[x.span[0] : x.span[1]] != x.name
        else x
        for x in items
    ]


def _headline(counts: list[Count], in_title: list[Count]) -> tuple[Count, ...]:
    """The text's counts, and a total only the headline gives (117 đơn vị nhận cờ thi đua …, the
    text counting its parts): it has no place in the text, so an empty span and surface. A count the
    text repeats keeps its place in the text, with the honour (and status) only the headline names
    (Trao Huy hiệu Đảng cho 84 đảng viên …, the text saying 84 đảng viên alone)."""
    named = {(c.value, c.unit): c for c in reversed(in_title) if c.honour}
    said = {(c.value, c.unit) for c in counts}
    text = [_named_by(c, named.get((c.value, c.unit))) for c in counts]
    headline = [
        dataclasses.replace(c, text="", span=(0, 0)) for c in in_title if (c.value, c.unit) not in said
    ]
    return (*text, *headline)


def _named_by(count: Count, title: Count | None) -> Count:
    """The text's count with the honour of the headline's same count, when only the headline names it."""
    if title is None or count.honour:
        return count
    return dataclasses.replace(count, honour=title.honour, status=count.status or title.status)


def _year(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None


def _placed(event: Event, text: str, lang: str) -> Event:
    """The event with a place that is a division: the one it names when that resolves (还有温泉街道
    does not), else the place of its organisers (中共石林县委 -> 石林县), else none."""
    resolved = bool(event.place) and resolve(event.place, lang, context=text, year=event.year) is not None
    place = place_from_bodies(event.organizers, lang, context=text, year=event.year)
    if place is None and (event.organizers or not resolved):
        # bare organisers ("县委县政府" in the title): the signature names them in full
        bodies = tuple(awarding_bodies(text, lang))
        place = place_from_bodies(bodies, lang, context=text, year=event.year)
        if place is not None:
            event = dataclasses.replace(event, organizers=bodies)
    if resolved:
        return event
    return dataclasses.replace(event, place=place.display if place else None)


def _awards(
    text: str,
    lang: str,
    title: str,
    year: int | None,
    mentions: list[Mention],
    people: list[Person],
    collectives: list[Collective],
) -> tuple[Award, ...]:
    """The honour records of each person and collective with an honour: the mention of its title
    nearest to it (a mention of the same canonical title first) and every mention inside its span."""
    made: dict[tuple[int, int], Honour] = {}
    canon = {(m.start, m.end): canonical_title(m.text, lang)[0] for m in mentions}

    def record_of(m: Mention) -> Honour:
        key = (m.start, m.end)
        if key not in made:
            made[key] = make_honour(m.text, text, lang, key, year=year, doc_title=title)
        return made[key]

    out: list[Award] = []
    for owner, items in (("person", people), ("collective", collectives)):
        for n, item in enumerate(items):
            if not item.honour or not item.span:
                continue
            for m in _held(item.honour, item.span, mentions, canon, text, lang):
                honour = record_of(m)
                if getattr(item, "posthumous", False) and honour.status == "awarded":
                    honour = dataclasses.replace(honour, status="posthumous")
                values = {f.name: getattr(honour, f.name) for f in dataclasses.fields(Honour)}
                out.append(Award(**values, owner=owner, owner_n=n))
    return tuple(out)


def _held(
    honour: str, span: tuple[int, int], mentions: list[Mention], canon: dict, text: str, lang: str
) -> list[Mention]:
    """The mentions an owner at `span` holds (see `_awards`); when the text has none of its title, the
    title where the text writes it nearest to the owner, else the title itself at the owner."""
    inside = [m for m in mentions if span[0] <= m.start and m.end <= span[1]]
    wanted = canonical_title(honour, lang)[0]
    same = [m for m in mentions if canon[(m.start, m.end)] == wanted]
    pool = same or mentions
    if not pool:
        at = [i for i in range(len(text)) if text.startswith(honour, i)]
        pool = [Mention(i, i + len(honour), honour) for i in at] or [Mention(*span, honour)]

    def distance(m: Mention) -> int:
        return max(m.start - span[1], span[0] - m.end, 0)

    nearest = min(pool, key=lambda m: (distance(m), m.start))
    return list({(m.start, m.end): m for m in [nearest, *inside]}.values())


def _plain(items, honours=None) -> list[dict[str, Any]]:
    """Records as the contract writes them; `honours(n)`: the honours of the n-th, under "honours"."""
    out = []
    for n, item in enumerate(items):
        d = json_shape(item)
        if honours is not None:
            d["honours"] = [h.as_dict() for h in honours(n)]
        out.append(d)
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
        "people": _plain(found.people, lambda n: found.honours_of("person", n)),
        "collectives": _plain(found.collectives, lambda n: found.honours_of("collective", n)),
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
