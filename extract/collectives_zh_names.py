"""What makes a phrase a Chinese unit's name (issue 11), for extract/collectives.py: the unit words that
end it (units_zh.tsv), the frame words around it (collective_frames_zh.tsv), and the checks on the name
itself: length, first character, no person or conjunction inside, quotes paired."""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import alternation
from extract.text import HAN
from extract.tsv import read_rows


@cache
def _heads() -> tuple[re.Pattern, frozenset[str]]:
    """Words that end an honoured unit's name, with the words that only look like one (干部, 科技):
    one alternation, longest first, so 航天科技 is read as 科技 and not as a department 科."""
    rows = read_rows("units_zh.tsv", 3)
    heads = [w for w, kind, _ in rows if {"collective", "honoured"} & set(kind.split())]
    nots = [w for w, kind, _ in rows if kind == "not"]
    return alternation(heads + nots), frozenset(nots)


@cache
def _frames() -> dict[str, re.Pattern]:
    """body_after / body_before / member_after words (collective_frames_zh.tsv) as patterns."""
    words: dict[str, list[str]] = {}
    for kind, word, _why in read_rows("collective_frames_zh.tsv", 3):
        words.setdefault(kind, []).append(word)
    return {kind: alternation(ws) for kind, ws in words.items()}


@cache
def _bodies(units: frozenset[str]) -> re.Pattern:
    """Words that end the name of a unit or of a body that may act (kind body in units_zh.tsv: 办, 委)."""
    bodies = {w for w, kind, _ in read_rows("units_zh.tsv", 3) if kind == "body"}
    return re.compile(_heads()[0].pattern + "|" + alternation(units | bodies).pattern)


def _head_ends(phrase: str) -> list[tuple[int, int]]:
    """Spans of the unit words in `phrase` (look-alikes such as 干部 left out)."""
    heads, nots = _heads()
    return [m.span() for m in heads.finditer(phrase) if m.group(0) not in nots]


def _unit_prefix(chunk: str) -> str | None:
    """The longest start of `chunk` that ends with a collective word (市中区融媒体中心全员… -> 市中区融媒体中心)."""
    chunk = chunk.split("被")[0]  # X工会被省总工会授予: the unit is the subject before 被
    ends = [e for s, e in _head_ends(chunk) if e >= 3 and s > 0]
    return chunk[: ends[-1]] if ends else None


def _ends_as_unit(phrase: str) -> bool:
    heads, nots = _heads()
    alias = _alias(phrase)  # 浙江某剧艺术研究院(浙江某剧团): the unit's word before its alias
    phrase = phrase[: alias.start()] if alias else phrase
    last = None
    for last in heads.finditer(phrase):  # noqa: B007 - the last match is the one wanted
        pass
    if last is not None and _TOWN_VILLAGE.search(phrase):
        return True  # 番禺区南村镇: the town 南村 + 镇, not the words 村镇 (文明村镇)
    return last is not None and last.end() == len(phrase) and last.start() > 0 and last.group(0) not in nots


# a one-character town name ending in 村, alone or after a district or county (佐村镇, 番禺区南村镇): the
# look-alike 村镇 ("villages and towns") never follows a district's word and one character
_TOWN_VILLAGE = re.compile(f"(?:^|[区县市旗])[{HAN}]村镇$")


