"""tantivy (a Rust engine of the Lucene family) behind the engine interface. Only index/ imports it.

The same documents and fields as the Whoosh engine: tokens arrive pre-analysed and joined by
spaces (tantivy's whitespace tokenizer keeps their positions), filters are raw terms and integer
fast fields, and facets are terms aggregations over fast fields. Commits are atomic (meta.json is
replaced last) and the writer lock is an OS file lock, released if the writer dies. tantivy ends
every segment file with a CRC-32 of its contents: opening checks them all (about 0.1 s per 500 MB),
so a damaged index is found before it answers wrongly, and the archive rebuilds it.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

import tantivy

from index import tantivy_blocks as blocks
from index import tantivy_tallies as tallies
from index.engine import (
    FACET_FIELD,
    TEXT_FIELDS,
    TREE,
    UNITS,
    AllOf,
    AnyOf,
    Clause,
    EngineError,
    Hit,
    IndexDoc,
    Negated,
    Request,
    Result,
    contextual,
    crc32_file,
    facet_names,
    guarded,
    loose,
    open_index,
    side_by_side,
    whole_search,
)
from index.memo import Memo
from index.memo import key as memo_key

FACET_SIZE = 50
HEAP = 128_000_000
FOOTER_MAGIC = 1337  # tantivy's footer: [body][JSON {"version", "crc"}][u32 JSON length][u32 magic]
CONTEXT_SCORE = 0.5  # a word found in an entity's article ranks below one in its own fields
TREE_FIELDS = tuple(f"{f}_facet" for f in TREE)  # the place tree's levels, one facet field each
WHOLE_KEPT = 2_000  # hits of a context search the memo keeps (some 300 KB at most)
LATER_FIELDS = ("relation", "level", "level_facet", *TREE_FIELDS)  # an index without them is rebuilt


def schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    for name in ("id", "article"):
        sb.add_text_field(name, stored=True, tokenizer_name="raw")
    for name in ("kind", "lang", "place_facet", "honour_facet", "relation", "level_facet", *TREE_FIELDS):
        sb.add_text_field(name, stored=name == "kind", fast=True, tokenizer_name="raw")
    for name in ("canonical", "place", "honour", "level"):
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic")
    for name in TEXT_FIELDS:
        sb.add_text_field(name, tokenizer_name="whitespace", index_option="position")
    sb.add_integer_field("year", indexed=True, fast=True)
    for unit in UNITS:
        sb.add_integer_field(f"count_{unit}", indexed=True, fast=True)
    sb.add_integer_field("blk", indexed=True, fast=True)  # last: an index made without it still opens
    return sb.build()


class TantivyEngine:
    name = "tantivy"

    def __init__(
        self, path: Path, create: bool = False, notice=lambda message: None, memo: Memo | None = None
    ):
        self.path = path
        self.notice = notice
        self.memo = memo if memo is not None else Memo()
        self._writer = None
        self._version = None  # meta.json as stat saw it when the reader last reloaded
        self._tally = (None, {})  # the tallies of the whole archive and of each kind, and their version
        self.schema = schema()
        self.ix = open_index(
            path,
            create,
            exists=lambda: path.is_dir() and tantivy.Index.exists(str(path)),
            load=lambda: tantivy.Index.open(str(path)),
            make=lambda: tantivy.Index(self.schema, path=str(path)),
            check=lambda ix: check(path, ix),
        )
        self.blocks = blocks.has_field(path, "blk")  # an older index answers without blocks, as it did
        self._next = None  # the number of the next document added, for its block
        self.ix.config_reader("manual")  # reloaded by _searcher when meta.json changes, so versions are known

    # --- writing ----------------------------------------------------------------------------------

    def _w(self):
        if self._writer is None:
            try:
                self._writer = self.ix.writer(heap_size=HEAP, num_threads=1)
            except Exception as e:
                raise EngineError(f"the index in {self.path} is locked by another writer ({e})") from None
        return self._writer

    def add(self, docs: list[IndexDoc]) -> None:
        w = self._w()
        for d in docs:
            fields = {
                "id": d.id,
                "kind": d.kind,
                "article": d.article,
                "canonical": "1" if d.canonical else "0",
                "lang": d.lang,
                **{name: " ".join(d.tokens.get(name, ())) for name in TEXT_FIELDS if d.tokens.get(name)},
                **{f"count_{u}": v for u, v in d.counts.items() if u in UNITS},
            }
            optional = {
                **{"place": list(d.places), "honour": list(d.honours), "level": list(d.levels)},
                **{"year": d.year, "place_facet": d.place, "honour_facet": d.honour},
                **{"relation": d.relation, "level_facet": d.level},
                **{f"{f}_facet": v for f, v in zip(TREE, d.tree, strict=False)},
            }
            fields |= {k: v for k, v in optional.items() if v not in (None, "", [])}
            if self.blocks:
                fields["blk"] = self._block()
            w.add_document(tantivy.Document(**fields))

    def _block(self) -> int:
        """The block of the next document: the documents of a writer are numbered on from the
        highest block already in the index, BLOCK to a block."""
        if self._next is None:
            top = self.ix.searcher().aggregate(tantivy.Query.all_query(), {"m": {"max": {"field": "blk"}}})
            value = top["m"]["value"]
            self._next = 0 if value is None else (int(value) + 1) * blocks.BLOCK
        self._next += 1
        return (self._next - 1) // blocks.BLOCK

    def delete_articles(self, article_ids: list[str]) -> None:
        w = self._w()
        for a in article_ids:
            w.delete_documents_by_term("article", a)

    def commit(self) -> None:
        if self._writer is not None:
            self._writer.commit()
            self._writer.wait_merging_threads()
            self._writer = None
            self.ix.reload()

    def close(self) -> None:
        if self._writer is not None:
            self._writer.rollback()
            self._writer = None

    # --- reading ----------------------------------------------------------------------------------

    def count(self) -> int:
        def count() -> int:
            self.ix.reload()
            return self.ix.searcher().num_docs

        return guarded(self.path, count)

    def search(self, request: Request) -> Result:
        return guarded(self.path, lambda: contextual(self._search, request))

    def _searcher(self):
        """A searcher and the version it reads: meta.json as stat sees it, the reader reloaded when
        it changed; None (nothing remembered) when it changed again during the reload."""
        before = _stamp(self.path)
        if before != self._version:
            self.ix.reload()
            self._version = before if _stamp(self.path) == before else None
        return self.ix.searcher(), self._version

    def _search(self, request: Request) -> Result:
        """The hits asked for; the total and facets from the memo when this version of the index
        has counted them for this query, else counted now (the total as the kind facet's sum when
        that facet is counted anyway: every document has one kind). With no words, the total is
        always that sum and the hits come in the order they were added (_in_blocks)."""
        query = _query(self.schema, request)
        searcher, version = self._searcher()
        mkey = memo_key(request)
        known = self.memo.get(version, mkey)
        whole = whole_search(request)  # in_context's articles of a word: the same for every page, kept
        if whole in known:
            return Result(total=len(known[whole]), hits=known[whole], facets={})
        names = facet_names(request)
        which = tallies.key(request)  # no words, at most a kind: counted once per version (tallies)
        if which is not None and version is not None and not {*names, "total"} <= known.keys():
            known = {**tallies.entry(self._tallies(searcher, version), which), **known}
        todo = [name for name in names if name not in known]
        plain = request.match is None and self.blocks  # no words: nothing ranks the hits, blocks order them
        # few matches at most (by the filters' terms): all visited at once, ordered by block, counted alongside
        few = plain and blocks.bound(searcher, request) <= 8 * blocks.BLOCK
        if plain and not few and request.count and "total" not in known and "kind" not in todo:
            todo.append("kind")  # its sum is the total, counted faster than beside the hits
        counted = request.count and "total" not in known and "kind" not in todo
        if todo:
            spec = {name: {"terms": {"field": FACET_FIELD[name], "size": FACET_SIZE}} for name in todo}
            aggs = searcher.aggregate(query, spec)
            for name in todo:
                known[name] = tallies.buckets(aggs, name)
            if "kind" in todo:
                known.setdefault("total", sum(known["kind"].values()))
        hits, need = [], request.offset + request.limit
        if request.limit > 0 or counted:
            if few:
                found = searcher.search(
                    query, limit=max(1, need), count=counted, order_by_field="blk", order=blocks.ASC
                )
                scored = [(0.0, address) for _, address in found.hits[request.offset : need]]
            elif plain:
                scored = [
                    (0.0, a)
                    for _, a in blocks.in_blocks(searcher, self.schema, query, need, known.get("total"))
                ]
                scored = scored[request.offset :]
            else:
                found = searcher.search(
                    query, limit=max(1, request.limit), offset=request.offset, count=counted
                )
                scored = found.hits[: request.limit]
            if counted:
                known["total"] = found.count
            for score, address in scored:
                doc = searcher.doc(address)
                hits.append(
                    Hit(
                        id=doc["id"][0], kind=doc["kind"][0], article=doc["article"][0], score=round(score, 4)
                    )
                )
        if whole and len(hits) <= WHOLE_KEPT:
            known[whole] = tuple(hits)
        self.memo.put(version, mkey, known)
        total = known["total"] if request.count else request.offset + len(hits)
        return Result(total=total, hits=tuple(hits), facets={name: known[name] for name in names})

    def _tallies(self, searcher, version) -> dict:
        """This version's tallies: remembered, else kept beside the index, else counted (and kept)."""
        if self._tally[0] != version:
            found = tallies.load(self.path, version)
            if found is None:
                found = tallies.count(searcher, _query(self.schema, Request()), FACET_SIZE)
                tallies.save(self.path, version, found)
            self._tally = (version, found)
        return self._tally[1]


