"""Golden files for the normaliser: the seeds and the sample pages, normalised.

Regenerate after a deliberate change with:  UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/normalize/test_golden.py
and read the diff before committing it.
"""

import json
import os
from pathlib import Path

import pytest
from conftest import SAMPLE_FILES

from normalize.sources import read_file

GOLDEN = Path(__file__).with_name("golden")
INPUTS = SAMPLE_FILES


def normalised(normalizer, path: Path) -> dict:
    a = normalizer.normalize(read_file(path, 20_000_000))
    return {
        "title": a.title,
        "published": a.published,
        "lang": a.lang,
        "script": a.script,
        "encoding": a.encoding,
        "cleaning": a.cleaning,
        "text": a.text.splitlines(),
    }


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_normaliser_output_matches_its_golden_file(normalizer, path):
    got = normalised(normalizer, path)
    golden = GOLDEN / f"{path.name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))
