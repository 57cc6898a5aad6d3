"""The article's own credit (作者:某某, 记者 某某 通讯员 某某, Tác giả: X) out of the page data it shares a
line with. A byline line under the title (2013-12-18 来源:某某网 作者:某某 阅读次数:) or a metadata
line at the end (来源:某某日报 作者:记者 某某 编辑:某某) is dropped as page data, and its author with
it: the credit is the one part of such a line that belongs to the article, so it stays as a line of
its own. Site editors (编辑, 责任编辑, 审核) are the site's, not the article's: they stay dropped.

The same convention for the editors' lines that stand apart (DESIGN.md's site chrome, the study
gold's not-persons): a line of editors only (编辑:某某 / 审核:某某, 【内容审核:某某】, 编 辑:某某 二 审:某某,
Biên tập: X) is chrome, and a run of editors closing a line (记者 某某 编辑 某某, 供稿:某某 编辑:某某审核:某某)
goes from it; the reporters, correspondents and photographers before them are the article's authors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

EDGE_REACH = 6  # dropped lines this close above the body's first line or below its last one
MAX_CREDIT = 40  # characters of a credit: a longer run is text, not a credit
# a credit label (on a line in simplified script): 作者:, 撰文:, 文/图, 记者 (also 新华社记者,
# 天眼日报记者), 通讯员, 实习生, 摄影, with a colon, a slash or a space after it (记者从…获悉 is text),
# at the line's start, after a space or a mark, or after the box an e-paper sets before its credit
# (□记者 某某 通讯员 某某 报道: read from 通讯员 on, the reporter would be lost);
# Vietnamese Tác giả:, Bài và ảnh:, Bài:, Ảnh:
_LABEL = re.compile(
    r"(?:^|(?<=[\s|｜?？:：【\[(（□■◆◇●○◎★☆▲△]))"
    r"(?:(?:作\s*者|撰\s*文|撰稿人?|文\s*/\s*图|图\s*/\s*文|[\u4e00-\u9fff]{0,6}记\s*者|通讯员|实习生|摄\s*影)"
    r"(?:\s*[:：/／]|\s)|(?:Tác giả|(?:Bài|Tin)(?:\s*(?:và|,|-)\s*ảnh)?|Ảnh)\s*:)\s*(?=\S)"
)
# where the credit stops: the next field of the page data (来源:, 责任编辑:, 发布时间:, 阅读次数), a bar,
# a bracket that opens a button (【字体), a date or a clock
_STOP = re.compile(
    r"\s*(?:[|｜?？【\[]|(?:文章|信息|稿件)?来源|出处|责任编辑|责编|编辑|审核|校对|发布|时间|日期|更新"
    r"|上传|阅读|点击|浏览|访问|字号|字体|我来说两句|评论|分享|收藏|打印|Nguồn|Cập nhật|Thể loại"
    r"|Từ khóa|(?:19|20)\d\d[-/.年]|\d{1,2}:\d\d)",
    re.I,
)
# the credit goes on until the next field of the line, a short label with its colon (一审:某某, 时间:)
_NEXT_FIELD = re.compile(r"\s+[^\s:：]{1,6}[:：]")
# a value that is one unit's name (文教部, 宜都市文明办, 新闻中心): an office, not a person
_UNIT = re.compile(
    r"[\u4e00-\u9fff]{1,12}(?:部|办|局|委|中心|站|社|网|台|报|院|处|室|所|厅|队|团|组|科|馆|校|会)"
)
_HINT = re.compile(r"作|撰|记|讯员|实习|摄|图|Tác|Bài|Tin|Ảnh")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,}")  # a Chinese credit names someone in Han characters
_LATIN_NAME = re.compile(r"[A-ZÀ-Ỹa-zà-ỹ]{2,}")  # (作者:xiayin is a user name, no author)
_VI_LABEL = re.compile(r"[A-Za-zÀ-ỹ]")
_EDITOR = re.compile(r"(?:责任|见习|特约)?编辑$|责编$|审核$|校对$")
_SQUASH = re.compile(r"[\s【】\[\]()（）]+")
# an editor's label, in either script (编辑, 責任編輯, 审 核, 编审, 二审, 签发, Biên tập); 编辑 alone needs
# its colon or a space before a name (编辑部, 编辑出版 are words)
_EDITOR_LABEL = (
    r"(?:(?:责任|責任|内容|內容|文字|值班|见习|見習|特约|特約|网络|網絡|美术|美術)?[编編]\s*[辑輯]|[责責]\s*[编編]|美[编編]"
    r"|(?:内容|內容)?[审審]\s*核|[编編]\s*[审審]|校\s*[对對]|[审審]\s*校|[初终終复複][审審]|[一二三]\s*[审審]|[签簽]\s*[发發]"
    r"|Biên tập(?: viên)?|BTV)"
)
# an editor's name: two to four Han characters (a two-character one may be spaced: 苏 伟), in
# brackets or not, a user name (wb001), or a Vietnamese name; several joined by 、 or spaces
_EDITOR_NAME = (
    r"[【\[]?(?:[\u4e00-\u9fff·]{2,4}|[\u4e00-\u9fff]\s[\u4e00-\u9fff]{1,2}|[A-Za-z][\w.]{1,15}"
    r"|[A-ZĐ][a-zà-ỹ]*(?:\s[A-ZĐ][a-zà-ỹ]*){1,4})[】\]]?(?:[(（]实习[)）])?"
)
_EDITOR_CREDIT = (
    rf"{_EDITOR_LABEL}\s*(?:[:：]\s*|\s+){_EDITOR_NAME}(?:\s*[、,，/]\s*{_EDITOR_NAME}|\s+{_EDITOR_NAME})*"
)
_EDITORS = rf"{_EDITOR_CREDIT}(?:\s*[|｜,，;；]?\s*{_EDITOR_CREDIT})*"
# a line of editors only, bracketed or not: (责编:某某 审核:某某 签发:某某), BBT (the board's signature)
# (a button may stand before them: 【我要纠错】责任编辑:某某; a label may be left empty: 初审编辑:)
EDITORS_LINE = re.compile(
    rf"(?:【[^】]{{1,6}}】)?\s*[(（【\[]?\s*(?:{_EDITORS}|(?:{_EDITOR_LABEL}){{1,2}}\s*[:：])\s*[)）】\]]?[\s|｜]*"
    r"|BBT|Ban [Bb]iên tập"
)
# a run of editors closing a line after a credit or a sentence, inside the line's closing bracket
# or not: (记者 某某 编辑 某某), 供稿:某某 编辑:某某审核:某某
_EDITORS_END = re.compile(
    rf"(?<=\S)\s*[|｜]?\s*(?:[(（【\[]\s*{_EDITORS}\s*[)）】\]]|\s{_EDITORS}\s*(?P<close>[)）】\]]?))[\s|｜]*$"
)
_LONE_EDITOR = re.compile(r"[编編]\s*[辑輯]\s*[:：]\s*[\u4e00-\u9fff·]{2,4}")
# someone credited on the page (本报记者 某某, (记者某某 通讯员某某), 作者:某某, 供稿:某某, Tác giả:)
_CREDITED = re.compile(
    r"(?:记\s*者|通讯员|作\s*者|撰\s*文|供\s*稿|摄\s*影|实习生)\s*[:：/／]?\s*[\u4e00-\u9fff]{2,4}(?:[)）\s]|$)"
    r"|(?:Tác giả|Bài(?: và ảnh)?|Ảnh)\s*:"
)
_EDITOR_HINT = re.compile(r"[编編辑輯审審核校签簽]|Biên|BTV|BBT|Ban")
_END_HINT = re.compile(r"[编編辑輯审審签簽]|校\s*[对對]|Biên|BTV")


def editors_line(key: str) -> bool:
    """Is the line only the site's editors (编辑:某某, 二 审:某某 三 审:某某, (责编:某某))?"""
    return _EDITOR_HINT.search(key) is not None and EDITORS_LINE.fullmatch(key) is not None


