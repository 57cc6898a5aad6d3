"""Searching the archive of the seeds: the issue's acceptance queries, facets and every gold person."""

import json

import pytest
from conftest import SEEDS, run_honours

from index.query import QueryError, parse
from index.search import search


def hits(archive, text="", **filters):
    return search(archive, parse(text, **filters), limit=50)


def test_wang_fang_as_a_person_with_her_role(seeded):
    found = hits(seeded, "王芳", kind="person")
    assert found["hits"] and all(h["kind"] == "person" and h["name"] == "王芳" for h in found["hits"])
    assert any(h["role"] == "党委书记" and "桃源社区" in h["org"] for h in found["hits"])


@pytest.mark.parametrize(
    "query, name",
    [
        ("藍波", "蓝波"),
        ("tran van chanh", "Trần Văn Chánh"),
        ("wang fang", "王芳"),
        ("TRAN VAN CHANH", "Trần Văn Chánh"),
    ],
)
def test_traditional_unaccented_and_pinyin_queries(seeded, query, name):
    assert any(h.get("name") == name for h in hits(seeded, query, kind="person")["hits"])


def test_the_phrase_finds_seed_000(seeded):
    found = hits(seeded, '"最美奋斗者"', kind="article")
    assert any(h["source"].endswith("000_3ea43f7ec754d5d6.txt") for h in found["hits"])


def test_events_that_honoured_at_least_50_collectives(seeded):
    found = hits(seeded, kind="event", min_count=50, unit="collective")
    assert [(h["year"], "盘龙区" in h["place"]) for h in found["hits"]] == [(2023, True)]
    assert hits(seeded, kind="event", min_count=51, unit="collective")["total"] == 0


def test_facet_counts_agree_with_the_store(seeded):
    found = hits(seeded, kind="person")
    db = seeded.store.db
    by_lang = dict(db.execute(
        "SELECT a.lang, count(*) FROM people p JOIN articles a ON a.id = p.article_id WHERE a.canonical = 1 AND a.superseded_by IS NULL GROUP BY a.lang"
    ).fetchall())  # fmt: skip
    assert found["facets"]["lang"] == by_lang and found["total"] == sum(by_lang.values())
    assert found["facets"]["kind"] == {"person": found["total"]}
    years = hits(seeded, "王芳", kind="person")["facets"]["year"]
    assert years == {"2023": 2}


def test_filters_narrow_the_results(seeded):
    everything = hits(seeded)["total"]
    assert 0 < hits(seeded, lang="vi")["total"] < everything
    assert all(h["lang"] == "vi" for h in hits(seeded, lang="vi")["hits"])
    assert hits(seeded, "王芳", kind="person", year="2020..2022")["total"] == 0
    assert hits(seeded, kind="person", honour="劳动模范")["total"] >= 1
    assert hits(seeded, kind="event", place="盘龙区")["total"] >= 1


def test_every_gold_person_is_found_by_searching_the_name(seeded):
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    names = {
        n
        for k, g in gold.items()
        if not k.startswith("_")
        for n in g.get("persons", []) + g.get("honourees", [])
    }
    missing = [
        n
        for n in sorted(names)
        if not any(h.get("name") == n for h in hits(seeded, n, kind="person")["hits"])
    ]
    assert missing == []


def test_snippets_mark_the_match(seeded):
    hit = hits(seeded, "王芳", kind="person")["hits"][0]
    a, b = hit["highlights"][0]
    assert hit["snippet"][a + hit["offset"] : b + hit["offset"]] == "王芳"


@pytest.mark.parametrize(
    "text, filters, message",
    [
        ('王芳 "unbalanced', {}, "unbalanced"),
        ("foo:bar", {}, "unknown field"),
        ("x", {"year": "abc"}, "year"),
        ("王" * 10_000, {}, "too long"),
        ("x", {"kind": "place"}, "unknown kind"),
        ("year:", {}, "no value"),
    ],
)
def test_bad_queries_are_refused(text, filters, message):
    with pytest.raises(QueryError, match=message):
        parse(text, **filters)


def test_bad_queries_on_the_command_line_exit_2_and_write_nothing(tmp_path):
    data = tmp_path / "fresh"
    for args in (["search", '"open'], ["search", "foo:bar"], ["search", "x", "--year", "abc"], ["search", "王" * 10_000],
                 ["export", "--format", "csv", "-o", str(tmp_path / "missing" / "x.csv")]):  # fmt: skip
        proc = run_honours("--data-dir", str(data), *args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert not data.exists()


def test_cli_search_json_follows_the_design(seeded):
    proc = run_honours(
        "--data-dir",
        str(seeded.dir),
        "--engine",
        seeded.engine_name,
        "search",
        "王芳",
        "--kind",
        "person",
        "--json",
    )
    found = json.loads(proc.stdout)
    assert proc.returncode == 0 and set(found) >= {"total", "hits", "facets"}
    assert {"kind", "id", "name", "article_id", "snippet"} <= set(found["hits"][0])
    assert found["total"] >= 1 and all(h["kind"] == "person" and h["name"] == "王芳" for h in found["hits"])
    library = search(seeded, parse("王芳", kind="person"), limit=20)
    assert found == json.loads(json.dumps(library))  # the command prints the library's answer, whole


@pytest.mark.parametrize("facet", ["honour", "place"])
def test_every_facet_value_offered_finds_what_it_counted(seeded, facet):
    offered = hits(seeded)["facets"][facet]
    assert "người tốt, việc tốt" not in offered  # honour facets offer canonical titles (issue 13)
    for value in offered:
        assert hits(seeded, **{facet: value})["total"] > 0, value
