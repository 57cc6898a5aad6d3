"""Person-name accuracy of the Chinese name finder on UNER (Universal NER) Chinese GSDSimp test.

    .venv/bin/python bench/names_zh_eval.py            # P/R/F1 of ours and of jieba's nr tags
    .venv/bin/python bench/names_zh_eval.py --dev      # the same on dev (tune there, not on test)
    .venv/bin/python bench/names_zh_eval.py --errors   # also list misses and false names
    .venv/bin/python bench/names_zh_eval.py --speed    # also chars/s of find on the seeds' news text
    .venv/bin/python bench/names_zh_eval.py --dev --model /tmp/m.crfsuite  # another CRF model

The shipped model is trained on train + dev, so its dev figure is no measurement: measure dev with
a model trained on train alone (bench/tagger/train_tagger_zh.py --out /tmp/m.crfsuite).

Each sentence is the concatenation of its tokens (no spaces); a PER entity counts when its exact
character span is found. The finder runs with jieba's tags as hints (rjieba) and without them,
with its CRF tagger (the default) and with its rules alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ud import UNER  # noqa: E402

UNER_ZH = UNER / "zh_gsdsimp-ud-test.iob2"
UNER_ZH_DEV = UNER / "zh_gsdsimp-ud-dev.iob2"
Span = tuple[int, int]


def uner_sentences(path: Path = UNER_ZH, kind: str = "PER") -> list[tuple[str, set[Span]]]:
    """(text, gold spans of `kind`) per sentence; columns: id, token, IOB2 tag, -, -."""
    out: list[tuple[str, set[Span]]] = []
    text, gold, start = "", set(), None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if start is not None:
                gold.add((start, len(text)))
            if text:
                out.append((text, gold))
            text, gold, start = "", set(), None
            continue
        token, tag = line.split("\t")[1:3]
        if start is not None and tag != f"I-{kind}":
            gold.add((start, len(text)))
            start = None
        if tag == f"B-{kind}":
            start = len(text)
        text += token
    return out


def score(find, sentences) -> tuple[float, float, float]:
    tp = n_pred = n_gold = 0
    for text, gold in sentences:
        pred = set(find(text))
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 100 * p, 100 * r, 200 * p * r / (p + r) if p + r else 0.0


def uner_person_f1(finder) -> tuple[float, float, float]:
    """(P, R, F1) in percent of finder.find on UNER zh_gsdsimp test PER entities."""
    return score(finder.find, uner_sentences())


class JiebaNr:
    """The baseline: words jieba's own POS tagger (jieba.posseg) tags nr, nrt, nrfg ..."""

    def __init__(self):
        from normalize.seg_zh import load_jieba

        jieba = load_jieba()
        from jieba import posseg

        self._tagger = posseg.POSTokenizer(jieba.Tokenizer())

    def find(self, text: str) -> list[Span]:
        out, i = [], 0
        for pair in self._tagger.cut(text):
            if pair.flag.startswith("nr"):
                out.append((i, i + len(pair.word)))
            i += len(pair.word)
        return out


def errors(finder, path: Path = UNER_ZH) -> None:
    for text, gold in uner_sentences(path):
        pred = set(finder.find(text))
        for a, b in sorted(gold - pred):
            print("MISS", text[a:b], "|", text[max(0, a - 8) : b + 8])
        for a, b in sorted(pred - gold):
            print("FALSE", text[a:b], "|", text[max(0, a - 8) : b + 8])


def speed(finders: dict[str, object], n: int = 1_000_000) -> None:
    """chars/s of find over n characters of the Chinese seeds' normalised text (news)."""
    import time

    from normalize.pipeline import Normalizer
    from normalize.sources import read_file

    seeds = Path(__file__).resolve().parents[1] / "tests" / "shared" / "seeds"
    norm = Normalizer()
    docs = [norm.normalize(read_file(p, 20_000_000)) for p in sorted(seeds.glob("*.txt"))]
    text = "".join(a.text for a in docs if a.lang == "zh")
    text = (text * (n // len(text) + 1))[:n]
    for name, finder in finders.items():
        best = min(timed(finder.find, text, time.perf_counter) for _ in range(3))
        print(f"{name:<38}{n / best / 1e6:6.2f} M chars/s ({best:.2f} s for {n:,} chars)")


def timed(f, arg, clock) -> float:
    t0 = clock()
    f(arg)
    return clock() - t0


def main() -> None:
    import rjieba

    from extract.names_zh import ChineseNameFinder
    from normalize.seg_zh import ChineseSegmenter

    is_word, tag = ChineseSegmenter().is_word, rjieba.Jieba().tag
    finders = {
        "ChineseNameFinder + jieba tag hints": ChineseNameFinder(is_word, tag),
        "ChineseNameFinder, dictionary only": ChineseNameFinder(is_word),
        "  rules alone, jieba tag hints": ChineseNameFinder(is_word, tag, crf=False),
        "  rules alone, dictionary only": ChineseNameFinder(is_word, crf=False),
    }
    if "--model" in sys.argv:
        from extract.names_zh.crf import NameTagger

        crf = NameTagger(Path(sys.argv[sys.argv.index("--model") + 1]))
        for finder in finders.values():
            finder.crf = crf if finder.crf is not None else None
    path, split = (UNER_ZH_DEV, "dev") if "--dev" in sys.argv else (UNER_ZH, "test")
    if "--errors" in sys.argv:
        errors(finders["ChineseNameFinder + jieba tag hints"], path)
    sentences = uner_sentences(path)
    print(f"{f'UNER zh_gsdsimp {split}, PER exact span':<38}   P      R      F1")
    for name, finder in finders.items():
        print(f"{name:<38}" + "{:5.1f}  {:5.1f}  {:5.1f}".format(*score(finder.find, sentences)))
    print(
        f"{'jieba posseg nr* (baseline 31.6)':<38}"
        + "{:5.1f}  {:5.1f}  {:5.1f}".format(*score(JiebaNr().find, sentences))
    )
    if "--speed" in sys.argv:
        speed(finders)


if __name__ == "__main__":
    main()
