"""Whoosh and tantivy answer the same: a fixed query mix over the seeds and the samples.

For every query both engines must report the same total, match the same set of documents, give
the same facet counts, and rank the same top hits. Allowance for ties: BM25 differs in detail
between the engines, so where several documents share the score at the cut-off, the top hits of
one engine only need to lie within the other's top hits plus every document tied with its last.
"""

import pytest
from conftest import ENGINES, SAMPLE_FILES, SEEDS, make_archive

from index.query import parse, request

MIX = [("王芳", {}), ("藍波", {}), ("tran van chanh", {}), ("wang fang", {}), ('"最美奋斗者"', {}), ("劳动模范", {}),
       ("", {"kind": "person"}), ("", {"kind": "event", "min_count": 50, "unit": "collective"}), ("biểu dương", {}),
       ("党委书记", {"kind": "person"}), ("社区", {}), ("", {"lang": "vi"}), ("好人", {"year": "2024"}),
       ("-王芳 最美奋斗者", {}), ("", {"place": "盘龙区"}), ("", {"honour": "劳动模范", "kind": "person"}), ("Quang Trung", {})]  # fmt: skip
TOP = 5


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    archives = {e: make_archive(tmp_path_factory.mktemp(e), SEEDS, *SAMPLE_FILES, engine=e) for e in ENGINES}
    yield archives
    for a in archives.values():
        a.close()


def within_ties(top, hits) -> set[str]:
    """The other engine's top hits plus every hit tied (to 4 places) with its last one."""
    if len(hits) <= TOP:
        return {h.id for h in hits}
    cut = round(hits[TOP - 1].score, 4)
    return {h.id for h in hits[:TOP]} | {h.id for h in hits if round(h.score, 4) == cut}


@pytest.mark.parametrize("text, filters", MIX, ids=[f"{t}{f}" for t, f in MIX])
def test_both_engines_return_the_same_top_hits(both, text, filters):
    results = {
        e: a.engine.search(request(parse(text, **filters), a.segmenter.spans, limit=500))
        for e, a in both.items()
    }
    w, t = results["whoosh"], results["tantivy"]
    assert w.total == t.total > 0
    assert {h.id for h in w.hits} == {h.id for h in t.hits}
    assert w.facets == t.facets
    assert {h.id for h in w.hits[:TOP]} <= within_ties(TOP, t.hits)
    assert {h.id for h in t.hits[:TOP]} <= within_ties(TOP, w.hits)
