"""More frames of honoured Chinese units (issue 11), read by extract/collectives.py: a counted list of
units (授予X等12个单位, 由A、B、C等3个社区获得优等, A、B及C社区3个绩优社区), a unit given a collective merit
(授予X大队集体二等功, 对市消防支队记集体二等功), the object of a giving verb (向X授予, 为X颁奖), a table's name
column (分会名称 分数 …), an agency running a winning project (X办理之「…」), names under an honour's label,
and the addressees of a notice (各省…委员会：), which are never honoured. The frame words are kinds counted and merit of collective_frames_zh.tsv."""

from __future__ import annotations

import re
from functools import cache

from extract.collectives_zh_names import _frames
from extract.collectives_zh_places import COUNTED_PLACES
from extract.lexicon import alternation
from extract.numbers import parse_number
from extract.text import HAN
from extract.tsv import read_rows

NUMBER = "[\\d一二两三四五六七八九十百千]+"


@cache
def _words(kind: str) -> re.Pattern:
    return alternation(word for k, word, _ in read_rows("collective_frames_zh.tsv", 3) if k == kind)


@cache
def counted_units() -> re.Pattern:
    """授予X等12个单位, 授予A、B等19所学校, 在X等22个“最美奋斗者”集体中, 以及A和B两个先进党支部, 评选出X家庭等100户,
    由A、B等3个社区获得优等 (由 names the winners), 等19名…个人和X1个集体: the units before a count of units (its nouns: kind
    counted). Groups: units, etc (等 or none), count, by (a 由 before the units)."""
    nouns = _words("counted").pattern
    frame = re.compile(
        rf"(?:(?:授予|追授|表彰|命名|评选出|评出)了?|对|在|包括|以及|(?:(?<=[，。；：:,;\n])|^)\s*(?P<by>由)?|(?<=[\d一二两三四五六七八九十][人名]|个人)和)"
        rf"(?P<units>(?:(?!授予|表彰|命名|对|在|以及|包括)[{HAN}“”、（）()A-Za-z]|(?<=[A-Za-z0-9])\d){{3,80}}?)"  # ACP1000: digits after a letter
        rf"(?P<etc>等)?\s?(?P<count>{NUMBER})\s?[个家支所户](?:“[^”\n]{{0,14}}(?:{nouns})”|(?:“[^”\n]{{1,16}}”)?(?:先进|优秀)?"
        rf"(?:[{HAN}]{{0,4}}?(?:{nouns})|(?<=户)(?![{HAN}])|(?P<place>(?:设区)?{COUNTED_PLACES})))",  # 评选出X家庭等100户。: households; 等11个“最佳志愿服务组织”
        re.M,
    )
    return frame


_COUNT_CUE = re.compile(f"{NUMBER[:-1]}\\s?[个家支所户]")  # the count every counted_units match holds


def counted_lists(text: str) -> list[re.Match]:
    """The matches of counted_units in `text`; a text with no count of units (N个, N家 …: over half
    the pages) is not searched, as each of its characters would cost up to eighty steps."""
    if not _COUNT_CUE.search(text):
        return []
    acts = _frames()[
        "body_after"
    ]  # A、B等23家成员单位联合印发: the counted bodies act (unless 授予/对 opened)
    return [
        m
        for m in counted_units().finditer(text)
        if not (acts.match(text, m.end()) and not _GIVING.match(m.group(0)))
    ]


_GIVING = re.compile("授予|追授|表彰|命名|评选出|评出|对")


_TALLY = re.compile("分别|各|有$|[“”「」]")


def count_fits(phrase: str, digits: str) -> bool:
    """Does a list without 等 name as many units as its count says (A、B及C社区4个绩优社区: 3 ≠ 4 is no
    list of those units; A、B、C及D社区4个)? Then the list is the whole of the counted units."""
    if _TALLY.search(phrase):
        return False  # 全国“最美家庭”和全国五好文明家庭分别有2户: two titles, tallied
    parts = len(re.findall("[^、和及]+", phrase))
    return parts >= 2 and parts == parse_number(digits)  # 其中十星级1户: one kind, tallied, no list


@cache
def _merit_frame() -> re.Pattern:
    merits = _words("merit").pattern
    return re.compile(
        rf"(?:授予|追授|对|给予|给|为)([{HAN}（）()]{{3,30}}?)(?:记|荣记|荣立|记功)?(?:{merits})"
    )


def merit_units(text: str) -> list[tuple[int, int]]:
    """Spans of the units given a collective merit (授予瑞金消防救援大队集体二等功, 对市公安消防支队记集体二等功,
    给予X中队荣记集体三等功): the object between the verb and the merit."""
    return [m.span(1) for m in _merit_frame().finditer(text)]


