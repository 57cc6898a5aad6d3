"""The article's main event: the campaign or ceremony, its year, date, place, organisers and honours."""

from __future__ import annotations

import re

from extract.records import Event
from extract.text import Mention

HAN = "\u4e00-\u9fff"
_CAMPAIGN = re.compile(
    r"(?:(?:19|20)\d\d年度?)?[^，。,；;！!？?\n]{0,24}?[“\"][^”\"\n]{2,40}[”\"][^，。,；;！!？?\n]{0,24}?"
    r"(?:评选|活动|表彰大会|表彰会|总结会|颁奖典礼|颁奖仪式|竞赛|大赛|比赛|推选|选树|评比|座谈会|宣传活动)"
)
_ADMIN = re.compile(rf"[{HAN}]{{1,6}}?(?:自治州|自治县|街道|省|市|(?<![社小园景城])区|县|州|镇|乡)")
_NOT_PLACE = re.compile(
    r"^(?:县委|市委|区委|县政府|市政府|区政府|省委|全市|全区|全县|全省|本市|本区|该市|该区|该县|市直|区直|县直)"
)
_ORGANISERS = re.compile(r"由([^。；;\n]{2,120}?)(?:联合)?主办")
_VI_PLACE = re.compile(
    r"\b((?:phường|xã|thị trấn|quận|huyện|thành phố|tỉnh)\s+(?:[A-ZÀ-Ỹ][a-zà-ỹ]+\s?){1,4})"
)
_VI_ORGANISER = re.compile(
    r"((?:UBND|Ủy ban nhân dân|Hội|Ban|Đảng ủy|MTTQ|Mặt trận)[^,.;:\n]{0,60}?)\s+(?:đã\s+)?(?:tổ chức|phối hợp tổ chức)"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _place_zh(title: str) -> str | None:
    """Administrative places at the head of the title, adjacent ones joined (昆明市盘龙区)."""
    text = re.sub(r"^(?:(?:19|20)\d\d年度?)", "", title)
    places, end = [], None
    for m in _ADMIN.finditer(text):
        if _NOT_PLACE.match(m.group(0)) or (end is not None and m.start() != end):
            if places:
                break
            continue
        places.append(m.group(0))
        end = m.end()
    return "".join(places) or None


def _year(title: str, lede: str, published: str | None) -> int | None:
    for source in (re.findall(r"((?:19|20)\d\d)年度", title), _YEAR.findall(title), _YEAR.findall(lede)):
        if source:
            return int(source[0])
    return int(published[:4]) if published else None


def find_event(
    title: str, text: str, lang: str, published: str | None, honours: list[Mention]
) -> Event | None:
    lede = "\n".join(text.split("\n")[:3])
    titles = list(dict.fromkeys(h.text for h in honours))
    year = _year(title, lede, published)
    if lang == "vi":
        place_m = _VI_PLACE.search(lede) or _VI_PLACE.search(title)
        org_m = _VI_ORGANISER.search(lede)
        day = re.search(r"(?<!\d)(\d{1,2})/(\d{1,2})(?!/\d)", lede)
        date = f"{year}-{int(day.group(2)):02d}-{int(day.group(1)):02d}" if day and year else None
        return Event(name=title, year=year, date=date, place=place_m.group(1).strip() if place_m else None,
                     organizers=(org_m.group(1).strip(),) if org_m else (), honours=tuple(titles))  # fmt: skip
    campaign = _CAMPAIGN.search(title) or _CAMPAIGN.search(lede)
    name = campaign.group(0) if campaign else title
    day = re.search(r"(?<!\d)(\d{1,2})月(\d{1,2})日", lede)
    date = f"{year}-{int(day.group(1)):02d}-{int(day.group(2)):02d}" if day and year else None
    organisers = _ORGANISERS.search(text)
    names = tuple(o for o in re.split(r"[、，,和及]", organisers.group(1)) if o) if organisers else ()
    return Event(
        name=name,
        year=year,
        date=date,
        place=_place_zh(title) or _place_zh(name),
        organizers=names,
        honours=tuple(titles),
    )
