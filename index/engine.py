"""The thin interface between the archive and its search engines (tantivy, the default, and
Whoosh), and what they share: opening an index and checking it, reading it without a crash, and
the meaning of a word in a search for people, collectives or events.

Documents arrive pre-analysed (token lists from index/analysis.py) and queries arrive as our own
model (a tree of AllOf, AnyOf and Negated over analysed Clause leaves, built by index/query.py),
so an engine only stores, matches, counts and ranks. The engines import
this module; it finds them by name (ENGINES), so neither side imports the other at the top.
"""

from __future__ import annotations

import importlib
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from errors import EngineError  # noqa: F401  (re-exported)

TEXT_FIELDS = ("words", "bigrams", "vi", "vifold", "pinyin")  # token-list fields, all with positions
# Fields whose tokens in a clause must all be there but not necessarily in a row, when they overlap
# in a chain (the bigrams of one run of characters, 最美 美奋 奋斗 斗者): character bigrams hold only
# titles and names, roles, organisations and honours (a few dozen characters), where such a chain
# nearly never occurs apart, and reading positions is what made a Chinese phrase slow (34,000
# documents at 20 k articles: 8 ms with positions, 1 ms without). The words field keeps positions.
LOOSE = ("bigrams",)

TREE = ("place1", "place2", "place3")  # the division tree: province, its children, theirs (issue 13)
FACETS = ("year", "place", "honour", "lang", "kind", "relation", "level", *TREE)
FACET_FIELD = {f: f for f in ("year", "lang", "kind", "relation")} | {  # the field each facet counts
    f: f"{f}_facet" for f in ("place", "honour", "level", *TREE)
}
UNITS = ("person", "collective", "household")


def loose(field: str, tokens: tuple[str, ...]) -> bool:
    """Whether a clause's tokens in `field` match without positions (see LOOSE)."""
    return field in LOOSE and all(a[-1] == b[0] for a, b in zip(tokens, tokens[1:], strict=False))


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
    relation: str | None = None  # a person's: honouree | official | author | mentioned
    levels: tuple[str, ...] = ()  # a person's or collective's honour levels, for filters
    level: str | None = None  # the highest of them, shown in facets
    tree: tuple[str, ...] = ()  # the shown place's division path, one value per TREE facet (/云南省/昆明市)
    tokens: dict[str, tuple[str, ...]] = field(default_factory=dict)  # TEXT_FIELDS -> tokens


@dataclass(frozen=True)
class Clause:
    """One term of a query, analysed for each text field; a match in any field will do.
    `optional`: inside an AllOf it only ranks (a whole unquoted Chinese run as a phrase).
    `articles`: set by `in_context`, the clause also matches entities of these articles."""

    tokens: dict[str, tuple[str, ...]]
    optional: bool = False
    articles: tuple[str, ...] | None = None


@dataclass(frozen=True)
class AllOf:
    """Every item must match (a Negated item must not; an optional Clause only ranks)."""

    items: tuple


@dataclass(frozen=True)
class AnyOf:
    """At least one item must match; each one that does adds to the score."""

    items: tuple


@dataclass(frozen=True)
class Negated:
    """Whatever matches the item is left out."""

    item: object


@dataclass(frozen=True)
class Request:
    match: Any = None  # AllOf / AnyOf / Negated over Clause leaves; None: no text
    kinds: tuple[str, ...] = ()
    lang: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    place: str | None = None
    honour: str | None = None
    min_count: int | None = None
    unit: str | None = None
    relation: str | None = None  # people of this relation only (other kinds have none)
    level: str | None = None  # people and collectives holding an honour of this level
    duplicates: bool = False  # include reposts, not only each cluster's canonical member
    limit: int = 20
    offset: int = 0
    facets: bool | tuple[str, ...] = True  # True: every facet; or the names of those the caller shows
    count: bool = True  # False: the total is not counted (Result.total is then offset + hits)


def facet_names(r: Request) -> tuple[str, ...]:
    """The facets a request asks for, in FACETS order (True: all of them)."""
    if r.facets is True:
        return FACETS
    return tuple(f for f in FACETS if f in (r.facets or ()))


# A query is a tree of AllOf, AnyOf and Negated over leaves: index/query.py builds it over the words
# and phrases the user typed, and the engines get it over Clause leaves (Request.match).


def all_of(items) -> Any:
    """AllOf the items, nested AllOfs flattened and None (nothing to look for) dropped; one
    mandatory item is itself, none is None."""
    flat: list = []
    for i in items:
        if isinstance(i, AllOf):
            flat += i.items
        elif i is not None:
            flat.append(i)
    if len(flat) == 1 and not getattr(flat[0], "optional", False):
        return flat[0]
    return AllOf(tuple(flat)) if flat else None


def any_of(items) -> Any:
    """AnyOf the items, nested AnyOfs flattened and None dropped; one item is itself, none is None."""
    flat: list = []
    for i in items:
        if isinstance(i, AnyOf):
            flat += i.items
        elif i is not None:
            flat.append(i)
    return flat[0] if len(flat) == 1 else AnyOf(tuple(flat)) if flat else None


def negated(item) -> Any:
    """Negated(item); a double negation is the item itself, and None stays None."""
    if item is None or isinstance(item, Negated):
        return None if item is None else item.item
    return Negated(item)


