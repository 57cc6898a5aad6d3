"""Language (zh | vi | other) and, for Chinese, script (hans | hant)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAN_RUN = re.compile(_HAN.pattern + "+")
_LATIN = re.compile(r"[A-Za-zÀ-ɏḀ-ỿ]+")  # runs: fewer strings to make than one per letter
# letters only Vietnamese uses among Latin-script languages: ă â đ ê ô ơ ư and the stacked tone vowels
_VIET = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def detect(
    text: str,
    to_simplified: Callable[[str], str],
    sample: int = 3000,
    ambiguous: frozenset[str] = frozenset(),
    count_traditional: Callable[[str], int] | None = None,
) -> tuple[str, str | None]:
    """Language and script. Characters that simplified text uses too (`ambiguous`: 於, 乾, 著) are not
    counted as traditional. `count_traditional` (Converter.count_traditional, which leaves out the
    same ambiguous characters) saves converting the text's characters here."""
    text = text[:sample]
    han = sum(map(len, _HAN_RUN.findall(text)))
    # Latin letters are among the other characters: a text that is one-sixth Han (or more) cannot
    # have five times as many, and is Chinese without counting them
    sure = han >= 10 and han >= 0.2 * (len(text) - han)
    if han < 10:
        # Vietnamese letters are Latin ones: as many as 3 % of all characters (and 10) settle it uncounted
        viet = len(_VIET.findall(text))
        if viet >= 10 and viet >= 0.03 * len(text):
            return "vi", None
    latin = 0 if sure else sum(map(len, _LATIN.findall(text)))
    if sure or (han >= 10 and han >= 0.2 * latin):
        if count_traditional is not None:
            changed = count_traditional(text)
        else:
            counts = Counter(_HAN.findall(text))  # convert each distinct character once, alone on its line
            converted = to_simplified("\n".join(counts)).split("\n")
            changed = sum(
                counts[a] for a, b in zip(counts, converted, strict=True) if a != b and a not in ambiguous
            )
        return "zh", "hant" if changed > 0.03 * han else "hans"
    if latin >= 10 and len(_VIET.findall(text)) >= 0.03 * latin:
        return "vi", None
    if latin >= MIN_TONELESS_LETTERS and _toneless_vietnamese(text):
        return "vi", None
    return "other", None


# Vietnamese written without its marks (a scanned decision read by OCR, a typist without a keyboard layout):
# the commonest syllables of official and news text, none of them an English word
_TONELESS = frozenset(
    [
        "cua",
        "cac",
        "nhung",
        "duoc",
        "trong",
        "nguoi",
        "viec",
        "thi",
        "dua",
        "khen",
        "thuong",
        "ngay",
        "thang",
        "nam",
        "tinh",
        "huyen",
        "xa",
        "phuong",
        "quan",
        "nhan",
        "dan",
        "chu",
        "tich",
        "quyet",
        "dinh",
        "theo",
        "voi",
        "nay",
        "doan",
        "dang",
        "cong",
        "tac",
        "ve",
        "tu",
        "den",
        "mot",
        "nhieu",
        "lao",
        "gia",
        "hien",
        "thuc",
        "hoat",
        "dong",
        "phong",
        "trao",
        "tap",
        "ca",
        "tien",
        "tieu",
        "bieu",
        "nghia",
        "viet",
    ]
)
_WORD_RUN = re.compile(r"[A-Za-z]+")
MIN_TONELESS_LETTERS = 200
TONELESS_SHARE = 0.25  # of the words: English or French text has almost none of these


def _toneless_vietnamese(text: str) -> bool:
    """Latin text most of whose words are unmarked Vietnamese syllables (cua, cac, duoc, thi dua)."""
    words = [w.lower() for w in _WORD_RUN.findall(text)]
    return bool(words) and sum(w in _TONELESS for w in words) >= TONELESS_SHARE * len(words)
