"""Whole-line regex rules asked of every short line of a page, without trying each rule on each line.

One alternation of two hundred rules costs about 20 µs a line, most of it in rules that cannot match
(issue 15). Most rules name a character any line they match must hold (更多精彩推荐, ▼, the colon of
责任编辑：): each rule is filed under such characters, and a line is tried only against the rules
filed under a character it has, plus the few rules that name none. Same answers, fewer tries.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812  (the regex parser's opcodes)
from re import _parser

from normalize.hanzi import logp

# a class this small ([:：], [(（【\[]), or a range this short ([①-⑳]), still files a rule under each
# of its characters
MAX_CLASS = 8
MAX_RANGE = 32


# the characters besides their own two cases that case-insensitive matching takes for an ASCII letter
# (İ and ı for i, K the Kelvin sign for k, ſ for s): checked against every code point by the tests
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _uncased(code: int) -> bool:
    """A character that case-insensitive matching leaves alone (Han, punctuation, digits)."""
    c = chr(code)
    return c.lower() == c == c.upper() and c.casefold() == c


def literal_chars(code: int, ignorecase: bool) -> set[str] | None:
    """The characters a literal matches: itself, or with case ignored an ASCII letter's cases and
    folds; None for other cased characters (Vietnamese letters), whose folds are not listed here."""
    c = chr(code)
    if not ignorecase or _uncased(code):
        return {c}
    if c.isascii() and c.isalpha():
        return {c.lower(), c.upper(), *_FOLDS.get(c.lower(), "")}
    return None


def _class_chars(items: list, ignorecase: bool) -> set[str] | None:
    """The characters of a small class of plain characters and short ranges ([:：], [①-⑳]), else None."""
    codes = []
    for op, av in items:
        if op is C.LITERAL:
            codes.append(av)
        elif op is C.RANGE and av[1] - av[0] < MAX_RANGE:
            codes += range(av[0], av[1] + 1)
        else:
            return None
    if len(codes) > MAX_CLASS + MAX_RANGE:
        return None
    found: set[str] = set()
    for code in codes:
        chars = literal_chars(code, ignorecase)
        if chars is None:
            return None
        found |= chars
    return found


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more telling of two sets of characters: fewer of them, then rarer ones."""
    if a is None or b is None:
        return a if b is None else b
    return min(a, b, key=lambda s: (len(s), max(map(logp, s))))


def _needed(items, ignorecase: bool) -> set[str] | None:
    """Characters one of which every match of the parsed sequence holds, or None when unknown."""
    best = None
    for op, av in items:
        found = None
        if op is C.LITERAL:
            found = literal_chars(av, ignorecase)
        elif op is C.IN:
            found = _class_chars(av, ignorecase)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _needed(av[2], ignorecase)
        elif op is C.SUBPATTERN and not (av[1] | av[2]) & ~re.I:  # a group that changes no flag but i
            found = _needed(av[3], bool(av[1] & re.I) or (ignorecase and not av[2] & re.I))
        elif op is C.BRANCH:
            each = [_needed(branch, ignorecase) for branch in av[1]]
            found = None if any(s is None for s in each) else set().union(*each)
        best = _better(best, found)
    return best


def needed_chars(pattern: str, flags: int) -> set[str] | None:
    """Characters one of which every line the pattern matches holds (None when none can be named)."""
    return _needed(_parser.parse(pattern, flags), bool(flags & re.I))


def all_needed(patterns: list[str], flags: int) -> frozenset[str] | None:
    """Characters one of which every match of any of the patterns holds (None when one has none)."""
    found: set[str] = set()
    for p in patterns:
        chars = needed_chars(p, flags)
        if not chars:
            return None
        found |= chars
    return frozenset(found)


def _union(patterns: list[str], flags: int) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags) if patterns else None


class LineRules:
    """Does any of the rules match the whole line, or occur in it? Rules are filed under their needed
    characters."""

    def __init__(self, patterns: list[str], flags: int):
        filed: dict[str, list[str]] = {}
        rest = []
        for p in patterns:
            chars = needed_chars(p, flags)
            if not chars:
                rest.append(p)
            for c in chars or ():
                filed.setdefault(c, []).append(p)
        self._rest = _union(rest, flags)
        self._filed = {c: _union(ps, flags) for c, ps in filed.items()}
        self._chars = frozenset(filed)

    def fullmatch(self, line: str) -> bool:
        if self._rest is not None and self._rest.fullmatch(line) is not None:
            return True
        filed = self._filed
        return any(filed[c].fullmatch(line) is not None for c in self._chars.intersection(line))

    def search(self, line: str) -> bool:
        if self._rest is not None and self._rest.search(line) is not None:
            return True
        filed = self._filed
        return any(filed[c].search(line) is not None for c in self._chars.intersection(line))
