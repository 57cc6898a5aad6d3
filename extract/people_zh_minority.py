"""Uyghur, Kazakh and other minority names written in Chinese characters: a given name and a father's
name joined by a dot (阿布列林·阿不列孜, 美日古丽•买买提) or, where a page lost the dot, by one space
(热汗古丽 依米尔). Their characters are not those of Western transliterations and they carry no
surname, so the general finder cuts them (阿布列林·阿, 克·叶列西): here a dotted name runs from a
clean left edge (punctuation, 的, a position, a unit) to the end of its last part."""

from __future__ import annotations

import re

from extract.people_zh_checks import division_stems
from extract.people_zh_slots import DOT, dotted_places
from extract.text import HAN

_DOT_AT = re.compile(f"(?<=[{HAN}])[{DOT}](?=[{HAN}])")
_SPACED = re.compile(f"([{HAN}]{{3,9}}) ([{HAN}]{{2,5}})(?=[、，,等；;。])")
_OPEN_QUOTES = frozenset("“「『《‘〈")
_LIST_REST = re.compile("(?:、[^、，,。；;：:\n等]{1,14})*")  # the items after one, up to 等
# characters Uyghur and Kazakh names are spelt with, rare in plain words: each spaced part holds one
_SOUNDS = frozenset("阿艾买尔提依吐孜克江汗木甫丽娜古斯热吾努哈拜麦别逊兰萨塔帕吉玛曼米")
_LEFT_MAX = 6  # 阿不都热依木, 买买提依明: a given name of up to six characters
_RIGHT_MAX = 7  # 阿布都卡迪尔
_PLAIN_TAGS = frozenset("vdatmfpcur")  # tags of the words no name part holds
_GROUPS = ("单位", "部门")  # 直属单位|麦麦提敏·司马义: generic unit nouns no unit lexicon holds
_STOP_AFTER = frozenset("说等和与及在的是获被因凭以作为了")  # 古扎丽努尔·阿不力孜|说, 迈克尔·曼|获
_LEFT_OPEN = frozenset("的者员")  # 精神的|阿布列林·…, 献血者|海来提·哈得尔, 护边员|巴依卡·…


_ONE_DOT = str.maketrans(dict.fromkeys(DOT, "·"))


def shown(name: str) -> str:
    """The name with one middle dot (•‧・ are the same mark): two spellings of one name are one
    person (沙吾尔•芒力克, 沙吾尔·芒力克); the record keeps the spelling of its first mention."""
    return name.translate(_ONE_DOT)


def minority_names(text: str, add, checks, units: tuple[str, ...]) -> None:
    """Add each dotted name whose left edge is clean, and each spaced pair of such names in a list
    (热汗古丽 依米尔、余文丽、马合沙提 斯拉木等26人): a Han name never has a space inside it there."""
    found = []
    for m in _DOT_AT.finditer(text):
        if m.start() > 0 and _DOT_AT.match(text, m.start() - 2):
            continue  # the second dot of a three-part name: its first dot already placed it
        s = _left_edge(text, m.start(), checks, units)
        e = _right_edge(text, m.end(), checks)
        if s is None or e is None or text[s - 1 : s] in _OPEN_QUOTES or not _name_parts(text[s:e], checks):
            continue  # “中国网事•感动内蒙古”: a quoted dotted title
        found.append((s, e))
    closed = {text[s:e] for s, e in found if not "\u4e00" <= text[e : e + 1] <= "\u9fff"}
    for s, e in found:
        if text[s:e] not in closed:  # 努尔兰•别克作了发言: the name as it stands closed elsewhere
            e = max((s + len(n) for n in closed if text.startswith(n, s)), default=e)
        add(s, e, _how(text, s, e, checks))
    for m in _SPACED.finditer(text):
        s, e = _left_edge(text, m.end(1), checks, units), m.end()
        if (
            s is not None
            and s >= m.start()
            and _spaced_pair(text[s : m.end(1)], m.group(2), text, m, checks, units)
        ):
            add(s, e, _how(text, s, e, checks))


