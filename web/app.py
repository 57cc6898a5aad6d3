"""The web app: pages and API over the archive in settings.data_dir, read-only by construction.

The store is opened with SQLite `mode=ro`, the index without a writer, and only GET and HEAD are
answered. Errors are answered in one place (`answer_error`): the archive's own by their
`http_status` (errors.py), the framework's by theirs, anything else as a 500 page without details.
The guard sits outside everything, even the framework's last-resort handler, so every answer
carries the security headers. `serve` runs it under uvicorn.
"""

from __future__ import annotations

import json
import logging
import os
import socket
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from config import Settings
from errors import HonoursError
from web.api import add_api
from web.guard import Guard
from web.pages import add_pages
from web.problems import KEYS, Problem
from web.reader import Library
from web.render import answer
from web.strings import WEB

log = logging.getLogger(__name__)
SETTINGS_ENV = "HONOURS_WEB_SETTINGS"  # how `serve` hands the settings to its worker processes
UVICORN = {
    "log_level": "warning",
    "server_header": False,
    "timeout_keep_alive": 5,
    # h11 even when httptools is installed: httptools reads a request head of any size, h11 stops at 16 KB
    "http": "h11",
    "h11_max_incomplete_event_size": 16 * 1024,
    "loop": "auto",  # uvloop (a dependency; asyncio where it is missing): less CPU a request
}


class Site(FastAPI):
    """FastAPI with the guard as its outermost layer."""

    def __init__(self, max_url: int, **options):
        self.max_url = max_url
        super().__init__(**options)

    def build_middleware_stack(self):
        return Guard(super().build_middleware_stack(), self.max_url)


def app_for(settings: Settings) -> FastAPI:
    """The web app over the archive in settings.data_dir (raises StoreError when there is none)."""
    library = Library(settings)

    @asynccontextmanager
    async def lifespan(app):
        yield
        library.close()

    app = Site(
        settings.max_url,
        title="Honours archive",
        version="1",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        description="Read-only search over the honours archive: people, collectives, events and articles.",
    )
    app.state.library = library
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    add_pages(app, library)
    add_api(app, library)
    app.add_exception_handler(HonoursError, answer_error)
    app.add_exception_handler(Exception, answer_error)  # the rest, from the framework's last-resort layer
    app.add_exception_handler(HTTPException, framework_error)
    app.add_exception_handler(RequestValidationError, bad_parameters)
    return app


async def answer_error(request: Request, err: Exception):
    """Every error's answer, in one place: a page, or JSON under /api/."""
    problem = Problem.of(err)
    if problem.status >= 500:
        unexpected = not isinstance(err, HonoursError)
        log.error("%s answered %d: %s", request.url.path, problem.status, err, exc_info=unexpected)
    return answer(request, problem)


async def framework_error(request: Request, err: HTTPException):
    """No such route or method: the framework's own error, as ours."""
    status = err.status_code
    detail = "" if status in (404, 405) else str(err.detail)
    return await answer_error(request, Problem(status, KEYS.get(status, "error_bad_request"), detail))


async def bad_parameters(request: Request, err: RequestValidationError):
    """API parameters out of bounds, named in the answer."""
    detail = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in err.errors())
    return await answer_error(request, Problem(400, "error_bad_request", detail[:300]))


def from_environment() -> FastAPI:
    """The app in a worker process of `serve(..., processes=N)`: settings from the environment."""
    values = json.loads(os.environ[SETTINGS_ENV])
    return app_for(Settings(**{k: Path(v) if k == "data_dir" else v for k, v in values.items()}))


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port, as uvicorn would make it; a port in use is a one-line error."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)  # connections wait from now on, until the server takes them
    except OSError as e:
        sock.close()
        raise HonoursError(f"cannot serve at {host}:{port}: {e.strerror or e}") from None
    return sock


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000, processes: int = 1) -> int:
    """Serve the archive until interrupted. More than one process answers more requests at once on
    several cores (each process has its own readers)."""
    import uvicorn

    sock = bind(host, port)  # before anything else: a busy port fails at once, in one line
    port = sock.getsockname()[1]
    try:
        app = app_for(settings)  # fails here, once, on a missing archive; a missing index is rebuilt here
    except BaseException:
        sock.close()
        raise
    shown = f"[{host}]" if ":" in host else host
    print(f"Serving the archive at http://{shown}:{port}/", flush=True)
    if processes == 1:
        uvicorn.Server(uvicorn.Config(app, **UVICORN)).run(sockets=[sock])
        return 0
    from uvicorn.supervisors import Multiprocess

    app.state.library.close()
    os.environ[SETTINGS_ENV] = json.dumps(
        {k: str(v) if isinstance(v, Path) else v for k, v in asdict(settings).items()}
    )
    config = uvicorn.Config("web.app:from_environment", factory=True, workers=processes, **UVICORN)
    Multiprocess(config, sockets=[sock]).run()  # the workers answer on the socket bound above
    return 0