def map_leaves(node, fn: Callable[[Any], Any]) -> Any:
    """The tree with each leaf replaced by fn(leaf) (None drops it), simplified again."""
    if isinstance(node, AllOf):
        return all_of(map_leaves(i, fn) for i in node.items)
    if isinstance(node, AnyOf):
        return any_of(map_leaves(i, fn) for i in node.items)
    if isinstance(node, Negated):
        return negated(map_leaves(node.item, fn))
    return None if node is None else fn(node)


def side_by_side(node) -> tuple:
    """What must all match at the top of a tree: its AllOf's items, else the node itself."""
    return node.items if isinstance(node, AllOf) else () if node is None else (node,)


def leaves(node, negate: bool = False) -> Iterator[tuple[Any, bool]]:
    """Each leaf of the tree, in order, with whether it sits under an odd number of Negated."""
    if isinstance(node, (AllOf, AnyOf)):
        for i in node.items:
            yield from leaves(i, negate)
    elif isinstance(node, Negated):
        yield from leaves(node.item, not negate)
    elif node is not None:
        yield node, negate


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
    path: Path,
    create: bool,
    exists: Callable[[], bool],
    load: Callable[[], Any],
    make: Callable[[], Any],
    check: Callable[[Any], None] = lambda ix: None,
):
    """An engine's index at `path`: opened and checked when it exists, made when `create`, else
    EngineError; a damaged or foreign directory is an EngineError too (the archive then rebuilds it)."""
    try:
        if exists():
            ix = load()
            check(ix)
            return ix
        if not create:
            raise EngineError(f"no index in {path}")
        path.mkdir(parents=True, exist_ok=True)
        return make()
    except EngineError:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:  # a Rust panic (pyo3's PanicException) is a BaseException
        raise EngineError(f"the index in {path} is damaged ({_first_line(e)})") from None


def guarded(path: Path, call: Callable[..., Any], *args) -> Any:
    """`call(*args)` on an index: a failure inside the engine (a Python error from a damaged file,
    a Rust panic) becomes one EngineError line, never a traceback."""
    try:
        return call(*args)
    except (EngineError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:
        raise EngineError(
            f"the index in {path} cannot be read ({_first_line(e)}); `honours reindex` rebuilds it"
        ) from None


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return f"{type(e).__name__}: {text[0][:200]}" if text else type(e).__name__


def crc32_file(path: Path, end: int | None = None) -> int:
    """CRC-32 of a file's first `end` bytes (all of it by default), read in 1 MB pieces."""
    crc, left = 0, path.stat().st_size if end is None else end
    with open(path, "rb") as f:
        while left > 0:
            piece = f.read(min(left, 1 << 20))
            if not piece:
                break
            crc, left = zlib.crc32(piece, crc), left - len(piece)
    return crc


ENTITY_KINDS = ("person", "collective", "event")
MAX_CONTEXT = 200_000  # articles a context word may match


def in_context(search: Callable[[Request], Result], r: Request) -> Request:
    """What a word means in a search for people, collectives or events only (--kind): a word that
    none of them has in its own fields (name, role, organisation, honour) is looked for in the words
    of their articles instead (表彰 --kind person: the people of articles about a 表彰). `search`
    is the engine's plain search: one count per word, and for such a word a search of the articles
    (at most MAX_CONTEXT of them). Every leaf of the tree is read so, in OR branches and excluded."""
    if not widens(r):
        return r

    def widen(c: Clause) -> Clause:
        if c.optional or c.articles is not None:
            return c
        probe = Request(match=c, kinds=r.kinds, limit=1, facets=False, count=False)
        if search(probe).hits:
            return c
        found = search(replace(probe, kinds=("article",), limit=MAX_CONTEXT))
        return replace(c, articles=tuple(sorted({h.article for h in found.hits})))

    return replace(r, match=map_leaves(r.match, widen))


def whole_search(r: Request) -> str | None:
    """What an engine's memo may keep the hits of in_context's search of a word's articles under
    (they are the same for every page and chart of a query); None for any other request."""
    plain = r.limit == MAX_CONTEXT and not (r.offset or r.count or facet_names(r))
    return f"hits {MAX_CONTEXT}" if plain else None


def widens(r: Request) -> bool:
    """Whether in_context may read a word of the request in its articles: a search of entities only."""
    return bool(r.kinds) and set(r.kinds) <= set(ENTITY_KINDS)


def contextual(search: Callable[[Request], Result], r: Request) -> Result:
    """search(in_context(r)), without in_context's probes when they cannot change the request: when
    every word must match (no OR, no exclusion at the top) and the request finds something as it
    stands (a hit, a total, or a facet count: the chart's year counts ask for no hits), each word
    has matches of its own among those kinds, so none would be widened."""
    if widens(r) and all(isinstance(i, Clause) for i in side_by_side(r.match)):
        found = search(r)
        if found.hits or (r.count and found.total) or any(any(f.values()) for f in found.facets.values()):
            return found
    return search(in_context(search, r))


ENGINES = {"tantivy": "index.tantivy_engine", "whoosh": "index.whoosh_engine"}  # name -> module


def open_engine(
    name: str, path: Path, create: bool = False, notice=lambda message: None, memo=None
) -> Engine:
    """The engine called `name`, its module imported now (each module names its class ENGINE).
    `memo`: an index/memo.py Memo to share between engines of one index (one per thread, say)."""
    if name not in ENGINES:
        raise EngineError(f"unknown search engine {name!r} (engines: {', '.join(ENGINES)})")
    return importlib.import_module(ENGINES[name]).ENGINE(path, create, notice, memo)
