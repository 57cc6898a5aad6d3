"""The page in a real headless Chromium (Debian's, driven by Playwright): what a member of staff does.
Each test leaves a screenshot in artifacts/web/ (see conftest.page)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from playwright.sync_api import expect

import search_app
from webpage.webtest import FORMULA, IMG, SCRIPT, UNTITLED_LINE, served


def test_type_a_query_and_see_results(page):
    page.goto("/")
    page.fill("#q", "王芳")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=%E7%8E%8B%E8%8A%B3"))
    cards = page.locator("li.card[data-kind=person]")
    expect(cards).to_have_count(2)
    expect(cards.first.locator("mark")).to_have_text("王芳")
    expect(page.locator("h1.count")).to_contain_text("共 4 条")
    expect(page.locator("figure.chart svg a.bar")).to_have_count(1)


def test_click_a_facet_then_a_year_range(page):
    page.goto("/search?q=最美奋斗者")
    before = page.locator("li.card").count()
    page.click("section[data-facet=kind] a[data-value=person]")
    page.wait_for_url(re.compile(r"kind=person"))
    kinds = page.locator("li.card").evaluate_all("cards => cards.map(c => c.dataset.kind)")
    assert kinds and set(kinds) == {"person"} and len(kinds) <= before
    expect(page.locator("a.chip[data-filter=kind]")).to_contain_text("人物")
    page.fill("input[name=from]", "2020")
    page.fill("input[name=to]", "2021")
    page.click("form.searchbox button")
    page.wait_for_url(re.compile(r"year=2020..2021"))
    assert "kind=person" in page.url
    expect(page.locator("a.chip[data-filter=year]")).to_contain_text("2020..2021")
    page.click("a.chip[data-filter=kind]")  # removing a filter keeps the others
    page.wait_for_url(lambda u: "kind=" not in u and "year=2020..2021" in u)


def test_a_chart_bar_filters_by_its_year(page):
    page.goto("/search?kind=person")
    years = page.locator("section[data-facet=year] a").all_inner_texts()
    assert "2021" in years and len(years) > 1
    bar = page.locator("figure.chart a.bar[data-year='2021']")
    expect(bar.locator("title")).to_have_text(re.compile(r"^2021 年：\d+$"))
    bar.click()
    page.wait_for_url(re.compile(r"kind=person&year=2021"))
    assert page.locator("section[data-facet=year] a").all_inner_texts() == ["2021"]
    expect(page.locator("figure.chart a.bar")).to_have_count(1)


def test_open_a_person_page_from_a_result(page):
    page.goto("/search?q=wang+fang")
    expect(page.locator("p.hint[data-how=pinyin]")).to_contain_text("王芳")
    page.locator("li.card[data-kind=person] a.name").first.click()
    page.wait_for_url(re.compile(r"/person/"))
    expect(page.locator("h1")).to_have_text("人物档案：王芳")
    honours = page.locator(".honour-item .honour").all_inner_texts()
    assert sorted(honours) == ["最美奋斗者", "最美社区工作者"]
    expect(page.locator(".honour-item .evidence").first).to_contain_text("王芳")


def test_download_an_export_of_the_current_query(page):
    page.goto("/search?q=王芳&kind=person")
    with page.expect_download() as info:
        page.click("a.export-csv")
    download = info.value
    assert download.suggested_filename == "honours-export.csv"
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {r["name"] for r in rows} >= {"王芳"} and any(r["role"] == "党委书记" for r in rows)
    with page.expect_download() as info:
        page.click("a.export-jsonl")
    lines = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all("王芳" in json.loads(x)["text"] for x in lines)


def test_switch_language_and_keep_it(page):
    page.goto("/search?q=王芳")
    expect(page.locator("form.searchbox button")).to_have_text("搜索")
    page.click("nav.languages a[data-lang=vi]")
    page.wait_for_url(re.compile(r"lang=vi"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("form.searchbox button")).to_have_text("Tìm")
    expect(page.locator("section[data-facet=year] h2")).to_have_text("Năm")
    page.click("section[data-facet=kind] a[data-value=person]")  # links keep the language
    page.wait_for_url(re.compile(r"kind=person.*lang=vi"))
    page.click("nav.languages a[data-lang=en]")
    page.wait_for_url(re.compile(r"lang=en"))
    page.fill("#q", "tran van chanh")
    page.press("#q", "Enter")  # so does the search form
    page.wait_for_url(re.compile(r"q=tran.*lang=en"))
    expect(page.locator("p.hint[data-how=diacritics]")).to_contain_text(
        "Read “tran van chanh” as “Trần Văn Chánh”"
    )
    expect(page.locator("li.card .badge").first).to_have_text("Person")


def test_hostile_article_shows_its_payload_as_text(page, hostile_id):
    for typed in (
        SCRIPT + IMG,
        SCRIPT + " " + IMG.replace('"', ""),
    ):  # an unbalanced quote, then a valid query
        page.goto("/search?" + urlencode({"q": typed}))
        expect(page.locator("#q")).to_have_value(typed)
        assert page.locator("img").count() == 0 and page.locator("script").count() == 0
    page.goto(f"/article/{hostile_id}")
    expect(page.locator("h1.article-title")).to_contain_text(SCRIPT)
    expect(page.locator(".text .body")).to_contain_text(IMG)
    assert page.locator("img").count() == 0 and page.locator("script").count() == 0
    expect(page.locator(".duplicates li a")).to_have_count(1)
    assert not page.dialogs


def test_concurrent_clients_get_the_same_answers(live):
    paths = [
        "/api/search?q=王芳",
        "/api/search?kind=person&limit=50",
        "/api/person/王芳",
        "/search?q=劳动模范",
        "/api/search?q=tran+van+chanh",
    ]
    with httpx.Client(base_url=live, timeout=30) as c:
        expected = {p: c.get(p).content for p in paths}
    with ThreadPoolExecutor(12) as pool, httpx.Client(base_url=live, timeout=30) as c:
        answers = list(pool.map(lambda p: (p, c.get(p)), paths * 8))
    assert all(r.status_code == 200 for _, r in answers)
    assert all(r.content == expected[p] for p, r in answers)


def test_a_downloaded_csv_runs_no_spreadsheet_formulas(page):
    page.goto("/search?q=孙立新")
    with page.expect_download() as info:
        page.click("a.export-csv")
    raw = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(raw))}
    assert {"孙立新", "李秀英"} <= set(rows), rows.keys()
    assert rows["孙立新"]["article_title"] == "'" + FORMULA  # kept, as text
    assert rows["孙立新"]["evidence"].startswith("'=HYPERLINK(")
    assert rows["李秀英"]["evidence"].startswith("'@SUM(")
    cells = [c for row in csv.reader(io.StringIO(raw)) for c in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]


@pytest.fixture
def untitled(settings, tmp_path, browser):
    """A copy of the archive whose untitled article was stored before titles fell back to the
    first line (as older archives hold it), served, and a browser page on it."""
    copy = settings.replace(data_dir=tmp_path / "data")
    shutil.copytree(settings.data_dir, copy.data_dir)
    with sqlite3.connect(copy.data_dir / "archive.sqlite") as db:
        (aid,) = db.execute("SELECT id FROM articles WHERE source LIKE '%untitled.txt'").fetchone()
        db.execute("UPDATE articles SET title = '' WHERE id = ?", (aid,))
    with served(search_app.app_for(copy)) as base:
        context = browser.new_context(base_url=base, locale="zh-CN")
        yield aid, context.new_page()
        context.close()


def test_an_untitled_text_is_called_by_its_first_line_never_its_id(untitled):
    aid, pg = untitled
    start = UNTITLED_LINE[:10]
    pg.goto("/search?q=周建国&kind=article")
    card = pg.locator("li.card[data-kind=article] h2 a")
    expect(card).to_have_count(1)
    expect(card).to_have_text(re.compile("^" + re.escape(start) + ".*…$"))
    pg.goto("/search?q=周建国&kind=person")
    expect(pg.locator("li.card .meta a").first).to_contain_text(start)
    pg.goto(f"/article/{aid}")
    expect(pg.locator("h1.article-title")).to_have_text(re.compile("^" + re.escape(start)))
    assert start in pg.title()
    for path in ("/search?q=周建国", f"/article/{aid}", "/person/周建国"):
        pg.goto(path)
        shown = [*pg.locator("h1, h2, a").all_text_contents(), pg.title().split(" · ")[0]]
        assert not [s for s in shown if re.fullmatch(r"\s*[0-9a-f]{16}\s*", s)], (path, shown)
