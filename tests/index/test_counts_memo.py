"""Counting only what a caller shows (issue 15): a request names the facets it wants and may skip
the total; tantivy remembers totals and facet counts per query and index version, and a commit
makes what it remembered unreachable. The same answers on both engines."""

from __future__ import annotations

import pytest
from conftest import ENGINES, index_doc

from index.engine import FACETS, Clause, IndexDoc, Request, open_engine
from index.memo import Memo


def doc(n: int, kind: str, year: int, word: str) -> IndexDoc:
    return index_doc(n, kind, year, {"words": (word, "模范")})


@pytest.fixture(params=ENGINES)
def engine(request, tmp_path):
    e = open_engine(request.param, tmp_path / request.param, create=True, memo=Memo())
    e.add([doc(n, kind, 2020 + n % 3, "劳动") for n in range(6) for kind in ("article", "person")])
    e.commit()
    yield e
    e.close()


WORD = Clause(tokens={"words": ("劳动",)})


def test_only_the_facets_asked_for_are_counted_and_they_agree_with_all(engine):
    every = engine.search(Request(match=WORD))
    some = engine.search(Request(match=WORD, facets=("year", "kind")))
    assert set(every.facets) == set(FACETS) and set(some.facets) == {"year", "kind"}
    assert some.facets == {k: every.facets[k] for k in ("year", "kind")}
    assert some.total == every.total == 12 and every.facets["kind"] == {"article": 6, "person": 6}
    assert engine.search(Request(match=WORD, facets=False)).facets == {}


def test_a_total_not_asked_for_is_the_hits_so_far(engine):
    found = engine.search(Request(match=WORD, limit=5, offset=2, facets=False, count=False))
    assert len(found.hits) == 5 and found.total == 7
    years = engine.search(Request(match=WORD, limit=0, facets=("year",), count=False))
    assert years.hits == () and sum(years.facets["year"].values()) == 12


def test_remembered_counts_follow_the_index(engine):
    r = Request(match=WORD, kinds=("person",), facets=("year",))
    first = engine.search(r)
    again = engine.search(r)  # from the memo on tantivy: the same answer
    assert (again.total, again.facets) == (first.total, first.facets) == (6, first.facets)
    engine.add([doc(9, "person", 2030, "劳动")])
    engine.commit()
    after = engine.search(r)
    assert after.total == 7 and after.facets["year"].get("2030") == 1


def test_a_reader_sees_another_writers_commit(engine):
    reader = open_engine(engine.name, engine.path, memo=Memo())
    r = Request(match=WORD, facets=("kind",))
    assert reader.search(r).total == 12
    engine.add([doc(9, "article", 2030, "劳动")])
    engine.commit()
    found = reader.search(r)
    assert found.total == 13 and found.facets["kind"]["article"] == 7
    reader.close()
