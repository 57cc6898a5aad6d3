"""Inputs that used to be lost or read wrong (issue 12): a file name that is not UTF-8, a symlink
loop, a directory without documents, a truncated WARC, and the non-article pages of a crawl's WARC
files. Each through the real `honours` command, in a fresh data directory."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
from pathlib import Path

from conftest import ARTICLES, HONOURS, ROOT, SEEDS, crawl, paths, run_honours, stored

SEED = sorted(SEEDS.glob("*.txt"))


def live_sources(data: Path) -> list[str]:
    db = sqlite3.connect(data / "archive.sqlite")
    try:
        return sorted(r[0] for r in db.execute("SELECT source FROM articles WHERE superseded_by IS NULL"))
    finally:
        db.close()


def test_a_file_name_that_is_not_utf8_is_read_under_its_escaped_name(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(SEED[0].read_bytes())
    (src / "b.txt").write_bytes(SEED[2].read_bytes())
    with open(os.fsencode(src) + b"/caf\xe9.txt", "wb") as f:  # Latin-1 é: not valid UTF-8
        f.write(SEED[1].read_bytes())
    data = tmp_path / "data"
    done = run_honours("--data-dir", str(data), "ingest", str(src))
    assert done.returncode == 0, done.stderr
    assert "internal error" not in done.stderr
    assert live_sources(data) == sorted([f"{src}/a.txt", f"{src}/b.txt", f"{src}/caf\\xe9.txt"])

    again = run_honours("--data-dir", str(data), "ingest", str(src))  # the same name on every run
    assert again.returncode == 0 and "3 unchanged" in again.stdout, again.stdout + again.stderr

    out = tmp_path / "out.jsonl"
    with open(out, "wb") as f:  # the bytes as written, not decoded by the test
        extracted = subprocess.run(
            [*HONOURS, "extract", str(src)], cwd=ROOT, stdout=f, stderr=subprocess.PIPE, timeout=300
        )
    assert extracted.returncode == 0, extracted.stderr
    records = [json.loads(line) for line in out.read_bytes().decode("utf-8").splitlines()]  # valid UTF-8
    assert sorted(Path(r["source"]).name for r in records) == ["a.txt", "b.txt", "caf\\xe9.txt"]


def test_a_symlink_loop_and_a_directory_without_documents_are_reported(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop.name)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF-1.4")
    done = run_honours("extract", str(loop), str(empty))
    assert done.returncode == 1 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert any(str(loop) in line and "symlink loop" in line for line in lines), done.stderr
    assert any(f"0 documents found in {empty}" in line for line in lines), done.stderr
    assert "Traceback" not in done.stderr

    ingested = run_honours("--data-dir", str(tmp_path / "data"), "ingest", str(empty))
    assert ingested.returncode == 1 and "0 documents found" in ingested.stderr


def _warc(path: Path, pages: list[tuple[str, bytes]]) -> list[int]:
    """A WARC file of HTTP 200 responses, one gzip member each; the offset of each record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    offsets = []
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for url, body in pages:
            offsets.append(f.tell())
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/plain; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
    return offsets


def test_a_truncated_warc_record_is_reported_and_not_stored(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    warc = src / "cut.warc.gz"
    urls = [f"http://example.org/{i}.html" for i in range(3)]
    offsets = _warc(warc, [(u, p.read_bytes()) for u, p in zip(urls, SEED, strict=False)])
    data = warc.read_bytes()
    warc.write_bytes(
        data[: offsets[2] + (len(data) - offsets[2]) * 3 // 4]
    )  # the last record loses a quarter
    store = tmp_path / "data"
    done = run_honours("--data-dir", str(store), "ingest", str(src))
    assert done.returncode == 1
    assert f"{warc}#{offsets[2]}" in done.stderr and "truncated" in done.stderr, done.stderr
    assert live_sources(store) == urls[:2]  # the intact records, and not the half-read one


def test_ingesting_a_crawls_warc_files_stores_exactly_the_crawls_articles(site, tmp_path):
    crawled = tmp_path / "crawled"
    crawl(crawled, site.url, "--delay", "0")
    assert paths(stored(crawled)) == sorted(ARTICLES)
    again = tmp_path / "again"
    done = run_honours("--data-dir", str(again), "ingest", str(crawled / "warc"))
    assert done.returncode == 0, done.stderr
    assert paths(stored(again)) == sorted(ARTICLES)  # no robots.txt, home, list or "about" page
