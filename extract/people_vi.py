"""Vietnamese people: `ông/bà/đồng chí + Name`, `Name, position`, `Name - unit`, `position + Name`
(also after a long chain of titles), and the author: the signature on the last lines (Ngọc Phượng,
HOÀNG LONG) or a credit line (Bài và ảnh: THANH HẢI)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.lexicon import alternation
from extract.tsv import read_rows
from normalize.seg_vi import read_rules

_UPPER = "A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠ-Ỹ"
_LOWER = "a-zàáâãèéêìíòóôõùúýăđĩũơưạ-ỹ"
SYLLABLE = rf"[{_UPPER}][{_LOWER}]+"
NAME = rf"{SYLLABLE}(?:\s+{SYLLABLE}){{1,4}}"
CAPS = rf"[{_UPPER}]{{2,}}(?:\s+[{_UPPER}]{{1,}}){{1,3}}"  # HOÀNG LONG
_CITY_BEFORE = re.compile(r"(?:TP\.?|[Tt]hành phố)\s*$")
INITIALS = rf"[{_UPPER}]\.\s?(?:[{_UPPER}][{_LOWER}]+|[{_UPPER}]+)"  # H.Đào, D.LỆ, L.K
SIGNED = rf"(?:{NAME}|{CAPS}|{INITIALS})"
_SIGNATURE = re.compile(
    rf"(?:(?:CTV|PV|Nhóm PV)\s+)?(?P<names>{SIGNED}(?:\s*[-–,]\s*{SIGNED})*)(?:\s*\([^()]{{1,40}}\))?"
)
_TONE_PAIRS = (
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

# a role phrase ends where the sentence's verb begins (Chủ tịch UBND tỉnh | nhấn mạnh)
_VERB = re.compile(
    r"\s+(?=(?:nhấn mạnh|phát biểu|cho biết|đề nghị|trao|dự|chỉ đạo|ghi nhận|cùng|và|đã|tặng|khen|yêu cầu|nêu|"
    r"chia sẻ|nói|cảm ơn|xúc động|được|vì|nhặt|vận động|tích cực|luôn|có|là)\b)"
)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    cue: str = ""  # address term or position before the name
    role: str | None = None
    org: str | None = None
    author: bool = False


@dataclass(frozen=True)
class Patterns:
    by_cue: re.Pattern  # ông Nguyễn Văn A
    by_position: re.Pattern  # Chủ tịch UBND huyện Nguyễn Văn A
    tail: re.Pattern  # , Chủ tịch UBND phường | - khu phố 3
    stop: re.Pattern  # a capitalised word that ends a name (Phó, Trưởng, Học sinh)
    chain: re.Pattern  # a title that may open a chain of titles before a name
    credit: re.Pattern  # Bài và ảnh: THANH HẢI
    attend: re.Pattern  # Dự hội nghị có …
    strong_speech: re.Pattern  # chỉ đạo, chủ trì, trao right after a name: an official
    colon_list: re.Pattern  # các ông, bà: A - …; B - …; C và D
    dashed: re.Pattern  # …, Trần Kim Hùng - Phó Chủ tịch HĐND tỉnh, …
    not_name: re.Pattern  # Việt Nam, Hà Nội: never a person
    surnames: frozenset[str]


def tone_free(pattern: str) -> str:
    """A pattern that matches both tone-mark placements (ủy / uỷ, hòa / hoà)."""
    for old, new in _TONE_PAIRS:
        pattern = pattern.replace(old, f"(?:{old}|{new})")
    return pattern


@cache
def patterns() -> Patterns:
    rules = read_rules()
    words: dict[str, list[str]] = {}
    for kind, word, _why in read_rows("people_vi.tsv", 3):
        words.setdefault(kind, []).append(word)
    cues = alternation([*rules.get("cue", []), *words["cue"]]).pattern
    positions = tone_free(alternation([row[0] for row in read_rows("positions_vi.tsv", 3)]).pattern)
    honours = alternation(
        [row[0] for row in read_rows("honours.tsv", 3) if not re.search("[\u4e00-\u9fff]", row[0])]
    ).pattern
    titles = rf"(?i:{positions}|giáo viên|bác sĩ|nông dân|học sinh|sinh viên|công nhân)"
    cue_words = [*rules.get("cue", []), *words["cue"]]
    position_words = [row[0] for row in read_rows("positions_vi.tsv", 3)] + [
        row[0] for row in read_rows("honours.tsv", 3) if not re.search("[\u4e00-\u9fff]", row[0])
    ]
    return Patterns(
        by_cue=re.compile(
            rf"{_first_letters(cue_words)}(?<![{_LOWER}{_UPPER}])(?P<cue>(?i:{cues}))\s+(?P<name>{NAME})"
        ),
        # a position, maybe its organisation, then the name: Bí thư Đảng ủy phường Trần Quốc Bảo; honour holders too
        by_position=re.compile(
            rf"{_first_letters(position_words)}(?<![{_LOWER}{_UPPER}])(?P<cue>(?i:{positions}|{honours}))"
            rf"(?:\s+(?:[^\s,.;:]+)){{0,9}}?\s+(?P<name>{NAME})"
        ),
        tail=re.compile(
            rf"(?:\s*\(\s*|\s*,\s*(?:(?!(?i:{cues})\s|{titles})[^,.;:()\n]{{2,30}},\s*(?={titles}))?|\s+[-–]\s+|\s+(?=[{_UPPER}]))"
            rf"(?P<role>{titles}[^,.;:()\n]{{0,60}}(?:,\s*{titles}[^,.;:()\n]{{0,60}})*)"
            rf"|\s[-–]\s(?P<org>[^,.;:()\n]{{2,60}}?)(?=\s+(?:với|đã|có|là)\s|[,.;:])"
        ),
        stop=re.compile(rf"\s+(?:{tone_free(alternation(words['stop']).pattern)})(?![{_LOWER}])"),
        chain=re.compile(rf"(?:^|(?<=[.;:\n]\s)|(?<=\bcó\s))((?:{positions})[^.;:\n]*?,\s*)+$"),
        credit=re.compile(
            rf"(?m)^[ \t]*(?:{alternation(words['credit']).pattern})\s*:\s*(?P<names>[^\n]{{2,60}}?)[ \t]*$"
        ),
        attend=re.compile(rf"\s*(?:{alternation(words['attend']).pattern})\s"),
        strong_speech=re.compile(rf"[^.;:\n]{{0,30}}?\b(?:{alternation(words['strong_speech']).pattern})\b"),
        colon_list=re.compile(
            rf"(?i:{alternation(words['list_intro']).pattern})\s*:\s*(?P<list>[^\n]+?)(?:\.(?=\s|$)|\n|$)"
        ),
        dashed=re.compile(rf"(?<=[,;]\s)(?P<name>{NAME})(?=\s+[-–]\s+(?i:{positions}))"),
        not_name=re.compile(rf"(?i:{alternation(words['not_name']).pattern})\b"),
        surnames=frozenset(s.lower() for s in [*rules.get("surname", []), *words["surname"]]),
    )


def _first_letters(words: list[str]) -> str:
    """A look-ahead for the first letters of the words, in both cases: lets the regex engine skip
    the positions where no word can start (an alternation of many words is slow to try everywhere)."""
    letters = {
        c
        for w in words
        for c in (w[0].lower(), w[0].upper(), *(n[0] for _, n in _TONE_PAIRS if w.startswith(_)))
    }
    return "(?=[" + re.escape("".join(sorted(letters))) + "])"


def find_people(text: str, figures: frozenset[str] = frozenset()) -> list[Found]:
    p = patterns()
    found: dict[tuple[int, int], Found] = {}
    for figure in figures:  # tư tưởng Hồ Chí Minh; not the city (TP Hồ Chí Minh)
        for m in re.finditer(re.escape(figure), text):
            if not _CITY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                found[m.span()] = Found(*m.span())
    for pattern in (p.by_cue, p.by_position):
        for m in pattern.finditer(text):
            s, e = m.span("name")
            e = _name_end(text, s, e, p)
            if (
                e is None
                or text[s:e].isupper()
                or any(a <= s < b for a, b in found)
                or p.not_name.match(text, s)
            ):
                continue
            if pattern is p.by_position and text[s:e].split()[0].lower() not in p.surnames:
                s, e = _name_after_unit(text, s, p)  # Chủ tịch UBND xã Vĩnh Sơn | Nguyễn Văn Phúng
                if e is None or any(a <= s < b for a, b in found):
                    continue  # Chủ tịch UBND..., Bí thư Đảng ủy... are not names
            t = p.tail.match(text, e)
            role = _VERB.split(t.group("role"))[0].strip() if t and t.group("role") else None
            org = t.group("org").strip() if t and t.group("org") else None
            if pattern is p.by_position:  # Thứ trưởng Bộ Nội vụ X, Trưởng Ban …: both say who X is
                before = _title_chain(text, m.start("cue"), p) + text[m.start("cue") : s].strip()
                role = f"{before}, {role}" if role else before
            found[(s, e)] = Found(s, e, m.group("cue"), role, org)
    # các ông, bà: Nguyễn Thị Như Ý - Chủ tịch …; Công Thanh Thảo - …, and …, Hà Văn Lộc - Phó Chủ tịch …
    listed = [
        (m.start("list") + item.start(1), m.start("list") + item.end(1))
        for m in p.colon_list.finditer(text)
        for item in re.finditer(rf"(?:^|[;,]|\svà)\s*({NAME})", m.group("list"))
    ]
    for s, end in listed + [m.span("name") for m in p.dashed.finditer(text)]:
        e = _name_end(text, s, end, p)
        if e and text[s:e].split()[0].lower() in p.surnames and not any(a <= s < b for a, b in found):
            t = p.tail.match(text, e)
            role = _VERB.split(t.group("role"))[0].strip() if t and t.group("role") else None
            found[(s, e)] = Found(s, e, "", role, t.group("org").strip() if t and t.group("org") else None)
    for s, e in _credits(text, p) + _signature(text):
        found[(s, e)] = Found(s, e, author=True)
    return sorted(found.values(), key=lambda f: f.start)


def _name_after_unit(text: str, at: int, p: Patterns) -> tuple[int, int | None]:
    """The name after the unit a position names, in the same clause: the first run of capitalised
    words that opens with a family name (Thứ trưởng Bộ Nội vụ | Trần Thị Hà, Chủ tịch Tổng Liên
    đoàn Lao động Việt Nam | Đặng Ngọc Tùng)."""
    stop = re.compile(r"[,.;:()\n]").search(text, at, at + 90)
    end = stop.start() if stop else min(len(text), at + 90)
    for m in re.finditer(rf"(?<![{_LOWER}{_UPPER}]){NAME}", text[at:end]):
        for word in re.finditer(SYLLABLE, m.group(0)):
            if word.group(0).lower() in p.surnames:
                s = at + m.start() + word.start()
                return s, _name_end(text, s, at + m.end(), p)
    return at, None


def attends(text: str, at: int) -> bool:
    """Is the name at `at` in a sentence listing the officials attending (Dự hội nghị có đồng chí
    A, …; đồng chí B, …)?"""
    start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
    return bool(patterns().attend.match(text, start))


def acts(text: str, end: int) -> bool:
    """Does the sentence go on, right after the name, with an official's verb (đồng chí X phát biểu
    chỉ đạo, bà X đã trao chứng nhận)?"""
    return bool(patterns().strong_speech.match(text, end))


def _name_end(text: str, start: int, end: int, p: Patterns) -> int | None:
    """The name ends before a capitalised word that starts a position or a unit (Phan Văn Lực | Phó
    Chủ tịch, Đinh Gia Bảo | Học sinh); None when fewer than two syllables remain or when the
    words start a unit themselves (giáo viên Trường Tiểu học …)."""
    if p.stop.match(" " + text[start : end + 30]):
        return None
    stop = p.stop.search(text, start, end + 30)
    if stop and stop.start() < end:
        end = stop.start()
    return end if len(text[start:end].split()) >= 2 else None


def _title_chain(text: str, at: int, p: Patterns) -> str:
    """The titles before the last one, up to the sentence start (Ủy viên Ban Thường vụ Huyện ủy,
    Trưởng Ban Dân vận Huyện ủy, | Chủ tịch …)."""
    start = max(text.rfind(c, 0, at) for c in ".;:\n") + 1
    m = p.chain.search(text[start:at].lstrip())
    return m.group(0) if m else ""


def _credits(text: str, p: Patterns) -> list[tuple[int, int]]:
    """Authors on a credit line: `Bài và ảnh: THANH HẢI`, `Ảnh: Minh Anh - Ngọc Hà`."""
    out = []
    for m in p.credit.finditer(text):
        for name in re.finditer(SIGNED, m.group("names")):
            out.append((m.start("names") + name.start(), m.start("names") + name.end()))
    return out


def _signature(text: str) -> list[tuple[int, int]]:
    """The authors' names alone on one of the last two lines (`Ngọc Phượng`, `HOÀNG LONG`, `H.Đào`,
    `Mỹ Hạnh - Quang Cảnh`, also `Bảo Ngọc (Đài Truyền thanh xã)`, `CTV Rơ Lan Viện (Huyện …)`)."""
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()][-2:]
    for m in reversed(lines):
        stripped = m.group(0).strip()
        if patterns().stop.match(" " + stripped) or patterns().not_name.match(stripped):
            continue  # QUYỀN CHỦ TỊCH, a position signing
        sig = _SIGNATURE.fullmatch(stripped)
        if sig and len(stripped) <= 60:
            at = m.start() + m.group(0).index(stripped) + sig.start("names")
            return [(at + n.start(), at + n.end()) for n in re.finditer(SIGNED, sig.group("names"))]
    return []
