"""More readings of the words around a count (extract/counts.py), from pages of kinds the first
rules had not met: a tally of prizes by category (集体奖5项37个), a title before 有 (福州市五好家庭有50户),
a list item labelled by an unknown title (…10名、扎根山区教师7名) or a quoted one (“五好家庭”100户), an
item whose own noun is a title (X等10名美丽教师、Y等…), a proposal in a later clause that is not the
awarded count's (表彰了30名…,拟推荐5名…), a ceremony named after the count, two Vietnamese verbs joined
by a comma (được phong tặng, truy tặng danh hiệu …) and Vietnamese counts of mothers (02 Mẹ); and, from
the real mix of round 12, a run of labelled items (好媳妇9人、好婆婆9人…), an award held named before
the count (获颁…大紫荆勋章的共4人), an edition's award referred back to (本届医师奖), a poster's title on
the next line, a Party badge of one grade or several, a certificate's giver (Bằng khen của …) and a
quoted Vietnamese award (huy chương “Tuổi trẻ dũng cảm”)."""

from __future__ import annotations

import re

from extract.count_context import suffix_of
from extract.count_status import PROPOSING
from extract.count_titles import ceremony_title, title_before
from extract.count_vi import award_before, capitalised_noun, commended, given_title, this_award
from extract.count_words import words
from extract.numbers import CN_NUMBER
from extract.text import Mention

_PRIZE_TALLY = re.compile(  # 表彰集体奖5项37个, 个人奖7项200人: N categories of a prize, then M winners
    rf"(?P<who>集体|单位|团体|个人)?奖(?:励)?(?:共|计|共计)?(?:{CN_NUMBER})[项类个](?:共|计|共计)?$"
)


def prize_tally(text: str, start: int) -> str | None:
    """The unit of a count written right after a prize's number of categories (集体奖5项37个: 37
    units won the 5 collective prizes; 个人奖7项200人: 200 people): "collective", "person" or "any"
    (奖5项37个, who won is left to the classifier); None when no prize tally comes right before."""
    m = _PRIZE_TALLY.search(text, max(0, start - 16), start)
    if not m:
        return None
    return {"集体": "collective", "单位": "collective", "团体": "collective", "个人": "person"}.get(
        m.group("who") or "", "any"
    )


_LEAD_VERB = re.compile(r"(?:共有|计有|则有|有|共计|共|计|达)$")  # …卓越奖章则有46人


def before_lead(text: str, start: int, floor: int) -> int:
    """Where a title written before a count and its 有 (福州市五好家庭有50户, 先进个人共12名) ends: the
    start of the lead word, so that the title reads up to it; `start` when there is none."""
    m = _LEAD_VERB.search(text, max(floor, start - 2), start)
    return m.start() if m and m.start() > floor else start


_ITEM_NOUN = re.compile(r"[^、，,(（]{0,4}")


def own_title(item: str, title_mark: re.Pattern) -> bool:
    """X等10名美丽教师、Y等100名优秀教师: the words between a count and the 、 of the next item are a
    title of its own (a title word in them), so the count does not share the title after the next one
    (as X等384名同志、Y等16名同志“H”称号 do, whose noun is no title)."""
    noun = _ITEM_NOUN.match(item).group()
    return bool(noun) and bool(title_mark.search(noun))


_VI_VERB_END = re.compile(r"(?:phong tặng|truy tặng|tặng|trao tặng|trao|công nhận)\s*$", re.I)
_VI_VERB_START = re.compile(r"\s*(?:và\s+)?(?:phong tặng|truy tặng|tặng|trao tặng|trao|công nhận)\b", re.I)


def verbs_joined(text: str, end: int, stop: int) -> int:
    """29 mẹ được phong tặng, truy tặng danh hiệu “Bà mẹ Việt Nam anh hùng”: a comma between two
    awarding verbs ends no clause; the clause (and the search for the count's honour) runs on to the
    next comma. Returns the new end of the clause, or `stop`."""
    if text[stop : stop + 1] not in ",，" or not _VI_VERB_END.search(text, end, stop):
        return stop
    if not _VI_VERB_START.match(text, stop + 1):
        return stop
    nxt = re.compile(r"[，,、；;。！？!?\n]").search(text, stop + 1)
    return nxt.start() if nxt else len(text)


