"""Vetting a candidate list against past honours: for each candidate (a name, optionally with the
unit and the title proposed), the persons of the archive it may be, their prior honours with
evidence, and flags: `repeat` (the person already holds the title proposed, or one title twice),
`several` (the name matches several honoured persons), `other_unit` (none of them is in the unit
given), `truncated` (the name has more honours than a dossier reads, index/dossier.py MENTIONS:
the first stored were read). Bad rows (empty, too long, not text) are reported one each; the others
are checked."""

from __future__ import annotations

import queue
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from errors import StoreError
from index.dossier import MENTIONS, dossier, stored_names
from index.units import similar

MAX_NAME, MAX_LINE, MAX_ROWS = 40, 200, 10_000
SEPARATORS = re.compile(r"[,，\t;；]")
HEADERS = {"name", "姓名", "名字", "họ tên", "ho ten", "tên"}
COLUMNS = (
    "line",
    "name",
    "unit",
    "title",
    "status",
    "flags",
    "persons",
    "person_id",
    "person_units",
    "honour",
    "level",
    "year",
    "awarded_by",
    "article_id",
    "source",
    "evidence",
)


@dataclass(frozen=True)
class Candidate:
    line: int
    name: str
    unit: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


@dataclass(frozen=True)
class Prior:
    """One earlier honour of a person, with where it is written."""

    honour: str
    level: str | None
    year: int | None
    awarded_by: tuple[str, ...]
    article_id: str
    source: str
    evidence: str


@dataclass(frozen=True)
class Match:
    person_id: str
    units: tuple[str, ...]  # the organisations and places named with their honours
    in_unit: bool | None  # None when no unit was given
    honours: tuple[Prior, ...]
    repeat: tuple[str, ...]  # titles the person would hold again (or holds twice)


@dataclass(frozen=True)
class Finding:
    """What the archive says of one row: `status` bad | never (no honoured person of the name) |
    honoured."""

    line: int
    name: str
    unit: str | None
    title: str | None
    status: str
    flags: tuple[str, ...]
    matches: tuple[Match, ...] = ()
    reason: str = ""


def read_rows(data: bytes) -> list[Candidate | BadRow]:
    """One candidate per line, "name[,unit[,title]]" (also ，, tab or ;); a header line is skipped,
    and so are blank lines at the end."""
    lines = data.split(b"\n")
    while lines and not lines[-1].strip():
        lines.pop()
    out: list[Candidate | BadRow] = []
    for i, raw in enumerate(lines[:MAX_ROWS], 1):
        row = parse_line(raw, i)
        if not (i == 1 and isinstance(row, Candidate) and row.name.lower() in HEADERS):
            out.append(row)
    if len(lines) > MAX_ROWS:
        out.append(BadRow(MAX_ROWS + 1, f"more than {MAX_ROWS} rows: the rest was not read"))
    return out


def read_text(text: str) -> list[Candidate | BadRow]:
    return read_rows(text.encode("utf-8"))


def parse_line(raw: bytes, line: int) -> Candidate | BadRow:
    try:
        text = raw.decode("utf-8-sig" if line == 1 else "utf-8").strip()
    except UnicodeDecodeError:
        return BadRow(line, "not UTF-8 text")
    if "\x00" in text or any(unicodedata.category(c) == "Cc" for c in text if c != "\t"):
        return BadRow(line, "not text (control characters)")
    if not text:
        return BadRow(line, "empty")
    if len(text) > MAX_LINE:
        return BadRow(line, f"too long ({len(text)} characters, at most {MAX_LINE})")
    name, unit, title = ([p.strip() for p in SEPARATORS.split(text, 2)] + ["", ""])[:3]
    name = unicodedata.normalize("NFC", name.strip("\"'"))
    if not name:
        return BadRow(line, "no name")
    if len(name) > MAX_NAME:
        return BadRow(line, f"name too long ({len(name)} characters, at most {MAX_NAME})")
    return Candidate(line, name, unit or None, title or None)


