"""The one spider: follows a site's list pages, hands article pages to the archive pipeline."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.frontier import fingerprint
from crawler.sites import Site
from normalize.pagekind import page_kind  # ad-hoc sites: list, article or neither, by content
from normalize.pipeline import canonical_url
from normalize.records import Source


class HonoursSpider(scrapy.Spider):
    name = "honours"

    def __init__(self, site: Site, frontier, data_dir, linger: float = 0.0, **kwargs):
        super().__init__(**kwargs)
        self.site, self.frontier, self.data_dir, self.linger = site, frontier, data_dir, linger
        self.allowed_domains = list(site.allowed_domains)
        self.links = LinkExtractor(unique=True)  # hosts are checked by site.allows (IPs too)
        self.fatal: str | None = None
        self.last_activity = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.idle, signal=signals.spider_idle)
        crawler.signals.connect(spider.opened, signal=signals.spider_opened)
        return spider

    def opened(self, spider) -> None:
        if self.linger:  # an idle process of a shared crawl looks at the queue every second, not 5 s
            self.crawler.engine._SLOT_HEARTBEAT_INTERVAL = 1.0

    async def start(self):
        for url in self.site.start_urls:
            yield self.request(url, "list")

    def request(self, url: str, kind: str, priority: int = 0) -> scrapy.Request:
        return scrapy.Request(url, self.parse, errback=self.failed, meta={"kind": kind}, priority=priority)

    def parse(self, response):
        self.last_activity = time.monotonic()
        kind = response.meta.get("kind")
        fp = fingerprint(response.url)
        if not isinstance(response, TextResponse):
            self.frontier.done(fp, "not text", article=kind != "list")
            return
        for link in self.links.extract_links(response):
            url = canonical_url(link.url)
            link_kind = self.site.kind(url)
            if link_kind and self.site.allows(url):
                yield self.request(url, link_kind, self.priority(link_kind, link.text))
        if kind == "page":
            kind = page_kind(response.text)
        if kind == "list":
            self.frontier.done(fp, "list")  # after its links are queued: a crash before this refetches it
            return
        if kind == "other":
            self.frontier.done(fp, "not an article", article=True)
            return
        yield {
            "source": Source(
                uri=response.url,
                data=response.body,
                content_type=(response.headers.get(b"Content-Type") or b"").decode("latin-1") or None,
                fetched=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                warc=response.meta.get("warc"),
            )
        }

    def priority(self, kind: str, text: str) -> int:
        """Articles before list pages (the frontier stays small); relevant-looking articles first."""
        if kind == "list":
            return 0
        return 20 if any(k in text for k in self.site.keywords) else 10

    def failed(self, failure) -> None:
        self.last_activity = time.monotonic()
        if self.fatal:
            return  # stopping (disk full): the URL stays queued for --resume
        request = failure.request
        error = failure.value
        if isinstance(error, HttpError):
            outcome = f"http {error.response.status}"
        elif isinstance(error, IgnoreRequest):
            outcome = str(error) or "ignored"
        else:
            outcome = f"error: {type(error).__name__}"
        self.frontier.done(fingerprint(request.url), outcome)
        self.crawler.stats.inc_value(f"honours/failed/{outcome.split(':')[0]}")

    def idle(self, spider) -> None:
        """A distributed crawl waits `linger` seconds for other processes to queue more work, and
        stays while the shared queue holds any."""
        if not self.linger or self.fatal:
            return
        if time.monotonic() - self.last_activity < self.linger or self.frontier.pending():
            raise DontCloseSpider
