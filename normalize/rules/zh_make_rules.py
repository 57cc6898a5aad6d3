"""Build zh_split.tsv from jieba's own dictionary and the conventions in zh_split_rules.tsv.

    .venv/bin/python normalize/rules/zh_make_rules.py        # rewrites zh_split.tsv

UD Chinese GSD cuts finer than jieba: numeral/demonstrative + classifier, place + administrative
unit, stem + affix, verb + 为/于 ... are two words there and one entry in jieba's dictionary.
Each rule in zh_split_rules.tsv names a convention; this script finds the jieba dictionary
entries it covers and writes them with their pieces. Nothing comes from a test set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from normalize.seg_zh import jieba_dict, read_rules, read_userdict

HERE = Path(__file__).resolve().parent
OUT = HERE / "zh_split.tsv"

Table = dict[str, tuple[list[str], str]]  # word -> (pieces, rule)
_NUMBER = re.compile("[一二三四五六七八九十百千万亿两零〇]+")


class Builder:
    def __init__(self, words: Iterable[tuple[str, int, str]], rules: dict[str, list[str]]):
        self.freq: dict[str, int] = {}
        self.tag: dict[str, str] = {}
        for w, f, t in words:
            self.freq[w], self.tag[w] = f, t
        self.items = {k: set(v) for k, v in rules.items()}
        self.keep = self.items.get("keep", set()) | {w for w, _, _ in read_userdict()}  # ours stay whole
        self.min_freq = int(min(self.items.get("min_stem_freq", {"5"})))

    def _set(self, kind: str) -> set[str]:
        return self.items.get(kind, set())

    def is_word(self, w: str) -> bool:
        return self.freq.get(w, 0) >= self.min_freq

    def _entries(self, skip_tags: str) -> list[str]:
        """Dictionary words of 2+ characters that may be cut: not kept, not of the excluded tags."""
        skip = self._set(skip_tags)
        return [w for w, t in self.tag.items() if len(w) > 1 and t not in skip and w not in self.keep]

    def numeral_classifier(self) -> Table:
        """一个 -> 一 个, 这种 -> 这 种, 另一 -> 另 一, 三个月 -> 三 个 月, 第一次 -> 第一 次."""

        def alt(kind: str) -> str:
            return "|".join(sorted(map(re.escape, self._set(kind)), key=len, reverse=True))

        nums = "".join(sorted(self._set("numeral")))
        shape = re.compile(
            f"(?:(?P<d>{alt('demonstrative')})|(?P<p>{alt('before_numeral')})(?=[{nums}]))?"
            f"(?P<n>第?[{nums}]+)?(?P<c>{alt('classifier')})?(?P<r>.*)"
        )
        out = {}
        for w in self._entries("exclude_tag"):
            m = shape.fullmatch(w)
            if not m or w in self._set("classifier"):  # 千米 is a unit, not 千 米
                continue
            d, p, n, c, r = m.group("d", "p", "n", "c", "r")
            if not (d or n) or not (c or (n and (d or p))):
                continue  # needs a numeral or demonstrative, then a classifier or a numeral
            if r and not (self.is_word(r) and (c or d or p)):
                continue
            if c and r and c not in self._set("general_classifier") and self.is_word(c + r):
                c, r = c + r, ""  # 多任务 -> 多 任务, 第三季度 -> 第三 季度 (but 一 个 人)
            out[w] = ([x for x in (d or p, n, c, r) if x], "numeral_classifier")
        return out

    def place_suffix(self) -> Table:
        """天津市 -> 天津 市: administrative unit after a place name jieba tags ns."""
        sufs = self._set("place_suffix")
        out = {}
        for w in self._entries("affix_exclude_tag"):
            stem = w[:-1]
            if len(w) > 2 and w[-1] in sufs and self.tag.get(stem) == "ns" and self.is_word(stem):
                out[w] = ([stem, w[-1]], "place_suffix")
        return out

    def suffix(self) -> Table:
        """地貌学 -> 地貌 学, 参赛者 -> 参赛 者: suffix after a dictionary stem of two or more characters."""
        return self._affix("suffix", at_end=True)

    def prefix(self) -> Table:
        """总面积 -> 总 面积, 反法西斯 -> 反 法西斯: prefix before a dictionary stem of two or more characters."""
        return self._affix("prefix", at_end=False)

    def _affix(self, kind: str, at_end: bool) -> Table:
        # longest affix first, and the first that fits wins: 军医 大学, not 军医大 学
        affixes = sorted(self._set(kind), key=lambda a: (-len(a), a))
        out = {}
        for w in self._entries("affix_exclude_tag"):
            for a in affixes:
                if len(w) < len(a) + 2 or not (w.endswith(a) if at_end else w.startswith(a)):
                    continue
                stem = w[: -len(a)] if at_end else w[len(a) :]
                if not self.is_word(stem) or self.tag[stem].startswith("nr") or _NUMBER.fullmatch(stem):
                    continue  # not a stem, a name (摩托 车?) or a numeral (一十七 员?)
                if w[-1] == w[-2] if at_end else w[0] == w[1]:
                    continue  # reduplication: 亮堂堂
                if not at_end and (
                    self.tag[w] == "ns" or self.is_word(w[2:]) and self.freq.get(w[:2], 0) > self.freq[stem]
                ):
                    continue  # a place (新西兰), or the other reading is likelier (小米 粥, not 小 米粥)
                out[w] = ([stem, a] if at_end else [a, stem], kind)
                break
        return out

    def compound(self) -> Table:
        """人民政府 -> 人民 政府: four-character entries of two two-character words, for the tags listed."""
        tags = self._set("compound_tag")
        out = {}
        for w in self._entries("affix_exclude_tag"):
            a, b = w[:2], w[2:]
            if (
                len(w) == 4
                and self.tag[w] in tags
                and self.is_word(a)
                and self.is_word(b)
                and not self.tag[a].startswith("nr")
                and not self.tag[b].startswith("nr")  # 伊萨贝尔, 德克萨斯: halves of a transliteration
            ):
                out[w] = ([a, b], "compound")
        return out

    def abbrev_suffix(self) -> Table:
        """美军 -> 美 军, 英语 -> 英 语: one-character country name + army / language / script."""
        heads, tails = self._set("abbrev"), self._set("abbrev_suffix")
        return {
            w: ([w[0], w[1]], "abbrev_suffix")
            for w in self._entries("")
            if len(w) == 2 and w[0] in heads and w[1] in tails
        }

    def complement(self) -> Table:
        """成为 -> 成 为, 位于 -> 位 于, 来自 -> 来 自: one-character verb + 为/于/自/在/着."""
        comps, tags = self._set("complement"), self._set("complement_tag")
        return {
            w: ([w[0], w[1]], "complement")
            for w in self._entries("")
            if len(w) == 2 and w[1] in comps and self.tag[w] in tags and self.is_word(w[0])
        }

    def preposition_pronoun(self) -> Table:
        """因此 -> 因 此, 及其 -> 及 其: preposition or conjunction + pronoun 此/其."""
        heads, tails = self._set("preposition"), self._set("pronoun")
        return {
            w: ([w[0], w[1]], "preposition_pronoun")
            for w in self._entries("")
            if len(w) == 2 and w[0] in heads and w[1] in tails
        }

    def build(self, kinds: Iterable[str] | None = None) -> Table:
        makers = {
            "numeral_classifier": self.numeral_classifier,
            "place_suffix": self.place_suffix,
            "abbrev_suffix": self.abbrev_suffix,
            "suffix": self.suffix,
            "prefix": self.prefix,
            "compound": self.compound,
            "complement": self.complement,
            "preposition_pronoun": self.preposition_pronoun,
        }
        out: Table = {}
        for kind in kinds or makers:
            for w, v in makers[kind]().items():
                out.setdefault(w, v)  # the first rule that cuts a word wins
        return {w: (self._flat(w, out), why) for w, (_, why) in out.items()}

    def _flat(self, w: str, table: Table, depth: int = 0) -> list[str]:
        """Pieces that are cut themselves are cut too: 另一方面 -> 另一 方面 -> 另 一 方面."""
        if w not in table or depth > 5:
            return [w]
        return [q for p in table[w][0] for q in (self._flat(p, table, depth + 1) if p != w else [p])]


def write(table: Table, path: Path = OUT) -> None:
    lines = [
        "# Generated by zh_make_rules.py from jieba's dict.txt and zh_split_rules.tsv: do not edit by hand.",
        "# word<TAB>pieces<TAB>rule (each rule's why is in zh_split_rules.tsv); no entry comes from a test set.",
    ]
    lines += [f"{w}\t{' '.join(p)}\t{why}" for w, (p, why) in sorted(table.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    table = Builder(jieba_dict(), read_rules()).build()
    write(table)
    print(f"{len(table)} entries -> {OUT}")


if __name__ == "__main__":
    main()
