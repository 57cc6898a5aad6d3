"""Facet counts of the whole archive and of each kind, counted once per index version and kept
beside the index (issue 15).

A search with no words and no filter but one kind (the search page as it opens, a kind browsed)
would otherwise aggregate every document of the archive: 20 ms at 10 k articles, ten times that at
100 k. Its total and facets are instead read from `tallies.json` in the index's directory, which one terms
aggregation (by kind, each facet under it) fills for the version it names; every server process,
and the next start, reads the same file. A commit changes the version, so an older file is never
believed; the archive counts the new one at the end of each ingest, and a reader that finds none
for its version counts it then. Only index/tantivy_engine.py uses this module.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from index.engine import FACET_FIELD, FACETS, Request

KINDS_AT_MOST = 16  # buckets of the kind facet: the kinds there are


def key(r: Request) -> str | None:
    """The tallies that answer a request: "" (the whole archive), a kind (one kind browsed) or
    "relation=R" (the people of one relation: the page's people are its honourees); None when it
    filters or searches anything else (or asks for reposts too): that is counted as it comes."""
    rest = Request(
        kinds=r.kinds, relation=r.relation, limit=r.limit, offset=r.offset, facets=r.facets, count=r.count
    )
    if r != rest or len(r.kinds) > 1:
        return None
    if r.relation:  # only people have one
        return f"relation={r.relation}" if r.kinds in ((), ("person",)) else None
    return r.kinds[0] if r.kinds else ""


def path_of(index: Path) -> Path:
    return index / "tallies.json"  # tantivy leaves alone the files of its directory it did not write


def buckets(aggs: dict[str, Any], name: str) -> dict[str, int]:
    """One terms aggregation as {value: documents}, most documents first (then by value)."""
    found = ((str(b["key"]), int(b["doc_count"])) for b in aggs.get(name, {}).get("buckets", []))
    return dict(sorted(found, key=lambda kv: (-kv[1], kv[0])))


def count(searcher, query, size: int) -> dict[str, dict[str, Any]]:
    """Each key's counts (see `key`), {"total": n, facet: buckets}, in one pass over the documents."""
    spec = {name: {"terms": {"field": FACET_FIELD[name], "size": size}} for name in FACETS}
    under = {name: spec[name] for name in FACETS if name != "kind"}
    every = dict(spec)
    spec["by_kind"] = {"terms": {"field": "kind", "size": KINDS_AT_MOST}, "aggs": under}
    spec["by_relation"] = {"terms": {"field": "relation", "size": KINDS_AT_MOST}, "aggs": every}
    aggs = searcher.aggregate(query, spec)
    whole = {name: buckets(aggs, name) for name in FACETS}
    out = {"": {"total": sum(whole["kind"].values()), **whole}}
    for b in aggs.get("by_kind", {}).get("buckets", []):
        kind, n = str(b["key"]), int(b["doc_count"])
        out[kind] = {"total": n, "kind": {kind: n}, **{name: buckets(b, name) for name in under}}
    for b in aggs.get("by_relation", {}).get("buckets", []):
        n, facets = int(b["doc_count"]), {name: buckets(b, name) for name in FACETS}
        out[f"relation={b['key']}"] = {"total": n, **facets}
    return out


def entry(tallies: dict[str, dict[str, Any]], which: str) -> dict[str, Any]:
    """The counts of one key; a kind the archive has none of counts nothing."""
    return dict(tallies.get(which) or {"total": 0, **{name: {} for name in FACETS}})


def load(index: Path, version) -> dict[str, dict[str, Any]] | None:
    """The tallies kept for this version of the index, or None (none yet, another version, unreadable)."""
    try:
        kept = json.loads(path_of(index).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return kept.get("tallies") if kept.get("version") == list(version) else None


def save(index: Path, version, tallies: dict[str, dict[str, Any]]) -> None:
    """Written whole and renamed into place; a directory we may not write to (a read-only
    archive, a full disk) only means the next reader counts again."""
    target = path_of(index)
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        part.write_text(json.dumps({"version": list(version), "tallies": tallies}, ensure_ascii=False))
        os.replace(part, target)
    except OSError:
        part.unlink(missing_ok=True)
