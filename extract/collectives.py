"""Honoured collectives: units in 、-lists, subjects of award verbs, `…的X；`, units beside a collective
honour, and (Vietnamese) the units listed after `như:`."""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import Lexicon, alternation
from extract.records import Collective
from extract.text import Mention, sentence_of, sentences
from extract.tsv import read_rows

HAN = "\u4e00-\u9fff"
_AWARD_SUBJECT = re.compile(
    rf"([{HAN}“”]{{3,40}}?)(?=获评|荣获|被评为|被授予|被命名为|当选为|榜上有名|被[{HAN}]{{2,16}}?(?:授予|评为|命名为))"
)  # 衢州市公路管理局工会被中华全国总工会授予…: the agent between 被 and the verb
_SUBJECT_COUNTED = re.compile(
    rf"([{HAN}“”]{{3,40}}?)等[\d一二两三四五六七八九十百千]+[个家支][{HAN}]{{0,10}}?(?=获评|荣获|被评为|被授予|被命名为)"
)  # 福州某公司工会委员会等35家基层工会荣获…: the unit that leads the counted list
_OF_UNIT = re.compile(rf"的([{HAN}]{{3,30}}?)(?=[；;…。，,])")
_CLAUSE_START = re.compile(rf"(?:^|(?<=[，。；：！？,;:!?\n“‘]))([{HAN}]{{3,30}})")
_PARAGRAPH_START = re.compile(rf"(?m)(?:^|(?<=[；;]))([{HAN}]{{4,30}})")
_LEADING_VERB = re.compile(
    r"(?:决定)?(?:授予|追授|表彰|命名|获评的有|评为|获评|有|其中)|(?:我|本)[省市县区州镇乡]"
)  # 我市青岚港务集团…: "our city" is not part of the unit's name
_COUNTED_UNITS = re.compile(
    rf"(?:授予|追授|表彰|命名|对)([{HAN}“”]{{3,30}}?)等[\d一二两三四五六七八九十百千]+[个家支](?:单位|集体|基层党组织|党组织|组织|团队|班组|基层工会|工会)"
)
_UNIT_LINE = re.compile(rf"(?m)^([{HAN}（）()]{{4,30}})$")


@cache
def _vi_unit() -> re.Pattern:
    """A Vietnamese unit's name: an organisation head word, then words up to a stop word or punctuation."""
    heads = alternation([row[0] for row in read_rows("units_vi.tsv", 2)]).pattern
    stop = r"(?:và|với|vì|được|đã|có|là|cho|trong|tại|của|đạt|tích cực)\b"
    return re.compile(rf"(?<![\w])((?:{heads})(?:\s+(?!{stop})[\w/.-]+){{0,8}})", re.U)


_VI_AFTER = re.compile(  # the units come after the cue
    r"(?:như|gồm|là)\s*:(?P<list>[^\n]+)"  # a list of models after `như:`
    r"|(?:tặng|trao|khen thưởng|biểu dương|tuyên dương)[^.;\n]{0,80}?\bcho\s+(?P<given>[^.;\n]+)"  # … cho X
    r"|khen thưởng\s+(?:đột xuất\s+)?(?P<object>[^.;:,\n(]{2,80})"  # khen thưởng đột xuất Phòng …
)
_VI_BEFORE = re.compile(  # the units are the clause before the cue: found from the cue, not tried everywhere
    r"\s+(?:(?:được|đã được)\s+(?:khen thưởng|tặng|trao|công nhận|biểu dương|tuyên dương|nhận)(?P<subject>)"
    r"|với\s+(?:mô hình|công tác|việc|phong trào)(?P<model>)"
    r"|(?:vinh dự\s+)?(?:đón nhận|nhận|tổ chức lễ đón nhận)\s+"  # X (vinh dự) đón nhận Huân chương
    r"(?i:giấy khen|bằng khen|huân chương|cờ thi đua|kỷ niệm chương)(?P<receiver>))"
)
_VI_CLAUSE_MARK = re.compile(r"[.;:,\n]")


