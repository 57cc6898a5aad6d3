"""Line-level structure: title, date lines and page chrome, for plain text and extracted HTML alike.

Lines are matched in simplified script (`match` converts), but returned in the page's own script.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, partial

from normalize.chrome import (
    Chrome,
    chrome_rules,
    head_menus,
    is_paragraph,
    link_block,
    page_index,
    site_header,
    tail_strays,
)
from normalize.closing import tail_menu, teaser_tail
from normalize.credits import editors, salvage
from normalize.dates import LABEL, TODAY, WEEKDAY, WEEKDAY_LINE, caption_date, find_dates
from normalize.records import DateHint
from normalize.repeats import strip_injected
from normalize.seg_vi import byline_name
from normalize.shapes import ad_blocks, headline_tail, last_paragraph, question_list, tail_widgets
from normalize.titles import (
    BYLINE_LINES,
    bare_title,
    closing_title,
    credit_line,
    echoed_title,
    labelled_copy,
    untitled,
)
from normalize.titles import title_limit as title_limit  # pipeline.py reads it here

_SPACE = " \t\u3000\xa0\u200b\ufeff"
_SENTENCE_END = ("。", "！", "？", "!", "?", "”", "」", ".", ";", "；")
_HAN = re.compile(r"[\u3400-\u9fff]")
_DATE_PREFIX = re.compile(
    r"date\s+((?:19|20)\d\d-\d\d(-\d\d)?)(?:\s+(?=\S)|[\s\u3000]*$)"
)  # `date 2024-01-22 Title`, `date 2025-01 Text`, `date 2026-02-25` alone: a dump's metadata
# a date alone, also with an e-paper's issue number after it (2020-09-11 第26,619号)
_DATE_ONLY = re.compile(
    r"[\d\s:：/年月日.\-|()（）\[\]【】,，]+(?:第\s*[\d,，]+\s*[号期])?|(?:中华民国|民国)[\d\s年月日]+"
)
_BYLINE_LABEL = re.compile(r"来源|作者|编辑|记者|浏览|阅读|点击|点阅|字号|发布|nguồn|tác giả|cập nhật", re.I)
_CLOCK = re.compile(r"\d:\d\d")
# an e-paper's page navigation beside the date (上一版3 4下一版 2015年5月15日 星期 放大 缩小)
_EPAPER_NAV = re.compile(r"上一版|下一版")
_VIEWS = re.compile(r"阅读|浏览|点击|访问|lượt xem", re.I)  # a view counter beside a post's date
# page data glued to the first paragraph (来源:CNBM 发布时间:2009-05-07 4月30日,宜宾市…): the fields up to
# the date and its time of day, then the text
_GLUED_FIELDS = re.compile(
    r"^((?:[^\s:：]{1,6}[:：]\s*\S{1,24}\s+){0,3}(?:发布时间|发布日期|时间|日期)[:：]\s*"
    r"(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*\d{1,2}:\d\d(?::\d\d)?)?)\s*(\S.{20,})$"
)
_RUNNING = re.compile(r"[。，,；;！？!?]")  # what follows the fields is running text…
_LABELLED = re.compile(r"^\S{1,8}[:：]")  # … not more fields (来源:某某网 发布开发区:某某)
GLUED_LINES = 8  # lines at the top of the page looked at for fields glued to the text
_LEADING_URL = re.compile(r"^https?://\S+\s+")
_TIME_ZONE = re.compile(r"\s*\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d\d)?\)?\s*$")  # 06/05/2021 17:28 GMT+7
# a period (公示时间:2016年11月7日——2016年11月13日, 9月18日至9月28日) is no date of the article
_PERIOD = re.compile(r"[日\d]\s*(?:——|—|–|~|～|至|到|\s-\s)\s*(?:(?:19|20)\d\d|1[0-4]\d\s*年|\d{1,2}\s*月)")
# 时间/日期 after another word (公示时间, 活动日期) is the time of something else, unless that word
# is one of these (发布时间, 更新日期)
_PUBLISHED_WORDS = (
    "发布",
    "发表",
    "更新",
    "出版",
    "刊发",
    "见报",
    "上传",
    "录入",
    "来源",
    "提交",
    "创建",
    "建档",  # 建檔日期: a Taiwan government page's record date, its publication
    "成文",
    "印发",
)
# the signer's unit (…办公室2025年4月14日), or the editor's credit in brackets (（编辑：某某）1141107)
_SIGNER = re.compile(
    r"[办室会局委部厅处院校所站队心府司社团组]$|[(（](?:编辑|编译|责编|责任编辑)[:：][^()（）]{1,12}[)）]$"
)
# the signer's unit, the date, then the annex or the source credit, all on one line
_GLUED_SIGNATURE = re.compile(
    r"(?<=[办室会局委部厅府])(?:[(（]代章[)）])?((?:19|20)\d\d年\d{1,2}月\d{1,2}日)(?=附件|附:|[(（]来源)"
)
MAX_SIGNER = 30  # characters of a signer's unit alone on its line
LATE_BODY = 3  # lines of text kept above a region mark (:::) that make it the start of the sidebar
MAX_ECHO_REST = 60  # page data around the title on a line that repeats it with a date
MAX_ECHO_HAN = 16
MAX_STAMP = 80  # a weekday, a date and a time of day: a post's time stamp, with an author's name before it


# the page's own title behind a label (标题:某某), which a copy keeps under the article with its address;
# the line stays in the text (the title may hold a count the text does not repeat)
_TITLE_LABEL = re.compile(r"(?:本文|文章|网页|页面)?标题\s*[:：]\s*(?=\S)")


def labelled_title(lines: list[str], keys: list[str]) -> str | None:
    """The title a line gives behind its label (标题:某某), for a page without one; not a line of
    several fields (标题:某某 作者:某某, an entry of a list of works)."""
    for line, key in zip(lines, keys, strict=True):
        if len(key) <= MAX_ECHO_REST + 20 and (m := _TITLE_LABEL.match(key)):
            rest = line[m.end() :].strip(_SPACE)
            return rest if rest and not re.search("[:：]", rest) else None
    return None


def strip_lines(text: str) -> list[str]:
    return [s for s in (line.strip(_SPACE) for line in text.splitlines()) if s]


def other_time(line: str) -> bool:
    """Does the line date something else than the article: a period, or the time of an event
    (公示时间, 活动日期)?"""
    if _PERIOD.search(line):
        return True
    m = LABEL.search(line)
    if m is None or m[1] not in ("时间", "日期") or not m.start():
        return False
    return (
        _HAN.match(line[m.start() - 1]) is not None
        and line[max(0, m.start() - 2) : m.start()] not in _PUBLISHED_WORDS
    )


def date_line(line: str, minguo: bool = False) -> str | None:
    """The kind of date line this is (page | today | labelled), or None for an ordinary line."""
    if len(line) > 150 or line.endswith(_SENTENCE_END) or not find_dates(line, minguo) or other_time(line):
        return None
    if TODAY.match(line) and len(line) <= 40:
        return "today"
    if WEEKDAY.search(line) and (len(line) <= 40 or (len(line) <= MAX_STAMP and _CLOCK.search(line))):
        return (
            "page"  # also with the author before it: Lê Phượng (Ban Thời sự)-Thứ năm, ngày 10/12/2015 16:20
        )
    if LABEL.search(line):
        return "labelled"
    return None


def is_byline(line: str, minguo: bool = False) -> bool:
    """`微观盘龙 2024-01-22`, `原创 某某 2024-01-22 18:05`, `2006-05-17 来源:光明日报`: an account or
    source name and the post date, also after the portal's address (http://www.sina.com.cn 2004年09月07日
    07:02 某某日报). A line with a full stop inside is a paragraph that ends with a credit and its date
    (…通路。（编辑：某某）1130415)."""
    if len(line) > 80 or line.endswith(_SENTENCE_END) or "。" in line or not find_dates(line, minguo):
        return False
    if other_time(line):
        return False
    line = _LEADING_URL.sub("", line)
    rest = len(re.sub(r"[\d\s:：/年月日.\-|]", "", line))
    return (len(line) <= 48 and rest <= 20) or (rest <= 40 and _BYLINE_LABEL.search(line) is not None)


def _opening_byline(line: str, minguo: bool) -> bool:
    """A page that opens with its byline (公告 学务处 - 竞赛资讯 | 2023-05-03 | 点阅数: 149): a byline
    with a label, a bar or a time of day, which a title with a date in it has not."""
    if not is_byline(line, minguo):
        return False
    return "|" in line or _BYLINE_LABEL.search(line) is not None or _CLOCK.search(line) is not None


def is_date_only(line: str) -> bool:
    return _DATE_ONLY.fullmatch(_TIME_ZONE.sub("", line)) is not None


@dataclass(frozen=True)
class Layout:
    title: str
    lines: list[str]
    dates: list[DateHint]
    boilerplate: int


def _body(
    lines: list[str], title: str | None, keys: list[str], rules: Chrome, minguo: bool, head: int, is_chrome
):
    """Body lines and date hints, without chrome, link blocks, footers and date lines. The first `head`
    lines are the page's header (an e-paper's list of articles above the title); a date there is the page's."""
    body: list[str] = []
    kept: list[int] = []  # the index of each body line among the page's lines
    dates: list[DateHint] = []
    footer = rules.footer_lines(keys)
    menus = head_menus(keys, is_chrome)
    footer |= menus | site_header(keys, footer, is_chrome)
    footer |= set(range(head)) | ad_blocks(keys, is_paragraph)
    i, dropped, dated_at = 0, 0, None
    while i < len(lines):
        line, key = lines[i], keys[i]
        # an item of the menu above the article (Thông tin cần biết) heads no list of links
        if i not in menus and rules.heading(key, late=len(body) >= LATE_BODY) is not None:
            end = link_block(lines, i, keys)
            dropped += end - i
            i = end
            continue
        kind = date_line(key, minguo)
        if kind == "page" and (title is not None or body or _TIME_ZONE.search(key)) and len(body) <= 2:
            # a weekday date under the title is the post's own date (Thứ năm, 05/10/2023 - 14:22), as
            # is one stamped with its time zone at the top (Thứ Năm, 15/11/2012, 12:03 (GMT+7))
            kind = "byline"
        elif kind in ("page", None) and _EPAPER_NAV.search(key) and is_byline(key, minguo):
            kind = "meta"  # the e-paper's issue date beside its page navigation
        elif kind == "page" and len(body) > 2:
            kind = "signature"  # below the text, it closes a press release: 2018年11月5日(星期一)
        if kind is None and not body and is_date_only(key) and find_dates(key, minguo):
            kind = "byline"  # [2023年7月1日] above the first line of the article
            if i + 1 < len(keys) and WEEKDAY_LINE.fullmatch(keys[i + 1].strip()):
                kind = "page"  # 2024/06/16 | Sunday | 13:39: the portal's clock, not the article's date
        if kind:
            dates.extend(DateHint(d, kind, line) for _, d in find_dates(key, minguo)[:1])
            dropped += 1
            if kind == "byline" and (name := byline_name(line)):
                body.append(name)  # Lê Phượng (Ban Thời sự)-Thứ năm, ngày 10/12/2015: the author stays
                kept.append(i)
            if kind in ("labelled", "byline") and dated_at is None:
                dated_at = len(body)
        elif i in footer or is_chrome(key):
            dropped += 1
            if (
                (i < head or len(body) < BYLINE_LINES)
                and (not is_chrome(key) or _VIEWS.search(key))
                and is_byline(key, minguo)
            ):  # 2006年3月15日 收藏 打印 推荐; 【记者某某/屏东报导】 2025/05/05 taken for a menu; 2020/10/23| 阅读次数:4752
                dates.extend(DateHint(d, "byline", line) for _, d in find_dates(key, minguo)[:1])
            if dated_at is None and body and len(body) <= BYLINE_LINES and rules.is_fields(key):
                dated_at = len(body)  # 来自:上海市人民政府 作者:上海要闻 访问量:1620 under the title
        else:
            body.append(rules.trim(line))
            kept.append(i)
        i += 1
    stray = tail_strays(keys, kept, is_chrome) | headline_tail(
        keys, kept, is_chrome, is_paragraph, credit_line
    )
    stray |= tail_widgets(keys, kept, is_paragraph) | editors(keys, kept) | teaser_tail(keys, kept)
    if end := last_paragraph(keys, kept, is_paragraph):
        stray |= tail_menu(keys, kept, end)  # 公示公告 / 文明聚焦 / 志愿服务 under the article
    stray |= question_list(keys, [at for at in kept if at not in stray])  # questions above the widgets
    body = [line for line, at in zip(body, kept, strict=True) if at not in stray]
    return body, dates, dropped + len(stray), dated_at


