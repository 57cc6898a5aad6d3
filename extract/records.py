"""What the extractor finds in an article: people, collectives, events, counts and the honours the
people and collectives hold, with spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extract.honours import Honour

Span = tuple[int, int]


@dataclass(frozen=True)
class Person:
    name: str
    relation: str  # honouree | official | author | mentioned
    span: Span
    role: str | None = None
    org: str | None = None
    place: str | None = None
    honour: str | None = None
    gender: str | None = None  # F | M
    ethnicity: str | None = None
    posthumous: bool = False
    as_written: str | None = None  # the text at the span where it is not the name (沈课员腾芳: 沈腾芳)


@dataclass(frozen=True)
class Collective:
    name: str
    span: Span
    honour: str | None = None
    as_written: str | None = None  # the text at the span where it is not the name (北湖 of 北湖、下埤社区)


@dataclass(frozen=True)
class Event:
    name: str
    year: int | None = None
    date: str | None = None
    place: str | None = None
    organizers: tuple[str, ...] = ()
    honours: tuple[str, ...] = ()
    span: Span | None = None


@dataclass(frozen=True)
class Count:
    value: int
    unit: str  # person | collective | household | vote | view | other
    text: str
    span: Span
    status: str | None = None  # awarded | candidate | proposed
    approx: bool = False
    honour: str | None = None


@dataclass(frozen=True)
class Award(Honour):
    """An honour held by one person or collective of the article: `owner` person | collective,
    `owner_n` its index in `Extraction.people` or `.collectives`."""

    owner: str = "person"
    owner_n: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The honour's JSON shape (DESIGN.md), without the owner its list belongs to."""
        d = super().as_dict()
        del d["owner"], d["owner_n"]
        return d


@dataclass(frozen=True)
class Extraction:
    is_commendation: bool
    people: tuple[Person, ...] = ()
    collectives: tuple[Collective, ...] = ()
    events: tuple[Event, ...] = ()
    counts: tuple[Count, ...] = field(default=())
    honours: tuple[Award, ...] = ()  # each person's and collective's honours, by owner

    def honours_of(self, owner: str, n: int) -> tuple[Award, ...]:
        return tuple(h for h in self.honours if h.owner == owner and h.owner_n == n)
