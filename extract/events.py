"""The article's main event: the campaign or ceremony, its year, date, place, organisers and honours.

Organisers come from `由X主办`, from the issuing body of a decision (《中共X县委 X县人民政府关于表彰…
的决定》, also the title itself) or from the signature lines at the end; the place from the title,
the campaign's name, the organisers, then the lede."""

from __future__ import annotations

import re
from functools import cache

from extract.commendation import headline as full_headline
from extract.event_honours import fullest_vi, fullest_zh, unlisted_zh, with_bodies_vi
from extract.event_places import (
    abbreviated,
    known_zh,
    narrowed,
    patterns,
    place_in,
    place_zh,
    qualified,
    with_parents_zh,
    without_vi_level,
)
from extract.event_years import event_year
from extract.honour_bodies import awarding_bodies
from extract.places import place_from_bodies, resolve
from extract.records import Event
from extract.text import HAN, Mention
from extract.tsv import read_rows
from normalize.dates import PHOTO_CREDIT

_ORGANISERS = re.compile(r"由([^。；;\n]{2,120}?)(?:联合)?主办")
_ISSUER = re.compile(
    rf"(?:^|[《“\n])((?:中共)?[{HAN}（）() \u3000、]{{2,40}}?)关于(?:表彰|命名|授予|追授|评选|公布|推荐)"
)
_VI_ORGANISER = re.compile(
    r"((?:UBND|Ủy ban nhân dân|Hội|Ban|Đảng ủy|MTTQ|Mặt trận)[^,.;:\n]{0,60}?)\s+(?:đã\s+)?(?:tổ chức|phối hợp tổ chức)"
)
_VI_AT = re.compile(r"\b[Tt]ại\s+([^.;:()\n]{2,80})")  # tại Cung Văn hóa …, Hà Nội: the venue, then its city
_DATE_LINE = re.compile(
    r"^\s*(?:(?:19|20)\d\d年\d{1,2}月\d{1,2}日|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2})\s*$"
)
_NAME_KEY = re.compile(r"[\W_]+")
HEAD_CHARS = 600  # how far into an undated page its event's year is looked for (past captions and bylines)
# … on a Vietnamese page: its whole text (the decision's date, Quyết định … ngày 09/9/2022, or the period the
# awards cover, thành tích xuất sắc … giai đoạn 2019 - 2024, often closes a short report)
HEAD_CHARS_VI = 3000


def organisers_zh(title: str, text: str) -> tuple[str, ...]:
    """Who awards: `由X主办`, the issuer of a decision (中共X县委 X县人民政府关于表彰…), else the
    organisations signing at the end."""
    found = _ORGANISERS.search(text)
    if found:
        return tuple(o for o in re.split(r"[、，,和及]", found.group(1)) if o)
    issuer = _issuer(title) or _issuer(text)
    if issuer:
        names = [n for n in re.split(r"[\s\u3000、]+", issuer.group(1)) if len(n) >= 3]
        if names:
            return tuple(names)
    return _signature(text)


def _issuer(text: str) -> re.Match | None:
    """The issuer before 关于表彰… (looked for only where 关于 is)."""
    at = text.find("关于")
    while at >= 0:
        m = _ISSUER.search(text, max(0, at - 43), at + 4)
        if m:
            return m
        at = text.find("关于", at + 2)
    return None


def _signature(text: str) -> tuple[str, ...]:
    """The organisation lines at the end of a notice, above or without its date line."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][-4:]
    names: list[str] = []
    for line in reversed(lines):
        if _DATE_LINE.match(line) and not names:
            continue
        if not patterns().org_line.match(line):
            break
        names.insert(0, line)
    return tuple(names)


def _distinct(titles: list[str]) -> tuple[str, ...]:
    """Titles once each, variants of punctuation and case merged (người tốt, việc tốt), in the form the
    text capitalises when it has one (Bằng khen rather than bằng khen, not BẰNG KHEN)."""
    seen: dict[str, str] = {}
    for t in titles:
        key = _NAME_KEY.sub("", t.lower())
        if key not in seen or (_capitalised(t) and not _capitalised(seen[key])):
            seen[key] = t
    return tuple(seen.values())


@cache
def _vi_lexicon_forms() -> dict[str, str]:
    """Vietnamese honours as lexicons/honours.tsv writes them, by their lower case."""
    return {t.lower(): t for t, _kind, _why in read_rows("honours.tsv", 3) if not re.search(f"[{HAN}]", t)}


def _vi_written(title: str, text: str) -> str:
    """The Vietnamese honour as the text writes it best: among its spellings in the text, the one the
    lexicon gives (Huân chương Độc lập, not độc lập; Bà mẹ Việt Nam anh hùng), also when the text
    writes a proper name only in lower case or in capitals (huân chương chiến công), with the
    class that follows it (hạng Nhất, hạng III; a class in capitals first, else hạng ba) when the
    text gives one; else the title as found."""
    canon = _vi_lexicon_forms().get(title.lower())
    spellings = [
        (m.group(1), m.group(2))
        for m in re.finditer(rf"({re.escape(title)})(\s+hạng\s+(?:Nhất|Nhì|Ba|I{{1,3}})\b)?", text, re.I)
    ]
    best = [(base, grade) for base, grade in spellings if base == canon] or [
        (base, grade) for base, grade in spellings if base == title
    ]
    if canon and _proper(canon) and not any(_capitalised(base) for base, _ in spellings):
        best = [(canon, grade) for _, grade in spellings] or [(canon, "")]  # huân chương chiến công
    if not best:
        return title
    graded = [b + g for b, g in best if g]
    return next((g for g in graded if g.split()[-1][0].isupper()), graded[0] if graded else best[0][0])


def _campaign(text: str) -> re.Match | None:
    """The campaign's quoted name (2023年度“最美家庭”评选活动); a text with no quote mark is not searched."""
    return patterns().campaign.search(text) if "“" in text or '"' in text else None


