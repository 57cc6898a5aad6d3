"""Chinese names in the places the layout marks: credits (（通讯员 许雅兰 彭红霞）, 编辑:时金, 本报记者
岑思远, …成风。(白续宏 张婷婷), 本报讯 (李庚)), doctrine phrases, attendance lists, name grids, names
over their posts, the heads of honoured families (雷昌根家庭) and the first name of N honourees
(孙家栋等50名). Each function calls `add(start, end, how)` for every name it sees."""

from __future__ import annotations

import re

from extract.people_zh_checks import NameChecks
from extract.people_zh_credits import (
    credit_runs,
    department_cell,
    glued_after,
    glued_names,
    reported_by,
    wrote_prized,
)
from extract.people_zh_slots import extend_end, grid_cells, grid_name_shape, is_dotted, tibetan

_CLAUSE_STOP = re.compile(r"[，。；：:;,\n]")
_OPENS = frozenset("，。；：！？,;:!?\n、")  # what a clause opening with a name follows
_HAN = re.compile("[\u4e00-\u9fff]+")


def bylines(text: str, add, c: NameChecks) -> None:
    """Names in `(通讯员 许雅兰 彭红霞)`, `(记者 林 静 通讯员 黄小明)`, `编辑:时金`; a two-character
    name padded to three (`林 静`) is one name. Each name takes the post of the credit word before it
    (记者, 通讯员), as the reader of the byline would."""
    f = c.f
    chunks = [(m.start(1), m.group(1), None) for m in f.byline.finditer(text)]
    chunks += [
        (m.start(1), m.group(1), credit_post(m.group(0)[: m.start(1) - m.start()], f))
        for m in f.byline_line.finditer(text)
    ]
    chunks += [
        (m.start(1), m.group(1), None)
        for pattern in (f.byline_bare, f.credit_tail)
        for m in pattern.finditer(text)
        if _only_names(m.group(1), c)
    ]
    chunks += [  # a name glued to a paragraph's end, said nowhere else: a signature
        (m.start(1), m.group(1), None)
        for m in f.credit_glued.finditer(text)
        if text.count(m.group(1)) == 1 and c.slot_name(m.group(1), relaxed=True)
    ]
    chunks += [  # 颁奖现场。王芳 摄, 任某 吴某 摄: a caption closed by its photographers' names
        (offset, chunk, "摄影")
        for m in f.credit_photo.finditer(text)
        for offset, chunk in _photographers(m, c)
    ]
    chunks += [  # 作 者⏎(主创人员)⏎⏎邱某某: the authors' box of a nomination form
        (m.start(1), m.group(1), None) for m in f.credit_form.finditer(text) if _only_names(m.group(1), c)
    ]

    for offset, chunk, lead in chunks:
        words = [(offset + w.end(), credit_post(w.group(0), f)) for w in f.byline_word.finditer(chunk)]
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
            post = next((w for at, w in reversed(words) if at <= s), lead)
            if c.cued_name(text, s, e, relaxed=True):
                add(s, e, "byline", post)
            for gs, ge in glued_names(text, s, e, c) if e - s > 4 else ():
                add(gs, ge, "byline", post)  # 通讯员马双军王杰: two names glued in one cell
            i += 1
    dateline_credits(text, add, c)
    credit_runs(text, add, c, lambda word: credit_post(word, f))
    for m in f.credit_photo_bracket.finditer(text):  # (新华网杨腾格尔摄): the agency glued before the name
        name = m.group(1)
        if name[0] in c.first and not c.names.is_word(name) and (len(name) == 4 or c.slot_name(name, True)):
            post = "摄影" if m.group(0).rstrip(")） \u3000").endswith("摄") else None  # (黄某/文): the writer
            add(*m.span(1), "byline", post)  # a surname and a Mongolian given name (腾格尔) fit too


def _photographers(m: re.Match, c: NameChecks) -> list[tuple[int, str]]:
    """The names before a closing 摄 (任某 吴某 摄): all of them when each is a name, else only the
    last (合影 王芳 摄: 合影 is the caption's last word, not a second photographer)."""
    cells = [(m.start(1) + n.start(), n.group(0)) for n in re.finditer(r"[^\s、\u3000]+", m.group(1))]
    if all(c.slot_name(name, relaxed=True) for _, name in cells):
        return cells
    return cells[-1:] if c.slot_name(cells[-1][1], relaxed=True) else []


