"""The store's tables. The columns of articles and of people, collectives, events, counts and honours follow
the records' fields (normalize.records.Article, extract.records): a field added there is a column
here, and an older archive gains it when the store opens it (index/store.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields

from index.views import ENTITIES, StoredArticle, columns
from normalize.records import Article

SCHEMA_VERSION = 4  # 2: articles.seq (order of first storing), events.start/end; 3: honours; 4: as_written
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
    posthumous INTEGER, as_written TEXT, start INTEGER, end INTEGER, PRIMARY KEY (article_id, n)
);
CREATE INDEX IF NOT EXISTS people_name ON people(name);
CREATE TABLE IF NOT EXISTS collectives (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, n INTEGER NOT NULL, name TEXT NOT NULL,
    honour TEXT, as_written TEXT, start INTEGER, end INTEGER, PRIMARY KEY (article_id, n)
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
CREATE TABLE IF NOT EXISTS honours (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, n INTEGER NOT NULL, title TEXT NOT NULL,
    as_written TEXT, level TEXT, awarded_by TEXT, place TEXT, place_code TEXT, place_path TEXT, date TEXT,
    year INTEGER, status TEXT, start INTEGER, end INTEGER, owner TEXT NOT NULL, owner_n INTEGER NOT NULL,
    PRIMARY KEY (article_id, n)
);
CREATE INDEX IF NOT EXISTS honours_title ON honours(title);
CREATE INDEX IF NOT EXISTS honours_owner_n ON honours(article_id, owner, owner_n, n);  -- a person's honours, in order
CREATE TABLE IF NOT EXISTS bands (band TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, article_id));
CREATE INDEX IF NOT EXISTS bands_article ON bands(article_id);
"""
# covering indexes for a dossier's hundreds of mentions (DOSSIER): what it reads of each mention's
# article and of the article's first event, found in the index alone, not in the table's row (an
# article's row is long: its text and word spans sit before superseded_by and canonical). An archive
# gains them the next time it is opened for writing (ingest, reindex...); a read-only server reads one
# without them as before. A few hundred bytes an article, kept up as articles are stored.
SCHEMA += """
CREATE INDEX IF NOT EXISTS articles_shown ON articles(id, superseded_by, canonical, published, title, source);
CREATE INDEX IF NOT EXISTS events_first ON events(article_id, n, year, organizers, place);
"""
ENTITY_COLUMNS = {table: columns(cls) for table, cls in ENTITIES.items()}
ARTICLE_FIELDS = tuple(f.name for f in fields(Article))  # stored as the normaliser gives them
STORED_COLUMNS = tuple(f.name for f in fields(StoredArticle))
# the store's own columns, besides the article's fields and the extraction's is_commendation
PUT_COLUMNS = (
    *ARTICLE_FIELDS,
    "is_commendation",
    "source_key",
    "content_hash",
    "content_type",
    "version",
    "superseded_by",
    "cluster",
    "canonical",
    "signature",
    "ingested",
    "indexed",
)
# columns an archive made by an older version may lack, added as it is opened
UPGRADES = {**ENTITY_COLUMNS, "articles": (*PUT_COLUMNS, "seq")}


# the longer read queries of Store (index/store.py runs them)
MEMBER = "SELECT id, cluster, canonical, superseded_by IS NULL AS live, cleaning, script, published, fetched, seq FROM articles"
# the first `limit` mentions of one name stored in canonical live articles (walked in the order the
# name's index holds them, so a very common name costs no more than the limit), with what a dossier
# shows of each: the article's first event, the mention's first honour, its stored link and the text
# around it
DOSSIER = """
SELECT p.article_id, p.n, p.name, p.relation, p.honour, p.role, p.org, p.place, p.start, e.year, a.title,
    a.source, a.published, max(0, coalesce(p.start, 0) - {around}) AS at,
    {text} AS around,
    e.rowid IS NOT NULL AS has_event, e.organizers, e.place AS event_place, h.title AS h_title,
    h.level AS h_level, h.awarded_by AS h_awarded_by, h.status AS h_status, h.year AS h_year,
    {link}
FROM people p JOIN articles a ON a.id = p.article_id
LEFT JOIN events e ON e.article_id = p.article_id AND +e.n = 0  -- the first event (+: found through events_first)
LEFT JOIN honours h ON h.rowid = (
    SELECT rowid FROM honours WHERE article_id = p.article_id AND owner = 'person' AND owner_n = p.n ORDER BY n LIMIT 1
)
{join}
WHERE p.name = ? AND a.superseded_by IS NULL AND a.canonical = 1{honoured}
ORDER BY p.rowid LIMIT ?
"""
# DOSSIER's `around`: the text on both sides of a mention (NULL instead for a page that reads it only
# for the mentions it lists: reading the text is a third of the query)
DOSSIER_TEXT = "substr(a.text, max(0, coalesce(p.start, 0) - {around}) + 1, 2 * {around})"


