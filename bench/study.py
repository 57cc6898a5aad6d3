"""Extraction on real public pages nobody here tuned on (issue 11): score the study set by split.

    .venv/bin/python bench/study.py              # both splits, side by side
    .venv/bin/python bench/study.py --split dev  # the half rules may be tuned on
    .venv/bin/python bench/study.py --split dev --detail  # what each dev document missed
    .venv/bin/python bench/study.py --split dev --files 'zh_8[0-1]*'  # one batch of dev pages

The set is `bench/study/{zh,vi}_pages.tsv` (file, url, query, kind, split) and
`bench/study/gold_{zh,vi}.json` (our annotations, written before the extractor saw the pages).
The page texts are third-party and stay out of the repository: they live in the git-ignored
`bench/study/pages/`. Each page is the excerpt the `search` tool's stored-pages corpus returns for
the tsv's query at the tsv's URL (the web itself is out of reach here), so on a new machine the
pages are restored by running each query again and saving the excerpt of that URL.
Scores come from ../shared/tools/score_extract.py (tests/shared/tools when ../shared is absent).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STUDY = ROOT / "bench" / "study"
SCORER = next(
    p
    for p in (
        ROOT.parent / "shared" / "tools" / "score_extract.py",
        ROOT / "tests/shared/tools/score_extract.py",
    )
    if p.exists()
)
COMMENDATION_KEY = "is_commendation"


def study_set() -> tuple[dict[str, dict], dict[str, str]]:
    """Gold by file name, and each file's split."""
    gold, split = {}, {}
    for lang in ("zh", "vi"):
        tsv, gold_file = STUDY / f"{lang}_pages.tsv", STUDY / f"gold_{lang}.json"
        if not tsv.exists() or not gold_file.exists():
            continue
        with open(tsv, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                split[row["file"]] = row["split"]
        gold.update(
            {
                k: v
                for k, v in json.loads(gold_file.read_text(encoding="utf-8")).items()
                if not k.startswith("_")
            }
        )
    return gold, split


def dev_pages() -> list[tuple[str, dict]]:
    """(file, gold) of every dev page whose text is here (for the models of bench/tagger/); held-out
    rows are skipped unread."""
    gold, split = study_set()
    return [
        (name, gold[name])
        for name in sorted(gold, key=lambda n: (n[:2] != "zh", n))
        if split.get(name) == "dev" and (STUDY / "pages" / name).exists()
    ]


def extract(files: list[Path], out: Path) -> None:
    with open(out, "w", encoding="utf-8") as f:
        proc = subprocess.run(
            [sys.executable, "-m", "cli", "extract", *map(str, files), "--format", "jsonl"],
            cwd=ROOT,
            stdout=f,
            stderr=subprocess.PIPE,
            text=True,
        )
    for line in proc.stderr.splitlines():
        print(f"  ({line})", file=sys.stderr)


def score(gold: dict, records: Path, work: Path, name: str, detail: bool = False) -> dict[str, str]:
    gold_file = work / f"gold_{name}.json"
    gold_file.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold_file), str(records), *([] if detail else ["--quiet"])],
        capture_output=True,
        text=True,
    ).stdout
    if detail:
        print(out)
    values = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and "/" in parts[1]:
            values[parts[0]] = f"{parts[2]} ({parts[1]})"
        elif line.startswith("overall:"):
            values["overall"] = parts[1]
    return values


def non_commendations(gold: dict, records: Path) -> str:
    said = {}
    for line in records.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        said[Path(r["source"]).name] = r.get(COMMENDATION_KEY)
    wanted = [k for k, g in gold.items() if g.get(COMMENDATION_KEY) is False]
    right = sum(said.get(k) is False for k in wanted)
    return f"{right}/{len(wanted)}"


def chosen(name: str, files: str | None) -> bool:
    """Whether a page is in `--files`: any glob matches and no `!glob` does."""
    globs = (files or "*").split(",")
    keep = [g for g in globs if not g.startswith("!")] or ["*"]
    return any(fnmatch(name, g) for g in keep) and not any(
        fnmatch(name, g[1:]) for g in globs if g.startswith("!")
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "heldout", "both"), default="both")
    ap.add_argument("--detail", action="store_true", help="per-document misses (dev split only)")
    ap.add_argument(
        "--files",
        metavar="GLOB",
        help="only the pages whose file name matches (fnmatch; several globs comma-separated; !GLOB leaves out)",
    )
    args = ap.parse_args()
    if args.detail and args.split != "dev":
        ap.error("--detail shows what was missed document by document: only for --split dev")
    gold, split = study_set()
    pages = STUDY / "pages"
    missing = [f for f in gold if not (pages / f).exists()]
    if missing:
        print(
            f"{len(missing)} study pages are not in {pages} (restore them: the search tool's pages corpus, the tsv's query, the excerpt at its URL)"
        )
    splits = ("dev", "heldout") if args.split == "both" else (args.split,)
    table: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in splits:
            part = {
                k: g
                for k, g in gold.items()
                if split.get(k) == name and k not in missing and chosen(k, args.files)
            }
            records = work / f"{name}.jsonl"
            extract([pages / k for k in sorted(part)], records)
            table[name] = score(part, records, work, name, args.detail)
            table[name]["documents"] = str(len(part))
            table[name]["non-commendations right"] = non_commendations(part, records)
    areas = sorted({a for v in table.values() for a in v}, key=lambda a: (a != "documents", a))
    print("| area | " + " | ".join(splits) + " |")
    print("|---|" + "---|" * len(splits))
    for a in areas:
        print(f"| {a} | " + " | ".join(table[s].get(a, "") for s in splits) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
