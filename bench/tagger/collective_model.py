"""A statistical reader of honoured collectives, added to the rules' (extract/collectives*.py): a
linear-chain CRF over characters (Chinese) or syllables (Vietnamese), labels O, B, I, trained on the
dev pages of the study set by bench/tagger/train_collectives.py (python-crfsuite). The rules are
fitted to the pages read and find about half of the collectives of unseen pages; the model reads
what any unit name looks like (its unit word, its place in a list, an honour nearby), so it adds
the spans it is sure of where the rules found nothing. NOT SHIPPED: the models
(bench/out/collective_model_{zh,vi}.crfsuite) are not in extract/, as the Chinese one made
extraction of the Chinese dev pages 25 % slower (CPU, 4 alternated passes: 4.0 -> 5.0 s), against
the 5 % round 9 allowed, and held-out collective recall stayed at 58/175 with the rules alone.
With no model file the rules' list is returned as is. The threshold, the honour window and the filters of
`plausible` were picked on dev batches read with the rules that had not seen them (see the
script's --fresh figures: zh collective recall 0.593 -> 0.631 on fresh batches, 25 of the 28
added names right)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from extract.records import Collective
from extract.text import Mention
from extract.tsv import read_rows

OUT = Path(__file__).resolve().parents[1] / "out"  # git-ignored: the models are not shipped
MODELS = {lang: OUT / f"collective_model_{lang}.crfsuite" for lang in ("zh", "vi")}
MIN_PROB = {"zh": 0.95, "vi": 0.95}  # a span is added when each of its labels is at least this sure
NEAR: tuple[int, int] | None = (60, 40)  # an honour word this far before or after an added span
MAX_CHARS = 40  # longest Chinese name added (the longest dev gold name has 36)
MIN_LEN = {"zh": 3, "vi": 2}  # shortest name added (characters, syllables)
_CHAIN = {"zh": re.compile(r"[^。！？!?；;\n]+"), "vi": re.compile(r"[^\n;!?]+?(?:\.(?=\s)|$|(?=\n))", re.M)}
_TOKEN = {"zh": re.compile(r"\S"), "vi": re.compile(r"\w+(?:[.\-/]\w+)*|\S")}
_SEPARATORS = set('、，,：:()（）“”"《》「」')
_LONGEST = 6
_ORGANISER = re.compile(
    r"主办|共同主|协办|承办|联合开展|指导单位|支持单位|获悉|联系"
)  # longest unit word looked up (characters or syllables)

Token = tuple[int, int]
WordIndex = tuple[dict[int, int], set[int]]


@cache
def unit_words(lang: str) -> frozenset[str]:
    """The words that end (Chinese) or begin (Vietnamese) a unit name, from units_{zh,vi}.tsv."""
    if lang == "zh":
        rows = read_rows("units_zh.tsv", 3)
        return frozenset(r[0] for r in rows if {"collective", "honoured", "unit"} & set(r[1].split()))
    return frozenset(r[0].lower() for r in read_rows("units_vi.tsv", 2))


@cache
def not_units() -> frozenset[str]:
    """The words that end like a unit word but name no unit (格局, 干部): units_zh.tsv's `not`."""
    return frozenset(r[0] for r in read_rows("units_zh.tsv", 3) if r[1] == "not")


def chains(text: str, lang: str) -> list[list[Token]]:
    """The tokens of each sentence (a chain of its own) that holds a unit word: no unit, no name."""
    out = []
    for m in _CHAIN[lang].finditer(text):
        if lang == "zh" and not _ending("zh").search(m.group()):
            continue
        toks = [(t.start() + m.start(), t.end() + m.start()) for t in _TOKEN[lang].finditer(m.group())]
        if toks and _has_unit(text, toks, lang):
            out.append(toks)
    return out


def _has_unit(text: str, toks: list[Token], lang: str) -> bool:
    units = unit_words(lang)
    if lang == "zh":
        return _ending("zh").search(text, toks[0][0], toks[-1][1]) is not None
    low = [text[a:b].lower() for a, b in toks]
    return any(" ".join(low[i : i + n]) in units for n in (1, 2, 3) for i in range(len(low)))


