"""The store: SQLite (WAL) under the data dir, the archive's source of truth.

An article is keyed by its record id (hash of the canonical URL, else of the raw bytes). The same
bytes ingested twice change nothing. New content behind a known URL updates the row and keeps the
old text in `versions`; new content at a known file path is a new article that supersedes the old
one. Raw bytes are kept (compressed, once per hash) so any article can be reprocessed.

Every query of the archive is here. Records go in as `views.Record` and come out as frozen views
(index/views.py); the columns of articles and entities follow the records' fields.
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from errors import StoreError  # noqa: F401  (re-exported)
from extract.records import Extraction
from index import schema
from index.schema import MEMBER, quoted
from index.store_links import PersonLinks
from index.store_pages import PageReads
from index.views import (
    ENTITIES,
    Member,
    PutResult,
    Record,
    Repost,
    StoredArticle,
    Version,
    cell,
    cells,
    from_row,
    now,
    source_key,
)


class Store(PersonLinks, PageReads):
    def __init__(self, path: Path):
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA cache_size=-131072")  # 128 MB: band and id lookups stay in memory
            self.db.execute("PRAGMA mmap_size=1073741824")
            self.db.execute("PRAGMA temp_store=MEMORY")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(schema.SCHEMA)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(schema.SCHEMA_VERSION),))
            if self._missing():
                self._upgrade()
            self.db.execute("CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq)")
        except (sqlite3.Error, OSError) as e:
            raise StoreError(f"cannot open the store {path}: {e}") from None

    def _missing(self) -> dict[str, list[str]]:
        """Columns an archive made by an older version lacks."""
        out = {}
        for table, wanted in schema.UPGRADES.items():
            have = {r["name"] for r in self.db.execute(f"PRAGMA table_info({table})")}
            if missing := [c for c in wanted if c not in have]:
                out[table] = missing
        return out

    def _upgrade(self) -> None:
        with self.transaction():
            for table, missing in self._missing().items():  # again: another process may have done it
                for column in missing:
                    self.db.execute(f'ALTER TABLE {table} ADD COLUMN "{column}"')  # noqa: S608
                    if column == "seq":  # the order of first storing, as well as it is known
                        self.db.execute("UPDATE articles SET seq = rowid")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(schema.SCHEMA_VERSION),))

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT; a crash or error rolls the whole batch back."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise StoreError(f"the store is busy or read-only: {e}") from None
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            try:
                self.db.execute("COMMIT")
            except sqlite3.Error as e:
                self.db.execute("ROLLBACK")
                raise StoreError(f"cannot write the store: {e}") from None

    # --- writing ------------------------------------------------------------------------------

    def put(
        self, record: Record, raw: bytes | None, content_type: str | None = None, reprocessed: bool = False
    ) -> PutResult:
        """Store one record. Call inside `transaction()`. `reprocessed`: the same bytes normalised
        again — replace, keep the version. `raw` None: the bytes live in the WARC record the article
        names, not in the store."""
        db, a = self.db, record.article
        key = source_key(a.source)
        old = db.execute("SELECT raw_sha1, version FROM articles WHERE id = ?", (a.id,)).fetchone()
        if old and old["raw_sha1"] == a.raw_sha1 and not reprocessed:
            return PutResult(a.id, "unchanged")
        if raw is not None:
            db.execute("INSERT OR IGNORE INTO raw VALUES (?, ?)", (a.raw_sha1, zlib.compress(raw, 1)))
        version, status, previous = 1, "new", None
        if old and reprocessed:
            version, status = old["version"], "reprocessed"
            self._delete_entities(a.id)
        elif old:  # same id (a URL), new bytes: keep the old text as a version
            db.execute(
                "INSERT OR REPLACE INTO versions SELECT id, version, raw_sha1, content_hash, title, text, ingested FROM articles WHERE id = ?",
                (a.id,),
            )
            version, status = old["version"] + 1, "updated"
            self._delete_entities(a.id)
        elif not _is_url(a.source):
            prior = db.execute(
                "SELECT id, version FROM articles WHERE source_key = ? AND superseded_by IS NULL ORDER BY version DESC LIMIT 1",
                (key,),
            ).fetchone()
            if prior and prior["id"] != a.id:
                version, status, previous = prior["version"] + 1, "superseded", prior["id"]
                db.execute(
                    "UPDATE articles SET superseded_by = ?, indexed = 0 WHERE id = ?", (a.id, prior["id"])
                )
        own = {
            "is_commendation": record.found.is_commendation,
            "source_key": key,
            "content_type": content_type,
            "content_hash": hashlib.sha1((a.title + "\n" + a.text).encode("utf-8")).hexdigest(),
            "version": version,
            "superseded_by": None,
            "cluster": None,
            "canonical": True,
            "signature": record.signature,
            "ingested": now(),
            "indexed": False,
        }
        given = {"tokens": record.tokens} if record.tokens is not None else {}  # JSON made by the worker
        values = [given[c] if c in given else cell(getattr(a, c)) for c in schema.ARTICLE_FIELDS] + [
            cell(own[c]) for c in schema.PUT_COLUMNS[len(schema.ARTICLE_FIELDS) :]
        ]
        db.execute(schema.PUT, values)
        for table in ENTITIES:
            self._put_entities(table, a.id, getattr(record.found, table))
        return PutResult(a.id, status, previous)

    def _put_entities(self, table: str, article_id: str, items: tuple) -> None:
        if items:
            names = schema.ENTITY_COLUMNS[table]
            marks = ",".join("?" * (len(names) + 2))
            self.db.executemany(
                f"INSERT INTO {table} (article_id, n, {quoted(names)}) VALUES ({marks})",  # noqa: S608
                [(article_id, n, *cells(item)) for n, item in enumerate(items)],
            )

    def _delete_entities(self, article_id: str) -> None:
        for table in ENTITIES:
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))  # noqa: S608

    def set_cluster(self, members: dict[str, tuple[str, bool]]) -> None:
        """article id -> (cluster id, canonical?); changed members are marked for re-indexing."""
        self.db.executemany(
            "UPDATE articles SET cluster = ?, canonical = ?, indexed = 0 WHERE id = ? AND (cluster IS NOT ? OR canonical != ?)",
            [(c, int(k), a, c, int(k)) for a, (c, k) in members.items()],
        )

    def join_cluster(self, article_id: str, cluster: str) -> None:
        """A new or changed article enters a cluster, not (yet) its canonical member."""
        self.db.execute("UPDATE articles SET cluster = ?, canonical = 0 WHERE id = ?", (cluster, article_id))

    def merge_cluster(self, other: str, into: str) -> None:
        self.db.execute("UPDATE articles SET cluster = ?, indexed = 0 WHERE cluster = ?", (into, other))

    def set_bands(self, article_id: str, bands: list[str]) -> None:
        self.db.execute("DELETE FROM bands WHERE article_id = ?", (article_id,))
        self.db.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?)", [(b, article_id) for b in bands])

    def mark_indexed(self, ids: Iterable[str]) -> None:
        self.db.executemany("UPDATE articles SET indexed = 1 WHERE id = ?", [(i,) for i in ids])

    def mark_reindexed(self, ids: Iterable[str]) -> None:
        """After a rebuild of the index from `ids`: those and the superseded articles are indexed."""
        self.db.execute("UPDATE articles SET indexed = superseded_by IS NOT NULL")
        self.mark_indexed(ids)

    # --- reading articles -----------------------------------------------------------------------

    def article(self, article_id: str, tokens: bool = True) -> StoredArticle | None:
        """One article; `tokens=False` leaves its word spans out (decoding them is most of the work)."""
        names = schema.STORED_COLUMNS if tokens else tuple(c for c in schema.STORED_COLUMNS if c != "tokens")
        row = self.db.execute(f"SELECT {quoted(names)} FROM articles WHERE id = ?", (article_id,)).fetchone()  # noqa: S608
        return from_row(StoredArticle, row) if row else None

    def columns_of(self, article_ids: list[str], names: tuple[str, ...]) -> dict[str, sqlite3.Row]:
        """Some columns of many articles in one query, by id: what a page of hits shows of each
        (one query for the page, not one per hit, and none of the long columns it does not show)."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        sql = f"SELECT id, {quoted(names)} FROM articles WHERE id IN ({','.join('?' * len(ids))})"  # noqa: S608
        return {r["id"]: r for r in self.db.execute(sql, ids)}

    def cluster_sizes(self, clusters: list[str]) -> dict[str, int]:
        """Live members of each of these clusters (`cluster_size` of many at once)."""
        keys = [c for c in dict.fromkeys(clusters) if c is not None]
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        sql = f"SELECT cluster, count(*) FROM articles WHERE cluster IN ({marks}) AND superseded_by IS NULL GROUP BY cluster"  # noqa: S608
        return dict(self.db.execute(sql, keys).fetchall())

    def raw(self, sha1: str) -> bytes | None:
        row = self.db.execute("SELECT data FROM raw WHERE sha1 = ?", (sha1,)).fetchone()
        return zlib.decompress(row["data"]) if row else None

    def known(self, raw_sha1: str, uri: str) -> bool:
        """Whether these bytes are stored from this place already."""
        row = self.db.execute(
            "SELECT 1 FROM articles WHERE raw_sha1 = ? AND (source_key = ? OR source = ?) LIMIT 1",
            (raw_sha1, source_key(uri), uri),
        ).fetchone()
        return row is not None

    def live_ids(self) -> list[str]:
        """Ids of the articles that are current (not superseded), in id order."""
        return [
            r[0] for r in self.db.execute("SELECT id FROM articles WHERE superseded_by IS NULL ORDER BY id")
        ]

    def unindexed(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE indexed = 0 ORDER BY id")]

    def live_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles WHERE superseded_by IS NULL").fetchone()[0]

    def years(self, article_ids: list[str]) -> dict[str, int | None]:
        """Each article's year as the index files it: its first event's year, else its publication year."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        rows = self.db.execute(
            f"""SELECT a.id, (SELECT year FROM events e WHERE e.article_id = a.id AND year IS NOT NULL ORDER BY n LIMIT 1),
                a.published FROM articles a WHERE a.id IN ({",".join("?" * len(ids))})""",  # noqa: S608
            ids,
        ).fetchall()
        return {
            a: year or (int(published[:4]) if published and published[:4].isdigit() else None)
            for a, year, published in rows
        }

    def versions(self, article_id: str) -> list[Version]:
        rows = self.db.execute(
            "SELECT version, title, ingested FROM versions WHERE id = ? ORDER BY version", (article_id,)
        )
        return [from_row(Version, r) for r in rows]

    def stats(self) -> dict[str, Any]:
        out = {k: self.db.execute(sql).fetchone()[0] for k, sql in schema.STATS.items()}
        out["languages"] = dict(self.db.execute(schema.LANGUAGES).fetchall())
        return out

    # --- reading what was found in articles -----------------------------------------------------

    def entities(self, table: str, article_id: str) -> tuple:
        """An article's people, collectives, events, counts or honours (by table name), in their order."""
        rows = self.db.execute(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY n", (article_id,))  # noqa: S608
        return tuple(from_row(ENTITIES[table], r) for r in rows)

    def entities_of(
        self, table: str, keys: list[tuple[str, int]], owner: str = "person"
    ) -> dict[tuple[str, int], tuple]:
        """Entities of many articles at once, by (article id, number): the events or collectives
        numbered so, or for `honours` those of the `owner`s (person, collective) numbered so."""
        column = "owner_n" if table == "honours" else "n"
        out: dict[tuple[str, int], list] = {k: [] for k in keys}
        where, args = (" AND t.owner = ?", (owner,)) if table == "honours" else ("", ())
        for key, r in self._keyed(table, column, keys, where, args):
            out[key].append(from_row(ENTITIES[table], r))
        return {k: tuple(v) for k, v in out.items()}

    def _keyed(
        self, table: str, column: str, keys: list[tuple[str, int]], where: str = "", args: tuple = ()
    ) -> Iterator:
        """(key, row) for the rows of `table` whose (article_id, `column`) is one of the keys, each
        looked up by the primary key; one query per 400 keys."""
        keys = list(dict.fromkeys(keys))
        for i in range(0, len(keys), 400):
            chunk = keys[i : i + 400]
            sql = (
                f"WITH k(a, n) AS (VALUES {','.join(['(?, ?)'] * len(chunk))}) "  # noqa: S608
                f"SELECT t.* FROM k CROSS JOIN {table} t ON t.article_id = k.a AND t.{column} = k.n{where} ORDER BY t.n"
            )
            for r in self.db.execute(sql, [v for key in chunk for v in key] + list(args)):
                yield (r["article_id"], r[column]), r

    def entity(self, table: str, article_id: str, n: int):
        """The n-th person, collective, event or count of an article, or None."""
        row = self.db.execute(
            f"SELECT * FROM {table} WHERE article_id = ? AND n = ?", (article_id, n)
        ).fetchone()  # noqa: S608
        return from_row(ENTITIES[table], row) if row else None

    def extraction(self, article: StoredArticle) -> Extraction:
        """Everything found in a stored article, as the extractor gave it."""
        return Extraction(article.is_commendation, **{t: self.entities(t, article.id) for t in ENTITIES})

    def has_person(self, name: str) -> bool:
        return self.db.execute("SELECT 1 FROM people WHERE name = ? LIMIT 1", (name,)).fetchone() is not None

    # --- reading clusters of reposts -------------------------------------------------------------

    def member(self, article_id: str) -> Member | None:
        row = self.db.execute(MEMBER + " WHERE id = ?", (article_id,)).fetchone()
        return from_row(Member, row) if row else None

    def members(self, cluster: str) -> list[Member]:
        """A cluster's live members."""
        rows = self.db.execute(MEMBER + " WHERE cluster = ? AND superseded_by IS NULL", (cluster,))
        return [from_row(Member, r) for r in rows]

    def canonical_member(self, cluster: str, besides: str) -> Member | None:
        row = self.db.execute(
            MEMBER + " WHERE cluster = ? AND superseded_by IS NULL AND canonical = 1 AND id != ? LIMIT 1",
            (cluster, besides),
        ).fetchone()
        return from_row(Member, row) if row else None

    def live_members(self, ids: Iterable[str]) -> list[Member]:
        """The live ones among these articles, in id order."""
        ids = tuple(ids)
        rows = self.db.execute(
            MEMBER + f" WHERE id IN ({','.join('?' * len(ids))}) AND superseded_by IS NULL ORDER BY id", ids
        )  # noqa: S608
        return [from_row(Member, r) for r in rows]

    def cluster_size(self, cluster: str) -> int:
        """Live members of a cluster."""
        return self.db.execute(
            "SELECT count(*) FROM articles WHERE cluster = ? AND superseded_by IS NULL", (cluster,)
        ).fetchone()[0]

    def reposts(self, article: StoredArticle) -> list[Repost]:
        """The other live members of an article's cluster, the canonical one first."""
        rows = self.db.execute(
            "SELECT id, title, source, published, canonical FROM articles WHERE cluster = ? AND id != ? "
            "AND superseded_by IS NULL ORDER BY canonical DESC, published, id",
            (article.cluster, article.id),
        )
        return [from_row(Repost, r) for r in rows]

    def signature(self, article_id: str) -> bytes | None:
        row = self.db.execute("SELECT signature FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def band_neighbours(self, bands: list[str], article_id: str, per_band: int) -> set[str]:
        """Other articles sharing one of these bands, at most `per_band` per band."""
        return {
            r[0]
            for b in bands
            for r in self.db.execute(
                "SELECT article_id FROM bands WHERE band = ? AND article_id != ? LIMIT ?",
                (b, article_id, per_band),
            )
        }


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


class ReadOnlyStore(Store):
    """The store's reading methods over a connection that cannot write (SQLite mode=ro, query_only):
    what the web page reads through, one per worker thread."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA query_only = ON")
            self.db.execute("PRAGMA mmap_size=1073741824")  # pages read in place, not copied per thread
            self.db.execute("SELECT 1 FROM articles LIMIT 1")
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the store {path} for reading: {e}") from None
