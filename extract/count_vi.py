"""Titles of Vietnamese counts that no lexicon knows, read from how a Vietnamese page writes a title
(extract/counts.py finds the counts): the title a verb gives the counted right after them (122 thí
sinh đạt danh hiệu Thợ giỏi cấp EVN; 17 đồng chí … được nhận Huy chương Quân kỳ Quyết thắng), and a
counted noun written with a capital, which makes it the title itself (187 Nghệ nhân Làng nghề Việt
Nam, 16 Nghệ nhân Văn hóa nghệ thuật ẩm thực làng nghề)."""

from __future__ import annotations

import re

_GIVEN = re.compile(
    r"\s(?:đạt|(?:vinh dự\s+)?(?:được\s+)?(?:[^,.;:!?\n]{0,50}?\s)?"
    r"(?:phong tặng|truy tặng|trao tặng|tặng|công nhận|trao|nhận))\s+"
    r"(?P<noun>danh hiệu|huân chương|huy chương|kỷ niệm chương|giải thưởng|huy hiệu)\s+",
    re.I,
)
_QUOTED = re.compile(r"\s*[“\"‘']([^“”\"‘’'\n]{3,120})[”\"’']")
_CAUSE = re.compile(r"vì sự nghiệp\s+", re.I)
_QUOTE_SEP = re.compile(r"\s*(?:,|và)")
_WORD = re.compile(r"[^\s,.;:!?()“”\"‘’\n]+")
_STOP = frozenset(  # words that end a title written without quotes (Thợ giỏi cấp EVN | năm 2022)
    re.findall(
        r"\S+",
        "năm cho vì do tại trong của và lần đợt khi sau để với theo là đã nhằm từ đến các những này đó",
    )
)


def given_title(text: str, end: int, stop: int) -> str | None:
    """The title a verb right after a count gives the counted, before `stop` (its clause's end or the
    next count): after danh hiệu the title alone (Thợ giỏi cấp EVN), after an order or a medal the
    medal's whole name (Huy chương Quân kỳ Quyết thắng); quoted, what the quotes hold."""
    right = _QUOTED.match(text, end, stop + 2)
    # 3 cá nhân “Phụ nữ tiêu biểu”: a quoted title right after the counted noun (a long quoted phrase is
    # why, not a title)
    if right and len(right.group(1).split()) <= 6:
        return _quoted_run(text, right, stop)
    m = _GIVEN.search(text, end, stop)
    if not m or m.start() - end > 80:
        return None
    title = m.group("noun").lower() == "danh hiệu"
    quoted = _QUOTED.match(text, m.end(), stop + 2)
    if quoted:  # as written, the medal's word with it
        return _quoted_run(text, quoted, stop) if title else text[m.start("noun") : quoted.end()].strip()
    words = _capitalised_run(text, m.end(), stop)
    cause = _CAUSE.match(text, m.end()) if not words and not title else None
    if cause and (rest := _capitalised_run(text, cause.end(), stop)):  # Kỷ niệm chương vì sự nghiệp Phụ nữ:
        words = text[m.end() : cause.end()] + rest  # the family of medals named for a cause, unquoted
    if not words:
        return None
    return words if title else f"{m.group('noun')} {words}"


def _quoted_run(text: str, first: re.Match, stop: int) -> str:
    """137 gương “Điển hình tiên tiến”, “Người tốt – Việc tốt”: quoted titles one after another are the
    count's titles together, joined as the study gold joins several titles of one count (A, B)."""
    names, at = [first.group(1)], first.end()
    while (sep := _QUOTE_SEP.match(text, at)) and (nxt := _QUOTED.match(text, sep.end(), stop + 2)):
        names.append(nxt.group(1))
        at = nxt.end()
    return ", ".join(names)


def capitalised_noun(text: str, cls_start: int, cls_end: int, stop: int) -> str | None:
    """187 Nghệ nhân Làng nghề Việt Nam: a counted noun written with a capital inside a sentence (not
    at its start), the word after it too, names a title, read on to the clause's end or a word that
    ends a title (not 29 Công đoàn viên xuất sắc, a rating of members)."""
    after = _WORD.match(text, cls_end + 1)
    if not text[cls_start : cls_start + 1].isupper() or not (after and after.group()[:1].isupper()):
        return None
    words = _capitalised_run(text, cls_start, stop)
    return words if words and len(words.split()) >= 3 else None


def _capitalised_run(text: str, start: int, stop: int) -> str | None:
    """Words from `start`, the first with a capital, up to punctuation, a stop word or twelve words."""
    out = []
    for w in _WORD.finditer(text, start, stop):
        gap = text[out[-1].end() if out else start : w.start()]
        if gap.strip() or (out and w.group().lower() in _STOP) or len(out) == 12:
            break
        if not out and not w.group()[:1].isupper():
            return None
        out.append(w)
    return text[out[0].start() : out[-1].end()] if out else None


_AWARD = re.compile(r"(?<!\w)(giải thưởng|huân chương|huy chương|kỷ niệm chương)\s+", re.I)


def award_before(text: str, start: int, floor: int) -> str | None:
    """Giải thưởng Nguyễn Đức Cảnh lần thứ III năm 2018 tôn vinh 70 đoàn viên: the last prize, order
    or medal named with capitals before a count in its sentence (from `floor`) that no lexicon knows,
    read up to a word that ends a title (lần, năm)."""
    for m in reversed(list(_AWARD.finditer(text, floor, start))):
        words = _capitalised_run(text, m.end(), start)
        if words:
            return f"{m.group(1)} {words}"
    return None


_THIS_AWARD = re.compile(
    r"(?<!\w)(?:giải thưởng|huân chương|huy chương|danh hiệu|kỷ niệm chương)\s+này", re.I
)


def this_award(text: str, start: int, end: int, stop: int) -> str | None:
    """07 cá nhân được … trao tặng Giải thưởng này: "this prize" after a count, in its clause, is the
    prize named before it in the paragraph (award_before over the paragraph)."""
    if not _THIS_AWARD.search(text, end, stop):
        return None
    return award_before(text, start, max(text.rfind("\n", 0, start) + 1, start - 600))


_COMMENDED_BEFORE = re.compile(r"(?<!\w)(tuyên dương)\s+(?:cho\s+)?(?:(?:hơn|gần|khoảng|trên)\s+)?$", re.I)
_COMMENDED_AFTER = re.compile(r"(?:\s+[^\s,.;:!?“”\"]+){0,4}?\s+(?:đã\s+)?được\s+(tuyên dương)(?!\w)", re.I)


def commended(text: str, start: int, end: int, stop: int) -> str | None:
    """Quyết định tuyên dương 21 tập thể; 21 tập thể được tuyên dương: a count its clause gives no title,
    commended in public (tuyên dương, a form of award of its own), is counted by that commendation."""
    m = _COMMENDED_BEFORE.search(text, max(0, start - 24), start) or _COMMENDED_AFTER.match(text, end, stop)
    return m.group(1) if m else None
