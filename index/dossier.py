"""A person's dossier: every honour of one person across articles and years, with evidence.

Mentions are grouped by the person they are linked to (index/linking.py: stored when the archive
ingests, worked out here for mentions an older archive never linked). Each person's honours form a
ladder: by level (township, county, city, province, national), then by year. Reposts count once:
only each cluster's canonical article is read.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from dataclasses import asdict
from functools import lru_cache
from operator import itemgetter
from typing import Any

from extract.text import sentence_around
from index import analysis, linking
from index.views import plain

CANDIDATES = 200  # person documents read to find which stored names a query means
MENTIONS = 500  # mentions read, oldest first: a very common name must not stall the page
AROUND = 300  # characters of text read on each side of a mention, to find its sentence in
LADDER = ("unit", "township", "county", "prefecture", "provincial", "national")  # low to high
RANK = {level: i for i, level in enumerate(LADDER)}  # a level's place on the ladder, found per honour


def stored_names(archive, query: str) -> list[str]:
    """The stored names the query means: itself (simplified, NFC), its unaccented match in
    Vietnamese, or for a pinyin query the Chinese names that read so."""
    name, store = analysis.normalise_query(query), archive.store
    for written in dict.fromkeys((unicodedata.normalize("NFC", query.strip()), name)):
        if store.has_person(written):  # as written first: 於 is a surname of its own, not 于
            return [written]
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


def dossier(
    archive,
    query: str,
    honoured: bool = False,
    read: tuple[list, list] | None = None,
    evidence: bool = True,
) -> dict[str, Any]:
    """Everyone the query may name, with their mentions (`honoured`: only their honours) as an
    honour ladder each. `read`: the query's names and their rows, as `stored_names` and
    `Store.dossier_rows` gave them (read ahead, e.g. by several threads). `evidence` False: the
    text is not read, each mention's evidence left as (article id, offset, position) for
    `evidence_for`, for a page that shows only some."""
    names, found = read if read is not None else (stored_names(archive, query), None)
    if not names:
        return {"query": query, "people": []}
    store = archive.store
    if found is None:
        found = store.dossier_rows(names, MENTIONS + 1, around=AROUND, honoured=honoured, text=evidence)
    shown = _tuples(found[:MENTIONS])
    links = _links(store, names, shown)
    people: dict[str, dict[str, Any]] = {}
    for r in shown:  # hundreds of rows a page: each person's entry is made once, not per row
        pid = links.get((r[0], r[1])) or linking.person_id(r[0], r[2])
        home = people.get(pid)
        if home is None:
            home = people[pid] = {
                "person_id": pid,
                "name": r[2],
                "orgs": [],
                "places": [],
                "roles": [],
                "honours": [],
            }
        for key, value in (("orgs", r[6]), ("places", r[7]), ("roles", r[5])):
            if value and value not in home[key]:
                home[key].append(value)
        home["honours"].append(_mention(r, evidence))
    for p in people.values():
        p["honours"].sort(key=ladder)
    return {"query": query, "people": list(people.values()), "truncated": len(found) > MENTIONS}


# what a dossier reads of each of its rows (schema.DOSSIER's columns), in this order
FIELDS = ("article_id", "n", "name", "relation", "honour", "role", "org", "place", "year", "title")
FIELDS += ("source", "published", "start", "at", "around", "has_event", "organizers", "event_place")
FIELDS += ("h_title", "h_level", "h_awarded_by", "h_status", "h_year", "person_id")


def _tuples(rows: list) -> list[tuple]:
    """Each row's FIELDS as a tuple, taken in one call: a dossier reads hundreds of rows, and
    reading some twenty columns of each by name (or making a dict of each first) was most of
    its work. Rows as sqlite3.Row (by the query's column order) or as dicts."""
    if not rows:
        return []
    if isinstance(rows[0], sqlite3.Row):
        at: dict[str, int] = {}
        for i, key in enumerate(rows[0].keys()):
            at.setdefault(key, i)  # the first of two same-named columns, as sqlite3.Row reads it
        take = itemgetter(*(at[f] for f in FIELDS))
        return [take(tuple(r)) for r in rows]
    take = itemgetter(*FIELDS)
    return [take(r) for r in rows]


def ladder(h: dict[str, Any]) -> tuple:
    """Low levels first, then the years; a mention without an honour last."""
    rank = RANK.get(h.get("level"), len(LADDER))
    return (not h.get("honour"), rank, h.get("year") or 0, h.get("published") or "")


def _links(store, names: list[str], rows: list[tuple]) -> dict[tuple[str, int], str]:
    """(article id, person number) -> person id for the mentions shown: as linked at ingest (a weak
    link too: ingest decides it again whenever mentions of its name come in), or, when one of them
    was never linked (an archive from before linking, or an ingest stopped before it linked),
    decided again with every mention of the names (index/linking.py)."""
    if all(r[-1] for r in rows):
        return {(r[0], r[1]): r[-1] for r in rows}
    found = store.link_rows(names)
    persons = linking.assign(found)
    return {r.key: persons[r.key][0] for r in found}


@lru_cache(maxsize=4096)
def _names_in(column: str | None) -> tuple[str, ...]:
    """A JSON list of bodies as stored (the same few lists recur across mentions)."""
    return tuple(json.loads(column or "[]"))


@lru_cache(maxsize=4096)
def _level(honour: str | None, bodies: tuple, place: str | None) -> str | None:
    if not honour:
        return None
    from extract.honours import level_of
    from extract.places import resolve

    return level_of(honour, bodies, resolve(place) if place else None)


def _mention(r: tuple, evidence: bool = True) -> dict[str, Any]:
    """What a dossier shows of one mention (a row's FIELDS): where and how it was found, and its
    honour: its first stored honour record when there is one (canonical title, level, awarding
    bodies, status), what it lacks from the article's first event (its organisers, and the level
    they and its place say). The evidence is the sentence around the mention, read from the text
    the row carries around it (`at` is where that text starts)."""
    (article_id, _, name, relation, honour, role, org, place, year, title, source, published) = r[:12]
    (start, at, around, has_event, organizers, event_place, h_title, h_level, h_awarded_by) = r[12:21]
    h_status, h_year = r[21:23]
    year = year or (int(published[:4]) if published else None)
    position = (start or 0) - at
    bodies = _names_in(organizers) if has_event else ()
    held = h_title is not None
    titled = h_title if held else honour
    return {
        "name": name,
        "relation": relation,
        "honour": honour,
        "role": role,
        "org": org,
        "place": place,
        "year": (h_year if held else None) or year,
        "published": published,
        "article_id": article_id,
        "title": title,
        "source": source,
        "evidence": evidence_of(around or "", position) if evidence else (article_id, at, position),
        "honour_title": titled,
        "level": (h_level if held else None)
        or _level(honour or titled, bodies, event_place if has_event else None),
        "awarded_by": list((_names_in(h_awarded_by) if held else ()) or bodies),
        "status": h_status if held else None,
    }


def evidence_for(archive, honours: list[dict[str, Any]]) -> None:
    """The evidence of these mentions of a dossier read without its text (`evidence` False): the
    text around each read in one query, cut as the dossier's query would have."""
    texts = archive.store.texts_around([h["evidence"][:2] for h in honours], 2 * AROUND)
    for h in honours:
        article_id, at, position = h["evidence"]
        h["evidence"] = evidence_of(texts.get((article_id, at), ""), position)


def evidence_of(text: str, at: int) -> str:
    """The sentence of `text` around position `at`, as a dossier's evidence."""
    return text[slice(*sentence_around(text, at))].strip()


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
        "id": f"{article_id}:{n}",
        **item,
        "article_id": article_id,
        "title": a.title,
        "source": a.source,
        "published": a.published,
        "lang": a.lang,
        "counts": _plain(store, article_id, "counts"),
        "people": people,
        "collectives": _plain(store, article_id, "collectives"),
    }


def article(archive, article_id: str) -> dict[str, Any] | None:
    """One stored article with its provenance, cleaning report, entities (with spans into `text`),
    earlier versions and the other members of its cluster of reposts; None when unknown."""
    store = archive.store
    a = store.article(article_id, tokens=False)
    if a is None:
        return None
    out = {
        k: getattr(a, k)
        for k in (
            "id",
            "title",
            "original_title",
            "source",
            "site",
            "lang",
            "script",
            "published",
            "author",
            "encoding",
            "fetched",
            "raw_sha1",
            "warc",
            "version",
            "superseded_by",
            "text",
            "original_text",
            "cluster",
            "is_commendation",
            "canonical",
            "cleaning",
        )
    }
    for table in ("people", "collectives", "events", "counts"):
        out[table] = _plain(store, article_id, table)
    for n, e in enumerate(out["events"]):
        e["id"] = f"{article_id}:{n}"
    out["duplicates"] = [asdict(r) for r in store.reposts(a)]
    out["versions"] = [asdict(v) for v in store.versions(article_id)]
    return out


def _plain(store, article_id: str, table: str) -> list[dict[str, Any]]:
    return [plain(e) for e in store.entities(table, article_id)]
