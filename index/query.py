"""Query text -> our own query model, and the model -> the engine's analysed request.

Syntax (index/query_parse.py): words (all must match), "quoted phrases", -excluded words, OR
between them, (parentheses) for grouping, and field:value filters for kind, lang, year (2023 or
2020..2023), place and honour. Anything else is a clear error. Beside the text: a person's
relation and an honour level (the page's and the command line's --relation, --level).

A place is a name (盘龙区, also finding what lies below it) or a branch of the division tree,
/云南省/昆明市, which finds exactly what the tree facet of that branch counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from errors import QueryError
from extract.honours import HONOUR_LEVELS
from index import analysis
from index.engine import UNITS, AllOf, Clause, Negated, Request, leaves, map_leaves, side_by_side
from index.query_parse import Phrase, Term, parse_text, render

MAX_QUERY = 500
KINDS = ("article", "person", "collective", "event")
RELATIONS = ("honouree", "official", "author", "mentioned")  # a person's part in its article
ALL = "all"  # relation=all: every relation, where honourees are the default (exports, person searches)
_YEARS = re.compile(r"^(\d{4})(?:\s*(?:\.\.|-|–|to)\s*(\d{4}))?$")


@dataclass(frozen=True)
class Query:
    match: Any = None  # AllOf / AnyOf / Negated over Term and Phrase; None: no words
    kinds: tuple[str, ...] = ()
    lang: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    place: str | None = None
    honour: str | None = None
    min_count: int | None = None
    unit: str | None = None
    duplicates: bool = False
    relation: str | None = None  # one of RELATIONS, or ALL; None: the caller's default
    level: str | None = None  # one of HONOUR_LEVELS: people and collectives holding such an honour
    filters: dict[str, str] = field(default_factory=dict)  # as the user wrote them, for manifests

    def terms(self) -> tuple[tuple[str, bool, bool], ...]:
        """(text, excluded, quoted as a phrase) of each word and phrase, in the order typed."""
        return tuple((t.text, neg, isinstance(t, Phrase)) for t, neg in leaves(self.match) if t.text)

    def describe(self) -> dict:
        """The words and the excluded words; with OR or groups also the whole expression."""
        out: dict[str, Any] = {
            "text": [t for t, neg, _ in self.terms() if not neg],
            "not": [t for t, neg, _ in self.terms() if neg],
        }
        if not _flat(self.match):
            out["expression"] = render(self.match)
        return {**out, **self.filters}


def _flat(node) -> bool:
    """Words side by side, some excluded: what describe()'s two lists say in full."""
    return all(
        isinstance(i.item if isinstance(i, Negated) else i, (Term, Phrase)) for i in side_by_side(node)
    )


def years(value: str) -> tuple[int, int]:
    m = _YEARS.match(value.strip())
    if not m:
        raise QueryError(f"year must be YYYY or YYYY..YYYY, not {value!r}")
    a, b = int(m.group(1)), int(m.group(2) or m.group(1))
    if a > b:
        raise QueryError(f"year range {value!r} runs backwards")
    return a, b


def parse(text: str, **filters) -> Query:
    """The user's query text plus command-line filters (kind, lang, year, place, honour, min_count,
    unit, relation, level)."""
    if len(text) > MAX_QUERY:
        raise QueryError(f"query too long ({len(text)} characters; the limit is {MAX_QUERY})")
    match, written = parse_text(text)
    given = {k: v for k, v in filters.items() if v not in (None, "", ())} | written
    return _with_filters(Query(match=match), given)


