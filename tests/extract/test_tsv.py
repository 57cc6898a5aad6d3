"""The one reader of the extractor's data files: every row gives its reason, or the file is refused."""

import json

import pytest
from floors import check_floors

from errors import ConfigError
from extract.tsv import LEXICONS, read_blocks, read_rows

DERIVED = {"names_zh_chars.tsv", "names_zh_words.tsv"}  # written by make_names_zh.py, its reason


def write(tmp_path, name: str, text: str):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_rows_and_blocks_with_their_reasons(tmp_path):
    folder = write(
        tmp_path, "t.tsv", "# kind<TAB>items<TAB>why\n\nrole\t书记 主任\ttitles\nrole\t部长\tmore titles\n"
    )
    assert read_rows("t.tsv", 3, folder=folder) == [
        ["role", "书记 主任", "titles"],
        ["role", "部长", "more titles"],
    ]
    assert read_blocks("t.tsv", folder=folder) == {"role": ["书记", "主任", "部长"]}


@pytest.mark.parametrize("row", ["书记\tleader\t", "书记\tleader\t  ", "书记\tleader"])
def test_a_row_without_a_reason_is_refused_naming_file_and_line(tmp_path, row):
    folder = write(
        tmp_path, "roles.tsv", f"# word<TAB>kind<TAB>why\n主任\tleader\thead of an office\n{row}\n"
    )
    with pytest.raises(ConfigError, match=r"roles\.tsv, line 3: "):
        read_rows("roles.tsv", 3, folder=folder)


def test_a_derived_table_must_name_the_script_that_writes_it(tmp_path):
    (tmp_path / "make.py").write_text("", encoding="utf-8")
    folder = write(tmp_path, "chars.tsv", "# derived by make.py\n王\t1.5\t\n")
    assert read_rows("chars.tsv", 3, derived_by="make.py", folder=folder) == [["王", "1.5", ""]]
    with pytest.raises(ConfigError, match="must name the script"):
        read_rows("chars.tsv", 3, derived_by="other.py", folder=folder)
    write(tmp_path, "bare.tsv", "# no header\n王\t1.5\t\n")
    with pytest.raises(ConfigError, match="must name the script"):
        read_rows("bare.tsv", 3, derived_by="make.py", folder=folder)


@pytest.mark.parametrize("path", sorted(LEXICONS.glob("*.tsv")), ids=lambda p: p.name)
def test_every_lexicon_row_gives_its_reason(path):
    first = next(x for x in path.read_text(encoding="utf-8").splitlines() if x.strip() and x[0] != "#")
    columns = len(first.split("\t"))
    derived = "make_names_zh.py" if path.name in DERIVED else None
    assert len(read_rows(path.name, columns, derived_by=derived)) > 0


def test_floors_never_drop_a_vanished_area_and_never_go_down(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"gold": {"event": 0.9, "overall": 0.8}}), encoding="utf-8")
    with pytest.raises(AssertionError, match=r"no longer measured: \['event'\]"):
        check_floors("gold", {"overall": 0.85}, path, update=True)
    assert json.loads(path.read_text(encoding="utf-8")) == {"gold": {"event": 0.9, "overall": 0.8}}
    check_floors("gold", {"event": 0.95, "overall": 0.8123, "new": 0.5}, path, update=True)
    assert json.loads(path.read_text(encoding="utf-8"))["gold"] == {
        "event": 0.95,
        "overall": 0.812,
        "new": 0.5,
    }
    with pytest.raises(AssertionError, match="below the pinned floors"):
        check_floors("gold", {"event": 0.94, "overall": 0.9, "new": 0.5}, path, update=True)
    assert json.loads(path.read_text(encoding="utf-8"))["gold"]["event"] == 0.95
