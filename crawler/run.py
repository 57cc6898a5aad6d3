"""`honours crawl`: Scrapy settings for a polite, resumable crawl, and running one."""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from scrapy.logformatter import LogFormatter

from config import Settings
from crawler import warc
from crawler.frontier import Frontier, RedisFrontier
from crawler.sites import Site

try:
    VERSION = version("honours-archive")
except PackageNotFoundError:  # running from a checkout that was not installed
    VERSION = "dev"


def user_agent(contact: str) -> str:
    """Who we are, with the `contact` setting: site operators read this in their logs."""
    return f"honours-archive/{VERSION} (+{contact}; research archive of public commendation news)"


@dataclass
class Options:
    resume: bool = False
    max_pages: int | None = None
    delay: float = 1.0  # seconds between requests to one site, before AutoThrottle and Crawl-delay
    concurrency: int = 2  # requests in flight per site
    impolite: bool = False  # your own servers only: no delay, no AutoThrottle, no Crawl-delay
    redis: str | None = None  # redis://host:port: share the frontier with other processes
    crawl: str = "main"  # the name processes sharing a Redis frontier agree on
    linger: float = 10.0  # with --redis: seconds to wait for more work before leaving
    verbose: bool = False
    warc: bool = True  # False keeps raw pages in the store instead (bench/crawl.py measures the cost)
    process: bool = True  # False: articles only go to the WARC, for a later `honours ingest DATA/warc/`


@dataclass
class Outcome:
    crawl: int | str
    reason: str
    stats: dict
    report: object | None
    warc_files: list[str] = field(default_factory=list)
    fatal: str | None = None
    finished: bool = False

    def summary(self) -> list[str]:
        s = self.stats
        statuses = {
            k.rsplit("/", 1)[1]: v for k, v in s.items() if k.startswith("downloader/response_status_count/")
        }
        lines = [
            f"crawl {self.crawl}: {s.get('downloader/response_count', 0)} responses ("
            + ", ".join(f"{v}× {k}" for k, v in sorted(statuses.items()))
            + f"), {s.get('robotstxt/forbidden', 0)} refused by robots.txt"
        ]
        if self.report is not None:
            lines.append(f"articles: {self.report.summary()}")
        lines.append(f"raw pages kept in {', '.join(self.warc_files) or 'no WARC file (nothing fetched)'}")
        if not self.finished and not self.fatal:
            lines.append(f"stopped ({self.reason}) before the end: `--resume` continues this crawl")
        return lines


class QuietLog(LogFormatter):
    """Scrapy's log formatter without a line for every page fetched and every item scraped."""

    def crawled(self, request, response, spider):
        return None

    def scraped(self, item, response, spider):
        return None


def scrapy_settings(settings: Settings, site: Site, opts: Options, frontier) -> dict:
    polite = not opts.impolite
    s = {
        "BOT_NAME": "honours",
        "USER_AGENT": user_agent(settings.contact),
        "ROBOTSTXT_OBEY": True,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,  # no listening port on a crawler
        "LOG_LEVEL": "INFO" if opts.verbose else "CRITICAL",
        "LOG_INSTALL_ROOT_HANDLER": opts.verbose,
        # Scrapy's own logger stays at DEBUG whatever LOG_LEVEL says: build no record a page for nothing
        "LOG_FORMATTER": "scrapy.logformatter.LogFormatter" if opts.verbose else "crawler.run.QuietLog",
        "CONCURRENT_REQUESTS": 16,
        # Scrapy starts this many asyncio tasks for every response's output; ours is one item or a
        # list page's links, queued without waiting, so a hundred tasks a page only cost CPU
        "CONCURRENT_ITEMS": 1,
        "CONCURRENT_REQUESTS_PER_DOMAIN": opts.concurrency if polite else 16,
        "DOWNLOAD_DELAY": opts.delay if polite else 0,
        "DOWNLOAD_DELAY_JITTER": 0.5 if polite else 0,
        "AUTOTHROTTLE_ENABLED": polite,
        "AUTOTHROTTLE_START_DELAY": opts.delay,
        "AUTOTHROTTLE_MAX_DELAY": 60.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DEPTH_LIMIT": site.depth,
        "CLOSESPIDER_PAGECOUNT": opts.max_pages or 0,
        "DOWNLOAD_MAXSIZE": settings.max_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "DOWNLOAD_TIMEOUT": 30,
        "RETRY_TIMES": 3,
        "RETRY_BACKOFF_BASE": 1.0 if polite else 0.0,
        "SCHEDULER": "crawler.frontier.FrontierScheduler",
        "ITEM_PIPELINES": {"crawler.pipeline.ArchivePipeline": 300},
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "crawler.politeness.BackoffRetry": 550,
            "crawler.warc.WarcMiddleware": 950 if opts.warc else None,
        },
        "EXTENSIONS": {
            "scrapy.extensions.throttle.AutoThrottle": None,
            "crawler.politeness.RobotsThrottle": 0,
        },
        "HONOURS_SETTINGS": settings,
        "HONOURS_PROCESS": opts.process,
    }
    if opts.redis:
        s.update(
            SCHEDULER="scrapy_redis.scheduler.Scheduler",
            SCHEDULER_PERSIST=True,
            SCHEDULER_QUEUE_KEY=frontier.queue,
            SCHEDULER_DUPEFILTER_KEY=frontier.seen,
            DUPEFILTER_CLASS="crawler.frontier.RedisFilter",
            REDIS_URL=opts.redis,
            # hold no more requests than are in flight: the rest stay in Redis for the other processes
            CONCURRENT_REQUESTS=s["CONCURRENT_REQUESTS_PER_DOMAIN"],
        )
    return s


