"""Near-duplicates: reposts of one article share a cluster and name a canonical member.

MinHash (datasketch) over character 5-grams of the normalised (simplified, cleaned) text, so a
traditional copy, a content-farm copy and a spun copy of an official page all land near it. The
signature is cut into LSH bands kept in SQLite; articles sharing a band are compared, and an
estimated Jaccard similarity of at least THRESHOLD joins them. The canonical member is the cleanest
copy: least noise removed, simplified before traditional, earliest published, then smallest id.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from functools import cache

import numpy as np
from datasketch import MinHash

from index.store import Store

PERMUTATIONS = 64
BANDS, ROWS = 16, 4  # 16 bands of 4: candidates from about 0.5 similarity
THRESHOLD = 0.5
SHINGLE = 5
MIN_CHARS = 60  # shorter texts are their own cluster
PER_CLUSTER = 3  # members of one candidate cluster compared before giving up on it
PER_BAND = 16  # articles read per shared band: a band common to thousands (boilerplate) is no clue


@cache
def _permutations() -> tuple:
    """The permutations and hashing scheme, made once (datasketch would remake them per signature)."""
    first = MinHash(num_perm=PERMUTATIONS, seed=7, hashfunc=zlib.crc32)
    return first.permutations, first.scheme


def signature(text: str) -> np.ndarray | None:
    flat = "".join(text.split())
    if len(flat) < MIN_CHARS:
        return None
    permutations, scheme = _permutations()
    m = MinHash(num_perm=PERMUTATIONS, seed=7, hashfunc=zlib.crc32, permutations=permutations, scheme=scheme)
    m.update_batch([flat[i : i + SHINGLE].encode("utf-8") for i in range(len(flat) - SHINGLE + 1)])
    return m.hashvalues.astype(np.uint64)


def bands(sig: np.ndarray) -> list[str]:
    return [
        f"{b}:{hashlib.blake2b(sig[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()}"
        for b in range(BANDS)
    ]


def _noise(cleaning: str) -> int:
    counts = json.loads(cleaning or "{}")
    return sum(v for k, v in counts.items() if k != "boilerplate")


def assign(store: Store, article_id: str, text: str, sig: np.ndarray | None = None) -> None:
    """Put one (new or changed) live article in a cluster, merging clusters it bridges, and
    re-elect each touched cluster's canonical member. Call inside the store transaction.
    `sig`: the text's signature when a worker process computed it already."""
    db = store.db
    db.execute("DELETE FROM bands WHERE article_id = ?", (article_id,))
    sig = signature(text) if sig is None else sig
    cluster, clusters = article_id, set()
    if sig is not None:
        keys = bands(sig)
        # a true repost shares most bands, some of them rare: a few articles per band find it, and
        # the work per article stays the same however large the archive grows
        ids = {r[0] for k in keys for r in db.execute(
            "SELECT article_id FROM bands WHERE band = ? AND article_id != ? LIMIT ?", (k, article_id, PER_BAND))}  # fmt: skip
        marks = ",".join("?" * len(ids))
        rows = db.execute(
            f"SELECT id, cluster FROM articles WHERE id IN ({marks}) AND superseded_by IS NULL ORDER BY id",  # noqa: S608
            tuple(ids),
        ).fetchall()
        tried: dict[str, int] = {}
        for r in rows:  # a few members per cluster are enough to tell
            if r["cluster"] in clusters or tried.get(r["cluster"], 0) >= PER_CLUSTER:
                continue
            tried[r["cluster"]] = tried.get(r["cluster"], 0) + 1
            other = db.execute("SELECT signature FROM articles WHERE id = ?", (r["id"],)).fetchone()[0]
            if other and _similar(sig, other):
                clusters.add(r["cluster"])
        if clusters:
            cluster = min(clusters)
            for other in clusters - {cluster}:  # this article bridges two clusters: merge them
                db.execute("UPDATE articles SET cluster = ?, indexed = 0 WHERE cluster = ?", (cluster, other))
        db.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?)", [(k, article_id) for k in keys])
    db.execute(
        "UPDATE articles SET signature = ?, cluster = ?, canonical = 0 WHERE id = ?",
        (sig.tobytes() if sig is not None else None, cluster, article_id),
    )
    if len(clusters) > 1:
        elect(store, cluster)
    else:
        challenge(store, cluster, article_id)


def _similar(sig: np.ndarray, other: bytes) -> bool:
    return float(np.mean(sig == np.frombuffer(other, dtype=np.uint64))) >= THRESHOLD


def _rank(row) -> tuple:
    return (_noise(row["cleaning"]), row["script"] == "hant", row["published"] or "9999", row["id"])


def challenge(store: Store, cluster: str, article_id: str) -> None:
    """A newcomer becomes canonical if it is cleaner than the current canonical member."""
    q = "SELECT id, cleaning, script, published FROM articles WHERE cluster = ? AND superseded_by IS NULL AND "
    current = store.db.execute(q + "canonical = 1 AND id != ? LIMIT 1", (cluster, article_id)).fetchone()
    new = store.db.execute(q + "id = ?", (cluster, article_id)).fetchone()
    if current is None or _rank(new) < _rank(current):
        store.set_cluster(
            {article_id: (cluster, True), **({current["id"]: (cluster, False)} if current else {})}
        )
    else:
        store.set_cluster({article_id: (cluster, False)})


def elect(store: Store, cluster: str) -> None:
    """Choose the canonical member among all of a cluster's live members (after merges and removals)."""
    members = store.db.execute(
        "SELECT id, cleaning, script, published FROM articles WHERE cluster = ? AND superseded_by IS NULL",
        (cluster,),
    ).fetchall()
    if not members:
        return
    best = min(members, key=_rank)
    store.set_cluster({r["id"]: (cluster, r["id"] == best["id"]) for r in members})
