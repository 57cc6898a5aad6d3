"""Roll lines that open with a name and go on with the person's unit and post on the same line
(江源 华东师范大学第一附属中学教师, 俞复玲江东区百丈街道划船社区党委书记): the order of a published
list of models, where the post follows the name instead of coming before it."""

from __future__ import annotations

import re

from extract.people_zh_checks import NameChecks
from extract.people_zh_credits import department_cell
from extract.people_zh_slots import grid_cells

_LINE = re.compile(r"[^\n]+")
_LABEL = re.compile(r"[^:：\s]{1,6}[:：][ \u3000]*")  # 上海:江源 …: a province or group label first
_PAD = " \u3000\t"
_PROSE = re.compile(r"[，,。；;！？!?“”「」《》、]")  # a clause, not a roll line
_PLACE_END = frozenset("省市县区")  # 刘国娟宁波市…: a name glued to a place opening its unit
_NOTE = re.compile(r"([\u4e00-\u9fff]{2,4})([（(][^（）()\s]{1,4}[）)])")  # 范某(已故): a note after the name


def names_before_posts(text: str, add, c: NameChecks, position_phrase) -> None:
    """A line of name + unit + post (the post in the role table, the unit before it), the name cut
    off by padding or glued to the unit: the person with the post. `position_phrase` splits the rest
    into (position, organisation)."""
    for m in _LINE.finditer(text):
        at, line = m.start(), m.group(0)
        label = _LABEL.match(line)
        if label:
            at, line = at + label.end(), line[label.end() :]
        note = _NOTE.match(line)  # 范某(已故)临川市…护士: the note is padding between name and unit
        if note:
            line = line[: note.start(2)] + " " * len(note.group(2)) + line[note.end(2) :]
        if len(line) > 40 or _PROSE.search(line):
            continue
        found = _name_and_post(line, c, position_phrase)
        if found:
            size, role, org = found
            add(at, at + size, "role", role, org).how.add("list")  # an item of the roll


def _name_and_post(line: str, c: NameChecks, position_phrase) -> tuple[int, str, str | None] | None:
    """(name size, position, organisation) when the line is a name then a unit+post; a padded name
    is trusted on its shape, a glued one only when the unit opens with a place (…市, …区)."""
    padded = next((i for i, ch in enumerate(line) if ch in _PAD), None)
    sizes = [3, 2] if padded is None else [padded] if 2 <= padded <= 4 else []
    for size in sizes:
        name, rest = line[:size], line[size:].strip(_PAD)
        if len(rest) < 4 or any(ch in _PAD for ch in rest):
            continue
        if padded is None and not _place_first(rest):
            continue
        trusted = padded is not None  # 江源 华东…: padding marks the name, even one that is a word
        if not c.slot_name(name, relaxed=trusted, words_too=trusted) or (
            not trusted and c.names.is_word(name)
        ):
            continue
        role, org = position_phrase(rest)
        if role and org:
            return size, role, org
    return None


def _place_first(rest: str) -> bool:
    """Does the rest open with a place (宁波市…, 江东区…, 市公安局…): up to three characters then 省市县区?"""
    return any(rest[k] in _PLACE_END for k in range(min(4, len(rest))))


_SIGNED = re.compile(
    r"(?:^|[。！？!?”）)])[ \u3000]*[（(]([\u4e00-\u9fff][\u4e00-\u9fff \u3000、]{1,40}?)[ \u3000]*"
    r"(?:[/／][ \u3000]*[文图]{1,2}|[文图]{1,2}[/／][文图])?[ \u3000]*[）)][ \u3000]*$",
    re.M,
)


def bracket_signatures(text: str, add, c: NameChecks) -> None:
    """(肖 俏), (基础医学院 王某 统战部 鞠 静 /文) closing a paragraph: the writers sign in a bracket,
    their departments beside them. Every cell must be a name or a department; the signers are the
    names said nowhere else in the text (a name said before may be the honoured, named again)."""
    for m in _SIGNED.finditer(text):
        inside = m.group(1).replace("、", " ")  # (贾某、张某): a 、 parts the signers too
        cells = [(m.start(1) + s, m.start(1) + e, padded) for s, e, padded in grid_cells(inside)]
        names = [(s, e) for s, e, padded in cells if _signer(text, s, e, padded, c)]
        rest = [text[s:e] for s, e, _ in cells if (s, e) not in names]
        if names and all(_unit_cell(cell, c) or c.slot_name(cell) for cell in rest):
            for s, e in names:
                add(s, e, "byline")


