"""More Vietnamese name shapes for extract/people_vi.py: a bare name with the person's age, birth year
or home in brackets (the way the press names suspects and people in a story: Nguyễn Trung Tiến
(29 tuổi), Nguyễn Chí Hòa, sinh năm 1989, …), the names coordinated with one already found
(học sinh Lê Thanh Tình và Trần Thị Linh Đan, các Thứ trưởng A và B), a name the excerpt's end
cuts, the bullet list of the officials attending, and the tone-mark and first-letter helpers the
finder's patterns are built with."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Protocol, TypeVar

from extract.lexicon import alternation
from extract.people_vi_credits import CAPS, LOWER, NAME, UPPER
from extract.text import run_end
from extract.tsv import read_rows

TONE_PAIRS = (
    ("ủy", "uỷ"),
    ("Ủy", "Uỷ"),
    ("òa", "oà"),
    ("óa", "oá"),
    ("ỏa", "oả"),
    ("õa", "oã"),
    ("ọa", "oạ"),
    ("úy", "uý"),
    ("ùy", "uỳ"),
    ("ụy", "uỵ"),
    ("òe", "oè"),
    ("óe", "oé"),
)
# right after a bare name: its age, birth year or home (Nguyễn Trung Tiến (29 tuổi), X, sinh năm 1989)
_BIO = re.compile(r"\s*(?:\(\s*|,\s*)(?:SN\b|[Ss]inh năm\b|\d{1,3}\s*tuổi\b|ngụ\b|trú\b|quê\b)")
_NAME_AT = re.compile(NAME)
_GIVEN_BACK = re.compile(  # … trao trả 1 cây vàng cho anh X; Nhận lại được tài sản, thầy X …
    r"(?:(?<!\w)(?:trả lại|trao trả|trả)(?!\w)[^.;:\n]{0,60}?(?<!\w)cho"
    r"|(?<!\w)(?:nhận lại|được trả lại|được trao trả)(?!\w)[^.;:…!?\n]{0,40}?,)\s+(?:[^\W\d]+(?: chí)?\s+)?\Z",
    re.I,
)
_CONTACT = re.compile(r"[^.;\n()]{0,100}\(\s*(?:số điện thoại|điện thoại|ĐT|SĐT|ĐTDĐ)\b", re.I)
_COUNTED = re.compile(
    r"(?<!\w)cho\s+(?:\d{1,3}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+[^,.;:\n]{2,40}?(?:[,:]|\s*\(\s*gồm\s*:?)\s*"
)
_ASKER = re.compile(
    rf"(?m)(?:\?[ \t]*[-–][ \t]*(?P<name>{NAME})[ \t]*\([^()\n]{{2,30}}\)[ \t]*$"
    rf"|^[ \t]*(?P<name2>{NAME})[ \t]*[-–][ \t]*\d{{1,2}}:\d{{2}}[ \t]+\d{{1,2}}/\d{{1,2}}/\d{{4}}[ \t]*$"
    rf"|(?<=\?)\.?[ \t]*\n[ \t]*(?P<name3>{NAME})[ \t]*\n[ \t]*\([^()\n]{{2,120}}\)[ \t]*$)"
)
_CLOSED = re.compile(r"\s*(?:[,;.:()\n]|và\b|cùng\b|ở\b|$)")  # what may follow a name in a list of names
# a name starting a word: NAME's upper-case class holds the lower-case letters of Ạ-Ỹ too (phát hiện)
_NAME_START = re.compile(rf"(?<![\w.])(?:{NAME})")
# another person sharing the found one's frame: `, B`, `và C`, `cùng D`, maybe after the found one's bracket
_NEXT = re.compile(r"(?:\s*\([^()\n]{0,80}\))?\s*(?:,|;|và|cùng)\s+(?:(?P<cue>[^\W\d]+(?: chí)?)\s+)?(?=\S)")


# academic degrees and state titles written short before a name, one or a chain (PGS.TS Lê Thị A, GS. NGND
# Trần B, GS.TSKH.NGND C, NSND D): each says a person's name follows; case-sensitive, as written
_ABBR = "PGS|GS|TSKH|TS|ThS|BSCKII|BSCKI|BS|DS|KS|NGND|NGƯT|NSND|NSƯT|TTND|TTƯT|NNND|NNƯT"
DEGREE_CUE = rf"(?:{_ABBR})(?:(?:\.[ \t]?|[ \t])(?:{_ABBR}))*\.?"
DEGREE_LETTERS = "BDGKNPT"  # their first letters, upper case only: a look-ahead that skips other places


# a name in capitals after a degree, closing its line or its clause (Người hướng dẫn khoa học: TS. TRẦN VĂN A)
_CAPS_AFTER_DEGREE = re.compile(
    rf"(?=[{DEGREE_LETTERS}])(?<![\w.])(?:{DEGREE_CUE})[ \t]+(?P<name>{CAPS})(?![{LOWER}{UPPER}])(?=[ \t]*(?:[\n,;(]|\.(?!\w)|$))"
)


def caps_after_degree(text: str, surnames: frozenset[str]) -> list[tuple[int, int]]:
    """Names written in capitals after a degree (the advisor and reviewers on a thesis's cover: TS.
    NGUYỄN VĂN A, PGS.TS. LÊ THỊ B), opening with a family name: the degree says a person follows."""
    return [
        m.span("name")
        for m in _CAPS_AFTER_DEGREE.finditer(text)
        if m.group("name").split()[0].lower() in surnames
    ]


def tone_free(pattern: str) -> str:
    """A pattern that matches both tone-mark placements (ủy / uỷ, hòa / hoà)."""
    for old, new in TONE_PAIRS:
        pattern = pattern.replace(old, f"(?:{old}|{new})")
    return pattern


def first_letters(words: list[str], exact: str = "") -> str:
    """A look-ahead for the first letters of the words, in both cases, and the letters of `exact` as
    they are: lets the regex engine skip the positions where no word can start (an alternation of
    many words is slow to try everywhere)."""
    letters = {
        c
        for w in words
        for c in (w[0].lower(), w[0].upper(), *(n[0] for _, n in TONE_PAIRS if w.startswith(_)))
    } | set(exact)
    return "(?=[" + re.escape("".join(sorted(letters))) + "])"


@cache
def _words(kind: str) -> re.Pattern:
    return alternation([w for k, w, _why in read_rows("people_vi.tsv", 3) if k == kind])


def counted(text: str, surnames: frozenset[str]) -> list[tuple[int, int]]:
    """The first name after a count of the people given an award (trao Giấy khen cho 2 học sinh lớp
    8A, A và B; tặng Bằng khen cho 3 cá nhân: A, B, C; trao cho 3 điều dưỡng (gồm A, B và C)): the
    others join it as coordinated names."""
    out = []
    for m in _COUNTED.finditer(text):
        name = _NAME_AT.match(text, m.end())
        if name and text[m.end()].isupper() and name.group(0).split()[0].lower() in surnames:
            out.append(name.span())
    return out


# a count of people and a colon opening their names (cho thân nhân 2 mẹ: A (xã X) và B; 3 cá nhân: A, B, C);
# năm is left out: a year (năm học: …) far more often than five
_COUNT_COLON = re.compile(
    rf"(?<!\w)(?:\d{{1,3}}|hai|ba|bốn|sáu|bảy|tám|chín|mười)[ \t]+(?:[{LOWER}{UPPER}]+[ \t]+){{0,3}}"
    rf"[{LOWER}{UPPER}]+[ \t]*\Z"
)
_COLON = re.compile(rf":[ \t]*(?=[{UPPER}])")  # a colon before a capital: where such a list may open
_ITEM_TAIL = re.compile(r"(?:[ \t]*\([^()\n]{0,80}\))?")  # the item's bracket: its home, age or unit
_ITEM_SEP = re.compile(r"[ \t]*(?:,[ \t]*và|,|;|và)[ \t]+")


def count_listed(text: str, surnames: frozenset[str]) -> list[tuple[int, int]]:
    """The names listed after a count of people and a colon (trao Bằng … cho thân nhân 2 mẹ: A (thị
    trấn X) và B (xã Y); tặng 3 cá nhân: A, B, C): each item a name opening with a family name, maybe
    a bracket after it, the items parted by commas, semicolons or và. The count says the list is of
    people, so a bare name there is one of them."""
    out = []
    for colon in _COLON.finditer(text):  # colons are few: look back from each for the count
        if not _COUNT_COLON.search(text, max(0, colon.start() - 60), colon.start()):
            continue
        at = colon.end()
        while (name := _NAME_AT.match(text, at)) and name.group(0).split()[0].lower() in surnames:
            out.append(name.span())
            at = _ITEM_TAIL.match(text, name.end()).end()
            sep = _ITEM_SEP.match(text, at)
            if not sep:
                break
            at = sep.end()
    return out


# … tặng | huy hiệu 30 năm tuổi Đảng: a badge for a member's own years in the Party
_BADGE = re.compile(r"[ \t]*(?:tặng[ \t]+)?huy hiệu[ \t]+(?:Đảng[ \t]+)?\d+[ \t]+năm", re.I)


def own_badge(text: str, at: int) -> bool:
    """Does a giving verb at `at` go on with a Party badge of so many years and give it to no one
    (đồng chí X chi bộ M6 tặng huy hiệu 40 năm tuổi Đảng)? The portal left out được: X receives it."""
    if not _BADGE.match(text, at):
        return False
    stop = min((i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0), default=len(text))
    return not re.search(r"(?<!\w)cho(?!\w)", text[at:stop])


def askers(text: str) -> list[tuple[int, int]]:
    """The reader who asks on a legal Q&A page: the name after the question (…? - Minh Thi (Bình
    Phước)), alone with the time it was asked (Ngô Thị Thu Hiền - 10:09 23/02/2024), or alone on the
    line after the question with who they are in brackets on the next (…? / Đoàn Văn A / (Chi hội
    trưởng …))."""
    return [m.span(next(g for g in ("name", "name2", "name3") if m.group(g))) for m in _ASKER.finditer(text)]


def place_before(text: str, at: int) -> bool:
    """Does a place's level word end right before `at` (xã | Ninh Phụng, tỉnh | Ninh Bình)? The
    capitalised words after it name the place, not a person (people_vi.tsv place_level)."""
    return bool(re.search(rf"(?<!\w)(?:{_words('place_level').pattern})\s+\Z", text[max(0, at - 16) : at]))


def placed_elsewhere(text: str, start: int, end: int) -> bool:
    """Is a bare name (no address term, no post: a list item, one joined by `và`) written elsewhere
    right after a place's level word (… đại biểu năm huyện gồm: Lộc Bình và Cao Lộc; … huyện Cao
    Lộc)? Then it names that place, not a person."""
    name = re.escape(text[start:end])
    level = _words("place_level").pattern
    return any(m.start(1) != start for m in re.finditer(rf"(?<!\w)(?i:{level})\s+({name})(?!\w)", text))


# 1. HS Nguyễn Mai Phương - 8A8 đạt giải …; 2) Lê Đức Anh, 8A1: a numbered line opening with a name
# (maybe after one short word: HS, ông, em), the name closed by a dash, a comma, a bracket or the line end;
# a bare name of two words only is too like a place's (1. Lâm Đồng - 5 người)
_NUMBERED = re.compile(
    rf"(?m)^[ \t]*\d{{1,3}}[.)][ \t]+(?:(?P<cue>[a-zđ]{{1,6}}|[A-ZĐ]{{2,4}}|Ông|Bà|Em|Chị|Cô|Thầy)[ \t]+)?(?P<name>{NAME})(?=[ \t]*(?:[-–,(:]|$))"
)
_SUB_ITEM = re.compile(r"[ \t]*(?:[-+•–][ \t]|\d{1,3}[.)][ \t])")


def numbered_items(text: str) -> list[tuple[int, int]]:
    """The names opening the numbered lines of a list under a heading that ends with a colon (Trường
    … vinh danh 3 em học sinh đã đạt giải: / 1. HS A - 8A8 … / 2. B - 6A2 … / - sub-item): the items,
    listed. The lines between may be numbered or bulleted sub-items."""
    out = []
    for m in _NUMBERED.finditer(text):
        line = text.rfind("\n", 0, m.start("name")) + 1
        while line > 0:  # up past the other items and their bullets to the heading
            line = text.rfind("\n", 0, line - 1) + 1
            if not _SUB_ITEM.match(text, line):
                break
        heading = text[line : text.find("\n", line)].rstrip()
        short = len(m.group("name").split()) < 3 and not m.group("cue")  # 1. Lâm Đồng: a province
        if line < m.start() and heading.endswith(":") and not short:
            out.append(m.span("name"))
    return out


def with_bio(text: str, surnames: frozenset[str], taken: Callable[[int], bool]) -> list[tuple[int, int]]:
    """Bare names (no address term, no position) with the person's age, birth year or home after them:
    how the press names suspects, victims and others in a story. Each opens with a family name."""
    out = []
    for m in _NAME_START.finditer(text):
        s, e = m.span()
        words = m.group(0).split()
        if not text[s].isupper() or words[0].lower() not in surnames or taken(s) or not _BIO.match(text, e):
            continue
        out.append((s, e))
    return out


def accused(text: str, start: int, end: int) -> bool:
    """Is the person's sentence one about a crime (bắt giữ, đối tượng, bị cáo, cướp giật …:
    people_vi.tsv crime)? A bare name there is a suspect's or a victim's, never an honouree's."""
    begin = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, start - 200)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    stop = min(stops, default=len(text))
    return bool(
        re.search(rf"(?<!\w)(?:{_words('crime').pattern})(?!\w)", text[begin : min(stop, end + 200)], re.I)
    )