def editors(keys: Sequence[str], kept: Sequence[int]) -> set[int]:
    """The kept lines that are only the site's editors, to be dropped; none when the page's one
    editors' line is a plain 编辑:某某 and no line of the page credits anyone else: then it is the
    article's only credit, its author (the owner's seed 003: 编辑:时金 under a farm copy)."""
    found = {i for i in kept if editors_line(keys[i])}
    if len(found) == 1:
        (i,) = found
        if _LONE_EDITOR.fullmatch(keys[i]) and not any(_CREDITED.search(k) for k in keys):
            return set()
    return found


def without_editors(line: str) -> str:
    """The line without the run of editors that closes it (…高潮。(记者 某某 编辑 某某) ->
    …高潮。(记者 某某)); the line itself when none does."""
    if _END_HINT.search(line, max(0, len(line) - MAX_CREDIT * 2)) is None:
        return line  # most lines: no editor's label near their end (one quick scan)
    m = _EDITORS_END.search(line, max(0, len(line) - MAX_CREDIT * 2))
    return line[: m.start()] + (m["close"] or "") if m else line


def credit_in(key: str) -> tuple[int, int] | None:
    """The span of the article's credit in a line of page data (in simplified script), or None."""
    if _HINT.search(key) is None:
        return None  # most lines: no letter a label starts with (one quick scan)
    for m in _LABEL.finditer(key):
        if _EDITOR.search(key, 0, m.start()):
            continue  # 责任编辑: the label's own end (记者 inside a longer editor label)
        ends = [x.start() for x in (_STOP.search(key, m.end()), _NEXT_FIELD.search(key, m.end())) if x]
        end = min(ends, default=len(key))
        value = key[m.end() : end].rstrip(" \t\u3000,，、;；:：/／-–")
        name = _LATIN_NAME if _VI_LABEL.match(m.group(0)) else _HAN_NAME
        if f"[{value}]" in key or f"【{value}】" in key:
            continue  # [休闲] … 作者:休闲: a farm signs with the section's tag, no one's name
        if _UNIT.fullmatch(value):
            continue  # 作者:文教部, 作者:某某市文明办: an office signs, no person
        if value and len(value) + m.end() - m.start() <= MAX_CREDIT and name.search(value):
            return m.start(), m.end() + len(value)
    return None


