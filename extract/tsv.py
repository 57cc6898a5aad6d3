"""The one reader of the extractor's data files (lexicons/*.tsv).

A data file holds tab-separated rows; blank lines and `#` comment lines are skipped. The last cell
of every row says why the row is there: a row without that reason, or with the wrong number of
cells, is refused with an error naming the file and the line. A table a script derives (from
jieba's dictionary) is the exception: its header names the script, and the script is its reason.
"""

from __future__ import annotations

from pathlib import Path

from errors import ConfigError

LEXICONS = Path(__file__).with_name("lexicons")


def read_rows(
    name: str, columns: int, derived_by: str | None = None, folder: Path = LEXICONS
) -> list[list[str]]:
    """The cells of each row of folder/`name`, `columns` of them, the last one the row's reason
    (not checked when `derived_by` names the script that wrote the file)."""
    path = folder / name
    lines = path.read_text(encoding="utf-8").splitlines()
    if derived_by is not None:
        _check_derived(path, lines, derived_by)
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != columns:
            raise ConfigError(f"{path}, line {number}: {len(cells)} tab-separated cells, expected {columns}")
        if derived_by is None and not cells[-1].strip():
            raise ConfigError(f"{path}, line {number}: the row gives no reason (its last cell is empty)")
        rows.append(cells)
    return rows


def read_blocks(name: str, folder: Path = LEXICONS) -> dict[str, list[str]]:
    """kind -> items, from rows `kind<TAB>item item ...<TAB>why` (a kind may span several rows)."""
    out: dict[str, list[str]] = {}
    for kind, items, _why in read_rows(name, 3, folder=folder):
        out.setdefault(kind, []).extend(items.split())
    return out


def _check_derived(path: Path, lines: list[str], script: str) -> None:
    """A derived table must name, in its header, the script (next to it) that wrote it."""
    header = " ".join(line for line in lines[:10] if line.startswith("#"))
    if script not in header or not (path.parent / script).is_file():
        raise ConfigError(f"{path}: a table without reasons must name the script that derives it ({script})")
