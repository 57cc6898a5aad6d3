"""The year of an article's event: a campaign's year label, a year of the title or lede that fits the
publication date, Gregorian or Minguo (民國114年, 一一四年), else the publication year."""

from __future__ import annotations

import re
from datetime import date

from normalize.dates import ROC_OFFSET, cn_years

# 2019-2023, and an anniversary's dates (3/2/1930 – 3/2/2026, 6-3-1979/6-3-2019): the last year
_YEAR = re.compile(
    r"(?<!\d)((?:19|20)\d\d)(?!\d)(?:\s*[-–—~/至到]\s*(?:\d{1,2}[/.-]){0,2}((?:19|20)\d\d)(?!\d))?"
)
_MINGUO_YEAR = re.compile(  # 民国99年, 今(109)年, 114年 (not 100年来), 98年度: a year of the Republic of China
    r"(?:(?:中华)?民国\s*|今\s*[(（]\s*)(\d{2,3})(?=[)）]?\s*年)|(?<![\d.])(1[0-2]\d)(?=年(?![代前后来间多内余]))|(?<![\d.])([89]\d|1[0-2]\d)(?=年度)"
)
_TITLE_YEAR = r"[(（]((?:19|20)\d\d)[)）]\s*$"  # …的通报(2006): a repost labelled with its document's year
RECENT = 5  # a year this much older than the page is still its event's (a repost of 2021 news in 2024)
# a year no event has: a birth year (sinh năm 1998, SN 1998, 1998年出生, 生于1998年) or the start of a
# span running to now (自2007年起, 2007年以来, từ năm 2007 đến nay)
_NOT_BEFORE = re.compile(r"(?:sinh năm|sinh|SN|生于|出生于|自|从|截至|截止|từ năm|từ)\s*$", re.I)
_NOT_AFTER = re.compile(r"^\s*年?\s*(?:出生|生人|起|以来|至今)|^\s*(?:đến nay|tới nay)", re.I)
NEAR = 12  # characters around a year read for a birth or a span mark
# … but a span from the start of a year (từ đầu năm 2025 đến nay, 2025年初以来) runs within that year: the event's
_YEAR_START_BEFORE = re.compile(r"đầu năm\s*$", re.I)
_YEAR_START_AFTER = re.compile(r"^\s*年初")
# an anniversary of the founding of the Party (庆祝中国共产党成立95周年, 建党100周年): its year is the event's
_PARTY_YEARS = re.compile(r"(?:中国共产党成立|建党)\s*(\d{2,3})\s*周年")
PARTY_FOUNDED = 1921


def event_year(
    title: str, lede: str, published: str | None, minguo: bool = False, head: str = "", lang: str = "zh"
) -> int | None:
    """The campaign's year label (2023年度, or a repost's …的通报(2006) at the title's end) first;
    else a year of the title or lede that fits the publication date, at most RECENT years before it
    (a birth year or the start of "giai đoạn 2019 - 2023" does not); else the publication year. Minguo years count as their Gregorian year: named (民國114年) always; on a page in
    traditional script a 114年度 label in the title, and a bare 112年 only when the page has no date
    (with one, 105年工业普查 is the year of what was appraised, not of the ceremony); a 111年度 label
    in the title is a Minguo year on a page in any script (a simplified copy of Taiwanese news).
    An undated page with no year in its title or lede takes the first year of its `head` (the
    year sits in the first paragraph, under captions and a byline: 举行一一0年孝行楷模表扬活动).
    A bare earlier year of a Vietnamese lede (tổng kết phong trào thi đua năm 2016, in news of 2017)
    is the period reviewed, not the ceremony's: a dated page takes its own year then (a title's year
    labels the event, as 年度 does). So is a Chinese sentence's past (2007年，她当选…) and a day long
    before the publication (2013年8月3日)."""
    labelled = re.findall(r"((?:19|20)\d\d)年度", title) or re.findall(_TITLE_YEAR, title)
    for m in _MINGUO_YEAR.finditer(title) if not labelled else ():
        if title.startswith("年度", m.end()) and (y := _minguo(m, True)):
            labelled.append(y)  # 114年度
    if labelled:
        return int(labelled[0])
    found = _years(title, minguo and not published, published)
    found += _years(lede, minguo and not published, published, bare_past=lang == "vi")
    if not published:
        return found[0] if found else next(iter(_years(head, minguo)), None)
    year = int(published[:4])
    return next((y for y in found if year - RECENT <= y <= year), year)


