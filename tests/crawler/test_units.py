"""In-process unit tests of the crawler's pieces: Retry-After and backoff, URL canonicalisation, the
User-Agent. (The page-kind test has its own in tests/normalize; whole crawls are in test_crawl*.)"""

import asyncio
import email.utils
import time

from scrapy import Spider
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler

import config
from crawler.politeness import MAX_WAIT, BackoffRetry, retry_after
from crawler.run import Options, scrapy_settings
from crawler.sites import adhoc
from normalize.pipeline import canonical_url


def response(status: int, **headers) -> Response:
    return Response("http://example.test/a", status=status, headers=headers)


def test_retry_after_reads_seconds_and_http_dates_and_ignores_garbage():
    assert retry_after(response(503, **{"Retry-After": "7"})) == 7.0
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 25 <= retry_after(response(503, **{"Retry-After": when})) <= 31
    past = email.utils.formatdate(time.time() - 300, usegmt=True)
    assert retry_after(response(503, **{"Retry-After": past})) == 0.0
    assert retry_after(response(503, **{"Retry-After": "soon"})) is None
    assert retry_after(response(503)) is None


def middleware(base: float = 0.0) -> BackoffRetry:
    settings = {"RETRY_TIMES": 3, "RETRY_HTTP_CODES": [503, 500], "RETRY_BACKOFF_BASE": base}
    crawler = get_crawler(Spider, settings)
    crawler.spider = Spider.from_crawler(crawler, name="units")
    return BackoffRetry.from_crawler(crawler)


def test_a_503_is_retried_with_the_servers_wait_and_a_very_long_wait_gives_up():
    m = middleware()
    req = Request("http://example.test/a")
    retried = asyncio.run(m.process_response(req, response(503, **{"Retry-After": "0"})))
    assert isinstance(retried, Request) and retried.meta["retry_wait"] == 0.0
    too_long = response(503, **{"Retry-After": str(int(MAX_WAIT) + 60)})
    assert asyncio.run(m.process_response(req, too_long)) is too_long


def test_a_404_is_not_retried():
    m = middleware()
    resp = response(404)
    assert asyncio.run(m.process_response(Request("http://example.test/a"), resp)) is resp


def test_urls_are_canonical_without_tracking_parameters_or_fragments():
    a = canonical_url("http://Example.test/news/1.html?utm_source=wx&b=2&a=1#top")
    assert a == canonical_url("http://example.test/news/1.html?a=1&b=2")
    assert "utm_source" not in a and "#" not in a
    assert canonical_url("http://example.test/news/1.html?id=3") != canonical_url(
        "http://example.test/news/1.html?id=4"
    )


def test_the_user_agent_names_the_configured_contact():
    settings = config.Settings(contact="mailto:archive@example.test")
    s = scrapy_settings(settings, adhoc(["http://example.test/"]), Options(), frontier=None)
    assert "mailto:archive@example.test" in s["USER_AGENT"]
    assert s["ROBOTSTXT_OBEY"] is True
