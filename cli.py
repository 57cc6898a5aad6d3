"""The `honours` command: argument parsing, and one thin call of a library function per command.

Exit status (README, "Exit status"): 0 success, 1 when some inputs failed (the others were
processed) or the archive could not do what was asked, 2 on bad usage or a bad query, 130 when
interrupted. Errors are one line on stderr, never a traceback (`--debug` shows it). Errors are
turned into exit codes in one place, `main`, from the error's own `exit_code` (errors.py).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
from collections.abc import Iterable
from pathlib import Path

import argtypes
import cli_options as options
import config
from argtypes import MAX_LIMIT, MAX_OFFSET  # hits a search prints at once; how deep it may page
from errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, HonoursError, UsageError

log = logging.getLogger("honours")


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


def print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=1))


def open_archive(settings: config.Settings, create: bool = False):
    from index.archive import Archive

    return Archive(settings, notice=warn, progress=progress, create=create)


def failures(report) -> int:
    for where, reason in report.failed:
        warn(f"{where}: {reason}")
    return EXIT_SOME_FAILED if report.failed else EXIT_OK


# --- the commands ----------------------------------------------------------------------------------


def cmd_extract(args, settings: config.Settings) -> int:
    from extract.stream import Failed, records

    failed, out = 0, []
    for rec in progress(records(args.paths, settings, args.tokens), desc="extract"):
        if isinstance(rec, Failed):
            warn(f"{rec.where}: {rec.reason}")
            failed += 1
        elif args.format == "json":
            out.append(rec)
        else:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if args.format == "json":
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_ingest(args, settings: config.Settings) -> int:
    settings = settings.replace(cluster=args.cluster)
    with open_archive(settings, create=True) as archive:
        report = archive.ingest(args.paths)
    print(f"ingested into {settings.data_dir}: {report.summary()}")
    return failures(report)


def cmd_reprocess(args, settings: config.Settings) -> int:
    settings = settings.replace(cluster=args.cluster)
    with open_archive(settings) as archive:
        report = archive.reprocess()
    print(f"reprocessed from raw bytes: {report.summary()}")
    return failures(report)


def cmd_reindex(args, settings: config.Settings) -> int:
    from textout import plural

    with open_archive(settings) as archive, archive.lock():
        n = archive.reindex()
    print(f"rebuilt the {settings.engine} index from the store: {plural(n, 'article')}")
    return EXIT_OK


def cmd_crawl(args, settings: config.Settings) -> int:
    from crawler import sites
    from crawler.run import Options, crawl

    if bool(args.site) == bool(args.urls):
        raise UsageError("give either --site NAME or one or more URLs")
    sites_dir = Path(args.sites_dir) if args.sites_dir else sites.SITES_DIR
    site = sites.load(args.site, sites_dir) if args.site else sites.adhoc(args.urls)
    names = ("resume", "max_pages", "delay", "concurrency", "impolite", "redis", "crawl", "verbose", "linger")
    opts = Options(**{k: getattr(args, k) for k in names if getattr(args, k) is not None})
    opts = dataclasses.replace(opts, process=not args.archive_only)
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


FILTERS = ("kind", "lang", "year", "place", "honour", "min_count", "unit", "duplicates", "relation", "level")


def query_from(args):
    from index.query import parse

    filters = {k: getattr(args, k, None) for k in FILTERS}
    if filters.get("min_count") is not None and not filters.get("unit"):
        filters.pop("unit")
    return parse(args.query or "", **filters)


def cmd_search(args, settings: config.Settings) -> int:
    from index.search import search
    from textout import print_hits

    q = query_from(args)
    with open_archive(settings) as archive:
        found = search(archive, q, limit=args.limit, offset=args.offset)
    print_json(found) if args.json else print_hits(found)
    return EXIT_OK


def cmd_person(args, settings: config.Settings) -> int:
    from index.dossier import dossier
    from textout import print_dossier

    with open_archive(settings) as archive:
        found = dossier(archive, args.name)
    print_json(found) if args.json else print_dossier(args.name, found)
    return EXIT_OK


def cmd_export(args, settings: config.Settings) -> int:
    from errors import ExportError
    from index.export import export

    target = Path(args.output)
    if not target.parent.is_dir():  # before opening anything: nothing is written
        raise ExportError(f"cannot export to {target}: the directory {target.parent} does not exist")
    filtered = args.query or any(getattr(args, k, None) for k in FILTERS if k != "unit")
    with open_archive(settings) as archive:
        manifest = export(
            archive, args.format, target, query_from(args) if filtered else None, args.all_reposts
        )
    counts = manifest["counts"]
    print(
        f"wrote {target} ({counts['articles']} articles, {counts['rows']} rows) and {target.name}.manifest.json"
    )
    return EXIT_OK


def cmd_check(args, settings: config.Settings) -> int:
    from index.check import check, read_rows, write_report

    rows = read_rows(Path(args.names).read_bytes())
    with open_archive(settings) as archive:
        findings = check(archive, rows, threads=min(settings.workers, os.cpu_count() or 1))
    write_report(findings, Path(args.output) if args.output else None, sys.stdout)
    bad = [f for f in findings if f.status == "bad"]
    for f in bad:
        warn(f"{args.names}:{f.line}: {f.reason}")
    return EXIT_SOME_FAILED if bad else EXIT_OK


def cmd_serve(args, settings: config.Settings) -> int:
    import search_app

    return search_app.serve(settings, args.host, args.port, getattr(args, "processes", 1))


def cmd_stats(args, settings: config.Settings) -> int:
    from textout import print_stats

    with open_archive(settings) as archive:
        stats = archive.stats()
    print_json(stats) if args.json else print_stats(stats)
    return EXIT_OK


def cmd_demo(args, settings: config.Settings) -> int:
    """Serves the sample site, crawls it into the archive, shows searches, then serves the web page."""
    import demo

    fatal = demo.crawl_sample(settings, notice=warn)
    if fatal:
        warn(fatal)
        return EXIT_SOME_FAILED
    with open_archive(settings) as archive:
        demo.show_searches(archive)
    if args.no_serve:
        return EXIT_OK
    print()
    return cmd_serve(args, settings)


# --- the parser ------------------------------------------------------------------------------------


def build_parser() -> Parser:
    parser = Parser(prog="honours", description="A searchable archive of commendation news.")
    options.add_global_options(parser, after_command=False)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    def command(name: str, run, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        options.add_global_options(p, after_command=True)
        p.set_defaults(run=run)
        return p

    p = command("extract", cmd_extract, "print one JSON record per input document")
    p.add_argument(
        "paths", nargs="+", metavar="FILE|DIR", help=".txt, .html/.htm, .warc/.warc.gz; directories recurse"
    )
    p.add_argument("--format", choices=("jsonl", "json"), default="jsonl")
    p.add_argument("--tokens", action="store_true", help="add word spans into the text")

    p = command("ingest", cmd_ingest, "normalise, extract, store and index files, directories, WARCs")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR")
    options.cluster_option(p)

    options.crawl_options(
        command("crawl", cmd_crawl, "crawl a configured site (--site) or the site of some URLs")
    )
    options.cluster_option(
        command("reprocess", cmd_reprocess, "normalise and extract every article again from its raw bytes")
    )
    command("reindex", cmd_reindex, "rebuild the search index from the store")

    p = command("search", cmd_search, "search people, collectives, events and articles")
    p.add_argument("query", nargs="?", default="", help='words, "phrases", -excluded, OR, ( ), field:value')
    options.add_filters(p)
    p.add_argument(
        "--limit", type=argtypes.limit, default=20, help=f"hits to show (default 20, at most {MAX_LIMIT})"
    )
    p.add_argument("--offset", type=argtypes.offset, default=0, help=f"hits to skip (at most {MAX_OFFSET})")
    p.add_argument("--json", action="store_true")

    p = command("person", cmd_person, "every honour of one person, with evidence")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")

    p = command("export", cmd_export, "write the archive, or a query's results, for research")
    p.add_argument("--format", choices=("jsonl", "csv", "vert", "parquet"), required=True)
    p.add_argument("--query", default="", help="export only what this query finds")
    p.add_argument(
        "--all-reposts", action="store_true", help="honour rows of every repost, not one per cluster"
    )
    options.add_filters(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE")

    p = command(
        "check", cmd_check, "vet a candidate list (name[,unit[,title]] per line) against past honours"
    )
    p.add_argument("names", metavar="NAMES.csv|txt")
    p.add_argument(
        "-o", "--output", metavar="REPORT.csv", help="write the report here (default: standard output)"
    )

    p = command("stats", cmd_stats, "what the archive holds, and the health of its index")
    p.add_argument("--json", action="store_true")

    options.serve_options(command("serve", cmd_serve, "the search web page and its JSON API (read-only)"))
    options.serve_options(
        command("demo", cmd_demo, "what `make demo` runs: crawl the sample site, search it, serve the page"),
        demo=True,
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    if debug:  # the libraries' loggers, tracebacks included, on stderr
        logging.basicConfig(level=logging.DEBUG, format="honours: %(name)s: %(message)s")
    else:  # one-line messages only: no logging output, not even Python's last-resort handler
        logging.basicConfig(handlers=[logging.NullHandler()])
    try:
        args = build_parser().parse_args(argv)
        settings = config.load(args.config, data_dir=args.data_dir, engine=args.engine)
        log.debug("%s with %s", args.command, settings)
        return args.run(args, settings)
    except HonoursError as e:
        warn(str(e))
        return e.exit_code
    except KeyboardInterrupt:
        warn("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (`| head`): not an error worth a message
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as e:
        log.debug("failed", exc_info=True)
        if e.errno == 28:
            warn(
                f"the disk is full ({e.filename or 'no space left on device'}); nothing was lost, free space and run again"
            )
        else:
            warn(f"{e.filename or 'input/output'}: {e.strerror or e}")
        return EXIT_SOME_FAILED
    except Exception as e:
        log.critical("internal error", exc_info=debug)
        warn(f"internal error ({type(e).__name__}: {e}); please report it (--debug shows where)")
        return EXIT_SOME_FAILED


if __name__ == "__main__":
    sys.exit(main())