def _with_filters(q: Query, given: dict) -> Query:
    changes: dict = {"filters": {k: str(v) for k, v in given.items() if k != "duplicates"}}
    if "kind" in given:
        kinds = tuple(k.strip().lower() for k in str(given["kind"]).split(","))
        bad = [k for k in kinds if k not in KINDS]
        if bad:
            raise QueryError(f"unknown kind {bad[0]!r} (kinds: {', '.join(KINDS)})")
        changes["kinds"] = kinds
    if "lang" in given:
        if given["lang"] not in ("zh", "vi", "other"):
            raise QueryError(f"lang must be zh, vi or other, not {given['lang']!r}")
        changes["lang"] = given["lang"]
    if "year" in given:
        changes["year_from"], changes["year_to"] = years(str(given["year"]))
    if "place" in given:
        changes["place"] = analysis.normalise_query(str(given["place"]))
    if "honour" in given:
        changes["honour"] = analysis.normalise_query(str(given["honour"]))
    if "unit" in given:
        if given["unit"] not in UNITS:
            raise QueryError(f"unit must be one of {', '.join(UNITS)}, not {given['unit']!r}")
        changes["unit"] = given["unit"]
    if "min_count" in given:
        try:
            changes["min_count"] = int(given["min_count"])
        except (TypeError, ValueError):
            raise QueryError(f"min-count must be a whole number, not {given['min_count']!r}") from None
    for name, known in (("relation", (*RELATIONS, ALL)), ("level", HONOUR_LEVELS)):
        if name in given:
            value = str(given[name]).strip().lower()
            if value not in known:
                raise QueryError(f"{name} must be one of {', '.join(known)}, not {given[name]!r}")
            changes[name] = value
    if given.get("duplicates"):
        changes["duplicates"] = True
    return replace(q, **changes)


def analyse(text: str, segment) -> dict[str, tuple[str, ...]]:
    """Tokens of one query part for every text field, exactly as documents are analysed."""
    t = analysis.normalise_query(text)
    out: dict[str, tuple[str, ...]] = {}
    if analysis.HAN_RUN.search(t):
        out["words"] = tuple(analysis.words(t, segment(t)))
        out["bigrams"] = tuple(analysis.bigrams(t))
    else:
        out["words"] = tuple(w for w in re.findall(r"\w+", t))
    vi, folded = analysis.vietnamese(t)
    if vi and not analysis.HAN_RUN.search(t):
        out["vi"], out["vifold"] = tuple(vi), tuple(folded)
        if t.isascii():
            out["pinyin"] = tuple(analysis.query_pinyin(t))
    return {k: v for k, v in out.items() if v}


def chunks(words: list[str]) -> list[list[str]]:
    """Words grouped with the lone characters attached to a neighbour (刘/湘/酃 -> [刘, 湘, 酃],
    于/海洋 -> [于, 海洋]): a single character is no clause of its own, but its group is."""
    out: list[list[str]] = []
    pending: list[str] = []
    for w in words:
        if len(w) == 1 and analysis.HAN_RUN.match(w):
            pending.append(w)
            continue
        out.append(pending + [w])
        pending = []
    if pending:
        if out:
            out[-1] += pending
        else:
            out.append(pending)
    return out


def _group(words: list[str]) -> dict[str, tuple[str, ...]]:
    """One group of words, as segmented within the whole run: its words in a row, and its bigrams."""
    text = "".join(words)
    return {k: v for k, v in {"words": tuple(words), "bigrams": tuple(analysis.bigrams(text))}.items() if v}


def _run(text: str, segment):
    """An unquoted Chinese run: all of its word groups (each anywhere), and the whole run as a
    phrase that only ranks; a lone group is that phrase. Words keep the segmentation of the whole
    run, the one the article's text got."""
    t = analysis.normalise_query(text)
    groups = chunks(analysis.words(t, segment(t)))
    if len(groups) <= 1:
        tokens = analyse(text, segment)
        return Clause(tokens=tokens) if tokens else None
    whole = Clause(tokens=analyse(text, segment), optional=True)
    return AllOf((*(Clause(tokens=_group(g)) for g in groups), whole))


def clauses(match, segment):
    """The user's tree with each word and phrase analysed into engine clauses; words with nothing
    to look for (punctuation) drop out."""

    def leaf(node):
        if isinstance(node, Term) and analysis.HAN_RUN.search(node.text):
            return _run(node.text, segment)
        tokens = analyse(node.text, segment)
        return Clause(tokens=tokens) if tokens else None

    return map_leaves(match, leaf)


def request(q: Query, segment, limit: int = 20, offset: int = 0, facets: bool = True) -> Request:
    """The engine request for a query. A quoted part is a phrase; an unquoted Chinese run is one
    clause per word (all must match, each also by its character bigrams), and ranks higher where it
    appears as the phrase it is."""
    return Request(
        match=clauses(q.match, segment),
        kinds=q.kinds,
        lang=q.lang,
        year_from=q.year_from,
        year_to=q.year_to,
        place=q.place,
        honour=q.honour,
        min_count=q.min_count,
        unit=q.unit,
        relation=q.relation if q.relation != ALL else None,
        level=q.level,
        duplicates=q.duplicates,
        limit=limit,
        offset=offset,
        facets=facets,
    )
