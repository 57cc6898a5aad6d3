"""Build the derived tables of the Chinese name finder from jieba's own dictionary.

    .venv/bin/python extract/lexicons/make_names_zh.py     # rewrites names_zh_chars.tsv, names_zh_words.tsv

jieba tags its entries nr (person), nrfg (person), nrt (transliterated name) and ns (place). The
tags are too noisy to use as a name list (荣获, 宣传部 and 努力奋斗 are nr), but counted over
tens of thousands of entries they say which characters make given names and foreign names:

- names_zh_chars.tsv: per character, log-odds weights (natural log, against the character's
  frequency in all of jieba's words): `given` (in the given name of nr entries that start with
  a surname of names_zh_surnames.tsv), `surname` (starts such an entry), `translit` (in nrt
  entries), `end` (ends a foreign person name rather than a foreign place name).
- names_zh_words.tsv: dictionary words shaped like a name (a surname + 1-2 characters, or
  transliteration characters only) with jieba's tag and frequency: those tagged as something
  else (高度, 马上, 金华, 加利福尼亚) and the frequent ones tagged as persons, which are mostly
  common words (荣誉 and 陆军 are nr) -- so the finder can say "a word" without a tagger.

Nothing here comes from a test set.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

from extract.tsv import read_blocks
from normalize.seg_zh import jieba_dict

HERE = Path(__file__).resolve().parent
PERSON = {"nr", "nrfg", "nrt"}
MIN_TRANSLIT = 1.0  # translit weight from which a character counts as a transliteration syllable
MIN_FREQ = 20  # person-tagged words this frequent are kept too: most are common words (荣誉, 陆军 are nr)


def log_odds(part: Counter, whole: Counter, smooth: float = 0.5) -> dict[str, float]:
    """log P(c | part) - log P(c | whole), add-`smooth` on the part."""
    n_part, n_whole = sum(part.values()), sum(whole.values())
    return {
        c: math.log((part[c] + smooth) / n_part) - math.log(whole[c] / n_whole) for c in whole if whole[c]
    }


def is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def main() -> None:
    words = jieba_dict()
    surnames = read_blocks("names_zh_surnames.tsv")
    single = set(surnames["single"]) | set(surnames["rare"])
    translit_hand = set(read_blocks("names_zh_translit.tsv")["syllable"]) | set(
        read_blocks("names_zh_translit.tsv")["female"]
    )
    # background: characters of all words, weighted by word frequency
    background: Counter = Counter()
    for w, f, _ in words:
        for c in w:
            if is_han(c):
                background[c] += f
    given, first, translit = Counter(), Counter(), Counter()
    for w, _, t in words:
        if t in ("nr", "nrfg") and len(w) == 3 and w[0] in single:
            given.update(w[1:])
            first[w[0]] += 1
        if t == "nrt" and len(w) >= 2:
            translit.update(c for c in w if is_han(c))
    g, tr = log_odds(given, background), log_odds(translit, background)
    sur = {c: v for c, v in log_odds(first, background).items() if c in single}
    is_translit = {c for c, v in tr.items() if v >= 2.5 and translit[c] >= 5} | translit_hand
    # end characters of foreign person names vs foreign place names
    end_person, end_place = Counter(), Counter()
    for w, _, t in words:
        if len(w) >= 2 and all(c in is_translit for c in w):
            if t in PERSON:
                end_person[w[-1]] += 1
            elif t == "ns":
                end_place[w[-1]] += 1
    n_p, n_l = sum(end_person.values()), sum(end_place.values())
    end = {
        c: math.log((end_person[c] + 1) / n_p) - math.log((end_place[c] + 1) / n_l)
        for c in end_person.keys() | end_place.keys()
    }
    chars = sorted(set(g) | is_translit | single, key=lambda c: (-background[c], c))
    with open(HERE / "names_zh_chars.tsv", "w", encoding="utf-8") as out:
        out.write(
            "# char<TAB>given<TAB>surname<TAB>translit<TAB>end -- log-odds weights derived from jieba's dictionary\n"
            "# by make_names_zh.py (see its docstring); a translit weight is given only to transliteration\n"
            "# characters, other cells are empty when the character has no such use.\n"
        )
        for c in chars:
            cells = [
                f"{g[c]:.2f}" if c in g else "",
                f"{sur[c]:.2f}" if c in sur else "",
                f"{max(tr.get(c, 0.0), MIN_TRANSLIT):.2f}" if c in is_translit else "",
                f"{end[c]:.2f}" if c in end and c in is_translit else "",
            ]
            if any(cells):
                out.write("\t".join([c, *cells]) + "\n")
    compound = set(surnames["compound"]) | set(surnames["japanese"])
    shaped = []
    for w, f, t in words:
        if (t in PERSON and f < MIN_FREQ) or not all(is_han(c) for c in w):
            continue
        if (
            (w[0] in single and 2 <= len(w) <= 3)
            or any(w.startswith(s) and len(s) < len(w) <= len(s) + 2 for s in compound)
            or (len(w) >= 2 and all(c in is_translit for c in w))
        ):
            shaped.append((w, f, t))
    with open(HERE / "names_zh_words.tsv", "w", encoding="utf-8") as out:
        out.write(
            "# word<TAB>jieba tag<TAB>jieba frequency -- dictionary words shaped like a person name, except the\n"
            f"# rare ones jieba tags as persons (nr, nrfg, nrt under {MIN_FREQ}); derived by make_names_zh.py.\n"
        )
        for w, f, t in shaped:
            out.write(f"{w}\t{t}\t{f}\n")
    print(len(chars), "chars,", len(shaped), "name-shaped words")


if __name__ == "__main__":
    main()
