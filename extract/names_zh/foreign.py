"""Foreign names: runs of transliteration characters (施密特), names marked foreign by a dot
(玛格丽特·撒切尔) or a regnal number (路易十四世), and monarchs (唐太宗, 乾隆)."""

from __future__ import annotations

from extract.names_zh.context import Context
from extract.names_zh.tables import DOTS, NUMERALS, PERSON_TAGS, Patterns, Scored, Tables, Weights, is_han


class ForeignNames:
    def __init__(
        self, tables: Tables, weights: Weights, patterns: Patterns, context: Context, headroom: float
    ):
        self.t, self.w, self.p, self.ctx, self.is_word = tables, weights, patterns, context, context.is_word
        self.headroom = headroom  # what a tagger may still add

    def readings(self, text: str, a: int, b: int, bonus: float = 0.0, whole: bool = False) -> list[Scored]:
        """Readings of the transliteration run text[a:b], and of it without its first character
        when that ends the word before, or without its last one or two when they start the word
        after (汤姆森基于) or are a verb (米勒拿着)."""
        dotted = bool(self.p.dot.search(text, a, b))
        out = self._score(text, a, b, bonus, dotted)
        if not whole:
            for a2, b2 in ((a + 1, b), (a, b - 1), (a, b - 2)):
                if b2 - a2 > 1:
                    out += self._score(text, a2, b2, bonus, dotted, trimmed=b if a2 == a else -1)
        return out

    def _score(self, text: str, a: int, b: int, bonus: float, dotted: bool, trimmed: int = 0) -> list[Scored]:
        """Scored readings of text[a:b] (`dotted` when its run has a dot) and of it with 一世 after
        it. `trimmed` is -1 when the run was cut at its start, its end when it was cut at its end:
        the dictionary must justify it."""
        run, w, t, ctx = text[a:b], self.w, self.t, self.ctx
        hit = t.words.get(run)
        if run[0] in DOTS or run[-1] in DOTS or run in t.places or (hit and hit[0] not in PERSON_TAGS):
            return []
        letters = "".join(c for c in run if c not in DOTS) if dotted else run
        if (
            (a and text[a - 1] == "-")
            or text[b : b + 1] == "-"  # 巴登-巴登: hyphens join places
            or sum(map(t.translit.__getitem__, letters)) < max(w.foreign_min, w.foreign_mean * len(letters))
            or not self._dictionary_allows(text, a, b, trimmed)
        ):
            return []
        score = w.foreign_prior + bonus + w.foreign_end * t.end.get(letters[-1], 0.0)
        score += w.foreign_two * (len(letters) == 2) + w.dotted * (len(letters) < len(run))
        score += w.place_prep * (a > 0 and text[a - 1] in t.cues["place_prep"])
        score += w.subject * (text[b : b + 1] in t.cues["subject_after"]) + w.place_end * run.endswith(
            t.place_end
        )
        if score < w.min_inner:
            return []
        role = bonus == 0 and ctx.cue_before(text, a, "before")
        out = []
        regnal = text[b : b + 1] in NUMERALS and self.p.regnal.match(text, b)  # 路易十四世
        for end, extra in ((regnal.end(), w.regnal), (b, 0.0)) if regnal else ((b, 0.0),):
            if (
                s := score + extra + ctx.bonus(text, a, end, role)
            ) + self.headroom + w.foreign_word >= w.near:
                out.append((s, end))
        if not out:
            return []
        words = w.foreign_word * (hit is not None or self.is_word(run))
        words += w.right_word * ctx.word_after(text, b - 1, b)  # 汤姆森基于
        return [
            (s + words + p, a, end)
            for s, end in out
            if (p := ctx.penalty(text, a, end, role or bonus > 0)) is not None
        ]

    def _dictionary_allows(self, text: str, a: int, b: int, trimmed: int) -> bool:
        """May text[a:b] be a foreign word by the dictionary: not the end of a longer word (俄罗斯
        for 罗斯), and cut from its run only where a word begins or ends?"""
        is_word = self.is_word
        if trimmed == -1 and not (
            a > 1 and (is_word(text[a - 2 : a]) or (a > 2 and is_word(text[a - 3 : a])))
        ):
            return False
        if trimmed > 0 and not (
            text[trimmed : trimmed + 1] in "着了过" or self.ctx.word_after(text, b, trimmed)
        ):
            return False
        return not (a and (is_word(text[a - 1 : b]) or (a > 1 and is_word(text[a - 2 : b]))))

    def marked(self, text: str, lo: int = 0, hi: int | None = None) -> list[Scored]:
        """Names marked as foreign by a dot (圣地亚哥·卡拉特拉瓦) or a regnal number (路易十四世) in
        text[lo:hi]: their first part may hold characters outside the transliteration table."""
        out, hi, w, ctx = [], len(text) if hi is None else hi, self.w, self.ctx
        for m in self.p.dotted.finditer(text, lo, hi):
            end = m.end() - ctx.word_after(text, m.end() - 1, m.end())  # 汤姆森|基于
            a = self._part_start(text, m.start(), self.t.minority)
            if a < m.start() and text[end - 1] not in DOTS:
                out.append((w.accept + w.dotted + self.headroom, a, end))
        for e in self._regnal_name_ends(text, lo, hi):
            if (a := self._part_start(text, e)) <= e - 2:
                out.append((w.accept + self.headroom, a, self.p.regnal.match(text, e).end()))
        return [
            (s + ctx.bonus(text, a, b, True), a, b) for s, a, b in out if ctx.penalty(text, a, b, True) == 0.0
        ]

    def _regnal_name_ends(self, text: str, lo: int, hi: int) -> list[int]:
        """Ends of the characters right before a regnal number in text[lo:hi] (路易|十四世 and
        路易十|四世), looked for in the few characters before each 世."""
        if text.find("世", lo, hi) < 0:
            return []
        shi = (m.start() for m in self.p.shi.finditer(text, lo, hi))
        name = self.p.regnal_name
        return sorted({p + 1 for q in shi for p in range(max(lo, q - 4), q - 1) if name.match(text, p, hi)})

    def _part_start(self, text: str, i: int, extra: frozenset[str] = frozenset()) -> int:
        """Start of the name part ending at i: its run of transliteration characters, and one or
        two characters more (圣地亚哥, 田纳西) after a function word, punctuation or a role when
        they make a word with the run or none of their own (not 纪念 in 纪念林肯)."""
        t, ctx, a = self.t, self.ctx, i
        while (
            a > 0
            and (text[a - 1] in t.translit or text[a - 1] in extra)
            and not ctx.cue_before(text, a, "before")
        ):
            a -= 1
        if (
            a == 0
            or not is_han(text[a - 1])
            or text[a - 1] in t.function
            or ctx.cue_before(text, a, "before")
        ):
            return a  # the run starts at a clean boundary (总统|贝拉克·奥巴马)
        for b in (a - 2, a - 1):
            if b < 0:
                continue
            clean = b == 0 or not is_han(text[b - 1]) or text[b - 1] in t.function
            if clean and self.is_word(text[b:i]):
                return b  # 由圣地亚哥·卡拉特拉瓦
            if not all(is_han(c) and c not in t.stop for c in text[b:a]):
                continue
            if (clean or ctx.cue_before(text, b, "before")) and (b == a - 1 or not self.is_word(text[b:a])):
                return b
        return a

    def monarchs(self, text: str) -> list[Scored]:
        """Temple names (唐太宗) anywhere; era names (乾隆) unless a year or a period follows."""
        out, t = [], self.t
        for m in self.p.monarchs.finditer(text):
            a, b = m.span()
            if m.group() in t.temple:
                a -= a > 0 and text[a - 1] in t.dynasty
            elif m.group() not in t.era or any(text[b : b + n] in t.not_after_era for n in (1, 2)):
                continue
            if not any(
                self.is_word(text[a - k : a + 1]) for k in (1, 2) if a >= k
            ):  # not 街道光禄, 强大正能量
                out.append((self.w.accept + self.w.monarch + self.headroom, a, b))
        return out
