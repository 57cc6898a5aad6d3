"""Marks around a Chinese name that change what the person's record says: a retirement that honours
nobody (届龄荣退), one not chosen (没选上), a title's namesake (X式), the late (已故, (已故): the honour is posthumous), a kinship word giving the sex (的母亲).
Split from people_rel_cues.py (its size); `ctx` is a people.Context."""

from __future__ import annotations

import re

RETIRES = re.compile("届龄荣退|届龄退休|荣退证明")  # a retirement and its certificate: no honour (counts too)


def retires(start: int, end: int, ctx) -> bool:
    """X、Y等8人届龄荣退，获颁荣退证明: the clause names the person among those who retire; the
    certificate they get thanks them, it honours nobody."""
    return bool(RETIRES.search(ctx.text, *ctx.clause(start, end)))


_LATE_BEFORE = re.compile(r"已故[^，,。；;：:！？!?\n的]{0,16}$")  # 已故海关关员X、Y: the late
_LATE_AFTER = re.compile(r"[（(]已故[）)]")  # 朱某(已故): a roll's note


def not_selected(start: int, end: int, ctx) -> bool:
    """刘某说：“…今年我没选上…”, X没有被评上: the person's own clause, or the words they say (the rest of the
    paragraph after 说), tells that they were not chosen; they speak at the commendation, not honoured."""
    cue = ctx.lex.cue_re["not_selected"]
    if cue.search(ctx.text, *ctx.clause(start, end)):
        return True
    stop = ctx.text.find("\n", end)
    stop = min(len(ctx.text) if stop < 0 else stop, end + 200)
    return bool(ctx.lex.cue_re["witness"].match(ctx.text, end) and cue.search(ctx.text, end, stop))


def namesake(spans: list[tuple[int, int]], ctx) -> bool:
    """李某式模范班组, 李某式金牌工人: a title named after the person (X式) at one of the mentions, and no
    honour in the clause of another mention; the namesake is remembered, the title goes to others."""
    marked = [ctx.text.startswith("式", e) for _, e in spans]
    others = [span for span, m in zip(spans, marked, strict=True) if not m]
    return any(marked) and not any(ctx.honour_in(s, e) for s, e in others)


def late(start: int, end: int, text: str) -> bool:
    """Is the person called the late (已故…关员X、Y, X(已故))? An honour of theirs is posthumous."""
    return bool(_LATE_BEFORE.search(text, max(0, start - 20), start) or _LATE_AFTER.match(text, end))


_KIN_SEX = {
    "F": ("母亲", "妈妈", "女儿", "媳妇", "妻子", "婆婆", "奶奶", "姐姐", "妹妹", "大妈", "大娘", "阿姨"),
    "M": ("父亲", "爸爸", "儿子", "丈夫", "爷爷", "哥哥", "弟弟", "大爷", "大伯"),
}


def kin_gender(role: str | None) -> str | None:
    """The sex a kinship or address word before the name says (胡某的母亲陈某, 好媳妇X: F)."""
    return next((sex for sex, words in _KIN_SEX.items() if role and role.endswith(words)), None)
