"""Titles of counts that no lexicon knows, read from the words around the count (extract/counts.py):
授予3316个村镇全国文明村镇称号, 授予X等38个村镇为第十三届市级文明村镇, 授予于漪等28人国家荣誉称号."""

from __future__ import annotations

import re

from extract.numbers import CN_NUMBER
from extract.text import Mention

_TITLE_BEFORE_CHENGHAO = re.compile(r"[^，,、。；;：:“”\"\d]{2,24}?(?=(?:荣誉)?称号)")


_TITLE_HEAD = re.compile(
    r"[^，,、。；;：:“”\"「」『』()（）\s等的和及与并获被为评授选是有在了将从向由把]{1,12}"
)
_EDITION = re.compile(  # 第十三届全国五好家庭; 2014-2016年度金山区先进集体: an edition or a period
    r"(?:第[\d一二三四五六七八九十百]+届|(?:19|20)\d\d(?:[-—–~至](?:19|20)?\d\d)?年度?)"
    r"[^，,、。；;：:“”\"「」\s等的和及与并获被]{2,16}"
)


_MERIT = re.compile(  # 等98个先进集体记集体一等功, 为张某等5名同志记个人二等功, 12名民警荣立三等功
    r"[^，,、。；;：:“”\"「」\d]{0,10}?(?:予以|给予|分别)?(?:记|荣立|荣记|立|授予)?"
    r"(?P<t>(?:个人|集体)?[一二三特]等功)"
)


def merit_after(text: str, end: int, stop: int) -> Mention | None:
    """为X等98个先进集体记集体一等功: a merit recorded for the counted (记功, the police's, the army's
    and the procuratorate's award) right after the count and its noun is the count's title, before any
    title the noun itself looks like (先进集体 names who is counted here, not what they won)."""
    m = _MERIT.match(text, end, stop)
    return Mention(m.start("t"), m.end("t"), m.group("t")) if m else None


_QUOTED_RIGHT = re.compile(
    r"[“\"「]([^“”\"「」，,。；;\d]{2,24})[”\"」](?P<then>进行|称号|荣誉|颁奖|颁发|授牌|(?:受到了?|获得?了?|受)(?:表彰|表扬|嘉奖))?"
)  # 353名“好婆婆好媳妇”受到了表彰: the quoted who are commended are counted by that title
_ITEM_END = re.compile(r"[、，,。；;\n]|以及|和|及")


def own_title(text: str, start: int, end: int, stop: int) -> Mention | None:
    """The count's own title right after it: a merit recorded for the counted (merit_after), or a
    quoted title, before any title said earlier in the sentence: one the honouring goes on from
    (为10名“金牌工人”颁奖) or one closing a list item led by a name (…以及樊莉萍等30名“教坛新秀”进行了
    表彰; 等5名“X”、等8名“Y”), not a quoted word for who they are (300多位“空巢老人”,)."""
    right = _QUOTED_RIGHT.match(text, end)
    item = right and text[start - 1 : start] == "等" and _ITEM_END.match(text, right.end())
    if right and (right.group("then") or item):
        return Mention(right.start(1), right.end(1), right.group(1))
    return merit_after(text, end, stop)


def edition_after(text: str, end: int, stop: int, counted_noun: re.Pattern) -> Mention | None:
    """表彰997户第十三届全国五好家庭: a title no lexicon knows, right after the counted noun, that
    names its edition (第N届) up to the clause's end or a conjunction."""
    a = counted_noun.match(text, end).end()
    m = _EDITION.match(text, a, stop)
    return Mention(a, m.end(), m.group()) if m else None


_HEAD = re.compile(  # 2014-2016年度金山区, 福建省: a period or a place right before a known title
    r"(?:(?:19|20)\d\d(?:[-—–~至](?:19|20)?\d\d)?年度?)?"
    r"(?:全国|全省|全市|[^\W\d获评授予被为荣的和及与等了在是有个名人位家户所我本该其各]{1,6}?(?:省|市|区|县|州))?$"
)


