"""Chinese units a page names that it does not honour (issue 11): the lines that sign it, bodies set up for
the selection, groups whose own units are the honoured ones. Read by extract/collectives.py."""

from __future__ import annotations

import re

from extract.collectives_zh_names import _bodies, _frames
from extract.text import HAN

_CODE = r"(?: ?[A-Za-z][A-Za-z0-9]* ?)"

UNIT_LINE = re.compile(  # a unit on a line of its own, maybe numbered (1、X / 2. Y / 3 Z in a table)
    rf"(?m)^(?:[ \t\u3000]*\d{{1,3}}[ \t\u3000、.．)）]+)?([{HAN}（）()](?:[{HAN}〇（）()]|{_CODE}){{3,29}})[ \t\u3000]*$"
)  # a Latin code inside, spaced or not (X研究所一四室青松 QC 小组, Y公司PVC分厂): one more character
DATE_LINE = re.compile(r"(?m)^\s*\d{4}\s*年\s*\d{1,2}\s*月")
_FORMED = re.compile("组建|成立|设立|组成|建立")
_OWN_UNITS = re.compile(r"(?!1[个家支])\d+[个家支](?:先进)?(?:集体|单位|班组|团队)")


def others(text: str, lead: int, start: int, end: int) -> bool:
    """Does the unit at text[start:end], read from `lead`, stand for others: set up (组建了由各单位参加的评估
    小组: a verb of setting up between lead and start), or followed by a count of its own units (保利集团5个
    集体荣获; not the count of a list it closes, A、B2个集体, nor its own, X等5人和Y1个集体)?"""
    clause = max(text.rfind(c, 0, start) for c in "，。；,;\n") + 1
    own = _OWN_UNITS.match(text, end) and not re.search("[、和及与]", text[clause:start])
    return bool(own) or _FORMED.search(text, max(0, lead), start) is not None


def signers(text: str) -> list[tuple[int, int]]:
    """Spans of the lines that sign a page: the name lines right above a date line, both of a run of
    one or two (中共X总支部委员会 / X中学), only the last of a longer run (a list of units, then its
    issuer)."""
    out = []
    for date in DATE_LINE.finditer(text):
        run, end = [], date.start() - 1
        while end > 0 and len(run) < 3:
            start = text.rfind("\n", 0, end) + 1
            if not UNIT_LINE.fullmatch(text, start, end):
                break
            run.append((start, end))
            end = start - 1
        out += run if len(run) <= 2 else run[:1]
    return out


_LIST_TITLE = re.compile(r"[^\n]{0,30}名单[ \t\u3000]*(?:\n|$)")


def list_heads(text: str) -> list[tuple[int, int]]:
    """Spans of the unit lines that head a list (中国农工民主党湖南省委员会 / 先进市(县)组织名单) after prose:
    the body that issues the list, not a unit in it."""
    return [
        m.span(1)
        for m in UNIT_LINE.finditer(text)
        if _LIST_TITLE.match(text, m.end() + 1) and not _after_unit_line(text, m.start())
    ]


def _after_unit_line(text: str, start: int) -> bool:
    """Is the line before `start` a unit's too (…凤凰乡江洲村 / 第七届全国文明单位名单: the last of one list
    before the next list's title, not an issuer)?"""
    if start == 0:
        return False
    previous = text.rfind("\n", 0, start - 1) + 1
    return UNIT_LINE.fullmatch(text, previous, start - 1) is not None


def gives_others(text: str, at: int, gives: re.Pattern) -> bool:
    """Does the clause at `at`, right after a unit or a list of units, give something to others
    (…为8名立功军人家属送上喜报, …给他们颁发了证书, …向获奖者颁奖): the units are the givers?"""
    m = _FOR_OTHERS.match(text, at)
    return m is not None and gives.search(m.group(0), 2) is not None


_FOR_OTHERS = re.compile(r"[为给向][^，。；,;、“”「」并和\n]{1,34}")
# a person's place or workplace before the name on its line: village and township names, spaces and a
# person's title in quotes may stand between (麦寮乡 麦津村 林东宏 村长; X村“好媳妇” 荆彩说)
_TO_PERSON = re.compile(
    rf"(?:[ \t\u3000]+[{HAN}]{{1,6}}[乡镇村里区](?=[ \t\u3000]))*[ \t\u3000]*(?:[“「]([^”」\n]{{1,12}})[”」])?[ \t\u3000]*"
)


def persons_unit(text: str, end: int, people: set[str], collective) -> bool:
    """Is the unit ending at `end` the place or workplace of the person named after it on its line, past
    spaces, other place names or the person's quoted title (not a collective's: X班组“工人先锋号” 张三等)?"""
    m = _TO_PERSON.match(text, end)
    if m.end() == end or (m.group(1) and collective(m.group(1))):
        return False
    return any(text.startswith(p, m.end()) for p in people if len(p) >= 2)


_WHEN = re.compile(
    r"(?:日前|近日|近期|今天|今日|昨天|昨日|于|也|还|都|均|再次|正式|有关|共(?!同)|分别|先后|本次|此次|今年|将"
    r"|在全[国省市县区]|在[\u4e00-\u9fff]{1,10}?(?=召开|举行|举办)|统一"
    r"|等(?:部门|单位|[\d一二两三四五六七八九十]+[个家](?:部门|单位))?(?!表彰|命名)){0,3}"
)  # 于近期, 共授予 (not 共同: a frame word of its own), 本次共授予, 将分别授予, 在全国统一部署, A、B等联合下发;
# X在宁夏人民会堂举行: where the body holds its meeting; not …机关等表彰单位 (the honoured units)


def list_acts(entry: str, lex) -> bool:
    """Does the list's last entry name a body that acts (…、中央军委政治工作部联合开展, 镇党委、镇政府决定,
    …、Y为立功军人家属送上喜报) or its officials (…、Y相关领导)?"""
    f = _frames()
    entry = entry.split("被")[0]  # A、B等9家单位被全国总工会授予: the body after 被 acts, not the list
    for m in _bodies(lex.units).finditer(entry):
        after = _WHEN.match(entry, m.end()).end()
        if f["body_after"].match(entry, after) or gives_others(entry, after, f["gives"]):
            return True
    return False