_SALUTATION = re.compile(r"(?m)^[ \t\u3000]*各[^\n。]{2,300}?[：:][ \t\u3000]*$")


def salutations(text: str) -> list[tuple[int, int]]:
    """Spans of the lines a notice opens by addressing (各省、自治区…绿化委员会，中国人民解放军…委员会：):
    the bodies it is sent to, never the honoured ones."""
    return [m.span() for m in _SALUTATION.finditer(text)]


@cache
def _shared() -> re.Pattern:
    """A list of short names sharing the last one's unit word (由福民及顶庄社区获…, 北湖、下埤及内安云霄社区获…,
    A、B等3个社区获得优等): the names in group names, the word in group head."""
    heads = _words("shared_head").pattern
    short = f"(?:(?!由|其中|为|其)[{HAN}]){{2,8}}?"  # 其中卓越组由|溪头: the list starts after 由
    return re.compile(
        rf"(?:(?<=[，。；：,;:\n由])|^)\s*(?P<names>{short}(?:[、及和]{short})+?)(?:等{NUMBER}[个家所])?(?P<head>{heads})"
        rf"(?=[{HAN}]{{0,4}}?(?:荣获|获得|获评|获颁|获(?![悉知取批准])|被评为|分别|均|同获))",
        re.M,
    )


def shared_head_units(text: str, head_ends) -> list[tuple[int, int, str]]:
    """Spans of the short names of a list that share the last one's unit word (Taiwan community reviews:
    北湖、下埤及内安云霄社区获… -> 北湖, 下埤; 凤梨会社 too, whose 社 is no word of its own), each with the
    word it shares (the span is the page's form; the unit is named 北湖社区, as one searches for it);
    names ending in a unit word of two or more characters are left to the list readers. The last name
    is whole and shares nothing ("")."""
    out = []
    for m in _shared().finditer(text):
        items = list(re.finditer("[^、及和]+", m.group("names")))
        for item in items[:-1]:
            own = [e - s for s, e in head_ends(item.group(0)) if e == len(item.group(0))]
            if not own or max(own) < 2:
                at = m.start("names") + item.start()
                out.append((at, at + len(item.group(0)), m.group("head")))
        if not m.group(0).endswith(("个" + m.group("head"), "家" + m.group("head"), "所" + m.group("head"))):
            out.append((m.start("names") + items[-1].start(), m.end("head"), ""))  # 及顶庄社区: whole
    return out


_LABEL = re.compile(
    r"(?m)^[ \t\u3000]*(?:[\d一二三四五六七八九十]+[.、．]\s*)?[^\n：:。，]{2,24}"
    r"(?:(?:勋章|奖章|奖状|奖|称号|名单)[：:]|名单(?:[(（][^()（）\n]{1,8}[)）])?|(?:推荐|表彰|候选|获奖)(?:对象|单位|集体)[：:]?)"
    r"[ \t\u3000]*$"
)  # 2.金莲花荣誉勋章: / 中国青年志愿者优秀组织奖名单(安徽) / 一、湖北五一劳动奖状推荐对象
_NAME_LINE = re.compile(
    rf"[ \t\u3000]*(?:\d{{1,3}}[.、．]\s*)?([{HAN}（）()]{{2,40}})[ \t\u3000]*(?:\n|$)"
)  # 1.安徽新华女性公益发展中心


_GIVEN_TO = re.compile(
    rf"(?:向|为|给)(?P<obj>[{HAN}“”]{{3,40}}?)(?:进行了?|分别|隆重)?(?:授予|颁发|颁授|颁奖|授牌|颁牌|授旗)"
    rf"|(?:颁发|颁赠|颁授|致赠|颁)[{HAN}「」“”]{{0,12}}?(?:给予|给)(?P<obj2>[{HAN}]{{3,30}}?)(?=[，。；,;]|以|表扬|感谢|肯定)"
)  # 向X公司二分厂四工段三班授予…, 为“最美村部”获奖者一心村颁奖, 颁发感谢状给予X大学热音社,
_WINNER_WORD = re.compile("(?:获奖者|获得者|获奖单位|获奖集体|获奖村|获奖社区|绩优单位|优胜单位|先进单位)")


def given_to(text: str) -> list[tuple[int, int]]:
    """Spans of the object of a giving verb (向X授予, 为X颁奖, 给X授牌): the unit given the honour, after any
    winner word before it (为“最美村部”获奖者|一心村颁奖); whether it is a unit's name is the caller's."""
    out = []
    for m in _GIVEN_TO.finditer(text):
        obj = "obj" if m.group("obj") else "obj2"
        start = m.start(obj)
        for w in _WINNER_WORD.finditer(m.group(obj)):
            start = m.start(obj) + w.end()
        out.append((start, m.end(obj)))
    return out


