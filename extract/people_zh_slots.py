"""Where a Chinese name ends in the slots the layout marks: a two-character name that is really three
(包国平等, 苗永和获评, 通讯员倪显能报道), the cells of a name grid padded to equal width (陈　忠　郭　森,
陈 忠  郭 森) and names that only ever appear inside a longer one."""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import alternation
from extract.names_zh import ChineseNameFinder
from extract.names_zh.tables import PERSON_TAGS
from extract.people_zh_frames import PUNCTUATION, Frames
from extract.text import HAN
from extract.tsv import read_blocks, read_rows

# a given-name character weighing less than this (说 摄 去 是) never ends a name after a cue
MIN_THIRD = -1.6
_TOKEN = re.compile(r"\S+")
DOT = "·•‧・"


def extend_end(text: str, start: int, end: int, names: ChineseNameFinder, f: Frames, slot_name=None) -> int:
    """One character more when a surname and one given character are followed by a character that
    may end a name and then by punctuation or a word that follows names (包国平|等, 戚卫民|主持,
    费立能|、): the reader cut the name because 平等, 民主, 能 are words of their own. Two more when
    two surnames open a Taiwan married name closed by punctuation (光明里长陈黄|淑媛、, 吴张玉|梅、)."""
    tables = names.tables
    four = start + 4  # 陈黄|淑媛、, 吴张玉|梅、: a married name the reader cut after two or three
    closed = four == len(text) or (
        four < len(text)
        and (text[four] in PUNCTUATION or (end - start in (2, 3) and f.after_name.match(text, four)))
    )
    added = text[end:four]  # no common word or title (家庭, 院长), nothing that follows a name (摄, 获)
    tail = text[start + 2 : four]
    plain = tail not in tables.common and tail not in tables.not_given_words and not set(added) & f.never_last
    plain = (
        plain and not f.after_name.match(text, start + 2) and not f.after_name.match(text, end)
    )  # 韩梅|表示
    if (
        end - start in (2, 3)
        and slot_name
        and closed
        and plain
        and married_cell(text[start:four], names, slot_name)
    ):
        return four
    surname = 2 if text[start : start + 2] in tables.compound else 1
    if end - start != surname + 1 or end >= len(text):
        return end
    third = text[end]
    if not "\u4e00" <= third <= "\u9fff" or third in f.never_last or text.startswith(f.frame_tail, end):
        return end  # 荆彩|来说: the third character opens 来说
    if tables.given.get(third, names.w.rare_given) < MIN_THIRD:
        return end
    after = end + 1
    if after < len(text) and text[after] not in PUNCTUATION and not f.after_name.match(text, after):
        return end
    return after


def grid_cells(line: str) -> list[tuple[int, int, bool]]:
    """The cells of a grid line as (start, end, padded): whitespace separates cells, and two
    one-character tokens in a row are one two-character name padded to the width of three
    (卫　东, 陈 忠)."""
    tokens = [m.span() for m in _TOKEN.finditer(line)]
    cells, i = [], 0
    while i < len(tokens):
        s, e = tokens[i]
        single_next = i + 1 < len(tokens) and tokens[i + 1][1] - tokens[i + 1][0] == 1
        if e - s == 1 and single_next and tokens[i + 1][0] - e <= 2:
            cells.append((s, tokens[i + 1][1], True))
            i += 2
            continue
        cells.append((s, e, False))
        i += 1
    return cells


def is_dotted(name: str) -> bool:
    """A minority name in dotted form: 阿依努尔·托合提 (two or three parts of Han characters)."""
    parts = re.split(f"[{DOT}]", name)
    return 2 <= len(parts) <= 3 and all(re.fullmatch(f"[{HAN}]{{1,8}}", p) for p in parts)


def dotted_places(name: str) -> bool:
    """Places joined by a dot, as news datelines and event names write them (吉林·长春, 邵阳·武冈):
    every part is the stem of a Chinese division, so the dotted word is no minority or foreign name."""
    if not any(d in name for d in DOT):
        return False
    from extract.places.zh import gazetteer  # the division table, loaded when a dot is first seen

    return all(p in gazetteer().stems for p in re.split(f"[{DOT}]", name))


