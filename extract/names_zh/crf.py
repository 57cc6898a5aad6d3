"""A statistical person-name reader for simplified Chinese: a linear-chain CRF over characters
(labels O, B, I) trained on UNER zh GSDSimp train by bench/tagger/train_tagger_zh.py with
python-crfsuite; the model is lexicons/names_zh_tagger.crfsuite. At run time its weights are read
once into arrays and the forward-backward pass runs over all sentences of a text at once, so tagging
needs no Python loop per character. `NameTagger.read` gives the posterior, from which `spans` are
the spans whose probability of being exactly a name reaches a threshold; `merge` combines a
reading with the rule finder's names (the finder calls it; bench/tagger/tagger_eval.py measures)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from extract.names_zh.crf_features import HASH, TEMPLATES, Features, HashTable
from extract.tsv import LEXICONS

MODEL = LEXICONS / "names_zh_tagger.crfsuite"
LABELS = ("O", "B", "I")
Span = tuple[int, int, float]  # (start, end, probability)
MAX_NAME = 20  # longest name returned
_SENTENCE = re.compile(r"[^。！？!?；\n]*(?:[。！？!?；\n]+[”’」』）)]*|$)")
_LONG = 200  # a sentence longer than this is tagged in pieces of this length


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of `text`, none empty, none longer than _LONG."""
    out = []
    for m in _SENTENCE.finditer(text):
        out += [(a, min(a + _LONG, m.end())) for a in range(m.start(), m.end(), _LONG)]
    return out


@dataclass(frozen=True)
class Reading:
    """The posterior over a text: marg[k] = P(O, B, I at k), cond[k, i, j] = P(label j at k |
    label (B, I)[i] at k - 1), and the ends of the text's sentences (each a chain of its own)."""

    marg: np.ndarray
    cond: np.ndarray
    ends: np.ndarray

    def _last(self, a: int) -> int:
        return int(self.ends[np.searchsorted(self.ends, a, side="right")])

    def prob(self, a: int, b: int) -> float:
        """P(text[a:b] is exactly a name: B at a, I up to b, no I at b)."""
        if not 0 <= a < b <= len(self.marg) or b > (last := self._last(a)):
            return 0.0
        p = float(self.marg[a, 1])
        if b > a + 1:  # B then I at a + 1, I after I up to b - 1
            p *= float(self.cond[a + 1, 0, 2] * np.prod(self.cond[a + 2 : b, 1, 2]))
        return p * (1.0 - float(self.cond[b, int(b > a + 1), 2])) if b < last else p

    def spans(self, min_prob: float) -> list[Span]:
        """(start, end, probability) of the spans at `min_prob` or more, best first where they
        overlap, in order."""
        out, marg, cond = [], self.marg, self.cond
        for a in np.flatnonzero(marg[:, 1] >= min_prob).tolist():
            last, p = self._last(a), float(marg[a, 1])  # p = P(B at a, I up to b - 1)
            for b in range(a + 1, min(last, a + MAX_NAME) + 1):
                go_on = 0.0 if b == last else float(cond[b, int(b > a + 1), 2])  # P(I at b | ...)
                if p * (1.0 - go_on) >= min_prob:
                    out.append((p * (1.0 - go_on), a, b))
                if (p := p * go_on) < min_prob:
                    break
        taken, used = [], np.zeros(len(marg) + 1, bool)
        for p, a, b in sorted(out, key=lambda x: (-x[0], x[1])):
            if not used[a:b].any():
                used[a:b] = True
                taken.append((a, b, p))
        return sorted(taken)