_LABEL = re.compile(  # 先进教育工作者10名、扎根山区教师7名: an item of a list of titled counts
    r"(?P<prev>[^、，,；;：:。“”\"「」\d]{2,16})"
    rf"(?:{CN_NUMBER})[名个人位所家户支][、，,；;]"
    r"(?P<t>[^、，,；;：:。“”\"「」『』()（）\s\d等的和及与为有了在是]{2,12})$"
)
_PLACE_END = re.compile(r"[省市县区州镇乡村]$")


def listed_label(text: str, start: int, floor: int, title_mark: re.Pattern) -> Mention | None:
    """课改标兵49名、扎根山区教师7名: in a list whose items are each a title then its count, the words
    before a count back to the last item's count are its own title, though no lexicon knows them and
    no title word marks them, when the item before reads as a title (a title word in it: 民防人员8人、
    义警17人 are kinds of people, no titles); not a place (甲县5名、乙县3名 counts by place)."""
    m = _LABEL.search(text, max(floor, start - 40), start)
    if not m or _PLACE_END.search(m.group("t")) or not title_mark.search(m.group("prev")):
        return None
    return Mention(m.start("t"), m.end("t"), m.group("t"))


_RUN_ITEM = re.compile(  # 好媳妇9人、好婆婆9人: a label, then its count, then the list's separator
    r"(?<=[、，,；;：:])(?P<t>[^、，,；;：:。“”\"「」『』()（）\s\d等的和及与为有了在是]{2,8})"
    rf"(?P<n>(?:{CN_NUMBER})[名个人位所家户支])(?=[、，,；;。]|$)"
)


def run_label(text: str, start: int, floor: int, title_mark: re.Pattern) -> Mention | None:
    """其中,好媳妇9人、好婆婆9人、好女儿2人,道德模范7人…: in a run of three or more items that are each
    a label and its count, the labels are titles when one of them reads as a title (a title word in
    it), though no lexicon knows the others; the run holds the count starting at `start`. Not places
    (甲县5名、乙县3名 counts by place)."""
    line_end = text.find("\n", start)
    run, mine = [], None
    for item in _RUN_ITEM.finditer(text, floor, line_end if line_end != -1 else len(text)):
        if run and item.start() - run[-1].end() > 1:
            if mine:
                break
            run = []
        run.append(item)
        mine = mine or (item if item.start("n") == start else None)
    if not mine or len(run) < 3 or not any(title_mark.search(x.group("t")) for x in run):
        return None
    if any(_PLACE_END.search(x.group("t")) for x in run):
        return None
    return Mention(mine.start("t"), mine.end("t"), mine.group("t"))


_RECEIVED_BEFORE = re.compile(
    r"(?:获颁|获授|荣获|获得)(?P<t>[^，,、。；;：:“”\"「」的\d]{2,30}?(?:勋章|奖章|奖状|奖))的(?:共有|共|有)?$"
    r"|(?:荣获|获得|获)(?P<p>[^，,、。；;：:“”\"「」的\d]{2,20}?)(?:表扬|表彰|嘉奖)的(?:共有|共|有)?$"
)  # 获得辅导会优良护理人员表扬的共4位: the title the counted were commended as, before 表扬
_TITLE_LEAD = re.compile(r".*(?:荣誉|最高|之)")


def received_before(text: str, start: int, floor: int, mark: re.Pattern) -> Mention | None:
    """获颁…最高荣誉大紫荆勋章的共4人: the award the counted received, named before the count as what
    they hold, no lexicon knowing it; the words before 荣誉 (what it is) are not its name."""
    m = _RECEIVED_BEFORE.search(text, max(floor, start - 40), start)
    if not m:
        return None
    if m.group("p"):  # 获县府表扬的共4位: no title word, no title
        return Mention(m.start("p"), m.end("p"), m.group("p")) if mark.search(m.group("p")) else None
    lead = _TITLE_LEAD.match(m.group("t"))
    a = m.start("t") + (lead.end() if lead and lead.end() <= len(m.group("t")) - 2 else 0)
    return Mention(a, m.end("t"), text[a : m.end("t")])


