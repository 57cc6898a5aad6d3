"""The article's main event: the campaign or ceremony, its year, date, place, organisers and honours.

Organisers come from `由X主办`, from the issuing body of a decision (《中共X县委 X县人民政府关于表彰…
的决定》, also the title itself) or from the signature lines at the end; the place from the title,
the campaign's name, the organisers, then the lede."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.commendation import headline as full_headline
from extract.event_years import event_year
from extract.honour_bodies import awarding_bodies
from extract.lexicon import alternation
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
_DATELINE = re.compile(rf"[/／∕]\s*([{HAN}]{{2,4}})(?:报导|报道)")
# 奖章获得者享受省, 此件发至各乡 (a distribution note): words, not a place
_NOT_IN_PLACE = re.compile("[的者了是受享获得为和与及等经将把被各此]")
HEAD_CHARS = 600  # how far into an undated page its event's year is looked for (past captions and bylines)


@dataclass(frozen=True)
class Patterns:
    """The event finder's regexes, built from lexicons/events.tsv."""

    campaign: re.Pattern  # a quoted title, then an event word: 2023年度“最美奋斗者”评选
    admin: re.Pattern  # a Chinese administrative place: 盘龙区
    admin_word: re.Pattern  # ... its last word alone: 区 (found first, then the name before it)
    not_place: re.Pattern  # ... that is a body or an area (县委, 全市)
    prefix: re.Pattern  # ... words before it that are no part of it (中共, 还有, 年度)
    not_admin_start: tuple[str, ...]  # words an admin word starts (乡村, 市场)
    province: re.Pattern  # 北京, 福建: places without an admin word
    venue: re.Pattern  # 在北京人民大会堂隆重举行: where the ceremony was held
    org_line: re.Pattern  # a signature line naming an organisation
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
        admin_word=re.compile(rf"(?<=[{HAN}])(?:{admin})"),
        not_place=re.compile(rf"^(?:{alternation(words['not_place']).pattern})"),
        prefix=re.compile(rf"^(?:{alternation(words['place_prefix']).pattern})"),
        not_admin_start=tuple(words["not_admin_start"]),
        province=re.compile(alternation(words["province"]).pattern),
        venue=re.compile(
            rf"在([{HAN}]{{2,12}}?|京)(?:[{HAN}]{{0,10}}(?:会堂|中心|广场|礼堂|剧院|会议室|大厦))?(?:隆重)?(?:举行|召开|举办|颁奖)"
        ),
        org_line=re.compile(rf"^[{HAN}（）()·]{{2,30}}(?:{alternation(words['org_end']).pattern})$"),
        # a capitalised level after a lower-case word is part of a name (Thiếu tướng Lê Xã Hội), no place
        vi_place=re.compile(
            rf"(?<!\w)(?!(?<=[a-zà-ỹđ] )[A-ZĐ])((?i:{vi})\s+(?:[A-ZÀ-Ỹ][a-zà-ỹ]+\s?){{1,4}})"
        ),
        vi_level=re.compile(rf"^(?:{vi})\s+", re.I),
    )


def _admin_word(word: str, not_admin: list[str]) -> str:
    """An admin word, not after the characters that make it part of a `not_admin` word (社|区)."""
    before = "".join(x[-len(word) - 1] for x in not_admin if len(x) == len(word) + 1 and x.endswith(word))
    return (f"(?<![{re.escape(before)}])" if before else "") + re.escape(word)


def _trimmed(p: Patterns, place: str) -> str:
    """The place without the words before it that are no part of it (中共石桥区 -> 石桥区)."""
    while (m := p.prefix.match(place)) and len(place) - m.end() >= 2:
        place = place[m.end() :]
    return place


def place_zh(title: str) -> str | None:
    """Administrative places at the head of the title, adjacent ones joined (昆明市盘龙区)."""
    p = patterns()
    text = re.sub(r"^(?:(?:19|20)\d\d年度?)", "", title)
    places, last = [], None
    for start, end in _admin_spans(text):
        place = _trimmed(p, text[start:end])
        glued = any(text.startswith(w, end - 1) for w in p.not_admin_start)
        refused = glued or p.not_place.match(place) or len(place) < 2 or p.prefix.match(place)
        refused = refused or bool(_NOT_IN_PLACE.search(place)) or _officials_name(place, text, end)
        if refused or (last is not None and start != last):
            if places:
                break
            continue
        places.append(place)
        last = end
    return "".join(places) or None


def _officials_name(place: str, text: str, end: int) -> bool:
    """A name before the title of a head of a division (卢秀燕|市长, the mayor), no place: what ends in
    the admin word of 市长, 县长… and is no division the list knows (台中市长 keeps 台中市)."""
    if not text.startswith("长", end):
        return False
    found = resolve(place, "zh")
    return not (found and found.code)


def _admin_spans(text: str):
    """(start, end) of what `admin` matches, found from the admin words backwards (faster than
    trying the name at every character): up to six Han characters before each word."""
    word, prev = patterns().admin_word, 0
    for m in word.finditer(text):
        start = m.start()
        while start > max(prev, m.start() - 6) and "\u4e00" <= text[start - 1] <= "\u9fff":
            start -= 1
        prev = m.end()
        if start < m.start():
            yield start, m.end()


def place_parts(place: str) -> list[str]:
    """The administrative places a place name is made of: 昆明市盘龙区 -> [昆明市, 盘龙区]."""
    return patterns().admin.findall(place)


def without_vi_level(place: str) -> str:
    """A Vietnamese place without its administrative level: phường Quang Trung -> Quang Trung."""
    return patterns().vi_level.sub("", place)


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


