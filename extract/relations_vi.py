"""People records of Vietnamese articles: who each person found is to the article (honouree,
official, author, mentioned), from the finder's mentions (extract/people_vi.py) and the shared
relation rules (extract/people.py)."""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import Lexicon
from extract.people import Context, decide_relation, honours_by_person
from extract.people_vi import Found, acts, attends, helped, namesake, sentence_end
from extract.people_vi_more import contact
from extract.records import Person
from extract.tsv import read_rows

# X - Giám đốc Sở …; Y - Bí thư huyện uỷ được trao tặng Huân chương: leaders named before a passive award
_PASSIVE_AWARD = re.compile(
    r"được\s+(?:đề nghị\s+)?(?:trao tặng|trao|tặng thưởng|tặng|truy tặng|phong tặng|nhận)\b", re.I
)
_NEW_SUBJECT = re.compile(r"\b(?:các|những|mong|chúc)\b")  # mong rằng các đồng chí được nhận …: others get it


@cache
def vi_leaders() -> tuple[str, ...]:
    return tuple(row[0].lower() for row in read_rows("positions_vi.tsv", 3) if row[1] == "leader")


def people_vi(found: list[Found], ctx: Context) -> list[Person]:
    text = ctx.text
    by_name: dict[str, list[Found]] = {}
    for f in found:  # Nguyễn Hương Giang and Nguyễn Hương giang are one person
        by_name.setdefault(text[f.start : f.end].lower(), []).append(f)
    out = []
    for mentions in by_name.values():
        name = max(
            (text[f.start : f.end] for f in mentions), key=lambda n: sum(w[:1].isupper() for w in n.split())
        )
        spans = [(f.start, f.end) for f in mentions]
        role = max((f.role for f in mentions if f.role), key=len, default=None)  # the fullest
        org = next((f.org for f in mentions if f.org), None)
        cues = " ".join(f"{f.cue} {f.role or ''}".lower() for f in mentions)
        leader = any(p in cues for p in vi_leaders())
        speaks = any(
            ctx.lex.cue_re["speech_vi"].search(text, s, sentence_end(text, e, 120)) for s, e in spans
        )
        speaks = speaks or any(attends(text, s) or _speech_before(text, s, ctx) for s, _ in spans)
        how = {"signature"} if any(f.author for f in mentions) else set()
        if any(f.signer for f in mentions):
            how = {"attending"}  # Người ký: the official who signed
        elif namesake(text, name):
            how = {"namesake"}  # Giải thưởng Nguyễn Văn Linh
        elif any(helped(text, s, e) for s, e in spans):
            how = {"helped"}  # chiếc ví do anh X đánh rơi: the owner, mentioned
        elif any(contact(text, e) for _, e in spans):
            how = {"contact"}  # đồng chí X – Phó Chủ tịch … (số điện thoại …): whom to call
        named = honours_by_person(spans, how, ctx)
        passive = not how and any(_passive_recipient(e, ctx) for _, e in spans)
        official = (leader and speaks) or any(acts(text, e) for _, e in spans)
        relation = (
            "mentioned"  # Nguyễn Trung Tiến (29 tuổi) in a story of the arrest: the suspect
            if any(f.accused for f in mentions)
            else "official"
            if official
            and not how
            and not _recipient(spans, ctx)
            and not _award_list(mentions, ctx)
            and not passive
            else decide_relation(spans, how, False, ctx, bool(named) or passive, False, name)
        )
        honour = named.text if named else (ctx.main_honour if relation == "honouree" else None)
        out.append(
            Person(
                name=name,
                relation=relation,
                span=next(sp for sp in spans if text[sp[0] : sp[1]] == name),  # as written
                role=role,
                org=org,
                honour=honour if relation == "honouree" else None,
                gender=_gender_vi(mentions, ctx.lex, name),
                posthumous=relation == "honouree"
                and (
                    any(ctx.cue_near("posthumous", s, e, 400, 10) for s, e in spans)  # in its sentence
                    or _award_list(mentions, ctx, "posthumous")
                ),
            )
        )
    return out


def _speech_before(text: str, at: int, ctx: Context) -> bool:
    """Phát biểu tại lễ trao giải, đồng chí X …: the speech opens the sentence the name is in."""
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, at - 60)
    return bool(ctx.lex.cue_re["speech_vi"].search(text, start, at))


def _recipient(spans, ctx: Context) -> bool:
    """Is the person named after an awarding verb in their clause (trao Huân chương … cho … ông X)?"""
    text = ctx.text
    for s, _ in spans:
        a = max(max(text.rfind(c, 0, s) for c in ",;:\n") + 1, text.rfind(". ", 0, s) + 2, s - 250)
        award = ctx.lex.cue_re["award"].search(text, a, s)
        if award and any(a <= h.start < s for h in ctx.honours):
            return True
    return False


def _passive_recipient(end: int, ctx: Context) -> bool:
    """Is the person one of those an award is given to later in their sentence, in the passive (X - Giám
    đốc Sở …; Y - Bí thư huyện uỷ được trao tặng Huân chương …), no speech or act of theirs between?"""
    text = ctx.text
    stop = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    m = _PASSIVE_AWARD.search(text, end, min(stop, end + 300))
    if (
        not m
        or ctx.lex.cue_re["speech_vi"].search(text, end, m.start())
        or _NEW_SUBJECT.search(text, end, m.start())
    ):
        return False
    return any(m.end() <= h.start <= m.end() + 40 for h in ctx.honours)


def _award_list(mentions: list[Found], ctx: Context, cue: str = "award") -> bool:
    """Is the person an item of a list an awarding sentence opens (tặng Huân chương …, gồm: A, B)?
    With `cue="posthumous"`: one a posthumous award opens (được truy tặng …, gồm: A; B)."""
    for f in mentions:
        if f.listed:
            start = max(ctx.text.rfind(". ", 0, f.start) + 2, ctx.text.rfind("\n", 0, f.start) + 1)
            if ctx.lex.cue_re[cue].search(ctx.text, start, f.start):
                return True
    return False


def _gender_vi(mentions: list[Found], lex: Lexicon, name: str = "") -> str | None:
    """F or M from the address terms before the name (bà, chị; ông, anh), else F from a middle name
    only women bear (Phạm Thị Hòa), else None."""
    cues = {f.cue.lower() for f in mentions}
    if not cues.isdisjoint(lex.cues["female_vi"]):
        return "F"
    if not cues.isdisjoint(lex.cues["male_vi"]):
        return "M"
    return "F" if not set(name.split()[1:-1]).isdisjoint(lex.cues.get("female_middle_vi", ())) else None
