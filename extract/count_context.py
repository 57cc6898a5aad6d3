"""What the words around a count say of it (extract/counts.py reads them): honours counted in 人次,
an award given to the counted though someone attended, onlookers, the count's clause, and two counts
of one number (said twice, or two counts)."""

from __future__ import annotations

import dataclasses
import re

from extract.count_status import decided_from, statement, status_of
from extract.count_words import words
from extract.lexicon import Lexicon
from extract.numbers import parse_number
from extract.records import Count
from extract.text import Mention, run_end, sentence_of

CLAUSE = re.compile(r"[，,；;。！？!?\n]|\.(?=\s)")
_STATEMENT_END = re.compile(r"[。！？!?\n]|\.(?=\s)")
_VIEW_BEFORE = re.compile(r"访问|浏览|阅读|观看|点击|播放|收看")


def times_honoured(text: str, m: re.Match) -> bool:
    """N人次 counts honours, not visits, when its sentence honours before it and names no views and no
    aside holds it (70人(87人次): the 人次 restate a count)."""
    head = text[max(0, m.start() - 60) : m.start()]  # 被评为市劳动模范5人,市先进生产(工作)者103人次
    head = head[max((x.end() for x in _STATEMENT_END.finditer(head)), default=0) :]
    return (
        not head.endswith(("(", "（"))
        and not _VIEW_BEFORE.search(head)
        and bool(words().times_honoured.search(head))
    )


_LABELLED = re.compile(r"\d+[名家个位人户](?P<t>[^\d、，,；;。“”\"「」]{2,16}?)(?=[、；;]|等)")


def organisers(clause: str) -> re.Match | None:
    """The clause's first word of organising or attending (主办, 出席) that no count's label holds: in
    a list of labelled counts (5家优秀工会联合组织、40家优良工会) a label reading as a title is the
    title of the counted, not the counted's act."""
    titles = [m.span("t") for m in _LABELLED.finditer(clause) if words().title_mark.search(m.group("t"))]
    return next(
        (x for x in words().not_honoured.finditer(clause) if not any(a <= x.start() < b for a, b in titles)),
        None,
    )


def given_to(clause: str, text: str, m: re.Match) -> bool:
    """市长出席逐一颁奖予125名模范劳工、6名…及12家…单位: an awarding verb after the clause's last attendance
    word and before the count (the list it heads) gives the counted their award; the attending is another's."""
    head = clause[: clause.find(text[m.start() : m.end()])]
    last = max((x.end() for x in words().not_honoured.finditer(head)), default=0)
    return bool(words().given_to.search(head, last))


def among_honoured(text: str, start: int, spans) -> bool:
    """Trong những người được khen thưởng lần này, có 3 người dân … tham gia truy đuổi: a sentence that
    opens among the honoured counts some of them; what they took part in is why, not attendance."""
    return bool(words().among_honoured.search(text, sentence_of(spans, start)[0], start))


def witnessed(text: str, end: int) -> bool:
    """300人见证: the counted watched, the rest of the clause says (见证418位学子… counts the watched);
    共500余人,欢聚一堂: the counted met, the rest of the clause or the start of the next one says."""
    stop = CLAUSE.search(text, end)
    cut = stop.start() if stop else len(text)
    w = words()
    if w.witnessed.search(text, end, cut) or w.gathered.search(text, end, cut):
        return True
    return bool(stop and text[stop.start()] in "，," and w.gathered.match(text, stop.end()))


def organised_by(text: str, start: int, end: int) -> bool:
    """此次表彰由A、B等9个部门联合组织开展: the count stands in a 由-phrase (the agent) and the rest of
    its clause is organising, not honouring: the counted gave the honour; an honouring word before
    the 由 (此次表彰) does not make them its receivers."""
    head = clause_head(text, start)
    stop = CLAUSE.search(text, end)
    rest = text[end : stop.start() if stop else len(text)]
    return "由" in head and bool(words().not_honoured.search(rest))


def clause_head(text: str, start: int) -> str:
    """The clause of a count up to the count."""
    head = text[max(0, start - 60) : start]
    return head[max((x.end() for x in CLAUSE.finditer(head)), default=0) :]


def beside(a: Count, b: Count, spans) -> bool:
    """Two counts of the same number close together in one sentence are two counts (表彰997户…五好家庭
    并揭晓997户全国最美家庭), not one said twice."""
    return sentence_of(spans, a.span[0]) == sentence_of(spans, b.span[0]) and abs(a.span[0] - b.span[0]) < 40


