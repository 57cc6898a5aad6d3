"""The title of a page: which of the lines that open it is the headline, and the headline without
the list bullet, media tag or button around it. Split out of layout.py, which finds the lines."""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from normalize.chrome import Chrome
from normalize.credits import credit_in
from normalize.dates import PHOTO_CREDIT

SPACE = " \t\u3000\xa0\u200b\ufeff"
_HAN = re.compile(r"[\u3400-\u9fff]")
BYLINE_LINES = 4  # the byline is among the first lines of the body
_BULLETS = "•·●■▪◆▶►"
MIN_TITLE_HEAD = 6  # a title is kept whole unless this much is left without the button after it
MAX_TITLE = 120
MAX_TITLE_LATIN = 250  # a Vietnamese title takes about three times the characters of a Chinese one
MAX_PREAMBLE = 12  # a line above the title (site name 桐川日报, section label) is at most this long
MAX_PREAMBLE_LATIN = 30  # TIN TỨC - SỰ KIỆN
MAX_HEADINGS = 3  # title-like lines at the top of an untitled page, one of which is its title
HEADING_MARGIN = 0.3  # how much more of a later line the text must use for it to be the title
MIN_PARTS = 3  # words (character pairs) a line needs for the text's use of them to say something
HEAD_REACH = 6  # the byline or reporter's credit under a title is among this many opening lines
MENU_PARTS = 3  # parts between bars that make a line a menu or a keyword list (a|b|c), never a headline
_BARS = re.compile(r"[|｜]")
CLOSING_LINES = 3  # text, headline, date: a page whose headline closes it
MIN_CLOSING_TITLE = 8
CLOSING_COVER = 0.5  # share of the headline's character pairs the text above it uses
MAX_SIGNER = 20  # a short line ending in a unit's word (某某办公室) is a signer
_UNIT_END = re.compile(r"[办室会局委部厅处院校所站队心府司社团组]$")
_VERB = re.compile(r"[获评授颁选召举命]")  # a headline's verb (获评, 授予, 召开, 命名), which no signer has
# a document's issuer on a line of its own above its title: a party committee, a government, an office
_ISSUER = re.compile(
    r"(?:中共)?[\u4e00-\u9fff]{2,16}(?:委员会|党委|县委|市委|区委|省委|人民政府|政府|办公室|办公厅|总工会|妇联|团委)"
)
_PROSE_END = ("。", "！", "？", "!", "?", ".", ":", "：", ";", "；")
_WORD = re.compile(r"\w+")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_DOC_NUMBER = re.compile(
    r"[\u3400-\u9fff]{2,10}\s*[〔\[［(（【]\s*(?:19|20)\d\d\s*[〕\]］)）】]\s*\d{1,4}\s*号"
)
# a credit line under a section label (经济日报／ 记者某某／即时报导): the body's first line, no headline
_CREDIT = re.compile(r"记者|通讯员|特约|[／/]\s*\S{0,6}(?:报导|报道)")
# a reporter's credit standing alone where a title would be (□晚报记者 张燕, 本报通讯员 李明 王芳)
_CREDIT_LINE = re.compile(r"\W?\S{0,8}(?:记者|通讯员|記者|通訊員)\s*(?:[\u3400-\u9fff]{2,4}\s*){1,4}")
MAX_CREDIT_LINE = 40
_REPORTED = ("报导", "报道", "報導", "報道", ")", "）", "】", "]", "〕", "︺")
# a reporter's credit with the place reported from after a slash, in brackets or not: (记者某某/嘉义报导), 记者某某∕宜兰报导,
# 记者/某某整理报导, 某某台/记者 某某/新竹报导
_DATELINE_CREDIT = re.compile(
    r"\W?[^\s，。,]{0,8}(?:记者|通讯员|記者|通訊員)[^，。,；;！？:：]{0,12}[/／∕][^，。,；;！？:：/／∕]{0,12}"
    r"(?:报导|报道|報導|報道)\W?"
)
_LABEL = re.compile(r"^[(（【\[][^()（）【】\[\]]{1,6}[)）】\]]\s*")
_SITE_AFTER = re.compile(r"\s+[-–—|｜_]\s+[^\s。，,.!！?？]{2,12}")  # … - 总工会: a site's name after a title
# a Vietnamese news site's media tag before the headline ([Audio] Đề nghị…, [Video] Lễ trao…): the
# player's label, not words of the title
_MEDIA_TAG = re.compile(
    r"^[\[【(（]\s*(?:audio|video|clip|ảnh|photo|infographics?|podcast|e-?magazine|longform)\s*[\]】)）]\s*(?=\S)",
    re.I,
)
# 2. 某某, 1.第三届…: the item number of a list the copy kept (not 3.15晚会, a date)
_LIST_NUMBER = re.compile(r"^\d{1,2}[.、](?:\s+(?=\S)|(?=[\u3400-\u9fff]))")
KEYWORD_PARTS = 5  # parts between underscores that make a line a spam page's keyword list (a_b_c_d_e)
# a search-engine tail after a headline: words of the headline again, each with a suffix
# (…官方回应 工人先锋号最新消息 工人先锋号公示2016)
_KEYWORD_HEAD = re.compile(r"[\u3400-\u9fff]{2,}")
MIN_KEYWORD_TAIL = 2
# a forum's Latin keywords glued to a Chinese headline (…获社署嘉许tvb now,tvbnow,bttvb/)
_LATIN_KEYWORDS = re.compile(
    r"(?<=[\u3400-\u9fff])\s*[a-z0-9]+(?: [a-z0-9]+)*(?:,[a-z0-9]+(?: [a-z0-9]+)*){2,}[/|]?\s*$"
)
# a post's time stamp or a portal's media mark glued after a headline
_STAMP_TAIL = re.compile(
    r"\s+(?:\d{1,2}/\d{1,2}/(?:19|20)\d\d\s+\d{1,2}:\d\d(?::\d\d)?|Tin có (?:hình|ảnh|video))\s*$"
)
_CRUMB_END = re.compile(r"(?:>|＞|»|›)\s*([^>＞»›|｜]{6,80})$")  # a breadcrumb's last step
_BARE_PHOTO_CREDIT = re.compile(r"[。！]\s*(?:记者)?[\u4e00-\u9fff]{2,4}\s*[/／]\s*(?:摄影?|翻摄|提供)$")
# a caption's credit with no bracket around it: after a sentence or a space (…接受表扬。图/某某局提供,
# ▲颁奖现场 记者 某某 摄)
_OPEN_PHOTO_CREDIT = re.compile(
    r"(?:[。！]|\s)\s*(?:[图圖]\s*[/／:：]\s*[^\s。，,]{2,20}|(?:记者\s*)?[\u4e00-\u9fff]{2,4}\s*(?:摄影?|翻摄))$"
)
# the opening of a news story's first sentence (本报讯, 某某网6月19日讯, 新华社北京3月5日电), or a repost's label
# for the headline it replaced (原标题:): the text, never the title
_LEAD = re.compile(
    r"^\W?(?:本[报報][讯訊]|原[标標]题\s*[:：])|^[^，。,]{0,16}\d{1,2}月\d{1,2}日(?:[讯訊]|[电電](?=[\s(（]))"
)
_VI_PHOTO_CREDIT = re.compile(r"[.!?]\s*[(（]?\s*Ảnh\s*:[^()（）]{1,60}[)）]?\.?\s*$")


