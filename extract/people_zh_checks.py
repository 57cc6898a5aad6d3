"""Is this a Chinese name, in this slot? The checks the people finder and its layout frames share:
a surname and a given name in a slot the layout marks (byline, grid cell, list item, after a
position), a name closed on both sides, a name ending a list item."""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import Lexicon
from extract.names_zh import ChineseNameFinder
from extract.people_zh_credits import in_editors_line
from extract.people_zh_frames import Frames
from extract.people_zh_slots import is_dotted, tibetan, tibetan_element
from extract.places.zh import gazetteer

_NOT_LAST = frozenset("号班组队部科处室会")  # a unit's last character: no bare name ends so
_AWARD_CHARS = frozenset("奖章杯赛")
_PLACE_LAST = frozenset("省市县区乡镇村里街路州")
_PRIZE_LAST = frozenset("奖赛")  # a prize's or a contest's last character: no name ends so
_SERVICE = ("志工", "义工")  # lexicons/people_zh.tsv name_suffix: written right after a name
_COUNTED = re.compile("[多几数各每诸两一二三四五六七八九十百0-9０-９]$")  # before the measure word 位
_NAMED_AFTER = re.compile(
    "(?:荣誉)?(?:勋章|奖章|奖(?![励金状品牌券项]))"
)  # 师铎奖: not 奖励, 奖金  # 市长优学奖、, 除市长优学奖外: an award, no bare name


