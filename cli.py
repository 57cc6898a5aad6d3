"""The `honours` command: one thin command per library function.

Exit status: 0 success, 1 when some inputs failed (the others were processed), 2 on bad usage.
Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import config
from errors import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, UsageError


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def warn(message: str) -> None:
    print(f"honours: {message}", file=sys.stderr, flush=True)


def progress(items: Iterable, total: int | None = None, desc: str = "") -> Iterable:
    """A progress bar on stderr when it is a terminal; the items unchanged otherwise."""
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="doc", leave=False)


def records(
    paths: list[str], settings: config.Settings, tokens: bool = False
) -> Iterator[dict | tuple[str, str]]:
    """Each input's record, or (where, reason) for an input that failed."""
    from extract import Extractor, record
    from normalize.pipeline import Normalizer
    from normalize.records import InputError
    from normalize.sources import Failure, sources

    normalizer = Normalizer(settings)
    extractor = Extractor(normalizer.segmenters("zh"))
    for item in sources(paths, settings.max_bytes):
        if isinstance(item, Failure):
            yield item.where, item.reason
            continue
        where = item.warc or item.uri
        try:
            article = normalizer.normalize(item)
            yield record(article, extractor.extract(article), tokens)
        except InputError as e:
            yield where, str(e)
        except Exception as e:  # a bug must not stop the other inputs, nor print a traceback
            yield where, f"internal error ({type(e).__name__}: {e})"


def cmd_extract(args, settings: config.Settings) -> int:
    failed = 0
    out = []
    for rec in progress(records(args.paths, settings, args.tokens), desc="extract"):
        if isinstance(rec, tuple):
            warn(f"{rec[0]}: {rec[1]}")
            failed += 1
        elif args.format == "json":
            out.append(rec)
        else:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if args.format == "json":
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return EXIT_SOME_FAILED if failed else EXIT_OK


DEMO_SEARCHES = [  # (what it shows, query, filters)
    ("a person, with her role and unit", "王芳", {"kind": "person"}),
    ("the same name typed in pinyin", "wang fang", {"kind": "person"}),
    ("Vietnamese without diacritics", "nguyen thi hoa", {"kind": "person"}),
    ("events that honoured at least 10 people", "", {"kind": "event", "min_count": 10, "unit": "person"}),
]


def cmd_demo(args, settings: config.Settings) -> int:
    """Serves the sample site, crawls it into the archive, shows searches, then serves the web page."""
    import dataclasses

    from crawler import sites
    from crawler.run import Options, crawl
    from crawler.sample_site import SampleSite
    from index.query import parse
    from index.search import search

    try:
        server = SampleSite(port=8765).start()
    except OSError:  # the port is taken (another demo?): any free one will do
        server = SampleSite().start()
    site = dataclasses.replace(sites.load("sample"), start_urls=(server.url,))
    print(f"Serving the sample site at {server.url}; crawling it into {settings.data_dir} ...\n")
    outcome = crawl(settings, site, Options(delay=0.0), notice=warn)  # robots.txt's Crawl-delay still applies
    server.shutdown()
    server.server_close()
    for line in outcome.summary():
        print(line)
    if outcome.fatal:
        warn(outcome.fatal)
        return EXIT_SOME_FAILED
    with open_archive(settings) as archive:
        for what, text, filters in DEMO_SEARCHES:
            shown = " ".join(
                [f"honours search {text!r}" if text else "honours search"]
                + [f"--{k.replace('_', '-')} {v}" for k, v in filters.items()]
            )
            print(f"\n$ {shown}    # {what}")
            print_hits(search(archive, parse(text, **filters), limit=3))
    if args.no_serve:
        return EXIT_OK
    print()
    return cmd_serve(args, settings)


# --- the archive -------------------------------------------------------------------------------------


def open_archive(settings: config.Settings, create: bool = False):
    from index.archive import Archive

    return Archive(settings, notice=warn, progress=progress, create=create)


