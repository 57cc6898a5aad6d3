"""Pages from templates (Jinja, autoescaped), error answers (an HTML page, or JSON under /api/),
and the small helpers templates use: marked text, safe links, an article's headline."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import PurePosixPath
from types import BuiltinFunctionType, FunctionType
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import jinja2
import jinja2.runtime
import markupsafe
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.requests import Request

from web.problems import Problem
from web.state import FILTERS, MAX_QUERY, url
from web.strings import LANGUAGES, WEB, translator, ui_language

HEADLINE = 40  # characters of a first line standing in for a missing title (as the normaliser cuts it)

DICT_ATTRIBUTES = frozenset(dir(dict))


class PageContext(jinja2.runtime.Context):
    """Jinja's context, calling a plain Python function (the pages' helpers: t, label, here, href...)
    or a built-in (a dict's `get`) straight: Jinja's own `call` first looks for `pass_context` and
    its kin on every call, a few hundred times a page (a built-in cannot carry those marks).
    Anything else (macros, methods, marked functions) goes Jinja's way."""

    def call(__self, __obj, *args, **kwargs):  # noqa: N805  (Jinja's signature)
        kind = type(__obj)
        if kind is not BuiltinFunctionType and (
            kind is not FunctionType or "jinja_pass_arg" in __obj.__dict__
        ):
            return super().call(__obj, *args, **kwargs)
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception"
            )


try:  # markupsafe's own escaping of a plain string, without the Markup constructor's Python-level checks
    from markupsafe import _escape_inner
except ImportError:  # a markupsafe without it: its public escape, the same result a little slower
    _escape_inner = None


def escape(value: Any) -> str:
    """markupsafe.escape's text, as what a template writes with `{{ ... }}` (the page is joined into
    one string, so the Markup wrapper is never looked at): a plain string (most of what a page
    writes, a thousand times a page) escaped straight, without the Markup constructor's checks."""
    kind = type(value)
    if kind is str and _escape_inner is not None:
        return _escape_inner(value)
    if kind is int or kind is float:  # counts, years, the chart's sizes: nothing to escape
        return str(value)
    return markupsafe.escape(value)


class PageTemplate(jinja2.Template):
    """A compiled template writing `{{ ... }}` through `escape` above (its code names `escape` in
    its own globals, as imported from jinja2.runtime)."""

    @classmethod
    def _from_namespace(cls, environment, namespace, globals):  # noqa: A002  (Jinja's signature)
        namespace["escape"] = escape
        return super()._from_namespace(environment, namespace, globals)


class Templates(jinja2.Environment):
    """Jinja as configured for the pages, with `item.key` on a dict read as the key first: the pages'
    data are dicts, and Jinja's order (attribute, then key) raises and catches an AttributeError
    for each, a fifth of a search page's rendering. A key named like a dict method (`items`) is
    still the method, as in Jinja, so a hostile value cannot shadow one."""

    context_class = PageContext
    template_class = PageTemplate

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


ENV = Templates(
    loader=jinja2.FileSystemLoader(WEB / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    auto_reload=False,  # templates are part of the package: not looked at on disk for every page
)


def render(request: Request | None, template: str, status: int = 200, **context) -> HTMLResponse:
    params = dict(request.query_params) if request is not None else {}
    lang = ui_language(params)
    path = request.url.path if request is not None else "/"
    t, label = translator(lang)
    helpers = {
        "t": t,
        "label": label,
        "lang": lang,
        "languages": LANGUAGES,
        "switch": lambda to: url(path, params, to),
        "href": lambda p, **kw: url(p, kw, lang),
        "tail": url("", {}, lang),  # what href adds to a link without parameters: hundreds of links a page
        "quote": path_part,
        "headline": lambda item: headline(item) or t("untitled"),
    }
    return HTMLResponse(ENV.get_template(template).render(**helpers, **context), status_code=status)


@lru_cache(maxsize=4096)
def path_part(value: Any) -> str:
    """A value quoted as one part of a link's path (a person's name): the same names recur on
    every page, and quote works byte by byte in Python."""
    return quote(str(value), safe="")


def is_api(path: str) -> bool:
    return path.startswith("/api/") or path == "/openapi.json"


def answer(request: Request, problem: Problem) -> Response:
    """The error answer: JSON `{"error": ...}` (in English) for the API, else a page in the
    interface language whose search box keeps what was typed, to be fixed."""
    if is_api(request.url.path):
        return JSONResponse({"error": str(problem)}, status_code=problem.status)
    lang = ui_language(request.query_params)
    state = {"q": str(request.query_params.get("q", ""))[:MAX_QUERY], **dict.fromkeys(FILTERS, "")}
    detail = problem.text(lang)
    status = problem.status
    return render(
        request, "error.html", status, status_code=status, key=problem.key, detail=detail, state=state
    )


def marked(text: str, spans, shift: int = 0) -> list[tuple[str, str | None]]:
    """Text cut into (piece, mark) at non-overlapping spans; mark is the span's label or None."""
    out, at = [], 0
    for start, end, *label in sorted((s[0] + shift, s[1] + shift, *s[2:]) for s in spans):
        if start < at or end > len(text) or start >= end:
            continue
        out += [(text[at:start], None), (text[start:end], label[0] if label else "mark")]
        at = end
    return [p for p in out + [(text[at:], None)] if p[0]]


LINK = re.compile(r"https?://")  # a source shown as a link; anything else (a file's path) as text


def safe_link(source: str | None) -> str | None:
    return source if source and LINK.match(source) else None


def headline(item: Mapping[str, Any]) -> str:
    """What an article is called on the page: its title, else its text's first line, else the name
    of its file (or the last part of its URL); never its bare id. Empty when there is none."""
    if item.get("title"):
        return str(item["title"])
    first = next((line.strip() for line in str(item.get("text") or "").splitlines() if line.strip()), "")
    if first:
        return first if len(first) <= HEADLINE else first[: HEADLINE - 1].rstrip() + "…"
    source = str(item.get("source") or "")
    if safe_link(source):
        parts = urlsplit(source)
        return unquote(PurePosixPath(parts.path).name) or parts.hostname or ""
    return re.split(r"[/\\]", source)[-1]