def title_limit(line: str) -> int:
    """The most characters a title in this line's script has."""
    return MAX_TITLE if _HAN.search(line) else MAX_TITLE_LATIN


def credit_line(line: str) -> bool:
    """A reporter's credit on a line of its own: a byline the people finder reads, never a title
    (本报通讯员 李明 王芳, 作者:某某, (记者某某/嘉义报导), 新竹某台/记者 某某/新竹报导)."""
    line = line.strip()
    if _CREDIT_LINE.fullmatch(line):
        return True
    if len(line) > MAX_CREDIT_LINE:
        return False  # a headline or a paragraph: longer than any credit
    if line.endswith(_REPORTED) and _DATELINE_CREDIT.fullmatch(line):
        return True
    span = credit_in(line)
    return span is not None and span == (0, len(line))


def _bar_list(line: str) -> bool:
    """A line cut by bars into several parts: a menu or a spam page's keyword list (某某站|某某视频|…|),
    which a headline with its site's name after one bar (标题 | 某某网) is not."""
    return sum(1 for part in _BARS.split(line) if part.strip()) >= MENU_PARTS


def _keyword_list(line: str) -> bool:
    """A spam page's keyword list joined by underscores (精品…_久久…_国产…_…), never a headline; a
    headline with its column and site after underscores (标题_要闻_某某网) has fewer parts."""
    return sum(1 for part in line.split("_") if part.strip()) >= KEYWORD_PARTS