def placed(h: Mention, text: str, end: int, counted_noun: re.Pattern) -> Mention:
    """获评福建省三八红旗手, 98个2014-2016年度金山区先进集体: a title after a count keeps the place and
    the period written right before it, which tell it from the same title of another level (not
    the counted noun: 三名职工县五一劳动奖章), or the words after the honouring verb (widened)."""
    m = _HEAD.search(text, max(counted_noun.match(text, end).end(), h.start - 16), h.start)
    return (
        Mention(m.start(), h.end, text[m.start() : h.end])
        if m and m.start() < h.start
        else widened(h, text, end)
    )


_VERB_THEN = re.compile(
    r"(?:荣获|获评|获得|被评为|被授予|当选)(?P<t>[^，,、。；;：:“”\"「」『』()（）\s等的和及与并获被为评授选是有在了将从向由把]{1,12})$"
)


def widened(h: Mention, text: str, end: int) -> Mention:
    """7名同志荣获全省精神文明建设先进工作者: a known title after a count takes the words between the
    honouring verb and it (a field or a place no lexicon joins to it) as its own."""
    m = _VERB_THEN.search(text, end, h.start)
    return Mention(m.start("t"), h.end, text[m.start("t") : h.end]) if m else h


def trimmed(h: Mention, text: str, end: int, counted_noun: re.Pattern) -> Mention:
    """798户家庭全国文明家庭: a title found with the counted noun before it loses the noun."""
    a = max(h.start, end)
    if a > end + 2:  # 979户第十届全国五好文明家庭: the words between the noun and the title are its own
        b = counted_noun.match(text, end).end()
        return Mention(b, h.end, text[b : h.end]) if _TITLE_HEAD.fullmatch(text, b, h.start) else h
    b = counted_noun.match(text, a).end()
    return Mention(b, h.end, text[b : h.end]) if h.end - b >= 2 and b > h.start else h


_END_ASIDE = re.compile(r"[(（][^()（）]{1,10}[)）]$")


def title_after(
    text: str, end: int, stop: int, suffix: re.Pattern, counted_noun: re.Pattern, title_mark: re.Pattern
) -> Mention | None:
    """授予于漪等28人国家荣誉称号, 授予迪口镇等38个村镇为第十三届建瓯市级文明村镇: a Chinese title
    no lexicon knows, right after the counted noun, up to 称号 or (after 为) a title ending."""
    noun = counted_noun.match(text, end)
    a = noun.end()
    m = _TITLE_BEFORE_CHENGHAO.match(text, a, stop + 4)
    if m:  # 国家荣誉称号: a title of two characters keeps its 荣誉称号
        b = m.end() if len(m.group(0)) > 2 else text.index("称号", m.end()) + 2
        return Mention(a, b, text[a:b])
    quoted = quoted_after(text, a, stop) if text[noun.start() : a].endswith("为") else None
    if quoted:
        return quoted
    aside = _END_ASIDE.search(text, a, stop)  # …优秀学生干部(见附件2): a pointer after the title
    stop = aside.start() if aside else stop
    etc = text.find("等", a, stop)  # …为区级文明机关等表彰单位的决定: 等 closes the list of titles
    stop = etc if etc > a else stop
    if text[noun.start() : a].endswith("为") and 2 <= stop - a <= 24:
        tail = suffix.search(text, a, stop)
        if (tail and tail.end() == stop) or title_mark.search(text, a, stop):
            return Mention(a, stop, text[a:stop])
    return None


_BEFORE_START = re.compile(r"[，,、；;：:。！？!?\n（(）)]")
_ASIDE = re.compile(r"[(（][^()（），,。；;]{1,6}[)）]")  # a short aside inside a title is part of it
_NOT_IN_TITLE = re.compile(r"[\d“”\"「」的等]|之(?![星光])")  # 成效优良之寺庙: 之 as 的; 乡村校长之星 a title


