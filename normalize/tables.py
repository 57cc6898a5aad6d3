"""Readers for the rule and lexicon files: tab-separated, `#` comments, one reason per entry."""

from __future__ import annotations

from pathlib import Path


def read_rows(path: Path) -> list[list[str]]:
    """The tab-separated cells of each line; blank lines and `#` comments skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def read_blocks(path: Path) -> dict[str, list[str]]:
    """kind -> items, from lines `kind<TAB>item item ...<TAB>why`."""
    out: dict[str, list[str]] = {}
    for kind, items, *_ in (row + [""] for row in read_rows(path)):
        out.setdefault(kind, []).extend(items.split())
    return out
