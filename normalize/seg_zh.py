"""Chinese segmentation: jieba's dictionary plus ours, run by jieba-rs (rjieba) or jieba.

jieba's dictionary joins what UD Chinese GSD keeps apart (一个, 天津市, 参赛者, 人民政府). Rather
than deleting those entries, which lets jieba's HMM glue the characters back together and
makes rjieba and jieba disagree, each token is looked up in zh_split.tsv (built from jieba's
own dictionary by rules/zh_make_rules.py) and cut there: one dict lookup per token. Runs of
Latin letters and digits are re-tokenised by one regex so both engines agree on them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, chain, compress, count, pairwise, repeat
from operator import is_
from pathlib import Path

from normalize.records import Span
from normalize.tables import read_blocks

RULES = Path(__file__).with_name("rules")

# Latin letters, digits and the joiners jieba keeps between them (S-IVB, 3.5%, 2,443.3, C++)
_LATIN_CHARS = "A-Za-z0-9０-９Ａ-Ｚａ-ｚ._%+#&,\\-"
_LATIN_TOKEN = re.compile(f"[{_LATIN_CHARS}]+")
# characters that make jieba and jieba-rs group Latin/digit runs differently
_JOINER = re.compile("[._%+#&,\\-０-９Ａ-Ｚａ-ｚ]")
_LATIN_WORD = re.compile(
    r"[0-9０-９]+(?:[.,][0-9０-９]+)*%?(?![A-Za-zＡ-Ｚａ-ｚ])"  # 1688 | 2,443.3 | 60% (a range 1688-1697 is three words)
    r"|[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+(?:[-_.&][A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+)*(?:\+\+|#)?"  # S-IVB, NX-01, 3M45, C++
    r"|."
)
_MEMO_MAX = 500_000  # token types remembered before the memo is emptied
_PLAIN = 0  # memo value of a token type never cut: falsy, so one C-level pass skips these tokens
_DROP = "drop"  # memo value of a whitespace token, which is dropped
# every character str.isspace() accepts; jieba makes each one (and "\r\n") a token of its own
_WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def _from_end(at: tuple[int, ...], n: int) -> object:
    """Cut points of a token of n characters as offsets from its end, which is what `spans` has at
    hand: one int for the usual single cut, else a tuple; no cut point means the token is dropped."""
    if not at:
        return _DROP
    return at[0] - n if len(at) == 1 else tuple(c - n for c in at)


def load_jieba():
    """Import jieba without its side effects on stderr: it configures a DEBUG stream handler at
    import and its pkg_resources import warns; our own loggers are left to the application."""
    import logging
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    jieba.setLogLevel(logging.WARNING)
    return jieba


def read_userdict(path: Path = RULES / "zh_userdict.txt") -> list[tuple[str, int, str]]:
    """Lines `word freq tag  # why`; blank lines and comments skipped."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            word, freq, *tag = line.split()
            out.append((word, int(freq), tag[0] if tag else ""))
    return out


def read_rules(path: Path = RULES / "zh_split_rules.tsv") -> dict[str, list[str]]:
    """kind -> items; lines `kind<TAB>item item ...<TAB>why`, `#` comments."""
    return read_blocks(path)


def jieba_dict() -> list[tuple[str, int, str]]:
    """(word, freq, tag) of jieba's dict.txt, the dictionary rjieba embeds too."""
    out = []
    for line in (Path(load_jieba().__file__).with_name("dict.txt")).read_text(encoding="utf-8").splitlines():
        word, freq, tag = line.split()
        out.append((word, int(freq), tag))
    return out


