"""Whoosh and tantivy answer the same: a fixed query mix over the seeds and the samples.

For every query both engines must report the same total, match the same set of documents, give
the same facet counts, and rank the same top hits. Allowance for ties: BM25 differs in detail
between the engines, so where several documents share the score at the cut-off, the top hits of
one engine only need to lie within the other's top hits plus every document tied with its last.
"""

import pytest
from parity import assert_engines_agree, both_engines

MIX = [("王芳", {}), ("藍波", {}), ("tran van chanh", {}), ("wang fang", {}), ('"最美奋斗者"', {}), ("劳动模范", {}),
       ("", {"kind": "person"}), ("", {"kind": "event", "min_count": 50, "unit": "collective"}), ("biểu dương", {}),
       ("党委书记", {"kind": "person"}), ("社区", {}), ("", {"lang": "vi"}), ("好人", {"year": "2024"}),
       ("-王芳 最美奋斗者", {}), ("", {"place": "盘龙区"}), ("", {"honour": "劳动模范", "kind": "person"}), ("Quang Trung", {})]  # fmt: skip


both = pytest.fixture(scope="module")(both_engines)


@pytest.mark.parametrize("text, filters", MIX, ids=[f"{t}{f}" for t, f in MIX])
def test_both_engines_return_the_same_top_hits(both, text, filters):
    assert_engines_agree(both, text, filters)
