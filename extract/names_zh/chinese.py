"""Chinese and Japanese names: a surname (single, compound or Japanese) and a given name of one or
two characters, scored from the characters' weights, the dictionary and the context."""

from __future__ import annotations

from extract.names_zh.context import Context
from extract.names_zh.tables import PERSON_TAGS, PROPER_TAGS, Patterns, Scored, Tables, Weights, is_han


class ChineseNames:
    def __init__(
        self, tables: Tables, weights: Weights, patterns: Patterns, context: Context, headroom: float
    ):
        self.t, self.w, self.p, self.ctx, self.is_word = tables, weights, patterns, context, context.is_word
        self.headroom = headroom  # what a tagger may still add

    def may_start(self, text: str, i: int) -> bool:
        """A cheap test first: not inside a common word (高度, 英国王)."""
        t, two = self.t, text[i : i + 2]
        if text[i] not in t.surname and two not in t.compound and two not in t.japanese:
            return two[1:] in t.jp_final and is_han(text[i]) and bool(self.p.jp_finals.match(text, i + 1))
        return two not in t.common and not (i and self.is_word(text[i - 1 : i + 1]))

    def best(self, text: str, i: int, bonus: float, whole: bool = False) -> Scored | None:
        """The best reading at i: per surname reading, the longer given name when it may be one.
        The given-name weights come first: the rest of the characters' score can only lower them
        (add `chars_rest` at most), so most readings end there. Dictionary look-ups, which only
        lower a score, wait until a reading could reach `near`."""
        w, n, ctx = self.w, len(text), self.ctx
        best, role = None, bonus == 0 and ctx.cue_before(text, i, "before")
        for s_len, prior in self._surname_options(text, i, role or bonus > 0):
            j = i + s_len
            weights = self._given_weights(text, i, j)
            for end in (j + 2, j + 1):
                if end - j > len(weights) or (whole and end != n):
                    continue
                if end == j + 2 and self._adverb_before_verb(text, end):
                    continue  # 陶辉亦|获颁: 亦 is "also", the verb's, not the name's
                given = sum(weights[: end - j])
                shape = w.short_name if end - i == 2 else w.dict_name
                if prior + (given + self.t.chars_rest + shape) + bonus + w.role * role < w.min_inner:
                    continue
                chars = self._chars(text, i, j, end, given)
                if chars is None or prior + chars + bonus + w.role * role < w.min_inner:
                    continue
                words = self._words(text, i, j, end)
                if words is None:
                    continue
                score = prior + chars + bonus + ctx.bonus(text, i, end, role)
                if score + self.headroom < w.near:
                    continue
                penalty = ctx.penalty(text, i, end, role or bonus > 0)
                if penalty is not None:
                    if best is None or score + words + penalty > best[0]:
                        best = (score + words + penalty, i, end)
                    break
        return best

    def _adverb_before_verb(self, text: str, end: int) -> bool:
        """Does the reading's last character read as an adverb before a verb that follows people
        (助理处长陶辉|亦获颁授, 亦 in lexicons/names_zh_cues.tsv `adverb_last`)? A given name may hold
        亦 (刘亦菲), but right before 获 or 表示 it is "also"."""
        cues = self.t.cues
        if text[end - 1 : end] not in cues.get("adverb_last", ()):
            return False
        return any(text.startswith(v, end) for v in cues["action"] | cues["speech"])

    def _surname_options(self, text: str, i: int, role: bool = False) -> list[tuple[int, float]]:
        """(length, score) of the surnames text[i:] may start with; after a role word, 和 于 时
        are surnames like any other."""
        t, two = self.t, text[i : i + 2]
        if two in t.compound:
            return [(2, self.w.compound_surname)]  # 欧阳, not 欧 + 阳X
        if two in t.japanese:
            return [(2, self.w.japanese_surname)]
        c = text[i]
        single = [(1, t.priors[c][role])] if c in t.priors else []
        if two[1:] in t.jp_final and c not in t.stop and is_han(c):
            return [(2, self.w.japanese_shape), *single]
        return single

    def _given_weights(self, text: str, i: int, j: int) -> list[float]:
        """The weights of the (up to two) characters after the surname text[i:j], as far as each
        may stand in a given name."""
        t = self.t
        japanese = j - i == 2 and text[i:j] not in t.compound
        banned, table = (t.jp_banned, t.given_jp) if japanese else (t.banned, t.given)
        out, rare = [], self.w.rare_given
        for c in text[j : j + 2]:
            if c in banned or not "\u4e00" <= c <= "\u9fff":
                break
            out.append(table.get(c, rare))
        return out

    def _chars(self, text: str, i: int, j: int, end: int, given_weights: float) -> float | None:
        """Score of surname text[i:j] + given name text[j:end] (whose characters weigh
        `given_weights`) from the characters and our tables alone, or None when it cannot be a
        name."""
        t, w = self.t, self.w
        given, name, words = text[j:end], text[i:end], t.words
        japanese = j - i == 2 and name[:2] not in t.compound
        if japanese and name[:2] not in t.japanese and given[-1] not in t.jp_end:
            return None  # the Japanese shape needs a Japanese given-name ending
        if name in t.places or given in t.not_given_words or self.p.dot.search(text, max(0, i - 2), end + 2):
            return None  # 任主任, 中山大学: a title or suffix; 约翰·史密斯: a piece of a foreign name
        if len(name) > 2 and words.get(name, ("nr",))[0] not in PROPER_TAGS:
            return None  # 石灰岩, 马铃薯: a common word
        score, tr = given_weights, t.translit
        if all(map(tr.__contains__, name)) and sum(map(tr.__getitem__, name)) >= w.foreign_mean * len(name):
            score += 0.0 if t.female.intersection(given) else w.foreign_given  # 巴萨尼, 欧塞维奥
        for k in range(j + 1, end + 1):  # surname + given start a common word: 高度, 马上, 金星
            piece = words.get(text[i:k])
            if piece is not None and not (k == end >= i + 3 and piece[0] in PERSON_TAGS):
                score += max(w.word_max, w.word_base + len(str(piece[1])) * w.word_per_digit)
        return score + (w.short_name if len(name) == 2 else w.dict_name)

    def _words(self, text: str, i: int, j: int, end: int) -> float | None:
        """What the dictionary says about the reading; None when it cannot be a name."""
        t, w = self.t, self.w
        given, name = text[j:end], text[i:end]
        known = len(name) > 2 and self.is_word(name)
        if not known and j - i == 1 and not t.soft_stop.isdisjoint(given):
            return None  # 刘君分: a verb is in a given name only when the dictionary knows the name
        if self._foreign_around(text, i, end):
            return None  # 卡拉马佐夫, 马拉喀什: a piece of a foreign word
        if j - i == 1 and text[i] in t.weak and len(given) == 2 and self.is_word(given):
            return None  # 和詹姆斯, 曾担任: a function word before a word
        if j - i == 1 and len(given) == 2 and self.ctx.by_then_surname(name):
            return None  # 演员由林峰: 由 is "by"
        japanese = j - i == 2 and name[:2] not in t.compound and given[-1] in t.jp_end
        if (
            len(given) == 2
            and not japanese
            and self.ctx.after_cue(text, end) < w.speech
            and self.ctx.word_after(text, end - 1, end)
        ):
            return None  # 普佳表示: 表示 is a word, so 表 is no part of the name (but 韦小明说, 中村秀次后)
        score = 0.0 if known or len(name) == 2 else -w.dict_name
        if len(given) == 1 and self.ctx.word_after(text, j, end):
            score += w.right_word  # 李明天: 明 starts 明天
        return score

    def _foreign_around(self, text: str, i: int, end: int) -> bool:
        """Is text[i:end] glued to strongly foreign characters (卡拉马佐夫, 孔斯|坦丁)?"""
        tr, strong, after = self.t.translit, self.t.strong, text[end : end + 1]
        last = text[end - 1]
        return (
            (last in strong and after in strong)
            or (last in tr and after in tr and text[end + 1 : end + 2] in strong)
            or (i > 0 and text[i - 1] in strong and not self.is_word(text[max(0, i - 2) : i]))
        )
