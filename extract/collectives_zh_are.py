"""Honoured Chinese units named after 单位则有 / 先进集体是 / 团体为 (issue 11): the clause before speaks of an
award (获杰出团体奖的单位则有A；B) and of no organiser (主办单位为X). The frame words are kinds units_are and
units_are_not of collective_frames_zh.tsv; the unit tests come from extract.collectives. Also the honoured told
one by one after 他们是： (profiled) and lines of units parted by commas (collectives_zh_lines.py)."""

from __future__ import annotations

import re
from functools import cache

from extract.collectives_zh_lines import comma_lines, headed_lines

_AWARD_WORD = re.compile("获|奖|表彰|先进|荣誉|授予|评为|命名|当选|上榜|入选")
# 获奖的单位有, 的先进集体是; not 90个班集体为<title>
_OWNER = re.compile(
    r"(?:的(?:[\d一二两三四五六七八九十]+[个家支])?(?:先进|优秀|获奖|得奖)?|获奖|得奖)$"
)  # 获得“感动香江团体”奖项的3个|团体分别为
_ITEM_CUT = re.compile(r"[—\-－〈《(（]")


@cache
def _opener(units_are: str) -> re.Pattern:
    """单位则有 / 先进集体是 / 团体为: the words that open a list of units."""
    return re.compile(f"(?:{units_are})(?P<of>的)?(?:则|分别|依次)?(?:有|为|是)[：:]?")  # 上榜…集体的为：


def units_are(text: str, f: dict[str, re.Pattern], ends_as_unit, unit_prefix):
    """(spans of the units, True) after 单位则有 / 先进集体是 / 团体为 in a clause about an award (获杰出团体奖的
    单位则有A；B——motto；C〈project〉，以及D): each item up to a dash or bracket, a unit or starting with one."""
    for m in _opener(f["units_are"].pattern).finditer(text):
        lead = text[max(text.rfind(c, 0, m.start()) for c in "。；;！？\n") + 1 : m.start()]
        about_award = _AWARD_WORD.search(lead) and (_OWNER.search(lead) or m.group("of"))
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
    for units in (
        profiled(text, ends_as_unit),
        comma_lines(text, ends_as_unit),
        headed_lines(text, ends_as_unit),
    ):
        if units:
            yield units, True


# 他们是: / “…年度人物”分别是: a list of the honoured, each item told as <deeds>的<name>; …
_PROFILES = re.compile(r"(?:他们|它们|分别|依次)(?:是|为)[：:]?\s*")
_PROFILE_CUE = re.compile("表彰|授予|评选出|评出|获奖|荣获|获评|当选|年度人物|先进集体|集体和个人")
_PROFILE_END = re.compile(r"[。！？]|[^；;\n]\n")  # a sentence's end, or a line not closed by ；


def profiled(text: str, ends_as_unit) -> list[tuple[int, int]]:
    """Spans of the units in a list of the honoured told one by one, each item its deeds then its name
    (他们是：\\n忠诚履职的X检察院公诉团队；坚守岗位的检察官王某；…，Y检察院。), after a clause that speaks of
    honouring (表彰了一批集体和个人, “年度人物”分别是): the name after the item's last 的 or comma, when a
    unit's word ends it. People in the same list are the person finder's."""
    out = []
    for m in _PROFILES.finditer(text):
        lead = text[max(text.rfind(c, 0, m.start()) for c in "。！？\n") + 1 : m.start()]
        if not _PROFILE_CUE.search(lead):
            continue
        stop = _PROFILE_END.search(text, m.end())
        body = text[m.end() : stop.start() + 1 if stop else len(text)]
        items = list(re.finditer(r"[^；;。\n]+", body))
        if len(items) < 3:  # a list, not one clause after 分别为
            continue
        for item in items:
            cut = max(item.group(0).rfind(c) for c in "的，,") + 1
            name = item.group(0)[cut:].strip()
            if len(name) >= 4 and ends_as_unit(name):
                at = m.end() + item.start() + item.group(0).index(name, cut)
                out.append((at, at + len(name)))
    return out
