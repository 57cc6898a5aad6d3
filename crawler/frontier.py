"""The crawl frontier, kept where a crash cannot corrupt it.

Local crawls keep it in SQLite (`crawl.sqlite` in the data dir): every URL the crawl has seen, its
kind, its state (queued -> taken -> done) and the serialised request. Each change is one committed
transaction, so a crawl killed with SIGKILL resumes (`--resume`) with every URL it had: taken but
unfinished URLs are queued again. An article is done only once the store has committed it; list
pages are done once the links found on them are queued.

Across crawls, articles already fetched are not fetched again; list pages are (that is how a new
crawl finds what is new). With `--redis`, scrapy-redis keeps the queue and the seen-set in Redis
for several processes; `RedisFilter` adds the same cross-crawl rule for articles.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from scrapy import Request
from scrapy.utils.request import request_from_dict
from scrapy_redis.dupefilter import RFPDupeFilter

from normalize.pipeline import canonical_url

SCHEMA = """
CREATE TABLE IF NOT EXISTS crawls (
    id INTEGER PRIMARY KEY, site TEXT NOT NULL, started TEXT NOT NULL, finished TEXT,
    status TEXT NOT NULL, language TEXT, region TEXT
);
CREATE TABLE IF NOT EXISTS urls (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, crawl INTEGER NOT NULL, fp TEXT NOT NULL, url TEXT NOT NULL,
    kind TEXT, state TEXT NOT NULL, outcome TEXT, priority INTEGER NOT NULL DEFAULT 0, request BLOB,
    UNIQUE (crawl, fp)
);
CREATE INDEX IF NOT EXISTS urls_queue ON urls(crawl, state, priority DESC, seq);
CREATE TABLE IF NOT EXISTS known (site TEXT NOT NULL, fp TEXT NOT NULL, url TEXT, outcome TEXT,
    PRIMARY KEY (site, fp));
