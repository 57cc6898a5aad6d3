"""An event's honours as one list, each title in its fullest form: the short form of a title given in
full (劳模 -> 劳动模范, Mẹ Việt Nam anh hùng -> Bà mẹ Việt Nam anh hùng), a title the page writes
with a quoted head read without the quotes (全国“五一”劳动奖章 -> 全国五一劳动奖章), and a bare
generic title given the field of work the page writes it with (思想宣传工作先进集体、先进个人 ->
思想宣传工作先进个人). Split from extract/events.py, which finds the event."""

from __future__ import annotations

import re
from functools import cache

from extract.honours import canonical_title, honour_rules
from extract.lexicon import alternation, lexicon
from extract.places import resolve
from extract.tsv import read_rows

# a quoted head and what follows it: 全国“五一”劳动奖章, “三八”红旗手 (two to four characters before)
_QUOTED_HEAD = re.compile(
    r"([\u4e00-\u9fff]{0,4})\s*[“\"「『]([\u4e00-\u9fff]{1,6})[”\"」』]([\u4e00-\u9fff]{2,10})"
)
_NATIONAL = "全国"
# titles that say nothing without the field of work the page writes before them
GENERIC = ("先进个人", "先进集体", "先进单位", "模范个人", "模范集体", "优秀个人", "优秀集体")
FIELD_MAX = 10  # characters before a generic title read for its field
# words a field of work starts after: a year label, a session, a verb of awarding, a counter
_FIELD_START = re.compile(
    "年度|年|届|次|的|对|为|从|同志|授予|表彰|评选|命名|推荐|荣获|获得|获|评为|名|个|位|和|及|与|等|暨|之|、"
)
_COORDINATED = re.compile(r"[、和及与]$")  # 先进集体、先进个人: the second shares the first one's field
# words of a sentence, not of a field of work (涌现出一批先进集体, 这些先进个人, 以先进集体为榜样)
_NOT_FIELD = re.compile(
    "[了在是有这那些批以出还被把将着向给让们我你他她其该此]|上述|启动|号召|安排|学习|决定|实行"
)
MAX_FIELDS = 4  # a title given more fields than this is a list's heading, kept bare
_ADMIN_END = "省市县区州旗盟"  # the last character of a division's name
_LEVEL_WORDS = "省市县区"  # a level alone before a field (推荐市|抗疫先进个人)


def fullest_zh(titles: list[str], text: str) -> list[str]:
    """The Chinese titles in their fullest forms, and the quoted-head titles of the text."""
    out = [f for t in titles for f in _fielded(_expanded(t), text)]
    dequoted = _dequoted(text)
    heads = {head for _, head in dequoted}  # “五一” of “五一”劳动奖章: a head, no title of its own
    return [t for t in out if t not in heads] + [t for t, _ in dequoted if t not in out]


def fullest_vi(title: str) -> str:
    """A Vietnamese title written short (Mẹ Việt Nam anh hùng) as its canonical full form ends it
    (Bà mẹ Việt Nam Anh hùng), the page's own case kept for the words it writes."""
    canonical, _ = canonical_title(title, "vi")
    if len(canonical) > len(title) and canonical.lower().endswith(" " + title.lower()):
        return canonical[: -len(title)] + title[:1].lower() + title[1:]
    return title


def with_bodies_vi(title: str, text: str) -> list[str]:
    """A Vietnamese award that says little without its giver (Bằng khen, Giấy khen, Cờ thi đua), with
    each body the page names after của (Bằng khen của Thủ tướng Chính phủ, Cờ thi đua của Chính
    phủ), as the page writes it best (its capitals kept: Chính phủ over chính phủ); with none, or
    more than MAX_BODIES, the award alone."""
    if title.lower() not in _GIVEN_BY:
        return [title]
    bodies: dict[str, str] = {}  # lower case -> the writing with the most capitals
    for m in re.finditer(rf"{re.escape(title)}\s+của\s+((?:\S+\s*){{1,8}})", text, re.I):
        body = _giver(m.group(1))
        if not body[:1].isupper():
            continue
        key = body.lower()
        if sum(c.isupper() for c in body) > sum(c.isupper() for c in bodies.get(key, "")):
            bodies[key] = body
    if not bodies or len(bodies) > MAX_BODIES:
        return [title]
    return [f"{title} của {b}" for b in bodies.values()]


