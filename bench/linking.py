"""Precision and recall of "same person" when mentions are linked across articles (index/linking.py).

    .venv/bin/python bench/linking.py [--persons N] [--seed S]

Ingests invented decisions whose persons are known (tests/index/linking_cases.py) and the
hand-labelled gold documents with their follow-ups into temporary archives, and scores every two
mentions of one name in two articles. Run by hand; tests/index/test_linking.py holds the floors.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "index"))

from linking_cases import generate, hand_labelled, pairs, precision_recall  # noqa: E402

import config  # noqa: E402
from index.archive import Archive  # noqa: E402


def measure(build, tmp: Path) -> tuple[list, float]:
    pages = tmp / "pages"
    pages.mkdir()
    truth = build(pages)
    started = time.perf_counter()
    with Archive(config.Settings(data_dir=tmp / "data")) as archive:
        report = archive.ingest([str(pages)])
        assert not report.failed, report.failed
        return pairs(archive.store, truth), time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--persons", type=int, default=120)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    sets = {
        f"generated (seed {args.seed}, {args.persons} persons)": lambda d: generate(
            d, args.seed, args.persons
        ),
        "hand-labelled (gold + follow-ups)": hand_labelled,
    }
    print(f"{'set':44} {'pairs':>6} {'same':>5} {'precision':>9} {'recall':>7} {'ingest s':>8}")
    for label, build in sets.items():
        with tempfile.TemporaryDirectory() as tmp:
            scored, seconds = measure(build, Path(tmp))
        p, r = precision_recall(scored)
        print(f"{label:44} {len(scored):6} {sum(t for t, _ in scored):5} {p:9.3f} {r:7.3f} {seconds:8.1f}")


if __name__ == "__main__":
    main()
