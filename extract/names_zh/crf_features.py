"""The features of the CRF person-name tagger (crf.py): one small integer key per character and
template, computed for a whole batch of sentences at once with numpy -- the character and its
neighbours (window +-2 and its bigrams), their classes (Han, Latin, digit, punctuation, the dot of
foreign names), the surname and given-name weights of lexicons/names_zh_*.tsv, the longest word of
jieba's dictionary that starts or ends at the character (its length, tag and frequency) and the
cue words (names_zh_cues.tsv) right before and after it. The model depends on these tables:
retrain it (bench/tagger/train_tagger_zh.py) when they change."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from extract.names_zh.tables import DERIVED_BY
from extract.tsv import read_blocks, read_rows

BOS, EOS = 2, 3  # code points standing for the edges of a sentence (never in text)
MAX_WORD = 5  # longest dictionary word looked up
HASH = np.uint64(0x100000001B3)  # multiplier of the n-gram hash of dictionary words
SLOTS = 1 << 16  # slots a word table has at least
FEW = 16  # keys still probing that HashTable.get follows one by one
SIEVE = 23  # bits of the text look-up's sieve (1 MB): most n-grams are no word, and a bit read from a
# small array tells so sooner than a slot of the large table (an unset bit is never a word: exact)

TEMPLATES = tuple(  # the feature templates, in the order of Features.keys
    "c0 c-1 c+1 c-2 c+2 c-1c0 c0c+1 c-2c-1 c+1c+2 class sur sur-w given translit "  # noqa: SIM905
    "word-start word-end word-in bias cue-before cue-after given-after foreign-run".split()
)
CUES_BEFORE = ("role", "lead", "place_before", "measure_before", "place_prep")  # names_zh_cues.tsv
CUES_AFTER = ("speech", "action", "honorific", "not_after", "subject_after")


def _char_tables() -> tuple[np.ndarray, np.ndarray]:
    """For code points below 0x10000: the class of each (0 other, 1 Han, 2 digit, 3 Latin, 4 the
    dot of foreign names, 5 、, 6 quote or bracket, 7 other punctuation, 8 space, 9 edge) and the
    code point it is read as (digits as 0, Latin letters as a or A)."""
    cls, remap = np.zeros(0x10000, np.int64), np.arange(0x10000, dtype=np.int64)
    for lo, hi, k in ((0x4E00, 0x9FFF, 1), (0x3400, 0x4DBF, 1), (0xF900, 0xFAFF, 1)):
        cls[lo : hi + 1] = k
    for chars, k in (
        ("·•‧・", 4),
        ("、", 5),
        ("“”‘’「」『』《》〈〉（）()【】[]\"'", 6),
        ("，。！？；：,.!?;:—-…/～~", 7),
        (" \t\u3000\xa0", 8),
    ):
        cls[[ord(c) for c in chars]] = k
    cls[[BOS, EOS]] = 9
    for lo, hi, k, to in (("0", "9", 2, "0"), ("０", "９", 2, "0"), ("a", "z", 3, "a"), ("A", "Z", 3, "A")):
        cls[ord(lo) : ord(hi) + 1], remap[ord(lo) : ord(hi) + 1] = k, ord(to)
    for lo, hi, to in (("ａ", "ｚ", "a"), ("Ａ", "Ｚ", "A")):
        cls[ord(lo) : ord(hi) + 1], remap[ord(lo) : ord(hi) + 1] = 3, ord(to)
    return cls, remap


def _hash(grams: np.ndarray) -> np.ndarray:
    """One uint64 per row of code points (the dictionary's words and the text's n-grams)."""
    h = np.zeros(len(grams), np.uint64)
    for k in range(grams.shape[1]):
        h = h * HASH + grams[:, k].astype(np.uint64)
    return h


class HashTable:
    """uint64 keys -> int32 values, open addressing with linear probing, built and probed with
    numpy: one gather per probe for all keys at once, instead of a binary search each."""

    def __init__(self, keys: np.ndarray, values: np.ndarray, room: int = 2, sieve: int = 0):
        bits = max(4, (room * len(keys)).bit_length())  # at most 1 / room full
        self.mask, self.shift = (1 << bits) - 1, np.uint64(64 - bits)
        self.keys, self.values = np.zeros(1 << bits, np.uint64), np.zeros(1 << bits, np.int32)
        keys = np.where(keys == 0, 1, keys).astype(np.uint64)  # 0 marks an empty slot
        self.sieve = None  # with `sieve` bits: one bit per hash of a key (SIEVE)
        if sieve:
            self.sieve_shift = np.uint64(64 - sieve)
            self.sieve = np.zeros(1 << (sieve - 3), np.uint8)
            at = self._sieve_at(keys)
            np.bitwise_or.at(self.sieve, at >> 3, (1 << (at & 7)).astype(np.uint8))
        home, todo, probe = self._home(keys), np.arange(len(keys)), 0
        while len(todo):  # each round, every key still out tries the next slot
            slot = (home[todo] + probe) & self.mask
            free = self.keys[slot] == 0
            taken, first = np.unique(slot[free], return_index=True)  # one key per free slot
            placed = todo[free][first]
            self.keys[taken], self.values[taken] = keys[placed], values[placed]
            todo = np.setdiff1d(todo, placed, assume_unique=True)
            probe += 1

    def _home(self, keys: np.ndarray) -> np.ndarray:
        return ((keys * np.uint64(0x9E3779B97F4A7C15)) >> self.shift).astype(np.int64)

    def _sieve_at(self, keys: np.ndarray) -> np.ndarray:
        return ((keys * np.uint64(0xC2B2AE3D27D4EB4F)) >> self.sieve_shift).astype(np.int64)

    def get(self, keys: np.ndarray, default: int) -> np.ndarray:
        """The value of each key, `default` for those not in the table."""
        keys = np.where(keys == 0, 1, keys).astype(np.uint64, copy=False)
        if self.sieve is None:
            return self._get(keys, default)
        at = self._sieve_at(keys)
        maybe = np.flatnonzero((self.sieve[at >> 3] >> (at & 7).astype(np.uint8)) & 1)
        found = self._get(keys[maybe], default)  # the keys whose bit is unset are not in the table
        out = np.full(len(keys), default, found.dtype)
        out[maybe] = found
        return out

    def _get(self, keys: np.ndarray, default: int) -> np.ndarray:
        slot = self._home(keys)
        found = self.keys[slot]
        out = np.where(found == keys, self.values[slot], default)
        todo = np.flatnonzero((found != keys) & (found != 0))  # another key there: probe on
        slot = slot[todo]
        while len(todo) > FEW:
            slot = (slot + 1) & self.mask
            found = self.keys[slot]
            hit = found == keys[todo]
            out[todo[hit]] = self.values[slot[hit]]
            go_on = ~hit & (found != 0)
            todo, slot = todo[go_on], slot[go_on]
        mask = self.mask  # the last few keys one by one: a numpy round costs more than a Python loop
        for k, s in zip(todo.tolist(), slot.tolist(), strict=True):
            key = int(keys[k])
            while True:
                s = (s + 1) & mask
                found = int(self.keys[s])
                if found == key:
                    out[k] = self.values[s]
                    break
                if found == 0:
                    break
        return out


@dataclass(frozen=True)
class Words:
    """Words by the hash of their characters (HashTable), and the lengths there are."""

    table: HashTable
    lengths: tuple[int, ...]


def _table(items: Iterable[tuple[str, int]]) -> Words:
    """The (word, info) items of up to MAX_WORD characters, by the hash of the word; each
    value is 1000 * the word's length + its info."""
    by_length: dict[int, list[tuple[str, int]]] = {}
    for w, info in items:
        if len(w) <= MAX_WORD and w.isprintable():
            by_length.setdefault(len(w), []).append((w, info))
    keys, values = [np.zeros(0, np.uint64)], [np.zeros(0, np.int64)]
    for m, these in sorted(by_length.items()):
        grams = np.frombuffer("".join(w for w, _ in these).encode("utf-32-le"), np.uint32)
        keys.append(_hash(grams.reshape(-1, m)))
        values.append(1000 * m + np.array([i for _, i in these], np.int64))
    keys = np.concatenate(keys)
    room = max(2, SLOTS // max(1, len(keys)))  # a small table (the cue words) sparse: short probes
    return Words(HashTable(keys, np.concatenate(values), room), tuple(sorted(by_length)))


class Lookup:
    """Several word tables read in one pass: the text's n-grams are hashed once and looked up once
    in a table of all their keys, whose value picks each table's own answer (what its `get` gives)."""

    def __init__(self, tables: Sequence[Words]):
        keys = np.unique(np.concatenate([t.table.keys[t.table.keys != 0] for t in tables]))
        self.table = HashTable(keys, np.arange(len(keys)), room=2, sieve=SIEVE)
        self.codes = np.zeros((len(tables), len(keys) + 1), np.int64)  # the last column: no word
        for k, t in enumerate(tables):
            self.codes[k, :-1] = t.table.get(keys, 0)
        self.sizes = np.array(sorted(frozenset().union(*(t.lengths for t in tables))), np.int64)
        self.has = np.array([[m in t.lengths for m in self.sizes] for t in tables])[:, :, None]

    def matches(self, cp: np.ndarray) -> list[tuple[np.ndarray, ...]]:
        """For each table, at each position of cp: 1000 * length + info of the longest of its words
        that starts there, of the longest that ends there (0: none), and whether one covers it
        inside (the last only for the first table)."""
        n, sizes = len(cp), self.sizes
        grams, h = np.zeros((len(sizes), n), np.uint64), cp.astype(np.uint64)
        for m in range(1, min(MAX_WORD, n) + 1):  # the hash of the m-gram starting at each position
            if m > 1:
                h = h[:-1] * HASH + cp[m - 1 :].astype(np.uint64)  # the m-grams from the (m-1)-grams
            if m in sizes:
                grams[sizes.searchsorted(m), : len(h)] = h
        found = self.table.get(grams.ravel(), self.codes.shape[1] - 1).reshape(grams.shape)
        codes = self.codes[:, found]  # (table, size, position): one look-up for all tables
        at = np.arange(n)
        hit = (codes // 1000 == sizes[:, None]) & (at <= n - sizes[:, None]) & self.has
        codes = np.where(hit, codes, 0)  # a longer word has a larger code
        by_end = np.zeros((len(codes), len(sizes), n + MAX_WORD), np.int64)
        for k, m in enumerate(sizes.tolist()):
            by_end[:, k, m - 1 : m - 1 + n] = codes[:, k]
        inside = np.zeros(n + MAX_WORD, bool)
        for k, m in enumerate(sizes.tolist()):
            for j in range(1, m - 1):
                inside[j : j + n] |= hit[0, k]
        starts, ends = codes.max(axis=1), by_end[:, :, :n].max(axis=1)
        return [(starts[k], ends[k], inside[:n].astype(np.int64)) for k in range(len(codes))]


def _runs(on: np.ndarray) -> np.ndarray:
    """Where `on`: 100 * the length of its run (at most 6) + 10 * the characters before in the run
    + those after (at most 3 each); 0 elsewhere. `on` is False at both ends."""
    k = np.arange(len(on))
    starts = np.maximum.accumulate(np.where(on & ~np.roll(on, 1), k, 0))
    ends = np.minimum.accumulate(np.where(on & ~np.roll(on, -1), k, len(on))[::-1])[::-1]
    code = 100 * np.minimum(ends - starts + 1, 6) + 10 * np.minimum(k - starts, 3) + np.minimum(ends - k, 3)
    return np.where(on, code, 0)


def _bin(value: str, lo: int = -5, hi: int = 5) -> int:
    return 0 if not value else 1 + min(max(round(float(value)), lo), hi) - lo


class Features:
    """Feature keys of characters: `keys(sentences)` gives one row per template (-1: none)."""

    def __init__(self, words: Sequence[tuple[str, int, str]] | None = None):
        self.cls, self.remap = _char_tables()
        sur = read_blocks("names_zh_surnames.tsv")
        self.lex = np.zeros((5, 0x10000), np.int64)  # surname class and four weight bins per char
        for k, kind in enumerate(("rare", "single", "compound", "weak"), 1):
            self.lex[0, [ord(s[0]) for s in sur[kind]]] = k
        for c, *cells in read_rows("names_zh_chars.tsv", 5, derived_by=DERIVED_BY):
            if len(c) == 1 and ord(c) < 0x10000:
                self.lex[1:, ord(c)] = [_bin(x) for x in cells[:4]]
        if words is None:
            from normalize.seg_zh import jieba_dict

            words = jieba_dict()
        tag_class = {"nr": 1, "nrfg": 1, "nrt": 2, "ns": 3, "nt": 4, "nz": 4}
        self.words = _table(
            (w, 100 * tag_class.get(t, 5) + min(len(str(f)), 6)) for w, f, t in words if len(w) > 1
        )
        cues = read_blocks("names_zh_cues.tsv")
        self.before = _table((w, k) for k, kind in enumerate(CUES_BEFORE, 1) for w in cues[kind])
        self.after = _table((w, k) for k, kind in enumerate(CUES_AFTER, 1) for w in cues[kind])
        self.lookup = Lookup((self.words, self.before, self.after))

    def keys(self, sentences: Sequence[str]) -> np.ndarray:
        """int64 array (len(TEMPLATES), total characters): the key of each template at each
        character of the sentences, in order; each sentence is read on its own. The keys are
        worked out over the whole padded text, neighbours as shifted views, and the characters'
        columns picked once at the end: fewer array operations for a short text."""
        lengths = np.fromiter(map(len, sentences), np.int64, len(sentences))
        n = int(lengths.sum())
        sent = np.repeat(np.arange(len(sentences)), lengths)
        pos = np.arange(n) + 2 + 4 * sent  # two edge marks before and after each sentence
        cp = np.full(n + 4 * len(sentences), BOS, np.int64)
        cp[pos] = np.frombuffer("".join(sentences).encode("utf-32-le"), np.uint32)
        ends = np.cumsum(lengths) + 4 * np.arange(len(sentences)) + 2
        cp[ends], cp[ends + 1] = EOS, EOS
        if int(cp.max()) < 0x10000:  # no character beyond the BMP: the tables take them all
            read, cls, lex = self.remap[cp], self.cls[cp], self.lex[:, cp]
        else:
            bmp = cp < 0x10000
            read = np.where(bmp, self.remap[np.where(bmp, cp, 0)], cp)
            cls = np.where(bmp, self.cls[np.where(bmp, cp, 0)], 0)
            lex = np.where(bmp, self.lex[:, np.where(bmp, cp, 0)], 0)
        (start, end, inside), before, after = self.lookup.matches(cp)
        m = len(cp) - 4  # columns 2 .. len - 3 of the padded text; a neighbour at o: the slice shifted by o
        c = {o: read[2 + o : 2 + o + m] for o in (-2, -1, 0, 1, 2)}
        sur, given = lex[0], lex[1]
        start, end = start[2 : 2 + m], end[2 : 2 + m]
        keys = np.empty((len(TEMPLATES), m), np.int64)
        keys[0], keys[1], keys[2], keys[3], keys[4] = c[0], c[-1], c[1], c[-2], c[2]
        keys[5] = c[-1] << 21 | c[0]
        keys[6] = c[0] << 21 | c[1]
        keys[7] = c[-2] << 21 | c[-1]
        keys[8] = c[1] << 21 | c[2]
        keys[9] = cls[1 : 1 + m] * 100 + cls[2 : 2 + m] * 10 + cls[3 : 3 + m]
        keys[10] = sur[:m] * 100 + sur[1 : 1 + m] * 10 + sur[2 : 2 + m]
        keys[11] = given[1 : 1 + m] * 100 + lex[2, 2 : 2 + m]  # given weight before, surname weight here
        keys[12] = given[1 : 1 + m] * 100 + given[2 : 2 + m]
        keys[13] = lex[3, 1 : 1 + m] * 10000 + lex[3, 2 : 2 + m] * 100 + lex[4, 2 : 2 + m]
        keys[14], keys[15] = start, end
        keys[16] = inside[2 : 2 + m] * 100 + (start // 1000) * 10 + end // 1000
        keys[17] = 0
        keys[18] = before[1][1 : 1 + m] % 1000  # the cue word that ends right before
        keys[19] = after[0][3 : 3 + m] % 1000  # and the one that starts right after
        keys[20] = sur[2 : 2 + m] * 10000 + given[3 : 3 + m] * 100 + given[4 : 4 + m]
        keys[21] = _runs(lex[3] >= _bin("1"))[2 : 2 + m]
        return keys[:, pos - 2]

    def attributes(self, sentence: str) -> list[list[str]]:
        """The features of each character as crfsuite attribute names (for training)."""
        keys = self.keys([sentence])
        return [[f"{t}:{k}" for t, k in enumerate(col) if k >= 0] for col in keys.T.tolist()]
