"""How long `honours check` takes for a list of candidates against an existing archive (issue 13's
target: 200 names against the 100 k-article archive in under 2 s).

    .venv/bin/python bench/check.py --data-dir bench/out/scale/data   # the archive bench/scale.py --keep leaves
    .venv/bin/python bench/check.py --data-dir data/archive --names 200

The list is half names of honoured people found in the archive, half invented names.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import config  # noqa: E402
from index.archive import Archive  # noqa: E402
from index.check import Candidate, check  # noqa: E402
from index.query import parse  # noqa: E402
from index.search import search  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--names", type=int, default=200)
    args = ap.parse_args()
    with Archive(config.Settings(data_dir=Path(args.data_dir))) as archive:
        hits = search(archive, parse("", kind="person"), limit=args.names * 2)["hits"]
        known = list(dict.fromkeys(h["name"] for h in hits))[: args.names // 2]
        rng = random.Random(7)
        invented = ["".join(rng.sample("甄郗祁慕容鲜于闻人殳甫", 3)) for _ in range(args.names - len(known))]
        rows = [Candidate(i + 1, n) for i, n in enumerate(known + invented)]
        t, cpu = time.perf_counter(), time.process_time()
        findings = check(
            archive, rows, threads=min(archive.settings.workers, os.cpu_count() or 1)
        )  # as `honours check`
        took, cpu = time.perf_counter() - t, time.process_time() - cpu
        live = archive.stats()["articles"]
    honoured = sum(f.status == "honoured" for f in findings)
    print(f"{len(rows)} names ({honoured} honoured) against {live} articles: {took:.2f} s ({cpu:.2f} s CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
