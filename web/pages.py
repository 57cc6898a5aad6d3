"""The HTML pages: search (`/`, `/search`), a person's dossier, an event, an article, the check of
a candidate list (`/check`), and the export download of the current query."""

from __future__ import annotations

import math
import shutil
import tempfile
from pathlib import Path

from fastapi import FastAPI, Query, Request
from fastapi.responses import RedirectResponse, StreamingResponse

from index.check import check, read_text
from index.dossier import article as article_view
from index.dossier import dossier, evidence_for
from index.dossier import event as event_view
from index.engine import TREE
from index.export import FORMATS, ExportError, export
from web.chart import chart
from web.problems import Problem
from web.reader import Library, page_data
from web.render import marked, render, safe_link
from web.state import (
    FILTERS,
    MAX_PAGE,
    NARROW,
    PAGE_SIZE,
    article_id,
    event_id,
    has_query,
    links,
    person_name,
    query_of,
    search_state,
    url,
)
from web.strings import translator, ui_language

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "vert": "text/plain; charset=utf-8",
}
MAX_CHECK, MAX_CHECK_CHARS = 200, 20_000  # lines of a candidate list on /check, and its characters
PERSON_SHOWN = 100  # honours listed on a person page (a common name has hundreds): ?all=1 lists all
ENTITY_MARKS = (("person", "people"), ("collective", "collectives"), ("count", "counts"))


def chips(state: dict[str, str], here, lang: str) -> list[tuple[str, str, str]]:
    """The filters in force: (name, value as shown, link without it); a count takes its unit along."""
    _, label = translator(lang)
    shown = {
        "kind": lambda v: label("kind_", v),
        "language": lambda v: label("lang_", v),
        "duplicates": lambda v: "✓",
        "relation": lambda v: label("relation_", v),
        "level": lambda v: label("level_", v),
        "place": lambda v: " > ".join(branch(v)) or v,
    }
    return [
        (k, shown.get(k, str)(state[k]), here(**{k: None}, **({"unit": None} if k == "min_count" else {})))
        for k in (*FILTERS, *NARROW)
        if state[k]
    ]


def branch(place: str) -> list[str]:
    """The divisions of a tree value, from its province down (/云南省/昆明市); none for a place name."""
    return [p for p in place.split("/") if p] if place.startswith("/") else []


TREE_SHOWN = 20  # children of the chosen branch listed (the facet counts up to 50)


def place_tree(place: str, facets: dict[str, dict[str, int]], here) -> dict:
    """The place facet as the division tree: the chosen branch as a breadcrumb (全部 > 云南省 >
    昆明市), each step a link back up to it, and the branch's children with their counts, each a
    link down. Without a chosen branch the children are the provinces."""
    parts = branch(place)
    crumbs = [(name, here(place="/" + "/".join(parts[: i + 1]), page=None)) for i, name in enumerate(parts)]
    below = facets.get(TREE[len(parts)], {}) if len(parts) < len(TREE) else {}
    shown = list(below.items())[:TREE_SHOWN]
    children = [(v.rsplit("/", 1)[-1], v, here(place=v, page=None), n) for v, n in shown]
    return {"top": here(place=None, page=None), "crumbs": crumbs, "children": children}


FACET_ORDER = ("kind", "relation", "level", "year", "place", "honour", "lang")  # as the page lists them
FACET_VALUES, LABELLED = 12, ("kind", "lang", "relation", "level")  # values listed; those shown by label


def facet_values(facets: dict[str, dict[str, int]], base: dict, lang: str) -> dict[str, list[tuple]]:
    """Each facet's first FACET_VALUES values as the page lists them: (value, as shown, the link
    narrowing the search to it, count); some forty links a page, each the page's link with one
    parameter changed (and no page number). The place facet is listed as a tree (place_tree)."""
    _, label = translator(lang)
    out: dict[str, list[tuple]] = {"place": []}
    for name in FACET_ORDER:
        if name != "place":
            link = links("/search", {**base, "page": None}, lang, {"lang": "language"}.get(name, name))
            shown = (lambda v, name=name: label(name + "_", v)) if name in LABELLED else str
            out[name] = [
                (v, shown(v), link(v), n) for v, n in list(facets.get(name, {}).items())[:FACET_VALUES]
            ]
    return {name: out[name] for name in FACET_ORDER}


def listed_dossier(reader, name: str, shown: int | None) -> dict:
    """A name's dossier as its page lists it: each person's `listed` honours, the first `shown`
    of the page (None: all), with their evidence; the text is read for those only (a name has hundreds)."""
    found, budget, listed = dossier(reader, name, evidence=False), shown, []
    for p in found["people"]:  # the first honours of the page, person by person
        p["listed"] = p["honours"] if budget is None else p["honours"][:budget]
        budget = None if budget is None else budget - len(p["listed"])
        listed += p["listed"]
    evidence_for(reader, listed)
    return found


