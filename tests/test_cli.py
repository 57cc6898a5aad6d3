"""`honours extract`: the record contract, the seed scores, and bad input."""

import json
import subprocess
import sys

import pytest
from conftest import SEEDS, SHARED, jsonl, run_honours

CONTRACT = {
    "id",
    "source",
    "site",
    "lang",
    "script",
    "title",
    "published",
    "text",
    "is_commendation",
    "cleaning",
    "people",
    "collectives",
    "events",
    "counts",
}


@pytest.fixture(scope="module")
def seed_records(tmp_path_factory):
    out = tmp_path_factory.mktemp("extract") / "seeds.jsonl"
    proc = run_honours(
        "extract", *sorted(str(p) for p in SEEDS.glob("*.txt")), "--format", "jsonl", "--tokens"
    )
    assert proc.returncode == 0, proc.stderr
    out.write_text(proc.stdout, encoding="utf-8")
    return out


def score(path) -> dict[str, float]:
    proc = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score_extract.py"),
            str(SEEDS / "gold.json"),
            str(path),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    values = {}
    for line in proc.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and "/" in parts[1]:
            values[parts[0]] = float(parts[2])
    return values


def test_records_follow_the_contract(seed_records):
    recs = jsonl(seed_records.read_text(encoding="utf-8"))
    assert len(recs) == 5
    for r in recs:
        assert set(r) >= CONTRACT
        assert set(r["cleaning"]) == {"pinyin", "emoji", "punct", "mojibake", "boilerplate", "spun"}
        assert r["tokens"] and all(r["text"][a:b].strip() == r["text"][a:b] != "" for a, b in r["tokens"])


def test_seed_cleaning_and_metadata_scores(seed_records):
    s = score(seed_records)
    assert s["cleaning"] >= 0.95 and s["metadata"] >= 0.90


def test_directories_recurse_and_warc_files_are_read(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_bytes((SEEDS / "000_3ea43f7ec754d5d6.txt").read_bytes())
    with open(tmp_path / "sub" / "b.warc.gz", "wb") as f:
        writer = WARCWriter(f, gzip=True)
        body = "<html><body><p>王芳是鼓楼街道桃源社区党委书记，获评2023年度“最美奋斗者”称号，事迹感人。</p><p>她扎根社区十余年，带领居民修缮老旧小区、组织志愿服务队，为独居老人送餐上门，深受群众好评。</p></body></html>".encode(
            "gbk"
        )
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        import io

        writer.write_record(
            writer.create_warc_record(
                "http://example.cn/a.html?utm_source=x",
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
            )
        )
    proc = run_honours("extract", str(tmp_path))
    recs = jsonl(proc.stdout)
    assert proc.returncode == 0, proc.stderr
    assert [r["source"] for r in recs] == [
        str(tmp_path / "sub" / "a.txt"),
        "http://example.cn/a.html?utm_source=x",
    ]
    assert recs[1]["site"] == "example.cn" and "王芳" in recs[1]["text"]


def test_bad_input_gives_one_line_each_and_the_rest_is_processed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(4000))
    (tmp_path / "undecodable.txt").write_bytes(bytes(range(128, 256)) * 40)
    (tmp_path / "noarticle.html").write_text(
        "<html><body><ul><li><a href='/'>首页</a></li></ul></body></html>", encoding="utf-8"
    )
    with open(tmp_path / "huge.txt", "wb") as f:
        f.truncate(50_000_000)
    good = SEEDS / "004_e0d689f9959444f4.txt"
    missing = tmp_path / "missing.txt"
    proc = run_honours("extract", str(tmp_path), str(good), str(missing))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 6, errors
    for name, reason in [
        ("empty.txt", "empty"),
        ("binary.html", "binary"),
        ("undecodable.txt", "undecodable"),
        ("noarticle.html", "no article"),
        ("huge.txt", "too large"),
        ("missing.txt", "no such file"),
    ]:
        assert any(name in e and reason in e for e in errors), (name, errors)
    assert [json.loads(line)["source"] for line in proc.stdout.splitlines()] == [str(good)]


def test_bad_usage_exits_2_with_one_line():
    proc = run_honours("extract", "--format", "xml", "x.txt")
    assert (
        proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    )
    proc = run_honours("nonsense")
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
