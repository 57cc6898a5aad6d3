"""The records of people linked across articles (issue 13): one mention as linking reads it
(`LinkMention`), and where a place string puts a person (`Unit`)."""

from __future__ import annotations

from dataclasses import dataclass

HONOURS_FIRST = "honouree"


@dataclass(frozen=True)
class LinkMention:
    """A row of `people` with what linking weighs: the person's own organisation and place, gender,
    ethnicity and birth year, the article's cluster of reposts and its first event's place (the
    awarding place: a namesake honoured by another county is another person). `person_id` is None
    until the mention is linked."""

    article_id: str
    n: int
    name: str
    relation: str | None = None
    role: str | None = None
    org: str | None = None
    place: str | None = None
    honour: str | None = None
    gender: str | None = None
    ethnicity: str | None = None
    birth_year: int | None = None
    start: int | None = None
    cluster: str | None = None
    lang: str | None = None
    event_place: str | None = None
    year: int | None = None
    published: str | None = None
    seq: int | None = None
    person_id: str | None = None
    weak: bool = False  # joined its person only for want of another: decided again as namesakes come

    @property
    def key(self) -> tuple[str, int]:
        return (self.article_id, self.n)


@dataclass(frozen=True)
class Unit:
    """An administrative division a mention names: its level (province | prefecture | county |
    township), its name as written, and its path of official names when the division list knows it."""

    level: str | None
    name: str
    path: tuple[str, ...] = ()
