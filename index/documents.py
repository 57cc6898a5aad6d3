"""Articles -> index documents: one per article, and one per person, collective and event of an
article that is its cluster's canonical member (a repost adds no second copy of its people)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from functools import cache

from extract.events import place_parts, without_vi_level
from extract.records import Extraction
from index import analysis
from index.engine import UNITS, IndexDoc
from normalize.records import Article

BODY_BIGRAMS = (
    False  # bigrams of titles and names only: body bigrams double the postings (Whoosh: 2x slower ingest)
)


@cache
def _core_titles() -> re.Pattern:
    from extract.lexicon import lexicon

    return lexicon().honour_re


def honour_variants(title: str | None) -> tuple[str, ...]:
    """A title and the lexicon titles inside it: 2023年度石林县劳动模范 -> (…, 劳动模范)."""
    if not title:
        return ()
    t = analysis.normalise_query(title)
    return tuple(dict.fromkeys([t, *(m.group(0).lower() for m in _core_titles().finditer(t))]))


def core_honour(title: str | None) -> str | None:
    """The title shown in facets: the longest lexicon title inside it, else the title itself."""
    variants = honour_variants(title)
    return max(variants[1:], key=len) if len(variants) > 1 else (variants[0] if variants else None)


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
    entities = {
        t: [{**asdict(e), "n": n} for n, e in enumerate(getattr(found, t))]
        for t in ("people", "collectives", "events", "counts")
    }
    return View(id=article.id, lang=article.lang or "other", title=article.title or "", text=article.text,
                published=article.published, is_commendation=found.is_commendation, canonical=canonical,
                spans=list(article.tokens), **entities)  # fmt: skip


def as_duplicate(docs: list[IndexDoc]) -> list[IndexDoc]:
    """A repost is indexed as its article only, marked not canonical."""
    return [replace(d, canonical=False) for d in docs if d.kind == "article"]


def article_docs(v: View, segment) -> list[IndexDoc]:
    """All index documents of one live article."""
    a = v.id
    events, people, collectives, counts = v.events, v.people, v.collectives, v.counts
    year = next((e["year"] for e in events if e.get("year")), None) or (
        int(v.published[:4]) if v.published else None
    )
    place = next((e["place"] for e in events if e.get("place")), None)
    titles = [h for e in events for h in e.get("honours") or []]
    titles += [p["honour"] for p in people if p.get("honour")] + [
        c["honour"] for c in collectives if c.get("honour")
    ]
    honours = tuple(dict.fromkeys(x for t in titles for x in honour_variants(t)))
    largest = {
        u: max((c["value"] for c in counts if c["unit"] == u and c.get("status") != "candidate"), default=0)
        for u in UNITS
    }
    largest = {u: x for u, x in largest.items() if x}
    lang = v.lang
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
    ):
        return IndexDoc(
            id=doc_id, kind=kind, article=a, canonical=v.canonical, lang=lang, year=doc_year,
            places=place_variants(doc_place), place=doc_place, honours=doc_honours,
            honour=doc_honour or (core_honour(titles[0]) if titles else None), counts=doc_counts or {}, tokens=toks,
        )  # fmt: skip

    docs = [doc(f"a:{a}", "article", tokens, doc_counts=largest)]
    if not v.canonical or not v.is_commendation and not people:
        return docs
    for p in people:
        extra = " ".join(filter(None, (p.get("role"), p.get("org"), p.get("honour"))))
        docs.append(
            doc(
                f"p:{a}:{p['n']}",
                "person",
                _name_tokens(lang, p["name"], extra),
                doc_place=p.get("place") or place,
                doc_honours=honour_variants(p.get("honour")),
                doc_honour=core_honour(p.get("honour")),
            )  # fmt: skip
        )
    for c in collectives:
        docs.append(
            doc(
                f"c:{a}:{c['n']}",
                "collective",
                _name_tokens(lang, c["name"], c.get("honour") or ""),
                doc_honours=honour_variants(c.get("honour")),
                doc_honour=core_honour(c.get("honour")),
            )  # fmt: skip
        )
    for e in events:
        event_titles = e.get("honours") or []
        docs.append(
            doc(
                f"e:{a}:{e['n']}",
                "event",
                _name_tokens(lang, e.get("name") or "", " ".join(event_titles)),
                doc_year=e.get("year") or year,
                doc_place=e.get("place") or place,
                doc_counts=largest,
                doc_honours=tuple(dict.fromkeys(x for t in event_titles for x in honour_variants(t))),
                doc_honour=core_honour(event_titles[0]) if event_titles else None,
            )  # fmt: skip
        )
    return docs