def _clock_first(dates: list[DateHint]) -> list[DateHint]:
    """The byline dates, the weekday date of the page's header taken for one (2025年03月26日 星期三,
    the day the page was shown) behind a byline stamped with its time (2021-09-23 17:20:49 来源:…)."""
    bylines = [h for h in dates if h.kind == "byline"]
    if len(bylines) < 2 or not WEEKDAY.search(bylines[0].line) or _CLOCK.search(bylines[0].line):
        return dates
    if not any(_CLOCK.search(h.line) for h in bylines[1:]):
        return dates
    return [DateHint(h.value, "page", h.line) if h is bylines[0] else h for h in dates]


def _signature(body: list[str], match: Callable[[str], str], minguo: bool) -> list[DateHint]:
    """The date that closes a notice: alone on the last line, or right after the signer (…办公室2025年4月14日)."""
    for line in body[-2:][::-1]:
        key = match(line).rstrip("。.")
        found = find_dates(key, minguo)
        if found and (
            is_date_only(key)
            or (len(key) - found[-1][0] <= 16 and _SIGNER.search(key[: found[-1][0]].rstrip(_SPACE)))
        ):
            return [DateHint(found[-1][1], "signature", line)]
    return _annexed_signature(body, match, minguo)


def _annexed_signature(body: list[str], match: Callable[[str], str], minguo: bool) -> list[DateHint]:
    """A notice's signature with its annex after it: the signer's unit alone on a line, the date alone
    on the next (湖北省某某委员会 / 2024年3月12日 / 附件名单…), the first such pair of the page."""
    for prev, line in zip(body, body[1:], strict=False):
        key = match(line).strip().rstrip("。.")
        signer = match(prev).strip()
        if not (len(signer) <= MAX_SIGNER and _SIGNER.search(signer) and is_date_only(key)):
            continue
        if found := find_dates(key, minguo):
            return [DateHint(found[0][1], "signature", line)]
    for line in body[-2:]:  # a notice run together on one line: 某某办公室(代章)2022年11月10日附件…
        for m in _GLUED_SIGNATURE.finditer(match(line)):
            if found := find_dates(m[1], minguo):
                return [DateHint(found[0][1], "signature", line)]
    return []


