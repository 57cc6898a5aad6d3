"""What follows finding the counts of a text: totals and their parts, and counts paired with the
titles named after 分别授予 (extract/counts.py finds the counts)."""

from __future__ import annotations

import dataclasses
import re

from extract.count_labels import labelled, retitled, run_titles
from extract.count_words import words
from extract.numbers import CN_NUMBER, CN_NUMERAL, parse_number
from extract.records import Count
from extract.text import Mention, sentence_of

_BRACKET = re.compile(r"[^，,。；;（(\d]{0,4}?\s*([（(])")  # 106 em (, 计十人（
_STATEMENT_END = re.compile(r"[。！？!?\n]|\.(?=\s)")
_RESPECTIVELY = re.compile(  # 分别被中华全国总工会授予: the giver may stand between 被 and the verb
    r"分别(?:被[^，,。；;“”\"\d]{0,20}?)?(?:授予|评为|命名为|(?P<won>荣获|获得|获评|获))"
)
_WRITTEN_LIST = re.compile(r"[^，,。；;：:\n]{4,120}")
_LIST_END = re.compile(r"(?:荣誉)?称号$")


def parts(out: list[Count], text: str, spans, part_marker: re.Pattern) -> list[Count]:
    """A total and its parts. Counts of the total's unit after 其中/trong đó that add up to no more
    than it (共30人,其中民防人员8人、义警17人), or right after it or before a total that says it sums
    (共, 计: 计有义消167人、…208人,合计共474人) that add up to exactly it, are not counted again, unless
    a part counts the people it names (李某等7人获评…, …,覆盖…共20人). A total that is exactly the sum of
    parts of several units after 其中/包括 counts no one unit (300名建议人选,包括278名个人、22个集体).
    Parts that each name a title of their own are counts of their own (2426人…,包括1670名全国劳动模范…),
    and so are parts written as a list of titles and their counts (count_labels: 其中优秀教师80名、…).
    A marker opening a sentence (Trong số HS giỏi quốc gia, có 4 HS…) looks back to the sentences
    before for the total its parts add up to exactly. A place right after the marker (其中,山西省3名…)
    makes the parts that place's own figures, counts of their own."""
    drop: set[int] = set()
    out = run_titles(text, out)  # 7名全国见义勇为英雄、3个…英雄群体: the labels of a run of counts
    for m in part_marker.finditer(text):
        end = sentence_of(spans, m.start())[1]
        parts = [i for i, c in enumerate(out) if m.end() < c.span[1] <= end]
        floor = max(text.rfind("\n", 0, m.start()), m.start() - 150)
        totals = [i for i, c in enumerate(out) if floor < c.span[1] <= m.start()]
        value = sum(out[i].value for i in parts)
        if not text[sentence_of(spans, m.start())[0] : m.start()].strip():  # Trong số HS giỏi, có 4 HS…,
            # 7 HS… và 13 HS… opening a sentence: the parts of a total said before, added up exactly
            exact = [
                i for i, c in enumerate(out) if m.start() - 600 < c.span[1] <= m.start() and c.value == value
            ]
            totals = exact or totals
        if not parts or not totals or titled(out, parts, totals[-1]) or _each_won(text, out, parts):
            continue
        local = words().local_part.match(text, m.end())
        if local and local.end() <= out[parts[0]].span[0]:
            continue  # 其中,山西省一个集体、三名个人受表彰: the place's own share, a count of its own
        total, units = out[totals[-1]], {out[i].unit for i in parts}
        if units == {total.unit} and value <= total.value and not _own_titles(text, out, parts):
            drop.update(i for i in parts if not _named(text, out[i]))  # 13 đồng chí…, trong đó có 3 đồng chí…
        elif len(units) > 1 and value == total.value:
            drop.add(totals[-1])
    for t, total in enumerate(out):
        for step in (1, -1):  # the parts after it, then the parts before it
            parts, value, i = [], 0, t + step
            while 0 <= i < len(out) and out[i].unit == total.unit and value < total.value:
                if (
                    abs(out[i].span[0] - total.span[0]) > 800
                    or _apart(text, out[i], total, "\n")
                    or (parts and _apart(text, out[i], out[parts[0]]))
                ):
                    break
                parts.append(i)
                value += out[i].value
                i += step
            if (
                len(parts) > 1
                and value == total.value
                and (step == 1 or _SUMMED.search(text, max(0, total.span[0] - 4), total.span[0]))
                and not titled(out, parts, t)
                and not _each_won(text, out, parts)
                and not _own_titles(text, out, parts)
            ):
                drop.update(i for i in parts if not _named(text, out[i]))
        drop.update(bracketed(out, t, text))
    return [c for i, c in enumerate(out) if i not in drop]


