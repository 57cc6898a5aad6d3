"""Where a person works: the divisions a place or an organisation names (China's by the cpca
division list, Vietnam's by its unit words), whether two of them can both hold, and whether two
organisations are one. Person linking (index/linking.py) and list checking (index/check.py) weigh
them."""

from __future__ import annotations

import re
from functools import lru_cache

from index.persons import Unit

_ZH_SUFFIXES = ("自治县", "自治州", "街道", "区", "县", "市", "州", "旗", "镇", "乡")
_NOT_BEFORE = {  # 社区 is no district, 超市 no city, 城乡 no township
    "区": set("社小园辖城景片校厂矿营山湖库新"),
    "市": set("超城都门"),
    "乡": set("城家故下"),
    "镇": set("城乡村"),
    "州": set(""),
}
_VI_UNIT = re.compile(
    r"(?i:\b(phường|xã|thị trấn|quận|huyện|thị xã|thành phố|tỉnh))\s+"
    r"((?:[A-ZĐÀ-Ỹ][^\s,.;:()]*)(?:\s+[A-ZĐÀ-Ỹ][^\s,.;:()]*)*)"
)
_VI_LEVEL = {
    "phường": "township",
    "xã": "township",
    "thị trấn": "township",
    "quận": "county",
    "huyện": "county",
    "thị xã": "county",
    "thành phố": "prefecture",
    "tỉnh": "province",
}
SPECIFIC = ("county", "township")
MIN_SHARED = 4  # characters two organisations must share in one run (and most of the shorter one)


@lru_cache(maxsize=65536)
def units_in(text: str | None) -> tuple[Unit, ...]:
    """The divisions a place or organisation string names: 盘龙区人民医院 -> 盘龙区 (with its path),
    鼓楼街道桃源社区 -> 鼓楼街道, "Công an phường Tân Thành" -> phường Tân Thành."""
    if not text:
        return ()
    if not re.search("[\u4e00-\u9fff]", text):
        return tuple(Unit(_VI_LEVEL[m.group(1).lower()], m.group(2).lower()) for m in _VI_UNIT.finditer(text))
    from extract.places import resolve

    whole = resolve(text, "zh")
    if whole is not None and whole.code and text in (whole.display, whole.name):
        return (_unit(whole),)
    out, seen = [], set()
    for i in range(2, len(text)):
        suffix = next((s for s in _ZH_SUFFIXES if text.startswith(s, i)), None)
        if suffix is None or text[i - 1] in _NOT_BEFORE.get(suffix, ()) or i in seen:
            continue
        seen.add(i)
        end = i + len(suffix)
        found = [(text[i - k : end], resolve(text[i - k : end], "zh")) for k in (2, 3, 4) if i - k >= 0]
        coded = next((p for w, p in found if p is not None and p.code and w in (p.display, p.name)), None)
        if coded is not None:
            out.append(_unit(coded))
        elif found and found[0][1] is not None:
            out.append(Unit(found[0][1].level, found[0][0]))
    return tuple(out)


def _unit(place) -> Unit:
    return Unit(place.level, place.display, tuple(place.path) if place.code else ())


def units_conflict(a: Unit, b: Unit) -> bool:
    if a.path and b.path:
        n = min(len(a.path), len(b.path))
        return a.path[:n] != b.path[:n]
    return a.level is not None and a.level == b.level and a.name not in b.name and b.name not in a.name


def units_agree(a: Unit, b: Unit) -> bool:
    if a.level not in SPECIFIC or a.level != b.level:
        return False
    return a.path == b.path if a.path and b.path else a.name == b.name


def similar(a: str | None, b: str | None) -> bool:
    """Organisations that are one: one contains the other, or they share a run of MIN_SHARED
    characters that is most of the shorter one."""
    if not a or not b:
        return False
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and short in long_:
        return True
    run = _longest_run(short, long_)
    return run >= MIN_SHARED and run >= 0.6 * len(short)


def _longest_run(a: str, b: str) -> int:
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] not in b:
                break
            best = j - i
    return best