def _is_title(line: str) -> bool:
    if len(line) > title_limit(line) or credit_line(line) or _bar_list(line) or _keyword_list(line):
        return False
    if _LEAD.search(line):
        return False
    if _HAN.search(line):  # two full stops: sentences of a paragraph the page broke (…揭晓。报纸类有…。获…)
        # a colon ends a label that opens the text (说明:, 各基层工会:), never a headline
        return not line.endswith(("。", ":", "：")) and line.count("。") < 2
    return not line.endswith((".", ":", ";"))


def _short(line: str) -> bool:
    """A line above the title: a site name, a section label, or a document number (中青联发[2001]71号)."""
    return len(line) <= (MAX_PREAMBLE if _HAN.search(line) else MAX_PREAMBLE_LATIN) or bool(
        _DOC_NUMBER.fullmatch(line)
    )


def _caption(line: str) -> bool:
    """A photo's caption: a sentence closed by the photo's credit (…合影。(记者某某摄), … được biểu
    dương. (Ảnh: Hải Nguyễn), … thầy thuốc ưu tú. Ảnh: Song An., …大赢家。记者某某／摄影)."""
    return bool(
        PHOTO_CREDIT.search(line)
        or _VI_PHOTO_CREDIT.search(line)
        or _BARE_PHOTO_CREDIT.search(line)
        or _OPEN_PHOTO_CREDIT.search(line)
    )


def untitled(
    body: list[str], dated_at: int | None, key: Callable[[str], str], byline: Callable[[str], bool]
) -> tuple[str, int]:
    """Title of a page without one: the first line; but when a date line follows within a few lines
    (`dated_at` body lines precede the first dropped one, or a byline is kept in the body), the first
    long line above it: the short lines above the title are a site name or a section label. A photo's
    caption above the headline is article text: it stays at the top of the body."""
    if len(body) > 2 and _caption(key(body[0])) and not _caption(key(body[1])):
        rest = body[1:]
        title, skipped = untitled(rest, dated_at - 1 if dated_at else None, key, byline)
        body[1:] = rest
        return title, skipped
    at = dated_at or next(
        (i for i, line in enumerate(body[1:HEAD_REACH], 1) if byline(key(line)) or credit_line(key(line))),
        None,
    )
    if at == 1 and _is_title(body[0]):
        return body.pop(0), 0
    if at and 1 < at <= HEAD_REACH:
        best = _above_byline(body, at, key)
        if best is not None:
            title = body[best]
            kept = [line for line in body[:best] if _ISSUER.fullmatch(key(line))]
            body[: best + 1] = kept  # the issuers of a document under its number (中共某县委 / 某县人民政府)
            return title, best - len(kept)
    if len(body) > 1 and _is_title(body[0]):
        best = _best_heading(body, key)
        title = body[best]
        kept = [line for line in body[:best] if _caption(key(line))]
        body[: best + 1] = kept
        return title, best - len(kept)
    return "", 0