class NameChecks:
    def __init__(self, names: ChineseNameFinder, lex: Lexicon, f: Frames):
        self.names, self.lex, self.f = names, lex, f
        self.role_end = re.compile("(?:" + lex.role_re.pattern + ")$")
        # characters a Chinese name can start with: a cheap test before the finder's scoring
        self.first = frozenset(names.tables.surname) | {c[0] for c in names.tables.compound}
        self.slot_first = self.first | names.tables.slot  # 区璟智、栢志高: rarer surnames, in a marked slot
        self.unit_words = tuple(sorted(lex.units | lex.collectives))  # words that end a unit's name

    def ends_with_role(self, text: str, at: int) -> bool:
        return self.role_end.search(text, max(0, at - 8), at) is not None

    def cued_name(self, text: str, start: int, end: int, relaxed: bool = False) -> bool:
        """Does a name fill text[start:end], in a slot the layout already marks as a name (byline,
        grid cell, list item, annotation)? There the shape is enough: a surname, then one or two
        given characters that are not function words (易长青, 于海洋, 何家军 — whose given names are
        also words — pass; 宣传部 does not)."""
        name = "".join(text[start:end].split())
        if tibetan().fullmatch(name):
            return True
        if tibetan_element().fullmatch(name) and not self.names.is_word(name):
            return True  # 伦珠(藏族), 急救小组次吉等同志: one element in a marked slot
        if not name or name[0] not in self.slot_first or (" " in text[start:end] and end - start != 3):
            return False
        return (
            self.slot_name(name, relaxed)
            or self.names.name_at(text, start) == end
            or self.names.is_name(name)
        )

    def slot_name(self, name: str, relaxed: bool = False, words_too: bool = False) -> bool:
        """A surname and a given name of one or two characters that are no function words; in a
        grid cell (`relaxed`) only the characters never in a given name are refused (甘学而 passes);
        `words_too` lets a two-character word pass (追授蒙汉等2名同志)."""
        f = self.names.tables
        if not 2 <= len(name) <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in name):
            return False
        given = (
            name[2:]
            if name[:2] in f.compound
            else name[1:]
            if name[0] in f.surname or name[0] in f.slot
            else None
        )
        refused = self.f.never_in_cell if relaxed else f.function
        if not given or len(given) > 2 or any(c in refused for c in given):
            return False
        if name[0] in f.slot and (
            name[-1] in _PLACE_LAST
            or name[-1] in _NOT_LAST
            or self.names.is_word(name[:2])
            or self.names.is_word(name)
        ):
            return False  # 竹崎乡, 代表作: a rarer surname, no place's or unit's last character, no word
        return words_too or not (self.names.is_word(name) and len(name) == 2 and not self.names.is_name(name))

    def delimited_name(self, text: str, at: int) -> int | None:
        """After a position, a surname and one or two characters closed by punctuation or a word that
        follows names (县长覃若兰等): the slot is marked on both sides, the shape is enough."""
        if text[at : at + 1] in self.names.tables.weak or not "\u4e00" <= text[at : at + 1] <= "\u9fff":
            return None  # 选手都进行, 干部和团队: 都 和 are words here; a line end is no name
        for end in (at + 3, at + 2):
            if end > len(text):
                continue
            closed = end == len(text) or text[end] in self.f.boundary or self.f.after_name.match(text, end)
            if closed and text[end - 1] not in _PRIZE_LAST and self.cued_name(text, at, end, relaxed=True):
                return end  # not 绩优志工|金馨奖;: a prize's name after the post
        return None

    def plain_slot(self, name: str) -> bool:
        """A slot name whose given name is no word (宾上伟, not 王老师): enough where the frame marks the
        name (X是…小学校长) for a rarer surname the finder does not start on."""
        return self.slot_name(name) and not self.names.is_word(name[1:])

    def glued_tail(self, text: str, at: int, end: int) -> int | None:
        """村民荆彩|来说: a name whose last character opens a word with what follows (来说) is the shorter
        name when the text writes that one again on its own (荆彩说, 和荆彩一样); else no name
        (乡村医生扎根基|层: the "name" cuts a word)."""
        short = text[at : end - 1]
        if len(short) < 2 or not self.slot_name(short, relaxed=True):
            return None
        again = (k for k in range(len(text)) if k != at and text.startswith(short, k))
        return (
            end - 1
            if any(text[k + len(short) : k + len(short) + 1] != text[end - 1] for k in again)
            else None
        )

    def weak_named(self, text: str, at: int) -> bool:
        """After a position, 和 or 及 opening three characters closed by punctuation whose last two are no
        word (区委书记和文全,, 主任设计师及红娟、): the surname, not the conjunction (主席和成员, 老师和学生)."""
        name, after = text[at : at + 3], text[at + 3 : at + 4]
        return (
            text[at : at + 1] in ("和", "及")
            and bool(after)
            and after in self.f.boundary
            and self.slot_name("和" + name[1:])  # 及 is in no surname table: its given name the same way
            and not self.names.is_word(name[1:])
            and not self.lex.role_re.search(name)
        )

    def bare_name(self, text: str, at: int) -> int | None:
        """After a position, three or four characters with no surname closed by punctuation, a line
        end or a word that follows names (中队长斯日古楞;, 董事长巴雅尔荣获): a Mongolian or Tibetan name; not a word, nor a
        phrase holding a position or function word (兼总经理, 助理)."""
        for end in (at + 4, at + 3, at + 2):
            if end > len(text):
                continue
            closed = end == len(text) or text[end] in self.f.boundary or text[end] == "\n"
            if not (closed or self.f.after_name.match(text, end)):
                continue  # 中队长斯日古楞;, 中队长额尔敦荣获
            cand = text[at:end]
            if self.names.is_word(text[at - 1 : at + 1]):
                return None  # 人民警|察警歌: the "position" (民警) is part of a longer word (警察)
            if tibetan().fullmatch(cand) or (len(cand) == 2 and tibetan_element().fullmatch(cand)):
                return end  # 党支部书记次仁加布、
            if len(cand) > 2 and (
                all("\u4e00" <= ch <= "\u9fff" for ch in cand)
                and cand[0] not in self.first
                and cand[-1] not in _NOT_LAST
                and not set(cand) & _AWARD_CHARS
                and not self.names.is_word(cand)
                and not any(self.names.is_word(cand[i : i + 2]) for i in range(len(cand) - 1))
                and not any(ch in self.names.tables.function or ch in self.f.never_in_cell for ch in cand)
                and not self.lex.role_re.search(cand)
            ):
                return end
        return None

    def name_in(self, text: str, start: int, end: int, last_chars: bool = False) -> int | None:
        """Where a name filling text[start:end] exactly, or (list items) ending it, starts: 授予王某
        -> 王某; None when there is none."""
        starts = [start] if not last_chars else [start, *range(max(start, end - 4), end - 1)]
        for s in starts:
            if text[s] not in self.first:
                continue
            cand = text[s:end]
            ok_start = (
                s == start
                or not last_chars
                or text[s - 1] in self.f.boundary
                or self.ends_with_role(text, s)
                or self.f.award_before.search(text, max(0, s - 3), s) is not None
                or self.f.list_intro.search(text, max(0, s - 4), s) is not None
                or (
                    last_chars
                    and text.endswith(self.unit_words, start, s)
                    and text[s] not in self.names.tables.weak
                )
            )  # 授予|张秀英, 还有|姬长安, 原装备厂|吕某: a list item's unit before its name
            if (
                2 <= len(cand) <= 4
                and ok_start
                and self.names.is_name(cand)
                and self.names.name_at(text, s) == end
            ):
                return s
        return None

    # --- names only the general finder saw, that are none ------------------------------------------

    def no_name(self, text: str, name: str, spans: list[tuple[int, int]]) -> bool:
        """A name only the general finder saw that is none: a bare surname (蔡总统), a province or a
        city (其中,安徽荣获…), a word that opens with no surname (光荣榜), four characters that are
        neither a compound surname's name nor a married name (全村文明), or the head of a thing named
        after it at every mention (金紫荆|星章)."""
        t = self.names.tables
        if len(name) < 2 or name in division_stems():
            return True
        if name[0] not in self.first and self.names.is_word(name) and name not in self.lex.figures:
            return True  # “最美家庭”光荣榜: a dictionary word that opens with no surname
        if self.common_word(text, name, spans):
            return True
        if all(self.ends_with_role(text, s + 1) for s, _ in spans):
            return True  # 护理师|铨叙令: the first character closes a position word, no surname
        if name.endswith(_SERVICE) or all(text[e - 1 : e + 1] in _SERVICE for _, e in spans):
            return True  # 陈莲志|工, 邱某志工: the name took (part of) the service word after it
        if any(_NAMED_AFTER.match(text, e) for _, e in spans):
            return True  # 师铎|奖, 金莲花|荣誉勋章: an honour named after it, even where it stands alone
        four = len(name) == 4 and name[:2] not in t.compound and name[1] not in t.surname
        if four and not all(c in t.translit for c in name) and not tibetan().fullmatch(name):
            return True  # 全村文明|程度: one surname, no three given characters (泽仁卓玛: Tibetan)
        return all(self.names.context.penalty(text, s, e, False) is None for s, e in spans)

    def common_word(self, text: str, name: str, spans: list[tuple[int, int]]) -> bool:
        """关怀, 祝福(声): a common word the tagger calls a person (names_zh_cues.tsv, not_name); 至高荣誉,
        最高荣誉: a 高 after a degree adverb at every mention is the adjective, not a surname."""
        cues = self.names.tables.cues
        common = cues.get("not_name", frozenset())
        if name in common or (len(name) == 3 and name[:2] in common):
            return True
        if (
            len(name) > 1
            and name[0] == name[1]
            and name[:2] not in self.names.tables.compound
            and not is_dotted(name)
        ):
            return True  # 「户户反贿选」, 张张奖状: a repeated character is a reduplicated word (户户, 张张)
        degree = cues.get("degree_before", frozenset())
        return all(s > 0 and text[s - 1] in degree and name[0] == "高" for s, _ in spans)

    def dropped(self, text: str, name: str, spans: list[tuple[int, int]], how: set[str]) -> bool:
        """A name to drop whatever found it, but a grid or an award phrase: a list's last item cut
        short, or a common word after a position (为这些优秀的教师|祝福喝采) or, three characters long,
        in a list (国小、国中、高中职; 那些人、那些事), where a two-character one may still be a name (施政)."""
        loose = {"found", "role"} | ({"list"} if len(name) > 2 else set())
        if (
            how <= {"found", "list"}
            and name in gazetteer().stems
            and any(_listed_with_place(text, name, s, e) for s, e in spans)
        ):
            return True  # 北仑、宁海、象山: a county among the places of a 、-list
        if in_editors_line(text, spans):
            return True  # (编辑:X 责编:Y 编审:Z): the page's editors, chrome
        if name[0] == "位" and all(_COUNTED.search(text, 0, s) for s, _ in spans):
            return True  # 多位民代, 三位老师: 位 counts the people after it, no surname there
        return self.cut_off(text, name, spans, how) or (how <= loose and self.common_word(text, name, spans))

    def cut_off(self, text: str, name: str, spans: list[tuple[int, int]], how: set[str]) -> bool:
        """A list's last item cut by the end of an excerpt, with no stop after it (…、番路乡黄郑): two
        characters ending in a surname are the husband's and the woman's surnames of a married name."""
        end = len(text.rstrip())
        return (
            how <= {"found", "list"}
            and [e for _, e in spans] == [end]
            and len(name) == 2
            and name[1] in self.names.tables.surname
        )


