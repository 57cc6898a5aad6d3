"""Research exports of the whole archive or of one query's results, each with a manifest.

Honour tables (CSV, Parquet): one row per honour a person holds in the canonical article of each
cluster of reposts (`all_reposts` adds the copies), in FILE, and one row per honour of a collective
in FILE.collectives.EXT beside it; an honouree with no honour record still gets a row, its honour
columns empty (so does anyone of the relation asked for). The rows follow the query's filters as
the page shows them (`wanted`): people of one relation (honourees unless another, or all, is asked
for), honours of one level or title; the place, year and words choose the people and articles the
rows come from. CSV is UTF-8 with a byte-order mark so spreadsheet programs read it; booleans are
true / false, and text a spreadsheet would run as a formula starts with a ' (see `cells`).
JSONL: one article per line, with word spans, entities (people and collectives with their
"honours") and provenance, and the two honour tables beside it as FILE.honours.jsonl and
FILE.collectives.jsonl. Vertical: one token per line inside <doc> elements carrying the metadata,
for corpus tools. Each file is written beside its target and renamed into place, so a failed
export leaves nothing half-written; the manifest (query, filters, counts, files, versions, time,
checksums) goes next to it as FILE.manifest.json.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from errors import ExportError  # noqa: F401  (re-exported)
from extract.text import sentence_of, sentences
from index import analysis
from index.documents import honour_filters
from index.query import ALL, Query, request
from index.schema import SCHEMA_VERSION
from index.views import now, plain

FORMATS = ("jsonl", "csv", "vert")  # what the web page offers
ALL_FORMATS = (*FORMATS, "parquet")  # and the command line besides
# one row per honour: who holds it, the honour record, and where it was read
HONOUR = (
    "title",
    "as_written",
    "level",
    "awarded_by",
    "place",
    "place_code",
    "place_path",
    "date",
    "year",
    "status",
)
SOURCE = ("event", "article_id", "cluster", "url", "lang", "article_title", "published", "evidence")
CSV_COLUMNS = ("person_id", "name", "gender", "ethnicity", "role", "org", "posthumous", *HONOUR, *SOURCE)
COLLECTIVE_COLUMNS = ("name", *HONOUR, *SOURCE)
MAX_RESULTS = 1_000_000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets read as the start of a formula


def program_version() -> str:
    try:
        return version("honours-archive")
    except PackageNotFoundError:
        return "unknown"


def article_ids(archive, q: Query | None) -> list[str]:
    """Every live article, or the articles behind a query's hits (any kind), in a stable order."""
    return found_by(archive, q)[0]


def found_by(archive, q: Query | None) -> tuple[list[str], set[tuple[str, str, int]] | None]:
    """The articles a query finds (every live one without a query) and, when it finds only people
    or collectives, which ones: (article, person | collective, n); None when whole articles count.
    A query filtering on what people hold (place, title, level, relation) finds people and
    collectives, as the page's facets count them."""
    if q is None:
        return archive.store.live_ids(), None
    if not q.kinds and (q.place or q.honour or q.level or q.relation not in (None, ALL)):
        q = replace(q, kinds=("person", "collective"))  # filters of people: the rows of those found
    result = archive.engine.search(request(q, archive.segmenter.spans, limit=MAX_RESULTS, facets=False))
    ids = sorted(dict.fromkeys(h.article for h in result.hits))
    if not result.hits or any(h.kind not in ("person", "collective") for h in result.hits):
        return ids, None
    return ids, {(h.article, h.kind, int(h.id.rsplit(":", 1)[1])) for h in result.hits}


def _entities(store, a: str, table: str) -> list[dict[str, Any]]:
    """An article's entities as the record contract writes them; people and collectives with their
    honours."""
    items = [plain(e) for e in store.entities(table, a)]
    owner = {"people": "person", "collectives": "collective"}.get(table)
    if owner:
        honours = store.entities("honours", a)
        for n, item in enumerate(items):
            item["honours"] = [h.as_dict() for h in honours if h.owner == owner and h.owner_n == n]
    return items


