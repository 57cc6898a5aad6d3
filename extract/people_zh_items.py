"""List items whose post is in no table of positions (孚日集团…毛巾二公司工段长|孙立平, 齐鲁医院的|费剑春):
where the name starts and which part is the post, which the unit. Split from people_zh.py (its size)."""

from __future__ import annotations

import re

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


def tail_name(cand: str, checks, after_unit: bool = False) -> bool:
    """A name ending a list item (守岛民兵王继才): a surname and a given name that is no word
    (劳动模范代表 ends in 范 + 代表, a word); a common surname, as nothing marks where the name starts
    (地区义消 holds no 区义消). Right after a unit's last word (第一中学|豆朝晖) the unit marks the start,
    so a given name that is also a word (朝晖) is fine."""
    return (
        cand[0] in checks.first
        and checks.slot_name(cand, relaxed=True)
        and not (checks.names.is_word(cand[1:]) and (not after_unit or _post_or_unit(cand[1:], checks)))
    )


# 最终|束和平、…, 对|苏军队、…: an adverb or a preposition opening a list of names marks where the first
# name starts as a unit does, so its given name may be a word (和平, 军队)
_LEADS_LIST = re.compile("(?:最终|最后|其中|分别|包括|还有|以及|对|向|为|给|由|授予|表彰)$")


def start_marked(text: str, s: int, start: int, checks) -> bool:
    """Is the start of the name at `start`, ending the list item text[s:...], marked by what opens
    the item: a unit's last word (第一中学|豆朝晖) or a word that leads a list (最终|束和平)?"""
    return text.endswith(checks.unit_words, s, start) or bool(_LEADS_LIST.search(text, s, start))


def _post_or_unit(word: str, checks) -> bool:
    """Is the word a post or a unit's last word (服务处|江主任, 村|党支部): no given name after a unit?"""
    return bool(checks.role_end.search(word)) or word.endswith(checks.unit_words)


def tail_start(text: str, e: int, checks) -> int:
    """常任法官李义, 型号总设计师李东: a first character that closes a word or a post on its left (法官,
    设计师) is no surname, the name is the last two characters."""
    closed = checks.names.is_word(text[e - 4 : e - 2]) or checks.ends_with_role(text, e - 2)
    return e - 2 if closed and checks.slot_name(text[e - 2 : e], relaxed=True) else e - 3


def inside(people: dict, start: int, end: int, other_than=None) -> bool:
    """Is text[start:end] part of a longer name already found (王芳 inside 王芳芳, 腾芳 inside 沈课员腾芳)?"""
    for p in people.values():
        if p is not other_than and len(p.name) > end - start:
            for s, e in p.spans:
                if s <= start and end <= e:
                    return True
    return False


def posts_said_apart(text: str, people: dict, lex: Lexicon, names: ChineseNameFinder, f: Frames) -> None:
    """Posts written apart from the name they belong to: after a counted list, once before a list, or
    with the surname alone later on."""
    posts_after_lists(text, people, lex)
    shared_posts(text, people, lex)
    surname_titles(text, people, lex, names)
    posts_before(text, people, lex, f)
    posts_after_names(text, people, lex)


def posts_after_names(text: str, people: dict, lex: Lexicon) -> None:
    """与陈某区长共同颁发, 三院陈某院长榜上有名: a leader's or staff post right after a name (the order of
    Taiwan and Hong Kong papers, and of polite mentions) is the post of a name that has none yet."""
    for p in people.values():
        for _, e in [] if p.role else p.spans:
            m = lex.role_re.match(text, e)
            if m and lex.roles[m.group(0)] in ("leader", "staff"):
                p.role = m.group(0)
                break


def posts_before(text: str, people: dict, lex: Lexicon, f: Frames) -> None:
    """授予…泵业分公司焊工|丁某等10名: a unit and a post right before a name the general finder saw, in
    its clause after any awarding verb, are the name's post (read as in a list item)."""
    for p in people.values():
        for s, _ in [] if p.role or p.how != {"found"} else p.spans[:1]:
            opened = max((m.end() for m in _OPENS.finditer(text, max(0, s - 40), s)), default=max(0, s - 40))
            role, org = item_post(text, opened, s, lex, f)
            if role and _post_shaped(role, lex):
                p.role, p.org = role, org


