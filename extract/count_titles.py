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
    if text[noun.start() : a].endswith("为") and 2 <= stop - a <= 24:
        tail = suffix.search(text, a, stop)
        if (tail and tail.end() == stop) or title_mark.search(text, a, stop):
            return Mention(a, stop, text[a:stop])
    return None
