"""Where a Vietnamese name begins and ends in running text (extract.people_vi finds the names): the
name stops before a capitalised word opening a position or a unit (Phan Văn Lực | Phó Chủ tịch), the
name after the unit a position names (Thứ trưởng Bộ Nội vụ | Trần Thị Hà), a unit's name that only
looks like a person's (Đoàn Kinh tế - Quốc phòng 337), and where a role phrase after it stops."""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from typing import Protocol, TypeVar

from extract.lexicon import alternation
from extract.people_vi_credits import LOWER, NAME, SYLLABLE, UPPER
from extract.people_vi_more import unit_named
from extract.tsv import read_rows

NAME_RE = re.compile(NAME)


class Bounds(Protocol):
    """What the name bounds need of the people patterns (extract.people_vi.Patterns has these)."""

    tail: re.Pattern  # , Chủ tịch UBND phường | - khu phố 3
    stop: re.Pattern  # a capitalised word that ends a name (Phó, Trưởng, Học sinh)
    not_name: re.Pattern  # Việt Nam, Hà Nội: never a person
    surnames: frozenset[str]


class HasSpan(Protocol):
    start: int
    end: int
    role: str | None


F = TypeVar("F", bound=HasSpan)


# a dot glued to a letter abbreviates (UBND P.Chính Gián, TP.HCM), and so does TP. before a city's name
ROLE_CHAR = r"(?:[^,.;:()\n]|\.(?=\w)|(?<=TP)\.(?= [A-ZĐ]))"
# a role phrase ends where the sentence's verb begins (Chủ tịch UBND tỉnh | nhấn mạnh)
# (not inside a department's name: Sở Giáo dục và Đào tạo, Ban Thi đua khen thưởng tỉnh, Hiệp hội
# Doanh nghiệp nhỏ và vừa; nor in Ủy viên dự khuyết, hiện là Phó …)
VERB = re.compile(
    r"(?<!đua)\s+(?=(?:nhấn mạnh|phát biểu|cho biết|đề nghị|trao|dự(?!\s+khuyết)|chỉ đạo|ghi nhận|cùng|và(?!\s+[A-ZĐ][a-zà-ỹ]+\s+[a-zà-ỹ])(?!\s+vừa\b)|đã|tặng|khen|yêu cầu|nêu|"
    r"chia sẻ|nói|cảm ơn|xúc động|được|vì|nhặt|vận động|tích cực|luôn|có|(?<!hiện )(?<!nay )là|vinh dự|đối với|với|cũng"
    r"|đánh giá|thông qua|lưu ý|hướng dẫn|trình bày|công bố|gắn(?=\s+[Hh]u[ây])|chủ trì|khiến|tại(?=\s+(?:[Đđ]ại hội|buổi|[Ll]ễ|[Hh]ội nghị|cuộc|[Hh]ội thi))|thừa (?:ủy|uỷ) quyền)\b)"
)


# where a chain of titles before a name may open: a sentence, a list's item, after có or của (… của Bộ
# trưởng Bộ Y tế, Chủ tịch Hội đồng X; not thừa ủy quyền của Chủ tịch nước, | Bí thư Tỉnh ủy X: the one
# delegating is another)
CHAIN_START = r"(?:^|(?<=[.;:\n]\s)|(?<=\bcó\s)|(?<=\bcủa\s)(?<!quyền của\s)(?<!lệnh của\s)|(?<=,\s))"
# the age, the birth year and the group that may stand between a name and its post (X, 29 tuổi, dân tộc
# Mông, Bí thư Chi đoàn …)
BIO = r"(?:\s*,\s*(?:\d{1,3}\s+tuổi|(?:sinh\s+năm|SN)\s*\d{4}|(?:người\s+)?dân\s+tộc\s+[^,.;:()\n]{1,15}))*"
# a place in brackets closing a post or a unit (Trưởng bản X (xã Y); Công ty Z (Lào Cai)): part of the role
PLACE_PAREN = (
    rf"(?:\s*\((?:(?:xã|phường|huyện|quận|tỉnh|thị xã|thị trấn|TP\.?|thành phố)\s[^()\n]{{1,50}}"
    rf"|[{UPPER}][{LOWER}]+(?:\s[{UPPER}][{LOWER}]+){{0,2}})\))?"
)


@cache
def role_units() -> str:
    """The words opening a unit or a place that may go on a role after a comma (Phó Đội trưởng Đội
    Vận động quần chúng, Đồn Biên phòng Vĩnh Hải; Xóm trưởng xóm 9, xã Nghi Phong): people_vi.tsv
    role_unit, as written (a capital where a unit's name has one)."""
    return alternation([w for k, w, _why in read_rows("people_vi.tsv", 3) if k == "role_unit"]).pattern


def role_phrase(written: str) -> str:
    """The role written after a name, up to the sentence's verb, without a dash left dangling
    (ông X - Chủ tịch UBND TP - cho biết: the role is Chủ tịch UBND TP)."""
    return VERB.split(written)[0].strip().rstrip("-– ").strip()


