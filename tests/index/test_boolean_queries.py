"""Queries with OR and grouping (issue 13.6), as Whoosh and Elasticsearch users write them: the
grammar and its precedence, the same answers on tantivy and Whoosh over the seeds and the samples
(A OR B finds exactly what A finds and what B finds), today's readings of a word kept inside OR
branches, and a bad query refused in one line by the command line and with a 400 by the page."""

from __future__ import annotations

import json

import pytest
from conftest import run_honours
from parity import assert_engines_agree, both_engines

from index.engine import AllOf, AnyOf, Negated
from index.query import QueryError, parse, request
from index.query_parse import MAX_DEPTH, MAX_TERMS, Phrase, Term
from index.search import search
from web.strings import localised


def ids(archive, text: str = "", **filters) -> set[str]:
    found = archive.engine.search(
        request(parse(text, **filters), archive.segmenter.spans, limit=2000, facets=False)
    )
    assert found.total == len(found.hits) < 2000
    return {h.id for h in found.hits}


# --- the grammar --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, tree",
    [
        ("劳模 OR 先进工作者", AnyOf((Term("劳模"), Term("先进工作者")))),
        ('"最美奋斗者" OR "劳动模范"', AnyOf((Phrase("最美奋斗者"), Phrase("劳动模范")))),
        (
            "王芳 (劳动模范 OR 先进工作者) -撤销",
            AllOf((Term("王芳"), AnyOf((Term("劳动模范"), Term("先进工作者"))), Negated(Term("撤销")))),
        ),
        (
            "aa bb OR cc",
            AllOf((Term("aa"), AnyOf((Term("bb"), Term("cc"))))),
        ),  # OR binds tighter than a space
        ("aa AND bb OR cc", AnyOf((AllOf((Term("aa"), Term("bb"))), Term("cc")))),  # AND tighter than OR
        ("aa OR bb AND cc", AnyOf((Term("aa"), AllOf((Term("bb"), Term("cc")))))),
        ("aa or bb", AllOf((Term("aa"), Term("or"), Term("bb")))),  # lower case: a word
        ("aa And bb", AllOf((Term("aa"), Term("And"), Term("bb")))),
        ("-(aa OR bb) cc", AllOf((Negated(AnyOf((Term("aa"), Term("bb")))), Term("cc")))),
        ("NOT aa bb", AllOf((Negated(Term("aa")), Term("bb")))),
        ("((aa OR bb)) OR cc", AnyOf((Term("aa"), Term("bb"), Term("cc")))),
        ('"aa OR bb"', Phrase("aa OR bb")),  # quoted: no operator
        ("2019-2023 a-b", AllOf((Term("2019-2023"), Term("a-b")))),  # a minus inside a word
    ],
)
def test_the_grammar_reads_or_groups_and_exclusions_as_whoosh_does(text, tree):
    assert parse(text).match == tree


def test_filters_stand_anywhere_all_must_match():
    expected = parse("(王芳 OR 王方)", year="2019..2023")
    for text in (
        "(王芳 OR 王方) year:2019..2023",
        "year:2019..2023 (王芳 OR 王方)",
        "year:2019..2023 王芳 OR 王方",
    ):
        q = parse(text)
        assert (q.match, q.year_from, q.year_to) == (expected.match, 2019, 2023), text
    q = parse("王芳 (kind:person 劳动模范) lang:zh")
    assert q.match == AllOf((Term("王芳"), Term("劳动模范"))) and (q.kinds, q.lang) == (("person",), "zh")


def test_the_query_describes_its_expression_when_it_has_or_or_groups():
    q = parse("王芳 (劳动模范 OR 先进工作者) -撤销", kind="person")
    assert q.describe() == {
        "text": ["王芳", "劳动模范", "先进工作者"],
        "not": ["撤销"],
        "expression": "王芳 (劳动模范 OR 先进工作者) -撤销",
        "kind": "person",
    }
    assert parse("王芳 -撤销").describe() == {"text": ["王芳"], "not": ["撤销"]}  # as before: no expression
    assert parse(q.describe()["expression"]).match == q.match


