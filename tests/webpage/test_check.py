"""/check in a real headless Chromium over a real server: a member of staff pastes a candidate list
of 50 names and reads, for each, whether and how the archive saw the person honoured before."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

import config
import search_app
from webpage.webtest import ARTIFACTS, SCRIPT, make_archive, served

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "index"))
from linking_cases import check_archive  # noqa: E402


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    root = tmp_path_factory.mktemp("check-web")
    (root / "pages").mkdir()
    case = check_archive(root / "pages")
    make_archive(root / "data", root / "pages").close()
    with served(search_app.app_for(config.Settings(data_dir=root / "data"))) as base:
        yield base, case


def test_paste_a_list_and_read_every_answer(browser, checked):
    base, case = checked
    context = browser.new_context(base_url=base, locale="zh-CN")
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto("/check")
    page.fill("textarea#names", "\n".join(case.names) + f"\n{SCRIPT}\n")
    page.click("form.check button")
    page.wait_for_url(lambda u: "names=" in u)
    rows = page.locator("tr.finding")
    expect(rows).to_have_count(51)
    for i, name in enumerate(case.names, 1):
        status, flags = case.expected[name]
        row = page.locator(f"tr.finding[data-line='{i}']")
        assert row.get_attribute("data-status") == status, name
        assert set((row.get_attribute("data-flags") or "").split()) == set(flags), name
        if status == "honoured":
            assert row.locator("li.prior a").count() >= 1
    hostile = page.locator("tr.finding[data-line='51']")
    assert hostile.get_attribute("data-status") == "never"
    expect(hostile.locator(".name")).to_have_text(SCRIPT[:40])  # shown as text, never run
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "test_check_page.png"), full_page=True)
    context.close()
    assert not dialogs


def test_the_page_refuses_a_list_too_long_and_keeps_its_policy(checked):
    base, _ = checked
    r = httpx.get(f"{base}/check", params={"names": "\n".join(["王芳"] * 201)})
    assert r.status_code == 400 and "200" in r.text
    r = httpx.get(f"{base}/check", params={"names": "王芳\n\n"})
    assert r.status_code == 200 and "script-src 'none'" in r.headers["content-security-policy"]
    assert "<script" not in r.text
