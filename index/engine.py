"""The thin interface between the archive and a search engine (Whoosh now, tantivy next).

Documents arrive pre-analysed (token lists from index/analysis.py) and queries arrive as our own
model (index/query.py), so an engine only stores, matches, counts and ranks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from errors import EngineError  # noqa: F401  (re-exported)

TEXT_FIELDS = ("words", "bigrams", "vi", "vifold", "pinyin")  # token-list fields, all with positions
FACETS = ("year", "place", "honour", "lang", "kind")
UNITS = ("person", "collective", "household")



@dataclass(frozen=True)
class IndexDoc:
    id: str  # a:<article> | p:<article>:<n> | c:<article>:<n> | e:<article>:<n>
    kind: str  # article | person | collective | event
    article: str
    canonical: bool  # the representative of its cluster of reposts
    lang: str
    year: int | None
    places: tuple[str, ...]  # every way to name the place (昆明市盘龙区, 盘龙区), for filters
    place: str | None  # the one shown in facets
    honours: tuple[str, ...]  # every honour title, with the core titles inside them, for filters
    honour: str | None  # the one shown in facets
    counts: dict[str, int] = field(default_factory=dict)  # unit -> largest count, for event docs
    tokens: dict[str, tuple[str, ...]] = field(default_factory=dict)  # TEXT_FIELDS -> tokens


@dataclass(frozen=True)
class Clause:
    """One part of a query, analysed for each text field; a match in any field will do."""

    tokens: dict[str, tuple[str, ...]]
    negate: bool = False


@dataclass(frozen=True)
class Request:
    clauses: tuple[Clause, ...] = ()
    kinds: tuple[str, ...] = ()
    lang: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    place: str | None = None
    honour: str | None = None
    min_count: int | None = None
    unit: str | None = None
    duplicates: bool = False  # include reposts, not only each cluster's canonical member
    limit: int = 20
    offset: int = 0
    facets: bool = True


@dataclass(frozen=True)
class Hit:
    id: str
    kind: str
    article: str
    score: float


@dataclass(frozen=True)
class Result:
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, dict[str, int]]


class Engine(Protocol):
    name: str

    def add(self, docs: list[IndexDoc]) -> None:
        """Add documents; the caller has deleted earlier documents of their articles."""
        ...

    def delete_articles(self, article_ids: list[str]) -> None: ...

    def commit(self) -> None: ...

    def search(self, request: Request) -> Result: ...

    def count(self) -> int: ...

    def close(self) -> None: ...


def open_index(
    path: Path, create: bool, exists: Callable[[], bool], load: Callable[[], Any], make: Callable[[], Any]
):
    """An engine's index at `path`: opened when it exists, made when `create`, else EngineError;
    a damaged or foreign directory is an EngineError too (the archive then rebuilds it)."""
    try:
        if exists():
            return load()
        if not create:
            raise EngineError(f"no index in {path}")
        path.mkdir(parents=True, exist_ok=True)
        return make()
    except EngineError:
        raise
    except Exception as e:
        raise EngineError(f"the index in {path} cannot be opened ({type(e).__name__}: {e})") from None


def open_engine(name: str, path: Path, create: bool = False, notice=lambda message: None) -> Engine:
    if name == "whoosh":
        from index.whoosh_engine import WhooshEngine

        return WhooshEngine(path, create, notice)
    if name == "tantivy":
        from index.tantivy_engine import TantivyEngine

        return TantivyEngine(path, create, notice)
    raise EngineError(f"unknown search engine {name!r}")
