"""Is this article a commendation? Weighted cue words from lexicons/commendation_cues.tsv say a page talks
of honours; whether it honours anyone or only explains, regulates or calls for honours is weighed from
the evidence of each kind in lexicons/commendation_kind.tsv (a recipient in an honouring frame against
definitions, conditions, procedures, questions and answers, calls, visits), with the unmistakable shapes of
lexicons/commendation_not.tsv counting as strong evidence of an explainer or a call."""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import alternation
from extract.needs import Folded, Strings, may_contain, may_match, needs, strings
from extract.tsv import read_rows

THRESHOLD = 3
TITLED_HONOUR = 2  # an honour title named in the page's title (“优秀教师”名单)
EXPLAINS = 4  # evidence a page explains or calls for honours needs to reach, and to be twice the honouring
SHAPE = 4  # the evidence one shape of commendation_not.tsv gives
CALLS = 3  # call evidence that makes an explaining page a call (a call explains its conditions too)
RECIPIENTS = 3  # distinct recipients an honouring row counts at most (three named honourees, not one)
NAMED = 2  # honourees found in the text that make a page short of cue words a commendation


@cache
def cues() -> dict[str, int]:
    return {cue.lower(): int(weight) for cue, weight, _why in read_rows("commendation_cues.tsv", 3)}