def closing_title(body: list[str], key: Callable[[str], str], dated: Callable[[str], bool]) -> int | None:
    """Where the title of a page that opens with its text is when the copy put the headline under the
    text, with the date alone after it (…(工宣) / 某某班组获行业工会表彰 / 2014-05-15): a headline
    whose words the text above uses, not a signer's unit (某某县人民政府 / 2024年3月12日)."""
    if len(body) < CLOSING_LINES or not dated(key(body[-1])):
        return None
    line = key(body[-2])
    if not _is_title(body[-2]) or len(line) < MIN_CLOSING_TITLE or _caption(line) or _ISSUER.fullmatch(line):
        return None
    if len(line) <= MAX_SIGNER and _UNIT_END.search(line) and not _VERB.search(line):
        return None
    text = "\n".join(key(x) for x in body[:-2])
    return len(body) - 2 if _covered(line, text) >= CLOSING_COVER else None


def echoed_title(body: list[str], keys: list[str], key: Callable[[str], str]) -> int | None:
    """Where the title of an untitled page is when the page says it twice: as the last step of a
    breadcrumb (新闻首页 > 政治经济新闻 > 某某成绩出炉), or on two lines one under the other (the
    <title> and the <h1>) with only short lines above them (the site's name: 香港商报)."""
    crumbs = {"".join(m[1].split()) for k in keys[: HEAD_REACH * 2] if (m := _CRUMB_END.search(k))}
    for i, line in enumerate(body[:HEAD_REACH]):
        bare = "".join(key(line).split())
        if not _is_title(line) or len(bare) < MIN_TITLE_HEAD or "。" in bare or _caption(bare):
            continue
        if bare in crumbs:
            return i
        if 0 < i < len(body) - 1 and key(body[i + 1]) == key(line) and all(_short(x) for x in body[:i]):
            return i
    return None


def _above_byline(body: list[str], at: int, key: Callable[[str], str]) -> int | None:
    """Which line above the byline (or the reporter's credit) at `at` is the title. The lines above a
    title are a site name, a login bar, a section label or an e-paper's buttons: the title is the
    longer line the text below uses most (the first of them unless another is much closer to it); when
    all are short, the one right above the byline (榜样的力量 under 展开通版 / 当前版:04版)."""
    if any(_prose(body[i]) for i in range(at)):
        return None  # text above the byline: the page has no title line to find there
    heads = [i for i in range(at) if _is_title(body[i])]
    if not heads:
        return None
    long = [i for i in heads if not _short(body[i])]
    if not long:
        return heads[-1] if heads[-1] == at - 1 else None
    following = "\n".join(key(line) for line in body[at : at + 3])
    scores = {i: _covered(key(body[i]), following) for i in long}
    best = max(long, key=lambda i: (scores[i], -i))
    return best if scores[best] - scores[long[0]] >= HEADING_MARGIN else long[0]


def _prose(line: str) -> bool:
    """A line of running text (a sentence, a salutation before a colon), which no chrome above a title is."""
    if line.endswith((":", "：")):
        return not _short(line)  # a short label (通版阅读请点击:) is an e-paper's button
    return "。" in line or line.endswith(_PROSE_END) or len(line) > title_limit(line)


def _parts(line: str) -> set[str]:
    """The line's words; in Chinese, its character pairs."""
    if _HAN.search(line):
        return {run[i : i + 2] for run in _HAN_RUN.findall(line) for i in range(len(run) - 1)}
    return set(_WORD.findall(line.lower()))


def _covered(line: str, text: str) -> float:
    """Share of the line's words (in Chinese, its character pairs) that the text uses; 0 for a line
    of fewer than MIN_PARTS (a byline, a name)."""
    parts = _parts(line)
    if len(parts) < MIN_PARTS:
        return 0.0
    text = text if _HAN.search(line) else text.lower()
    return sum(p in text for p in parts) / len(parts)