BAD = [
    ("(王芳 OR", 'unbalanced parentheses in the query: "(" without ")"'),
    ("(王芳 OR 王方", 'unbalanced parentheses in the query: "(" without ")"'),
    ("王芳)", 'unbalanced parentheses in the query: ")" without "("'),
    (")王芳(", 'unbalanced parentheses in the query: ")" without "("'),
    ("OR 王芳", "OR needs something on both sides"),
    ("王芳 OR", "OR needs something on both sides"),
    ("王芳 OR OR 王方", "OR needs something on both sides"),
    ("(OR 王芳) 王方", "OR needs something on both sides"),
    ("王芳 AND", "AND needs something on both sides"),
    ("王芳 NOT", "NOT needs something after it"),
    ("王芳 ()", "empty parentheses in the query"),
    ("( )", "empty parentheses in the query"),
    ("(" * (MAX_DEPTH + 1) + "王芳" + ")" * (MAX_DEPTH + 1), f"parentheses nest more than {MAX_DEPTH} deep"),
    (
        " ".join(["王芳"] * (MAX_TERMS + 1)),
        f"too many words in the query ({MAX_TERMS + 1}; the limit is {MAX_TERMS})",
    ),
    (
        "王芳 OR year:2020",
        "a filter applies to the whole query: year: cannot be excluded or be one side of OR",
    ),
    (
        "王芳 -kind:person",
        "a filter applies to the whole query: kind: cannot be excluded or be one side of OR",
    ),
    (
        "-(王芳 place:盘龙区)",
        "a filter applies to the whole query: place: cannot be excluded or be one side of OR",
    ),
    ("”王芳“", "unbalanced quotation mark in the query"),
]


@pytest.mark.parametrize("text, message", BAD, ids=[t[:30] for t, _ in BAD])
def test_a_bad_query_is_one_clear_error_in_every_language(text, message):
    with pytest.raises(QueryError) as e:
        parse(text)
    assert str(e.value) == message
    for lang in ("zh", "vi"):  # web/messages.toml has a row for it
        assert localised(message, lang) != message, (lang, message)


def test_the_limits_still_allow_what_they_name():
    assert parse("(" * MAX_DEPTH + "王芳" + ")" * MAX_DEPTH).match == Term("王芳")
    assert len(parse(" ".join(["王芳"] * MAX_TERMS)).terms()) == MAX_TERMS


# --- on both engines: the seeds and the samples ---------------------------------------------------

PAIRS = [
    ("王芳", "蓝波", {}),
    ("劳动模范", "最美奋斗者", {}),
    ('"最美奋斗者"', '"劳动模范"', {}),
    ("王芳", "蓝波", {"kind": "person"}),
    ("表彰", "王芳", {"kind": "person"}),  # 表彰: no person has it, the people of articles with it
    ("藍波", "王芳", {"kind": "person"}),  # traditional
    ("tran van chanh", "wang fang", {"kind": "person"}),  # no diacritics; pinyin
    ("鼓楼街道桃源社区", "biểu dương", {}),  # an unquoted Chinese run: its words, all of them
]


@pytest.mark.parametrize("a, b, filters", PAIRS, ids=[f"{a} OR {b} {f}" for a, b, f in PAIRS])
def test_or_finds_the_union(seeded, a, b, filters):
    left, right = ids(seeded, a, **filters), ids(seeded, b, **filters)
    assert left and right
    assert ids(seeded, f"({a}) OR ({b})", **filters) == left | right


def people(archive, text: str) -> set[str]:
    return {h["name"] for h in search(archive, parse(text, kind="person"), limit=100)["hits"]}


def test_today_s_readings_hold_inside_or(seeded):
    assert {"蓝波", "王芳"} <= people(seeded, "藍波 OR 王芳")
    assert {"Trần Văn Chánh", "王芳"} <= people(seeded, "(tran van chanh) OR (wang fang)")
    context = ids(seeded, "表彰 OR 王芳", kind="person")
    assert ids(seeded, "王芳", kind="person") < context  # the people of articles about a 表彰 too


def test_grouping_with_a_year_filter(seeded):
    either = ids(seeded, "王芳") | ids(seeded, "蓝波")
    in_2023 = ids(seeded, year="2023")
    found = ids(seeded, "(王芳 OR 蓝波) year:2023")
    assert found == either & in_2023 and found
    assert found == ids(seeded, "王芳 OR 蓝波", year="2023") == ids(seeded, "year:2023 王芳 OR 蓝波")
    assert ids(seeded, "(王芳 OR 蓝波) year:2020..2022") == either & ids(seeded, year="2020..2022")


