"""Line-level structure: title, date lines and page chrome, for plain text and extracted HTML alike.

Lines are matched in simplified script (`match` converts), but returned in the page's own script.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from normalize.dates import LABEL, WEEKDAY, find_dates
from normalize.records import DateHint

RULES = Path(__file__).with_name("rules") / "boilerplate.tsv"
_SPACE = " \t\u3000\xa0\u200b\ufeff"
_SENTENCE_END = ("。", "！", "？", "!", "?", "”", "」", ".", ";", "；")


MAX_CHROME = 120  # chrome lines are short; longer lines are never tested against the rules


MAX_PHRASE_LINE = 80
_LEFTOVER = re.compile(r"[\W\d_]+")


@dataclass(frozen=True)
class Chrome:
    lines: frozenset[str]
    pattern: re.Pattern  # all regex rules as one alternation
    tails: frozenset[str]
    phrases: re.Pattern  # chrome words, longest first

    def is_chrome(self, line: str) -> bool:
        if len(line) > MAX_CHROME:
            return False
        if line in self.lines or self.pattern.fullmatch(line) is not None:
            return True
        if len(line) > MAX_PHRASE_LINE or not self.phrases.search(line):
            return False
        leftover = _LEFTOVER.sub("", self.phrases.sub("", line))
        return len(leftover) <= 3


@cache
def chrome_rules(path: Path = RULES) -> Chrome:
    lines, regexes, tails, phrases = set(), [], set(), []
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            kind, pattern = row.split("\t")[:2]
            if kind == "line":
                lines.add(pattern)
            elif kind == "regex":
                re.compile(pattern)  # a broken rule fails here, naming itself
                regexes.append(pattern)
            elif kind == "tail":
                tails.add(pattern)
            elif kind == "phrase":
                phrases.append(pattern)
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return Chrome(
        frozenset(lines),
        re.compile("|".join(f"(?:{r})" for r in regexes), re.I),
        frozenset(tails),
        re.compile(alternation, re.I),
    )


def strip_lines(text: str) -> list[str]:
    return [s for s in (line.strip(_SPACE) for line in text.splitlines()) if s]


def date_line(line: str) -> str | None:
    """The kind of date line this is (page | labelled), or None for an ordinary line."""
    if len(line) > 150 or not find_dates(line) or line.endswith(_SENTENCE_END):
        return None
    if WEEKDAY.search(line) and len(line) <= 40:
        return "page"
    if LABEL.search(line):
        return "labelled"
    return None


def is_byline(line: str) -> bool:
    """`微观盘龙 2024-01-22`, `原创 某某 2024-01-22 18:05`: an account name and the post date."""
    found = find_dates(line)
    return (
        bool(found)
        and len(line) <= 48
        and not line.endswith(_SENTENCE_END)
        and len(re.sub(r"[\d\s:：/年月日.-]", "", line)) <= 20
    )


@dataclass(frozen=True)
class Layout:
    title: str
    lines: list[str]
    dates: list[DateHint]
    boilerplate: int


def layout(lines: list[str], title: str | None, match: Callable[[str], str] = str) -> Layout:
    """Split stripped lines into title, body and date hints, dropping chrome and date lines."""
    rules = chrome_rules()
    body: list[str] = []
    dates: list[DateHint] = []
    dropped = 0
    for i, line in enumerate(lines):
        key = match(line)
        if key in rules.tails and i >= len(lines) // 2:
            dropped += len(lines) - i
            break
        kind = date_line(key)
        if kind == "page" and (title is not None or body) and len(body) <= 2:
            kind = "byline"  # a weekday date under the title is the post's own date (Thứ năm, 05/10/2023 - 14:22)
        if kind:
            dates.extend(DateHint(d, kind, line) for _, d in find_dates(key)[:1])
            dropped += 1
        elif rules.is_chrome(key):
            dropped += 1
        else:
            body.append(line)
    if title is None and body:
        title = body.pop(0) if len(body[0]) <= 120 and not body[0].endswith("。") else ""
    for i, line in enumerate(body[:2]):
        if is_byline(match(line)):
            dates.append(DateHint(find_dates(match(line))[0][1], "byline", line))
            del body[i]
            dropped += 1
            break
    if body and (found := find_dates(match(body[0]))) and found[0][0] <= 12:
        dates.append(DateHint(found[0][1], "dateline", body[0]))
    return Layout(title or "", body, dates, dropped)
