"""The web app's fixtures: one archive of the seeds, the samples and a few hostile pages (script
and markup payloads inside a commendation notice and a repost of it, spreadsheet formulas, an
untitled text), served through FastAPI's TestClient and through a real uvicorn server for a real
headless Chromium.

The tests import these helpers from `webpage.webtest`; tests/webpage/conftest.py hands the fixtures
to pytest."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager

import pytest
from conftest import HONOURS, ROOT, SAMPLE_FILES, SEEDS, make_archive  # noqa: F401  (tests/conftest.py)

import config
import search_app

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
ARTIFACTS = ROOT / "artifacts" / "web"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
]

HOSTILE = f"""关于表彰2023年度“最美奋斗者”{SCRIPT}的决定
发布日期：2023-06-15
为弘扬劳模精神，经评审，决定授予赵志强{IMG}等5名同志2023年度“最美奋斗者”称号。
获表彰的有：城关街道幸福社区党委书记赵志强、城关街道和平社区居委会主任钱丽华（女）。
希望受表彰的同志珍惜荣誉，再接再厉。{SCRIPT}
城关区人民政府
2023年6月15日
"""
# cells a spreadsheet would run as formulas: in the title, and at the start of honourees' sentences
FORMULA = '=HYPERLINK("http://evil.test/x","点击")关于表彰先进的决定'
FORMULAS = f"""{FORMULA}
发布日期：2023-06-15
=HYPERLINK("http://evil.test/y","y")经评审，决定授予城关街道幸福社区党委书记孙立新同志2023年度“最美奋斗者”称号。
@SUM(1+1)城关街道和平社区居委会主任李秀英（女）获“最美奋斗者”称号。
城关区人民政府
"""
# a plain text whose first line is too long to be a title: stored untitled
UNTITLED_LINE = "2023年6月15日，经评审，决定授予周建国等5名同志2023年度“最美奋斗者”称号。"
UNTITLED = f"""{UNTITLED_LINE}城关街道幸福社区党委书记周建国获此殊荣。
希望受表彰的同志珍惜荣誉。
"""


def build_archive(root, engine: str = "whoosh") -> config.Settings:
    pages = root / "hostile"
    pages.mkdir()
    (pages / "hostile_notice.txt").write_text(HOSTILE, encoding="utf-8")
    (pages / "hostile_repost.txt").write_text(HOSTILE + "（来源：城关发布）\n", encoding="utf-8")
    (pages / "formulas.txt").write_text(FORMULAS, encoding="utf-8")
    (pages / "untitled.txt").write_text(UNTITLED, encoding="utf-8")
    archive = make_archive(root / "data", SEEDS, *SAMPLE_FILES, pages, engine=engine)
    archive.close()
    return config.Settings(data_dir=root / "data", engine=engine)


@pytest.fixture(scope="session")
def settings(tmp_path_factory) -> config.Settings:
    return build_archive(tmp_path_factory.mktemp("web"))


def client_class():
    import warnings

    with warnings.catch_warnings():  # starlette would like httpx2; httpx is what we have
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient


@pytest.fixture(scope="session")
def client(settings):
    TestClient = client_class()
    with TestClient(search_app.app_for(settings)) as c:
        yield c


@pytest.fixture(scope="session")
def lenient(client):
    """The same app, answering server errors as pages instead of raising them into the test."""
    return client_class()(client.app, raise_server_exceptions=False)


@pytest.fixture(scope="session")
def hostile_id(client) -> str:
    found = client.get("/api/search", params={"q": "赵志强", "kind": "article"}).json()
    assert found["hits"], "the hostile notice was not stored and indexed"
    return found["hits"][0]["article_id"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(app):
    """The app under a real uvicorn server on 127.0.0.1, in a background thread: its base URL."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="session")
def live(settings):
    with served(search_app.app_for(settings)) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live, request):
    """A fresh browser page on the live server; any JavaScript dialog fails the test; a screenshot
    of the final state goes to artifacts/web/<test>.png."""
    context = browser.new_context(base_url=live, accept_downloads=True, locale="zh-CN")
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not dialogs, f"a script ran in the page: {dialogs}"
