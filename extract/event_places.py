"""Where an event took place: Chinese administrative places in titles and ledes (盘龙区, 昆明市盘龙区,
a venue's city, a reporter's dateline), the event finder's patterns, and honours written with their
division (广安市三八红旗手). Split from extract/events.py, which reads the rest of the event."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.lexicon import alternation
from extract.places import resolve
from extract.text import HAN
from extract.tsv import read_rows

_DATELINE = re.compile(rf"[/／∕]\s*([{HAN}]{{2,4}})(?:报导|报道)")
# 奖章获得者享受省, 此件发至各乡 (a distribution note): words, not a place
_NOT_IN_PLACE = re.compile("[的者了是受享获得为和与及等经将把被各此]")
_HAN_RUN = re.compile(f"[{HAN}]+")


@dataclass(frozen=True)
class Patterns:
    """The event finder's regexes, built from lexicons/events.tsv."""

    campaign: re.Pattern  # a quoted title, then an event word: 2023年度“最美奋斗者”评选 (no theme)
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
            # (a quote before 为主题 is a theme, 以“永葆军人本色”为主题的联欢活动, no campaign's name)
            r"(?:(?:19|20)\d\d年度?)?[^，。,；;！!？?\n]{0,24}?[“\"][^”\"\n]{2,40}[”\"](?!为主题)[^，。,；;！!？?\n]{0,24}?"
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


def place_in(text: str) -> str | None:
    """Where the ceremony was held (在北京举行, 在兰州举行), else the first administrative place of a
    passage's lines, else where the reporter files from (〔记者某某/台北报导〕, 株洲日报讯, 中新网兰州
    1月24日电), else any place a line names further on (从省、市妇联…石狮市第二实验幼儿园), one below a
    province first, else the first province named (香港, 澳门: regions without an admin word). Only
    places the division list knows count, so a venue like 县府县民大厅 or a phrase that only ends like a
    division gives way to the next clue."""
    if venue := _venue(text):
        return venue
    lines = text.split("\n")
    at = patterns().province.search(text)
    heads = (known_zh(place_zh(line)) for line in lines)  # 胡市长… above 台中市政府…
    dateline = _DATELINE.search(text)
    named = [place for line in lines for place in _known_places(line)]
    below = (p for p in named if (found := resolve(p, "zh")).code and found.level != "province")
    return (
        next((place for place in heads if place), None)
        or (known_zh(dateline.group(1)) if dateline else None)
        or _filed_from(text)
        or next(below, None)
        or next(iter(named), None)
        or (at.group(0) if at else None)
    )


def _venue(text: str) -> str | None:
    """The place of the hall a ceremony was held in: 在北京人民大会堂举行, 在兰州举行 (a city without
    its 市), 在京举行 (the capital)."""
    p = patterns()
    for m in p.venue.finditer(text):
        if m.group(1) == "京":
            return "北京"  # 在京举行: in the capital
        head = p.province.match(m.group(1))
        place = known_zh(place_zh(m.group(1))) or _bare_city(m.group(1)) or (head.group(0) if head else None)
        if place:
            return place
    return None


def _bare_city(name: str) -> str | None:
    """A prefecture or county named without its admin word (兰州, 长春): only a whole known name."""
    found = resolve(name, "zh") if 2 <= len(name) <= 4 else None
    return name if found and found.code and found.level in ("prefecture", "county") else None


def _known_places(line: str):
    """The known divisions a line names, in order: every run of adjacent places, not only the first
    (从省、市妇联传来…石狮市第二实验幼儿园: 从省 is none, 石狮市 is)."""
    for start, _ in _admin_spans(line):
        if (place := known_zh(place_zh(line[start:]))) is not None:
            yield place


# 株洲日报讯, 石狮日报讯 (a city's paper reporting from home), 中新网兰州1月24日电 (an agency's dateline)
_FILED = re.compile(
    rf"^([{HAN}]{{2,3}})(?:日报|晚报|新闻网)讯|(?:网|社|报)([{HAN}]{{2,4}})\d{{1,2}}月\d{{1,2}}日电", re.M
)


def _filed_from(text: str) -> str | None:
    m = _FILED.search(text)
    return _bare_city(m.group(1) or m.group(2)) if m else None


def narrowed(place: str | None, lede: str) -> str | None:
    """A province narrowed to the city the lede holds the ceremony in (甘肃省表彰… with 大会在兰州举行:
    兰州); a venue outside the province, or none, leaves it. A district or county the lede writes
    under its city (莲湖区表彰… with 西安市莲湖区举行) is written so."""
    found = resolve(place, "zh") if place else None
    if found is not None and found.level in ("county", "township"):
        return next((p for p in _lede_places(lede) if _under_city(p, place)), place)
    if found is None or found.level != "province" or not (venue := _venue(lede)):
        return place
    inner = resolve(venue, "zh")
    return venue if inner and inner.code and inner.level != "province" and found.name in inner.path else place


