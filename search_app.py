"""The search web page and its JSON API: a thin, read-only layer over index/ (search, dossier, export).

Pages: `/` and `/search` (one box, result cards, facets, year range, a chart, pagination, exports),
`/person/{name}`, `/event/{article}:{n}`, `/article/{id}`, `/export?format=csv|jsonl|vert&...`.
API: `/api/search`, `/api/person/{name}`, `/api/event/{id}`, `/api/article/{id}`; `/openapi.json`.
All state lives in the URL; `lang=zh|vi|en` picks the interface language (Chinese by default).

Read-only by construction: the store is opened with SQLite `mode=ro`, the index without a writer,
and only GET and HEAD are answered. Each worker thread has its own store connection and engine
(neither is shared across threads); the segmenter is shared. Work runs in a small thread pool with
a time limit, so a slow query answers 503 instead of piling up.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import re
import shutil
import sqlite3
import tempfile
import threading
import tomllib
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

import jinja2
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from config import Settings
from index.dossier import article as article_view
from index.dossier import dossier
from index.dossier import event as event_view
from index.engine import EngineError, open_engine
from index.export import FORMATS, ExportError, export
from index.query import QueryError, parse
from index.search import per_year, search, variants, years_of
from index.store import Store, StoreError

WEB = Path(__file__).parent / "web"
STRINGS: dict[str, dict[str, str]] = tomllib.loads((WEB / "strings.toml").read_text(encoding="utf-8"))
LANGUAGES = ("zh", "vi", "en")
PAGE_SIZE, MAX_PAGE, API_LIMIT, API_OFFSET = 20, 500, 100, 10_000
MAX_URL = 8192  # bytes of a request line: a query of 500 Chinese characters takes 4.5 k
MAX_FIELD, MAX_NAME = 200, 100  # characters of a filter value, of a person's name
WORKERS, TIMEOUT, EXPORT_TIMEOUT = 4, 10.0, 120.0  # threads; seconds for a page, for an export
FILTERS = ("kind", "language", "year", "place", "honour", "min_count", "unit", "duplicates")
ARTICLE_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
EVENT_ID = re.compile(r"(?:e:)?([0-9A-Za-z_-]{1,64}):(\d{1,5})")
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "vert": "text/plain; charset=utf-8",
}
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'none'; object-src 'none'; img-src 'self' data:; "
     b"style-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]  # fmt: skip


class Problem(Exception):
    """A request the page answers with a friendly error: HTTP status, a string key, a detail."""

    def __init__(self, status: int, key: str, detail: str = ""):
        super().__init__(detail or key)
        self.status, self.key, self.detail = status, key, detail


# --- reading the archive, one connection and engine per thread --------------------------------------


class ReadOnlyStore(Store):
    """The store's reading methods over a connection that cannot write (SQLite mode=ro, query_only)."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA query_only = ON")
            self.db.execute("SELECT 1 FROM articles LIMIT 1")
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the store {path} for reading: {e}") from None


class Reader:
    """What index/ reads an archive through (store, engine, segmenter), for one thread."""

    def __init__(self, settings: Settings, segmenter):
        self.settings, self.dir, self.engine_name = settings, Path(settings.data_dir), settings.engine
        self.store = ReadOnlyStore(self.dir / "archive.sqlite")
        try:
            self.engine = open_engine(settings.engine, self.dir / "index" / settings.engine)
        except EngineError:
            self.store.close()
            raise
        self.segmenter = segmenter
        self.progress = lambda items, total, desc: items

    def close(self) -> None:
        self.engine.close()
        self.store.close()


