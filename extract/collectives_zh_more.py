"""More frames of honoured Chinese units (issue 11), read by extract/collectives.py: a counted list of
units (授予X等12个单位, 由A、B、C等3个社区获得优等, A、B及C社区3个绩优社区), a unit given a collective merit
(授予X大队集体二等功, 对市消防支队记集体二等功), and the addressees of a notice (各省…委员会：), which are
never honoured. The frame words are kinds counted and merit of collective_frames_zh.tsv."""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import alternation
from extract.numbers import parse_number
from extract.tsv import read_rows

HAN = "\u4e00-\u9fff"
NUMBER = "[\\d一二两三四五六七八九十百千]+"


@cache
def _words(kind: str) -> re.Pattern:
    return alternation(word for k, word, _ in read_rows("collective_frames_zh.tsv", 3) if k == kind)


@cache
def counted_units() -> re.Pattern:
    """授予X等12个单位, 授予A、B等19所学校, 在X等22个“最美奋斗者”集体中, 以及A和B两个先进党支部, 评选出X家庭等100户,
    由A、B等3个社区获得优等 (由 names the winners): the units before a count of units (its nouns: kind
    counted). Groups: units, etc (等 or none), count, by (a 由 before the units)."""
    nouns = _words("counted").pattern
    frame = re.compile(
        rf"(?:(?:授予|追授|表彰|命名|评选出|评出)了?|对|在|包括|以及|(?:(?<=[，。；：:,;\n])|^)\s*(?P<by>由)?|(?<=[\d一二两三四五六七八九十][人名])和)"
        rf"(?P<units>(?:(?!授予|表彰|命名|对|在|以及|包括)[{HAN}“”、（）()A-Za-z]|(?<=[A-Za-z0-9])\d){{3,80}}?)"  # ACP1000: digits after a letter
        rf"(?P<etc>等)?\s?(?P<count>{NUMBER})\s?[个家支所户](?:“[^”\n]{{1,16}}”)?(?:先进|优秀)?"
        rf"(?:[{HAN}]{{0,4}}?(?:{nouns})|(?<=户)(?![{HAN}]))",  # 评选出X家庭等100户。: households
        re.M,
    )
    return frame


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


def shared_head_units(text: str, head_ends) -> list[tuple[int, int]]:
    """Spans of the short names of a list that share the last one's unit word (Taiwan community reviews:
    北湖、下埤及内安云霄社区获… -> 北湖, 下埤; 凤梨会社 too, whose 社 is no word of its own), each read as
    written (a span is its surface form); names ending in a unit word of two or more characters are
    left to the list readers."""
    out = []
    for m in _shared().finditer(text):
        items = list(re.finditer("[^、及和]+", m.group("names")))
        for item in items[:-1]:
            own = [e - s for s, e in head_ends(item.group(0)) if e == len(item.group(0))]
            if not own or max(own) < 2:
                at = m.start("names") + item.start()
                out.append((at, at + len(item.group(0))))
        if not m.group(0).endswith(("个" + m.group("head"), "家" + m.group("head"), "所" + m.group("head"))):
            out.append((m.start("names") + items[-1].start(), m.end("head")))  # 及顶庄社区: the last, whole
    return out


_LABEL = re.compile(
    r"(?m)^[ \t\u3000]*(?:[\d一二三四五六七八九十]+[.、．]\s*)?[^\n：:。，]{2,24}"
    r"(?:(?:勋章|奖章|奖状|奖|称号|名单)[：:]|名单(?:[(（][^()（）\n]{1,8}[)）])?)[ \t\u3000]*$"
)  # 2.金莲花荣誉勋章: / 中国青年志愿者优秀组织奖名单(安徽)
_NAME_LINE = re.compile(
    rf"[ \t\u3000]*(?:\d{{1,3}}[.、．]\s*)?([{HAN}（）()]{{2,30}})[ \t\u3000]*(?:\n|$)"
)  # 1.安徽新华女性公益发展中心


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
