"""Chinese names in the places the layout marks: credits (（通讯员 许雅兰 彭红霞）, 编辑:时金, 本报记者
岑思远, …成风。(白续宏 张婷婷)), doctrine phrases, attendance lists, name grids and the first name of
N honourees (孙家栋等50名). Each function calls `add(start, end, how)` for every name it sees."""

from __future__ import annotations

import re

from extract.people_zh_checks import NameChecks
from extract.people_zh_slots import grid_cells, grid_name_shape, is_dotted, tibetan

_CLAUSE_STOP = re.compile(r"[，。；：:;,\n]")
_OPENS = frozenset("，。；：！？,;:!?\n、")  # what a clause opening with a name follows
_HAN = re.compile("[\u4e00-\u9fff]+")


def bylines(text: str, add, c: NameChecks) -> None:
    """Names in `(通讯员 许雅兰 彭红霞)`, `(记者 林 静 通讯员 黄小明)`, `编辑:时金`; a two-character
    name padded to three (`林 静`) is one name."""
    f = c.f
    chunks = [(m.start(1), m.group(1)) for m in f.byline.finditer(text)]
    chunks += [(m.start(1), m.group(1)) for m in f.byline_line.finditer(text)]
    chunks += [
        (m.start(1), m.group(1))
        for pattern in (f.byline_bare, f.credit_tail)
        for m in pattern.finditer(text)
        if _only_names(m.group(1), c)
    ]
    chunks += [  # a name glued to a paragraph's end, said nowhere else: a signature
        (m.start(1), m.group(1))
        for m in f.credit_glued.finditer(text)
        if text.count(m.group(1)) == 1 and c.slot_name(m.group(1), relaxed=True)
    ]
    for offset, chunk in chunks:
        blanked = f.byline_word.sub(lambda r: " " * len(r.group(0)), chunk)
        tokens = [(offset + m.start(), offset + m.end()) for m in re.finditer(r"[^\s、，,：:；;/]+", blanked)]
        i = 0
        while i < len(tokens):
            s, e = tokens[i]
            if (
                e - s == 1
                and i + 1 < len(tokens)
                and tokens[i + 1][1] - tokens[i + 1][0] == 1
                and tokens[i + 1][0] - e == 1
            ):
                e = tokens[i + 1][1]  # 林 静
                i += 1
            if c.cued_name(text, s, e, relaxed=True):
                add(s, e, "byline")
            i += 1


def _only_names(chunk: str, c: NameChecks) -> bool:
    """Is a bare credit line made of credit words and names only (本报记者 岑思远 通讯员 祁显能)?"""
    blanked = c.f.byline_word.sub(lambda r: " " * len(r.group(0)), chunk)
    blanked = re.sub(r"^\s*本[报台]", "  ", blanked)
    cells = grid_cells(blanked)
    return bool(cells) and all(c.slot_name("".join(blanked[s:e].split()), relaxed=True) for s, e, _ in cells)


def credits_and_attendance(text: str, add, c: NameChecks) -> None:
    """通讯员倪显能报道 (an author), 以X同志为核心的党中央 (a doctrine phrase: mentioned),
    市领导X、Y参加 and 出席会议的县领导还有X、Y (officials)."""
    f = c.f
    for m in f.credit.finditer(text):
        end = c.names.name_at(text, m.end())
        if end is not None:
            add(m.end(), end, "byline")
            for s, e in _listed_on(text, end, c):  # 新华社记者李鲲、栗雅婷
                add(s, e, "byline")
    for m in f.doctrine.finditer(text):
        if c.cued_name(text, *m.span(1)):
            add(*m.span(1), "doctrine")
    for m in f.attend_list.finditer(text):
        for item in re.finditer(r"[^、，,]+", m.group(1)):
            s, e = m.start(1) + item.start(), m.start(1) + item.end()
            if c.cued_name(text, s, e, relaxed=True):
                add(s, e, "attending")
    for m in f.lead_by.finditer(text):  # 习近平等领导同志会见了…, 王明等县领导出席
        for s in (m.start() - 3, m.start() - 2):
            name = text[max(0, s) : m.start()]
            if s >= 0 and (
                name in c.lex.figures
                or (text[s - 1] in _OPENS or c.ends_with_role(text, s))
                and c.cued_name(text, s, m.start())
            ):
                add(s, m.start(), "attending")
                for ls, le in _listed_before(text, s, c):  # 庞明明、刘泳、…、郭砚宾等县领导出席
                    add(ls, le, "attending")
                break
    for m in f.attending.finditer(text):
        stop = _CLAUSE_STOP.search(text, m.end())
        at = m.end()
        for item in re.finditer(r"[^、]+", text[at : stop.start() if stop else len(text)]):
            s, e = at + item.start(), at + item.end()
            e = s + len(f.list_end.split(text[s:e], maxsplit=1)[0])
            if c.cued_name(text, s, e):
                add(s, e, "attending")


