"""GBK byte-shift mojibake left by content farms that edit GBK *bytes* (DESIGN.md, noise 4).

What the seeds show: the farm's decoder lost one byte (shown as `?`), so the following byte pairs
decode shifted by one — `。”作為第一名登臺` comes out as `?!弊鳛榈谝幻桥_` — until an ASCII byte
(`_`, `v`, `{`, `^` ...) puts it back in step. Shifted pairs that land in GBK's user-defined area
were dropped. A pinyin annotation inserted between the two bytes of a character eats the `(` into the
`?` (`誰` -> `?wù)l`).

Repair: turn the run back into bytes, with one unknown byte for each `?` and optionally one dropped
pair between any two characters, decode it in step, and keep the reading that the jieba word-
frequency model finds most fluent. Unknown bytes are filled with the most frequent characters that
fit, so the repair is a best guess; it is only applied when the result reads as real Chinese.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache
from math import log

from normalize.decode import PLAUSIBLE
from normalize.hanzi import is_common, logp, plausibility
from normalize.records import Cleaned

_START = re.compile(r"\?(?=!|[a-zàáâãèéêìíòóôõùúüāēěīńňōūǎǐǒǔǖǘǚǜ]{1,7}\)|[^\x00-\x7f])")
# a `?` right before Chinese is mostly a question mark; it starts a shifted run only when the run
# after it reads as no Chinese at all (?忌鷮⒂诒驹18日 for 考生將于本月18日: the lost byte, then pairs
# out of step, then a lead byte the decoder dropped with the digit it could not pair with)
_BARE_RUN = re.compile(r"[^\x00-\x7f]{2,20}")
RARE_LOGP = -15.0  # a character this rare (or missing from the table) in a run: bytes out of step
_ANNOTATION = re.compile(r"[a-zàáâãèéêìíòóôõùúüāēěīńňōūǎǐǒǔǖǘǚǜ]{1,7}\)")
_PUNCT = "。，、“”‘’：；！？《》（）"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LEADS = tuple(range(0x81, 0xFF))
_USER_AREA = (*range(0xAA, 0xB0), *range(0xF8, 0xFF))  # lead bytes of GBK's user-defined areas
TOP = 12  # candidate characters kept per unknown position
MIN_MARGIN = 2.0  # a guessed character must beat its runner-up by this much (log-probability)
COMMON_LOGP = -6.0  # characters more frequent than this prove nothing by appearing nearby
GAP_COST = 2.0  # a dropped byte pair is a rarer event than a lost byte: each assumed gap costs this
PUNCT_LOGP = -4.0  # punctuation is about 3 % of the characters of Chinese news
MIN_SURE = (
    4  # characters read before an unknown last one (考生將于本? for 考生將于本月), for the rest to be written
)
LOCAL_BONUS = 4.0  # a character already used in the same paragraph is that much more likely (cache model)


@cache
def _model():
    import opencc

    from normalize.seg_zh import load_jieba

    tk = load_jieba().Tokenizer()
    tk.initialize()
    return tk, opencc.OpenCC("t2s")


_NOT_HAN = re.compile("([^\u4e00-\u9fff]+)")
_ALL_HAN = re.compile("[\u4e00-\u9fff]+")
_NON_HAN = re.compile("[^\u4e00-\u9fff]+")  # removed in one pass: cheaper than finding each Han character


@cache
def _lexicon():
    tk, _ = _model()
    return tk.FREQ.get, log(tk.total)


@lru_cache(maxsize=65536)
def _route(part: str) -> float:
    """jieba's `calc` over its `get_DAG`, same arithmetic: the log-probability of the best
    segmentation of a run of Chinese characters (a character the dictionary lacks scores 1), from
    the remembered scores of its tails: the windows of neighbouring guesses share their tails."""
    if not part:
        return 0.0
    get, logtotal = _lexicon()
    top, end, n = -math.inf, 1, len(part)
    while (f := get(part[:end])) is not None:
        if f and (score := log(f) - logtotal + _route(part[end:])) > top:
            top = score
        if end == n:
            break
        end += 1
    return top if top != -math.inf else -logtotal + _route(part[1:])


_FLUENCY: dict[str, float] = {}  # remembered scores (cleared when it grows past 65,536)


def _fluency(*texts: str) -> list[float]:
    """Log-probability of the best jieba segmentation of each text; each punctuation mark costs 7.
    The texts not yet scored are converted to simplified script in one call, one line each."""
    todo = [t for t in dict.fromkeys(texts) if t not in _FLUENCY]
    if todo:
        _, cc = _model()
        lines = (
            [cc.convert(t) for t in todo]
            if any("\n" in t for t in todo)
            else cc.convert("\n".join(todo)).split("\n")
        )
        if len(_FLUENCY) > 65536:
            _FLUENCY.clear()
        for t, line in zip(todo, lines, strict=True):
            _FLUENCY[t] = (
                _route(line)  # the usual window, one run of Chinese: the sum below of one term
                if _ALL_HAN.fullmatch(line)
                else sum(
                    _route(part) if "\u4e00" <= part[0] <= "\u9fff" else PUNCT_LOGP * len(part)
                    for part in _NOT_HAN.split(line)
                    if part
                )
            )
    return [_FLUENCY[t] for t in texts]


def _parse(text: str, i: int) -> tuple[int, list[int | None], list[int], bool] | None:
    """From the `?` at i: (end, byte slots with None for unknown bytes, slot index where each char starts)."""
    slots: list[int | None] = [None]
    starts: list[int] = []
    j, bare = i + 1, False
    if text[j] == "!":
        starts.append(1)
        # `?!` is the farm's `。”` / `。“`: the lost byte is the lead of 。 (A1 A3), then A3 A1 read as a
        # fullwidth ！ that was folded to ASCII. No other character before a quote mark fits as well.
        slots = [0xA1, 0xA3, 0xA1]
        j += 1
    elif m := _ANNOTATION.match(text, j):
        j = m.end()
    elif _shifted_run(text, j):
        # a bare ? is taken only when a dropped lead byte closes the run (…驹18日); one closed by an
        # ASCII letter in step is too weak a clue to rewrite the characters around it
        bare = True
    else:
        return None
    while j < len(text) and j - i < 40:
        c = text[j]
        if c == "?" and (m := _ANNOTATION.match(text, j + 1)):
            slots.append(None)  # the byte the next `?` stands for; the annotation after it is dropped
            return (m.end(), slots, starts, False) if len(slots) % 2 == 0 else None
        if c.isascii():
            if 0x40 <= ord(c) <= 0x7E and len(slots) % 2 and not bare:  # the ASCII byte that put the
                starts.append(len(slots))  # decoder back in step
                return j + 1, [*slots, ord(c)], starts, False
            if bare and ord(c) < 0x40 and len(slots) % 2 and len(slots) > 2:
                return j, [*slots, None], starts, True  # a lead byte dropped with the digit after it
            return None
        try:
            b = c.encode("gb18030")  # GB18030 maps GBK's user-defined area to private-use characters
        except UnicodeEncodeError:
            return None
        if len(b) != 2:
            return None
        starts.append(len(slots))
        slots += list(b)
        j += 1
    return None


def _shifted_run(text: str, j: int) -> bool:
    """Does the non-ASCII run at j read as bytes out of step: implausible, with a character that real
    text almost never has?"""
    m = _BARE_RUN.match(text, j)
    if m is None or plausibility(m[0]) >= PLAUSIBLE:
        return False
    return any(logp(c) <= RARE_LOGP for c in m[0] if _HAN.match(c))


@cache
def _gbk_table() -> dict[tuple[int, int], str]:
    """Every two-byte GBK sequence that decodes to a common character or to punctuation."""
    return {(a, b): c for a, b, c in _gbk_pairs() if c in _PUNCT or is_common(c)}


@cache
def _gbk_pairs() -> tuple[tuple[int, int, str], ...]:
    """Every two-byte GBK sequence that decodes, with its character."""
    out = []
    for a in _LEADS:
        for b in range(0x40, 0xFF):
            try:
                out.append((a, b, bytes((a, b)).decode("gbk")))
            except UnicodeDecodeError:
                continue
    return tuple(out)


def _base_score(c: str) -> float:
    return PUNCT_LOGP if c in _PUNCT else logp(c)


@cache
def _ranked_table() -> tuple[dict[int, list[tuple[str, int]]], dict[int, list[str]], list[tuple[str, int]]]:
    """The GBK table best first (by character score, then character): each lead's (character,
    trail), each trail's characters, and all (character, trail)."""
    ranked = sorted(
        ((c, a, b) for (a, b), c in _gbk_table().items()), key=lambda t: (-_base_score(t[0]), t[0])
    )
    by_lead: dict[int, list[tuple[str, int]]] = {}
    by_trail: dict[int, list[str]] = {}
    for c, a, b in ranked:
        by_lead.setdefault(a, []).append((c, b))
        by_trail.setdefault(b, []).append(c)
    return by_lead, by_trail, [(c, b) for c, _, b in ranked]


