"""A cheap test that a regex cannot match a text: the characters at least one of which every match
of the pattern contains (a Vietnamese row needs one of its accented letters, a Chinese row one of
its Han characters), worked out from the parsed pattern. A text with none of them is skipped
without a search, so skipping never changes what is found."""

from __future__ import annotations

import _sre
import re
import sys
from functools import cache
from re import _casefix
from re import _constants as C  # re's own parser (Python 3.11+): its view of a pattern is the one that counts
from re import _parser as parser

_ASCII = 100  # what an ASCII character weighs against a need: most texts have some


def needs(pattern: re.Pattern) -> frozenset[str] | None:
    """Characters one of which every match of `pattern` contains; None when it may match without
    any particular one (\\d, ., an optional first part ...) or could be empty."""
    parsed = parser.parse(pattern.pattern, pattern.flags)
    found = _seq(parsed)
    if found is None:
        return None
    if (pattern.flags | parsed.state.flags) & re.IGNORECASE or _local_ignorecase(parsed):
        found = _any_case(frozenset(found))
    return frozenset(found)


def may_match(need: frozenset[str] | None, chars: set[str] | frozenset[str]) -> bool:
    """Could a pattern that needs `need` match a text made of `chars`?"""
    return need is None or not need.isdisjoint(chars)


def _cost(chars: set[str]) -> int:
    return len(chars) + _ASCII * sum(c.isascii() for c in chars)


def _seq(items) -> set[str] | None:
    """What a sequence needs: the rarest-looking need among its items."""
    best = None
    for op, av in items:
        got = _item(op, av)
        if got is not None and (best is None or _cost(got) < _cost(best)):
            best = got
    return best


def _item(op, av) -> set[str] | None:
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.IN:
        out: set[str] = set()
        for kind, value in av:
            if kind is C.LITERAL:
                out.add(chr(value))
            elif kind is C.RANGE:
                out.update(map(chr, range(value[0], value[1] + 1)))
            else:  # NEGATE, CATEGORY (\d, \s ...): anything may do
                return None
        return out
    if op is C.BRANCH:
        out = set()
        for alternative in av[1]:
            got = _seq(alternative)
            if got is None:
                return None
            out |= got
        return out
    if op is C.SUBPATTERN:
        return _seq(av[-1])
    if op is C.ATOMIC_GROUP:
        return _seq(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
        return _seq(av[2]) if av[0] >= 1 else None
    return None  # ANY, NOT_LITERAL, AT, lookarounds, group references: no need of their own


def _local_ignorecase(items) -> bool:
    """Does a group of the pattern turn case-insensitivity on, (?i:...)?"""
    return any(
        (op is C.SUBPATTERN and av[1] & re.IGNORECASE) or any(map(_local_ignorecase, _parts(av)))
        for op, av in items
    )


def _parts(av) -> list:
    """The sub-patterns in the argument of a node (a group, a repeat, a branch, a lookaround)."""
    out = []
    for x in av if isinstance(av, (tuple, list)) else (av,):
        out += [y for y in (x if isinstance(x, list) else [x]) if isinstance(y, parser.SubPattern)]
    return out


@cache
def _every_char() -> str:
    return "".join(map(chr, range(sys.maxunicode + 1)))


def _any_case(chars: frozenset[str]) -> set[str]:
    """The characters a case-insensitive pattern takes for `chars`, as re itself decides."""
    one_of = re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]", re.IGNORECASE)
    return set(one_of.findall(_every_char()))


# --- strings a pattern needs -----------------------------------------------------------------------
# A finer test than the characters: the strings one of which every match contains (表彰大会, lễ trao).
# Parts read case-insensitively, (?i), are compared case-folded the way re folds them, so that
# a skip stays exact: a character matches another under IGNORECASE only when re's simple lower
# case of both falls in one group of re's extra cases (i and ı, s and ſ), and `fold` maps every
# character to the least member of that group.

Strings = tuple[frozenset[str], frozenset[str]]  # (as written, case-folded)
_MANY = 64  # a class of more characters than this ([一-龥]) is no need worth testing
_SHORTEST = 4  # string length beyond which a longer string buys no more selectivity


def strings(pattern: re.Pattern) -> Strings | None:
    """Strings one of which every match of `pattern` contains, as written and case-folded (for the
    parts read case-insensitively); None when a match needs no particular string."""
    if pattern.flags & re.LOCALE:
        return None
    parsed = parser.parse(pattern.pattern, pattern.flags)
    found = _seq_strings(parsed, bool((pattern.flags | parsed.state.flags) & re.IGNORECASE))
    if not found:
        return None
    return frozenset(s for s, ic in found if not ic), frozenset(s for s, ic in found if ic)


def may_contain(need: Strings | None, text: str, folded: Folded) -> bool:
    """Could a pattern that needs one of the strings `need` match `text` (`folded`: the same text)?"""
    if need is None:
        return True
    plain, cased, chars = *need, folded.chars  # a string with a character the text lacks: no search
    return any(s in text for s in plain if s[0] in chars and s[-1] in chars) or (
        bool(cased) and any(map(folded.text.__contains__, cased))
    )


