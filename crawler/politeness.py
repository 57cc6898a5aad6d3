"""Politeness Scrapy does not do by itself: robots.txt Crawl-delay, Retry-After, retry backoff."""

from __future__ import annotations

import email.utils
import time

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.extensions.throttle import AutoThrottle
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future

MAX_WAIT = 600.0  # a Retry-After longer than this gives the URL up (it stays for the next crawl)


class RobotsThrottle(AutoThrottle):
    """AutoThrottle whose delay never drops below the site's robots.txt Crawl-delay."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.floors: dict[str, float] = {}
        crawler.signals.connect(self._robots, signal=signals.robots_parsed)

    def _robots(self, robotparser, request: Request) -> None:
        agent = self.crawler.settings.get("USER_AGENT")
        delay = robotparser.crawl_delay(agent)
        if not delay:
            return
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        self.floors[key] = float(delay)
        # no random jitter below the floor: the site asked for at least this much between requests
        downloader.per_slot_settings.setdefault(key, {}).update(
            delay=max(float(delay), downloader._delay), jitter=0
        )
        if key in downloader.slots:
            slot = downloader.slots[key]
            slot.delay, slot.jitter = max(slot.delay, float(delay)), 0.0

    def _adjust_delay(self, slot, latency: float, response: Response) -> None:
        super()._adjust_delay(slot, latency, response)
        key = next((k for k, s in self.crawler.engine.downloader.slots.items() if s is slot), None)
        slot.delay = max(slot.delay, self.floors.get(key, 0.0))


def retry_after(response: Response) -> float | None:
    """Seconds the server asked us to wait (Retry-After: seconds or an HTTP date)."""
    value = (response.headers.get(b"Retry-After") or b"").decode("latin-1").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


class BackoffRetry(RetryMiddleware):
    """Scrapy's retries, waiting before each: Retry-After when the server gives one, else
    RETRY_BACKOFF_BASE * 2^(attempt-1) seconds, capped at RETRY_BACKOFF_MAX."""

    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    async def process_response(self, request: Request, response: Response, spider=None):
        result = super().process_response(request, response)
        if isinstance(result, Request):
            wait = retry_after(response)
            if wait is not None and wait > MAX_WAIT:
                return response  # the server wants a long pause: give up for this crawl
            await self._pause(result, wait)
        return result

    async def process_exception(self, request: Request, exception: Exception, spider=None):
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await self._pause(result, None)
        return result

    async def _pause(self, retry: Request, wait: float | None) -> None:
        from twisted.internet import reactor
        from twisted.internet.task import deferLater

        if wait is None:
            wait = min(self.cap, self.base * 2 ** (retry.meta.get("retry_times", 1) - 1))
        retry.meta["retry_wait"] = wait
        if wait > 0:
            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))
