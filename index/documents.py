"""Articles -> index documents: one per article, and one per person, collective and event of an
article that is its cluster's canonical member (a repost adds no second copy of its people)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from extract.event_places import place_parts, without_vi_level
from extract.honours import HONOUR_LEVELS, canonical_title, flat
from extract.places import Place, resolve
from extract.records import Extraction
from index import analysis
from index.engine import TREE, UNITS, IndexDoc
from normalize.records import Article

# Bigrams of titles and names only: body bigrams double the postings (Whoosh: 2x slower ingest), and
# engine.LOOSE matches a phrase's bigrams without positions, which is right only in such short fields.
BODY_BIGRAMS = False


@cache
def _core_titles() -> re.Pattern:
    from extract.lexicon import lexicon

    return lexicon().honour_re


@lru_cache(maxsize=8192)  # the same places and titles come back in every article of a run
def honour_variants(title: str | None) -> tuple[str, ...]:
    """A title and the lexicon titles inside it: 2023年度石林县劳动模范 -> (…, 劳动模范)."""
    if not title:
        return ()
    t = analysis.normalise_query(title)
    return tuple(dict.fromkeys([t, *(m.group(0).lower() for m in _core_titles().finditer(t))]))


def core_honour(title: str | None, lang: str | None = None) -> str | None:
    """The title shown in facets: its canonical title (石林县劳动模范 and 全国劳模 -> 劳动模范;
    "người tốt, việc tốt" -> người tốt việc tốt), the same value however it was written."""
    return canonical_title(title, lang)[0] or None if title and title.strip() else None


def honour_filters(titles, lang: str | None = None) -> tuple[str, ...]:
    """What an honour filter matches: each title as written, the lexicon titles inside it and its
    canonical title (so a filter on a facet value finds its documents)."""
    out = [x for t in titles for x in honour_variants(t)]
    out += [analysis.normalise_query(c) for t in titles if (c := core_honour(t, lang))]
    return tuple(dict.fromkeys(out))


def division(place: str | None, lang: str | None = None, context: str | None = None) -> Place | None:
    """The administrative division a place string names, or None when it names none (还有温泉街道)."""
    return resolve(place, lang, context=context) if place else None


@lru_cache(maxsize=8192)  # the same places and titles come back in every article of a run
def place_filters(place: Place | None, written: str | None = None) -> tuple[str, ...]:
    """What a place filter matches: the place as written and its parts, the division's short and
    official names, and the divisions above it (a filter on 云南省 finds 石林县)."""
    if place is None:
        return ()
    names = [n for n in (written, place.display, place.name, *place.path) if n]
    return tuple(dict.fromkeys(x for n in names for x in place_variants(n)))


def tree(place: Place | None) -> tuple[str, ...]:
    """A division's values in the place tree, one per level from its province down: /云南省,
    /云南省/昆明市, /云南省/昆明市/石林彝族自治县 (a Vietnamese division's successor's after the 2025
    merger). None for a place the division lists lack (no code): the tree holds only divisions."""
    while place is not None and place.successor is not None:
        place = place.successor
    if place is None or place.code is None:
        return ()
    path = place.path[: len(TREE)]
    return tuple("/" + "/".join(path[: i + 1]) for i in range(len(path)))


@lru_cache(maxsize=8192)  # the same places and titles come back in every article of a run
def place_variants(place: str | None) -> tuple[str, ...]:
    """昆明市盘龙区 -> (昆明市盘龙区, 昆明市, 盘龙区); phường Quang Trung -> (…, quang trung)."""
    if not place:
        return ()
    p = analysis.normalise_query(place)
    out = [p, *place_parts(p)]
    bare = without_vi_level(p)
    if bare != p:
        out += [bare, " ".join(analysis.fold(s) for s in bare.split())]
    return tuple(dict.fromkeys(out))


def _text_tokens(lang: str, text: str, spans) -> dict[str, tuple[str, ...]]:
    if lang == "vi":
        vi, folded = analysis.vietnamese(text)
        return {"vi": tuple(vi), "vifold": tuple(folded)}
    return {"words": tuple(analysis.words(text, spans)), "bigrams": tuple(analysis.bigrams(text))}


def _name_tokens(lang: str, name: str, extra: str) -> dict[str, tuple[str, ...]]:
    """A name first (so a phrase on it matches), then role, organisation and honour words."""
    if lang == "vi":
        vi, folded = analysis.vietnamese(f"{name} {extra}")
        return {"vi": tuple(vi), "vifold": tuple(folded)}
    text = analysis.normalise_query(name)
    rest = analysis.normalise_query(extra)
    return {
        "words": (text, *analysis.words(rest, [(m.start(), m.end()) for m in re.finditer(r"\S+", rest)])),
        "bigrams": tuple(analysis.bigrams(text) + analysis.bigrams(rest)),
        "pinyin": analysis.pinyin(name),
    }


@dataclass(frozen=True)
class View:
    """What indexing needs of an article, from the store or straight from a worker."""

    id: str
    lang: str
    title: str
    text: str
    published: str | None
    is_commendation: bool
    canonical: bool
    spans: list
    people: list[dict]
    collectives: list[dict]
    events: list[dict]
    counts: list[dict]


def view(article: Article, found: Extraction, canonical: bool = True) -> View:
    """An article (freshly normalised, or as stored) and what was found in it; a fresh one is indexed
    as if it were its cluster's canonical member (the archive corrects that)."""
    owners = {"people": "person", "collectives": "collective"}
    entities = {
        t: [
            {**flat(e), "n": n, "honours": [flat(h) for h in found.honours_of(owners.get(t, ""), n)]}
            for n, e in enumerate(getattr(found, t))
        ]
        for t in ("people", "collectives", "events", "counts")
    }
    return View(
        id=article.id,
        lang=article.lang or "other",
        title=article.title or "",
        text=article.text,
        published=article.published,
        is_commendation=found.is_commendation,
        canonical=canonical,
        spans=list(article.tokens),
        **entities,
    )


