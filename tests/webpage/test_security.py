"""Safety: hostile text renders as text, nothing writes, ids and export names are checked, requests
are bounded, errors are friendly pages without tracebacks, and every response has security headers."""

from __future__ import annotations

import hashlib
import socket
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from web import api, pages, state
from webpage.webtest import IMG, SCRIPT

ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
ESCAPED_IMG = "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"


def assert_inert(html: str) -> None:
    """No payload survives as markup: the only <script> or <img> would be ours, and we have none."""
    assert SCRIPT not in html and "<img" not in html and "onerror=alert(1)>" not in html
    assert "<script" not in html.lower()


def test_the_hostile_article_renders_its_payloads_as_text(client, hostile_id):
    page = client.get(f"/article/{hostile_id}").text
    assert_inert(page)
    assert page.count(ESCAPED_SCRIPT) >= 3 and ESCAPED_IMG in page  # title, text, original text


def test_hostile_search_results_render_as_text(client):
    for params in (
        {"q": "赵志强"},
        {"q": "城关街道", "kind": "article"},
        {"q": "最美奋斗者", "kind": "event"},
    ):
        page = client.get("/search", params=params).text
        assert_inert(page)
        assert ESCAPED_SCRIPT in page


@pytest.mark.parametrize("payload", [SCRIPT, IMG, f"{SCRIPT} kind:person", "place:" + IMG.replace(" ", "")])
def test_payloads_as_queries_render_as_text(client, payload):
    for path in ("/search", "/export"):
        r = client.get(
            path, params={"q": payload, "format": "csv" if path == "/export" else None, "place": IMG}
        )
        if r.headers["content-type"].startswith("text/html"):
            assert_inert(r.text)
    page = client.get("/search", params={"q": payload, "honour": SCRIPT}).text
    assert_inert(page)
    assert 'value="' + payload.replace('"', "&#34;").replace("<", "&lt;").replace(">", "&gt;") in page
    assert "alert(1)" in page  # shown, as text, in the box and in the filter chip


@pytest.mark.parametrize("name", [SCRIPT, IMG, "王芳" + SCRIPT])
def test_payloads_as_names_and_ids_render_as_text(client, name):
    for path in (f"/person/{name}", f"/article/{name}", f"/event/{name}"):
        r = client.get(path)
        assert r.status_code in (400, 404) and "text/html" in r.headers["content-type"]
        assert_inert(r.text)
    r = client.get(f"/api/person/{name}")
    assert r.status_code in (400, 404) and r.headers["content-type"] == "application/json"


def test_no_endpoint_writes(client, settings):
    def fingerprint() -> dict[str, str]:
        root = Path(settings.data_dir)
        files = [root / "archive.sqlite", *sorted((root / "index").rglob("*"))]
        return {str(f): hashlib.sha1(f.read_bytes()).hexdigest() for f in files if f.is_file()}

    before = fingerprint()
    for path in (
        "/search?q=王芳",
        "/person/王芳",
        "/export?format=jsonl",
        "/api/search?q=x",
        "/api/article/nope",
    ):
        client.get(path)
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        client.request(method, "/search", content=b"q=1")
    assert fingerprint() == before
    reader = client.app.state.library.readers[0]
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only"):
        reader.store.db.execute("DELETE FROM articles")


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"])
@pytest.mark.parametrize(
    "path", ["/", "/search", "/api/search", "/api/article/x", "/export", "/static/style.css"]
)
def test_only_get_and_head_are_answered(client, method, path):
    r = client.request(method, path)
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"
    if path.startswith("/api/"):
        assert "read-only" in r.json()["error"]
    else:
        assert "本站只读" in r.text


def test_head_answers_headers_without_a_body(client):
    r = client.head("/search?q=王芳")
    assert r.status_code == 200 and r.content == b"" and r.headers["content-type"].startswith("text/html")


TRAVERSALS = [
    "/article/%2e%2e",
    "/article/..%2f..%2fetc%2fpasswd",
    "/article/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/api/article/%2e%2e",
    "/api/article/..%2F..%2Fetc%2Fpasswd",
    "/event/..%2f..%2fetc%2fpasswd",
    "/api/event/%2e%2e:1",
    "/person/..%2f..%2fetc%2fpasswd",
    "/person/%2e%2e",
    "/api/person/..%5c..%5cwindows",
    "/static/../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2fsearch_app.py",
    "/article/../../etc/passwd",
    "/export?format=../../etc/passwd",
    "/export?format=csv/../../etc/passwd",
    "/export?format=%2e%2e%2fpasswd",
]