def _spaced_pair(first: str, second: str, text: str, m: re.Match, checks, units: tuple[str, ...]) -> bool:
    """Two runs split by one space in a list slot that are the parts of one minority name: the first
    of three or more characters, each spelt with the sounds of such names, neither a Han name, a
    common word, a position or a unit (not 李 倩, 工会主席 李明, 颁奖典礼 现场)."""
    names = checks.names
    return (
        len(first) >= 3
        and not (len(first) == 3 and names.is_name(first))
        and all(set(p) & _SOUNDS for p in (first, second))
        and not any(p in names.tables.common for p in (first, second))
        and not checks.ends_with_role(text, m.end(1))
        and not checks.ends_with_role(text, m.end(2))
        and not first.endswith(units)
        and not second.endswith(units)
    )


def _name_parts(name: str, checks) -> bool:
    """Are the dotted parts those of a name: no division or country (中国·湖南, 掌上兰州·兰州), and no
    word of a verb, adverb, adjective, time or number inside (特别关注·中国, 今年七·一, 好故事·随处现)?"""
    if dotted_places(name):
        return False
    parts = re.split(f"[{DOT}]", name)
    stems = division_stems()
    for part in parts:
        if part in stems or part == "中国":
            return False
        words = checks.names.tag(part)  # the tagger reads 依明, 阿不都 as verbs: dictionary words only
        if any(
            t == "m" or (len(w) > 1 and t[:1] in _PLAIN_TAGS and checks.names.is_word(w)) for w, t in words
        ):
            return False
    return True


def _left_edge(text: str, dot: int, checks, units: tuple[str, ...]) -> int | None:
    """Start of the first part ending at `dot`: the nearest start at least two characters back that
    follows a boundary, 的, a position or a unit (主任|古扎丽努尔·, 理化所|阿吉克拜尔•)."""
    f = checks.f
    for s in range(dot - 2, max(-1, dot - _LEFT_MAX - 1), -1):
        if not "\u4e00" <= text[s] <= "\u9fff":
            return None
        if (
            s == 0
            or text[s - 1] in f.boundary
            or text[s - 1] in _LEFT_OPEN
            or not "\u4e00" <= text[s - 1] <= "\u9fff"
            or checks.ends_with_role(text, s)
            or text.endswith(units, 0, s)
            or text.endswith(_GROUPS, 0, s)
            or f.award_before.search(text, max(0, s - 3), s)
        ):
            return s
    return None


def _right_edge(text: str, after_dot: int, checks) -> int | None:
    """End of the last part: the run of characters after the dot (and a second dot's part), cut
    before a word that follows names (说, 带领 when the run goes on)."""
    end = after_dot
    while end < len(text) and (
        "\u4e00" <= text[end] <= "\u9fff" or (text[end] in DOT and end + 1 < len(text))
    ):
        end += 1
    run = text[after_dot:end]
    if not run or run[-1] in DOT:
        return None
    for p in range(after_dot + 1, end):
        if text[p] in _STOP_AFTER or checks.f.after_name.match(text, p):
            return p
        if p - after_dot >= 2 and end - p >= 3 and checks.names.is_word(text[p : p + 2]):
            return p  # 芒力克|带领村民, 艾力|宣读了对: a word opens the rest of the run (not 阿不都外力)
    return end if end - after_dot <= _RIGHT_MAX else None


def _how(text: str, s: int, e: int, checks) -> str:
    """conferred before 等N人 (吐尔地白克 艾力甫等26人荣获) or in a 、-list closed by 等N人 and an
    awarding verb (热汗古丽 依米尔、余文丽、…等26人,荣获), list in other 、-lists, dotted elsewhere."""
    if checks.f.lead_count.match(text, e):
        return "conferred"
    if text[s - 1 : s] != "、" and text[e : e + 1] != "、":
        return "dotted"
    rest = _LIST_REST.match(text, e)
    lead = checks.f.lead_count.match(text, rest.end())
    if lead:
        at = lead.end() + (text[lead.end() : lead.end() + 1] in ",，")
        if checks.f.award_subject.match(text, at):
            return "conferred"
    return "list"