def _failures(report) -> int:
    for where, reason in report.failed:
        warn(f"{where}: {reason}")
    return EXIT_SOME_FAILED if report.failed else EXIT_OK


def cmd_ingest(args, settings: config.Settings) -> int:
    with open_archive(settings, create=True) as archive:
        report = archive.ingest(args.paths)
    print(f"ingested into {settings.data_dir}: {report.summary()}")
    return _failures(report)


def cmd_reprocess(args, settings: config.Settings) -> int:
    with open_archive(settings) as archive:
        report = archive.reprocess()
    print(f"reprocessed from raw bytes: {report.summary()}")
    return _failures(report)


def cmd_reindex(args, settings: config.Settings) -> int:
    with open_archive(settings) as archive, archive.lock():
        n = archive.reindex()
    print(f"rebuilt the {settings.engine} index from the store: {n} articles")
    return EXIT_OK


def cmd_crawl(args, settings: config.Settings) -> int:
    from crawler import sites
    from crawler.run import Options, crawl

    sites_dir = Path(args.sites_dir) if args.sites_dir else sites.SITES_DIR
    if bool(args.site) == bool(args.urls):
        raise UsageError("give either --site NAME or one or more URLs")
    try:
        site = sites.load(args.site, sites_dir) if args.site else sites.adhoc(args.urls)
    except sites.SiteError as e:
        raise UsageError(str(e)) from None
    opts = Options(
        resume=args.resume,
        max_pages=args.max_pages,
        delay=args.delay,
        concurrency=args.concurrency,
        impolite=args.impolite,
        redis=args.redis,
        crawl=args.crawl,
        verbose=args.verbose,
        **({"linger": args.linger} if args.linger is not None else {}),
    )
    try:
        outcome = crawl(settings, site, opts, notice=warn)
    except ConnectionError as e:
        warn(str(e))
        return EXIT_SOME_FAILED
    for line in outcome.summary():
        print(line)
    if outcome.fatal:
        warn(outcome.fatal)
        return EXIT_SOME_FAILED
    return EXIT_OK


def query_from(args):
    from index.query import parse

    filters = {
        k: getattr(args, k, None)
        for k in ("kind", "lang", "year", "place", "honour", "min_count", "unit", "duplicates")
    }
    if filters.get("min_count") is not None and not filters.get("unit"):
        filters.pop("unit")
    return parse(args.query or "", **filters)


def cmd_search(args, settings: config.Settings) -> int:
    from index.search import search

    q = query_from(args)
    with open_archive(settings) as archive:
        found = search(archive, q, limit=args.limit, offset=args.offset)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        print_hits(found)
    return EXIT_OK


def _marked(item: dict) -> str:
    text, shift = item["snippet"], item.get("offset", 0)
    bold = sys.stdout.isatty()
    for a, b in reversed(item["highlights"]):
        a, b = a + shift, b + shift
        text = text[:a] + ("\033[1m" if bold else "[") + text[a:b] + ("\033[0m" if bold else "]") + text[b:]
    return text


def print_hits(found: dict) -> None:
    q = found["query"]
    shown = " ".join(q["text"]) or "everything"
    print(
        f"{found['total']} results for {shown}"
        + "".join(f", {k} {v}" for k, v in q.items() if k not in ("text", "not") and v)
    )
    for k, v in found.get("interpreted", {}).items():
        print(f"  (read {k} as {v})")
    for i, h in enumerate(found["hits"], 1):
        if h["kind"] == "article":
            head = h["title"]
        else:
            bits = [
                h.get("role"),
                h.get("org"),
                h.get("honour"),
                str(h["year"]) if h.get("year") else None,
                h.get("relation"),
            ]
            head = f"{h['name']} — " + ", ".join(b for b in bits if b)
        print(f"{i:3d}. [{h['kind']}] {head}")
        print(f"     {_marked(h)}")
        print(f"     {h['published'] or ''} {h['source']}")
    for name, counts in found.get("facets", {}).items():
        if counts:
            print(f"  {name}: " + " · ".join(f"{k} ({v})" for k, v in list(counts.items())[:8]))