def unsaid_status(text: str, at: int, lex: Lexicon) -> str | None:
    """The status of a count its own clause says nothing of: its whole statement's (…thống nhất: Tặng
    … cho 1.780 cá nhân; … cho 288 cá nhân, read after the council's colon), else its paragraph's, else
    (a heading above a list: 一、先进集体（20个）) what the text said before it."""
    whole = statement(text, at)
    whole = whole[decided_from(whole, 0, len(whole)) :]
    status = status_of(whole, "", lex) or status_of(paragraph(text, at), "", lex, notices=True)
    return status or status_of(text[max(0, at - 600) : at], "", lex)


def paragraph(text: str, at: int) -> str:
    """The line holding `at`: where a count's sentence says nothing of its status."""
    return text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]


def suffix_of(text: str, end: int) -> str:
    """提名奖 after a title (“最美家庭”提名家庭, its quote closed before it), của Thủ tướng Chính phủ
    after Bằng khen: another honour."""
    end += bool(text[end : end + 1]) and text[end] in '”"」』'
    return next((x for x in words().honour_suffix if text.startswith(x, end)), "")


_JOINED_VI = re.compile(r"\s*(?:,|và)\s*")
_FOR_NEXT = re.compile(r"[^.;]{0,40}?\scho\s+(?:các\s+)?", re.I)


def joined_vi(text: str, end: int, count: re.Pattern) -> int:
    """4 tập thể và 2 cá nhân được tặng…, 10 tập thể, 4 cá nhân đã được…: where the run of counts
    joined by và or a comma that starts at a count ending at `end` ends; what follows is said of all."""
    return run_end(text, end, _JOINED_VI, count)


def given_for(text: str, end: int, next_count: re.Match | None) -> bool:
    """Cờ thi đua cho 5 đơn vị và Bằng khen của Chủ tịch UBND tỉnh cho 28 đơn vị: an honour after a
    count that is given (cho) to the next count is that one's."""
    return bool(next_count and _FOR_NEXT.fullmatch(text, end, next_count.start()))


_BARE_UNIT = re.compile(r"[十百千万亿]+")  # 逾百名, 近千人: vague


def vague(text: str, m: re.Match, lang: str) -> bool:
    """数百位, 上百名, 逾百名, 十余位, 一百多位, hàng trăm: no precise number."""
    if lang == "vi":
        before = text[max(0, m.start() - 12) : m.start()].lower().split()
        two = " ".join(before[-2:])
        return (
            bool(before)
            and two not in words().label_not
            and (before[-1] == "hàng" or two in words().label or before[-1] in words().label)
        )
    prev = text[m.start() - 1 : m.start()]
    decade = m.group("post") and parse_number(m.group("num")) in (10, 100, 1000, 10_000)  # 十余位, 一百多位
    bare = m.group("num") in ("百", "千", "万")  # 百位基层芳草人物: a round figure in a name
    round_word = prev in "上成" and m.group("num")[:1].isdigit()  # 仪式上10位获奖者: 上 says where
    return (
        (prev in words().vague and not round_word)
        or bool(m.group("pre") and _BARE_UNIT.fullmatch(m.group("num")))
        or bool(decade)
        or bare
    )


_HEADING = re.compile(r"[●•·■□◆◇▲△★☆\-—\s]*[“\"「『]?")


def heading(text: str, at: int, found) -> Mention | None:
    """●“全国优秀人民警察”⏎姚某等3名同志: on an honour roll the line right above a count may be only a
    title (a bullet, a quoted honour); the count's line says nothing of it, the title is the count's."""
    start = text.rfind("\n", 0, at)
    above = text.rfind("\n", 0, max(start, 0)) + 1
    if start < 0 or at - start > 60:
        return None
    lead = _HEADING.match(text, above, start).end()
    title = next((h for h in found if h.start == lead), None)
    quoted = _QUOTED_LINE.match(text, lead - 1, start) if not title and lead > above else None
    title = title or (quoted and Mention(quoted.start(1), quoted.end(1), quoted.group(1)))
    rest = text[title.end : start].strip() if title else None
    return title if rest is not None and re.fullmatch(r"[”\"」』]?(?:荣誉)?(?:称号)?[:：]?", rest) else None


_QUOTED_LINE = re.compile(r"[“\"「『]([^“”\"「」『』，,。；;\n]{2,24})[”\"」』]")  # no lexicon knows it


