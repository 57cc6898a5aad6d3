"""Character-level cleaners. Each returns Cleaned(text, removed) and leaves clean text unchanged."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from normalize.records import Cleaned

RULES = Path(__file__).with_name("rules")
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


@cache
def _emoji_res() -> tuple[re.Pattern, re.Pattern]:
    """(any emoji character, an emoji run or an emoji run in parentheses), from the emoji package."""
    import emoji

    singles = sorted({c for e in emoji.EMOJI_DATA for c in e if ord(c) > 0x2000})
    # modifiers that only exist inside emoji sequences: ZWJ, variation selector, keycap, tags, skin tones
    extra = (
        "\u200d\ufe0f\u20e3"
        + "".join(map(chr, range(0xE0020, 0xE0080)))
        + "".join(map(chr, range(0x1F3FB, 0x1F400)))
    )
    cls = _char_class(singles + list(extra))
    return re.compile(cls), re.compile(rf"[(（]\s*{cls}+\s*[)）]|{cls}+")


def _char_class(chars: list[str]) -> str:
    """A regex class with runs of consecutive code points as ranges (a long list of singles is slow)."""
    points = sorted({ord(c) for c in chars})
    parts, start = [], 0
    for i in range(1, len(points) + 1):
        if i == len(points) or points[i] != points[i - 1] + 1:
            a, b = chr(points[start]), chr(points[i - 1])
            parts.append(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}")
            start = i
    return "[" + "".join(parts) + "]"


def strip_emoji(text: str) -> Cleaned:
    """Emoji and emoji in parentheses `(🐷)`; run before any NFKC, which turns 🈴 into 合."""
    any_emoji, runs = _emoji_res()
    if not any_emoji.search(text):
        return Cleaned(text)
    import emoji

    n = 0

    def drop(m: re.Match) -> str:
        nonlocal n
        n += max(1, emoji.emoji_count(m.group(0)))
        return ""

    return Cleaned(runs.sub(drop, text), n)


@cache
def _syllables() -> frozenset[str]:
    lines = (RULES / "pinyin_syllables.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(s for s in lines if s and not s.startswith("#"))


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = re.compile(rf"(?<=[{HAN}0-9])[(（]\s?([a-zü{_TONED}]{{1,6}})\s?[)）]")


def _toneless(s: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", s.replace("ü", "v")) if not unicodedata.combining(c)
    ).replace("v", "ü")


def remove_pinyin(text: str, min_count: int = 3, per_chars: int = 200) -> Cleaned:
    """Pinyin annotations `機(jī)關(guān)`, `核心(xīn )` after characters or digits. Removed only when dense
    (at least `min_count`, and one per `per_chars` Chinese characters): an occasional real gloss stays."""
    found = [m for m in _PINYIN.finditer(text) if _toneless(m.group(1)) in _syllables()]
    if len(found) < min_count or len(found) * per_chars < len(re.findall(f"[{HAN}]", text)):
        return Cleaned(text)
    spans = {m.span() for m in found}
    return Cleaned(_PINYIN.sub(lambda m: "" if m.span() in spans else m.group(0), text), len(found))


_INJECTED_COMMA = re.compile(r"[,，](?=[,，、。;；:：!！?？])")


def fix_punct(text: str) -> Cleaned:
    """Commas injected before other punctuation: `,、` `,。` `,,` lose the comma, the 、 of lists stays."""
    out, n = _INJECTED_COMMA.subn("", text)
    return Cleaned(out, n)
