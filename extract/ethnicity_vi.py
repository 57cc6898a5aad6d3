"""The ethnic group of a person on a Vietnamese page (the record's `ethnicity`), from the page's own
words attached to the person: `X, dân tộc Mông`, `X (người dân tộc Thái)`, `X là người Tày`,
`già làng X, đồng bào Ê Đê`, `nữ sinh người Mông Y`. The group is one of Vietnam's 54, a closed list
(lexicons/people_vi.tsv, kind `ethnic_group`), kept as the page writes it (H'Mông, Hmông, Mông) and
without the word that introduced it (dân tộc, người, đồng bào). A general sentence (đồng bào Mông ở
đây còn nghèo) names no one's group: the phrase must stand in apposition to the name, after it with
only the person's age, birth year, home or post between, or right before it with only an address
term between."""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import alternation
from extract.people_vi_bounds import VERB
from extract.tsv import read_rows

Span = tuple[int, int]

# what introduces a group: dân tộc Mông, người Mông, người dân tộc Mông, đồng bào (dân tộc) Ê Đê,
# người đồng bào dân tộc thiểu số Mông
_INTRO = r"(?i:người\s+(?:đồng\s+bào\s+)?(?:dân\s+tộc\s+)?|đồng\s+bào\s+(?:dân\s+tộc\s+)?|dân\s+tộc\s+)(?i:thiểu\s+số\s+)?"
_UPPER = "A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
_APOSTROPHE = "[’'‘ʼ]"
# the trades and schooling a person is named by between the name and the group (em X, học sinh lớp 9 …)
_TRADES = r"(?i:học sinh|sinh viên|giáo viên|cô giáo|thầy giáo|bác sĩ|y sĩ|công nhân|nông dân|bộ đội|nghệ nhân|người có uy tín)"


@cache
def _groups() -> str:
    """The groups' spellings as one alternation, longest first. The first letter is a capital as
    written (người dao, người hoa hậu: no group); the rest take any case, a space, a hyphen or
    nothing between syllables (Ê Đê, Ê-đê, Êđê) and any apostrophe (H’Mông, H'Mông)."""
    words = sorted(
        {row[1] for row in read_rows("people_vi.tsv", 3) if row[0] == "ethnic_group"}, key=len, reverse=True
    )
    return "|".join(_spelling(w) for w in words)


def _spelling(word: str) -> str:
    """One spelling as a pattern: its first letter as written, the rest without regard to case."""
    parts = [re.escape(p).replace("'", _APOSTROPHE) for p in re.split(r"[\s\-–]+", word[1:])]
    return re.escape(word[0]) + "(?i:" + r"[ \t–-]*".join(parts) + ")"


@cache
def _after() -> re.Pattern:
    """The phrase after the name: what may stand between (a bracket, the age, the birth year, the
    home, the post), then a comma, a dash, a bracket or là, then the group."""
    gap = (
        r"(?:\s*\([^()\n]{0,60}\)"  # (SN 1990), (xã Y)
        r"|\s*,\s*(?:sinh\s+năm|SN|năm\s+sinh)\s*\d{4}"
        r"|\s*,\s*\d{1,3}\s+tuổi"
        r"|\s*,\s*(?:quê|trú|ngụ|ở)\s[^,.;:()\n]{1,50}"
        r"|\s*,\s*(?:xã|phường|huyện|quận|tỉnh|thị xã|thị trấn|TP\.?|thành phố|bản|thôn|buôn|làng|ấp)\s[^,.;:()\n]{1,40}"
        rf"|\s*[,–-]\s*(?:{_posts()}|{_TRADES})[^,.;:()\n]{{0,60}})"
    )
    return re.compile(
        rf"(?P<gap>(?:{gap}){{0,3}})"
        r"(?:\s*,\s*|\s+[-–]\s+|\s*\((?:[^()\n,]{0,40},\s*){0,2}|\s+)"
        r"(?:(?:vốn|cũng|đều)\s+)?(?:là\s+)?"
        rf"(?P<intro>{_INTRO})(?P<group>{_groups()})(?![\w’'‘ʼ-])(?!\s+[{_UPPER}])"
    )


# the word joining two names of one clause, maybe an address term before the second (A và chị B)
_JOINED = re.compile(r"\s+và\s+(?:(?:anh|chị|em|ông|bà|cô|thầy|cháu)\s+)?")


@cache
def _before() -> re.Pattern:
    """The phrase right before the name: the group, then at most three address words (là, chị,
    em, già làng), then the name (nữ sinh người Mông Vàng Thị Mai; đồng bào Ê Đê, già làng X is the
    other order)."""
    words = [row[1] for row in read_rows("people_vi.tsv", 3) if row[0] in ("cue", "address")]
    between = alternation([*words, "là", "già làng", "cô giáo", "thầy giáo", "chàng trai", "cô gái"]).pattern
    return re.compile(rf"{_INTRO}(?P<group>{_groups()})\s+(?:(?i:{between})\s+){{0,3}}\Z")


@cache
def _posts() -> str:
    """The positions a post between the name and the group opens with (Phó Chủ tịch xã, giáo viên)."""
    return "(?i:" + alternation([row[0] for row in read_rows("positions_vi.tsv", 3)]).pattern + ")"


def ethnicity_vi(text: str, spans: list[Span], others: list[Span]) -> str | None:
    """The group the page attaches to the person named at `spans` (first mention that has one), as
    written; None when no mention has one. `others` are every person's spans: a group past another
    person's name is that person's."""
    starts = sorted(s for s, _ in others)
    for s, e in sorted(spans):
        if group := _after_name(text, e, starts):
            return group
        joined = _JOINED.match(text, e)  # A và chị B, người Dao: the group after the pair is both's
        pair = next((b for a, b in others if joined and a == joined.end()), None)
        if pair and (group := _after_name(text, pair, starts)):
            return group
        line = max(text.rfind("\n", 0, s), text.rfind(".", 0, s), text.rfind(",", 0, s)) + 1
        b = _before().search(text, max(line, s - 60), s)
        if b and not any(b.start() <= at < s for at in starts):
            return b.group("group")
    return None


def _after_name(text: str, e: int, starts: list[int]) -> str | None:
    """The group written after the name ending at `e`, before any other person's name."""
    m = _after().match(text, e, min(len(text), e + 200))
    if m and not any(e < at < m.start("group") for at in starts) and _apposed(m.group("gap")):
        return m.group("group")
    return None


def _apposed(gap: str) -> bool:
    """Is what stands between the name and the group's phrase only the person's own details, no verb
    (ông X, Phó Chủ tịch UBND huyện cho biết, đồng bào Mông …: the group is the sentence's topic)?"""
    return not VERB.search(" " + gap)


def only_group(phrase: str | None) -> bool:
    """Is the phrase nothing but a group (X - dân tộc Xtiêng: the dash's phrase is no unit of X's)?"""
    return bool(phrase) and bool(_only().fullmatch(phrase.strip()))


@cache
def _only() -> re.Pattern:
    """A group's phrase alone (dân tộc Xtiêng), for only_group."""
    return re.compile(rf"{_INTRO}(?:{_groups()})")
