"""Crawl throughput: `honours crawl --impolite` against a generated site on a local server,
including normalise -> extract -> store -> index, with and without WARC writing, and a crawl that
only archives (fetch, frontier, WARC: what the crawler itself costs, the pages left for a later
`honours ingest DATA/warc/`).

    .venv/bin/python bench/crawl.py [--n 2000] [--work bench/out/crawl]

The site has N article pages (~2.5 KB of text each, the shapes bench/scale.py uses) behind list
pages of 50 links. Each crawl runs in its own process (Scrapy's reactor runs once per process)
into a fresh archive. Reports pages/s and articles/s end to end, what WARC writing costs, and CPU
time a page: the crawl process (of it the thread that stores) and the worker processes. On a
loaded machine the CPU figures are the ones to compare.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PER_LIST = 50


def page(title: str, body: str) -> str:
    paras = "".join(f"<p>{html.escape(line)}</p>\n" for line in body.splitlines() if line.strip())
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head><body><div class="article"><h1>{html.escape(title)}</h1>\n{paras}</div></body></html>'


def generate(root: Path, n: int) -> None:
    from scale import chinese, filler_lines, vietnamese

    rng, filler = random.Random(7), filler_lines()
    shutil.rmtree(root, ignore_errors=True)
    (root / "a").mkdir(parents=True)
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    lists = (n + PER_LIST - 1) // PER_LIST
    for i in range(n):
        text = vietnamese(rng, i) if i % 5 == 4 else chinese(rng, filler, i)
        title, body = text.split("\n", 1)
        (root / "a" / f"{i:06d}.html").write_text(page(title, body), encoding="utf-8")
    for k in range(lists):
        links = "".join(
            f'<li><a href="/a/{i:06d}.html">第{i}篇</a></li>'
            for i in range(k * PER_LIST, min(n, (k + 1) * PER_LIST))
        )
        more = f'<a href="/list_{k + 1}.html">下一页</a>' if k + 1 < lists else ""
        (root / f"list_{k}.html").write_text(
            f"<html><body><ul>{links}</ul>{more}</body></html>", encoding="utf-8"
        )
    pages = "".join(f'<a href="/list_{k}.html">{k + 1}</a> ' for k in range(lists))  # within the depth limit
    (root / "index.html").write_text(f"<html><body>{pages}</body></html>", encoding="utf-8")


def child(url: str, data: str, mode: str) -> None:
    """One crawl, in this process; prints its numbers as JSON."""
    import config
    from crawler import sites
    from crawler.run import Options, crawl

    settings = config.Settings(data_dir=Path(data))
    t, cpu = time.perf_counter(), time.process_time()
    out = crawl(
        settings,
        sites.adhoc([url]),
        Options(impolite=True, delay=0.0, warc=mode != "nowarc", process=mode != "archive"),
        notice=lambda m: None,
    )
    took, cpu = time.perf_counter() - t, time.process_time() - cpu
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's processes, joined by now
    responses = out.stats.get("downloader/response_count", 0)
    print(
        json.dumps(
            {
                "seconds": took,
                "responses": responses,
                "articles": out.report.new if out.report else out.stats.get("honours/articles/archived", 0),
                "cpu": cpu,
                "store_cpu": out.stats.get("honours/store_cpu_seconds", 0.0),
                "workers_cpu": workers.ru_utime + workers.ru_stime,
            }
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--work", default="bench/out/crawl")
    ap.add_argument("--child", nargs=3, metavar=("URL", "DATA", "MODE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(*args.child)
    from crawler.sample_site import SampleSite

    work = Path(args.work)
    generate(work / "site", args.n)
    server = SampleSite(work / "site").start()
    print(
        f"site: {args.n} articles + {(args.n + PER_LIST - 1) // PER_LIST} list pages at {server.url}",
        flush=True,
    )
    rows = {}
    for label, mode in (("with WARC", "warc"), ("without WARC", "nowarc"), ("archive only", "archive")):
        data = work / f"data-{mode}"
        shutil.rmtree(data, ignore_errors=True)
        done = subprocess.run(
            [sys.executable, __file__, "--child", server.url, str(data), mode],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            sys.exit(f"crawl failed: {done.stderr.strip().splitlines()[-1:]}")
        r = json.loads(done.stdout.strip().splitlines()[-1])
        rows[label] = r
        print(
            f"{label:13s} {r['responses']:6d} pages in {r['seconds']:6.1f} s = {r['responses'] / r['seconds']:6.1f} pages/s, {r['articles'] / r['seconds']:6.1f} articles/s {'archived' if mode == 'archive' else 'stored'}; CPU a page: crawl process {1000 * r['cpu'] / r['responses']:.1f} ms (storing {1000 * r['store_cpu'] / r['responses']:.1f}), workers {1000 * r['workers_cpu'] / r['responses']:.1f} ms",
            flush=True,
        )
    a, b = rows["with WARC"], rows["without WARC"]
    print(
        f"WARC writing costs {100 * (a['seconds'] - b['seconds']) / b['seconds']:+.1f} % of crawl time; {sum(p.stat().st_size for p in (work / 'data-warc' / 'warc').glob('*.gz')) / 1e6:.1f} MB of WARC"
    )
    server.shutdown()


if __name__ == "__main__":
    main()
