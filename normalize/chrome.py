"""Page chrome: the lines of a page that are not the article (rules in rules/boilerplate.tsv).

Three shapes, all seen on real pages:
- a chrome line (share bars, breadcrumbs, e-paper headers, view counters, image file names);
- a block of links under a heading (相关新闻, 推荐阅读, 本版其他文章, Tin liên quan): the heading and
  the short link lines under it. A short article with a long related list has its heading in the
  first half of the page, so the block is found by what follows the heading, not by where it is;
- a footer: lines with a footer mark (京ICP备, 版权所有, Copyright, Bản quyền thuộc về), and the lines
  next to them with a weaker mark (主办单位, 联系电话, Địa chỉ) that alone would be article text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

RULES = Path(__file__).with_name("rules") / "boilerplate.tsv"
MAX_CHROME = 120  # chrome lines are short; longer lines are never tested against the line rules
MAX_PHRASE_LINE = 80
MAX_FOOTER = 200  # a footer line with several parts (主办单位… 承办单位… ICP备…) can be long
MAX_LINK = 60  # a link title in a related-news list; Latin titles may be longer
MAX_LINK_LATIN = 160
_LEFTOVER = re.compile(r"[\W\d_丨]+")  # 丨 is a Han character sites use as a bar
_HEADING_MARKS = "【】[]<>《》()（）:：|｜>»›-—·•●■▪◆*#\u3000 "
_HEADING_SPLIT = re.compile(r"[:：]")
_SENTENCE_END = ("。", "！", "？", "!", "?", ".", ";", "；", "…")
_LIST_MARK = re.compile(r"^\s*(?:[-·•●■▪◆>»]|\d{1,2}[.、)])\s*")
_HAN = re.compile(r"[\u3400-\u9fff]")
_URL = re.compile(r"https?://\S+")


@dataclass(frozen=True)
class Chrome:
    lines: frozenset[str]
    pattern: re.Pattern  # all regex rules as one alternation
    tails: frozenset[str]
    phrases: re.Pattern  # chrome words, longest first
    footer: re.Pattern  # a line with one of these is a footer line
    near_footer: re.Pattern  # a line with one of these is a footer line when it touches the footer

    def is_chrome(self, line: str) -> bool:
        if len(line) > MAX_CHROME:
            return _URL.fullmatch(line) is not None  # a long bare link (tracking data in its query)
        if line in self.lines or self.pattern.fullmatch(line) is not None:
            return True
        if len(line) > MAX_PHRASE_LINE or not self.phrases.search(line):
            return False
        leftover = _LEFTOVER.sub("", self.phrases.sub("", line))
        return len(leftover) <= 3

    def heading(self, line: str) -> str | None:
        """The related-links heading this line is (【相关新闻】, 推荐阅读：某某文章), or None."""
        if len(line) > MAX_LINK_LATIN:
            return None
        bare = line.strip(_HEADING_MARKS)
        if bare.lower() in self.tails:  # TIN LIÊN QUAN as well as Tin liên quan
            return bare
        head = _HEADING_SPLIT.split(bare, maxsplit=1)[0].strip(_HEADING_MARKS)
        return head if head != bare and head.lower() in self.tails else None

    def footer_lines(self, lines: list[str]) -> set[int]:
        """Indices of footer lines: a footer mark, or a weaker mark on a line next to a footer line."""
        text = "\n".join(lines)  # one search over the page, not one per line
        starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
        found = set()
        for m in self.footer.finditer(text):
            i = bisect_right(starts, m.start()) - 1
            if len(lines[i]) <= MAX_FOOTER:
                found.add(i)
        grown = True
        while grown:
            grown = False
            for i in sorted(found):
                for j in (i - 1, i + 1):
                    if j not in found and 0 <= j < len(lines) and self._near(lines[j]):
                        found.add(j)
                        grown = True
        return found

    def _near(self, line: str) -> bool:
        return len(line) <= MAX_FOOTER and self.near_footer.search(line) is not None


def is_link(line: str) -> bool:
    """Does the line read like the title of a linked article (short, no sentence end), or a list item?"""
    if _LIST_MARK.match(line) and len(line) <= MAX_LINK_LATIN:
        return True
    most = MAX_LINK if _HAN.search(line) else MAX_LINK_LATIN
    return len(line) <= most and not line.rstrip().endswith(_SENTENCE_END)


def link_block(lines: list[str], start: int, keys: list[str]) -> int:
    """End of the related-links block whose heading is at `start`: the heading, then link lines.
    Past the middle of the page, or when only links follow, the block runs to the end of the page."""
    rest = keys[start + 1 :]
    if start >= len(lines) // 2 or all(is_link(k) for k in rest):
        return len(lines)
    end = start + 1
    while end < len(lines) and is_link(keys[end]):
        end += 1
    return end


def _alternation(patterns: list[str], escape: bool, flags: int = re.I, group: bool = True) -> re.Pattern:
    """One regex for a list of rules. Searched patterns are joined without groups and flags, so that
    the regex engine can skip ahead to a possible first character (seven times faster on a page)."""
    parts = sorted(patterns, key=len, reverse=True) if escape else patterns
    body = "|".join(re.escape(p) if escape else f"(?:{p})" if group else p for p in parts)
    return re.compile(body or "(?!)", flags)


@cache
def chrome_rules(path: Path = RULES) -> Chrome:
    kinds: dict[str, list[str]] = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            kind, pattern = row.split("\t")[:2]
            if kind in ("regex", "footer", "near_footer"):
                re.compile(pattern)  # a broken rule fails here, naming itself
            kinds.setdefault(kind, []).append(pattern)
    return Chrome(
        frozenset(kinds.get("line", [])),
        _alternation(kinds.get("regex", []), escape=False),
        frozenset(t.lower() for t in kinds.get("tail", [])),
        _alternation(kinds.get("phrase", []), escape=True),
        _alternation(kinds.get("footer", []), escape=False, flags=0, group=False),
        _alternation(kinds.get("near_footer", []), escape=False, flags=0, group=False),
    )