def _jsonl(archive, ids: list[str]) -> Iterator[tuple[str, int]]:
    store = archive.store
    for a in ids:
        r = store.article(a)
        rec = {
            "id": a,
            "source": r.source,
            "site": r.site,
            "lang": r.lang,
            "script": r.script,
            "title": r.title,
            "published": r.published,
            "text": r.text,
            "is_commendation": bool(r.is_commendation),
            "tokens": [list(t) for t in r.tokens],
            **{t: _entities(store, a, t) for t in ("people", "collectives", "events", "counts")},
            "cluster": r.cluster,
            "canonical": bool(r.canonical),
            "provenance": {
                "source": r.source,
                "fetched": r.fetched,
                "raw_sha1": r.raw_sha1,
                "warc": r.warc,
                "encoding": r.encoding,
                "cleaning": r.cleaning,
                "version": r.version,
                "ingested": r.ingested,
            },
        }
        yield json.dumps(rec, ensure_ascii=False) + "\n", 1


def cells(row: list) -> list:
    """A CSV row that no spreadsheet runs as a formula (OWASP: text beginning with = + - @, a tab or
    a carriage return gets a leading '), with booleans written true / false."""
    out = []
    for value in row:
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, str) and value.startswith(FORMULA_STARTS):
            value = "'" + value
        out.append(value)
    return out


def canonical_ids(store, ids: list[str]) -> list[str]:
    """The articles among `ids` that are their cluster's canonical member."""
    return [a for a in ids if (m := store.member(a)) is not None and m.canonical]


def _joined(value: Any) -> Any:
    return "; ".join(value) if isinstance(value, (list, tuple)) else value


def wanted(q: Query | None) -> Callable[[str, Any, Any, str | None], bool]:
    """Whether a row belongs in the export of `q`: keep(owner, person or collective, honour record
    or None, lang). A person's relation is the query's (honouree unless another, or all, is asked
    for); with a level or a title asked for, only honours of that level or title (an honouree with
    no record at all stays with a title, as the title found it; never with a level)."""
    relation = (q.relation if q else None) or "honouree"
    level, title = (q.level, q.honour) if q else (None, None)

    def keep(owner: str, item, h, lang: str | None) -> bool:
        if owner == "person" and relation != ALL and item.relation != relation:
            return False
        if level and (h is None or h.level != level):
            return False
        if title and h is not None:
            titles = honour_filters([h.as_written or h.title], lang)
            return title in (*titles, analysis.normalise_query(h.title))
        return True

    return keep


def honour_rows(
    store,
    ids: Iterable[str],
    owner: str,
    only: set[tuple[str, str, int]] | None = None,
    keep: Callable[[str, Any, Any, str | None], bool] | None = None,
) -> Iterator[dict[str, Any]]:
    """One row per honour of each person (owner "person": one without any gets a row too) or
    collective of these articles (of those in `only`, when given) that `keep` keeps, in article
    order (the export's default: `wanted(None)`); lists joined with "; "."""
    keep = keep or wanted(None)
    for a in ids:
        r = store.article(a, tokens=False)
        found = store.extraction(r)
        spans = sentences(r.text)
        event = found.events[0].name if found.events else None
        source = {
            "event": event,
            "article_id": a,
            "cluster": r.cluster,
            "url": r.source,
            "lang": r.lang,
            "article_title": r.title,
            "published": r.published,
        }
        items = found.people if owner == "person" else found.collectives
        person_ids = store.person_ids(a) if owner == "person" else {}
        for n, item in enumerate(items):
            held = found.honours_of(owner, n)
            if only is not None and (a, owner, n) not in only:
                continue
            if not held and owner != "person":
                continue
            held = [h for h in held or (None,) if keep(owner, item, h, r.lang)]
            who = {"name": item.name}
            if owner == "person":
                who |= {
                    "person_id": person_ids.get(n),
                    "gender": item.gender,
                    "ethnicity": item.ethnicity,
                    "role": item.role,
                    "org": item.org,
                    "posthumous": bool(item.posthumous),
                }
            for h in held:
                record = {k: _joined(getattr(h, k)) for k in HONOUR} if h else dict.fromkeys(HONOUR)
                s, e = sentence_of(spans, (item.span or (h.span if h else None) or (0, 0))[0])  # where named
                yield who | record | source | {"evidence": r.text[s:e].strip()}


