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

from normalize import shapes
from normalize.credits import without_editors
from normalize.linerules import LineRules, all_needed
from normalize.shapes import chrome_bar, composed_heading, last_paragraph, slogan, toolbar

RULES = Path(__file__).with_name("rules") / "boilerplate.tsv"
MAX_CHROME = 120  # chrome lines are short; longer lines are never tested against the line rules
MAX_PHRASE_LINE = 80
MAX_FOOTER = 200  # a footer line with several parts (主办单位… 承办单位… ICP备…) can be long
MAX_LINK = 60  # a link title in a related-news list; Latin titles may be longer
MAX_LINK_LATIN = 160
MAX_FIELDS = 80  # a line of metadata fields (来源: 作者: 访问量:) is short
MENU_ITEMS = 5  # a menu line has at least this many items (即时 热门 政治 军武 社会 …)
MAX_ITEM = 8  # characters of one menu item
MAX_LATIN_ITEM = 30  # … in a Vietnamese vertical menu, whose items are phrases (Hệ thống bảng biểu báo cáo)
MENU_RUN = 4  # consecutive one-item lines that make a menu (• 热门 / • 健康 / • 房地产 / …)
MAX_TAIL_WORDS = 8  # a heading with a word added to a heading word (房地产相关新闻) is this short
MIN_TAIL = 4  # heading words found inside a longer heading have at least this many characters
MIN_PARAGRAPH = 15  # a line this long with a sentence mark inside is a paragraph: the page head ends there
MIN_BODY = 40  # a line this long that holds a full stop opens the article body
INDEX_REACH = 4  # the title is at most this many lines above the body's first long paragraph
INDEX_GAP = 3  # lines from the title's entry in a page's list of articles down to the title itself
_DASH_MARK = re.compile(r"^-\s+")  # a dash that marks an item, as • does
_ITEM_BULLET = re.compile(r"^[-·•●▪*]\s*")  # the bullet of a list's item (* Mời quý độc giả…)
_ITEM_SPLIT = re.compile(r"[\s|｜/•·]+")
_LATIN_SPLIT = re.compile(r"\s*[|｜/•·]+\s*")  # Latin words are short: only marks part a Latin menu
_CLAUSE = re.compile(r"[。，,、；;！？!?]")  # marks of running text (a title may have quotes and colons)
_PUNCT = re.compile(r"[。，,、；;！？!?：:（）()“”\"]")
_LEFTOVER = re.compile(r"[\W\d_丨]+")  # 丨 is a Han character sites use as a bar
_HEADING_MARKS = "【】[]<>《》()（）:：|｜>»›-—·•●■▪◆*#\u3000 "
_HEADING_SPLIT = re.compile(r"[:：]")
_SENTENCE_END = ("。", "！", "？", "!", "?", ".", ";", "；", "…")
_LIST_MARK = re.compile(r"^\s*(?:[-·•●■▪◆>»]|\d{1,2}[.、)])\s*")
_HAN = re.compile(r"[\u3400-\u9fff]")
_YEAR = re.compile(r"(?:19|20)\d\d")
# numbers alone on a line in the page head: counters (76547 4151, - 274, 1,498), a year alone aside
_COUNTERS = re.compile(
    r"[-·•]?\s*(?!(?:19|20)\d\d$)(?:\d{1,3}(?:[,.]\d{3})+|\d+)(?:\s+(?:\d{1,3}(?:[,.]\d{3})+|\d+))*"
)
# an author's credit as county media set it, behind a bar with its label spaced out (| 记 者:某某)
_SPACED_LABEL = re.compile(r"^(?:[|｜]\s*)?(记\s*者|作\s*者|摄\s*影)\s*([:：])")
_OWNER = re.compile(r"主办|主管|承办")  # the site's owner, named only in a footer
MAX_BROKEN = 12  # the end of a footer sentence a line break cut off (观点。)
OWNER_BLOCK = 2  # lines with weaker footer marks that end a page and name its owner are its footer
_LONE_BAR = re.compile(r"(?<=\S)\s+[|｜]$")  # one bar after a space at the end of a line
MAX_TRAIL = 60  # characters of page data glued to the end of a line (share buttons, a photo's source)
_HAS_LABEL = re.compile(r"[:：]\s*\S")  # a label with its value (审核:某某); 声明: alone heads a footer
_ITEM_COLON = re.compile(r"[:：](?=\s*[|｜])")  # a colon closing an item of a bar-separated menu
MIN_SPARED = 3  # a heading, a link and the headline: a block this long may end with the headline
MIN_HEADLINE = 8  # characters of a headline spared from a block of links
TAIL_STRAYS = 3  # short lines among the chrome under the article that are taken for more chrome
MAX_STRAY = 16  # characters of such a line (a caption, 某公司某班组荣获某称号, is longer)
MAX_STRAY_LATIN = 40


