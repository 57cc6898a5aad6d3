"""The name finder: candidates from the regexes, each scored by the Chinese or the foreign reader,
the best of them kept without overlaps, then widened by lists and glosses; then, unless built
without it, combined with the CRF tagger's reading of the text (crf.py, thresholds in
names_zh_weights.tsv)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping
from itertools import accumulate
from operator import itemgetter

from extract.names_zh.chinese import ChineseNames
from extract.names_zh.context import Context
from extract.names_zh.crf import NameTagger, load_tagger, merge
from extract.names_zh.foreign import ForeignNames
from extract.names_zh.tables import (
    COUNTERS,
    DOTS,
    PERSON_TAGS,
    Patterns,
    Scored,
    Span,
    Tables,
    Tagger,
    is_han,
    read_weights,
)

_ASPECT = frozenset("了着过")  # aspect particles: the character before them is a verb, no given name


class ChineseNameFinder:
    def __init__(
        self,
        is_word: Callable[[str], bool],
        tag: Tagger | None = None,
        weights: Mapping[str, float] | None = None,
        crf: bool = True,
    ):
        self.is_word, self.w = is_word, read_weights(weights)
        self.tag = _last_text(tag) if tag is not None else None  # find() asks twice for one text
        self.crf: NameTagger | None = load_tagger() if crf else None
        self.tables = Tables.build(self.w)
        self.patterns = Patterns.build(self.tables)
        self.context = Context(self.tables, self.w, self.patterns, is_word)
        headroom = self.w.tag_person if tag is not None else 0.0  # what the tagger may still add
        self.chinese = ChineseNames(self.tables, self.w, self.patterns, self.context, headroom)
        self.foreign = ForeignNames(self.tables, self.w, self.patterns, self.context, headroom)

    def name_at(self, text: str, start: int) -> int | None:
        """End of the person name that starts exactly at `start` (after a role word), else None."""
        best = self._best_at(text, start, self.w.role)
        if not best or best[0] < self.w.near:
            return None  # the role is the evidence
        if text[start] in self.tables.weak and start + 1 < len(text):
            nxt = self._best_at(text, start + 1, self.w.role)  # 副市长向|罗俊川: 向 is "to" here
            if nxt and nxt[0] >= self.w.near and nxt[2] > best[2]:
                return None
        if best[2] - start == 2 and self._tagged_three(text, start):
            return start + 3  # 里长颜福来|深耕: 来 is a verb, but the tagger reads one name
        return best[2]

    def _tagged_three(self, text: str, start: int) -> bool:
        """Does the tagger read text[start:start + 3] as one person's name, outside our word table?"""
        t = self.tables
        if self.tag is None or text[start : start + 3] in t.words:
            return False
        if text[start + 2 : start + 3] in t.cues.get("not_last", ()):
            return False  # 毛莉摄, 张宣等: a credit or a list's end after a two-character name
        if text[start + 3 : start + 4] in _ASPECT:
            return False  # 主席郑红作了讲话: an aspect particle makes the third character a verb
        at = 0
        for word, tag in self.tag(text):
            if at >= start:
                return at == start and len(word) == 3 and tag in PERSON_TAGS
            at += len(word)
        return False

    def is_name(self, s: str) -> bool:
        """Is `s` on its own a plausible person name (a list item, a table cell)?"""
        s = s.strip()
        best = self._best_at(s, 0, 0.0, whole=True) if 2 <= len(s) <= 20 else None
        if best and best[2] == len(s) and best[0] >= self.w.accept:
            return True
        return len(s) == 4 and self._married_at(s, 1, s[:0]) and self.is_name(s[1:])  # 游|张阿碧

    def _married_at(self, text: str, a: int, before: str) -> bool:
        """May text[a - 1] be a husband's surname before the name at a (Taiwan: 彭|陈清妹), `before`
        being the text before it? After a list mark or at the start (a list item) also 曾 and 游."""
        c, t = text[a - 1], self.tables
        if c not in t.surname or c in t.rare or text[a - 1 : a + 1] in t.common:
            return False
        if not before or before[-1] in "、:：":
            return True
        if c in t.weak:
            return False  # 乔治王子和|玛丽娜: "and"
        if self.context.cue_before(text, a - 1, "before"):
            return True  # 行政长官林|郑月娥
        after = t.cues.get("married_before", frozenset())
        return not is_han(before[-1]) or any(map(before.endswith, after))

    def find(self, text: str) -> list[Span]:
        """Spans of the person names in `text`, in order."""
        names = self.find_by_rules(text)
        if self.crf is None:
            return self._married(text, names)
        w, inside = self.w, self._inside_word(text)
        merged = merge(
            names,
            self.crf.read(text),
            w.crf_keep,
            w.crf_add,
            w.crf_override,
            lambda a, b, p: self._may_be(text, a, b, p) and not inside(a, b),
            lambda a, b: self._household(text, a, b),
        )
        return self._married(text, [(a, b) for a, b in merged if not self._firm_after(text, b)])

    def _household(self, text: str, a: int, b: int) -> int:
        """Where the tagger's span text[a:b] ends once a household's 家 is cut off: 农户严桂香|家的
        小院, 王芳|家庭. A single surname takes at most two given characters, so a fourth 家 is
        the household; after a three-character span only before 的, 庭, 户 and the like."""
        name, t = text[a:b], self.tables
        if len(name) not in (3, 4) or name[-1] != "家" or name[0] not in t.surname or name[:2] in t.compound:
            return b
        return b - 1 if len(name) == 4 or text[b : b + 1] in t.cues.get("household_after", ()) else b

    def _firm_after(self, text: str, b: int) -> bool:
        """Does a company's name go on after the name ending at b (卓郎|新疆智能机械有限公司)? A brand
        that reads as a name, then a few characters without a function word, then the firm's end."""
        return self.patterns.firm.match(text, b) is not None

    def _married(self, text: str, names: list[Span]) -> list[Span]:
        """Taiwan married names put the husband's surname before the woman's own name (彭陈清妹):
        a three-character name gets the plain surname before it when that surname follows a
        list mark, the start, a township or an age (苑里镇彭|陈清妹, 、游|张阿碧)."""
        out, prev_end = [], 0
        for a, b in names:
            if b - a == 3 and a - 1 >= prev_end and self._married_at(text, a, text[max(0, a - 4) : a - 1]):
                a -= 1
            out.append((a, b))
            prev_end = b
        return out

    def _married_shape(self, text: str, a: int, b: int) -> float:
        """What it adds that the three-character candidate text[a:b] is a married woman's own name,
        her husband's surname right before it at a clean start (。林|郑月娥), with the role before
        that surname (行政长官林|郑月娥). Nothing when the two surnames make a word (高|明月: 高明)
        or a conjunction ends the candidate (林|国华和)."""
        t = self.tables
        if b - a != 3 or a == 0 or self.is_word(text[a - 1 : a + 1]) or text[b - 1] in t.cues["joins_two"]:
            return 0.0
        if not self._married_at(text, a, text[max(0, a - 4) : a - 1]):
            return 0.0
        return self.w.married + self.w.role * self.context.cue_before(text, a - 1, "before")

    def _inside_word(self, text: str) -> Callable[[int, int], bool]:
        """Does text[a:b] lie inside a longer word of the tagger (jieba's) that is no person's
        (孝老爱|亲)? Never, without a tagger."""
        if self.tag is None:
            return lambda a, b: False
        pairs = self.tag(text)
        ends = list(accumulate(map(len, map(itemgetter(0), pairs))))
        starts, tags = [0, *ends[:-1]] if ends else [], list(map(itemgetter(1), pairs))

        def inside(a: int, b: int) -> bool:
            k = bisect_right(starts, a) - 1
            return ends[k] >= b and (starts[k], ends[k]) != (a, b) and tags[k] not in PERSON_TAGS

        return inside

    def _may_be(self, text: str, a: int, b: int, p: float) -> bool:
        """May the tagger's span text[a:b] be a name, as far as the rules know? The tagger learnt
        from encyclopaedia text, which has neither the spaces and ASCII punctuation of normalised
        pages nor their titles and slogans. So: Latin letters only (Katherine), or Han characters
        and the dots of foreign names only; not after a number (十余年, 千人红歌会), nor starting
        with a frequent word (黄金周), nor an era name before a year (乾隆五年); no role,
        honorific or suffix after its first character (冯书记, 苗老师); and, longer than three
        characters without a dot, neither starting nor ending with a common word (农户严桂香家,
        蒙秀珍光荣上榜) -- foreign names (汉密尔顿) and compound surnames pass; a two-character
        common word (层层“关卡”) only from probability `crf_word` on."""
        name, t = text[a:b], self.tables
        if name.isascii() and name.replace("-", "").isalpha():
            return True
        if not all(is_han(c) or c in DOTS for c in name) or name[0] in DOTS or name[-1] in DOTS:
            return False
        if name[0] in COUNTERS or name in t.places or name[:2] in t.common or name in t.cues["not_name"]:
            return False  # 荣登 (jieba: a person) 好人榜: a verb of commendation pages
        if len(name) > 2 and name[-2] in COUNTERS and name[-1] in t.cues["count_after"]:
            return False  # 陈明|四人 当选: a count of the names before; the rules' 陈明 stays
        if len(name) > 1 and name[-2] in "左右" and name[-1] in COUNTERS:
            return False  # 总统赖清德（图|左二）: a place in a photo
        if len(name) == 2 and name[1] in t.banned and t.words.get(name, ("n",))[0] not in PERSON_TAGS:
            return False  # 施比受更有福: a function word is no given name the dictionary does not know
        if len(name) > 2 and name[0] in t.surname and name[-1] in t.cues.get("not_last", ()):
            return False  # 部长余金霞|向被表彰的: a function word never ends a Chinese name
        if any(text.endswith(row, 0, a) for row in t.cues.get("photo_row", ())):
            return False  # 局长孔德明(前排|左五): a place in a photo
        if name in t.era and any(text[b : b + n] in t.not_after_era for n in (1, 2)):
            return False
        if any(name[k:] in t.not_given_words for k in range(1, len(name))):
            return False
        if len(name) == 2 and self.is_word(name) and t.words.get(name, ("n",))[0] not in PERSON_TAGS:
            return p >= self.w.crf_word
        if len(name) == 3 and self._common_word(name[:2]) and name not in t.words:
            return p >= self.w.crf_word  # 嘉许|礼: a common word and a suffix (but 高峰林 when sure)
        if len(name) <= 3 or any(c in DOTS for c in name):
            return True
        if len(name) > 4 and name[0] in t.surname and t.cues["joins_two"] & {name[2], name[3]}:
            return False  # 彭子文|和|孝老爱: a name and what the conjunction joins to it
        return not any(map(self._common_word, (name[:2], name[-2:])))

    def _common_word(self, piece: str) -> bool:
        """Is `piece` a dictionary word that is no person's (嘉许, 农户; not 王芳)?"""
        return self.is_word(piece) and self.tables.words.get(piece, ("n",))[0] not in PERSON_TAGS

    def find_by_rules(self, text: str) -> list[Span]:
        """The names the rules find in `text`, in order (without the CRF)."""
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
        chinese = [(s + self._married_shape(text, a, b), a, b) for s, a, b in chinese]
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


def _last_text(tag: Tagger) -> Tagger:
    """`tag` that remembers its last text: the rules and the CRF's filter ask for the same one."""
    last: list = [None, None]

    def tagged(text: str) -> list[tuple[str, str]]:
        if last[0] is not text and last[0] != text:
            last[:] = [text, tag(text)]
        return last[1]

    return tagged
