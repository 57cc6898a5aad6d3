"""People across articles: mentions of one name are linked into persons with a stable `person_id`.

A mention joins a person of its name when nothing conflicts and something agrees:

- the same article, or a repost of it (the same cluster), is always the same person;
- conflicts keep them apart: another gender, ethnicity or birth year; own places that cannot both
  hold (two counties, two townships, or places the division list puts on different branches),
  from the person's place and the places named in the organisation;
- doubts keep them apart unless their organisations are similar: awarding places (the first
  event's) that cannot both hold, organisations that share nothing (unless one township names both);
- agreement links them: similar organisations (one contains the other, or they share a long run),
  the same county or township, the same birth year;
- a mention that says nothing of where the person works joins the one person of its name that
  agrees with the county or township of its awarding event (and a mention that says something
  joins so a person whose mentions say nothing), else the only person of its name there is; that
  last link is weak: decided again whenever mentions of the name come in, so it moves to a person
  of its own once a namesake appears.

Mentions that say where the person works are linked first, honourees first, then the oldest
articles. A person's id is a hash of its first mention's article id and
name, and links once made are kept (weak ones aside): ingesting more articles links the new mentions
against the persons there are, so ids stay stable.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from index.persons import HONOURS_FIRST, LinkMention, Unit
from index.units import SPECIFIC, similar, units_agree, units_conflict, units_in

_LEAD = re.compile("决定授予|授予|决定|表彰|获评|[：:，,。]")  # what ends the words before an organisation


def person_id(article_id: str, name: str) -> str:
    return "p" + hashlib.sha1(f"{article_id}\x1f{name}".encode()).hexdigest()[:15]


# --- where a mention puts a person -----------------------------------------------------------------


def _own_units(m: LinkMention) -> tuple[Unit, ...]:
    return units_in(m.place) + units_in(m.org) + (units_in(m.role) if m.lang == "vi" else ())


def _units(m: LinkMention) -> tuple[Unit, ...]:
    return _own_units(m) + units_in(m.event_place)


def _org(m: LinkMention) -> str | None:
    """What the mention says of where the person works (a Vietnamese role carries the unit); the
    words of a decision an organisation may begin with (区政府决定授予…) left out."""
    if m.org:
        return _LEAD.split(m.org)[-1] or None
    return m.role if m.lang == "vi" and m.role and len(m.role.split()) > 2 else None


# --- one mention against one person ---------------------------------------------------------------


def conflict(m: LinkMention, q: LinkMention) -> bool:
    """What keeps two mentions apart: another gender, ethnicity or birth year, or own places that
    cannot both hold, whatever else agrees."""
    for x, y in ((m.gender, q.gender), (m.ethnicity, q.ethnicity), (m.birth_year, q.birth_year)):
        if x and y and x != y:
            return True
    return any(units_conflict(a, b) for a in _own_units(m) for b in _own_units(q))


def doubt(m: LinkMention, q: LinkMention) -> bool:
    """What keeps two mentions apart unless their organisations agree: awarding places that cannot
    both hold, or organisations that share nothing (and no township)."""
    if any(units_conflict(a, b) for a in _units(m) for b in _units(q)):
        return True
    a, b = _org(m), _org(q)
    if a and b and not similar(a, b):
        return not any(
            units_agree(x, y) and x.level == "township" for x in _own_units(m) for y in _own_units(q)
        )
    return False


def agreement(m: LinkMention, q: LinkMention) -> int:
    """How strongly two mentions that do not conflict say they are one person (0: not at all)."""
    score = 0
    if similar(_org(m), _org(q)):
        score += 3
    if any(units_agree(a, b) for a in _own_units(m) for b in _own_units(q)):
        score += 2
    if m.birth_year and m.birth_year == q.birth_year:
        score += 3
    if not score and any(units_agree(a, b) for a in _units(m) for b in _units(q)):
        score = 1  # the same county or township named by an awarding event: enough for a loose mention
    return score


def _loose(m: LinkMention) -> bool:
    return not _org(m) and not _own_units(m) and not m.birth_year


def profile(m: LinkMention) -> tuple:
    """Everything `conflict`, `doubt`, `agreement` and `_loose` read of a mention."""
    return profile_of(m.place, m.org, m.role, m.lang, m.event_place, m.gender, m.ethnicity, m.birth_year)


def profile_of(place, org, role, lang, event_place, gender, ethnicity, birth_year=None) -> tuple:
    return (place, org, role if lang == "vi" else None, lang, event_place, gender, ethnicity, birth_year)


@lru_cache(maxsize=1 << 18)
def _stand_in(p: tuple) -> LinkMention:
    """A mention with only what a profile holds: all that comparing two mentions reads (made once
    per profile and shared: nothing changes it)."""
    place, org, role, lang, event_place, gender, ethnicity, birth_year = p
    return LinkMention(
        "",
        0,
        "",
        role=role,
        org=org,
        place=place,
        gender=gender,
        ethnicity=ethnicity,
        birth_year=birth_year,
        lang=lang,
        event_place=event_place,
    )


@lru_cache(maxsize=1 << 16)
def _compare(a: tuple, b: tuple) -> tuple[bool, bool, int]:
    """(conflict, doubt, agreement) of two profiles: people named alike are compared once."""
    m, q = _stand_in(a), _stand_in(b)
    return conflict(m, q), doubt(m, q), agreement(m, q)


@dataclass
class Person:
    """What linking knows of one person: the different profiles of its mentions (a person named a
    thousand times the same way is compared once), and the articles and clusters of all of them."""

    profiles: dict[tuple, None] = field(default_factory=dict)  # in order of first mention
    articles: set[str] = field(default_factory=set)
    clusters: set[str] = field(default_factory=set)

    def loose(self) -> bool:
        return all(_loose(_stand_in(p)) for p in self.profiles)


def _keys(m: LinkMention) -> set[tuple]:
    """What a mention can agree with another on: its organisation (whole, and its runs of three
    characters: similar organisations share one), its county or township, its birth year."""
    keys: set[tuple] = set()
    if org := _org(m):
        low = org.lower()
        keys |= {("org", low)} | {("run", low[i : i + 3]) for i in range(len(low) - 2)}
    for u in _units(m):
        if u.level in SPECIFIC:
            keys |= (
                {("unit", u.level, u.name), ("path", u.level, u.path)}
                if u.path
                else {("unit", u.level, u.name)}
            )
    if m.birth_year:
        keys.add(("born", m.birth_year))
    return keys


@dataclass
class Namesakes:
    """The persons of one name, first seen first, and who shares what with whom: a new mention is
    weighed only against the persons it could agree with (or share an article or cluster with),
    not against every namesake; against the only one, always."""

    persons: dict[str, Person] = field(default_factory=dict)
    index: dict[tuple, set[str]] = field(default_factory=dict)
    undo: list[tuple] | None = None  # while kept: what `add` added, for `revert` (index/link_memory.py)

    def add(
        self, pid: str, seen: tuple | None = None, article: str | None = None, cluster: str | None = None
    ):
        if self.undo is not None and pid not in self.persons:
            self.undo.append(("person", pid))
        person = self.persons.setdefault(pid, Person())
        keys: set[tuple] = set()
        if seen is not None and seen not in person.profiles:
            person.profiles[seen] = None
            keys = _keys(_stand_in(seen))
            self._added("profiles", pid, seen)
        if article:
            self._added("articles", pid, article, article not in person.articles)
            person.articles.add(article)
            keys.add(("article", article))
        if cluster:
            self._added("clusters", pid, cluster, cluster not in person.clusters)
            person.clusters.add(cluster)
            keys.add(("cluster", cluster))
        for k in keys:
            ids = self.index.setdefault(k, set())
            self._added("index", pid, k, pid not in ids)
            ids.add(pid)

    def _added(self, what: str, pid: str, item, new: bool = True) -> None:
        if self.undo is not None and new:
            self.undo.append((what, pid, item))

    def revert(self) -> None:
        """Take back what was added since `undo` was set, last first."""
        for what, pid, *item in reversed(self.undo or ()):
            if what == "person":
                del self.persons[pid]
            elif what == "index":
                self.index[item[0]].discard(pid)
                if not self.index[item[0]]:
                    del self.index[item[0]]
            elif what == "profiles":
                del self.persons[pid].profiles[item[0]]
            else:
                getattr(self.persons[pid], what).discard(item[0])
        self.undo = None

    def candidates(self, m: LinkMention) -> dict[str, Person]:
        if len(self.persons) <= 1:  # the only person of the name: a loose mention may join it anyway
            return self.persons
        keys = _keys(m) | {("article", m.article_id)} | ({("cluster", m.cluster)} if m.cluster else set())
        ids = set().union(*(self.index.get(k, ()) for k in keys))
        if len(ids) == len(self.persons):
            return self.persons
        return {pid: person for pid, person in self.persons.items() if pid in ids}


def verdict(m: LinkMention, person: Person) -> int | None:
    """None when the mention cannot be this person, else how well it agrees (100: the same article,
    or a repost of it when nothing conflicts or doubts: near-duplicate decisions can share a cluster)."""
    own = profile(m)
    pairs = [_compare(own, p) for p in person.profiles]
    if any(conflicts for conflicts, _, _ in pairs):
        return None
    if m.article_id in person.articles:
        return 100
    doubted = any(doubts for _, doubts, _ in pairs)
    if not doubted and m.cluster and m.cluster in person.clusters:
        return 100
    best = max(agrees for _, _, agrees in pairs)
    if best < 3 and doubted:  # only similar organisations outweigh a doubt
        return None
    return best


# --- linking ----------------------------------------------------------------------------------------


def order(m: LinkMention) -> tuple:
    """Mentions that say where the person works first (they found the persons), honourees first,
    then the oldest articles."""
    return (
        _loose(m),
        m.relation != HONOURS_FIRST,
        m.year or 9999,
        m.published or "",
        m.seq or 0,
        m.article_id,
        m.n,
    )


def assign(mentions: Iterable[LinkMention]) -> dict[tuple[str, int], tuple[str, bool]]:
    """Every mention's (person id, weak): linked mentions keep their person, except weak ones, which
    are decided again with the others in `order` against the persons of their name."""
    people: dict[str, Namesakes] = {}
    out: dict[tuple[str, int], tuple[str, bool]] = {}
    fresh = []
    for m in mentions:
        if m.person_id and not m.weak:
            people.setdefault(m.name, Namesakes()).add(m.person_id, profile(m), m.article_id, m.cluster)
            out[m.key] = (m.person_id, False)
        else:
            fresh.append(m)
    return out | _place(people, fresh)


def _place(people: dict[str, Namesakes], fresh: list[LinkMention]) -> dict:
    """The (person id, weak) of each open mention, against the persons there are (`people`, by
    name then id, first seen first), which the mentions placed join."""
    out: dict[tuple[str, int], tuple[str, bool]] = {}
    deferred = []
    for final in (False, True):  # weak links last: a namesake later in the order must be seen first
        for m in deferred if final else sorted(fresh, key=order):
            namesakes = people.setdefault(m.name, Namesakes())
            pid, weak = choose(m, namesakes.candidates(m))
            if weak and not final:
                deferred.append(m)
                continue
            pid = pid or person_id(m.article_id, m.name)
            namesakes.add(pid, profile(m), m.article_id, m.cluster)
            out[m.key] = (pid, weak)
    return out


def choose(m: LinkMention, persons: dict[str, Person]) -> tuple[str | None, bool]:
    """The person a new mention joins (None for a new person), and whether only for want of another."""
    scored = [(v, pid) for pid, ms in persons.items() if (v := verdict(m, ms)) is not None]
    if not scored:
        return None, False
    best = max(v for v, _ in scored)
    if best >= 2:
        return next(pid for v, pid in scored if v == best), False  # a tie goes to the person seen first
    some = [pid for v, pid in scored if v >= 1]
    if len(some) == 1 and (_loose(m) or persons[some[0]].loose()):
        return some[0], False
    if _loose(m) and len(persons) == 1 and scored:  # the only person of the name, so far
        return scored[0][1], True
    return None, False


def _where(mentions: list[LinkMention]) -> tuple[list[str], list[str]]:
    """The articles and clusters of these mentions."""
    return sorted({m.article_id for m in mentions}), sorted({m.cluster for m in mentions if m.cluster})


def link(store, article_ids: Iterable[str], memory=None) -> int:
    """Link the unlinked mentions of these articles, and decide again the weak links of their names
    (call inside the store's transaction); how many links were made or changed. `memory` (a
    link_memory.Memory, kept by an ingest run): the persons of the names already seen, from memory."""
    article_ids = list(article_ids)
    names = store.unlinked_names(article_ids)
    if not names:
        return 0
    if memory is None:
        fresh = store.open_link_rows(names)
        ids, clusters = _where(fresh)
        profiles, named = store.link_state(names, ids, clusters)
        people: dict[str, Namesakes] = {}
        for name, pid, *seen in profiles:
            people.setdefault(name, Namesakes()).add(pid, profile_of(*seen))
    else:
        people = memory.persons(store, names)
        fresh = memory.open_rows(store, names, article_ids)
        named = store.persons_in(names, *_where(fresh))
    try:
        for name, pid, article, cluster in named:
            if name in people and pid in people[name].persons:
                people[name].add(pid, None, article, cluster)
        before = {m.key: (m.person_id, m.weak) for m in fresh}
        placed = _place(people, fresh)
        changed = {k: v for k, v in placed.items() if before.get(k) != v}
        store.set_links(changed)
    except BaseException:
        if memory is not None:
            memory.forget()
        raise
    if memory is not None:
        memory.linked(store, names, [k for k, (_, weak) in changed.items() if not weak], placed, fresh)
    return len(changed)
