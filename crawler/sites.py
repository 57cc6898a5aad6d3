"""Sites as data: `crawler/sites/NAME.toml`, or an ad-hoc site built from the URLs given."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from errors import SiteError  # noqa: F401  (re-exported)

SITES_DIR = Path(__file__).resolve().parent / "sites"
FIELDS = {
    "name": "what the site is called in the archive and on the command line",
    "start_urls": "where the crawl begins (list pages: fetched again on every crawl)",
    "allowed_domains": "hosts the crawl may fetch from; nothing else is ever requested",
    "article_patterns": "regular expressions: URLs that are articles (fetched once, stored)",
    "list_patterns": "regular expressions: URLs of list and pagination pages (followed, not stored)",
    "language": "zh or vi: a hint recorded with the crawl",
    "region": "where the site's body sits (recorded with the crawl)",
    "keywords": "words in a link's text that make an article link come first",
    "depth": "how many links away from a start URL the crawl goes",
}


@dataclass(frozen=True)
class Site:
    name: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    article_patterns: tuple[re.Pattern, ...] = ()
    list_patterns: tuple[re.Pattern, ...] = ()
    language: str | None = None
    region: str | None = None
    keywords: tuple[str, ...] = field(
        default=("表彰", "表扬", "劳动模范", "先进", "好人", "tuyên dương", "khen")
    )
    depth: int = 8

    @property
    def adhoc(self) -> bool:
        """No patterns: every page on the host is followed and classified by its content."""
        return not (self.article_patterns or self.list_patterns)

    def kind(self, url: str) -> str | None:
        """article | list for URLs the site's patterns name; None for the rest (not followed)."""
        if self.adhoc:
            return "page"
        path = urlsplit(url)._replace(scheme="", netloc="").geturl()
        if any(p.search(path) for p in self.article_patterns):
            return "article"
        if any(p.search(path) for p in self.list_patterns) or url in self.start_urls:
            return "list"
        return None

    def allows(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)


def _url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SiteError(f"not an http(s) URL: {url!r}")
    return url


def adhoc(urls: list[str]) -> Site:
    """`honours crawl URL...`: stays on the hosts of the URLs given."""
    urls = [_url(u) for u in urls]
    hosts = tuple(dict.fromkeys(urlsplit(u).hostname.lower() for u in urls))
    return Site(name=hosts[0], start_urls=tuple(urls), allowed_domains=hosts)


def available(sites_dir: Path = SITES_DIR) -> list[str]:
    return sorted(p.stem for p in sites_dir.glob("*.toml"))


def load(name: str, sites_dir: Path = SITES_DIR) -> Site:
    path = sites_dir / f"{name}.toml"
    if not re.fullmatch(r"[\w.-]+", name) or not path.is_file():
        known = ", ".join(available(sites_dir)) or "none"
        raise SiteError(f"no site called {name!r} in {sites_dir} (known: {known})")
    try:
        with open(path, "rb") as f:
            raw = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise SiteError(f"{path}: {e}") from None
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise SiteError(f"{path}: unknown field {unknown[0]!r} (known: {', '.join(FIELDS)})")
    if not raw.get("start_urls"):
        raise SiteError(f"{path}: start_urls is missing")
    starts = tuple(_url(u) for u in raw["start_urls"])
    domains = tuple(raw.get("allowed_domains") or {urlsplit(u).hostname for u in starts})
    try:
        patterns = {
            k: tuple(re.compile(p) for p in raw.get(k, ())) for k in ("article_patterns", "list_patterns")
        }
    except re.error as e:
        raise SiteError(f"{path}: bad pattern {e.pattern!r}: {e}") from None
    extra = {k: raw[k] for k in ("language", "region", "depth") if k in raw}
    if "keywords" in raw:
        extra["keywords"] = tuple(raw["keywords"])
    return Site(name=raw.get("name", name), start_urls=starts, allowed_domains=domains, **patterns, **extra)
