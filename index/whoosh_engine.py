"""Whoosh behind the engine interface. Only index/ imports whoosh.

Tokens arrive pre-analysed and joined by spaces, so Whoosh's analysis is a plain split: word
positions are kept (phrase queries work) and no Python analyzer runs per document at index time.
Whoosh keeps no checksums, so each commit records a CRC-32 of every index file in
`checksums.json` (files are never changed once written) and opening checks them: a damaged index
is found before it answers wrongly, and the archive rebuilds it.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

from whoosh import index, scoring, sorting
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.index import LockError
from whoosh.query import And, AndMaybe, ConstantScoreQuery, Every, Not, NumericRange, Or, Phrase, Term

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
)

SUMS = "checksums.json"  # file name -> [size, CRC-32], written after each commit
CONTEXT_SCORE = 0.5  # a word found in an entity's article ranks below one in its own fields


def schema() -> Schema:
    tokens = SpaceSeparatedTokenizer()
    fields = {name: TEXT(analyzer=tokens, phrase=True) for name in TEXT_FIELDS}
    fields |= {f"count_{unit}": NUMERIC(int, bits=32) for unit in UNITS}
    return Schema(
        id=ID(stored=True, unique=True),
        kind=ID(stored=True, sortable=True),
        article=ID(stored=True),
        canonical=ID(),
        lang=ID(sortable=True),
        year=NUMERIC(int, bits=16, sortable=True),
        place=KEYWORD(commas=True),
        place_facet=ID(sortable=True),
        honour=KEYWORD(commas=True),
        honour_facet=ID(sortable=True),
        relation=ID(sortable=True),
        level=KEYWORD(commas=True),
        level_facet=ID(sortable=True),
        **{f"{f}_facet": ID(sortable=True) for f in TREE},
        **fields,
    )


def _keyword(value: str) -> str:
    """A keyword-list value: its own commas (người tốt, việc tốt) would split it in two."""
    return value.replace(",", "\uff0c")


class WhooshEngine:
    name = "whoosh"

    def __init__(self, path: Path, create: bool = False, notice=lambda message: None, memo=None):
        self.path = path  # `memo` is tantivy's; Whoosh is not the engine kept fast
        self.notice = notice
        self._writer = None
        self.ix = open_index(
            path,
            create,
            exists=lambda: index.exists_in(str(path)),
            load=lambda: index.open_dir(str(path)),
            make=lambda: index.create_in(str(path), schema()),
            check=lambda ix: check(path, ix),
        )

    # --- writing ----------------------------------------------------------------------------------

    def _w(self):
        if self._writer is None:
            if any(self.path.glob("*.tmp")):  # a writer was killed mid-write: its lock died with it (flock)
                self.notice(
                    f"recovering the index in {self.path} after an interrupted write (stale lock and partial files of a killed writer)"
                )
            try:
                self._writer = self.ix.writer(limitmb=256)
            except LockError:
                raise EngineError(f"the index in {self.path} is locked by another writer") from None
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
                "place": ",".join(map(_keyword, d.places)),
                "honour": ",".join(map(_keyword, d.honours)),
                "level": ",".join(d.levels),
                **{name: " ".join(d.tokens.get(name, ())) for name in TEXT_FIELDS},
                **{f"count_{u}": v for u, v in d.counts.items() if u in UNITS},
            }
            optional = {"year": d.year, "place_facet": d.place, "honour_facet": d.honour}
            optional |= {"relation": d.relation, "level_facet": d.level}
            optional |= {f"{f}_facet": v for f, v in zip(TREE, d.tree, strict=False)}
            fields |= {k: v for k, v in optional.items() if v not in (None, "")}
            w.add_document(**fields)  # the caller deleted the article's documents first

    def delete_articles(self, article_ids: list[str]) -> None:
        w = self._w()
        for a in article_ids:
            w.delete_by_term("article", a)

    def commit(self) -> None:
        if self._writer is not None:
            self._writer.commit()
            self._writer = None
            record_sums(self.path)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.cancel()
            self._writer = None
        self.ix.close()

    # --- reading ----------------------------------------------------------------------------------

    def count(self) -> int:
        return guarded(self.path, self.ix.doc_count)

    def search(self, request: Request) -> Result:
        return guarded(self.path, lambda: contextual(self._search, request))

    def _search(self, request: Request) -> Result:
        query = _query(request)
        names = facet_names(request)
        facets = {name: sorting.FieldFacet(FACET_FIELD[name], maptype=sorting.Count) for name in names}
        with self.ix.searcher(weighting=LuceneBM25()) as searcher:
            results = searcher.search(
                query, limit=max(1, request.offset + request.limit), groupedby=facets or None, terms=False
            )
            hits = tuple(
                Hit(id=h["id"], kind=h["kind"], article=h["article"], score=round(h.score or 0.0, 4))
                for h in results[request.offset : request.offset + request.limit]
            )
            groups = {}
            for name in names:
                counts = results.groups(name)
                ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
                groups[name] = {str(k): v for k, v in ordered if _facet_value(name, k)}
            total = len(results) if request.count else request.offset + len(hits)
            return Result(total=total, hits=hits, facets=groups)


def _files(path: Path) -> list[Path]:
    """The index's own files: not its lock, not our sums, not a writer's unfinished .tmp files."""
    return sorted(
        f
        for f in path.iterdir()
        if f.is_file()
        and not f.name.startswith(".")
        and "LOCK" not in f.name
        and not f.name.endswith(".tmp")
        and f.name != SUMS
    )


def _sums(path: Path) -> dict[str, list[int]]:
    try:
        return json.loads((path / SUMS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def record_sums(path: Path) -> None:
    """Size and CRC-32 of each index file, for `check`; a file already known keeps its sum."""
    known, now = _sums(path), {}
    for f in _files(path):
        size = f.stat().st_size
        old = known.get(f.name)
        now[f.name] = old if old and old[0] == size else [size, crc32_file(f)]
    tmp = path / f".{SUMS}.{os.getpid()}"
    tmp.write_text(json.dumps(now, indent=0), encoding="utf-8")
    os.replace(tmp, path / SUMS)


def check(path: Path, ix) -> None:
    """Every index file recorded at the last commit against its sum (one merged away since is
    skipped; one written after the record is trusted), then one small search. An index made by an
    older version, without today's fields, is rebuilt."""
    missing = set(schema().names()) - set(ix.schema.names())
    if missing:
        raise EngineError(f"the index in {path} lacks fields {', '.join(sorted(missing))}")
    for name, (size, crc) in _sums(path).items():
        f = path / name
        try:
            if f.stat().st_size != size or crc32_file(f) != crc:
                raise EngineError(f"the index in {path} is damaged (checksum of {name} is wrong)")
        except FileNotFoundError:
            continue
    with ix.searcher() as searcher:
        for hit in searcher.search(Every(), limit=1):
            dict(hit)