def _edge(lines: Sequence[str], body: Sequence[str]) -> tuple[int, int] | None:
    """Indices of the body's first and last line among the page's lines (the body keeps the lines'
    starts; a line may have lost page data glued to its end)."""
    if not body:
        return None
    first = next((i for i, line in enumerate(lines) if line.startswith(body[0])), None)
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].startswith(body[-1])), None)
    if first is None or last is None or last < first:
        return None
    return first, last


def salvage(
    lines: Sequence[str], keys: Sequence[str], body: list[str], title: str | None
) -> tuple[list[str], list[str]]:
    """The credits of the dropped lines right above the body (under or around the title) and right
    below it (the metadata line that closes a post): (credits for the top, credits for the bottom),
    each in the page's own script, none that the body already holds."""
    edge = _edge(lines, body)
    if edge is None:
        return [], []
    first, last = edge
    seen: set[str] = set()
    held = ""  # the body squashed, in the page's own script as the credits are: made when needed

    def credits(indices: range) -> list[str]:
        nonlocal held
        found = []
        for i in indices:
            if lines[i] == title or (span := credit_in(keys[i])) is None:
                continue
            credit = lines[i][span[0] : span[1]]
            squashed = _SQUASH.sub("", credit)
            held = held or _SQUASH.sub("", "\n".join(body))
            named = _HAN_NAME.findall(credit)[-1:]  # the credit's last name, said in the text already
            if squashed not in seen and squashed not in held and not (named and named[0] in held):
                seen.add(squashed)
                found.append(credit)
        return found

    top = credits(range(max(0, first - EDGE_REACH), first))
    bottom = credits(range(last + 1, min(len(lines), last + 1 + EDGE_REACH)))
    return top, bottom
