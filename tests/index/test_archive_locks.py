"""The archive's writer lock: a held lock refused, a dead holder's lock taken over, racing writers
one at a time, an index writer killed mid-write recovered."""

import json
import os
import subprocess
import sys

from conftest import ROOT, SAMPLE_FILES, SEEDS, make_archive, run_honours

HOLDER = """
import sys, time
from pathlib import Path
from index.lock import WriterLock
with WriterLock(Path(sys.argv[1]), print):
    print("holding", flush=True)
    time.sleep(120)
"""


def test_a_held_writer_lock_is_refused_and_a_killed_holders_lock_taken_over(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(data / "writer.lock")], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "holding"
        proc = run_honours("--data-dir", str(data), "ingest", str(SEEDS))
        assert proc.returncode == 1 and f"being written by process {holder.pid}" in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
    finally:
        holder.kill()
        holder.wait()
    assert (data / "writer.lock").read_text() == str(holder.pid)  # a killed writer leaves its lock file
    proc = run_honours("--data-dir", str(data), "ingest", str(SEEDS))
    assert proc.returncode == 0 and f"stale writer lock left by process {holder.pid}" in proc.stderr
    assert not (data / "writer.lock").exists()


def test_a_lock_file_naming_a_dead_process_is_taken_over(tmp_path):
    data = tmp_path / "data"
    gone = subprocess.Popen(["true"])  # noqa: S607
    gone.wait()
    data.mkdir()
    (data / "writer.lock").write_text(str(gone.pid))
    proc = run_honours("--data-dir", str(data), "ingest", str(SEEDS))
    assert proc.returncode == 0
    assert f"stale writer lock left by process {gone.pid} (it did not exit cleanly)" in proc.stderr
    assert not (data / "writer.lock").exists()


RACER = r"""
import os, sys, time
from pathlib import Path
from errors import StoreError
from index.lock import WriterLock
lock, log, go = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
os.read(go, 1)  # every racer starts at once
for _ in range(8):
    try:
        with WriterLock(lock, lambda m: print(m, flush=True)):
            entered = time.monotonic_ns()
            time.sleep(0.005)
            line = f"{os.getpid()} {entered} {time.monotonic_ns()}\n"
            with open(log, "a") as f:
                f.write(line)
    except StoreError:
        time.sleep(0.001 * (os.getpid() % 7))
"""


def test_racing_writers_never_hold_the_lock_together(tmp_path):
    """20 processes released at once, each trying to take the lock 8 times and holding it briefly,
    over a stale lock file: the kernel lets one in at a time."""
    lock, log = tmp_path / "writer.lock", tmp_path / "wins.log"
    gone = subprocess.Popen(["true"])  # noqa: S607
    gone.wait()
    lock.write_text(str(gone.pid))
    go_read, go_write = os.pipe()
    racers = [subprocess.Popen([sys.executable, "-c", RACER, str(lock), str(log), str(go_read)], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True, pass_fds=(go_read,)) for _ in range(20)]  # fmt: skip
    for r in racers:
        assert r.stdout.readline().strip() == "ready"
    os.write(go_write, b"x" * len(racers))
    notices = [line for r in racers for line in r.communicate(timeout=120)[0].splitlines()]
    os.close(go_read)
    os.close(go_write)
    assert all(r.returncode == 0 for r in racers)
    rows = [line.split() for line in log.read_text().splitlines()]
    wins = sorted((int(entered), int(left), pid) for pid, entered, left in rows)  # each holder's time in
    assert len({pid for _, _, pid in wins}) > 1
    overlaps = [(a, b) for a, b in zip(wins, wins[1:], strict=False) if b[0] <= a[1]]
    assert overlaps == [], "two holders at once"
    assert notices == [f"took over a stale writer lock left by process {gone.pid} (it did not exit cleanly)"]


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
