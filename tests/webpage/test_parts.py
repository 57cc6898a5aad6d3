"""The web layer's small parts, without a server: marking, the chart, the URL state, id checks; and
the same app over a tantivy index."""

from __future__ import annotations

import pytest

import search_app
from web import render, state, strings
from web.chart import chart as bars
from web.problems import Problem
from webpage.webtest import build_archive, client_class


def test_marked_cuts_text_at_non_overlapping_spans():
    assert render.marked("…王芳是书记", [[0, 2]], shift=1) == [
        ("…", None),
        ("王芳", "mark"),
        ("是书记", None),
    ]
    parts = render.marked("abcdef", [(1, 3, "person"), (2, 4, "count"), (4, 9, "x"), (5, 6, "count")])
    assert parts == [
        ("a", None),
        ("bc", "person"),
        ("de", None),
        ("f", "count"),
    ]  # overlaps and overruns dropped
    assert render.marked("", []) == []


def test_chart_fills_gaps_and_links_each_year():
    chart = bars({2019: 2, 2021: 4}, lambda y: f"/search?year={y}")
    assert [(b["year"], b["n"]) for b in chart["bars"]] == [(2019, 2), (2020, 0), (2021, 4)]
    tall = max(chart["bars"], key=lambda b: b["h"])
    assert tall["year"] == 2021 and tall["h"] == 2 * chart["bars"][0]["h"] and chart["bars"][1]["h"] == 0
    assert chart["bars"][2]["href"] == "/search?year=2021" and bars({}, str) is None


def test_search_state_reads_the_year_form_and_checks_sizes():
    assert state.search_state({"from": "2020", "to": "2023"})["year"] == "2020..2023"
    assert state.search_state({"from": "2021", "to": ""})["year"] == "2021..2100"
    assert state.search_state({"from": "2022", "to": "2022", "year": "1999"})["year"] == "2022"
    assert state.search_state({"from": "", "to": "", "year": "1999"})["year"] == ""
    assert state.search_state({"year": "1999"})["year"] == "1999"
    for bad in ({"from": "20x0"}, {"page": "-1"}, {"page": "9999"}, {"honour": "x" * 201}):
        with pytest.raises(Problem):
            state.search_state(bad)


def test_query_of_maps_page_parameters_to_query_filters():
    q = state.query_of(
        {"q": "王芳", "kind": "person", "language": "zh", "year": "2023", "duplicates": "1", "unit": "person"}
    )
    assert (
        q.kinds == ("person",)
        and q.lang == "zh"
        and (q.year_from, q.year_to) == (2023, 2023)
        and q.duplicates
    )
    assert q.unit is None  # a unit means nothing without a minimum count
    with pytest.raises(Problem) as e:
        state.query_of({"q": "kind:spaceship"})
    assert e.value.status == 400 and "spaceship" in e.value.detail


def test_ids_and_names_are_checked():
    assert state.event_id("e:abc123:4") == ("abc123", 4) == state.event_id("abc123:4")
    assert state.article_id("7bed4fdfaad57696") == "7bed4fdfaad57696"
    assert state.person_name(" 王芳 ") == "王芳" and state.person_name("Trần Văn Chánh") == "Trần Văn Chánh"
    for bad in ("..", "../x", "a/b", "a\\b", "x" * 65, "", "a.b", "%2e"):
        with pytest.raises(Problem):
            state.article_id(bad)
    for bad in ("..", "a/b", "a\\b", "x\x00", "王" * 101, "  "):
        with pytest.raises(Problem):
            state.person_name(bad)
    for bad in ("abc", "abc:x", "../abc:1", "abc:123456"):
        with pytest.raises(Problem):
            state.event_id(bad)


def test_links_keep_the_interface_language_and_drop_empty_parameters():
    assert (
        state.url("/search", {"q": "王 芳", "kind": "", "page": None}, "zh")
        == "/search?q=%E7%8E%8B%20%E8%8A%B3"
    )
    assert state.url("/person/x", {"lang": "en"}, "vi") == "/person/x?lang=vi"
    assert strings.ui_language({"lang": "fr"}) == "zh" and strings.ui_language({"lang": "vi"}) == "vi"


def test_no_archive_is_a_clear_error(tmp_path):
    import config
    from index.store import StoreError

    with pytest.raises(StoreError, match="no archive in"):
        search_app.app_for(config.Settings(data_dir=tmp_path / "nothing"))


def test_the_same_pages_over_a_tantivy_index(tmp_path_factory, client):
    settings = build_archive(tmp_path_factory.mktemp("web-tantivy"), engine="tantivy")
    with client_class()(search_app.app_for(settings)) as tantivy:
        for params in (
            {"q": "王芳"},
            {"q": "wang fang", "kind": "person"},
            {"kind": "event", "year": "2020..2023"},
        ):
            ours, theirs = (c.get("/api/search", params=params).json() for c in (tantivy, client))
            assert ours["total"] == theirs["total"] > 0
            assert {h["id"] for h in ours["hits"]} == {h["id"] for h in theirs["hits"]}
            assert ours["per_year"] == theirs["per_year"] and ours["variants"] == theirs["variants"]
        page = tantivy.get("/search", params={"q": "王芳"}).text
        assert page.count('data-kind="person"') == 2
        assert tantivy.get("/export", params={"format": "csv", "q": "王芳"}).content.startswith(
            b"\xef\xbb\xbf"
        )


def test_a_headline_is_the_title_else_the_first_line_else_the_file_name():
    assert render.headline({"title": "关于表彰的决定", "text": "x"}) == "关于表彰的决定"
    assert render.headline({"title": "", "text": "\n  第一行\n第二行", "source": "/a/b.txt"}) == "第一行"
    long = "很" * 60
    assert render.headline({"title": None, "text": long}) == "很" * 39 + "…"
    assert render.headline({"title": "", "source": "/srv/pages/notice 7.txt"}) == "notice 7.txt"
    assert render.headline({"source": "C:\\pages\\b.txt"}) == "b.txt"
    assert (
        render.headline({"source": "https://example.gov.cn/news/2023/%E9%80%9A%E7%9F%A5.html"}) == "通知.html"
    )
    assert render.headline({"source": "https://example.gov.cn/"}) == "example.gov.cn"
    assert render.headline({"id": "7bed4fdfaad57696"}) == ""  # never the id: the page says "untitled"
    html = render.render(None, "article.html", **article_fixture("")).body.decode()
    assert '<h1 class="article-title">第一行</h1>' in html and "<title>第一行 ·" in html
    assert "7bed4fdfaad57696</h1>" not in html and "（无标题）" not in html
    html = render.render(None, "article.html", **article_fixture("", text="")).body.decode()
    assert '<h1 class="article-title">b.txt</h1>' in html


def article_fixture(title: str, text: str = "第一行\n第二行") -> dict:
    a = {"id": "7bed4fdfaad57696", "title": title, "text": text, "source": "/x/b.txt", "lang": "zh"}
    a |= {"is_commendation": True, "events": [], "cleaning": {}, "duplicates": [], "versions": []}
    return {"a": a, "parts": [(text, None)], "safe_link": render.safe_link}
