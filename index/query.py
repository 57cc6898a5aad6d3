"""Query text -> our own query model, and the model -> the engine's analysed request.

Syntax: words (all must match), "quoted phrases", -excluded words, and field:value filters for
kind, lang, year (2023 or 2020..2023), place and honour. Anything else is a clear error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from errors import QueryError  # noqa: F401  (re-exported)
from index import analysis
from index.engine import UNITS, Clause, Request

MAX_QUERY = 500
KINDS = ("article", "person", "collective", "event")
FIELDS = ("kind", "lang", "year", "place", "honour")
_TOKEN = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"|“([^”]*)”|(\S+))')
_YEARS = re.compile(r"^(\d{4})(?:\s*(?:\.\.|-|–|to)\s*(\d{4}))?$")


@dataclass(frozen=True)
class Query:
    text: tuple[tuple[str, bool, bool], ...] = ()  # (text, negated, quoted as a phrase)
    kinds: tuple[str, ...] = ()
    lang: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    place: str | None = None
    honour: str | None = None
    min_count: int | None = None
    unit: str | None = None
    duplicates: bool = False
    filters: dict[str, str] = field(default_factory=dict)  # as the user wrote them, for manifests

    def describe(self) -> dict:
        return {
            "text": [t for t, neg, _ in self.text if not neg],
            "not": [t for t, neg, _ in self.text if neg],
            **self.filters,
        }


def years(value: str) -> tuple[int, int]:
    m = _YEARS.match(value.strip())
    if not m:
        raise QueryError(f"year must be YYYY or YYYY..YYYY, not {value!r}")
    a, b = int(m.group(1)), int(m.group(2) or m.group(1))
    if a > b:
        raise QueryError(f"year range {value!r} runs backwards")
    return a, b


def parse(text: str, **filters) -> Query:
    """The user's query text plus command-line filters (kind, lang, year, place, honour, min_count, unit)."""
    if len(text) > MAX_QUERY:
        raise QueryError(f"query too long ({len(text)} characters; the limit is {MAX_QUERY})")
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        raise QueryError("unbalanced quotation mark in the query")
    parts: list[tuple[str, bool, bool]] = []
    given = {k: v for k, v in filters.items() if v not in (None, "", ())}
    for m in _TOKEN.finditer(text):
        neg, name, value = m.group(1) == "-", m.group(2), next(g for g in m.group(3, 4, 5) if g is not None)
        quoted = m.group(5) is None
        if name and not re.fullmatch(r"[A-Za-z]+", name):  # 2024:… or a colon inside text: plain text
            value, name = m.group(0).lstrip("-"), None
        if name:
            name = name.lower()
            if name not in FIELDS:
                raise QueryError(f"unknown field {name!r} (fields: {', '.join(FIELDS)})")
            if not value.strip():
                raise QueryError(f"field {name!r} has no value")
            given[name] = value
        elif value.endswith(":") and value[:-1].lower() in FIELDS:
            raise QueryError(f"field {value[:-1].lower()!r} has no value")
        elif value.strip():
            parts.append((value.strip(), neg, quoted))
    return _with_filters(Query(text=tuple(parts)), given)


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


def _parts(text: str, neg: bool, segment) -> list[Clause]:
    """An unquoted part with Chinese in it: one clause per word group (all must match, anywhere),
    and the whole run as a phrase that only ranks; a lone group is that phrase. Words keep the
    segmentation of the whole run, the one the article's text got."""
    t = analysis.normalise_query(text)
    words = analysis.words(t, segment(t))
    groups = chunks(words)
    if len(groups) <= 1:
        tokens = analyse(text, segment)
        return [Clause(tokens=tokens, negate=neg)] if tokens else []
    clauses = [Clause(tokens=_group(g), negate=neg) for g in groups]
    if not neg:
        clauses.append(Clause(tokens=analyse(text, segment), optional=True))
    return clauses


def request(q: Query, segment, limit: int = 20, offset: int = 0, facets: bool = True) -> Request:
    """The engine request for a query. A quoted part is a phrase; an unquoted Chinese run is one
    clause per word (all must match, each also by its character bigrams), and ranks higher where it
    appears as the phrase it is."""
    clauses = []
    for text, neg, quoted in q.text:
        if not quoted and analysis.HAN_RUN.search(text):
            clauses += _parts(text, neg, segment)
            continue
        tokens = analyse(text, segment)
        if tokens:
            clauses.append(Clause(tokens=tokens, negate=neg))
    return Request(
        clauses=tuple(clauses), kinds=q.kinds, lang=q.lang, year_from=q.year_from, year_to=q.year_to, place=q.place,
        honour=q.honour, min_count=q.min_count, unit=q.unit, duplicates=q.duplicates, limit=limit, offset=offset,
        facets=facets,
    )  # fmt: skip
