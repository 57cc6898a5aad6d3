"""Chinese units a page names that it does not honour (issue 11): the lines that sign it, bodies set up for
the selection, groups whose own units are the honoured ones. Read by extract/collectives.py."""

from __future__ import annotations

import re

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
