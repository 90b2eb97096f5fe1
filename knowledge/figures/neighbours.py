"""Vectors and candidate pairs: the lexical half of the score, figure sets, neighbour search."""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from knowledge.phrases import DAYS_PER

from .figure import (
    Figure,
    _value_range,
    authority,
    cited_by,
    claim_attr,
    credited,
    currency_code,
    interval,
)
from .reading import STAT_CODE

if TYPE_CHECKING:
    import numpy as np


EXACT_SEARCH_MAX = 6000  # targets per bucket searched exactly; above, an inverted-file index
CELL_SIZE = 256  # inverted file: target figures per k-means cell
PROBES = 3  # inverted file: cells searched per query
# The least similarity any decision can use: ``BACK - ENTITY_BONUS`` of ``decide`` (a test pins it).
FLOOR = 0.25
NEIGHBOURS = 12  # most candidates kept per query (the best by similarity): more than a dozen statements
# within MARGIN of the best one do not change a decision, they only add to a vote

# ------------------------------------------------------------------------------------------------
# Figure sets: the arrays the matching runs on

_KIND_CODE = {"number": 0, "percent": 1, "duration": 2, "currency": 3, "multiplier": 4, "count": 5}
_PER_CODE: dict[str | None, int] = {None: 0, **{p: i + 1 for i, p in enumerate(DAYS_PER)}}


