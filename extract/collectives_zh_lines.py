"""Honoured Chinese units listed one line at a time without 、 (issue 11): a line whose every part, parted
by ，；or spaces, is a unit's whole name (东河中学，东河医院急诊科，青山镇人民政府), under a header naming
collectives (先进集体（5个）, 工人先锋号：) or three units or more on their own; units one a line under such
a header. Read by
extract/collectives_zh_are.py (units_are), which yields the lists of extract/collectives.py."""

from __future__ import annotations

import re

from extract.text import HAN

_LINE = re.compile(
    r"(?m)^[ \t\u3000]*(?:[\d一二三四五六七八九十]+[、.．)）]\s*)?([^\n]+?)[。；;]?[ \t\u3000]*$"
)
_PART = re.compile(r"[^，,；;\s\u3000]+")
# a header that names collectives: 先进集体（5个）, 二、工人先锋号, 优秀班组名单, 文明单位:
_HEADER = re.compile(
    rf"^[ \t\u3000]*(?:[\d一二三四五六七八九十]+[、.．)）]\s*)?[{HAN}“”「」]{{0,16}}"
    rf"(?:集体|单位|班组|先锋号|团队|组织|示范[{HAN}]{{0,4}}|文明[{HAN}]{{0,3}}|标兵[{HAN}]{{0,3}}|奖状|红旗[{HAN}]{{0,3}})"
    r"(?:名单)?(?:[(（][^()（）\n]{1,10}[)）])?[：:]?[ \t\u3000]*$"
)
_NOTE = re.compile(r"[(（][^()（）]{1,12}[)）]$")
_NOT_HONOURED = re.compile("主办|承办|协办|指导|推荐|申报|参赛|参与|参加|候选|拟|支持|合作|成员")
# a unit alone on its line, maybe numbered (1、X / 2. Y), a Latin code inside (X研究所青松 QC 小组)
_UNIT_ITEM = re.compile(
    rf"[ \t\u3000]*(?:\d{{1,3}}[、.．)）]\s*)?((?:[{HAN}〇（）()“”]| ?[A-Za-z][A-Za-z0-9]* ?){{3,40}}?)[。；;，,]?[ \t\u3000]*(?:\n|$)"
)


def comma_lines(text: str, ends_as_unit) -> list[tuple[int, int]]:
    """Spans of the units of each line made of units' whole names and nothing more, parted by ，；or
    spaces: under a collective header, two of them make a list; else three (a line of three places or
    titles is no list: each part must end in a unit's word, and 青山镇 alone is one)."""
    out = []
    for line in _LINE.finditer(text):
        parts = list(_PART.finditer(line.group(1)))
        if len(parts) < 2 or not re.search("[，,；;]", line.group(1)) or re.search("[：:]", line.group(1)):
            continue  # spaces alone: the grid readers of extract/collectives.py; 奖:A;B: the label readers
        names = [_NOTE.sub("", p.group(0)) for p in parts]
        if not all(len(n) >= 4 and ends_as_unit(n) for n in names):
            continue
        before = text.rfind("\n", 0, max(0, line.start() - 1)) + 1
        headed = _HEADER.match(text[before : max(before, line.start() - 1)])
        if len(parts) >= 3 or headed:
            out += [
                (line.start(1) + p.start(), line.start(1) + p.start() + len(n))
                for p, n in zip(parts, names, strict=True)
            ]
    return out


def headed_lines(text: str, ends_as_unit) -> list[tuple[int, int]]:
    """Spans of the units listed one a line under a header naming collectives (市安全生产先进单位 /
    一、综合考核优秀单位（3个） / 示范班组：), up to the first line that is no unit's whole name; not under
    the organisers' or nominees' header (主办单位, 推荐单位, 候选集体)."""
    out = []
    for line in re.finditer(r"(?m)^[^\n]+$", text):
        if not _HEADER.match(line.group(0)) or _NOT_HONOURED.search(line.group(0)):
            continue
        at = line.end() + 1
        while (item := _UNIT_ITEM.match(text, at)) and ends_as_unit(item.group(1)):
            out.append(item.span(1))
            at = item.end()
    return out