_CLAUSE_BREAK = re.compile(r"[，,；;]")
_OWN_COUNT = re.compile(rf"(?:{CN_NUMBER})\s?(?:名|个|人|位|家|户|tập thể|cá nhân)")


def status_end(text: str, start: int, end: int, count_end: int, awarding: re.Pattern) -> int:
    """How far a count's sentence speaks to its status: 大会表彰了30名…和12个…,拟推荐5名同志参评…: the
    proposal in a later clause, about a count of its own, is not the awarded count's; the sentence is
    read up to the end of the count's clause when that part awards and proposes nothing. `start`,
    `end`: the sentence; `awarding`: the awarding cue words. Returns where the reading stops."""
    brk = _CLAUSE_BREAK.search(text, count_end, end)
    if not brk:
        return end
    head = text[start : brk.start()]
    later = PROPOSING.search(text, brk.start(), end) or words().proposing.search(text, brk.start(), end)
    if not later or not _OWN_COUNT.search(text, later.start(), end):
        return end
    if PROPOSING.search(head) or words().proposing.search(head) or not awarding.search(head):
        return end
    return brk.start()


_QUOTED_BEFORE = re.compile(  # “我最喜爱的十佳民警”评选活动20名候选人: the contest's title, then its count
    r"[“\"「『]([^“”\"「」『』，,。；;：:\d]{2,16})[”\"」』](?:评选(?:活动)?(?:中|的)?)?(?:共|计|有|共有)?$"
)


def quoted_before(text: str, start: int) -> Mention | None:
    """全市共评选出“五好家庭”100户: a quoted phrase right before the number is its title, though no
    lexicon knows it."""
    m = _QUOTED_BEFORE.search(text, max(0, start - 24), start)
    return Mention(m.start(1), m.end(1), m.group(1)) if m else None


def title_written_before(text: str, start: int, floor: int, suffix: re.Pattern, w) -> Mention | None:
    """A title no lexicon knows, written before its number (count_titles.title_before), read up to a
    lead word (福州市五好家庭有50户), or the label of a list item (…10名、扎根山区教师7名), or a quoted
    phrase right before the number (“五好家庭”100户). `w`: the count words."""
    lead = before_lead(text, start, floor)
    return (
        title_before(text, lead, floor, suffix, w.title_mark, w.title_lead)
        or listed_label(text, start, floor, w.title_mark)
        or run_label(text, start, floor, w.title_mark)
        or received_before(text, start, floor, w.title_mark)
        or quoted_before(text, start)
    )


_MOTHERS_TITLE = "bà mẹ việt nam anh hùng"


def mothers_title(m: re.Match, mentions: list[Mention]) -> str | None:
    """Trao Bằng … cho 02 Mẹ Hồ Thị Tư và Nguyễn Thị Năm, in a page about the title Bà mẹ Việt Nam anh
    hùng: a Vietnamese count of mothers (mẹ) whose clause names no title counts holders of that title,
    when the page names it (the nearest mention before the count, else the first after it)."""
    cls = (m.groupdict().get("cls") or "").lower()
    if cls not in ("mẹ", "bà mẹ"):
        return None
    titles = [h for h in mentions if h.text.lower().startswith(_MOTHERS_TITLE)]
    before = [h for h in titles if h.end <= m.start()]
    title = before[-1] if before else (titles[0] if titles else None)
    return title.text if title else None  # the count's honour only: its span stays the number's


def ceremony_of(text: str, sentence: tuple[int, int], start: int, end: int) -> str | None:
    """The honour a count's sentence gives it by naming its ceremony (count_titles.ceremony_title):
    the ceremony named before the count, else one named after it (四十四名…市民于三月二十一日在
    「好市民奖颁奖典礼」上获表扬)."""
    return ceremony_title(text, sentence[0], start) or ceremony_title(text, end, sentence[1])


_BADGE = re.compile(
    r"huy hiệu\s+(?P<g>\d+(?:\s*năm)?(?:\s*(?:,|và|-)\s*\d+(?:\s*năm)?)*)\s*năm\s+tuổi\s+đảng", re.I
)
_GRADE = re.compile(r"\d+")


