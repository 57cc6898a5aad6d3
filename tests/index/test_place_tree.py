"""The place facet as the division tree (issue 13.5) and exports that follow the page's filters
(issue 13.4), on both engines over the seeds and the samples.

A tree value is a branch, /云南省/昆明市/盘龙区: the facet of each level counts what lies in each
branch below the chosen one, and choosing a branch (place=/云南省/昆明市) finds exactly that many.
Only divisions with a code in the division lists are in the tree. An export with relation, level,
place, title and year filters has exactly the rows of the people the same search finds: their
honours of that level and title, one row per honour, canonical articles only."""

from __future__ import annotations

import csv
from collections import Counter

import pytest
from conftest import ENGINES, run_honours
from parity import assert_engines_agree, both_engines

from extract.places import resolve
from index.engine import TREE
from index.export import export
from index.query import parse, request

both = pytest.fixture(scope="module")(both_engines)


def facets(archive, **filters) -> tuple[int, dict[str, dict[str, int]]]:
    found = archive.engine.search(request(parse("", **filters), archive.segmenter.spans, limit=1))
    return found.total, found.facets


BRANCHES = [{}, {"place": "/云南省"}, {"place": "/云南省/昆明市"}, {"place": "/云南省/昆明市/盘龙区"},
            {"place": "/Tỉnh Quảng Ngãi"}, {"place": "/云南省", "kind": "person"},
            {"place": "/山东省/济南市", "kind": "event"}]  # fmt: skip


@pytest.mark.parametrize("filters", BRANCHES, ids=[str(f) for f in BRANCHES])
def test_both_engines_count_the_tree_alike(both, filters):
    assert_engines_agree(both, "", filters)


@pytest.mark.parametrize("engine", ENGINES)
def test_each_branch_finds_what_its_facet_counts_and_shows_its_children(both, engine):
    archive, walked = both[engine], 0
    pending = [("", 0)]  # (branch, its level) from the top
    while pending:
        branch, depth = pending.pop()
        _, counts = facets(archive, place=branch or None)
        if depth == len(TREE):
            continue
        for value, n in counts[TREE[depth]].items():
            assert value.startswith(branch + "/") and value.count("/") == depth + 1, (branch, value)
            total, below = facets(archive, place=value)
            assert total == n, value  # choosing a branch finds exactly what its facet counted
            assert below[TREE[depth]] == {value: n}
            pending.append((value, depth + 1))
            walked += 1
    assert walked >= 8  # 云南省 > 昆明市 > 盘龙区, 石林彝族自治县; 山东省 ...; Tỉnh Quảng Ngãi > Phường ...


def test_every_tree_value_is_a_division_with_a_code(both):
    _, counts = facets(both["tantivy"])
    values = [v for name in TREE for v in counts[name]]
    assert "/云南省/昆明市/石林彝族自治县" in values and "/Tỉnh Quảng Ngãi" in values
    for value in values:
        *parents, name = value.strip("/").split("/")
        place = resolve(name, context=" ".join(parents))
        assert place is not None and place.code is not None, value
    assert not any(v for v in counts["place1"] if "街道" in v or "还有" in v)


def test_a_place_name_still_finds_what_lies_below_it(both):
    for archive in both.values():
        by_name, _ = facets(archive, place="云南省")
        by_branch, _ = facets(archive, place="/云南省")
        assert by_name >= by_branch > 0


# --- exports that follow the page's filters ---------------------------------------------------

EXPORTS = [{"relation": "honouree", "place": "/云南省"}, {"level": "county", "place": "/云南省/昆明市"},
           {"relation": "official"}, {"place": "/Tỉnh Quảng Ngãi"}, {"relation": "all", "place": "/山东省"},
           {"honour": "劳动模范", "year": "2020..2025"}, {"level": "county"}]  # fmt: skip


def rows_of(path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


def key(row: dict) -> tuple:
    return (row["article_id"], row["name"], row["title"] or "", row["level"] or "")


def expected(archive, filters: dict) -> Counter:
    """The rows the page's person search implies: each person it finds (honourees unless another
    relation is asked for), with each of its honours of the asked level and title, or one empty row."""
    relation = filters.get("relation") or "honouree"
    q = parse("", kind="person", **{**filters, "relation": relation})
    hits = archive.engine.search(request(q, archive.segmenter.spans, limit=10_000, facets=False)).hits
    rows: Counter = Counter()
    for h in hits:
        n = int(h.id.rsplit(":", 1)[1])
        found = archive.store.extraction(archive.store.article(h.article, tokens=False))
        person = found.people[n]
        held = [
            x
            for x in found.honours_of("person", n)
            if x.level == filters.get("level", x.level)
            and filters.get("honour") in (None, x.title, x.as_written)
        ]
        for x in held or ([None] if not filters.get("level") and not found.honours_of("person", n) else []):
            rows[(h.article, person.name, x.title if x else "", (x.level or "") if x else "")] += 1
    return rows


@pytest.mark.parametrize("filters", EXPORTS, ids=[str(f) for f in EXPORTS])
def test_an_export_has_exactly_the_rows_its_filters_find_on_both_engines(both, tmp_path, filters):
    got = {}
    for engine, archive in both.items():
        out = tmp_path / f"{engine}.csv"
        manifest = export(archive, "csv", out, parse("", **filters))
        rows = rows_of(out)
        assert manifest["counts"]["rows"] == len(rows)
        assert Counter(map(key, rows)) == expected(archive, filters), engine
        canonical = {a for a in archive.store.live_ids() if archive.store.member(a).canonical}
        assert {r["article_id"] for r in rows} <= canonical  # one row per honour of the canonical article
        for r in rows:
            assert r["level"] == filters.get("level", r["level"])
        assert all(manifest["query"][k] == v for k, v in filters.items())  # the manifest lists the filters
        got[engine] = Counter(map(key, rows))
    assert got["whoosh"] == got["tantivy"] and sum(got["whoosh"].values()) > 0


def test_the_command_line_export_takes_the_same_filters(both, tmp_path):
    archive = both["tantivy"]
    filters = {"level": "county", "place": "/云南省/昆明市"}
    out = tmp_path / "cli.csv"
    done = run_honours(
        *("--data-dir", str(archive.settings.data_dir), "--engine", "tantivy", "export", "--format", "csv"),
        *("--level", "county", "--place", "/云南省/昆明市", "-o", str(out)),
    )
    assert done.returncode == 0, done.stderr
    assert Counter(map(key, rows_of(out))) == expected(archive, filters) != Counter()
    bad = run_honours("--data-dir", str(archive.settings.data_dir), "export", "--format", "csv",
                      "--relation", "judge", "-o", str(tmp_path / "x.csv"))  # fmt: skip
    assert bad.returncode == 2 and "relation must be one of" in bad.stderr
