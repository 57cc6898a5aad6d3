"""The place facet follows the division tree (province, then prefecture, then county), with a
breadcrumb back up; the export link carries every filter the page shows (relation, level, place,
title, year). In a real Chromium and through the app (issue 13.4, 13.5)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

TREE = "section.tree[data-facet=place]"


def total(page) -> int:
    return int(re.search(r"共 (\d+) 条", page.locator("h1.count").inner_text()).group(1))


def choose(page, value: str) -> int:
    """Click a branch of the tree; the count it showed."""
    link = page.locator(f"{TREE} li a[data-value='{value}']")
    n = int(link.locator("xpath=following-sibling::span[@class='n']").inner_text())
    link.click()
    expect(page.locator(f"{TREE} .crumbs strong[aria-current]")).to_have_text(value.rsplit("/", 1)[-1])
    return n


def crumbs(page) -> str:
    return " ".join(page.locator(f"{TREE} .crumbs").inner_text().split())


def test_click_province_then_prefecture_then_county_and_back_up(page):
    page.goto("/search?kind=person")
    expect(page.locator(f"{TREE} .crumbs")).to_have_text("全部")
    provinces = page.locator(f"{TREE} li a").evaluate_all("a => a.map(x => x.dataset.value)")
    assert "/云南省" in provinces and all(v.count("/") == 1 for v in provinces)
    assert not [v for v in provinces if "街道" in v or "镇" in v]  # provinces only, never a township

    n = choose(page, "/云南省")
    assert total(page) == n and crumbs(page) == "全部 > 云南省"
    cities = page.locator(f"{TREE} li a").all_inner_texts()
    assert cities == ["昆明市"]

    m = choose(page, "/云南省/昆明市")
    assert total(page) == m <= n and crumbs(page) == "全部 > 云南省 > 昆明市"
    counties = dict(
        zip(
            page.locator(f"{TREE} li a").all_inner_texts(),
            map(int, page.locator(f"{TREE} li span.n").all_inner_texts()),
            strict=True,
        )
    )
    assert {"盘龙区", "石林彝族自治县"} <= set(counties) and sum(counties.values()) <= m

    k = choose(page, "/云南省/昆明市/盘龙区")
    assert total(page) == k == counties["盘龙区"]
    assert crumbs(page) == "全部 > 云南省 > 昆明市 > 盘龙区"
    kinds = page.locator("li.card").evaluate_all("cards => cards.map(c => c.dataset.kind)")
    assert kinds and set(kinds) == {"person"}
    expect(page.locator("a.chip[data-filter=place]")).to_contain_text("云南省 > 昆明市 > 盘龙区")

    page.click(f"{TREE} .crumbs a[data-depth='1']")  # back up to the province
    page.wait_for_url(lambda u: u.endswith("place=%2F%E4%BA%91%E5%8D%97%E7%9C%81"))
    assert total(page) == n and crumbs(page) == "全部 > 云南省"
    page.click(f"{TREE} .crumbs a[data-depth='0']")  # and to the whole tree
    page.wait_for_url(lambda u: "place=" not in u)
    assert "kind=person" in page.url


def test_the_export_link_carries_level_and_place(page, client):
    params = {"kind": "person", "place": "/云南省/昆明市", "level": "county"}
    page.goto("/search?" + "&".join(f"{k}={v}" for k, v in params.items()))
    with page.expect_download() as info:
        page.click("a.export-csv")
    raw = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw)))
    shown = client.get("/api/search", params={**params, "limit": 100}).json()["hits"]
    assert rows and {r["level"] for r in rows} == {"county"}
    assert {(r["article_id"], r["name"]) for r in rows} == {(h["article_id"], h["name"]) for h in shown}


def csv_rows(client, **params) -> list[dict[str, str]]:
    answer = client.get("/export", params={"format": "csv", **params})
    assert answer.status_code == 200
    return list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "person"},  # honourees by default, as on the page
        {"kind": "person", "relation": "official"},
        {"kind": "person", "relation": "author"},
        {"relation": "honouree", "place": "/云南省"},
        {"kind": "person", "relation": "all", "year": "2023"},
    ],
    ids=str,
)
def test_the_page_export_has_the_people_the_page_shows(client, params):
    api = {**params, "kind": "person", "limit": 100}
    shown = client.get("/api/search", params=api).json()
    assert 0 < shown["total"] <= 100
    rows = csv_rows(client, **params)
    assert {(r["article_id"], r["name"]) for r in rows} == {
        (h["article_id"], h["name"]) for h in shown["hits"]
    }
    relation = params.get("relation", "honouree")
    assert relation == "all" or all(h["relation"] == relation for h in shown["hits"])


def test_vietnamese_places_are_a_province_then_its_communes(client):
    top = client.get("/api/search", params={"lang": "vi", "limit": 1}).json()["facets"]
    provinces = top["place1"]
    assert provinces and all(v.count("/") == 1 for v in provinces)
    province, n = next(iter(provinces.items()))
    page = client.get("/search", params={"lang": "vi", "place": province}).text
    tree = page.split('data-facet="place"')[1].split("</section>")[0]
    assert f'aria-current="location" data-depth="1">{province[1:]}</strong>' in tree
    communes = re.findall(r'data-value="([^"]+)">[^<]*</a> <span class="n">(\d+)', tree)
    assert communes and all(v.startswith(province + "/") and v.count("/") == 2 for v, _ in communes)
    assert client.get("/api/search", params={"place": province}).json()["total"] == n
