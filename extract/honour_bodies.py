"""Awarding bodies and the decision's date: who gave an honour, read from the decision's title line
("X关于表彰…的决定"), its signature lines ("中共石林县委\\n石林县人民政府\\n2024年4月28日"), frames
around the award ("由X授予", "经X研究决定", "被X评为") and, in Vietnamese (honour_bodies_vi),
"X tặng Bằng khen", "Bằng khen của X", "được X tặng". The words are in lexicons/honour_bodies.tsv."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.honour_bodies_vi import bare_kind, find_vi
from extract.places import place_from_bodies
from extract.places.vi import normal
from extract.tsv import read_rows
from normalize.dates import find_dates

_NAME_CHARS = "\u4e00-\u9fff（）()A-Za-z0-9"
_PIECE = re.compile(rf"[{_NAME_CHARS}]{{2,40}}")
_SPLIT = re.compile(r"[、，,\s　]+")
_JOIN = re.compile(r"(和|与|及|暨)")
_ABOUT = re.compile(  # what follows the issuing bodies in a decision's title line
    r"(?:联合)?(?:印发|下发|发布|作出|做出)?了?《?关于(?:表彰|授予|命名|追授|追认|给予|表扬|评选|奖励|通报表扬)"
)
_CLAUSE_ENDS = "\n。！？；：:"


def _title_heads(text: str) -> Iterator[tuple[int, str]]:
    """(start, what precedes "关于表彰…" on its line, at most 120 characters): the issuing bodies.
    Found from each "关于" back to the clause start, not by a pattern tried at every position."""
    for m in _ABOUT.finditer(text):
        start = max(max(text.rfind(c, 0, m.start()) for c in _CLAUSE_ENDS) + 1, m.start() - 120)
        if m.start() - start >= 2:
            yield start, text[start : m.start()]


_DATE_LINE = re.compile(
    r"\s*(?:(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*"
)
_SEQ = rf"([{_NAME_CHARS}、]{{2,80}}?)"
_LEVEL_CHARS = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "街道")
_VI_DECISION = re.compile(
    r"quyết định\s+(?:số\s+[\w/.\-]+\s+)?ngày\s+(\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
    re.I,
)
_SENTENCE_END = "。！？!?；;\n"
CLAUSE_END = "，,；;。！？!?\n"


@dataclass(frozen=True)
class BodyRules:
    ends: tuple[str, ...]
    not_ends: tuple[str, ...]
    not_inside: tuple[str, ...]
    frames: tuple[re.Pattern, ...]  # Chinese frames whose group 1 holds bodies


@cache
def body_rules() -> BodyRules:
    rows = [r for r in read_rows("honour_bodies.tsv", 4) if r[0] == "zh"]
    kind = {k: [r[2] for r in rows if r[1] == k] for k in ("end", "not_end", "not_inside", "verb")}
    verbs = "|".join(sorted(kind["verb"], key=len, reverse=True))
    frames = (
        rf"由{_SEQ}(?:联合)?(?:授予|颁发|表彰|命名|追授)",
        rf"经{_SEQ}(?:研究|批准|审定|同意|审核)",
        rf"被{_SEQ}(?:授予|评为|命名为|表彰为|追授|追认为|确定为)",
        rf"荣获{_SEQ}颁发",
        rf"(?:^|[，。；：,\n])(?:经(?!济))?{_SEQ}(?:研究)?决定[，,：:]?\s*(?:授予|追授|表彰|命名|给予|对)",
        rf"(?:^|[，。；：,\n]){_SEQ}(?:已|曾|特|正式)?(?:{verbs})",
    )
    return BodyRules(
        ends=tuple(kind["end"]),
        not_ends=tuple(kind["not_end"]),
        not_inside=tuple(kind["not_inside"]),
        frames=tuple(re.compile(f, re.M) for f in frames),
    )


def _is_body(piece: str, rules: BodyRules) -> bool:
    return (
        bool(_PIECE.fullmatch(piece))
        and piece.endswith(rules.ends)
        and not piece.endswith(rules.not_ends)
        and not any(word in piece for word in rules.not_inside)
    )


def _pieces(seq: str, rules: BodyRules) -> list[str]:
    """The bodies in a list of them: 中共石林县委、石林县人民政府 -> both. Parts joined by 和/与/及
    are put back together until they make a body: 县人力资源和社会保障局和县总工会 -> two bodies."""
    out = []
    for piece in _SPLIT.split(seq.strip("《“”")):
        parts = _JOIN.split(piece)
        body = ""
        for i in range(0, len(parts), 2):
            body += parts[i]
            if _is_body(body, rules):
                out.append(body)
                body = ""
            elif i + 1 < len(parts):
                body += parts[i + 1]
    return out


def _signatures(text: str, rules: BodyRules) -> list[tuple[int, list[str], str]]:
    """(position, bodies, date line) of each signature: body lines right above a line holding only a date."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    found = []
    for i, line in enumerate(lines):
        if not _DATE_LINE.fullmatch(line):
            continue
        bodies: list[str] = []
        for above in reversed(lines[max(0, i - 4) : i]):
            pieces = [p for p in _SPLIT.split(above.strip()) if p]
            if not pieces or not all(_is_body(p, rules) for p in pieces):
                break
            bodies[:0] = pieces
        if bodies:
            found.append((starts[i], bodies, line.strip()))
    return found