def _listed_on(text: str, end: int, c: NameChecks) -> list[tuple[int, int]]:
    """The names that go on a 、-list after the name ending at `end` (记者李鲲、栗雅婷)."""
    out = []
    while text[end : end + 1] == "、":
        for e in (end + 4, end + 3):
            if (
                e <= len(text)
                and (e == len(text) or text[e] in c.f.boundary)
                and c.cued_name(text, end + 1, e)
            ):
                out.append((end + 1, e))
                break
        else:
            break
        end = out[-1][1]
    return out


def _listed_before(text: str, start: int, c: NameChecks) -> list[tuple[int, int]]:
    """The names of the list the name starting at `start` closes: back over 、 (X、Y、Z等县领导出席),
    over a comma when the item before is a position and a name (县长陈瑞，宋祖林、…等县级领导), and over
    a name's own position (副区长郝明森，区委常委、宣传部长张惠元等领导参加)."""
    out = []
    while start > 0:
        if text[start - 1] not in "、，,":
            comma = max(
                text.rfind("，", max(0, start - 20), start), text.rfind(",", max(0, start - 20), start)
            )
            if comma < 0 or not c.ends_with_role(text, start) or _CLAUSE_STOP.search(text, comma + 1, start):
                break
            start = comma + 1  # back over 区委常委、宣传部长 to the comma before it
            continue
        sep = start - 1
        found = [
            s
            for s in (sep - 3, sep - 2)
            if s >= 0
            and c.cued_name(text, s, sep)
            and (c.ends_with_role(text, s) or (text[sep] == "、" and (s == 0 or text[s - 1] in _OPENS)))
        ]
        if not found and text[sep] == "、":  # 贾晓文、阴和平、李荣强: an item between two 、 (a rare surname)
            found = [
                s for s in (sep - 3, sep - 2) if s > 0 and text[s - 1] == "、" and _HAN.fullmatch(text[s:sep])
            ]
        if not found:
            break
        out.append((found[0], sep))
        start = found[0]
    return out


def lead_names(text: str, add, c: NameChecks) -> None:
    """The name right before 等 + a number (孙家栋等50名, 见义勇为李来享等4人) and the subject of an
    awarding verb (，钟南山被授予): slots marked on one side, so the name finder must agree."""
    f = c.f
    for m in f.lead_count.finditer(text):
        e = m.start()
        sizes = (4,) if text[max(0, e - 4) : e - 2] in c.names.tables.compound else (3, 2)
        for s in (e - size for size in sizes):
            if s < 0 or not all("\u4e00" <= ch <= "\u9fff" for ch in text[s:e]):
                continue
            marked = s == 0 or text[s - 1] in f.boundary or c.ends_with_role(text, s)
            if (marked and c.slot_name(text[s:e], relaxed=True)) or c.names.is_name(text[s:e]):
                add(s, e, "conferred")
                break
    for m in f.award_subject.finditer(text):
        for s in range(m.start() - 2, max(-1, m.start() - 5), -1):
            if (s == 0 or text[s - 1] in _OPENS) and c.names.name_at(text, s) == m.start():
                add(s, m.start(), "found")
                break


def grid_line(text: str, at: int, line: str, add, c: NameChecks) -> None:
    """A line of three or more name-sized cells, most of them names (padding and dots make a cell
    a name: 卫　东, 阿依努尔·托合提)."""
    if " " not in line and "\u3000" not in line and "\t" not in line:
        return  # prose: no cells
    cells = [(at + s, at + e, padded) for s, e, padded in grid_cells(line)]
    names = ["".join(text[s:e].split()) for s, e, _ in cells]
    if len(cells) < 3 or not all(map(grid_name_shape, names)):
        return
    namey = [
        bool(
            p or is_dotted(n) or tibetan().fullmatch(n) or c.names.is_name(n) or c.slot_name(n, relaxed=True)
        )
        for (_, _, p), n in zip(cells, names, strict=True)
    ]
    if sum(namey) * 2 > len(cells):
        for (s, e, padded), name in zip(cells, names, strict=True):
            if padded or is_dotted(name) or c.cued_name(text, s, e, relaxed=True):
                add(s, e, "grid")


_ROW = re.compile(r"(?m)^[^\n|]*\|[^\n]*$")
_CELL = re.compile(r"[^|]+")
_NAME_SEP = re.compile(r"[^、，,；;/\s]+")


def table_columns(text: str, add, c: NameChecks) -> None:
    """Pipe tables (序号 | 题目 | 作者姓名 | 指导教师): the cells under a header that names people hold
    names, honoured (作者姓名) or only mentioned (指导教师). A header holds for the rows of as many
    cells after it, also past a caption line (a repeated header may have been cleaned away)."""
    kinds: dict[int, str] = {}
    width = 0
    for row in _ROW.finditer(text):
        cells = [(row.start() + m.start(), row.start() + m.end()) for m in _CELL.finditer(row.group(0))]
        header = {i: c.f.columns.get(text[s:e].strip()) for i, (s, e) in enumerate(cells)}
        if any(header.values()):
            kinds, width = {i: k for i, k in header.items() if k}, len(cells)
            continue
        for i, (s, e) in enumerate(cells):
            if i not in kinds or len(cells) != width:
                continue
            for m in _NAME_SEP.finditer(text, s, e):
                if c.cued_name(text, m.start(), m.end(), relaxed=True):
                    add(m.start(), m.end(), kinds[i])
