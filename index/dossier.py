"""A person's dossier: every honour of one person across articles and years, with evidence.

Mentions of the same name are one person when their organisations or places agree (one contains
the other, or they share four characters); a mention without either joins the person when there is
only one. Reposts count once: only each cluster's canonical article is read.
"""

from __future__ import annotations

import json
from typing import Any

from extract.text import sentence_of, sentences
from index import analysis

CANDIDATES = 200  # person documents read to find which stored names a query means
# the mentions in order first, their texts after: sorting thousands of texts along is slow
SQL = """
WITH chosen AS (
    SELECT p.article_id, p.n, (SELECT year FROM events e WHERE e.article_id = a.id ORDER BY n LIMIT 1) AS year,
           coalesce((SELECT year FROM events e WHERE e.article_id = a.id ORDER BY n LIMIT 1),
                    substr(a.published, 1, 4)) AS y, a.published, a.id
    FROM people p JOIN articles a ON a.id = p.article_id
    WHERE a.superseded_by IS NULL AND a.canonical = 1 AND p.name IN ({marks})
    ORDER BY y, a.published, a.id, p.n LIMIT ?
)
SELECT p.*, a.title, a.source, a.published, a.text, a.lang, c.year
FROM chosen c JOIN people p ON p.article_id = c.article_id AND p.n = c.n JOIN articles a ON a.id = c.article_id
ORDER BY c.y, c.published, c.id, c.n
"""
MENTIONS = 500  # mentions read, oldest first: a very common name must not stall the page


def _names(archive, query: str) -> list[str]:
    """The stored names the query means: itself (simplified, NFC), its unaccented match in
    Vietnamese, or for a pinyin query the Chinese names that read so."""
    name = analysis.normalise_query(query)
    db = archive.store.db
    exact = [r[0] for r in db.execute("SELECT DISTINCT name FROM people WHERE name = ?", (name,))]
    if exact:
        return exact
    rows = [db.execute("SELECT name FROM people WHERE article_id = ? AND n = ?", (h.article, int(h.id.rsplit(":", 1)[1])))
            .fetchone() for h in _person_hits(archive, query)]  # fmt: skip
    rows = [r for r in rows if r is not None]
    folded = " ".join(analysis.fold(s) for s in name.split())
    squashed = "".join(name.split())
    out = [
        r[0]
        for r in rows
        if "".join(r[0].lower().split()) == squashed
        or " ".join(analysis.fold(s) for s in r[0].split()) == folded
    ]
    if not out and name.isascii():
        key = "".join(analysis.query_pinyin(name))
        out = [r[0] for r in rows if analysis._HAN_RUN.search(r[0]) and key in analysis.pinyin(r[0])]
    return out


def _person_hits(archive, query: str) -> tuple:
    """Person documents the index finds for the query (unaccented, pinyin): the names to test,
    instead of every name in the archive."""
    from index.query import QueryError, parse, request

    try:
        q = parse(query, kind="person")
    except QueryError:
        return ()
    return archive.engine.search(request(q, archive.segmenter.spans, limit=CANDIDATES, facets=False)).hits