@cache
def _ending(kind: str) -> re.Pattern:
    """zh: any unit word of five characters or fewer (a chain holds one); zh_reversed: at each
    place of a reversed text, the longest unit word ending there, reversed (up to _LONGEST);
    zh_or_not: the same among unit words and the `not` words (as `plausible` reads a name's end)."""
    if kind == "zh":
        words = sorted((u for u in unit_words("zh") if len(u) < _LONGEST), key=len, reverse=True)
        return re.compile("|".join(map(re.escape, words)))
    if kind == "zh_or_not":  # with the words that end like one but name no unit: the longest first
        words = sorted((u[::-1] for u in unit_words("zh") | not_units()), key=len, reverse=True)
        return re.compile("(?=(" + "|".join(map(re.escape, words)) + "))")
    words = sorted((u[::-1] for u in unit_words("zh") if len(u) <= _LONGEST), key=len, reverse=True)
    return re.compile("(?=(" + "|".join(map(re.escape, words)) + "))")


def _open_ends(text: str, taken: Sequence[tuple[int, int]]) -> list[int]:
    """Where a unit word ends (its end offset) outside the spans `taken`."""
    covered = bytearray(len(text) + 1)
    for a, b in taken:
        covered[a:b] = b"\x01" * (b - a)
    n, units = len(text), unit_words("zh")
    ends = ((n - m.start(), m.group(1)) for m in _ending("zh_or_not").finditer(text[::-1]))
    return [e for e, w in ends if not covered[e - 1] and w[::-1] in units]


def _bucket(d: int | None) -> str:
    if d is None:
        return "none"
    return _BUCKETS[d] if d < len(_BUCKETS) else "far"


_BUCKETS = ["0", "1", "1", *["3"] * 4, *["7"] * 8]  # 0, 1-2, 3-6, 7-14, then far


def word_index(words: Sequence[Sequence[int]]) -> WordIndex:
    """The segmenter's words of a text as read by `features`: the end of the word starting at each
    place, and the places where a word ends (built once a text)."""
    return {a: b for a, b in words}, {b for _, b in words}


def _word_parts(toks: list[Token], words: WordIndex) -> list[str]:
    """Each token's place in the segmenter's word: S (a word alone), B, M, E and the word length."""
    start, end = words
    out, cur = [], None
    for a, b in toks:
        if a in start:
            cur = (a, start[a])
        if cur and cur[0] <= a and b <= cur[1]:
            n = cur[1] - cur[0]
            place = "S" if (a, b) == cur else "B" if a == cur[0] else "E" if b == cur[1] else "M"
            out.append(f"{place}{min(n, 5)}")
        else:
            out.append("S?" if b in end or a in start else "?")
    return out