def _vi_contexts(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each stretch that may name honoured units."""
    out = []
    for m in _VI_AFTER.finditer(text):
        group = next(g for g in ("list", "given", "object") if m.group(g))
        out.append((group, m.start(group), m.end(group)))
    for m in _VI_BEFORE.finditer(text):
        group = next(g for g in ("subject", "model", "receiver") if m.group(g) is not None)
        marks = list(_VI_CLAUSE_MARK.finditer(text, max(0, m.start() - 80), m.start()))
        start = marks[-1].end() if marks else max(0, m.start() - 80)
        if m.start() - start >= 2:
            out.append((group, start, m.start()))
    return out


_AFFILIATION = re.compile(r"(?:thuộc|của|trưởng|thành lập|[-–])\s*\Z")  # whose unit, founded when


def _unit_prefix(chunk: str, lex: Lexicon) -> str | None:
    """The longest start of `chunk` that ends with a collective word (市中区融媒体中心全员… -> 市中区融媒体中心)."""
    best = None
    chunk = chunk.split("被")[0]  # X工会被省总工会授予: the unit is the subject before 被
    for m in lex.collective_re.finditer(chunk):
        if m.end() >= 3 and m.start() > 0:
            best = chunk[: m.end()]
    return best


def _ends_as_unit(phrase: str, lex: Lexicon) -> bool:
    last = None
    for last in lex.collective_re.finditer(phrase):  # noqa: B007 - the last match is the one wanted
        pass
    return last is not None and last.end() == len(phrase) and last.start() > 0


_NOT_FIRST = set("到在用从向对为各这该有是和与及把被将让给等每其本几多")
_COUNTED = re.compile(
    "[一二三四五六七八九十两][个名家支批项所]"
)  # 一个乡: a number of things (五华区 is a place)
_NOT_INSIDE = re.compile('[和与及或在是‘’"、]|大会|之所')


def _plausible(name: str, people: set[str]) -> bool:
    """A unit's name: 4-25 characters, not starting like a verb phrase or a numeral, no conjunction,
    quote or person's name inside (到社区, 一个乡, 先进典型和团队 are not units)."""
    return (
        4 <= len(name) <= 25
        and name[0] not in _NOT_FIRST
        and not _COUNTED.match(name)
        and not _NOT_INSIDE.search(name)
        and name.count("“") == name.count("”")
        and not name.startswith("“")
        and not any(p in name for p in people)
    )


def find_collectives_zh(
    text: str,
    lex: Lexicon,
    honours: list[Mention],
    people: set[str],
    spans: list[tuple[int, int]] | None = None,
) -> list[Collective]:
    spans = sentences(text) if spans is None else spans
    group_honours = [h for h in honours if lex.honour_kind(h.text) in ("collective",)]
    found: dict[str, Collective] = {}

    def add(start: int, end: int) -> None:
        lead = _LEADING_VERB.match(text, start, end)
        start = lead.end() if lead else start
        name = text[start:end].strip("“”").split("——")[-1]  # 最美服务窗口——邵阳市政务服务中心
        name = name.split("的")[-1] if len(name.split("的")[-1]) >= 4 else name  # 市总工会推荐的|X班组
        if start and text[start - 1].isdigit() and name[0] in "个名家支批项所位":
            return  # 35家基层工会: a count's classifier, not a unit's first character
        start = text.index(name, start)
        if name in found or name in lex.collectives or not _plausible(name, people):
            return
        s, e = sentence_of(spans, start)
        near = [h for h in group_honours if s <= h.start < e] or group_honours
        found[name] = Collective(
            name=name, span=(start, start + len(name)), honour=near[0].text if near else None
        )

    for clause in re.finditer(r"[^，。；：:;,!?！？\n]+", text):
        items = list(re.finditer(r"[^、]+", clause.group(0)))
        if len(items) >= 2:
            for item in items:
                chunk = re.split(r"等|共|分别|[\d一二两三四五六七八九十百]+[家个名]", item.group(0))[0]
                if _ends_as_unit(chunk, lex):
                    add(clause.start() + item.start(), clause.start() + item.start() + len(chunk))
    for m in _COUNTED_UNITS.finditer(text):  # 授予市第二中学党总支等12个单位: a unit, whatever its last word
        add(*m.span(1))
    for m in [*_AWARD_SUBJECT.finditer(text), *_SUBJECT_COUNTED.finditer(text)]:
        start = m.start(1) + m.group(1).rfind("的") + 1  # 区总工会申报的|某公司工会小组榜上有名
        if _ends_as_unit(text[start : m.end(1)].strip("“”"), lex):
            add(start, m.end(1))
    for m in _OF_UNIT.finditer(text):
        if _ends_as_unit(m.group(1), lex) and group_honours:
            add(*m.span(1))
    for h in group_honours:
        s, e = sentence_of(spans, h.start)
        for m in _CLAUSE_START.finditer(text, s, e):
            unit = _unit_prefix(m.group(1), lex)
            if unit and not (m.start(1) <= h.start < m.start(1) + len(unit)):
                add(m.start(1), m.start(1) + len(unit))
    if group_honours:  # units listed one per line, or opening a paragraph about them
        for m in _UNIT_LINE.finditer(text):
            if _ends_as_unit(m.group(1), lex):
                add(*m.span(1))
        for m in _PARAGRAPH_START.finditer(text):
            unit = _unit_prefix(m.group(1), lex)
            if unit:
                add(m.start(1), m.start(1) + len(unit))
    return sorted(found.values(), key=lambda c: c.span)


def find_collectives_vi(text: str, honours: list[Mention]) -> list[Collective]:
    """Units named in a `như:` list, after `tặng … cho`, before `được khen thưởng`, or before
    `với mô hình` (the model a unit is praised for)."""
    found: dict[str, Collective] = {}
    for group, s, e in _vi_contexts(text):
        for unit in _vi_unit().finditer(text, s, e):
            name = unit.group(1).strip(" ,")
            if name in found or len(name.split()) < 2 or name.lower() in ("tổ dân phố", "khu phố"):
                continue
            if _AFFILIATION.search(text[max(0, unit.start(1) - 12) : unit.start(1)]) or (
                group in ("receiver", "object") and text[s : unit.start(1)].strip()
            ):
                continue  # cá nhân thuộc Công đoàn X: whose people; khen thưởng anh Y - … Ban Z: his unit
            start = unit.start(1)
            near = [h for h in honours if h.start < start] or honours
            found[name] = Collective(
                name=name, span=(start, start + len(name)), honour=near[-1].text if near else None
            )
    return sorted(found.values(), key=lambda c: c.span)