def party_badge(text: str, sentence: tuple[int, int], start: int, end: int, stop: int) -> str | None:
    """3 đảng viên nhận Huy hiệu 60 năm tuổi Đảng; trao Huy hiệu 40, 45, 50 năm tuổi Đảng cho 11 đồng
    chí: a Vietnamese count whose clause names no known title counts holders of the Party badge its
    sentence names: the one given to it (… cho N) right before it, else the one in its clause after
    it (up to `stop`, the next count), else the last before it; the badge of its one grade, or the
    Party badge (Huy hiệu Đảng) where several grades are given together."""
    given = _GIVEN_BADGE.search(text, sentence[0], start)
    clause = re.compile(r"[,;:]").search(text, end, stop)
    after = _BADGE.search(text, end, stop)
    after = after if after and after.start() < (clause.start() if clause else stop) else None
    m = (given and _BADGE.match(text, given.start())) or after or _last(_BADGE, text, sentence[0], start)
    if not m:
        return None
    grades = _GRADE.findall(m.group("g"))
    return f"Huy hiệu {grades[0]} năm tuổi Đảng" if len(grades) == 1 else "Huy hiệu Đảng"


_GIVEN_BADGE = re.compile(rf"{_BADGE.pattern}[^,;:.\d]{{0,60}}?\scho\s+(?:các\s+)?$", re.I)


def _last(pattern: re.Pattern, text: str, start: int, end: int) -> re.Match | None:
    found = list(pattern.finditer(text, start, end))
    return found[-1] if found else None


_GENERIC = frozenset(("荣誉称号", "称号", "荣誉"))  # words for any honour, no title of one


def honour_text(
    text: str, honour: Mention | None, m: re.Match, mentions: list[Mention], sentence, lang
) -> str | None:
    """The honour a count is reported with: its title and what follows it as another honour's (提名奖,
    của Thủ tướng Chính phủ), else for a Vietnamese count one its counted noun (mẹ) or its sentence (a
    Party badge) implies."""
    honour = None if honour and honour.text in _GENERIC else honour  # 共授予4个单位荣誉称号: no title
    nxt = words().vi.search(text, m.end(), sentence[1]) if lang == "vi" else None
    stop = nxt.start() if nxt else sentence[1]
    given = given_title(text, m.end(), stop) if lang == "vi" else None
    if honour and not (given and honour.end <= m.start()):  # 17 đồng chí … được nhận Huy chương X
        # 100 cựu TNXP … được tặng Kỷ niệm chương Thanh niên xung phong: the given title, when fuller
        full = (
            given
            if given and len(given) > len(honour.text) and given.lower().startswith(honour.text.lower())
            else honour.text
        )
        suffix = suffix_of(text, honour.end)
        suffix = "" if suffix and suffix.strip() in full else suffix
        return full + (suffix or (award_body(text, honour, m.end()) if lang == "vi" else ""))
    if lang != "vi":  # 本届医师奖共评选出92名…; 等九十二名…获此殊荣: the edition's award named before
        back = "本届" in text[sentence[0] : m.start()] or words().anaphoric.match(text, m.end())
        return edition_award(text, m.start()) if back else title_below(text, m.end())
    badge = party_badge(text, sentence, m.start(), m.end(), stop)
    quoted = _last(_QUOTED_AWARD, text, sentence[0], m.start())  # huy chương “Tuổi trẻ dũng cảm” cho ba em
    cls = m.groupdict().get("cls")  # 187 Nghệ nhân Làng nghề Việt Nam: people counted by their title
    person = cls and words().vi_units.get(cls.lower()) == "person"
    return (
        mothers_title(m, mentions)
        or badge
        or given
        or (quoted.group(1) if quoted else None)
        or received_of(text, m.end(), stop)
        or award_before(text, m.start(), sentence[0])
        or this_award(text, m.start(), m.end(), stop)
        or (
            capitalised_noun(text, m.start("cls"), m.end("cls"), stop)
            if person and m.start() > sentence[0]
            else None
        )
        or commended(text, m.start(), m.end(), stop)
    )


_RECEIVED_OF = re.compile(
    r"\s(?:được\s+)?nhận\s+(?P<t>(?!quà)[^\s,.;:]+(?:\s+[^\s,.;:]+){0,3}?)(?=\s+của\s)", re.I
)