def _proper(title: str) -> bool:
    """A title written as a proper name, a capital past its first word (Huân chương Chiến công, not
    giấy khen, which texts and readers write in lower case)."""
    return any(w[:1].isupper() for w in title.split()[1:])


def _capitalised(title: str) -> bool:
    return title[:1].isupper() and not title.isupper()


def place_vi(title: str, lede: str, text: str, year: int | None) -> str | None:
    """The event's Vietnamese place, the first known division among: the venue's place after tại in
    the lede (tại Cung Văn hóa …, Hà Nội), the first named with its level in the title, else in the
    lede (xã Cổ Đông; XÃ CỔ ĐÔNG in a title in capitals; xã Vĩnh Sơn | Nguyễn Văn …: the words after
    it that are no part of it dropped). Else that first named one as it is; else, when no awarding
    body names a place either, a division the rest of the text names (Ủy ban nhân dân tỉnh Bến Tre)."""
    p = patterns()
    first = _first_vi_place(_cased(title)) or _first_vi_place("\n".join(map(_cased, lede.split("\n"))))
    named = [first.group(1).strip()] if first else []
    bare = [part.strip() for m in _VI_AT.finditer(lede) for part in m.group(1).split(",")]
    for place in [b for b in bare if b[:1].isupper()] + named:
        if known := _division(place, text, year):
            return _vi_parents(_vi_chain(known, text, year), text, year)
    if not named and not place_from_bodies(awarding_bodies(text, "vi"), "vi", context=text, year=year):
        for m in p.vi_place.finditer(text, len(lede)):
            if known := _division(m.group(1).strip(), text, year):
                return _vi_parents(_vi_chain(known, text, year), text, year)
    return named[0] if named else None


_VI_NEXT = re.compile(r",\s*|\s*\(\s*")  # xã Tân Ninh, huyện Quảng Ninh; xã Lệ Thủy (Quảng Trị)
_VI_STOP = re.compile(r"[,.;:()\n]")


def _vi_chain(place: str, text: str, year: int | None) -> str:
    """A commune or district with the divisions the text writes after it where it first names it
    (xã Thái Tân, huyện Nam Sách (Hải Dương); phường Điện Bàn, thành phố Đà Nẵng): which district and
    province it lies in, as Chinese joins 昆明市盘龙区."""
    at = text.find(place)
    if at < 0:
        return place
    end = at + len(place)
    while (sep := _VI_NEXT.match(text, end)) is not None:
        words = _VI_STOP.split(text[sep.end() : sep.end() + 40], maxsplit=1)[0].split()[:5]
        known = _division(" ".join(words), text, year) if words else None
        if known is None:
            break
        stop = sep.end() + text[sep.end() :].find(known) + len(known)
        if "(" in sep.group(0):
            if not text.startswith(")", stop):
                break
            stop += 1
        end = stop
    chain = text[at:end]
    found = resolve(chain, "vi", context=text, year=year) if end > at + len(place) else None
    return chain if found is not None and found.code else place  # the list must agree on the chain


def _vi_parents(place: str, text: str, year: int | None) -> str:
    """A commune or district with the divisions above it the page leaves out, as an address writes them
    (phường Trung Hòa -> phường Trung Hòa, quận Cầu Giấy, Hà Nội; huyện Vị Xuyên -> huyện Vị Xuyên,
    Hà Giang): the district with its level, the province by its name; the place's own level in lower
    case as running text writes it (Phường Trung Hòa at a title's start). Only a division the list
    knows, in the year's map (before or after the 2025 merger), gains parents."""
    place = _VI_LEAD_LEVEL.sub(lambda m: m.group(0).lower(), place)
    found = resolve(place, "vi", context=text, year=year)
    if found is None or found.code is None or len(found.path) < 2:
        return place
    written, added = place.lower(), []
    for parent in reversed(found.path[:-1]):  # the nearest first
        if without_vi_level(parent).lower() in written:
            added = []  # xã Tân Ninh, huyện Quảng Ninh: the page writes the chain up to here
        else:
            added.append(
                without_vi_level(parent) if parent == found.path[0] else parent[:1].lower() + parent[1:]
            )
    return ", ".join([place, *added])


