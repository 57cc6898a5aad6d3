"""The sex of a person on a Vietnamese page (the record's `gender`): from the address terms before the
name (bà, chị; ông, anh), a middle name (Thị, Văn), else from the pronoun that opens a later sentence
about them (… Sóc Đúng luôn năng nổ. Anh đã …)."""

from __future__ import annotations

import re

from extract.lexicon import Lexicon
from extract.people_vi import Found

Span = tuple[int, int]

# a sentence opening with an address term used as a pronoun, a lower-case verb after it (Anh đã …, Chị
# luôn …); Anh Nguyễn Văn A is another person, named; Thầy giáo, Cô gái, Anh hùng, Anh em are nouns
_PRONOUN = re.compile(
    r"(?:(?<=[.!?…]\s)|(?<=\n))(?P<word>Anh|Chị|Ông|Bà|Thầy|Cô)[ \t]+(?=[a-zà-ỹđ])(?!(?:giáo|gái|hùng|em|chị|bà)(?![a-zà-ỹđ]))"
)
_SEX = {"Anh": "M", "Ông": "M", "Thầy": "M", "Chị": "F", "Bà": "F", "Cô": "F"}


def gender_vi(mentions: list[Found], lex: Lexicon, name: str = "") -> str | None:
    """F or M from the address terms before the name (bà, chị; ông, anh), else F from a middle name
    only women bear (Phạm Thị Hòa) or M from the one men bear (Trần Văn Cường), else None. A middle
    name wins over an address term it contradicts: that term was the list's (ông A, Tống Thị B)."""
    cues = {f.cue.lower() for f in mentions}
    middle = set(name.split()[1:-1])
    women = not middle.isdisjoint(lex.cues.get("female_middle_vi", ()))
    if not cues.isdisjoint(lex.cues["female_vi"]) and "Văn" not in middle:
        return "F"
    if not cues.isdisjoint(lex.cues["male_vi"]) and not women:
        return "M"
    if women:
        return "F"
    return "M" if "Văn" in middle else None  # Nguyễn Văn Hải: Văn is a middle name men bear


def pronoun_gender(text: str, spans: list[Span], everyone: list[Span]) -> str | None:
    """M or F from the pronoun opening one of the two sentences after a mention of the person (Anh,
    Ông, Thầy; Chị, Bà, Cô), no other person named between: Vietnamese refers back to the last one named so."""
    starts = sorted(s for s, _ in everyone)
    for _, e in sorted(spans):
        stop = min([*(at for at in starts if at > e), len(text), e + 400])
        for m in _PRONOUN.finditer(text, e, stop):
            if text.count(".", e, m.start()) <= 2:
                return _SEX[m.group("word")]
            break
    return None
