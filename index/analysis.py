"""Our own analysis for the index: the same tokens for documents and for queries.

Chinese: words from the normaliser's segmenter (positions are word positions, so phrases work)
and character bigrams (a name segmented differently in query and text still meets). Vietnamese:
syllables with the tone mark normalised (hoà = hòa, thuỷ = thủy) and the same folded to plain
letters (tran van chanh finds Trần Văn Chánh). Person names also by pinyin, full and initials.
Queries go through the same normalisation: NFC, traditional -> simplified, lower case.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
_WORDLIKE = re.compile(rf"[\w{HAN}]")
_SYLLABLE = re.compile(r"[^\W_]+", re.U)
_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
_FOLD = str.maketrans({"đ": "d", "Đ": "d"})


@cache
def _converter():
    from normalize.convert import Converter

    return Converter()


@lru_cache(maxsize=65536)
def normalise_query(text: str) -> str:
    """What the normaliser does to an article, for a query: NFC, simplified script, lower case."""
    text = unicodedata.normalize("NFC", text).strip()
    if HAN_RUN.search(text):
        text = _converter().to_simplified(text)
    return text.lower()


def words(text: str, spans) -> list[str]:
    """Lower-cased word tokens for (text, word spans), punctuation dropped."""
    out = []
    for a, b in spans:
        token = text[a:b].lower()
        if _WORDLIKE.search(token):
            out.append(token)
    return out


def bigrams(text: str) -> list[str]:
    """Overlapping character bigrams of each run of Chinese characters (a lone character stays)."""
    out: list[str] = []
    for m in HAN_RUN.finditer(text):
        run = m.group(0)
        out.extend([run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)])
    return out


@lru_cache(maxsize=65536)
def tone_key(syllable: str) -> str:
    """A syllable with its tone mark moved to the end as a digit: hoà and hòa are both `hoa2`."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tone = "".join(_TONES.get(c, "") for c in decomposed)
    letters = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return letters + tone


@lru_cache(maxsize=65536)
def fold(syllable: str) -> str:
    """Plain letters: tones and vowel marks dropped, đ -> d (trần -> tran)."""
    decomposed = unicodedata.normalize("NFD", syllable.lower().translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def syllables(text: str) -> list[str]:
    return _SYLLABLE.findall(unicodedata.normalize("NFC", text))


def vietnamese(text: str) -> tuple[list[str], list[str]]:
    """(tone-normalised syllables, folded syllables)."""
    parts = syllables(text)
    return [tone_key(s) for s in parts], [fold(s) for s in parts]


class _Folded(dict):
    """Code point -> its folded character, worked out on first sight; str.translate reads it in C."""

    def __missing__(self, point: int) -> str:
        c = chr(point)
        self[point] = folded = (fold(c)[:1] or c) if c.isalpha() else (c.lower()[:1] or c)
        return folded


_FOLDED = _Folded()


# ASCII, Latin-1 signs, punctuation and symbols, Han, CJK and fullwidth forms, emoji: each folds to itself lowered
_ONLY_LOWERED = re.compile(
    "[^\x00-\x7f\xa0-\xbf\u2000-\u2bff\u3000-\u303f\u3200-\u4dbf\u4e00-\u9fff\ufe30-\ufe4f\uff00-\uffef"
    "\U0001f300-\U0001faff]"
)


def fold_text(text: str) -> str:
    """The text folded character by character (same length), for finding folded matches in it.
    Text without letters that fold (Latin with marks, đ, Greek...) is only lowered, faster."""
    text = unicodedata.normalize("NFC", text)
    return text.translate(_FOLDED) if _ONLY_LOWERED.search(text) else text.lower()


@lru_cache(maxsize=65536)
def pinyin(name: str) -> tuple[str, ...]:
    """Pinyin tokens of a Chinese name: syllables, their join, and the initials (王芳 -> wang fang wangfang wf);
    every reading of the first character is kept (单 is shan as a surname)."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin import pinyin as readings

    han = "".join(HAN_RUN.findall(name))
    if not han:
        return ()
    full = lazy_pinyin(han)
    firsts = readings(han[0], heteronym=True, style=Style.NORMAL)[0]
    out = list(full) + ["".join(full), "".join(s[0] for s in full)]
    for alt in firsts:
        if alt != full[0]:
            out += [alt, alt + "".join(full[1:]), alt[0] + "".join(s[0] for s in full[1:])]
    return tuple(dict.fromkeys(out))


def query_pinyin(text: str) -> list[str]:
    """A Latin-letter query read as pinyin: `wang fang` -> [wang, fang]; `wangfang` stays one token."""
    return [t for t in re.findall(r"[a-z]+", text.lower())]
