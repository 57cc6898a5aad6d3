"""Is this article a commendation? Weighted cue words from lexicons/commendation_cues.tsv."""

from __future__ import annotations

from functools import cache
from pathlib import Path

LEXICON = Path(__file__).with_name("lexicons") / "commendation_cues.tsv"
THRESHOLD = 3


@cache
def cues() -> dict[str, int]:
    out = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cue, weight, _why = line.split("\t")
            out[cue.lower()] = int(weight)
    return out


def score(title: str, text: str) -> int:
    title, text = title.lower(), text.lower()
    return sum(w * (2 if cue in title else 1) for cue, w in cues().items() if cue in title or cue in text)


def is_commendation(title: str, text: str) -> bool:
    return score(title, text) >= THRESHOLD