class Folded:
    """A text's characters, and the text case-folded as re's IGNORECASE compares characters (made
    on first use)."""

    def __init__(self, text: str, chars: set[str] | frozenset[str]):
        self._source, self.chars, self._text = text, chars, None

    @property
    def text(self) -> str:
        if self._text is None:
            exact = self.chars <= _fold_checked(self.chars)  # str.lower() folds each one as re does
            self._text = self._source.lower() if exact else "".join(map(fold, self._source))
        return self._text


def fold(c: str) -> str:
    """The character `c` as re's IGNORECASE sees it: the least of its simple lower case's group."""
    low = _sre.unicode_tolower(ord(c))
    return chr(min((low, *_casefix._EXTRA_CASES.get(low, ()))))


@cache
def _lower_is_fold() -> set[str]:
    """Characters known to fold as str.lower() lowers them (grown by `_fold_checked`)."""
    return set()


def _fold_checked(chars) -> set[str]:
    """Of `chars`, those str.lower() folds exactly (one character, its group's least, no final-sigma
    rule: Σ lowers to σ or ς by its place); remembered."""
    simple = _lower_is_fold()
    for c in chars - simple:
        if c != "Σ" and len(low := c.lower()) == 1 and fold(c) == low:
            simple.add(c)
    return simple


def _seq_strings(items, ic: bool) -> set[tuple[str, bool]] | None:
    """What a sequence needs: the best need among its items and its runs of items that match only
    given strings (表彰 then 大会|会议: 表彰大会 or 表彰会议)."""
    options, run = [], {""}
    for op, av in items:
        exact = _exact(op, av, ic)
        if exact is not None and len(run) * len(exact) <= _MANY:
            run = {a + b for a in run for b in exact}
            continue
        if all(run):
            options.append({(s, ic) for s in run})
        run = exact if exact is not None else {""}
        got = _item_strings(op, av, ic) if exact is None else None
        if got:
            options.append(got)
    if all(run):
        options.append({(s, ic) for s in run})
    return max(options, key=_rank, default=None)


def _exact(op, av, ic: bool) -> set[str] | None:
    """The strings an item matches, when there are few (case-folded when `ic`); else None."""
    if op is C.LITERAL:
        return {fold(chr(av)) if ic else chr(av)}
    if op is C.IN:
        chars = _item(op, av)
        return None if chars is None or len(chars) > _MANY else {fold(c) if ic else c for c in chars}
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        same = (ic or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _exact_seq(sub, ic) if same == ic else None
    if op is C.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            got = _exact_seq(alternative, ic)
            if got is None or len(out | got) > _MANY:
                return None
            out |= got
        return out
    return None


def _exact_seq(items, ic: bool) -> set[str] | None:
    out = {""}
    for op, av in items:
        got = _exact(op, av, ic)
        if got is None or len(out) * len(got) > _MANY:
            return None
        out = {a + b for a in out for b in got}
    return out


def _rank(found: set[tuple[str, bool]]) -> tuple[int, int]:
    return min(_SHORTEST, *(len(s) for s, _ in found)), -len(found)


def _item_strings(op, av, ic: bool) -> set[tuple[str, bool]] | None:
    if op is C.IN:
        chars = _item(op, av)
        return None if chars is None or len(chars) > _MANY else {(fold(c) if ic else c, ic) for c in chars}
    if op is C.BRANCH:
        out: set[tuple[str, bool]] = set()
        for alternative in av[1]:
            got = _seq_strings(alternative, ic)
            if got is None:
                return None
            out |= got
        return out
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        return _seq_strings(sub, (ic or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE)
    if op is C.ATOMIC_GROUP:
        return _seq_strings(av, ic)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
        return _seq_strings(av[2], ic) if av[0] >= 1 else None
    return None


# --- the characters a match begins with --------------------------------------------------------------


def first_class(pattern: str) -> str:
    """A character class of the characters every match of `pattern` begins with, "(?=[...])", to put
    before a costly lookahead: re then tries the pattern only where one of them stands (an exact
    guard: it only states what the pattern needs). "" when any character may begin a match."""
    parsed = parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
        return ""
    chars, empty = _firsts(parsed)
    if chars is None or empty or len(chars) > _MANY:
        return ""
    return "(?=[" + "".join(map(re.escape, sorted(chars))) + "])"


def _firsts(items) -> tuple[set[str] | None, bool]:
    """The characters a sequence's matches begin with (None: any), and whether it may match empty."""
    out: set[str] = set()
    for op, av in items:
        chars, empty = _first_of(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not empty:
            return out, False
    return out, True


def _first_of(op, av) -> tuple[set[str] | None, bool]:
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        chars = _item(op, av)
        return (None, False) if chars is None else (chars, False)
    if op is C.BRANCH:
        out: set[str] = set()
        empty = False
        for alternative in av[1]:
            chars, maybe = _firsts(alternative)
            if chars is None:
                return None, False
            out, empty = out | chars, empty or maybe
        return out, empty
    if op is C.SUBPATTERN:
        _group, add, _remove, sub = av
        return (None, False) if add & re.IGNORECASE else _firsts(sub)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        chars, empty = _firsts(av[2])
        return chars, empty or av[0] == 0
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return set(), True  # zero-width: the next item begins the match
    return None, False