def _place_in(text: str) -> str | None:
    """Where the ceremony was held (在北京举行), else the first administrative place of a passage,
    else the first province named (香港, 澳门: regions without an admin word). Only places the
    division list knows count, so a venue like 县府县民大厅 or a phrase that only ends like a division
    gives way to the next clue."""
    p = patterns()
    for m in p.venue.finditer(text):
        if m.group(1) == "京":
            return "北京"  # 在京举行: in the capital
        head = p.province.match(m.group(1))
        place = _known_zh(place_zh(m.group(1))) or (head.group(0) if head else None)
        if place:
            return place
    at = p.province.search(text)
    named = (_known_zh(place_zh(line)) for line in text.split("\n"))  # 胡市长… above 台中市政府…
    dateline = _DATELINE.search(text)  # 〔记者某某/台北报导〕: where the reporter files from
    return (
        next((place for place in named if place), None)
        or (_known_zh(dateline.group(1)) if dateline else None)
        or (at.group(0) if at else None)
    )


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
    lexicon gives (Huân chương Độc lập, not độc lập; Bà mẹ Việt Nam anh hùng), with the class that
    follows it (hạng Nhất) when the text gives one; else the title as found."""
    canon = _vi_lexicon_forms().get(title.lower())
    spellings = [
        (m.group(1), m.group(2))
        for m in re.finditer(rf"({re.escape(title)})(\s+hạng\s+(?:Nhất|Nhì|Ba))?", text, re.I)
    ]
    best = [(base, grade) for base, grade in spellings if base == canon] or [
        (base, grade) for base, grade in spellings if base == title
    ]
    if not best:
        return title
    graded = next((b + g for b, g in best if g and g.split()[-1][0].isupper()), None)
    return graded or best[0][0]


def _campaign(text: str) -> re.Match | None:
    """The campaign's quoted name (2023年度“最美家庭”评选活动); a text with no quote mark is not searched."""
    return patterns().campaign.search(text) if "“" in text or '"' in text else None


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
            return known
    if not named and not place_from_bodies(awarding_bodies(text, "vi"), "vi", context=text, year=year):
        for m in p.vi_place.finditer(text, len(lede)):
            if known := _division(m.group(1).strip(), text, year):
                return known
    return named[0] if named else None


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
    for n in range(len(words), 1, -1):
        if not all(w[:1].isupper() or w[:1].isdigit() for w in words[1:n]):
            continue  # xã đang: a level word, then no name
        found = resolve(" ".join(words[:n]), "vi", context=text, year=year)
        if found is not None and found.code is not None:
            return " ".join(words[:n])
    return None


# 各地区, 全县, 按照市, 县府县 (the county government's hall): no names
_AREA_WORDS = re.compile("[在各全本我该此每其或以据照于向从到进对会上府]")


def _known_zh(place: str | None) -> str | None:
    """The place from where a division the list knows (a code) starts (以娄底市 -> 娄底市,
    日在浙江省宁波市 -> 浙江省宁波市). The list has every province and mainland prefecture but no
    township (镇, 乡, 街道) and no Taiwanese city (屏东市): a township, or a short county or city
    name without the words of an area (全县, 各地区), is taken as written. What only ends like a
    division (余位在区, 根据省, 家级自然保护区) is no place."""
    place = place[:-2] if place and place.endswith("特区") else place  # 香港特区: the region's own name
    for at in range(len(place or "") - 1):
        tail = place[at:]
        found = resolve(tail, "zh")
        starts = found and found.code and any(n[:1] == tail[0] for n in (*found.path, found.name))
        if starts and (len(tail) > 2 or at == 0 or _after_a_place_or_word(place[:at])):
            return tail
    found = resolve(place, "zh") if place else None
    if found is None or found.level == "province":
        return None
    short = found.level != "township" and len(place) <= 4 and not _AREA_WORDS.search(place)
    return place if found.level == "township" or short else None


def _after_a_place_or_word(lead: str) -> bool:
    """Whether a county of one character and 县 (岚县, 攸县) starts after `lead`: after a division
    (陕西凤县) or a word that is no name (以, 在); not inside a longer name (青岚县)."""
    before = resolve(lead, "zh")
    return bool(_AREA_WORDS.search(lead[-1]) or (before and before.code))


@cache
def _abbreviations() -> tuple[re.Pattern, dict[str, str]]:
    rows = {short: place for short, place, _why in read_rows("place_abbrev_zh.tsv", 3)}
    return re.compile(rf"(?:^|(?<=[\s\u3000，,：:」”]))({alternation(list(rows)).pattern})(?!场)"), rows


def _abbreviated(title: str) -> str | None:
    """A Taiwanese city or county by the short name a headline gives it (中市府颁奖… -> 台中市)."""
    pattern, rows = _abbreviations()
    m = pattern.search(title)
    return rows[m.group(1)] if m else None


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
        title, lede, published, minguo and lang == "zh", text[:HEAD_CHARS] if lang == "zh" else ""
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
            honours=tuple(_vi_written(t, text) for t in titles),
        )
    campaign = _campaign(title) or _campaign(lede)
    name = campaign.group(0) if campaign else title
    day = re.search(r"(?<!\d)(\d{1,2})月(\d{1,2})日", lede)
    date = f"{year}-{int(day.group(1)):02d}-{int(day.group(2)):02d}" if day and year else None
    organisers = organisers_zh(title, text)
    headline = "" if PHOTO_CREDIT.search(title) else title  # an untitled page's photo caption: no headline
    place = (
        _known_zh(place_zh(headline))
        or _abbreviated(headline)
        or _known_zh(place_zh(name if headline or name != title else ""))
        or next((pl for o in organisers if (pl := _known_zh(place_zh(o)))), None)
        or _region_of(titles)
        or _known_zh(_place_in(lede))
    )
    return Event(name=name, year=year, date=date, place=place, organizers=organisers, honours=titles)