def check(path: Path, ix) -> None:
    """Every file of every live segment against the CRC-32 in its footer, then one small search.
    A file a concurrent writer merged away meanwhile sends us back to meta.json (three times)."""
    for attempt in range(3):
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            missing = set(LATER_FIELDS) - {f.get("name") for f in meta.get("schema", [])}
            if missing:  # made by an older version: rebuilt with today's fields
                raise EngineError(f"the index in {path} lacks fields {', '.join(sorted(missing))}")
            for segment in meta["segments"]:
                for f in sorted(path.glob(segment["segment_id"].replace("-", "") + ".*")):
                    if not _footer_ok(f):
                        raise EngineError(f"the index in {path} is damaged (checksum of {f.name} is wrong)")
            break
        except FileNotFoundError:
            if attempt == 2:
                raise
    searcher = ix.searcher()
    for _, address in searcher.search(tantivy.Query.all_query(), limit=1).hits:
        searcher.doc(address)


def _stamp(path: Path) -> tuple[int, int, int]:
    st = (path / "meta.json").stat()
    return st.st_mtime_ns, st.st_size, st.st_ino


def _footer_ok(f: Path) -> bool:
    size = f.stat().st_size
    if size < 8:
        return False
    with open(f, "rb") as fh:
        fh.seek(size - 8)
        length, magic = struct.unpack("<II", fh.read(8))
        if magic != FOOTER_MAGIC or length + 8 > size:
            return False
        fh.seek(size - 8 - length)
        try:
            crc = json.loads(fh.read(length))["crc"]
        except (ValueError, KeyError, TypeError):
            return False
    return crc32_file(f, size - 8 - length) == crc