def _bare(body: str) -> bool:
    """县委, 县政府, 市总工会: a body that names its level but not its place."""
    return body.removeprefix("中共").startswith(_LEVEL_CHARS) and place_from_bodies([body], "zh") is None


@lru_cache(maxsize=4)  # one text has many honours: read its bodies once
def _decision_zh(text: str) -> tuple[tuple[int, str], ...]:
    """The bodies of the decision itself: its title line and its signature."""
    rules = body_rules()
    found = [
        (start, b) for start, head in _title_heads(text) for b in _pieces(head.rsplit("《", 1)[-1], rules)
    ]
    found += [(at, b) for at, bodies, _ in _signatures(text, rules) for b in bodies]
    return tuple(found)


@lru_cache(maxsize=4)
def _frames_zh(text: str) -> tuple[tuple[int, str], ...]:
    rules = body_rules()
    return tuple(
        sorted(
            (m.start(1), b)
            for f in rules.frames
            for m in f.finditer(text)
            for b in _pieces(m.group(1), rules)
        )
    )


def _unique(found) -> list[str]:
    return list(dict.fromkeys(b for _, b in found))


def is_bare(body: str, lang: str) -> bool:
    """县委, 县政府, UBND xã, Tỉnh ủy: a body that names its level and not its place."""
    return bool(bare_kind(body)) if lang == "vi" else _bare(body)


def awarding_bodies(text: str, lang: str) -> list[str]:
    """The awarding bodies a text names: the decision's own (title line, signature) first, then those
    of award frames, without repeats; a bare one (县委) is left out when named ones are found."""
    if lang == "vi":
        return _unique(find_vi(text))
    found = _unique(_decision_zh(text) + _frames_zh(text))
    named = [b for b in found if not _bare(b)]
    return named or found


def sentence_bounds(text: str, span: tuple[int, int], stops: str = _SENTENCE_END) -> tuple[int, int]:
    """Where the sentence holding `span` starts and ends (Chinese 。！？；, line ends, and Vietnamese
    '. '); with `stops` = CLAUSE_END, the clause."""
    start, end = span
    while start > 0 and text[start - 1] not in stops and text[start - 2 : start] != ". ":
        start -= 1
    while end < len(text) and text[end] not in stops and text[end : end + 2] != ". ":
        end += 1
    return start, min(end + 1, len(text))


def bodies_near(text: str, span: tuple[int, int], lang: str) -> list[str]:
    """The bodies that gave the honour at `span`: those of its sentence ("被中华全国总工会授予"), a
    bare one (县委、县政府决定) replaced by the decision's named bodies; else the decision's own;
    else the nearest award frame before it (after it, when none is before)."""
    lo, hi = sentence_bounds(text, span)
    found = find_vi(text) if lang == "vi" else _frames_zh(text)
    decision = [] if lang == "vi" else [b for b in _unique(_decision_zh(text)) if not _bare(b)]
    near = _unique([(at, b) for at, b in found if lo <= at < hi])
    out: list[str] = []
    for body in near:
        out += decision if is_bare(body, lang) and decision else [body]
    if out:
        return list(dict.fromkeys(out))
    if decision:
        return decision
    before = [b for at, b in found if at < span[0]]
    return [before[-1]] if before else [b for _, b in found[:1]]


@lru_cache(maxsize=4)
def decision_date(text: str, lang: str) -> str | None:
    """The date of the decision: the signature's date line (Chinese), or 'Quyết định số … ngày …'."""
    if lang == "vi":
        m = _VI_DECISION.search(normal(text))
        dates = find_dates(m.group(1)) if m else []
    else:
        signatures = _signatures(text, body_rules())
        dates = find_dates(signatures[-1][2]) if signatures else []
    return dates[0][1] if dates else None
