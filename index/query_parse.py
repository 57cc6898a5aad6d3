"""The query grammar: query text -> a tree of our own query model (AllOf, AnyOf and Negated from
index/engine.py over Term and Phrase leaves) and the field:value filters written in it.

    sequence := either+                    side by side: all must match (an implicit AND)
    either   := both ("OR" both)*          at least one must match
    both     := unary ("AND" unary)*       all must match
    unary    := ("-" | "NOT")* atom        must not match
    atom     := "(" sequence ")" | word | "phrase" | field:value

Binding, loosest first, as in Whoosh: a space, OR, AND, then - and NOT (`a b OR c` is a AND
(b OR c); `a AND b OR c` is (a AND b) OR c). OR, AND and NOT are operators only in capitals: `or`
is a word, as in Elasticsearch's query_string. A filter (year:2020) holds for every hit, so it may
stand anywhere all must match, never as one side of an OR nor excluded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from errors import QueryError
from index.engine import AllOf, AnyOf, Negated, all_of, any_of, leaves, negated, side_by_side

FIELDS = ("kind", "lang", "year", "place", "honour")
MAX_DEPTH = 10  # parentheses inside parentheses
MAX_TERMS = 64  # words and phrases in one query
OPERATORS = ("OR", "AND", "NOT")
_LEX = re.compile(
    r"\s+"
    r"|(?P<open>\()|(?P<close>\))"
    r'|(?P<field>[A-Za-z]+):(?:"(?P<fq>[^"]*)"|“(?P<fc>[^”]*)”|(?P<fv>[^\s()"“”]*))'
    r'|"(?P<q>[^"]*)"|“(?P<c>[^”]*)”'
    r"|(?P<neg>-)(?=[^\s)])"
    r'|(?P<word>[^\s()"“”]+)'
)


@dataclass(frozen=True)
class Term:
    """A word as typed (an unquoted Chinese run is one Term)."""

    text: str


@dataclass(frozen=True)
class Phrase:
    """A "quoted phrase"."""

    text: str


@dataclass(frozen=True)
class Filter:
    """field:value, before it is taken out of the tree to filter the whole query."""

    name: str
    value: str


@dataclass(frozen=True)
class Token:
    kind: str  # ( ) OR AND NOT word phrase filter
    text: str = ""
    name: str = ""


def tokens(text: str) -> list[Token]:
    """The query text as tokens: parentheses, operators, words, phrases and filters."""
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        raise QueryError("unbalanced quotation mark in the query")
    out: list[Token] = []
    at = 0
    while at < len(text):
        m = _LEX.match(text, at)
        if m is None:  # a closing ” before its “
            raise QueryError("unbalanced quotation mark in the query")
        at = m.end()
        out += _token(m)
    return out


def _token(m: re.Match) -> list[Token]:
    if m["open"] or m["close"]:
        return [Token(m[0])]
    if m["neg"]:
        return [Token("NOT")]
    if m["field"]:
        name = m["field"].lower()
        value = next((v for v in m.group("fq", "fc", "fv") if v is not None), "")
        if name not in FIELDS:
            raise QueryError(f"unknown field {name!r} (fields: {', '.join(FIELDS)})")
        if not value.strip():
            raise QueryError(f"field {name!r} has no value")
        return [Token("filter", value, name)]
    if m["word"]:
        return [Token(m["word"] if m["word"] in OPERATORS else "word", m["word"])]
    if m["q"] is not None or m["c"] is not None:
        return [Token("phrase", (m["q"] if m["q"] is not None else m["c"]).strip())]
    return []  # white space


class Parser:
    """Recursive descent over the tokens, one method per rule of the grammar."""

    def __init__(self, items: list[Token]):
        self.items, self.at = items, 0

    def peek(self) -> str | None:
        return self.items[self.at].kind if self.at < len(self.items) else None

    def sequence(self):
        parts = []
        while self.peek() not in (None, ")"):
            parts.append(self.either())
        return all_of(parts)

    def either(self):
        parts = [self.both()]
        while self.peek() == "OR":
            self.operand("OR")
            parts.append(self.both())
        return any_of(parts)

    def both(self):
        parts = [self.unary()]
        while self.peek() == "AND":
            self.operand("AND")
            parts.append(self.unary())
        return all_of(parts)

    def operand(self, op: str) -> None:
        """Past the operator, which needs something on its right too."""
        self.at += 1
        if self.peek() in (None, ")", "OR", "AND"):
            raise QueryError(f"{op} needs something on both sides")

    def unary(self):
        odd = False
        while self.peek() == "NOT":
            self.at, odd = self.at + 1, not odd
            if self.peek() in (None, ")", "OR", "AND"):
                raise QueryError("NOT needs something after it")
        item = self.atom()
        return negated(item) if odd else item

    def atom(self):
        t = self.items[self.at]
        self.at += 1
        if t.kind in ("OR", "AND"):
            raise QueryError(f"{t.kind} needs something on both sides")
        if t.kind == "(":
            return self.group()
        if t.kind == "filter":
            return Filter(t.name, t.text)
        return Phrase(t.text) if t.kind == "phrase" else Term(t.text)

    def group(self):
        if self.peek() == ")":
            raise QueryError("empty parentheses in the query")
        inside = self.sequence()
        self.at += 1  # its ")": the parentheses are balanced
        return inside


def balanced(items: list[Token]) -> None:
    """Every "(" closed by a ")" after it, at most MAX_DEPTH deep."""
    depth = 0
    for t in items:
        depth += (t.kind == "(") - (t.kind == ")")
        if depth < 0:
            raise QueryError('unbalanced parentheses in the query: ")" without "("')
        if depth > MAX_DEPTH:
            raise QueryError(f"parentheses nest more than {MAX_DEPTH} deep")
    if depth:
        raise QueryError('unbalanced parentheses in the query: "(" without ")"')


def parse_text(text: str) -> tuple[object, dict[str, str]]:
    """The tree of the query text (None when it has no words) and the filters written in it."""
    items = tokens(text)
    balanced(items)
    tree = Parser(items).sequence()
    terms = sum(1 for leaf, _ in leaves(tree) if not isinstance(leaf, Filter) and leaf.text)
    if terms > MAX_TERMS:
        raise QueryError(f"too many words in the query ({terms}; the limit is {MAX_TERMS})")
    top = side_by_side(tree)
    for item in top:
        inner = [leaf for leaf, _ in leaves(item) if isinstance(leaf, Filter) and leaf is not item]
        if inner:
            raise QueryError(
                f"a filter applies to the whole query: {inner[0].name}: cannot be excluded or be one side of OR"
            )
    written = {i.name: i.value for i in top if isinstance(i, Filter)}
    return all_of(i for i in top if not isinstance(i, Filter)), written


def render(node) -> str:
    """The tree written back in the grammar above, every group in parentheses."""
    if isinstance(node, Term):
        return node.text
    if isinstance(node, Phrase):
        return f'"{node.text}"'
    if isinstance(node, Negated):
        inner = render(node.item)
        return f"-({inner})" if isinstance(node.item, (AllOf, AnyOf)) else f"-{inner}"
    joint = " " if isinstance(node, AllOf) else " OR "
    return joint.join(f"({render(i)})" if isinstance(i, (AllOf, AnyOf)) else render(i) for i in node.items)
