"""The article's main event: the campaign or ceremony, its year, date, place, organisers and honours."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.lexicon import alternation
from extract.records import Event
from extract.text import Mention
from extract.tsv import read_rows

HAN = "\u4e00-\u9fff"
_ORGANISERS = re.compile(r"由([^。；;\n]{2,120}?)(?:联合)?主办")
_VI_ORGANISER = re.compile(
    r"((?:UBND|Ủy ban nhân dân|Hội|Ban|Đảng ủy|MTTQ|Mặt trận)[^,.;:\n]{0,60}?)\s+(?:đã\s+)?(?:tổ chức|phối hợp tổ chức)"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class Patterns:
    """The event finder's regexes, built from lexicons/events.tsv."""

    campaign: re.Pattern  # a quoted title, then an event word: 2023年度“最美奋斗者”评选
    admin: re.Pattern  # a Chinese administrative place: 盘龙区
    not_place: re.Pattern  # ... that is a body or an area (县委, 全市)
    vi_place: re.Pattern  # a Vietnamese administrative level and the place's name
    vi_level: re.Pattern  # ... the level alone, at the start (either case)


@cache
def patterns() -> Patterns:
    words: dict[str, list[str]] = {}
    for word, kind, _why in read_rows("events.tsv", 3):
        words.setdefault(kind, []).append(word)
    admin = "|".join(
        _admin_word(w, words["not_admin"]) for w in sorted(words["admin"], key=len, reverse=True)
    )
    vi = alternation(words["admin_vi"]).pattern
    return Patterns(
        campaign=re.compile(
            r"(?:(?:19|20)\d\d年度?)?[^，。,；;！!？?\n]{0,24}?[“\"][^”\"\n]{2,40}[”\"][^，。,；;！!？?\n]{0,24}?"
            rf"(?:{alternation(words['event']).pattern})"
        ),
        admin=re.compile(rf"[{HAN}]{{1,6}}?(?:{admin})"),
        not_place=re.compile(rf"^(?:{alternation(words['not_place']).pattern})"),
        vi_place=re.compile(rf"\b((?:{vi})\s+(?:[A-ZÀ-Ỹ][a-zà-ỹ]+\s?){{1,4}})"),
        vi_level=re.compile(rf"^(?:{vi})\s+", re.I),
    )


def _admin_word(word: str, not_admin: list[str]) -> str:
    """An admin word, not after the characters that make it part of a `not_admin` word (社|区)."""
    before = "".join(x[-len(word) - 1] for x in not_admin if len(x) == len(word) + 1 and x.endswith(word))
    return (f"(?<![{re.escape(before)}])" if before else "") + re.escape(word)


def place_zh(title: str) -> str | None:
    """Administrative places at the head of the title, adjacent ones joined (昆明市盘龙区)."""
    p = patterns()
    text = re.sub(r"^(?:(?:19|20)\d\d年度?)", "", title)
    places, end = [], None
    for m in p.admin.finditer(text):
        if p.not_place.match(m.group(0)) or (end is not None and m.start() != end):
            if places:
                break
            continue
        places.append(m.group(0))
        end = m.end()
    return "".join(places) or None


def place_parts(place: str) -> list[str]:
    """The administrative places a place name is made of: 昆明市盘龙区 -> [昆明市, 盘龙区]."""
    return patterns().admin.findall(place)


def without_vi_level(place: str) -> str:
    """A Vietnamese place without its administrative level: phường Quang Trung -> Quang Trung."""
    return patterns().vi_level.sub("", place)


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
        vi_place = patterns().vi_place
        place_m = vi_place.search(lede) or vi_place.search(title)
        org_m = _VI_ORGANISER.search(lede)
        day = re.search(r"(?<!\d)(\d{1,2})/(\d{1,2})(?!/\d)", lede)
        date = f"{year}-{int(day.group(2)):02d}-{int(day.group(1)):02d}" if day and year else None
        return Event(name=title, year=year, date=date, place=place_m.group(1).strip() if place_m else None,
                     organizers=(org_m.group(1).strip(),) if org_m else (), honours=tuple(titles))  # fmt: skip
    campaign = patterns().campaign.search(title) or patterns().campaign.search(lede)
    name = campaign.group(0) if campaign else title
    day = re.search(r"(?<!\d)(\d{1,2})月(\d{1,2})日", lede)
    date = f"{year}-{int(day.group(1)):02d}-{int(day.group(2)):02d}" if day and year else None
    organisers = _ORGANISERS.search(text)
    names = tuple(o for o in re.split(r"[、，,和及]", organisers.group(1)) if o) if organisers else ()
    return Event(
        name=name,
        year=year,
        date=date,
        place=place_zh(title) or place_zh(name),
        organizers=names,
        honours=tuple(titles),
    )