def check(archive, rows: Iterable[Candidate | BadRow], threads: int = 1) -> list[Finding]:
    """Each row's finding, in the order given. With `threads` > 1 the candidates' honours are read
    ahead by that many threads, each through a read-only connection of its own: SQLite reads run
    outside Python's lock, so the next names are read while this one is weighed."""
    rows = list(rows)
    wanted = {r.name: stored_names(archive, r.name) for r in rows if isinstance(r, Candidate)}
    stores = _stores(archive, threads) if threads > 1 and len(wanted) > 1 else []
    free: queue.SimpleQueue = queue.SimpleQueue()
    for s in stores or [archive.store]:
        free.put(s)

    def read(names: list[str]) -> tuple[list, list]:
        store = free.get()
        try:
            return names, store.dossier_rows(names, MENTIONS + 1, honoured=True) if names else []
        finally:
            free.put(store)

    ahead: dict = {}
    with ThreadPoolExecutor(max(1, len(stores))) as pool:
        try:
            if stores:
                ahead = {n: pool.submit(read, names) for n, names in wanted.items()}
            return [
                Finding(r.line, "", None, None, "bad", ("bad_row",), reason=r.reason)
                if isinstance(r, BadRow)
                else candidate(archive, r, ahead[r.name].result() if ahead else read(wanted[r.name]))
                for r in rows
            ]
        finally:
            for f in ahead.values():
                f.cancel()
            pool.shutdown(wait=True)
            for s in stores:
                s.close()


def _stores(archive, threads: int) -> list:
    """A read-only store connection per thread, or none when they cannot open."""
    from index.store import ReadOnlyStore

    stores = []
    try:
        for _ in range(threads):
            stores.append(ReadOnlyStore(archive.dir / "archive.sqlite"))
    except StoreError:
        for s in stores:
            s.close()
        return []
    return stores


def candidate(archive, c: Candidate, ahead: tuple[list, list] | None = None) -> Finding:
    """`ahead`: the name's stored names and their honoured mentions, as `check` reads them."""
    read = dossier(archive, c.name, honoured=True, read=ahead)
    matches = [_match(p, c) for p in read["people"]]
    matches = [m for m in matches if m.honours]
    flags = []
    if c.unit and matches and not any(m.in_unit for m in matches):
        flags.append("other_unit")
    elif c.unit:
        matches = [m for m in matches if m.in_unit]
    if len(matches) > 1:
        flags.append("several")
    if any(m.repeat for m in matches):
        flags.append("repeat")
    if read.get("truncated"):
        flags.append("truncated")
    status = "honoured" if matches else "never"
    return Finding(c.line, c.name, c.unit, c.title, status, tuple(flags), tuple(matches))


def _match(person: dict, c: Candidate) -> Match:
    units = tuple(dict.fromkeys(person["orgs"] + person["places"]))
    honours = tuple(
        Prior(
            h.get("honour_title") or h["honour"],
            h.get("level"),
            h.get("year"),
            tuple(h.get("awarded_by") or ()),
            h["article_id"],
            h["source"],
            h["evidence"],
        )
        for h in person["honours"]
        if h["relation"] == "honouree" and h.get("honour")
    )
    titles = Counter(p.honour for p in honours)
    if c.title:
        repeat = tuple(t for t in titles if c.title in t or t in c.title)
    else:
        repeat = tuple(t for t, n in titles.items() if n > 1)
    in_unit = None
    if c.unit:
        in_unit = any(similar(c.unit, u) or c.unit in u for u in units)
    return Match(person["person_id"], units, in_unit, honours, repeat)


def report_rows(findings: Iterable[Finding]) -> list[list]:
    """The report as table rows (COLUMNS): one per prior honour of each person a candidate may be;
    one for a candidate with none, and one for a bad row."""
    out = []
    for f in findings:
        flags = f"bad: {f.reason}" if f.status == "bad" else " ".join(f.flags)
        head = [f.line, f.name, f.unit or "", f.title or "", f.status, flags, len(f.matches)]
        for m in f.matches:
            for p in m.honours:
                out.append(
                    head
                    + [
                        m.person_id,
                        "、".join(m.units),
                        p.honour,
                        p.level or "",
                        p.year or "",
                        "、".join(p.awarded_by),
                        p.article_id,
                        p.source,
                        p.evidence,
                    ]
                )
        if not f.matches:
            out.append(head + [""] * 9)
    return out


def write_report(findings: list[Finding], target: Path | None, out) -> None:
    """The report as CSV: to `target` with a byte-order mark, else to the text stream `out`; a cell a
    spreadsheet would run as a formula is neutralised (index.export.cells)."""
    import csv

    from index.export import cells

    rows = [list(COLUMNS)] + [cells(r) for r in report_rows(findings)]
    if target is None:
        csv.writer(out).writerows(rows)
        return
    with open(target, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
