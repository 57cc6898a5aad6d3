"""What the extractor finds in an article: people, collectives, events and counts, with spans."""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class Collective:
    name: str
    span: Span
    honour: str | None = None


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
class Extraction:
    is_commendation: bool
    people: tuple[Person, ...] = ()
    collectives: tuple[Collective, ...] = ()
    events: tuple[Event, ...] = ()
    counts: tuple[Count, ...] = field(default=())