def grid_name_shape(name: str) -> bool:
    """Is a grid cell the size of a name: 2-4 characters, or a dotted name?"""
    return 2 <= len(name) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in name) or is_dotted(name)


def outer_names(people: dict, key=lambda p: p.spans) -> list:
    """People without those whose every mention lies inside a longer person's mention (苗永 inside
    苗永和)."""
    values = list(people.values())
    shortest = min((len(p.name) for p in values), default=0)
    if all(len(p.name) == shortest for p in values):
        return values  # nobody can be inside a longer name
    out = []
    for p in values:
        longer = [q for q in values if len(q.name) > len(p.name)]
        inside = all(any(a <= s and e <= b for q in longer for a, b in key(q)) for s, e in key(p))
        if not (longer and inside):
            out.append(p)
    return out


@cache
def tibetan() -> re.Pattern:
    """Two elements of lexicons/names_zh_tibetan.tsv: a Tibetan name (央金拉姆, 泽仁卓玛)."""
    element = alternation(row[0] for row in read_rows("names_zh_tibetan.tsv", 2)).pattern
    return re.compile(f"(?:{element})(?:{element})")


@cache
def tibetan_element() -> re.Pattern:
    """One element of lexicons/names_zh_tibetan.tsv: a Tibetan name of one element (伦珠, 次吉), a
    name only where the layout marks the slot."""
    return alternation(row[0] for row in read_rows("names_zh_tibetan.tsv", 2))


_ADMIN_AFTER = re.compile("[县市区镇乡州省村]")


def place_shaped(text: str, spans: list[tuple[int, int]], role_re: re.Pattern) -> bool:
    """Is a name-shaped word a place: one of its mentions is followed by 县 市 区 镇 … that do not
    start a position (巫溪县, 马尔康市; but 李明县长)?"""
    return any(_ADMIN_AFTER.match(text, e) and not role_re.match(text, e) for _, e in spans)


@cache
def place_ends() -> frozenset[str]:
    """Characters that end a place right before a name in a list item (白云村|蔡杨玉美, 头份市|徐黎和鸾):
    lexicons/people_zh.tsv, kind place_end."""
    return frozenset(read_blocks("people_zh.tsv").get("place_end", []))


@cache
def unit_ends() -> tuple[str, ...]:
    """Short unit names that may open a list item before a name (佳里国中|吴宝香): lexicons/people_zh.tsv,
    kind unit_end."""
    return tuple(read_blocks("people_zh.tsv").get("unit_end", []))


def after_unit(text: str, start: int) -> int:
    """国|小赖昭贵: a name the finder starts on the last character of a short unit name (国小) starts
    one character later."""
    return start + 1 if start > 0 and text[start - 1 : start + 1] in unit_ends() else start


def married_cell(name: str, names: ChineseNameFinder, slot_name) -> bool:
    """A Taiwan married name filling a list slot: the husband's surname, then the woman's own
    surname and given name (李|林锦委, 徐|黎和鸾), each char allowed in a name slot; its first two
    characters are no dictionary word other than a name (党风|廉政)."""
    t = names.tables
    if len(name) != 4 or name[0] not in t.surname or name[0] in t.rare or name[:2] in t.compound:
        return False
    head = t.words.get(name[:2])
    return (
        (head is None or head[0] in PERSON_TAGS)
        and name[1] in t.surname
        and slot_name(name[1:], relaxed=True)
    )


def after_place(text: str, s: int, e: int, names: ChineseNameFinder, slot_name) -> int | None:
    """Where the name ending list item text[s:e] starts when a place opens the item (头屋乡徐胡玉兰,
    德阳村王绸): after a place-ending character, a name slot of two to four characters; the
    longest first. None when there is none."""
    for k in range(max(s + 2, e - 4), e - 1):
        name = text[k:e]
        opened = text[k - 1] in place_ends() or text.endswith(unit_ends(), s, k)
        if not opened or (names.is_word(name) and not names.is_name(name)):
            continue
        if name[-1] in names.tables.banned:
            continue  # 赵化镇|花苑村: a place after a place
        if slot_name(name, relaxed=True) or married_cell(name, names, slot_name):
            return k
    return None


_QUOTES = {"「": "」", "“": "”", "『": "』", "《": "》", "‘": "’", "〈": "〉"}


