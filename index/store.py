"""The store: SQLite (WAL) under the data dir, the archive's source of truth.

An article is keyed by its record id (hash of the canonical URL, else of the raw bytes). The same
bytes ingested twice change nothing. New content behind a known URL updates the row and keeps the
old text in `versions`; new content at a known file path is a new article that supersedes the old
one. Raw bytes are kept (compressed, once per hash) so any article can be reprocessed.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from errors import StoreError  # noqa: F401  (re-exported)

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS raw (sha1 TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, source_key TEXT NOT NULL, site TEXT, lang TEXT, script TEXT,
    title TEXT, published TEXT, text TEXT NOT NULL, original_title TEXT, original_text TEXT,
    is_commendation INTEGER NOT NULL, cleaning TEXT, tokens TEXT, author TEXT, encoding TEXT,
    fetched TEXT, raw_sha1 TEXT NOT NULL, content_hash TEXT NOT NULL, warc TEXT, content_type TEXT,
    version INTEGER NOT NULL DEFAULT 1, superseded_by TEXT, cluster TEXT, canonical INTEGER NOT NULL DEFAULT 1,
    signature BLOB, ingested TEXT NOT NULL, indexed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source_key);
CREATE INDEX IF NOT EXISTS articles_cluster ON articles(cluster);
CREATE INDEX IF NOT EXISTS articles_unindexed ON articles(indexed) WHERE indexed = 0;
CREATE INDEX IF NOT EXISTS articles_raw ON articles(raw_sha1);
CREATE TABLE IF NOT EXISTS versions (
    id TEXT NOT NULL, version INTEGER NOT NULL, raw_sha1 TEXT, content_hash TEXT, title TEXT, text TEXT,
    ingested TEXT, PRIMARY KEY (id, version)
);
CREATE TABLE IF NOT EXISTS people (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, n INTEGER NOT NULL, name TEXT NOT NULL,
    relation TEXT, role TEXT, org TEXT, place TEXT, honour TEXT, gender TEXT, ethnicity TEXT,
    posthumous INTEGER, start INTEGER, end INTEGER, PRIMARY KEY (article_id, n)
);
CREATE INDEX IF NOT EXISTS people_name ON people(name);
CREATE TABLE IF NOT EXISTS collectives (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, n INTEGER NOT NULL, name TEXT NOT NULL,
    honour TEXT, start INTEGER, end INTEGER, PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, n INTEGER NOT NULL, name TEXT,
    year INTEGER, date TEXT, place TEXT, organizers TEXT, honours TEXT, PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS counts (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, n INTEGER NOT NULL, value INTEGER,
    unit TEXT, status TEXT, approx INTEGER, honour TEXT, text TEXT, start INTEGER, end INTEGER,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS bands (band TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, article_id));
CREATE INDEX IF NOT EXISTS bands_article ON bands(article_id);
"""
ENTITY_COLUMNS = {
    "people": (
        "name",
        "relation",
        "role",
        "org",
        "place",
        "honour",
        "gender",
        "ethnicity",
        "posthumous",
        "start",
        "end",
    ),
    "collectives": ("name", "honour", "start", "end"),
    "events": ("name", "year", "date", "place", "organizers", "honours"),
    "counts": ("value", "unit", "status", "approx", "honour", "text", "start", "end"),
}



@dataclass(frozen=True)
class Outcome:
    """What ingesting one record did: new | unchanged | updated (same id) | superseded (new id, same source)."""

    id: str
    status: str
    previous: str | None = None


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def source_key(source: str) -> str:
    """What a document is known by across versions: its canonical URL, else its resolved file path."""
    if source.startswith(("http://", "https://")):
        from normalize.pipeline import canonical_url

        return canonical_url(source)
    return str(Path(source).resolve())


