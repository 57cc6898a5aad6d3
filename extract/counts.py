"""Counts: how many people, collectives, households, votes or views, with status and honour."""

from __future__ import annotations

import re

from extract.lexicon import Lexicon
from extract.numbers import CN_NUMBER, VI_NUMBER, parse_number, parse_vietnamese
from extract.records import Count
from extract.text import Mention, sentence_of, sentences

_ZH = re.compile(
    rf"(?P<pre>超过|近|超|约|逾)?(?P<num>{CN_NUMBER})(?P<post>余|多)?(?P<cls>人次|名|人|位|个|组|支|户|票|次)"
)
_VI = re.compile(
    rf"(?<![\w.,])(?P<pre>(?:hơn|gần|khoảng|trên)\s+)?(?P<num>{VI_NUMBER})\s+"
    r"(?P<cls>tập thể|cá nhân|hộ gia đình|hộ|lượt|phiếu|người|đồng chí|hội viên|đoàn viên|đảng viên|học sinh|gia đình|"
    r"ấp|thôn|khu phố|tổ dân phố|đơn vị)(?!\w)",
    re.I,
)
_VIEW_BEFORE = re.compile(r"访问|浏览|阅读|观看|点击|播放|收看")
_VIEW_AFTER = re.compile(r"^(?:观看|围观|收看|参与|点赞|次)")
_COLLECTIVE_NOUN = re.compile(
    r"^[^，,、。；;：:]{0,10}?(集体|团队|单位|组织|社区|班组|党支部|党组织|村|站|街道)"
)
_PROPOSING = re.compile(r"拟(?=推荐|授予|表彰|命名|评|确定|入选|认定|推选)|推荐人选|đề nghị khen thưởng")
_PROPOSED = re.compile(r"公示")
_VI_UNITS = {"tập thể": "collective", "hộ": "household", "hộ gia đình": "household", "gia đình": "household",
             "lượt": "view", "phiếu": "vote", "ấp": "collective", "thôn": "collective", "khu phố": "collective",
             "tổ dân phố": "collective", "đơn vị": "collective"}  # fmt: skip
_CLAUSE_END = re.compile(r"[，,、；;。！？!?\n]")


def _unit_zh(text: str, m: re.Match, honour_kind: str | None) -> str | None:
    cls, after = m.group("cls"), text[m.end() : m.end() + 14]
    before = text[max(0, m.start() - 8) : m.start()]
    if cls == "人次" or (cls in "人名" and _VIEW_AFTER.match(after) and cls == "人"):
        return "view"
    if cls in ("名", "人", "位"):
        return "person"
    if cls == "户":
        return "household"
    if cls == "票":
        return "vote"
    if cls == "次":
        return "view" if _VIEW_BEFORE.search(before) else None
    if after.startswith("人"):  # 十个人
        return "person"
    if honour_kind in ("collective", "household"):
        return honour_kind
    return "collective" if _COLLECTIVE_NOUN.match(after) else None


def _status(sentence: str, around: str, lex: Lexicon) -> str | None:
    """候选 at the number; 拟… proposes; an awarding verb decides (审核公示 in a decision is its past);
    公示 alone is a notice of proposals."""
    if "候选" in around or "ứng cử" in around:
        return "candidate"
    if _PROPOSING.search(sentence):
        return "proposed"
    if lex.cue_re["awarded"].search(sentence):
        return "awarded"
    return "proposed" if _PROPOSED.search(sentence) else None


def _honour_near(
    start: int, end: int, text: str, sentence: tuple[int, int], found: list[Mention]
) -> Mention | None:
    """The count's honour: one right before the number (“十佳青年”10名, 奖章的30名), else the first after
    it in its clause before any other number, else the nearest before it in the sentence
    (tặng Bằng khen cho 35 tập thể)."""
    before = [h for h in found if sentence[0] <= h.end <= start]
    if before and re.fullmatch(
        r"[”\"’』」]?(?:的|共|计|有|为|候选人|候选)?[:：]?", text[before[-1].end : start]
    ):
        return before[-1]
    clause_end = _CLAUSE_END.search(text, end)
    stop = clause_end.start() if clause_end else len(text)
    next_count = _ZH.search(text, end, stop) or _VI.search(text, end, stop)
    stop = next_count.start() if next_count else stop
    after = [h for h in found if end <= h.start < stop]
    if after:
        return after[0]
    return before[-1] if before else None


def find_counts(
    text: str,
    lang: str,
    honour_mentions: list[Mention],
    lex: Lexicon,
    spans: list[tuple[int, int]] | None = None,
) -> list[Count]:
    spans = sentences(text) if spans is None else spans
    out: list[Count] = []
    pattern = _VI if lang == "vi" else _ZH
    for m in pattern.finditer(text):
        num = m.group("num")
        ratio = re.search(r"([\d.,]+)/$", text[max(0, m.start("num") - 12) : m.start("num")])
        if ratio:  # 1.245/1.302 hộ: the count is the part, the whole is its base
            num = ratio.group(1)
        value = parse_vietnamese(num) if lang == "vi" else parse_number(num)
        if value is None or value == 0 or (value == 1 and not num[:1].isdigit()):
            continue
        if lang != "vi" and (
            text[m.start() - 1 : m.start()] == "第" or re.search(r"[\d.]", text[m.start() - 1 : m.start()])
        ):
            continue
        sentence = sentence_of(spans, m.start())
        honour = _honour_near(m.start(), m.end(), text, sentence, honour_mentions)
        kind = lex.honour_kind(honour.text) if honour else None
        if lang == "vi":
            cls = m.group("cls").lower()
            unit = _VI_UNITS.get(cls, "person")
        else:
            unit = _unit_zh(text, m, kind)
        if unit is None:
            continue
        s, e = sentence
        start = (
            honour.start - 1
            if honour and honour.end <= m.start() and text[honour.start - 1 : honour.start] in '“"'
            else m.start()
        )
        out.append(
            Count(
                value=value,
                unit=unit,
                text=text[start : m.end()],
                span=(start, m.end()),
                status=_status(text[s:e], text[max(s, m.start() - 6) : m.end() + 6], lex),
                approx=bool(m.group("pre") or (lang != "vi" and m.group("post"))),
                honour=honour.text if honour else None,
            )
        )
    return out