def features(
    text: str,
    lang: str,
    toks: list[Token],
    words: WordIndex,
    honours: Sequence[Mention],
    persons: Sequence[tuple[int, int]] = (),
) -> list[list[str]]:
    """The features of each token of one chain: the token and its neighbours, its class, its place
    in the segmenter's word, unit words ending (Chinese) or starting (Vietnamese) there and how
    far the next or last one is within the clause, list separators and the nearest honour word."""
    units, n = unit_words(lang), len(toks)
    low = [text[a:b].lower() for a, b in toks]
    unit_at = [""] * n  # the longest unit word ending (zh) or starting (vi) at each token
    if lang == "zh":  # read backwards: the first (longest) unit word at each place is the one ending there
        for m in _ending("zh_reversed").finditer("".join(reversed(low))):
            unit_at[n - 1 - m.start()] = m.group(1)[::-1]
    for i in range(n if lang == "vi" else 0):
        for k in range(1, _LONGEST + 1):
            if i + k <= n and " ".join(low[i : i + k]) in units:
                unit_at[i] = " ".join(low[i : i + k])
    sep = [t in _SEPARATORS or t in (",", ";", ":") for t in low]
    clause_pos, next_unit = [0] * n, [None] * n
    k = 0
    for i in range(n):
        k = 0 if sep[i] else k + 1
        clause_pos[i] = k
    left = [low[i - clause_pos[i]] if i - clause_pos[i] >= 0 and clause_pos[i] else "<s>" for i in range(n)]
    right, r = ["</s>"] * n, "</s>"
    for i in range(n - 1, -1, -1):
        r = low[i] if sep[i] else r
        right[i] = r
    person = [False] * n
    for x, y in persons:
        if x < toks[-1][1] and toks[0][0] < y:
            person = [p or (x <= a and b <= y) for p, (a, b) in zip(person, toks, strict=True)]
    org = "org" if lang == "zh" and _ORGANISER.search(text, toks[0][0], toks[-1][1]) else "-"
    nxt = None
    for i in range(n - 1, -1, -1):
        nxt = None if sep[i] else (i if unit_at[i] else nxt)
        next_unit[i] = None if nxt is None else nxt - i
    spans = sorted((m.start, m.end) for m in honours)
    starts, ends = [s for s, _ in spans], sorted(e for _, e in spans)
    parts = _word_parts(toks, words)
    pad = ["<s>", "<s>", *low, "</s>", "</s>"]
    out = []
    for i, (a, b) in enumerate(toks):
        c = i + 2
        f = [
            "b",
            "c0=" + pad[c],
            "c-1=" + pad[c - 1],
            "c+1=" + pad[c + 1],
            "c-2=" + pad[c - 2],
            "c+2=" + pad[c + 2],
            "c-1c0=" + pad[c - 1] + pad[c],
            "c0c+1=" + pad[c] + pad[c + 1],
            "cls=" + _shape(text[a:b]),
            "w=" + parts[i],
            "clause=" + _bucket(clause_pos[i]),
            "nextunit=" + _bucket(next_unit[i]),
            "sepl=" + left[i],
            "sepr=" + right[i],
            "org=" + org,
        ]
        if person[i]:
            f.append("person")
        if unit_at[i]:
            f += ["unit", "unit=" + unit_at[i]]
        if i and unit_at[i - 1]:
            f.append("unit-1")
        if i + 1 < n and unit_at[i + 1]:
            f.append("unit+1")
        if i == 0:
            f.append("first")
        if i == n - 1:
            f.append("last")
        k = bisect_right(ends, a)
        before = ends[k - 1] if k else None
        k = bisect_left(starts, b)
        after = starts[k] if k < len(starts) else None
        inside = any(s <= a and b <= e for s, e in spans[max(0, k - 3) : k + 1])
        f += [
            "hb=" + _bucket(None if before is None else min(a - before, 99) // (1 if lang == "zh" else 4)),
            "ha=" + _bucket(None if after is None else min(after - b, 99) // (1 if lang == "zh" else 4)),
        ]
        if inside:
            f.append("hon")
        out.append(f)
    return out


@cache
def _shape(token: str) -> str:
    if token.isdigit():
        return "d"
    if "\u4e00" <= token[0] <= "\u9fff":
        return "h"
    if token[0].isalpha():
        return "U" if token.isupper() and len(token) > 1 else "T" if token[0].isupper() else "l"
    return "p" + token if len(token) == 1 else "p"


@cache
def _tagger(lang: str):
    """The CRF of MODELS[lang], loaded once per process; None when there is no model file."""
    import pycrfsuite

    if not MODELS[lang].exists():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODELS[lang]))
    return tagger


def read(
    tagger,
    text: str,
    lang: str,
    words: Sequence[tuple[int, int]],
    honours: Sequence[Mention],
    persons: Sequence[tuple[int, int]] = (),
    taken: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int, float]]:
    """(start, end, probability) of the collective names the model reads in `text`: the spans of
    its best labelling, each scored by the least sure of its labels. The sentences where no span
    could be added are not read, to save time: far from any honour word (`_honoured`), or (Chinese)
    where every unit word ends inside one of the rules' collectives `taken` (an added name ends in
    a unit word and overlaps none of them)."""
    out, near, index = [], _near(honours), word_index(words)
    open_ends = _open_ends(text, taken) if lang == "zh" else None
    if open_ends is not None and near is not None:  # an added name is MAX_CHARS long at most
        open_ends = [e for e in open_ends if any(x - MAX_CHARS < e and e - MAX_CHARS < y for x, y in near)]
    for toks in chains(text, lang):
        if near is not None and not any(x < toks[-1][1] and toks[0][0] < y for x, y in near):
            continue
        if open_ends is not None and not any(toks[0][0] < e <= toks[-1][1] for e in open_ends):
            continue
        tagger.set(features(text, lang, toks, index, honours, persons))
        labels = tagger.tag()
        i = 0
        while i < len(toks):
            if labels[i] != "B":
                i += 1
                continue
            j = i + 1
            while j < len(toks) and labels[j] == "I":
                j += 1
            p = min(tagger.marginal("B" if k == i else "I", k) for k in range(i, j))
            if j < len(toks):
                p = min(p, 1.0 - tagger.marginal("I", j))
            out.append((toks[i][0], toks[j - 1][1], p, j - i))
            i = j
    return [(a, b, p) for a, b, p, n in out if n >= MIN_LEN[lang]]


