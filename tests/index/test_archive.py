"""The store under change and under failure: idempotence, versions, reposts, crashes, reindex."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import fields
from pathlib import Path

import opencc
import pytest
from conftest import ENGINES, ROOT, SAMPLE_FILES, SEEDS, jsonl, make_archive, run_honours

from config import Settings
from index.query import parse
from index.search import search

OFFICIAL = """县委县政府关于表彰2023年度劳动模范的决定
发布日期：2024-04-28
2023年，全县广大职工群众在县委、县政府的坚强领导下，奋发进取、开拓创新，涌现出一大批先进模范人物。为表彰先进、树立典型，县委、县政府决定，授予李建国、王永强、张秀英等20名同志“石林县劳动模范”称号，授予赵丽萍等10名同志“石林县先进工作者”称号。
希望受表彰的同志珍惜荣誉，戒骄戒躁，在各自岗位上再创佳绩。全县广大干部职工要以先进模范为榜样，为建设美丽石林作出新的更大贡献。
"""


def snapshot(archive) -> dict:
    queries = ["王芳", "藍波", "tran van chanh", '"最美奋斗者"', "劳动模范", "wang fang", ""]
    return {q: search(archive, parse(q), limit=30) for q in queries} | {
        "kind:event": search(archive, parse("", kind="event"))
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_ingesting_the_same_files_again_changes_nothing(tmp_path, engine):
    archive = make_archive(tmp_path, SEEDS, *SAMPLE_FILES, engine=engine)
    before, stats, docs = snapshot(archive), archive.store.stats(), archive.engine.count()
    report = archive.ingest([str(SEEDS), *map(str, SAMPLE_FILES)])
    assert (report.new, report.updated, report.superseded, report.unchanged) == (0, 0, 0, 16)
    assert archive.store.stats() == stats and archive.engine.count() == docs and snapshot(archive) == before


def test_changed_content_makes_a_new_version(tmp_path):
    page = tmp_path / "in" / "notice.txt"
    page.parent.mkdir()
    page.write_text(OFFICIAL, encoding="utf-8")
    archive = make_archive(tmp_path / "data", page.parent)
    first = archive.store.live_ids()
    page.write_text(OFFICIAL.replace("赵丽萍", "赵丽华"), encoding="utf-8")
    report = archive.ingest([str(page.parent)])
    assert report.superseded == 1
    live = archive.store.live_ids()
    assert len(live) == 1 and live != first and archive.store.article(live[0]).version == 2
    assert search(archive, parse("赵丽华", kind="person"))["total"] == 1
    assert search(archive, parse("赵丽萍", kind="person"))["total"] == 0


def test_reposts_share_a_cluster_and_search_shows_one(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "official.txt").write_text(OFFICIAL, encoding="utf-8")
    (src / "traditional.txt").write_text(opencc.OpenCC("s2t").convert(OFFICIAL), encoding="utf-8")
    farm = (
        OFFICIAL.replace("先进模范", "先(xiān)进(jìn)模(mó)范(fàn)")
        .replace("，", "，，")
        .replace("授予", "授(shòu)予(yǔ)")
    )
    (src / "farm.txt").write_text("[休闲] 时间:2024-05-01 来源:头条\n" + farm, encoding="utf-8")
    archive = make_archive(tmp_path / "data", src)
    rows = archive.store.db.execute("SELECT source, cluster, canonical FROM articles").fetchall()
    assert len({r["cluster"] for r in rows}) == 1
    assert [Path(r["source"]).name for r in rows if r["canonical"]] == ["official.txt"]
    one = search(archive, parse("劳动模范", kind="article"))
    assert one["total"] == 1 and one["hits"][0]["duplicates"] == 2
    assert search(archive, parse("劳动模范", kind="article", duplicates=True))["total"] == 3
    assert search(archive, parse("李建国", kind="person"))["total"] == 1  # a repost adds no second 李建国


def _extracted_ids(*paths: Path) -> dict[str, str]:
    """File name -> the id `honours extract` gives it."""
    proc = run_honours("extract", *map(str, paths))
    assert proc.returncode == 0, proc.stderr
    return {Path(r["source"]).name: r["id"] for r in jsonl(proc.stdout)}


def _canonical(data: Path, query: str) -> list[tuple[str, int]]:
    found = json.loads(
        run_honours("--data-dir", str(data), "search", query, "--kind", "article", "--json").stdout
    )
    return [(h["article_id"], h["duplicates"]) for h in found["hits"]]


def test_among_equally_clean_reposts_the_earliest_published_then_the_first_stored_is_canonical(tmp_path):
    src, data = tmp_path / "in", tmp_path / "data"
    src.mkdir()
    for name, tail in (("a.txt", "转载请注明出处。"), ("b.txt", "欢迎转发分享。")):
        (src / name).write_text(OFFICIAL + tail + "\n", encoding="utf-8")
    ids = _extracted_ids(src / "a.txt", src / "b.txt")
    # store first the copy whose id sorts last: the hash order of ids would choose the other one
    first, second = sorted(ids, key=ids.get, reverse=True)
    for name in (first, second):
        assert run_honours("--data-dir", str(data), "ingest", str(src / name)).returncode == 0
    assert _canonical(data, "劳动模范") == [(ids[first], 1)]
    (src / "c.txt").write_text(
        OFFICIAL.replace("2024-04-28", "2024-04-27") + "欢迎关注。\n", encoding="utf-8"
    )
    ids |= _extracted_ids(src / "c.txt")
    assert run_honours("--data-dir", str(data), "ingest", str(src / "c.txt")).returncode == 0
    assert _canonical(data, "劳动模范") == [(ids["c.txt"], 2)]  # published a day earlier: the original


def _warc(path: Path, url: str, body: str, fetched: str) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=False)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/plain; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode("utf-8")),
                                                      http_headers=headers, warc_headers_dict={"WARC-Date": fetched}))  # fmt: skip


def test_among_equally_clean_reposts_published_the_same_day_the_earliest_fetched_is_canonical(tmp_path):
    from normalize.pipeline import article_id
    from normalize.records import Source

    src, data = tmp_path / "in", tmp_path / "data"
    src.mkdir()
    urls = ["http://mirror-a.example.cn/n/1.html", "http://mirror-b.example.cn/n/2.html"]
    # the earlier fetch goes to the copy whose id sorts last (the hash order of ids would choose the
    # other one), and it is stored last
    early, late = sorted(urls, key=lambda u: article_id(Source(u, b"")), reverse=True)
    _warc(src / "late.warc", late, OFFICIAL + "转载请注明出处。\n", "2024-05-03T08:00:00Z")
    _warc(src / "early.warc", early, OFFICIAL + "欢迎转发分享。\n", "2024-05-01T08:00:00Z")
    for name in ("late.warc", "early.warc"):
        assert run_honours("--data-dir", str(data), "ingest", str(src / name)).returncode == 0
    found = json.loads(
        run_honours("--data-dir", str(data), "search", "劳动模范", "--kind", "article", "--json").stdout
    )
    assert [(h["source"], h["duplicates"]) for h in found["hits"]] == [(early, 1)]


def test_the_store_gives_back_every_field_of_each_article_and_what_was_found_in_it(tmp_path, normalizer):
    from extract import Extractor
    from normalize.records import Article, Source

    archive = make_archive(tmp_path, SEEDS, *SAMPLE_FILES)
    extractor = Extractor(normalizer.segmenters("zh"))
    for a in archive.store.live_ids():
        stored = archive.store.article(a)
        again = normalizer.normalize(Source(stored.source, archive.store.raw(stored.raw_sha1), stored.content_type,
                                            stored.fetched, stored.warc))  # fmt: skip
        assert Article(**{f.name: getattr(stored, f.name) for f in fields(Article)}) == again
        assert archive.store.extraction(stored) == extractor.extract(again)
    archive.close()


def test_an_archive_from_before_the_order_of_storing_and_event_spans_is_upgraded(tmp_path):
    make_archive(tmp_path, SEEDS).close()
    with sqlite3.connect(tmp_path / "archive.sqlite") as db:
        for sql in ("DROP INDEX articles_seq", "ALTER TABLE articles DROP COLUMN seq",
                    "ALTER TABLE events DROP COLUMN start", 'ALTER TABLE events DROP COLUMN "end"'):  # fmt: skip
            db.execute(sql)
    proc = run_honours("--data-dir", str(tmp_path), "ingest", *map(str, SAMPLE_FILES))
    assert proc.returncode == 0, proc.stderr
    with sqlite3.connect(tmp_path / "archive.sqlite") as db:
        seqs = [r[0] for r in db.execute("SELECT seq FROM articles")]
        events = {r[1] for r in db.execute("PRAGMA table_info(events)")}
    assert None not in seqs and len(set(seqs)) == len(seqs) > 5
    assert {"start", "end"} <= events


def _many(directory: Path, n: int) -> None:
    """n distinct pages: the samples, each with its own first paragraph."""
    texts = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]
    directory.mkdir()
    for i in range(n):
        body = texts[i % len(texts)].decode("utf-8").split("\n", 1)
        (directory / f"{i:04d}.txt").write_text(
            f"{body[0]}\n第{i}号文件，编号{i * 7919}，仅供测试。\n{body[1]}", encoding="utf-8"
        )


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as c:
            return c.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _running(pid: str) -> bool:
    try:
        return "\tZ" not in Path(f"/proc/{pid}/status").read_text().split("State:")[1][:3]
    except (FileNotFoundError, IndexError):
        return False


def _reader_opened(fifo: Path, timeout: float) -> int | None:
    """Open a named pipe for writing, which returns once a reader opened it: the write end, or None
    when no reader came within `timeout` seconds."""
    opened: list[int] = []
    waiter = threading.Thread(target=lambda: opened.append(os.open(fifo, os.O_WRONLY)), daemon=True)
    waiter.start()
    waiter.join(timeout)
    if not opened:
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))  # lets the waiting thread go
        waiter.join()
        os.close(opened.pop())
        return None
    return opened[0]


@pytest.mark.parametrize("engine", ENGINES)
def test_ingest_killed_halfway_completes_on_the_next_run(tmp_path, engine):
    src, data = tmp_path / "in", tmp_path / "data"
    _many(src, 200)
    # inputs are read in order as the workers need them, at most `ahead` before they are stored: a
    # named pipe after `batch + ahead` of them holds the ingest there, one batch committed at least
    settings = Settings()
    pipe = src / f"{settings.batch + settings.ahead + 8:04d}.txt"
    content = pipe.read_bytes()
    pipe.unlink()
    os.mkfifo(pipe)
    honours = ["--data-dir", str(data), "--engine", engine]
    proc = subprocess.Popen([sys.executable, "-m", "cli", *honours, "ingest", str(src)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    held = _reader_opened(pipe, timeout=240)
    assert held is not None and proc.poll() is None, "the ingest never reached the named pipe"
    workers = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
    assert workers
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    os.close(held)
    deadline = time.time() + 10  # its workers notice and exit: no orphans left computing
    while any(_running(w) for w in workers) and time.time() < deadline:
        time.sleep(0.1)
    assert not any(_running(w) for w in workers)
    stopped_at = _count(data / "archive.sqlite")
    assert settings.batch <= stopped_at < 200
    pipe.unlink()
    pipe.write_bytes(content)
    again = run_honours(*honours, "ingest", str(src))
    assert again.returncode == 0, again.stderr
    assert f"stale writer lock left by process {proc.pid}" in again.stderr
    stats = json.loads(run_honours(*honours, "stats", "--json").stdout)
    assert stats["articles"] == 200 and stats["unindexed"] == 0
    article_docs = json.loads(
        run_honours(*honours, "search", "--kind", "article", "--duplicates", "--json", "--limit", "1").stdout
    )
    assert article_docs["total"] == 200


@pytest.mark.parametrize("engine", ENGINES)
def test_reindex_reproduces_identical_search_results(tmp_path, engine):
    archive = make_archive(tmp_path, SEEDS, *SAMPLE_FILES, engine=engine)
    before = snapshot(archive)
    archive.reindex()
    assert snapshot(archive) == before
    proc = run_honours("--data-dir", str(tmp_path), "--engine", engine, "reindex")
    assert proc.returncode == 0 and "rebuilt" in proc.stdout
    archive.close()


def test_a_missing_index_is_rebuilt_with_a_notice(tmp_path):
    import shutil

    make_archive(tmp_path, SEEDS).close()
    shutil.rmtree(tmp_path / "index")
    proc = run_honours("--data-dir", str(tmp_path), "search", "王芳", "--json")
    assert proc.returncode == 0 and "rebuilding it from the store" in proc.stderr
    assert json.loads(proc.stdout)["total"] >= 1


def test_reprocess_rebuilds_every_article_from_raw_bytes(tmp_path):
    archive = make_archive(tmp_path, SEEDS)
    archive.store.db.execute("UPDATE articles SET text = 'stale', title = 'stale'")
    report = archive.reprocess()
    assert report.reprocessed == 5 and not report.failed
    assert archive.store.db.execute("SELECT count(*) FROM articles WHERE text = 'stale'").fetchone()[0] == 0
    assert search(archive, parse("王芳", kind="person"))["total"] == 1


def test_reindex_moves_an_archive_to_the_other_engine(tmp_path):
    make_archive(tmp_path, SEEDS, engine="whoosh").close()
    proc = run_honours("--data-dir", str(tmp_path), "--engine", "tantivy", "reindex")
    assert proc.returncode == 0 and "tantivy" in proc.stdout
    for engine in ENGINES:
        found = json.loads(
            run_honours(
                "--data-dir",
                str(tmp_path),
                "--engine",
                engine,
                "search",
                "王芳",
                "--kind",
                "person",
                "--json",
            ).stdout
        )
        assert found["total"] == 1, engine


@pytest.mark.parametrize("engine", ENGINES)
def test_a_reindex_killed_midway_leaves_a_searchable_archive(tmp_path, engine):
    src, data = tmp_path / "in", tmp_path / "data"
    _many(src, 300)
    honours = ["--data-dir", str(data), "--engine", engine]
    assert run_honours(*honours, "ingest", str(src)).returncode == 0
    before = json.loads(run_honours(*honours, "search", "王芳", "--json").stdout)
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli", *honours, "reindex"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    building = data / "index" / f"{engine}.new"
    deadline = time.time() + 120
    while not building.exists() and proc.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    assert building.exists() and proc.poll() is None, "reindex finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)  # with the new index begun and the old one still in place
    proc.wait()
    after = json.loads(run_honours(*honours, "search", "王芳", "--json").stdout)
    assert after["total"] == before["total"] > 0  # the old index still answers
    done = run_honours(*honours, "reindex")  # the killed writer's lock is free: taken over, with a notice
    assert done.returncode == 0 and not building.exists()
    assert f"stale writer lock left by process {proc.pid}" in done.stderr
