"""Search: a query through the engine, each hit described from the store with a highlighted snippet."""

from __future__ import annotations

import json
from typing import Any

from extract.text import sentence_of, sentences
from index import analysis
from index.query import Query, request

SNIPPET = 70  # characters on each side of the first match


def search(archive, q: Query, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    result = archive.engine.search(request(q, archive.segmenter.spans, limit=limit, offset=offset))
    needles = _needles(q, archive.segmenter.spans)
    hits = [_describe(archive.store, h, needles) for h in result.hits]
    return {
        "total": result.total,
        "hits": [h for h in hits if h],
        "facets": result.facets,
        "query": q.describe(),
        "interpreted": _interpreted(q),
    }


def _interpreted(q: Query) -> dict[str, str]:
    """How the query was read, when that differs from what was typed (traditional, pinyin, no diacritics)."""
    out = {}
    for text, _neg, _quoted in q.text:
        norm = analysis.normalise_query(text)
        if analysis._HAN_RUN.search(text) and norm != text.lower():
            out[text] = norm
    return out


def _needles(q: Query, segment) -> list[str]:
    """The strings to highlight: each query part, and for unquoted Chinese its words."""
    out = []
    for text, neg, quoted in q.text:
        if neg:
            continue
        norm = analysis.normalise_query(text)
        out.append(norm)
        if not quoted and analysis._HAN_RUN.search(norm):
            out += analysis.words(norm, segment(norm))
        elif not analysis._HAN_RUN.search(norm):
            out += norm.split()
    return sorted(set(n for n in out if n), key=len, reverse=True)


def find_all(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of the needles in the text; case-, diacritic- and tone-insensitive."""
    hay = analysis.fold_text(text)
    spans: list[tuple[int, int]] = []
    for n in needles:
        key = analysis.fold_text(n)
        at = hay.find(key)
        while at >= 0 and key:
            if not any(a < at + len(key) and at < b for a, b in spans):
                spans.append((at, at + len(key)))
            at = hay.find(key, at + 1)
    return sorted(spans)


def snippet(text: str, needles: list[str], around: tuple[int, int] | None = None) -> dict[str, Any]:
    """A window of the text around `around` (an entity's sentence) or the first match, with the
    matches inside it as [start, end] pairs relative to the snippet."""
    spans = find_all(text, needles)
    if around is None:
        centre = spans[0][0] if spans else 0
        a, b = max(0, centre - SNIPPET), min(len(text), centre + SNIPPET)
    else:
        a, b = around
    piece = text[a:b].replace("\n", " ")
    marks = [[s - a, e - a] for s, e in spans if a <= s and e <= b]
    return {
        "snippet": ("…" if a else "") + piece + ("…" if b < len(text) else ""),
        "highlights": marks,
        "offset": 1 if a else 0,
    }


def _describe(store, hit, needles: list[str]) -> dict[str, Any] | None:
    row = store.article(hit.article)
    if row is None:
        return None
    base = {"kind": hit.kind, "id": hit.id, "article_id": hit.article, "score": hit.score, "title": row["title"],
            "source": row["source"], "site": row["site"], "published": row["published"], "lang": row["lang"]}  # fmt: skip
    text = row["text"]
    if hit.kind == "article":
        dupes = store.db.execute(
            "SELECT count(*) FROM articles WHERE cluster = ? AND superseded_by IS NULL", (row["cluster"],)
        ).fetchone()[0]
        return {**base, **snippet(text, needles), "cluster": row["cluster"], "duplicates": dupes - 1}
    table = {"person": "people", "collective": "collectives", "event": "events"}[hit.kind]
    n = int(hit.id.rsplit(":", 1)[1])
    entity = next((e for e in store.entities(table, hit.article) if e["n"] == n), None)
    if entity is None:
        return None
    entity = dict(entity)
    item = {k: v for k, v in entity.items() if k not in ("article_id", "n", "start", "end")}
    for key in ("organizers", "honours"):
        if key in item and item[key]:
            item[key] = json.loads(item[key])
    if "posthumous" in item:
        item["posthumous"] = bool(item["posthumous"])
    around = None
    if entity.get("start") is not None:
        around = sentence_of(sentences(text), entity["start"])
    found = snippet(text, needles + [entity["name"] or ""], around)
    if hit.kind == "event":
        item["counts"] = [dict(c) for c in store.db.execute(
            "SELECT value, unit, status, honour FROM counts WHERE article_id = ? ORDER BY n", (hit.article,))]  # fmt: skip
    return {**base, **item, **found}
