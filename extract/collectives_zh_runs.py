"""Honoured Chinese units listed across clauses (issue 11): a list grouped by county or district, its
groups parted by ，or ；(平城区A社区、B社区；阳高县C村；云州区D村、E村), where a group of one unit stands alone
in its clause (云州区西坪镇东坪村) and so is no 、-list of its own. A clause that is one unit's name and
nothing more (or the list's closing 等8个村(社区)上榜), next to an honoured 、-list or to another such clause
next to one, is one more item of that list. Seen on village and community lists (民主法治示范村, 文明村镇)
and on union lists grouped by district. Also: a list whose units only stand for the people they sent,
families named by a person inside a list (…、徐占海家庭坚守清廉家风的故事) or by a couple, a list starting afresh
after a group closed by a count and 和, and the units of a counted list split at 和."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from extract.collectives_zh_names import _NOTE, _ends_as_unit
from extract.collectives_zh_places import is_place
from extract.records import Collective
from extract.text import HAN
from extract.tsv import read_rows

_SEPARATOR = re.compile(r"\s*[，,；;]\s*")
_PEOPLE_AFTER = re.compile(r"^[^等]*等[\d一二两三四五六七八九十百千]+余?[人名]")
_TAIL = re.compile(r"\s*(?:等|$)")  # …青竹街道兰沟村等8个村(社区)上榜: the list's count closes the clause


def alone(text: str, start: int, end: int, items: list[tuple[int, int]]) -> bool:
    """Is the clause text[start:end] one unit's name (items: the units found in it), with at most the
    list's closing count after it?"""
    if len(items) != 1 or text[start : items[0][0]].strip():
        return False
    return _TAIL.match(text, items[0][1], end) is not None


def chained(text: str, clauses: list[tuple[int, int, str | None, list[tuple[int, int]]]]):
    """(spans, True) for each lone unit chained to an honoured list. `clauses`: (start, end, kind,
    units) in text order, kind `list` (an honoured 、-list), `alone` (one unit's name) or None."""
    linked = [kind == "list" for _, _, kind, _ in clauses]
    for order in (range(1, len(clauses)), range(len(clauses) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.step > 0 else i + 1
            first, second = sorted((i, j))
            if (
                not linked[i]
                and linked[j]
                and clauses[i][2] == "alone"
                and _SEPARATOR.fullmatch(text, clauses[first][1], clauses[second][0])
            ):
                linked[i] = True
    for (_, _, kind, items), on in zip(clauses, linked, strict=True):
        if on and kind == "alone":
            yield items, True


def units_people(entry: str, ends_as_unit) -> bool:
    """Does a 、-list's last entry count the units' people (…、州属基层单位等350余人参观了展览: the units are
    where visitors came from, not honoured), not people named (…、王家元等200名党务工作者: a name before 等)?"""
    lead = _NOTE.sub("", entry.split("等")[0])  # 张某(女)等19名: a person, her gender noted
    return bool(_PEOPLE_AFTER.match(entry)) and (len(lead) >= 5 or ends_as_unit(lead))


@cache
def family() -> re.Pattern:
    """A family named by a person (徐占海家庭) before what it did: a common surname (names_zh_surnames.tsv,
    its `single` rows less the `weak` ones), one to three more characters (not 通过讲家庭, 孝老爱亲家庭)."""
    rows = read_rows("names_zh_surnames.tsv", 3)
    weak = {c for k, cs, _ in rows if k == "weak" for c in cs.split()}
    common = {c for k, cs, _ in rows if k == "single" for c in cs.split()} - weak
    return re.compile(rf"[{''.join(sorted(common))}][{HAN}]{{1,3}}家庭(?=[{HAN}]{{2}})")


def couple(unit: Collective, text: str, people: set[str]) -> Collective:
    """A family named by a couple (蒋亨强、江萍家庭): the husband's name and 、 joined to the found 江萍家庭."""
    lead = text[max(0, unit.span[0] - 5) : unit.span[0]]
    husband = next((p for p in people if lead.endswith(p + "、")), None) if lead.endswith("、") else None
    if not unit.name.endswith("家庭") or not husband:
        return unit
    name = husband + "、" + unit.name
    return replace(unit, name=name, span=(unit.span[0] - len(husband) - 1, unit.span[1]))


_AFTER_GROUP = re.compile(
    r"(?:等|[\d一二两三四五六七八九十百千]+[个家名位所户])[^、和及等]{0,10}[和及](?![\d一二两三四五六七八九十百千])(?=[^、和及]{3,}$)"
)


def after_group(item: str) -> int | None:
    """Where a list item starts afresh after a group closed by 等 or a count and 和 (吴某等先进个人和X车站,
    A市等27个市(县区)和B公司): the unit after 和 opens the next list, or None."""
    m = _AFTER_GROUP.search(item)
    return m.end() if m else None


def split_units(phrase: str, fits: bool = False) -> list[tuple[int, int]]:
    """Spans of the units of a 、-list, a part split again at 和/及 only when each side is a unit
    (A厂和B公司; not 赴利比里亚维和警察防暴队) or the list's count says so (`fits`: A、B及C社区3个), a
    bracketed note after a unit left out."""
    spans = []
    for piece in re.finditer("[^、]+", phrase):
        subs = list(re.finditer("[^和及]+", piece.group(0)))
        ends = (_ends_as_unit(_NOTE.sub("", p.group(0))) or is_place(p.group(0)) for p in subs)
        if len(subs) < 2 or not (fits or all(ends)):  # A行署和B市等16个市、区、县: a place on each side
            subs = [piece]
        at = piece.start() if subs[0] is not piece else 0
        spans += [(at + p.start(), at + p.start() + len(_NOTE.sub("", p.group(0)))) for p in subs]
    return spans


def stray(entries: list[str], items: list[tuple[int, int]], people: frozenset[str]) -> bool:
    """Is the one unit of a long 、-list a thing among things (包含园艺治疗、畜牧活动、康复商店、汽车美容…):
    three or more other entries, none a unit's name nor a person's?"""
    if len(items) != 1 or len(entries) < 4:
        return False
    return not any(p in entry for entry in entries for p in people if len(p) >= 2)
