"""CPU time of person linking per round, ingesting more generated articles into a copy of an archive.

    .venv/bin/python bench/link_rounds.py ARCHIVE_DATA_DIR [--n 1500] [--every 250] [--work DIR]

Copies the archive (e.g. the 10 k one `bench/scale.py --keep` leaves), generates `--n` articles
as bench/scale.py does (another seed, so their names recur in the archive), ingests them with an
index round every `--every` articles and prints the main process's CPU time in `linking.link` for
each round: the first reads the names it meets from the store, the later ones are what a long
ingest pays per round. Run by hand (issue 15); the tests check the links, not the time.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import scale  # noqa: E402

import config  # noqa: E402
from index import linking  # noqa: E402
from index.archive import Archive  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--n", type=int, default=1500)
    ap.add_argument("--every", type=int, default=250)
    ap.add_argument("--work", type=Path)
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="link_rounds-"))
    shutil.rmtree(work / "data", ignore_errors=True)
    shutil.copytree(args.data, work / "data")
    pages = work / "pages"
    if not pages.exists():
        pages.mkdir(parents=True)
        scale.generate(pages, args.n, seed=7)
    rounds: list[float] = []
    real = linking.link

    def timed(*a, **k):
        start = time.process_time()
        try:
            return real(*a, **k)
        finally:
            rounds.append(time.process_time() - start)

    linking.link = timed
    archive = Archive(config.Settings(data_dir=work / "data", index_every=args.every))
    wall = time.time()
    archive.ingest([str(p) for p in sorted(pages.rglob("*")) if p.is_file()])
    archive.close()
    print(f"{args.n} articles in {time.time() - wall:.0f} s; linking CPU per round (s):")
    print(" ".join(f"{r:.2f}" for r in rounds), f"(total {sum(rounds):.1f} s)")


if __name__ == "__main__":
    main()