def dateline_credits(text: str, add, c: NameChecks) -> None:
    """本报讯 (李庚), 新华网呼和浩特12月17日电(曹桢), 云上黄冈报道(蕲春台 陈友林 刘明正): a bracket
    right after a news dateline that holds names only (and maybe the media unit they work for)
    credits the article's authors."""
    for m in c.f.credit_dateline.finditer(text):
        cells = [(m.start(1) + s, m.start(1) + e) for s, e, _ in grid_cells(m.group(1))]  # (李 倩)
        units = [
            (s, e)
            for s, e in cells
            if text.endswith(c.f.media_unit, s, e) or (s, e) == cells[0] and department_cell(text[s:e])
        ]  # 本网讯(党办 郑娟): the paper's unit or the writer's department first
        names = [
            (s, e)
            for s, e in cells
            if (s, e) not in units and c.slot_name("".join(text[s:e].split()), relaxed=True)
        ]
        if names and len(names) + len(units) == len(cells):
            for s, e in names:
                add(s, e, "byline")


def credit_post(word: str, f) -> str | None:
    """The post a credit word gives its name (本报记者 -> 本报记者, 通讯员 -> 通讯员); None for
    credits that are no post (作者, 文/图, 摄)."""
    word = "".join(word.split()).strip(":：/／")
    return word if any(r in word for r in f.credit_role) else None


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
        if _post_not_credit(text, m):
            end = c.names.name_at(text, m.end()) if credit_post(m.group(0), f) else None
            if end is not None:  # 见义勇为的记者黄某: the post of a person in the story
                add(m.end(), end, "role", credit_post(m.group(0), f))
            continue
        end = c.names.name_at(text, m.end())
        slashed = reported_by(text, m.end(), c)  # 记者陈朝枝南投报导; 记者陈琼如/台北报导, not 陈琼|如
        end = slashed if end is None or (slashed or 0) > end else end
        if end is not None:
            post = credit_post(m.group(0), f)
            prized = _prized_work(text, m.start(), c) or wrote_prized(text, end, c)
            how = "conferred" if prized else "byline"
            add(m.end(), end, how, None if how == "conferred" else post)
            full = extend_end(text, m.end(), end, c.names, f, c.slot_name)  # as `add` will read it
            for s, e in _listed_on(text, end, c) or glued_after(text, full, c):  # 记者李鲲、栗雅婷
                add(s, e, how, None if how == "conferred" else post)
    for m in f.credit.finditer(text):  # 中央社记者郭日晓摄: a photo credit
        end = next((e for e in (m.end() + 3, m.end() + 2) if text.startswith("摄", e)), None)
        if end and c.cued_name(text, m.end(), end, relaxed=True):
            add(m.end(), end, "byline", credit_post(m.group(0), f))
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
            if (span := _guest(text, s, e, c)) is not None:
                add(*span, "attending")
        if stop and text[stop.start()] in "，,":
            _guests_after_comma(text, stop.start(), add, c)


_GUEST_STOP = re.compile(r"[。；;：:\n]")


def _guest(text: str, s: int, e: int, c: NameChecks) -> tuple[int, int] | None:
    """A guest-list item: a name, or a name after its position (市民代表X, 中华国小校长Y)."""
    if c.cued_name(text, s, e):
        return s, e
    for n in (3, 2):
        if e - n > s and c.ends_with_role(text, e - n) and c.cued_name(text, e - n, e, relaxed=True):
            return e - n, e
    return None


def _guests_after_comma(text: str, at: int, add, c: NameChecks) -> None:
    """出席的来宾包括市民代表X、Y，中正国小校长Z、…: the guest list goes on past commas, each item a
    name with its position before it; it stops at the first item that is not one."""
    stop = _GUEST_STOP.search(text, at)
    for item in re.finditer(r"[^、，,]+", text[at : stop.start() if stop else len(text)]):
        span = _guest(text, at + item.start(), at + item.end(), c)
        if span is None:
            return
        add(*span, "attending")


def _post_not_credit(text: str, m: re.Match) -> bool:
    """见义勇为的记者黄某, 优秀党务工作者宋某: a credit word after 的 is the person's post in running
    text, and 作者 after 工 is part of 工作者; neither credits the page's author."""
    before = text[m.start() - 1 : m.start()]
    return before == "的" or (before == "工" and m.group(0).startswith("作者"))