def given_back(text: str, start: int) -> bool:
    """Is the person at `start` the one something found was handed back to, with the thing named
    between the verb and `cho` (trao trả 1 cây vàng cho anh X, trả lại chiếc ví … cho chị Y), or the
    one who got it back (Nhận lại được tài sản, thầy X xúc động …)?"""
    return bool(_GIVEN_BACK.search(text, max(0, start - 90), start))


# right after a name (and its bracket): `và` or a comma, maybe a lower-case address term, then the next name
_JOINED = re.compile(rf"(?:\s*\([^()\n]{{0,80}}\))?\s*(?:,|và)\s+(?:[{LOWER}]+\s+)?(?=[{UPPER}])")


def last_joined(text: str, end: int) -> int:
    """Where the last of the names joined right after the name ending at `end` ends (cháu A (8 tuổi) và
    cháu B (9 tuổi) | không may bị …): what is said after it is said of them all; `end` when none is."""
    return run_end(text, end, _JOINED, _NAME_AT)


def contact(text: str, end: int) -> bool:
    """Is the person named as the one to reach (đồng chí X – Phó Chủ tịch … (số điện thoại …)): a
    contact of a call or a notice, mentioned, not honoured."""
    return bool(_CONTACT.match(text, end))


def accused_cue(cue: str) -> bool:
    """Does the word before the name make the person the accused (bị cáo, đối tượng: people_vi.tsv accused)?"""
    return _words("accused").fullmatch(cue.lower()) is not None


