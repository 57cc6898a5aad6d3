"""tests/shared is a copy of ../shared: when ../shared is present, the two must not have drifted."""

import filecmp

from conftest import ROOT, SHARED

ORIGINAL = ROOT.parent / "shared"


def test_the_copy_matches_shared_when_shared_is_present():
    files = sorted(p.relative_to(SHARED) for p in SHARED.rglob("*") if p.is_file() and p.name != "README.md")
    assert len(files) >= 15
    if not ORIGINAL.is_dir():  # a lone clone (CI): the copy is all there is
        return
    differ = [str(f) for f in files if not filecmp.cmp(SHARED / f, ORIGINAL / f, shallow=False)]
    assert differ == [], f"tests/shared is out of date; copy these from ../shared: {differ}"
