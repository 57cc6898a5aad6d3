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
_PAST_NOTICE = re.compile(r"经[^，,。；;]{0,30}?公示")  # 经…媒体公示四重程序严格产生: a step gone through
PLANNED = re.compile(  # 拟表彰…三千名, 每个分工会…推荐1名: a plan or a quota (推荐拟表彰的: done)
    r"拟(?:推荐|表彰|授予|评选|命名|推选)(?!的)|每[^，,。；;]{0,16}?(?:推荐|申报|上报)"
)
_GIVEN = re.compile(
    r"给予[^，,。；;]{0,40}?(?:奖(?!金|学金)|表彰|表扬|嘉奖)"
)  # 给予X等17个县…达标奖, not 给予资助
_STATEMENT_END = re.compile(r"[。！？!?\n]|\.(?=\s)")  # a sentence, with the parts ；/; splits off


def status_of(
    sentence: str, around: str, lex: Lexicon, clause: str = "", notices: bool = False
) -> str | None:
    """候选 at the number; 拟… or a council reviewing (xét thưởng) proposes; an awarding verb decides
    (审核公示 in a decision is its past); 公示 alone is a notice of proposals, unless the sentence
    has gone through it (经…媒体公示…产生), where `notices` (a whole paragraph read) does not say so.
    A council's name (Hội đồng Thi đua - Khen thưởng) is no awarding act."""
    if "候选" in around or "ứng cử" in around or (clause and words().shortlisted.search(clause)):
        return "candidate"  # 入围决审的 2 位…和 2 组团体: the clause shortlists what it counts
    if any(x in around for x in words().nominated):
        return "proposed"
    sentence = words().status_not.sub(" ", sentence)
    if PROPOSING.search(sentence) or words().proposing.search(sentence):
        return "proposed"
    if lex.cue_re["awarded"].search(sentence) or words().awarded.search(sentence) or _GIVEN.search(sentence):
        return "awarded"
    sentence = sentence if notices else _PAST_NOTICE.sub(" ", sentence)  # a paragraph's 公示 still tells
    return "proposed" if _PROPOSED.search(sentence) else None


def _statement_start(text: str, at: int) -> int:
    low = max(0, at - 400)
    return max((m.end() for m in _STATEMENT_END.finditer(text, low, at)), default=low)


def statement(text: str, at: int) -> str:
    """The sentence holding `at`, parts split off by ；/; included."""
    end = _STATEMENT_END.search(text, at)
    return text[_statement_start(text, at) : end.start() if end else len(text)]


_DECIDED = re.compile(r"(?<!\w)(?:thống nhất|nhất trí|quyết định)\s*:", re.I)


def decided_from(text: str, start: int, at: int) -> int:
    """…các tập thể và cá nhân đề nghị khen thưởng, Hội đồng thống nhất: Tặng … cho 1.780 cá nhân: what
    a council agreed on after a colon is its decision; the proposals it reviewed before the colon are
    not the count's status. Where the reading of the status starts: after the last such colon
    between `start` and `at`, else `start`."""
    return max((m.end() for m in _DECIDED.finditer(text, start, at)), default=start)


def proposed_before(text: str, at: int, spans: list[tuple[int, int]]) -> bool:
    """Does the sentence propose before the part (split off by ;) holding `at`? A council passing
    proposals (thông qua đề nghị … cho 18 cá nhân; …) proposes every part of its list."""
    part, start = sentence_of(spans, at)[0], _statement_start(text, at)
    start = decided_from(text, start, part)
    lead = words().status_not.sub(" ", text[start:part]) if start < part else ""
    return bool(PROPOSING.search(lead) or words().proposing.search(lead))


_OPENS = re.compile(r"\s*(?:Cụ thể|cụ thể)?[\s,:]*")


def proposed_total(text: str, at: int, spans: list[tuple[int, int]]) -> bool:
    """…đã thống nhất đề nghị lên Ban Thi đua… 22 tập thể, cá nhân. Trong đó, có 1 tập thể nhận
    Huân chương…: a sentence opening with a part marker (trong đó,其中) breaks down the total of the
    sentence before it; when that sentence proposes, so do the parts, whatever they "receive"."""
    start = _statement_start(text, at)  # the whole sentence: its parts split off by ; too
    opens = _OPENS.match(text, start).end()
    if start == 0 or not words().part_marker.match(text, opens):
        return False
    before = words().status_not.sub(" ", text[_statement_start(text, start - 1) : start])
    return bool(PROPOSING.search(before) or words().proposing.search(before))


_CANDIDATE_ROLL = re.compile(r"候选(?:人|人选|对象)?名单|候选人选")
_NOTICE_ROLL = re.compile(r"公示(?:的|了)?(?:名单|人选|对象)|名单(?:进行)?公示|拟表彰(?:人选|对象|名单)")
_RECOMMENDED = re.compile(r"(?:推荐|推选|报送)了?(?:(?!授予|表彰|评为)[^，,。；;：:]){1,40}?等$")
_NEXT_STEP = re.compile(r"筛选|审核|审定|初评|评审|初选|候选|投票|评议|考核|考察")
_CHOSEN = re.compile(r"评选出|选出|评出|最终|正式|确定为|决定")
_POOL = re.compile(r"(?:^|共|累计|合计|共计|一共)(?:推荐|推选)了?(?!出)[^，,。；;等\d]{0,12}$")


def roll_status(head: str, clause: str, rest: str, after: str, status: str | None) -> str | None:
    """The status the list a count stands in gives it, whatever the verb after the count says:
    候选人名单已经公布,我市有17名市民上榜 (a candidates' list: candidate), 在此次公示的名单中,…共有3个集体
    上榜 (a notice: proposed), 全县各单位共推荐51名…人选 (the nominations a selection starts from, no
    lead name: candidate, when `after`, the text right after the count, goes on to a later step of
    the selection: 经逐级筛选审定, 经资格审核), unless a choice is made after the list is named
    (从候选名单中评选出10名). `head` is the count's sentence up to it, `clause` its clause up to it,
    `rest` the rest of its clause. Named people recommended (推荐…吕某副教授等5位教师) are proposed."""
    if words().shortlisted.search(rest):  # 10人入围, 15家网站…获得参评资格: the rest of its clause
        return "candidate"
    if _RECOMMENDED.search(clause) and status in ("awarded", None):  # 推荐…吕某等5位教师,参加…评选
        return "proposed"
    roll = [
        m for m in (_CANDIDATE_ROLL, _NOTICE_ROLL) if (x := _last(m, head)) and not _CHOSEN.search(head, x)
    ]
    if roll and roll[0] is _CANDIDATE_ROLL:
        return "candidate"
    if roll and status == "awarded":
        return "proposed"
    if _POOL.search(clause) and _NEXT_STEP.search(after) and status in ("awarded", "proposed", None):
        return "candidate"
    return status


def _last(pattern: re.Pattern, text: str) -> int | None:
    ends = [m.end() for m in pattern.finditer(text)]
    return ends[-1] if ends else None
