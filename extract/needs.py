"""A cheap test that a regex cannot match a text: the characters at least one of which every match
of the pattern contains (a Vietnamese row needs one of its accented letters, a Chinese row one of
its Han characters), worked out from the parsed pattern. A text with none of them is skipped
without a search, so skipping never changes what is found."""

from __future__ import annotations

import re
import sys
from functools import cache
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