@cache
def not_commendation() -> tuple[tuple[re.Pattern, str, str, frozenset[str] | None, Strings | None], ...]:
    """(pattern, where, kind, the characters one of which it needs, the strings one of which it
    needs: extract/needs.py)."""
    rows = read_rows("commendation_not.tsv", 4)
    return tuple(
        (p := re.compile(pattern), where, kind, needs(p), strings(p)) for pattern, where, kind, _why in rows
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


def headline(title: str, text: str) -> tuple[str, int]:
    """The title to search and how far into it a match may begin: when the title is only the text's
    opening line cut short (a page of one paragraph and no headline: "在近日召开的…座谈会上,我市3名个人、
    1…"), that line in full, with matches beginning in the part the title keeps, so that what follows
    a word is still read with it (cut short, a 座谈会 loses the 受到表彰 after it)."""
    head = title.rstrip()
    stem = head.rstrip("….").rstrip()
    body = text.lstrip()
    if not head.endswith(("…", "...")) or not stem or not body.startswith(stem):
        return title, len(title)
    return body.split("\n", 1)[0], len(stem)


def _in_title(pattern: re.Pattern, line: str, reach: int) -> bool:
    m = pattern.search(line)  # the leftmost match: when it begins past `reach`, every match does
    return m is not None and m.start() < reach


def score(title: str, text: str) -> int:
    """Each distinct cue found counts once, double when it is in the title."""
    title, text = title.lower(), text.lower()
    in_title = _found(title)
    table = cues()
    return sum(table[cue] * (2 if cue in in_title else 1) for cue in in_title | _found(text))


@cache
def kind_rows() -> tuple[tuple[re.Pattern, str, str, int, frozenset[str] | None, Strings | None], ...]:
    """(pattern, side, where, weight, the characters one of which it needs, the strings one of which
    it needs: extract/needs.py)."""
    rows = read_rows("commendation_kind.tsv", 5)
    return tuple(
        (p := re.compile(pattern), side, where, int(weight), needs(p), strings(p))
        for pattern, side, where, weight, _why in rows
    )


def evidence(title: str, text: str) -> dict[str, int]:
    """Points for each side (explainer, call, visit, honour): a row counts once, double in the title;
    a `recipient` row (honour) once for each distinct recipient it frames, at most RECIPIENTS."""
    points = {"explainer": 0, "call": 0, "visit": 0, "honour": 0}
    line, reach = headline(title, text)
    in_text, in_title = set(text), set(line)  # a row is searched only where it may match
    folded = Folded(text, in_text)
    for pattern, side, where, weight, need, words in kind_rows():
        titled = where != "text" and may_match(need, in_title) and _in_title(pattern, line, reach)
        texted = where != "title" and may_match(need, in_text) and may_contain(words, text, folded)
        if side == "recipient":
            found = _distinct(pattern, text, RECIPIENTS) if texted else 0
            points["honour"] += weight * (found + titled)
        elif titled or (texted and pattern.search(text)):
            points[side] += weight * (2 if titled else 1)
    for pattern, where, kind, need, words in not_commendation():
        if where == "title":
            found = may_match(need, in_title) and pattern.search(title)
        else:
            found = may_match(need, in_text) and may_contain(words, text, folded) and pattern.search(text)
        if found:
            points[kind] += SHAPE
            break
    return points


def _distinct(pattern: re.Pattern, text: str, most: int) -> int:
    """How many different strings the pattern finds in the text, counting up to `most`."""
    seen: set[str] = set()
    for m in pattern.finditer(text):
        seen.add(m.group(0))
        if len(seen) >= most:
            break
    return len(seen)


def not_a_commendation(title: str, text: str) -> str | None:
    """`explainer` (rules, law, a definition, a legal Q&A), `call` (a selection still to come: a call
    for nominations, an honour to be given) or `visit` (an event with past honourees: a visit, an
    inspection; unlike an explainer it keeps its event) when the page talks of honours but honours
    nobody: the evidence it explains, calls or visits reaches EXPLAINS and is at least twice the
    evidence it honours someone (a real decision cites the law; an explainer may quote a real award,
    授予朱婷等10人…)."""
    points = evidence(title, text)
    explains = points["explainer"] + points["call"] + points["visit"]
    if explains < EXPLAINS or explains < 2 * points["honour"]:
        return None
    if points["call"] >= CALLS:
        return "call"
    return "visit" if points["visit"] >= points["explainer"] else "explainer"


def explains_only(title: str, text: str) -> bool:
    """An explainer, a legal Q&A, a call for nominations or a visit: honours talked about, nobody honoured."""
    return not_a_commendation(title, text) is not None


def talks_of_honours(title: str, text: str, titled_honour: bool = False) -> bool:
    """Enough cue words for a page about honours: a commendation, or a call or an explainer."""
    return score(title, text) + TITLED_HONOUR * titled_honour >= THRESHOLD


def is_commendation(title: str, text: str, titled_honour: bool = False) -> bool:
    return not explains_only(title, text) and talks_of_honours(title, text, titled_honour)


def names_honourees(kind: str | None, honourees: int) -> bool:
    """A Chinese page too short of cue words (推选 and 候选 alone) whose people finder still puts NAMED
    or more people in an honouring frame (确定候选人22名：甲、乙…) names those honoured or proposed: a
    commendation, since the gold counts candidates as honourees. A call, an explainer or a visit keeps
    its verdict: the people it names are past honourees (往届评选中甲、乙等20人获评…)."""
    return kind is None and honourees >= NAMED


_ACTS = re.compile(
    r"(?:[、和与及][^，,。；;、]{1,14}){0,4}?(?:等(?:单位|部门)?)?"
    r"(?:党组|党委)?(?:成员|主席|副主席|书记|副书记|主任|副主任|部长|局长|厅长|领导|负责人"
    r"|召开|举行|举办|主办|承办|联合|庆祝|决定|今天对|对|[,，]?向|推荐)"
)


def acts_only(name: str, text: str) -> bool:
    """Every mention of a body is its act or its post, never an honour: an organiser (市总工会庆祝…表彰大会,
    省民族委员会、文化厅召开会议, 全国总工会、全国妇联今天对…, 全国总工会决定, 市总工会,向…), a nominator (…等单位推荐) or a
    leader's post (省总工会党组成员、副主席某某). A Chinese report whose only collectives act so names nobody
    honoured."""
    at = [m.end() for m in re.finditer(re.escape(name), text)]
    return bool(at) and all(_ACTS.match(text, end) for end in at)