def _giver(words: str) -> str:
    """The giver's name at the start of `words`: up to a word of the sentence (cho, trao, nhân dịp),
    a number or a punctuation mark."""
    name: list[str] = []
    for word in re.split(r"\s+nhân dịp\b", words, maxsplit=1)[0].split():
        bare = word.rstrip('.,;:!?)"”')
        if not bare or _BODY_STOP.match(bare) or bare[:1].isdigit() or bare[:1] in '("“':
            break
        name.append(bare)
        if bare != word:
            break
    return " ".join(name)


_GIVEN_BY = ("bằng khen", "giấy khen", "cờ thi đua")
# words that end a giver's name: what follows it in the sentence (… của Thủ tướng Chính phủ cho 05 tập thể)
_BODY_STOP = re.compile(
    "(?i)(?:cho|trao|tặng|vì|và|về|đã|năm|tại|được|các|với|do|đến|là|nhằm|gồm|để|"
    "trong|khi|theo|sau|từ|qua|này|có|cùng|những|mỗi|ngày|lần|đợt|kèm|hay|hoặc|như)$"
)
MAX_BODIES = 3


@cache
def _abbreviations() -> tuple[tuple[str, str], ...]:
    """(short form, full form) of the lexicon's Chinese titles whose variant only drops characters
    of the canonical title (劳模 of 劳动模范, 优秀党员 of 优秀共产党员); longest first."""
    pairs = {
        (r.variant, r.canonical)
        for r in honour_rules().titles["zh"]
        if r.pattern is None and len(r.variant) < len(r.canonical) and _drops_only(r.variant, r.canonical)
    }
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def _drops_only(short: str, full: str) -> bool:
    """Is `short` `full` with characters left out (劳模 of 劳动模范, not 见义勇为英雄 of 见义勇为先进个人)?"""
    chars = iter(full)
    return all(c in chars for c in short)


def _expanded(title: str) -> str:
    """省部级劳模 -> 省部级劳动模范: a title ending in a short form, with the full form."""
    for short, full in _abbreviations():
        if title.endswith(short):
            return title[: -len(short)] + full
    return title


def _dequoted(text: str) -> list[tuple[str, str]]:
    """Lexicon titles that run through a quoted head (“五一”劳动奖章 is 五一劳动奖章), with 全国 when
    the page writes it before (全国 “五一”劳动奖章); each with the quoted head."""
    if "“" not in text and '"' not in text and "「" not in text and "『" not in text:
        return []
    titles = lexicon().honour_re
    found: list[tuple[str, str]] = []
    for m in _QUOTED_HEAD.finditer(text):
        lead, head, tail = m.groups()
        plain = lead + head + tail
        for t in titles.finditer(plain):
            if t.start() <= len(lead) < len(lead) + len(head) < t.end():
                title = t.group(0)
                if lead[: t.start()].endswith(_NATIONAL) and not title.startswith(_NATIONAL):
                    title = _NATIONAL + title
                if (title, head) not in found:
                    found.append((title, head))
    return found


def _fielded(title: str, text: str) -> list[str]:
    """A generic title (先进个人) with each field of work the page writes before it (抗疫先进个人;
    思想宣传工作先进集体、先进个人: the second shares the first one's field); with no field, or more
    than MAX_FIELDS, the title as it is."""
    if title not in GENERIC:
        return [title]
    fields: list[str] = []
    for m in re.finditer(re.escape(title), text):
        field = _field_before(text, m.start())
        if field and field not in fields:
            fields.append(field)
    return [f + title for f in fields] if 0 < len(fields) <= MAX_FIELDS else [title]


