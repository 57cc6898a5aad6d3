"""Errors through the real served page (uvicorn on a local port): whatever goes wrong, even inside
the archive, the answer is a page (or JSON under /api/) in the interface language, with the security
headers; numbers out of bounds are a friendly 400, never a 500."""

from __future__ import annotations

import shutil
import sqlite3

import httpx
import pytest

import search_app
from index.query import QueryError, parse
from web.strings import localised
from webpage.webtest import served

BIG = "99999999999999999999"  # past any integer SQLite or a C long holds
PAGES = ["/search?q=王芳", "/person/王芳", "/search?kind=event", "/export?format=csv&q=王芳"]
API = ["/api/search?q=王芳", "/api/person/王芳", "/api/search?kind=person"]


def assert_secured(r: httpx.Response) -> None:
    csp = r.headers.get("content-security-policy", "")
    assert "default-src 'self'" in csp and "script-src 'none'" in csp, (r.url, dict(r.headers))
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"


def assert_friendly(r: httpx.Response, api: bool) -> None:
    assert_secured(r)
    assert "Traceback" not in r.text and "sqlite" not in r.text.lower() and 'File "' not in r.text
    if api:
        assert r.headers["content-type"] == "application/json" and r.json()["error"]
    else:
        assert r.headers["content-type"].startswith("text/html") and "<!doctype html>" in r.text
        assert 'class="error"' in r.text


@pytest.fixture
def damaged(settings, tmp_path):
    """A copy of the archive, served; the test damages it while the server runs."""
    copy = settings.replace(data_dir=tmp_path / "data")
    shutil.copytree(settings.data_dir, copy.data_dir)
    with served(search_app.app_for(copy)) as base, httpx.Client(base_url=base, timeout=30) as c:
        yield copy, c


def test_a_damaged_store_answers_every_page_with_a_secured_error_page(damaged):
    settings, c = damaged
    # a reader is open before the damage, another opens after it
    assert c.get("/search", params={"q": "王芳"}).status_code == 200
    with sqlite3.connect(settings.data_dir / "archive.sqlite") as db:
        db.execute("PRAGMA foreign_keys = OFF")
        db.execute("DROP TABLE people")
        db.execute("DROP TABLE events")
    for path in API:
        r = c.get(path)
        assert r.status_code in (500, 503), (path, r.status_code, r.text[:300])
        assert_friendly(r, api=True)
    for path in PAGES:
        for lang, words in (("zh", "出错了"), ("vi", "Có lỗi"), ("en", "Something went wrong")):
            r = c.get(f"{path}{'&' if '?' in path else '?'}lang={lang}")
            assert r.status_code in (500, 503), (path, r.status_code, r.text[:300])
            assert_friendly(r, api=False)
            assert words in r.text and f'<html lang="{"zh-Hans" if lang == "zh" else lang}">' in r.text
    r = c.head("/person/王芳")
    assert (
        r.status_code in (500, 503)
        and r.content == b""
        and "script-src 'none'" in r.headers["content-security-policy"]
    )


def test_a_store_gone_after_start_is_a_503_page(damaged):
    settings, c = damaged
    (settings.data_dir / "archive.sqlite").rename(settings.data_dir / "elsewhere.sqlite")
    for path in PAGES + API:  # the worker threads open their readers now: the store is not there
        r = c.get(path)
        assert r.status_code == 503, (path, r.status_code)
        assert_friendly(r, api=path.startswith("/api/"))
        assert "elsewhere" not in r.text and str(settings.data_dir) not in r.text  # no paths leak


@pytest.mark.parametrize(
    "path, params",
    [
        ("/search", {"min_count": "-1"}),
        ("/search", {"min_count": "abc"}),
        ("/search", {"min_count": BIG}),
        ("/search", {"min_count": "1.5", "unit": "person"}),
        ("/search", {"page": BIG}),
        ("/search", {"page": "-3"}),
        ("/export", {"format": "csv", "min_count": BIG}),
        ("/export", {"format": "csv", "min_count": "-1"}),
        ("/export", {}),
        ("/api/search", {"min_count": "-1"}),
        ("/api/search", {"min_count": BIG}),
        ("/api/search", {"offset": BIG}),
        ("/api/search", {"offset": "-1"}),
        ("/api/search", {"limit": BIG}),
        ("/api/search", {"limit": "x"}),
        ("/api/search", {"year": BIG}),
    ],
)
def test_numbers_out_of_bounds_are_a_friendly_400(live, path, params):
    with httpx.Client(base_url=live, timeout=30) as c:
        r = c.get(path, params=params)
    assert r.status_code == 400, (path, params, r.status_code)
    assert_friendly(r, api=path.startswith("/api/"))
    if not path.startswith("/api/"):
        assert "出错了" in r.text


