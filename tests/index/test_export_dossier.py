"""Exports (JSONL, CSV, vertical, manifests) and person dossiers."""

import csv
import hashlib
import json

import pytest
from conftest import run_honours

from index.dossier import dossier, evidence_for
from index.export import ExportError, export
from index.query import parse


def manifest_matches(path) -> dict:
    manifest = json.loads(path.with_name(path.name + ".manifest.json").read_text(encoding="utf-8"))
    assert (
        manifest["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        and manifest["bytes"] == path.stat().st_size
    )
    assert manifest["program"]["name"] == "honours-archive" and manifest["created"]
    return manifest


def test_jsonl_has_spans_entities_and_provenance(seeded, tmp_path):
    out = tmp_path / "all.jsonl"
    manifest = export(seeded, "jsonl", out)
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == manifest["counts"]["articles"] == seeded.store.stats()["articles"]
    for r in recs:
        assert r["tokens"] and all(r["text"][a:b].strip() for a, b in r["tokens"])
        assert {"source", "fetched", "raw_sha1", "cleaning", "version"} <= set(r["provenance"])
        assert all(r["text"][p["span"][0] : p["span"][1]] == p["name"] for p in r["people"])
    manifest_matches(out)


def test_csv_is_one_row_per_honour_with_a_bom(seeded, tmp_path):
    out = tmp_path / "honourees.csv"
    manifest = export(seeded, "csv", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == manifest["counts"]["rows"]
    store = seeded.store
    expected = 0  # each honour of a canonical article's people, and honourees without one
    for a in store.live_ids():
        if store.member(a).canonical:
            found = store.extraction(store.article(a, tokens=False))
            for n, p in enumerate(found.people):
                expected += len(found.honours_of("person", n)) or p.relation == "honouree"
    assert len(rows) == expected
    wang = [r for r in rows if r["name"] == "王芳"]
    assert wang and wang[0]["role"] == "党委书记" and "王芳" in wang[0]["evidence"]
    manifest_matches(out)


def test_vertical_format_and_a_query_subset(seeded, tmp_path):
    out = tmp_path / "q.vert"
    q = parse("王芳", kind="person")
    manifest = export(seeded, "vert", out, q)
    text = out.read_text(encoding="utf-8")
    assert text.count("<doc ") == text.count("</doc>") == manifest["counts"]["articles"] == 2
    assert "\n王芳\n" in text and 'lang="zh"' in text
    assert manifest["query"]["text"] == ["王芳"] and manifest["query"]["kind"] == "person"
    manifest_matches(out)


def test_export_refuses_a_missing_directory_and_writes_nothing(seeded, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export(seeded, "jsonl", tmp_path / "nope" / "x.jsonl")
    assert not (tmp_path / "nope").exists()
    proc = run_honours(
        "--data-dir", str(seeded.dir), "export", "--format", "csv", "-o", str(tmp_path / "ok.csv")
    )
    assert proc.returncode == 0 and (tmp_path / "ok.csv.manifest.json").exists()


def test_dossier_groups_one_persons_honours_across_articles(seeded):
    found = dossier(seeded, "王芳")
    assert len(found["people"]) == 1
    person = found["people"][0]
    assert {h["honour"] for h in person["honours"]} == {"最美奋斗者", "最美社区工作者"}
    assert all("王芳" in h["evidence"] and h["source"] for h in person["honours"])
    assert dossier(seeded, "wang fang")["people"][0]["name"] == "王芳"
    assert dossier(seeded, "藍波")["people"][0]["honours"][0]["honour"] == "一等奖"
    assert dossier(seeded, "tran van chanh")["people"][0]["name"] == "Trần Văn Chánh"
    assert dossier(seeded, "无此人")["people"] == []


def test_a_dossier_read_without_its_text_finds_the_same_evidence_later(seeded):
    """A person page reads the text only for the honours it lists (evidence_for), and must show
    the same sentences the full dossier finds."""
    for name in ("王芳", "藍波", "tran van chanh"):
        full = [h for p in dossier(seeded, name)["people"] for h in p["honours"]]
        later = [h for p in dossier(seeded, name, evidence=False)["people"] for h in p["honours"]]
        evidence_for(seeded, later)
        assert full and later == full


def test_person_command(seeded):
    proc = run_honours("--data-dir", str(seeded.dir), "--engine", seeded.engine_name, "person", "王芳")
    assert proc.returncode == 0 and "最美奋斗者" in proc.stdout and "党委书记" in proc.stdout


def test_a_dossier_finds_a_name_as_written_before_converting_it(tmp_path):
    """於 is a surname of its own in simplified Chinese: 於秀兰's page must not look for 于秀兰."""
    from conftest import make_archive

    page = tmp_path / "in" / "notice.txt"
    page.parent.mkdir()
    page.write_text(
        "关于表彰2023年度优秀共产党员的决定\n经研究，决定授予红岩村党支部书记於秀兰同志“优秀共产党员”称号。\n",
        encoding="utf-8",
    )
    archive = make_archive(tmp_path / "data", page.parent)
    try:
        found = dossier(archive, "於秀兰")["people"]
        assert [p["name"] for p in found] == ["於秀兰"]
    finally:
        archive.close()