def combine(
    text: str,
    lang: str,
    rules: list[Collective],
    spans: list[tuple[int, int, float]],
    honours: Sequence[Mention],
    min_prob: float,
    persons: Sequence[tuple[int, int]] = (),
) -> list[Collective]:
    """The rules' collectives, then the model's spans at `min_prob` or more that overlap none of
    them, name none already listed (the same unit named again elsewhere) and look like an honoured
    unit (`plausible`)."""
    out = list(rules)
    names = {_squash(c.name) for c in rules}
    taken = [c.span for c in rules if c.span]
    for a, b, p in spans:
        name = text[a:b].strip()
        key = _squash(name)
        if p < min_prob or key in names or any(key in k for k in names):
            continue
        if not plausible(text, a, b, lang, persons) or not _honoured(honours, a, b):
            continue
        if any(a < y and x < b for x, y in taken):
            continue
        names.add(key)
        taken.append((a, b))
        out.append(Collective(name, (a, b), _nearest(honours, a, b)))
    return out


def plausible(text: str, a: int, b: int, lang: str, persons: Sequence[tuple[int, int]]) -> bool:
    """Whether a span the model reads may be an honoured unit rather than what it mistakes for one
    on pages it has not seen: a name that ends in a unit word (not a family: 550户家庭, 用爱支撑家庭),
    with no person named in its clause (the workplace of a person honoured: 徐文敏 汕头大学…医院),
    in no sentence of organisers (由…主办, 记者从…获悉) and no signature line above a date."""
    name = text[a:b]
    if lang == "zh" and len(name) > MAX_CHARS:
        return False
    if lang == "zh":
        units = unit_words(lang)
        ends = max((u for u in units | not_units() if name.endswith(u)), key=len, default="")
        if ends not in units or name.endswith(("家庭", "户")) or name[0].isdigit():
            return False
    lo = max([text.rfind(c, 0, a) for c in _CLAUSE_END] + [-1]) + 1
    hi = min([x for x in (text.find(c, b) for c in _CLAUSE_END) if x >= 0] + [len(text)])
    if any(lo <= x < hi for x, _ in persons):
        return False
    s_lo = max(text.rfind(c, 0, a) for c in "。！？\n") + 1
    s_hi = min([x for x in (text.find(c, b) for c in "。！？\n") if x >= 0] + [len(text)])
    if lang == "zh" and _ORGANISER.search(text, s_lo, s_hi):
        return False
    return not _DATE_LINE.match(text, b)


_CLAUSE_END = "、，,；;。！？\n"
_DATE_LINE = re.compile(r"\s*\n\s*\d{4}\s*年\s*\d{1,2}\s*月")


def person_spans(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Every occurrence of the names of the people found (two characters or more)."""
    out = []
    for name in {n for n in names if len(n) >= 2}:
        k = text.find(name)
        while k >= 0:
            out.append((k, k + len(name)))
            k = text.find(name, k + 1)
    return sorted(out)


def _near(honours: Sequence[Mention]) -> list[tuple[int, int]] | None:
    """The stretches of text where `_honoured` may let a span through (None: anywhere)."""
    return None if NEAR is None else [(m.start - NEAR[1], m.end + NEAR[0]) for m in honours]


def _honoured(honours: Sequence[Mention], a: int, b: int) -> bool:
    """Whether an honour word is near a span (the honour it was given, or the heading of its list)."""
    return NEAR is None or any(a - NEAR[0] <= m.end and m.start <= b + NEAR[1] for m in honours)


def _nearest(honours: Sequence[Mention], a: int, b: int) -> str | None:
    """The honour word nearest to a span, within 60 characters, as the collective's honour."""
    near = [(min(abs(m.start - b), abs(a - m.end)), m.text) for m in honours]
    near = [x for x in near if x[0] <= 60]
    return min(near)[1] if near else None


def _squash(s: str) -> str:
    return "".join(s.split())


def added(
    text: str,
    lang: str,
    words: Sequence[tuple[int, int]],
    rules: list[Collective],
    honours: list[Mention],
    people: Sequence[str] = (),
) -> list[Collective]:
    """The rules' collectives of a commendation, with the model's where the rules found none."""
    tagger = _tagger(lang) if lang in MODELS else None
    if tagger is None:
        return rules
    persons = person_spans(text, people)
    taken = [c.span for c in rules if c.span]
    spans = read(tagger, text, lang, words, honours, persons, taken)
    return combine(text, lang, rules, spans, honours, MIN_PROB[lang], persons)
