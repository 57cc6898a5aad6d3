"""Article pages go through normalise -> extract -> store, off the download thread.

A dedicated thread owns the archive (SQLite connections belong to one thread) and feeds a pool
of worker processes; downloading goes on meanwhile. A URL is marked done in the frontier only
once the store has committed its article, so a crash never loses one. A crawl that only archives
(`Options.process` False) marks an article done once its WARC record is written, for a later
`honours ingest DATA/warc/`.
"""

from __future__ import annotations

import logging
import queue
import threading
import time

from twisted.internet.threads import deferToThread

from crawler.frontier import fingerprint

log = logging.getLogger(__name__)
FLUSH_AFTER = 1.0  # seconds without a new page before what is pending is committed and indexed
STOP = object()


class ArchivePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.settings = crawler.settings["HONOURS_SETTINGS"]
        self.process = crawler.settings.getbool("HONOURS_PROCESS", True)
        self.queue: queue.Queue = queue.Queue(maxsize=256)
        self.report = None
        self.error: str | None = None

    @classmethod
    def from_crawler(cls, crawler) -> ArchivePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.spider = self.crawler.spider
        if not self.process:
            return
        self.thread = threading.Thread(target=self._run, name="archive", daemon=True)
        self.thread.start()

    def process_item(self, item):
        if self.error:
            return item
        if not self.process:  # the WarcMiddleware has written the page before the spider saw it
            self.spider.frontier.done(fingerprint(item["source"].uri), "archived", article=True)
            self.crawler.stats.inc_value("honours/articles/archived")
            return item
        try:
            self.queue.put_nowait(item)
        except queue.Full:  # the workers are behind: slow the crawl down instead of piling up pages
            return deferToThread(self.queue.put, item).addCallback(lambda _: item)
        return item

    def close_spider(self) -> None:
        if not self.process:
            return
        self.queue.put(STOP)
        self.thread.join()
        spider = self.spider
        spider.report = self.report
        if self.error and not spider.fatal:
            spider.fatal = self.error

    def _stop(self) -> None:
        from scrapy.utils.defer import deferred_from_coro

        deferred_from_coro(self.crawler.engine.close_spider_async(reason="store-error"))

    def _items(self):
        while True:
            try:
                item = self.queue.get(timeout=FLUSH_AFTER)
            except queue.Empty:
                yield None
                continue
            if item is STOP:
                return
            yield item["source"]

    def _run(self) -> None:
        from index.archive import Archive

        frontier = self.spider.frontier.again()
        stats = self.crawler.stats

        def done(outcomes) -> None:
            for source, outcome in outcomes:
                frontier.done(fingerprint(source.uri), outcome, article=True)
                stats.inc_value(
                    f"honours/articles/{outcome if outcome in ('new', 'unchanged', 'updated') else 'rejected'}"
                )

        try:
            with Archive(self.settings) as archive:
                self.report = archive.ingest_stream(self._items(), done)
        except Exception as e:  # the store or index failed: stop the crawl, the frontier keeps the rest
            from twisted.internet import reactor

            log.exception("storing crawled articles")
            self.error = f"cannot store articles: {e}"
            reactor.callFromThread(self._stop)
            while self.queue.get() is not STOP:  # drain, so that close_spider can return
                pass
        finally:
            frontier.close()
            stats.set_value("honours/store_cpu_seconds", time.thread_time())  # bench/crawl.py reports it
