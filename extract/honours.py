"""The honour record (issue 13.1): for each honour a person or collective receives, its canonical
title, level, awarding bodies, place (with code and parents), date and status.

    make_honour("石林县劳动模范", text, "zh", (120, 127))
    -> Honour(title="劳动模范", level="county", awarded_by=("中共石林县委", "石林县人民政府"),
              place="石林县", place_code="530126", place_path=("云南省", "昆明市", "石林彝族自治县"), …)

Titles and their variants are in lexicons/honour_titles.tsv, level rules in honour_levels.tsv,
status cues in honour_status.tsv, body words in honour_bodies.tsv; each row says why."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from typing import Any

from extract.honour_bodies import CLAUSE_END, awarding_bodies, bodies_near, decision_date, sentence_bounds
from extract.places import Place, place_from_bodies, resolve
from extract.places.rules import place_rules
from extract.places.vi import name_at, normal
from extract.tsv import read_rows

__all__ = [
    "Honour",
    "awarding_bodies",
    "bodies_near",
    "canonical_title",
    "decision_date",
    "level_of",
    "make_honour",
    "status_of",
]

HONOUR_LEVELS = ("national", "provincial", "prefecture", "county", "township", "unit")
_PLACE_LEVEL = {
    "province": "provincial",
    "prefecture": "prefecture",
    "county": "county",
    "township": "township",
}
_QUOTES = re.compile(r"[“”\"‘’'「」『』《》〈〉\s\u3000]")
_TAIL = re.compile(r"(?:荣誉)?称号$|光荣称号$")
_YEARS = re.compile(
    r"^(?:(?:19|20)\d\d年度?|(?:19|20)\d\d|第[一二三四五六七八九十百\d]+届|年度|度)+|(?:(?:19|20)\d\d年度?|年度)+$"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_HAN = re.compile("[\u4e00-\u9fff]")


def flat(item) -> dict[str, Any]:
    """A record's fields by name: what dataclasses.asdict gives for records of plain values and
    tuples of them (every record of the extractor), without its deep copies."""
    return {f.name: getattr(item, f.name) for f in fields(item)}


def json_shape(item) -> dict[str, Any]:
    """A record as the contract of DESIGN.md writes it: its fields, tuples as lists."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in flat(item).items()}


