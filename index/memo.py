"""Totals and facet counts already computed, per index version and query: a second page of a
query, the chart beside its hits, or the next visitor's same search costs only its hits.

An entry is keyed by the index's version (which the engine reads from its own files, so a commit
makes every older entry unreachable) and by the request with its paging taken out; it holds the
total and each facet computed so far, so a request for fewer facets reuses a larger one's.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from index.engine import Request

SIZE = 512  # queries remembered (each a few KB of facet counts)


def key(r: Request) -> str:
    """What a request's total and facets depend on: everything but paging and what is asked for."""
    return repr(replace(r, limit=0, offset=0, facets=False, count=False))


class Memo:
    """A bounded, thread-safe map (version, request key) -> {"total": n, facet name: counts}."""

    def __init__(self, size: int = SIZE):
        self.size, self.lock = size, threading.Lock()
        self.items: OrderedDict[tuple, dict[str, Any]] = OrderedDict()

    def get(self, version, request_key: str) -> dict[str, Any]:
        with self.lock:
            found = self.items.get((version, request_key))
            if found is None:
                return {}
            self.items.move_to_end((version, request_key))
            return dict(found)

    def put(self, version, request_key: str, known: dict[str, Any]) -> None:
        if version is None or not known:
            return
        with self.lock:
            self.items[(version, request_key)] = {**self.items.get((version, request_key), {}), **known}
            self.items.move_to_end((version, request_key))
            while len(self.items) > self.size:
                self.items.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