def received_of(text: str, end: int, stop: int) -> str | None:
    """14 tập thể … được nhận thưởng đột xuất của UBND tỉnh: after a Vietnamese count (before the next
    one), a reward the counted received, no lexicon knowing it, named with its giver."""
    m = _RECEIVED_OF.search(text, end, stop)
    body = _body(text, m.end()) if m else ""
    return m.group("t") + body if body else None


_QUOTED_AWARD = re.compile(  # huy hiệu 'Tuổi trẻ dũng cảm': single quotes too
    r"(?:huy chương|huy hiệu|danh hiệu|kỷ niệm chương|giải thưởng|bằng khen|giấy khen)\s+[“\"‘']([^“”\"‘’']{3,60})[”\"’']",
    re.I,
)


_AWARD_NOUN = re.compile(
    r"(?:bằng khen|giấy khen|cờ thi đua|thư khen|huân chương|huy chương|kỷ niệm chương)$", re.I
)
_OF = re.compile(r"\s+của\s+")
_WORD = re.compile(r"\s*([^\s,.;:!?()“”\"]+)")


def award_body(text: str, honour: Mention, count_end: int) -> str:
    """Bằng khen của Ban chấp hành Tỉnh đoàn: a Vietnamese award and whose it is, another honour than
    the province's Bằng khen; the giver read up to a word that ends it (và quà, cho 7 tập thể), or, when
    the count's mention after it names none (Hai cá nhân được trao Bằng khen là:), the one giver the
    text names for that award before it; not where the award is given to the count (trình Thủ tướng
    tặng Bằng khen cho 3 tập thể: another giver). Returns " của …" or ""."""
    if not _AWARD_NOUN.search(honour.text):
        return ""
    own = _body(text, honour.end)
    if own or honour.start < count_end:
        return own
    said = {_body(text, m.end()) for m in re.finditer(re.escape(honour.text), text[: honour.start], re.I)}
    said.discard("")
    return said.pop() if len(said) == 1 else ""


def _body(text: str, end: int) -> str:
    of = _OF.match(text, end)
    if not of:
        return ""
    giver, at = [], of.end()
    while len(giver) < 10 and (w := _WORD.match(text, at)):
        word = w.group(1)
        if word.lower() in words().body_stop and not (word == "và" and _capital_next(text, w.end())):
            break
        giver.append(word)
        at = w.end()
    return " của " + " ".join(giver) if giver else ""


def _capital_next(text: str, at: int) -> bool:
    """Bộ Giáo dục và Đào tạo: và joins two capitalised words of one name."""
    w = _WORD.match(text, at)
    return bool(w) and w.group(1)[:1].isupper()


_EDITION_AWARD = re.compile(
    r"第[\d一二三四五六七八九十百]+届(?P<t>[^，,。；;、：:“”\"「」『』()（）的\s\d]{2,16}?奖)"
)


def edition_award(text: str, start: int) -> str | None:
    """第六届中国医师奖颁奖大会…。本届医师奖共评选出92名获奖医师: the award of an edition (第N届…奖)
    named last before the count, within a few sentences, where no lexicon knows it."""
    found = list(_EDITION_AWARD.finditer(text, max(0, start - 400), start))
    return found[-1].group("t") if found else None


_LINE_TITLE = re.compile(r"\n[“\"「]?(?P<t>[^\s，,。；;：:“”\"「」\d]{2,20}?)[”\"」]?(?:荣誉)?称号(?=\n|$)")


def title_below(text: str, end: int) -> str | None:
    """授予陈芳等300人⏎全国三八红旗手荣誉称号: a poster's lines break its sentence; a count that ends
    its line (with its counted noun) takes the title the next line names, alone, before 称号."""
    m = _LINE_TITLE.match(text, words().counted_noun.match(text, end).end())
    return m.group("t") if m else None


def with_count_titles(text: str, mentions: list[Mention], titles: re.Pattern) -> list[Mention]:
    """三名好媳妇和三名好婆婆荣获桂冠: the titles only counts are read with (count_words.count_title,
    words of everyday speech too, so no page-wide honour), where no honour found covers them."""
    extra = [
        Mention(m.start(), m.end(), m.group())
        for m in titles.finditer(text)
        if not any(h.start < m.end() and m.start() < h.end for h in mentions)
    ]
    return sorted(mentions + extra, key=lambda h: h.start) if extra else mentions