def read_split(path: Path = RULES / "zh_split.tsv") -> dict[str, tuple[int, ...]]:
    """word -> end offsets of its pieces; lines `word<TAB>piece piece ...<TAB>rule`."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, pieces = line.split("\t")[:2]
            ends, n = [], 0
            for p in pieces.split():
                n += len(p)
                ends.append(n)
            if n == len(word) and "".join(pieces.split()) == word:
                out[word] = tuple(ends)
    return out


class ChineseSegmenter:
    """Word spans in the UD Chinese GSD style; rjieba and jieba give the same spans."""

    def __init__(self, engine: str = "rjieba"):
        self.engine = engine
        words = read_userdict()
        cut = read_split()
        for w, _, _ in words:  # our words are never cut
            cut.pop(w, None)
        # token -> cut points inside it (_from_end), or _DROP for whitespace
        self._inner: dict[str, object] = {w: _from_end(ends[:-1], len(w)) for w, ends in cut.items()}
        self._inner.update(dict.fromkeys([*_WHITESPACE, "\r\n"], _DROP))
        rules = read_rules()
        self._head = frozenset(rules.get("hmm_head", ()))
        self._tail = frozenset(rules.get("hmm_tail", ()))
        # every token type met: its _inner entry, HMM-guessed cut points, or _PLAIN. Only the types
        # met, not a copy of _inner: a small dict is a third of the cost per lookup (cache misses)
        self._memo: dict[str, object] = {}
        if engine == "rjieba":
            import rjieba

            self._tk = rjieba.Jieba()
            for w, f, t in words:
                self._tk.add_word(w, f, t)
            self._words = self._tk.cut
            self._known = self._tk.has_word
            self._tag = self._tk.tag
            self.is_word = self._known  # a bool already: no Python call around it (spun text, names)
        elif engine == "jieba":
            self._tk = load_jieba().Tokenizer()
            self._tk.initialize()
            for w, f, t in words:
                self._tk.add_word(w, f, t or None)
            self._words = self._tk.lcut
            freq = self._tk.FREQ
            self._known = lambda w: freq.get(w, 0) > 0
            from jieba.posseg import POSTokenizer

            tagger = POSTokenizer(self._tk)
            self._tag = lambda text: [(p.word, p.flag) for p in tagger.lcut(text)]
        else:
            raise ValueError(f"unknown Chinese segmentation engine {engine!r}")

    def tag(self, text: str) -> list[tuple[str, str]]:
        """(word, part-of-speech) from jieba's tagger over the same dictionary: hints for name finding."""
        return self._tag(text)

    def is_word(self, word: str) -> bool:
        """Is this a word of the dictionary (jieba's plus ours)?"""
        return bool(self._known(word))

    def spans(self, text: str) -> list[Span]:
        """Word spans, in order; whitespace is never in or a word. No per-character Python loop:
        one memo lookup per token, and only the tokens to cut or drop are visited one by one."""
        words = self._words(text)
        if not words:
            return []
        ends = list(accumulate(map(len, words)))
        memo = self._memo
        if len(memo) > _MEMO_MAX:  # a new object: a call running meanwhile keeps its own
            self._memo = memo = {}
        kinds = list(map(memo.get, words))
        if None in kinds:  # token types never seen before
            self._learn(memo, set(compress(words, map(is_, kinds, repeat(None)))))
            kinds = list(map(memo.__getitem__, words))
        cuts: list[int] = []  # extra word boundaries inside tokens
        drop: list[int] = []  # ends of whitespace tokens
        for i in compress(count(), kinds):  # _PLAIN is falsy: skipped
            at = kinds[i]
            if at.__class__ is int:
                cuts.append(ends[i] + at)
            elif at is _DROP:
                drop.append(ends[i])
            else:
                b = ends[i]
                cuts += [b + c for c in at]
        if _JOINER.search(text):
            ends, cuts = self._latin(text, words, ends, cuts)
        if cuts:
            ends += cuts
            ends.sort()
        out = list(pairwise(chain((0,), ends)))  # no copy of `ends` shifted by one
        if drop:
            keep, done = [], 0
            for b in drop:
                k = bisect_left(ends, b, done)
                keep += out[done:k]
                done = k + 1
            out = keep + out[done:]
        return out

    def _learn(self, memo: dict[str, object], new: set[str]) -> None:
        """Put token types never seen before in the memo: cut (by the split table, or HMM guesses
        with a function character at an edge, 这是 -> 这 是), dropped, or plain. The memo never
        changes a result."""
        head, tail, known, inner = self._head, self._tail, self._known, self._inner
        for w in new:
            if w in inner:
                memo[w] = inner[w]
            elif len(w) > 1 and (w[0] in head or w[-1] in tail) and not known(w):
                at = (1,) if w[0] in head else ()
                if w[-1] in tail and len(w) - 1 > (at[-1] if at else 0):
                    at += (len(w) - 1,)
                memo[w] = _from_end(at, len(w))
            else:
                memo[w] = _PLAIN

    @staticmethod
    def _latin(text: str, words: list[str], ends: list[int], cuts: list[int]) -> tuple[list[int], list[int]]:
        """Runs of Latin/digit tokens with a joiner in them, cut by one regex whatever the engine made of them."""
        runs: list[tuple[int, int]] = []  # ends[i:j] to replace
        add: list[int] = []
        last, n = 0, len(words)
        for m in _JOINER.finditer(text):
            k = bisect_right(ends, m.start())
            if k < last or not _LATIN_TOKEN.fullmatch(words[k]):
                continue
            i = j = k
            while i > last and _LATIN_TOKEN.fullmatch(words[i - 1]):
                i -= 1
            while j + 1 < n and _LATIN_TOKEN.fullmatch(words[j + 1]):
                j += 1
            last = j + 1
            if i == j and len(words[i]) == 1:
                continue  # a lone joiner (the ASCII comma of a Chinese sentence): one word whatever the regex
            new = [m.end() for m in _LATIN_WORD.finditer(text, ends[i] - len(words[i]), ends[j])][:-1]
            if new != ends[i:j]:
                runs.append((i, j))
                add += new
        if runs:
            kept, done = [], 0
            for i, j in runs:
                kept += ends[done:i]
                done = j
            ends = kept + ends[done:]
        return ends, cuts + add
