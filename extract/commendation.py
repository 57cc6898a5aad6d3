"""Is this article a commendation? Weighted cue words from lexicons/commendation_cues.tsv, unless the
page only explains or calls for honours (lexicons/commendation_not.tsv)."""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import alternation
from extract.tsv import read_rows

THRESHOLD = 3
TITLED_HONOUR = 2  # an honour title named in the page's title (“优秀教师”名单)


@cache
def cues() -> dict[str, int]:
    return {cue.lower(): int(weight) for cue, weight, _why in read_rows("commendation_cues.tsv", 3)}


@cache
def not_commendation() -> tuple[tuple[re.Pattern, str, str], ...]:
    return tuple(
        (re.compile(pattern), where, kind)
        for pattern, where, kind, _why in read_rows("commendation_not.tsv", 4)
    )


@cache
def _cue_re() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """All cues in one pass (overlapping), and for each cue the cues inside it (表彰 in 表彰大会)."""
    table = cues()
    inside = {c: tuple(d for d in table if d != c and d in c) for c in table}
    first = re.escape("".join(sorted({c[0] for c in table})))
    return re.compile(f"(?=[{first}])(?=({alternation(table).pattern}))"), inside


def _found(text: str) -> set[str]:
    pattern, inside = _cue_re()
    found = {m.group(1) for m in pattern.finditer(text)}
    return found.union(*(inside[c] for c in found))


def score(title: str, text: str) -> int:
    """Each distinct cue found counts once, double when it is in the title."""
    title, text = title.lower(), text.lower()
    in_title = _found(title)
    table = cues()
    return sum(table[cue] * (2 if cue in in_title else 1) for cue in in_title | _found(text))


def not_a_commendation(title: str, text: str) -> str | None:
    """`explainer` (rules, law, a definition, a legal Q&A) or `call` (a selection still to come: a call
    for nominations, an honour to be given) when the page talks of honours but honours nobody."""
    for pattern, where, kind in not_commendation():
        if pattern.search(title if where == "title" else text):
            return kind
    return None


def explains_only(title: str, text: str) -> bool:
    """An explainer, a legal Q&A or a call for nominations: honours talked about, nobody honoured."""
    return not_a_commendation(title, text) is not None


def talks_of_honours(title: str, text: str, titled_honour: bool = False) -> bool:
    """Enough cue words for a page about honours: a commendation, or a call or an explainer."""
    return score(title, text) + TITLED_HONOUR * titled_honour >= THRESHOLD


def is_commendation(title: str, text: str, titled_honour: bool = False) -> bool:
    return not explains_only(title, text) and talks_of_honours(title, text, titled_honour)