@dataclass(frozen=True)
class Chrome:
    lines: frozenset[str]
    pattern: LineRules  # the regex rules, each tried only on lines with a character it needs
    tails: frozenset[str]
    long_tails: tuple[str, ...]  # the Chinese heading words a longer heading may start or end with
    phrases: re.Pattern  # chrome words, longest first
    has_phrase: LineRules  # the same words, for a quick test of a line
    alien: re.Pattern  # a letter of none of the chrome words
    footer: re.Pattern  # a line with one of these is a footer line
    near_footer: re.Pattern  # a line with one of these is a footer line when it touches the footer
    fields: re.Pattern  # metadata labels (来源:, 作者:, 访问量:): a short line of two or more is page data
    trail: re.Pattern  # page data glued to the end of a paragraph (…炼成的—— N02 |, …动力。①9)
    trail_chars: frozenset[str] | None  # a line's end without one of these holds no such data
    tail_re: LineRules  # headings of a block of links that vary by site (更多自由时报报导)
    late_tails: frozenset[str]  # marks that open the sidebar only below article text (::: on Taiwan sites)

    def trim(self, line: str) -> str:
        """The line without page data glued to its end, and an author's credit written the way county
        media set it (| 记 者:某某) in plain form (记者:某某), so that it reads as the credit it is."""
        if line[:1] in "|｜" or line[1:2] == " ":
            line = _SPACED_LABEL.sub(lambda m: "".join(m[1].split()) + m[2], line)  # 审 核: is chrome
        line = without_editors(line)  # 记者 某某 编辑 某某: the site's editors close the credit
        if line.endswith(_SENTENCE_END):
            return line
        start = max(0, len(line) - MAX_TRAIL)  # the data is glued to the end
        if self.trail_chars is not None and self.trail_chars.isdisjoint(line[start:]):
            return line
        m = self.trail.search(line, start)
        return line[: m.start()] if m else line

    def is_chrome(self, line: str) -> bool:
        line = self.trim(line) if line else line
        if line.endswith(("|", "｜")) and _LONE_BAR.search(line) and line.count("|") + line.count("｜") == 1:
            line = _LONE_BAR.sub("", line)  # a table cell's border: 关键词:文安,道德 |
        if len(line) > MAX_CHROME or shapes.ticker(line):
            return shapes.long_chrome(line)  # a long bare link, a news ticker
        bare = _ITEM_BULLET.sub("", line)  # - 上一篇:某某: a link list's bullet before a chrome line
        if line in self.lines or any(self.pattern.fullmatch(x) for x in {line, bare}):
            return True
        if _YEAR.search(line) is None and self.is_fields(line):
            return True  # a dated one is the byline, which gives the page its date
        if (
            len(line) > MAX_PHRASE_LINE
            or len(self.alien.findall(line)) > 3
            or not self.has_phrase.search(line)
        ):
            return False  # alien: letters in no chrome word, which removing chrome words leaves
        leftover = _LEFTOVER.sub("", self.phrases.sub("", line))
        return len(leftover) <= 3

    def is_fields(self, line: str) -> bool:
        """A short line of two or more metadata fields (来自:上海市人民政府 作者:上海要闻 访问量:1620)."""
        return (
            len(line) <= MAX_FIELDS
            and not line.endswith(_SENTENCE_END)
            and len(self.fields.findall(line)) >= 2
        )

    def heading(self, line: str, late: bool = False) -> str | None:
        """The related-links heading this line is (【相关新闻】, 推荐阅读：某某文章), or None. `late`: the
        line comes below some article text, where a region mark (:::) opens the sidebar."""
        if len(line) > MAX_LINK_LATIN:
            return None
        if late and line in self.late_tails:
            return line
        bare = line.strip(_HEADING_MARKS)
        if bare.lower() in self.tails or self.tail_re.fullmatch(bare):  # TIN LIÊN QUAN, Tin liên quan
            return bare
        head = _HEADING_SPLIT.split(bare, maxsplit=1)[0].strip(_HEADING_MARKS)
        if head != bare and (head.lower() in self.tails or composed_heading(head)):
            return head
        return self._tail_inside(bare) or (bare if composed_heading(bare) else None)

    def _tail_inside(self, bare: str) -> str | None:
        """A short Chinese heading that starts or ends with a heading word (房地产相关新闻,
        相关阅读推荐): a section's related list, or the same list with a word added."""
        if len(bare) > MAX_TAIL_WORDS or not _HAN.match(bare):
            return None
        for n in range(len(bare) - 1, MIN_TAIL - 1, -1):  # a composed heading (热门资讯) at either end
            for part in (bare[:n], bare[-n:]):
                if composed_heading(part):
                    return part
        if not bare.startswith(self.long_tails) and not bare.endswith(self.long_tails):
            return None
        for tail in self.tails:
            if len(tail) >= MIN_TAIL and _HAN.match(tail) and (bare.startswith(tail) or bare.endswith(tail)):
                return tail
        return None

    def footer_lines(self, lines: list[str]) -> set[int]:
        """Indices of footer lines: a footer mark, or a weaker mark on a line next to a footer line."""
        text = "\n".join(lines)  # one search over the page, not one per line
        starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
        found = set()
        for m in self.footer.finditer(text):
            i = bisect_right(starts, m.start()) - 1
            if len(lines[i]) <= MAX_FOOTER:
                found.add(i)
        found |= self._owner_block(lines)
        grown = True
        while grown:
            grown = False
            for i in sorted(found):
                for j in (i - 1, i + 1):
                    if j not in found and 0 <= j < len(lines) and self._near(lines[j]):
                        found.add(j)
                        grown = True
        # a short piece between the footer and a footer or chrome line above it is the end of a footer
        # sentence broken over lines (不代表某某 / 观点。 / 刊用本网站稿件…)
        found |= {
            i - 1
            for i in found
            if i >= 2
            and i - 1 not in found
            and len(lines[i - 1]) <= MAX_BROKEN
            and not _HAS_LABEL.search(lines[i - 1])  # 【内容审核:某某】 is a credit, no broken sentence
            and (i - 2 in found or self.is_chrome(lines[i - 2]))
        }
        return found

    def _owner_block(self, lines: list[str]) -> set[int]:
        """The lines that end the page when all of them have a weaker footer mark and one names the
        site's owner (主办:… / 主管:… / 承办:… / 举报电话:…): a footer without a copyright line."""
        start = len(lines)
        while start > 0 and self._near(lines[start - 1]):
            start -= 1
        block = range(start, len(lines))
        if len(block) >= OWNER_BLOCK and any(_OWNER.search(lines[i]) for i in block):
            return set(block)
        return set()

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
    if all(is_link(k) for k in rest):
        return len(lines)
    # past the middle, but only below some article text: a heading in a toolbar above the first
    # paragraph of a short page (- 加入收藏 / - 发表评论 / - 语音阅读) does not end the page
    if start >= len(lines) // 2 and any(is_paragraph(k) for k in keys[:start]):
        return len(lines)
    end = start + 1
    while end < len(lines) and is_link(keys[end]):
        end += 1
    return _spare_headline(keys, start, end)