def _years(text: str, minguo: bool, published: str | None = None, bare_past: bool = False) -> list[int]:
    """The years a passage names, in order: 2023, 2019-2023 (the last), 民國114年 / 114年 (with `minguo`);
    with the publication date, not a past the passage tells (see `_told_past`)."""
    found = [
        (m.start(), int(m.group(2) or m.group(1)))
        for m in _YEAR.finditer(text)
        if not _no_event(text, m) and not (published and _told_past(text, m, published, bare_past))
    ]
    found += [(m.start(), y) for m in _MINGUO_YEAR.finditer(text) if (y := _minguo(m, minguo))]
    found += cn_years(text, minguo)  # 二0二五年, and with `minguo` 一一四年, 九十六年
    found += [(m.start(), PARTY_FOUNDED + int(m.group(1))) for m in _PARTY_YEARS.finditer(text)]
    return [y for _, y in sorted(found)]


def _minguo(m: re.Match, bare: bool) -> int | None:
    """The Gregorian year of a Minguo year: always when the era is named, bare only when `bare`."""
    return int(m.group(1)) + ROC_OFFSET if m.group(1) else (int(m[2] or m[3]) + ROC_OFFSET if bare else None)


def _no_event(text: str, m: re.Match) -> bool:
    """Is this year a birth year or the start of a span to now, no year of the event?"""
    if m.group(2):
        return False  # a range (2019-2023) ends in its own year
    before, after = text[max(0, m.start() - NEAR) : m.start()], text[m.end() : m.end() + NEAR]
    if _YEAR_START_BEFORE.search(before) or _YEAR_START_AFTER.match(after):
        return False
    return _NOT_BEFORE.search(before) is not None or _NOT_AFTER.search(after) is not None


# a full date (2013年8月3日, 13/10/2016, 2016-10-13) right around a year
_DATE_AFTER = re.compile(r"\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DATE_BEFORE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]$")
# a sentence opening on a year it narrates (2007年，她当选…; 2006年是…之年): a year told, not the event's
_NARRATED = re.compile(r"^\s*年\s*(?:[，,]|是)")
_SENTENCE_START = re.compile(r"(?:^|[。！？!?\n])\s*$")
STALE_DAYS = 92  # a dated day this long before the publication is a past the article tells


def _told_past(text: str, m: re.Match, published: str, bare_past: bool = False) -> bool:
    """Is the year a past the article tells, not its event's: a full date more than STALE_DAYS before
    the publication (2013年8月3日 in news of 2017: the rescue, not the ceremony), or a sentence that
    opens on an earlier year (2007年，她当选火炬手; 2006年是…起步之年); with `bare_past` (Vietnamese)
    any earlier year or span not in a date (năm 2016, giai đoạn 2011 - 2015)."""
    if m.group(2):  # a span (giai đoạn 2011 - 2015) ends in its last year
        return bare_past and int(m.group(2)) < int(published[:4])
    year, after = int(m.group(1)), text[m.end() : m.end() + 8]
    if year >= int(published[:4]):
        return False
    day = _DATE_AFTER.match(after)
    month_day = (day.group(1) or day.group(3), day.group(2) or day.group(4)) if day else None
    if month_day is None and (before := _DATE_BEFORE.search(text[max(0, m.start() - 6) : m.start()])):
        month_day = (before.group(2), before.group(1))
    if month_day is not None:
        return _days_before(published, year, int(month_day[0]), int(month_day[1])) > STALE_DAYS
    opens = _SENTENCE_START.search(text[max(0, m.start() - 2) : m.start()]) is not None
    return bare_past or (opens and _NARRATED.match(after) is not None)


def _days_before(published: str, year: int, month: int, day: int) -> int:
    """Days from a date to the publication (0 when either is no real date)."""
    try:
        pub = date.fromisoformat(published[:10]) if len(published) >= 10 else None
        told = date(year, month, day)
    except ValueError:
        return 0
    return (pub - told).days if pub else 0
