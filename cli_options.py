"""The options of the `honours` command's parts (cli.py builds the parser from them): the global
options every command takes, the search filters, and the options of crawl, serve and the Dask
cluster."""

from __future__ import annotations

import argparse
import os

import argtypes


def add_global_options(p: argparse.ArgumentParser, after_command: bool) -> None:
    """The options every command takes, before or after its name (after wins when both are given)."""
    keep = {"default": argparse.SUPPRESS} if after_command else {}
    p.add_argument("--data-dir", help="archive directory (default data/archive)", **keep)
    p.add_argument("--config", help="settings file (default ./honours.toml when present)", **keep)
    p.add_argument(
        "--engine", choices=("whoosh", "tantivy"), help="the search index to build or read", **keep
    )
    p.add_argument(
        "--debug", action="store_true", help="log what happens, with tracebacks of internal errors", **keep
    )


def add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", help="person, collective, event, article (comma-separated)")
    p.add_argument("--lang", help="zh, vi or other")
    p.add_argument("--year", help="2023 or 2020..2023")
    p.add_argument("--place", help="a place name (盘龙区, Quang Trung)")
    p.add_argument("--honour", help="an honour title (劳动模范)")
    p.add_argument("--min-count", type=argtypes.count, help="events that honoured at least N (see --unit)")
    p.add_argument("--unit", help="person, collective or household, for --min-count")
    p.add_argument("--duplicates", action="store_true", help="show every repost, not one per cluster")
    p.add_argument("--relation", help="people of one relation: honouree, official, author, mentioned, all")
    p.add_argument("--level", help="honours of one level: national, provincial, prefecture, county, ...")


def crawl_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("urls", nargs="*", metavar="URL", help="ad-hoc crawl: stays on these URLs' hosts")
    p.add_argument("--site", help="a site from crawler/sites/ (or --sites-dir)")
    p.add_argument("--sites-dir", help="where site .toml files are (default crawler/sites)")
    p.add_argument("--resume", action="store_true", help="continue the last interrupted crawl of the site")
    p.add_argument(
        "--max-pages", type=argtypes.count, help="stop after this many responses (--resume continues)"
    )
    p.add_argument(
        "--delay", type=argtypes.seconds, default=1.0, help="seconds between requests to a site (default 1)"
    )
    p.add_argument(
        "--concurrency", type=argtypes.positive, default=2, help="requests in flight per site (default 2)"
    )
    p.add_argument(
        "--impolite",
        action="store_true",
        help="your own servers only: no delay, no AutoThrottle, no Crawl-delay",
    )
    p.add_argument(
        "--redis", metavar="redis://HOST:PORT", help="share the frontier with other crawl processes"
    )
    p.add_argument(
        "--crawl", default="main", help="with --redis: the crawl's name (a new name starts a new pass)"
    )
    p.add_argument(
        "--linger", type=argtypes.seconds, help="with --redis: seconds to wait for work before leaving (10)"
    )
    p.add_argument(
        "--archive-only",
        action="store_true",
        help="only write the pages to the WARC; `honours ingest DATA/warc/` processes them later",
    )
    p.add_argument("--verbose", action="store_true", help="show Scrapy's log")


def serve_options(p: argparse.ArgumentParser, demo: bool = False) -> None:
    p.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"
    )
    p.add_argument("--port", type=argtypes.port, default=8000, help="port of the web page (default 8000)")
    if demo:
        p.add_argument("--no-serve", action="store_true", help="stop after the searches")
    else:
        p.add_argument(
            "--processes",
            type=argtypes.positive,
            default=os.cpu_count() or 1,
            help="server processes, each answering on its own (default: one per core)",
        )


def cluster_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--cluster",
        metavar="tcp://HOST:8786",
        help="normalise and extract on the workers of this Dask scheduler (the store stays here)",
    )