def coordinated(
    text: str, spans: Iterable[tuple[int, int]], surnames: frozenset[str], cues: frozenset[str]
) -> list[tuple[int, int, int]]:
    """Names joined to a found one by `,`, `và` or `cùng` (A và B; A, B và C), each opening with a
    family name, maybe after an address term: (start, end, start of the name it is joined to)."""
    out = []
    for s0, e0 in spans:
        end = e0
        while m := _NEXT.match(text, end):
            at = m.end()
            if m.group("cue") and m.group("cue").lower() not in cues:
                at = m.start("cue")  # a capitalised word: the name itself
            name = _NAME_AT.match(text, at)
            if not name or not text[at].isupper() or name.group(0).split()[0].lower() not in surnames:
                break
            if m.group(0).strip(" (").startswith(",") and not _CLOSED.match(text, name.end()):
                break  # Đặng Văn Cường, Đoàn Luật sư …: a comma's next capitalised words may start a unit
            out.append((name.start(), name.end(), s0))
            end = name.end()
    return out


# the kind of a unit between its head and its proper name: an abbreviation (THPT, THCS) or a common
# noun in title case (Trung ương, Tiểu học, Đa khoa), never a capitalised pair (a name)
# (Trường THPT Chuyên | Chu Văn An: a gifted school's kind word, capitalised)
_UNIT_KIND = re.compile(
    rf"(?:(?:[{UPPER}]{{2,}}|Chuyên|[{UPPER}][{LOWER}]+\s+[{LOWER}]+|[{LOWER}]+)\s+){{0,3}}"
)


