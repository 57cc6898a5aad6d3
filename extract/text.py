"""Sentence spans and honour mentions: the small pieces of text structure the finders share."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from itertools import repeat

from extract.lexicon import Lexicon

_STOPS = "。！？!?；;"
_SENTENCE = re.compile(rf"[^{_STOPS}\n]+[{_STOPS}]*")
_STOP_RUN = re.compile(rf"[{_STOPS}]+")
_VI_STOP = re.compile(r"(?<=[a-zà-ỹ0-9)”\"])\.(?=\s+[A-ZÀ-Ỹ])")
_PARTS = re.compile(r"[^/、]+")
_QUOTED = re.compile(r"[“\"‘'『「]([^“”\"‘’'『』「」\n]{2,30})[”\"’'』」]")
_HONOUR_NEXT = re.compile(r"^[”\"’'』」]?(?:荣誉)?称号|^[”\"’'』」]?(?:提名)?奖(?!励)")
HAN = "\u4e00-\u9fff"
# what stands right before an unquoted title that ends in 称号: punctuation, N名(同志), an awarding verb
_BEFORE_TITLE = re.compile(
    r"[\s，。；、,;：:“”\"（）()]|[\d十百千万两]+[名个位人家](?:同志|个人|单位|集体|职工|女性|人员)?|被授予|授予|获得|荣获|获颁|获|为|予|同志"
)
_TITLE_WORD = re.compile("称号")
# “五四”红旗团委荣誉称号: a quote holding only the title's head, the rest of it up to 称号
_QUOTE_TAIL = re.compile(rf"(?!荣誉称号)([{HAN}]{{2,10}}?)(?:荣誉)?称号")
_HEAD = re.compile("(?:优秀|最佳|最美|杰出|十佳)$")  # 优秀组织奖: the lexicon knows 组织奖 only
_NAMED_AS = re.compile(r"命名[^，。；]{0,24}?为([^，。；、“”\s\d]{3,16})(?=[，。；、\n]|$)")
# Vietnamese title families the lexicon cannot list one by one: a badge, medal or prize word before a
# quoted name (Huy hiệu “Tuổi trẻ dũng cảm”, danh hiệu “Nghệ nhân ưu tú”) and the Party badge of N
# years (Huy hiệu 55 năm tuổi Đảng, các Huy hiệu 55, 50 và 45 năm tuổi Đảng)
_VI_QUOTED = re.compile(
    r"(?<![^\W_])(?i:(danh hiệu|huy hiệu|kỷ niệm chương|giải thưởng|huân chương))\s*[“\"'‘]\s*"
    r"([^“”\"'‘’\n]{2,80}?)\s*[”\"'’]"
)
_PARTY_BADGE = re.compile(
    r"(?<![^\W_])(?i:huy hiệu) \d{2}((?:, | và | - |-)\d{2})* năm tuổi (?i:đảng)(?![^\W_])"
)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


def run_end(text: str, end: int, joint: re.Pattern, item: re.Pattern, most: int = 4) -> int:
    """Where the run of up to `most` items, each after a `joint` (và, a comma), that follows the item
    ending at `end` ends: what is said after it is said of them all (A và B không may bị…, 4 tập thể
    và 2 cá nhân được tặng…); `end` when no item follows."""
    for _ in range(most):
        joined = joint.match(text, end)
        nxt = item.match(text, joined.end()) if joined else None
        if not nxt:
            break
        end = nxt.end()
    return end


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences (split at 。！？；, their ASCII forms and line ends); Vietnamese ends at `. `."""
    out = []
    for m in _SENTENCE.finditer(text):
        s, e = m.span()
        chunk = m.group(0)
        cut = s
        for dot in _VI_STOP.finditer(chunk) if "." in chunk else ():
            out.append((cut, s + dot.end()))
            cut = s + dot.end()
        out.append((cut, e))
    return [(s, e) for s, e in out if text[s:e].strip()]


def sentence_of(spans: list[tuple[int, int]], at: int) -> tuple[int, int]:
    """The sentence (from `sentences`) holding position `at`."""
    i = bisect.bisect_right(spans, (at, len(spans) and spans[-1][1] + 1)) - 1
    if i >= 0 and spans[i][0] <= at < spans[i][1]:
        return spans[i]
    return at, at


@cache
def _frames(
    verbs: tuple[str, ...], levels: tuple[str, ...], medals: tuple[str, ...]
) -> tuple[re.Pattern, ...]:
    verb = "|".join(map(re.escape, sorted(verbs, key=len, reverse=True)))
    medal = "|".join(map(re.escape, medals))
    return (
        re.compile(
            rf"(?:{verb})[^，。；,;“”\"「」『』\n]{{0,16}}?[“\"「『]([^“”\"「」『』\n]{{2,30}})[”\"」』]"
        ),
        re.compile("(?:" + "|".join(map(re.escape, levels)) + ")$"),
        re.compile(
            rf"(?:获颁授|获授予|获授|获颁|颁授|授予|获得|荣获|获)(?:[^，。；\s“”]{{0,6}}的)?([{HAN}]{{2,8}}?(?:{medal}))"
        ),
    )