def _similar(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return any(a[i : i + 4] in b for i in range(len(a) - 3))


def dossier(archive, query: str) -> dict[str, Any]:
    names = _names(archive, query)
    if not names:
        return {"query": query, "people": []}
    rows = archive.store.db.execute(
        SQL.format(marks=",".join("?" * len(names))), (*names, MENTIONS + 1)
    ).fetchall()
    more = len(rows) > MENTIONS
    rows = rows[:MENTIONS]
    people: list[dict[str, Any]] = []
    loose = []
    for r in rows:
        mention = _mention(r)
        home = next(
            (
                p
                for p in people
                if p["name"] == r["name"]
                and any(_similar(r["org"], o) or _similar(r["place"], o) for o in p["orgs"] + p["places"])
            ),
            None,
        )
        if home is None and not (r["org"] or r["place"]):
            loose.append(mention)
            continue
        if home is None:
            home = {"name": r["name"], "orgs": [], "places": [], "roles": [], "honours": []}
            people.append(home)
        for key, value in (("orgs", r["org"]), ("places", r["place"]), ("roles", r["role"])):
            if value and value not in home[key]:
                home[key].append(value)
        home["honours"].append(mention)
    for mention in loose:
        same = [p for p in people if p["name"] == mention["name"]]
        if len(same) == 1:
            same[0]["honours"].append(mention)
        else:
            people.append(
                {"name": mention["name"], "orgs": [], "places": [], "roles": [], "honours": [mention]}
            )
    for p in people:
        p["honours"].sort(key=lambda h: (h["year"] or 0, h["published"] or ""))
    return {"query": query, "people": people, "truncated": more}


def _mention(r) -> dict[str, Any]:
    text = r["text"]
    start = r["start"] if r["start"] is not None else 0
    a, b = sentence_of(sentences(text), start)
    year = r["year"] or (int(r["published"][:4]) if r["published"] else None)
    return {
        "name": r["name"], "relation": r["relation"], "honour": r["honour"], "role": r["role"], "org": r["org"],
        "place": r["place"], "year": year, "published": r["published"], "article_id": r["article_id"],
        "title": r["title"], "source": r["source"], "evidence": text[a:b].strip(),
    }  # fmt: skip


# --- one event and one article, as the web page and its API show them --------------------------------


def event(archive, article_id: str, n: int) -> dict[str, Any] | None:
    """One event of an article: name, date, place, organisers, honours, counts, and its honourees
    (the article's honoured people and collectives); None when there is no such event."""
    from index.export import _entities

    store = archive.store
    row = store.db.execute("SELECT * FROM events WHERE article_id = ? AND n = ?", (article_id, n)).fetchone()
    art = store.article(article_id)
    if row is None or art is None:
        return None
    item = {k: row[k] for k in ("name", "year", "date", "place")}
    for key in ("organizers", "honours"):
        item[key] = json.loads(row[key]) if row[key] else []
    people = [p for p in _entities(store, article_id, "people") if p["relation"] == "honouree"]
    return {
        "id": f"{article_id}:{n}", **item, "article_id": article_id, "title": art["title"], "source": art["source"],
        "published": art["published"], "lang": art["lang"], "counts": _entities(store, article_id, "counts"),
        "people": people, "collectives": _entities(store, article_id, "collectives"),
    }  # fmt: skip


def article(archive, article_id: str) -> dict[str, Any] | None:
    """One stored article with its provenance, cleaning report, entities (with spans into `text`),
    earlier versions and the other members of its cluster of reposts; None when unknown."""
    from index.export import _entities

    store = archive.store
    r = store.article(article_id)
    if r is None:
        return None
    out = {k: r[k] for k in ("id", "title", "original_title", "source", "site", "lang", "script", "published",
                             "author", "encoding", "fetched", "raw_sha1", "warc", "version", "superseded_by",
                             "text", "original_text", "cluster")}  # fmt: skip
    out["is_commendation"], out["canonical"] = bool(r["is_commendation"]), bool(r["canonical"])
    out["cleaning"] = json.loads(r["cleaning"] or "{}")
    for table in ("people", "collectives", "events", "counts"):
        out[table] = _entities(store, article_id, table)
    for n, e in enumerate(out["events"]):
        e["id"] = f"{article_id}:{n}"
    out["duplicates"] = [dict(d) | {"canonical": bool(d["canonical"])} for d in store.db.execute(
        "SELECT id, title, source, published, canonical FROM articles WHERE cluster = ? AND id != ? "
        "AND superseded_by IS NULL ORDER BY canonical DESC, published, id", (r["cluster"], article_id))]  # fmt: skip
    out["versions"] = [dict(v) for v in store.db.execute(
        "SELECT version, title, ingested FROM versions WHERE id = ? ORDER BY version", (article_id,))]  # fmt: skip
    return out