def test_exclusion_inside_groups(seeded):
    stars, wang, lan = ids(seeded, "最美奋斗者"), ids(seeded, "王芳"), ids(seeded, "蓝波")
    assert stars & wang and stars - wang  # the exclusion below removes something and keeps something
    assert ids(seeded, "(最美奋斗者 -王芳) OR 蓝波") == (stars - wang) | lan
    assert ids(seeded, "最美奋斗者 -(王芳 OR 蓝波)") == stars - wang - lan
    assert ids(seeded, "最美奋斗者 NOT 王芳") == ids(seeded, "最美奋斗者 -王芳") == stars - wang
    assert ids(seeded, "蓝波 OR -王芳") == lan | (ids(seeded) - wang)


def test_precedence_on_the_engines(seeded):
    stars, wang, lan = ids(seeded, "最美奋斗者"), ids(seeded, "王芳"), ids(seeded, "蓝波")
    assert ids(seeded, "最美奋斗者 王芳 OR 蓝波") == stars & (wang | lan)
    assert ids(seeded, "最美奋斗者 AND 王芳 OR 蓝波") == (stars & wang) | lan
    assert ids(seeded, "最美奋斗者 AND 王芳") == ids(seeded, "最美奋斗者 王芳") == stars & wang


def test_lowercase_or_is_a_word(seeded):
    assert parse("王芳 or 蓝波").match == AllOf((Term("王芳"), Term("or"), Term("蓝波")))
    assert ids(seeded, "王芳 or 蓝波") <= ids(seeded, "王芳") & ids(seeded, "蓝波")
    assert ids(seeded, "王芳 OR 蓝波") == ids(seeded, "王芳") | ids(seeded, "蓝波")


MIX = [("王芳 OR 蓝波", {}), ("(王芳 OR 蓝波) -撤销", {"kind": "person"}), ('"最美奋斗者" OR "劳动模范"', {}),
       ("(劳动模范 OR 最美奋斗者) year:2023", {}), ("(最美奋斗者 -王芳) OR 蓝波", {}), ("表彰 OR 王芳", {"kind": "person"}),
       ("biểu dương OR 社区", {}), ("鼓楼街道桃源社区 OR tran van chanh", {})]  # fmt: skip


both = pytest.fixture(scope="module")(both_engines)


@pytest.mark.parametrize("text, filters", MIX, ids=[f"{t}{f}" for t, f in MIX])
def test_both_engines_answer_boolean_queries_the_same(both, text, filters):
    assert_engines_agree(both, text, filters)


# --- through the command line and the web page ------------------------------------------------------


def test_the_command_line_searches_with_or_and_reports_the_expression(seeded):
    args = ("--data-dir", str(seeded.dir), "--engine", seeded.engine_name)
    done = run_honours(
        *args, "search", "(王芳 OR 蓝波) -撤销 lang:zh", "--kind", "person", "--json", "--limit", "50"
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert {h["name"] for h in found["hits"]} == {"王芳", "蓝波"}
    assert found["query"]["expression"] == "(王芳 OR 蓝波) -撤销" and found["query"]["lang"] == "zh"


@pytest.mark.parametrize("text", ["(王芳 OR", "王芳)", "OR 王芳", "王芳 OR", "王芳 ()"])
def test_an_unbalanced_query_exits_2_with_one_line(tmp_path, text):
    done = run_honours("search", text, "--data-dir", str(tmp_path / "data"))
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("honours: ") and "Traceback" not in done.stderr
    assert not (tmp_path / "data").exists()


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from webpage.webtest import build_archive, client_class

    import search_app

    with client_class()(search_app.app_for(build_archive(tmp_path_factory.mktemp("web")))) as c:
        yield c


def test_the_page_and_the_api_refuse_an_unbalanced_query_with_a_400(client):
    r = client.get("/api/search?q=(王芳%20OR")
    assert r.status_code == 400 and r.headers["content-type"] == "application/json"
    assert "unbalanced parentheses" in r.json()["error"]
    page = client.get("/search", params={"q": "(王芳 OR"})
    assert page.status_code == 400 and "查询中的括号不成对" in page.text and "Traceback" not in page.text
    page = client.get("/search", params={"q": "王芳 OR", "lang": "vi"})
    assert page.status_code == 400 and "OR cần có từ tìm kiếm ở cả hai bên" in page.text


def test_the_api_answers_or_with_the_union(client):
    def total(q: str) -> int:
        return client.get("/api/search", params={"q": q, "kind": "person"}).json()["total"]

    assert total("王芳 OR 蓝波") == total("王芳") + total("蓝波") > 0