def _title_echoes(body: list[str], title: str, match: Callable[[str], str], minguo: bool) -> list[DateHint]:
    """Lines that hold the title between page data and a date (浙江工人日报 人文 00003 <title>
    2016-10-29 2 星期六): an e-paper's or a site's index entry for the article, whose date is the page's."""
    hints = []
    bare = "".join(title.split())
    for line in body:
        key = "".join(match(line).split())
        if len(bare) < 6 or bare not in key or len(key) > len(bare) + MAX_ECHO_REST:
            continue
        rest = key.replace(bare, "\n")
        if any(m in rest for m in "。！？!?；;") or len(_HAN.findall(rest)) > MAX_ECHO_HAN:
            continue
        if found := find_dates(match(line), minguo):
            hints.append(DateHint(found[0][1], "meta", line))
    return hints


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


def _unglued(lines: list[str], match: Callable[[str], str]) -> list[str]:
    """The top lines with page data glued to a paragraph split off it (文章来源:某处 作者:某某
    时间:2018-05-02 17:19:00|2018年是…), so that the fields read as a byline and the text as text."""
    out: list[str] = []
    for n, line in enumerate(lines):
        m = _GLUED_FIELDS.match(match(line)) if n < GLUED_LINES else None
        text = m is not None and _RUNNING.search(m[2]) is not None and not _LABELLED.match(m[2])
        out += [line[: m.end(1)], line[m.start(2) :]] if text and len(match(line)) == len(line) else [line]
    return out


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
        dates.append(DateHint(m[1], "labelled" if m[2] else "meta", lines[0]))
        lines = [lines[0][m.end() :], *lines[1:]] if lines[0][m.end() :].strip() else lines[1:]
    lines = _unglued(lines, match)
    if title is not None and (rules.is_chrome(match(title)) or rules.heading(match(title))):
        title = None  # an e-paper's page name (第03版:要闻) or a site's name in <title>
    lines, injected = strip_injected(lines, match)  # a hijacker's name glued before paragraphs
    keys = [match(line) for line in lines]
    is_chrome = cache(rules.is_chrome)  # asked of the same lines several times
    head = page_index(keys, is_chrome) or 0
    if head and title is None:
        title, head = lines[head], head + 1
    if title is None:
        title = labelled_title(lines, keys)
    body, found, dropped, dated_at = _body(lines, title, keys, rules, minguo, head, is_chrome)
    dropped += injected
    dates += found + _under_title(date_lines, match, minguo)
    byline = partial(is_byline, minguo=minguo)
    if title is None and len(body) > 1 and _opening_byline(match(body[0]), minguo):
        dates.append(DateHint(find_dates(match(body[0]), minguo)[0][1], "byline", body.pop(0)))
        dropped += 1
    if title is None and body and (at := echoed_title(body, keys, match)) is not None:
        title, twice = body[at], at + 1 < len(body) and match(body[at + 1]) == match(body[at])
        body = body[at + 1 + twice :]  # the site's name above it, the <h1> copy under it
        dropped += at + 1 + twice
    if title is None and body:
        title, skipped = untitled(body, dated_at, match, byline)
        dropped += skipped
        if not title and (at := closing_title(body, match, is_date_only)) is not None:
            title, dropped = body.pop(at), dropped + 1
    if title:
        echoes = _title_echoes(body, match(title), match, minguo)
        dates += echoes
        body = [line for line in body if all(line is not h.line for h in echoes)]
        dropped += len(echoes)
        labelled = [line for line in body if labelled_copy(match(line), match(title))]
        body = [line for line in body if line not in labelled]
        dropped += len(labelled)
    for i, line in enumerate(body[:BYLINE_LINES]):
        if byline(match(line)):
            dates.append(DateHint(find_dates(match(line), minguo)[0][1], "byline", line))
            if name := byline_name(line):  # TÂM ĐAN 28/11/2023 10:19: the date goes, the author stays
                body[i] = name
            else:
                del body[i]
                dropped += 1
            break
    if body and (found := find_dates(match(body[0]), minguo)) and found[0][0] <= 12:
        dates.append(DateHint(found[0][1], "dateline", body[0]))
    dates += _signature(body, match, minguo) + caption_date(body[: BYLINE_LINES + 2], match, minguo)
    top, bottom = salvage(lines, keys, body, title)  # the author of a dropped byline stays
    return Layout(bare_title(title or "", match, rules), [*top, *body, *bottom], _clock_first(dates), dropped)
