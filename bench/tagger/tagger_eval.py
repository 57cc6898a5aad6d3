"""Person names on UNER zh GSDSimp: the CRF tagger (extract/names_zh/crf.py), the rule-based
finder (extract/names_zh) and their combinations, entity-level P/R/F1 (exact character spans).

    .venv/bin/python bench/tagger/tagger_eval.py                # dev: every strategy, thresholds tuned on dev
    .venv/bin/python bench/tagger/tagger_eval.py --split test   # the same, then test once with dev's choices
    .venv/bin/python bench/tagger/tagger_eval.py --speed        # also chars/s on the seeds' news text
    .venv/bin/python bench/tagger/tagger_eval.py --model /tmp/m.crfsuite  # another model

Each strategy's thresholds are picked on dev, and so is the best strategy; test is only scored
with what dev picked. The last line is the finder itself (ChineseNameFinder.find): merge() with
the thresholds crf_keep / crf_add / crf_override of names_zh_weights.tsv and the rules' veto on
the tagger's spans (finder._may_be).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from names_zh_eval import score, uner_sentences  # noqa: E402
from ud import UNER  # noqa: E402

from extract.names_zh.crf import NameTagger, Reading, merge  # noqa: E402

Span = tuple[int, int]
Combine = Callable[[list[Span], Reading], list[Span]]
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
KEEPS = (0.0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2)


def strategies() -> dict[str, list[tuple[str, Combine]]]:
    """name -> its settings, each (label, combine(rule spans, tagger reading) -> spans)."""
    never = 2.0  # a threshold no probability reaches
    return {
        "rule finder alone": [("", lambda rule, r: rule)],
        "tagger alone": [(f"p>={t}", lambda rule, r, t=t: [s[:2] for s in r.spans(t)]) for t in THRESHOLDS],
        "union (rule first, tagger p>=0.5)": [("", lambda rule, r: merge(rule, r, 0.0, 0.5, never))],
        "rule + tagger spans above p": [
            (f"p>={t}", lambda rule, r, t=t: merge(rule, r, 0.0, t, never)) for t in THRESHOLDS
        ],
        "tagger overrides rule boundaries": [
            (f"p>={t}", lambda rule, r, t=t: merge(rule, r, 0.0, t, t)) for t in THRESHOLDS
        ],
        "rule p>=keep, tagger p>=add, p>=override": [
            (f"{k} / {a} / {o}", lambda rule, r, k=k, a=a, o=o: merge(rule, r, k, a, o))
            for k in KEEPS
            for a in THRESHOLDS
            for o in (*THRESHOLDS, never)
            if o >= a or o == never
        ],
    }


def readings(finder, tagger: NameTagger, split: str) -> list[tuple[list[Span], Reading, set[Span]]]:
    """Per sentence: the rule finder's spans, the tagger's reading and the gold spans."""
    sentences = uner_sentences(UNER / f"zh_gsdsimp-ud-{split}.iob2")
    return [(finder.find_by_rules(text), tagger.read(text), gold) for text, gold in sentences]


def evaluate(data, combine: Combine) -> tuple[float, float, float]:
    found = {k: combine(rule, reading) for k, (rule, reading, _) in enumerate(data)}
    return score(found.__getitem__, [(k, gold) for k, (_, _, gold) in enumerate(data)])


def rule_finder():
    """The rule-based finder, built as bench/names_zh_eval.py builds it (with jieba's tag hints)."""
    import rjieba

    from extract.names_zh import ChineseNameFinder
    from normalize.seg_zh import ChineseSegmenter

    return ChineseNameFinder(ChineseSegmenter().is_word, rjieba.Jieba().tag)  # with the tagger


def speed(tagger: NameTagger, finder, n: int = 1_000_000) -> None:
    """chars/s of the tagger, the finder and both, one article at a time, over n characters of the
    Chinese seeds' normalised text; CPU time of this process, so other work on the machine
    counts less."""
    from normalize.pipeline import Normalizer
    from normalize.sources import read_file

    seeds = Path(__file__).resolve().parents[2] / "tests" / "shared" / "seeds"
    norm = Normalizer()
    docs = [norm.normalize(read_file(p, 20_000_000)) for p in sorted(seeds.glob("*.txt"))]
    docs = [a.text for a in docs if a.lang == "zh"]
    articles = docs * (n // sum(map(len, docs)) + 1)
    total = sum(map(len, articles))
    for name, f in (
        ("tagger.tag", tagger.tag),
        ("finder.find_by_rules", finder.find_by_rules),
        ("finder.find (with the tagger)", finder.find),
    ):
        best = min(_cpu_time(f, articles) for _ in range(3))
        print(f"{name:<24}{total / best / 1e3:7.0f} k chars/s  (one article at a time, {total:,} chars)")


def _cpu_time(f, texts: list[str]) -> float:
    t0 = time.process_time()
    for text in texts:
        f(text)
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--model", type=Path, help="another CRF model (trained on train alone for dev)")
    args = ap.parse_args()
    finder = rule_finder()
    if args.model:
        finder.crf = NameTagger(args.model)
    tagger = finder.crf
    dev = readings(finder, tagger, "dev")
    test = readings(finder, tagger, "test") if args.split == "test" else None
    header = f"{'UNER zh_gsdsimp PER, exact span':<46}{'picked on dev':<26}dev P     R    F1"
    print(header + ("    test P     R    F1" if test else ""))
    best = ("", "", (0.0, 0.0, 0.0), None)
    for name, settings in strategies().items():
        label, combine, on_dev = max(
            ((lb, c, evaluate(dev, c)) for lb, c in settings), key=lambda x: (x[2][2], x[2][0])
        )
        line = f"{name:<46}{label:<26}" + "{:5.1f} {:5.1f} {:5.1f}".format(*on_dev)
        if test:
            line += "     {:5.1f} {:5.1f} {:5.1f}".format(*evaluate(test, combine))
        print(line)
        if on_dev[2] > best[2][2]:
            best = (name, label, on_dev, combine)
    print(f"best on dev: {best[0]} {best[1]}")
    line = f"{'ChineseNameFinder.find (rules, tagger, veto)':<46}{'names_zh_weights.tsv':<26}"
    line += "{:5.1f} {:5.1f} {:5.1f}".format(
        *score(finder.find, uner_sentences(UNER / "zh_gsdsimp-ud-dev.iob2"))
    )
    if test:
        line += "     {:5.1f} {:5.1f} {:5.1f}".format(
            *score(finder.find, uner_sentences(UNER / "zh_gsdsimp-ud-test.iob2"))
        )
    print(line)
    if args.speed:
        speed(tagger, finder)


if __name__ == "__main__":
    main()