_EVENT = re.compile(r"\d{4}年度|首届|第[\d一二三四五六七八九十]+届")  # X2023年度…评选: its organiser
# “浙联会”义工团: a team of the quoted body (a body's name in the quotes, not “五好”基层党组织)
_QUOTED_OPENER = re.compile(
    f"[“「][{HAN}A-Za-z]{{1,8}}(?:会|社|团|队|馆|院|所|局|中心|公司)[”」][{HAN}]{{2,}}$"
)
_TOWNSHIP_SHORT = re.compile(f"[{HAN}]{{1,4}}[乡镇市区]")  # 中寮乡和兴: a community's short name, no person
_NAMED_AFTER = re.compile(
    f"(?<=[{HAN}])[{HAN}()（）]{{0,12}}(?:工作室|小组|班组|爱心团队|志愿服务队)$"
)  # 董林|劳模创新工作室, …乙班赵梦桃|小组, 侯某|爱心团队
# a place's word right after a "person" (乌拉盖|管理区林业和草原工作站): the name was a place's all along
_PLACE_AFTER = re.compile("管理区|街道|自治[州县旗]|[省市县区镇乡旗盟](?![长委])")
_NOT_FIRST = set("到在用从向对为各这该有是和与及把被将让给等每其本几多年")  # 年: 1990-2005年|横栏镇
# a list item opening with a county, district or township whose first character is also a verb's or a
# preposition's (从化市良口镇溪头村, 向峨乡红火社区): a place, not 从/向 opening a phrase
_PLACE_OPENING = re.compile(f"[{HAN}]{{1,2}}[市县区乡镇](?![委长])")
_KIND = re.compile(
    f"(?:先进|优秀|模范|文明|示范|标兵|最美|十佳)[{HAN}]{{1,3}}"
)  # 先进班组, 优秀团队, 最美窗口
_CODE = re.compile(r"[A-Za-z0-9#\-]+")  # C-01, C8#, MQ-04: a code counts as one character of a name
_COUNTED = re.compile("[一二三四五六七八九十两][个名家支批项所]")  # 一个乡, not 五华区
_NOT_INSIDE = re.compile(
    '[及或在是由了的‘’"、]|大会|之所|关于|表彰|激励|各级|[一两几]个|等[\\d一二两三四五六七八九十百千]'
    "|(?:推荐|申报|主办|承办|协办|报送)单位"  # a form's label glued to the unit (推荐单位自贡市关工委): its role
)


def _plausible(
    name: str, people: set[str], shortest: int = 4, whole: bool = False, item: bool = False
) -> bool:
    """A unit's name: 4-30 characters (3 in a list of units: 卫生局), not starting like a verb phrase
    or a numeral, no conjunction, quote or person's name inside (到社区, 一个乡, 先进典型和团队) but
    a name that opens a unit named after its person (董林劳模创新工作室). A name opening a list's `item`
    (after 、 or ；, on its own line) may start with 和: a place's first character there (和瑞街道…社区,
    和平村), no conjunction."""
    opening = item and name.startswith("和")
    placed = item and _PLACE_OPENING.match(name) is not None
    size = len(_CODE.sub("x", name))  # …滨湖时代广场C-01地块C8#楼项目部: codes weigh one character
    return (
        # a counted frame bounds a long name (…项目部等497个单位)
        shortest <= size <= (40 if whole else 30)
        and (name[0] not in _NOT_FIRST or opening or placed)
        and not _COUNTED.match(name)
        and not _EVENT.match(name)  # 第七届全国文明村镇: an edition opens a title, never a unit
        and not _KIND.fullmatch(name)  # 涌现出的先进班组: a kind of unit praised, no unit's name
        and not _NOT_INSIDE.search(name)
        and name.count("“") == name.count("”")
        and name.count("「") == name.count("」")
        and name.count("(") == name.count(")")
        and name.count("（") == name.count("）")
        and not (name.startswith(("“", "「")) and not _QUOTED_OPENER.match(name))
        and not name.endswith(("”", "」"))  # 全国“最美家庭”: a title in quotes closes no unit's name
        and not any(
            p in name
            and not name.endswith(p + "家庭")
            and not _NAMED_AFTER.match(name, name.find(p) + len(p))
            and not _PLACE_AFTER.match(name, name.find(p) + len(p))
            and not (whole and _TOWNSHIP_SHORT.fullmatch(name[: -len(p)]) and name.endswith(p))
            for p in people
        )  # 雷昌根家庭: the family named after its head, a person too; 头屋乡|明德 in a counted list
        and (whole or _joined_right(name[opening:]))  # one unit: X镇和美村 on a line, 维和警察防暴队等5个
    )


# words with 和 inside that join nothing (祥和志工队, 协和医院, 和平村, 人和镇; not 工人和, 个人和): masked
# before looking for a joint
_HE_WORDS = re.compile(
    "祥和|协和|共和|太和|永和|中和|人和(?=[镇乡村街路里社园])|保和|平和|和平|和谐|和睦|和顺"
)


def _masked(name: str) -> str:
    """The name with each 和 of a word like 祥和 or 和平 hidden, so that only joints are left."""
    return _HE_WORDS.sub(lambda m: "〇" * len(m.group(0)), name)