def _own_titles(text: str, out: list[Count], parts: list[int]) -> bool:
    """其中全国志愿服务奖励受奖者25名、…及县志愿服务奖励213名: parts written as titles and their counts
    are counts of their own (count_labels), titled by their labels."""
    names = labelled(text, out, parts)
    if names:
        retitled(out, parts, names)
    return bool(names)


_SUMMED = re.compile(r"(?:共|计|达|有)\s*$")  # …208人,合计共474人: a total after its parts says it sums
_WON = re.compile(r"(?:获得|获评|荣获|获颁|获授|被评为|被授予)")


def _each_won(text: str, out: list[Count], parts: list[int]) -> bool:
    """291名选手获得…金、银、铜牌,1010名选手获得优胜奖,…,累计共有1350人获得相关奖项: parts that each
    say, right after their counted noun, that they won something are the page's own tallies of each
    award, not categories of the total (民防人员8人、义警17人)."""
    return all(_WON.match(text, words().counted_noun.match(text, out[i].span[1]).end()) for i in parts)


_NAMES_BEFORE = re.compile(r"[\u4e00-\u9fff·]{2,5}、[\u4e00-\u9fff·]{2,5}$")


def _named(text: str, part: Count) -> bool:
    """其中,…李某、王某两名同志榜上有名; 其中张某等5人…: a part that counts the people it names (a
    lead name and 等, or names and then 同志) is a count of its own, the local share of a national
    total, not a category of the total (其中民防人员8人、义警17人)."""
    if text[part.span[0] - 1 : part.span[0]] == "等":
        return True
    names = _NAMES_BEFORE.search(text, max(0, part.span[0] - 12), part.span[0])
    return bool(names) and text.startswith("同志", part.span[1])


def _apart(text: str, a: Count, b: Count, ends: str = "") -> bool:
    """Are the two counts in different statements (a full stop between them, not a ; or ,), or, with
    `ends="\n"`, in different paragraphs? A total's parts are said together, in its paragraph (29
    đảng viên…. Cụ thể, 4 đồng chí…; 10 đồng chí…; 15 đồng chí…)."""
    pattern = re.compile(re.escape(ends)) if ends else _STATEMENT_END
    return bool(pattern.search(text, min(a.span[1], b.span[1]), max(a.span[0], b.span[0])))


def bracketed(out: list[Count], t: int, text: str) -> list[int]:
    """计十人（含消防二人、义消二人…）, 106 em (11 học sinh…, 45…): counts of the total's unit in the
    bracket right after it are its parts."""
    opened = _BRACKET.match(text, out[t].span[1])
    if not opened:
        return []
    close = text.find("）" if opened.group(1) == "（" else ")", opened.end())
    line = text.find("\n", opened.end())  # 10人(名单附后“…”称号 ⏎ 二、授予…147人(…): a bracket left open
    end = close if close != -1 and (line == -1 or close < line) else opened.end()
    return [
        i for i, c in enumerate(out) if i != t and opened.end() <= c.span[0] < end and c.unit == out[t].unit
    ]


def titled(out: list[Count], parts: list[int], total: int) -> bool:
    """The parts are counts of their own: each names its title, no two the same, and a lone part a
    title other than the total's own, or the total none (35个先进集体…,其中…两家单位被评为“安全生产标杆企业”),
    or the total's own with a grade before it (200户…最美家庭,其中10户…十佳最美家庭)."""
    titles = [out[i].honour for i in parts]
    if None in titles or len(set(titles)) < len(titles):
        return False
    own = out[total].honour or ""  # 共889人获授勋…,其中7人获颁…大紫荆勋章: an untitled total, a titled part
    if all(_grade_of(t, own) for t in titles):  # 29 đảng viên … Huy hiệu Đảng: 4 … Huy hiệu 65 năm tuổi Đảng
        return False
    graded = titles[0].endswith(own) and words().title_grade.search(titles[0][: len(titles[0]) - len(own)])
    return (
        len(parts) > 1 or not own or bool(graded) or not (own.endswith(titles[0]) or titles[0].endswith(own))
    )


def _grade_of(title: str, own: str) -> bool:
    """Huy hiệu 65 năm tuổi Đảng of Huy hiệu Đảng: a part's title that is the total's own with a grade
    written inside it (its words in order, the grade neither only before nor only after them) is one grade of the total's honour."""
    if len(own) < 4 or title.lower().startswith(own.lower()) or title.endswith(own):
        return False
    rest = iter(title.lower())
    return all(c in rest for c in own.lower())