def _field_before(text: str, at: int) -> str:
    """The field of work written right before a generic title at `at`, or the field of the generic
    title it is coordinated with (先进集体、先进个人). A field starts at a clear start within
    FIELD_MAX characters (a year label, a verb of awarding, a counter, a division: 2019年度|思想宣传
    工作, …自治县|脱贫攻坚); words of a sentence (一批, 这些, 涌现) are no field."""
    lead = text[max(0, at - 2 * FIELD_MAX) : at]
    if _COORDINATED.search(lead):
        before = lead[:-1]
        generic = next((g for g in GENERIC if before.endswith(g)), None)
        return _field_before(text, at - 1 - len(generic)) if generic else ""
    run = re.search(r"[\u4e00-\u9fff]*$", lead).group(0)
    run = run[max((m.end() for m in _FIELD_START.finditer(run)), default=0) :]
    field = run[_division_end(run) :]
    field = field[1:] if field[:1] in _LEVEL_WORDS else field  # 推荐市|抗疫: the level of a division
    if len(field) > FIELD_MAX or (len(field) == len(run) == len(lead)) or _NOT_FIELD.search(field):
        return ""
    if lexicon().honour_re.search(field):
        return ""  # 工人先锋号先进集体: a title before it, no field
    return field if len(field) >= 2 else ""


def _division_end(run: str) -> int:
    """Where the last division the list knows in the run ends (保亭黎族苗族自治县|脱贫攻坚; a name cut
    short at the run's start, 族苗族自治县, counts by its end)."""
    for end in range(len(run) - 2, 1, -1):
        if run[end - 1] in _ADMIN_END and any(_known(run[start:end]) for start in range(end - 1)):
            return end
    return 0


def _known(name: str) -> bool:
    found = resolve(name, "zh")
    return found is not None and found.code is not None


# --- titles no lexicon lists: Taiwan's title words (lexicons/events.tsv) and quoted titles counted
_STOP = "、，,。；;：:及和与暨的之等为在获被并或"  # what no title holds: a list, a clause's words
_COUNT = r"(?:\d+|[一二两三四五六七八九十百廿]+)\s*(?:名|位|个|户|家|人)"
_COUNTED = re.compile(rf"{_COUNT}\s*$")  # a count right before a title (45名|杰出护理人员)
_COUNTED_QUOTE = re.compile(rf"{_COUNT}\s*[“\"「『]([\u4e00-\u9fff]{{2,12}})[”\"」』]")
MARKED_MAX = 6  # titles of this kind an event keeps at most (a roll of many grades is one page's list)


@cache
def _marked() -> re.Pattern:
    """A title word, then at most five characters and what is honoured (特优里长, 优良护理师, 绩优单位);
    a one-character end (长, 员, 师) after at least one character."""
    rows = read_rows("events.tsv", 3)
    kind = {k: [w for w, kk, _why in rows if kk == k] for k in ("title_mark", "title_noun", "title_noun_end")}
    free = rf"[^\W\d_{_STOP}a-zA-Z]"
    return re.compile(
        rf"(?:{alternation(kind['title_mark']).pattern})"
        rf"(?:{free}{{0,5}}?(?:{alternation(kind['title_noun']).pattern})"
        rf"|{free}{{1,5}}?[{''.join(kind['title_noun_end'])}])"
    )


def unlisted_zh(headline: str, text: str, known: tuple[str, ...]) -> list[str]:
    """Titles of the event that no lexicon lists: Taiwan's titles made of a title word (特优里长,
    优良护理人员) that the page counts (45名杰出护理人员) or names in its headline, or any of them
    when the page gives no listed title; and, with no title at all, quoted titles it counts
    (表彰了12名“好媳妇”、12名“好婆婆”)."""
    found: list[str] = []
    for m in _marked().finditer(text):
        title = m.group(0)
        named = not known or title in headline or _COUNTED.search(text[max(0, m.start() - 8) : m.start()])
        if named and title not in found and not any(title in k for k in known):
            found.append(title)
    if not known and not found:
        found = list(dict.fromkeys(m.group(1) for m in _COUNTED_QUOTE.finditer(text)))
    return found[:MARKED_MAX]