class Library:
    """The app's one piece of state: readers made per worker thread, and the pool they run in."""

    def __init__(self, settings: Settings, workers: int = WORKERS):
        from normalize.segment import Segmenters

        if not (Path(settings.data_dir) / "archive.sqlite").exists():
            raise StoreError(
                f"no archive in {settings.data_dir} (run `honours ingest` first, or give --data-dir)"
            )
        self.settings, self.segmenter = settings, Segmenters(settings.segmenter)("zh")
        try:
            Reader(settings, self.segmenter).close()
        except EngineError:  # no index yet, or a damaged one: rebuilt once, as the CLI would
            from index.archive import Archive

            with Archive(
                settings, notice=lambda m: print(f"honours: {m}", flush=True), create=False
            ) as archive:
                _ = archive.engine
        self.local, self.readers, self.lock, self.timeout = threading.local(), [], threading.Lock(), TIMEOUT
        self.pool = ThreadPoolExecutor(workers, thread_name_prefix="honours-web")

    def _reader(self) -> Reader:
        reader = getattr(self.local, "reader", None)
        if reader is None:
            reader = self.local.reader = Reader(self.settings, self.segmenter)
            with self.lock:
                self.readers.append(reader)
        return reader

    async def run(self, fn, *args, timeout: float | None = None, cleanup=None):
        """fn(reader, *args) in the pool; past the time limit the caller gets a 503 (the thread
        finishes on its own, then `cleanup` runs)."""
        future = self.pool.submit(lambda: fn(self._reader(), *args))
        try:
            return await asyncio.wait_for(
                asyncio.wrap_future(future), self.timeout if timeout is None else timeout
            )
        except TimeoutError:
            if cleanup:
                future.add_done_callback(lambda _: cleanup())
            raise Problem(503, "error_too_slow") from None

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        for reader in self.readers:
            reader.close()


# --- the interface language, URLs and rendering ----------------------------------------------------


def ui_language(params) -> str:
    lang = params.get("lang", "zh")
    return lang if lang in LANGUAGES else "zh"


def translator(lang: str):
    def t(key: str, **values) -> str:
        return STRINGS[key][lang].format(**values)

    def label(prefix: str, value) -> str:
        """A stored code (kind, unit, status, relation...) in the interface language; unknown ones as they are."""
        key = f"{prefix}{value}"
        return STRINGS[key][lang] if key in STRINGS else str(value)

    return t, label


def url(path: str, params: dict[str, Any], lang: str) -> str:
    """A link inside the site: empty parameters dropped, the interface language kept."""
    items = [(k, str(v)) for k, v in params.items() if v not in (None, "", False) and k != "lang"]
    if lang != "zh":
        items.append(("lang", lang))
    return path + ("?" + urlencode(items, quote_via=quote) if items else "")


ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(WEB / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
)


def render(request: Request | None, template: str, status: int = 200, **context) -> HTMLResponse:
    params = dict(request.query_params) if request is not None else {}
    lang = ui_language(params)
    path = request.url.path if request is not None else "/"

    def switch(to: str) -> str:
        return url(path, params, to)

    t, label = translator(lang)
    html = ENV.get_template(template).render(
        t=t, label=label, lang=lang, languages=LANGUAGES, switch=switch,
        href=lambda p, **kw: url(p, kw, lang), quote=lambda s: quote(str(s), safe=""), **context,
    )  # fmt: skip
    return HTMLResponse(html, status_code=status)


def error_page(request: Request | None, status: int, key: str, detail: str = "") -> HTMLResponse:
    typed = str(request.query_params.get("q", ""))[:500] if request is not None else ""
    state = {"q": typed, **dict.fromkeys(FILTERS, "")}  # the box keeps the query, to be fixed
    return render(
        request, "error.html", status=status, status_code=status, key=key, detail=detail, state=state
    )


def is_api(path: str) -> bool:
    return path.startswith("/api/") or path == "/openapi.json"


def problem_response(request: Request, p: Problem):
    if is_api(request.url.path):
        return JSONResponse({"error": p.detail or STRINGS[p.key]["en"]}, status_code=p.status)
    return error_page(request, p.status, p.key, p.detail)


def marked(text: str, spans, shift: int = 0) -> list[tuple[str, str | None]]:
    """Text cut into (piece, mark) at non-overlapping spans; mark is the span's label or None."""
    out, at = [], 0
    for start, end, *label in sorted((s[0] + shift, s[1] + shift, *s[2:]) for s in spans):
        if start < at or end > len(text) or start >= end:
            continue
        out += [(text[at:start], None), (text[start:end], label[0] if label else "mark")]
        at = end
    return [p for p in out + [(text[at:], None)] if p[0]]


def safe_link(source: str | None) -> str | None:
    return source if source and re.match(r"https?://", source) else None


# --- the search state in the URL ----------------------------------------------------------------------