def cmd_person(args, settings: config.Settings) -> int:
    from index.dossier import dossier

    with open_archive(settings) as archive:
        found = dossier(archive, args.name)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return EXIT_OK
    if not found["people"]:
        print(f"nobody called {args.name} in the archive")
    for p in found["people"]:
        where = (
            ", ".join(p["orgs"] + [x for x in p["places"] if x not in p["orgs"]]) or "no organisation given"
        )
        print(f"{p['name']} ({where}): {len(p['honours'])} mention(s)")
        for h in p["honours"]:
            what = h["honour"] or h["relation"]
            print(f"  {h['year'] or '????'}  {what}  {h['role'] or ''}".rstrip())
            print(f"        {h['evidence']}")
            print(f"        {h['title']} — {h['source']}")
    return EXIT_OK


def cmd_export(args, settings: config.Settings) -> int:
    from index.export import ExportError, export

    target = Path(args.output)
    if not target.parent.is_dir():  # before opening anything: nothing is written
        raise ExportError(f"cannot export to {target}: the directory {target.parent} does not exist")
    q = (
        query_from(args)
        if (
            args.query
            or any(getattr(args, k, None) for k in ("kind", "lang", "year", "place", "honour", "min_count"))
        )
        else None
    )
    with open_archive(settings) as archive:
        manifest = export(archive, args.format, target, q)
    print(
        f"wrote {target} ({manifest['counts']['articles']} articles, {manifest['counts']['rows']} rows) and {target.name}.manifest.json"
    )
    return EXIT_OK


def cmd_serve(args, settings: config.Settings) -> int:
    import search_app

    return search_app.serve(settings, args.host, args.port, getattr(args, "processes", 1))


def cmd_stats(args, settings: config.Settings) -> int:
    with open_archive(settings) as archive:
        stats = archive.stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=1))
    else:
        for k, v in stats.items():
            print(f"{k:14s} {v}")
    return EXIT_OK


def add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", help="person, collective, event, article (comma-separated)")
    p.add_argument("--lang", help="zh, vi or other")
    p.add_argument("--year", help="2023 or 2020..2023")
    p.add_argument("--place", help="a place name (盘龙区, Quang Trung)")
    p.add_argument("--honour", help="an honour title (劳动模范)")
    p.add_argument("--min-count", type=_count, help="events that honoured at least N (see --unit)")
    p.add_argument("--unit", help="person, collective or household, for --min-count")
    p.add_argument("--duplicates", action="store_true", help="show every repost, not one per cluster")


def _count(value: str, least: int = 0) -> int:
    try:
        number = int(value)
    except ValueError:
        number = least - 1
    if number < least:
        raise argparse.ArgumentTypeError(f"must be a whole number from {least}, not {value!r}")
    return number


def _positive(value: str) -> int:
    return _count(value, least=1)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1
    if not 0 <= seconds <= 3600:
        raise argparse.ArgumentTypeError(f"must be a number of seconds from 0 to 3600, not {value!r}")
    return seconds