def crawl(settings: Settings, site: Site, opts: Options, notice: Callable[[str], None]) -> Outcome:
    from scrapy.crawler import CrawlerProcess

    from crawler.spider import HonoursSpider
    from index.lock import WriterLock, alive

    if not (opts.process or opts.warc):
        raise ValueError("a crawl that does not process its pages must keep them in WARC files")
    data_dir = Path(settings.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    with WriterLock(data_dir / "writer.lock", notice):
        for line in warc.repair(data_dir, alive):
            notice(f"repaired a WARC file a killed crawl left open: {line}")
        if opts.redis:
            frontier = RedisFrontier(opts.redis, site.name, opts.crawl)
            frontier.check()
            crawl_id = f"{site.name}/{opts.crawl} on {opts.redis}"
        else:
            frontier = Frontier(data_dir / "crawl.sqlite", site.name)
            interrupted = frontier.interrupted()
            crawl_id, resumed = frontier.begin(opts.resume, site.language, site.region)
            if resumed:
                notice(f"resuming crawl {crawl_id} of {site.name}: {frontier.pending()} URLs queued")
            elif interrupted:
                notice(
                    f"crawl {interrupted} of {site.name} was interrupted; starting crawl {crawl_id} (--resume continues the old one instead)"
                )
            elif opts.resume:
                notice(f"no interrupted crawl of {site.name} to resume; starting crawl {crawl_id}")
        process = CrawlerProcess(scrapy_settings(settings, site, opts, frontier))
        crawler = process.create_crawler(HonoursSpider)
        bar = _progress(crawler)
        process.crawl(
            crawler, site=site, frontier=frontier, data_dir=data_dir, linger=opts.linger if opts.redis else 0
        )
        process.start()
        signal.signal(signal.SIGINT, signal.default_int_handler)  # Scrapy's handlers outlive its reactor
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if bar is not None:
            bar.close()
        spider = crawler.spider
        stats = crawler.stats.get_stats()
        reason = stats.get("finish_reason", "?")
        finished = reason == "finished" and not opts.redis and frontier.finish()
        frontier.close()
        return Outcome(
            crawl=crawl_id,
            reason=reason,
            stats=stats,
            report=getattr(spider, "report", None),
            warc_files=[str(p) for p in getattr(spider, "warc_files", [])],
            fatal=spider.fatal,
            finished=finished or bool(opts.redis and reason == "finished"),
        )


def _progress(crawler):
    """A line on the terminal: pages fetched, articles stored."""
    if not sys.stderr.isatty():
        return None
    from scrapy import signals
    from tqdm import tqdm

    bar = tqdm(desc="crawl", unit="page", leave=False)

    def fetched(response, request, spider):
        bar.update(1)
        bar.set_postfix(stored=crawler.stats.get_value("honours/articles/new", 0), refresh=False)

    crawler.signals.connect(fetched, signal=signals.response_received, weak=False)
    return bar