def _signer(text: str, s: int, e: int, padded: bool, c: NameChecks) -> bool:
    name = "".join(text[s:e].split())
    if not c.slot_name(name, relaxed=True) or (not padded and c.names.is_word(name)):
        return False
    return padded or text.count(name) == 1


def _unit_cell(cell: str, c: NameChecks) -> bool:
    """党办, 三明市气象局工会: the writer's department or unit beside the name."""
    return department_cell(cell) or (len(cell) <= 16 and cell.endswith(c.unit_words))


_REPORTED = re.compile(r"(?m)^[ \u3000]*([^\n]{2,30}?)[ \u3000]+(?:报道|报导)[ \u3000]*$")


_SLASH_CREDIT = re.compile(
    r"(?m)^[ \u3000]*[■□●◆]?[ \u3000]*([^\n/／]{2,40}?)[ \u3000]*[/／][ \u3000]*(?:文|图|文图|图文)(?=[ \u3000]|$)"
)

# one credited cell, the name between a space or a bracket and its /文 or /图 (工会 陈某/文 唐某/图)
_SLASH_CELL = re.compile(
    r"(?:(?<=[\s(（])|^)([\u4e00-\u9fff]{2,4})[/／](?:文|图|摄|文图|图文)(?=[\s)）]|$)", re.M
)


def slash_credits(text: str, add, c: NameChecks) -> None:
    """■胡某、高某、记者张某、彭某/文, 苏某 报道: a line of names (maybe with their credit words) closed by
    /文 or 报道: the writers, wherever the line stands."""
    slashed = _SLASH_CREDIT.finditer(text) if "/" in text or "／" in text else ()  # each needs its mark
    reported = _REPORTED.finditer(text) if "报道" in text or "报导" in text else ()
    for m in (*slashed, *reported):
        blanked = c.f.byline_word.sub(lambda r: " " * len(r.group(0)), m.group(1)).replace("、", " ")
        cells = [(m.start(1) + s, m.start(1) + e) for s, e, _ in grid_cells(blanked)]
        if cells and all(c.slot_name("".join(text[s:e].split()), relaxed=True) for s, e in cells):
            for s, e in cells:
                add(s, e, "byline")
    for m in _SLASH_CELL.finditer(text) if "/" in text or "／" in text else ():
        if c.slot_name(m.group(1), relaxed=True):
            add(*m.span(1), "byline")  # (工会 陈某/文 唐某/图): each name closed by its own mark
    wire_credits(text, add, c)


_WIRE = re.compile(  # (中央社记者陈某台北20日电), 【记者 范某 南投报导】: a reporter's name, then the dateline
    r"[（(【\[][ \u3000]*[\u4e00-\u9fff]{0,6}?(记者|特派员|通讯员)[ \u3000]*([\u4e00-\u9fff]{2,3})[ \u3000]*"
    r"([\u4e00-\u9fff]{0,5}?)[ \u3000]*(?:\d{1,2}日)?(?:专电|电|报导|报道)[ \u3000]*[）)】\]]"
)


def wire_credits(text: str, add, c: NameChecks) -> None:
    """A wire service's or paper's credit in brackets: the reporter's name glued to the place and
    date of the dateline (陈某台北|20日电). The name is three characters unless that leaves a place
    of one character (王芳台北) or the place read after two is a known one."""
    for m in _WIRE.finditer(text):
        s, glued = m.start(2), m.group(2) + m.group(3)
        sizes = [  # a dateline's place has two characters at least (台北, 南投)
            k
            for k in (3, 2)
            if c.slot_name(glued[:k], relaxed=True) and (len(glued) - k >= 2 or k == len(glued))
        ]
        placed = [k for k in sizes if glued[k:].startswith(tuple(c.names.tables.places))]
        size = (placed or sizes or [0])[0]
        if size:
            add(s, s + size, "byline", m.group(1), name=glued[:size])  # not stretched into the place