def and_parts(chunk: str) -> list[str]:
    """The parts of a list item split at 及, 和 or 与 (广思讲堂及新莲寺), not at the 和 of 祥和志工队."""
    cuts = [i for i, c in enumerate(_masked(chunk)) if c in "及和与"]
    bounds = [-1, *cuts, len(chunk)]
    return [chunk[a + 1 : b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _joined_right(name: str) -> bool:
    """和 or 与 inside a unit's name joins two fields of one body (人力资源和社会保障局, 海洋与渔业厅, 林业和草原工作站,
    中国皮革和制鞋工业研究院, a registered company's X软件与技术服务股份有限公司), never two units (A公司和B公司,
    A与B公司) or a phrase and a unit (先进典型和团队); the 和 of a word (祥和志工队) joins nothing."""
    masked = _masked(name)
    for joint in "和与":
        at = masked.find(joint)
        first, rest = (name[:at], name[at + 1 :]) if at >= 0 else (name, "")
        if rest and (
            any(
                e == len(first.rstrip("”」")) for _, e in _head_ends(first)
            )  # A公司和B公司; not X分局人口与出入境
            or re.match("当地|各|本|该|有关|相关|其他", rest)  # X旅和当地武装部: a second body, not a field
            or not re.match(
                rf"[^{joint}]{{2,}}?(?:局|厅|部|委员会|院|所|中心|站|处|科|室|队|有限(?:责任)?公司$)", rest
            )
        ):
            return False
    return True


def _unquoted(name: str) -> str:
    """The name without an unpaired quote mark at either end (“X公司 -> X公司), keeping a quoted short
    name that opens it (“浙联会”义工团: the team of the quoted body)."""
    if name.startswith("“") and "”" not in name:
        name = name[1:]
    if name.endswith("”") and "“" not in name:
        name = name[:-1]
    return name.strip("“”") if name.startswith("“") and name.endswith("”") else name


_NOTE = re.compile(
    r"\s*[(（](?:[^()（）]{1,12}|原[^()（）]{1,30})[)）]\s*$"
)  # 虎尾镇公所(第4级): a rank or grade after the unit; X营业部(原Y联社营业部): its former name


# a unit's other name in brackets closing it (X研究院(Y剧团), Z项目部(新秀城), W工作部(学生办公室)): part of
# its name; not a grade, count or former name (虎尾镇公所(第4级), X营业部(原Y联社营业部)), a place or address
# (澎湖县, 航城街道某村), a short place (澳门) or a bare unit word or title (团支部(团总支), 五好家庭(标兵))
_ALIAS = re.compile(
    rf"\s*[(（](?![^()（）]*(?:[\d级等奖名人个原]))(?P<alias>[{HAN}]{{3,12}})(?<![省市县区镇乡村])(?<!社区|街道)[)）]\s*$"
)


def _alias(chunk: str) -> re.Match | None:
    """The alias closing `chunk` (_ALIAS), unless it is a unit's word alone (团总支)."""
    m = _ALIAS.search(chunk)
    return None if m is None or _heads()[0].fullmatch(m.group("alias")) else m


def _bare(chunk: str) -> str:
    """The list item without a grade or former name after it (_NOTE), its alias kept (_ALIAS)."""
    return chunk if _alias(chunk) else _NOTE.sub("", chunk)


def _owned(item: str) -> bool:
    """Does a list item of four characters or more carry its parent unit in brackets (阳高制梁场(路桥分公司),
    白登河特大桥(杭州分公司))? A work site or team then, honoured as a unit whatever its own last word."""
    note = _NOTE.search(item)
    return bool(note) and note.start() >= 4 and _ends_as_unit(note.group(0).strip(" \t()（）"))


def team_title(title: str) -> bool:
    """Does an honour's title end in a work team's word (李斌式模范班组, 优秀质量管理小组): a collective's,
    whatever the lexicon guessed from its other words?"""
    return _TEAM_END.search(title) is not None


_TEAM_END = re.compile("(?:班组|小组|车间|机组|工段)$")


def _quoted(text: str, start: int, end: int, honours: list) -> bool:
    """Is the phrase an honour title, inside one (“学习型组织先进班组”, 昔阳好家庭) or the start of one
    (a cut line 全国优秀工会 where the text names 全国优秀工会工作者)?"""
    name = text[start:end]
    if any(h.start <= start and end <= h.end or h.text.startswith(name) for h in honours):
        return True
    if any(start < h.start < end <= h.end for h in honours):  # 入选省级|民主法治示范村(社区): into a title
        return True
    opened = text.rfind("“", max(0, start - 12), start)  # a short quote is a title; a long one, speech
    closed = text.find("”", end, end + 12)
    return opened >= 0 and closed >= 0 and not re.search("[”，。；：！？]", text[opened + 1 : closed])
