"""Facet counts kept per index version (issue 15): a search with no words and at most one kind (the
search page as it opens) reads the whole archive's and each kind's counts, counted once per version
and kept beside the tantivy index, instead of aggregating every document. They must be exactly what
counting would give, follow every commit, and be shared by every reader of the index."""

from __future__ import annotations

import json

import pytest
from conftest import index_doc

from index.engine import Clause, Request, open_engine
from index.memo import Memo


def ids(found) -> list[str]:
    return [h.id for h in found.hits]


@pytest.mark.parametrize("seeded", ["tantivy", "whoosh"], indirect=True)
def test_tallied_counts_are_what_counting_gives(seeded):
    engine = seeded.engine
    opening = engine.search(Request(limit=5))
    kinds = tuple(opening.facets["kind"])
    assert len(kinds) >= 3 and opening.total == sum(opening.facets["kind"].values()) > 50
    counted = engine.search(Request(kinds=(*kinds, "no-such-kind"), limit=5))
    assert (counted.total, counted.facets) == (opening.total, opening.facets)
    assert ids(counted) == ids(opening)
    for kind in (*kinds, "no-such-kind"):
        one = engine.search(Request(kinds=(kind,), limit=3))
        other = engine.search(Request(kinds=(kind, "no-such-kind"), limit=3))
        assert (one.total, one.facets, ids(one)) == (other.total, other.facets, ids(other)), kind
        assert one.total == opening.facets["kind"].get(kind, 0)
    assert {"honouree", "official"} <= opening.facets["relation"].keys()
    for relation in (*opening.facets["relation"], "no-such-relation"):  # the page's people: one relation
        for asked in ((), ("person",)):
            one = engine.search(Request(kinds=asked, relation=relation, limit=3))
            other = engine.search(Request(kinds=("person", "no-such-kind"), relation=relation, limit=3))
            assert (one.total, one.facets, ids(one)) == (other.total, other.facets, ids(other)), relation
            assert one.total == opening.facets["relation"].get(relation, 0)


@pytest.mark.parametrize("seeded", ["tantivy"], indirect=True)
def test_an_ingest_leaves_the_opening_counts_beside_the_index(seeded):
    kept = json.loads((seeded.index_dir / "tallies.json").read_text(encoding="utf-8"))
    opening = seeded.engine.search(Request(limit=0))
    assert kept["tallies"][""]["total"] == opening.total
    assert kept["tallies"][""]["year"] == opening.facets["year"]


def doc(n: int, kind: str, year: int):
    return index_doc(n, kind, year, {"words": ("劳动",)})


def test_tallies_follow_commits_and_are_shared_by_readers(tmp_path):
    path = tmp_path / "tantivy"
    writer = open_engine("tantivy", path, create=True, memo=Memo())
    writer.add([doc(n, kind, 2020 + n % 2) for n in range(5) for kind in ("article", "person")])
    writer.commit()
    first = writer.search(Request(kinds=("person",), limit=0))
    assert first.total == 5 and first.facets["year"] == {"2020": 3, "2021": 2}
    kept = path / "tallies.json"
    written = kept.stat().st_mtime_ns
    reader = open_engine("tantivy", path, memo=Memo())  # another process: reads them, counts nothing
    assert reader.search(Request(limit=0)).facets["kind"] == {"article": 5, "person": 5}
    assert kept.stat().st_mtime_ns == written
    writer.add([doc(9, "person", 2030)])
    writer.commit()
    for engine in (writer, reader):  # the commit makes the kept counts stale for both
        after = engine.search(Request(kinds=("person",), limit=0))
        assert after.total == 6 and after.facets["year"]["2030"] == 1
        assert engine.search(Request(limit=0)).facets["kind"] == {"person": 6, "article": 5}
    assert json.loads(kept.read_text(encoding="utf-8"))["tallies"]["person"]["total"] == 6
    words = writer.search(Request(match=Clause(tokens={"words": ("劳动",)}), kinds=("person",), limit=0))
    assert words.total == 6  # a search with words is counted as it comes, not from the tallies
    reader.close()
    writer.close()


def test_a_damaged_tallies_file_is_counted_again(tmp_path):
    path = tmp_path / "tantivy"
    engine = open_engine("tantivy", path, create=True, memo=Memo())
    engine.add([doc(n, "article", 2020) for n in range(3)])
    engine.commit()
    (path / "tallies.json").write_text("{not json", encoding="utf-8")
    assert open_engine("tantivy", path, memo=Memo()).search(Request(limit=0)).total == 3
    assert json.loads((path / "tallies.json").read_text(encoding="utf-8"))["tallies"][""]["total"] == 3
    engine.close()
