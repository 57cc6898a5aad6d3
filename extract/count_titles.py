"""Titles of counts that no lexicon knows, read from the words around the count (extract/counts.py):
授予3316个村镇全国文明村镇称号, 授予X等38个村镇为第十三届市级文明村镇, 授予于漪等28人国家荣誉称号."""

from __future__ import annotations

import re

from extract.text import Mention

_TITLE_BEFORE_CHENGHAO = re.compile(r"[^，,、。；;：:“”\"\d]{2,24}?(?=(?:荣誉)?称号)")


def trimmed(h: Mention, text: str, end: int, counted_noun: re.Pattern) -> Mention:
    """798户家庭全国文明家庭: a title found with the counted noun before it loses the noun."""
    a = max(h.start, end)
    if a > end + 2:
        return h
    b = counted_noun.match(text, a).end()
    return Mention(b, h.end, text[b : h.end]) if h.end - b >= 2 and b > h.start else h


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
    if text[noun.start() : a].endswith("为") and 2 <= stop - a <= 24:
        tail = suffix.search(text, a, stop)
        if (tail and tail.end() == stop) or title_mark.search(text, a, stop):
            return Mention(a, stop, text[a:stop])
    return None


_BEFORE_START = re.compile(r"[，,、；;：:。！？!?\n（(）)]")
_NOT_IN_TITLE = re.compile(r"[\d“”\"「」的等]")


def title_before(
    text: str, start: int, floor: int, suffix: re.Pattern, title_mark: re.Pattern, lead: re.Pattern
) -> Mention | None:
    """共评选出五四红旗团支部3个,五四青年标兵1人,校级优秀共青团干部12人: a title no lexicon knows,
    written right before its number, from the clause's start or a lead-in word (评选出, 共有) on. It
    must read as a title (one of its words, or a title ending); 王某等5人 names people, not a title."""
    a = max(floor, start - 24)
    seps = list(_BEFORE_START.finditer(text, a, start))
    if seps:
        a = seps[-1].end()
    elif a > floor:
        return None  # no clause start within reach: a long phrase is no title
    leads = list(lead.finditer(text, a, start))
    a = leads[-1].end() if leads else a
    phrase = text[a:start]
    if not 2 <= len(phrase) <= 16 or _NOT_IN_TITLE.search(phrase):
        return None
    ending = any(m.end() == len(phrase) for m in suffix.finditer(phrase))
    return Mention(a, start, phrase) if ending or title_mark.search(phrase) else None


def quoted_after(text: str, a: int, stop: int) -> Mention | None:
    """X等4人为“共和国勋章”建议人选: a quoted phrase right after the count's 为 is its title."""
    m = re.compile(r"[“\"「]([^”\"」，,。；;]{2,24})[”\"」]").match(text, a, stop + 2)
    return Mention(m.start(1), m.end(1), m.group(1)) if m else None