def _under_city(chain: str, place: str) -> bool:
    """Whether `chain` writes `place` under a city the list knows (西安市莲湖区, not 表扬基隆市)."""
    head = chain[: -len(place)] if chain.endswith(place) else ""
    found = resolve(head, "zh") if len(head) >= 2 else None
    return bool(found and found.code and found.level == "prefecture")


def _lede_places(lede: str):
    return (place_zh(line[start:]) or "" for line in lede.split("\n") for start, _ in _admin_spans(line))


def qualified(title: str, text: str) -> str:
    """A bare Chinese title as the text also writes it with its division in front (三八红旗手 where
    the text says 广安市三八红旗手, 五一劳动奖章 after 湖北): the honour of that place, not any. The
    fullest writing wins (广州市 over 广州); titles of several places, or one that starts with a
    division or a level word, stay as they are."""
    if title[:1] in "全省市县区" or not _HAN_RUN.match(title) or resolve(title[:2], "zh"):
        return title
    heads: dict[str, str] = {}  # the division's code -> the longest writing of it
    at = text.find(title)
    while at >= 2:
        head = _place_before(text[max(0, at - 9) : at].rstrip('“"「『'))  # 河南省“乡村光荣榜”
        if head:
            code = resolve(head, "zh").code
            heads[code] = max(heads.get(code, ""), head, key=len)
        at = text.find(title, at + len(title))
    return next(iter(heads.values())) + title if len(heads) == 1 else title


def _place_before(lead: str) -> str:
    """The known division (one with a code) that ends `lead`, the longest one: 第四届广州市 -> 广州市."""
    for size in range(len(lead), 1, -1):
        head = lead[-size:]
        found = resolve(head, "zh") if _HAN_RUN.fullmatch(head) else None
        if found is not None and found.code and found.level != "township" and head[:1] in found.name:
            return head
    return ""


# 各地区, 全县, 按照市, 县府县 (the county government's hall): no names
_AREA_WORDS = re.compile("[在各全本我该此每其或以据照于向从到进对会上府]")


def known_zh(place: str | None) -> str | None:
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
        short = found and found.level == "prefecture" and found.name.startswith(tail) and found.name != tail
        if starts and (len(tail) > 2 or at == 0 or short or _after_a_place_or_word(place[:at])):
            return tail  # 票选广州: a city's short name (广州) after a word, not a county in a name (青岚县)
    found = resolve(place, "zh") if place else None
    if found is None and len(parts := place_parts(place or "")) > 1:
        return known_zh("".join(parts[:-1]))  # 河南省周口市扶沟县古城乡: the village's county
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


def abbreviated(title: str) -> str | None:
    """A Taiwanese city or county by the short name a headline gives it (中市府颁奖… -> 台中市)."""
    pattern, rows = _abbreviations()
    m = pattern.search(title)
    return rows[m.group(1)] if m else None


def with_parents_zh(place: str | None, text: str) -> str | None:
    """A city, county or township with the divisions above it that the page names elsewhere (龙山县 on
    a page that also says 湘西 and 湖南 -> 湖南省湘西州龙山县; 钟祥市胡集镇 with 荆门 -> 荆门市钟祥市
    胡集镇), as Chinese writes an address from the province down: the county's event is the
    prefecture's and the province's too. A parent the page never names is not added (a page about
    西陵区 alone keeps 西陵区); a place the list does not know, one of several namesakes, one in
    Taiwan (the list's 台湾省 is no division there) or a chain the list cannot read back stays as
    written."""
    found = resolve(place, "zh") if place else None
    if found is None or found.level not in ("prefecture", "county", "township") or len(found.path) < 2:
        return place
    if (found.code is None and found.level != "township") or found.path[0] in _NO_PARENTS:
        return place
    head = ""
    for parent in found.path[:-1]:
        written = _written(parent)
        if any(form in place for form in written):
            break  # 钟祥市胡集镇: the place writes its own chain from here down
        if any(form in text for form in written):
            head += written[0]
    if not head:
        return place
    leaf = found.display if found.code and found.display.startswith(place) else place  # 株洲 -> 株洲市
    again = resolve(head + leaf, "zh")
    return head + leaf if again is not None and again.path == found.path else place


_NO_PARENTS = ("台湾省",)


@cache
def _written(official: str) -> tuple[str, ...]:
    """The forms a division's name is written in, the usual first: 湘西州 (湘西土家族苗族自治州, 湘西)."""
    found = resolve(official, "zh")
    short = found.display if found is not None and found.code else official
    stem = short[:-1] if len(short) >= 3 and short[-1] in "省市州县区盟" else short
    return tuple(dict.fromkeys((short, official, stem)))
