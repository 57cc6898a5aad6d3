"""One crawl of the sample site, checked from every side: the store, the server's own request
log, the WARC files. The site has robots.txt rules, a redirect, a 404, a page failing with 500
once, one answering 503 + Retry-After once, a tracking-parameter duplicate, an off-host link,
GBK and Big5 pages without declarations, list pages and an "about" page."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLES, crawl, paths, run_honours, stored

from normalize.sources import read_warc_record


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    from crawler.sample_site import SITE, SampleSite

    server = SampleSite(SITE).start()
    data = tmp_path_factory.mktemp("crawl") / "data"
    done = crawl(data, server.url, "--delay", "0")
    yield server, data, done
    server.shutdown()
    server.server_close()


def test_every_article_is_stored_exactly_once(crawled):
    _, data, done = crawled
    assert paths(stored(data)) == sorted(ARTICLES)
    assert "articles: 8 new" in done.stdout


def test_list_pages_and_pages_without_an_article_are_not_stored(crawled):
    server, data, _ = crawled
    requested = set(server.paths(200))
    for page in ("/", "/news/list_1.html", "/news/list_2.html", "/about.html"):
        assert page in requested  # followed ...
        assert page not in paths(stored(data))  # ... but not stored


def test_robots_txt_is_read_first_and_disallowed_paths_never_requested(crawled):
    server, _, _ = crawled
    requested = server.paths()
    assert requested[0] == "/robots.txt"
    assert not [p for p in requested if p.startswith("/private/")]
    assert "refused by robots.txt" in crawled[2].stdout


def test_nothing_is_fetched_off_the_host_and_tracking_duplicates_are_dropped(crawled):
    server, _, _ = crawled
    port = server.server_address[1]
    assert {e["host"] for e in server.log} == {f"127.0.0.1:{port}"}  # the localhost link is another host
    assert "/news/2024/offsite.html" not in server.paths()
    assert not [p for p in server.paths() if "utm_source" in p]
    assert all(e["ua"].startswith("honours-archive/") for e in server.log)


def test_gbk_big5_and_gb18030_pages_are_decoded(crawled):
    _, data, _ = crawled
    titles = {
        p: r["title"]
        for p, r in zip(
            paths(stored(data)), sorted(stored(data), key=lambda r: r["source"].split("/", 3)[3]), strict=True
        )
    }
    assert (
        titles["/news/2024/0428-shilin-laomo.html"] == "县委县政府关于表彰2023年度劳动模范和先进工作者的决定"
    )  # GBK, undeclared
    assert (
        titles["/news/2023/0402-shizhong-repost.html"] == "济南市中区表彰一批「出彩型」好干部"
    )  # Big5 → simplified
    assert (
        titles["/news/2024/1105-jiaxing-gongshi.html"] == "关于2024年度“嘉兴好人”拟推荐人选的公示"
    )  # GB18030


def test_redirect_404_500_and_503_are_handled(crawled):
    server, _, done = crawled
    log = [(e["path"], e["status"], e["t"]) for e in server.log]
    flaky = [s for p, s, _ in log if p == "/news/2024/0615-flaky.html"]
    assert flaky == [500, 200]  # retried after the failure
    busy = [(s, t) for p, s, t in log if p == "/news/2023/1228-truongan-vi.html"]
    assert [s for s, _ in busy] == [503, 200]
    assert busy[1][1] - busy[0][1] >= 0.95  # Retry-After: 1 was honoured
    assert [s for p, s, _ in log if p == "/news/2024/missing.html"] == [404]  # not retried
    assert ("/old/laomo.html", 301) in [(p, s) for p, s, _ in log]
    assert "404" in done.stdout and "1× 301" in done.stdout


def test_robots_crawl_delay_spaces_requests_even_with_no_delay_asked(crawled):
    server, _, _ = crawled
    times = [e["t"] for e in server.log]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    # Crawl-delay: 0.2. Arrival times jitter on a loaded machine (a late request narrows the gap
    # after it and widens the one before), so the pace is checked over the whole crawl, and no two
    # requests may come together as they would with no delay at all.
    assert times[-1] - times[0] >= 0.9 * 0.2 * len(gaps)
    assert min(gaps) >= 0.05


def test_every_article_names_its_warc_record_and_the_warcs_pass_warcio_check(crawled):
    _, data, _ = crawled
    for row in stored(data):
        assert row["raw_sha1"] is not None
        assert row["warc"].startswith("warc/")
        assert read_warc_record(row["warc"], data).uri == row["source"]
    warcs = sorted((data / "warc").glob("*.warc.gz"))
    assert warcs and not list((data / "warc").glob("*.open"))
    check = subprocess.run(
        [Path(sys.executable).parent / "warcio", "check", "-v", *warcs], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count("request") >= 19 and "response" in check.stdout
    cdxj = warcs[0].with_suffix("").with_suffix(".cdxj").read_text()
    assert all(f'"url": "{r["source"]}"' in cdxj for r in stored(data))


def test_reprocess_rebuilds_every_article_from_the_warc_files_alone(crawled):
    _, data, _ = crawled
    db = sqlite3.connect(data / "archive.sqlite")
    assert db.execute("SELECT count(*) FROM raw").fetchone()[0] == 0  # the WARC holds the bytes
    db.close()
    done = run_honours("--data-dir", str(data), "reprocess")
    assert done.returncode == 0, done.stderr
    assert "8 reprocessed" in done.stdout
    found = run_honours("--data-dir", str(data), "search", "nguyen thi hoa", "--kind", "person")
    assert "Nguyễn Thị Hoa" in found.stdout


def test_the_crawled_archive_answers_searches(crawled):
    _, data, _ = crawled
    found = run_honours("--data-dir", str(data), "search", "王芳", "--kind", "person")
    assert "桃源社区" in found.stdout and "0308-gulou-wechat" in found.stdout
    notice = run_honours("--data-dir", str(data), "search", "交通管制")
    assert "0603-roadworks" in notice.stdout  # kept as an article, flagged not a commendation
    people = run_honours("--data-dir", str(data), "search", "交通管制", "--kind", "person")
    assert "0603-roadworks" not in people.stdout