def title_before(
    text: str, start: int, floor: int, suffix: re.Pattern, title_mark: re.Pattern, lead: re.Pattern
) -> Mention | None:
    """共评选出五四红旗团支部3个,五四青年标兵1人,校级优秀共青团干部12人: a title no lexicon knows,
    written right before its number, from the clause's start or a lead-in word (评选出, 共有) on. It
    must read as a title (one of its words, or a title ending); 王某等5人 names people, not a title."""
    a = max(floor, start - 24)
    lo = max(0, a - 8)  # 先进生产(工作)者103人次: a short aside is no clause start
    masked = _ASIDE.sub(lambda x: "_" * len(x.group()), text[lo:start])
    seps = list(_BEFORE_START.finditer(masked, a - lo))
    if seps:
        a = seps[-1].end() + lo
    elif a > floor:
        return None  # no clause start within reach: a long phrase is no title
    leads = list(lead.finditer(text, a, start))
    a = leads[-1].end() if leads else a
    a += text.startswith("了", a)  # 表彰了先进集体十个: the verb's 了 is no part of the title
    phrase = text[a:start]
    if not 2 <= len(phrase) <= 16 or _NOT_IN_TITLE.search(phrase):
        return None
    ending = any(m.end() == len(phrase) for m in suffix.finditer(phrase))
    return Mention(a, start, phrase) if ending or title_mark.search(phrase) else None


def quoted_after(text: str, a: int, stop: int) -> Mention | None:
    """X等4人为“共和国勋章”建议人选: a quoted phrase right after the count's 为 is its title."""
    m = re.compile(r"[“\"「]([^”\"」，,。；;]{2,24})[”\"」]").match(text, a, stop + 2)
    return Mention(m.start(1), m.end(1), m.group(1)) if m else None


_QUOTED_CHENGHAO = re.compile(r"[“\"「『]([^“”\"「」『』，,。；;]{2,24})[”“\"」』]\s*(?:荣誉)?称号")


def quoted_chenghao(text: str, end: int, stop: int) -> Mention | None:
    """40家单位荣获省、市、区“文明单位“称号: a quoted title before 称号 in the count's clause, its
    closing quote written as an opening one or not."""
    m = _QUOTED_CHENGHAO.search(text, end, stop)
    return Mention(m.start(1), m.end(1), m.group(1)) if m else None


def award_after(
    text: str, end: int, stop: int, counted_noun: re.Pattern, award_tail: re.Pattern
) -> Mention | None:
    """表扬577位国中应届毕业生县长奖: after a count its clause names an award, up to the clause's end."""
    a = counted_noun.match(text, end).end()
    m = award_tail.match(text, a, stop)
    if m and m.group()[0] in "获得颁":  # 选出6组团体获奖: won a prize, no prize's name
        return None
    return Mention(a, m.end(), m.group()) if m and m.end() <= stop else None  # the tail ends its phrase


def quoted_named(text: str, end: int, stop: int, named_verb: re.Pattern) -> Mention | None:
    """45户家庭被推选为全市“美德家庭”, 18户为全市“美德家庭”提名家庭: a quoted title no lexicon knows,
    after an honouring verb in the count's clause and a few words of place."""
    m = named_verb.match(text, end, stop)
    q = _QUOTED_SOON.match(text, m.end(), stop + 2) if m else None
    return Mention(q.start(1), q.end(1), q.group(1)) if q else None


_QUOTED_SOON = re.compile(r"[^，,。；;“”\"「」\d]{0,6}?[“\"「]([^“”\"「」，,。；;]{2,24})[”\"」]")


_MARKED = re.compile(  # …、11个巴南工匠和14个…: a list's last item but one ends at 和 and a count
    rf"([^，,、。；;：:“”\"「」『』()（）\s\d的等和及与]{{2,16}})(?:[(（][^()（）]{{1,6}}[)）])?"  # 城市(区)
    rf"(?=[，,、。；;！？!?\n]|$|等[，,。；;]|[和及与](?:{CN_NUMBER}))"  # …及3名绩优役政人员等,共计
)
# 42名服务逾20年的资深邻长: who they are, then 的; not 15名教学人员在教育方面的卓越表现 (where they excel)
_WHO = re.compile(r"[^，,、。；;：:“”\"「」『』()（）\s的等和及与在]{2,12}的")
_NOT_A_TITLE = re.compile(r"参加|出席|进行|开展|获|被|受到|作为|代表|参与|组成")