@cache
def unit_named() -> re.Pattern:
    """A unit whose proper name follows it (people_vi.tsv unit_named: Bệnh viện, Trường, Công ty)."""
    heads = [w for kind, w, _why in read_rows("people_vi.tsv", 3) if kind == "unit_named"]
    return re.compile(rf"(?<!\w)(?i:{alternation(heads).pattern})\s")


def unit_head_before(text: str, at: int) -> bool:
    """Does such a unit's head end the text right before `at` (Giám đốc Bệnh viện | Bạch Mai), maybe
    with its kind between (Trường THPT | Trương Định, Bệnh viện Trung ương | Thái Nguyên)?"""
    return any(
        _UNIT_KIND.fullmatch(text, m.end(), at) for m in unit_named().finditer(text, max(0, at - 50), at)
    )


def named_place_or_unit(text: str, s: int, e: int) -> bool:
    """Do the words at text[s:e], after a position or an honour, name the unit they head (Bệnh viện
    | Bạch Mai) or a place (cán bộ xã | Ninh Phụng, cán bộ thị trấn | Dương Minh Châu, huyện …; but
    Chủ tịch UBND tỉnh | Cao Văn Trọng)? Or a place the page names elsewhere after its level word
    (Nghệ nhân | Thừa Thiên Huế; … tỉnh Thừa Thiên Huế)?"""
    return (
        unit_head_before(text, s)
        or (place_before(text, s) and (len(text[s:e].split()) <= 2 or bool(_PLACE_CHAIN.match(text, e))))
        or (placed_elsewhere(text, s, e) and _division(text[s:e]))
    )


