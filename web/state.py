"""The page's state, all of it in the URL: the search box and filters, the page number, ids in
paths, and the links that carry the state (and the interface language) from page to page."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from extract.honours import HONOUR_LEVELS as LEVELS  # national ... unit, highest first
from index.engine import TREE
from index.query import ALL, RELATIONS, Query, QueryError, parse
from web.problems import Problem

PAGE_SIZE, MAX_PAGE, API_LIMIT, API_OFFSET = 20, 500, 100, 10_000
MAX_QUERY, MAX_FIELD, MAX_NAME = 500, 200, 100  # characters of the query, a filter value, a name
MAX_COUNT = 10**9  # the largest minimum count, as on the command line
FILTERS = ("kind", "language", "year", "place", "honour", "min_count", "unit", "duplicates")
NARROW = ("relation", "level")  # filters of the page the query language has no word for
ARTICLE_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
EVENT_ID = re.compile(r"(?:e:)?([0-9A-Za-z_-]{1,64}):(\d{1,5})")


def url(path: str, params: Mapping[str, Any], lang: str) -> str:
    """A link inside the site: empty parameters dropped, the interface language kept."""
    items = [pair(str(k), str(v)) for k, v in params.items() if v not in (None, "", False) and k != "lang"]
    if lang != "zh":
        items.append(pair("lang", lang))
    return path + ("?" + "&".join(items) if items else "")


def links(path: str, params: Mapping[str, Any], lang: str, key: str) -> Callable[[Any], str]:
    """url(path, {**params, key: value}, lang) for many values of one key (a facet's values, the
    chart's years): the other parameters are written once, not once a link."""
    before: list[str] = []
    after: list[str] = []
    for k, v in {**params, key: None}.items():  # the key keeps its place among the parameters
        if k == key:
            before, after = after, before  # what came so far goes before the key's value
        elif v not in (None, "", False) and k != "lang":
            after.append(pair(str(k), str(v)))
    if lang != "zh":
        after.append(pair("lang", lang))

    def link(value: Any) -> str:
        shown = value not in (None, "", False) and key != "lang"
        items = [*before, pair(key, str(value)), *after] if shown else [*before, *after]
        return path + ("?" + "&".join(items) if items else "")

    return link


@lru_cache(maxsize=4096)
def pair(key: str, value: str) -> str:
    """`key=value` as urlencode(..., quote_via=quote) writes it; a page links the same few values
    dozens of times (each facet link repeats the query and filters)."""
    return quote(key, safe="") + "=" + quote(value, safe="")


def search_state(params: Mapping[str, str]) -> dict[str, str]:
    """The page's state from its query string; the year range form (from, to) becomes `year`."""
    state = {k: params.get(k, "").strip() for k in ("q", *FILTERS, *NARROW)}
    if "from" in params or "to" in params:
        a, b = params.get("from", "").strip(), params.get("to", "").strip()
        for v in (a, b):
            if v and not re.fullmatch(r"\d{4}", v):
                raise Problem(400, "error_bad_query", "detail_year_digits", value=v[:20])
        state["year"] = f"{a or 1900}..{b or 2100}" if a != b else a
    for k, v in state.items():
        if len(v) > (MAX_QUERY if k == "q" else MAX_FIELD):
            raise Problem(400, "error_bad_query", "detail_too_long", name=k, n=len(v))
    state["min_count"] = count(state["min_count"])
    state["relation"], state["level"] = choice("relation", state["relation"]), choice("level", state["level"])
    page = params.get("page", "1")
    if not page.isdigit() or not 1 <= int(page) <= MAX_PAGE:
        raise Problem(400, "error_bad_request", "detail_page", top=MAX_PAGE)
    state["page"] = page
    return state


def choice(name: str, value: str | None) -> str:
    """A relation (or `all`) or an honour level as typed: empty, or one of the known values."""
    known = (*RELATIONS, ALL) if name == "relation" else LEVELS
    if value and value not in known:
        raise Problem(
            400, "error_bad_query", "detail_choice", name=name, value=value[:20], known=", ".join(known)
        )
    return value or ""


def count(value: str) -> str:
    """A minimum count as typed: empty, or a whole number from 0 to MAX_COUNT."""
    if value and not (re.fullmatch(r"\d{1,10}", value) and int(value) <= MAX_COUNT):
        raise Problem(400, "error_bad_query", "detail_min_count", value=value[:20], top=MAX_COUNT)
    return value


def query_of(state: Mapping[str, str]) -> Query:
    """The query of the page's state, its relation and level included (the export's filters)."""
    filters: dict[str, Any] = {k: state.get(k) or None for k in (*FILTERS, *NARROW)}
    filters["lang"] = filters.pop("language")
    filters["duplicates"] = state.get("duplicates") in ("1", "true", "yes", "on")
    if filters.get("unit") and not filters.get("min_count"):
        filters.pop("unit")
    try:
        return parse(state.get("q") or "", **filters)
    except QueryError as e:
        raise Problem(400, "error_bad_query", str(e)) from None


def narrowing(state: Mapping[str, str]) -> dict[str, str]:
    """The engine filters beside the query: a relation and an honour level. A search for people
    only shows honourees unless another relation (or `all`) is asked for."""
    relation = state.get("relation") or ("honouree" if state.get("kind") == "person" else "")
    out = {"relation": relation if relation != ALL else "", "level": state.get("level") or ""}
    return {k: v for k, v in out.items() if v}


def facets_shown(state: Mapping[str, str]) -> tuple[str, ...]:
    """The facets the search page shows (the engine counts only those): kind, relation, level, year,
    honour, language, and of the place tree the level below the chosen branch."""
    place = state.get("place") or ""
    depth = len([p for p in place.split("/") if p]) if place.startswith("/") else 0
    return ("kind", "relation", "level", "year", "honour", "lang", *TREE[depth : depth + 1])


def has_query(state: Mapping[str, str]) -> bool:
    return any(state.get(k) for k in ("q", *FILTERS, *NARROW))


def article_id(value: str) -> str:
    if not ARTICLE_ID.fullmatch(value):
        raise Problem(400, "error_bad_id", "detail_article_id")
    return value


def event_id(value: str) -> tuple[str, int]:
    m = EVENT_ID.fullmatch(value)
    if not m:
        raise Problem(400, "error_bad_id", "detail_event_id")
    return m.group(1), int(m.group(2))


def person_name(value: str) -> str:
    name = value.strip()
    if not name or len(name) > MAX_NAME or ".." in name or re.search(r"[/\\\x00-\x1f\x7f]", name):
        raise Problem(400, "error_bad_id", "detail_name")
    return name