def _csv_lines(rows: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> Iterator[tuple[str, int]]:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    yield "\ufeff" + buf.getvalue(), 0
    for row in rows:
        buf.seek(0)
        buf.truncate()
        writer.writerow(cells([row.get(c) for c in columns]))
        yield buf.getvalue(), 1


def _jsonl_lines(rows: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> Iterator[tuple[str, int]]:
    for row in rows:
        yield json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n", 1


def _vert(archive, ids: list[str]) -> Iterator[tuple[str, int]]:
    store = archive.store
    for a in ids:
        r = store.article(a)
        attrs = {
            "id": a,
            "title": r.title,
            "published": r.published,
            "lang": r.lang,
            "script": r.script,
            "site": r.site,
            "source": r.source,
            "commendation": "yes" if r.is_commendation else "no",
        }
        head = (
            "<doc "
            + " ".join(f"{k}={quoteattr(str(v) if v is not None else '')}" for k, v in attrs.items())
            + ">\n"
        )
        text = r.text
        body = "".join(escape(text[s:e]) + "\n" for s, e in r.tokens if text[s:e].strip())
        yield head + body + "</doc>\n", 1


def _written(target: Path, write: Callable[[Path], int]) -> dict[str, Any]:
    """Write a file through `write(tmp) -> rows` beside `target`, rename it into place; its entry in
    the manifest (name, rows, bytes, sha256)."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        rows = write(tmp)
        os.replace(tmp, target)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {target}: {e.strerror or e}") from None
    data = target.read_bytes()
    return {"file": target.name, "rows": rows, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def _text(chunks: Iterable[tuple[str, int]]) -> Callable[[Path], int]:
    def write(tmp: Path) -> int:
        rows = 0
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            for chunk, n in chunks:
                f.write(chunk)
                rows += n
        return rows

    return write


def _parquet(rows: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> Callable[[Path], int]:
    def write(tmp: Path) -> int:
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {"year": pa.int32(), "posthumous": pa.bool_()}
        schema = pa.schema([(c, types.get(c, pa.string())) for c in columns])
        table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=schema)
        pq.write_table(table, tmp)
        return table.num_rows

    return write


def beside(target: Path, name: str) -> Path:
    """FILE.csv -> FILE.collectives.csv (FILE.jsonl -> FILE.honours.jsonl)."""
    return target.with_name(f"{target.stem}.{name}{target.suffix}")


def export(
    archive, fmt: str, target: str | Path, q: Query | None = None, all_reposts: bool = False
) -> dict[str, Any]:
    """Write the export, the files beside it and its manifest; returns the manifest."""
    if fmt not in ALL_FORMATS:
        raise ExportError(f"format must be one of {', '.join(ALL_FORMATS)}, not {fmt!r}")
    target = Path(target)
    if not target.parent.is_dir():
        raise ExportError(f"cannot export to {target}: the directory {target.parent} does not exist")
    if target.is_dir():
        raise ExportError(f"cannot export to {target}: it is a directory")
    store = archive.store
    ids, only = found_by(archive, q)
    shown = archive.progress(ids, len(ids), "export") if len(ids) > 50 else ids
    chosen = ids if all_reposts else canonical_ids(store, ids)
    tables = {"person": (CSV_COLUMNS, "honours"), "collective": (COLLECTIVE_COLUMNS, "collectives")}

    def table(owner: str, fmt: str, picked=chosen) -> Callable[[Path], int]:
        columns, _ = tables[owner]
        rows = honour_rows(store, picked, owner, only, wanted(q))
        return {
            "csv": lambda: _text(_csv_lines(rows, columns)),
            "parquet": lambda: _parquet(rows, columns),
            "jsonl": lambda: _text(_jsonl_lines(rows, columns)),
        }[fmt]()

    side = []
    if fmt in ("csv", "parquet"):
        keep = set(chosen)
        main = _written(target, table("person", fmt, (a for a in shown if a in keep)))
        side.append(_written(beside(target, "collectives"), table("collective", fmt)))
    else:
        main = _written(target, _text({"jsonl": _jsonl, "vert": _vert}[fmt](archive, shown)))
        if fmt == "jsonl":
            side += [
                _written(beside(target, name), table(owner, "jsonl")) for owner, (_, name) in tables.items()
            ]
    manifest = {
        "file": target.name,
        "format": fmt,
        "sha256": main["sha256"],
        "bytes": main["bytes"],
        "query": q.describe() if q else None,
        "all_reposts": all_reposts,
        "counts": {
            "articles": len(ids),
            "canonical_articles": len(chosen),
            "rows": main["rows"],
            **{f["file"]: f["rows"] for f in side},
        },
        "files": [main, *side],
        "program": {"name": "honours-archive", "version": program_version()},
        "engine": archive.engine_name,
        "versions": {"program": program_version(), "store_schema": SCHEMA_VERSION, **_library_versions(fmt)},
        "created": now(),
    }
    manifest_path = target.with_name(target.name + ".manifest.json")
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def _library_versions(fmt: str) -> dict[str, str]:
    names = ("tantivy", "whoosh") + (("pyarrow",) if fmt == "parquet" else ())
    out = {}
    for name in names:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            continue
    return out