_WORK_BEFORE = re.compile(r"》[ \u3000]*[（(]?[ \u3000]*$")
_SENTENCE_START = re.compile(r"[。！？!?]")  # not \n: a title may break a line


def _prized_work(text: str, at: int, c: NameChecks) -> bool:
    """获一等奖的作品是通讯《…》(作者:商琼、冯梅): a credit right after a work's title, in a sentence
    that awards something, names the authors of a prize-winning work, who are its honoured."""
    if not _WORK_BEFORE.search(text, max(0, at - 4), at):
        return False
    start = max((m.end() for m in _SENTENCE_START.finditer(text, max(0, at - 200), at)), default=0)
    return bool(c.lex.cue_re["award"].search(text, start, at))


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


_LINE = re.compile(r"[^\n]+")


def names_over_posts(text: str, add, c: NameChecks, position_phrase) -> None:
    """孙娜\n盘锦光合蟹业有限公司研发中心主任: a line holding only a name, with the unit and post on
    the line under it (a list pasted cell by cell, as WeChat pages do). `position_phrase` splits the
    post line into (position, organisation)."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    for (s, e), (ps, pe) in zip(lines, lines[1:], strict=False):
        name = text[s:e].strip()
        if not 2 <= len(name) <= 4 or not _HAN.fullmatch(name) or pe - ps > 40:
            continue
        s += text[s:e].index(name)
        role, org = position_phrase(text[ps:pe].strip())
        if role and c.cued_name(text, s, s + len(name), relaxed=True):
            add(s, s + len(name), "role", role, org)


_FAMILY = re.compile("家庭")
_COUNTED_GIVEN = re.compile("[一二三四五六七八九十两几每][个位名户]")


def family_heads(text: str, add, c: NameChecks, opens: frozenset[str]) -> None:
    """雷昌根家庭、李麦玲家庭: an honoured family is named after its head, a person the page names
    (the family is the collective honoured, the head is only mentioned). The head's name follows a
    boundary, a place ending or one of `opens`; a dictionary word (文明家庭, 和谐家庭) is no name."""
    for m in _FAMILY.finditer(text):
        e = m.start()
        for s in (e - 3, e - 2):
            name = text[s:e] if s > 0 else ""
            before = text[s - 1] if s > 0 else ""
            if not name or before == "“" or c.names.is_word(name) or not c.slot_name(name, relaxed=True):
                continue
            if _COUNTED_GIVEN.fullmatch(name[1:]):
                continue  # 对于一个家庭: 于 + a count, no name
            if before in c.f.boundary or before in opens:
                add(s, e, "family")
                break


def lead_names(text: str, add, c: NameChecks) -> None:
    """The name right before 等 + a number or 等同志“ (孙家栋等50名, 见义勇为李来享等4人) and the subject of an
    awarding verb (，钟南山被授予): slots marked on one side, so the name finder must agree."""
    f = c.f
    for m in f.lead_count.finditer(text):
        e = m.start()
        sizes = (4,) if text[max(0, e - 4) : e - 2] in c.names.tables.compound else (3, 2)
        for s in (e - size for size in sizes):
            if s < 0 or not all("\u4e00" <= ch <= "\u9fff" for ch in text[s:e]):
                continue
            marked = s == 0 or text[s - 1] in f.boundary or c.ends_with_role(text, s)
            marked = marked or text.endswith(c.unit_words, 0, s)  # 急救小组|次吉等同志
            if (marked and c.cued_name(text, s, e, relaxed=True)) or c.names.is_name(text[s:e]):
                add(s, e, "conferred")
                break
    for m in f.award_subject.finditer(text):
        for s in range(m.start() - 2, max(-1, m.start() - 5), -1):
            if (s == 0 or text[s - 1] in _OPENS) and c.names.name_at(text, s) == m.start():
                add(s, m.start(), "found")
                break


_LABEL = re.compile(r"[^:：\s]{1,12}[:：][ \u3000]*")


def grid_line(text: str, at: int, line: str, add, c: NameChecks) -> None:
    """A line of three or more name-sized cells, most of them names (padding and dots make a cell
    a name: 卫　东, 阿依努尔·托合提)."""
    if " " not in line and "\u3000" not in line and "\t" not in line:
        return  # prose: no cells
    label = _LABEL.match(line)  # 三等奖:吴某某 齐某某 谭某某: the cells follow a prize or group label
    if label:
        at, line = at + label.end(), line[label.end() :]
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
