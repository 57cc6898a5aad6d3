"""The archive: the store, the search index derived from it, and the operations the CLI and the
web page call (ingest, reprocess, reindex, search, stats). A crash loses at most the index, which
is rebuilt from the store; the store itself only changes in committed batches.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from config import Settings
from index import clusters
from index.documents import article_docs, as_duplicate, view_of_record, view_of_row
from index.engine import EngineError, open_engine
from index.store import Store, StoreError
from normalize.records import InputError, Source
from normalize.sources import read_warc_record

BATCH = 64
INDEX_EVERY = 1000  # articles stored before the index is brought up to date (and at the end)
POOL_FROM = 24  # inputs from which normalising runs in worker processes
AHEAD = 64  # inputs handed to the workers and not yet stored, at most
Progress = Callable[[Iterable, int | None, str], Iterable]


@dataclass
class Report:
    new: int = 0
    unchanged: int = 0
    updated: int = 0
    superseded: int = 0
    reprocessed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def add(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def summary(self) -> str:
        parts = [
            f"{getattr(self, k)} {k}"
            for k in ("new", "updated", "superseded", "reprocessed", "unchanged")
            if getattr(self, k)
        ]
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts) or "nothing to do"


class WriterLock:
    """One writer per archive: `writer.lock` holds the writer's pid. A lock whose process is gone
    (killed, crashed) is stale: it is taken over, and the caller is told."""

    def __init__(self, path: Path, notice: Callable[[str], None]):
        self.path, self.notice = path, notice

    def __enter__(self) -> WriterLock:
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                pid = _pid_in(self.path)
                if pid and _alive(pid):
                    raise StoreError(
                        f"the archive is being written by process {pid} (lock {self.path})"
                    ) from None
                self.path.unlink(missing_ok=True)
                self.notice(
                    f"removed a stale writer lock left by process {pid or '?'} (it did not exit cleanly)"
                )
                continue
            with os.fdopen(fd, "w") as f:
                f.write(str(os.getpid()))
            return self
        raise StoreError(f"cannot take the writer lock {self.path}")

    def __exit__(self, *exc) -> None:
        self.path.unlink(missing_ok=True)


def _pid_in(path: Path) -> int | None:
    try:
        return int(path.read_text().strip() or 0) or None
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# --- the work done per document, in worker processes --------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(settings: Settings) -> None:
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


def _process(source: Source | None) -> tuple[Source | None, dict | None, str | None]:
    from extract import record
    from normalize.records import InputError

    if source is None:  # a pause in a stream of sources: passed through
        return None, None, None
    try:
        article = _WORKER["normalizer"].normalize(source)
        rec = record(article, _WORKER["extractor"].extract(article), tokens=True)
        rec["original_text"] = article.original_text
        rec["signature"] = clusters.signature(article.text)  # work the main process need not do
        segment = _WORKER["normalizer"].segmenters("zh").spans
        rec["index_docs"] = article_docs(view_of_record(rec), segment)
        return source, rec, None
    except InputError as e:
        return source, None, str(e)
    except Exception as e:  # a bug must not stop the batch
        return source, None, f"internal error ({type(e).__name__}: {e})"


class Archive:
    def __init__(
        self,
        settings: Settings,
        notice: Callable[[str], None] = lambda m: None,
        progress: Progress | None = None,
        create: bool = True,
    ):
        self.settings = settings
        self.dir = Path(settings.data_dir)
        self.notice = notice
        self.progress = progress or (lambda items, total, desc: items)
        if not create and not (self.dir / "archive.sqlite").exists():
            raise StoreError(f"no archive in {self.dir} (run `honours ingest` first, or give --data-dir)")
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot create the data directory {self.dir}: {e.strerror}") from None
        self.store = Store(self.dir / "archive.sqlite")
        self.engine_name = settings.engine
        self.index_dir = self.dir / "index" / self.engine_name
        self._engine = None
        self.timings = {"store": 0.0, "index": 0.0}  # seconds spent in each, for benchmarks
        self._prebuilt: dict[str, list] = {}  # index documents workers built for fresh articles

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
        self.store.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @cached_property
    def segmenter(self):
        from normalize.segment import Segmenters

        return Segmenters(self.settings.segmenter)("zh")

    def lock(self) -> WriterLock:
        return WriterLock(self.dir / "writer.lock", self.notice)

    @property
    def engine(self):
        """The search index; a missing or damaged one is rebuilt from the store, with a notice."""
        if self._engine is None:
            try:
                self._engine = open_engine(self.engine_name, self.index_dir, notice=self.notice)
            except EngineError as e:
                if self.store.stats()["articles"]:
                    self.notice(f"{e}; rebuilding it from the store")
                self.reindex()
                self._engine = open_engine(self.engine_name, self.index_dir, notice=self.notice)
        return self._engine

    # --- writing ----------------------------------------------------------------------------------

    def ingest(self, paths: list[str]) -> Report:
        from normalize.pipeline import Normalizer  # noqa: F401  (fail early on a broken install)
        from normalize.sources import Failure, expand, sources

        report = Report()
        with self.lock():
            _ = self.engine  # a new archive gets its (empty) index now, before anything is stored
            self.sync_index()
            total = sum(1 for _ in expand(paths))

            def todo() -> Iterator[Source]:  # read as the workers need them, not all at once
                for item in sources(paths, self.settings.max_bytes):
                    if isinstance(item, Failure):
                        report.failed.append((item.where, item.reason))
                    elif self._known(item):
                        report.add("unchanged")
                    else:
                        yield item

            self._run(todo(), report, total)
        return report

    def _known(self, source: Source) -> bool:
        """Same bytes from the same place: unchanged, without normalising again."""
        import hashlib

        from index.store import source_key

        sha = hashlib.sha1(source.data).hexdigest()
        row = self.store.db.execute(
            "SELECT 1 FROM articles WHERE raw_sha1 = ? AND (source_key = ? OR source = ?) LIMIT 1",
            (sha, source_key(source.uri), source.uri),
        ).fetchone()
        return row is not None

    def _run(self, todo: Iterable[Source], report: Report, total: int, reprocessed: bool = False) -> None:
        workers = min(self.settings.workers, os.cpu_count() or 1)
        if total >= POOL_FROM and workers > 1:
            with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(self.settings,)) as pool:
                self._consume(_ahead(pool, todo), report, total, reprocessed)
        else:
            _init_worker(self.settings)
            self._consume(map(_process, todo), report, total, reprocessed)

    def ingest_stream(self, items: Iterable[Source | None], on_commit: Callable[[list], None]) -> Report:
        """Sources as they arrive (a crawl), normalised in worker processes as they come. A None in
        the stream commits what is pending and brings the index up to date. `on_commit` hears every
        committed batch as (source, outcome or error) pairs. The caller holds the writer lock."""

        report = Report()
        _ = self.engine
        self.sync_index()
        workers = max(1, min(self.settings.workers, os.cpu_count() or 1))
        # spawn, not fork: the caller runs threads (the crawler's reactor) that a fork would copy
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, spawn, initializer=_init_worker, initargs=(self.settings,)) as pool:
            self._consume(_ahead(pool, items), report, None, False, on_commit)
        return report

    def _consume(self, results, report: Report, total: int | None, reprocessed: bool, on_commit=None) -> None:
        self._pending = 0
        batch, failed = [], []
        for source, rec, error in self.progress(results, total, "reprocess" if reprocessed else "ingest"):
            if source is not None and error:
                report.failed.append((source.warc or source.uri, error))
                failed.append((source, error))
            elif source is not None:
                batch.append((source, rec))
            if source is None or len(batch) >= BATCH:
                self._commit(batch, failed, report, reprocessed, on_commit)
                batch, failed = [], []
                if source is None:
                    self.sync_index()
        self._commit(batch, failed, report, reprocessed, on_commit)
        self.sync_index()

    def _commit(
        self, batch: list[tuple[Source, dict]], failed: list, report: Report, reprocessed: bool, on_commit
    ) -> None:
        if not batch and not failed:
            return
        started = time.perf_counter()
        statuses = []
        with self.store.transaction():
            for source, rec in batch:
                old_cluster = None
                raw = None if (source.warc or "").startswith("warc/") else source.data  # the WARC keeps it
                outcome = self.store.put(rec, raw, source.content_type, reprocessed=reprocessed)
                if outcome.previous:
                    prev = self.store.article(outcome.previous)
                    old_cluster = prev["cluster"] if prev else None
                if outcome.status != "unchanged":
                    clusters.assign(self.store, rec["id"], rec["text"], rec.get("signature"))
                    self._prebuilt[rec["id"]] = rec.get("index_docs")
                if old_cluster:
                    clusters.elect(self.store, old_cluster)
                report.add(outcome.status)
                statuses.append(outcome.status)
        self.timings["store"] += time.perf_counter() - started
        if on_commit:
            on_commit([(s, status) for (s, _), status in zip(batch, statuses, strict=True)] + failed)
        self._pending += len(batch)
        if self._pending >= INDEX_EVERY:
            self.sync_index()

    def sync_index(self) -> None:
        """Bring the index up to the store: every article marked unindexed is deleted from the index
        and, if still live, added again. Runs after each batch, and first thing after a crash."""
        ids = self.store.unindexed()
        if not ids:
            return
        started = time.perf_counter()
        engine = self.engine
        self._pending = 0
        for chunk in _chunks(ids, INDEX_EVERY):
            engine.delete_articles(chunk)
            for a in chunk:
                row = self.store.article(a)
                if row is not None and row["superseded_by"] is None:
                    engine.add(self._docs(row))
            engine.commit()
            with self.store.transaction():
                self.store.mark_indexed(chunk)
        self.timings["index"] += time.perf_counter() - started

    def _docs(self, row) -> list:
        """An article's index documents: the ones its worker built when it is fresh, else from the store."""
        docs = self._prebuilt.pop(row["id"], None)
        if docs is None:
            return article_docs(view_of_row(self.store, row), self.segmenter.spans)
        return docs if row["canonical"] else as_duplicate(docs)

    def reindex(self) -> int:
        """Rebuild the index from the store beside the old one, then swap: a crash mid-way leaves the
        old index in place (or none, and the next use rebuilds)."""
        new = self.index_dir.with_name(self.index_dir.name + ".new")
        old = self.index_dir.with_name(self.index_dir.name + ".old")
        shutil.rmtree(new, ignore_errors=True)
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        engine = open_engine(self.engine_name, new, create=True)
        ids = self.store.live_ids()
        for chunk in _chunks(list(self.progress(ids, len(ids), "reindex")), 512):
            docs = []
            for a in chunk:
                docs += article_docs(view_of_row(self.store, self.store.article(a)), self.segmenter.spans)
            engine.add(docs)
            engine.commit()
        engine.close()
        shutil.rmtree(old, ignore_errors=True)
        if self.index_dir.exists():
            self.index_dir.rename(old)
        new.rename(self.index_dir)
        shutil.rmtree(old, ignore_errors=True)
        with self.store.transaction():
            self.store.mark_all_unindexed()
            self.store.mark_indexed(self.store.live_ids())
            self.store.db.execute("UPDATE articles SET indexed = 1 WHERE superseded_by IS NOT NULL")
        return len(ids)

    def reprocess(self) -> Report:
        """Normalise and extract every live article again from its raw bytes."""
        report = Report()
        with self.lock():
            ids = self.store.live_ids()

            def todo() -> Iterator[Source]:
                for a in ids:
                    row = self.store.article(a)
                    try:
                        yield self._source(row)
                    except InputError as e:
                        report.failed.append((row["source"], str(e)))

            self._run(todo(), report, len(ids), reprocessed=True)
        return report

    def _source(self, row) -> Source:
        """An article's raw bytes: from the store, or from the WARC record a crawl wrote."""
        raw = self.store.raw(row["raw_sha1"])
        if raw is not None:
            return Source(row["source"], raw, row["content_type"], row["fetched"], row["warc"])
        if (row["warc"] or "").startswith("warc/"):
            source = read_warc_record(row["warc"], self.dir)
            return Source(row["source"], source.data, source.content_type, row["fetched"], row["warc"])
        raise InputError("raw bytes missing")

    # --- reading ----------------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        out = self.store.stats()
        out["index"] = {"engine": self.engine_name, "documents": self.engine.count()}
        return out


def _ahead(pool: ProcessPoolExecutor, items: Iterable[Source | None], ahead: int = AHEAD) -> Iterator:
    """`_process` over the items in the pool, results in order, with at most `ahead` items in
    flight (Executor.map submits everything at once: a large ingest's pages and records would pile
    up in memory). A None in the items is a flush point: everything before it first, then None."""
    pending: deque = deque()
    for item in items:
        if item is None:
            while pending:
                yield pending.popleft().result()
            yield None, None, None
            continue
        pending.append(pool.submit(_process, item))
        while pending and (len(pending) > ahead or pending[0].done()):
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def report_dict(report: Report) -> dict[str, Any]:
    return asdict(report)
