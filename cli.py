"""The `honours` command: one thin command per library function.

Exit status: 0 success, 1 when some inputs failed (the others were processed), 2 on bad usage.
Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import config

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
SAMPLES = Path(__file__).resolve().parent / "data" / "samples"


class UsageError(Exception):
    """Bad usage or a bad query: exit status 2."""


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


def cmd_demo(args, settings: config.Settings) -> int:
    """Runs the pipeline over the bundled samples and prints what it found."""
    failed = 0
    print(f"Normalising and extracting the samples in {SAMPLES} ...\n")
    for rec in records([str(SAMPLES)], settings):
        if isinstance(rec, tuple):
            warn(f"{rec[0]}: {rec[1]}")
            failed += 1
            continue
        cleaned = ", ".join(f"{k} {v}" for k, v in rec["cleaning"].items() if v) or "nothing to clean"
        print(f"{Path(rec['source']).name}")
        print(f"  title      {rec['title']}")
        print(
            f"  language   {rec['lang']}{' / ' + rec['script'] if rec['script'] else ''}, published {rec['published'] or 'unknown'}"
        )
        print(f"  cleaned    {cleaned}")
        print(
            f"  honours    {'a commendation' if rec['is_commendation'] else 'not a commendation'}; {len(rec['text'])} characters of text\n"
        )
    return EXIT_SOME_FAILED if failed else EXIT_OK


def build_parser() -> Parser:
    parser = Parser(prog="honours", description="A searchable archive of commendation news.")
    parser.add_argument("--data-dir", help="archive directory (default data/archive)")
    parser.add_argument("--config", help="settings file (default ./honours.toml when present)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    p = sub.add_parser("extract", help="print one JSON record per input document")
    p.add_argument(
        "paths", nargs="+", metavar="FILE|DIR", help=".txt, .html/.htm, .warc/.warc.gz; directories recurse"
    )
    p.add_argument("--format", choices=("jsonl", "json"), default="jsonl")
    p.add_argument("--tokens", action="store_true", help="add word spans into the text")
    p.set_defaults(run=cmd_extract)

    p = sub.add_parser("demo", help="what `make demo` runs")
    p.set_defaults(run=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        settings = config.load(args.config, data_dir=args.data_dir)
        return args.run(args, settings)
    except (UsageError, config.ConfigError) as e:
        warn(str(e))
        return EXIT_USAGE
    except KeyboardInterrupt:
        warn("interrupted")
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (`| head`): not an error worth a message
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
