"""The comparison the parity tests make: both engines answer one query alike (totals, hit sets,
facets, and the top hits up to ties in score)."""

from conftest import ENGINES, SAMPLE_FILES, SEEDS, make_archive

from index.query import parse, request

TOP = 5


NEAR = 0.9  # both rank by BM25 with the same idf, but field lengths are kept differently (tantivy in one
# byte, Whoosh its own way), so hits scored within a tenth of each other may come in either order


def within_ties(hits) -> set[str]:
    """The top hits plus every hit scored within a tenth of the last of them."""
    if len(hits) <= TOP:
        return {h.id for h in hits}
    cut = round(hits[TOP - 1].score, 4) * NEAR
    return {h.id for h in hits[:TOP]} | {h.id for h in hits if round(h.score, 4) >= cut}


def assert_engines_agree(both: dict, text: str, filters: dict) -> None:
    results = {
        e: a.engine.search(request(parse(text, **filters), a.segmenter.spans, limit=500))
        for e, a in both.items()
    }
    w, t = results["whoosh"], results["tantivy"]
    assert w.total == t.total > 0
    assert {h.id for h in w.hits} == {h.id for h in t.hits}
    assert w.facets == t.facets
    assert {h.id for h in w.hits[:TOP]} <= within_ties(t.hits)
    assert {h.id for h in t.hits[:TOP]} <= within_ties(w.hits)


def both_engines(tmp_path_factory):
    """The seeds and samples in one archive per engine ({engine: archive}); a module fixture:
    `both = pytest.fixture(scope="module")(both_engines)`."""
    archives = {e: make_archive(tmp_path_factory.mktemp(e), SEEDS, *SAMPLE_FILES, engine=e) for e in ENGINES}
    yield archives
    for a in archives.values():
        a.close()
