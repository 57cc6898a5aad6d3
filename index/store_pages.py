"""The store's reads of what a page of search hits shows, column by column: a part of `Store`
(index/store.py), kept apart to keep each module short. A page shows a few fields of dozens of
counts and honours; reading them as plain values, not as records, is most of the saving."""

from __future__ import annotations

import sqlite3


class PageReads:
    db: sqlite3.Connection

    def counts_shown(self, article_ids: list[str]) -> dict[str, list[tuple]]:
        """(value, unit, status, honour) of each count of these articles, in their order: what a
        page of event hits shows (an article has dozens of counts), in one query."""
        ids = list(dict.fromkeys(article_ids))
        out: dict[str, list[tuple]] = {a: [] for a in ids}
        if ids:
            sql = (
                "SELECT article_id, value, unit, status, honour FROM counts "  # noqa: S608
                f"WHERE article_id IN ({','.join('?' * len(ids))}) ORDER BY article_id, n"
            )
            for a, *shown in self.db.execute(sql, ids):
                out[a].append(tuple(shown))
        return out

    def honours_shown(
        self, keys: list[tuple[str, int]], names: tuple[str, ...], owner: str
    ) -> dict[tuple[str, int], list[tuple]]:
        """The `names` columns of the honours of these (article id, person or collective number)
        of the `owner` kind, in their order: what a page shows of each hit's honours."""
        out: dict[tuple[str, int], list[tuple]] = {k: [] for k in keys}
        for key, r in self._keyed("honours", "owner_n", keys, " AND t.owner = ?", (owner,)):  # type: ignore[attr-defined]
            out[key].append(tuple(r[n] for n in names))
        return out

    def texts_around(self, keys: list[tuple[str, int]], length: int) -> dict[tuple[str, int], str]:
        """`length` characters of an article's text from an offset, for each (article id, offset):
        a person page's evidence, cut in the query (SQLite counts characters as Python does), not
        by reading each article's whole text into Python first."""
        keys = list(dict.fromkeys(keys))
        out: dict[tuple[str, int], str] = {}
        for i in range(0, len(keys), 400):
            chunk = keys[i : i + 400]
            sql = (
                f"WITH k(a, at) AS (VALUES {','.join(['(?, ?)'] * len(chunk))}) "  # noqa: S608
                "SELECT k.a, k.at, substr(t.text, k.at + 1, ?) FROM k CROSS JOIN articles t ON t.id = k.a"
            )
            for a, at, text in self.db.execute(sql, [v for key in chunk for v in key] + [length]):
                out[(a, at)] = text or ""
        return out
