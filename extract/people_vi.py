"""Vietnamese people: `ông/bà/đồng chí + Name`, `Name, position`, `Name - unit`, `position + Name`,
and the author's signature on the last line."""

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


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, frozenset[str]]:
    rules = read_rules()
    cues = alternation([c for c in rules.get("cue", [])]).pattern
    positions = alternation([row[0] for row in read_rows("positions_vi.tsv", 3)]).pattern
    honours = alternation(
        [row[0] for row in read_rows("honours.tsv", 3) if not re.search("[\u4e00-\u9fff]", row[0])]
    ).pattern
    by_cue = re.compile(rf"(?<![{_LOWER}{_UPPER}])(?P<cue>(?i:{cues}))\s+(?P<name>{NAME})")
    # a position, maybe its organisation, then the name: Bí thư Đảng ủy phường Trần Quốc Bảo; honour holders too
    by_position = re.compile(
        rf"(?<![{_LOWER}{_UPPER}])(?P<cue>(?i:{positions}|{honours}))(?:\s+(?:[^\s,.;:]+)){{0,5}}?\s+(?P<name>{NAME})"
    )
    tail = re.compile(
        rf"\s*(?:\(\s*|,\s*)(?P<role>(?i:{positions}|giáo viên|bác sĩ|nông dân|học sinh|sinh viên|công nhân)[^,.;:()\n]{{0,60}})"
        rf"|\s[-–]\s(?P<org>[^,.;:()\n]{{2,60}}?)(?=\s+(?:với|đã|có|là)\s|[,.;:])"
    )
    return by_cue, by_position, tail, frozenset(s.lower() for s in rules.get("surname", []))


def find_people(text: str) -> list[Found]:
    by_cue, by_position, tail, surnames = _patterns()
    found: dict[tuple[int, int], Found] = {}
    for pattern in (by_cue, by_position):
        for m in pattern.finditer(text):
            s, e = m.span("name")
            if text[s:e].isupper() or (s, e) in found:
                continue
            if pattern is by_position and text[s:e].split()[0].lower() not in surnames:
                continue  # Chủ tịch UBND..., Bí thư Đảng ủy... are not names
            t = tail.match(text, e)
            role = _VERB.split(t.group("role"))[0].strip() if t and t.group("role") else None
            org = t.group("org").strip() if t and t.group("org") else None
            if pattern is by_position and role is None:
                role = m.group("cue")
            found[(s, e)] = Found(s, e, m.group("cue"), role, org)
    signature = _signature(text)
    if signature:
        found[signature] = Found(*signature, author=True)
    return sorted(found.values(), key=lambda f: f.start)


def _signature(text: str) -> tuple[int, int] | None:
    """The author's name alone on one of the last two lines (`Ngọc Phượng`, `Minh Châu`, also
    `Bảo Ngọc (Đài Truyền thanh xã)`, `Minh Anh (tổng hợp)`)."""
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()][-2:]
    for m in reversed(lines):
        stripped = re.sub(r"\s*\([^()]{1,40}\)$", "", m.group(0).strip())
        if re.fullmatch(NAME, stripped) and len(stripped) <= 40:
            start = m.start() + m.group(0).index(stripped)
            return start, start + len(stripped)
    return None
