"""Honourees listed item after item: 获得“十佳”的是A，甲县邮政局B，乙市邮政局C; 22名“楷模”候选人…。他们是
甲大学A、乙中学B…. Only one item's clause (or the sentence before the list) names the honour; the
items hold a unit and a name and nothing else, so they share it. Split from people.py (its size)."""

from __future__ import annotations

import re

from extract.people_context import Context
from extract.text import Mention, sentence_of

_SEPARATORS = "、，,和与及"
_ITEM_END = frozenset("、，,和与及。；;\n")  # a name closing its item (or the list)
_CLAUSE_MARK = re.compile(r"[、，,。；;：:！？!?\n]")
_POST_MARK = re.compile(r"[，,。；;：:！？!?\n]")  # the clause marks but 、
_MAX_ITEM = 40  # 国网…德清县供电公司电力调度控制分中心信通运检班班长: a unit, its branches, a post
_VERB_CUES = ("award", "speech", "leader_act", "witness", "mention", "past_award")
_OPENER = re.compile(  # 他们是, 分别是: the list of those the sentence before honoured
    r"(?:他们|她们|分别|依次|获奖者|得主|人选)(?:是|为)[:：]?"
)
_OPENER_END = re.compile(r"(?:名单|获奖者|得主)?(?:如下|是|为)[:：]$")  # 名单如下：, 获奖者为：
_BACK = 200  # how far before the list its honour may be named (this sentence or the one before)


def list_heirs(
    mentions: list[tuple[int, int, str]], named: dict[str, Mention | None], ctx: Context
) -> dict[str, Mention]:
    """Names not named with an honour that share the honour of the named item next to theirs, or of
    the sentence before a list opened by 他们是; `mentions` are (start, end, name) of every person
    found. The walk goes forward, then backward, so a run inherits item by item. On a page that is
    no commendation only a run opened by 他们是 inherits (a named neighbour alone is not enough)."""
    text = ctx.text  # only names closing their item (not 杜尔伯特 inside 杜尔伯特蒙古族自治县邮政局)
    ordered = sorted(m for m in mentions if m[1] >= len(text) or text[m[1]] in _ITEM_END)
    heirs: dict[str, Mention] = {}
    for s, _, name in ordered:
        if not named.get(name) and name not in heirs and (honour := _opened_by(s, ctx)):
            heirs[name] = honour
    pairs = list(zip(ordered, ordered[1:], strict=False))
    for forward in (True, False):
        carried = None  # the honour of the run of items walked so far
        for a, b in pairs if forward else pairs[::-1]:
            src, dst = (a, b) if forward else (b, a)
            if src[2] == dst[2] or not _next_items(a, b, ctx, forward):
                carried = None
                continue
            own = named.get(src[2]) if ctx.commendation or carried else None
            carried = heirs.get(src[2]) or own
            if carried and not named.get(dst[2]) and dst[2] not in heirs:
                heirs[dst[2]] = carried
    return heirs


def _opened_by(start: int, ctx: Context) -> Mention | None:
    """The honour of a list whose first item opens with 他们是 (…候选人22名。他们是中南大学卢某、…) or
    follows 名单如下: the last honour named before the opener, in its sentence or the one before."""
    text = ctx.text
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, max(0, start - _MAX_ITEM - 8), start)]
    if not marks:
        return None
    lead = _OPENER.match(text, marks[-1], start)
    if lead:
        opener, words = lead.start(), lead.end()
    elif (tail := _OPENER_END.search(text, max(0, marks[-1] - 9), marks[-1])) is not None:
        opener, words = tail.start(), marks[-1]
    else:
        return None
    if not _item(words, start, ctx):
        return None
    sentence = sentence_of(ctx.sentences, opener)[0]
    before = sentence_of(ctx.sentences, sentence - 1)[0] if sentence else 0
    low = max(before, opener - _BACK)
    found = [h for h in ctx.honours if low <= h.start and h.end <= opener]
    return found[-1] if found else None


def _next_items(a: tuple[int, int, str], b: tuple[int, int, str], ctx: Context, forward: bool) -> bool:
    """Are the names a and b the ends of two items next to each other (a closes its item at a
    separator, b's item holds only words before b)? The heir's item has no verb; going backward,
    the heir's item is read from the clause mark before it."""
    text = ctx.text
    (_, a_e, _), (b_s, _, _) = a, b
    if a_e >= len(text) or text[a_e] not in _SEPARATORS:
        return False
    posts = text[a_e] in "，,"  # items split by commas may join their posts by 、 (党委书记、主任X)
    if not _item(a_e + 1, b_s, ctx, posts):
        return False
    if forward:
        return True
    marks = _POST_MARK if posts else _CLAUSE_MARK
    mark = max((m.end() for m in marks.finditer(text, max(0, a[0] - _MAX_ITEM), a[0])), default=None)
    return mark is not None and _item(mark, a[0], ctx, posts)


def _item(start: int, end: int, ctx: Context, posts: bool = False) -> bool:
    """Is text[start:end] the words of one item before its name: short, no clause mark (but the 、
    joining posts in a list split by commas), no verb?"""
    return (
        end - start <= _MAX_ITEM
        and not (_POST_MARK if posts else _CLAUSE_MARK).search(ctx.text, start, end)
        and not any(ctx.lex.cue_re[k].search(ctx.text, start, end) for k in _VERB_CUES)
    )
