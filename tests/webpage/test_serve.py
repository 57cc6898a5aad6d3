"""`honours serve` as a user runs it (the real command, a separate process, a real port)."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import httpx

from webpage.webtest import HONOURS, ROOT, free_port


def serve(settings, port: int, *options: str) -> subprocess.Popen:
    command = [*HONOURS, "--data-dir", str(settings.data_dir), "--engine", settings.engine]
    return subprocess.Popen(
        [*command, "serve", "--port", str(port), *options],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_busy_port_is_one_line_and_exit_1_before_serving(settings):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = serve(settings, port)
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, (out, err)
    assert "Serving" not in out and out == ""
    (line,) = err.splitlines()
    assert line.startswith("honours: ") and f"127.0.0.1:{port}" in line and "in use" in line
    assert "Traceback" not in err and "uvicorn" not in err.lower()


def test_serve_says_where_and_answers_there_with_the_security_headers(settings):
    port = free_port()
    proc = serve(settings, port)
    try:
        line = proc.stdout.readline()
        assert line == f"Serving the archive at http://127.0.0.1:{port}/\n", (line, proc.poll())
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as c:
            r = c.get("/search", params={"q": "王芳"})
            assert r.status_code == 200 and "王芳" in r.text
            assert "script-src 'none'" in r.headers["content-security-policy"]
            r = c.get("/no-such-page")
            assert r.status_code == 404 and "出错了" in r.text and r.headers["x-frame-options"] == "DENY"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def server_processes(pid: int) -> list[int]:
    """The worker processes a `serve` process started (uvicorn spawns them as its children)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == pid and b"spawn_main" in command:
            out.append(int(stat.parent.name))
    return out


def test_serve_processes_answers_from_that_many_processes(settings):
    port = free_port()
    proc = serve(settings, port, "--processes", "2")
    try:
        line = proc.stdout.readline()
        assert line == f"Serving the archive at http://127.0.0.1:{port}/\n", (line, proc.poll())
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as c:
            deadline = time.monotonic() + 60
            while True:  # the workers bind the port as they come up
                try:
                    r = c.get("/search", params={"q": "王芳"})
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline and proc.poll() is None
                    time.sleep(0.1)
            assert r.status_code == 200 and "王芳" in r.text
            assert len(server_processes(proc.pid)) == 2
            answers = [c.get("/search", params={"q": "王芳"}).status_code for _ in range(20)]
            assert answers == [200] * 20
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert server_processes(proc.pid) == []