def search_state(params) -> dict[str, str]:
    """The page's state from its query string; the year range form (from, to) becomes `year`."""
    state = {k: params.get(k, "").strip() for k in ("q", *FILTERS)}
    if "from" in params or "to" in params:
        a, b = params.get("from", "").strip(), params.get("to", "").strip()
        for v in (a, b):
            if v and not re.fullmatch(r"\d{4}", v):
                raise Problem(400, "error_bad_query", f"a year must be four digits, not {v[:20]!r}")
        state["year"] = f"{a or 1900}..{b or 2100}" if a != b else a
    for k, v in state.items():
        if len(v) > (500 if k == "q" else MAX_FIELD):
            raise Problem(400, "error_bad_query", f"{k} is too long ({len(v)} characters)")
    page = params.get("page", "1")
    if not page.isdigit() or not 1 <= int(page) <= MAX_PAGE:
        raise Problem(400, "error_bad_request", f"page must be a number from 1 to {MAX_PAGE}")
    state["page"] = page
    return state


def query_of(state: dict[str, str]):
    filters = {k: state.get(k) or None for k in FILTERS}
    filters["lang"] = filters.pop("language")
    filters["duplicates"] = state.get("duplicates") in ("1", "true", "yes", "on")
    if filters.get("unit") and not filters.get("min_count"):
        filters.pop("unit")
    try:
        return parse(state.get("q", ""), **filters)
    except QueryError as e:
        raise Problem(400, "error_bad_query", str(e)) from None


def has_query(state: dict[str, str]) -> bool:
    return any(state.get(k) for k in ("q", *FILTERS))


def chart(counts: dict[int, int], link) -> dict[str, Any] | None:
    """Bars for the per-year chart (an inline SVG in the page): one per year, gaps filled."""
    if not counts:
        return None
    first, last = min(counts), max(counts)
    years = range(first, last + 1) if last - first <= 40 else sorted(counts)
    top, width, height = max(counts.values()), 640, 120
    step = min(width / max(len(years), 1), 64)
    bars = []
    for i, y in enumerate(years):
        n = counts.get(y, 0)
        h = round(height * n / top, 1) if top else 0
        bars.append({"year": y, "n": n, "x": round(i * step + step * 0.1, 1), "w": round(step * 0.8, 1),
                     "y": round(height - h + 20, 1), "h": h, "href": link(y), "label_x": round(i * step + step / 2, 1)})  # fmt: skip
    return {
        "bars": bars,
        "width": width,
        "height": height + 45,
        "top": top,
        "every": max(1, math.ceil(len(bars) / 16)),
    }