@cache
def division_stems() -> frozenset[str]:
    """The bare names of China's provinces and prefectures (安徽, 昆明): places, never people."""
    return frozenset(
        stem for stem, places in gazetteer().stems.items() if any(p.level != "county" for p in places)
    )


_ITEM_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,3})、$")
_ITEM_AFTER = re.compile(r"、([\u4e00-\u9fff]{2,3}?)(?=[、等和及，,；;。\s])")


def _listed_with_place(text: str, name: str, s: int, e: int) -> bool:
    """Is the mention an item of a 、-list whose item next to it is a place's bare name (海曙、鄞州、宁海)?"""
    stems = gazetteer().stems
    before = _ITEM_BEFORE.search(text, max(0, s - 4), s)
    after = _ITEM_AFTER.match(text, e)
    return any(m and m.group(1) != name and m.group(1) in stems for m in (before, after))


# 张某:忠贞国事大丈夫 王某:为人民流尽最后一滴血: a row of links to other stories, each a name and its
# headline (the related-news block's heading cut away by the cleaner)
_LINK = r"[\u4e00-\u9fff·]{2,6}[:：][^\s:：]{4,30}"
_LINK_ROW = re.compile(rf"(?m)^[ \t\u3000]*{_LINK}(?:[ \t\u3000]+{_LINK})+[ \t\u3000]*$")


def link_row(text: str, spans: list[tuple[int, int]]) -> bool:
    """Is every mention of the name the head of an item in a row of story links (two or more)?"""
    rows = [m.span() for m in _LINK_ROW.finditer(text)]
    return bool(rows) and all(any(a <= s < b and text[e : e + 1] in ":：" for a, b in rows) for s, e in spans)