class FigureSet:
    """Figures with their vectors, and the attributes the filters read as numpy arrays. Positions
    in a set are what pairs and resolutions refer to; figures themselves are never changed."""

    _ARRAYS = ("vectors", "lo", "hi", "pad", "loose_lo", "loose_hi", "loose_pad", "is_range", "magnitude", "role", "is_metric", "stat", "best",
               "year", "historic", "entity", "kind", "per", "sentence", "bound", "value0", "precision", "entry",
               "registers", "section", "heading", "block", "table", "authority", "currency", "cited", "credited", "exact", "sense", "scope", "worked", "claimlike",
               "denominator")

    # the words of the company's own name: they say whose figure it is, never what it measures
    own_name: frozenset[str] = frozenset()

    def __init__(self, figures: Sequence[Figure], vectors: np.ndarray, recent_from: date,
                 entity_ids: dict[str, int] | None = None) -> None:
        import numpy as np

        self.figures = list(figures)
        self.entity_ids = entity_ids if entity_ids is not None else {}
        n = len(self.figures)
        self.vectors = np.asarray(vectors, dtype=np.float32).reshape(n, -1) if n else np.zeros((0, 1), np.float32)
        bounds = [interval(f) for f in self.figures]
        self.lo = np.array([b[0] for b in bounds], dtype=np.float64)
        self.hi = np.array([b[1] for b in bounds], dtype=np.float64)
        self.pad = np.array([b[2] for b in bounds], dtype=np.float64)
        # a share said loosely, read as loosely as any hedge (a tenth either way): what it would have
        # agreed with before its step was read
        loose = [interval(replace(f, grain=0.0)) if f.grain else b for f, b in zip(self.figures, bounds, strict=True)]
        self.loose_lo = np.array([b[0] for b in loose], dtype=np.float64)
        self.loose_hi = np.array([b[1] for b in loose], dtype=np.float64)
        self.loose_pad = np.array([b[2] for b in loose], dtype=np.float64)
        figs = self.figures
        self.is_range = np.array([isinstance(f.value, tuple) and f.bound is None for f in figs], dtype=bool)
        self.bound = np.array([{"at least": 1, "at most": 2}.get(f.bound or "", 0) for f in figs], dtype=np.int8)
        self.value0 = np.array([_value_range(f.value)[0] for f in figs], dtype=np.float64)
        # one value stated as it is: no range, no bound or hedge ("about", "up to"), no idiom
        self.exact = np.array([not isinstance(f.value, tuple) and f.bound is None and not f.approximate
                               for f in figs], dtype=bool)
        self.precision = np.array([f.precision for f in figs], dtype=np.float64)
        self.entry = np.array([hash(f.entry.id) if f.entry is not None else 0 for f in figs], dtype=np.int64)
        self.section = np.array([hash((f.path, claim_attr(f.claim, "section", ""))) if f.claim is not None else 0
                                 for f in figs], dtype=np.int64)
        self.block = np.array([hash((f.path, f.block)) if f.block is not None else -1 - i for i, f in enumerate(figs)],
                              dtype=np.int64)
        self.table = np.array([hash((f.path, f.table)) if f.table is not None else -1 - i for i, f in enumerate(figs)],
                              dtype=np.int64)
        self.authority = np.array([authority(f) for f in figs], dtype=np.int8)
        self.heading = np.array([f.claim is not None and claim_attr(f.claim, "block") == "heading" for f in figs],
                                dtype=bool)
        self.registers = np.array([f.where == "kb" and f.origin == "claim" and f.entry is not None
                                   and bool(f.entry.metrics) for f in figs], dtype=bool)
        self.magnitude = np.array([abs(sum(_value_range(f.value)) / 2) for f in figs], dtype=np.float64)
        self.role = np.array([{"before": 1, "after": 2}.get(f.role or "", 0) for f in figs], dtype=np.int8)
        self.is_metric = np.array([f.origin == "metric" for f in figs], dtype=bool)
        self.stat = np.array([STAT_CODE.get(f.statistic, 0) for f in figs], dtype=np.int8)
        self.best = np.array([f.best for f in figs], dtype=bool)
        self.year = np.array([f.year or 0 for f in figs], dtype=np.int32)
        # a year is "historic" when it ended before the recency window (max_source_age) began
        # (a metric's year read off its ``as_of`` says when it was measured, not what it is scoped to:
        # it is the company's figure for the measure until it is retired or replaced, and an undated
        # statement of that measure today states it, or misstates it, however old the measurement)
        self.historic = np.array([_historic(f.year, recent_from) and not _measured_in(f) for f in figs], dtype=bool)
        self.entity = np.array([self._entity_id(f.entity) for f in figs], dtype=np.int32)
        self.kind = np.array([_KIND_CODE.get(f.kind, 0) for f in figs], dtype=np.int8)
        self.currency = np.array([currency_code(f) for f in figs], dtype=np.int64)
        self.cited = np.array([cited_by(f) for f in figs], dtype=np.int64)
        self.credited = np.empty(n, dtype=object)
        self.credited[:] = [credited(f) for f in figs]
        self.per = np.array([_PER_CODE.get(f.per, 0) for f in figs], dtype=np.int8)
        self.scope = np.array([zlib.crc32(f.scope.encode()) if f.scope else 0 for f in figs], dtype=np.int64)
        self.worked = np.array([f.worked for f in figs], dtype=bool)
        self.denominator = np.array([zlib.crc32(d.encode()) if (d := denominator(f)) else 0 for f in figs],
                                    dtype=np.int64)
        self.claimlike = np.array([f.claim is None or f.claim.is_claim for f in figs], dtype=bool)
        self.sense = np.array([{"change": 1, "level": 2}.get(f.sense or "", 0) for f in figs], dtype=np.int8)
        # figures stated in one sentence share an id: they are two measures, or two ends of a change;
        # a sentence wrapped over two lines is still one ("three hours before Haulwise and takes\n20
        # minutes on it"), so it is told apart by its paragraph, not by the figure's line
        sentences: dict[tuple[str, int, str], int] = {}
        self.sentence = np.array([
            sentences.setdefault((f.path, f.block if f.block is not None else f.line, f.claim.sentence),
                                 len(sentences)) if f.claim is not None else -1 - i
            for i, f in enumerate(figs)], dtype=np.int64)

    def _entity_id(self, name: str | None) -> int:
        if not name:
            return 0
        return self.entity_ids.setdefault(name, len(self.entity_ids) + 1)

    def __len__(self) -> int:
        return len(self.figures)

    def take(self, idx: Sequence[int] | np.ndarray) -> FigureSet:
        """The figures at positions ``idx``, in that order (arrays sliced, nothing recomputed)."""
        import numpy as np

        arr = np.asarray(idx, dtype=np.int64)
        sub = FigureSet.__new__(FigureSet)
        sub.figures = [self.figures[i] for i in arr.tolist()]
        sub.entity_ids = self.entity_ids
        sub.own_name = self.own_name
        for name in self._ARRAYS:
            setattr(sub, name, getattr(self, name)[arr])
        return sub

    def buckets(self) -> dict[tuple[int, int], np.ndarray]:
        """Positions by unit kind, rates apart from levels."""
        import numpy as np

        keys = self.kind.astype(np.int64) * 64 + (self.per > 0)
        out: dict[tuple[int, int], np.ndarray] = {}
        for key in np.unique(keys).tolist():
            out[(key // 64, key % 64)] = np.nonzero(keys == key)[0]
        return out


# what a price or an amount is per, other than a period: "US$4 per seat", "€12/site/yr", "$39 per
# vehicle per month"; the short forms of land and the period words are read as such
_PER_NOUN = re.compile(r"(?:\bper\s+|/\s*)([a-z]+)", re.I)
_PERIOD_WORDS = frozenset("year years yr yrs annum month months mo mos week weeks wk day days hour hours hr hrs "
                          "minute minutes min mins quarter quarters".split())
_SHORT_NOUNS = {"ha": "hectare", "ac": "acre", "kg": "kilogram", "lb": "pound", "sqft": "square foot"}


def denominator(f: Figure) -> str | None:
    """What an amount is per, other than a period ("seat" of "US$4 per seat"), read off the
    figure's own words and the words right after it; None when it says none."""
    if f.kind != "currency" or f.claim is None:
        return None
    after = f.context.split("[NUM]", 1)[1][:40] if "[NUM]" in f.context else ""
    for text in (f.text, after):
        for m in _PER_NOUN.finditer(text):
            word = m.group(1).lower()
            if word in _PERIOD_WORDS:
                continue
            word = _SHORT_NOUNS.get(word, word)
            return word[:-1] if word.endswith("s") and len(word) > 3 else word
    return None


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _measured_in(f: Figure) -> bool:
    """Whether a figure's year is only when its metric was measured (its ``as_of``), its name
    saying none."""
    return f.origin == "metric" and f.year is not None and not _YEAR.search(f.text)


def _historic(year: int | None, recent_from: date) -> bool:
    return bool(year) and date(min(max(int(year or 1), 1), 9999), 12, 31) < recent_from


# ------------------------------------------------------------------------------------------------
# Neighbour search


@dataclass
class Pairs:
    """Candidate pairs: query position, target position, similarity."""

    q: np.ndarray
    t: np.ndarray
    s: np.ndarray

    @classmethod
    def empty(cls) -> Pairs:
        import numpy as np

        return cls(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32))

    @classmethod
    def concat(cls, parts: Sequence[Pairs]) -> Pairs:
        import numpy as np

        kept = [p for p in parts if len(p.q)]
        if not kept:
            return cls.empty()
        return cls(np.concatenate([p.q for p in kept]), np.concatenate([p.t for p in kept]),
                   np.concatenate([p.s for p in kept]))

    def __len__(self) -> int:
        return len(self.q)

    def select(self, mask: np.ndarray) -> Pairs:
        return Pairs(self.q[mask], self.t[mask], self.s[mask])

    def best_per_pair(self) -> Pairs:
        """One pair per (query, target): the highest similarity."""
        import numpy as np

        if not len(self):
            return self
        key = self.q * (int(self.t.max()) + 1) + self.t
        order = np.lexsort((-self.s, key))
        ks = key[order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = ks[1:] != ks[:-1]
        o = order[first]
        return Pairs(self.q[o], self.t[o], self.s[o])


def _rank_in_rows(rows: np.ndarray, sims: np.ndarray) -> np.ndarray:
    """The rank of every entry among the entries of its row, most similar first."""
    import numpy as np

    # one float64 sort key: the row, then the similarity (in [-1, 1]) descending
    order = np.argsort(rows.astype(np.float64) * 4.0 - sims, kind="stable")
    counts = np.bincount(rows)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    ranked = np.empty(len(rows), dtype=np.int64)
    ranked[order] = np.arange(len(rows)) - starts[rows[order]]
    return ranked


def _top_k(rows: np.ndarray, sims: np.ndarray, k: int) -> np.ndarray:
    """A mask keeping, for every row, its ``k`` most similar entries."""
    import numpy as np

    if len(rows) == 0:
        return np.zeros(0, dtype=bool)
    if np.bincount(rows).max() <= k:
        return np.ones(len(rows), dtype=bool)
    return np.asarray(_rank_in_rows(rows, sims) < k, dtype=bool)


def _above(sims: np.ndarray, threshold: float, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of the entries of a block of similarities at or above ``threshold``, at most
    ``k`` per row: a row with more keeps its ``k`` most similar. Ties (figures stated in identical
    words have identical scores) are broken by a tiny ramp over the columns, so that a phrase
    repeated ten thousand times costs ``k`` pairs, not ten thousand."""
    import numpy as np

    mask = sims >= threshold
    heavy = np.count_nonzero(mask, axis=1) > k
    if not heavy.any():
        r0, c0 = np.nonzero(mask)
        return r0, c0
    light = np.nonzero(~heavy)[0]
    r1, c1 = np.nonzero(mask[light])
    rows = np.nonzero(heavy)[0]
    sub = sims[rows]
    kth = -np.partition(-sub, k - 1, axis=1)[:, k - 1]
    chosen = sub >= np.maximum(kth, threshold)[:, None]
    tied = np.count_nonzero(chosen, axis=1) > 2 * k
    if tied.any():
        ramp = np.arange(sims.shape[1], dtype=np.float64) * 1e-10
        fine = sub[tied].astype(np.float64) - ramp
        kth2 = -np.partition(-fine, k - 1, axis=1)[:, k - 1]
        chosen[tied] = fine >= np.maximum(kth2, threshold)[:, None]
    r2, c2 = np.nonzero(chosen)
    return np.concatenate([light[r1], rows[r2]]), np.concatenate([c1, c2])


def _dense_pairs(qv: np.ndarray, tv: np.ndarray, threshold: float, block: int = 2048) -> Pairs:
    import numpy as np

    parts: list[Pairs] = []
    for start in range(0, len(qv), block):
        sims = qv[start:start + block] @ tv.T
        r, c = _above(sims, threshold, NEIGHBOURS)
        if len(r):
            parts.append(Pairs((r + start).astype(np.int64), c.astype(np.int64), sims[r, c]))
    return Pairs.concat(parts)


def _kmeans(x: np.ndarray, k: int, iterations: int = 6, seed: int = 0) -> np.ndarray:
    """Spherical k-means on a sample of unit vectors: the centroids."""
    import numpy as np

    rng = np.random.default_rng(seed)
    sample = x if len(x) <= 32 * k else x[rng.choice(len(x), 32 * k, replace=False)]
    centroids = sample[rng.choice(len(sample), k, replace=False)].copy()
    for _ in range(iterations):
        assign = np.argmax(sample @ centroids.T, axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assign, sample)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centroids = np.where(norms > 1e-9, sums / np.maximum(norms, 1e-12), centroids)
    return np.asarray(centroids, dtype=np.float32)


def _cells(x: np.ndarray, centroids: np.ndarray, probes: int) -> np.ndarray:
    """The ``probes`` nearest centroids of every row, nearest first."""
    import numpy as np

    out = np.empty((len(x), probes), dtype=np.int64)
    for start in range(0, len(x), 8192):
        sims = x[start:start + 8192] @ centroids.T
        rows = np.arange(len(sims))
        for p in range(probes):
            best = np.argmax(sims, axis=1)
            out[start:start + 8192, p] = best
            sims[rows, best] = -np.inf
    return out


def _ivf_pairs(qv: np.ndarray, tv: np.ndarray, threshold: float) -> Pairs:
    """Approximate search by an inverted file: targets fall into k-means cells of about
    ``CELL_SIZE``, and each query is compared with the targets of its ``PROBES`` nearest cells."""
    import numpy as np

    k = max(2, len(tv) // CELL_SIZE)
    centroids = _kmeans(tv, k)
    t_cell = _cells(tv, centroids, 1)[:, 0]
    probes = min(PROBES, k)
    q_cells = _cells(qv, centroids, probes)
    t_order = np.argsort(t_cell, kind="stable")
    t_bounds = np.searchsorted(t_cell[t_order], np.arange(k + 1))
    flat_q = np.repeat(np.arange(len(qv)), probes)
    flat_c = q_cells.reshape(-1)
    q_order = np.argsort(flat_c, kind="stable")
    q_sorted, c_sorted = flat_q[q_order], flat_c[q_order]
    q_bounds = np.searchsorted(c_sorted, np.arange(k + 1))
    parts: list[Pairs] = []
    for c in range(k):
        qs = q_sorted[q_bounds[c]:q_bounds[c + 1]]
        ts = t_order[t_bounds[c]:t_bounds[c + 1]]
        if not len(qs) or not len(ts):
            continue
        sims = qv[qs] @ tv[ts].T
        r, col = _above(sims, threshold, NEIGHBOURS)
        if len(r):
            parts.append(Pairs(qs[r], ts[col], sims[r, col]))
    pairs = Pairs.concat(parts)
    return pairs.select(_top_k(pairs.q, pairs.s, NEIGHBOURS)) if len(pairs) else pairs


def search(qv: np.ndarray, tv: np.ndarray, threshold: float | None = None) -> Pairs:
    """Pairs (query, target) scoring at least ``threshold`` (default: what any decision needs),
    at most ``NEIGHBOURS`` per query: exact up to ``EXACT_SEARCH_MAX`` targets, an inverted file above."""
    if threshold is None:
        threshold = FLOOR
    if len(qv) == 0 or len(tv) == 0:
        return Pairs.empty()
    if len(tv) <= EXACT_SEARCH_MAX:
        return _dense_pairs(qv, tv, threshold)
    return _ivf_pairs(qv, tv, threshold)


def _bucket_keys(fs: FigureSet) -> np.ndarray:
    import numpy as np

    return fs.kind.astype(np.int64) * 2 + (fs.per > 0)


def search_sets(q: FigureSet, t: FigureSet, vectors: np.ndarray | None = None, of: np.ndarray | None = None
                ) -> Pairs:
    """:func:`search` bucket by bucket: a query only meets targets of its unit kind and rate (a
    figure of unknown unit, every kind of its rate). ``vectors``/``of``: other rows standing for
    targets (their positions in ``t``)."""
    import numpy as np

    tv = t.vectors if vectors is None else vectors
    tkey = _bucket_keys(t) if of is None else _bucket_keys(t)[of]
    q_rate = q.per > 0
    parts: list[Pairs] = []
    for key in np.unique(tkey).tolist():
        kind, rate = divmod(int(key), 2)
        tidx = np.nonzero(tkey == key)[0]
        qidx = np.nonzero(((q.kind == kind) | (q.kind == 0)) & (q_rate == bool(rate)))[0]
        if not len(qidx):
            continue
        p = search(q.vectors[qidx], tv[tidx])
        target = tidx if of is None else of[tidx]
        parts.append(Pairs(qidx[p.q], target[p.t], p.s))
    return Pairs.concat(parts)