class LuceneBM25(scoring.BM25F):
    """BM25 with the inverse document frequency tantivy (like Lucene) uses, ln(1 + (N - n + 0.5) /
    (n + 0.5)), instead of Whoosh's log(N / (n + 1)) + 1: with the same k1 and b, the two engines
    then weigh the words of an OR alike and rank alike (parity tests)."""

    def idf(self, searcher, fieldname, text):
        parent = searcher.get_parent()
        n, total = parent.doc_frequency(fieldname, text), parent.doc_count_all()
        return math.log(1 + (total - n + 0.5) / (n + 0.5))


def _facet_value(name: str, value) -> bool:
    """Whoosh reports documents without a value under None or "" (and years as the column default)."""
    return value not in (None, "") and not (name == "year" and not 1800 < int(value) < 2200)


def _clause(c):
    """A clause: any of its fields; with `articles`, also any entity of those articles."""
    parts = [
        Term(name, toks[0])
        if len(toks) == 1
        else And([Term(name, t) for t in dict.fromkeys(toks)])
        if loose(name, toks)
        else Phrase(name, list(toks))
        for name, toks in c.tokens.items()
        if toks
    ]
    if c.articles:
        parts.append(ConstantScoreQuery(Or([Term("article", a) for a in c.articles]), CONTEXT_SCORE))
    return Or(parts) if len(parts) > 1 else (parts[0] if parts else None)


def _node(n):
    """A node of the query tree as a Whoosh query; None when it has nothing to look for."""
    if isinstance(n, AllOf):
        return _combine(*_parts(n.items))
    if isinstance(n, AnyOf):
        parts = [q for q in map(_node, n.items) if q is not None]
        return Or(parts) if len(parts) > 1 else (parts[0] if parts else None)
    if isinstance(n, Negated):
        inner = _node(n.item)
        return None if inner is None else Not(inner)
    return _clause(n)


def _parts(items) -> tuple[list, list, list]:
    """An AllOf's items: those that must match, those that must not, and those that only rank."""
    must, must_not, ranking = [], [], []
    for i in items:
        q = _node(i.item if isinstance(i, Negated) else i)
        if q is not None:
            optional = isinstance(i, Clause) and i.optional
            (must_not if isinstance(i, Negated) else ranking if optional else must).append(q)
    return must, must_not, ranking


def _combine(must: list, must_not: list, ranking: list, filters: list = ()):
    """All of `must` (everything when empty), none of `must_not`; `ranking` only ranks; `filters`
    only restrict (scored 0, as in tantivy: an exclusion or a filter adds nothing to a hit's score)."""
    must = [*must, *(ConstantScoreQuery(f, 0.0) for f in filters)]
    query = And(must) if must else Every()
    query = And([query, *[Not(q, boost=0.0) for q in must_not]]) if must_not else query
    return AndMaybe(query, Or(ranking)) if ranking else query


def _query(r: Request):
    """The request's text (its tree: the top AllOf's items side by side with the filters) and filters."""
    must, must_not, ranking = _parts(side_by_side(r.match))
    filters: list = []
    if r.kinds:
        filters.append(Or([Term("kind", k) for k in r.kinds]))
    if r.lang:
        filters.append(Term("lang", r.lang))
    if r.year_from is not None or r.year_to is not None:
        filters.append(NumericRange("year", r.year_from, r.year_to))
    if r.place:
        filters.append(Term("place", _keyword(r.place)))
    if r.honour:
        filters.append(Term("honour", _keyword(r.honour)))
    if r.relation:
        filters.append(Term("relation", r.relation))
    if r.level:
        filters.append(Term("level", r.level))
    if r.min_count is not None:
        units = [r.unit] if r.unit else list(UNITS)
        filters.append(Or([NumericRange(f"count_{u}", r.min_count, None) for u in units]))
    if not r.duplicates:
        filters.append(Term("canonical", "1"))
    return _combine(must, must_not, ranking, filters)


ENGINE = WhooshEngine
