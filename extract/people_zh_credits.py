"""Credits the byline frames of people_zh_layout.py miss: two names glued in one credit cell
(通讯员马双军王杰, 供稿:吴俊邱灵敏), several credits run together on one line (供稿:X 编辑:Y审核:Z),
a reporter's dateline with the place glued after the name (︹记者陈朝枝南投报导︺), a department before
the name in a dateline bracket (本网讯(党办 郑娟)), and journalists whose prized work the sentence
names (记者黄某采写的《…》获一等奖: honoured, not the page's authors). Split from
people_zh_layout.py (its size)."""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import alternation
from extract.people_zh_frames import HAN
from extract.tsv import read_blocks

# 党办, 宣传部, 校长办公室, 团委: a department of the unit whose news desk writes the article
_DEPARTMENT = re.compile(rf"[{HAN}]{{0,5}}(?:办|部|处|室|科|办公室|中心|团委|工会|学院|系)")
# …采写的《…》, …联合采写的通讯: a journalist's work, named in a sentence that may award it
_WROTE = re.compile(
    rf"(?:[、和与及][{HAN}]{{2,3}})*(?:联合|共同)?(?:采写|撰写|采制|摄制|拍摄|创作|编写)(?:了|的)"
)
_STATEMENT_END = re.compile(r"[。；;！？!?\n]")
_PROSE = re.compile(r"[，。,；;《》（）()]")
_CREDIT_CLOSE = frozenset("）)︺】]")
# 记者陈朝枝南投报导, 〔记者洪某/台南报导〕: a slash may part the name from the place
_REPORTED = re.compile(r"[/／]?[\u4e00-\u9fff]{0,4}?(?:报导|报道)")


def glued_names(text: str, s: int, e: int, c) -> list[tuple[int, int]]:
    """A credit cell of five or six characters holding two names with no space between (马双军王杰,
    吴俊邱灵敏): the split where both halves are a surname and a given name, preferring halves the
    name finder knows; none when no split fits."""
    if not 5 <= e - s <= 6 or not all("\u4e00" <= ch <= "\u9fff" for ch in text[s:e]):
        return []
    if c.f.after_name.search(text[s + 2 : e]):
        return []  # 辛文明报道: one name and the word that follows it
    fits = []
    for cut in (s + 3, s + 2):
        first, second = text[s:cut], text[cut:e]
        if not (
            2 <= len(second) <= 3 and c.slot_name(first, relaxed=True) and c.slot_name(second, relaxed=True)
        ):
            continue
        if c.names.is_word(first[:2]) and not c.names.is_name(first):
            continue  # 海报设|计肖循: a word opens the cell
        known = c.names.is_name(first) + c.names.is_name(second)
        if known:
            fits.append((known, cut))
    if not fits:
        return []
    cut = max(fits, key=lambda f: f[0])[1]  # ties: the first tried (three, then two)
    return [(s, cut), (cut, e)]


@cache
def _run_words() -> re.Pattern:
    """The credit words that open a credit of a run (供稿:, 编辑:, 审核:): those of a credit line."""
    return re.compile(f"(?:{alternation(read_blocks('people_zh.tsv')['byline_line']).pattern})[:：]")


@cache
def _editing() -> frozenset[str]:
    return frozenset(read_blocks("people_zh.tsv")["editing_credit"])


@cache
def _editors_line() -> re.Pattern:
    """A line, maybe in brackets, of two or more editing credits and nothing else (编辑:X 责编:Y 编审:Z)."""
    words = alternation(sorted(_editing())).pattern
    cell = rf"(?:{words})[ \u3000]*[:：][ \u3000]*[{HAN}]{{2,4}}[ \t\u3000]*"
    return re.compile(rf"(?m)^[ \t\u3000]*[（(【\[]?[ \u3000]*(?:{cell}){{2,}}[）)】\]]?[ \t\u3000]*$")