class NameTagger:
    """The CRF of `model` (built once per process); `tag(text)` -> person-name spans."""

    def __init__(self, model: Path = MODEL, features: Features | None = None, min_prob: float = 0.5):
        import pycrfsuite

        crf = pycrfsuite.Tagger()
        crf.open(str(model))
        info, label = crf.info(), {x: k for k, x in enumerate(LABELS)}
        self.features, self.min_prob = features or Features(), min_prob
        self.trans = np.zeros((3, 3))
        for (a, b), w in info.transitions.items():
            self.trans[label[a], label[b]] = w
        rows: dict[tuple[int, int], np.ndarray] = {}  # (template, key) -> weights of O, B, I
        for (attr, y), w in info.state_features.items():
            t, key = map(int, attr.split(":"))
            rows.setdefault((t, key), np.zeros(3))[label[y]] += w
        self.templates = np.arange(len(TEMPLATES), dtype=np.uint64)[:, None]
        pairs = np.array(list(rows), np.int64).reshape(-1, 2)
        keys = pairs[:, 1].astype(np.uint64) * HASH + pairs[:, 0].astype(np.uint64)  # as in posteriors()
        self.rows = HashTable(keys, np.arange(len(rows)), room=8)  # the last row, all zeros: unknown
        self.weights = np.vstack([*rows.values(), np.zeros(3)])
        crf.close()

    def tag(self, text: str, min_prob: float | None = None) -> list[Span]:
        """(start, end, probability) of the person names in `text`, in order: the spans that the
        model gives at least `min_prob` (default: the tagger's) of being exactly a name."""
        return self.read(text).spans(self.min_prob if min_prob is None else min_prob)

    def read(self, text: str) -> Reading:
        """The model's posterior over `text`, to ask for spans or for the probability of a span."""
        bounds = _sentences(text)
        if not bounds:
            return Reading(np.zeros((0, 3)), np.zeros((0, 2, 3)), np.zeros(0, np.int64))
        marg, cond = self.posteriors([text[a:b] for a, b in bounds])
        return Reading(marg, cond, np.array([b for _, b in bounds]))  # the sentences tile the text

    def posteriors(self, sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Over the characters of `sentences` (each a chain of its own): the marginals (n, 3) of
        the labels O, B, I, and cond[k, i, j] = P(label j at k | label (B, I)[i] at k - 1)."""
        keys = self.features.keys(sentences).view(np.uint64)  # the same bits, as astype gives them
        keys *= HASH  # in place: the array is ours (wrapping as uint64 arithmetic does)
        keys += self.templates
        rows = self.rows.get(keys.ravel(), len(self.weights) - 1).reshape(keys.shape)
        emit = self.weights[rows].sum(axis=0)
        lengths = np.fromiter(map(len, sentences), np.int64, len(sentences))
        sent = np.repeat(np.arange(len(sentences)), lengths)
        at = np.arange(len(sent)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        e = np.exp(emit - emit.max(axis=1, keepdims=True))
        trans = np.exp(self.trans)
        n = int(lengths.max())
        left = np.ones((n, len(sentences), 3))  # e of the chains from their first step (padding: 1)
        left[at, sent] = e
        right = np.ones((n, len(sentences), 3))  # the same up to their last step
        back = at + (n - lengths)[sent]  # where each character's step is in `right`
        right[back, sent] = e
        alpha, beta = _forward_backward(trans, left, right)
        alpha, beta = alpha[at, sent], beta[back, sent]
        beta /= beta.sum(axis=1, keepdims=True)  # each scaled on its own: their product stays in range
        marg = alpha / alpha.sum(axis=1, keepdims=True) * beta
        marg /= marg.sum(axis=1, keepdims=True)
        # P(j at k | i at k-1) is proportional to trans[i, j] * e[k, j] * beta[k, j]
        step = trans[1:][None] * (e * beta)[:, None, :]
        return marg, step / step.sum(axis=2, keepdims=True)


@cache
def load_tagger() -> NameTagger:
    """The tagger of MODEL, loaded once per process (it never changes)."""
    return NameTagger()


def _forward_backward(
    trans: np.ndarray, left: np.ndarray, right: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Forward and backward probabilities of a batch of chains, each scaled by some factor per
    step, from the exponentiated transition weights `trans` and emissions: left[t, c] those of
    chain c at its step t, right[t, c] the same aligned on the chains' last steps (beta is read
    there: every chain ends at the last step, so none needs a mask)."""
    alpha, beta = np.empty(left.shape), np.ones(right.shape)
    alpha[0] = left[0]
    a, e = list(alpha), list(left)  # the steps as lists of views: cheaper to index than arrays
    dot, multiply, step = np.dot, np.multiply, np.empty(left.shape[1:])  # one buffer for all steps
    for t, (before, now, emit) in enumerate(zip(a[:-1], a[1:], e[1:], strict=True), 1):  # one (chains x 3)
        multiply(dot(before, trans, out=step), emit, out=now)  # by (3 x 3) product a step, not one a chain
        if t % 16 == 0:  # rescale before the numbers run out of range (16 steps are safe while
            # no transition weight is beyond ±40)
            now /= now.sum(axis=1, keepdims=True)
    back = trans.T.copy()
    b, e = list(beta), list(right)
    for t, now, after, emit in zip(range(len(e) - 2, -1, -1), b[-2::-1], b[:0:-1], e[:0:-1], strict=True):
        dot(multiply(emit, after, out=step), back, out=now)
        if t % 16 == 0:
            now /= now.sum(axis=1, keepdims=True)
    return alpha, beta


def merge(
    names: Sequence[tuple[int, int]],
    reading: Reading,
    keep: float,
    add: float,
    override: float,
    may_be: Callable[[int, int, float], bool] = lambda a, b, p: True,
    trim: Callable[[int, int], int] = lambda a, b: b,
) -> list[tuple[int, int]]:
    """Combine the rule finder's `names` with the tagger's `reading` of the same text: the names
        the tagger gives at least `keep` of being exactly a name; the tagger's spans at `override` or
        more in place of the names they overlap (unless inside one: 安德里亚·皮萨诺 stays whole, or
        around two: 李辅国奉承肃宗 is two names, not one); its spans at `add` or more where no name
        is. The tagger's spans (start, end, probability) end where `trim` says (严桂香|家的小院); those
    that `may_be` then refuses are left out."""
    kept = [(a, b) for a, b in names if keep <= 0 or reading.prob(a, b) >= keep]
    spans = [(a, trim(a, b), p) for a, b, p in reading.spans(min(add, override))]
    spans = [s for s in spans if s[1] > s[0] and may_be(*s)]
    first = [
        (a, b)
        for a, b, p in spans
        if p >= override
        and not any(x <= a and b <= y for x, y in kept)
        and sum(a <= x and y <= b for x, y in kept) < 2
    ]
    out, used = [], set()
    for a, b in first + kept + [(a, b) for a, b, p in spans if p >= add]:
        if used.isdisjoint(range(a, b)):
            used.update(range(a, b))
            out.append((a, b))
    return sorted(out)
