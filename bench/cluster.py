"""Ingest on a Dask cluster (issue 15): articles/s with 1 and with 2 workers, each a `dask worker`
process on this machine, against the local process pool.

    .venv/bin/python bench/cluster.py --n 1000

The pages are bench/scale.py's generated articles; the store is written by the ingesting process
alone in every run, so the figures show what moving normalise + extract off the machine buys.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import generate  # noqa: E402

DASK = Path(sys.executable).with_name("dask")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ingest(pages: Path, data: Path, *options: str) -> float:
    shutil.rmtree(data, ignore_errors=True)
    t = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "cli", "--data-dir", str(data), "ingest", str(pages), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(done.stderr)
    return time.perf_counter() - t


def on_cluster(pages: Path, data: Path, workers: int) -> float:
    port = free_port()
    quiet = {"cwd": ROOT, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [subprocess.Popen([DASK, "scheduler", "--port", str(port), "--no-dashboard"], **quiet)]
    address = f"tcp://127.0.0.1:{port}"
    procs += [
        subprocess.Popen([DASK, "worker", address, "--nthreads", "1", "--no-dashboard"], **quiet)
        for _ in range(workers)
    ]
    try:
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=60)
        return ingest(pages, data, "--cluster", address)
    finally:
        for p in procs:
            p.terminate()
            p.wait()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pages, data = Path(tmp) / "pages", Path(tmp) / "data"
        generate(pages, args.n)
        rows = [("local process pool (2 processes)", ingest(pages, data))]
        rows += [(f"Dask, {w} worker{'s' * (w > 1)}", on_cluster(pages, data, w)) for w in (1, 2)]
    print(f"| ingest of {args.n} generated articles | seconds | articles/s |\n|---|---|---|")
    for name, took in rows:
        print(f"| {name} | {took:.1f} | {args.n / took:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
