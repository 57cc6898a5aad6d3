"""The work done per document, in worker processes: normalise, extract, sign for the clusters of
reposts and build the index documents, so that the main process only stores and indexes."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from config import Settings
from errors import ClusterError, ConfigError
from index import clusters
from index.documents import article_docs, view
from index.engine import IndexDoc
from index.views import Record, cell
from normalize.records import InputError, Source

_WORKER: dict[str, Any] = {}  # this process's normaliser and extractor, built once by init_worker


@dataclass(frozen=True)
class Processed:
    """A source after the workers: its record, or why it failed. No source: a pause in a stream."""

    source: Source | None
    record: Record | None = None
    error: str | None = None
    trace: str | None = None  # the traceback of an internal error, for the main process's log


def init_worker(settings: Settings) -> None:
    from extract import Extractor
    from normalize.pipeline import Normalizer

    if multiprocessing.parent_process() is not None:  # a worker outlives no killed parent
        threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    normalizer = Normalizer(settings)
    _WORKER["normalizer"], _WORKER["extractor"] = normalizer, Extractor(normalizer.segmenters("zh"))


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def process(source: Source | None) -> Processed:
    if source is None:  # a pause in a stream of sources: passed through
        return Processed(None)
    try:
        normalizer = _WORKER["normalizer"]
        article = normalizer.normalize(source)
        found = _WORKER["extractor"].extract(article)
        docs = pack_docs(article_docs(view(article, found), normalizer.segmenters("zh").spans))
        tokens = cell(article.tokens)
        article = replace(article, tokens=())
        return Processed(source, Record(article, found, clusters.signature(article.text), docs, tokens))
    except InputError as e:
        return Processed(source, error=str(e))
    except Exception as e:  # a bug must not stop the batch
        error = f"internal error ({type(e).__name__}: {e}); please report it (--debug shows where)"
        return Processed(source, error=error, trace=traceback.format_exc())


def pack_docs(docs: list[IndexDoc]) -> bytes:
    """An article's index documents as the main process keeps them until it indexes them (views.Record)."""
    return pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL)


def unpack_docs(packed: bytes) -> list[IndexDoc]:
    return pickle.loads(packed) if packed else []  # noqa: S301  (our own workers' output)


def process_on(settings: Settings, source: Source | None) -> Processed:
    """`process` in a process this archive did not start (a Dask worker): its tools built once."""
    if "extractor" not in _WORKER:
        init_worker(settings)
    return process(source)


@contextmanager
def local_pool(*args, **options) -> Iterator[ProcessPoolExecutor]:
    """A process pool that, when the run stops early (Ctrl-C, an error), drops the inputs handed to
    it and not started yet instead of working through them all before it exits; nothing of them was
    stored, so the next run takes them again."""
    with ProcessPoolExecutor(*args, **options) as pool:
        try:
            yield pool
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


@contextmanager
def cluster_pool(settings: Settings) -> Iterator[Executor]:
    """The workers of a Dask cluster as an executor: `settings.cluster` names its scheduler. A worker
    lost mid-run costs nothing: the scheduler runs its tasks again elsewhere, and the results are
    still taken in order, each once."""
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ConfigError("--cluster needs the distributed package (pip install distributed)") from None
    try:
        client = Client(settings.cluster, timeout=10, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {settings.cluster}: {e}") from None
    try:
        yield client.get_executor(pure=False)
    finally:
        client.close()


def ahead(
    pool: Executor, items: Iterable[Source | None], most: int, work: Callable[[Source], Processed] = process
) -> Iterator[Processed]:
    """`process` over the items in the pool, results in order, with at most `most` items in flight
    (Executor.map submits everything at once: a large ingest's pages and records would pile up in
    memory). A None in the items is a flush point: everything before it first, then the pause."""
    pending: deque = deque()
    for item in items:
        if item is None:
            while pending:
                yield pending.popleft().result()
            yield Processed(None)
            continue
        pending.append(pool.submit(work, item))
        while pending and (len(pending) > most or pending[0].done()):
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