def _clause(schema, c):
    """A clause: any of its fields; with `articles`, also any entity of those articles."""
    own = _fields(schema, c.tokens)
    if not c.articles:
        return own
    context = tantivy.Query.const_score_query(
        tantivy.Query.term_set_query(schema, "article", list(c.articles)), CONTEXT_SCORE
    )
    return context if own is None else _any([own, context])


def _fields(schema, tokens: dict[str, tuple[str, ...]]):
    """Any of the fields: one token is a term, several a phrase (or, loose, all of them)."""
    parts = []
    for name, toks in tokens.items():
        if len(toks) == 1:
            parts.append(tantivy.Query.term_query(schema, name, toks[0]))
        elif loose(name, toks):
            terms = [tantivy.Query.term_query(schema, name, t) for t in dict.fromkeys(toks)]
            parts.append(tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in terms]))
        elif toks:
            parts.append(tantivy.Query.phrase_query(schema, name, list(toks)))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else _any(parts)


def _any(queries: list):
    """At least one of the queries; each that matches adds to the score."""
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])


def _range(schema, field: str, low, high):
    return tantivy.Query.range_query(schema, field, tantivy.FieldType.Integer, low, high)


def _node(schema, n):
    """A node of the query tree as a tantivy query; None when it has nothing to look for."""
    if isinstance(n, AllOf):
        return _combine(*_parts(schema, n.items))
    if isinstance(n, AnyOf):
        parts = [q for q in (_node(schema, i) for i in n.items) if q is not None]
        return _any(parts) if parts else None
    if isinstance(n, Negated):
        inner = _node(schema, n.item)
        return None if inner is None else _combine([], [inner], [])
    return _clause(schema, n)


