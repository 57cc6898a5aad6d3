"""Search: a query through the engine, each hit described from the store with a highlighted snippet."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import Any

from extract.text import sentence_around
from index import analysis
from index.query import Query, request
from index.views import plain

SNIPPET = 70  # characters on each side of the first match


def search(
    archive, q: Query, limit: int = 20, offset: int = 0, facets=True, articles=None, **narrow
) -> dict[str, Any]:
    """One page of hits, described. `facets`: True for all, or the names of those shown. `narrow`:
    filters the query language has no word for (the web page's `relation` and `level`), as engine
    request fields. `articles`: a dict to fill with the hits' article rows (SHOWN), for the caller."""
    r = request(q, archive.segmenter.spans, limit=limit, offset=offset, facets=facets)
    result = archive.engine.search(replace(r, **narrow))
    needles = _needles(q, archive.segmenter.spans)
    read = _read(archive.store, result.hits)
    if articles is not None:
        articles.update(read[0])
    hits = [_describe(h, needles, *read) for h in result.hits]
    return {
        "total": result.total,
        "hits": [h for h in hits if h],
        "facets": result.facets,
        "query": q.describe(),
        "interpreted": _interpreted(q),
    }


SHOWN = ("title", "source", "site", "published", "lang", "text", "cluster")
TABLES = {"person": "people", "collective": "collectives", "event": "events"}


def _read(store, hits) -> tuple[dict, dict, dict, dict]:
    """What the hits show, read in a few queries for the whole page rather than a few per hit:
    their articles' rows, their entities by (table, article, n), the cluster sizes of article hits
    and the counts of event hits' articles."""
    articles = store.columns_of([h.article for h in hits], SHOWN)
    entities = {}
    for kind, table in TABLES.items():
        keys = [(h.article, int(h.id.rsplit(":", 1)[1])) for h in hits if h.kind == kind]
        for key, found in (store.entities_of(table, keys) if keys else {}).items():
            entities[(table, *key)] = found[0] if found else None
    clusters = [articles[h.article]["cluster"] for h in hits if h.kind == "article" and h.article in articles]
    sizes = store.cluster_sizes(clusters)
    counts = store.counts_shown([h.article for h in hits if h.kind == "event" and h.article in articles])
    return articles, entities, sizes, counts


def _interpreted(q: Query) -> dict[str, str]:
    """How the query was read, when that differs from what was typed (traditional, pinyin, no diacritics)."""
    out = {}
    for text, _neg, _quoted in q.terms():
        norm = analysis.normalise_query(text)
        if analysis.HAN_RUN.search(text) and norm != text.lower():
            out[text] = norm
    return out


def _needles(q: Query, segment) -> list[str]:
    """The strings to highlight: each query part, and for unquoted Chinese its words."""
    out = []
    for text, neg, quoted in q.terms():
        if neg:
            continue
        norm = analysis.normalise_query(text)
        out.append(norm)
        if not quoted and analysis.HAN_RUN.search(norm):
            out += analysis.words(norm, segment(norm))
        elif not analysis.HAN_RUN.search(norm):
            out += norm.split()
    return sorted(set(n for n in out if n), key=len, reverse=True)


def find_all(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of the needles in the text; case-, diacritic- and tone-insensitive."""
    hay = analysis.fold_text(text)
    starts: list[int] = []  # the spans taken so far, in order: they never overlap, so their ends
    ends: list[int] = []  # are in order too, and only the last one starting before a match may touch it
    for n in needles:
        key = analysis.fold_text(n)
        at = hay.find(key)
        while at >= 0 and key:
            end = at + len(key)
            i = bisect_left(starts, end)
            if not i or ends[i - 1] <= at:
                starts.insert(i, at)
                ends.insert(i, end)
            at = hay.find(key, at + 1)
    return list(zip(starts, ends, strict=True))


def snippet(text: str, needles: list[str], around: tuple[int, int] | None = None) -> dict[str, Any]:
    """A window of the text around `around` (an entity's sentence) or the first match, with the
    matches inside it as [start, end] pairs relative to the snippet. An entity's window is known
    beforehand, so only it is searched (most hits are entities, and their articles are long)."""
    if around is None:
        spans = find_all(text, needles)
        centre = spans[0][0] if spans else 0
        a, b = max(0, centre - SNIPPET), min(len(text), centre + SNIPPET)
        marks = [[s - a, e - a] for s, e in spans if a <= s and e <= b]
    else:
        a, b = around
        marks = [[s, e] for s, e in find_all(text[a:b], needles)]
    piece = text[a:b].replace("\n", " ")
    return {
        "snippet": ("…" if a else "") + piece + ("…" if b < len(text) else ""),
        "highlights": marks,
        "offset": 1 if a else 0,
    }


def _describe(hit, needles: list[str], articles, entities, sizes, counts) -> dict[str, Any] | None:
    a = articles.get(hit.article)
    if a is None:
        return None
    base = {
        "kind": hit.kind,
        "id": hit.id,
        "article_id": hit.article,
        "score": hit.score,
        **{k: a[k] for k in ("title", "source", "site", "published", "lang")},
    }
    if hit.kind == "article":
        dupes = sizes.get(a["cluster"], 0) - 1
        return {**base, **snippet(a["text"], needles), "cluster": a["cluster"], "duplicates": dupes}
    entity = entities.get((TABLES[hit.kind], hit.article, int(hit.id.rsplit(":", 1)[1])))
    if entity is None:
        return None
    item = plain(entity)
    span = item.pop("span")
    around = sentence_around(a["text"], span[0]) if span else None
    found = snippet(a["text"], needles + [entity.name or ""], around)
    if hit.kind == "event":
        item["counts"] = [
            {"value": value, "unit": unit, "status": status, "honour": honour}
            for value, unit, status, honour in counts[hit.article]
        ]
    return {**base, **item, **found}


def per_year(archive, q: Query, **narrow) -> dict[int, int]:
    """Honours per year for a query: the people and collectives it matches (all of them, not one
    page), counted by year through the engine's year facet. For the web page's chart."""
    kinds = tuple(k for k in q.kinds if k in ("person", "collective")) or ("person", "collective")
    if q.kinds and not set(q.kinds) & {"person", "collective"}:
        return {}
    r = request(replace(q, kinds=kinds), archive.segmenter.spans, limit=0, facets=("year",))
    result = archive.engine.search(replace(r, count=False, **narrow))
    return dict(sorted((int(y), n) for y, n in result.facets.get("year", {}).items()))


def variants(found: dict[str, Any]) -> list[dict[str, str]]:
    """How the query matched where that differs from what was typed: traditional characters read as
    simplified, a Latin query read as pinyin or as Vietnamese without diacritics. Each as
    {"typed", "matched", "how": traditional | pinyin | diacritics}, for the web page's hint."""
    out = [{"typed": t, "matched": m, "how": "traditional"} for t, m in found.get("interpreted", {}).items()]
    typed = " ".join(t for t in found["query"]["text"] if t.isascii())
    words = [analysis.fold(w) for w in analysis.syllables(typed)]
    if not words:
        return out
    key = "".join(analysis.query_pinyin(typed))
    for h in found["hits"]:
        name = h.get("name") or ""
        if analysis.HAN_RUN.search(name):
            how = "pinyin" if key and key in analysis.pinyin(name) else None
        else:
            folded = [analysis.fold(s) for s in analysis.syllables(name)]
            plain = all(w in folded for w in words) and not name.isascii()
            how = "diacritics" if plain else None
        if how and not any(v["matched"] == name for v in out):
            out.append({"typed": typed, "matched": name, "how": how})
    return out[:6]


def years_of(store, article_ids: list[str]) -> dict[str, int | None]:
    """Each article's year as the index files it: its first event's year, else its publication year."""
    return store.years(article_ids)