# --- people linked across articles (issue 13, index/linking.py): each mention's person, in a table
# of its own so an older archive gains it as it opens; a mention deleted (its article reprocessed or
# updated) loses its link and is linked again
SCHEMA += """
CREATE TABLE IF NOT EXISTS person_links (
    article_id TEXT NOT NULL, n INTEGER NOT NULL, person_id TEXT NOT NULL, weak INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, n),
    FOREIGN KEY (article_id, n) REFERENCES people(article_id, n) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS person_links_person ON person_links(person_id);
"""
_UNLINKED = """FROM people p JOIN articles a ON a.id = p.article_id
LEFT JOIN person_links l ON l.article_id = p.article_id AND l.n = p.n WHERE l.person_id IS NULL AND a.superseded_by IS NULL"""
UNLINKED_NAMES = f"SELECT DISTINCT p.name {_UNLINKED} AND p.article_id IN ({{marks}})"
UNLINKED_ARTICLES = f"SELECT DISTINCT p.article_id {_UNLINKED} ORDER BY p.article_id"
LINK_ROWS = """
SELECT p.*, a.cluster, a.lang, a.published, a.seq, {person_id} AS person_id, {weak} AS weak,
       (SELECT place FROM events e WHERE e.article_id = a.id ORDER BY n LIMIT 1) AS event_place,
       (SELECT year FROM events e WHERE e.article_id = a.id AND year IS NOT NULL ORDER BY n LIMIT 1) AS year
FROM people p JOIN articles a ON a.id = p.article_id
WHERE a.superseded_by IS NULL AND p.name IN ({marks})
"""
LINKED = "(SELECT {} FROM person_links l WHERE l.article_id = p.article_id AND l.n = p.n)"
# linking new mentions reads, of the persons there are, only what a verdict weighs (index/linking.py):
# the mentions still open (unlinked or weakly linked), each person's distinct profiles, and the
# persons already named in the open mentions' articles or clusters; nothing that grows per mention
OPEN_LINK_ROWS = """
SELECT p.*, a.cluster, a.lang, a.published, a.seq, l.person_id, coalesce(l.weak, 0) AS weak,
       (SELECT place FROM events e WHERE e.article_id = a.id ORDER BY n LIMIT 1) AS event_place,
       (SELECT year FROM events e WHERE e.article_id = a.id AND year IS NOT NULL ORDER BY n LIMIT 1) AS year
FROM people p JOIN articles a ON a.id = p.article_id
LEFT JOIN person_links l ON l.article_id = p.article_id AND l.n = p.n
WHERE a.superseded_by IS NULL AND p.name IN ({marks}) AND (l.person_id IS NULL OR l.weak = 1)
"""
# the mentions not linked yet of these articles: what a round reads of names it keeps (index/link_memory.py)
UNLINKED_LINK_ROWS = OPEN_LINK_ROWS.replace(
    "p.name IN ({marks}) AND (l.person_id IS NULL OR l.weak = 1)",
    "p.article_id IN ({marks}) AND l.person_id IS NULL",
)
_STRONG = """FROM person_links l JOIN people p ON p.article_id = l.article_id AND p.n = l.n
JOIN articles a ON a.id = p.article_id WHERE a.superseded_by IS NULL AND l.weak = 0 AND p.name IN ({marks})"""
PERSON_PROFILES = f"""
SELECT p.name, l.person_id, p.place, p.org, p.role, a.lang, e.place AS event_place, p.gender, p.ethnicity
{_STRONG.replace("WHERE", "LEFT JOIN events e ON e.article_id = p.article_id AND e.n = 0 WHERE")}
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY min(a.seq), min(p.rowid)
"""
PERSONS_IN = f"""SELECT DISTINCT p.name, l.person_id, a.id, a.cluster {_STRONG}
AND (a.id IN ({{ids}}) OR a.cluster IN ({{clusters}}))"""
# the same, walked from the articles and clusters (not from every mention of the names)
PERSONS_IN_ARTICLES = PERSONS_IN.replace(
    "FROM person_links l JOIN people p ON p.article_id = l.article_id AND p.n = l.n\nJOIN articles a ON a.id = p.article_id",
    "FROM articles a CROSS JOIN people p ON p.article_id = a.id\nCROSS JOIN person_links l ON l.article_id = p.article_id AND l.n = p.n",
)
# an ingest run keeps the persons of the names it links in memory (index/link_memory.py): the
# distinct profiles of PERSON_PROFILES with their first (seq, rowid), read once per name, and the
# rows of the strong links it makes; TEMP triggers (this connection only, gone when it closes) note
# the names whose stored profiles change otherwise (a mention or article deleted, superseded or edited)
_PROFILE = (
    "p.name, l.person_id, p.place, p.org, p.role, a.lang, e.place AS event_place, p.gender, p.ethnicity"
)
_STRONG_E = _STRONG.replace("WHERE", "LEFT JOIN events e ON e.article_id = p.article_id AND e.n = 0 WHERE")
PROFILE_GROUPS = f"SELECT {_PROFILE}, min(a.seq), min(p.rowid) {_STRONG_E} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
PROFILE_ROWS = (
    f"SELECT {_PROFILE}, a.seq, p.rowid {_STRONG_E} AND (l.article_id, l.n) IN (VALUES {{keys}})".replace(
        " AND p.name IN ({marks})", ""
    )
)
_NAMES_OF = """INSERT INTO link_touched SELECT p.name FROM main.people p JOIN main.person_links l
    ON l.article_id = p.article_id AND l.n = p.n WHERE p.article_id = {}.{}"""
