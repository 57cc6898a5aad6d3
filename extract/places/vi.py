"""Vietnamese divisions from the data of the `vietnamadminunits` package: the 63 provinces, their
districts and communes before 1 July 2025, the 34 provinces and their communes after, and which new
division each old one went into. Only its JSON files are read: its code geocodes over the network."""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from extract.places.record import Place, evidence, pick, rank
from extract.places.rules import place_rules

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_STYLE = re.compile(rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONES}])(?![^\W\d_])")
_WORD = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*")
# a party committee is named after its division: Huyện ủy Yên Thành is the committee of huyện Yên Thành
PARTY = {
    "tỉnh ủy": "tỉnh",
    "thành ủy": "thành phố",
    "huyện ủy": "huyện",
    "quận ủy": "quận",
    "thị ủy": "thị xã",
}
_ALIAS = {"tp": "thành phố", "tp.": "thành phố", "tx.": "thị xã", "tt.": "thị trấn"}


@lru_cache(maxsize=256)  # a text is made normal for its bodies, its decision's date and its places
def normal(s: str) -> str:
    """NFC with the tone mark on the first vowel of oa, oe, uy at a syllable's end (hoà -> hòa,
    thuỷ -> thủy), the style of the division list. Keeps the length of NFC text."""
    return unicodedata.normalize("NFC", _OLD_STYLE.sub(r"\1\3\2", unicodedata.normalize("NFD", s)))


def plain(s: str) -> str:
    """Lower case without diacritics (Nghệ An -> nghe an)."""
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def name_at(text: str, pos: int) -> str:
    """The capitalised words starting at `pos` (a place or body name: Yên Thành, Quận 3)."""
    words, end = [], pos
    for m in _WORD.finditer(text, pos):
        gap = text[end : m.start()]
        if (words and gap not in (" ", " - ")) or (not words and gap.strip()):
            break
        if not (m.group(0)[0].isupper() or m.group(0).isdigit()):
            break
        words.append(m.group(0))
        end = m.end()
    return text[pos:end].strip() if words else ""


@dataclass(frozen=True)
class Entry:
    place: Place
    kind: str  # its type word, lower case: tỉnh, thành phố, huyện, quận, thị xã, xã, phường, …
    era: str  # old (before July 2025) | new | both


@dataclass(frozen=True)
class Gazetteer:
    exact: dict[str, tuple[Entry, ...]]  # lower-case name without its type word -> divisions
    loose: dict[str, tuple[Entry, ...]]  # the same without diacritics, and abbreviations (hcm)
    forms: dict[str, tuple[str, ...]]  # official name -> its names in lower case (for context)


def _data() -> tuple[dict, dict, dict]:
    spec = importlib.util.find_spec("vietnamadminunits")  # locates the data without importing it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the vietnamadminunits package is not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    load = [
        json.loads((folder / f).read_text(encoding="utf-8"))
        for f in ("parser_legacy.json", "parser_from_2025.json", "converter_2025.json")
    ]
    return load[0], load[1], load[2]


def _kind(full: str, short: str) -> str:
    return normal(full[: len(full) - len(short)]).strip().lower()


def _wards(trees: tuple[dict, ...], *keys: str) -> dict:
    """The communes under `keys`, from the table keyed without diacritics and the one for names
    that only diacritics tell apart (Hương Vân, Hương Văn)."""
    out: dict = {}
    for node in trees:
        for key in keys:
            node = node.get(key, {})
        out.update(node)
    return out


def _new(new: dict, old: dict) -> tuple[dict[str, Place], dict[tuple[str, str], Place], list[Entry]]:
    provinces, wards, entries = {}, {}, []
    tree = (new["DICT_PROVINCE_WARD_NO_ACCENTED"], new["DICT_PROVINCE_WARD_ACCENTED"])
    before = {(p["provinceCode"], p["province"]) for p in old["DICT_PROVINCE"].values()}
    for pk, p in new["DICT_PROVINCE"].items():
        province = Place(p["province"], p["provinceCode"], "province", (p["province"],), p["province"])
        provinces[pk] = province
        era = "both" if (p["provinceCode"], p["province"]) in before else "new"
        entries.append(Entry(province, _kind(p["province"], p["provinceShort"]), era))
        for wk, w in _wards(tree, pk).items():
            ward = Place(w["ward"], w["wardCode"], "township", (p["province"], w["ward"]), w["ward"])
            wards[(pk, wk)] = ward
            entries.append(Entry(ward, w["wardType"].lower(), "new"))
    return provinces, wards, entries


