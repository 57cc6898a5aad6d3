"""Phrases and searches with no words, answered without visiting every match (issue 15).

A phrase's character bigrams match without positions (engine.LOOSE: they hold only titles and
names); a search with no words reads its hits block by block in tantivy, in the order the
documents were added, so pages follow on from one another; an index made before blocks existed
answers as it did.
"""

from __future__ import annotations

import json
import unicodedata

import pytest
from conftest import ENGINES, index_doc

from index import tantivy_blocks
from index.analysis import fold, fold_text
from index.engine import Clause, IndexDoc, Request, open_engine
from index.memo import Memo


def doc(n: int, kind: str, bigrams: tuple[str, ...] = ("劳动", "动模", "模范")) -> IndexDoc:
    return index_doc(n, kind, 2020 + n % 3, {"words": ("劳动模范",), "bigrams": bigrams})


@pytest.mark.parametrize("engine", ENGINES)
def test_a_phrase_matches_the_chain_of_its_bigrams_and_separate_runs_in_a_row(tmp_path, engine):
    e = open_engine(engine, tmp_path / engine, create=True)
    chain = ("劳动", "动模", "模范")
    e.add(
        [
            doc(1, "person"),
            doc(2, "person", ("劳动", "先进", "动模", "模范")),
            doc(3, "person", ("劳动", "模范")),
        ]
    )
    e.add([doc(4, "person", ("王芳", "最美")), doc(5, "person", ("王芳", "主任", "最美"))])
    e.commit()
    found = lambda toks: {h.id for h in e.search(Request(match=Clause(tokens={"bigrams": toks}))).hits}  # noqa: E731
    assert found(chain) == {"p:a1:0", "p:a2:0"}  # a chain's bigrams, wherever they are
    assert found(("王芳", "最美")) == {"p:a4:0"}  # two runs ("王芳 最美"): still a phrase
    e.close()


@pytest.fixture
def blocks(tmp_path, monkeypatch):
    monkeypatch.setattr(tantivy_blocks, "BLOCK", 4)  # small blocks: a page spans several
    e = open_engine("tantivy", tmp_path / "t", create=True, memo=Memo())
    for start in (0, 30):  # two writer sessions: the second numbers on from the first's blocks
        e.add([doc(n, kind) for n in range(start, start + 30) for kind in ("article", "person")])
        e.commit()
    yield e
    e.close()


def test_a_search_with_no_words_pages_through_in_the_order_documents_were_added(blocks):
    ids = []
    for offset in range(0, 60, 7):
        found = blocks.search(Request(kinds=("person",), limit=7, offset=offset, facets=False))
        assert found.total == 60
        ids += [h.id for h in found.hits]
    assert ids == [f"p:a{n}:0" for n in range(60)]
    assert blocks.search(Request(kinds=("collective",), facets=False)).total == 0


def test_an_index_made_before_blocks_answers_as_it_did(tmp_path):
    path = tmp_path / "old"
    open_engine("tantivy", path, create=True).close()
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))  # today's schema but its last field
    meta["schema"] = [f for f in meta["schema"] if f["name"] != "blk"]
    (path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    old = open_engine("tantivy", path)
    assert not old.blocks
    old.add([doc(n, "person") for n in range(5)])
    old.commit()
    found = old.search(Request(kinds=("person",), limit=3, facets=False))
    assert found.total == 5 and [h.id for h in found.hits] == ["p:a0:0", "p:a1:0", "p:a2:0"]
    old.close()


def _fold_each(text: str) -> str:
    """The plain definition: each character folded alone (first letter of its folded form)."""
    return "".join(
        (fold(c)[:1] or c) if c.isalpha() else (c.lower()[:1] or c)
        for c in unicodedata.normalize("NFC", text)
    )


def test_folded_text_is_each_character_folded_alone():
    """Snippets fold whole articles to find matches: the fast folding (a table read by translate,
    and lowering alone where no letter folds) gives the plain definition's text, same length."""
    every = "".join(chr(i) for i in [*range(0x20, 0x3400), *range(0x4E00, 0x4F00), *range(0xFE30, 0x10000)])
    texts = [
        every,
        "劳动模范王芳“最美奋斗者”",
        "Nguyễn Thị Đào được tặng Bằng khen",
        "ＡＢＣ　１２３",
        "İstanbul Ω Å",
    ]
    for text in [*texts, *(every[i : i + 50] for i in range(0, len(every), 50))]:
        assert fold_text(text) == _fold_each(text)
        assert len(fold_text(text)) == len(unicodedata.normalize("NFC", text))
    assert fold_text("Trần ĐẠI Nghĩa") == "tran dai nghia"
