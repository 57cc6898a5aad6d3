"""Traditional -> simplified with OpenCC (official C++ binding) and our override list."""

from __future__ import annotations

import re
from pathlib import Path

RULES = Path(__file__).with_name("rules") / "t2s_overrides.tsv"
CJK = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
NEAR = 2  # an ambiguous character this close to a traditional one is traditional too


def _read_rules(path: Path) -> dict[str, list[tuple[str, str]]]:
    rules: dict[str, list[tuple[str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, src, dst, _why = (line.split("\t") + ["", "", ""])[:4]
            rules.setdefault(kind, []).append((src, dst))
    return rules


def _any_of(chars: list[str]) -> re.Pattern:
    """A regex matching any of the characters (matching nothing when there are none)."""
    return re.compile("[" + "".join(map(re.escape, chars)) + "]" if chars else "(?!)")


class Converter:
    """t2s that keeps string length, so spans in the simplified text are spans in the original."""

    def __init__(self, rules_path: Path = RULES):
        import opencc

        self._cc = opencc.OpenCC("t2s")
        rules = _read_rules(rules_path)
        self._chars = dict(rules.get("char", []))
        self._char_re = _any_of([c for c, _ in rules.get("char", [])])
        self._keep = _any_of([c for c, _ in rules.get("keep", [])])
        self._phrases = rules.get("phrase", [])
        zhu = sorted((w for w, _ in rules.get("zhu", [])), key=len, reverse=True)
        # one flat alternation of literals, which re scans for by their first characters
        self._zhe = re.compile("|".join(map(re.escape, [*zhu, "著"])))
        self._zhu = frozenset(zhu)
        self.ambiguous = frozenset(c for c, _ in rules.get("mixed", []) + rules.get("keep", []))
        self._hant_only = _any_of(sorted(self._traditional_only()))
        chars = [chr(i) for r in CJK for i in range(*r)]
        out = self.to_simplified("\n".join(chars)).split("\n")
        changing = [a for a, b in zip(chars, out, strict=True) if a != b and a not in self.ambiguous]
        self._changing_run = re.compile("[" + "".join(map(re.escape, changing)) + "]+")

    def _traditional_only(self) -> set[str]:
        """Characters OpenCC turns into one other character, less those a simplified text uses."""
        chars = [chr(i) for r in CJK for i in range(*r)]
        out = self._cc.convert("\n".join(chars)).split("\n")
        return {a for a, b in zip(chars, out, strict=True) if len(b) == 1 and a != b} - self.ambiguous

    def count_traditional(self, text: str) -> int:
        """How many characters of the text to_simplified changes on their own, the ambiguous ones
        (於, 乾, 著) not counted: language detection's measure of traditional script."""
        return sum(map(len, self._changing_run.findall(text)))

    def has_traditional(self, text: str) -> bool:
        """Does the text hold a character that only traditional script uses (臺, 採, 眾)?"""
        return self._hant_only.search(text) is not None

    def stray_to_simplified(self, text: str) -> str:
        """A simplified text with the traditional characters left in it converted, and nothing else:
        the ambiguous ones (於, 乾, 著) only next to a traditional character (位於臺, 帶著)."""
        spots = [m.start() for m in self._hant_only.finditer(text)]
        if not spots:
            return text
        converted = self.to_simplified(text)
        chars = list(text)
        for i in spots:
            chars[i] = converted[i]
            for j in range(max(0, i - NEAR), min(len(text), i + NEAR + 1)):
                if text[j] in self.ambiguous and "\n" not in text[min(i, j) : max(i, j)]:
                    chars[j] = converted[j]
        return "".join(chars)

    def to_simplified(self, text: str) -> str:
        """Traditional or mixed text in simplified script, same length as the input."""
        out = self._cc.convert(text)
        if len(out) != len(text):  # a phrase rule changed the length somewhere: redo that line char by char
            out = "\n".join(self._same_length(line) for line in text.split("\n"))
        kept = [m.start() for m in self._keep.finditer(text)]
        if kept:  # put back the characters OpenCC must not convert
            chars = list(out)
            for i in kept:
                chars[i] = text[i]
            out = "".join(chars)
        if "著" in out:
            out = self._zhe.sub(lambda m: m[0] if m[0] in self._zhu else "着", out)
        for src, dst in self._phrases:
            if len(src) == len(dst):
                out = out.replace(src, dst)
        return self._char_re.sub(lambda m: self._chars[m[0]], out)  # few matches: faster than translate

    def _same_length(self, line: str) -> str:
        out = self._cc.convert(line)
        if len(out) == len(line):
            return out
        return "".join(c2 if len(c2 := self._cc.convert(c)) == 1 else c for c in line)