def _old(old: dict, conv: dict, provinces: dict[str, Place], wards: dict) -> list[Entry]:
    heir = {o: n for n, olds in conv["DICT_PROVINCE"].items() for o in olds}
    ward_heir = {
        o: (n_pk, n_wk)
        for n_pk, ws in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items()
        for n_wk, olds in ws.items()
        for o in olds
    }
    for n_pk, split in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for o, choices in split.items():
            ward_heir[o] = (n_pk, next((c["newWardKey"] for c in choices if c["isDefaultNewWard"]), ""))
    tree = (old["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"], old["DICT_PROVINCE_DISTRICT_WARD_ACCENTED"])
    entries = []
    for pk, p in old["DICT_PROVINCE"].items():
        now = provinces.get(heir.get(pk, ""))
        same = now is not None and now.code == p["provinceCode"] and now.name == p["province"]
        province = (
            now
            if same
            else Place(
                p["province"], p["provinceCode"], "province", (p["province"],), p["province"], successor=now
            )
        )
        if not same:
            entries.append(Entry(province, _kind(p["province"], p["provinceShort"]), "old"))
        for dk, d in old["DICT_PROVINCE_DISTRICT"].get(pk, {}).items():
            district = Place(
                d["district"],
                d["districtCode"],
                "county",
                (p["province"], d["district"]),
                d["district"],
                successor=now,
            )
            entries.append(Entry(district, d["districtType"].lower(), "old"))
            for wk, w in _wards(tree, pk, dk).items():
                if not isinstance(w["ward"], str):
                    continue  # island districts without communes (Hoàng Sa, Bạch Long Vĩ)
                after = wards.get(ward_heir.get(f"{pk}_{dk}_{wk}", ("", "")), now)
                path = (p["province"], d["district"], w["ward"])
                ward = Place(w["ward"], w["wardCode"], "township", path, w["ward"], successor=after)
                entries.append(Entry(ward, w["wardType"].lower(), "old"))
    return entries


@cache
def gazetteer() -> Gazetteer:
    old, new, conv = _data()
    provinces, wards, entries = _new(new, old)
    entries += _old(old, conv, provinces, wards)
    exact: dict[str, list[Entry]] = {}
    loose: dict[str, list[Entry]] = {}
    forms: dict[str, tuple[str, ...]] = {}
    for e in entries:
        short = normal(e.place.name)[len(e.kind) :].strip()
        exact.setdefault(short.lower(), []).append(e)
        loose.setdefault(plain(short), []).append(e)
        forms[e.place.name] = (normal(e.place.name).lower(), short.lower())
    for tree in (old, new):
        for p in tree["DICT_PROVINCE"].values():
            hits = [
                e for e in exact.get(normal(p["provinceShort"]).lower(), ()) if e.place.level == "province"
            ]
            for keyword in p["provinceKeywords"]:
                if len(keyword) <= 5:  # abbreviations: hn, hcm
                    bucket = loose.setdefault(keyword, [])
                    bucket.extend(h for h in hits if h not in bucket)
    return Gazetteer(
        exact={k: tuple(v) for k, v in exact.items()},
        loose={k: tuple(v) for k, v in loose.items()},
        forms=forms,
    )


def _names_of(official: str) -> tuple[str, ...]:
    return gazetteer().forms.get(official, (official.lower(),))


def _split(s: str) -> tuple[str | None, str]:
    """(type word, name): 'huyện Yên Thành' -> ('huyện', 'Yên Thành'); 'TP.HCM' -> ('thành phố', 'HCM')."""
    rules = place_rules()
    m = rules.vi_type_re.match(s) or rules.vi_type_re.match(plain(s))  # quan 1, xa Hung Loc
    if not m:
        return None, s
    kind = m.group(1).lower()
    kind = next((k for k in rules.vi_types if plain(k) == kind), kind) if kind not in rules.vi_types else kind
    return _ALIAS.get(kind, kind), s[m.end() :].lstrip(". ").strip()


