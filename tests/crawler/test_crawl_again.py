"""Crawling again, after a crash, in site mode and from several processes over Redis."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import pytest
from conftest import ARTICLES, ROOT, crawl, paths, run_honours, stored

from normalize.sources import read_warc_record

NEW = "/news/2024/0701-new.html"


def test_a_second_crawl_fetches_only_what_is_new(site, tmp_path):
    data = tmp_path / "data"
    crawl(data, site.url, "--delay", "0")
    before = len(site.log)
    page = (site.root / "news/2024/0308-gulou-wechat.html").read_text(encoding="utf-8")
    (site.root / NEW.lstrip("/")).write_text(page.replace("鼓楼区", "台江区"), encoding="utf-8")
    listing = site.root / "news/list_1.html"
    listing.write_text(listing.read_text().replace("</ul>", f'<li><a href="{NEW}">新稿件</a></li></ul>'))
    done = crawl(data, site.url, "--delay", "0")
    again = [e["path"] for e in site.log[before:]]
    assert NEW in again
    assert not set(again) & (ARTICLES - {NEW})  # nothing stored before is fetched again
    assert paths(stored(data)) == sorted(ARTICLES | {NEW})
    assert "articles: 1 new" in done.stdout


def test_site_mode_follows_only_the_patterns_of_the_site_file(site, tmp_path):
    sites = tmp_path / "sites"
    sites.mkdir()
    toml = (ROOT / "crawler/sites/sample.toml").read_text()
    (sites / "sample.toml").write_text(toml.replace("http://127.0.0.1:8765/", site.url))
    data = tmp_path / "data"
    crawl(data, "--site", "sample", "--sites-dir", str(sites), "--delay", "0")
    assert paths(stored(data)) == sorted(ARTICLES)
    assert "/about.html" not in site.paths()  # matches no pattern: not even fetched


@pytest.mark.parametrize(
    "args, message",
    [
        (["--site", "nowhere"], "no site called 'nowhere'"),
        (["ftp://example.org/"], "http"),
        ([], "give either --site NAME or one or more URLs"),
        (["http://127.0.0.1:9/", "--redis", "redis://127.0.0.1:9"], "cannot reach Redis"),
    ],
)
def test_bad_crawl_requests_get_one_line_and_a_nonzero_exit(tmp_path, args, message):
    done = run_honours("--data-dir", str(tmp_path / "data"), "crawl", *args)
    assert done.returncode != 0
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_a_crawl_killed_midway_resumes_complete_with_no_duplicates(site, tmp_path):
    data = tmp_path / "data"
    command = [sys.executable, "-m", "cli", "--data-dir", str(data), "crawl", site.url, "--delay", "0.4"]
    victim = subprocess.Popen(
        command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while len(site.paths(200)) < 7 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(victim.pid, signal.SIGKILL)  # the crawler and its worker processes, as a power cut would
    victim.wait()
    assert len(site.paths(200)) < 16, "the crawl finished before it could be killed"
    # a record half written when the power went: the next crawl must cut it off
    open_warcs = list((data / "warc").glob("*.warc.gz.open"))
    assert open_warcs
    with open(open_warcs[0].with_suffix(""), "ab") as f:
        f.write(b"\x1f\x8b\x08\x00half a record")

    done = crawl(data, site.url, "--delay", "0", "--resume")
    assert "resuming crawl 1" in done.stderr and "repaired a WARC file" in done.stderr
    rows = stored(data)
    assert paths(rows) == sorted(ARTICLES)  # complete, and each once
    for row in rows:
        assert read_warc_record(row["warc"], data).uri == row["source"]
    warcs = sorted((data / "warc").glob("*.warc.gz"))
    check = subprocess.run([os.path.join(os.path.dirname(sys.executable), "warcio"), "check", *warcs])
    assert check.returncode == 0
    found = run_honours("--data-dir", str(data), "search", "王芳", "--kind", "person")
    assert found.stdout.startswith("1 result for")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    port = _free_port()
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}"
    server.terminate()
    server.wait()


def test_two_processes_share_one_crawl_over_redis(site, tmp_path, redis_url):
    def start(name: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "cli", "--data-dir", str(tmp_path / name), "crawl", site.url,
             "--delay", "0.3", "--redis", redis_url, "--linger", "6"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip

    crawlers = [start("a"), start("b")]
    for c in crawlers:
        out, err = c.communicate(timeout=180)
        assert c.returncode == 0, err
    a, b = (set(paths(stored(tmp_path / n))) for n in "ab")
    assert a | b == ARTICLES  # the union is complete
    assert not a & b  # no article stored by both
    assert a and b  # both did a share of the work
    fetched = [p for p in site.paths(200) if p != "/robots.txt"]  # robots.txt: each process reads it
    assert len(fetched) == len(set(fetched))  # nothing fetched twice


ARCHIVE_ONLY = """
import sys
from pathlib import Path
import config
from crawler import sites
from crawler.run import Options, crawl
out = crawl(config.Settings(data_dir=Path(sys.argv[1])), sites.adhoc([sys.argv[2]]),
            Options(delay=0.0, process=False), notice=print)
print(out.finished, out.stats.get("honours/articles/archived", 0))
"""


def test_a_crawl_that_only_archives_leaves_the_articles_for_ingest_and_not_to_fetch_again(site, tmp_path):
    data = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-c", ARCHIVE_ONLY, str(data), site.url], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2:] == ["True", str(len(ARTICLES))]
    assert not (data / "archive.sqlite").exists()  # nothing processed or stored
    before = len(site.log)
    crawl(data, site.url, "--delay", "0")  # an ordinary crawl after it: the articles are known
    assert not {e["path"] for e in site.log[before:]} & ARTICLES
    ingest = run_honours("--data-dir", str(data), "ingest", str(data / "warc"))
    assert ingest.returncode == 0, ingest.stderr
    assert paths(stored(data)) == sorted(ARTICLES)