def completed(text: str, found: list[F], p: Bounds) -> list[F]:
    """A name cut before a syllable written in lower case (đồng chí Nguyễn Hương giang) gets that
    syllable back when the longer name is found elsewhere in the text."""
    known = {text[f.start : f.end].lower() for f in found}
    out = []
    for f in found:
        m = re.match(r"\s+(\w+)", text[f.end : f.end + 12])
        if m and f"{text[f.start : f.end]} {m.group(1)}".lower() in known:
            f = dataclasses.replace(f, end=f.end + m.end())
            t = p.tail.match(text, f.end)
            if t and t.group("role") and not f.role:
                f = dataclasses.replace(f, role=role_phrase(t.group("role")))
        out.append(f)
    return out


def name_after_unit(text: str, at: int, p: Bounds) -> tuple[int, int | None]:
    """The name after the unit a position names, in the same clause: the first run of capitalised
    words that opens with a family name (Thứ trưởng Bộ Nội vụ | Trần Thị Hà, Chủ tịch Tổng Liên
    đoàn Lao động Việt Nam | Đặng Ngọc Tùng)."""
    stop = re.compile(r"[,;:()\n]|\.(?!\w)").search(text, at, at + 90)  # not TP.Bình Sơn's dot
    end = stop.start() if stop else min(len(text), at + 90)
    for m in re.finditer(rf"(?<![{LOWER}{UPPER}]){NAME}", text[at:end]):
        for word in re.finditer(SYLLABLE, m.group(0)):
            previous = m.group(0)[: word.start()].split()[-1:]
            if previous and f"{previous[0]} {word.group(0)}".lower() in unit_heads():
                continue  # Chủ Tịch HĐQT Tập Đoàn Kinh Đô: Đoàn ends the head of a unit's name here
            if in_place(text, at + m.start() + word.start(), at + m.start() + word.end()):
                continue  # Giám đốc Sở Nội vụ tỉnh An | Giang Ngô Hồng Yến: Giang ends the province's name
            if word.group(0).lower() in p.surnames and not p.not_name.match(
                text, at + m.start() + word.start()
            ):
                s = at + m.start() + word.start()
                whole = NAME_RE.match(text, s)  # Hai Bà Trưng | Vũ Đại Phong: the whole name
                e = name_end(text, s, max(at + m.end(), whole.end() if whole else 0), p)
                return past_place(text, s, e, p) if e else (s, e)  # Tỉnh ủy | Hà Giang X: past it
    return at, None


# a Party committee, named after its division (Bí thư Tỉnh ủy An Giang)
_COMMITTEE = "Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thành ủy|Thành uỷ"
# a division's type word, then the capitalised words of its name (tỉnh An Giang, huyện Yên Thành)
_PLACE_RUN = re.compile(
    rf"(?<!\w)(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|thị trấn|xã|phường|{_COMMITTEE})[ \t]+((?:{SYLLABLE}[ \t]+){{0,3}})\Z"
)


def in_place(text: str, start: int, end: int) -> bool:
    """Is the capitalised word at text[start:end] the last of a division's name written after its type
    word (tỉnh An | Giang Ngô Hồng Yến)? Then the person's name starts after it, not at it."""
    m = _PLACE_RUN.search(text, max(0, start - 40), start)
    if not m or not m.group(1):
        return False
    from extract.places.vi import gazetteer, normal  # the division list, loaded once for the places

    return normal(m.group(1) + text[start:end]).lower() in gazetteer().exact


_TYPE_BEFORE = re.compile(rf"(?<!\w)(?:tỉnh|thành phố|huyện|quận|thị xã|{_COMMITTEE})[ \t]+\Z")


def past_place(text: str, start: int, end: int, p: Bounds) -> tuple[int, int]:
    """Where a person's name starts and ends when the words found as one open with a division's name
    written after its type word (Giám đốc Sở Nội vụ tỉnh | Hà Giang Lạc Thị Mến, quận | Hai Bà Trưng
    Vũ Đại Phong): past that name, when a name of two words at least follows; else (start, end)."""
    if not _TYPE_BEFORE.search(text[max(0, start - 12) : start]):
        return start, end
    from extract.places.vi import gazetteer, normal  # the division list, loaded once for the places

    words = list(re.finditer(r"\S+", text[start:end]))
    for n in (3, 2):
        if len(words) > n and normal(text[start : start + words[n - 1].end()]).lower() in gazetteer().exact:
            at = start + words[n].start()
            whole = NAME_RE.match(text, at)
            stop = name_end(text, at, max(end, whole.end() if whole else end), p)
            return (at, stop) if stop else (start, end)
    return start, end


def fallback_name(text: str, cue_end: int, at: int, p: Bounds) -> tuple[int, int | None]:
    """The name after a position whose first capitalised words are no name (Chủ tịch Trung ương Hội
    Hữu nghị Việt Nam - Lào | Nguyễn Đắc Vinh); not past a verb (Bộ trưởng Bộ Công an đối với | …)
    nor past a unit named after a person (Hiệu trưởng Trường Đại học Y khoa | Phạm Ngọc Thạch), unless
    a division's name stands between (Giám đốc Sở Nội vụ tỉnh Hà Giang | Lạc Thị Mến)."""
    s, e = name_after_unit(text, at, p)
    if e is None:
        return at, None
    placed = past_place(text, s, e, p)
    if placed[0] != s and not VERB.search(text[cue_end : placed[0]]):
        return placed
    if VERB.search(text[cue_end:s]) or unit_named().search(text[cue_end:s]):
        return at, None
    return s, e


