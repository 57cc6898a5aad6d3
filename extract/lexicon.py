"""The extractor's lexicons (lexicons/*.tsv), loaded once into one frozen object."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from extract.needs import fold
from extract.tsv import read_rows


def alternation(words, flags: int = 0) -> re.Pattern:
    """A regex matching any of the words, longest first. Without regard to case it looks first at the
    next character (one a word may start with): re then tries no word where none can start, a
    skip it does not work out itself under IGNORECASE. The matches are the same."""
    words = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words)
    if flags & re.IGNORECASE and words and all(words):
        body = f"(?=[{re.escape(''.join(sorted({w[0] for w in words})))}])(?:{body})"
    return re.compile(body, flags)


def case_free_trie(words) -> re.Pattern:
    """`alternation(words, re.IGNORECASE)` as a tree of shared beginnings (anh hùng|anh hùng lao
    động -> anh hùng(?: lao động)?): re walks the letters once instead of trying every word in turn,
    which under IGNORECASE it cannot skip by their first letters. The matches are the same: words
    are branched on their letters folded as re folds them, so at most one branch fits the text at
    each step, and the longer words are tried first, then the shorter (the empty branch last), as
    the alternation tries them. Only for a pattern used on its own, not inside a larger one."""
    words = set(words)
    tree: dict = {}
    for w in words:
        node = tree
        for c in w:
            node = node.setdefault(fold(c), {})
        node[""] = {}
    body = _branches(tree)
    if words and all(words):
        body = f"(?=[{re.escape(''.join(sorted({w[0] for w in words})))}])" + body
    return re.compile(body, re.IGNORECASE)


def _branches(node: dict) -> str:
    alternatives = [re.escape(c) + _branches(child) for c, child in node.items() if c]
    if not alternatives:
        return ""
    if len(alternatives) == 1 and "" not in node:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ("|" if "" in node else "") + ")"


@dataclass(frozen=True)
class Lexicon:
    honours: dict[str, str]  # title (lower case for Vietnamese) -> person | collective | household | prize
    honour_re: re.Pattern  # Chinese titles (no case)
    honour_vi_re: re.Pattern  # Vietnamese titles, case-insensitive
    roles: dict[str, str]  # position word -> leader | staff | member
    role_re: re.Pattern
    units: frozenset[str]  # words that end an organisation name
    collectives: frozenset[str]  # words that end an honourable unit's name
    collective_re: re.Pattern
    suffix_re: re.Pattern  # words that end a quoted honour title
    cues: dict[str, tuple[str, ...]]  # kind -> cue words
    cue_re: dict[str, re.Pattern]  # ... as case-insensitive regexes
    collective_title_re: re.Pattern  # words that make a title a collective's (先进集体), case-sensitive
    figures: frozenset[str]  # public and historical figures, mentioned and never honoured (figures.tsv)

    kinds: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # titles already judged

    def honour_kind(self, title: str) -> str:
        """The kind of a title found in text: its lexicon entry, else guessed from its last words."""
        if title not in self.kinds:
            self.kinds[title] = self._judge(title)
        return self.kinds[title]

    def _judge(self, title: str) -> str:
        kind = self.honours.get(title) or self.honours.get(title.lower())
        if kind:
            return kind
        for name, k in self.honours.items():
            if title.endswith(name) or title.lower().endswith(name.lower()):
                return k
        return "collective" if self.collective_title_re.search(title) else "person"


@cache
def lexicon() -> Lexicon:
    honours = {row[0]: row[1] for row in read_rows("honours.tsv", 3)}
    roles = {row[0]: row[1] for row in read_rows("roles_zh.tsv", 3)}
    units = read_rows("units_zh.tsv", 3)
    kinds = {row[0]: set(row[1].split()) for row in units}
    cues: dict[str, list[str]] = {}
    for kind, word, _why in read_rows("cues.tsv", 3):
        cues.setdefault(kind, []).append(word)
    return Lexicon(
        honours=honours,
        honour_re=alternation([h for h in honours if re.search("[\u4e00-\u9fff]", h)]),
        honour_vi_re=case_free_trie(h for h in honours if not re.search("[\u4e00-\u9fff]", h)),
        roles=roles,
        role_re=alternation(roles),
        units=frozenset(w for w, k in kinds.items() if "unit" in k),
        collectives=frozenset(w for w, k in kinds.items() if "collective" in k),
        collective_re=alternation([w for w, k in kinds.items() if "collective" in k]),
        suffix_re=alternation([w for w, k in kinds.items() if "suffix" in k] + list(honours)),
        cues={k: tuple(v) for k, v in cues.items()},
        cue_re={k: alternation(v, re.I) for k, v in cues.items()},
        collective_title_re=alternation(cues["collective_title"]),
        figures=frozenset(row[0] for row in read_rows("figures.tsv", 2)),
    )
