"""The per-year chart of the search page: bar geometry for an inline SVG (no script, no images)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

WIDTH, HEIGHT = 640, 120  # the drawing area, in SVG units
TOP, BOTTOM = 20, 25  # room above the bars (their counts) and below them (the years)
GAPS_UP_TO = 40  # years between the first and last: up to this many, empty years get a bar too
LABELS = 16  # year labels under the axis, at most


def bar(i: int, year: int, n: int, top: int, step: float, link: str) -> dict[str, Any]:
    h = round(HEIGHT * n / top, 1) if top else 0
    return {
        "year": year,
        "n": n,
        "href": link,
        "x": round(i * step + step * 0.1, 1),
        "w": round(step * 0.8, 1),
        "y": round(HEIGHT - h + TOP, 1),
        "h": h,
        "label_x": round(i * step + step / 2, 1),
    }


def chart(counts: dict[int, int], link: Callable[[int], str]) -> dict[str, Any] | None:
    """Bars for the per-year chart: one per year, gaps filled; `link(year)` is each bar's target."""
    if not counts:
        return None
    first, last = min(counts), max(counts)
    years = range(first, last + 1) if last - first <= GAPS_UP_TO else sorted(counts)
    top = max(counts.values())
    step = min(WIDTH / max(len(years), 1), 64)
    bars = [bar(i, y, counts.get(y, 0), top, step, link(y)) for i, y in enumerate(years)]
    return {
        "bars": bars,
        "width": WIDTH,
        "height": HEIGHT + TOP + BOTTOM,
        "top": top,
        "every": max(1, math.ceil(len(bars) / LABELS)),
    }