def clause_of(text: str, start: int, end: int, lang: str = "zh") -> str:
    """The clause of a count. A Vietnamese one ends at the next noun of people or units after it: what
    follows belongs to them (11 giáo viên thành tích bồi dưỡng học sinh tham gia kỳ thi), or at their
    achievement (thành tích), which says what they did, not why they are counted."""
    a = max((m.end() for m in CLAUSE.finditer(text, max(0, start - 60), start)), default=max(0, start - 60))
    b = CLAUSE.search(text, end)
    b = b.start() if b else len(text)
    if lang == "vi":  # … and at their achievement: 05 cá nhân có thành tích … trong việc tham gia
        b = min(
            (
                x.start()
                for x in (words().vi_noun.search(text, end, b), words().merit.search(text, end, b))
                if x
            ),
            default=b,
        )
    return text[a:b]


def said_twice(a: Count, b: Count) -> bool:
    """The same count said twice: value and unit, and honours and statuses that agree (“石岭县劳动模范”
    and 劳动模范, or one of them unsaid)."""
    if (a.value, a.unit) != (b.value, b.unit) or (a.status and b.status and a.status != b.status):
        return False
    x, y = a.honour or "", b.honour or ""
    return not x or not y or x.endswith(y) or y.endswith(x) or x.lower() == y.lower()


_HEAD_OPEN = re.compile(r"(?:^|\n)[^\n，,。；;：:]{1,20}[(（]$")


def bracket_heading(text: str, start: int, end: int) -> bool:
    """一、书法组(37名), 一、县级文明单位(20个): a count in brackets closing a short line head heads the
    list below it, as 名单如下（共16人） does: honoured when the text before it honours."""
    return bool(_HEAD_OPEN.search(text, max(0, start - 24), start)) and text[end : end + 1] in (")", "）")


def said_before(start: int, found: list[Mention]) -> Mention | None:
    """The title said last before a count whose verb takes no title (光荣入选, 获此殊荣), if close."""
    before = [h for h in found if start - 160 <= h.end <= start]
    return before[-1] if before else None


def clause_rest(text: str, end: int, stop: int) -> int:
    """Where the clause after a count ends (at most 40 characters on)."""
    clause_end = CLAUSE.search(text, end, min(stop, end + 40))
    return clause_end.start() if clause_end else min(stop, end + 40)


def other_kind(kind: str | None, unit: str | None) -> bool:
    """A title of people for a count of units, or the other way round: not the count's title."""
    units = ("person", "collective", "household")
    return kind in units and unit in units and kind != unit


def in_document_title(text: str, h: Mention) -> bool:
    """Is the title inside a document's name (《关于表彰…的决定》)?"""
    opened = text.rfind("《", max(0, h.start - 40), h.start)
    return opened >= 0 and "》" not in text[opened : h.start]


def fuller(a: str | None, b: str | None) -> str | None:
    """Of two sayings of one count's honour, the one that says more: 48个先进个人 said again as
    等48名同志“江苏制造突出贡献奖先进个人”称号 keeps the whole title."""
    return b if a is None or (b and len(b) > len(a) and b.endswith(a)) else a


_CARRY = re.compile(r"\s*(?:Theo\s+đó|Cụ\s+thể|据此|根据该决定)[,，:：]?\s", re.I)


def carried_over(text: str, count: Count, spans, found: list[Mention], lex: Lexicon) -> Count | None:
    """…tặng Bằng khen cho các tập thể có thành tích xuất sắc. Theo đó, có 39 tập thể …: a sentence that
    opens with "accordingly" counts what the sentence before it did, so that sentence's status (and its
    last title, when the count names none) are the count's. The count so carried over, or None."""
    s, _ = sentence_of(spans, count.span[0])
    before = [x for x in spans if x[1] <= s]
    if not before or not _CARRY.match(text, s):
        return None
    if words().not_honoured.search(text, count.span[1], sentence_of(spans, count.span[0])[1]):
        return None  # Theo đó, có gần 1.100 điều dưỡng và 242 kỹ thuật viên tham gia tranh tài
    a, b = before[-1]
    status = status_of(text[a:b], "", lex)
    if not status:
        return None
    titles = [h.text for h in found if a <= h.start and h.end <= b]
    return dataclasses.replace(count, status=status, honour=count.honour or (titles[-1] if titles else None))


_LIST_OPEN = re.compile(r"(?:包括|分别是|分别为|依次是|有)[:：]?[^。；;！？!?\n]*、[^。；;！？!?\n]*等$")


def closes_list(text: str, start: int) -> bool:
    """成绩优异公所包括A、B、…、I等9间公所; 模范里干事则包括X、Y…等11位人员: a count right after 等 that
    closes a list of names opened by 包括 (分别是, 有) in its sentence counts the people or units listed,
    honoured when the text before honours them, as a list announced by 名单如下 is."""
    return bool(_LIST_OPEN.search(text, max(0, start - 300), start))
