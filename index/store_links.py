"""The store's reads and writes of people linked across articles (issue 13, index/linking.py): a part
of `Store` (index/store.py), kept apart to keep each module short. `person_links` is a table an
archive gains as it is opened for writing; a read-only older archive may lack it."""

from __future__ import annotations

import sqlite3

from index import schema
from index.persons import LinkMention
from index.views import from_row


class PersonLinks:
    db: sqlite3.Connection

    def _linked(self) -> bool:
        return (
            self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'person_links'").fetchone() is not None
        )

    def links_of(self, keys: list[tuple[str, int]]) -> dict[tuple[str, int], tuple[str, bool]]:
        """The person (and whether weakly) of each (article id, person number) already linked."""
        if not self._linked():
            return {}
        return {k: (r["person_id"], bool(r["weak"])) for k, r in self._keyed("person_links", "n", keys)}

    def dossier_rows(
        self, names: list[str], limit: int, around: int = 300, honoured: bool = False, text: bool = True
    ) -> list[sqlite3.Row]:
        """Up to `limit` mentions of each name (schema.DOSSIER; `honoured`: only those honoured with
        a title), oldest first (by the year of the article's first event, else its publication),
        with `around` characters of text on each side of each mention (`text` False: None instead,
        for a page that reads the text of the few it lists; the text is a third of the query's work)."""
        linked = self._linked()
        sql = schema.DOSSIER.format(
            around=int(around),
            text=schema.DOSSIER_TEXT.format(around=int(around)) if text else "NULL",
            honoured=" AND p.relation = 'honouree' AND p.honour != ''" if honoured else "",
            link="l.person_id, l.weak" if linked else "NULL AS person_id, 0 AS weak",
            join="LEFT JOIN person_links l ON l.article_id = p.article_id AND l.n = p.n" if linked else "",
        )
        rows = [r for name in names for r in self.db.execute(sql, (name, limit))]
        return sorted(rows, key=_oldest)

    def unlinked_names(self, article_ids: list[str]) -> list[str]:
        sql = schema.UNLINKED_NAMES.format(marks=",".join("?" * len(article_ids)))
        return [r[0] for r in self.db.execute(sql, article_ids)]

    def unlinked_articles(self) -> list[str]:
        return [r[0] for r in self.db.execute(schema.UNLINKED_ARTICLES)]

    def link_rows(self, names: list[str]) -> list[LinkMention]:
        """Every live mention of these names, with what linking weighs and its person (if linked)."""
        person_id, weak = (
            schema.LINKED.format(c) if self._linked() else "NULL" for c in ("person_id", "weak")
        )
        sql = schema.LINK_ROWS.format(person_id=person_id, weak=weak, marks=",".join("?" * len(names)))
        return [from_row(LinkMention, r) for r in self.db.execute(sql, names)]

    def open_link_rows(self, names: list[str]) -> list[LinkMention]:
        """The live mentions of these names not linked yet or linked only weakly."""
        sql = schema.OPEN_LINK_ROWS.format(marks=",".join("?" * len(names)))
        return [from_row(LinkMention, r) for r in self.db.execute(sql, names)]

    def unlinked_rows(self, article_ids: list[str]) -> list[LinkMention]:
        """The live mentions of these articles not linked yet."""
        sql = schema.UNLINKED_LINK_ROWS.format(marks=",".join("?" * len(article_ids)))
        return [from_row(LinkMention, r) for r in self.db.execute(sql, article_ids)]

    def link_state(self, names: list[str], ids: list[str], clusters: list[str]) -> tuple[list, list]:
        """Of the persons of these names (strong links): (name, person, place, org, role, lang,
        first event's place, gender, ethnicity) once per distinct profile, first seen first; and
        (name, person, article, cluster) for those named in these articles or clusters."""
        marks = ",".join("?" * len(names))
        profiles = self.db.execute(schema.PERSON_PROFILES.format(marks=marks), names).fetchall()
        sql = schema.PERSONS_IN.format(
            marks=marks, ids=",".join("?" * len(ids)), clusters=",".join("?" * len(clusters))
        )
        return [tuple(r) for r in profiles], self.db.execute(sql, [*names, *ids, *clusters]).fetchall()

    def persons_in(self, names: list[str], ids: list[str], clusters: list[str]) -> list:
        """The second half of `link_state`, walked from the articles and clusters."""
        sql = schema.PERSONS_IN_ARTICLES.format(
            marks=",".join("?" * len(names)),
            ids=",".join("?" * len(ids)),
            clusters=",".join("?" * len(clusters)),
        )
        return self.db.execute(sql, [*names, *ids, *clusters]).fetchall()

    def profile_groups(self, names: list[str]) -> list[tuple]:
        """PERSON_PROFILES' groups of these names, unordered, each with its min(seq) and min(rowid)."""
        sql = schema.PROFILE_GROUPS.format(marks=",".join("?" * len(names)))
        return [tuple(r) for r in self.db.execute(sql, names)]

    def profile_rows(self, keys: list[tuple[str, int]]) -> list[tuple]:
        """The rows PERSON_PROFILES groups, of these (article id, n) if strongly linked and live."""
        rows = []
        for i in range(0, len(keys), 4000):
            chunk = keys[i : i + 4000]
            sql = schema.PROFILE_ROWS.format(keys=",".join(["(?, ?)"] * len(chunk)))
            rows += [tuple(r) for r in self.db.execute(sql, [x for k in chunk for x in k])]
        return rows

    def touched_names(self) -> set[str]:
        """The names whose stored profiles changed since the last call (or the triggers were set)."""
        for statement in schema.WATCH_LINKS.split(";\n"):
            if statement.strip():
                self.db.execute(statement)
        names = {r[0] for r in self.db.execute("SELECT DISTINCT name FROM temp.link_touched")}
        self.db.execute("DELETE FROM temp.link_touched")
        return names

    def data_version(self) -> int:
        """Changes when another connection commits to the store."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def person_ids(self, article_id: str) -> dict[int, str]:
        """An article's people (by n) -> their person ids, for exports; empty before any linking."""
        if not self._linked():
            return {}
        return dict(self.db.execute(schema.PERSON_IDS, (article_id,)).fetchall())

    def set_links(self, links: dict[tuple[str, int], tuple[str, bool]]) -> None:
        self.db.executemany(schema.SET_LINKS, [(a, n, p, int(w)) for (a, n), (p, w) in links.items()])


def _oldest(r: sqlite3.Row) -> tuple:
    published = r["published"] or ""
    return (str(r["year"]) if r["year"] else published[:4], published, r["article_id"], r["n"])