@cache
def unit_heads() -> frozenset[str]:
    """The two-word heads of unit names (units_vi.tsv), lower case: Tập đoàn, Công đoàn."""
    return frozenset(w.lower() for w, *_ in read_rows("units_vi.tsv", 2) if len(w.split()) == 2)


def name_end(text: str, start: int, end: int, p: Bounds) -> int | None:
    """The name ends before a capitalised word that starts a position or a unit (Phan Văn Lực | Phó
    Chủ tịch, Đinh Gia Bảo | Học sinh); None when fewer than two syllables remain or when the
    words start a unit themselves (giáo viên Trường Tiểu học …)."""
    if p.stop.match(" " + text[start : end + 30]):
        return None
    stop = p.stop.search(text, start, end + 30)
    if stop and stop.start() < end:
        one_word = len(stop.group(0).split()) == 1
        closes = re.match(r"\s*(?:[,.;:()\n]|[-–]\s|$)", text[stop.end() : stop.end() + 3])
        if one_word and (len(text[start : stop.start()].split()) < 2 or closes):
            return (
                end  # Ngô Trường Huy, Mai Xuân Trường, (or Trường (thôn …)): a stop word that is a given name
            )
        end = stop.start()
    if len(text[start:end].split()) < 2 or unit_lookalike(text, start, end):
        return None
    return end


@cache
def _one_word_heads() -> frozenset[str]:
    """The one-word heads of unit names (units_vi.tsv), lower case: đoàn, hội, ban."""
    return frozenset(w.lower() for w, *_ in read_rows("units_vi.tsv", 2) if len(w.split()) == 1)


def unit_lookalike(text: str, start: int, end: int) -> bool:
    """Is text[start:end] the capitalised start of a unit's name rather than a person's: a unit's head
    that is also a family name, its last word making a common word with the lower-case word after it
    (chiến sĩ Đoàn Kinh | tế - Quốc phòng 337: kinh tế; cán bộ Hội Nông | dân)? Names are capitalised
    whole, so a word they share with the next lower-case word belongs to a common noun."""
    words = text[start:end].split()
    after = re.match(rf"[ ]([{LOWER}]+)(?![{LOWER}{UPPER}])", text[end : end + 12])
    if not after or words[0].lower() not in _one_word_heads():
        return False
    from pyvi.ViTokenizer import ViTokenizer  # its dictionary of two-syllable words; loaded only here

    return f"{words[-1]} {after.group(1)}".lower() in ViTokenizer.bi_grams


def title_chain(text: str, at: int, chain: re.Pattern) -> str:
    """The titles before the last one, up to the sentence start (Ủy viên Ban Thường vụ Huyện ủy,
    Trưởng Ban Dân vận Huyện ủy, | Chủ tịch …)."""
    start = max(text.rfind(c, 0, at) for c in ".;:\n") + 1
    m = chain.search(text[start:at].lstrip())
    if not m or VERB.search(" " + m.group(0)):
        return ""  # Đảng viên X được nhận …, đồng chí Y: a clause with a verb, no chain of titles
    return m.group(0)


def tail_role(text: str, end: int, tail: re.Pattern) -> str | None:
    """The role written right after a bare name (Nguyễn Thành Công, 32 tuổi, công nhân kho gạo …; a
    reader's name over the line `(Chi hội trưởng Hội NCT ấp 57, …)`), else None."""
    t = tail.match(text, end)
    if not (t and t.group("role")) or (
        "\n" in text[end : t.start("role")] and "(" not in text[end : t.start("role")]
    ):
        return None  # Luật sư X / Chuyên viên pháp lý Y: the next line's post is another's
    return role_phrase(t.group("role"))


def sentence_end(text: str, end: int, most: int) -> int:
    """Where the sentence that goes on at `end` stops (a full stop and a space, a line end), at most
    `most` characters on: a leader's speech verb is looked for there, not in the next sentence."""
    stops = [i for i in (text.find(". ", end, end + most), text.find("\n", end, end + most)) if i >= 0]
    return min(stops, default=min(len(text), end + most))


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding `at` starts: after a full stop and a space or a line end, not after
    the dot inside an abbreviation (Ủy viên BCH T.Ư Đảng, TP.HCM)."""
    return max(text.rfind(". ", 0, at) + 1, text.rfind(".\n", 0, at) + 1, text.rfind("\n", 0, at) + 1)


def after_of(before: str, position: re.Pattern) -> str:
    """The words before a name after the last `cho` (Huân chương … cho Giám đốc Bệnh viện X), and after
    `của` when a post follows it (Huân chương … của Chủ tịch UBND tỉnh X): X holds that post, not the honour."""
    before = before.rsplit(" cho ", 1)[-1]
    at = before.rfind(" của ")
    return before[at + 5 :] if at >= 0 and position.match(before, at + 5) else before
