"""Unit+position phrases before a Chinese name (鼓楼街道桃源社区党委书记|王芳): where the phrase starts
and which part is the position, which the organisation. Split from people_zh.py (its size)."""

from __future__ import annotations

import re

from extract.lexicon import Lexicon
from extract.people_zh_checks import NameChecks
from extract.people_zh_frames import Frames


def phrase_start(text: str, at: int, checks: NameChecks) -> int:
    """Start of the unit+position phrase ending at `at`; 、 joins positions (区委常委、宣传部部长)."""
    i = at
    while i > 0 and at - i < 60:
        c = text[i - 1]
        if (c == "、" and checks.ends_with_role(text, i - 1)) or (
            c == "及" and _org_joined(text, i - 1, at, checks)
        ):
            i -= 1
            continue
        if c in checks.f.boundary or text.endswith(checks.f.phrase_open, 0, i):
            break
        i -= 1
    return i


def _org_joined(text: str, j: int, at: int, checks: NameChecks) -> bool:
    """康乐及文化事务署|署长: the 及 at j joins two nouns of one body's name (a unit word follows it
    before the position), not two people or two positions (局长及署长, 李某及王某)."""
    body = any(u in text[j + 1 : at] for u in checks.lex.units) or text[at - 1 : at] == text[at : at + 1]
    if (
        not body or text[j - 1 : j] == "以" or checks.ends_with_role(text, j)
    ):  # 以及: a plain 'and'  # 事务署|署长: the head's title names the body
        return False
    return not any(checks.names.is_name(text[j - n : j]) for n in (2, 3) if j >= n)


def position_phrase(phrase: str, lex: Lexicon, f: Frames) -> tuple[str | None, str | None]:
    """(position, organisation) of `鼓楼街道桃源社区党委书记` -> (党委书记, 鼓楼街道桃源社区);
    chained positions keep all their position parts: (常委、宣传部部长, 盘龙区委)."""
    roles, org = [], None
    for segment in phrase.split("、"):
        found = list(lex.role_re.finditer(segment))
        if len(found) > 1 and found[-2].group(0) == "代表" and found[-2].end() == found[-1].start():
            segment = segment[found[-1].start() :]  # 秘书长王忠铭代表|县长陈雪生: on behalf of the 县长
            found = [lex.role_re.match(segment)]
        last_role = found[-1] if found else None
        if last_role is None or last_role.end() != len(segment):
            if segment.strip():
                return None, None
            continue
        cut = unit_end(segment, last_role.start(), lex)
        sub = unit_end(segment, cut - 1, lex) if cut and segment[:cut].endswith(f.sub_body) else 0
        if roles and cut:
            roles.append(segment)  # 人大常委会副主任、县总工会主席: each position with its own body
        elif sub:  # 锦纶科技有限公司|工会副主席: a body's union or Party committee holds the position
            roles.append(segment[sub:])
            org = org or segment[:sub]
        else:
            roles.append(segment[cut:])
            org = org or (segment[:cut] or None)
    if org and (
        f.title_unit.fullmatch(org) or org in lex.units or org in _LEVELS
    ):  # 县委书记, 市委常委、县委书记, 镇党委书记, 集团工会主席: the title names the body, a bare one
        roles, org = [org + roles[0], *roles[1:]], None
    elif org and roles[0] in _RANKS:
        tail = [m for m in f.title_unit.finditer(org) if m.end() == len(org)]
        if (
            tail
        ):  # 随州|市委书记, 莲湖区委|常委、…: the title keeps its committee, the organisation stays whole
            roles = [tail[-1].group(0) + roles[0], *roles[1:]]
    elif org and len(roles) == 1 and roles[0].lstrip("副") == org[-1] + "长":
        roles = [org + roles[0]]  # 民政事务局|局长: the head's title names the body (民政事务局局长)
    return ("、".join(roles) or None), org


_RANKS = ("书记", "副书记", "常务副书记", "常委", "委员")  # a Party committee's ranks: 区委|常委
_LEVELS = frozenset("省市县区镇乡村")  # a bare level before a post (镇|党委书记): no organisation's name
_PAREN_TAIL = re.compile(r"[（(][^（()）]{1,10}[）)]?$")  # 采油工(高级技师): a grade after the post (cut too)
_POST = re.compile(r"[\u4e00-\u9fff]{2,7}(?:、[\u4e00-\u9fff]{2,7})?")
_NO_POST = re.compile("[的和与及等在为是将从向]")  # words of a clause, not of a post


def post_after_unit(phrase: str, lex: Lexicon, f: Frames) -> tuple[str | None, str | None]:
    """(position, organisation) of a list item or table cell before or after a name, also when the
    post is in no table: the characters after the last unit word are the post (孚日集团…毛巾二公司|
    工段长, …勘探局采油二厂|采油工(高级技师)); a unit alone before 的 is the organisation (山东大学齐鲁
    医院的|费剑春). Without a unit word the phrase is no unit+post (头屋乡|徐胡玉兰 opens with a place)."""
    role, org = position_phrase(phrase, lex, f)
    if role:
        return role, org
    phrase = _PAREN_TAIL.sub("", phrase.strip())
    if phrase.endswith("的"):
        body = phrase[:-1]
        whole = len(body) >= 4 and unit_end(body, len(body), lex) == len(body)
        return (None, body) if whole and not _NO_POST.search(body) else (None, None)
    cut = unit_end(phrase, len(phrase), lex)
    post = phrase[cut:]
    if cut < 2 or not _POST.fullmatch(post) or _NO_POST.search(post):
        return None, None
    return post, phrase[:cut]


_POST_END = frozenset("工员师医警官手长")  # 协理员, 保全工, 经济师, 士官长: a post's last character


def post_cell(cell: str, lex: Lexicon, f: Frames) -> tuple[str | None, str | None]:
    """(position, organisation) of the post cell closing a roll line (张某 某公司 总经理、高级经济师):
    as post_after_unit, and a cell of posts alone (妇联协理员) is the post, each 、-part short and
    ending in a position word or an occupation's last character."""
    role, org = post_after_unit(cell, lex, f)
    if role or org:
        return role, org
    parts = _PAREN_TAIL.sub("", cell.strip()).split("、")
    shaped = all(
        2 <= len(part) <= 8
        and not _NO_POST.search(part)
        and (part[-1] in _POST_END or any(m.end() == len(part) for m in lex.role_re.finditer(part)))
        for part in parts
    )
    return ("、".join(parts), None) if shaped else (None, None)


def unit_end(segment: str, before: int, lex: Lexicon) -> int:
    """Where the last unit word (社区, 公司, 工会) ending before `before` ends, else 0."""
    ends = [i + len(u) for u in lex.units if 0 <= (i := segment.rfind(u, 0, before)) <= before - len(u)]
    return max(ends, default=0)