def respectively(out: list[Count], text: str, spans, honour_mentions: list[Mention]) -> list[Count]:
    """X等500个基层党组织、Y等50名共产党员…，分别授予“A”、“B”称号: the k-th count of the sentence gets
    the k-th title named after 分别授予 (when at least two are named)."""
    for m in _RESPECTIVELY.finditer(text):
        s, e = sentence_of(spans, m.start())
        counts = [i for i, c in enumerate(out) if s <= c.span[0] < m.start()]
        titles = [h.text for h in honour_mentions if m.end() <= h.start < e][: len(counts)]
        written = written_titles(text, m.end())
        if len(counts) >= 2 and len(written) == len(counts):
            titles = written  # 分别荣获第十四批省级文明单位、文明乡镇、文明村、文明社区荣誉称号
        elif m.group("won"):
            continue
        if len(titles) >= 2:  # fewer titles than counts: a list cut short, the first ones still pair
            for i, title in zip(counts, titles, strict=False):
                out[i] = dataclasses.replace(out[i], honour=title)
    return out


def written_titles(text: str, at: int) -> list[str]:
    """The titles listed right after 分别荣获 up to the clause's end (and 荣誉称号), split at 、, their
    quotes dropped; none when an item is too short or too long to be a title."""
    m = _WRITTEN_LIST.match(text, at)
    if not m:
        return []
    items = [x.strip('“”"「」『』 ') for x in re.split(r"、", _LIST_END.sub("", m.group()))]
    return items if all(2 <= len(x) <= 24 for x in items) else []


_JOINED = re.compile(  # …等8个基层党组织和陈某、袁某等8名党员: the second count's names may come first
    r"[^，,。；;\d“”\"]{0,6}?(?:以及|和|及|与|、)(?:[^，,。；;\d“”\"]{1,30}?等)?"
)
_GOT = re.compile(r"[^，,。；;\d“”\"]{0,6}?(?:分别)?(?:荣获|获得|获评|获|被授予|被评为)[“\"「]?")
_GIVING = re.compile(r"(?:授予|颁授|表彰|命名)$")
_PLACE_LEAD = re.compile(r"[\u4e00-\u9fff]{0,4}[“\"「]?")


def _soon(text: str, honour_mentions: list[Mention], at: int) -> Mention | None:
    """The title starting at `at`, or a few characters on where a place no lexicon joins to it comes
    first (岚州市三八红旗手: the lexicon knows 三八红旗手)."""
    return next(
        (h for h in honour_mentions if at <= h.start and _PLACE_LEAD.fullmatch(text, at, h.start)), None
    )


_ONE_TITLE = re.compile(r"[^，,。；;、和及与]{2,30}(?=[，,。；;]|$)")


def _one_title(text: str, at: int) -> str:
    """The words after a run's receiving verb up to the clause's end when they hold no second title
    (no 、 or 和 in them): where the one title the run received is written."""
    m = _ONE_TITLE.match(text, at)
    return m.group() if m else ""


_NEXT_TITLE = re.compile(r"[”\"」]?(?:、|和|及|与)[“\"「]?")
_TAIL = re.compile(r"[^，,。；;、和及与“”\"「」\s\d]{1,8}?(?=[”\"」]?(?:[，,。；;、和及与]|称号|$))")


