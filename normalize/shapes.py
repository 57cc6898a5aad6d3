"""Page chrome found by its shape, not by a site's wording (issue 11: a site never read is cleaned too).

Rules that name one site's chrome (更多自由时报报导, 精彩热图) clean the pages they were written on
and little else. These tests read the kind of line instead:
- a related-list heading composed of list words (rules/boilerplate.tsv, `list_mark` and `list_noun`):
  热门资讯, 最新动态, 相关推荐, 精选文章 are headings of the same block whatever site they are on, as
  long as every part of the line is such a word and one of them marks a list (相关, 热门, 最新, 更多);
- a block of headlines that ends the page below a toolbar (the share bar under the article, then
  the titles of other stories): short, unpunctuated, no credit or label among them;
- below the last paragraph, a lone bar menu (首页 | 联系我们) or a bare counter (1,498), and a run of
  listed questions that ends the page (a Q&A site's other questions);
- the captions of an ad carousel, the short lines right above an ad slot's label (厂商广告);
- above the first paragraph, a banner slogan of parallel phrases (喜迎二十大 忠诚保平安 奋进新征程).
Each was checked to keep article text on the study set's dev half and the annotated set: a table's
rows, a list under a separator line and photo captions stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

RULES = Path(__file__).with_name("rules") / "boilerplate.tsv"
MAX_COMPOSED = 10  # characters of a composed heading (热门新闻推荐)
MIN_WORDS = 2
MIN_ALONE = 4  # a list mark this long is a heading alone (猜你喜欢)
_MARK_CHARS = r"\s·•|｜/、:：>»›\-—_【】\[\]《》()（）<>"
_MARKS = re.compile(f"[{_MARK_CHARS}]+")
# more than MAX_COMPOSED characters besides the marks: found after the first few, not by removing all
_OVER = re.compile(f"[{_MARK_CHARS}]*(?:[^{_MARK_CHARS}][{_MARK_CHARS}]*){{{MAX_COMPOSED + 1}}}")
MIN_HEADLINES = 2  # lines of a block of other stories under the share bar
MIN_HEADLINE = 8  # characters of another story's headline (a caption or a name is often shorter)
MAX_HEADLINE = 60
_SENTENCE_END = ("。", "！", "？", "!", "?", ".", ";", "；", "…", ":", "：")
SLOGAN_PARTS = 3  # parallel phrases of a banner slogan (喜迎二十大 忠诚保平安 奋进新征程 建功新时代)
# one phrase: longer than a name (two or three characters, four with a compound surname) or a township
_SLOGAN_PART = re.compile(r"[\u4e00-\u9fff]{4,7}")
# a field's label (记者:某某, 附件:某某, 一等奖:某某): a credit or a list entry, no headline; a colon after
# a name (某市长:感谢市民) is a headline's
_LABEL = re.compile(
    r"(?:来源|作者|编辑|责编|记者|通讯员|审核|校对|摄影|联系|电话|地址|邮箱|附件|奖|名单|称号|单位)\s*[:：]"
)
_HAN = re.compile(r"[\u3400-\u9fff]")


@cache
def _words() -> tuple[frozenset[str], frozenset[str], int]:
    """(list marks, list nouns, the longest word's length) from the rules file."""
    marks, nouns = set(), set()
    for row in RULES.read_text(encoding="utf-8").splitlines():
        kind, _, rest = row.partition("\t")
        if kind in ("list_mark", "list_noun"):
            (marks if kind == "list_mark" else nouns).add(rest.split("\t")[0])
    return frozenset(marks), frozenset(nouns), max(map(len, marks | nouns), default=0)


def composed_heading(bare: str) -> bool:
    """Is this short Chinese line made only of list words, one of them a list mark (热门资讯, 相关推荐,
    最新 文章)? Read longest word first from the left; a character in no list word makes it text."""
    if len(bare) > MAX_COMPOSED and _OVER.match(bare):
        return False  # a line of text: most lines that reach here
    text = _MARKS.sub("", bare)
    if not text or len(text) > MAX_COMPOSED or not _HAN.match(text):
        return False
    marks, nouns, longest = _words()
    i, found, marked = 0, 0, False
    while i < len(text):
        for n in range(min(longest, len(text) - i), 0, -1):
            piece = text[i : i + n]
            if piece in marks or piece in nouns:
                marked = marked or piece in marks
                found += 1
                i += n
                break
        else:
            return False
    return marked and (found >= MIN_WORDS or len(text) >= MIN_ALONE)


def _headline(line: str, credit: Callable[[str], bool]) -> bool:
    """Another story's title: short, unpunctuated at its end, no label or credit."""
    return (
        MIN_HEADLINE <= len(line) <= MAX_HEADLINE
        and not line.endswith(_SENTENCE_END)
        and not _LABEL.search(line)
        and not credit(line)
    )


def last_paragraph(keys: list[str], kept: list[int], is_paragraph) -> int:
    """How many of the kept lines run to the article's last paragraph (0: there is none)."""
    end = len(kept)
    while end and not is_paragraph(keys[kept[end - 1]]):
        end -= 1
    return end


def headline_tail(keys: list[str], kept: list[int], is_chrome, is_paragraph, credit) -> set[int]:
    """The kept lines that end the page, one under the other, right under a chrome line below the
    last paragraph, when every one of them reads as another story's headline: the related block of a
    site whose heading we do not know (分享 / 某地活动开锣 市长:感谢市民 / 打造某某廊道 某某争取经费).
    Captions between photos are parted by the photos' file names, and stay."""
    end = last_paragraph(keys, kept, is_paragraph)
    if not end:
        return set()
    tail = kept[end:]
    start = len(tail)
    while (
        start
        and _headline(keys[tail[start - 1]], credit)
        and (start == len(tail) or tail[start] == tail[start - 1] + 1)
    ):
        start -= 1
    block = tail[start:]
    if len(block) < MIN_HEADLINES or block[0] - 1 in kept or not toolbar(keys[block[0] - 1], is_chrome):
        return set()
    return set(block)


# a photo's file name, or a separator drawn with marks (★★★, -----): a photo's captions or a list may
# follow; an attached file's name (Đính kèm: x.signed.pdf): the author's line may follow
_NOT_TOOLBAR = re.compile(r"\.(?:jpe?g|png|gif|bmp|webp|pdf|docx?|xlsx?|zip|rar)\b|^\W{3,}$", re.I)


def toolbar(line: str, is_chrome) -> bool:
    """A chrome line with words (分享, 【打印】【关闭】, Chia sẻ): a toolbar that closes the article."""
    return is_chrome(line) and not _NOT_TOOLBAR.search(line)


# a bar of short items (首页 | 关于我们 | 联系我们, Trang chủ | Liên hệ): bars only, for names are
# listed with spaces and middle dots
_BAR = re.compile(r"\s*[|｜]\s*")
MENU_ITEMS = 3
MAX_ITEM = 12
MAX_ITEM_LATIN = 30
_ITEM_PUNCT = re.compile(r"[。，,、；;！？!?：:]")
_COUNTER = re.compile(r"[-·•]?\s*(?:\d{1,3}(?:[,.]\d{3})+|\d+)(?:\s+(?:\d{1,3}(?:[,.]\d{3})+|\d+))*")


def _bar_menu(line: str) -> bool:
    """Three or more short unpunctuated items parted by bars."""
    items = [t for t in _BAR.split(line) if t]
    return (
        len(items) >= MENU_ITEMS
        and line.count("|") + line.count("｜") >= MENU_ITEMS - 1
        and max(map(len, items)) <= MAX_ITEM
        and not _ITEM_PUNCT.search(line)
    )


def chrome_bar(line: str, is_chrome) -> bool:
    """Short unpunctuated items parted by bars, one of them a chrome line (Đăng ký mua gói ấn phẩm|Đăng
    nhập): a header's links, however few."""
    items = [t for t in _BAR.split(line) if t]
    return (
        len(items) >= 2
        and max(map(len, items)) <= MAX_ITEM_LATIN
        and not _ITEM_PUNCT.search(line)
        and any(is_chrome(t) for t in items)
    )


def tail_widgets(keys: list[str], kept: list[int], is_paragraph) -> set[int]:
    """Kept lines below the last paragraph that are a bar menu (the footer's links) or a bare
    counter (1,498: views); above the text the head's own tests find them (chrome.head_menus). A
    menu is one line: a line with bars next to another is a row of a table (序号 | 姓名 | 单位)."""
    end = len(kept)
    while end and not is_paragraph(keys[kept[end - 1]]):
        end -= 1
    if not end:
        return set()
    return {i for i in kept[end:] if _COUNTER.fullmatch(keys[i]) or (_bar_menu(keys[i]) and _alone(keys, i))}


def _alone(keys: list[str], i: int) -> bool:
    return not any(_BAR.search(keys[j]) for j in (i - 1, i + 1) if 0 <= j < len(keys))


# an item of a list of other questions (- Mức thưởng Giấy khen là bao nhiêu?, - 某某怎么申请?)
_QUESTION = re.compile(r"[-•·*]\s*\S.{3,150}[?？]")
MIN_QUESTIONS = 3


def question_list(keys: list[str], kept: list[int]) -> set[int]:
    """The run of listed questions, one under the other, that ends the kept lines of a page (a Q&A
    site's links to other questions); `kept` is in page order. An article's own list of questions
    is followed by their answers."""
    start = len(kept)
    while (
        start
        and _QUESTION.fullmatch(keys[kept[start - 1]])
        and (start == len(kept) or kept[start] == kept[start - 1] + 1)
    ):
        start -= 1
    return set(kept[start:]) if len(kept) - start >= MIN_QUESTIONS else set()


# the label of an ad slot (广告, 厂商广告, Advertisement, Quảng cáo, 推广)
_AD_LABEL = re.compile(
    r"(?:厂商|赞助|合作)?(?:广告|推广)|Advertisement|ADVERTISEMENT|Quảng cáo|QUẢNG CÁO|Tài trợ"
)
MAX_AD_LINES = 6
MIN_AD_LINES = 2  # one short line above an ad label may be the page's title
MAX_AD_LINE = 20


def ad_blocks(keys: list[str], is_paragraph) -> set[int]:
    """The short lines right above an ad slot's label (嘉市某店 / 某某月 / 某某处 / 厂商广告): the
    carousel's captions, which the copy kept above its label. Two or more, unpunctuated, and no
    paragraph between them and the label."""
    found: set[int] = set()
    for i, key in enumerate(keys):
        if not _AD_LABEL.fullmatch(key.strip()):
            continue
        j = i
        while j > 0 and i - j < MAX_AD_LINES and _caption(keys[j - 1]) and not is_paragraph(keys[j - 1]):
            j -= 1
        if i - j >= MIN_AD_LINES:
            found.update(range(j, i))
    return found


def _caption(line: str) -> bool:
    return len(line) <= MAX_AD_LINE and not _ITEM_PUNCT.search(line) and not line.endswith(_SENTENCE_END)


def slogan(line: str) -> bool:
    """A site's banner slogan: SLOGAN_PARTS or more phrases of one length between spaces (喜迎二十大
    忠诚保平安 奋进新征程 建功新时代). A headline's parts differ in length and carry punctuation; a grid of
    names has shorter parts. Asked only above the first paragraph (chrome.head_menus), where no list of
    units (洋青镇人大 岭北镇人大 …) stands."""
    parts = line.split()
    return (
        len(parts) >= SLOGAN_PARTS
        and len({len(p) for p in parts}) == 1
        and all(_SLOGAN_PART.fullmatch(p) for p in parts)
    )


_TICKER_CLOCK = re.compile(r"[\u4e00-\u9fff]\d{1,2}:\d\d(?=[\u4e00-\u9fff])")  # 调查中23:53欧舒丹
MIN_TICKER = 3  # glued times that make a line a ticker


def ticker(line: str) -> bool:
    """A news ticker run together on one line: headlines each glued to its time and the next one
    (…正在调查中23:53欧舒丹终止…23:52一款…), no sentence among them."""
    return "。" not in line and len(_TICKER_CLOCK.findall(line)) >= MIN_TICKER


# a short label before a link (Nguồn QĐND: http://…, 新闻平台http://…): one to three words
_LINK_LABEL = re.compile(
    r"^[^\s。，,；;！？!?:：]{1,10}(?:\s[^\s。，,；;！？!?:：]{1,10}){0,2}\s*[:：]?\s*(?=https?://)"
)
_LINK = re.compile(r"https?://\S+")


def long_chrome(line: str) -> bool:
    """A line too long for the line rules that is chrome all the same: a bare link (tracking data in
    its query), with a short label before it or not, or a news ticker."""
    return ticker(line) or _LINK.fullmatch(_LINK_LABEL.sub("", line, count=1)) is not None
