"""Floors that only go up. baseline.json pins, per group of measurements (the seeds, the annotated
set, the name finder), the score each area has reached. `UPDATE_BASELINE=1` raises each floor to
the score now reached; it never lowers one, and it fails rather than drop a floor whose area the
measurement no longer reports."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

BASELINE = Path(__file__).with_name("baseline.json")


def floored(score: float) -> float:
    """The score rounded down to three decimals: a floor it meets."""
    return math.floor(score * 1000 + 1e-9) / 1000


def check_floors(
    group: str, got: dict[str, float], path: Path = BASELINE, update: bool | None = None
) -> None:
    """Fail when an area of `group` scores below its floor or is no longer measured; with `update`
    (default: the UPDATE_BASELINE variable) raise the floors to the scores first."""
    update = bool(os.environ.get("UPDATE_BASELINE")) if update is None else update
    pinned = json.loads(path.read_text(encoding="utf-8"))
    floors = pinned.get(group, {})
    vanished = sorted(set(floors) - set(got))
    assert not vanished, f"{group}: areas with a floor are no longer measured: {vanished}"
    if update:
        floors = {area: max(floors.get(area, 0.0), floored(score)) for area, score in got.items()}
        pinned[group] = floors
        path.write_text(json.dumps(pinned, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    fallen = {area: (got[area], floor) for area, floor in floors.items() if got[area] < floor}
    assert fallen == {}, f"{group}: below the pinned floors (score, floor): {fallen}"
