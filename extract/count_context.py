"""What the words around a Chinese count say of it (extract/counts.py reads them): honours counted in
人次, an award given to the counted though someone attended, onlookers, and two counts of one number."""

from __future__ import annotations

import re

from extract.count_words import words
from extract.records import Count
from extract.text import sentence_of

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


def given_to(clause: str, text: str, m: re.Match) -> bool:
    """市长出席逐一颁奖予125名模范劳工、6名…及12家…单位: an awarding verb after the clause's last attendance
    word and before the count (the list it heads) gives the counted their award; the attending is another's."""
    head = clause[: clause.find(text[m.start() : m.end()])]
    last = max((x.end() for x in words().not_honoured.finditer(head)), default=0)
    return bool(words().given_to.search(head, last))


def witnessed(text: str, end: int) -> bool:
    """300人见证: the counted watched, the rest of the clause says (见证418位学子… counts the watched)."""
    stop = CLAUSE.search(text, end)
    return bool(words().witnessed.search(text, end, stop.start() if stop else len(text)))


def clause_head(text: str, start: int) -> str:
    """The clause of a count up to the count."""
    head = text[max(0, start - 60) : start]
    return head[max((x.end() for x in CLAUSE.finditer(head)), default=0) :]


def beside(a: Count, b: Count, spans) -> bool:
    """Two counts of the same number close together in one sentence are two counts (表彰997户…五好家庭
    并揭晓997户全国最美家庭), not one said twice."""
    return sentence_of(spans, a.span[0]) == sentence_of(spans, b.span[0]) and abs(a.span[0] - b.span[0]) < 40
