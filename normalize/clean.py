"""Character-level cleaners. Each returns Cleaned(text, removed) and leaves clean text unchanged."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from normalize.hanzi import logp
from normalize.records import Cleaned

RULES = Path(__file__).with_name("rules")
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


@cache
def _emoji_res() -> tuple[re.Pattern, re.Pattern]:
    """(maybe an emoji: a quick test, an emoji run or an emoji run in parentheses), from the emoji
    package. The quick test takes every character of the emoji blocks above the BMP: a class of
    the 1,300 single astral emoji makes a search twenty times slower on a page without any."""
    import emoji

    singles = sorted({c for e in emoji.EMOJI_DATA for c in e if ord(c) > 0x2000})
    # modifiers that only exist inside emoji sequences: ZWJ, variation selector, keycap, tags, skin tones
    extra = (
        "\u200d\ufe0f\u20e3"
        + "".join(map(chr, range(0xE0020, 0xE0080)))
        + "".join(map(chr, range(0x1F3FB, 0x1F400)))
    )
    cls = _char_class(singles + list(extra))
    bmp = _char_class([c for c in singles + list(extra) if ord(c) < 0x10000])
    maybe = bmp[:-1] + "\U0001f000-\U0001faff\U000e0020-\U000e007f]"
    return re.compile(maybe), re.compile(rf"[(（]\s*{cls}+\s*[)）]|{cls}+")


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
    maybe, runs = _emoji_res()
    if not maybe.search(text):
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
_ONE = rf"[(（]\s?[a-zü{_TONED}]{{1,6}}\s?[)）]"
# 機(jī), and doubled: 共和国(guo)(guo). The bracket comes first so that the search skips ahead to it:
# written (?:ONE)+, the repeated group hides it from the regex engine, which then tries every position
_PINYIN = re.compile(rf"{_ONE}(?:{_ONE})*")
_AFTER = re.compile(f"[{HAN}0-9]")  # what an annotation follows
_HAN_RUN = re.compile(f"[{HAN}]+")  # counted in runs: fewer strings to make than one per character
_LETTER = re.compile("[A-Za-z]")
_TONE = re.compile(f"[{_TONED}]")
_SYLLABLE = re.compile(rf"[(（]\s?([a-zü{_TONED}]{{1,6}})\s?[)）]")
COMMON_LOGP = -9.0  # a farm annotates any character; a real gloss annotates a rare one (王珺(jùn))


@lru_cache(maxsize=4096)
def _toneless(s: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", s.replace("ü", "v")) if not unicodedata.combining(c)
    ).replace("v", "ü")


@cache
def _readings(char: str) -> tuple[str, frozenset[str]]:
    """The first (usual) reading of a character with its tone mark, and all its readings without."""
    from pypinyin import Style, pinyin

    toned = pinyin(char, style=Style.TONE, heteronym=True)[0]
    return toned[0], frozenset(_toneless(r) for r in toned)


def _is_farm(text: str, m: re.Match, syllables: list[str]) -> bool:
    """Farm residue even on a page with few annotations: a doubled annotation (国(guo)(guo)), or the
    usual reading of a common character after it (建议(yi), 国(guó)); a gloss for a rare character
    or for an unusual reading (单(shàn)县) is the writer's own and stays."""
    if len(syllables) > 1:
        return True
    char = text[m.start() - 1]
    if not ("\u4e00" <= char <= "\u9fff") or logp(char) < COMMON_LOGP:
        return False
    usual, toneless = _readings(char)
    said = syllables[0]
    return said == usual if said != _toneless(said) else said in toneless


# an annotation whose opening bracket the copy lost to ? (獲獎?wù?br>, 日?qǐng)?bào)社): toned only,
# closed by its bracket or by the next lost one
_BROKEN = re.compile(rf"\?([a-zü{_TONED}]{{1,6}})(?:\)|(?=\?))")


def _drop_broken(text: str) -> tuple[str, int]:
    n = 0

    def drop(m: re.Match) -> str:
        nonlocal n
        if not _TONE.search(m[1]) or _toneless(m[1]) not in _syllables():
            return m[0]
        n += 1
        return ""

    return _BROKEN.sub(drop, text), n


def remove_pinyin(text: str, min_count: int = 6, per_chars: int = 200) -> Cleaned:
    """Pinyin annotations `機(jī)關(guān)`, `核心(xīn )` after characters or digits (toned ones also after a
    letter that GBK mojibake left in place of the character: 郯l(fā)). All of them on a farm
    page, where they are dense (at least `min_count`, and one per `per_chars` Chinese characters);
    elsewhere only those that are evidently farm residue (doubled, or the usual reading of a common
    character): an occasional real gloss stays."""
    broken = 0
    if "?" in text and _BROKEN.search(text):
        text, broken = _drop_broken(text)
    if "(" not in text and "（" not in text:
        return Cleaned(text, broken)
    found = []
    for m in _PINYIN.finditer(text):
        if not m.start():
            continue
        before = text[m.start() - 1]
        if not _AFTER.match(before) and not (_LETTER.match(before) and _TONE.search(m.group(0))):
            continue  # after a letter, only a toned one: GBK mojibake ate its character (郯l(fā))
        said = _SYLLABLE.findall(m.group(0))
        if all(_toneless(s) in _syllables() for s in said):
            found.append((m, said))
    if not found:
        return Cleaned(text, broken)
    count = sum(len(said) for _, said in found)
    dense = count >= min_count and count * per_chars >= sum(map(len, _HAN_RUN.findall(text)))
    cut = [(m, said) for m, said in found if dense or _is_farm(text, m, [s.strip() for s in said])]
    if not cut:
        return Cleaned(text, broken)
    out, last = [], 0
    for m, _ in cut:
        out += [text[last : m.start()]]
        last = m.end()
    return Cleaned("".join(out) + text[last:], broken + sum(len(said) for _, said in cut))


_INJECTED_COMMA = re.compile(r"[,，](?=[,，、。;；:：!！?？])")


# the bopomofo letter ㄧ typed for 一 in Taiwanese text (ㄧ生奉獻): only next to a Han character, where
# no zhuyin spelling stands
_BOPOMOFO_YI = re.compile(f"(?<=[{HAN}])ㄧ|ㄧ(?=[{HAN}])")


def fix_punct(text: str) -> Cleaned:
    """Commas injected before other punctuation: `,、` `,。` `,,` lose the comma, the 、 of lists stays;
    and ㄧ typed for 一 becomes 一."""
    out, n = _INJECTED_COMMA.subn("", text)
    if "ㄧ" in out:
        out, k = _BOPOMOFO_YI.subn("一", out)
        n += k
    return Cleaned(out, n)