def as_duplicate(docs: list[IndexDoc]) -> list[IndexDoc]:
    """A repost is indexed as its article only, marked not canonical."""
    return [replace(d, canonical=False) for d in docs if d.kind == "article"]


def article_docs(v: View, segment) -> list[IndexDoc]:
    """All index documents of one live article. Facets show canonical honour titles and places that
    are divisions (resolved, by their short names); filters also match titles and places as written."""
    a = v.id
    events, people, collectives, counts = v.events, v.people, v.collectives, v.counts
    year = next((e["year"] for e in events if e.get("year")), None) or (
        int(v.published[:4]) if v.published else None
    )
    lang = v.lang
    resolved: dict[str, Place | None] = {}

    def where(written: str | None) -> Place | None:
        if written and written not in resolved:
            resolved[written] = division(written, lang, v.text)
        return resolved.get(written) if written else None

    place = next((e["place"] for e in events if where(e.get("place"))), None)
    titles = [h for e in events for h in e.get("honours") or []]
    titles += [p["honour"] for p in people if p.get("honour")] + [
        c["honour"] for c in collectives if c.get("honour")
    ]
    honours = honour_filters(titles, lang)
    largest = {
        u: max((c["value"] for c in counts if c["unit"] == u and c.get("status") != "candidate"), default=0)
        for u in UNITS
    }
    largest = {u: x for u, x in largest.items() if x}
    tokens = _text_tokens(lang, v.title, segment(v.title) if lang == "zh" else [])
    for name, more in _text_tokens(lang, v.text, v.spans).items():
        if name != "bigrams" or BODY_BIGRAMS:
            tokens[name] = tokens.get(name, ()) + more

    def doc(
        doc_id,
        kind,
        toks,
        doc_year=year,
        doc_place=place,
        doc_honours=honours,
        doc_honour=None,
        doc_counts=None,
        doc_also=(),
        doc_relation=None,
        doc_levels=(),
    ):
        at = where(doc_place)
        places = place_filters(at, doc_place) if at else place_variants(doc_place)
        places += tuple(x for written in doc_also for x in place_filters(where(written), written))
        branch = tree(at)  # a tree value filters exactly what its facet counts: the shown place's
        places += tuple(analysis.normalise_query(x) for x in branch)
        return IndexDoc(
            id=doc_id,
            kind=kind,
            article=a,
            canonical=v.canonical,
            lang=lang,
            year=doc_year,
            places=tuple(dict.fromkeys(places)),
            place=at.display if at else None,
            honours=doc_honours,
            honour=doc_honour or (core_honour(titles[0], lang) if titles else None),
            counts=doc_counts or {},
            tokens=toks,
            relation=doc_relation,
            levels=doc_levels,
            level=doc_levels[0] if doc_levels else None,
            tree=branch,
        )

    def held(e: dict) -> dict:
        """The facets of a person or collective: its honour records' canonical title and place."""
        records = e.get("honours") or []
        written = [e.get("honour"), *(h["as_written"] for h in records)]
        return {
            "doc_honours": honour_filters([t for t in written if t], lang)
            + tuple(analysis.normalise_query(h["title"]) for h in records),
            "doc_honour": records[0]["title"] if records else core_honour(e.get("honour"), lang),
            "doc_place": next(
                (p for p in (e.get("place"), *(h["place"] for h in records)) if where(p)), place
            ),
            "doc_also": tuple(h["place"] for h in records if h["place"]),  # filters find its honours' places
            "doc_levels": tuple(
                x for x in HONOUR_LEVELS if any(h.get("level") == x for h in records)
            ),  # highest first
        }

    docs = [doc(f"a:{a}", "article", tokens, doc_counts=largest)]
    if not v.canonical or not v.is_commendation and not people:
        return docs
    for p in people:
        extra = " ".join(filter(None, (p.get("role"), p.get("org"), p.get("honour"))))
        name_tokens = _name_tokens(lang, p["name"], extra)
        docs.append(doc(f"p:{a}:{p['n']}", "person", name_tokens, doc_relation=p.get("relation"), **held(p)))
    for c in collectives:
        name_tokens = _name_tokens(lang, c["name"], c.get("honour") or "")
        docs.append(doc(f"c:{a}:{c['n']}", "collective", name_tokens, **held(c)))
    for e in events:
        event_titles = e.get("honours") or []
        docs.append(
            doc(
                f"e:{a}:{e['n']}",
                "event",
                _name_tokens(lang, e.get("name") or "", " ".join(event_titles)),
                doc_year=e.get("year") or year,
                doc_place=e.get("place") if where(e.get("place")) else place,
                doc_counts=largest,
                doc_honours=honour_filters(event_titles, lang),
                doc_honour=core_honour(event_titles[0], lang) if event_titles else None,
            )
        )
    return docs
