"""A person's dossier: every honour of one person across articles and years, with evidence.

Mentions of the same name are one person when their organisations or places agree (one contains
the other, or they share four characters); a mention without either joins the person when there is
only one. Reposts count once: only each cluster's canonical article is read.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from extract.text import sentence_of, sentences
from index import analysis
from index.views import Mention, plain

CANDIDATES = 200  # person documents read to find which stored names a query means
MENTIONS = 500  # mentions read, oldest first: a very common name must not stall the page


def _names(archive, query: str) -> list[str]:
    """The stored names the query means: itself (simplified, NFC), its unaccented match in
    Vietnamese, or for a pinyin query the Chinese names that read so."""
    name = analysis.normalise_query(query)
    store = archive.store
    if store.has_person(name):
        return [name]
    found = [
        store.entity("people", h.article, int(h.id.rsplit(":", 1)[1])) for h in _person_hits(archive, query)
    ]
    names = [p.name for p in found if p is not None]
    folded = " ".join(analysis.fold(s) for s in name.split())
    squashed = "".join(name.split())
    out = [
        n
        for n in names
        if "".join(n.lower().split()) == squashed or " ".join(analysis.fold(s) for s in n.split()) == folded
    ]
    if not out and name.isascii():
        key = "".join(analysis.query_pinyin(name))
        out = [n for n in names if analysis.HAN_RUN.search(n) and key in analysis.pinyin(n)]
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
    found = archive.store.mentions(names, MENTIONS + 1)
    more = len(found) > MENTIONS
    people: list[dict[str, Any]] = []
    loose = []
    for m in found[:MENTIONS]:
        p = m.person
        mention = _mention(m)
        home = next(
            (
                h
                for h in people
                if h["name"] == p.name
                and any(_similar(p.org, o) or _similar(p.place, o) for o in h["orgs"] + h["places"])
            ),
            None,
        )
        if home is None and not (p.org or p.place):
            loose.append(mention)
            continue
        if home is None:
            home = {"name": p.name, "orgs": [], "places": [], "roles": [], "honours": []}
            people.append(home)
        for key, value in (("orgs", p.org), ("places", p.place), ("roles", p.role)):
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


def _mention(m: Mention) -> dict[str, Any]:
    p = m.person
    a, b = sentence_of(sentences(m.text), p.span[0] if p.span else 0)
    year = m.year or (int(m.published[:4]) if m.published else None)
    return {
        "name": p.name, "relation": p.relation, "honour": p.honour, "role": p.role, "org": p.org,
        "place": p.place, "year": year, "published": m.published, "article_id": m.article_id,
        "title": m.title, "source": m.source, "evidence": m.text[a:b].strip(),
    }  # fmt: skip


# --- one event and one article, as the web page and its API show them --------------------------------


def event(archive, article_id: str, n: int) -> dict[str, Any] | None:
    """One event of an article: name, date, place, organisers, honours, counts, and its honourees
    (the article's honoured people and collectives); None when there is no such event."""
    store = archive.store
    found = store.entity("events", article_id, n)
    a = store.article(article_id, tokens=False)
    if found is None or a is None:
        return None
    item = {
        k: v
        for k, v in plain(found).items()
        if k in ("name", "year", "date", "place", "organizers", "honours")
    }
    people = [plain(p) for p in store.entities("people", article_id) if p.relation == "honouree"]
    return {
        "id": f"{article_id}:{n}", **item, "article_id": article_id, "title": a.title, "source": a.source,
        "published": a.published, "lang": a.lang, "counts": _plain(store, article_id, "counts"),
        "people": people, "collectives": _plain(store, article_id, "collectives"),
    }  # fmt: skip


def article(archive, article_id: str) -> dict[str, Any] | None:
    """One stored article with its provenance, cleaning report, entities (with spans into `text`),
    earlier versions and the other members of its cluster of reposts; None when unknown."""
    store = archive.store
    a = store.article(article_id, tokens=False)
    if a is None:
        return None
    out = {k: getattr(a, k) for k in ("id", "title", "original_title", "source", "site", "lang", "script", "published",
                                      "author", "encoding", "fetched", "raw_sha1", "warc", "version", "superseded_by",
                                      "text", "original_text", "cluster", "is_commendation", "canonical", "cleaning")}  # fmt: skip
    for table in ("people", "collectives", "events", "counts"):
        out[table] = _plain(store, article_id, table)
    for n, e in enumerate(out["events"]):
        e["id"] = f"{article_id}:{n}"
    out["duplicates"] = [asdict(r) for r in store.reposts(a)]
    out["versions"] = [asdict(v) for v in store.versions(article_id)]
    return out


def _plain(store, article_id: str, table: str) -> list[dict[str, Any]]:
    return [plain(e) for e in store.entities(table, article_id)]