def _parts(schema, items) -> tuple[list, list, list]:
    """An AllOf's items: those that must match, those that must not, and those that only rank."""
    scored, excluded, ranking = [], [], []
    for i in items:
        q = _node(schema, i.item if isinstance(i, Negated) else i)
        if q is not None:
            optional = isinstance(i, Clause) and i.optional
            (excluded if isinstance(i, Negated) else ranking if optional else scored).append(q)
    return scored, excluded, ranking


def _combine(scored: list, excluded: list, ranking: list, filters: list = ()):
    """Text rank, filters only restrict (constant score 0), the excluded exclude; with nothing
    that must match, everything does, and a Should beside a Must only ranks."""
    parts = [(tantivy.Occur.Must, q) for q in scored]
    parts += [(tantivy.Occur.Must, tantivy.Query.const_score_query(q, 0.0)) for q in filters]
    if not parts:
        parts.append((tantivy.Occur.Must, tantivy.Query.all_query()))
    parts += [(tantivy.Occur.Should, q) for q in ranking]
    return tantivy.Query.boolean_query(parts + [(tantivy.Occur.MustNot, q) for q in excluded])


def _query(schema, r: Request):
    """The request's text (its tree: the top AllOf's items side by side with the filters) and filters."""
    term = lambda field, value: tantivy.Query.term_query(schema, field, value)  # noqa: E731
    filters = []
    if r.kinds:
        filters.append(_any([term("kind", k) for k in r.kinds]))
    if r.lang:
        filters.append(term("lang", r.lang))
    if r.year_from is not None or r.year_to is not None:
        filters.append(_range(schema, "year", r.year_from, r.year_to))
    if r.place:
        filters.append(term("place", r.place))
    if r.honour:
        filters.append(term("honour", r.honour))
    if r.relation:
        filters.append(term("relation", r.relation))
    if r.level:
        filters.append(term("level", r.level))
    if r.min_count is not None:
        units = [r.unit] if r.unit else list(UNITS)
        filters.append(_any([_range(schema, f"count_{u}", r.min_count, None) for u in units]))
    scored, excluded, ranking = _parts(schema, side_by_side(r.match))
    if not r.duplicates:  # every document is canonical 1 or 0, and reposts are few: left out, not looked up
        excluded.append(term("canonical", "0"))
    return _combine(scored, excluded, ranking, filters)


ENGINE = TantivyEngine
