"""The persons of the names an ingest run links, kept in memory between link rounds (issue 15).

Reading every strongly linked mention of a name each round (schema.PERSON_PROFILES) costs what the
archive holds of the name; a run reads a name once, then adds the rows of the strong links it makes
(schema.PROFILE_ROWS), so a round costs what it links. What a round adds besides (the articles and
clusters of its mentions, weak placements, new persons) is taken back after it (`Namesakes.revert`):
the persons kept are exactly those PERSON_PROFILES would give, in its order (first seq, first rowid
of each distinct profile). A name is read again when its stored profiles change otherwise (TEMP
triggers, schema.WATCH_LINKS: a mention or article deleted, superseded or edited), when another
connection wrote to the store, and after it was dropped to keep at most `limit` profiles in memory.

The mentions of a name linked only weakly are decided again whenever the name comes in; a run keeps
them too (`Held.weak`, updated from each round's links), so a round reads from the store only the
mentions not linked yet, not every weak mention a recurring name has gathered.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from index.linking import Namesakes, profile_of
from index.persons import LinkMention


def _first(seq, rowid) -> tuple:
    return (seq is not None, seq or 0, rowid)  # SQL sorts NULL first


@dataclass
class Held:
    """One name: its persons, and of each distinct profile (PERSON_PROFILES' group: person and
    profile columns as stored) the smallest seq and rowid among its mentions."""

    namesakes: Namesakes = field(default_factory=Namesakes)
    groups: dict[tuple, tuple] = field(default_factory=dict)
    firsts: dict[str, tuple] = field(default_factory=dict)  # person -> its first group's (seq, rowid)
    weak: dict[tuple, LinkMention] | None = None  # its weakly linked mentions, once a round has read them

    def add(self, pid: str, seen: tuple, seq, rowid) -> bool:
        """Add one row (or group); whether the persons' order is to be sorted again."""
        key = (pid, *seen)
        if key in self.groups:
            old_seq, old_rowid = self.groups[key]
            seq = old_seq if seq is None else seq if old_seq is None else min(seq, old_seq)
            rowid = min(rowid, old_rowid)
        self.groups[key] = (seq, rowid)
        first = _first(seq, rowid)
        persons = self.namesakes.persons
        if pid in self.firsts and first >= self.firsts[pid]:
            resort = False
        else:
            last = next(reversed(persons), None)
            resort = pid in self.firsts or (last is not None and first < self.firsts[last])
            self.firsts[pid] = first
        self.namesakes.add(pid, profile_of(*seen))
        return resort

    def sort(self) -> None:
        persons = self.namesakes.persons
        self.namesakes.persons = {pid: persons[pid] for pid in sorted(persons, key=self.firsts.__getitem__)}


class Memory:
    def __init__(self, limit: int = 200_000):
        self.limit = limit  # profiles and weak mentions kept, all names together (~2.4 KB each: ~0.5 GB)
        self.held: dict[str, Held] = {}  # least recently used first
        self.size = 0
        self.version: int | None = None

    def forget(self) -> None:
        self.held, self.size, self.version = {}, 0, None

    def persons(self, store, names: list[str]) -> dict[str, Namesakes]:
        """The persons of these names (strong links), as PERSON_PROFILES gives them; what the round
        adds is taken back by `linked`."""
        version = store.data_version()
        if version != self.version:
            self.forget()
            self.version = version
        for name in store.touched_names():
            self._drop(name)
        missing = [n for n in names if n not in self.held]
        loaded = {n: Held() for n in missing}
        for i in range(0, len(missing), 500):
            rows = store.profile_groups(missing[i : i + 500])
            for name, pid, *seen, seq, rowid in sorted(rows, key=lambda r: _first(r[-2], r[-1])):
                loaded[name].add(pid, tuple(seen), seq, rowid)
        for name, held in loaded.items():
            self.held[name] = held
            self.size += len(held.groups)
        out = {}
        for name in names:
            held = self.held.pop(name)
            self.held[name] = held  # most recently used
            held.namesakes.undo = []
            out[name] = held.namesakes
        return out

    def open_rows(self, store, names: list[str], article_ids: list[str]) -> list[LinkMention]:
        """The open mentions of these names (called after `persons`): a name read anew has them all
        read from the store, which costs what the archive holds of it; of a name kept, memory has
        the weak mentions and the store gives those not linked yet, all in the round's articles
        (`article_ids`: a run links every article it stores, and first those a killed run left)."""
        anew = [n for n in names if self.held[n].weak is None]
        rows = store.open_link_rows(anew) if anew else []
        kept = {n for n in names if self.held[n].weak is not None}
        if kept:
            unlinked = {m.key: m for m in store.unlinked_rows(article_ids) if m.name in kept}
            rows += [m for n in kept for k, m in self.held[n].weak.items() if k not in unlinked]
            rows += unlinked.values()
        return rows

    def linked(
        self, store, names: list[str], strong: list[tuple[str, int]], placed: dict, rows: list[LinkMention]
    ) -> None:
        """After a round: take back what it added, then add the strong links it made, and keep the
        round's open mentions (`rows`) that `placed` (key -> (person, weak)) left weak."""
        for name in names:
            self.held[name].namesakes.revert()
        weak = {name: {} for name in names}
        for m in rows:
            pid, is_weak = placed.get(m.key, (m.person_id, m.weak))
            if is_weak:
                weak[m.name][m.key] = replace(m, person_id=pid, weak=True)
        for name, mentions in weak.items():
            held = self.held[name]
            self.size += len(mentions) - len(held.weak or ())
            held.weak = mentions
        resort = set()
        for name, pid, *seen, seq, rowid in store.profile_rows(strong):
            held = self.held[name]
            before = len(held.groups)
            if held.add(pid, tuple(seen), seq, rowid):
                resort.add(name)
            self.size += len(held.groups) - before
        for name in resort:
            self.held[name].sort()
        for name in store.touched_names():  # none from the links just set; anything else: read again
            self._drop(name)
        while self.size > self.limit and len(self.held) > 1:
            self._drop(next(iter(self.held)))

    def _drop(self, name: str) -> None:
        held = self.held.pop(name, None)
        if held is not None:
            self.size -= len(held.groups) + len(held.weak or ())
