"""A site menu that closes a page, found by its shape where no heading or toolbar marks it (issue 11:
unseen sites have their own words, not their own shapes): three or more bare words one per line
(公示公告 / 文明聚焦 / 志愿服务), the last kept lines, below the last paragraph. A list of names has
the same shape, so the words must be longer than names are on average (menu items are four), and
lines opened by a colon or 名单/如下 above them are a list (four-character married names too).

The same for a list of other stories that closes a page with the links' pictures lost: list items
left as their bullet alone (- / - 某某文章标题 / - / 来源:某某日报 某某:标题 cut summary / date), two or
more of them, and no line from the first of them down ending a sentence (a cut teaser stops mid-word).

Not here: the staff lines under an article (编辑:某某 / 审核:某某): the site's editors, dropped by
normalize/credits.py (editors), which keeps a lone 编辑 line where it is the article's only credit.
"""

from __future__ import annotations

import re

MENU_WORDS = 3  # bare words one per line that make a menu
MIN_MEAN_WORD = 3.0  # a menu's words are longer than this on average (a name list's are not)
_WORD = re.compile(r"[\u4e00-\u9fff]{2,8}")  # a bare Chinese word: no mark, digit or space
_INTRODUCES = re.compile(r"[:：]\s*$|名单|如下")  # a line that opens a list below it


def tail_menu(keys: list[str], kept: list[int], end: int) -> set[int]:
    """The kept lines after the last paragraph (kept[:end] runs to it) that are a bare word menu:
    adjacent lines, every one a bare word (what follows them was dropped: chrome)."""
    tail = kept[end:]
    if len(tail) < MENU_WORDS or any(b != a + 1 for a, b in zip(tail, tail[1:], strict=False)):
        return set()
    if end and _INTRODUCES.search(keys[kept[end - 1]]):  # 名单如下: / 获表彰的有: a list, whatever its words
        return set()
    words = [keys[i] for i in tail]
    if not all(_WORD.fullmatch(w) for w in words) or sum(map(len, words)) / len(words) <= MIN_MEAN_WORD:
        return set()
    return set(tail)


_BARE_ITEM = re.compile(r"[-·•●▪*]")  # a list item whose link was a picture: its bullet alone
MIN_BARE_ITEMS = 2
_SENTENCE_END = ("。", "！", "？", "!", "?", ".", "”", "」", ";", "；")


def teaser_tail(keys: list[str], kept: list[int]) -> set[int]:
    """The kept lines from the first bare list item to the end of the page, below article text, when
    there are MIN_BARE_ITEMS bare items among them and none of them ends a sentence."""
    start = len(kept)
    while start and not keys[kept[start - 1]].endswith(_SENTENCE_END):
        start -= 1
    tail = kept[start:]
    bare = [n for n, i in enumerate(tail) if _BARE_ITEM.fullmatch(keys[i])]
    if not start or len(bare) < MIN_BARE_ITEMS:
        return set()
    return set(tail[bare[0] :])
