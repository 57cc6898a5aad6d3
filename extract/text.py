"""Sentence spans and honour mentions: the small pieces of text structure the finders share."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extract.lexicon import Lexicon

_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")
_VI_STOP = re.compile(r"(?<=[a-zà-ỹ0-9)”\"])\.(?=\s+[A-ZÀ-Ỹ])")
_PARTS = re.compile(r"[^/、]+")
_QUOTED = re.compile(r"[“\"‘'『「]([^“”\"‘’'『』「」\n]{2,30})[”\"’'』」]")
_HONOUR_NEXT = re.compile(r"^[”\"’'』」]?(?:荣誉)?称号|^[”\"’'』」]?(?:提名)?奖(?!励)")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences (split at 。！？；, their ASCII forms and line ends); Vietnamese ends at `. `."""
    out = []
    for m in _SENTENCE.finditer(text):
        s, e = m.span()
        chunk = m.group(0)
        cut = s
        for dot in _VI_STOP.finditer(chunk) if "." in chunk else ():
            out.append((cut, s + dot.end()))
            cut = s + dot.end()
        out.append((cut, e))
    return [(s, e) for s, e in out if text[s:e].strip()]


def sentence_of(spans: list[tuple[int, int]], at: int) -> tuple[int, int]:
    """The sentence (from `sentences`) holding position `at`."""
    i = bisect.bisect_right(spans, (at, len(spans) and spans[-1][1] + 1)) - 1
    if i >= 0 and spans[i][0] <= at < spans[i][1]:
        return spans[i]
    return at, at


def honours(text: str, lex: Lexicon, lang: str = "zh") -> list[Mention]:
    """Honour titles in the text: quoted phrases that end like a title (“石林县劳动模范”, split at /),
    then lexicon titles outside them. Sorted by position."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    titles = lex.honour_vi_re if lang == "vi" else lex.honour_re
    for m in _QUOTED.finditer(text):
        inner_start = m.start(1)
        after = text[m.end() : m.end() + 6]
        for part in _PARTS.finditer(m.group(1)):
            title = part.group(0).strip()
            tail = lex.suffix_re.search(title)
            ends_like_title = tail is not None and tail.end() == len(title)
            if (
                len(title) >= 2
                and (
                    ends_like_title
                    or title.startswith(lex.cues["honour_head"])  # “十佳青年”
                    or _HONOUR_NEXT.match(text[m.end() - 1 : m.end() + 6])
                )
            ):
                s = inner_start + part.start()
                found.append(Mention(s, s + len(part.group(0)), title))
                taken.append(m.span())
        if titles.match(after):  # “敢担当善作为”先进个人: the quote names the title it precedes
            title = titles.match(after).group(0)
            found.append(Mention(m.start(1), m.end() + len(title), m.group(1) + title))
            taken.append((m.start(), m.end() + len(title)))
    for m in titles.finditer(text):
        if not any(a <= m.start() < b for a, b in taken) and _word_edges(text, m.start(), m.end()):
            found.append(Mention(m.start(), m.end(), m.group(0)))
    return sorted(found, key=lambda h: h.start)


def _word_edges(text: str, start: int, end: int) -> bool:
    """For Latin-script titles, the match must not be part of a longer word."""
    if not text[start:end].isascii() and not re.match(r"[A-Za-zÀ-ỹ]", text[start]):
        return True
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return not (before.isalpha() or after.isalpha())
