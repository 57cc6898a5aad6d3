"""Honour records end to end (issue 13): `honours extract` gives every person and collective its
honours; the store keeps them in their own table; facets show canonical titles and real places;
exports are one row per honour of each cluster's canonical article, in CSV, JSONL and Parquet.
Everything through the real CLI over a real archive. The pages in honour_pages/ are invented (the
places are real): a county decision, a copy of it from another site, a content-farm copy with
injected commas and pinyin, and two Vietnamese ward pages writing "người tốt(,) việc tốt" two ways."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from conftest import jsonl, run_honours

from extract.places import resolve
from index.export import COLLECTIVE_COLUMNS, CSV_COLUMNS
from index.store import Store

PAGES = Path(__file__).parent / "honour_pages"
ORIGINAL = "shilin.txt"  # shilin_repost.txt and shilin_farm.txt are its copies


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    proc = run_honours("extract", str(PAGES))
    assert proc.returncode == 0, proc.stderr
    return {Path(r["source"]).name: r for r in jsonl(proc.stdout)}


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("honours-archive")
    proc = run_honours("--data-dir", str(data), "ingest", str(PAGES))
    assert proc.returncode == 0, proc.stderr
    return data


def export(data: Path, out: Path, fmt: str, *more: str) -> dict:
    proc = run_honours("--data-dir", str(data), "export", "--format", fmt, "-o", str(out), *more)
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.with_name(out.name + ".manifest.json").read_text(encoding="utf-8"))


def read_csv(path: Path) -> list[dict]:
    return list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


def test_every_person_and_collective_carries_its_honour_records(records):
    rec = records[ORIGINAL]
    assert rec["people"] and rec["collectives"]
    for item in rec["people"] + rec["collectives"]:
        assert isinstance(item["honours"], list)
    honoured = {p["name"]: p["honours"] for p in rec["people"] if p["relation"] == "honouree"}
    assert set(honoured) == {"周明远", "李秀兰", "王德发"}
    for held in honoured.values():
        (h,) = held
        assert (h["title"], h["as_written"], h["level"], h["place"]) == (
            "劳动模范",
            "石林县劳动模范",
            "county",
            "石林县",
        )
        assert h["awarded_by"] == ["中共石林县委", "石林县人民政府"] and h["status"] == "awarded"
        assert h["date"] == "2024-04-28" and h["year"] == 2024 and h["place_code"] == "530126"
        assert rec["text"][slice(*h["span"])] == "石林县劳动模范"
    assert {c["honours"][0]["title"] for c in rec["collectives"]} == {"先进集体"}
    event = rec["events"][0]
    assert event["place"] == "石林县" and resolve(event["place"], "zh") is not None


def test_event_places_are_divisions_never_fragments(records):
    for rec in records.values():
        for event in rec["events"]:
            assert event["place"] is None or resolve(event["place"], rec["lang"]) is not None, event


def test_the_store_keeps_honours_in_their_own_table(archive, records):
    rows = sqlite3.connect(archive / "archive.sqlite").execute(
        "SELECT a.source, h.owner, h.title, h.level FROM honours h JOIN articles a ON a.id = h.article_id"
    )
    stored = {(Path(s).name, owner, title, level) for s, owner, title, level in rows}
    assert (ORIGINAL, "person", "劳动模范", "county") in stored
    assert (ORIGINAL, "collective", "先进集体", "county") in stored
    store = Store(archive / "archive.sqlite")
    try:
        rec = records[ORIGINAL]
        found = store.extraction(store.article(rec["id"]))
        for n, person in enumerate(rec["people"]):
            back = [h.as_dict() for h in found.honours_of("person", n)]
            assert back == person["honours"]  # frozen records read back to what was extracted
    finally:
        store.close()


def test_facets_show_canonical_titles_and_real_places(archive):
    proc = run_honours("--data-dir", str(archive), "search", "--json", "--limit", "50")
    assert proc.returncode == 0, proc.stderr
    facets = json.loads(proc.stdout)["facets"]
    titles = set(facets["honour"])
    assert "劳动模范" in titles and "石林县劳动模范" not in titles
    assert "người tốt, việc tốt" not in titles
    for place in facets["place"]:
        assert resolve(place) is not None, place  # never 还有温泉街道, 十四届张家港市
    people = run_honours("--data-dir", str(archive), "search", "--kind", "person", "--json", "--limit", "50")
    facets = json.loads(people.stdout)["facets"]
    assert facets["honour"].get("劳动模范") == 3
    assert facets["place"].get("石林县") == 2 and facets["place"].get("长湖镇") == 1  # 周明远's own place
    # a place filters to the people honoured there, and the province above the county finds them too
    for place in ("石林县", "云南省"):
        found = run_honours(
            "--data-dir", str(archive), "search", "--kind", "person", "--place", place, "--json"
        )
        assert {h["name"] for h in json.loads(found.stdout)["hits"]} == {"周明远", "李秀兰", "王德发"}


def test_csv_export_is_one_row_per_honour_of_each_cluster(archive, records, tmp_path):
    out = tmp_path / "honours.csv"
    manifest = export(archive, out, "csv")
    rows = read_csv(out)
    assert rows and list(rows[0]) == list(CSV_COLUMNS)
    shilin = [r for r in rows if r["title"] == "劳动模范"]
    assert sorted(r["name"] for r in shilin) == ["周明远", "李秀兰", "王德发"]  # not three times over
    assert {r["cluster"] for r in shilin} and len({r["article_id"] for r in shilin}) == 1
    li = next(r for r in shilin if r["name"] == "李秀兰")
    assert (li["gender"], li["ethnicity"], li["level"], li["place"]) == ("F", "彝族", "county", "石林县")
    assert li["awarded_by"] == "中共石林县委; 石林县人民政府" and li["status"] == "awarded"
    assert li["url"].endswith(".txt") and li["lang"] == "zh" and "李秀兰" in li["evidence"]
    assert all(r["person_id"] for r in shilin) and len({r["person_id"] for r in shilin}) == 3  # linked
    honours = sum(len(p["honours"]) for r in records.values() if r["source"].endswith(ORIGINAL)
                  for p in r["people"])  # fmt: skip
    assert honours == 3
    assert manifest["counts"]["rows"] == len(rows)
    assert manifest["versions"]["program"] and manifest["versions"]["store_schema"] >= 3
    collectives = read_csv(out.with_name("honours.collectives.csv"))
    assert list(collectives[0]) == list(COLLECTIVE_COLUMNS)
    assert sorted(r["name"] for r in collectives if r["title"] == "先进集体") == [
        "石林县人民医院急诊科",
        "鹿阜街道环卫所",
    ]
    # every copy: the reposts add their rows
    every = tmp_path / "every.csv"
    assert export(archive, every, "csv", "--all-reposts")["all_reposts"] is True
    copies = [r for r in read_csv(every) if r["title"] == "劳动模范"]
    assert len(copies) == 9 and len({r["person_id"] for r in copies}) == 3  # reposts: the same people


def test_a_query_export_lists_its_query(archive, tmp_path):
    out = tmp_path / "q.csv"
    manifest = export(archive, out, "csv", "--query", "周明远", "--kind", "person")
    assert manifest["query"]["text"] == ["周明远"] and manifest["query"]["kind"] == "person"
    assert {r["name"] for r in read_csv(out)} == {"周明远"}


def test_jsonl_export_writes_the_honour_tables_beside_the_articles(archive, tmp_path):
    out = tmp_path / "all.jsonl"
    manifest = export(archive, out, "jsonl")
    articles = jsonl(out.read_text(encoding="utf-8"))
    assert len(articles) == manifest["counts"]["articles"] == 5
    assert all("honours" in p for a in articles for p in a["people"])
    rows = jsonl(out.with_name("all.honours.jsonl").read_text(encoding="utf-8"))
    assert sorted(r["name"] for r in rows if r["title"] == "劳动模范") == ["周明远", "李秀兰", "王德发"]
    assert all(list(r) == list(CSV_COLUMNS) for r in rows)
    assert manifest["counts"]["all.honours.jsonl"] == len(rows)


def test_parquet_reads_back_to_the_rows_of_the_csv(archive, tmp_path):
    import pyarrow.parquet as pq

    export(archive, tmp_path / "h.csv", "csv")
    manifest = export(archive, tmp_path / "h.parquet", "parquet")
    assert manifest["versions"]["pyarrow"]
    for name, columns in (("h", CSV_COLUMNS), ("h.collectives", COLLECTIVE_COLUMNS)):
        table = pq.read_table(tmp_path / f"{name}.parquet")
        assert tuple(table.column_names) == columns
        as_text = [
            {
                k: "" if v is None else ("true" if v is True else "false" if v is False else str(v))
                for k, v in row.items()
            }
            for row in table.to_pylist()
        ]
        assert as_text == read_csv(tmp_path / f"{name}.csv")
