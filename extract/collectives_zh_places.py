"""Places honoured as wholes (issue 11), for extract/collectives.py: a city, county or district is no unit
word's name, yet government notices rank them like units (授予赣州市、南昌市“先进设区市”称号, 武山县被评为
省级文明县, 道里区等6个区、县(市)获综合奖, 一等奖:文昌市 海口市 屯昌县). A place is read as honoured only
in those frames: after a giving verb and before the title, as the subject of an award verb, before a count
of places that is awarded, or as every item of a prize's line."""

from __future__ import annotations

import re

from extract.text import HAN

# a city, county, district or banner by its level word (琼中黎族苗族自治县, 井冈山市, 道里区)
_PLACE = rf"[{HAN}]{{1,10}}?(?:自治县|自治州|自治旗|[市县区旗])"
# words that end like a place but name none, or a place said from inside (全市, 我县, 城区, 文明城市)
_NOT_PLACE = re.compile(
    "^[全各本我该此其每外他]|(?:城区|市区|地区|园区|景区|小区|街区|片区|辖区|山区|灾区|城市|超市|都市|门市|县区|省市|社区)$"
)
_IS_PLACE = re.compile(rf"{_PLACE}")
# the count after a list of places: 等6个区、县(市), 等41个市(县区), 等16个市、区、县, 等6个设区市
COUNTED_PLACES = r"[市县区](?:、[市县区])*(?:[(（][市县区乡镇、农场]{1,8}[)）])?"
# the award after a counted list of places, in its clause (…等41个市(县区)被授予, …和省制糖工业公司被授予)
_AWARDED = re.compile("[^，。；,;\n]{0,30}?(?:荣?获|被授予|被评为|被命名|被表彰|为[“『「])")
_GIVING = re.compile(r"(?:授予|追授|表彰|命名|评选出|评出)了?$")
_LISTED = re.compile(
    rf"(?:授予|命名|表彰)了?(?P<list>{_PLACE}(?:、{_PLACE})+(?:和{_PLACE})?)(?=[“『「]|为|荣誉|称号)"
)
_SUBJECT = re.compile(
    rf"(?:^|(?<=[，。；：,;:\n]))\s*(?P<place>{_PLACE})(?=(?:再次|又|再|也|还|均|连续|首次)?(?:被评为|被授予|被命名为|荣获|获评|获得)[^，。；\n]{{0,30}}?(?:称号|县|市|区|奖))",
    re.M,
)

_CLAUSE_REST = re.compile(r"[^，。；,;\n]*")


def is_place(name: str) -> bool:
    """Is `name` a city, county, district or banner named by its level word (密山市, 白沙黎族自治县)?"""
    name = name.rstrip("?？ ")
    return len(name) >= 3 and _IS_PLACE.fullmatch(name) is not None and not _NOT_PLACE.search(name)


def places_awarded(text: str, frame: re.Match) -> bool:
    """Is a counted list of places (counted_units' frame ending in a place's word) awarded: opened by a
    giving verb (授予A市等16个市、区、县为…) or followed by an award in its clause (A区等6个区、县(市)获…)?"""
    opened = _GIVING.search(text, max(0, frame.start("units") - 4), frame.start("units"))
    return opened is not None or _AWARDED.match(text, frame.end()) is not None


def honoured_places(text: str) -> list[tuple[int, int]]:
    """Spans of the places a giving verb names before the title (授予赣州市、南昌市“…”荣誉称号) and of a place
    that is the subject of an award (武山县被评为第十四批省级文明县)."""
    out = []
    for m in _LISTED.finditer(text):
        at = m.start("list")
        for item in re.finditer("[^、和]+", m.group("list")):
            if is_place(item.group(0)):
                out.append((at + item.start(), at + item.end()))
    for m in _SUBJECT.finditer(text):  # not 基隆市获得「凤凰奖」表扬的|黄某: the place of a person honoured
        if is_place(m.group("place")) and "的" not in _CLAUSE_REST.match(text, m.end()).group(0):
            out.append(m.span("place"))
    return out
