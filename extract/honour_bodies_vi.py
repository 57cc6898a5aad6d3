"""Vietnamese awarding bodies: "Chủ tịch UBND tỉnh Nghệ An tặng Bằng khen", "Bằng khen của Bộ trưởng
Bộ Giáo dục và Đào tạo", "được Thủ tướng Chính phủ tặng". Head words and verbs are in
lexicons/honour_bodies.tsv; a bare body (UBND xã) is named after the one commune the text names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.places import resolve
from extract.places.rules import place_rules
from extract.places.vi import PARTY, name_at, normal
from extract.tsv import read_rows

_WORDS = re.compile(r" ([^\W_][\w-]*)")
_TITLES = r"(?:bằng khen|giấy khen|cờ thi đua|quyết định|huân chương|danh hiệu|kỷ niệm chương)"
_CHAIR = re.compile(r"chủ tịch (?:ubnd|ủy ban nhân dân|hđnd) $")


@dataclass(frozen=True)
class ViBodyRules:
    head: re.Pattern  # group "whole": a complete body (Thủ tướng Chính phủ); else a head (UBND, Bộ)
    verb: re.Pattern  # an award verb right after a body
    kind: re.Pattern  # a division type word right after a head
    stops: frozenset[str]  # words that end a body's name (cho, vì, tặng, …)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def vi_body_rules() -> ViBodyRules:
    rows = [r for r in read_rows("honour_bodies.tsv", 4) if r[0] == "vi"]
    words = {k: [r[2] for r in rows if r[1] == k] for k in ("whole", "head", "verb", "stop")}
    return ViBodyRules(
        head=re.compile(
            rf"(?<![^\W_])(?i:(?P<whole>{_alternation(words['whole'])})|{_alternation(words['head'])})(?![^\W_])"
        ),
        verb=re.compile(
            rf"\s*,?\s*(?:(?i:đã|vừa|đã ký quyết định|ký quyết định)\s+)?(?i:{_alternation(words['verb'])})(?![^\W_])"
        ),
        kind=re.compile(rf"\s+(?i:{_alternation(place_rules().vi_types)})(?![^\W_])"),
        stops=frozenset(w.split()[0].lower() for w in words["verb"]) | frozenset(words["stop"]),
    )


def _tail(text: str, pos: int) -> str:
    """The name after a head word (Bộ Giáo dục và Đào tạo): words up to a stop word or punctuation,
    the first one capitalised, at most eight; "và" joins two capitalised parts."""
    stops, end, count = vi_body_rules().stops, pos, 0
    while count < 8:
        m = _WORDS.match(text, end)
        if not m or (count == 0 and not m.group(1)[0].isupper()):
            break
        word = m.group(1).lower()
        if word == "và" and (nxt := _WORDS.match(text, m.end())) and nxt.group(1)[0].isupper():
            end, count = nxt.end(), count + 2
            continue
        if word in stops:
            break
        end, count = m.end(), count + 1
    return text[pos:end]


def _listed(kind: str, name: str) -> bool:
    place = resolve(f"{kind} {name}", "vi")
    return place is not None and place.code is not None


def _body(text: str, m: re.Match) -> str:
    """A body from its head word on: a whole body as it is; after a head, the place that follows
    (UBND tỉnh Nghệ An) or the body's name (Bộ Nội vụ). After "Chủ tịch UBND xã" a name that is not a
    listed division is a person (Chủ tịch UBND xã Đoàn Minh Khoa) and is left out."""
    start, end = m.span()
    if m.group("whole"):
        return text[start:end]
    kind = vi_body_rules().kind.match(text, end)
    if not kind:
        return text[start : end + len(_tail(text, end))]
    name = name_at(text, kind.end() + 1) if text[kind.end() : kind.end() + 1] == " " else ""
    if name and m.group(0).lower().startswith("chủ tịch") and not _listed(kind.group(0).strip(), name):
        name = ""
    return text[start : kind.end() + (1 + len(name) if name else 0)]


def bare_kind(body: str) -> str:
    """The type word a bare body ends with: 'UBND xã' -> xã, 'Tỉnh ủy' -> tỉnh; '' when it names a place."""
    low = body.lower()
    party = next((t for p, t in PARTY.items() if low == p or low.endswith(" " + p)), "")
    types = sorted(place_rules().vi_types, key=len, reverse=True)
    return party or next((t for t in types if low == t or low.endswith(" " + t)), "")


def _named(body: str, text: str) -> str:
    """A bare body (UBND xã, Tỉnh ủy) named after the one place of its type that the text names
    (xã Hưng Lộc -> UBND xã Hưng Lộc); a name after "Chủ tịch UBND xã" counts only when it is a
    listed division, not the chairman's own name."""
    kind = bare_kind(body)
    if not kind:
        return body
    same = {name_at(text, m.end()) for m in re.finditer(re.escape(body) + " ", text)} - {""}
    if len(same) == 1:  # the text names this very body in full somewhere (Huyện ủy Lạc Sơn)
        return f"{body} {same.pop()}"
    names = set()
    for m in re.finditer(rf"(?<![^\W_])(?i:{re.escape(kind)}) (?=\w)", text):
        name = name_at(text, m.end())
        chair = _CHAIR.search(text[max(0, m.start() - 30) : m.start()].lower())
        if name and (not chair or _listed(kind, name)):
            names.add(name)
    return f"{body} {names.pop()}" if len(names) == 1 else body


_DELEGATED = re.compile(r"th[ừư]a [uủ][ỷy] quyền(?: của)? $")


@lru_cache(maxsize=4)  # one text has many honours: read its bodies once
def find_vi(text: str) -> tuple[tuple[int, str], ...]:
    """(position, body) of each body that gives an award in the text: followed by an award verb
    (X tặng), or after "được" (được X tặng), or after a title and "của" (Bằng khen của X)."""
    rules = vi_body_rules()
    text = normal(text)
    found: list[tuple[int, int]] = []
    delegators: list[tuple[int, int]] = []
    for m in rules.head.finditer(text):
        if any(s <= m.start() < e for s, e in found):
            continue  # inside a body already taken (the UBND of "Chủ tịch UBND tỉnh")
        body = _body(text, m)
        before = text[max(0, m.start() - 60) : m.start()].lower()
        awarding = (
            rules.verb.match(text, m.start() + len(body))
            or before.endswith("được ")
            or re.search(rf"{_TITLES}[^.;]{{0,50}}\bcủa $", before)
        )
        if _DELEGATED.search(before):
            delegators.append((m.start(), m.start() + len(body)))
        elif awarding:
            found.append((m.start(), m.start() + len(body)))
    # "Thừa ủy quyền của Chủ tịch nước, đồng chí …, Phó Chủ tịch UBND tỉnh … trao": the body that
    # delegated awards; the one presenting in its name, later in the sentence, does not
    found = [f for f in found if not any(d < f[0] and "." not in text[d : f[0]] for d, _ in delegators)]
    return tuple((s, _named(text[s:e], text)) for s, e in sorted(found + delegators))
