"""Readers for the UD / UNER gold sets in ../shared/data and a span F1 for segmentation."""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the checkout when there is one, else the copy the tests carry
SHARED_ROOT = (
    _ROOT.parent / "shared" if (_ROOT.parent / "shared" / "data").is_dir() else _ROOT / "tests" / "shared"
)
SHARED = SHARED_ROOT / "data"
UD = SHARED / "ud"
UNER = SHARED / "uner"


def conllu_sentences(path: Path) -> list[tuple[str, list[str]]]:
    """(text, words) for each sentence; multiword-token lines and empty nodes skipped."""
    sents, words, text = [], [], ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif not line.strip():
            if words:
                sents.append((text, words))
            words = []
        elif line[0].isdigit():
            cols = line.split("\t")
            if "-" not in cols[0] and "." not in cols[0]:
                words.append(cols[1])
    if words:
        sents.append((text, words))
    return sents


def char_spans(words: list[str]) -> set[tuple[int, int]]:
    """Spans of words over the text with all whitespace removed (so tokenisers can be compared)."""
    out, i = set(), 0
    for w in words:
        n = len("".join(w.split()))
        out.add((i, i + n))
        i += n
    return out


def spans_without_space(text: str, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Re-express spans into `text` as spans over `text` with whitespace removed."""
    shift, offsets = 0, []
    for c in text:
        offsets.append(shift)
        shift += not c.isspace()
    offsets.append(shift)
    return {(offsets[a], offsets[b]) for a, b in spans}


class F1:
    def __init__(self):
        self.tp = self.gold = self.pred = 0

    def add(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.gold += len(gold)
        self.pred += len(pred)

    @property
    def value(self) -> float:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return 200 * p * r / (p + r) if p + r else 0.0
