"""Line-level structure: title, date lines and page chrome, for plain text and extracted HTML alike.

Lines are matched in simplified script (`match` converts), but returned in the page's own script.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from normalize.chrome import Chrome, chrome_rules, link_block
from normalize.dates import LABEL, TODAY, WEEKDAY, find_dates
from normalize.records import DateHint

_SPACE = " \t\u3000\xa0\u200b\ufeff"
_SENTENCE_END = ("。", "！", "？", "!", "?", "”", "」", ".", ";", "；")
_HAN = re.compile(r"[\u3400-\u9fff]")
_DATE_PREFIX = re.compile(
    r"date\s+((?:19|20)\d\d-\d\d-\d\d)\s+(?=\S)"
)  # `date 2024-01-22 Title`, a dump's metadata
_DATE_ONLY = re.compile(r"[\d\s:：/年月日.\-|()（）\[\]【】,，]+|(?:中华民国|民国)[\d\s年月日]+")
_BYLINE_LABEL = re.compile(r"来源|作者|编辑|记者|浏览|阅读|点击|字号|发布|nguồn|tác giả|cập nhật", re.I)
_SIGNER = re.compile(r"[办室会局委部厅处院校所站队心府司社团组]$")
MAX_TITLE = 120
MAX_TITLE_LATIN = 250  # a Vietnamese title takes about three times the characters of a Chinese one
MAX_PREAMBLE = 12  # a line above the title (site name 桐川日报, section label) is at most this long
MAX_PREAMBLE_LATIN = 30  # TIN TỨC - SỰ KIỆN
BYLINE_LINES = 4  # the byline is among the first lines of the body


def strip_lines(text: str) -> list[str]:
    return [s for s in (line.strip(_SPACE) for line in text.splitlines()) if s]


def date_line(line: str, minguo: bool = False) -> str | None:
    """The kind of date line this is (page | today | labelled), or None for an ordinary line."""
    if len(line) > 150 or line.endswith(_SENTENCE_END) or not find_dates(line, minguo):
        return None
    if TODAY.match(line) and len(line) <= 40:
        return "today"
    if WEEKDAY.search(line) and len(line) <= 40:
        return "page"
    if LABEL.search(line):
        return "labelled"
    return None


def is_byline(line: str, minguo: bool = False) -> bool:
    """`微观盘龙 2024-01-22`, `原创 某某 2024-01-22 18:05`, `2006-05-17 来源:光明日报`: an account or
    source name and the post date."""
    if len(line) > 80 or line.endswith(_SENTENCE_END) or not find_dates(line, minguo):
        return False
    rest = len(re.sub(r"[\d\s:：/年月日.\-|]", "", line))
    return (len(line) <= 48 and rest <= 20) or (rest <= 40 and _BYLINE_LABEL.search(line) is not None)


def is_date_only(line: str) -> bool:
    return _DATE_ONLY.fullmatch(line) is not None


@dataclass(frozen=True)
class Layout:
    title: str
    lines: list[str]
    dates: list[DateHint]
    boilerplate: int


def _is_title(line: str) -> bool:
    if _HAN.search(line):
        return len(line) <= MAX_TITLE and not line.endswith("。")
    return len(line) <= MAX_TITLE_LATIN and not line.endswith((".", ":", ";"))


def _short(line: str) -> bool:
    return len(line) <= (MAX_PREAMBLE if _HAN.search(line) else MAX_PREAMBLE_LATIN)


def _untitled(
    body: list[str], dated_at: int | None, key: Callable[[str], str], byline: Callable[[str], bool]
) -> tuple[str, int]:
    """Title of a page without one: the first line; but when a date line follows within a few lines
    (`dated_at` body lines precede the first dropped one, or a byline is kept in the body), the first
    long line above it: the short lines above the title are a site name or a section label."""
    at = dated_at or next((i for i, line in enumerate(body[1:BYLINE_LINES], 1) if byline(key(line))), None)
    if at and 1 < at <= BYLINE_LINES:
        best = next((i for i in range(at) if not _short(body[i])), 0)
        if _is_title(body[best]):
            title = body[best]
            del body[: best + 1]
            return title, best
    return (body.pop(0), 0) if len(body) > 1 and _is_title(body[0]) else ("", 0)


def _body(lines: list[str], title: str | None, keys: list[str], rules: Chrome, minguo: bool):
    """Body lines and date hints, without chrome, link blocks, footers and date lines."""
    body: list[str] = []
    dates: list[DateHint] = []
    footer = rules.footer_lines(keys)
    i, dropped, dated_at = 0, 0, None
    while i < len(lines):
        line, key = lines[i], keys[i]
        if rules.heading(key) is not None:
            end = link_block(lines, i, keys)
            dropped += end - i
            i = end
            continue
        kind = date_line(key, minguo)
        if kind == "page" and (title is not None or body) and len(body) <= 2:
            kind = "byline"  # a weekday date under the title is the post's own date (Thứ năm, 05/10/2023 - 14:22)
        if kind is None and not body and is_date_only(key) and find_dates(key, minguo):
            kind = "byline"  # [2023年7月1日] above the first line of the article
        if kind:
            dates.extend(DateHint(d, kind, line) for _, d in find_dates(key, minguo)[:1])
            dropped += 1
            if kind in ("labelled", "byline") and dated_at is None:
                dated_at = len(body)
        elif i in footer or rules.is_chrome(key):
            dropped += 1
        else:
            body.append(line)
        i += 1
    return body, dates, dropped, dated_at


def _signature(body: list[str], match: Callable[[str], str], minguo: bool) -> list[DateHint]:
    """The date that closes a notice: alone on the last line, or right after the signer (…办公室2025年4月14日)."""
    for line in body[-2:][::-1]:
        key = match(line).rstrip("。.")
        found = find_dates(key, minguo)
        if found and (
            is_date_only(key) or (len(key) - found[-1][0] <= 16 and _SIGNER.search(key[: found[-1][0]]))
        ):
            return [DateHint(found[-1][1], "signature", line)]
    return []


def _under_title(date_lines: Sequence[str], match: Callable[[str], str], minguo: bool) -> list[DateHint]:
    """Date hints from the lines an HTML page shows between its title and its text."""
    hints = []
    for line in date_lines:
        key = match(line)
        kind = date_line(key, minguo)
        if kind is None and (is_byline(key, minguo) or is_date_only(key)):
            kind = "byline"
        if kind in ("labelled", "byline") and (found := find_dates(key, minguo)):
            hints.append(DateHint(found[0][1], kind, line))
    return hints


def layout(
    lines: list[str],
    title: str | None,
    match: Callable[[str], str] = str,
    minguo: bool = False,
    date_lines: Sequence[str] = (),
) -> Layout:
    """Split stripped lines into title, body and date hints, dropping chrome and date lines.
    `minguo`: the page is in traditional script, where 113-04-26 is a Minguo date (2024-04-26).
    `date_lines`: lines an HTML page shows between its title and its text (dates only are read)."""
    rules = chrome_rules()
    dates: list[DateHint] = []
    if lines and (m := _DATE_PREFIX.match(lines[0])):
        dates.append(DateHint(m[1], "labelled", lines[0]))
        lines = [lines[0][m.end() :], *lines[1:]]
    if title is not None and (rules.is_chrome(match(title)) or rules.heading(match(title))):
        title = None  # an e-paper's page name (第03版:要闻) or a site's name in <title>
    keys = [match(line) for line in lines]
    body, found, dropped, dated_at = _body(lines, title, keys, rules, minguo)
    dates += found + _under_title(date_lines, match, minguo)
    byline = partial(is_byline, minguo=minguo)
    if title is None and body:
        title, skipped = _untitled(body, dated_at, match, byline)
        dropped += skipped
    for i, line in enumerate(body[:BYLINE_LINES]):
        if byline(match(line)):
            dates.append(DateHint(find_dates(match(line), minguo)[0][1], "byline", line))
            del body[i]
            dropped += 1
            break
    if body and (found := find_dates(match(body[0]), minguo)) and found[0][0] <= 12:
        dates.append(DateHint(found[0][1], "dateline", body[0]))
    return Layout(title or "", body, dates + _signature(body, match, minguo), dropped)