def _post_shaped(role: str, lex: Lexicon) -> bool:
    """A short post ending in a word of the positions table or an occupation's last character (焊工,
    快递员, 交通警员), with no conjunction or preposition (not 理事长于, 坚持以, …部长X与…副县长)."""
    if len(role) > 8 or set(role) & _NOT_IN_POST:
        return False
    last = [m for m in lex.role_re.finditer(role) if m.end() == len(role)]
    return bool(last) or role[-1] in _TRADE_END


_NOT_IN_POST = frozenset("与和及的于以在为将由被把向对从给让")
_TRADE_END = frozenset("工员师医警官手")  # 焊工, 快递员, 技师, 军医, 交通警, 检察官, 操作手
_OPENS = re.compile(r"[，,。；;：:！？!?、\n（(“「]")
_COUNTED = re.compile(r"(?:、[\u4e00-\u9fff]{2,4})*(?:等)?(?:[两三四五六七八九十几多]|\d+)位")


def posts_after_lists(text: str, people: dict, lex: Lexicon) -> None:
    """金某、杨某、王某等多位科主任, 曹某、顾某四位护士: a name or a 、-list closed by a count of people
    and their post (a word of the positions table, maybe after a unit's character: 科|主任) gives that
    post to every listed name still without one."""
    for p in people.values():
        for _, e in [] if p.role else p.spans:
            m = _COUNTED.match(text, e)
            post = (
                next(filter(None, (lex.role_re.match(text, m.end() + k) for k in (0, 1, 2))), None)
                if m
                else None
            )
            if post and lex.roles[post.group(0)] in ("leader", "staff"):  # not 四位模范母亲 (a relative)
                p.role = text[m.end() : post.end()]
                break


def shared_posts(text: str, people: dict, lex: Lexicon) -> None:
    """教青局副局长丁某、阮某、黄某: bare names listed right after a name that holds a post (a leader's or
    staff word) share it (the post is written once for the list); a name with a post of its own keeps it."""
    starts = {s: p for p in people.values() for s, _ in p.spans}
    for p in list(people.values()):
        last = p.role.split("、")[-1] if p.role and "role" in p.how else ""
        words = [m.group(0) for m in lex.role_re.finditer(last)]
        if not words or lex.roles[words[-1]] not in ("leader", "staff"):
            continue  # 模范母亲X、Y: an honour's word, not a post
        for s, e in p.spans:
            if not text.endswith(last, 0, s):
                continue  # the post is written before another mention
            while text.startswith("、", e) and (q := starts.get(e + 1)) is not None and not q.role:
                q.role, q.org = p.role, p.org
                e = next(qe for qs, qe in q.spans if qs == e + 1)


def surname_titles(text: str, people: dict, lex: Lexicon, names: ChineseNameFinder) -> None:
    """张宏祥… then 由卞院长宣读, 张院长作总结: a surname and a post (a leader's or staff word) name the one
    person found with that surname, who holds the post if no other is known for them."""
    for m in lex.role_re.finditer(text, 1):
        s = m.start() - 1
        if lex.roles[m.group(0)] not in ("leader", "staff") or names.is_word(text[s - 1 : s + 1]):
            continue  # 市民代表, 城市长: the character before the post closes a word, no surname
        owners = [p for p in people.values() if len(p.name) in (2, 3) and p.name[0] == text[s]]
        owners = [  # 周总理 in a memoir: no post today; 追授冯某…冯书记: the honoured keeps his own post
            p for p in owners if p.name not in lex.figures and not p.how & {"conferred", "grid", "profile"}
        ]
        if len(owners) == 1 and not owners[0].role and not text.startswith(owners[0].name, s):
            owners[0].role = m.group(0)
