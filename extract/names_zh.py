"""Person names in simplified Chinese text: Chinese names (surname + given name), Japanese names,
foreign names in transliteration characters (施密特, 玛格丽特·撒切尔, 路易十四世) and monarchs (唐太宗).

Regexes make the candidates (a surname and a character; a run of transliteration characters; a
dotted or numbered foreign name); each is scored in the log-odds units of the character weights
that lexicons/make_names_zh.py derives from jieba's dictionary: how name-like its characters are,
whether it is or starts a dictionary word (高度, 黄金), and what its neighbours say -- a role before
it (书记王芳), a speech verb or 同志 after it, a 、-list of names. A suffix after it (街道, 区,
时报) rules it out. An optional tagger (jieba's) adds hints: its person tags, its word boundaries.
Every word list and weight is data in lexicons/names_zh_*.tsv, each with its reason.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from types import SimpleNamespace

from normalize import tables

LEXICONS = Path(__file__).with_name("lexicons")
Span = tuple[int, int]
Scored = tuple[float, int, int]  # (score, start, end)
Tagger = Callable[[str], list[tuple[str, str]]]
HAN = "\u4e00-\u9fff"
NUMERALS = "一二三四五六七八九十"
COUNTERS = NUMERALS + "几多两廿百千万"  # before a measure word: a number of things (五名司机)
DOTS = "·•‧・"  # the separator inside foreign names
LIST_SEPARATORS = frozenset("、 \u3000和与及，")
PROPER_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nz", "nt"})  # jieba's proper-noun tags
PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})  # jieba's person tags (which cover many places too)
COMMON = 1000  # a two-character word this frequent in jieba's dictionary is not a name (高度, 时间)
FOREIGN = 3.0  # a transliteration weight this high marks a character as foreign (斯, 尔, 娜)


@dataclass(frozen=True)
class TagHints:
    """A tagger's words over a text: (word, tag) pairs, the offset where each starts (and one
    past the last) and those offsets as a set: the word boundaries."""

    pairs: list[tuple[str, str]]
    starts: list[int]
    bounds: set[int]


def read_weights(overrides: Mapping[str, float] | None = None) -> SimpleNamespace:
    """names_zh_weights.tsv (`name<TAB>value<TAB>why`) as attributes; `overrides` replace some."""
    values = {name: float(value) for name, value, *_ in read_table("names_zh_weights.tsv")}
    if unknown := set(overrides or {}) - set(values):
        raise ValueError(f"unknown name-finder weights: {sorted(unknown)}")
    return SimpleNamespace(**{**values, **(overrides or {})})


def read_blocks(name: str) -> dict[str, list[str]]:
    return tables.read_blocks(LEXICONS / name)


def read_table(name: str) -> list[list[str]]:
    return tables.read_rows(LEXICONS / name)


def _index(items, at: int) -> dict[str, tuple[str, ...]]:
    """character -> the items with it at position `at`, longest first."""
    out: dict[str, list[str]] = {}
    for item in sorted(items, key=len, reverse=True):
        out.setdefault(item[at], []).append(item)
    return {c: tuple(v) for c, v in out.items()}


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _clip(v: float, lo: float, hi: float) -> float:
    return min(max(v, lo), hi)


class ChineseNameFinder:
    def __init__(
        self,
        is_word: Callable[[str], bool],
        tag: Tagger | None = None,
        weights: Mapping[str, float] | None = None,
    ):
        self.is_word, self.tag, self.w = is_word, tag, read_weights(weights)
        w, sur = self.w, read_blocks("names_zh_surnames.tsv")
        self.weak, self.rare, self.compound, self.japanese, self.jp_final, self.jp_end = (
            frozenset(sur[k])
            for k in ("weak", "rare", "compound", "japanese", "japanese_final", "japanese_given_end")
        )
        given, surname, self.translit, self.end = {}, {}, {}, {}
        for c, *cells in read_table("names_zh_chars.tsv"):
            for table, cell in zip((given, surname, self.translit, self.end), cells, strict=True):
                if cell:
                    table[c] = float(cell)
        singles = {*sur["single"], *self.rare}
        self.surname = {c: _clip(v, w.surname_min, w.surname_max) for c, v in surname.items() if c in singles}
        self.priors = {c: (self._prior(c, False), self._prior(c, True)) for c in self.surname}  # by role
        self.given = {c: _clip(v, w.given_min, w.given_max) for c, v in given.items()}
        self.given_jp = {c: _clip(v, w.japanese_given_min, w.japanese_given_max) for c, v in given.items()}
        self.strong = frozenset(c for c, v in self.translit.items() if v >= FOREIGN)
        self.female = frozenset(read_blocks("names_zh_translit.tsv")["female"])  # 娜 莉: Chinese names too
        self.words = {word: (t, int(f)) for word, t, f in read_table("names_zh_words.tsv")}
        self.common = frozenset(x for x, (_, f) in self.words.items() if len(x) == 2 and f >= COMMON)
        self.places = frozenset(sum(read_blocks("names_zh_places.tsv").values(), []))
        stop = read_blocks("names_zh_not_given.tsv")
        self.stop = frozenset("".join(sum(stop.values(), [])))
        self.soft_stop = frozenset("".join(stop["verb"]))  # a name the dictionary knows may hold one
        self.banned = self.stop - self.soft_stop  # never in a given name
        self.jp_banned = self.stop - self.soft_stop - self.jp_end  # ... nor in a Japanese one
        kinds = ("particle", "pronoun", "preposition", "adverb", "verb")
        self.function = frozenset("".join(sum((stop[k] for k in kinds), [])))
        self.cues = {kind: frozenset(items) for kind, items in read_blocks("names_zh_cues.tsv").items()}
        self.cues["place"], self.cues["before"] = self.places, self.cues["role"] | self.cues["lead"]
        self.cues["place_or_before"] = self.places | self.cues["place_before"]
        suffixes = {x for x in self.cues["not_after"] if len(x) > 1}  # not 文 (王文)
        self.not_given_words = self.cues["role"] | self.cues["honorific"] | suffixes
        self.cue_first = {kind: _index(items, 0) for kind, items in self.cues.items()}
        self.cue_last = {kind: _index(items, -1) for kind, items in self.cues.items()}
        after = {
            cue: getattr(w, kind) for kind in ("action", "speech", "honorific") for cue in self.cues[kind]
        }
        self.after = {c: tuple((cue, after[cue]) for cue in cues) for c, cues in _index(after, 0).items()}
        self.place_end = tuple(self.cues["place_end"])
        mon = read_blocks("names_zh_monarchs.tsv")
        self.temple, self.era, self.dynasty, self.not_after_era = (
            frozenset(mon[k]) for k in ("temple", "era", "dynasty", "not_after_era")
        )
        self.headroom = w.tag_person if tag is not None else 0.0  # what the tagger may still add
        # what _chinese_chars may add to the given-name weights: nothing, unless the weights say so
        # (then a hair more, against rounding)
        rest = max(w.foreign_given, 0.0) + 2 * max(w.word_max, 0.0)
        self.chars_rest = rest + 1e-9 if rest else 0.0
        firsts = "".join({*self.surname, *(s[0] for s in self.compound | self.japanese)})
        t, hard = "".join(self.translit), "".join(self.banned)
        pairs = self.temple | self.era  # two characters each: the regex is a fast superset
        self._starts = re.compile(f"[{firsts}](?![{hard}])(?=[{HAN}])")
        # the family-name final of a Japanese shape (星|野健太): the name starts one before
        self._jp_finals = re.compile(f"[{''.join(self.jp_final)}](?=[{HAN}]?[{''.join(self.jp_end)}])")
        # runs of two or more: one character, then more of them or dotted parts
        self._runs = re.compile(f"[{t}](?:[{t}]+(?:[{DOTS}][{t}]+)*|(?:[{DOTS}][{t}]+)+)")
        self._dot = re.compile(f"[{DOTS}]")
        self._dotted = re.compile(f"[{DOTS}](?:[{HAN}]{{1,4}}[{DOTS}])*[{t}]+")
        self._regnal = re.compile(f"[{NUMERALS}]{{1,3}}世")
        self._regnal_name = re.compile(f"[{HAN}](?=[{NUMERALS}]{{1,3}}世(?!纪))")  # tried only before 世
        self._shi = re.compile("世")
        self._monarchs = re.compile(f"[{''.join({x[0] for x in pairs})}][{''.join({x[1] for x in pairs})}]")
        self._gloss = re.compile(r"[（(]([A-Z][A-Za-z.\- ]*[a-z])[）)]")

    # --- the API ------------------------------------------------------------------------------
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
        w = self.w
        hints = self._tag_hints(text) if self.tag is not None else None
        starts = [m.start() for m in self._starts.finditer(text)] + [
            m.start() - 1 for m in self._jp_finals.finditer(text, 1) if _han(text[m.start() - 1])
        ]
        if hints:  # a name starts where one of the tagger's words does (all but 2 % in UNER)
            starts = list(filter(hints.bounds.__contains__, starts))
        chinese = [c for i in starts if self._may_start(text, i) and (c := self._chinese(text, i, 0.0))]
        foreign = [c for m in self._runs.finditer(text) for c in self._foreign(text, *m.span())]
        if hints:
            chinese = self._hinted(text, chinese, hints, (w.tag_person, w.tag_person, w.tag_cross))
            foreign = self._hinted(
                text, foreign, hints, (w.tag_person, w.foreign_tag_nrt, w.foreign_tag_cross)
            )
        marked = self._monarch_names(text) + self._marked_names(text)
        scored = sorted(
            (c for c in chinese + foreign + marked if c[0] >= w.near), key=lambda c: (-c[0], c[1])
        )
        taken, used = [], bytearray(len(text) + 1)
        for c in scored:  # best first, no overlaps
            if not any(used[c[1] : c[2]]):
                taken.append(c)
                used[c[1] : c[2]] = b"\x01" * (c[2] - c[1])
        return self._with_glosses(text, self._with_lists(text, sorted(taken, key=itemgetter(1))))

    # --- the tagger's hints -------------------------------------------------------------------
    def _tag_hints(self, text: str) -> TagHints:
        """The tagger's words over `text`; their tags are read only where a candidate is."""
        pairs = self.tag(text)
        starts = list(accumulate(map(len, map(itemgetter(0), pairs)), initial=0))
        return TagHints(pairs, starts, set(starts))

    def _person_tag(self, hints: TagHints, a: int, b: int) -> str | None:
        """The tag of the tagger's person word (nr*) text[a:b] when it is outside our word table:
        alone its tags are poor (努力奋斗, 宣传部, 荣誉 are nr), as hints they help."""
        k = bisect_right(hints.starts, a) - 1  # the last of the words that start at a
        if k < len(hints.pairs) and hints.starts[k] == a and hints.starts[k + 1] == b:
            word, tag = hints.pairs[k]
            if tag.startswith("nr") and word not in self.words:
                return tag
        return None

    def _hinted(self, text: str, scored: list[Scored], hints: TagHints, by) -> list[Scored]:
        """Scores moved by the hints `by` = (person tag, nrt tag, cut through a word); out go the
        candidates before a suffix the tagger cuts off as a word (米勒|组|过去: 组过 is a word)."""
        nr, nrt, cross = by
        out, bounds = [], hints.bounds
        for s, a, b in scored:
            if any(
                text.startswith(x, b) and b + len(x) in bounds
                for x in self.cue_first["not_after"].get(text[b : b + 1], ())
            ):
                continue
            if (t := self._person_tag(hints, a, b)) is not None:
                s += nrt if t == "nrt" else nr
            elif a not in bounds or b not in bounds:
                s += cross
            out.append((s, a, b))
        return out

    # --- Chinese and Japanese names -----------------------------------------------------------
    def _best_at(self, text: str, i: int, bonus: float, whole: bool = False) -> Scored | None:
        found = [c] if (c := self._chinese(text, i, bonus, whole)) else []
        if m := self._runs.match(text, i):
            found += [c for c in self._foreign(text, i, m.end(), bonus, whole) if c[1] == i]
        found += [c for c in self._marked_names(text, i, min(len(text), i + 40)) if c[1] == i]
        return max(found, default=None)

    def _may_start(self, text: str, i: int) -> bool:
        """A cheap test first: not inside a common word (高度, 英国王)."""
        two = text[i : i + 2]
        if text[i] not in self.surname and two not in self.compound and two not in self.japanese:
            return two[1:] in self.jp_final and _han(text[i]) and bool(self._jp_finals.match(text, i + 1))
        return two not in self.common and not (i and self.is_word(text[i - 1 : i + 1]))

    def _chinese(self, text: str, i: int, bonus: float, whole: bool = False) -> Scored | None:
        """The best reading at i: per surname reading, the longer given name when it may be one.
        The given-name weights come first: the rest of the characters' score can only lower them
        (add `chars_rest` at most), so most readings end there. Dictionary look-ups, which only
        lower a score, wait until a reading could reach `near`."""
        w, n = self.w, len(text)
        best, role = None, bonus == 0 and self._cue_before(text, i, "before")
        for s_len, prior in self._surname_options(text, i, role or bonus > 0):
            j = i + s_len
            weights = self._given_weights(text, i, j)
            for end in (j + 2, j + 1):
                if end - j > len(weights) or (whole and end != n):
                    continue
                given = sum(weights[: end - j])
                shape = w.short_name if end - i == 2 else w.dict_name
                if prior + (given + self.chars_rest + shape) + bonus + w.role * role < w.min_inner:
                    continue
                chars = self._chinese_chars(text, i, j, end, given)
                if chars is None or prior + chars + bonus + w.role * role < w.min_inner:
                    continue
                words = self._chinese_words(text, i, j, end)
                if words is None:
                    continue
                score = prior + chars + bonus + self._bonus(text, i, end, role)
                if score + self.headroom < w.near:
                    continue
                penalty = self._penalty(text, i, end, role or bonus > 0)
                if penalty is not None:
                    if best is None or score + words + penalty > best[0]:
                        best = (score + words + penalty, i, end)
                    break
        return best

    def _surname_options(self, text: str, i: int, role: bool = False) -> list[tuple[int, float]]:
        """(length, score) of the surnames text[i:] may start with; after a role word, 和 于 时
        are surnames like any other."""
        two = text[i : i + 2]
        if two in self.compound:
            return [(2, self.w.compound_surname)]  # 欧阳, not 欧 + 阳X
        if two in self.japanese:
            return [(2, self.w.japanese_surname)]
        c = text[i]
        single = [(1, self.priors[c][role])] if c in self.priors else []
        if two[1:] in self.jp_final and c not in self.stop and _han(c):
            return [(2, self.w.japanese_shape), *single]
        return single

    def _prior(self, c: str, role: bool) -> float:
        """The score of the single surname c; after a role word, 和 于 时 are surnames like any other."""
        weak = self.w.weak_surname * (c in self.weak and not role)
        return self.surname[c] + (weak or self.w.rare_surname * (c in self.rare))

    def _given_weights(self, text: str, i: int, j: int) -> list[float]:
        """The weights of the (up to two) characters after the surname text[i:j], as far as each
        may stand in a given name."""
        japanese = j - i == 2 and text[i:j] not in self.compound
        banned, table = (self.jp_banned, self.given_jp) if japanese else (self.banned, self.given)
        out, rare = [], self.w.rare_given
        for c in text[j : j + 2]:
            if c in banned or not "\u4e00" <= c <= "\u9fff":
                break
            out.append(table.get(c, rare))
        return out

    def _chinese_chars(self, text: str, i: int, j: int, end: int, given_weights: float) -> float | None:
        """Score of surname text[i:j] + given name text[j:end] (whose characters weigh
        `given_weights`) from the characters and our tables alone, or None when it cannot be a
        name."""
        given, name, words = text[j:end], text[i:end], self.words
        japanese = j - i == 2 and name[:2] not in self.compound
        if japanese and name[:2] not in self.japanese and given[-1] not in self.jp_end:
            return None  # the Japanese shape needs a Japanese given-name ending
        if (
            name in self.places
            or given in self.not_given_words
            or self._dot.search(text, max(0, i - 2), end + 2)
        ):
            return None  # 任主任, 中山大学: a title or suffix; 约翰·史密斯: a piece of a foreign name
        if len(name) > 2 and words.get(name, ("nr",))[0] not in PROPER_TAGS:
            return None  # 石灰岩, 马铃薯: a common word
        score, t = given_weights, self.translit
        if all(map(t.__contains__, name)) and sum(map(t.__getitem__, name)) >= self.w.foreign_mean * len(
            name
        ):
            score += 0.0 if self.female.intersection(given) else self.w.foreign_given  # 巴萨尼, 欧塞维奥
        for k in range(j + 1, end + 1):  # surname + given start a common word: 高度, 马上, 金星
            piece = words.get(text[i:k])
            if piece is not None and not (k == end >= i + 3 and piece[0] in PERSON_TAGS):
                score += max(self.w.word_max, -1.0 - len(str(piece[1])) * 0.6)
        return score + (self.w.short_name if len(name) == 2 else self.w.dict_name)

    def _chinese_words(self, text: str, i: int, j: int, end: int) -> float | None:
        """What the dictionary says about the reading; None when it cannot be a name."""
        given, name = text[j:end], text[i:end]
        known = len(name) > 2 and self.is_word(name)
        if not known and j - i == 1 and not self.soft_stop.isdisjoint(given):
            return None  # 刘君分: a verb is in a given name only when the dictionary knows the name
        if self._foreign_around(text, i, end):
            return None  # 卡拉马佐夫, 马拉喀什: a piece of a foreign word
        if j - i == 1 and text[i] in self.weak and len(given) == 2 and self.is_word(given):
            return None  # 和詹姆斯, 曾担任: a function word before a word
        japanese = j - i == 2 and name[:2] not in self.compound and given[-1] in self.jp_end
        if (
            len(given) == 2
            and not japanese
            and self._after_cue(text, end) < self.w.speech
            and self._word_after(text, end - 1, end)
        ):
            return None  # 普佳表示: 表示 is a word, so 表 is no part of the name (but 韦小明说, 中村秀次后)
        score = 0.0 if known or len(name) == 2 else -self.w.dict_name
        if len(given) == 1 and self._word_after(text, j, end):
            score += self.w.right_word  # 李明天: 明 starts 明天
        return score

    def _foreign_around(self, text: str, i: int, end: int) -> bool:
        """Is text[i:end] glued to strongly foreign characters (卡拉马佐夫, 孔斯|坦丁)?"""
        t, strong, after = self.translit, self.strong, text[end : end + 1]
        last = text[end - 1]
        return (
            (last in strong and after in strong)
            or (last in t and after in t and text[end + 1 : end + 2] in strong)
            or (i > 0 and text[i - 1] in strong and not self.is_word(text[max(0, i - 2) : i]))
        )

    # --- foreign names ------------------------------------------------------------------------
    def _foreign(self, text: str, a: int, b: int, bonus: float = 0.0, whole: bool = False) -> list[Scored]:
        """Readings of the transliteration run text[a:b], and of it without its first character
        when that ends the word before, or without its last one or two when they start the word
        after (汤姆森基于) or are a verb (米勒拿着)."""
        dotted = bool(self._dot.search(text, a, b))
        out = self._foreign_score(text, a, b, bonus, dotted)
        if not whole:
            for a2, b2 in ((a + 1, b), (a, b - 1), (a, b - 2)):
                if b2 - a2 > 1:
                    out += self._foreign_score(text, a2, b2, bonus, dotted, trimmed=b if a2 == a else -1)
        return out

    def _foreign_score(
        self, text: str, a: int, b: int, bonus: float, dotted: bool, trimmed: int = 0
    ) -> list[Scored]:
        """Scored readings of text[a:b] (`dotted` when its run has a dot) and of it with 一世 after
        it. `trimmed` is -1 when the run was cut at its start, its end when it was cut at its end:
        the dictionary must justify it."""
        run, w = text[a:b], self.w
        hit = self.words.get(run)
        if run[0] in DOTS or run[-1] in DOTS or run in self.places or (hit and hit[0] not in PERSON_TAGS):
            return []
        letters = "".join(c for c in run if c not in DOTS) if dotted else run
        if (
            (a and text[a - 1] == "-")
            or text[b : b + 1] == "-"  # 巴登-巴登: hyphens join places
            or sum(map(self.translit.__getitem__, letters))
            < max(w.foreign_min, w.foreign_mean * len(letters))
            or not self._foreign_words(text, a, b, trimmed)
        ):
            return []
        score = w.foreign_prior + bonus + w.foreign_end * self.end.get(letters[-1], 0.0)
        score += w.foreign_two * (len(letters) == 2) + w.dotted * (len(letters) < len(run))
        score += w.place_prep * (a > 0 and text[a - 1] in self.cues["place_prep"])
        score += w.subject * (text[b : b + 1] in self.cues["subject_after"]) + w.place_end * run.endswith(
            self.place_end
        )
        if score < w.min_inner:
            return []
        role = bonus == 0 and self._cue_before(text, a, "before")
        out = []
        regnal = text[b : b + 1] in NUMERALS and self._regnal.match(text, b)  # 路易十四世
        for end, extra in ((regnal.end(), w.regnal), (b, 0.0)) if regnal else ((b, 0.0),):
            if (
                s := score + extra + self._bonus(text, a, end, role)
            ) + self.headroom + w.foreign_word >= w.near:
                out.append((s, end))
        if not out:
            return []
        words = w.foreign_word * (hit is not None or self.is_word(run))
        words += w.right_word * self._word_after(text, b - 1, b)  # 汤姆森基于
        return [
            (s + words + p, a, end)
            for s, end in out
            if (p := self._penalty(text, a, end, role or bonus > 0)) is not None
        ]

    def _foreign_words(self, text: str, a: int, b: int, trimmed: int) -> bool:
        """May text[a:b] be a foreign word by the dictionary: not the end of a longer word (俄罗斯
        for 罗斯), and cut from its run only where a word begins or ends?"""
        is_word = self.is_word
        if trimmed == -1 and not (
            a > 1 and (is_word(text[a - 2 : a]) or (a > 2 and is_word(text[a - 3 : a])))
        ):
            return False
        if trimmed > 0 and not (
            text[trimmed : trimmed + 1] in "着了过" or self._word_after(text, b, trimmed)
        ):
            return False
        return not (a and (is_word(text[a - 1 : b]) or (a > 1 and is_word(text[a - 2 : b]))))

    def _marked_names(self, text: str, lo: int = 0, hi: int | None = None) -> list[Scored]:
        """Names marked as foreign by a dot (圣地亚哥·卡拉特拉瓦) or a regnal number (路易十四世) in
        text[lo:hi]: their first part may hold characters outside the transliteration table."""
        out, hi = [], len(text) if hi is None else hi
        for m in self._dotted.finditer(text, lo, hi):
            end = m.end() - self._word_after(text, m.end() - 1, m.end())  # 汤姆森|基于
            if (a := self._part_start(text, m.start())) < m.start() and text[end - 1] not in DOTS:
                out.append((self.w.accept + self.w.dotted + self.headroom, a, end))
        for e in self._regnal_name_ends(text, lo, hi):
            if (a := self._part_start(text, e)) <= e - 2:
                out.append((self.w.accept + self.headroom, a, self._regnal.match(text, e).end()))
        return [
            (s + self._bonus(text, a, b, True), a, b)
            for s, a, b in out
            if self._penalty(text, a, b, True) == 0.0
        ]

    def _regnal_name_ends(self, text: str, lo: int, hi: int) -> list[int]:
        """Ends of the characters right before a regnal number in text[lo:hi] (路易|十四世 and
        路易十|四世), looked for in the few characters before each 世."""
        if text.find("世", lo, hi) < 0:
            return []
        shi = (m.start() for m in self._shi.finditer(text, lo, hi))
        return sorted(
            {p + 1 for q in shi for p in range(max(lo, q - 4), q - 1) if self._regnal_name.match(text, p, hi)}
        )

    def _part_start(self, text: str, i: int) -> int:
        """Start of the name part ending at i: its run of transliteration characters, and one or
        two characters more (圣地亚哥, 田纳西) after a function word, punctuation or a role when
        they make a word with the run or none of their own (not 纪念 in 纪念林肯)."""
        a = i
        while a > 0 and text[a - 1] in self.translit and not self._cue_before(text, a, "before"):
            a -= 1
        if (
            a == 0
            or not _han(text[a - 1])
            or text[a - 1] in self.function
            or self._cue_before(text, a, "before")
        ):
            return a  # the run starts at a clean boundary (总统|贝拉克·奥巴马)
        for b in (a - 2, a - 1):
            if b < 0:
                continue
            clean = b == 0 or not _han(text[b - 1]) or text[b - 1] in self.function
            if clean and self.is_word(text[b:i]):
                return b  # 由圣地亚哥·卡拉特拉瓦
            if not all(_han(c) and c not in self.stop for c in text[b:a]):
                continue
            if (clean or self._cue_before(text, b, "before")) and (b == a - 1 or not self.is_word(text[b:a])):
                return b
        return a

    def _monarch_names(self, text: str) -> list[Scored]:
        """Temple names (唐太宗) anywhere; era names (乾隆) unless a year or a period follows."""
        out = []
        for m in self._monarchs.finditer(text):
            a, b = m.span()
            if m.group() in self.temple:
                a -= a > 0 and text[a - 1] in self.dynasty
            elif m.group() not in self.era or any(text[b : b + n] in self.not_after_era for n in (1, 2)):
                continue
            if not any(
                self.is_word(text[a - k : a + 1]) for k in (1, 2) if a >= k
            ):  # not 街道光禄, 强大正能量
                out.append((self.w.accept + self.w.monarch + self.headroom, a, b))
        return out

    # --- context ------------------------------------------------------------------------------
    def _bonus(self, text: str, a: int, b: int, role: bool) -> float:
        """What the neighbours of text[a:b] say, from the cue lists alone (no dictionary look-up)."""
        w = self.w
        score = w.role if role else 0.0
        before = text[a - 1] if a else "。"
        after = text[b] if b < len(text) else "。"
        if before in "“「『《" and after in "”」』》":
            score += w.title if before == "《" else w.quoted
        if self._cue_before(text, a, "place_or_before"):
            score += w.place_before
        elif before in self.cues["measure_before"]:
            counted = a > 1 and (text[a - 2].isdigit() or text[a - 2] in COUNTERS)
            score += w.measure * (1 + counted)
        for c in (before, after):
            if not "\u4e00" <= c <= "\u9fff":
                score += w.in_list if c == "、" else w.edge
            elif c in self.stop:
                score += w.function_word
        return score + self._after_cue(text, b)

    def _after_cue(self, text: str, b: int) -> float:
        """The weight of the speech, action or honorific cue that starts at b, or 0."""
        for cue, weight in self.after.get(text[b : b + 1], ()):
            if text.startswith(cue, b):
                return weight
        return 0.0

    def _penalty(self, text: str, a: int, b: int, role: bool) -> float | None:
        """What the dictionary says about the neighbours: None when a suffix makes text[a:b] a place
        or a body (金辰街道), a penalty when it glues to a word on its left or right."""
        is_word, n = self.is_word, len(text)
        suffixes = self.cue_first["not_after"].get(text[b : b + 1])
        if suffixes is not None and any(text.startswith(x, b) for x in suffixes):
            ends = range(b + 2, min(b + 5, n) + 1)  # not 路过, 了解: a longer word
            if not any(is_word(text[b:k]) for k in ends) or any(
                text[b:k] in self.cues["not_after"] for k in ends
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

    def _cue_before(self, text: str, i: int, kind: str) -> bool:
        while i > 0 and text[i - 1] in ":： \u3000":
            i -= 1
        if i == 0:
            return False
        if kind == "before" and i > 1 and text[i - 1] in "为是" and self._cue_before(text, i - 1, kind):
            return True  # 现任主教为约翰·史密斯
        cues = self.cue_last[kind].get(text[i - 1])
        return cues is not None and any(text.endswith(c, 0, i) for c in cues)

    def _word_after(self, text: str, i: int, j: int) -> bool:
        """Does text[i] start a word that reaches past j, so that it belongs to what follows?"""
        return any(self.is_word(text[i:k]) for k in range(j + 1, min(j + 4, len(text)) + 1))

    def _with_lists(self, text: str, scored: list[Scored]) -> list[Span]:
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

    def _with_glosses(self, text: str, names: list[Span]) -> list[Span]:
        """A Latin gloss in brackets right after a name is the name too: 约翰·史密斯（John Smith）."""
        return sorted([*names, *(m.span(1) for _, b in names if (m := self._gloss.match(text, b)))])
