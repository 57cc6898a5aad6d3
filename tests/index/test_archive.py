"""The store under change and under failure: idempotence, versions, reposts, crashes, locks, reindex."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import opencc
import pytest
from conftest import ENGINES, ROOT, SAMPLE_FILES, SEEDS, make_archive, run_honours

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
    assert len(live) == 1 and live != first and archive.store.article(live[0])["version"] == 2
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


@pytest.mark.parametrize("engine", ENGINES)
def test_ingest_killed_halfway_completes_on_the_next_run(tmp_path, engine):
    src, data = tmp_path / "in", tmp_path / "data"
    _many(src, 200)
    honours = ["--data-dir", str(data), "--engine", engine]
    proc = subprocess.Popen([sys.executable, "-m", "cli", *honours, "ingest", str(src)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.time() + 240
    while _count(data / "archive.sqlite") < 64 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed"
    workers = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
    assert workers
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 10  # its workers notice and exit: no orphans left computing
    while any(_running(w) for w in workers) and time.time() < deadline:
        time.sleep(0.1)
    assert not any(_running(w) for w in workers)
    stopped_at = _count(data / "archive.sqlite")
    assert 0 < stopped_at < 200
    again = run_honours(*honours, "ingest", str(src))
    assert again.returncode == 0, again.stderr
    stats = json.loads(run_honours(*honours, "stats", "--json").stdout)
    assert stats["articles"] == 200 and stats["unindexed"] == 0
    article_docs = json.loads(
        run_honours(*honours, "search", "--kind", "article", "--duplicates", "--json", "--limit", "1").stdout
    )
    assert article_docs["total"] == 200


def test_a_stale_writer_lock_is_recovered_and_a_live_one_refused(tmp_path):
    data = tmp_path / "data"
    gone = subprocess.Popen(["true"])  # noqa: S607
    gone.wait()
    data.mkdir()
    (data / "writer.lock").write_text(str(gone.pid))
    proc = run_honours("--data-dir", str(data), "ingest", str(SEEDS))
    assert proc.returncode == 0 and f"stale writer lock left by process {gone.pid}" in proc.stderr
    assert not (data / "writer.lock").exists()
    holder = subprocess.Popen(["sleep", "60"])  # noqa: S607
    try:
        (data / "writer.lock").write_text(str(holder.pid))
        proc = run_honours("--data-dir", str(data), "ingest", *map(str, SAMPLE_FILES))
        assert proc.returncode == 1 and f"being written by process {holder.pid}" in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
    finally:
        holder.kill()


def test_an_index_writer_killed_mid_write_is_recovered(tmp_path):
    data = tmp_path / "data"
    make_archive(data, SEEDS, engine="whoosh").close()
    script = f"""
import time
from whoosh import index
ix = index.open_dir({str(data / "index" / "whoosh")!r})
w = ix.writer()
w.add_document(id="x", kind="article", article="x", words="half written")
print("holding", flush=True)
time.sleep(60)
"""
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    holder.kill()
    holder.wait()
    assert any((data / "index" / "whoosh").glob("*.tmp"))
    proc = run_honours("--data-dir", str(data), "--engine", "whoosh", "ingest", *map(str, SAMPLE_FILES))
    assert proc.returncode == 0 and "interrupted write" in proc.stderr
    found = json.loads(
        run_honours(
            "--data-dir", str(data), "--engine", "whoosh", "search", "王芳", "--kind", "person", "--json"
        ).stdout
    )
    assert found["total"] == 2


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
    time.sleep(0.3)
    assert proc.poll() is None, "reindex finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    (data / "writer.lock").unlink(
        missing_ok=True
    )  # what a killed writer leaves (the lock test covers its recovery)
    after = json.loads(run_honours(*honours, "search", "王芳", "--json").stdout)
    assert after["total"] == before["total"] > 0  # the old index still answers
    done = run_honours(*honours, "reindex")
    assert done.returncode == 0 and not building.exists()