def _spare_headline(keys: list[str], start: int, end: int) -> int:
    """End of a block at the head of the page that runs into the first paragraph: its last line is
    the article's headline, short and unpunctuated like the links above it (熱門文章 / ad labels /
    本縣…8名將接受表揚 / 【本報訊】為表彰…), and stays."""
    if end >= len(keys) or end - start < MIN_SPARED or len(keys[end - 1]) < MIN_HEADLINE:
        return end
    if not is_paragraph(keys[end]) or any(_prose(k) for k in keys[:start]):
        return end
    return end - 1


def _prose(line: str) -> bool:
    """Article text above a block: a paragraph, in Chinese one with a full stop (a site's slogan at
    the top, 某某日報提供在地新聞、…等!, has commas but is no text)."""
    return is_paragraph(line) and ("。" in line or _HAN.search(line) is None)


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
            if kind in ("regex", "footer", "near_footer", "trail", "tail_regex"):
                re.compile(pattern)  # a broken rule fails here, naming itself
            kinds.setdefault(kind, []).append(pattern)
    return Chrome(
        frozenset(kinds.get("line", [])),
        LineRules(kinds.get("regex", []), re.I),
        frozenset(t.lower() for t in kinds.get("tail", [])),
        tuple(t.lower() for t in kinds.get("tail", []) if len(t) >= MIN_TAIL and _HAN.match(t.lower())),
        _alternation(kinds.get("phrase", []), escape=True),
        LineRules(list(map(re.escape, kinds.get("phrase", []))), re.I),
        re.compile(f"[^{re.escape(''.join(set(''.join(kinds.get('phrase', [])))))}\\W\\d_丨]", re.I),
        _alternation(kinds.get("footer", []), escape=False, flags=0, group=False),
        _alternation(kinds.get("near_footer", []), escape=False, flags=0, group=False),
        re.compile(
            rf"(?:{'|'.join(map(re.escape, kinds.get('field', [])))})\s*[:：]"
            if kinds.get("field")
            else "(?!)"
        ),
        re.compile(f"(?:{'|'.join(kinds.get('trail', [])) or '(?!)'})$"),
        all_needed(kinds.get("trail", []), 0),
        LineRules(kinds.get("tail_regex", []), re.I),
        frozenset(kinds.get("late_tail", [])),
    )


