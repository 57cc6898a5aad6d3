"""Ingest and reprocess on a Dask cluster (issue 15): a real scheduler and two worker processes
started on 127.0.0.1 with the `dask` command, the store written by `honours` alone. One worker is
killed mid-run: the run completes with every article stored once, none lost, none doubled."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_honours, stored

DASK = Path(sys.executable).with_name("dask")
N = 240
FAMILY = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pages(folder: Path) -> None:
    """N commendation notices, each with its own people and year, long enough that a run lasts
    seconds (a worker can be killed while it has work)."""
    folder.mkdir()
    for i in range(N):
        names = [FAMILY[(i * 3 + k) % len(FAMILY)] + GIVEN[(i * 7 + k * 5) % len(GIVEN)] for k in range(3)]
        deeds = "".join(
            f"{n}同志在第{i + 1}届评选中表现突出，扎根基层{k + 3}年，服务群众{i * 31 + k}次。"
            for k, n in enumerate(names * 8)
        )
        (folder / f"notice_{i:03d}.txt").write_text(
            f"第{i + 1}号 关于表彰{2000 + i % 25}年度先进个人的决定\n"
            f"经研究，决定授予{'、'.join(names)}等3名同志“优秀共产党员”称号。\n{deeds}\n",
            encoding="utf-8",
        )


@pytest.fixture
def cluster(tmp_path):
    """`dask scheduler` and two `dask worker` processes (no nanny: a killed worker stays dead)."""
    port = _port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    common = {"cwd": ROOT, "env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [
        subprocess.Popen(
            [DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **common
        )
    ]
    procs += [
        subprocess.Popen(
            [DASK, "worker", address, "--name", name, "--nthreads", "1", "--no-nanny", "--no-dashboard"],
            **common,
        )
        for name in ("w1", "w2")
    ]
    from distributed import Client

    client = Client(address, timeout=60)
    client.wait_for_workers(2, timeout=60)
    yield address, client, {"w1": procs[1], "w2": procs[2]}
    client.close()
    for p in procs:
        p.kill()
        p.wait()


def _progress(client) -> tuple[int, int]:
    """(tasks finished since the scheduler started, tasks running on w1)."""

    def ask(dask_scheduler):
        done = sum(p.state_counts.get("memory", 0) for p in dask_scheduler.task_prefixes.values())
        w1 = sum(len(ws.processing) for ws in dask_scheduler.workers.values() if ws.name == "w1")
        return done, w1

    return client.run_on_scheduler(ask)


def test_ingest_and_reprocess_on_a_cluster_survive_a_killed_worker(tmp_path, cluster):
    address, client, workers = cluster
    pages, data = tmp_path / "pages", tmp_path / "data"
    _pages(pages)
    done = run_honours("--data-dir", str(data), "ingest", str(pages), "--cluster", address)
    assert done.returncode == 0, done.stderr
    assert f"{N} new" in done.stdout, done.stdout
    before = {r["id"]: r["raw_sha1"] for r in stored(data)}
    assert len(before) == N
    started, _ = _progress(client)
    assert started >= N  # the cluster did the ingest's work

    run = subprocess.Popen(
        [sys.executable, "-m", "cli", "--data-dir", str(data), "reprocess", "--cluster", address],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        finished, on_w1 = _progress(client)
        if finished - started >= 5 and on_w1:
            break
        assert run.poll() is None, "the reprocess ended before w1 could be killed"
        time.sleep(0.02)
    else:
        pytest.fail("the reprocess never had work running on w1")
    workers["w1"].send_signal(signal.SIGKILL)
    workers["w1"].wait()
    assert finished - started < N, "the kill came too late to test anything"
    out, err = run.communicate(timeout=180)
    assert run.returncode == 0, err
    assert f"{N} reprocessed" in out, out
    after = stored(data)
    assert sorted(r["id"] for r in after) == sorted(before)  # nothing lost, nothing doubled
    assert {r["id"]: r["raw_sha1"] for r in after} == before
    assert all(r["is_commendation"] for r in after)


def test_an_unreachable_cluster_is_one_line_and_exit_1(tmp_path):
    page, data = tmp_path / "notice.txt", tmp_path / "data"
    page.write_text(
        "关于表彰先进个人的决定\n经研究，决定授予张伟同志“优秀共产党员”称号。\n", encoding="utf-8"
    )
    done = run_honours(
        "--data-dir", str(data), "ingest", str(page), "--cluster", f"tcp://127.0.0.1:{_port()}"
    )
    assert done.returncode == 1
    assert done.stderr.startswith("honours: cannot reach the Dask scheduler at tcp://127.0.0.1:")
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
