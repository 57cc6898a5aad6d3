"""Word segmentation behind one small interface that returns character spans."""

from __future__ import annotations

import re
from typing import Protocol

from normalize.records import Span


class Segmenter(Protocol):
    def spans(self, text: str) -> list[Span]:
        """Word spans into `text`, in order; whitespace is never part of a word."""
        ...


class WhitespaceSegmenter:
    """For languages we have no segmenter for: runs of letters/digits and single symbols."""

    _word = re.compile(r"\w+|[^\w\s]", re.UNICODE)

    def spans(self, text: str) -> list[Span]:
        return [m.span() for m in self._word.finditer(text)]


class Segmenters:
    """Builds each language's segmenter once, on first use, and keeps it."""

    def __init__(self, engine: str = "rjieba"):
        self.engine = engine
        self._made: dict[str, Segmenter] = {}

    def __call__(self, lang: str) -> Segmenter:
        if lang not in self._made:
            if lang == "zh":
                from normalize.seg_zh import ChineseSegmenter

                self._made[lang] = ChineseSegmenter(self.engine)
            elif lang == "vi":
                from normalize.seg_vi import VietnameseSegmenter

                self._made[lang] = VietnameseSegmenter()
            else:
                self._made[lang] = WhitespaceSegmenter()
        return self._made[lang]
