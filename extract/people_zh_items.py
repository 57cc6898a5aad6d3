"""List items whose post is in no table of positions (孚日集团…毛巾二公司工段长|孙立平, 齐鲁医院的|费剑春):
where the name starts and which part is the post, which the unit. Split from people_zh.py (its size)."""

from __future__ import annotations

from extract.lexicon import Lexicon
from extract.names_zh import ChineseNameFinder
from extract.people_zh_checks import NameChecks
from extract.people_zh_frames import Frames
from extract.people_zh_positions import post_after_unit


def last_item_end(text: str, s: int, e: int, lex: Lexicon, names: ChineseNameFinder) -> int:
    """The last item of a list ends where its awarding verb starts, right after a name (…、青禾市中医院
    的晏某|获评“…”): the verb and what follows are the sentence's, not the item's. Not after what is
    no name (陈薇被|授予: 被 is no part of a name, the item stays whole)."""
    award = lex.cue_re["award"].search(text, s + 2, e)
    if not award or not any(names.is_name(text[award.start() - n : award.start()]) for n in (3, 2)):
        return e
    return award.start()


def after_post(text: str, s: int, e: int, names: ChineseNameFinder, checks: NameChecks) -> int | None:
    """孚日集团…毛巾二公司工段长|孙立平: where a name closing a list item starts after a unit and a post
    in no table of positions (the unit word and the post's shape say where the name starts); a
    name the finder knows, not one ending in a unit word (…街道新世|纪社区)."""
    for at in (e - 3, e - 2, e - 4):  # the common three characters first
        cand = text[at:e]
        if (
            at >= s + 3
            and text[at] in checks.first
            and names.is_name(cand)
            and names.name_at(text, at) == e
            and not text.endswith(checks.unit_words, at, e)  # 新世纪社区
            and item_post(text, s, at, checks.lex, checks.f)[0]
        ):
            return at
    return None


def item_post(text: str, s: int, start: int, lex: Lexicon, f: Frames) -> tuple[str | None, str | None]:
    """The unit and post before the name in a list item (孚日集团…公司工段长|孙立平, 齐鲁医院的|费剑春),
    after an awarding verb or a colon that opens the list (授予|上汽大通…维修工段长范宏平)."""
    phrase = text[s:start]
    cut = max((m.end() for m in lex.cue_re["award"].finditer(phrase)), default=0)
    phrase = phrase[max(cut, phrase.rfind("：") + 1, phrase.rfind(":") + 1) :]
    return post_after_unit(phrase, lex, f) if len(phrase) >= 3 else (None, None)


def line_owner(text: str, at: int, people: dict, f: Frames):
    """A (女) or (苗族) alone at the start of a line belongs to the name opening the line before it,
    a name-then-unit row of an annexed list (夏某 …陶瓷雕塑工(高级技师)⏎(女)); else None."""
    if at == 0 or text[at - 1] != "\n":
        return None
    row = f.grid_line.match(text[text.rfind("\n", 0, at - 1) + 1 : at - 1])
    return people.get("".join(row.group("name").split())) if row else None


def tail_name(cand: str, checks) -> bool:
    """A name ending a list item (守岛民兵王继才): a surname and a given name that is no word
    (劳动模范代表 ends in 范 + 代表, a word)."""
    return checks.slot_name(cand, relaxed=True) and not checks.names.is_word(cand[1:])


def tail_start(text: str, e: int, checks) -> int:
    """常任法官李义: a first character that closes a word on its left (法官) is no surname, the name
    is the last two characters."""
    two = checks.names.is_word(text[e - 4 : e - 2]) and checks.slot_name(text[e - 2 : e], relaxed=True)
    return e - 2 if two else e - 3
