"""Near-duplicates: reposts of one article share a cluster and name a canonical member.

MinHash (datasketch) over character 5-grams of the normalised (simplified, cleaned) text, so a
traditional copy, a content-farm copy and a spun copy of an official page all land near it. The
signature is cut into LSH bands kept in SQLite; articles sharing a band are compared, and an
estimated Jaccard similarity of at least THRESHOLD joins them. The canonical member is the cleanest
copy: least noise removed, simplified before traditional; among equally clean copies the earliest
published, then the earliest fetched, then the first stored.
"""

from __future__ import annotations

import hashlib
import zlib
from functools import cache

import numpy as np
from datasketch import MinHash

from index.store import Store
from index.views import Member

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


def signature(text: str) -> bytes | None:
    """The MinHash signature of a text (None when it is too short to tell), as the store keeps it."""
    flat = "".join(text.split())
    if len(flat) < MIN_CHARS:
        return None
    permutations, scheme = _permutations()
    m = MinHash(num_perm=PERMUTATIONS, seed=7, hashfunc=zlib.crc32, permutations=permutations, scheme=scheme)
    m.update_batch([flat[i : i + SHINGLE].encode("utf-8") for i in range(len(flat) - SHINGLE + 1)])
    return m.hashvalues.astype(np.uint64).tobytes()


def bands(sig: bytes) -> list[str]:
    return [
        f"{b}:{hashlib.blake2b(sig[b * ROWS * 8 : (b + 1) * ROWS * 8], digest_size=8).hexdigest()}"
        for b in range(BANDS)
    ]


def assign(store: Store, article_id: str, sig: bytes | None) -> None:
    """Put one (new or changed) live article in a cluster, merging clusters it bridges, and
    re-elect each touched cluster's canonical member. Call inside the store transaction.
    `sig`: the article's signature (a worker process computed it)."""
    cluster, found = article_id, set()
    keys = bands(sig) if sig is not None else []
    if keys:
        # a true repost shares most bands, some of them rare: a few articles per band find it, and
        # the work per article stays the same however large the archive grows
        near = store.band_neighbours(keys, article_id, PER_BAND)
        tried: dict[str, int] = {}
        for m in store.live_members(near) if near else ():  # a few members per cluster are enough to tell
            if m.cluster in found or tried.get(m.cluster, 0) >= PER_CLUSTER:
                continue
            tried[m.cluster] = tried.get(m.cluster, 0) + 1
            other = store.signature(m.id)
            if other and _similar(sig, other):
                found.add(m.cluster)
        if found:
            cluster = min(found)
            for other in found - {cluster}:  # this article bridges two clusters: merge them
                store.merge_cluster(other, into=cluster)
    store.set_bands(article_id, keys)
    store.join_cluster(article_id, cluster)
    if len(found) > 1:
        elect(store, cluster)
    else:
        challenge(store, cluster, article_id)


def _similar(sig: bytes, other: bytes) -> bool:
    return (
        float(np.mean(np.frombuffer(sig, dtype=np.uint64) == np.frombuffer(other, dtype=np.uint64)))
        >= THRESHOLD
    )


def _noise(m: Member) -> int:
    return sum(v for k, v in m.cleaning.items() if k != "boilerplate")


def _rank(m: Member) -> tuple:
    """Cleanest first: least noise removed, simplified before traditional; among equals the earliest
    published, then the earliest fetched, then the first stored (never the hash order of ids)."""
    return (_noise(m), m.script == "hant", m.published or "9999", m.fetched or "9999", m.seq, m.id)


def challenge(store: Store, cluster: str, article_id: str) -> None:
    """A newcomer becomes canonical if it ranks before the current canonical member."""
    current = store.canonical_member(cluster, besides=article_id)
    new = store.member(article_id)
    if current is None or _rank(new) < _rank(current):
        store.set_cluster(
            {article_id: (cluster, True), **({current.id: (cluster, False)} if current else {})}
        )
    else:
        store.set_cluster({article_id: (cluster, False)})


def elect(store: Store, cluster: str) -> None:
    """Choose the canonical member among all of a cluster's live members (after merges and removals)."""
    members = store.members(cluster)
    if members:
        best = min(members, key=_rank)
        store.set_cluster({m.id: (cluster, m.id == best.id) for m in members})