def page_data(reader: Reader, state: dict[str, str], q) -> dict[str, Any]:
    page = int(state["page"])
    found = search(reader, q, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    found["variants"] = variants(found)
    found["per_year"] = per_year(reader, q)
    found["years"] = years_of(reader.store, [h["article_id"] for h in found["hits"]])
    return found


def api_search_data(reader: Reader, q, limit: int, offset: int) -> dict[str, Any]:
    found = search(reader, q, limit=limit, offset=offset)
    found["variants"] = variants(found)
    found["per_year"] = {str(y): n for y, n in per_year(reader, q).items()}
    return found


# --- ids in paths ---------------------------------------------------------------------------------------


def article_id(value: str) -> str:
    if not ARTICLE_ID.fullmatch(value):
        raise Problem(400, "error_bad_id", "not a valid article id")
    return value


def event_id(value: str) -> tuple[str, int]:
    m = EVENT_ID.fullmatch(value)
    if not m:
        raise Problem(400, "error_bad_id", "not a valid event id (ARTICLE:N)")
    return m.group(1), int(m.group(2))


def person_name(value: str) -> str:
    name = value.strip()
    if not name or len(name) > MAX_NAME or ".." in name or re.search(r"[/\\\x00-\x1f\x7f]", name):
        raise Problem(400, "error_bad_id", "not a valid name")
    return name


# --- the app ---------------------------------------------------------------------------------------------


def app_for(settings: Settings, workers: int = WORKERS) -> FastAPI:
    """The web app over the archive in settings.data_dir (raises StoreError when there is none)."""
    library = Library(settings, workers)

    @asynccontextmanager
    async def lifespan(app):
        yield
        library.close()

    app = FastAPI(
        title="Honours archive", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
        description="Read-only search over the honours archive: people, collectives, events and articles.",
    )  # fmt: skip
    app.state.library = library
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    _pages(app, library)
    _api(app, library)
    _errors(app)
    app.add_middleware(Guard)
    return app


def _pages(app: FastAPI, library: Library) -> None:
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

        _, label = translator(lang)
        shown = {
            "kind": lambda v: label("kind_", v),
            "language": lambda v: label("lang_", v),
            "duplicates": lambda v: "✓",
        }
        chips = [(k, shown.get(k, str)(state[k]), here(**{k: None}, **({"unit": None} if k == "min_count" else {})))
                 for k in FILTERS if state[k]]  # fmt: skip

        pages = min(MAX_PAGE, max(1, math.ceil(found["total"] / PAGE_SIZE)))
        return render(
            request, "search.html", state=state, found=found, here=here, pages=pages, page=int(state["page"]),
            chart=chart(found["per_year"], lambda y: here(year=y)), marked=marked, safe_link=safe_link,
            chips=chips, formats=FORMATS,
        )  # fmt: skip

    @app.get("/person/{name}", include_in_schema=False)
    async def person_page(request: Request, name: str):
        name = person_name(name)
        found = await library.run(dossier, name)
        status = 200 if found["people"] else 404
        return render(request, "person.html", status=status, found=found, name=name, safe_link=safe_link)

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
        spans = [(*e["span"], kind) for kind, table in (("person", "people"), ("collective", "collectives"),
                 ("count", "counts")) for e in found[table] if e.get("span")]  # fmt: skip
        return render(
            request, "article.html", a=found, parts=marked(found["text"], spans), safe_link=safe_link
        )

    @app.get("/export", summary="Download the results of a query as CSV, JSONL or vertical format")
    async def export_file(request: Request, format: str = Query(..., description="csv, jsonl or vert")):  # noqa: A002
        if format not in FORMATS:
            raise Problem(400, "error_bad_format", f"format must be one of {', '.join(FORMATS)}")
        state = search_state(request.query_params)
        q = query_of(state) if has_query(state) else None
        folder = Path(tempfile.mkdtemp(prefix="honours-export-"))
        target = folder / f"honours-export.{format}"
        try:
            manifest = await library.run(
                export, format, target, q, timeout=EXPORT_TIMEOUT, cleanup=lambda: shutil.rmtree(folder, True)
            )
            stream = open(target, "rb")  # noqa: SIM115  (closed by the streaming below)
        except ExportError as e:
            raise Problem(500, "error_internal", str(e)) from None
        finally:  # an open file outlives its name: nothing is left behind, whatever happens next
            shutil.rmtree(folder, ignore_errors=True)

        def chunks():
            with stream:
                while data := stream.read(1 << 16):
                    yield data

        headers = {"content-disposition": f'attachment; filename="{target.name}"',
                   "content-length": str(manifest["bytes"]), "x-export-articles": str(manifest["counts"]["articles"]),
                   "x-export-rows": str(manifest["counts"]["rows"]), "x-export-sha256": manifest["sha256"]}  # fmt: skip
        return StreamingResponse(chunks(), media_type=MEDIA[format], headers=headers)


def _api(app: FastAPI, library: Library) -> None:
    @app.get("/api/search", summary="Search people, collectives, events and articles")
    async def api_search(
        q: str = Query("", max_length=500, description='words, "phrases", -excluded, field:value'),
        kind: str | None = Query(
            None, max_length=MAX_FIELD, description="person, collective, event, article"
        ),
        lang: str | None = Query(None, max_length=10, description="article language: zh, vi or other"),
        language: str | None = Query(
            None, max_length=10, description="the same as lang (the page's name for it)"
        ),
        year: str | None = Query(None, max_length=20, description="2023 or 2020..2023"),
        place: str | None = Query(None, max_length=MAX_FIELD),
        honour: str | None = Query(None, max_length=MAX_FIELD),
        min_count: int | None = Query(None, ge=0, description="events that honoured at least N (see unit)"),
        unit: str | None = Query(None, max_length=20, description="person, collective or household"),
        duplicates: bool = Query(False, description="every repost, not one per cluster"),
        limit: int = Query(20, ge=1, le=API_LIMIT),
        offset: int = Query(0, ge=0, le=API_OFFSET),
    ):
        state = {"q": q, "kind": kind, "language": language or lang, "year": year, "place": place, "honour": honour,
                 "min_count": str(min_count) if min_count is not None else "", "unit": unit,
                 "duplicates": "1" if duplicates else ""}  # fmt: skip
        found = await library.run(api_search_data, query_of(state), limit, offset)
        return JSONResponse(found)

    @app.get("/api/person/{name}", summary="A person's dossier: every honour across years, with evidence")
    async def api_person(name: str):
        found = await library.run(dossier, person_name(name))
        if not found["people"]:
            raise Problem(404, "error_not_found", f"nobody called {name} in the archive")
        return JSONResponse(found)

    @app.get("/api/event/{eid}", summary="An event: name, date, organisers, counts and honourees")
    async def api_event(eid: str):
        found = await library.run(event_view, *event_id(eid))
        if found is None:
            raise Problem(404, "error_not_found", f"no event {eid}")
        return JSONResponse(found)

    @app.get(
        "/api/article/{aid}", summary="An article: texts, entities, cleaning report, provenance, reposts"
    )
    async def api_article(aid: str):
        found = await library.run(article_view, article_id(aid))
        if found is None:
            raise Problem(404, "error_not_found", f"no article {aid}")
        return JSONResponse(found)


def _errors(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def on_problem(request: Request, p: Problem):
        return problem_response(request, p)

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, e: HTTPException):
        key = {404: "error_not_found", 405: "error_method"}.get(e.status_code, "error_bad_request")
        return problem_response(
            request, Problem(e.status_code, key, "" if e.status_code in (404, 405) else str(e.detail))
        )

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, e: RequestValidationError):
        detail = "; ".join(f"{'.'.join(map(str, err['loc'][1:]))}: {err['msg']}" for err in e.errors())
        return problem_response(request, Problem(400, "error_bad_request", detail[:300]))

    @app.exception_handler(Exception)
    async def on_crash(request: Request, e: Exception):  # never a traceback to the client
        if isinstance(e, (StoreError, EngineError)):
            return problem_response(request, Problem(503, "error_internal", str(e)))
        return problem_response(request, Problem(500, "error_internal"))


