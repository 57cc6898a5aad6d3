"""The name finder's data: its weights (a typed record) and its word and character tables, all read
from lexicons/names_zh_*.tsv and built once per finder into one frozen record."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields

from errors import ConfigError
from extract.text import HAN
from extract.tsv import read_blocks, read_rows

Span = tuple[int, int]
Scored = tuple[float, int, int]  # (score, start, end)
Tagger = Callable[[str], list[tuple[str, str]]]
NUMERALS = "一二三四五六七八九十"
COUNTERS = NUMERALS + "几多两廿百千万"  # before a measure word: a number of things (五名司机)
DOTS = "·•‧・"  # the separator inside foreign names
LIST_SEPARATORS = frozenset("、 \u3000和与及，")
PROPER_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nz", "nt"})  # jieba's proper-noun tags
PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})  # jieba's person tags (which cover many places too)
DERIVED_BY = "make_names_zh.py"  # writes names_zh_chars.tsv and names_zh_words.tsv


@dataclass(frozen=True)
class Weights:
    """names_zh_weights.tsv: what each piece of evidence weighs (the file gives each one's reason)."""

    accept: float
    near: float
    crf_keep: float
    crf_add: float
    crf_override: float
    crf_word: float
    min_inner: float
    compound_surname: float
    japanese_surname: float
    japanese_shape: float
    weak_surname: float
    rare_surname: float
    surname_min: float
    surname_max: float
    given_min: float
    given_max: float
    japanese_given_min: float
    japanese_given_max: float
    rare_given: float
    short_name: float
    dict_name: float
    word_max: float
    word_base: float
    word_per_digit: float
    common_word: float
    foreign_given: float
    edge: float
    function_word: float
    in_list: float
    married: float
    role: float
    speech: float
    action: float
    honorific: float
    quoted: float
    title: float
    measure: float
    place_before: float
    left_word: float
    right_word: float
    extends: float
    foreign_min: float
    foreign_mean: float
    foreign_char: float
    foreign_prior: float
    foreign_two: float
    foreign_end: float
    foreign_word: float
    place_end: float
    place_prep: float
    subject: float
    dotted: float
    regnal: float
    monarch: float
    tag_person: float
    tag_cross: float
    foreign_tag_nrt: float
    foreign_tag_cross: float


def read_weights(overrides: Mapping[str, float] | None = None) -> Weights:
    """names_zh_weights.tsv (`name<TAB>value<TAB>why`); `overrides` replace some of them."""
    values = {name: float(value) for name, value, _why in read_rows("names_zh_weights.tsv", 3)}
    known = {f.name for f in fields(Weights)}
    if values.keys() != known:
        missing, unknown = sorted(known - values.keys()), sorted(values.keys() - known)
        raise ConfigError(f"names_zh_weights.tsv: weights missing {missing}, unknown {unknown}")
    if unknown := set(overrides or {}) - known:
        raise ValueError(f"unknown name-finder weights: {sorted(unknown)}")
    return Weights(**{**values, **(overrides or {})})


def is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


@dataclass(frozen=True)
class Tables:
    """Everything the finder looks up, read from the lexicons (the file names are in `build`)."""

    weak: frozenset[str]  # 和 于 向 曾: surnames that are mostly function words
    rare: frozenset[str]
    slot: frozenset[str]  # 区 缑: surnames only in a slot the layout marks as a name (a list of names)
    compound: frozenset[str]  # 欧阳
    japanese: frozenset[str]  # 田中
    jp_final: frozenset[str]  # the last character of a Japanese family name (星|野)
    jp_end: frozenset[str]  # the last character of a Japanese given name (健|太)
    surname: dict[str, float]  # single surname -> weight
    priors: dict[str, tuple[float, float]]  # single surname -> its score (not after, after a role)
    given: dict[str, float]  # character -> weight in a Chinese given name
    given_jp: dict[str, float]  # ... in a Japanese one
    translit: dict[str, float]  # transliteration character -> how foreign it is
    end: dict[str, float]  # ... how much it ends a person (娜) rather than a place (亚)
    strong: frozenset[str]  # surely foreign characters
    female: frozenset[str]
    minority: frozenset[str]  # Uyghur and Kazakh name syllables, read after a dot (阿布列林·阿不列孜)
    words: dict[str, tuple[str, int]]  # dictionary word -> (jieba tag, frequency)
    common: frozenset[str]  # frequent two-character words (高度)
    places: frozenset[str]
    stop: frozenset[str]  # characters (almost) never in a given name
    soft_stop: frozenset[str]  # ... those a name the dictionary knows may hold (verbs)
    banned: frozenset[str]  # never in a given name
    jp_banned: frozenset[str]  # ... nor in a Japanese one
    function: frozenset[str]  # function words
    cues: dict[str, frozenset[str]]  # kind -> cue words
    not_given_words: frozenset[str]  # roles, honorifics, suffixes: never a given name
    cue_first: dict[str, dict[str, tuple[str, ...]]]  # kind -> first character -> cues, longest first
    cue_last: dict[str, dict[str, tuple[str, ...]]]  # kind -> last character -> cues, longest first
    after: dict[str, tuple[tuple[str, float], ...]]  # first character -> (cue after a name, weight)
    place_end: tuple[str, ...]
    temple: frozenset[str]
    era: frozenset[str]
    dynasty: frozenset[str]
    not_after_era: frozenset[str]
    chars_rest: float  # the most that a name's other evidence adds to its given-name weights

    @classmethod
    def build(cls, w: Weights) -> Tables:
        sur = read_blocks("names_zh_surnames.tsv")
        places = frozenset(sum(read_blocks("names_zh_places.tsv").values(), []))
        parts = {**_surnames(sur), **_characters(w, sur), **_words(w), **_cues(w, places), **_monarchs()}
        parts["priors"] = {
            c: (_prior(parts, w, c, False), _prior(parts, w, c, True)) for c in parts["surname"]
        }
        # what the characters may add to the given-name weights: nothing, unless the weights say so
        # (then a hair more, against rounding)
        rest = max(w.foreign_given, 0.0) + 2 * max(w.word_max, 0.0)
        return cls(**parts, places=places, chars_rest=rest + 1e-9 if rest else 0.0)


def _clip(v: float, lo: float, hi: float) -> float:
    return min(max(v, lo), hi)


def _index(items, at: int) -> dict[str, tuple[str, ...]]:
    """character -> the items with it at position `at`, longest first."""
    out: dict[str, list[str]] = {}
    for item in sorted(items, key=len, reverse=True):
        out.setdefault(item[at], []).append(item)
    return {c: tuple(v) for c, v in out.items()}


def _prior(parts: dict, w: Weights, c: str, role: bool) -> float:
    """The score of the single surname c; after a role word, 和 于 时 are surnames like any other."""
    weak = w.weak_surname * (c in parts["weak"] and not role)
    return parts["surname"][c] + (weak or w.rare_surname * (c in parts["rare"]))


_SURNAME_BLOCKS = {"jp_final": "japanese_final", "jp_end": "japanese_given_end"}  # table key: block name


def _surnames(sur: dict[str, list[str]]) -> dict:
    keys = ("weak", "rare", "slot", "compound", "japanese", "jp_final", "jp_end")
    return {k: frozenset(sur[_SURNAME_BLOCKS.get(k, k)]) for k in keys}


def _characters(w: Weights, sur: dict[str, list[str]]) -> dict:
    given, surname, translit, end = {}, {}, {}, {}
    for c, *cells in read_rows("names_zh_chars.tsv", 5, derived_by=DERIVED_BY):
        for table, cell in zip((given, surname, translit, end), cells, strict=True):
            if cell:
                table[c] = float(cell)
    stop = read_blocks("names_zh_not_given.tsv")
    kinds = ("particle", "pronoun", "preposition", "adverb", "verb")
    stops, soft = frozenset("".join(sum(stop.values(), []))), frozenset("".join(stop["verb"]))
    jp_end, singles = frozenset(sur["japanese_given_end"]), {*sur["single"], *sur["rare"]}
    return dict(
        surname={c: _clip(v, w.surname_min, w.surname_max) for c, v in surname.items() if c in singles},
        given={c: _clip(v, w.given_min, w.given_max) for c, v in given.items()},
        given_jp={c: _clip(v, w.japanese_given_min, w.japanese_given_max) for c, v in given.items()},
        translit=translit,
        end=end,
        strong=frozenset(c for c, v in translit.items() if v >= w.foreign_char),
        female=frozenset(read_blocks("names_zh_translit.tsv")["female"]),  # 娜 莉: Chinese names too
        minority=frozenset(read_blocks("names_zh_translit.tsv")["minority"]) - set(translit),
        stop=stops,
        soft_stop=soft,  # a name the dictionary knows may hold one
        banned=stops - soft,
        jp_banned=stops - soft - jp_end,
        function=frozenset("".join(sum((stop[k] for k in kinds), []))),
    )


def _words(w: Weights) -> dict:
    words = {word: (t, int(f)) for word, t, f in read_rows("names_zh_words.tsv", 3, derived_by=DERIVED_BY)}
    return dict(
        words=words,
        common=frozenset(x for x, (_, f) in words.items() if len(x) == 2 and f >= w.common_word),
    )


def _cues(w: Weights, places: frozenset[str]) -> dict:
    cues = {kind: frozenset(items) for kind, items in read_blocks("names_zh_cues.tsv").items()}
    cues["role"] = cues["role"] | cues.get("role_untrained", frozenset())  # not the CRF's features
    cues["place"], cues["before"] = places, cues["role"] | cues["lead"]
    cues["place_or_before"] = places | cues["place_before"]
    suffixes = {x for x in cues["not_after"] if len(x) > 1}  # not 文 (王文)
    after = {cue: getattr(w, kind) for kind in ("action", "speech", "honorific") for cue in cues[kind]}
    return dict(
        cues=cues,
        not_given_words=cues["role"] | cues["honorific"] | suffixes,
        cue_first={kind: _index(items, 0) for kind, items in cues.items()},
        cue_last={kind: _index(items, -1) for kind, items in cues.items()},
        after={c: tuple((cue, after[cue]) for cue in group) for c, group in _index(after, 0).items()},
        place_end=tuple(cues["place_end"]),
    )


def _monarchs() -> dict:
    mon = read_blocks("names_zh_monarchs.tsv")
    return {k: frozenset(mon[k]) for k in ("temple", "era", "dynasty", "not_after_era")}


@dataclass(frozen=True)
class Patterns:
    """The regexes that make candidates, built from the tables."""

    starts: re.Pattern  # where a Chinese name may start
    jp_finals: re.Pattern  # the family-name final of a Japanese shape (星|野健太): the name starts one before
    runs: re.Pattern  # runs of two or more transliteration characters, maybe dotted
    dot: re.Pattern
    dotted: re.Pattern  # a dot, then a transliterated part
    regnal: re.Pattern  # 十四世
    regnal_name: re.Pattern  # a character before a regnal number (tried only before 世)
    shi: re.Pattern
    monarchs: re.Pattern  # a superset of the temple and era names: two characters each
    gloss: re.Pattern  # a Latin gloss in brackets: （John Smith）
    firm: re.Pattern  # what follows a brand that reads as a name: 卓郎|新疆智能机械有限公司

    @classmethod
    def build(cls, t: Tables) -> Patterns:
        firsts = "".join({*t.surname, *(s[0] for s in t.compound | t.japanese)})
        tr, hard = "".join(t.translit), "".join(t.banned)
        pairs = t.temple | t.era
        return cls(
            starts=re.compile(f"[{firsts}](?![{hard}])(?=[{HAN}])"),
            jp_finals=re.compile(f"[{''.join(t.jp_final)}](?=[{HAN}]?[{''.join(t.jp_end)}])"),
            runs=re.compile(f"[{tr}](?:[{tr}]+(?:[{DOTS}][{tr}]+)*|(?:[{DOTS}][{tr}]+)+)"),
            dot=re.compile(f"[{DOTS}]"),
            dotted=re.compile(f"[{DOTS}](?:[{HAN}]{{1,4}}[{DOTS}])*[{tr}{''.join(t.minority)}]+"),
            regnal=re.compile(f"[{NUMERALS}]{{1,3}}世"),
            regnal_name=re.compile(f"[{HAN}](?=[{NUMERALS}]{{1,3}}世(?!纪))"),
            shi=re.compile("世"),
            monarchs=re.compile(f"[{''.join({x[0] for x in pairs})}][{''.join({x[1] for x in pairs})}]"),
            gloss=re.compile(r"[（(]([A-Z][A-Za-z.\- ]*[a-z])[）)]"),
            firm=_firm(t),
        )


def _firm(t: Tables) -> re.Pattern:
    """Up to ten characters, none a function word nor the start of a verb that follows people
    (的, 和, 任, 创办), then the end of a company's name (有限公司): the name before it is a brand."""
    cues = t.cues
    verbs = {c[0] for c in cues["action"] | cues["speech"]}
    hard = "".join(sorted(cues["not_last"] | cues["joins_two"] | verbs | set("任为获于到之及")))
    ends = "|".join(sorted(cues["firm_end"], key=len, reverse=True))
    return re.compile(f"[^\\W\\d_{hard}]{{0,10}}?(?:{ends})")