_TABLE_HEAD = re.compile(
    rf"(?m)^[ \t\u3000]*(?:(?:序号|编号|排名|名次)[ \t\u3000]+)?(?!推荐|申报|主办|承办|报送|所在|工作)[{HAN}]{{0,6}}(?:名称|单位|集体)"
    rf"(?:[ \t\u3000]+[^\s]{{1,8}}){{1,8}}[ \t\u3000]*$"
)  # 分会名称 分数 排名 奖金 / 序号 单位名称 所在地 / 序号 获奖集体 荣誉称号: a table's header, its name column first
_CELL_LEAD = re.compile(r"^[\d.,，%]+")  # 12,000羽球分会: a number of the row before glued on
_TEXT_COLUMN = re.compile("负责人|姓名|职务|地址|所在|备注|事迹|单位$|类别|领域|称号|荣誉|奖项|等次|级别")


def table_names(text: str) -> list[tuple[int, int]]:
    """Spans of the names in a table's name column (分会名称 分数 排名 奖金, then rows 登山分会 8.6 1 12,000,
    glued or one a line): under a header whose first text cell ends in 名称, 单位 or 集体, each row's cells that are
    not numbers; with another text column (负责人, 所在地) only the first of each line. Rows run to the
    first line without a digit."""
    out = []
    for head in _TABLE_HEAD.finditer(text):
        other_text = any(_TEXT_COLUMN.search(c) for c in head.group(0).split()[1:])
        at = head.end() + 1
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            line = text[at:end]
            if not re.search(r"\d", line):
                break
            for cell in re.finditer(r"\S+", line):
                lead = _CELL_LEAD.match(cell.group(0))
                s = cell.start() + (lead.end() if lead else 0)
                if len(re.findall(f"[{HAN}]", line[s : cell.end()])) >= 2:  # after a row number too
                    out.append((at + s, at + cell.end()))
                    if other_text:
                        break
            at = end + 1
    return out


_RUN_BY = re.compile(
    rf"(?:分别为|为|由|、|及|和)([{HAN}（）()]{{3,30}}?)(?:所?办理|所?管理|执行|兴办)之?[「“]"
)  # 分别为交通部公路局办理之「…工程」、嘉义县政府办理之「…」: the agency whose project won


def run_by(text: str) -> list[tuple[int, int]]:
    """Spans of the agencies named as running an honoured project (Taiwan's public-works awards: 特优工程
    分别为X局办理之「…」及Y县政府办理之「…」): the award goes to the agency with its project."""
    return [m.span(1) for m in _RUN_BY.finditer(text)]


_COUNTED_ARE = re.compile(
    rf"{NUMBER}[个家支所][{HAN}]{{0,6}}?(?:团体|单位|集体|组织|团队)(?:分别为|分别是|依次为)(?P<list>[^。；;\n]+)"
)  # 获得“…”奖项的3个团体分别为A(海关),B,以及香港首个食物回收组织“食德好”
_QUOTED_NAME = re.compile("[“「]([^”」]{2,20})[”」]$")


def counted_are(text: str, ends_as_unit) -> list[tuple[int, int]]:
    """Spans of the units a count of units introduces with 分别为 (3个团体分别为A,B,以及C“食德好”): each
    comma-separated item that ends in a unit word, or the quoted name closing it (a described body)."""
    out = []
    for m in _COUNTED_ARE.finditer(text):
        for item in re.finditer(r"[^,，、]+", m.group("list")):
            lead = re.match(r"\s*(?:以及|及|和)?\s*", item.group(0)).end()
            name = re.sub(r"\s*[(（][^()（）]{1,12}[)）]\s*$", "", item.group(0)[lead:])
            start = m.start("list") + item.start() + lead
            quoted = _QUOTED_NAME.search(name)
            if quoted:
                out.append((start + quoted.start(1), start + quoted.end(1)))
            elif ends_as_unit(name):
                out.append((start, start + len(name)))
    return out


def lines_under_label(text: str) -> list[tuple[int, int]]:
    """Spans of the names listed one a line under an honour's label (2.金莲花荣誉勋章:\n澳门中华教育会\n刘仕尧):
    people and units mixed, up to the first line that is no bare name."""
    out = []
    for label in _LABEL.finditer(text):
        at = label.end() + 1
        while (line := _NAME_LINE.match(text, at)) and line.end() > at:
            out.append(line.span(1))
            at = line.end()
    return out