def shared(out: list[Count], text: str, honour_mentions: list[Mention], award_end: re.Pattern) -> list[Count]:
    """92个集体和695名个人获全国五一劳动奖状、奖章: counts joined by 和/、 that one verb gives as many
    titles, listed right after it, pair with them in order, as with 分别; a short second title that names
    only another award (奖章 after 全国五一劳动奖状) shares the first one's words before it. After 授予
    the titles may follow the last counted noun directly (授予7名先进个人和3个先进集体全国三八红旗手、…)."""
    starts = {h.start: h for h in honour_mentions}
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and _JOINED.fullmatch(text, out[j].span[1], out[j + 1].span[0]):
            j += 1
        got = _GOT.match(text, out[j].span[1]) if j > i else None
        first = _soon(text, honour_mentions, got.end()) if got else None  # 被授予十堰市“十星级党组织”
        if j > i and not first and _GIVING.search(text, max(0, out[i].span[0] - 4), out[i].span[0]):
            noun = starts.get(out[j].span[1])  # 授予8个先进集体和22名先进个人全国五一劳动奖状和奖章
            first = _soon(text, honour_mentions, noun.end) if noun else None  # the counted, then a title
        titles = [first.text] if first else []
        end = first.end if first else 0
        while first and len(titles) < j - i + 1:
            sep = _NEXT_TITLE.match(text, end)
            nxt = _soon(text, honour_mentions, sep.end()) if sep else None
            tail = _TAIL.match(text, sep.end()) if sep and not nxt else None
            own = award_end.search(titles[0]) if tail and award_end.fullmatch(tail.group()) else None
            if not nxt and not own:
                break
            titles.append(nxt.text if nxt else titles[0][: own.start()] + tail.group())
            end = nxt.end if nxt else tail.end()
        if len(titles) == j - i + 1:
            for k, title in enumerate(titles):
                out[i + k] = dataclasses.replace(out[i + k], honour=title)
        elif got and not titles and out[j].honour and out[j].honour in _one_title(text, got.end()):
            for k in range(i, j):  # 24位志工、8个团队及5个家族获得…「金晖奖」: one title for the run
                out[k] = out[k] if out[k].honour else dataclasses.replace(out[k], honour=out[j].honour)
        i = j + 1
    return out


_NAME_LIST = re.compile(
    r"[：:]\s*(?P<items>[\u3400-\u9fff·]{2,5}(?:\s*[、，,]\s*[\u3400-\u9fff·]{2,5}){2,})(?=[。；;]|\s*$|\n)"
)
_SENTENCE_END = re.compile(r"[。！？!?\n]")
INTRO = 60  # characters of introduction read before a list's colon


def name_lists(text: str) -> list[tuple[int, str]]:
    """当选…劳动模范的有:杨某、王某、…: the lists of names the text gives, each as the number of
    its names and its introduction (up to INTRO characters of its sentence before its colon)."""
    out, end = [], 0
    for m in _NAME_LIST.finditer(text):
        start = max(end, m.start() - INTRO)
        stops = list(_SENTENCE_END.finditer(text, start, m.start()))
        intro = text[stops[-1].end() if stops else start : m.start()]
        out.append((len(re.split(r"\s*[、，,]\s*", m.group("items"))), intro))
        end = m.end()
    return out


def listed(held: list[Count], text: str, status_of) -> list[Count]:
    """欢送18名劳模参加表彰大会 … 当选劳动模范的有:(18 names): a count of people its own sentence
    does not honour (a send-off, an attendance) is honoured after all when the text lists exactly
    that many names under words that honour them; `status_of` reads the list's introduction."""
    lists = name_lists(text) if held else []
    out = []
    for n, intro in lists:  # one count per list: the first that says its number
        count = next((c for c in held if c.value == n and c.unit == "person"), None)
        status = status_of(intro) if count else None
        if status:
            out.append(dataclasses.replace(count, status=status))
    return out


_ELIDED = re.compile(r"(?<=[，,、；;])\d+(?=获)")


_SHARED_CLASSIFIER = re.compile(
    rf"(?<![\d{CN_NUMERAL}第])(?P<n>{CN_NUMBER})[和及与](?P<m>{CN_NUMBER})[名人位个家户]$"
)


def joined_number(text: str, found: list[Count]) -> list[Count]:
    """银和铜紫荆星章得主有二十七和四十三人: a number joined by 和 to a count shares its classifier,
    and counts what it counts, as it stands."""
    out = []
    for c in found:
        m = _SHARED_CLASSIFIER.search(text, max(0, c.span[1] - 16), c.span[1])
        value = parse_number(m.group("n")) if m and parse_number(m.group("m")) == c.value else None
        if value:
            out.append(dataclasses.replace(c, value=value, text=m.group("n"), span=m.span("n")))
    return out


def elided(text: str, found: list[Count], honour_near) -> list[Count]:
    """5人获颁大紫荆勋章,10人获金紫荆星章,…,41获铜紫荆星章: a number in a series of counts that
    drops its classifier counts what the count before it counts, when that one is followed by 获 too.
    `honour_near(start, end)` is the title of a count at that place."""
    out = []
    for m in _ELIDED.finditer(text):
        prev = next(
            (c for c in found if 0 < m.start() - c.span[1] <= 24 and text[c.span[1] : c.span[1] + 1] == "获"),
            None,
        )
        if prev and prev.unit in ("person", "collective"):
            honour = honour_near(m.start(), m.end())
            out.append(
                dataclasses.replace(
                    prev,
                    value=int(m.group()),
                    text=m.group(),
                    span=m.span(),
                    honour=honour.text if honour else None,
                )
            )
    return out
