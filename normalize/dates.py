"""Dates as written on Chinese and Vietnamese pages, and the choice of the publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from normalize.records import DateHint

_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}
_YMD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)(?!\d)")
# ngày 26 tháng 4 năm 2021; a portal's 26 Tháng 4 2021 (Thứ hai, 26 Tháng 4 2021 11:08), its capital
# T telling it from a span of months (sau 3 tháng 5 2020)
_VI_WORDS = re.compile(
    r"(?i:ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm)\s+((?:19|20)\d\d)"
    r"|(?<!\d)(\d{1,2})\s+Tháng\s+(\d{1,2}),?\s+((?:19|20)\d\d)(?!\d)"
)
_YM = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?!\s*\d)")
# Minguo (Republic of China) years: 民國113年 = 2024. With the era named they are read on any page; bare
# (113-04-26, 113年4月26日) only on pages in traditional script, where a three-digit year is no number
_ROC_NAMED = re.compile(
    r"(?:中华民国|中華民國|民国|民國)\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?"
)
_ROC_BARE = re.compile(r"(?<![\d.\-/])(1[0-4]\d)\s*([-/.年])\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![\d.\-/])")
ROC_OFFSET = 1911
# the compact stamp closing a Central News Agency story: （編輯：某某）1141107 = 2025-11-07 (bare Minguo only)
_ROC_STAMP = re.compile(r"(?m)(?:^|(?<=[)）\]】\s]))(1[01]\d)(0[1-9]|1[0-2])([0-3]\d)\s*$")
_CN_YEAR = re.compile(
    r"[〇一二三四五六七八九零○Ｏ]{4}年[〇一二三四五六七八九十]{1,2}月(?:[〇一二三四五六七八九十]{1,3}日)?"
)

LABEL = re.compile(
    r"(发布日期|发布时间|发表时间|发表日期|发布于|更新时间|出版日期|出版时间|刊发日期|刊发时间|见报日期|时间|日期|"
    r"来源时间|ngày đăng|ngày cập nhật|cập nhật lúc|cập nhật|"
    r"đăng ngày|đăng lúc|ngày|posted|published|date)\s*[:：]",
    re.I,
)
# "今天是2023年03月29日 星期三": the day the page was viewed, never the article's
TODAY = re.compile(r"^\s*(?:今天是|今日是|今天|今日|hôm nay là|hôm nay)\s*[:：]?", re.I)
WEEKDAY = re.compile(
    r"星期[一二三四五六日天]|礼拜[一二三四五六日天]|周[一二三四五六日](?![年期])|thứ\s*(?:[2-7]|hai|ba|tư|năm|sáu|bảy)\b|chủ nhật",
    re.I,
)

# a line holding only a weekday (Sunday, 星期日), as a portal's clock shows it under the day's date:
# 2024/06/16 | Sunday | 13:39 at the top of a page is the day it was viewed, not the article's
WEEKDAY_LINE = re.compile(
    r"(?:星期|礼拜|週|周)[一二三四五六日天]|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\.?",
    re.I,
)


def _cn_number(s: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十二 -> 22 (enough for months and days)."""
    if "十" not in s:
        return int("".join(_CN_DIGITS[c] for c in s))
    tens, _, ones = s.partition("十")
    return int(_CN_DIGITS.get(tens, "1") if tens else 1) * 10 + (int(_CN_DIGITS[ones]) if ones else 0)


def _valid(y: int, m: int, d: int | None) -> str | None:
    try:
        if d is None:
            return f"{dt.date(y, m, 1):%Y-%m}"
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


_MAYBE = re.compile(r"\d\d|[〇○Ｏ零]")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _minguo(text: str, bare: bool) -> list[tuple[int, str | None]]:
    found = []
    named = []
    for m in _ROC_NAMED.finditer(text):
        day = int(m[3]) if m[3] else None
        found.append((m.start(), _valid(int(m[1]) + ROC_OFFSET, int(m[2]), day)))
        named.append(m.span())
    if bare:
        for m in _ROC_BARE.finditer(text):
            if not any(a <= m.start() < b for a, b in named):
                found.append((m.start(), _valid(int(m[1]) + ROC_OFFSET, int(m[3]), int(m[4]))))
        for m in _ROC_STAMP.finditer(text):
            found.append((m.start(), _valid(int(m[1]) + ROC_OFFSET, int(m[2]), int(m[3]))))
    return found


def find_dates(text: str, minguo: bool = False) -> list[tuple[int, str]]:
    """(position, ISO date) of every full date (with a year) in `text`; year-less dates are ignored.
    Minguo years are read when the era is named (民國113年), and bare (113-04-26) when `minguo`."""
    if not _MAYBE.search(text):
        return []
    found = _minguo(text, minguo) if ("民" in text or minguo) else []
    year = _YEAR.search(text) is not None  # the four patterns below need a year of four digits
    for m in _YMD.finditer(text) if year else ():
        found.append((m.start(), _valid(int(m[1]), int(m[2]), int(m[3]))))
    for m in _DMY.finditer(text) if year else ():
        found.append((m.start(), _valid(int(m[3]), int(m[2]), int(m[1]))))
    for m in _VI_WORDS.finditer(text) if year else ():
        d, mo, y = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
        found.append((m.start(), _valid(int(y), int(mo), int(d))))
    for m in _YM.finditer(text) if year else ():
        if not any(p == m.start() for p, _ in found):
            found.append((m.start(), _valid(int(m[1]), int(m[2]), None)))
    for m in _CN_YEAR.finditer(text) if "年" in text else ():
        y, rest = m.group(0).split("年")
        month, _, day = rest.partition("月")
        year = int("".join(_CN_DIGITS[c] for c in y))
        found.append((m.start(), _valid(year, _cn_number(month), _cn_number(day[:-1]) if day else None)))
    return sorted((p, d) for p, d in found if d)