def marked_after(
    text: str, end: int, stop: int, counted_noun: re.Pattern, title_mark: re.Pattern
) -> Mention | None:
    """表彰了50名周口市优秀志愿者、20个…优秀志愿服务组织; 颁奖给X、Y等11位杰出青年。: after an honouring
    verb's count (or a list of names' count), a phrase that runs to the clause's end or the next 、 and
    holds a title word (优秀, 杰出) is the count's title, where no lexicon knows it and no quote marks it."""
    a = counted_noun.match(text, end).end()
    who = _WHO.match(text, a)
    a = who.end() if who and _MARKED.match(text, who.end()) else a  # who they are, then the title
    m = _MARKED.match(text, a)
    if not m or m.end() > stop + 1 or _NOT_A_TITLE.search(m.group()) or not title_mark.search(m.group()):
        return None
    return Mention(a, m.end(1), m.group(1))


_JOINED = re.compile(r"[”\"」]?[、，,]?(?:和|及|与|以及)")
_TWIN = re.compile(r"[^，,、。；;：:“”\"「」『』()（）\s\d等和及与]{2,16}")


def parallel_title(text: str, prev: Mention, start: int, end: int, stop: int) -> Mention | None:
    """向15位模范父亲和8位慈晖父亲表达敬意: a count joined by 和 to a count and its title has its own title
    right after it (after the words that say who they are, up to 的), written as its twin is, ending in the
    same character (父亲), where no lexicon knows it; the title before belongs to the first count."""
    if not _JOINED.fullmatch(text, prev.end, start):
        return None
    m = _TWIN.match(text, end, stop)
    if not m:
        return None
    cut = text.find(prev.text[-1], end + 1, m.end())
    a = text.rfind("的", end, cut) + 1 or end  # 8位来自身心障碍者家庭的慈晖父亲: who they are, then the title
    return Mention(a, cut + 1, text[a : cut + 1]) if cut > a else None


_CEREMONY = re.compile(
    r"[「“\"『]((?:[\d一二三四五六七八九十百零〇○]+学?年度?|第[^届」”\"』]{1,4}届)?)"
    r"([^「」“”\"『』，,。；;]{2,16}?)(?:颁奖典礼|颁奖大会|颁奖仪式|表扬大会|表扬典礼|表扬活动|表彰大会)[」”\"』]"
)


_QUOTED_CEREMONY = re.compile(
    r"[「“\"『]([^「」“”\"『』，,。；;\d]{2,16})[」”\"』](?:荣誉)?(?:颁授|颁奖|颁发|表扬|表彰)(?:典礼|大会|仪式|活动)"
)  # “卓越表现教师”荣誉颁授典礼: the quoted title, then its ceremony


def ceremony_title(text: str, start: int, end: int) -> str | None:
    """举办了「112学年度县长奖颁奖典礼」,共计616位…获奖: a count its own clause gives no title, in a sentence
    that names its ceremony, is counted by the honour the ceremony's name gives (without its year);
    the last ceremony named between `start` (the sentence's start) and `end` (the count). The title
    may be quoted alone before the ceremony's words (“卓越表现教师”荣誉颁授典礼,表彰15名…)."""
    named = sorted(
        [(m.start(), m.group(2)) for m in _CEREMONY.finditer(text, start, end)]
        + [(m.start(), m.group(1)) for m in _QUOTED_CEREMONY.finditer(text, start, end)]
    )
    return named[-1][1] if named else None


_NAMED_AS = re.compile(r"[”\"」]?为[^，,。；;、“”\"「」\d]{0,6}[“\"「]?")


def named_as(text: str, after: list[Mention]) -> list[Mention]:
    """命名X等100个先进集体为铁路“工人先锋号”: of the titles after a count, one followed by 为 and another
    says who the counted are; the one after 为 is what they are named, the count's title."""
    if len(after) > 1 and _NAMED_AS.fullmatch(text, after[0].end, after[1].start):
        return after[1:]
    return after