@cache
def _by_pair() -> dict[tuple[int, int], frozenset[str]]:
    """Every byte pair -> the two-byte GBK characters spelled with it: a character's own encoding,
    and the table's pairs for it."""
    out: dict[tuple[int, int], set[str]] = {}
    for _, _, c in _gbk_pairs():
        own = c.encode("gbk", "ignore")
        if len(own) == 2:
            out.setdefault((own[0], own[1]), set()).add(c)
    for pair, c in _gbk_table().items():
        out.setdefault(pair, set()).add(c)
    return {pair: frozenset(cs) for pair, cs in out.items()}


@lru_cache(maxsize=65536)
def _spelled_with(leads: frozenset[int], trails: frozenset[int]) -> frozenset[str]:
    """The characters with a spelling whose lead byte is one of `leads` and trail one of `trails`:
    a table, like the GBK table itself (not a remembered repair)."""
    by_pair = _by_pair()
    empty: frozenset[str] = frozenset()
    return empty.union(*(by_pair.get((a, b), empty) for a in leads for b in trails))


@lru_cache(maxsize=65536)
def _table_choices(lead: int | None, trail: int | None, trails: frozenset[int]) -> list[str]:
    """The TOP best distinct characters of the table for the pair, best first."""
    by_lead, by_trail, everything = _ranked_table()
    if trail is not None and lead is None:
        return list(dict.fromkeys(by_trail.get(trail, ())))[:TOP]
    rows = by_lead.get(lead, ()) if lead is not None else everything
    found: dict[str, None] = {}
    for c, b in rows:
        if b in trails and c not in found:
            found[c] = None
            if len(found) == TOP:
                break
    return list(found)


