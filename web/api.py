"""The JSON API (described at /openapi.json): search, a person's dossier, an event, an article."""

from __future__ import annotations

from fastapi import FastAPI, Query
from fastapi.responses import JSONResponse

from index.dossier import article as article_view
from index.dossier import dossier
from index.dossier import event as event_view
from web.problems import Problem
from web.reader import Library, api_search_data
from web.state import (
    API_LIMIT,
    API_OFFSET,
    MAX_COUNT,
    MAX_FIELD,
    MAX_QUERY,
    article_id,
    choice,
    event_id,
    narrowing,
    person_name,
    query_of,
)


def add_api(app: FastAPI, library: Library) -> None:
    @app.get("/api/search", summary="Search people, collectives, events and articles")
    async def api_search(
        q: str = Query("", max_length=MAX_QUERY, description='words, "phrases", -excluded, field:value'),
        kind: str | None = Query(
            None, max_length=MAX_FIELD, description="person, collective, event, article"
        ),
        lang: str | None = Query(None, max_length=10, description="article language: zh, vi or other"),
        language: str | None = Query(
            None, max_length=10, description="the same as lang (the page's name for it)"
        ),
        year: str | None = Query(None, max_length=20, description="2023 or 2020..2023"),
        place: str | None = Query(
            None,
            max_length=MAX_FIELD,
            description="a place name, or a branch of the division tree (/云南省/昆明市) as facets place1-3 count",
        ),
        honour: str | None = Query(None, max_length=MAX_FIELD),
        min_count: int | None = Query(
            None, ge=0, le=MAX_COUNT, description="events that honoured at least N (see unit)"
        ),
        unit: str | None = Query(None, max_length=20, description="person, collective or household"),
        duplicates: bool = Query(False, description="every repost, not one per cluster"),
        relation: str | None = Query(
            None,
            max_length=20,
            description="people of one relation: honouree (the default with kind=person), official, author, mentioned, or all",
        ),
        level: str | None = Query(
            None,
            max_length=20,
            description="people and collectives with an honour of this level: national, provincial, prefecture, county, township, unit",
        ),
        limit: int = Query(20, ge=1, le=API_LIMIT),
        offset: int = Query(0, ge=0, le=API_OFFSET),
    ):
        state = {
            "q": q,
            "kind": kind,
            "language": language or lang,
            "year": year,
            "place": place,
            "honour": honour,
            "min_count": str(min_count) if min_count is not None else "",
            "unit": unit,
            "duplicates": "1" if duplicates else "",
            "relation": choice("relation", relation),
            "level": choice("level", level),
        }
        found = await library.run(api_search_data, query_of(state), limit, offset, narrowing(state))
        return JSONResponse(found)

    @app.get("/api/person/{name}", summary="A person's dossier: every honour across years, with evidence")
    async def api_person(name: str):
        found = await library.run(dossier, person_name(name))
        if not found["people"]:
            raise Problem(404, "error_not_found", "detail_no_person", name=name)
        return JSONResponse(found)

    @app.get("/api/event/{eid}", summary="An event: name, date, organisers, counts and honourees")
    async def api_event(eid: str):
        found = await library.run(event_view, *event_id(eid))
        if found is None:
            raise Problem(404, "error_not_found", "detail_no_event", id=eid)
        return JSONResponse(found)

    @app.get(
        "/api/article/{aid}", summary="An article: texts, entities, cleaning report, provenance, reposts"
    )
    async def api_article(aid: str):
        found = await library.run(article_view, article_id(aid))
        if found is None:
            raise Problem(404, "error_not_found", "detail_no_article", id=aid)
        return JSONResponse(found)