"""


def fingerprint(url: str) -> str:
    """A URL's identity: its canonical form (tracking parameters dropped), as article ids use it."""
    return hashlib.sha1(canonical_url(url).encode()).hexdigest()[:16]


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Frontier:
    """One connection to the frontier database; each thread opens its own (`again()`)."""

    def __init__(self, path: Path, site: str, crawl: int | None = None):
        self.path, self.site, self.crawl = path, site, crawl
        self.db = sqlite3.connect(path, timeout=60, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def again(self) -> Frontier:
        return Frontier(self.path, self.site, self.crawl)

    def close(self) -> None:
        self.db.close()

    # --- crawls ---------------------------------------------------------------------------------------

    def interrupted(self) -> int | None:
        row = self.db.execute(
            "SELECT id FROM crawls WHERE site = ? AND status = 'running' ORDER BY id DESC LIMIT 1",
            (self.site,),
        ).fetchone()
        return row[0] if row else None

    def begin(self, resume: bool, language: str | None = None, region: str | None = None) -> tuple[int, bool]:
        """The crawl to run: the interrupted one when resuming (its taken URLs queued again), else a
        new one. Returns (crawl id, resumed)."""
        old = self.interrupted()
        if resume and old:
            self.crawl = old
            self.db.execute("UPDATE urls SET state = 'queued' WHERE crawl = ? AND state = 'taken'", (old,))
            return old, True
        if old:
            self.db.execute("UPDATE crawls SET status = 'abandoned' WHERE id = ?", (old,))
        cur = self.db.execute(
            "INSERT INTO crawls (site, started, status, language, region) VALUES (?, ?, 'running', ?, ?)",
            (self.site, now(), language, region),
        )
        self.crawl = cur.lastrowid
        return self.crawl, False

    def finish(self) -> bool:
        """Marks the crawl finished when nothing is left to do; False if something is."""
        left = self.db.execute(
            "SELECT count(*) FROM urls WHERE crawl = ? AND state != 'done'", (self.crawl,)
        ).fetchone()[0]
        if not left:
            self.db.execute(
                "UPDATE crawls SET status = 'finished', finished = ? WHERE id = ?", (now(), self.crawl)
            )
        return not left

    # --- URLs -----------------------------------------------------------------------------------------

    def add(self, request: Request, spider) -> bool:
        """Queue a request unless this crawl has seen its URL, or it is an article fetched before.
        A request marked dont_filter (a retry) replaces the queued copy."""
        fp = fingerprint(request.url)
        kind = request.meta.get("kind")
        blob = pickle.dumps(request.to_dict(spider=spider), protocol=5)
        for old_url in request.meta.get("redirect_urls", ())[-1:]:
            self.done(fingerprint(old_url), f"redirect to {request.url}")
        if request.dont_filter:
            self.db.execute(
                "INSERT INTO urls (crawl, fp, url, kind, state, priority, request) VALUES (?, ?, ?, ?, 'queued', ?, ?) "
                "ON CONFLICT (crawl, fp) DO UPDATE SET state = 'queued', request = excluded.request",
                (self.crawl, fp, request.url, kind, request.priority, blob),
            )
            return True
        if kind != "list" and self.known(fp):
            return False
        cur = self.db.execute(
            "INSERT OR IGNORE INTO urls (crawl, fp, url, kind, state, priority, request) VALUES (?, ?, ?, ?, 'queued', ?, ?)",
            (self.crawl, fp, request.url, kind, request.priority, blob),
        )
        return cur.rowcount == 1

    def take(self, spider) -> Request | None:
        row = self.db.execute(
            "SELECT seq, request FROM urls WHERE crawl = ? AND state = 'queued' ORDER BY priority DESC, seq LIMIT 1",
            (self.crawl,),
        ).fetchone()
        if row is None:
            return None
        self.db.execute("UPDATE urls SET state = 'taken' WHERE seq = ?", (row[0],))
        return request_from_dict(pickle.loads(row[1]), spider=spider)

    def pending(self) -> int:
        return self.db.execute(
            "SELECT count(*) FROM urls WHERE crawl = ? AND state = 'queued'", (self.crawl,)
        ).fetchone()[0]

    def done(self, fp: str, outcome: str, article: bool = False) -> None:
        """The URL is finished. Articles (fetched and handled) are remembered across crawls."""
        self.db.execute(
            "UPDATE urls SET state = 'done', outcome = ?, request = NULL WHERE crawl = ? AND fp = ?",
            (outcome, self.crawl, fp),
        )
        if article:
            self.db.execute(
                "INSERT OR REPLACE INTO known (site, fp, url, outcome) "
                "SELECT ?, fp, url, ? FROM urls WHERE crawl = ? AND fp = ?",
                (self.site, outcome, self.crawl, fp),
            )

    def known(self, fp: str) -> bool:
        return (
            self.db.execute("SELECT 1 FROM known WHERE site = ? AND fp = ?", (self.site, fp)).fetchone()
            is not None
        )

    def outcomes(self) -> dict[str, int]:
        rows = self.db.execute(
            "SELECT coalesce(outcome, state), count(*) FROM urls WHERE crawl = ? GROUP BY 1", (self.crawl,)
        )
        return dict(rows.fetchall())


class FrontierScheduler:
    """Scrapy's scheduler interface over the SQLite frontier (SCHEDULER = this class)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.frontier: Frontier | None = None

    @classmethod
    def from_crawler(cls, crawler) -> FrontierScheduler:
        return cls(crawler)

    def open(self, spider) -> None:
        self.spider = spider
        self.frontier = spider.frontier

    def close(self, reason: str) -> None:
        pass  # the spider decides whether the crawl finished (it knows about the pipeline)

    def has_pending_requests(self) -> bool:
        return self.frontier.pending() > 0

    def enqueue_request(self, request: Request) -> bool:
        added = self.frontier.add(request, self.spider)
        self.crawler.stats.inc_value("frontier/queued" if added else "frontier/filtered")
        return added

    def next_request(self) -> Request | None:
        return self.frontier.take(self.spider)

    def __len__(self) -> int:
        return self.frontier.pending()


class RedisFrontier:
    """The shared frontier of a distributed crawl: scrapy-redis keeps the queue and this crawl's
    seen-set; the set of articles fetched by any crawl of the site lives beside them."""

    def __init__(self, url: str, site: str, crawl: str = "main"):
        import redis

        self.url, self.site, self.crawl = url, site, crawl
        self.server = redis.Redis.from_url(url, socket_connect_timeout=5)
        prefix = f"honours:{site}"
        self.articles, self.seen, self.queue = (
            f"{prefix}:articles",
            f"{prefix}:{crawl}:seen",
            f"{prefix}:{crawl}:requests",
        )

    def check(self) -> None:
        import redis

        try:
            self.server.ping()
        except (redis.RedisError, ValueError) as e:
            raise ConnectionError(f"cannot reach Redis at {self.url}: {e}") from None

    def again(self) -> RedisFrontier:
        return self

    def close(self) -> None:
        pass

    def done(self, fp: str, outcome: str, article: bool = False) -> None:
        if article:
            self.server.sadd(self.articles, fp)

    def known(self, fp: str) -> bool:
        return bool(self.server.sismember(self.articles, fp))

    def pending(self) -> int:
        return int(self.server.zcard(self.queue))


class RedisFilter(RFPDupeFilter):
    """scrapy-redis's duplicate filter keyed by our URL fingerprint, skipping articles that any
    earlier crawl of the site already fetched (DUPEFILTER_CLASS in --redis mode)."""

    @classmethod
    def from_spider(cls, spider):
        self = cls(spider.frontier.server, key=spider.frontier.seen)
        self.frontier = spider.frontier
        return self

    def request_fingerprint(self, request: Request) -> str:
        return fingerprint(request.url)

    def request_seen(self, request: Request) -> bool:
        fp = fingerprint(request.url)
        if request.meta.get("kind") != "list" and self.frontier.known(fp):
            return True
        return self.server.sadd(self.key, fp) == 0
