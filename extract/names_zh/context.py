"""What the neighbours of a name candidate say: cue words before and after it, dictionary words it
glues to, the 、-lists it stands in, a Latin gloss after it, and an optional tagger's hints."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter

from extract.names_zh.tables import COUNTERS, LIST_SEPARATORS, Patterns, Scored, Span, Tables, Tagger, Weights


@dataclass(frozen=True)
class TagHints:
    """A tagger's words over a text: (word, tag) pairs, the offset where each starts (and one
    past the last) and those offsets as a set: the word boundaries."""

    pairs: list[tuple[str, str]]
    starts: list[int]
    bounds: set[int]


class Context:
    def __init__(self, tables: Tables, weights: Weights, patterns: Patterns, is_word: Callable[[str], bool]):
        self.t, self.w, self.p, self.is_word = tables, weights, patterns, is_word

    # --- the tagger's hints -------------------------------------------------------------------
    def tag_hints(self, tag: Tagger, text: str) -> TagHints:
        """The tagger's words over `text`; their tags are read only where a candidate is. A person
        word of four characters that starts with a function word (向罗俊川 in 副市长向罗俊川颁奖) is
        that word and a three-character name: single surnames take no three-character given name."""
        pairs = []
        for word, t in tag(text):
            if (
                t.startswith("nr")
                and len(word) == 4
                and word[0] in self.t.weak
                and word[:2] not in self.t.compound
            ):
                pairs += [(word[0], "p"), (word[1:], t)]
            elif t.startswith("nr") and len(word) == 3 and self.by_then_surname(word):
                pairs += [(word[0], "p"), (word[1:], t)]  # 由林峰: "by" 林峰
            else:
                pairs.append((word, t))
        starts = list(accumulate(map(len, map(itemgetter(0), pairs)), initial=0))
        return TagHints(pairs, starts, set(starts))

    def by_then_surname(self, word: str) -> bool:
        """由林峰: a function word that is rarely a surname (由, 从, 但), then a common surname."""
        t = self.t
        return word[0] in t.weak & t.rare and word[1] in t.surname and word[1] not in t.rare

    def _person_tag(self, hints: TagHints, a: int, b: int) -> str | None:
        """The tag of the tagger's person word (nr*) text[a:b] when it is outside our word table:
        alone its tags are poor (努力奋斗, 宣传部, 荣誉 are nr), as hints they help."""
        k = bisect_right(hints.starts, a) - 1  # the last of the words that start at a
        if k < len(hints.pairs) and hints.starts[k] == a and hints.starts[k + 1] == b:
            word, tag = hints.pairs[k]
            if tag.startswith("nr") and word not in self.t.words:
                return tag
        return None

    def hinted(self, text: str, scored: list[Scored], hints: TagHints, by) -> list[Scored]:
        """Scores moved by the hints `by` = (person tag, nrt tag, cut through a word); out go the
        candidates before a suffix the tagger cuts off as a word (米勒|组|过去: 组过 is a word)."""
        nr, nrt, cross = by
        out, bounds = [], hints.bounds
        for s, a, b in scored:
            if any(
                text.startswith(x, b) and b + len(x) in bounds
                for x in self.t.cue_first["not_after"].get(text[b : b + 1], ())
            ):
                continue
            if (t := self._person_tag(hints, a, b)) is not None:
                s += nrt if t == "nrt" else nr
            elif a not in bounds or b not in bounds:
                s += cross
            out.append((s, a, b))
        return out

    # --- cue words ----------------------------------------------------------------------------
    def bonus(self, text: str, a: int, b: int, role: bool) -> float:
        """What the neighbours of text[a:b] say, from the cue lists alone (no dictionary look-up)."""
        w, cues, stop = self.w, self.t.cues, self.t.stop
        score = w.role if role else 0.0
        before = text[a - 1] if a else "。"
        after = text[b] if b < len(text) else "。"
        if before in "“「『《" and after in "”」』》":
            score += w.title if before == "《" else w.quoted
        if self.cue_before(text, a, "place_or_before"):
            score += w.place_before
        elif before in cues["measure_before"]:
            counted = a > 1 and (text[a - 2].isdigit() or text[a - 2] in COUNTERS)
            score += w.measure * (1 + counted)
        for c in (before, after):
            if not "\u4e00" <= c <= "\u9fff":
                score += w.in_list if c == "、" else w.edge
            elif c in stop:
                score += w.function_word
        return score + self.after_cue(text, b)

    def after_cue(self, text: str, b: int) -> float:
        """The weight of the speech, action or honorific cue that starts at b, or 0."""
        for cue, weight in self.t.after.get(text[b : b + 1], ()):
            if text.startswith(cue, b):
                return weight
        return 0.0

    def cue_before(self, text: str, i: int, kind: str) -> bool:
        while i > 0 and text[i - 1] in ":： \u3000":
            i -= 1
        if i == 0:
            return False
        if kind == "before" and i > 1 and text[i - 1] in "为是" and self.cue_before(text, i - 1, kind):
            return True  # 现任主教为约翰·史密斯
        cues = self.t.cue_last[kind].get(text[i - 1])
        return cues is not None and any(text.endswith(c, 0, i) for c in cues)

    # --- dictionary words around --------------------------------------------------------------
    def penalty(self, text: str, a: int, b: int, role: bool) -> float | None:
        """What the dictionary says about the neighbours: None when a suffix makes text[a:b] a place
        or a body (金辰街道), a penalty when it glues to a word on its left or right."""
        is_word, n = self.is_word, len(text)
        suffixes = self.t.cue_first["not_after"].get(text[b : b + 1])
        if suffixes is not None and any(text.startswith(x, b) for x in suffixes):
            ends = range(b + 2, min(b + 5, n) + 1)  # not 路过, 了解: a longer word
            if not any(is_word(text[b:k]) for k in ends) or any(
                text[b:k] in self.t.cues["not_after"] for k in ends
            ):
                return None
        score = 0.0
        if (
            not role
            and a
            and (
                is_word(text[a - 1 : a + 1])
                or (a > 1 and (is_word(text[a - 2 : a + 1]) or (a > 2 and is_word(text[a - 3 : a + 1]))))
            )
        ):
            score += self.w.left_word
        if b < n and (is_word(text[a : b + 1]) or (b + 1 < n and is_word(text[a : b + 2]))):
            score += self.w.extends
        return score

    def word_after(self, text: str, i: int, j: int) -> bool:
        """Does text[i] start a word that reaches past j, so that it belongs to what follows?"""
        return any(self.is_word(text[i:k]) for k in range(j + 1, min(j + 4, len(text)) + 1))

    # --- lists and glosses --------------------------------------------------------------------
    def with_lists(self, text: str, scored: list[Scored]) -> list[Span]:
        """The candidates at `accept`, and those at `near` listed next to one (、 和 与), scanning
        forwards and backwards so that a list grows from any of its names."""
        ok = [s >= self.w.accept for s, _, _ in scored]
        spans = [(a, b) for _, a, b in scored]
        for order, step in ((range(1, len(spans)), -1), (range(len(spans) - 2, -1, -1), 1)):
            for k in order:
                (a, b), (c, d) = sorted((spans[k], spans[k + step]))
                if not ok[k] and ok[k + step] and c - b == 1 and text[b] in LIST_SEPARATORS:
                    ok[k] = True
        return [x for x, good in zip(spans, ok, strict=True) if good]

    def with_glosses(self, text: str, names: list[Span]) -> list[Span]:
        """A Latin gloss in brackets right after a name is the name too: 约翰·史密斯（John Smith）."""
        gloss = self.p.gloss
        return sorted([*names, *(m.span(1) for _, b in names if (m := gloss.match(text, b)))])