def is_paragraph(line: str) -> bool:
    """A line of running text: long enough, with a sentence mark inside; or one that announces a list
    (决定对以下8名同志予以通报表彰：)."""
    if line.endswith((":", "：")) and len(line) > MAX_ITEM:
        return True
    return len(line) >= MIN_PARAGRAPH * (1 if _HAN.search(line) else 3) and _CLAUSE.search(line) is not None


def _items(line: str) -> list[str]:
    return [t for t in (_ITEM_SPLIT if _HAN.search(line) else _LATIN_SPLIT).split(line) if t]


def _menu_item(line: str) -> bool:
    """One short item without punctuation: a line of a vertical menu (• 热门, - 积分)."""
    items = _items(_DASH_MARK.sub("", line))
    most = MAX_ITEM if _HAN.search(line) else MAX_LATIN_ITEM
    return len(items) == 1 and len(items[0]) <= most and _PUNCT.search(line) is None


def _head_end(keys: list[str], is_chrome) -> int:
    """Index of the first paragraph: the page head (menus, site name, slogan) is above it."""
    return next((i for i, k in enumerate(keys) if is_paragraph(k) and not is_chrome(k)), len(keys))


def site_header(keys: list[str], footer: set[int], is_chrome) -> set[int]:
    """The lines above a footer line that comes before the first paragraph (site name, slogan,
    © 2023 Siêu thị PDF): a site header that carries its copyright line, not the article. A sentence
    above it (a short page's only paragraph) means the footer closes the article instead."""
    first = min(footer, default=len(keys))
    if first >= _head_end(keys, is_chrome) or any(k.endswith(_SENTENCE_END) for k in keys[:first]):
        return set()
    return set(range(first))