WATCH_LINKS = f"""
CREATE TEMP TABLE IF NOT EXISTS link_touched (name TEXT);
CREATE TEMP TRIGGER IF NOT EXISTS link_people_del AFTER DELETE ON main.people
BEGIN INSERT INTO link_touched VALUES (old.name); END;
CREATE TEMP TRIGGER IF NOT EXISTS link_people_upd AFTER UPDATE ON main.people
BEGIN INSERT INTO link_touched VALUES (old.name), (new.name); END;
CREATE TEMP TRIGGER IF NOT EXISTS link_articles_upd AFTER UPDATE ON main.articles
WHEN old.superseded_by IS NOT new.superseded_by OR old.lang IS NOT new.lang OR old.seq IS NOT new.seq
    OR old.cluster IS NOT new.cluster OR old.published IS NOT new.published
BEGIN {_NAMES_OF.format("new", "id")}; END;
CREATE TEMP TRIGGER IF NOT EXISTS link_articles_del AFTER DELETE ON main.articles
BEGIN {_NAMES_OF.format("old", "id")}; END;
CREATE TEMP TRIGGER IF NOT EXISTS link_events_ins AFTER INSERT ON main.events WHEN new.n = 0
BEGIN {_NAMES_OF.format("new", "article_id")}; END;
CREATE TEMP TRIGGER IF NOT EXISTS link_events_del AFTER DELETE ON main.events WHEN old.n = 0
BEGIN {_NAMES_OF.format("old", "article_id")}; END;
CREATE TEMP TRIGGER IF NOT EXISTS link_events_upd AFTER UPDATE ON main.events
BEGIN {_NAMES_OF.format("old", "article_id")}; {_NAMES_OF.format("new", "article_id")}; END;
CREATE TEMP TRIGGER IF NOT EXISTS link_links_del AFTER DELETE ON main.person_links
BEGIN INSERT INTO link_touched SELECT name FROM main.people WHERE article_id = old.article_id AND n = old.n; END;
CREATE TEMP TRIGGER IF NOT EXISTS link_links_upd AFTER UPDATE ON main.person_links
BEGIN INSERT INTO link_touched SELECT name FROM main.people
    WHERE (article_id = old.article_id AND n = old.n) OR (article_id = new.article_id AND n = new.n); END;
"""
SET_LINKS = "INSERT OR REPLACE INTO person_links VALUES (?, ?, ?, ?)"
PERSON_IDS = "SELECT n, person_id FROM person_links WHERE article_id = ?"
UPGRADES["person_links"] = (
    "article_id",
    "n",
    "person_id",
    "weak",
)  # an archive linked before `weak` gains it

# what `honours stats` counts, in its order (Store.stats runs them)
LIVE = "FROM articles WHERE superseded_by IS NULL"
LIVE_PEOPLE = "FROM people p JOIN articles a ON a.id = p.article_id WHERE a.superseded_by IS NULL"
STATS = {
    "articles": f"SELECT count(*) {LIVE}",
    "commendations": f"SELECT count(*) {LIVE} AND is_commendation",
    "versions": "SELECT (SELECT count(*) FROM versions) + "
    "(SELECT count(*) FROM articles WHERE superseded_by IS NOT NULL)",
    "clusters": f"SELECT count(DISTINCT cluster) {LIVE}",
    "people": f"SELECT count(*) {LIVE_PEOPLE}",
    "honourees": f"SELECT count(*) {LIVE_PEOPLE} AND relation = 'honouree'",
    "collectives": "SELECT count(*) FROM collectives",
    "events": "SELECT count(*) FROM events",
    "unindexed": "SELECT count(*) FROM articles WHERE indexed = 0",
}
LANGUAGES = f"SELECT lang, count(*) {LIVE} GROUP BY lang"


def quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


PUT = (
    f"INSERT INTO articles ({quoted(PUT_COLUMNS)}, seq) VALUES ({','.join('?' * len(PUT_COLUMNS))}, "
    "(SELECT coalesce(max(seq), 0) + 1 FROM articles)) ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f'"{c}" = excluded."{c}"' for c in PUT_COLUMNS if c != "id")
)  # an update keeps the article's rowid and seq: the order articles were first stored in stays
