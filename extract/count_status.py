"""The status of a count (extract/counts.py finds the counts): awarded, proposed or candidate, read
from the words at the number, its clause and its sentence, and whether a sentence proposes before the
part of it (split off by ;) that holds a count."""

from __future__ import annotations

import re

from extract.count_words import words
from extract.lexicon import Lexicon
from extract.text import sentence_of

PROPOSING = re.compile(
    r"拟[^，。；,;]{0,12}?(?:推荐|授予|表彰|命名|评|确定|入选|认定|推选)|推荐人选|建议人选|đề nghị khen thưởng|đề nghị tặng"
)
_PROPOSED = re.compile(r"公示")
PLANNED = re.compile(  # 拟表彰…三千名, 每个分工会…推荐1名: a plan or a quota (推荐拟表彰的: done)
    r"拟(?:推荐|表彰|授予|评选|命名|推选)(?!的)|每[^，,。；;]{0,16}?(?:推荐|申报|上报)"
)
_STATEMENT_END = re.compile(r"[。！？!?\n]|\.(?=\s)")  # a sentence, with the parts ；/; splits off


def status_of(sentence: str, around: str, lex: Lexicon, clause: str = "") -> str | None:
    """候选 at the number; 拟… or a council reviewing (xét thưởng) proposes; an awarding verb decides
    (审核公示 in a decision is its past); 公示 alone is a notice of proposals. A council's name
    (Hội đồng Thi đua - Khen thưởng) is no awarding act."""
    if "候选" in around or "ứng cử" in around or (clause and words().shortlisted.search(clause)):
        return "candidate"  # 入围决审的 2 位…和 2 组团体: the clause shortlists what it counts
    if any(x in around for x in words().nominated):
        return "proposed"
    sentence = words().status_not.sub(" ", sentence)
    if PROPOSING.search(sentence) or words().proposing.search(sentence):
        return "proposed"
    if lex.cue_re["awarded"].search(sentence) or words().awarded.search(sentence):
        return "awarded"
    return "proposed" if _PROPOSED.search(sentence) else None


def _statement_start(text: str, at: int) -> int:
    low = max(0, at - 400)
    return max((m.end() for m in _STATEMENT_END.finditer(text, low, at)), default=low)


def statement(text: str, at: int) -> str:
    """The sentence holding `at`, parts split off by ；/; included."""
    end = _STATEMENT_END.search(text, at)
    return text[_statement_start(text, at) : end.start() if end else len(text)]


def proposed_before(text: str, at: int, spans: list[tuple[int, int]]) -> bool:
    """Does the sentence propose before the part (split off by ;) holding `at`? A council passing
    proposals (thông qua đề nghị … cho 18 cá nhân; …) proposes every part of its list."""
    part, start = sentence_of(spans, at)[0], _statement_start(text, at)
    lead = words().status_not.sub(" ", text[start:part]) if start < part else ""
    return bool(PROPOSING.search(lead) or words().proposing.search(lead))
