"""A place: one administrative division with its code and parents, and the choice among namesakes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

LEVELS = ("province", "prefecture", "county", "township")


@dataclass(frozen=True)
class Place:
    name: str  # the official name: 石林彝族自治县, Tỉnh Quảng Nam
    code: str | None  # 6-digit adcode or the Vietnamese statistics code; None when not in the list
    level: str | None  # province | prefecture | county | township (None: a 市 not in the list)
    path: tuple[str, ...]  # official names from the province down to this place
    short: str = ""  # the form people write (石林县); the official name when there is no other
    successor: Place | None = None  # the division that replaced this one (Vietnam's 2025 merger)

    @property
    def display(self) -> str:
        return self.short or self.name


def rank(level: str | None) -> int:
    """Province 0 … township 3; unknown levels last."""
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def pick(
    candidates: Sequence[Place],
    context: str | Place | None,
    names_of: Callable[[str], Iterable[str]],
    prefer_higher: bool = False,
) -> Place | None:
    """One place among namesakes: the one whose parents the context names (a parent Place, or text
    that mentions a parent by any of its names). `prefer_higher` settles a tie between levels (吉林
    is the province before the city); a tie within one level is an ambiguous place without a code."""
    unique = list({(p.code, p.name): p for p in candidates}.values())
    if len(unique) <= 1:
        return unique[0] if unique else None
    scored = [(evidence(p, context, names_of), p) for p in unique]
    best = max(score for score, _ in scored)
    top = [p for score, p in scored if score == best]
    if len(top) > 1 and prefer_higher:
        high = min(rank(p.level) for p in top)
        top = [p for p in top if rank(p.level) == high]
    if len(top) == 1:
        return top[0]
    levels = {p.level for p in top}
    names = {p.display for p in top}
    level = levels.pop() if len(levels) == 1 else None
    name = names.pop() if len(names) == 1 else top[0].display
    return Place(name=name, code=None, level=level, path=(name,), short=name)


def evidence(place: Place, context: str | Place | None, names_of: Callable[[str], Iterable[str]]) -> int:
    """How many of the place's parents the context names (a Place counts when it is a parent)."""
    if context is None:
        return 0
    parents = place.path[:-1] + (place.successor.path[:-1] if place.successor else ())
    if isinstance(context, Place):
        return int(context.name in parents or (context.code is not None and context.code == place.code))
    own = tuple(names_of(place.name))  # a parent named like the place (huyện Tân Phú, thị trấn Tân Phú)
    return sum(
        1
        for parent in parents
        if any(n and n in context and not any(n in o or o in n for o in own) for n in names_of(parent))
    )
