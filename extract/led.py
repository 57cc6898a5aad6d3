"""Matches of a pattern that opens with a lazy lead of up to N characters of one class before a cue
([HAN]{3,40}?被评为…), found without trying the lead at every character: re tries {3,40}? at each
position of the text (some forty steps each), while the cues that end a lead are few. The matches are
the ones `finditer` gives, in order (issue 15: the same records, less CPU)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator


class Led:
    """The pattern ([`chars`]{shortest,longest}?)`cue`, where `cue` looks at nothing before it and
    matches only where `firsts` (a pattern) does. A match starts at most `longest` characters before
    a place where `cue` matches, inside one run of `chars`: the search starts there, never earlier
    than re's own would (`pattern`: the whole, as re reads it)."""

    def __init__(self, chars: str, cue: str, firsts: str, shortest: int = 3, longest: int = 40):
        self.pattern = re.compile(f"([{chars}]{{{shortest},{longest}}}?){cue}")
        self.shortest, self.longest = shortest, longest
        self.runs = re.compile(f"[{chars}]+")
        self.cue = re.compile(cue)
        self.firsts = re.compile(firsts)

    def finditer(self, text: str) -> Iterator[re.Match]:
        cues = [m.start() for m in self.firsts.finditer(text) if self.cue.match(text, m.start())]
        if not cues:
            return
        runs = [m.span() for m in self.runs.finditer(text)]
        starts = [a for a, _ in runs]
        pos = 0
        while True:
            k = bisect_left(cues, pos + self.shortest)
            at = None
            for v in cues[k:]:  # the first cue a lead of the class can reach from pos
                r = bisect_right(starts, v - 1) - 1  # the run holding the character before the cue
                if r < 0 or runs[r][1] < v:
                    continue
                s = max(pos, v - self.longest, runs[r][0])
                if s <= v - self.shortest:
                    at = s
                    break
            if at is None:
                return
            m = self.pattern.search(text, at)  # at `at` itself: no match starts between pos and at
            if m is None:
                return
            yield m
            pos = max(m.end(), m.start() + 1)