def _division(name: str) -> bool:
    """Is the name a province's, a district's or a commune's (the places' list)?"""
    from extract.places.vi import gazetteer, normal  # the division list, loaded once for the places

    return normal(name).lower() in gazetteer().exact


# a place's name goes on with the larger place it lies in (thị trấn Dương Minh Châu, huyện …)
_PLACE_CHAIN = re.compile(r",?\s*(?:huyện|tỉnh|thành phố|quận|thị xã|TP\.?)\s")


class Span(Protocol):
    """A found name's place in the text (extract.people_vi.Found has these)."""

    start: int
    end: int


T = TypeVar("T", bound=Span)


class Attending(Protocol):
    """The people patterns that open a list of the officials attending (extract.people_vi.Patterns)."""

    attend: re.Pattern
    presence: re.Pattern


def cut_off(text: str, found: list[T]) -> list[T]:
    """Drop a name the excerpt's end cuts (… Thiếu tá Trần Văn Cư) when the whole name is found
    before it (Trần Văn Cường): the same person, not another one; and a list's last item the excerpt
    stops in, no mark after it (…: Trần Đức Huy, Trần Xu): a name cut short, not a person's."""
    end = len(text.rstrip(" .…\n"))
    cut = len(text.rstrip()) if text.rstrip()[-1:].isalpha() else -1  # the excerpt stops mid-word
    names = [text[f.start : f.end] for f in found]
    return [
        f
        for f, name in zip(found, names, strict=True)
        if (f.end < end or not any(n != name and n.startswith(name) for n in names))
        and not (f.end == cut and getattr(f, "listed", False))  # …: A, B, Trần Xu|: a list item cut short
    ]


_BULLET = re.compile(r"[ \t]*(?:[-+•–]|\d{1,3}[.)])[ \t]")  # - X …; 1. X …


def attending_list(text: str, at: int, p: Attending) -> bool:
    """Is the name at `at` on a bullet line of a list headed `Tham dự buổi lễ gồm có:` (- BS. X - Phó
    Giám đốc bệnh viện; - Y – Chủ tịch công đoàn)? The lines above it up to the heading are bullets."""
    line = text.rfind("\n", 0, at) + 1
    if not _BULLET.match(text, line):
        return False
    while line > 0:
        line = text.rfind("\n", 0, line - 1) + 1
        if not _BULLET.match(text, line):
            heading = text[line : text.find("\n", line)].strip()
            return heading.endswith(":") and bool(p.attend.match(heading) or p.presence.search(heading))
    return False