def raw_get(base: str, target: str) -> tuple[int, str]:
    """A request line sent as is: no client-side normalisation of dots or escapes."""
    host = urlsplit(base)
    with socket.create_connection((host.hostname, host.port), timeout=10) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: {host.netloc}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8", "replace")


@pytest.mark.parametrize("target", TRAVERSALS)
def test_path_traversal_on_ids_and_export_names_is_rejected(live, target):
    status, body = raw_get(live, target)
    assert status in (400, 404), (target, status)
    assert "root:" not in body and "import " not in body and "Traceback" not in body
    if not target.startswith("/static"):
        assert "出错了" in body or '"error"' in body  # a friendly page or a JSON error


def test_bad_export_format_is_a_friendly_page(client):
    r = client.get("/export", params={"format": "exe", "q": "王芳", "lang": "en"})
    assert r.status_code == 400 and "That export format is not offered" in r.text


def test_malformed_queries_explain_themselves(client):
    page = client.get("/search", params={"q": '"王芳', "lang": "vi"})
    assert (
        page.status_code == 400 and "Không hiểu truy vấn này" in page.text and "không thành cặp" in page.text
    )
    assert 'value="&#34;王芳"' in page.text  # the box keeps what was typed, to be fixed
    for params in ({"q": '"王芳'}, {"q": "nofield:x"}, {"year": "20x0"}, {"kind": "spaceship"}):
        r = client.get("/api/search", params=params)
        assert r.status_code == 400 and r.json()["error"]
    for params in ({"page": "abc"}, {"page": "0"}, {"from": "20", "to": "2023"}, {"year": "2023..2020"}):
        r = client.get("/search", params=params)
        assert r.status_code == 400 and "出错了" in r.text


def test_request_size_limits(client):
    assert client.get("/search", params={"q": "王" * 501}).status_code == 400
    assert client.get("/api/search", params={"q": "x" * 501}).status_code == 400
    assert client.get("/api/search", params={"limit": 1000}).status_code == 400
    assert client.get("/search", params={"place": "x" * (state.MAX_FIELD + 1)}).status_code == 400
    r = client.get("/search?q=" + "a" * (client.app.state.library.settings.max_url + 10))
    assert r.status_code == 414 and "请求过长" in r.text
    r = client.request("GET", "/api/search", content=b"x" * 100)
    assert r.status_code == 413 and r.json()["error"]


def test_slow_work_answers_503_in_time(client):
    library = client.app.state.library
    library.timeout = 0
    try:
        r = client.get("/search", params={"q": "王芳", "lang": "en"})
        api = client.get("/api/search", params={"q": "王芳"})
    finally:
        library.timeout = library.settings.page_timeout
    assert r.status_code == 503 and "took too long" in r.text
    assert api.status_code == 503 and api.json()["error"]
    assert client.get("/api/search", params={"q": "王芳"}).status_code == 200


def test_internal_errors_are_friendly_pages_without_tracebacks(lenient, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals at /srv/archive")

    monkeypatch.setattr(pages, "dossier", broken)
    monkeypatch.setattr(api, "dossier", broken)
    r = lenient.get("/person/王芳", params={"lang": "en"})
    assert r.status_code == 500 and "An internal error occurred" in r.text
    assert "secret internals" not in r.text and "Traceback" not in r.text
    assert (
        r.headers["content-type"].startswith("text/html")
        and "script-src 'none'" in r.headers["content-security-policy"]
    )
    r = lenient.get("/api/person/王芳")
    assert r.status_code == 500 and "secret" not in r.text and r.json()["error"]
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    "path",
    [
        "/search?q=王芳",
        "/api/search?q=王芳",
        "/static/style.css",
        "/nope",
        "/openapi.json",
        "/export?format=csv",
    ],
)
def test_security_headers_on_every_response(client, path):
    r = client.get(path)
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert "script-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
    assert "server" not in r.headers or "uvicorn" not in r.headers["server"]