class Store:
    def __init__(self, path: Path):
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute(
                "PRAGMA cache_size=-131072"
            )  # 128 MB of pages: band and id lookups stay in memory
            self.db.execute("PRAGMA mmap_size=1073741824")
            self.db.execute("PRAGMA temp_store=MEMORY")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(SCHEMA)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        except (sqlite3.Error, OSError) as e:
            raise StoreError(f"cannot open the store {path}: {e}") from None

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
        self,
        rec: dict[str, Any],
        raw: bytes | None,
        content_type: str | None = None,
        reprocessed: bool = False,
    ) -> Outcome:
        """Store one record (the `honours extract` contract plus tokens and original text). Call inside
        `transaction()`. `reprocessed`: the same bytes normalised again — replace, keep the version.
        `raw` None: the bytes live in the WARC record the record names, not in the store."""
        db = self.db
        key = source_key(rec["source"])
        content_hash = _content_hash(rec)
        old = db.execute(
            "SELECT id, raw_sha1, version, content_hash FROM articles WHERE id = ?", (rec["id"],)
        ).fetchone()
        if old and old["raw_sha1"] == rec["raw_sha1"] and not reprocessed:
            return Outcome(rec["id"], "unchanged")
        if raw is not None:
            db.execute("INSERT OR IGNORE INTO raw VALUES (?, ?)", (rec["raw_sha1"], zlib.compress(raw, 1)))
        version, status, previous = 1, "new", None
        if old and reprocessed:
            version, status = old["version"], "reprocessed"
            self._delete_entities(rec["id"])
        elif old:  # same id (a URL), new bytes: keep the old text as a version
            db.execute(
                "INSERT OR REPLACE INTO versions SELECT id, version, raw_sha1, content_hash, title, text, ingested FROM articles WHERE id = ?",
                (rec["id"],),
            )
            version, status = old["version"] + 1, "updated"
            self._delete_entities(rec["id"])
        else:
            prior = db.execute(
                "SELECT id, version FROM articles WHERE source_key = ? AND superseded_by IS NULL ORDER BY version DESC LIMIT 1",
                (key,),
            ).fetchone()
            if prior and prior["id"] != rec["id"] and not _is_url(rec["source"]):
                version, status, previous = prior["version"] + 1, "superseded", prior["id"]
                db.execute(
                    "UPDATE articles SET superseded_by = ?, indexed = 0 WHERE id = ?",
                    (rec["id"], prior["id"]),
                )
        db.execute(
            """INSERT OR REPLACE INTO articles (id, source, source_key, site, lang, script, title, published, text,
               original_title, original_text, is_commendation, cleaning, tokens, author, encoding, fetched, raw_sha1,
               content_hash, warc, content_type, version, superseded_by, cluster, canonical, signature, ingested, indexed)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,NULL,1,NULL,?,0)""",
            (rec["id"], rec["source"], key, rec["site"], rec["lang"], rec["script"], rec["title"], rec["published"],
             rec["text"], rec.get("original_title"), rec.get("original_text"), int(rec["is_commendation"]),
             json.dumps(rec["cleaning"]), json.dumps(rec.get("tokens") or []), rec.get("author"), rec.get("encoding"),
             rec.get("fetched"), rec["raw_sha1"], content_hash, rec.get("warc"), content_type, version, now()),
        )  # fmt: skip
        for table, columns in ENTITY_COLUMNS.items():
            rows = []
            for n, item in enumerate(rec[table]):
                values = [
                    _cell(
                        item.get(c)
                        if c not in ("start", "end")
                        else (item.get("span") or [None, None])[c == "end"]
                    )
                    for c in columns
                ]
                rows.append((rec["id"], n, *values))
            if rows:
                marks = ",".join("?" * (len(columns) + 2))
                db.executemany(
                    f"INSERT INTO {table} (article_id, n, {', '.join(columns)}) VALUES ({marks})", rows
                )  # noqa: S608
        return Outcome(rec["id"], status, previous)

    def _delete_entities(self, article_id: str) -> None:
        for table in ENTITY_COLUMNS:
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))  # noqa: S608

    def set_cluster(self, members: dict[str, tuple[str, bool]]) -> None:
        """article id -> (cluster id, canonical?); changed members are marked for re-indexing."""
        self.db.executemany(
            "UPDATE articles SET cluster = ?, canonical = ?, indexed = 0 WHERE id = ? AND (cluster IS NOT ? OR canonical != ?)",
            [(c, int(k), a, c, int(k)) for a, (c, k) in members.items()],
        )

    def mark_indexed(self, ids: Iterable[str]) -> None:
        self.db.executemany("UPDATE articles SET indexed = 1 WHERE id = ?", [(i,) for i in ids])

    def mark_all_unindexed(self) -> None:
        self.db.execute("UPDATE articles SET indexed = 0")

    # --- reading ------------------------------------------------------------------------------

    def article(self, article_id: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()

    def raw(self, sha1: str) -> bytes | None:
        row = self.db.execute("SELECT data FROM raw WHERE sha1 = ?", (sha1,)).fetchone()
        return zlib.decompress(row["data"]) if row else None

    def entities(self, table: str, article_id: str) -> list[sqlite3.Row]:
        return self.db.execute(
            f"SELECT * FROM {table} WHERE article_id = ? ORDER BY n", (article_id,)
        ).fetchall()  # noqa: S608

    def live_ids(self) -> list[str]:
        """Ids of the articles that are current (not superseded), in id order."""
        return [
            r[0] for r in self.db.execute("SELECT id FROM articles WHERE superseded_by IS NULL ORDER BY id")
        ]

    def unindexed(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE indexed = 0 ORDER BY id")]

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles WHERE superseded_by IS NULL"),
            "commendations": one(
                "SELECT count(*) FROM articles WHERE superseded_by IS NULL AND is_commendation"
            ),
            "versions": one("SELECT count(*) FROM versions")
            + one("SELECT count(*) FROM articles WHERE superseded_by IS NOT NULL"),
            "clusters": one("SELECT count(DISTINCT cluster) FROM articles WHERE superseded_by IS NULL"),
            "people": one(
                "SELECT count(*) FROM people p JOIN articles a ON a.id = p.article_id WHERE a.superseded_by IS NULL"
            ),
            "honourees": one(
                "SELECT count(*) FROM people p JOIN articles a ON a.id = p.article_id WHERE a.superseded_by IS NULL AND relation = 'honouree'"
            ),
            "collectives": one("SELECT count(*) FROM collectives"),
            "events": one("SELECT count(*) FROM events"),
            "languages": dict(
                self.db.execute(
                    "SELECT lang, count(*) FROM articles WHERE superseded_by IS NULL GROUP BY lang"
                ).fetchall()
            ),
            "unindexed": one("SELECT count(*) FROM articles WHERE indexed = 0"),
        }


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def _content_hash(rec: dict[str, Any]) -> str:
    import hashlib

    return hashlib.sha1((rec["title"] + "\n" + rec["text"]).encode("utf-8")).hexdigest()
