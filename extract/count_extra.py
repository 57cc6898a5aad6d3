"""More readings of the words around a count (extract/counts.py), from pages of kinds the first
rules had not met: a tally of prizes by category (集体奖5项37个), a title before 有 (福州市五好家庭有50户),
a list item labelled by an unknown title (…10名、扎根山区教师7名) or a quoted one (“五好家庭”100户), an
item whose own noun is a title (X等10名美丽教师、Y等…), a proposal in a later clause that is not the
awarded count's (表彰了30名…,拟推荐5名…), a ceremony named after the count, two Vietnamese verbs joined
by a comma (được phong tặng, truy tặng danh hiệu …) and Vietnamese counts of mothers (02 Mẹ)."""

from __future__ import annotations

import re

from extract.count_status import PROPOSING
from extract.count_titles import ceremony_title, title_before
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


_LEAD_VERB = re.compile(r"(?:共有|计有|有|共计|共|计|达)$")


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


_QUOTED_BEFORE = re.compile(r"[“\"「『]([^“”\"「」『』，,。；;：:\d]{2,16})[”\"」』](?:共|计|有|共有)?$")


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