def add_pages(app: FastAPI, library: Library) -> None:
    @app.get("/", include_in_schema=False)
    @app.get("/search", include_in_schema=False)
    async def search_page(request: Request):
        state = search_state(request.query_params)
        q = query_of(state)
        lang = ui_language(request.query_params)
        base = {k: v for k, v in state.items() if k != "page"}
        if "from" in request.query_params or "to" in request.query_params:  # the year form: to the permalink
            return RedirectResponse(url("/search", base, lang), status_code=303)
        found = await library.run(page_data, state, q)

        def here(path: str = "/search", **changes) -> str:
            return url(path, {**base, **changes}, lang)

        pages = min(MAX_PAGE, max(1, math.ceil(found["total"] / PAGE_SIZE)))
        first = (int(state["page"]) - 1) * PAGE_SIZE + 1
        return render(
            request,
            "search.html",
            state=state,
            found=found,
            here=here,
            pages=pages,
            page=int(state["page"]),
            shown=(first, first + len(found["hits"]) - 1) if found["hits"] else None,
            chart=chart(found["per_year"], links("/search", base, lang, "year")),
            marked=marked,
            safe_link=safe_link,
            chips=chips(state, here, lang),
            tree=place_tree(state["place"], found["facets"], here),
            facets=facet_values(found["facets"], base, lang),
            formats=FORMATS,
        )

    @app.get("/person/{name}", include_in_schema=False)
    async def person_page(request: Request, name: str, every: str = Query("", alias="all")):
        """A name's dossier: its first PERSON_SHOWN honours (all of them with `?all=1`)."""
        name = person_name(name)
        found = await library.run(listed_dossier, name, None if every else PERSON_SHOWN)
        status = 200 if found["people"] else 404
        return render(request, "person.html", status=status, found=found, name=name, safe_link=safe_link)

    @app.get("/check", include_in_schema=False)
    async def check_page(request: Request, names: str = Query("", max_length=MAX_CHECK_CHARS)):
        """A candidate list (one per line, "name[,unit[,title]]") checked against past honours."""
        rows = read_text(names) if names.strip() else []
        if len(rows) > MAX_CHECK:
            raise Problem(400, "error_bad_request", "detail_check_rows", top=MAX_CHECK, n=len(rows))
        findings = await library.run(check, rows) if rows else []
        return render(request, "check.html", names=names, findings=findings)

    @app.get("/event/{eid}", include_in_schema=False)
    async def event_page(request: Request, eid: str):
        found = await library.run(event_view, *event_id(eid))
        if found is None:
            raise Problem(404, "error_not_found")
        return render(request, "event.html", ev=found, safe_link=safe_link)

    @app.get("/article/{aid}", include_in_schema=False)
    async def article_page(request: Request, aid: str):
        found = await library.run(article_view, article_id(aid))
        if found is None:
            raise Problem(404, "error_not_found")
        spans = [(*e["span"], kind) for kind, table in ENTITY_MARKS for e in found[table] if e.get("span")]
        parts = marked(found["text"], spans)
        return render(request, "article.html", a=found, parts=parts, safe_link=safe_link)

    @app.get("/export", summary="Download the results of a query as CSV, JSONL or vertical format")
    async def export_file(request: Request, format: str = Query("", description="csv, jsonl or vert")):  # noqa: A002
        return await download(library, request, format)


async def download(library: Library, request: Request, fmt: str) -> StreamingResponse:
    """The export of the page's query, written by index.export (the CSV neutralises formula cells)
    into a private folder that is gone before the first byte is sent; streamed from the open file."""
    if fmt not in FORMATS:
        raise Problem(400, "error_bad_format", "detail_format", formats=", ".join(FORMATS))
    state = search_state(request.query_params)
    q = query_of(state) if has_query(state) else None
    folder = Path(tempfile.mkdtemp(prefix="honours-export-"))
    target = folder / f"honours-export.{fmt}"
    try:
        manifest = await library.run(
            export,
            fmt,
            target,
            q,
            timeout=library.settings.export_timeout,
            cleanup=lambda: shutil.rmtree(folder, True),
        )
        stream = open(target, "rb")  # noqa: SIM115  (closed by the streaming below)
    except ExportError as e:
        raise Problem(500, "error_internal") from e
    finally:  # an open file outlives its name: nothing is left behind, whatever happens next
        shutil.rmtree(folder, ignore_errors=True)

    def chunks():
        with stream:
            while data := stream.read(1 << 16):
                yield data

    headers = {
        "content-disposition": f'attachment; filename="{target.name}"',
        "content-length": str(manifest["bytes"]),
        "x-export-articles": str(manifest["counts"]["articles"]),
        "x-export-rows": str(manifest["counts"]["rows"]),
        "x-export-sha256": manifest["sha256"],
    }
    return StreamingResponse(chunks(), media_type=MEDIA[fmt], headers=headers)
