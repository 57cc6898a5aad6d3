"""`honours demo` (what `make demo` runs): serve the sample site, crawl it into the archive, search it."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from typing import TextIO

from config import Settings

SEARCHES = [  # (what it shows, query, filters)
    ("a person, with her role and unit", "王芳", {"kind": "person"}),
    ("the same name typed in pinyin", "wang fang", {"kind": "person"}),
    ("Vietnamese without diacritics", "nguyen thi hoa", {"kind": "person"}),
    ("events that honoured at least 10 people", "", {"kind": "event", "min_count": 10, "unit": "person"}),
]


def crawl_sample(settings: Settings, notice: Callable[[str], None], out: TextIO = sys.stdout) -> str | None:
    """Serves the sample site on a local port and crawls it into the archive; the fatal error or None."""
    from crawler import sites
    from crawler.run import Options, crawl
    from crawler.sample_site import SampleSite

    try:
        server = SampleSite(port=8765).start()
    except OSError:  # the port is taken (another demo?): any free one will do
        server = SampleSite().start()
    site = dataclasses.replace(sites.load("sample"), start_urls=(server.url,))
    print(f"Serving the sample site at {server.url}; crawling it into {settings.data_dir} ...\n", file=out)
    try:
        outcome = crawl(
            settings, site, Options(delay=0.0), notice=notice
        )  # robots.txt's Crawl-delay still applies
    finally:
        server.shutdown()
        server.server_close()
    for line in outcome.summary():
        print(line, file=out)
    return outcome.fatal


def show_searches(archive, out: TextIO = sys.stdout) -> None:
    from index.query import parse
    from index.search import search
    from textout import print_hits

    for what, text, filters in SEARCHES:
        shown = " ".join(
            [f"honours search {text!r}" if text else "honours search"]
            + [f"--{k.replace('_', '-')} {v}" for k, v in filters.items()]
        )
        print(f"\n$ {shown}    # {what}", file=out)
        print_hits(search(archive, parse(text, **filters), limit=3), out)
