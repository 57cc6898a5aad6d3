"""Is this article a commendation? Weighted cue words from lexicons/commendation_cues.tsv."""

from __future__ import annotations

from functools import cache

from extract.tsv import read_rows

THRESHOLD = 3


@cache
def cues() -> dict[str, int]:
    return {cue.lower(): int(weight) for cue, weight, _why in read_rows("commendation_cues.tsv", 3)}


def score(title: str, text: str) -> int:
    title, text = title.lower(), text.lower()
    return sum(w * (2 if cue in title else 1) for cue, w in cues().items() if cue in title or cue in text)


def is_commendation(title: str, text: str) -> bool:
    return score(title, text) >= THRESHOLD
