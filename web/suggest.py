"""Other readings of a query that found nothing, offered as links when they find something: the
query without its quotes, a short Chinese name read as pinyin (王方 -> wang fang finds 王芳 and
the other namesakes), Vietnamese without its diacritics, and, in a search for people that shows
honourees only, every relation. (A traditional query is already searched in simplified script, so
neither script's reading would find more.)"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from index import analysis
from index.query import request
from web.state import ALL, query_of

MAX_NAME_CHARS = 4  # a Chinese run this short may be a name, worth reading as pinyin


def readings(text: str) -> list[tuple[str, str]]:
    """(another reading of the query text, how it differs): unquoted, pinyin, diacritics."""
    out = []
    if '"' in text:
        out.append((" ".join(text.replace('"', " ").split()), "unquoted"))
    bare = re.sub(r'[\s"]+', "", text)
    if analysis.HAN_RUN.fullmatch(bare or "-") and 2 <= len(bare) <= MAX_NAME_CHARS:
        from pypinyin import lazy_pinyin

        out.append((" ".join(lazy_pinyin(analysis.normalise_query(bare))), "pinyin"))
    elif not analysis.HAN_RUN.search(text) and not text.isascii():
        folded = " ".join(analysis.fold(s) for s in analysis.syllables(text))
        if folded.isascii():
            out.append((folded, "diacritics"))
    seen = {text.strip()}
    return [(r, how) for r, how in out if r and not (r in seen or seen.add(r))]


def suggestions(reader, state: dict[str, str], narrow: dict[str, str]) -> list[dict[str, Any]]:
    """The readings that find something, each as {"q", "how", "n"} (and "relation": all for the
    one that shows every relation), in that order."""

    def total(q, **changes) -> int:
        r = request(q, reader.segmenter.spans, limit=1, facets=False)
        return reader.engine.search(replace(r, **{**narrow, **changes})).total

    out = []
    for text, how in readings(state.get("q") or ""):
        n = total(query_of({**state, "q": text}))
        if n:
            out.append({"q": text, "how": how, "n": n})
    if narrow.get("relation") and not state.get("relation"):  # honourees by default: any other people?
        n = total(query_of(state), relation=None)
        if n:
            out.append({"q": state.get("q") or "", "how": "relations", "n": n, "relation": ALL})
    return out
