"""Vietnamese people named after their trade and its craft in lower case (Đó là các nghệ nhân vẽ hoa
Nguyễn Thị A, Trần Thị B và nghệ nhân điêu khắc Lê Văn C; giáo viên dạy văn X): the finder's cues
take a name right after the cue word, so the craft between would hide these names. Also the check
that a capitalised address term is a word of a place's name (quận Hai Bà Trưng), moved here from
extract/people_vi.py, which has no room left."""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import alternation
from extract.people_vi_bounds import VERB
from extract.people_vi_credits import LOWER, NAME, UPPER
from extract.tsv import read_rows

# words that are no craft: a function word or an address term between the trade and a name says the
# name is not the trade's (công nhân của anh X, nghệ nhân như ông Y, giáo viên cho em Z)
_NOT_CRAFT = re.compile(
    r"(?<!\w)(?:của|cho|và|là|các|những|này|đó|ở|tại|thuộc|như|gồm|với|trong|năm|lần|thứ|ông|bà|anh|chị"
    r"|em|cô|thầy|chú|cháu|đồng|chí|người|mà|thì|đây|kia|nào|ấy)(?!\w)"
)


@cache
def _trade() -> re.Pattern:
    trades = alternation([w for k, w, _why in read_rows("people_vi.tsv", 3) if k == "trade"]).pattern
    return re.compile(
        rf"(?<![{LOWER}{UPPER}])(?P<trade>(?P<word>(?i:{trades}))(?P<craft>(?:[ \t]+[{LOWER}]+){{1,3}}?))[ \t]+(?P<name>{NAME})"
    )


_NEXT = re.compile(rf"[ \t]*(?:,|và)[ \t]+(?P<name>{NAME})")


def by_trade(text: str, surnames: frozenset[str], not_name: re.Pattern) -> list[tuple[int, int, str, str]]:
    """(start, end, trade, trade word) of each name after a trade and its craft (nghệ nhân vẽ hoa | X),
    and of the names listed after it with commas and `và` (X, Y, Z và W): the trade is their role, its
    word (cô giáo, thầy giáo) their cue, which may tell a gender. Not a place read as a name (not_name)."""
    out = []
    for m in _trade().finditer(text):
        craft = m.group("craft")
        if _NOT_CRAFT.search(craft) or VERB.search(" " + craft + " "):
            continue  # giáo viên được tặng | X, công nhân của anh | Y: no craft, the name is not the trade's
        role, at = m.group("trade"), m.start("name")
        while at is not None:
            name = re.match(NAME, text[at:]).group(0)
            if name.split()[0].lower() not in surnames or not_name.match(text, at):
                break  # nghệ nhân ưu tú | Hà Nội: a place, never a person
            out.append((at, at + len(name), role, m.group("word")))
            nxt = _NEXT.match(text, at + len(name))
            at = nxt.start("name") if nxt else None
    return out


def inside_proper_name(text: str, at: int, street: re.Pattern) -> bool:
    """Is the capitalised address term at `at` a word of a proper name, right after another capitalised
    word (quận Hai Bà Trưng) or a street's word (phố Ông Ích Khiêm), not a person's address term
    (, Bà Nguyễn Thị A)?"""
    before = text[max(0, at - 16) : at]
    return text[at].isupper() and bool(
        re.search(rf"(?<![\w.])[{UPPER}][\w]*[ ]\Z", before) or street.search(before)
    )


def next_item(titles: str, surnames: list[str]) -> str:
    """A look-ahead that fails where a post is followed by a family name and another capitalised word
    (Thiếu tá A, | Đại úy Lê B và Trung úy C): that is the next person of a list, not a post going on
    with the one before; Đoàn is the Youth Union's word too (Bí thư Đoàn Thanh niên, Bí thư Đoàn trường)."""
    return rf"(?!(?:{titles})\s+(?!Đoàn\s)(?:{alternation(surnames).pattern})\s[{UPPER}])"
