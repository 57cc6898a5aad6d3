"""The archive: the store, the search index derived from it, and the operations the CLI and the
web page call (ingest, reprocess, reindex, search, stats). A crash loses at most the index, which
is rebuilt from the store; the store itself only changes in committed batches.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from config import Settings
from index import clusters, linking
from index.documents import article_docs, as_duplicate, view
from index.engine import EngineError, Request, open_engine
from index.link_memory import Memory
from index.lock import WriterLock, held_here
from index.store import Store, StoreError
from index.views import Member, StoredArticle
from index.work import (
    Processed,
    ahead,
    cluster_pool,
    init_worker,
    local_pool,
    process,
    process_on,
    unpack_docs,
)
from normalize.records import InputError, Source
from normalize.sources import read_warc_record

Progress = Callable[[Iterable, int | None, str], Iterable]


OPENING = Request(limit=0)  # the search page as it opens: tantivy keeps its counts (tallies) for all
log = logging.getLogger(__name__)


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
        self._to_link: list[str] = []  # articles stored whose people are not linked yet
        self._linked = Memory()  # the persons of the names linked so far, between link rounds
        self.index_health = "ok"  # "rebuilt" once a missing or damaged index was rebuilt from the store
        self.timings = {"store": 0.0, "index": 0.0}  # seconds spent in each, for benchmarks
        self._prebuilt: dict[str, bytes] = {}  # index documents workers built for fresh articles, packed

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
                    self.index_health = "rebuilt"
                with nullcontext() if held_here(self.dir / "writer.lock") else self.lock():
                    self.reindex()  # a reader rebuilding must not race a writer doing the same
                self._engine = open_engine(self.engine_name, self.index_dir, notice=self.notice)
        return self._engine

    # --- writing ----------------------------------------------------------------------------------

    def ingest(self, paths: list[str]) -> Report:
        from normalize.pipeline import Normalizer  # noqa: F401  (fail early on a broken install)
        from normalize.sources import Failure, expand, sources

        report = Report()
        with self.lock():
            _ = self.engine  # a new archive gets its (empty) index now, before anything is stored
            self._to_link = self.store.unlinked_articles()  # left by a killed run, or an older archive
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

        return self.store.known(hashlib.sha1(source.data).hexdigest(), source.uri)

    def _run(self, todo: Iterable[Source], report: Report, total: int, reprocessed: bool = False) -> None:
        workers = min(self.settings.workers, os.cpu_count() or 1)
        if self.settings.cluster:
            with cluster_pool(self.settings) as pool:
                work = partial(process_on, self.settings)
                self._consume(ahead(pool, todo, self.settings.ahead, work), report, total, reprocessed)
        elif total >= self.settings.pool_from and workers > 1:
            with local_pool(workers, initializer=init_worker, initargs=(self.settings,)) as pool:
                self._consume(ahead(pool, todo, self.settings.ahead), report, total, reprocessed)
        else:
            init_worker(self.settings)
            self._consume(map(process, todo), report, total, reprocessed)

    def ingest_stream(self, items: Iterable[Source | None], on_commit: Callable[[list], None]) -> Report:
        """Sources as they arrive (a crawl), normalised in worker processes as they come. A None in
        the stream commits what is pending and brings the index up to date. `on_commit` hears every
        committed batch as (source, outcome or error) pairs. The caller holds the writer lock."""

        report = Report()
        _ = self.engine
        self._to_link = self.store.unlinked_articles()
        self.sync_index()
        workers = max(1, min(self.settings.workers, os.cpu_count() or 1))
        # spawn, not fork: the caller runs threads (the crawler's reactor) that a fork would copy
        spawn = multiprocessing.get_context("spawn")
        with local_pool(workers, spawn, initializer=init_worker, initargs=(self.settings,)) as pool:
            self._consume(ahead(pool, items, self.settings.ahead), report, None, False, on_commit)
        return report

    def _consume(
        self,
        results: Iterable[Processed],
        report: Report,
        total: int | None,
        reprocessed: bool,
        on_commit=None,
    ) -> None:
        self._pending = 0
        batch: list[Processed] = []
        failed: list[tuple[Source, str]] = []
        for done in self.progress(results, total, "reprocess" if reprocessed else "ingest"):
            if done.source is not None and done.error:
                report.failed.append((done.source.warc or done.source.uri, done.error))
                if done.trace:
                    log.error("%s: %s", done.source.warc or done.source.uri, done.trace)
                failed.append((done.source, done.error))
            elif done.source is not None:
                batch.append(done)
            if done.source is None or len(batch) >= self.settings.batch:
                self._commit(batch, failed, report, reprocessed, on_commit)
                batch, failed = [], []
                if done.source is None:
                    self.sync_index()
        self._commit(batch, failed, report, reprocessed, on_commit)
        self.sync_index()
        self._tally(self.engine)

    def _tally(self, engine) -> None:
        """Count the page's opening facets now, before anyone asks, where the engine keeps them
        beside the index (index/tantivy_tallies.py); Whoosh remembers them only in this process."""
        if self.engine_name == "tantivy":
            engine.search(OPENING)

    def _commit(
        self, batch: list[Processed], failed: list, report: Report, reprocessed: bool, on_commit
    ) -> None:
        if not batch and not failed:
            return
        started = time.perf_counter()
        statuses = []
        with self.store.transaction():
            for done in batch:
                source, rec = done.source, done.record
                raw = None if (source.warc or "").startswith("warc/") else source.data  # the WARC keeps it
                result = self.store.put(rec, raw, source.content_type, reprocessed=reprocessed)
                before = self.store.member(result.previous) if result.previous else None
                if result.status != "unchanged":
                    clusters.assign(self.store, result.id, rec.signature)
                    self._prebuilt[result.id] = rec.docs
                if before is not None and before.cluster:  # the version it replaced leaves its cluster
                    clusters.elect(self.store, before.cluster)
                report.add(result.status)
                statuses.append(result.status)
        self.timings["store"] += time.perf_counter() - started
        if on_commit:
            on_commit([(d.source, status) for d, status in zip(batch, statuses, strict=True)] + failed)
        self._to_link += [d.record.article.id for d in batch]
        self._pending += len(batch)
        if self._pending >= self.settings.index_every:
            self.sync_index()

    def sync_index(self) -> None:
        """Bring the index up to the store: every article marked unindexed is deleted from the index
        and, if still live, added again. Runs after each batch, and first thing after a crash. The
        people of the articles stored since the last time are linked first (index/linking.py): once
        per index round rather than per batch, as linking weighs every mention of a name."""
        if self._to_link:
            try:
                with self.store.transaction():
                    linking.link(self.store, self._to_link, self._linked)
            except BaseException:
                self._linked.forget()  # it may hold links the store rolled back
                raise
            self._to_link = []
        ids = self.store.unindexed()
        if not ids:
            return
        started = time.perf_counter()
        engine = self.engine
        self._pending = 0
        for chunk in _chunks(ids, self.settings.index_every):
            engine.delete_articles(chunk)
            for a in chunk:
                member = self.store.member(a)
                if member is not None and member.live:
                    engine.add(self._docs(member))
            engine.commit()
            with self.store.transaction():
                self.store.mark_indexed(chunk)
        self.timings["index"] += time.perf_counter() - started

    def _docs(self, member: Member) -> list:
        """An article's index documents: the ones its worker built when it is fresh, else from the store."""
        packed = self._prebuilt.pop(member.id, None)
        if packed is None:
            return self._stored_docs(member.id)
        docs = unpack_docs(packed)
        return docs if member.canonical else as_duplicate(docs)

    def _stored_docs(self, article_id: str) -> list:
        stored = self.store.article(article_id)
        return article_docs(
            view(stored, self.store.extraction(stored), stored.canonical), self.segmenter.spans
        )

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
            engine.add([d for a in chunk for d in self._stored_docs(a)])
            engine.commit()
        self._tally(engine)
        engine.close()
        shutil.rmtree(old, ignore_errors=True)
        if self.index_dir.exists():
            self.index_dir.rename(old)
        new.rename(self.index_dir)
        shutil.rmtree(old, ignore_errors=True)
        with self.store.transaction():
            self.store.mark_reindexed(ids)
        return len(ids)

    def reprocess(self) -> Report:
        """Normalise and extract every live article again from its raw bytes."""
        report = Report()
        with self.lock():
            ids = self.store.live_ids()

            def todo() -> Iterator[Source]:
                for a in ids:
                    stored = self.store.article(a, tokens=False)
                    try:
                        yield self._source(stored)
                    except InputError as e:
                        report.failed.append((stored.source, str(e)))

            self._run(todo(), report, len(ids), reprocessed=True)
        return report

    def _source(self, a: StoredArticle) -> Source:
        """An article's raw bytes: from the store, or from the WARC record a crawl wrote."""
        raw = self.store.raw(a.raw_sha1)
        if raw is not None:
            return Source(a.source, raw, a.content_type, a.fetched, a.warc)
        if (a.warc or "").startswith("warc/"):
            source = read_warc_record(a.warc, self.dir)
            return Source(a.source, source.data, source.content_type, a.fetched, a.warc)
        raise InputError("raw bytes missing")

    # --- reading ----------------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        out = self.store.stats()
        documents = self.engine.count()  # opening it checks it (and rebuilds a damaged one)
        out["index"] = {"engine": self.engine_name, "documents": documents, "health": self.index_health}
        return out


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def report_dict(report: Report) -> dict[str, Any]:
    return asdict(report)