def build_parser() -> Parser:
    parser = Parser(prog="honours", description="A searchable archive of commendation news.")
    parser.add_argument("--data-dir", help="archive directory (default data/archive)")
    parser.add_argument("--config", help="settings file (default ./honours.toml when present)")
    parser.add_argument("--engine", choices=("whoosh", "tantivy"), help="the search index to build or read")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    p = sub.add_parser("extract", help="print one JSON record per input document")
    p.add_argument(
        "paths", nargs="+", metavar="FILE|DIR", help=".txt, .html/.htm, .warc/.warc.gz; directories recurse"
    )
    p.add_argument("--format", choices=("jsonl", "json"), default="jsonl")
    p.add_argument("--tokens", action="store_true", help="add word spans into the text")
    p.set_defaults(run=cmd_extract)

    p = sub.add_parser("ingest", help="normalise, extract, store and index files, directories, WARCs")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR")
    p.set_defaults(run=cmd_ingest)

    p = sub.add_parser(
        "crawl", help="crawl a configured site (--site) or the site of some URLs, into the archive"
    )
    p.add_argument("urls", nargs="*", metavar="URL", help="ad-hoc crawl: stays on these URLs' hosts")
    p.add_argument("--site", help="a site from crawler/sites/ (or --sites-dir)")
    p.add_argument("--sites-dir", help="where site .toml files are (default crawler/sites)")
    p.add_argument("--resume", action="store_true", help="continue the last interrupted crawl of the site")
    p.add_argument("--max-pages", type=_count, help="stop after this many responses (--resume continues)")
    p.add_argument(
        "--delay", type=_seconds, default=1.0, help="seconds between requests to a site (default 1)"
    )
    p.add_argument("--concurrency", type=_positive, default=2, help="requests in flight per site (default 2)")
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
        "--linger", type=_seconds, help="with --redis: seconds to wait for work before leaving (10)"
    )
    p.add_argument("--verbose", action="store_true", help="show Scrapy's log")
    p.set_defaults(run=cmd_crawl)

    p = sub.add_parser("reprocess", help="normalise and extract every article again from its raw bytes")
    p.set_defaults(run=cmd_reprocess)

    p = sub.add_parser("reindex", help="rebuild the search index from the store")
    p.set_defaults(run=cmd_reindex)

    p = sub.add_parser("search", help="search people, collectives, events and articles")
    p.add_argument("query", nargs="?", default="", help='words, "phrases", -excluded, field:value')
    add_filters(p)
    p.add_argument("--limit", type=_count, default=20)
    p.add_argument("--offset", type=_count, default=0)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("person", help="every honour of one person, with evidence")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_person)

    p = sub.add_parser("export", help="write the archive, or a query's results, for research")
    p.add_argument("--format", choices=("jsonl", "csv", "vert"), required=True)
    p.add_argument("--query", default="", help="export only what this query finds")
    add_filters(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("stats", help="what the archive holds")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_stats)

    p = sub.add_parser("serve", help="the search web page and its JSON API (read-only)")
    p.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"
    )
    p.add_argument("--port", type=_count, default=8000)
    p.add_argument(
        "--processes", type=_positive, default=1, help="server processes (more answer more at once)"
    )
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("demo", help="what `make demo` runs: crawl the sample site, search it, serve the page")
    p.add_argument("--host", default="127.0.0.1", help="address the web page binds (default 127.0.0.1)")
    p.add_argument("--port", type=_count, default=8000, help="port of the web page (default 8000)")
    p.add_argument("--no-serve", action="store_true", help="stop after the searches")
    p.set_defaults(run=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        settings = config.load(args.config, data_dir=args.data_dir, engine=args.engine)
        return args.run(args, settings)
    except (UsageError, config.ConfigError) as e:
        warn(str(e))
        return EXIT_USAGE
    except KeyboardInterrupt:
        warn("interrupted")
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): not an error worth a message
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as e:
        return _known_error(e)


def _known_error(e: Exception) -> int:
    """Errors the archive reports in words: bad queries and export targets (2), store and index (1)."""
    from index.engine import EngineError
    from index.export import ExportError
    from index.query import QueryError
    from index.store import StoreError

    if isinstance(e, (QueryError, ExportError)):
        warn(str(e))
        return EXIT_USAGE
    if isinstance(e, (StoreError, EngineError)):
        warn(str(e))
        return EXIT_SOME_FAILED
    if isinstance(e, OSError) and e.errno == 28:
        warn(
            f"the disk is full ({e.filename or 'no space left on device'}); nothing was lost, free space and run again"
        )
        return EXIT_SOME_FAILED
    warn(f"internal error ({type(e).__name__}: {e}); please report it")  # never a traceback
    return EXIT_SOME_FAILED


if __name__ == "__main__":
    sys.exit(main())