@dataclass(frozen=True)
class Honour:
    title: str  # canonical: 劳动模范, Bằng khen, người tốt việc tốt
    as_written: str  # 石林县劳动模范
    level: str | None  # national | provincial | prefecture | county | township | unit
    awarded_by: tuple[str, ...]
    place: str | None  # the division, as people write it (石林县)
    place_code: str | None  # adcode or Vietnamese statistics code
    place_path: tuple[str, ...]  # official names, province first
    date: str | None  # the decision's date, YYYY-MM-DD
    year: int | None
    status: str  # awarded | proposed | candidate | posthumous | revoked
    span: tuple[int, int]

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of DESIGN.md (lists, not tuples)."""
        return json_shape(self)


@dataclass(frozen=True)
class TitleRule:
    canonical: str
    variant: str  # literal (Chinese) or the source of `pattern`
    pattern: re.Pattern | None  # for "re:" variants
    level: str | None


@dataclass(frozen=True)
class HonourRules:
    titles: dict[str, tuple[TitleRule, ...]]  # lang -> rules (Chinese: longest variant first)
    title_levels: dict[str, tuple[tuple[re.Pattern, str], ...]]
    body_levels: dict[str, tuple[tuple[re.Pattern, str], ...]]
    statuses: dict[str, tuple[tuple[re.Pattern, str], ...]]


def _rule(canonical: str, variant: str, level: str) -> TitleRule:
    pattern = re.compile(normal(variant[3:]), re.I) if variant.startswith("re:") else None
    return TitleRule(canonical, variant, pattern, None if level == "-" else level)


@cache
def honour_rules() -> HonourRules:
    titles = read_rows("honour_titles.tsv", 5)
    levels = read_rows("honour_levels.tsv", 5)
    statuses = read_rows("honour_status.tsv", 4)
    by_lang = {lang: [_rule(*row[1:4]) for row in titles if row[0] == lang] for lang in ("zh", "vi")}
    by_lang["zh"].sort(key=lambda r: len(r.variant), reverse=True)

    return HonourRules(
        titles={k: tuple(v) for k, v in by_lang.items()},
        title_levels=_patterns([[r[0], r[2], r[3]] for r in levels if r[1] == "title"]),
        body_levels=_patterns([[r[0], r[2], r[3]] for r in levels if r[1] == "body"]),
        statuses=_patterns(statuses),
    )


def _patterns(rows: list[list[str]]) -> dict[str, tuple[tuple[re.Pattern, str], ...]]:
    """lang -> (pattern, value) from rows `lang, pattern, value, …`, in file order."""
    return {
        lang: tuple((re.compile(normal(r[1]), re.I), r[2]) for r in rows if r[0] == lang)
        for lang in ("zh", "vi")
    }


def _lang(text: str, lang: str | None) -> str:
    return lang if lang in ("zh", "vi") else ("zh" if _HAN.search(text) else "vi")


def _clean_zh(as_written: str) -> str:
    return _TAIL.sub("", _QUOTES.sub("", as_written))


@lru_cache(maxsize=4096)  # pure, and the same titles come again and again
def _match(as_written: str, lang: str) -> tuple[TitleRule | None, int, int]:
    """The title rule a title as written matches, and where (Chinese: a variant ending the title,
    else the longest found inside it; Vietnamese: the first rule, in file order, that matches)."""
    rules = honour_rules().titles[lang]
    if lang == "vi":
        text = normal(as_written)
        for rule in rules:
            m = rule.pattern.search(text) if rule.pattern else None
            if m:
                return rule, m.start(), m.end()
        return None, 0, 0
    cleaned = _clean_zh(as_written)
    ending = [r for r in rules if cleaned.endswith(r.variant)]
    if ending:
        return ending[0], len(cleaned) - len(ending[0].variant), len(cleaned)
    inside = [(cleaned.rfind(r.variant), r) for r in rules if r.variant in cleaned]
    if inside:
        at, rule = inside[0]
        return rule, at, at + len(rule.variant)
    return None, 0, 0


def _place_head(cleaned: str) -> str:
    """The division a title the lexicon does not know starts with (石林县十佳青年 -> 石林县): the
    longest head that is a listed division or ends like one (临江区, not the 临江 of 临江市)."""
    rules = place_rules()
    for size in range(min(12, len(cleaned) - 2), 1, -1):
        head = cleaned[:size]
        place = resolve(head, "zh")
        if place is not None and (place.code or rules.plausible(head)):
            return head
    return ""


def _vi_place(text: str) -> str:
    """The first 'type word + name' in a Vietnamese title (Bằng khen của … tỉnh Quảng Nam)."""
    words = "|".join(re.escape(t) for t in sorted(place_rules().vi_types, key=len, reverse=True))
    for m in re.finditer(rf"(?<![^\W_])(?i:{words}) (?=\w)", text):
        name = name_at(text, m.end())
        if name:
            return text[m.start() : m.end() + len(name)]
    return ""


@lru_cache(maxsize=4096)  # pure, and the same titles come again and again
def canonical_title(as_written: str, lang: str | None = None) -> tuple[str, str]:
    """(canonical title, the place words written with it): 石林县劳动模范 -> (劳动模范, 石林县);
    全国劳模 -> (劳动模范, ""); "2023年度盘龙区“最美奋斗者”" -> (最美奋斗者, 盘龙区);
    "Bằng khen của Chủ tịch UBND tỉnh Quảng Nam" -> (Bằng khen, tỉnh Quảng Nam). A title the lexicon
    does not know keeps its words, without the place and year it starts with."""
    lang = _lang(as_written, lang)
    rule, start, _ = _match(as_written, lang)
    if lang == "vi":
        text = normal(as_written).strip()
        return (rule.canonical if rule else text), _vi_place(text)
    cleaned = _clean_zh(as_written)
    if rule:
        return rule.canonical, _YEARS.sub("", cleaned[:start])
    bare = _YEARS.sub("", cleaned)
    head = _place_head(bare)
    return _YEARS.sub("", bare[len(head) :]) or bare, head


@lru_cache(maxsize=1024)  # pure, and a text's bodies come again for each of its honours
def _body_level(body: str, lang: str) -> str | None:
    rules = honour_rules().body_levels[lang]
    text = normal(body).lower() if lang == "vi" else body
    for pattern, level in rules:
        if level in ("national", "unit") and pattern.search(text):
            return level
    place = place_from_bodies([body], lang)
    if place is not None and place.level in _PLACE_LEVEL:
        return _PLACE_LEVEL[place.level]
    return next((level for pattern, level in rules if pattern.search(text)), None)


def level_of(as_written: str, bodies, place: Place | None = None, lang: str | None = None) -> str | None:
    """The honour's level: what its title says (全国劳动模范, Bằng khen của Thủ tướng), then the
    division the title names (石林县劳动模范 -> county), then the highest of its awarding bodies
    (中共石林县委 -> county, 中华全国总工会 -> national, a company -> unit), then `place`."""
    lang = _lang(as_written, lang)
    rule, _, _ = _match(as_written, lang)
    if rule and rule.level:
        return rule.level
    written = normal(as_written).lower() if lang == "vi" else _clean_zh(as_written)
    for pattern, level in honour_rules().title_levels[lang]:
        if pattern.search(written):
            return level
    _, words = canonical_title(as_written, lang)
    named = resolve(words, lang) if words else None
    if named is not None and named.level in _PLACE_LEVEL:
        return _PLACE_LEVEL[named.level]
    found = [lv for lv in (_body_level(b, lang) for b in bodies or ()) if lv]
    if found:
        return min(found, key=HONOUR_LEVELS.index)
    return _PLACE_LEVEL.get(place.level or "") if place is not None else None


def status_of(sentence: str, lang: str | None = None) -> str:
    """awarded, unless the sentence proposes (拟, 公示, đề nghị), nominates (候选, ứng viên),
    awards posthumously (追授, truy tặng) or revokes (撤销…称号, thu hồi) the honour."""
    lang = _lang(sentence, lang)
    text = normal(sentence).lower() if lang == "vi" else sentence
    for pattern, status in honour_rules().statuses[lang]:
        if pattern.search(text):
            return status
    return "awarded"


def make_honour(
    as_written: str,
    text: str,
    lang: str,
    span: tuple[int, int],
    date: str | None = None,
    year: int | None = None,
    bodies=None,
    doc_title: str = "",
) -> Honour:
    """The honour record of a title found at `span` in `text`. Bodies default to those of the
    sentence (else the decision's title line and signature); the date to the decision's date; the
    year to the date's, else `year` (say, the article's), else a year written in the title; the
    status to what the clause says, else what the sentence or the document's title proposes."""
    title, words = canonical_title(as_written, lang)
    bodies = list(bodies) if bodies is not None else bodies_near(text, span, lang)
    date = date or decision_date(text, lang)
    year = int(date[:4]) if date else (year or _year(as_written))
    from_bodies = place_from_bodies(bodies, lang, context=text, year=year)
    context = from_bodies if from_bodies is not None and from_bodies.code else text
    place = (resolve(words, lang, context=context, year=year) if words else None) or from_bodies
    status = _status(text, span, lang, doc_title)
    return Honour(
        title=title,
        as_written=as_written,
        level=level_of(as_written, bodies, place, lang),
        awarded_by=tuple(bodies),
        place=place.display if place else None,
        place_code=place.code if place else None,
        place_path=place.path if place else (),
        date=date,
        year=year,
        status=status,
        span=(span[0], span[1]),
    )


def _status(text: str, span: tuple[int, int], lang: str, doc_title: str) -> str:
    """The clause decides (授予张三…，追授李四…: two statuses in one sentence); a proposal or a
    nomination may also be said by the sentence (…现予公示) or the document's title (关于拟表彰…的公示)."""
    clause = text[slice(*sentence_bounds(text, span, CLAUSE_END))]
    status = status_of(clause, lang)
    for wider in (text[slice(*sentence_bounds(text, span))], doc_title):
        if status == "awarded" and wider and status_of(wider, lang) in ("proposed", "candidate"):
            status = status_of(wider, lang)
    return status


def _year(as_written: str) -> int | None:
    m = _YEAR.search(as_written)
    return int(m.group(1)) if m else None
