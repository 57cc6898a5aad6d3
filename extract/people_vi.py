"""Vietnamese people: `ông X`, `X, post`, `X - unit`, `post X`; credits: people_vi_credits; bare names: people_vi_more."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from extract.lexicon import alternation
from extract.people_vi_bounds import (
    BIO,
    CHAIN_START,
    PLACE_PAREN,
    after_of,
    completed,
    fallback_name,
    name_after_unit,
    name_end,
    past_place,
    role_phrase,
    role_units,
    sentence_start,
    tail_role,
    title_chain,
)
from extract.people_vi_bounds import ROLE_CHAR as _ROLE_CHAR
from extract.people_vi_bounds import VERB as _VERB
from extract.people_vi_credits import LOWER as _LOWER
from extract.people_vi_credits import NAME, credits, signature, signers
from extract.people_vi_credits import UPPER as _UPPER
from extract.people_vi_more import (
    DEGREE_CUE,
    DEGREE_LETTERS,
    accused,
    accused_cue,
    askers,
    attending_list,
    caps_after_degree,
    coordinated,
    count_listed,
    counted,
    cut_off,
    first_letters,
    named_place_or_unit,
    numbered_items,
    placed_elsewhere,
    tone_free,
    with_bio,
)
from extract.people_vi_trades import by_trade, inside_proper_name, next_item
from extract.tsv import read_rows
from normalize.seg_vi import read_rules


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    cue: str = ""  # address term or position before the name
    role: str | None = None
    org: str | None = None
    author: bool = False
    listed: bool = False  # an item of a list after gồm / các ông, bà: (honoured, when the list is)
    signer: bool = False  # Người ký: X, or the name under QUYỀN CHỦ TỊCH at a decree's end
    accused: bool = False  # a bare name with its age or home in a sentence about a crime: a suspect


@dataclass(frozen=True)
class Patterns:
    by_cue: re.Pattern  # ông Nguyễn Văn A
    by_position: re.Pattern  # Chủ tịch UBND huyện Nguyễn Văn A
    tail: re.Pattern  # , Chủ tịch UBND phường | - khu phố 3 | - thợ dệt làng X, xã Y (a unit, its commune)
    stop: re.Pattern  # a capitalised word that ends a name (Phó, Trưởng, Học sinh)
    chain: re.Pattern  # a title that may open a chain of titles before a name
    address: frozenset[str]  # ông, bà, đồng chí: address terms, no role
    position_line: re.Pattern  # QUYỀN CHỦ TỊCH, KT. CHỦ TỊCH: a position opening a line
    attend: re.Pattern  # Dự hội nghị có …
    namesake: re.Pattern  # Giải thưởng | Nguyễn Văn Linh: an award named after a person
    presence: re.Pattern  # (Buổi lễ có) sự tham dự của: the officials present follow
    strong_speech: re.Pattern  # chỉ đạo, chủ trì, trao right after a name: an official
    colon_list: re.Pattern  # các ông, bà: A - …; B - …; C và D
    dashed: re.Pattern  # …, Trần Kim Hùng - Phó Chủ tịch HĐND tỉnh, …
    former: re.Pattern  # …; Lê Văn B, cựu Phó Giám đốc Sở …: a list item with a (former) post
    not_name: re.Pattern  # Việt Nam, Hà Nội: never a person
    surnames: frozenset[str]
    given: re.Pattern  # được, nhận before the verb: the person is given to, not giving
    coordinated: re.Pattern  # và ông Y: another person sharing the sentence's verb
    figure_in: re.Pattern  # TP. | Hồ Chí Minh, Đoàn TNCS | Hồ Chí Minh: the figure names a place or a body
    source: re.Pattern  # Theo ông X, …: the person a statement is attributed to
    street: re.Pattern  # phố | Ông Ích Khiêm: a capitalised address term after it starts a street's name
    helped_before: re.Pattern  # trả lại cho | chị X: the person the honoured helped
    helped_after: re.Pattern  # anh X (trú …) | đánh rơi: the owner of what was lost


@cache
def patterns() -> Patterns:
    rules = read_rules()
    words: dict[str, list[str]] = {}
    for kind, word, _why in read_rows("people_vi.tsv", 3):
        words.setdefault(kind, []).append(word)
    cues = alternation([*rules.get("cue", []), *words["cue"]]).pattern
    positions = tone_free(alternation([row[0] for row in read_rows("positions_vi.tsv", 3)]).pattern)
    honour_words = [row[0] for row in read_rows("honours.tsv", 3) if not re.search("[\u4e00-\u9fff]", row[0])]
    honours = alternation(honour_words).pattern
    titles = (  # nguyên, cựu: a former post (đồng chí X, nguyên Bí thư Tỉnh ủy); quyền: an acting one; hiện là: the present
        rf"(?i:(?:(?:nguyên|cựu|quyền|hiện là|hiện nay là|nay là)\s+)?(?:phó\s+)?(?:{positions})|giáo viên|bác sĩ|nông dân|học sinh|sinh viên|công nhân"
        r"|điều dưỡng|kỹ sư|nhân viên|y sĩ|dược sĩ|lớp(?=\s+\d))"  # em X (lớp 12C6 Trường …): the class
    )
    item = next_item(titles, [*rules.get("surname", []), *words["surname"]])  # …, Đại úy B: the next person
    cue_words = [*rules.get("cue", []), *words["cue"]]
    position_words = [row[0] for row in read_rows("positions_vi.tsv", 3)] + honour_words
    return Patterns(
        by_cue=re.compile(
            rf"{first_letters(cue_words, DEGREE_LETTERS)}(?<![{_LOWER}{_UPPER}])"
            rf"(?P<cue>(?i:{cues})|{DEGREE_CUE})\s+(?P<name>{NAME})"
        ),
        # a position, maybe its organisation, then the name: Bí thư Đảng ủy phường Trần Quốc Bảo; honour holders too
        by_position=re.compile(
            rf"{first_letters(position_words)}(?<![{_LOWER}{_UPPER}])(?P<cue>(?i:(?:phó\s+)?(?:{positions})|{honours}))"
            rf"(?:\s+(?:{_DEGREE}|(?:[^\s,.;:?]|\.(?=\w))+)){{0,11}}?\s+(?P<name>{NAME})"
        ),
        tail=re.compile(
            rf"(?:\s*\(\s*|(?:\s*\([^()\n]{{1,30}}\))?{BIO}\s*,\s*(?:(?!(?i:{cues})\s|{titles})[^,.;:()\n]{{2,30}},\s*(?={titles}))?|\s*[-–]\s*|\s+(?=[{_UPPER}]))"
            rf"(?P<role>{item}{titles}{_ROLE_CHAR}{{0,90}}(?:,\s*{item}(?:{titles}|{role_units()}\s){_ROLE_CHAR}{{0,60}})*{PLACE_PAREN})"
            rf"|(?:\s[-–]\s|\s*\(\s*(?:thuộc\s+)?(?=(?:{role_units()})\s))"  # X (thuộc Chi đoàn thôn Y): the unit
            rf"(?P<org>[^,.;:()\n]{{2,60}}?(?:,\s*(?:{role_units()})\s[^,.;:()\n]{{1,40}}?)*)(?=\s+(?:với|đã|có|là)\s|[,.;:)])"
        ),
        stop=re.compile(rf"\s+(?:{tone_free(alternation(words['stop']).pattern)})(?![{_LOWER}])"),
        chain=re.compile(rf"{CHAIN_START}((?:{positions})[^.;:\n]*?,\s*)+$"),
        address=frozenset(w.lower() for w in words["address"]),
        position_line=re.compile(rf"(?:(?:KT|TM|Q)\.\s*|QUYỀN\s+)?(?i:{positions})\b"),
        namesake=re.compile(  # also a contest's quoted title: Cuộc thi tìm hiểu “Đồng chí | Lê Đức Thọ - …”
            rf"(?i:{alternation(words['namesake']).pattern})\s+$|(?i:cuộc thi|hội thi)[^“”\"\n]{{0,12}}[“\"][^”\"\n]{{0,12}}$"
        ),
        presence=re.compile(rf"(?i:{alternation(words['presence']).pattern})"),
        attend=re.compile(rf"\s*(?:{alternation(words['attend']).pattern})\s"),
        strong_speech=re.compile(
            rf"(?P<before>[^.;:\n]{{0,30}}?)\b(?:{alternation(words['strong_speech']).pattern})\b"
            r"(?!\s+(?:trả|lại)\b)"  # trao trả lại chiếc ví: hands back what was found, no award
        ),
        colon_list=re.compile(
            rf"(?i:{alternation(words['list_intro']).pattern})\s*:\s*(?P<list>[^\n]+?)(?:\.(?=\s|$)|\n|$)"
        ),
        # the look-ahead for a name's capital first: one cheap test a position before the six look-behinds
        dashed=re.compile(  # also after two spaces, and after a degree (GS.TS Thái Văn Thành - Giám đốc Sở)
            rf"(?=[{_UPPER}])(?:(?<=[,;]\s)|(?<=[,;]\s\s)|(?<=GS\.TS\s)|(?<=GS\.\s)|(?<=TS\.\s)|(?<=ThS\.\s))"
            rf"(?P<name>{NAME})(?=\s+[-–]\s+(?i:{positions}))"
        ),
        former=re.compile(  # matched right after a semicolon: …; Trần Văn A, cựu Chánh Tòa …; Lê B, nguyên …
            rf"(?P<name>{NAME})(?=,\s+(?:cựu\s+|nguyên\s+)?(?i:(?:phó\s+)?(?:{positions})))"
        ),
        not_name=re.compile(rf"(?i:{alternation(words['not_name']).pattern})\b"),
        surnames=frozenset(s.lower() for s in [*rules.get("surname", []), *words["surname"]]),
        given=re.compile(rf"(?<!\w)(?:{alternation(words['given']).pattern})(?!\w)", re.I),
        coordinated=re.compile(rf"\s*(?:,|và|cùng)\s+(?:(?i:{cues})\s+)?(?P<name>{NAME})"),
        street=re.compile(rf"(?<!\w)(?i:{alternation(words['street']).pattern})[ ]\Z"),
        helped_before=re.compile(
            rf"(?<!\w)(?i:{alternation(words['helped_before']).pattern})\s+(?:(?i:{cues})\s+)?\Z"
        ),
        helped_after=re.compile(
            rf"(?:\s*\([^()\n]{{0,80}}\))?\s*(?i:{alternation(words['helped_after']).pattern})(?!\w)"
        ),
        figure_in=re.compile(rf"(?:{alternation(words['figure_in']).pattern})\s*$"),
        source=re.compile(
            rf"\s*(?:{alternation(words['source']).pattern})\s+(?:(?i:{cues})|(?i:(?:phó\s+)?(?:{positions})))\s"
        ),
    )


def find_people(text: str, figures: frozenset[str] = frozenset()) -> list[Found]:
    p = patterns()
    found: dict[tuple[int, int], Found] = {}
    for figure in figures:  # tư tưởng Hồ Chí Minh; not the city (TP Hồ Chí Minh) nor the Youth Union
        at = text.find(figure)
        while at >= 0:
            if not p.figure_in.search(text, max(0, at - 16), at):
                found[at, at + len(figure)] = Found(at, at + len(figure))
            at = text.find(figure, at + len(figure))
    for pattern in (p.by_cue, p.by_position):
        for m in pattern.finditer(text):
            s, e = m.span("name")
            e = name_end(text, s, e, p)
            if e is None and pattern is p.by_position:  # Chủ tịch … Hội Hữu nghị … Lào | Nguyễn Đắc Vinh
                s, e = fallback_name(text, m.end("cue"), s, p)
            taken = next((f for (a, b), f in found.items() if a <= s < b), None)
            if (
                e is None
                or text[s:e].isupper()
                or (pattern is p.by_cue and not all(w[0].isupper() for w in text[s:e].split()))
                or (taken and not _roleless(taken, s, pattern is p.by_position))
            ):
                continue
            s, e = past_place(text, s, e, p) if pattern is p.by_position else (s, e)  # tỉnh Hà Giang | X
            if (
                pattern is p.by_position
                and _OF.search(text, max(0, s - 12), s)
                and not p.position_line.fullmatch(m["cue"])
            ):
                continue  # 30 gia đình văn hóa tiêu biểu của | Lục Ngạn: an honour's place or unit, no person
            if (  # Trường THPT | Trương Định, cán bộ xã | Ninh Phụng: no person (… Việt Nam | Trần …: see below)
                pattern is p.by_position
                and named_place_or_unit(text, s, e)
                and text[s:e].split()[0].lower() in p.surnames
            ):
                continue
            if pattern is p.by_cue and inside_proper_name(text, m.start("cue"), p.street):
                continue  # quận Hai Bà Trưng, phố Ông Ích Khiêm: the cue is a word of a place's name
            if (p.not_name.match(text, s) and pattern is not p.by_position) or _named_for(
                text, s, e, figures
            ):
                continue  # Bà mẹ Việt Nam anh hùng; but Chủ tịch Công đoàn … Việt Nam | Trần Minh Quang
            if pattern is p.by_position and (
                text[s:e].split()[0].lower() not in p.surnames or p.not_name.match(text, s)
            ):
                s, e = name_after_unit(text, s, p)  # Chủ tịch UBND xã Vĩnh Sơn | Nguyễn Văn Phúng
                if (
                    e is None
                    or any(a <= s < b for a, b in found)
                    or named_place_or_unit(text, s, e)
                    or _named_for(text, s, e, figures)
                ):
                    continue  # Chủ tịch UBND..., Bí thư Đảng ủy... are not names
            t = p.tail.match(text, e)
            role = role_phrase(t.group("role")) if t and t.group("role") else None
            org = t.group("org").strip() if t and t.group("org") else None
            cue = m.group("cue")
            if pattern is p.by_position:  # Thứ trưởng Bộ Nội vụ X, Trưởng Ban …: both say who X is
                before = title_chain(text, m.start("cue"), p.chain) + text[m.start("cue") : s].strip()
                before = after_of(before, p.position_line)  # Huân chương … cho | của Giám đốc … X: the post
                # A - Phó trưởng Ban … và | X; … có 3 Trung tướng gồm | X
                if _VERB.search(" " + text[m.end("cue") : s]):
                    before = cue = ""  # a verb or a second person between: the post is not X's
                    if p.namesake.search(text, max(0, s - 14), s):
                        continue  # Chủ tịch Hội đồng … xét tặng giải thưởng | Hồ Chí Minh: an award's name
                role = (f"{before}, {role}" if role else before) if before else role
            elif m.group("cue").lower() not in p.address and not re.fullmatch(DEGREE_CUE, m.group("cue")):
                # Bác sĩ X, Thượng tá X: the cue is a role (a degree, PGS.TS X, is no post)
                role = f"{m.group('cue')}, {role}" if role else m.group("cue")
            elif not role:  # Phó Bí thư Huyện đoàn Hải Lăng, anh Lê Quý Trí, …: the post before
                role = title_chain(text, m.start("cue"), p.chain).strip(" ,") or None
            # Giám đốc Trung tâm Y tế huyện ThS. X: the post before the degree the name was found by
            if taken:
                found[(taken.start, taken.end)] = dataclasses.replace(taken, role=role)
                continue
            found[(s, e)] = Found(s, e, cue, role, org, accused=accused_cue(cue))
    # các ông, bà: Nguyễn Thị Như Ý - Chủ tịch …; Công Thanh Thảo - …, and …, Hà Văn Lộc - Phó Chủ tịch …
    colon = list(p.colon_list.finditer(text))  # read twice below: the lists and what they hold
    listed = [
        (m.start("list") + item.start(1), m.start("list") + item.end(1))
        for m in [*colon, *_BARE_LIST.finditer(text)]
        for item in re.finditer(rf"(?:^|[;,]|\svà)\s*({NAME})", m.group("list"))
    ] + _after_colon(text)
    items = {i.span("name") for m in _SEMICOLON.finditer(text) if (i := p.former.match(text, m.end()))}
    for s, end in listed + [m.span("name") for m in p.dashed.finditer(text)] + sorted(items):
        e = name_end(text, s, end, p)
        if not e or any(a <= s < b for a, b in found):
            continue
        t = p.tail.match(text, e)
        role = role_phrase(t.group("role")) if t and t.group("role") else None
        # a family name, or (Công Thanh Thảo - Trưởng Ban …) a list item with its position after it
        words = text[s:e].split()  # (Lữ Thị Tuyết: a middle name only people bear marks any family name)
        if words[0].lower() in p.address and any(a <= s + len(words[0]) + 1 < b for a, b in found):
            continue  # gồm: Ông Nguyễn Việt Cường: the address term opens the item, the name is found by it
        if (
            words[0].lower() in p.surnames
            or (len(words) > 2 and words[1] in _MIDDLE)
            or (role and (s, end) in listed)
        ):
            org = t.group("org").strip() if t and t.group("org") else None
            # a former post in a sentence about a crime (…; B, cựu Phó Giám đốc Sở …, bị tuyên 5 năm tù): accused
            crime = (s, end) in items and accused(text, s, e)
            found[(s, e)] = Found(s, e, "", role, org, listed=(s, end) in listed, accused=crime)
    _more(text, found, p)
    lists = [m.span("list") for m in colon]
    for key, f in found.items():  # gồm: Thiếu tướng Nguyễn Văn Man, …: found by its cue, in a list
        if not f.listed and any(a <= f.start < b for a, b in lists):
            found[key] = dataclasses.replace(f, listed=True)
        if found[key].listed and attends(text, f.start):  # Dự lễ trao Huân chương có các đồng chí: A; B
            # the officials present, not a list of recipients
            found[key] = dataclasses.replace(found[key], listed=False)
    for s, e in credits(text, p) + signature(text, p):  # (Ngô Đức Thắng – Chủ tịch Công đoàn …: the post)
        found[(s, e)] = Found(s, e, role=tail_role(text, e, p.tail), author=True)
    for s, e in signers(text, p):
        found[(s, e)] = Found(s, e, signer=True)
    kept = [  # gồm: Lộc Bình, Cao Lộc (huyện): a bare name written elsewhere as a place's
        f for f in found.values() if f.cue or f.role or f.author or not placed_elsewhere(text, f.start, f.end)
    ]
    return sorted(cut_off(text, completed(text, kept, p)), key=lambda f: f.start)


def _more(text: str, found: dict[tuple[int, int], Found], p: Patterns) -> None:
    """Add the bare names with an age or a home after them (Nguyễn Trung Tiến (29 tuổi)), then the
    names coordinated with any found one (Lê Thanh Tình và Trần Thị Linh Đan), which share its cue."""
    for s, e in with_bio(text, p.surnames, lambda at: any(a <= at < b for a, b in found)):
        if (e := name_end(text, s, e, p)) and not p.not_name.match(text, s):
            found[(s, e)] = Found(s, e, role=tail_role(text, e, p.tail), accused=accused(text, s, e))
    for s, e, trade, word in by_trade(text, p.surnames, p.not_name):  # các nghệ nhân vẽ hoa A, B
        if not any(a <= s < b for a, b in found) and (e := name_end(text, s, e, p)):
            found[(s, e)] = Found(s, e, word, role=role_phrase(trade), listed=True)
    for s, e in caps_after_degree(text, p.surnames):  # Phản biện 1: TS. NGUYỄN VĂN A
        if not any(a <= s < b for a, b in found):
            found[(s, e)] = Found(s, e)
    for s, e in askers(text):  # …? - Minh Thi (Bình Phước): the reader asking, a person
        if not any(a <= s < b for a, b in found):
            found[(s, e)] = Found(s, e, role=tail_role(text, e, p.tail))
    for s, e in count_listed(text, p.surnames):  # cho thân nhân 2 mẹ: A (xã X) và B (xã Y): each is listed
        if (e := name_end(text, s, e, p)) and not any(a <= s < b for a, b in found):
            found[(s, e)] = Found(s, e, listed=True)
    for s, e in counted(text, p.surnames):  # cho 2 học sinh lớp 8A, A và B: A is listed, B joins it
        if (e := name_end(text, s, e, p)) and not any(a <= s < b for a, b in found):
            found[(s, e)] = Found(s, e, listed=True)
    for s, e, first in coordinated(text, sorted(found), p.surnames, p.address):
        e = name_end(text, s, e, p)
        if e and not any(a <= s < b for a, b in found) and not p.not_name.match(text, s):
            f = next(f for (a, _), f in found.items() if a == first)
            found[(s, e)] = Found(s, e, f.cue, listed=f.listed, accused=f.accused)


def attends(text: str, at: int) -> bool:
    """Is the name at `at` in a sentence listing the officials attending (Dự hội nghị có đồng chí
    A, …; đồng chí B, …), or one quoting the person as its source (Theo ông X, Phó Chủ tịch …)?"""
    start = sentence_start(text, at)
    p = patterns()
    return bool(
        p.attend.match(text, start)
        or p.presence.search(text, start, at)
        or p.source.match(text, start)
        or attending_list(text, at, p)
    )


# a degree written before the name, after the position (Giám đốc Bệnh viện PGS.TS. Nguyễn Quốc Anh)
_DEGREE = r"(?:PGS|GS|TS|ThS|BS|BSCKI|BSCKII|KS|DS)(?:\.(?:PGS|GS|TS|ThS|BS|BSCKI|BSCKII|KS|DS))*\.?"
_MIDDLE = frozenset({"Thị", "Văn"})  # the middle names of most women and many men

_OF = re.compile(r"(?<!\w)của\s+\Z")
_SEMICOLON = re.compile(r";[ \t]")  # where an item of a list parted by semicolons starts
# gồm A, hiện là …; B (C), nguyên …; D, …: a list of names with no colon after gồm
_BARE_LIST = re.compile(rf"(?<!\w)gồm[ \t]+(?P<list>(?={NAME})[^\n]+?)(?:\.(?=\s|$)|\n|$)")
# any colon opening names: items parted by semicolons, each a name and what it is (các thầy, cô giáo: A,
# đồn X; B, bản Y; C, xã Z.), or a run of bare names parted by commas (trường THPT chuyên …: A, B, C)
_NAMES_AFTER_COLON = re.compile(
    rf":[ \t]*(?P<list>(?={NAME}[,;])[^\n:;]+(?:;[ \t]*(?={NAME}[,;.]|{NAME}\s*$)[^\n:;]+)+)(?:\.(?=\s|$)|\n|$)"
    rf"|:[ \t]*(?P<bare>{NAME}(?:,[ \t]*{NAME})+)[ \t]*(?:[.\n]|$)"
)


def _named_for(text: str, s: int, e: int, figures: frozenset[str]) -> bool:
    """Is the figure at text[s:e] the name of a body, a road or an award (Đoàn TNCS | Hồ Chí Minh)?"""
    return text[s:e] in figures and bool(patterns().figure_in.search(text, max(0, s - 16), s))


def _roleless(taken: Found, start: int, by_position: bool) -> bool:
    """May a position before a name already found give it the role it lacks (found by the degree right
    before it: … Giám đốc Trung tâm Y tế huyện ThS. X)?"""
    degree = bool(re.fullmatch(_DEGREE, taken.cue))  # not ông, bà (nor a figure): those take no post here
    return by_position and degree and taken.start == start and not taken.role


def _after_colon(text: str) -> list[tuple[int, int]]:
    """The names a colon opens with no list word before it: the first of each item parted by
    semicolons (A, đồn X; B, bản Y), each of a run of bare names (: A, B, C), or the name opening
    each numbered line under it (…đã đạt giải: / 1. HS A - 8A8 … / 2. B - 6A2 …)."""
    out = []
    for m in _NAMES_AFTER_COLON.finditer(text):
        body, parts = ("list", ";") if m.group("list") else ("bare", ",")
        for item in re.finditer(rf"(?:^|{parts}|\svà)[ \t]*({NAME})", m.group(body)):
            out.append((m.start(body) + item.start(1), m.start(body) + item.end(1)))
    return out + numbered_items(text)
