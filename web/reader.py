"""Reading the archive for the page: one read-only store connection and one engine per worker
thread (neither is shared across threads; the segmenter is), work run in a small pool with a time
limit, and what each page reads."""

from __future__ import annotations

import asyncio
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from config import Settings
from errors import EngineError, StoreError
from extract.records import Award
from index.engine import open_engine
from index.memo import Memo
from index.query import Query
from index.search import per_year, search, variants, years_of
from index.store import ReadOnlyStore
from web.problems import Problem
from web.render import headline
from web.state import PAGE_SIZE, facets_shown, narrowing
from web.suggest import suggestions


class Reader:
    """What index/ reads an archive through (store, engine, segmenter), for one thread."""

    def __init__(self, settings: Settings, segmenter, memo: Memo | None = None):
        self.settings, self.dir, self.engine_name = settings, Path(settings.data_dir), settings.engine
        self.store = ReadOnlyStore(self.dir / "archive.sqlite")
        try:
            self.engine = open_engine(settings.engine, self.dir / "index" / settings.engine, memo=memo)
        except EngineError:
            self.store.close()
            raise
        self.segmenter = segmenter
        self.progress = lambda items, total, desc: items

    def close(self) -> None:
        self.engine.close()
        self.store.close()


class Segments:
    """The query segmenter with the spans of recent texts remembered: a page segments its query
    several times (its hits, the chart, the highlights), and visitors repeat queries."""

    def __init__(self, segmenter, size: int = 4096):
        self.segmenter = segmenter
        self.known = lru_cache(maxsize=size)(lambda text: tuple(segmenter.spans(text)))

    def spans(self, text: str) -> list:
        return list(self.known(text))


class Library:
    """The app's one piece of state: readers made per worker thread, the pool they run in, and the
    totals and facet counts their queries have counted (shared by the readers, per index version)."""

    def __init__(self, settings: Settings):
        from normalize.segment import Segmenters

        if not (Path(settings.data_dir) / "archive.sqlite").exists():
            raise StoreError(
                f"no archive in {settings.data_dir} (run `honours ingest` first, or give --data-dir)"
            )
        import pypinyin  # noqa: F401  (its dictionaries load here, once, not on a visitor's query)

        self.settings, self.segmenter = settings, Segments(Segmenters(settings.segmenter)("zh"))
        try:
            Reader(settings, self.segmenter).close()
        except EngineError:  # no index yet, or a damaged one: rebuilt once, as the CLI would
            rebuild_index(settings)
        self.local, self.readers, self.lock, self.memo = threading.local(), [], threading.Lock(), Memo()
        self.timeout = settings.page_timeout
        self.pool = ThreadPoolExecutor(settings.web_threads, thread_name_prefix="honours-web")

    def reader(self) -> Reader:
        """This thread's reader, made on first use."""
        reader = getattr(self.local, "reader", None)
        if reader is None:
            reader = self.local.reader = Reader(self.settings, self.segmenter, self.memo)
            with self.lock:
                self.readers.append(reader)
        return reader

    async def run(self, fn, *args, timeout: float | None = None, cleanup=None):
        """fn(reader, *args) in the pool; past the time limit the caller gets a 503 (the thread
        finishes on its own, then `cleanup` runs)."""
        future = self.pool.submit(lambda: fn(self.reader(), *args))
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


def rebuild_index(settings: Settings) -> None:
    from index.archive import Archive

    with Archive(settings, notice=lambda m: print(f"honours: {m}", flush=True), create=False) as archive:
        _ = archive.engine


def page_data(reader: Reader, state: dict[str, str], q: Query) -> dict[str, Any]:
    """The search page: one page of hits (each with a headline), the variants read, the per-year
    counts of the whole query, and each hit's year."""
    page, narrow = int(state["page"]), narrowing(state)
    offset, shown = (page - 1) * PAGE_SIZE, facets_shown(state)
    articles: dict[str, Any] = {}  # the hits' article rows, as search read them
    found = search(reader, q, limit=PAGE_SIZE, offset=offset, facets=shown, articles=articles, **narrow)
    found["variants"] = variants(found)
    found["per_year"] = per_year(reader, q, **narrow)
    found["years"] = years_of(reader.store, [h["article_id"] for h in found["hits"]])
    found["narrow"] = narrow
    found["suggestions"] = suggestions(reader, state, narrow) if not found["total"] else []
    with_honours(reader.store, found["hits"])
    for hit in found["hits"]:
        if not hit.get("title"):  # an untitled article is called by its first line, as on its own page
            stored = articles.get(hit["article_id"])
            hit["title"] = headline({"text": stored["text"] if stored else "", "source": hit.get("source")})
    return found


def api_search_data(reader: Reader, q: Query, limit: int, offset: int, narrow: dict) -> dict[str, Any]:
    found = search(reader, q, limit=limit, offset=offset, **narrow)
    found["variants"] = variants(found)
    found["per_year"] = {str(y): n for y, n in per_year(reader, q, **narrow).items()}
    found["narrow"] = narrow
    with_honours(reader.store, found["hits"])
    return found


HONOUR_FIELDS = ("title", "as_written", "level", "awarded_by", "place", "date", "year", "status")
LISTS = frozenset(f.name for f in fields(Award) if str(f.type).startswith("tuple"))  # stored as JSON


def with_honours(store, hits: list[dict[str, Any]]) -> None:
    """Each person's and collective's honour records (title, level, awarding bodies, year...) on
    its hit, as `honours`: who awarded what, and when. One query for each kind of owner."""
    for kind in ("person", "collective"):
        owned = [(h, (h["article_id"], int(h["id"].rsplit(":", 1)[1]))) for h in hits if h["kind"] == kind]
        held = store.honours_shown([key for _, key in owned], HONOUR_FIELDS, kind) if owned else {}
        for h, key in owned:
            h["honours"] = [_shown(x) for x in held[key]]


def _shown(values: tuple) -> dict[str, Any]:
    """An honour's HONOUR_FIELDS, read straight from its columns, as its JSON shape (as_dict)
    writes them: a list column decoded as the store's records decode it (an inner list a tuple),
    then a list. The same as making the record first, for a few dozen honours a page."""
    out = dict(zip(HONOUR_FIELDS, values, strict=True))
    for k in LISTS.intersection(out):
        out[k] = [tuple(v) if isinstance(v, list) else v for v in json.loads(out[k] or "[]")]
    return out
