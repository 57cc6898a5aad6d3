"""The place rules of lexicons/places.tsv: division suffixes, lead words, and what is not a place."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from extract.tsv import read_rows


@dataclass(frozen=True)
class PlaceRules:
    suffixes: dict[str, str | None]  # Chinese division suffix -> level it implies (None: unknown)
    leads: tuple[str, ...]  # Chinese words a place string may start with, longest first
    not_in_name: tuple[str, ...]  # substrings that make a string a sentence fragment
    not_place: tuple[str, ...]  # endings that look like a suffix and are not one
    vi_types: dict[str, str | None]  # Vietnamese type word -> level
    vi_leads: tuple[str, ...]
    vi_type_re: re.Pattern  # a type word opening a Vietnamese place string, with or without diacritics

    def suffix_of(self, name: str) -> str | None:
        """The longest division suffix `name` ends with."""
        found = [s for s in self.suffixes if name.endswith(s)]
        return max(found, key=len) if found else None

    def plausible(self, name: str) -> bool:
        """A Chinese name not in the list can still be a place: it ends in a division suffix after a
        stem of 2–8 Chinese characters, holds no sentence word, and is not a look-alike (社区)."""
        suffix = self.suffix_of(name)
        if suffix is None or name.endswith(self.not_place):
            return False
        stem = name[: -len(suffix)]
        return (
            2 <= len(stem) <= 8
            and all("\u4e00" <= ch <= "\u9fff" for ch in stem)
            and not any(word in name for word in self.not_in_name)
        )


def _plain(word: str) -> str:
    word = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(ch for ch in word if not unicodedata.combining(ch))


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


@cache
def place_rules() -> PlaceRules:
    rows = read_rows("places.tsv", 5)

    def items(lang: str, kind: str) -> list[list[str]]:
        return [r for r in rows if r[0] == lang and r[1] == kind]

    vi_types = {r[2]: (None if r[3] == "-" else r[3]) for r in items("vi", "type")}
    type_words = "|".join(re.escape(w) for w in _longest_first([*vi_types, *map(_plain, vi_types)]))
    return PlaceRules(
        suffixes={r[2]: (None if r[3] == "-" else r[3]) for r in items("zh", "suffix")},
        leads=_longest_first(r[2] for r in items("zh", "lead")),
        not_in_name=tuple(r[2] for r in items("zh", "not_in_name")),
        not_place=tuple(r[2] for r in items("zh", "not_place")),
        vi_types=vi_types,
        vi_leads=_longest_first(r[2] for r in items("vi", "lead")),
        vi_type_re=re.compile(rf"^({type_words})(?=\s|\.|$)\s*", re.I),
    )