def _fits(e: Entry, kind: str | None) -> bool:
    """A division of the type written, or of its level (a huyện became a thị xã, a xã a phường)."""
    level = place_rules().vi_types.get(kind or "")
    return e.kind == kind or e.place.level == level or (level is None and e.place.level != "township")


def _choose(
    found: list[Entry], kind: str | None, context: str | Place | None, year: int | None
) -> Place | None:
    """The division the context names parents of; then one of the written type; then one of the
    right era (before July 2025 when `year` is earlier, else the current one)."""
    if kind:
        found = [e for e in found if _fits(e, kind)]
    elif found:
        top = min(rank(e.place.level) for e in found)
        found = [e for e in found if rank(e.place.level) == top]
    if not found:
        return None
    ctx = _context_form(context) if isinstance(context, str) else context
    era = ("old", "both") if year is not None and year < 2025 else ("new", "both")

    def key(e: Entry) -> tuple[int, bool, bool]:
        return evidence(e.place, ctx, _names_of), e.kind == kind, e.era in era

    best = max(key(e) for e in found)
    top = [e.place for e in found if key(e) == best]
    typed = [p for p in top if kind and p.name.lower().startswith(kind + " ")]
    return pick(typed or top, ctx, _names_of)  # a tie: the one of the type written (phường, not xã)


@lru_cache(maxsize=4)
def _context_form(context: str) -> str:
    """The context text as the division names are compared with it, normal and lower case: one
    text's places are resolved against it several times (the event's place, its organisers')."""
    return normal(context).lower()


def resolve(name: str, context: str | Place | None = None, year: int | None = None) -> Place | None:
    parts = [p.strip() for p in normal(name).split(",") if p.strip()]
    if not parts:
        return None
    s = parts[0]
    for lead in place_rules().vi_leads:
        if s.lower().startswith(lead + " "):
            s = s[len(lead) + 1 :].strip()
    if len(parts) > 1 and not isinstance(context, Place):
        context = ", ".join(parts[1:] + ([context] if context else []))
    kind, rest = _split(s)
    if not rest:
        return None
    g = gazetteer()
    found = list(g.exact.get(rest.lower()) or g.loose.get(plain(rest)) or ())
    return _choose(found, kind, context, year) or _unlisted(kind, rest, context)


def _unlisted(kind: str | None, rest: str, context: str | Place | None) -> Place | None:
    """A typed name not in the list (a commune renamed, or one the list lacks): no code."""
    if kind is None or name_at(rest, 0) != rest or len(rest.split()) > 5:
        return None
    level = place_rules().vi_types.get(kind)
    full = f"{kind[0].upper()}{kind[1:]} {rest}"
    parent = context if isinstance(context, Place) and context.code else None
    above = parent is not None and rank(parent.level) < rank(level)
    return Place(full, None, level, (parent.path if above else ()) + (full,), full)


@cache
def _body_place_re() -> re.Pattern:
    words = sorted([*place_rules().vi_types, *PARTY], key=len, reverse=True)
    return re.compile(r"(?i:(?<![^\W_])(" + "|".join(re.escape(w) for w in words) + r"))\s+(?=[^\W_])")


def from_body(body: str, context: str | Place | None = None, year: int | None = None) -> Place | None:
    """The place an awarding body belongs to: 'Chủ tịch UBND tỉnh Nghệ An' -> Tỉnh Nghệ An,
    'Huyện ủy Yên Thành' -> Huyện Yên Thành; None for 'Thủ tướng Chính phủ' or 'UBND xã'."""
    body = normal(body)
    for m in _body_place_re().finditer(body):
        name = name_at(body, m.end())
        if name:
            kind = m.group(1).lower()
            rest = body[m.end() + len(name) :]
            where = context if isinstance(context, Place) else f"{rest}, {context or ''}"
            return resolve(f"{PARTY.get(kind, kind)} {name}", where, year)
    return None
