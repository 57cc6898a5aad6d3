"""CSV exports that a spreadsheet opens safely (issue 12.6, 12.13): no cell starts a formula, and
booleans are written true / false. Through the real `honours export --format csv`."""

from __future__ import annotations

import csv

from conftest import run_honours

from index.export import CSV_COLUMNS, FORMULA_STARTS, cells

# A title, an organisation and an evidence sentence that a spreadsheet would run as formulas.
ARTICLE = """=HYPERLINK("http://evil.example/","关于表彰先进个人的决定")
发布日期：2024-04-28
@所有人 经研究决定，授予王小明同志“优秀共产党员”称号。
-光明社区党委书记李红同志被评为“优秀共产党员”。
希望受表彰的同志珍惜荣誉，戒骄戒躁，在各自岗位上再创佳绩，为全县发展作出新的更大贡献。
"""


def test_no_cell_of_a_csv_export_starts_a_formula(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "award.txt").write_text(ARTICLE, encoding="utf-8")
    data = tmp_path / "data"
    assert run_honours("--data-dir", str(data), "ingest", str(src)).returncode == 0
    out = tmp_path / "people.csv"
    done = run_honours("--data-dir", str(data), "export", "--format", "csv", "-o", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows and list(rows[0]) == list(CSV_COLUMNS)
    for row in rows:
        for column, value in row.items():
            assert not value.startswith(FORMULA_STARTS), (column, value)
        assert row["posthumous"] in ("true", "false")
    people = {r["name"]: r for r in rows}
    assert people["王小明"]["article_title"] == "'" + ARTICLE.splitlines()[0]  # kept whole, neutralised
    assert people["王小明"]["title"] == "优秀共产党员"  # the honour's canonical title
    assert people["王小明"]["evidence"].startswith("'@所有人")
    assert people["李红"]["evidence"].startswith("'-光明社区")
    assert people["李红"]["org"] in ("'-光明社区", "光明社区")  # as the extractor reads the dash, neutralised


def test_cells_neutralise_every_formula_start_and_write_booleans_one_way():
    row = ["=1+2", "+3", "-4", "@SUM(A1)", "\tx", "\rx", "王芳", "a=b", True, False, 2023, None, ""]
    assert cells(row) == [
        "'=1+2",
        "'+3",
        "'-4",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "王芳",
        "a=b",
        "true",
        "false",
        2023,
        None,
        "",
    ]
