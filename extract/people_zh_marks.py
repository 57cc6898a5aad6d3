"""Marks around a Chinese name that change what the person's record says: a retirement that honours
nobody (届龄荣退), the late (已故, (已故): the honour is posthumous), a kinship word giving the sex (的母亲).
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