def head_menus(keys: list[str], is_chrome) -> set[int]:
    """Menu lines at the head of the page, above its first paragraph: a line of many short items
    (即时 热门 政治 军武 社会 …), or a run of one-item lines (• 热门 / • 健康 / …). Below the first
    paragraph such lines are article text (a list of names, a poem), so only the head is looked at."""
    end = _head_end(keys, is_chrome)
    # 76547 4151: views and replies; 喜迎二十大 忠诚保平安 奋进新征程: the site's banner slogan
    found = {i for i in range(end) if _COUNTERS.fullmatch(keys[i]) or slogan(keys[i])}
    found |= {i for i in range(end) if ("|" in keys[i] or "｜" in keys[i]) and chrome_bar(keys[i], is_chrome)}
    for i in range(end):
        line = _ITEM_COLON.sub("", keys[i])  # 188比分直播:| a menu item with a colon after it
        items = _items(line)
        if (
            len(items) >= MENU_ITEMS
            and _PUNCT.search(line) is None
            and max(map(len, items)) <= MAX_ITEM
            and sum(map(len, items)) / len(items) <= MAX_ITEM / 2 + 1
        ):
            found.add(i)
    i = 0
    while i < end:
        j = i
        while j < end and _menu_item(keys[j]):
            j += 1
        if j - i >= MENU_RUN:
            found.update(range(i, j))
        i = max(j, i + 1)
    return found


def page_index(keys: list[str], is_chrome) -> int | None:
    """Where the title is when it is also listed higher up: everything above it is an e-paper's or a
    site's list of the page's articles (· 那些光荣的名字,始终铭记 / · 其他文章 …) and the chrome around it."""
    body = next(
        (i for i, k in enumerate(keys) if len(k) >= MIN_BODY and "。" in k and not is_chrome(k)), None
    )
    if body is None:
        return None
    for j in range(max(1, body - INDEX_REACH), body):
        title = keys[j].strip(_HEADING_MARKS)
        if len(title) < 3 or is_chrome(keys[j]) or title.endswith(_SENTENCE_END):
            continue
        # the list is under a page header and a few lines above the title: the title on the first
        # line, or repeated close under itself with a subtitle between, is the <title> and the <h1>
        if any(
            _LIST_MARK.sub("", keys[i]).strip(_HEADING_MARKS) == title for i in range(1, j - INDEX_GAP + 1)
        ):
            return j
    return None


def tail_strays(keys: list[str], kept: list[int], is_chrome) -> set[int]:
    """Short lines left among the chrome below the article (分享 / 桥梁工程领域2 / 客户端 / a sidebar's
    label between two toolbars): below the last paragraph, right under a chrome line with words (a
    separator or a photo's file name may stand above a short list or captions), with only chrome
    and at most TAIL_STRAYS such lines after them to the end of the page, they are the page's too."""
    end = last_paragraph(keys, kept, is_paragraph)
    if not end:
        return set()
    tail = kept[end:]
    for n, i in enumerate(tail):
        if len(tail) - n > TAIL_STRAYS:
            continue
        if (tail[n - 1] if n else kept[end - 1]) == i - 1 or not toolbar(keys[i - 1], is_chrome):
            continue
        if all(_stray(keys[j]) for j in tail[n:]):
            return set(tail[n:])
    return set()


def _stray(line: str) -> bool:
    """A line short enough to be a button, a link or a label, and no credit (【内容审核:某某】)."""
    most = MAX_STRAY if _HAN.search(line) else MAX_STRAY_LATIN
    return len(line) <= most and not _HAS_LABEL.search(line) and not line.endswith(_SENTENCE_END)
