"""Names in the short portraits a commendation gives of its honourees, where the general finder doubts
them (大甲区的陈政治积极…: 政治 is a word; 推荐的叶在炎先生现年94岁: 在 is a preposition; 91岁游金水).
Only a person takes a home district with 的, an age, a recommender or 获奖的 before the name, so
these open the slot; a reading the finder accepts after such a cue, or a name shape followed by the
opening of a portrait (先生, 现年, 积极, 是一位…, lexicons/people_zh.tsv `profile_close`), closes it.
Also the Taiwan order around a name: the byline without a credit word (郑建勋\\台中报导) and the
service word closing a name (卫生局许某志工)."""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import alternation
from extract.people_zh_slots import married_cell
from extract.text import HAN
from extract.tsv import read_blocks

_NUMERAL = "\\d一二三四五六七八九十百"
# 北屯区|的, 丰年里办公处推荐|的, 推荐获奖的, 91岁|的, 百岁|的: the modifiers of a person
_OPEN = re.compile(f"(?:(?<=[区里乡镇村])的|推荐的|[获受](?:奖|表扬)的|(?<=[{_NUMERAL}])岁的?)(?=[{HAN}])")
# 郑建勋\台中报导, 林某/台北报导: the byline line of a Taiwan paper, no credit word before the name
_SLASH_BYLINE = re.compile(
    f"(?m)^[ \t\u3000]*([{HAN}]{{2,3}})[ \t\u3000]*[\\\\/／][ \t\u3000]*[{HAN}]{{1,4}}报[导道][ \t\u3000]*$"
)


_HONORIFIC = frozenset({"先生", "女士", "小姐"})
_NEVER_GIVEN = frozenset("的了着过得地之所我你他她它们这那是说等")


@cache
def _close() -> re.Pattern:
    return alternation(read_blocks("people_zh.tsv")["profile_close"])


def portraits(text: str, add, checks, thorough: bool) -> None:
    """Slash bylines; on a commendation (`thorough`) also the names of its portraits and the names
    closed by a service word (教育局郭某志工)."""
    slash_bylines(text, add)
    if thorough:
        profile_names(text, add, checks)
        suffixed_names(text, add, checks)


def profile_names(text: str, add, checks) -> None:
    """The names opened by a person's modifier in a portrait; `add(start, end, how)`."""
    names = checks.names
    for m in _OPEN.finditer(text):
        at = m.end()
        end = _closed(text, at, checks) or _read(text, at, checks)  # 东势区的严文化|积极: the word first
        if end is not None and not names.is_word(text[at:end]):
            add(at, end, "found")


def _read(text: str, at: int, checks) -> int | None:
    """The finder's reading after the modifier, as after a position (91岁游金水,): a name shape of
    two or three characters, else None."""
    end = checks.names.name_at(text, at)
    if end is not None and end - at == 3 and text[end - 1] in checks.f.never_last:
        end -= 1  # 9岁的金晶|因恶性肿瘤: 因 is "because", the clause's
    if end is None or end - at > 3 or not checks.slot_name(text[at:end], relaxed=True):
        return None
    return end


def _closed(text: str, at: int, checks) -> int | None:
    """The end of a name shape of three, then two characters right before a portrait's opening word
    (林朝笔|兴建, 叶在炎|先生): the word marks where the name stops."""
    for end in (at + 3, at + 2):
        close = _close().match(text, end)
        if close and (
            checks.slot_name(text[at:end], relaxed=True)
            or (close.group(0) in _HONORIFIC and _honorific_shape(text[at:end], checks))
        ):
            return end
    return None


def _honorific_shape(name: str, checks) -> bool:
    """叶在炎|先生: before 先生 or 女士 a surname and two characters make a name even where one of them
    is a preposition elsewhere (在); not a grammatical word (的, 了, 是)."""
    tables = checks.names.tables
    return len(name) == 3 and name[0] in tables.surname and not set(name[1:]) & _NEVER_GIVEN


@cache
def _suffix_words() -> tuple[re.Pattern, tuple[str, ...]]:
    """The service words of lexicons/people_zh.tsv `name_suffix` (志工) and what ends the unit or
    phrase a name stands after (`suffix_opener`: 局, 处, 的)."""
    words = read_blocks("people_zh.tsv")
    return alternation(words["name_suffix"]), tuple(words["suffix_opener"])


def suffixed_names(text: str, add, checks) -> None:
    """Names the Taiwan order closes with the service they are honoured for (文化局|谈苏美纪|志工、,
    财政税务局的|陈秀丽|志工累积): a surname and a given name, or a married name of four characters,
    right after a unit or 的; three characters first, then two, then four."""
    suffix, openers = _suffix_words()
    for m in suffix.finditer(text):
        for size in (3, 2, 4):
            s = m.start() - size
            name = text[s : m.start()]
            if s < 1 or not text.endswith(openers, 0, s) or "的" in name:
                continue
            if (size < 4 and checks.slot_name(name, relaxed=True)) or married_cell(
                name, checks.names, checks.slot_name
            ):
                add(s, m.start(), "found")
                break


def slash_bylines(text: str, add) -> None:
    """郑建勋\\台中报导 on a line of its own: the reporter, though no credit word names the role."""
    for m in _SLASH_BYLINE.finditer(text):
        add(*m.span(1), "byline")
