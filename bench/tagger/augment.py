"""More training sentences for the CRF person-name tagger: copies of the training sentences that
hold a name, each name swapped for another name of the same training data, so the tagger learns
more from a name's context and shape than from the few hundred names UNER train happens to spell.

A Chinese name (a surname of names_zh_surnames.tsv, two to four characters, no dot) is swapped
for another Chinese name, a name in Latin letters for another such, any other (foreign in Han
characters, a monarch's, a nickname) for another of those. A seeded random generator makes the
copies the same on every run: training stays deterministic.

Not used by the shipped model (train_tagger_zh.COPIES = 0): on UNER dev, trained on train alone,
the tagger alone read 70.4-74.3 F1 with one or two copies against 72.7 without -- a spread as wide
as the gain, from the draw of stand-ins alone. Made-up stand-ins (a surname and given-name
characters of our tables, jieba's nr / nrt words) did worse, 71.3-72.2: the tagger's precision
fell (jieba's nrt words are often places, 多伦多; made-up names teach it that any rare characters
after a surname are a name).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from extract.tsv import read_blocks

Sentence = tuple[str, set[tuple[int, int]]]
SEED = 11
DOTS = "·•‧・"


def _kind(name: str, surnames: frozenset[str]) -> int:
    """2 a name in Latin letters, 1 a Chinese name, 0 another (foreign in Han characters, a
    monarch's, a nickname)."""
    if any(c.isascii() and c.isalpha() for c in name):
        return 2
    return int(2 <= len(name) <= 4 and name[0] in surnames and not any(c in DOTS for c in name))


def _replaced(sentence: Sentence, pools: list[list[str]], surnames, rng) -> Sentence:
    """`sentence` with each of its names swapped for one of the same kind, and the new spans."""
    text, gold = sentence
    out, spans, at, start = [], set(), 0, 0
    for a, b in sorted(gold):
        new = rng.choice(pools[_kind(text[a:b], surnames)])
        start += a - at
        out += [text[at:a], new]
        spans.add((start, start + len(new)))
        start, at = start + len(new), b
    return "".join(out) + text[at:], spans


def augmented(sentences: Sequence[Sentence], copies: int, seed: int = SEED) -> list[Sentence]:
    """`copies` new sentences for each of `sentences` that holds a name, the names swapped."""
    if copies <= 0:
        return []
    sur = read_blocks("names_zh_surnames.tsv")
    surnames = frozenset(sur["single"]) - frozenset(sur["weak"])  # 和 于 向: too often no surname
    names = sorted({text[a:b] for text, gold in sentences for a, b in gold})
    pools = [[n for n in names if _kind(n, surnames) == k] for k in range(3)]
    rng = random.Random(seed)
    return [_replaced(s, pools, surnames, rng) for _ in range(copies) for s in sentences if s[1]]
