"""A damaged search index (issue 12.3): random bytes written into one of its files are found when
the index is opened, said in one line, and the index is rebuilt from the store before it answers;
`stats` reports the index's health. Both engines, through the real `honours` command."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import ENGINES, SEEDS, run_honours


@pytest.fixture(scope="module", params=ENGINES)
def archive(request, tmp_path_factory):
    data = tmp_path_factory.mktemp(f"damage-{request.param}") / "data"
    honours = ("--data-dir", str(data), "--engine", request.param)
    done = run_honours(*honours, "ingest", str(SEEDS))
    assert done.returncode == 0, done.stderr
    return request.param, data, honours


def ids(honours, query: str, *filters: str) -> list[str]:
    done = run_honours(*honours, "search", query, *filters, "--json", "--limit", "50")
    assert done.returncode == 0, done.stderr
    return [h["id"] for h in json.loads(done.stdout)["hits"]]


def damage(index: Path) -> Path:
    """Random bytes over the middle of the index's largest data file (a segment file)."""
    files = [
        f
        for f in index.iterdir()
        if f.is_file() and f.suffix not in (".json", ".lock") and "LOCK" not in f.name
    ]
    target = max(files, key=lambda f: f.stat().st_size)
    size = target.stat().st_size
    with open(target, "r+b") as f:
        f.seek(size // 2)
        f.write(os.urandom(min(256, size // 4)))
    return target


def stats(honours) -> dict:
    done = run_honours(*honours, "stats", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["index"]


def test_a_damaged_index_is_rebuilt_before_it_answers(archive):
    engine, data, honours = archive
    before = (
        ids(honours, "王芳", "--kind", "person"),
        ids(honours, "最美奋斗者"),
        ids(honours, "", "--kind", "event"),
    )
    assert before[0] and before[1] and before[2]
    assert stats(honours)["health"] == "ok"
    damage(data / "index" / engine)
    done = run_honours(*honours, "search", "王芳", "--kind", "person", "--json", "--limit", "50")
    assert done.returncode == 0, done.stderr
    notices = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(notices) == 1 and "damaged" in notices[0] and "rebuilding it from the store" in notices[0], (
        done.stderr
    )
    assert "Traceback" not in done.stderr and "panicked" not in done.stderr
    assert [h["id"] for h in json.loads(done.stdout)["hits"]] == before[0]
    after = (
        ids(honours, "王芳", "--kind", "person"),
        ids(honours, "最美奋斗者"),
        ids(honours, "", "--kind", "event"),
    )
    assert after == before


def test_stats_reports_a_damaged_index_as_rebuilt(archive):
    engine, data, honours = archive
    documents = stats(honours)["documents"]
    damage(data / "index" / engine)
    done = run_honours(*honours, "stats", "--json")
    assert done.returncode == 0, done.stderr
    index = json.loads(done.stdout)["index"]
    assert index["health"] == "rebuilt" and index["documents"] == documents
    assert "damaged" in done.stderr
    assert stats(honours)["health"] == "ok"


def test_a_failure_inside_the_engine_is_an_engine_error(archive):
    """Reading that fails after the index was opened (a Rust panic, a Python error from a broken
    file) is an EngineError naming the index, which the command and the web page print as one line."""
    from index.engine import EngineError, open_engine

    engine, data, _ = archive
    index = open_engine(engine, data / "index" / engine)
    try:
        with pytest.raises(EngineError, match=f"the index in {data / 'index' / engine} cannot be read"):
            index.search("not a request")
    finally:
        index.close()


def test_a_reader_does_not_rebuild_under_a_writer(archive, tmp_path):
    """A damaged index found while another process writes is not rebuilt beside its rebuild: the
    reader says who writes, in one line, and the index is rebuilt once the writer is gone."""
    import subprocess
    import sys

    engine, data, honours = archive
    damage(data / "index" / engine)
    ready = tmp_path / "locked"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from index.lock import WriterLock\n"
            "with WriterLock(Path(sys.argv[1]), print):\n"
            "    Path(sys.argv[2]).touch(); time.sleep(60)",
            str(data / "writer.lock"),
            str(ready),
        ],
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        while not ready.exists():
            assert holder.poll() is None
        done = run_honours(*honours, "search", "王芳", "--json")
        assert done.returncode == 1
        assert f"being written by process {holder.pid}" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 2, done.stderr  # the damage, then who writes
    finally:
        holder.kill()
        holder.wait()
    assert stats(honours)["health"] == "rebuilt"  # by the first reader after the writer
    assert stats(honours)["health"] == "ok"
