"""Silver training sentences for the CRF person-name tagger from the study set's Chinese **dev**
pages (bench/study.py's dev_pages: held-out rows are skipped unread). Each page is normalised as the
extractor reads it; every occurrence of a name of the page's gold `persons` is a name (longest
first, none inside a longer one), every other character is O. The text is cut into short units like
UNER's sentences (at 。！？； and line ends); units longer than `max_len` are dropped, and so are
units without a name but for every `empty`-th one (0: none kept). The normaliser's ASCII
punctuation is written full-width, as UNER has it.

Not used by the shipped model (round 15): on UNER dev, the CRF trained on train alone, the tagger
alone rose 72.5 -> 72.3-73.7 F1 with these units added but the finder (rules, tagger, veto) fell
75.8 -> 73.7-75.8 at its thresholds, and 76.7 -> 75.5-76.4 with crf_add / crf_override re-picked on
dev for each model: the pages' names are modern Chinese names the rules find already.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from study import STUDY, dev_pages  # noqa: E402

Sentence = tuple[str, set[tuple[int, int]]]
_UNIT = re.compile(r"[^。！？!?；\n]+[。！？!?；]*")
_WIDE = str.maketrans(",():;?!", "，（）：；？！")  # the normaliser's ASCII punctuation, as UNER writes it


def _spans(text: str, names: list[str]) -> set[tuple[int, int]]:
    """Where the names occur in `text`, longest name first, none overlapping one already taken."""
    used, out = [False] * len(text), set()
    for name in sorted(set(names), key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            a, b = m.span()
            if not any(used[a:b]):
                used[a:b] = [True] * (b - a)
                out.add((a, b))
    return out


def silver(max_len: int = 120, empty: int = 0, lists: float = 1.0) -> list[Sentence]:
    """Short labelled units of the Chinese dev pages whose gold lists persons; units whose names
    cover more than `lists` of their characters (lists of names) are dropped."""
    from normalize.pipeline import Normalizer
    from normalize.records import Source

    norm, out, blank = Normalizer(), [], 0
    for name, gold in dev_pages():
        names = [n for n in gold.get("persons", []) if len(n) >= 2]
        if not name.startswith("zh") or not names:
            continue
        path = STUDY / "pages" / name
        text = norm.normalize(Source(str(path), path.read_bytes())).text
        spans = _spans(text, names)
        for m in _UNIT.finditer(text):
            unit = m.group().strip()
            if not unit or len(unit) > max_len:
                continue
            a = m.start() + len(m.group()) - len(m.group().lstrip())
            gold_spans = {(x - a, y - a) for x, y in spans if a <= x and y <= a + len(unit)}
            if not gold_spans:
                blank += 1
                if not empty or blank % empty:
                    continue
            if sum(y - x for x, y in gold_spans) > lists * len(unit):
                continue
            out.append((unit.translate(_WIDE), gold_spans))
    return out


if __name__ == "__main__":
    units = silver()
    print(len(units), "units,", sum(len(g) for _, g in units), "names")
    for text, gold in units[:15]:
        print([text[a:b] for a, b in sorted(gold)], text[:80])
