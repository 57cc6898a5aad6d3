"""Counts written as a list of labels and numbers (其中全国劳动模范10名、省劳动模范20名和市劳动模范
30名; 7名全国见义勇为英雄、3个全国见义勇为英雄群体): each label is its count's own title when the list
reads as a list of titles, though no lexicon knows them. The study gold counts the parts of a total
so titled beside the total (a part with its own honour is a count of its own); parts that are kinds
of people (其中一线职工42人,农民工6人) are no honours and stay a breakdown (extract/count_parts.py)."""

from __future__ import annotations

import dataclasses
import re

from extract.count_words import words
from extract.records import Count

# the label between the list's last boundary (a separator, 其中/包括, a joiner) and the number
_BOUNDARY = re.compile(r"[、，,；;：:\s]|其中|包括|以及|[和及]")
_LABEL = re.compile(r"有?(?P<t>[^\d、，,；;：:。！？“”\"「」『』()（）\s等的]{2,16}?)(?:有|共)?")
_AFTER = re.compile(  # 包括8名模范劳工、15名优秀工会会务人员: the words after a count up to the list's next item
    r"(?P<t>(?:(?!获|被|授|颁|评为|评选|当选|入选|成为|称号|荣誉|接受|进行|表彰|表扬)(?:(?<=[优甲乙丙一二三特头])等|"  # 优等工会
    r"[^\d、，,；;：:。！？“”\"「」『』()（）\s和及等的有在将])){2,16})(?=[、，,；;。]|和|及|等|$)"
)
_FIRST = 20  # characters read back for the first part's label
_HOLDERS = re.compile(r"(?:受奖|得奖|获奖|获)者$|得主$")  # 全国志愿服务奖励受奖者25名: holders of an award
# 县志愿服务奖励213名, 金质奖63人: an award's own name
_AWARD_END = re.compile(r"(?:奖|奖励|勋章|奖章|奖状|之星)$")
# 一等奖2个, 十星级1户: a grade of a scheme, not a title
_GRADE = re.compile(r"^(?:[一二三四五六七八九十\d]+|特)等奖$|^[一二三四五六七八九十\d]+星级")
_PLACE_END = re.compile(r"[省市县区州镇乡村]$")  # 甲县5名、乙县3名: counts by place, not by title


def label(text: str, count: Count, floor: int) -> str | None:
    """The label written right before the count's number, read back to `floor` (the part before it)."""
    if (
        not text[count.span[0] : count.span[0] + 1].isdigit()
        and count.text[:1] not in "一二两三四五六七八九十"
    ):
        return count.honour  # “巾帼文明岗”30个: the title is part of the count's text
    ends = [b.end() for b in _BOUNDARY.finditer(text, max(floor, count.span[0] - _FIRST), count.span[0])]
    m = _LABEL.fullmatch(text, ends[-1], count.span[0]) if ends else None
    return m.group("t") if m else None


def label_after(text: str, count: Count) -> str | None:
    """The label written right after the count's number and classifier, up to the list's next item."""
    m = _AFTER.match(text, count.span[1])
    return m.group("t") if m else None


def _titled(name: str, count: Count) -> bool:
    """Does a label read as a title: a title word in it, an award's name or its holders, or the title
    the count was found with inside it?"""
    return bool(
        words().title_mark.search(name)
        or _HOLDERS.search(name)
        or _AWARD_END.search(name)
        or (count.honour and count.honour in name)
    )


def labelled(text: str, out: list[Count], parts: list[int]) -> list[str] | None:
    """The labels of two or more parts, each written as a label then its count (其中优秀教师80名、师德
    标兵50名) or as a count then its label (包括8名模范劳工、15名优秀工会会务人员), no two the same and
    one at least reading as a title, none a place's name nor a grade of a scheme (十星级1户、九星级2户;
    一等奖2个): the parts are counts of their own, titled by their labels. None otherwise."""
    if len(parts) < 2:
        return None
    before, floor = [], 0
    for i in parts:
        before.append(label(text, out[i], floor))
        floor = out[i].span[1]
    after = [label_after(text, out[i]) for i in parts]
    return next((names for names in (before, after) if _a_list_of_titles(names, out, parts)), None)


def _a_list_of_titles(names: list[str | None], out: list[Count], parts: list[int]) -> bool:
    """Every part has a label, none a place's name nor a grade, no two the same, one a title."""
    if not all(names) or any(_PLACE_END.search(n) or _GRADE.search(n) for n in names):
        return False
    return len(set(names)) == len(names) and any(
        _titled(n, out[i]) for n, i in zip(names, parts, strict=True)
    )


def retitled(out: list[Count], parts: list[int], names: list[str]) -> None:
    """Each part takes its label as its title, unless the title it was found with already holds it."""
    for i, name in zip(parts, names, strict=True):
        if not (out[i].honour and name in out[i].honour):
            out[i] = dataclasses.replace(out[i], honour=name)


_RUN_SEP = re.compile(r"\s*(?:[、，,；;]|以及|和|及|与)\s*")


_NEXT_LABEL = re.compile(
    r"\s*(?:[、，,；;]\s*(?:以及|和|及|与)?|以及|和|及|与)\s*(?!以及|和|及|与)(?P<t>[^\d、，,；;：:。！？“”\"「」『』()（）\s等的]{2,16})"
)


def _labels_before(text: str, out: list[Count], i: int) -> list[str]:
    """金质奖63人、银质奖60人、铜质奖64人: the labels of the run of counts from `i` each written after
    its label, the first read from its lead word (表扬, 评选出) or the clause's start on."""
    first = label(text, out[i], 0)
    lead = list(words().title_lead.finditer(first)) if first else []
    names = [first[lead[-1].end() :] if lead else first]
    while i + 1 < len(out) and (m := _NEXT_LABEL.fullmatch(text, out[i].span[1], out[i + 1].span[0])):
        names.append(m.group("t"))
        i += 1
    return names


def _fill(out: list[Count], run: list[int], names: list[str]) -> None:
    """The counts of a run of titles found without a title take their labels; so does a count found
    with another part's label (40家优良工会 took 模范劳工, the first part's, from nearby)."""
    for k, name in zip(run, names, strict=True):
        borrowed = out[k].honour in names and out[k].honour != name
        out[k] = out[k] if out[k].honour and not borrowed else dataclasses.replace(out[k], honour=name)


def run_titles(text: str, out: list[Count]) -> list[Count]:
    """7名全国见义勇为英雄、3个…英雄群体、38名全国见义勇为模范及12个…模范群体: in a run of counts each
    followed by its label and the list's separator, the labels are titles when one reads as a title (a
    title word in it, or the title a count was found with): a count found without a title takes its
    label, though no lexicon knows it (kinds of people, 10名医生、10名护士, are no titles)."""
    out, i = list(out), 0
    while i < len(out):
        j, names = i, [label_after(text, out[i])]
        while j + 1 < len(out) and names[-1]:
            # …13名卓越会务人员及近700位「…」: a run ends before a count without a label
            nxt = label_after(text, out[j + 1])
            if not nxt or not _RUN_SEP.fullmatch(text, out[j].span[1] + len(names[-1]), out[j + 1].span[0]):
                break
            j += 1
            names.append(nxt)
        if j == i:  # 金质奖63人、银质奖60人: the labels before the counts
            names = _labels_before(text, out, i)
            j = i + len(names) - 1
        run = list(range(i, j + 1))
        if j > i and _a_list_of_titles(names, out, run):
            _fill(out, run, names)
        i = j + 1
    return out
