"""Honoured Chinese units named after 单位则有 / 先进集体是 / 团体为 (issue 11): the clause before speaks of an
award (获杰出团体奖的单位则有A；B) and of no organiser (主办单位为X). The frame words are kinds units_are and
units_are_not of collective_frames_zh.tsv; the unit tests come from extract.collectives."""

from __future__ import annotations

import re
from functools import cache

_AWARD_WORD = re.compile("获|奖|表彰|先进|荣誉|授予|评为|命名|当选")
# 获奖的单位有, 的先进集体是; not 90个班集体为<title>
_OWNER = re.compile(
    r"(?:的(?:[\d一二两三四五六七八九十]+[个家支])?(?:先进|优秀|获奖|得奖)?|获奖|得奖)$"
)  # 获得“感动香江团体”奖项的3个|团体分别为
_ITEM_CUT = re.compile(r"[—\-－〈《(（]")


@cache
def _opener(units_are: str) -> re.Pattern:
    """单位则有 / 先进集体是 / 团体为: the words that open a list of units."""
    return re.compile(f"(?:{units_are})(?:则|分别|依次)?(?:有|为|是)[：:]?")


def units_are(text: str, f: dict[str, re.Pattern], ends_as_unit, unit_prefix):
    """(spans of the units, True) after 单位则有 / 先进集体是 / 团体为 in a clause about an award (获杰出团体奖的
    单位则有A；B——motto；C〈project〉，以及D): each item up to a dash or bracket, a unit or starting with one."""
    for m in _opener(f["units_are"].pattern).finditer(text):
        lead = text[max(text.rfind(c, 0, m.start()) for c in "。；;！？\n") + 1 : m.start()]
        about_award = _AWARD_WORD.search(lead) and _OWNER.search(lead)
        if not about_award or f["units_are_not"].search(lead + m.group(0)):
            continue
        ends = [i for i in (text.find("。", m.end()), text.find("\n", m.end())) if i >= 0]
        stop = min(ends, default=len(text))
        items = []
        for piece in re.finditer(r"[^；;、，,]+", text[m.end() : stop]):
            item = re.sub(r"^(?:以及|及|和)", "", piece.group(0))
            item = _ITEM_CUT.split(item)[0].strip()
            name = item if ends_as_unit(item) else unit_prefix(item)
            if name:
                at = m.end() + piece.start() + piece.group(0).index(item)
                items.append((at, at + len(name)))
        if items:
            yield items, True