def _best_heading(body: list[str], key: Callable[[str], str]) -> int:
    """Which of the title-like lines that open an untitled page is its title: the first, unless a
    later one is much closer to the paragraphs that follow: the lines above it are then a site name,
    a section label or a site's slogan (Các sở, ngành, huyện, TP). A line repeated right under
    itself (the title in <title> and <h1>) counts once."""
    heads: list[int] = []
    i = 0
    while (
        i < len(body) - 1
        and len(heads) < MAX_HEADINGS
        and _is_title(body[i])
        and not body[i].endswith((":", "："))
        and not _caption(key(body[i]))  # a photo's caption under the headline ends the run
    ):
        if not heads or key(body[i]) != key(body[heads[-1]]):
            heads.append(i)
        i += 1
    if (
        len(heads) > 1
        and _is_label(key(body[heads[0]]))
        and not _is_label(key(body[heads[1]]))
        and not _CREDIT.search(key(body[heads[1]]))
    ):
        heads = heads[1:]  # a section label (新闻, 快讯) above the headline is never the title
    first = heads[0] if heads else 0
    if len(heads) < 2 or (_is_title(body[i]) and "。" not in body[i]):  # a caption (…。(记者某某摄)) is text
        return first
    following = "\n".join(key(line) for line in body[i : i + 3])
    scores = {h: _covered(key(body[h]), following) for h in heads}
    best = max(heads, key=lambda h: (scores[h], -h))
    return best if scores[best] - scores[first] >= HEADING_MARGIN else first


def _is_label(line: str) -> bool:
    """A Chinese line too short to be a headline (新闻, 要闻): fewer than MIN_PARTS character pairs."""
    return _HAN.search(line) is not None and len(_parts(line)) < MIN_PARTS


def labelled_copy(line: str, title: str) -> bool:
    """Is the line the title again behind a short label in brackets (an image's caption), or with the
    site's name after a dash or a bar (某某赴京受奖 - 总工会: the page's <title>)?"""
    if len(title) < MIN_TITLE_HEAD:
        return False
    if line.startswith(title) and _SITE_AFTER.fullmatch(line, len(title)):
        return True
    m = _LABEL.match(line)
    return m is not None and line[m.end() :].strip() == title.strip()


def bare_title(title: str, match: Callable[[str], str], rules: Chrome) -> str:
    """The title without a list bullet or media tag before it (• 10位…, [Audio] Đề nghị…) or a
    button after it (…的通知 下载本文)."""
    title = _LIST_NUMBER.sub("", _MEDIA_TAG.sub("", title.lstrip(_BULLETS + SPACE)))
    title = title.rstrip(SPACE + "|｜") if _BARS.search(title[-2:]) else title  # a table cell's border
    if (cut := _STAMP_TAIL.search(title)) and cut.start() >= MIN_TITLE_HEAD:
        title = title[: cut.start()]  # … Thế giới Di động 23/01/2026 14:02, … năm 2019 Tin có hình
    head, _, tail = title.rpartition(" ")
    if len(head) >= MIN_TITLE_HEAD and match(tail) in rules.lines:
        return head.rstrip(SPACE)
    return _without_keyword_tail(_LATIN_KEYWORDS.sub("", title))


def _without_keyword_tail(title: str) -> str:
    """The headline without a search-engine tail: MIN_KEYWORD_TAIL or more space-separated parts at
    its end that all open with the same Chinese word the headline holds (工人先锋号最新消息
    工人先锋号公示2016 after a headline on 工人先锋号)."""
    parts = title.split(" ")
    if len(parts) <= MIN_KEYWORD_TAIL or not _HAN.search(title):
        return title
    for cut in range(1, len(parts) - MIN_KEYWORD_TAIL + 1):
        head, tail = " ".join(parts[:cut]), parts[cut:]
        words = [_KEYWORD_HEAD.match(part) for part in tail]
        if len(head) < MIN_TITLE_HEAD or not all(words):
            continue
        common = os.path.commonprefix([w[0] for w in words if w])
        if len(common) >= 2 and common in head and all(part != common for part in tail):
            return head.rstrip(SPACE)
    return title