@lru_cache(maxsize=65536)
def _choices(
    lead: int | None, trail: int | None, local: frozenset[str], trail_pool: tuple[int, ...]
) -> list[str]:
    """Characters the pair can decode to: common ones, punctuation, or ones used nearby, best first.
    A table character below the table's TOP best can only get in as a local one (LOCAL_BONUS)."""
    leads = frozenset((lead,) if lead is not None else _LEADS)
    trails = frozenset((trail,) if trail is not None else trail_pool)
    found = set(_table_choices(lead, trail, trails))
    if local:
        found.update(local & _spelled_with(leads, trails))
    score = {c: (c in local) * LOCAL_BONUS + _base_score(c) for c in found}
    return sorted(found, key=lambda c: (-score[c], c))[:TOP]


def _pairs(slots: list[int | None], gaps: tuple[int, ...], local: frozenset[str]) -> list[list[str]] | None:
    """Candidate characters for each byte pair, with a dropped pair assumed before each slot in `gaps`."""
    seq: list[tuple[int | None, tuple[int, ...]]] = []
    for pos, b in enumerate(slots):
        if pos in gaps:
            seq += [(None, _USER_AREA), (None, _LEADS)]
        seq.append((b, _LEADS))
    pairs = []
    for (lead, _), (trail, pool) in zip(seq[::2], seq[1::2], strict=True):
        options = _choices(lead, trail, local, pool)
        if not options:
            return None
        pairs.append(options)
    return pairs


def _stranded(reading: str) -> set[int]:
    """Positions of characters the word model leaves as one-character words (a gap may hide there)."""
    tk, cc = _model()
    out, at = set(), 0
    for word in tk.lcut(cc.convert(reading), HMM=False):
        if len(word) == 1 and _HAN.match(word):  # a lone punctuation mark is normal
            out.add(at)
        at += len(word)
    return out


