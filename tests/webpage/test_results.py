"""The results of the search page (issue 13 item 5): people shown as honourees by default with a
relation facet, each card's honour records (who awarded what, when), the honour level facet on both
engines, "showing x–y of N", reposts linked to their cluster, other readings of a query that found
nothing, and results before facets on a narrow screen."""

from __future__ import annotations

import re
from html import unescape

import pytest
from playwright.sync_api import expect

import search_app
from webpage.webtest import build_archive, client_class


def relations(page: str) -> list[str]:
    return re.findall(r'data-kind="person" data-relation="(\w+)"', page)


def test_people_are_honourees_by_default_and_a_link_shows_every_relation(client):
    default = client.get("/search", params={"kind": "person"}).text
    assert relations(default) and set(relations(default)) == {"honouree"}
    link = re.search(r'<a class="all-relations" href="([^"]+)"', default)
    assert link and "relation=all" in unescape(link.group(1))
    every = client.get(unescape(link.group(1))).text
    assert {"honouree", "official", "author"} <= set(relations(every))
    section = every.split('data-facet="relation"')[1].split("</section>")[0]
    facet = dict(re.findall(r'data-value="(\w+)">[^<]*</a> <span class="n">(\d+)', section))
    assert {"honouree", "official", "author", "mentioned"} <= set(facet)
    officials = client.get("/search", params={"kind": "person", "relation": "official"}).text
    assert set(relations(officials)) == {"official"} and 'data-filter="relation"' in officials
    api = client.get("/api/search", params={"kind": "person", "limit": 1}).json()
    assert api["total"] == int(facet["honouree"]) and api["narrow"] == {"relation": "honouree"}
    assert client.get("/api/search", params={"kind": "person", "relation": "all"}).json()["total"] == sum(
        map(int, facet.values())
    )


@pytest.mark.parametrize("params", [{"relation": "boss"}, {"level": "galactic"}])
def test_an_unknown_relation_or_level_is_a_400(client, params):
    assert client.get("/search", params=params).status_code == 400
    assert client.get("/api/search", params=params).status_code == 400


def test_a_person_card_says_who_awarded_what_and_when(client):
    page = client.get("/search", params={"q": "王永强", "kind": "person"}).text
    held = re.search(r'<ul class="held">(.*?)</ul>', page, re.S)
    assert held, page[-3000:]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", held.group(1)))
    assert "劳动模范" in text and "县级" in text and "中共石林县委、石林县人民政府" in text and "2024" in text
    hit = client.get("/api/search", params={"q": "王永强", "kind": "person"}).json()["hits"][0]
    assert {"title": "劳动模范", "level": "county", "year": 2024}.items() <= hit["honours"][0].items()


def test_the_level_facet_filters_people_and_collectives(client):
    page = client.get("/search", params={"kind": "person,collective", "relation": "all"}).text
    levels = re.findall(
        r'data-value="(\w+)">[^<]*</a> <span class="n">\d+',
        page.split('data-facet="level"')[1].split("</section>")[0],
    )
    assert {"county", "township", "unit"} <= set(levels)
    county = client.get("/search", params={"kind": "person,collective", "level": "county"}).text
    cards = county.split('<li class="card')[1:]
    assert cards and all('data-level="county"' in c for c in cards)
    assert 'data-filter="level"' in county and "县级" in county


def test_relation_and_level_filters_agree_on_both_engines(client, tmp_path):
    TestClient = client_class()
    with TestClient(search_app.app_for(build_archive(tmp_path, engine="tantivy"))) as tantivy:
        for params in (
            {"kind": "person"},
            {"kind": "person", "relation": "author"},
            {"level": "county"},
            {"kind": "collective", "level": "township"},
            {"q": "最美奋斗者", "relation": "all", "kind": "person"},
        ):
            w, t = (c.get("/api/search", params={**params, "limit": 100}).json() for c in (client, tantivy))
            assert w["total"] == t["total"] > 0, params
            assert {h["id"] for h in w["hits"]} == {h["id"] for h in t["hits"]}, params
            assert (
                w["facets"]["relation"] == t["facets"]["relation"]
                and w["facets"]["level"] == t["facets"]["level"]
            )


def test_showing_x_to_y_of_n_and_reposts_link_to_their_cluster(client, hostile_id):
    total = client.get("/api/search", params={"kind": "person", "relation": "all", "limit": 1}).json()[
        "total"
    ]
    second = client.get("/search", params={"kind": "person", "relation": "all", "page": "2"}).text
    assert f"显示第 21–{min(40, total)} 条，共 {total} 条" in second
    english = client.get("/search", params={"q": "赵志强", "kind": "article", "lang": "en"}).text
    assert "Showing 1–1 of 1" in english
    link = re.search(r'<a class="reposts" href="([^"]+)">([^<]+)</a>', english)
    assert link and link.group(2) == "1 repost" and link.group(1) == f"/article/{hostile_id}?lang=en#reposts"
    article = client.get(f"/article/{hostile_id}").text
    reposts = article.split('id="reposts"')[1].split("</section>")[0]
    assert "/article/" in reposts  # the repost, listed on the article's page


@pytest.mark.parametrize(
    "typed, how, reading",
    [("王方", "pinyin", "wang fang"), ('"王芳 最美"', "unquoted", "王芳 最美")],
)
def test_a_search_that_finds_nothing_offers_other_readings(client, typed, how, reading):
    page = client.get("/search", params={"q": typed}).text
    assert "没有找到结果" in page
    offered = re.search(rf'<li data-how="{how}"><a href="([^"]+)">([^<]+)</a>', page)
    assert offered and unescape(offered.group(2)) == reading
    assert client.get("/api/search", params={"q": reading}).json()["total"] > 0
    assert 'class="card' in client.get(unescape(offered.group(1))).text


def test_people_who_are_no_honourees_are_offered_when_none_is(client):
    page = client.get("/search", params={"q": "陈志明", "kind": "person"}).text
    offered = re.search(r'<li data-how="relations"><a href="([^"]+)">', page)
    assert "没有找到结果" in page and offered and "relation=all" in offered.group(1)
    assert relations(client.get(unescape(offered.group(1))).text) == ["official"]


def test_results_come_before_facets_on_a_narrow_screen(page):
    page.goto("/search?q=最美奋斗者")
    wide = {s: page.locator(s).bounding_box() for s in ("section.results", "aside.facets")}
    assert wide["aside.facets"]["x"] < wide["section.results"]["x"]  # side by side, facets left
    page.set_viewport_size({"width": 390, "height": 844})
    narrow = {s: page.locator(s).bounding_box() for s in ("section.results", "aside.facets")}
    assert narrow["section.results"]["y"] < narrow["aside.facets"]["y"]
    assert narrow["section.results"]["width"] > 300
    page.click("section[data-facet=kind] a[data-value=person]")
    page.wait_for_url(re.compile(r"kind=person"))
    expect(page.locator("a.all-relations")).to_be_visible()
    expect(page.locator("li.card[data-kind=person] ul.held li").first).to_contain_text("最美奋斗者")
