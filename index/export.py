"""Research exports of the whole archive or of one query's results, each with a manifest.

JSONL: one article per line, with word spans, entities and provenance. CSV: one row per honouree,
UTF-8 with a byte-order mark so spreadsheet programs read it; booleans are true / false, and text a
spreadsheet would run as a formula starts with a ' (see `cells`). Vertical: one token per line
inside <doc> elements carrying the metadata, for corpus tools. The file is written beside its target and
renamed into place, so a failed export leaves nothing half-written; the manifest (query, filters,
counts, program version, time, checksum) goes next to it as FILE.manifest.json.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from errors import ExportError  # noqa: F401  (re-exported)
from extract.text import sentence_of, sentences
from index.query import Query, request
from index.store import now
from index.views import plain

FORMATS = ("jsonl", "csv", "vert")
CSV_COLUMNS = ("name", "honour", "role", "org", "place", "gender", "ethnicity", "posthumous", "year", "published",
               "article_id", "title", "source", "evidence")  # fmt: skip
MAX_RESULTS = 1_000_000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets read as the start of a formula


def program_version() -> str:
    try:
        return version("honours-archive")
    except PackageNotFoundError:
        return "unknown"


def article_ids(archive, q: Query | None) -> list[str]:
    """Every live article, or the articles behind a query's hits (any kind), in a stable order."""
    if q is None:
        return archive.store.live_ids()
    result = archive.engine.search(request(q, archive.segmenter.spans, limit=MAX_RESULTS, facets=False))
    return sorted(dict.fromkeys(h.article for h in result.hits))


def _entities(store, a: str, table: str) -> list[dict[str, Any]]:
    return [plain(e) for e in store.entities(table, a)]


def _jsonl(archive, ids: list[str]) -> Iterator[tuple[str, int]]:
    store = archive.store
    for a in ids:
        r = store.article(a)
        rec = {
            "id": a, "source": r.source, "site": r.site, "lang": r.lang, "script": r.script, "title": r.title,
            "published": r.published, "text": r.text, "is_commendation": bool(r.is_commendation),
            "tokens": [list(t) for t in r.tokens],
            **{t: _entities(store, a, t) for t in ("people", "collectives", "events", "counts")},
            "cluster": r.cluster, "canonical": bool(r.canonical),
            "provenance": {"source": r.source, "fetched": r.fetched, "raw_sha1": r.raw_sha1, "warc": r.warc,
                           "encoding": r.encoding, "cleaning": r.cleaning, "version": r.version,
                           "ingested": r.ingested},
        }  # fmt: skip
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


def _csv(archive, ids: list[str]) -> Iterator[tuple[str, int]]:
    import io

    store = archive.store
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    yield "\ufeff" + buf.getvalue(), 0
    for a in ids:
        r = store.article(a)
        spans = sentences(r.text)
        events = store.entities("events", a)
        year = events[0].year if events else None
        for p in store.entities("people", a):
            if p.relation != "honouree":
                continue
            s, e = sentence_of(spans, p.span[0] if p.span else 0)
            buf.seek(0)
            buf.truncate()
            writer.writerow(cells([p.name, p.honour, p.role, p.org, p.place, p.gender, p.ethnicity,
                                   bool(p.posthumous), year, r.published, a, r.title,
                                   r.source, r.text[s:e].strip()]))  # fmt: skip
            yield buf.getvalue(), 1


def _vert(archive, ids: list[str]) -> Iterator[tuple[str, int]]:
    store = archive.store
    for a in ids:
        r = store.article(a)
        attrs = {"id": a, "title": r.title, "published": r.published, "lang": r.lang, "script": r.script,
                 "site": r.site, "source": r.source, "commendation": "yes" if r.is_commendation else "no"}  # fmt: skip
        head = (
            "<doc "
            + " ".join(f"{k}={quoteattr(str(v) if v is not None else '')}" for k, v in attrs.items())
            + ">\n"
        )
        text = r.text
        body = "".join(escape(text[s:e]) + "\n" for s, e in r.tokens if text[s:e].strip())
        yield head + body + "</doc>\n", 1


def export(archive, fmt: str, target: str | Path, q: Query | None = None) -> dict[str, Any]:
    """Write the export and its manifest; returns the manifest."""
    if fmt not in FORMATS:
        raise ExportError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    target = Path(target)
    if not target.parent.is_dir():
        raise ExportError(f"cannot export to {target}: the directory {target.parent} does not exist")
    if target.is_dir():
        raise ExportError(f"cannot export to {target}: it is a directory")
    ids = article_ids(archive, q)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    digest, rows, size = hashlib.sha256(), 0, 0
    writer = {"jsonl": _jsonl, "csv": _csv, "vert": _vert}[fmt]
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            for chunk, n in writer(
                archive, archive.progress(ids, len(ids), "export") if len(ids) > 50 else ids
            ):
                f.write(chunk)
                data = chunk.encode("utf-8")
                digest.update(data)
                size += len(data)
                rows += n
        os.replace(tmp, target)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {target}: {e.strerror or e}") from None
    manifest = {
        "file": target.name, "format": fmt, "sha256": digest.hexdigest(), "bytes": size,
        "query": q.describe() if q else None, "counts": {"articles": len(ids), "rows": rows},
        "program": {"name": "honours-archive", "version": program_version()}, "engine": archive.engine_name, "created": now(),
    }  # fmt: skip
    manifest_path = target.with_name(target.name + ".manifest.json")
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest
