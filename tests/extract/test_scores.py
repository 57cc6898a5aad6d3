"""The extractor, scored by ../shared/tools/score_extract.py on the seeds and on our annotated set.

The seeds must meet the issue's acceptance floors. The annotated set (tests/extract/gold, written
independently of the extractor) has per-area floors in baseline.json; they only go up:
UPDATE_BASELINE=1 raises each floor to the score now reached and never lowers one.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, SHARED, run_honours

GOLD = Path(__file__).with_name("gold")
BASELINE = Path(__file__).with_name("baseline.json")
SEED_FLOORS = {"overall": 0.90, "honouree_recall": 0.95, "person_precision": 0.90, "count_recall": 0.90}


def scores(gold: Path, output: Path) -> dict[str, float]:
    proc = subprocess.run([sys.executable, str(SHARED / "tools" / "score_extract.py"), str(gold), str(output), "--quiet"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    values = {}
    for line in proc.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and "/" in parts[1]:
            values[parts[0]] = float(parts[2])
        elif line.startswith("overall:"):
            values["overall"] = float(line.split()[1])
    return values


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, Path]:
    out = {}
    for name, inputs in (("seeds", sorted(str(p) for p in SEEDS.glob("*.txt"))), ("gold", [str(GOLD)])):
        proc = run_honours("extract", *inputs)
        assert proc.returncode == 0, proc.stderr
        path = tmp_path_factory.mktemp(name) / "out.jsonl"
        path.write_text(proc.stdout, encoding="utf-8")
        out[name] = path
    return out


def test_seed_scores_meet_the_acceptance_floors(extracted):
    got = scores(SEEDS / "gold.json", extracted["seeds"])
    for area, floor in SEED_FLOORS.items():
        assert got[area] >= floor, (area, got[area], floor)


def test_annotated_set_scores_never_fall_below_their_floors(extracted):
    got = scores(GOLD / "gold.json", extracted["gold"])
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))
    if os.environ.get("UPDATE_BASELINE"):
        floors = {
            area: max(floors.get(area, 0.0), round(got[area] - 0.0005, 3))
            for area in got
            if area != "stretch"
        }
        BASELINE.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    fallen = {area: (got.get(area), floor) for area, floor in floors.items() if got.get(area, 0.0) < floor}
    assert fallen == {}, f"below the pinned floors: {fallen}"


def test_every_span_points_at_its_surface_form(extracted):
    for name in ("seeds", "gold"):
        for line in extracted[name].read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            text = rec["text"]
            for kind in ("people", "collectives"):
                for item in rec[kind]:
                    a, b = item["span"]
                    assert text[a:b] == item["name"], (rec["source"], kind, item)
            for count in rec["counts"]:
                a, b = count["span"]
                assert text[a:b] == count["text"], (rec["source"], count)


def test_non_commendations_have_no_honourees(extracted):
    gold = json.loads((GOLD / "gold.json").read_text(encoding="utf-8"))
    negatives = {k for k, g in gold.items() if not k.startswith("_") and g.get("is_commendation") is False}
    assert len(negatives) >= 4
    for line in extracted["gold"].read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if Path(rec["source"]).name in negatives:
            assert rec["is_commendation"] is False and rec["collectives"] == [] and rec["events"] == []
            assert [p for p in rec["people"] if p["relation"] == "honouree"] == []
