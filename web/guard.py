"""The guard around the whole app: refuses what a read-only site never needs (methods other than
GET and HEAD, bodies, very long request lines), answers HEAD without a body, adds the security
headers to every response, and answers anything that escaped the app with a 500 page, so no
response ever goes out bare."""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from web.problems import Problem
from web.render import answer

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'none'; object-src 'none'; img-src 'self' data:; style-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
LAST_RESORT = (  # when even the error page cannot be made: no template, no store, no strings
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>500</title>'
    "<h1>Something went wrong (500)</h1><p>出错了 · Có lỗi · Something went wrong</p></html>"
)


class Guard:
    def __init__(self, app, max_url: int):
        self.app, self.max_url = app, max_url

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        head, started, done = scope["method"] == "HEAD", False, False

        async def secured(message):
            nonlocal started, done
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            elif message["type"] == "http.response.body":
                done = not message.get("more_body", False)
                if head:
                    message = {**message, "body": b""}
            await send(message)

        refusal = self.refusal(scope)
        try:
            if refusal is None:
                return await self.app({**scope, "method": "GET"} if head else scope, receive, secured)
            await self.refuse(scope, refusal)(scope, receive, secured)
        except Exception:
            if done:  # answered (and logged) by the app's error handler, which raises again after
                return
            if started:  # cut short: the server logs it and closes the connection
                raise
            log.exception("unexpected error answering %s", scope.get("path"))
            await self.last_resort(scope)(scope, receive, secured)

    def refusal(self, scope) -> Problem | None:
        headers = dict(scope.get("headers") or [])
        if scope["method"] not in ("GET", "HEAD"):
            return Problem(405, "error_method", "detail_method", method=scope["method"][:20])
        if len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"") > self.max_url:
            return Problem(414, "error_too_large", "detail_url", limit=self.max_url)
        if headers.get(b"content-length", b"0") not in (b"0", b"") or b"transfer-encoding" in headers:
            return Problem(413, "error_too_large", "detail_body")
        return None

    def refuse(self, scope, refusal: Problem) -> Response:
        """The refusal as a page or JSON; its query string is read only up to the size limit."""
        request = Request({**scope, "query_string": (scope.get("query_string") or b"")[: self.max_url]})
        response = answer(request, refusal)
        if refusal.status == 405:
            response.headers["allow"] = "GET, HEAD"
        return response

    def last_resort(self, scope) -> Response:
        try:
            return self.refuse(scope, Problem(500, "error_internal"))
        except Exception:
            return HTMLResponse(LAST_RESORT, status_code=500)
