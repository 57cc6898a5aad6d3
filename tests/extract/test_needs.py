"""extract/needs.py: the characters a regex needs, and that skipping by them changes nothing."""

import re
from pathlib import Path

from extract import commendation
from extract.needs import may_match, needs

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def test_needs():
    assert needs(re.compile("x?y")) == {"y"}
    assert needs(re.compile(r"\d+ (?:tập|cá)")) == {"ậ", "á"}  # the rarest-looking piece of each branch
    assert needs(re.compile("(?:foo)?")) is None and needs(re.compile(r"\d{2}")) is None
    assert {"K", "k", "\u212a"} <= needs(re.compile("(?i:K)"))  # the Kelvin sign too, as re decides
    assert not may_match(needs(re.compile("Điều")), set("第三条")) and may_match(None, set())


def test_evidence_unchanged_by_skipping(monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] or ["授予张三同志称号"]
    screened = [commendation.evidence(t[:40], t) for t in texts]
    monkeypatch.setattr(commendation, "may_match", lambda need, chars: True)
    assert [commendation.evidence(t[:40], t) for t in texts] == screened
