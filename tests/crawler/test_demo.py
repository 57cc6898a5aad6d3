"""`make demo` runs `honours demo`: serve the sample site, crawl it, search it, serve the page."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from conftest import ROOT


def _get(url: str) -> str:
    """The page, once the server has bound its port (it says its URL just before)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            return urllib.request.urlopen(url, timeout=30).read().decode()
        except urllib.error.URLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_demo_crawls_the_sample_site_searches_it_and_serves_the_page(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    demo = subprocess.Popen(
        [sys.executable, "-m", "cli", "--data-dir", str(tmp_path / "data"), "demo", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        lines = []
        for line in demo.stdout:
            lines.append(line)
            if line.startswith("Serving the archive at"):
                break
        out = "".join(lines)
        assert "articles: 8 new" in out
        assert "王芳 — 党委书记" in out  # found by name and by pinyin
        assert out.count("王芳 — 党委书记") == 2 and "Nguyễn Thị Hoa" in out
        url = line.split(" at ", 1)[1].strip()
        assert url == f"http://127.0.0.1:{port}/"
        page = _get(url + "search?" + urllib.parse.urlencode({"q": "王芳"}))
        assert "王芳" in page and "桃源社区" in page
    finally:
        demo.terminate()
        demo.wait(timeout=30)
