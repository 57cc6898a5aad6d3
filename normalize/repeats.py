"""Repeated lines and spun title fragments (DESIGN.md, noise 5).

Content farms copy caption lines and the title into the body, and "spin" an article by cutting
its title into pieces (昆明, 市盘, 龙区, 总工 ...) and injecting them, always in the same order,
into the clauses of several paragraphs. A run of title characters is taken for such a fragment
only when no dictionary word crosses its edges, and only when the same ordered chain of at least
three different ones, two of which are not words at all, shows up in two paragraphs (a term the
article keeps using, 义消 three times over, is one piece, not a chain): ordinary text does
not repeat a chain of non-words. In those paragraphs, other isolated non-word runs of title
characters are fragments too. A quoted run (“最美退役军人”) or a piece of the title of four
characters or more (红船领航) is a name taken from the title, never a fragment: articles repeat
those, in order, paragraph after paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_HAN = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE = "。！？!?"
_OPEN, _CLOSE = "“\"‘'「『", "”\"’'」』"
_MEASURE = "个名家项位件支所人次"  # measure words: a title run after a digit counts something


def _squash(s: str) -> str:
    return "".join(s.split())


MAX_INJECTED = 16  # a site name a hijacker glues before paragraphs is short
MIN_INJECTED_USES = 2  # paragraphs it opens, besides the line it has of its own
_PARAGRAPH_MARK = re.compile(r"[。！？!?，,；;]")
_NAME_MARK = re.compile(r"[。！？!?，,；;：:、“”\"()（）【】\[\]]")


def strip_injected(lines: list[str], match: Callable[[str], str]) -> tuple[list[str], int]:
    """A name a hijacked site injects (8458万彩网): a short line of its own that also opens, set off
    by a space, at least two paragraphs. It goes from the paragraphs and its own lines; a heading
    that opens only short lines (金奖 / 金奖 某某单位) is a list, and stays."""
    keys = [match(line) for line in lines]
    alone = {k for k in keys if 2 <= len(k) <= MAX_INJECTED and not _NAME_MARK.search(k)}
    uses: dict[str, int] = {}
    for k in keys:
        head, sep, rest = k.partition(" ")
        if sep and head in alone and len(rest.strip()) >= MAX_INJECTED and _PARAGRAPH_MARK.search(rest):
            uses[head] = uses.get(head, 0) + 1
    names = {h for h, n in uses.items() if n >= MIN_INJECTED_USES}
    if not names:
        return lines, 0
    out, n = [], 0
    for line, key in zip(lines, keys, strict=True):
        head = key.partition(" ")[0]
        if key in names:
            n += 1
        elif head in names and key != head:
            out.append(line[len(head) :].lstrip(" \t\u3000\xa0"))
            n += 1
        else:
            out.append(line)
    return out, n


_PART_NUMBER = re.compile(r"[(（]\d{1,2}[)）]$")  # one page of an article in parts: 某某专题(4)


def drop_duplicate_lines(lines: list[str], title: str, match: Callable[[str], str]) -> tuple[list[str], int]:
    """Lines equal to the title or to an earlier line (captions copied twice, the title repeated). The
    title of one part of a series (…铸就不凡(4)) is also repeated without its number, as each photo's
    alt text."""
    seen = {_squash(match(title))} if title else set()
    if seen and _PART_NUMBER.search(key := _squash(match(title))) and len(key) > 8:
        seen.add(_PART_NUMBER.sub("", key))
    out = []
    keys = [_squash(match(line)) for line in lines]
    for n, (line, key) in enumerate(zip(lines, keys, strict=True)):
        if key in seen or (n < TEASER_REACH and _teaser(key, keys[n + 1 :])):
            continue
        seen.add(key)
        out.append(line)
    return out, len(lines) - len(out)


TEASER_REACH = 10  # a page's summary stands among its first lines
MIN_TEASER = 30  # characters of the text a summary repeats
_TEASER_LABEL = re.compile(r"(?:原标题|导读|摘要|内容提要|核心提示)[:：]")


def _teaser(key: str, later: list[str]) -> bool:
    """A summary of the text cut short: the start of a later line, alone or after a label with the
    original headline (原标题:某某 某某网6月19日讯…女主, then 某某网6月19日讯…女主人的勤劳…)."""
    for other in later:
        if len(other) <= len(key) - MIN_TEASER // 2 or len(other) < MIN_TEASER:
            continue
        at = key.find(other[:MIN_TEASER])
        if at < 0 or (at and not _TEASER_LABEL.match(key)):
            continue
        if len(key) - at < len(other) and other.startswith(key[at:]):
            return True
    return False


# (start, end) of the words of 2-4 characters that run across a position, relative to it
_CROSSING = ((-3, 1), (-2, 1), (-2, 2), (-1, 1), (-1, 2), (-1, 3))


class _Spin:
    def __init__(self, title: str, is_word: Callable[[str], bool]):
        self.title = title
        self.is_word = is_word
        chars = "".join(sorted(set(_HAN.findall(title))))
        self.run = re.compile(f"[{re.escape(chars)}]+") if chars else None
        # the runs of two or more: a lone title character (的, 是) is never a candidate, and skipping
        # it in the regex saves the tests below on most runs of a line
        self.pairs = re.compile(f"[{re.escape(chars)}]{{2,}}") if chars else None

    def crossed(self, line: str, at: int) -> bool:
        """Does a dictionary word of 2-4 characters run across position `at` of the line? The six
        spans of _CROSSING written out: a generator over them cost more than the lookups."""
        n, w = len(line), self.is_word
        if at < 1 or at >= n:
            return False
        return bool(
            w(line[at - 1 : at + 1])
            or (at + 2 <= n and (w(line[at - 1 : at + 2]) or (at >= 2 and w(line[at - 2 : at + 2]))))
            or (at + 3 <= n and w(line[at - 1 : at + 3]))
            or (at >= 2 and w(line[at - 2 : at + 1]))
            or (at >= 3 and w(line[at - 3 : at + 1]))
        )

    def candidates(self, line: str) -> list[tuple[int, int]]:
        """Isolated runs of title characters in the line: no word crosses either edge, and not a
        quoted name (“最美退役军人”) nor a piece of the title of four characters or more."""
        out = []
        for m in self.pairs.finditer(line):
            s, e = m.span()
            quoted = line[s - 1 : s] in _OPEN and line[e : e + 1] in _CLOSE
            long_piece = e - s >= 4 and m.group(0) in self.title
            counted = line[s - 1 : s].isdigit() and line[s] in _MEASURE  # 166名个人: a number's noun
            if (
                e - s >= 2
                and not quoted
                and not long_piece
                and not counted
                and not self.crossed(line, s)
                and not self.crossed(line, e)
            ):
                out.append((s, e))
        return out


def _chain(a: list[str], b: list[str]) -> list[str]:
    """Longest common subsequence of two lists of strings."""
    table = [[[] for _ in range(len(b) + 1)] for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            if a[i] == b[j]:
                table[i][j] = [a[i], *table[i + 1][j + 1]]
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1], key=len)
    return table[0][0]


def _long_runs(spin: _Spin, line: str) -> list[tuple[int, int]]:
    return [
        m.span()
        for m in spin.run.finditer(line)
        if m.end() - m.start() > 6 and not spin.crossed(line, m.start())
    ]


def remove_spun(
    lines: list[str], title: str, match: Callable[[str], str], is_word: Callable[[str], bool]
) -> tuple[list[str], int]:
    spin = _Spin(match(title), is_word)
    if spin.run is None or len(spin.title) < 6 or "。" in spin.title:
        return lines, 0  # a title with a full stop is a caption or a lead sentence, which no farm spins
    keys = [match(line) for line in lines]
    found = [spin.candidates(k) for k in keys]
    short = [[k[s:e] for s, e in spans if e - s <= 6] for k, spans in zip(keys, found, strict=True)]
    fragments: set[str] = set()
    kinds = [set(pieces) for pieces in short]
    for i in range(len(lines)):
        for j in range(i + 1, len(lines)):
            # a common subsequence is no longer than the pieces of one line found in the other
            if len(short[i]) >= 3 and len(short[j]) >= 3 and sum(map(kinds[j].__contains__, short[i])) >= 3:
                common = _chain(short[i], short[j])
                if len(set(common)) >= 3 and len({c for c in common if not is_word(c)}) >= 2:
                    fragments.update(common)
    if not fragments:
        return lines, 0
    removed = 0
    out = []
    for line, key, spans in zip(lines, keys, found, strict=True):
        pieces = [key[s:e] for s, e in spans]
        if sum(p in fragments for p in pieces) < 2:
            out.append(line)
            continue
        cut = []
        for (s, e), piece in zip(spans, pieces, strict=True):
            alone = (s == 0 or key[s - 1] in _SENTENCE) and key[e:].strip() == ""
            stray = not is_word(piece) and e - s <= 5
            if piece in fragments or stray or alone:
                cut.append((s, e))
        for s, e in _long_runs(spin, key):  # 年工|盘龙区总工会: a fragment glued to a long piece of the title
            if not is_word(key[s : s + 2]) and len(key[s + 2 : e]) >= 4 and key[s + 2 : e] in spin.title:
                cut.append((s, s + 2))
        for s, e in sorted(set(cut), reverse=True):
            line = line[:s] + line[e:]
            key = key[:s] + key[e:]
        removed += len(cut)
        out.append(line)
    return out, removed


def remove_repeats(
    lines: list[str], title: str, match: Callable[[str], str], is_word: Callable[[str], bool] | None
) -> tuple[list[str], int]:
    lines, n = drop_duplicate_lines(lines, title, match)
    if is_word is not None and title:
        lines, m = remove_spun(lines, title, match, is_word)
        n += m
    return lines, n