_CN_YEAR_DIGITS = "〇一二三四五六七八九零○Ｏ0０"
# years in Chinese numerals: 二0二五年 / 二〇二五年 (Gregorian, digit by digit, the 0 often an ASCII one),
# 一一四年 / 一一0年 (Minguo 100-129, digit by digit), 九十六年 (Minguo 80-99 with 十); not 九十六年来
_CN_YEAR_ONLY = re.compile(
    rf"(?<![{_CN_YEAR_DIGITS}十百千万亿第])"
    rf"(?:([一二][{_CN_YEAR_DIGITS}]{{3}})|(一[{_CN_YEAR_DIGITS}]{{2}})|([八九]十[一二三四五六七八九]?))"
    r"(?=年(?![代前后来间多内余]))"
)


def _cn_digits(s: str) -> int:
    return int("".join(_CN_DIGITS.get(c, {"0": "0", "０": "0"}.get(c, c)) for c in s))


def cn_years(text: str, minguo: bool) -> list[tuple[int, int]]:
    """(position, year) of the years a text writes in Chinese numerals: 二0二五年 always (when it lies
    in 1900-2099), the Minguo forms 一一四年 and 九十六年 (+1911) only when `minguo` (a page in
    traditional script, or a Taiwanese page): elsewhere 九十六年 is a span of time."""
    found = []
    for m in _CN_YEAR_ONLY.finditer(text) if "年" in text else ():
        if m[1] and 1900 <= (y := _cn_digits(m[1])) <= 2099:
            found.append((m.start(), y))
        elif minguo and m[2] and 100 <= (y := _cn_digits(m[2])) <= 129:
            found.append((m.start(), y + ROC_OFFSET))
        elif minguo and m[3]:
            found.append((m.start(), _cn_number(m[3]) + ROC_OFFSET))
    return found


# a photo's caption ends with its credit: ▲某某。(图/记者某某摄), (圖／某某提供,下同), (图/记者某某摄,2021.4.30),
# (屏東市公所提供), (記者某某攝)
PHOTO_CREDIT = re.compile(
    r"[(（]\s*(?:[图圖]\s*[/／:：][^()（）]{1,40}|[^()（）]{2,24}(?:提供|[翻拍]?[摄攝]))\s*[)）]$"
)


def caption_date(lines: list[str], match: Callable[[str], str], minguo: bool) -> list[DateHint]:
    """The date in the credit of a photo at the top ((圖/記者某某翻攝 , 2017.12.27)), a last resort."""
    for line in lines:
        if (m := PHOTO_CREDIT.search(match(line))) and (found := find_dates(m.group(0), minguo)):
            return [DateHint(found[0][1], "caption", line)]
    return []


# the date a news site writes into an article's address: /2021-12/03/, /202205/01/, /20231213/,
# /2023/0215/, /2020/10/17/, ?date=2024-11-15 (a longer run of digits is an id, no date)
_URL_DATE = re.compile(r"(?<![\d])((?:19|20)\d\d)[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\d|3[01])(?![\d])")


def url_date(uri: str) -> list[DateHint]:
    """The date in the path or query of an article's URL, a last resort when the page gives none
    (the study's pages, excerpts without their page data, date many stories only there)."""
    if not uri.startswith(("http://", "https://")):
        return []
    rest = uri.split("//", 1)[1].partition("/")[2]  # not the host (a domain may hold digits)
    for m in _URL_DATE.finditer(rest):
        if value := _valid(int(m[1]), int(m[2]), int(m[3])):
            return [DateHint(value, "url", uri)]
    return []


PRIORITY = ("labelled", "byline", "meta", "dateline", "signature", "caption", "url")


def pick_published(hints: list[DateHint] | tuple[DateHint, ...]) -> str | None:
    """The article's own date: a labelled date, else the byline's, else the page metadata's, else a
    dateline opening the body, else the date under the signature that closes a notice, else the date
    of the top photo's credit ((圖/記者某某攝,2021.4.30): taken the day of the story), else the date in
    the page's address. Page-header dates (with a weekday, or 今天是…), body and crawl dates are not used."""
    for kind in PRIORITY:
        for h in hints:
            if h.kind == kind:
                return h.value
    return None


_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def settle_order(value: str | None, hints: list[DateHint], text: str) -> str | None:
    """The published date, read month first when its line wrote it a/b/yyyy and the text names that
    day as 6月8日 (发布日期:6/8/2024 above "6月8日,屏东县政府…"). Without such a word it stays day first:
    Vietnamese and Hong Kong sites write day/month/year (05-07-2021 is 5 July)."""
    line = next((h.line for h in hints if h.value == value), None)
    m = _DMY.search(line) if line and value else None
    if m is None or _valid(int(m[3]), int(m[2]), int(m[1])) != value:
        return value
    a, b = int(m[1]), int(m[2])
    if a == b or a > 12 or b > 12:
        return value
    said = {(int(x), int(y)) for x, y in _MONTH_DAY.findall(text)}
    if (a, b) in said and (b, a) not in said:
        return _valid(int(m[3]), a, b)
    return value
