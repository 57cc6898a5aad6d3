"""The store's tables. The columns of articles and of people, collectives, events and counts follow
the records' fields (normalize.records.Article, extract.records): a field added there is a column
here, and an older archive gains it when the store opens it (index/store.py)."""

from __future__ import annotations

from dataclasses import fields

from index.views import ENTITIES, StoredArticle, columns
from normalize.records import Article

SCHEMA_VERSION = 2  # 2: articles.seq (order of first storing), events.start/end
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS raw (sha1 TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, source_key TEXT NOT NULL, site TEXT, lang TEXT, script TEXT,
    title TEXT, published TEXT, text TEXT NOT NULL, original_title TEXT, original_text TEXT,
    is_commendation INTEGER NOT NULL, cleaning TEXT, tokens TEXT, author TEXT, encoding TEXT,
    fetched TEXT, raw_sha1 TEXT NOT NULL, content_hash TEXT NOT NULL, warc TEXT, content_type TEXT,
    version INTEGER NOT NULL DEFAULT 1, superseded_by TEXT, cluster TEXT, canonical INTEGER NOT NULL DEFAULT 1,
    signature BLOB, ingested TEXT NOT NULL, indexed INTEGER NOT NULL DEFAULT 0, seq INTEGER
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
    year INTEGER, date TEXT, place TEXT, organizers TEXT, honours TEXT, start INTEGER, end INTEGER,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS counts (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, n INTEGER NOT NULL, value INTEGER,
    unit TEXT, status TEXT, approx INTEGER, honour TEXT, text TEXT, start INTEGER, end INTEGER,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS bands (band TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, article_id));
CREATE INDEX IF NOT EXISTS bands_article ON bands(article_id);
"""
ENTITY_COLUMNS = {table: columns(cls) for table, cls in ENTITIES.items()}
ARTICLE_FIELDS = tuple(f.name for f in fields(Article))  # stored as the normaliser gives them
STORED_COLUMNS = tuple(f.name for f in fields(StoredArticle))
# the store's own columns, besides the article's fields and the extraction's is_commendation
PUT_COLUMNS = (*ARTICLE_FIELDS, "is_commendation", "source_key", "content_hash", "content_type", "version",
               "superseded_by", "cluster", "canonical", "signature", "ingested", "indexed")  # fmt: skip
# columns an archive made by an older version may lack, added as it is opened
UPGRADES = {**ENTITY_COLUMNS, "articles": (*PUT_COLUMNS, "seq")}


# the longer read queries of Store (index/store.py runs them)
MEMBER = "SELECT id, cluster, canonical, superseded_by IS NULL AS live, cleaning, script, published, fetched, seq FROM articles"
# a person's mentions in canonical live articles, oldest first; their texts joined only after the
# order and the limit are settled (sorting thousands of texts along is slow)
MENTIONS = """
WITH chosen AS (
    SELECT p.article_id, p.n, (SELECT year FROM events e WHERE e.article_id = a.id ORDER BY n LIMIT 1) AS year,
           coalesce((SELECT year FROM events e WHERE e.article_id = a.id ORDER BY n LIMIT 1),
                    substr(a.published, 1, 4)) AS y, a.published, a.id
    FROM people p JOIN articles a ON a.id = p.article_id
    WHERE a.superseded_by IS NULL AND a.canonical = 1 AND p.name IN ({marks})
    ORDER BY y, a.published, a.id, p.n LIMIT ?
)
SELECT p.*, a.title, a.source, a.published, a.text, c.year
FROM chosen c JOIN people p ON p.article_id = c.article_id AND p.n = c.n JOIN articles a ON a.id = c.article_id
ORDER BY c.y, c.published, c.id, c.n
"""