def test_the_largest_count_is_still_a_search(live):
    with httpx.Client(base_url=live, timeout=30) as c:
        r = c.get("/search", params={"kind": "event", "min_count": str(10**9), "unit": "person"})
        assert r.status_code == 200 and "没有找到结果" in r.text
        assert c.get("/api/search", params={"min_count": 10**9}).json()["total"] == 0


ERRORS = [  # (path, params, the detail in Chinese, in Vietnamese, in English)
    ("/search", {"q": '"王芳'}, "查询中的引号不成对", "không thành cặp", "unbalanced quotation mark"),
    ("/search", {"q": "kind:spaceship"}, "这种类型", "Không có loại", "unknown kind"),
    ("/search", {"year": "2023..2020"}, "起止颠倒", "bị ngược", "runs backwards"),
    ("/search", {"page": "0"}, "页码须为 1 到 500", "Số trang phải là", "page must be a number"),
    ("/search", {"from": "20x0"}, "年份须为四位数字", "Năm phải gồm bốn chữ số", "four digits"),
    ("/search", {"min_count": "-1"}, "最少人数须为 0 到", "Số lượng tối thiểu", "min_count must be"),
    ("/export", {"format": "exe"}, "导出格式只能是", "Định dạng xuất phải là", "format must be one of"),
    ("/person/a\\b", {}, "姓名为空、过长", "Tên trống", "not a valid name"),
    ("/article/a.b", {}, "文章编号只能包含", "Mã bài viết chỉ gồm", "not a valid article id"),
    ("/event/abc", {}, "活动编号须写成", "Mã sự kiện phải có dạng", "not a valid event id"),
]


@pytest.mark.parametrize("path, params, zh, vi, en", ERRORS)
def test_error_details_speak_the_interface_language(live, path, params, zh, vi, en):
    with httpx.Client(base_url=live, timeout=30) as c:
        for lang, detail, title in (
            ("zh", zh, "出错了"),
            ("vi", vi, "Có lỗi"),
            ("en", en, "Something went wrong"),
        ):
            r = c.get(path, params={**params, "lang": lang})
            assert r.status_code == 400 and title in r.text and detail in r.text, (lang, r.text[-1500:])
            if lang != "en":
                assert en not in r.text  # no English left on a Chinese or Vietnamese page
            assert_secured(r)


def test_refusals_speak_the_interface_language(live):
    with httpx.Client(base_url=live, timeout=30) as c:
        r = c.post("/search", params={"lang": "vi"})
        assert (
            r.status_code == 405 and "Không chấp nhận yêu cầu POST" in r.text and "not allowed" not in r.text
        )
        r = c.get("/search", params={"q": "a" * 9000, "lang": "zh"})
        assert r.status_code == 414 and "请求行超过 8192 个字符" in r.text
        r = c.request("DELETE", "/api/search")  # the API answers in English
        assert r.status_code == 405 and "read-only" in r.json()["error"]
        assert_secured(r)


BAD_QUERIES = [
    ("x" * 501, {}),
    ('"open', {}),
    ("nofield:x", {}),
    ("kind:", {}),
    ("", {"kind": "spaceship"}),
    ("", {"lang": "fr"}),
    ("", {"year": "soon"}),
    ("", {"year": "2023..2020"}),
    ("", {"unit": "cats", "min_count": 3}),
    ("", {"min_count": "many"}),
]


@pytest.mark.parametrize("text, filters", BAD_QUERIES)
def test_every_query_error_has_a_translation(text, filters):
    """messages.toml keeps up with index/query.py: each message it writes is matched."""
    with pytest.raises(QueryError) as e:
        parse(text, **filters)
    message = str(e.value)
    for lang in ("zh", "vi"):
        assert localised(message, lang) != message, (lang, message)
