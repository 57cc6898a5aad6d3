"""How plausible a run of Chinese characters is, from character frequencies (hanzi_freq.tsv)."""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

FREQ_FILE = Path(__file__).with_name("rules") / "hanzi_freq.tsv"


@cache
def _table() -> tuple[dict[str, float], float]:
    logp = {}
    for line in FREQ_FILE.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            char, value = line.split("\t")
            logp[char] = float(value)
    return logp, min(logp.values()) - 3.0


def plausibility(text: str) -> float:
    """Mean log-frequency of the non-ASCII letters of `text`: about -7 for real Chinese text,
    below -13 for bytes decoded with the wrong codec. Punctuation and symbols are ignored."""
    logp, floor = _table()
    chars = [c for c in text if ord(c) > 127 and unicodedata.category(c)[0] == "L"]
    if not chars:
        return floor
    return sum(logp.get(c, floor) for c in chars) / len(chars)


def is_common(char: str) -> bool:
    return char in _table()[0]


def logp(char: str) -> float:
    """Log relative frequency of one character (a floor for rare ones)."""
    table, floor = _table()
    return table.get(char, floor)
