"""The JSON API and the server-rendered pages, through FastAPI's TestClient."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import tempfile
import tomllib
from pathlib import Path

import pytest

from index.export import FORMATS
from web import render
from web.strings import WEB
from webpage.webtest import SCRIPT


def api(client, path: str, **params) -> dict:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


# --- /api/search ------------------------------------------------------------------------------------


def test_search_finds_wang_fang_as_a_person_with_facets(client):
    found = api(client, "/api/search", q="王芳", kind="person")
    assert found["total"] == 2 and {h["name"] for h in found["hits"]} == {"王芳"}
    assert {h["honour"] for h in found["hits"]} == {"最美奋斗者", "最美社区工作者"}
    assert found["facets"]["year"] == {"2023": 2} and found["facets"]["kind"] == {"person": 2}
    assert all(
        h["snippet"][h["offset"] + a : h["offset"] + b] == "王芳"
        for h in found["hits"]
        for a, b in h["highlights"]
    )


def test_filters_narrow_and_lang_is_an_alias_of_language(client):
    everything = api(client, "/api/search", limit=1)["total"]
    vi = api(client, "/api/search", language="vi", kind="person")
    assert 0 < vi["total"] < everything and all(h["lang"] == "vi" for h in vi["hits"])
    assert api(client, "/api/search", lang="vi", kind="person")["total"] == vi["total"]
    ranged = api(client, "/api/search", year="2020..2021", kind="event")
    assert ranged["total"] and set(ranged["facets"]["year"]) <= {"2020", "2021"}


def test_paging_walks_through_all_hits_without_repeats(client):
    total = api(client, "/api/search", kind="person", limit=1)["total"]
    seen = [
        h["id"]
        for off in range(0, total, 7)
        for h in api(client, "/api/search", kind="person", limit=7, offset=off)["hits"]
    ]
    assert len(seen) == len(set(seen)) == total


@pytest.mark.parametrize(
    "query, matched, how",
    [
        ("wang fang", "王芳", "pinyin"),
        ("tran van chanh", "Trần Văn Chánh", "diacritics"),
        ("藍波", "蓝波", "traditional"),
    ],
)
def test_variant_readings_are_reported(client, query, matched, how):
    found = api(client, "/api/search", q=query)
    assert {"typed": found["variants"][0]["typed"], "matched": matched, "how": how} in found["variants"]
    page = client.get("/search", params={"q": query, "lang": "en"}).text
    assert f"“{matched}”" in page and f'data-how="{how}"' in page


def test_per_year_counts_people_and_collectives_of_the_query(client):
    found = api(client, "/api/search", q="最美奋斗者")
    people = api(client, "/api/search", q="最美奋斗者", kind="person,collective", limit=1)
    assert (
        found["per_year"] == people["facets"]["year"] and sum(found["per_year"].values()) == people["total"]
    )
    assert api(client, "/api/search", kind="article")["per_year"] == {}


# --- person, event, article -------------------------------------------------------------------------


def test_person_dossier_every_honour_with_evidence(client):
    found = api(client, "/api/person/王芳")
    (person,) = found["people"]
    assert {h["honour"] for h in person["honours"]} == {"最美奋斗者", "最美社区工作者"}
    assert all("王芳" in h["evidence"] and h["source"] for h in person["honours"])
    assert api(client, "/api/person/wang fang")["people"][0]["name"] == "王芳"
    r = client.get("/api/person/无此人")
    assert r.status_code == 404 and "无此人" in r.json()["error"]


def test_person_page_lists_the_first_honours_and_links_to_all(client, monkeypatch):
    from web import pages

    honours = api(client, "/api/person/王芳")["people"][0]["honours"]
    assert len(honours) == 2
    monkeypatch.setattr(pages, "PERSON_SHOWN", 1)
    page = client.get("/person/王芳").text
    assert page.count('class="honour-item"') == 1
    assert "/person/%E7%8E%8B%E8%8A%B3?all=1" in page and "共 2 条" in page
    whole = client.get("/person/王芳", params={"all": "1"}).text
    assert whole.count('class="honour-item"') == 2 and 'class="more"' not in whole


def test_event_has_name_date_organisers_counts_and_honourees(client):
    hit = api(client, "/api/search", kind="event", min_count=50, unit="collective")["hits"][0]
    eid = hit["id"][2:]
    ev = api(client, f"/api/event/{eid}")
    assert ev["date"] == "2023-12-12" and "盘龙区" in ev["place"] and ev["year"] == 2023
    assert "中共昆明市盘龙区委宣传部" in ev["organizers"] and "最美奋斗集体" in ev["honours"]
    assert any(c["value"] == 100 and c["status"] == "awarded" for c in ev["counts"])
    assert "王芳" in {p["name"] for p in ev["people"]} and ev["collectives"]
    assert api(client, f"/api/event/e:{eid}")["id"] == eid  # the search hit's own id works too
    page = client.get(f"/event/{eid}", params={"lang": "en"}).text
    assert "中共昆明市盘龙区委宣传部" in page and "Organisers" in page and "王芳" in page
    assert client.get(f"/api/event/{hit['article_id']}:99").status_code == 404


def test_article_has_texts_entities_cleaning_and_its_cluster(client, hostile_id):
    a = api(client, f"/api/article/{hostile_id}")
    assert SCRIPT in a["text"] and SCRIPT in a["original_text"] and SCRIPT in a["title"]
    assert {"pinyin", "emoji", "boilerplate"} <= set(a["cleaning"])
    assert {p["name"] for p in a["people"]} >= {"赵志强", "钱丽华"}
    assert all(a["text"][s:e] == p["name"] for p in a["people"] for s, e in [p["span"]])
    (other,) = a["duplicates"]
    assert (
        other["source"].endswith(("hostile_repost.txt", "hostile_notice.txt")) and other["id"] != hostile_id
    )
    page = client.get(f"/article/{hostile_id}").text
    assert '<mark class="ent-person">赵志强</mark>' in page and "hostile_repost.txt" in page


def test_article_page_shows_cleaning_report_and_warc_pointer(client):
    seed = api(client, "/api/search", q='"出彩型好干部"', kind="article")["hits"]
    aid = next(h["article_id"] for h in seed if "003_" in h["source"])
    page = client.get(f"/article/{aid}", params={"lang": "en"}).text
    assert re.search(r'data-cleaner="pinyin">pinyin annotations: \d+<', page)
    # a crawled article names its WARC record: shown as text on the page
    fake = dict(api(client, f"/api/article/{aid}"), warc="warc/crawl-0001.warc.gz#1234")
    html = render.render(
        None, "article.html", a=fake, parts=[(fake["text"], None)], safe_link=render.safe_link
    )
    assert "warc/crawl-0001.warc.gz#1234" in html.body.decode()


# --- the search page --------------------------------------------------------------------------------


def test_search_page_cards_facets_chart_and_export_links(client):
    page = client.get("/search", params={"q": "王芳"}).text
    assert page.count('data-kind="person"') == 2 and "<mark>王芳</mark>" in page
    assert 'href="/person/%E7%8E%8B%E8%8A%B3"' in page
    assert 'data-facet="year"' in page and 'href="/search?q=%E7%8E%8B%E8%8A%B3&amp;year=2023"' in page
    assert re.search(r'<svg [^>]*role="img"', page) and 'data-year="2023"' in page
    assert 'href="/export?q=%E7%8E%8B%E8%8A%B3&amp;format=csv"' in page


def test_state_lives_in_the_url(client):
    page = client.get("/search", params={"kind": "person", "relation": "all", "page": "2"}).text
    assert "第 2 页" in page and 'rel="prev" href="/search?kind=person&amp;relation=all&amp;page=1"' in page
    assert 'rel="next" href="/search?kind=person&amp;relation=all&amp;page=3"' in page
    assert 'data-filter="kind"' in page and 'name="kind" value="person"' in page  # kept on the next search
    moved = client.get(
        "/search", params={"q": "", "from": "2020", "to": "2021", "kind": "event"}, follow_redirects=False
    )
    assert moved.status_code == 303 and moved.headers["location"] == "/search?kind=event&year=2020..2021"
    ranged = client.get(moved.headers["location"]).text
    assert (
        'data-filter="year"' in ranged
        and "2020..2021" in ranged
        and 'name="from" type="number" min="1000" max="2999" value="2020"' in ranged
    )


def test_export_csv_jsonl_and_vertical_of_the_current_query(client):
    before = set(Path(tempfile.gettempdir()).glob("honours-export-*"))
    r = client.get("/export", params={"format": "csv", "q": "王芳", "kind": "person"})
    assert (
        r.status_code == 200
        and r.headers["content-disposition"] == 'attachment; filename="honours-export.csv"'
    )
    assert (
        r.content.startswith(b"\xef\xbb\xbf")
        and r.headers["x-export-sha256"] == hashlib.sha256(r.content).hexdigest()
    )
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert "王芳" in {row["name"] for row in rows} and int(r.headers["x-export-rows"]) == len(rows)
    lines = client.get("/export", params={"format": "jsonl", "q": "王芳", "kind": "person"}).text.splitlines()
    assert len(lines) == 2 and all(any(p["name"] == "王芳" for p in json.loads(x)["people"]) for x in lines)
    vert = client.get("/export", params={"format": "vert", "q": "王芳", "kind": "person"}).text
    assert vert.count("<doc ") == 2 and "\n王芳\n" in vert
    assert set(Path(tempfile.gettempdir()).glob("honours-export-*")) == before  # nothing left behind


# --- the interface language --------------------------------------------------------------------------


def test_every_string_exists_in_every_language():
    strings = tomllib.loads((WEB / "strings.toml").read_text(encoding="utf-8"))
    assert strings and all(
        set(v) - {"en_one"} == {"zh", "vi", "en"} and all(v.values()) for v in strings.values()
    )
    used = set()
    for f in (WEB / "templates").glob("*.html"):
        used |= set(re.findall(r"\bt\('([a-z_]+)'(?! ~)", f.read_text(encoding="utf-8")))
    assert used and used <= set(strings), used - set(strings)
    built = [
        f"facet_{k}" for k in ("kind", "year", "place", "honour", "lang", "min_count", "unit", "duplicates")
    ]
    built += [f"how_{k}" for k in ("traditional", "pinyin", "diacritics")] + [f"export_{f}" for f in FORMATS]
    assert set(built) <= set(strings), set(built) - set(strings)


@pytest.mark.parametrize(
    "lang, word, tag", [("zh", "搜索", "zh-Hans"), ("vi", "Tìm kiếm", "vi"), ("en", "Search", "en")]
)
def test_interface_language_is_switchable_and_kept_in_links(client, hostile_id, lang, word, tag):
    for path in ("/search?q=王芳", "/person/王芳", f"/article/{hostile_id}", "/no-such-page"):
        page = client.get(path, params={"lang": lang}).text
        assert f'<html lang="{tag}">' in page and word in page
        links = re.findall(r'<a (?![^>]*data-lang)[^>]*href="(/(?!static|openapi)[^"]*)"', page)
        assert links and all(("lang=" in h) == (lang != "zh") for h in links), links
        if lang != "zh":
            assert all(h.split("#")[0].endswith(f"lang={lang}") for h in links)  # before a #fragment
        switches = dict(re.findall(r'href="([^"]*)" data-lang="(\w+)"', page))
        assert sorted(switches.values()) == sorted({"zh", "vi", "en"} - {lang})


def test_openapi_describes_the_api_and_no_page_loads_anything_external(client):
    spec = api(client, "/openapi.json")
    assert {"/api/search", "/api/person/{name}", "/api/event/{eid}", "/api/article/{aid}"} <= set(
        spec["paths"]
    )
    assert "/search" not in spec["paths"] and all(p.startswith(("/api/", "/export")) for p in spec["paths"])
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
    page = client.get("/search", params={"q": "王芳"}).text
    assert not re.search(r'(src|href)="(https?:)?//', page)  # the seeds are files: no outside links at all


def test_english_counts_of_one_are_singular():
    from web.strings import translator

    t, _ = translator("en")
    assert t("duplicates_n", n=1) == "1 repost" and t("duplicates_n", n=3) == "3 reposts"
    assert t("person_mentions", n=1) == "1 honour or mention"
    zh, _ = translator("zh")
    assert zh("duplicates_n", n=1) == "另有 1 篇转载"
