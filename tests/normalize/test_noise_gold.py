"""The normaliser on the issue-11 regression documents (tests/extract/gold/noise_*, gold in
cleaning.json): required text present, chrome and farm residue gone, title, date, language and script
right. The extractor's scores on the same documents are checked with the other gold sets."""

import json
import unicodedata
from pathlib import Path

import pytest

from normalize.sources import read_file

GOLD_DIR = Path(__file__).parents[1] / "extract" / "gold"
GOLD = {
    k: v
    for k, v in json.loads((GOLD_DIR / "cleaning.json").read_text(encoding="utf-8")).items()
    if k[0] != "_"
}


def squash(s: str | None) -> str:
    return "".join(unicodedata.normalize("NFC", s or "").split())


@pytest.mark.parametrize("name", sorted(GOLD))
def test_noise_document(normalizer, name):
    gold = GOLD[name]
    a = normalizer.normalize(read_file(GOLD_DIR / name, 20_000_000))
    text = squash(a.text)
    assert [s for s in gold.get("must_contain", []) if squash(s) not in text] == []
    assert [s for s in gold.get("must_not_contain", []) if squash(s) in text] == []
    assert squash(a.title) == squash(gold["title"])
    assert (a.published, a.lang, a.script) == (gold["published"], gold["lang"], gold.get("script"))