_VI_LEAD_LEVEL = re.compile(r"^(?:Phường|Xã|Thị trấn|Quận|Huyện|Thị xã|Thành phố|Tỉnh)(?= [A-ZÀ-ỸĐ])")


_VI_LEVEL_WORD = re.compile(r"\b(?:Phường|Xã|Thị Trấn|Quận|Huyện|Thành Phố|Tỉnh)\b")
_NOT_VI_PLACE = re.compile(r"(?i)xã hội\b")  # society (Cộng hòa xã hội chủ nghĩa …), no commune


def _cased(line: str) -> str:
    """A line in capitals (UBND XÃ CỔ ĐÔNG TỔ CHỨC …) in title case with its level words in lower case
    (Ubnd xã Cổ Đông Tổ Chức …), so that a level reads as a level and not as a word of a name."""
    if not line.isupper():
        return line
    return _VI_LEVEL_WORD.sub(lambda m: m.group(0).lower(), line.title())


def _first_vi_place(text: str) -> re.Match | None:
    return next((m for m in patterns().vi_place.finditer(text) if not _NOT_VI_PLACE.match(m.group(1))), None)


def _division(place: str, text: str, year: int | None) -> str | None:
    """The longest start of `place` that is a known division (a code in the division list), its
    level kept: xã Vĩnh Sơn Nguyễn Văn -> xã Vĩnh Sơn."""
    words = place.split()
    level = patterns().vi_level.match(place)
    first = len(level.group(0).split()) if level else 1  # thành phố Đà Nẵng: a level of two words
    for n in range(len(words), first, -1):
        if not all(w[:1].isupper() or w[:1].isdigit() for w in words[first:n]):
            continue  # xã đang: a level word, then no name
        found = resolve(" ".join(words[:n]), "vi", context=text, year=year)
        if found is not None and found.code is not None:
            return " ".join(words[:n])
    return None


@cache
def _honour_regions() -> tuple[tuple[str, str], ...]:
    return tuple((word, place) for word, place, _why in read_rows("honour_regions.tsv", 3))


def _region_of(titles: tuple[str, ...]) -> str | None:
    """The region whose own honours the page reports (大紫荆勋章 -> 香港, 金莲花荣誉勋章 -> 澳门,
    lexicons/honour_regions.tsv): the place of an honours list that names no place of its own."""
    return next((place for t in titles for word, place in _honour_regions() if word in t), None)


def find_event(
    title: str, text: str, lang: str, published: str | None, honours: list[Mention], minguo: bool = False
) -> Event | None:
    lede = "\n".join(text.split("\n")[:3])
    titles = _distinct([h.text for h in honours])
    whole, _ = full_headline(title, text)  # a title cut short (… huyện Đi…): its place is read in full
    year = event_year(
        title,
        lede,
        published,
        minguo and lang == "zh",
        text[: HEAD_CHARS if lang == "zh" else HEAD_CHARS_VI],
        lang,
    )
    if lang == "vi":
        org_m = _VI_ORGANISER.search(lede)
        day = re.search(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d])", lede)  # 18/9 and 18/9/2020, not 9/2020
        date = f"{year}-{int(day.group(2)):02d}-{int(day.group(1)):02d}" if day and year else None
        return Event(
            name=whole,
            year=year,
            date=date,
            place=place_vi(whole, lede, text, year),
            organizers=(org_m.group(1).strip(),) if org_m else (),
            honours=_distinct(
                [b for t in titles for b in with_bodies_vi(fullest_vi(_vi_written(t, text)), text)]
            ),
        )
    campaign = _campaign(title) or _campaign(lede)
    name = campaign.group(0) if campaign else title
    day = re.search(r"(?<!\d)(\d{1,2})月(\d{1,2})日", lede)
    date = f"{year}-{int(day.group(1)):02d}-{int(day.group(2)):02d}" if day and year else None
    organisers = organisers_zh(title, text)
    headline = "" if PHOTO_CREDIT.search(title) else title  # an untitled page's photo caption: no headline
    place = (
        known_zh(place_zh(headline))
        or abbreviated(headline)
        or known_zh(place_zh(name if headline or name != title else ""))
        or next((pl for o in organisers if (pl := known_zh(place_zh(o)))), None)
        or _region_of(titles)
        or known_zh(place_in(lede))
    )
    place = narrowed(place, lede)
    place = place if minguo else with_parents_zh(place, text)  # traditional script: Taiwan's own
    honours = _distinct([qualified(t, text) for t in fullest_zh(list(titles), text)])
    honours += tuple(unlisted_zh(headline, text, honours))
    return Event(name=name, year=year, date=date, place=place, organizers=organisers, honours=honours)