class Guard:
    """Refuses what a read-only site never needs (methods other than GET/HEAD, bodies, very long
    request lines), answers HEAD without a body, and adds the security headers to every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def secured(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        head = scope["method"] == "HEAD"
        headers = dict(scope.get("headers") or [])
        refusal = None
        if scope["method"] not in ("GET", "HEAD"):
            refusal = Problem(
                405, "error_method", f"{scope['method']} is not allowed: this site is read-only"
            )
        elif len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"") > MAX_URL:
            refusal = Problem(414, "error_too_large", f"the request line is longer than {MAX_URL} characters")
        elif headers.get(b"content-length", b"0") not in (b"0", b"") or b"transfer-encoding" in headers:
            refusal = Problem(413, "error_too_large", "requests must not carry a body")
        if refusal is None:
            return await self.app({**scope, "method": "GET"} if head else scope, receive, secured)
        request = Request({**scope, "query_string": scope.get("query_string", b"")[:MAX_URL]})
        try:
            params = dict(parse_qsl(request.scope["query_string"].decode("latin-1")))
        except ValueError:
            params = {}
        response = problem_response(_Shim(request, params), refusal)
        if refusal.status == 405:
            response.headers["allow"] = "GET, HEAD"
        await response(scope, receive, secured)


class _Shim:
    """A request whose query parameters were read leniently (for refusals)."""

    def __init__(self, request: Request, params: dict[str, str]):
        self.url, self.query_params = request.url, params


SETTINGS_ENV = "HONOURS_WEB_SETTINGS"  # how `serve` hands the settings to its worker processes


def from_environment() -> FastAPI:
    """The app in a worker process of `serve(..., processes=N)`: settings from the environment."""
    values = json.loads(os.environ[SETTINGS_ENV])
    return app_for(Settings(**{k: Path(v) if k == "data_dir" else v for k, v in values.items()}))


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000, processes: int = 1) -> int:
    """Serve the archive until interrupted. More than one process answers more requests at once on
    several cores (each process has its own readers); one is the default."""
    import uvicorn

    options = {"host": host, "port": port, "log_level": "warning", "server_header": False,
               "timeout_keep_alive": 5, "h11_max_incomplete_event_size": 16 * 1024}  # fmt: skip
    app = app_for(settings)  # fails here, once, on a missing archive; a missing index is rebuilt here
    shown = f"[{host}]" if ":" in host else host
    print(f"Serving the archive at http://{shown}:{port}/", flush=True)
    if processes > 1:
        app.state.library.close()
        os.environ[SETTINGS_ENV] = json.dumps(
            {k: str(v) if isinstance(v, Path) else v for k, v in asdict(settings).items()}
        )
        uvicorn.run("search_app:from_environment", factory=True, workers=processes, **options)
    else:
        uvicorn.run(app, **options)
    return 0