def quoted(text: str, spans: list[tuple[int, int]]) -> bool:
    """Does every mention fill a pair of quotes or title marks on its own (曲目「龙雅」, 《李白》): a
    title, not a person the text speaks of?"""
    return all(s > 0 and e < len(text) and _QUOTES.get(text[s - 1]) == text[e] for s, e in spans)


def within(spans: list[tuple[int, int]], units: list[tuple[int, int]]) -> bool:
    """Is every mention inside the unit of a position (大桥道|糕点食品有限公司经理李家宏)?"""
    return all(any(a <= s and e <= b for a, b in units) for s, e in spans)


def split_last(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The last item of a 、-list may join two names with 及 (林美珠、李林锦委及温秋朱): two items, when
    both are of a name's size (not 康乐及文化事务署署长李美嫦)."""
    s, e = bounds[-1]
    j = text.find("及", s + 2, e - 2)
    return bounds if j < 0 or j - s > 4 or e - j > 5 else [*bounds[:-1], (s, j), (j + 1, e)]


def trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    """text[s:e] without the spaces at either end (石淑芬 、包绣月: a space before a separator)."""
    while s < e and text[s] in " \u3000":
        s += 1
    while e > s and text[e - 1] in " \u3000":
        e -= 1
    return s, e


def note(person, annotation: str) -> None:
    """Gender and ethnicity from `女`, `男，汉族`, `女，蒙古族` (first seen wins)."""
    if not person.gender and ("女" in annotation or "男" in annotation):
        person.gender = "F" if "女" in annotation else "M"
    eth = re.search(rf"[{HAN}]{{1,4}}族", annotation)
    if eth and not person.ethnicity:
        person.ethnicity = eth.group(0)


_CLOSES_NAME = re.compile(r"[、，,。；;：:（(及和与]|代表|获|荣获|榮獲|受|接受|领奖|率|$")
_UNIT_END = frozenset("部局处所署厅院")  # the last character of a government unit (内政部, 区公所)


def title_inside(text: str, start: int, end: int, units, names: ChineseNameFinder, checks) -> int | None:
    """沈|课员|腾芳, 张|区长|明宝: the polite order of Taiwan papers puts the title between surname and
    given name. A surname right after a unit or a separator, a title, then two characters that are
    no word and close the phrase (、 代表 获): the end of the given name, else None."""
    s, g = start - 1, end + 2
    if s < 0 or g > len(text) or text[s] not in names.tables.surname:
        return None
    if (
        s > 0
        and text[s - 1] not in checks.f.boundary
        and text[s - 1] not in _UNIT_END  # 内政部|黄专门委员宏谟
        and not any(text.endswith(u, 0, s) for u in units)
    ):
        return None  # (并由|庄教务长荣辉代表校长致词: after a function word too)
    given = text[end:g]
    closed = _CLOSES_NAME.match(text, g) or checks.f.after_title.match(text, g)  # 徐技士惠兰|等5人
    if names.is_word(given) or not checks.slot_name(text[s] + given) or not closed:
        return None
    return g


_HONORIFIC_ITEM = re.compile(
    r"(?<=[：:、，,及和])([\u4e00-\u9fff]{2,3}?)(?:先生|女士|小姐)(?=[、，,。；;及和与]|$)"
)


def honorific_items(text: str, add, slot_name) -> None:
    """王某先生、宋某女士、…、温某先生及谢某先生: in a list whose items each close with 先生, 女士 or 小姐,
    every item is a name, even one the finder doubts (温国台: 国台 is a word; 叶福州: 福州 a city)."""
    for line in re.finditer(r"[^\n]+", text):
        items = list(_HONORIFIC_ITEM.finditer(text, line.start(), line.end()))
        if len(items) >= 3:
            for m in items:
                if slot_name(m.group(1), relaxed=True):
                    add(*m.span(1), "list")


def inner_tail(text: str, end: int) -> bool:
    """Is the name's last character the first of 荣获, 荣膺, or an adverb before 获 (均获颁)?"""
    return text.startswith(("荣获", "荣膺"), end - 1) or (
        text[end - 1] in "均皆亦" and text[end : end + 1] in "获荣被受"
    )
