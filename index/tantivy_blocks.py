"""Blocks for tantivy: a search with no words finds its hits without visiting every match.

Every document gets a block number (field blk) as it is added, BLOCK documents to a block and
counting on from the highest block in the index, so blocks follow the order documents were added.
Nothing ranks the hits of a search with no words (filters only), and tantivy would still visit
every match to choose the top ones: 2.8 million documents for `--kind person` at 100 k articles.
They are taken in block order instead, from the first blocks, the same order for every page.
"""

from __future__ import annotations

import json
from pathlib import Path

import tantivy

from index.engine import Request

BLOCK = 4096  # documents of one block
ASC = tantivy.Order.Asc


def in_blocks(searcher, schema, query, need: int, total: int | None) -> list:
    """The first `need` hits of a search with no words, in the order their documents were added
    (block by block). tantivy visits every match to choose the top hits (2.8 million documents
    at 100 k articles), so they are looked for in the first blocks only: twice as many as the
    share of documents that match (`total` of them) would fill, four times as many each round
    while they hold too few, and the whole index once that is more than a quarter of it."""
    if total == 0:
        return []
    blocks = searcher.num_docs / BLOCK
    last = int(2 * need * searcher.num_docs / total / BLOCK) if total else 0
    while 4 * last < blocks:
        window = tantivy.Query.range_query(schema, "blk", tantivy.FieldType.Integer, None, last)
        inside = tantivy.Query.boolean_query([(tantivy.Occur.Must, query), (tantivy.Occur.Must, window)])
        found = searcher.search(inside, limit=need, count=False, order_by_field="blk", order=ASC)
        if len(found.hits) >= need:
            return found.hits
        last = 4 * last + 3
    return searcher.search(query, limit=need, count=False, order_by_field="blk", order=ASC).hits


def bound(searcher, r: Request) -> int:
    """At most how many documents a request with no words matches, by its term filters."""
    bounds = [
        searcher.num_docs,
        sum(searcher.doc_freq("kind", k) for k in r.kinds) if r.kinds else searcher.num_docs,
    ]
    for field, value in (("lang", r.lang), ("place", r.place), ("honour", r.honour), ("level", r.level)):
        if value:
            bounds.append(searcher.doc_freq(field, value))
    return min(bounds)


def has_field(path: Path, name: str) -> bool:
    """Whether the index in `path` has a field (a new one has all of today's)."""
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return True
    return name in {f.get("name") for f in meta.get("schema", [])}