def sentence_around(text: str, at: int) -> tuple[int, int]:
    """`sentence_of(sentences(text), at)`, reading only the stretch between the stops before and
    after `at` (no sentence crosses a line end or a run of 。！？; after it): for one position in a
    long text."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    body = at
    while line_start < body < line_end and text[body] in _STOPS:  # a stop ends the sentence before it
        body -= 1
    start = max(line_start, 1 + max(map(text.rfind, _STOPS, repeat(line_start), repeat(body))))
    run = _STOP_RUN.search(text, at, line_end)
    a, b = sentence_of(sentences(text[start : run.end() if run else line_end]), at - start)
    return a + start, b + start


def _unquoted(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Unquoted titles: before 称号 (授予997个单位全国模范职工之家称号), after 命名…为 (命名799名个人
    为全国优秀工会积极分子) and medals after an awarding verb (获颁大紫荆勋章)."""
    out = []
    level_re = _any_of(lex.cues.get("honour_level", ()))
    for m in _TITLE_WORD.finditer(text):
        end = m.start() - 2 if text[max(0, m.start() - 2) : m.start()] == "荣誉" else m.start()
        seg_start = max(0, end - 16)
        cut = max((d.end() for d in _BEFORE_TITLE.finditer(text, seg_start, end)), default=seg_start)
        if end - cut >= 3 and cut > seg_start:
            level = level_re.search(text, cut + 1, end)  # 追授徐辉、姜娜全国三八红旗手称号
            out.append((level.start() if level else cut, end))
    out += [n.span(1) for n in _NAMED_AS.finditer(text)]
    _, _, medal = _frames(*_frame_words(lex))
    out += [n.span(1) for n in medal.finditer(text)]
    return out


def _vi_families(text: str) -> list[Mention]:
    """Vietnamese title families (_VI_QUOTED, _PARTY_BADGE): a quoted name with its badge or medal
    word (Huy hiệu Tuổi trẻ dũng cảm), alone after danh hiệu ('the title'); the Party badge of N years
    as written, but a list of them (Huy hiệu 55, 50 và 45 năm tuổi Đảng) by the family's name, Huy
    hiệu Đảng: several badges, not one title."""
    out = []
    for m in _VI_QUOTED.finditer(text):
        if m.group(1).lower() == "danh hiệu":  # “Nhà giáo nhân dân, Nhà giáo ưu tú”: two titles
            out += [
                Mention(m.start(2) + a, m.start(2) + b, m.group(2)[a:b]) for a, b in _vi_parts(m.group(2))
            ]
        else:
            out.append(Mention(m.start(), m.end(2), f"{m.group(1)} {m.group(2)}"))
    quoted = [(h.start, h.end) for h in out]
    out += [
        Mention(m.start(), m.end(), m.group(0) if m.group(1) is None else "Huy hiệu Đảng")
        for m in _PARTY_BADGE.finditer(text)
        if not any(a <= m.start() < b for a, b in quoted)
    ]
    return out


def _vi_parts(name: str) -> list[tuple[int, int]]:
    """The titles a quoted name after danh hiệu holds: split at commas when every part starts with a
    capital (a list of titles), else whole (Người công dân kiểu mẫu, gia đình cách mạng gương mẫu)."""
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", name)]
    parts = [(a + len(name[a:b]) - len(name[a:b].lstrip()), b) for a, b in parts]
    return parts if all(name[a : a + 1].isupper() for a, _ in parts) else [(0, len(name))]


def _title_end(lex: Lexicon) -> re.Pattern:
    """A quoted phrase ending in a title word (“石林县劳动模范”, “中国好人榜”, whichever shorter word
    matches first inside it) or in a prize word (“八德奖”)."""
    return _ends(lex.suffix_re.pattern, lex.cues.get("title_end", ()))


@cache
def _any_of(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


@cache
def _ends(suffix: str, more: tuple[str, ...]) -> re.Pattern:
    return re.compile("(?:" + "|".join([suffix, *map(re.escape, more)]) + ")$")


def _frame_words(lex: Lexicon) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(lex.cues.get(k, ())) for k in ("honour_verb", "honour_level", "medal_end"))


