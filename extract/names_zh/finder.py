"""The name finder: candidates from the regexes, each scored by the Chinese or the foreign reader,
the best of them kept without overlaps, then widened by lists and glosses."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import itemgetter

from extract.names_zh.chinese import ChineseNames
from extract.names_zh.context import Context
from extract.names_zh.foreign import ForeignNames
from extract.names_zh.tables import Patterns, Scored, Span, Tables, Tagger, is_han, read_weights


class ChineseNameFinder:
    def __init__(
        self,
        is_word: Callable[[str], bool],
        tag: Tagger | None = None,
        weights: Mapping[str, float] | None = None,
    ):
        self.is_word, self.tag, self.w = is_word, tag, read_weights(weights)
        self.tables = Tables.build(self.w)
        self.patterns = Patterns.build(self.tables)
        self.context = Context(self.tables, self.w, self.patterns, is_word)
        headroom = self.w.tag_person if tag is not None else 0.0  # what the tagger may still add
        self.chinese = ChineseNames(self.tables, self.w, self.patterns, self.context, headroom)
        self.foreign = ForeignNames(self.tables, self.w, self.patterns, self.context, headroom)

    def name_at(self, text: str, start: int) -> int | None:
        """End of the person name that starts exactly at `start` (after a role word), else None."""
        best = self._best_at(text, start, self.w.role)
        return best[2] if best and best[0] >= self.w.near else None  # the role is the evidence

    def is_name(self, s: str) -> bool:
        """Is `s` on its own a plausible person name (a list item, a table cell)?"""
        s = s.strip()
        best = self._best_at(s, 0, 0.0, whole=True) if 2 <= len(s) <= 20 else None
        return bool(best and best[2] == len(s) and best[0] >= self.w.accept)

    def find(self, text: str) -> list[Span]:
        """Spans of the person names in `text`, in order."""
        w, p, ctx = self.w, self.patterns, self.context
        hints = ctx.tag_hints(self.tag, text) if self.tag is not None else None
        starts = [m.start() for m in p.starts.finditer(text)] + [
            m.start() - 1 for m in p.jp_finals.finditer(text, 1) if is_han(text[m.start() - 1])
        ]
        if hints:  # a name starts where one of the tagger's words does (all but 2 % in UNER)
            starts = list(filter(hints.bounds.__contains__, starts))
        chinese = [
            c for i in starts if self.chinese.may_start(text, i) and (c := self.chinese.best(text, i, 0.0))
        ]
        foreign = [c for m in p.runs.finditer(text) for c in self.foreign.readings(text, *m.span())]
        if hints:
            chinese = ctx.hinted(text, chinese, hints, (w.tag_person, w.tag_person, w.tag_cross))
            foreign = ctx.hinted(text, foreign, hints, (w.tag_person, w.foreign_tag_nrt, w.foreign_tag_cross))
        marked = self.foreign.monarchs(text) + self.foreign.marked(text)
        scored = sorted(
            (c for c in chinese + foreign + marked if c[0] >= w.near), key=lambda c: (-c[0], c[1])
        )
        taken, used = [], bytearray(len(text) + 1)
        for c in scored:  # best first, no overlaps
            if not any(used[c[1] : c[2]]):
                taken.append(c)
                used[c[1] : c[2]] = b"\x01" * (c[2] - c[1])
        return ctx.with_glosses(text, ctx.with_lists(text, sorted(taken, key=itemgetter(1))))

    def _best_at(self, text: str, i: int, bonus: float, whole: bool = False) -> Scored | None:
        found = [c] if (c := self.chinese.best(text, i, bonus, whole)) else []
        if m := self.patterns.runs.match(text, i):
            found += [c for c in self.foreign.readings(text, i, m.end(), bonus, whole) if c[1] == i]
        found += [c for c in self.foreign.marked(text, i, min(len(text), i + 40)) if c[1] == i]
        return max(found, default=None)