def in_editors_line(text: str, spans: list[tuple[int, int]]) -> bool:
    """Is every mention inside a line of editing credits alone (编辑:X 责编:Y 编审:Z at the page's end)?
    Those name the page's editors, chrome: no person, whatever found them."""
    lines = [m.span() for m in _editors_line().finditer(text)]
    return bool(lines) and all(any(a <= s and e <= b for a, b in lines) for s, e in spans)


def credit_runs(text: str, add, c, post_of) -> None:
    """供稿:吴俊邱灵敏 编辑:王旭审核:徐有书: a line of credits only (no sentence, no bracket) where two or
    more credit words each open with a colon; each credit holds the names up to the next credit word
    or space. `post_of` gives the post
    a credit word carries (编辑 -> 编辑)."""
    words = _run_words()
    for line in re.finditer(r"[^\n]+", text):
        found = list(words.finditer(text, line.start(), line.end()))
        if len(found) < 2 or _PROSE.search(text, found[0].start(), line.end()):
            continue  # （作者:柴某），…（作者:温某）: credits inside sentences, read by the credit frames
        for m, nxt in zip(found, [*found[1:], None], strict=True):
            stop = nxt.start() if nxt else line.end()
            cell = re.match(r"[ \u3000]*([\u4e00-\u9fff]{2,6})", text[m.end() : stop])
            if not cell:
                continue
            s, e = m.end() + cell.start(1), m.end() + cell.end(1)
            if m.group(0)[:-1] in _editing():
                continue  # 编辑:王某审核:徐某: the page's editors, chrome
            post = post_of(m.group(0))
            if c.cued_name(text, s, e, relaxed=True) and e - s <= 3:
                add(s, e, "byline", post)
            else:
                for gs, ge in glued_names(text, s, e, c):
                    add(gs, ge, "byline", post)


def glued_after(text: str, end: int, c) -> list[tuple[int, int]]:
    """(通讯员马双军王杰): a second name glued to a credited one, closing the credit bracket."""
    for e in (end + 3, end + 2):
        if text[e : e + 1] in _CREDIT_CLOSE and c.slot_name(text[end:e], relaxed=True):
            return [(end, e)]
    return []


def reported_by(text: str, at: int, c) -> int | None:
    """记者陈朝枝南投报导: where the name right after a credit word ends, when a place (up to four
    characters) and 报导/报道 follow it; None otherwise."""
    for end in (at + 3, at + 2):
        if _REPORTED.match(text, end) and c.cued_name(text, at, end, relaxed=True):
            return end
        if text[end : end + 1] in "/／" and _REPORTED.match(text, end) and _slashed_cell(text[at:end], c):
            return end  # 〔记者洪某/台南报导〕: the slash closes the cell, whatever its surname
    return None


def _slashed_cell(cell: str, c) -> bool:
    """A cell the dateline slash closes (记者洪某/台南报导): two or three Chinese characters that are
    no word; the frame is so fixed that a surname the tables lack still makes a name."""
    return all("\u4e00" <= ch <= "\u9fff" for ch in cell) and not c.names.is_word(cell)


def department_cell(cell: str) -> bool:
    """党办, 宣传部: a department credited beside the authors in a dateline bracket (本网讯(党办 郑娟))."""
    return bool(_DEPARTMENT.fullmatch(cell)) and len(cell) <= 6


def wrote_prized(text: str, end: int, c) -> bool:
    """记者黄某采写的《…》获广西新闻二等奖, 记者X、Y联合采写的通讯…: the journalist named before a work
    that the same statement awards is honoured for it, not credited as the page's author."""
    m = _WROTE.match(text, end)
    if not m:
        return False
    stop = _STATEMENT_END.search(text, m.end())
    return bool(c.lex.cue_re["award"].search(text, m.end(), stop.start() if stop else len(text)))


def covers_credit(people: dict, start: int, end: int) -> bool:
    """Does text[start:end] run over a name a credit has read (供稿:宁知秋卞云舒 -> 宁知秋卞云)? The
    general finder's longer reading is two credited names glued, not one name."""
    return any(
        "byline" in p.how and start <= s and e <= end and (s, e) != (start, end)
        for p in people.values()
        for s, e in p.spans
    )