def honours(text: str, lex: Lexicon, lang: str = "zh") -> list[Mention]:
    """Honour titles in the text: quoted phrases that end like a title (“石林县劳动模范”, split at /)
    or follow an awarding verb (获评首届“鹿鸣工匠”); for Chinese, unquoted titles before 称号 and
    medals; then lexicon titles outside them, with their level (全国三八红旗手). Sorted by position."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    titles = lex.honour_vi_re if lang == "vi" else lex.honour_re
    after_verb, _, _ = _frames(*_frame_words(lex))
    grade = _ends("(?!)", tuple(lex.cues.get("honour_level", ())) + tuple(lex.cues.get("honour_grade", ())))
    awarded = {m.start(1) for m in after_verb.finditer(text)}
    for m in _QUOTED.finditer(text):
        inner_start = m.start(1)
        after = text[m.end() : m.end() + 6]
        tail = _QUOTE_TAIL.match(text, m.end())
        if tail and not titles.match(after):  # 命名为“五好”基层党组织荣誉称号: the quote is the title's head
            found.append(Mention(inner_start, tail.end(1), m.group(1) + tail.group(1)))
            taken.append((m.start(), tail.end(1)))
            continue
        for part in _PARTS.finditer(m.group(1)):
            title = part.group(0).strip()
            ends_like_title = _title_end(lex).search(title) is not None
            if (
                len(title) >= 2
                and (
                    ends_like_title
                    or title.startswith(lex.cues["honour_head"])  # “十佳青年”
                    or _HONOUR_NEXT.match(text[m.end() - 1 : m.end() + 6])
                    or inner_start in awarded
                )
            ):
                s = inner_start + part.start()
                found.append(Mention(s, s + len(part.group(0)), title))
                taken.append(m.span())
        if titles.match(after):  # “敢担当善作为”先进个人: the quote names the title it precedes
            title = titles.match(after).group(0)
            found.append(Mention(m.start(1), m.end() + len(title), m.group(1) + title))
            taken.append((m.start(), m.end() + len(title)))
    for h in _vi_families(text) if lang == "vi" else ():
        if not any(h.start < b and a < h.end for a, b in taken):  # a quoted title already found
            found.append(h)
            taken.append((h.start, h.end))
    for a, b in _unquoted(text, lex) if lang != "vi" else ():
        if not any(x <= a < y for x, y in taken):
            found.append(Mention(a, b, text[a:b]))
            taken.append((a, b))
    for m in titles.finditer(text):
        if not any(a <= m.start() < b for a, b in taken) and _word_edges(text, m.start(), m.end()):
            lead = grade.search(text, max(0, m.start() - 3), m.start()) if lang != "vi" else None
            head = _HEAD.search(text, max(0, m.start() - 2), m.start()) if lang != "vi" else None
            start = lead.start() if lead else head.start() if head else m.start()
            start = _field_start(text, start) if lang != "vi" else start
            found.append(Mention(start, m.end(), text[start : m.end()]))
    found.sort(key=lambda h: h.start)
    return _subjects_dropped(text, found, lex) if lang != "vi" else found


_FIELD_CUT = re.compile(_BEFORE_TITLE.pattern + "|的|暨|等|和|及|与|年度|届|单位|集体|个人")


def _field_start(text: str, start: int) -> int:
    """Where a lexicon title after 工作 starts: the field of work before it is the title's own
    (全国关心下一代工作先进集体, 残疾人工作先进集体), from the last punctuation, verb or 等 before."""
    if text[max(0, start - 2) : start] != "工作":
        return start
    cut = max((d.end() for d in _FIELD_CUT.finditer(text, max(0, start - 16), start - 2)), default=-1)
    return cut if cut >= 0 and re.fullmatch(f"[{HAN}]+", text[cut:start]) else start


def _subjects_dropped(text: str, found: list[Mention], lex: Lexicon) -> list[Mention]:
    """305个先进集体荣获全国五一劳动奖状: a title right before an awarding verb that another title
    follows in the same clause names the honoured, not their honour."""
    verb = _verb_then(tuple(lex.cues.get("honour_verb", ())))
    out = []
    for i, h in enumerate(found):
        m = verb.match(text, h.end + (text[h.end : h.end + 1] in '”"’』」'))
        nxt = found[i + 1] if i + 1 < len(found) else None
        near = m and nxt and 0 <= nxt.start - m.end() <= 8  # 荣获内政部「…」
        if not (near and not _CLAUSE_STOP.search(text, m.end(), nxt.start)):
            out.append(h)
    return out


_CLAUSE_STOP = re.compile(r"[，。；,;：:\n]|\d+[名人个位家项户所]")  # not 荣登7月…榜


@cache
def _verb_then(verbs: tuple[str, ...]) -> re.Pattern:
    zh = sorted((v for v in verbs if re.search(f"[{HAN}]", v)), key=len, reverse=True)
    return re.compile("(?:被|均|分别|都)?(?:" + "|".join(map(re.escape, zh)) + ")")


def _word_edges(text: str, start: int, end: int) -> bool:
    """For Latin-script titles, the match must not be part of a longer word."""
    if not text[start:end].isascii() and not re.match(r"[A-Za-zÀ-ỹ]", text[start]):
        return True
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return not (before.isalpha() or after.isalpha())
