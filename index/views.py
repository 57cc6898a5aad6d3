"""The frozen records the store takes and gives: what the workers hand it (`Record`), what storing
one did (`PutResult`) and what its queries return (`StoredArticle`, `Member`, `Repost`,
`Version`). People, collectives, events, counts and honours come back as the extractor's own records."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from extract.records import Award, Collective, Count, Event, Extraction, Person
from normalize.records import Article

ENTITIES: dict[str, type] = {
    "people": Person,
    "collectives": Collective,
    "events": Event,
    "counts": Count,
    "honours": Award,
}  # an honour names its owner: person|collective, n


@dataclass(frozen=True)
class Record:
    """One document as the workers hand it to the store: the normalised article, what the extractor
    found in it, its MinHash signature (None for a short text) and its index documents, pickled
    (index/work.py: `pack_docs`): the main process holds them until the next index round, and
    unpickled they take eight times the memory (200 KB an article, 25 KB packed)."""

    article: Article
    found: Extraction
    signature: bytes | None = None
    docs: bytes = b""
    tokens: str | None = None  # the article's tokens as the store's column holds them (JSON), made by
    # the worker, which then ships the article without them: the main process only runs SQL


@dataclass(frozen=True)
class PutResult:
    """What storing one record did: new | unchanged | updated (same id) | reprocessed |
    superseded (new id, same source: `previous` names the article it replaces)."""

    id: str
    status: str
    previous: str | None = None


@dataclass(frozen=True)
class StoredArticle(Article):
    """An article as stored: the normaliser's fields, whether it is a commendation, and the store's
    own (versions, cluster of reposts). `tokens` is empty when read with `tokens=False`."""

    is_commendation: bool = False
    source_key: str = ""
    content_hash: str = ""
    content_type: str | None = None
    version: int = 1
    superseded_by: str | None = None
    cluster: str | None = None
    canonical: bool = True
    ingested: str = ""


@dataclass(frozen=True)
class Member:
    """What choosing a cluster's canonical article needs to know of one article."""

    id: str
    cluster: str | None
    canonical: bool
    live: bool  # not superseded by a newer version
    cleaning: dict[str, int]
    script: str | None
    published: str | None
    fetched: str | None
    seq: int  # the order articles were first stored in


@dataclass(frozen=True)
class Repost:
    """Another live member of an article's cluster, as the article page lists it."""

    id: str
    title: str
    source: str
    published: str | None
    canonical: bool


@dataclass(frozen=True)
class Version:
    """An earlier text of an article kept when its URL served new content."""

    version: int
    title: str
    ingested: str


def columns(cls: type) -> tuple[str, ...]:
    """A record's columns in the store: its fields, with a span as `start` and `end`."""
    out: list[str] = []
    for f in fields(cls):
        out += ["start", "end"] if f.name == "span" else [f.name]
    return tuple(out)


def plain(item) -> dict[str, Any]:
    """A person, collective, event or count as the record contract writes it: lists for tuples, the
    span last as [start, end]."""
    out: dict[str, Any] = {}
    kinds = _kinds(type(item))  # read once per record type
    for name, _ in kinds:
        if name != "span":
            value = getattr(item, name)
            out[name] = list(value) if isinstance(value, tuple) else value
    if any(name == "span" for name, _ in kinds):
        out["span"] = list(item.span) if item.span else None
    return out


def cell(value: Any) -> Any:
    """A value as a column holds it: JSON for lists, tuples and dicts, 0/1 for booleans."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def cells(item) -> list:
    """A record's values in the order of `columns`."""
    out: list = []
    for name, kind in _kinds(type(item)):  # the fields' kinds, read once per record type
        value = getattr(item, name)
        if name == "span":
            out += value or (None, None)
        elif value is None or (kind == "other" and type(value) in (str, int, float)):
            out.append(value)
        else:
            out.append("[]" if value == () else cell(value))
    return out


def from_row(cls: type, row: Mapping):
    """A record from its columns: JSON decoded, 0/1 read as booleans, `start` and `end` as the span.
    A column the row lacks (not selected, or an archive from before the field) gives the default."""
    keys = tuple(row.keys())
    values = tuple(row) if type(row) is sqlite3.Row else tuple(row[k] for k in keys)
    out: dict[str, Any] = {}
    for name, kind, at, end in _plan(cls, keys):
        if kind == "span":
            start = values[at] if at is not None else None
            out["span"] = (start, values[end]) if start is not None else None
            continue
        value = values[at]
        if kind == "tuple":
            value = tuple(tuple(v) if isinstance(v, list) else v for v in json.loads(value or "[]"))
        elif kind == "dict":
            value = json.loads(value or "{}")
        elif kind == "bool":
            value = bool(value)
        out[name] = value
    return cls(**out)


@lru_cache(maxsize=256)
def _plan(cls: type, keys: tuple[str, ...]) -> tuple[tuple[str, str, int | None, int | None], ...]:
    """(field, kind, its column's place in the row, `end`'s place for a span) for the fields a row
    of these columns has (the first of two same-named columns, as sqlite3.Row reads them): worked
    out once per record type and query, not per row."""
    at: dict[str, int] = {}
    for i, k in enumerate(keys):
        at.setdefault(k, i)
    out = []
    for name, kind in _kinds(cls):
        if name == "span":
            out.append((name, "span", at.get("start"), at.get("end")))
        elif name in at:
            out.append((name, kind, at[name], None))
    return tuple(out)


@cache
def _kinds(cls: type) -> tuple[tuple[str, str], ...]:
    """(field, tuple | dict | bool | other) for each field of a record (annotations are strings here)."""
    out = []
    for f in fields(cls):
        kind = str(f.type)
        out.append((f.name, next((k for k in ("tuple", "dict", "bool") if kind.startswith(k)), "other")))
    return tuple(out)


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def source_key(source: str) -> str:
    """What a document is known by across versions: its canonical URL, else its resolved file path."""
    if source.startswith(("http://", "https://")):
        from normalize.pipeline import canonical_url

        return canonical_url(source)
    return str(Path(source).resolve())