def _best(
    left: str, pairs: list[list[str]], right: str, local: frozenset[str]
) -> tuple[float, str, float, tuple[int, ...]]:
    """Coordinate ascent over the unknown characters; each is judged in a window of 4 on each side.
    Also returns the evidence: the smallest lead of a chosen character over its runner-up (infinite
    when nothing was guessed). A less common character used elsewhere in the paragraph is evidence
    enough on its own (誰 in 就提拔誰重用誰褒獎誰); a common one such as 一 is everywhere, and is not.
    Last, the positions whose lead is below MIN_MARGIN."""
    chosen = [options[0] for options in pairs]
    ambiguous = [n for n, options in enumerate(pairs) if len(options) > 1]
    margin, weak = math.inf, []
    for last in [False, True] if len(ambiguous) > 1 else [True]:
        for n in ambiguous:
            text = left + "".join(chosen) + right
            at = len(left) + n
            before, after = text[max(0, at - 4) : at], text[at + 1 : at + 5]
            scores = _fluency(*(before + c + after for c in pairs[n]))
            ranked = sorted(
                ((f + LOCAL_BONUS * (c in local), c) for f, c in zip(scores, pairs[n], strict=True)),
                reverse=True,
            )
            chosen[n] = ranked[0][1]
            if last and not (chosen[n] in local and logp(chosen[n]) < COMMON_LOGP):
                margin = min(margin, ranked[0][0] - ranked[1][0])
                if ranked[0][0] - ranked[1][0] < MIN_MARGIN:
                    weak.append(n)
    score = _fluency(left + "".join(chosen) + right)[0] + LOCAL_BONUS * sum(c in local for c in chosen)
    return score, "".join(chosen), margin, tuple(weak)


@lru_cache(maxsize=4096)
def _solve(
    left: str, slots: tuple, starts: tuple, local: frozenset[str], right: str, open_end: bool = False
) -> str | None:
    """The most fluent reading: no gap, or one gap where the no-gap reading has a stranded character.
    None when it is no real Chinese, or when a guessed character barely beats another (weak evidence:
    leaving the mojibake is better than writing a wrong but fluent word into the text)."""
    pairs = _pairs(list(slots), (), local)
    best = _best(left, pairs, right, local) if pairs else (-math.inf, "", 0.0, ())
    suspects = _stranded(best[1]) if best[1] else set(range(len(slots) // 2))
    for start in starts:
        if (start - 1) // 2 in suspects and (pairs := _pairs(list(slots), (start,), local)):
            score, fixed, margin, weak = _best(left, pairs, right, local)
            best = max(best, (score - GAP_COST, fixed, margin, weak))
    _, fixed, margin, weak = best
    if open_end and fixed:  # the run's last byte pair lost its trail: that character is unknown
        weak = tuple(n for n in weak if n != len(fixed) - 1)
        fixed, margin = fixed[:-1] + "?", math.inf if not weak else margin
    if margin < MIN_MARGIN or open_end and len(fixed) <= MIN_SURE:
        return None
    return fixed if fixed and plausibility(fixed) >= PLAUSIBLE else None


def clear_caches() -> None:
    """Forget remembered repairs (benchmarks call this so repeated passes pay full price)."""
    _FLUENCY.clear()
    for f in (_solve, _route, _choices):
        f.cache_clear()


def repair(text: str) -> Cleaned:
    if "?" not in text:
        return Cleaned(text)
    out, last, n = [], 0, 0
    for m in _START.finditer(text):
        if m.start() < last:
            continue
        parsed = _parse(text, m.start())
        if parsed is None:
            continue
        end, slots, starts, open_end = parsed
        left, right = text[max(0, m.start() - 6) : m.start()], text[end : end + 6]
        local = frozenset(_NON_HAN.sub("", text[max(0, m.start() - 500) : m.start()] + text[end : end + 500]))
        fixed = _solve(left, tuple(slots), tuple(starts), local, right, open_end)
        if fixed is not None:
            out += [text[last : m.start()], fixed]
            last = end
            n += 1
    return Cleaned("".join(out) + text[last:], n) if n else Cleaned(text)
