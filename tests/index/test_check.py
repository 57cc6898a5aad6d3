"""`honours check`: a candidate list of 50 names against an archive where 20 were honoured once, 10
twice with the same title, 5 are names of two people each and 15 were never honoured; bad rows
reported one each without stopping the rest."""

from __future__ import annotations

import csv

import pytest
from conftest import make_archive, run_honours
from linking_cases import check_archive

from index.check import BadRow, Candidate, _stores, check, read_rows, read_text


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    root = tmp_path_factory.mktemp("check")
    (root / "pages").mkdir()
    found = check_archive(root / "pages")
    make_archive(root / "data", root / "pages").close()
    return root, found


def report(path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def test_every_candidate_is_reported_rightly(case, tmp_path):
    root, found = case
    names = tmp_path / "names.txt"
    names.write_text("\n".join(found.names) + "\n", encoding="utf-8")
    done = run_honours("--data-dir", str(root / "data"), "check", str(names), "-o", str(tmp_path / "r.csv"))
    assert done.returncode == 0, done.stderr
    rows = report(tmp_path / "r.csv")
    by_name: dict[str, list[dict]] = {}
    for r in rows:
        by_name.setdefault(r["name"], []).append(r)
    assert set(by_name) == set(found.names)
    for name, (status, flags) in found.expected.items():
        got = by_name[name]
        assert {r["status"] for r in got} == {status}, name
        assert set(got[0]["flags"].split()) == set(flags), (name, got[0]["flags"])
        if "repeat" in flags:
            assert [(r["year"], r["level"]) for r in got] == [("2019", "county"), ("2023", "prefecture")]
            assert {r["honour"] for r in got} == {"劳动模范"} and all(r["article_id"] for r in got)
        if "several" in flags:
            assert got[0]["persons"] == "2" and len({r["person_id"] for r in got}) == 2
        if status == "honoured":
            assert all(name in r["evidence"] and r["level"] in ("county", "prefecture") for r in got), name


def test_a_unit_narrows_and_a_title_flags_a_repeat(case):
    root, found = case
    from config import Settings
    from index.archive import Archive

    shared, twice = found.names[30], found.names[20]
    with Archive(Settings(data_dir=root / "data"), create=False) as archive:
        one, title, other = check(
            archive,
            [
                Candidate(1, shared, "石林县"),
                Candidate(2, twice, None, "劳动模范"),
                Candidate(3, shared, "呈贡区"),
            ],
        )
    assert one.status == "honoured" and len(one.matches) == 1 and "several" not in one.flags
    assert "repeat" in title.flags and title.matches[0].repeat == ("劳动模范",)
    assert "other_unit" in other.flags


def test_bad_rows_get_a_line_each_and_the_rest_is_checked(case, tmp_path):
    root, found = case
    names = tmp_path / "names.csv"
    lines = [b"name,unit", found.names[0].encode(), b"", "长".encode() * 300, b"\x89PNG\x00\x1a", b"\xff\xfe\xfa",
             f"=HYPERLINK(1),{found.names[21]}".encode(), f"{found.names[40]}，桃源社区".encode()]  # fmt: skip
    names.write_bytes(b"\n".join(lines) + b"\n\n")
    done = run_honours("--data-dir", str(root / "data"), "check", str(names), "-o", str(tmp_path / "r.csv"))
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 4, done.stderr
    rows = report(tmp_path / "r.csv")
    assert [r["line"] for r in rows if r["status"] == "bad"] == ["3", "4", "5", "6"]
    assert next(r for r in rows if r["line"] == "2")["status"] == "honoured"
    assert next(r for r in rows if r["line"] == "8")["status"] == "never"
    assert next(r for r in rows if r["line"] == "7")["name"].startswith("'=")  # neutralised formula


def test_rows_are_read_as_names_units_and_titles():
    rows = read_rows("王芳，桃源社区\n李强\t盘龙区\t劳动模范\n".encode())
    assert rows == [Candidate(1, "王芳", "桃源社区"), Candidate(2, "李强", "盘龙区", "劳动模范")]
    assert isinstance(read_text(" \n王芳")[0], BadRow)
    out = run_honours("check", "/nonexistent/names.txt", "--data-dir", "/nonexistent")
    assert out.returncode == 1 and out.stderr.startswith("honours:")


def test_a_name_with_more_honours_than_a_dossier_reads_is_flagged(case, monkeypatch):
    root, found = case
    from config import Settings
    from index import dossier
    from index.archive import Archive

    twice = found.names[20]
    with Archive(Settings(data_dir=root / "data"), create=False) as archive:
        (whole,) = check(archive, [Candidate(1, twice)])
        monkeypatch.setattr(dossier, "MENTIONS", 1)
        (cut,) = check(archive, [Candidate(1, twice)])
    assert "truncated" not in whole.flags and sum(len(m.honours) for m in whole.matches) == 2
    assert "truncated" in cut.flags and sum(len(m.honours) for m in cut.matches) == 1


def test_threads_read_the_same_findings_as_one(case):
    root, found = case
    from config import Settings
    from index.archive import Archive

    rows = [Candidate(i, n) for i, n in enumerate(found.names, 1)] + [BadRow(99, "empty")]
    with Archive(Settings(data_dir=root / "data"), create=False) as archive:
        alone = check(archive, rows)
        shared = check(archive, rows, threads=3)
        stores = _stores(archive, 3)  # three connections of their own, not the archive's thrice
        assert len({id(s.db) for s in stores} | {id(archive.store.db)}) == 4
        for s in stores:
            s.close()
    assert shared == alone and [f.line for f in shared] == [r.line for r in rows]
    assert sum(f.status == "honoured" for f in shared) >= 35  # not an empty answer twice
