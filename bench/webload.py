"""The web page and its API under load: concurrent clients against a real `honours serve`.

    .venv/bin/python bench/webload.py [--seconds 30] [--clients 20] [--only small|scale] [--scale-dir DIR] [--force]

(a) small: the seeds plus the bundled samples, ingested into a temporary archive (the default engine).
(b) scale: the 100 k archive bench/scale.py builds (bench/out/scale/data), read-only through its
    tantivy index; skipped with a message when it is not there yet or still being written (--force
    runs it anyway).

The server runs in its own process (`python -m cli serve`), so the clients' threads do not share its
interpreter. Each client is a thread with its own keep-alive connection that sends a mix of requests
(search pages with and without filters and pages, API searches, person, event and article pages)
for the given time. Request targets come from the archive itself before timing starts. Reported:
requests/s, p50/p95/max latency per group, and errors (anything but 200, or no answer).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scale import child_pids  # noqa: E402

SCALE = ROOT / "bench" / "out" / "scale" / "data"


def target_p95(articles: int) -> float:
    """Search pages' p95 target in seconds: 200 ms on the demo archive (issue 6); 150 ms at 10 k
    articles and 300 ms at 100 k (issue 15)."""
    return 0.200 if articles < 10_000 else 0.150 if articles < 100_000 else 0.300


GROUPS = ("search page", "api search", "other pages")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def small_archive(work: Path) -> Path:
    import config
    from index.archive import Archive

    seeds = ROOT / "tests" / "shared" / "seeds"
    site = ROOT / "data" / "samples" / "site"
    samples = [
        *sorted((ROOT / "data" / "samples").glob("*.txt")),
        *sorted(p for p in site.glob("news/20*/*.html") if p.name != "offsite.html"),  # no article
        site / "notices",
    ]
    data = work / "small"
    with Archive(config.Settings(data_dir=data)) as archive:
        report = archive.ingest([str(seeds), *map(str, samples)])
    assert not report.failed, report.failed
    return data


def scale_ready(data: Path, force: bool) -> str | None:
    """Why the scale archive cannot be measured now, or None when it can."""
    if not (data / "archive.sqlite").exists() or not (data / "index" / "tantivy").is_dir():
        return f"no 100 k archive with a tantivy index in {data} yet (run bench/scale.py --keep first)"
    lock = data / "writer.lock"
    if lock.exists() and not force:
        pid = lock.read_text().strip() or "?"
        return (
            f"the 100 k archive in {data} is still being written (process {pid}); --force measures it anyway"
        )
    return None


def live_articles(data: Path) -> int:
    from index.store import ReadOnlyStore

    store = ReadOnlyStore(data / "archive.sqlite")
    try:
        return store.live_count()
    finally:
        store.close()


class Server:
    """`honours serve` on a free port of 127.0.0.1, in its own process."""

    def __init__(self, data: Path, engine: str, processes: int = 1):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile("w+")  # noqa: SIM115  (not a pipe: a chatty server must never block)
        command = [
            sys.executable,
            "-m",
            "cli",
            "--data-dir",
            str(data),
            "--engine",
            engine,
            "serve",
            "--port",
            str(self.port),
            "--processes",
            str(processes),
        ]
        self.proc = subprocess.Popen(command, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)  # fmt: skip
        deadline = time.monotonic() + 300  # a missing index would be rebuilt first
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.log.seek(0)
                raise RuntimeError(f"the server exited: {self.log.read()}")
            try:
                if httpx.get(self.base + "/api/search?limit=1", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("the server did not answer within 300 s")

    def cpu(self) -> float:
        """CPU seconds (user + system) the server and its worker processes have used so far."""
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for pid in [self.proc.pid, *child_pids(self.proc.pid)]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
        return total

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def targets(base: str) -> dict[str, list[str]]:
    """Request paths per group, taken from what the archive holds."""
    with httpx.Client(base_url=base, timeout=60) as c:
        found = c.get("/api/search", params={"limit": 100}).json()
        people = c.get("/api/search", params={"kind": "person", "limit": 100}).json()
        events = c.get("/api/search", params={"kind": "event", "limit": 100}).json()
    names = sorted({h["name"] for h in people["hits"] if h.get("name")})[:40]
    places = list(found["facets"].get("place", {}))[:10]
    honours = list(found["facets"].get("honour", {}))[:10]
    years = sorted(found["facets"].get("year", {}))
    span = f"{years[0]}..{years[-1]}" if years else "2020..2023"
    queries = names[:20] + honours + places
    search = [f"/search?{urlencode({'q': q})}" for q in queries]
    search += [f"/search?{urlencode({'q': h, 'kind': 'person'})}" for h in honours]
    search += [f"/search?{urlencode({'q': h, 'year': span, 'page': 2})}" for h in honours[:5]]
    search += [f"/search?{urlencode({'place': p})}" for p in places[:5]]
    search += ["/search", "/search?kind=event", f"/search?year={years[-1] if years else 2023}"]
    api = [f"/api/search?{urlencode({'q': q, 'limit': 20})}" for q in queries]
    other = [f"/person/{quote(n)}" for n in names]
    other += [f"/event/{h['id'][2:]}" for h in events["hits"][:20]]
    other += [f"/article/{a}" for a in sorted({h["article_id"] for h in found["hits"]})[:20]]
    return {"search page": search, "api search": api, "other pages": other}


def load(base: str, paths: dict[str, list[str]], clients: int, seconds: float) -> dict:
    """Clients in threads for `seconds`: per group, the latencies of good answers and the errors."""
    weights = {"search page": 6, "api search": 2, "other pages": 3}
    mix = [g for g, w in weights.items() if paths[g] for _ in range(w)]
    results = {g: [] for g in GROUPS}
    errors: dict[str, int] = {}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(n: int) -> None:
        rng = random.Random(n)
        mine = {g: [] for g in GROUPS}
        bad: dict[str, int] = {}
        host, port = base.removeprefix("http://").split(":")
        c = http.client.HTTPConnection(host, int(port), timeout=60)  # keep-alive; lighter than httpx
        try:
            while time.monotonic() < stop:
                group = rng.choice(mix)
                path = rng.choice(paths[group])
                started = time.perf_counter()
                try:
                    c.request("GET", path)
                    answer = c.getresponse()
                    answer.read()
                    status = answer.status
                except (OSError, http.client.HTTPException) as e:
                    status = type(e).__name__
                    c.close()
                took = time.perf_counter() - started
                if status == 200:
                    mine[group].append(took)
                else:
                    bad[f"{status} {path[:60]}"] = bad.get(f"{status} {path[:60]}", 0) + 1
        finally:
            c.close()
        with lock:
            for g in GROUPS:
                results[g] += mine[g]
            for k, v in bad.items():
                errors[k] = errors.get(k, 0) + v

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"elapsed": time.perf_counter() - started, "latencies": results, "errors": errors}


def pct(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1]
        if len(values) > 1
        else (values or [0])[0]
    )


def report(name: str, articles: int, engine: str, run: dict, clients: int, processes: int) -> None:
    total = sum(len(v) for v in run["latencies"].values())
    n_errors = sum(run["errors"].values())
    print(
        f"\n== {name}: {articles:,} articles, {engine}, {clients} clients, {run['elapsed']:.1f} s, {processes} server process(es) =="
    )
    print(f"{'group':14s} {'requests':>9s} {'req/s':>8s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}")
    for g in GROUPS:
        v = run["latencies"][g]
        if v:
            print(f"{g:14s} {len(v):9d} {len(v) / run['elapsed']:8.1f} {pct(v, 50) * 1e3:8.1f} {pct(v, 95) * 1e3:8.1f} {max(v) * 1e3:8.1f}")  # fmt: skip
    print(f"{'all':14s} {total:9d} {total / run['elapsed']:8.1f}   errors: {n_errors}")
    if "cpu" in run and total:
        server, client = run["cpu"]
        print(
            f"CPU: server {server:.1f} s ({server / total * 1e3:.1f} ms a request), "
            f"load clients {client:.1f} s ({client / total * 1e3:.1f} ms a request), of {os.cpu_count()} cores x {run['elapsed']:.0f} s"
        )
    search = run["latencies"]["search page"]
    if search:
        p95 = pct(search, 95)
        target = target_p95(articles)
        verdict = "meets" if p95 <= target else "misses"
        print(f"search pages p95 {p95 * 1e3:.0f} ms {verdict} the {target * 1e3:.0f} ms target")
    for what, count in sorted(run["errors"].items(), key=lambda kv: -kv[1])[:10]:
        print(f"  error x{count}: {what}")


def measure(name: str, data: Path, engine: str, args) -> None:
    server = Server(data, engine, args.processes)
    try:
        paths = targets(server.base)
        with httpx.Client(base_url=server.base, timeout=60) as c:  # warm the caches, untimed
            for group in paths.values():
                for p in group[:10]:
                    c.get(p)
        before = server.cpu(), time.process_time()
        run = load(server.base, paths, args.clients, args.seconds)
        run["cpu"] = server.cpu() - before[0], time.process_time() - before[1]
    finally:
        server.stop()
    report(name, live_articles(data), engine, run, args.clients, args.processes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--only", choices=("small", "scale"))
    parser.add_argument(
        "--processes",
        type=int,
        default=1,
        help="server processes (default 1; `honours serve` starts one per core)",
    )
    parser.add_argument("--scale-dir", type=Path, default=SCALE)
    parser.add_argument(
        "--force", action="store_true", help="measure the scale archive even while it is written"
    )
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} before starting")
    if args.only != "scale":
        with tempfile.TemporaryDirectory(prefix="honours-web-bench-") as work:
            import config

            measure("seeds + samples", small_archive(Path(work)), config.Settings().engine, args)
    if args.only != "small":
        why = scale_ready(args.scale_dir, args.force)
        if why:
            print(f"\n== 100 k archive: skipped: {why} ==")
        else:
            measure("benchmark archive", args.scale_dir, "tantivy", args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
