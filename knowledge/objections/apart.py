"""Step 3b, new themes kept apart: whether a mention an objection entry absorbed is about the
entry's concern, or about a concern of its own that other calls raise too.

One similarity cannot tell them apart: with all-MiniLM-L6-v2 a mention of a concern the KB does not
hold sits as close to some entry (0.51 median on Quayside) as a rightly placed mention does to its
own (0.53). Two measures relative to the calls themselves separate them better (on all six
development sets, written and speech-recognition copies, new-concern mentions score higher on the
first and lower on the second than rightly placed ones, though the ranges overlap):

- ``residual_peer_z``: how close the mention's nearest mention in another call is once what the
  entry says is taken out of both (each vector less its component along the entry's mean
  phrasing), against the spread of all such pairs. A concern of its own recurs: other prospects
  raise it in other words, and what they share is not the entry's concern.
- ``entry_z``: how far above the calls' ordinary sentences the mention is from the entry (its
  similarity minus the mean similarity of every candidate sentence of the calls to that entry, in
  standard deviations). An entry close to everything the calls talk about ("trust in the
  forecast", for a company selling forecasts) absorbs by topic; this measures concern.

A logistic regression over the two (``data/same_concern.json``, made by
``bench/train_same_concern.py`` from written scenarios in ten industries and the labelled mentions
of the development corpora; see ``data/README.md``) gives the probability that the mention is about
a concern the entry does not hold. Mentions above one half are doubted. Doubted mentions from two
or more calls that link to one another (average linkage at the clustering's ``link``) and are
closer to one another than to the entries that absorbed them leave those entries as a mined theme,
and other doubted mentions closer to such a theme than to their entry join it. A doubted mention
that finds no such company stays where it was: one remark is not a theme, and many doubted
mentions are rightly placed ones (on Northwind 7 of 26, fitted without it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Mention

if TYPE_CHECKING:
    import numpy as np

SAME_CONCERN_PATH = Path(__file__).with_name("data") / "same_concern.json"
FEATURES = ("residual_peer_z", "entry_z")


@dataclass(frozen=True)
class SameConcern:
    """Weights of the decision over :data:`FEATURES`; ``probability`` is that of a new concern."""

    coef: tuple[float, ...]
    intercept: float

    def probability(self, X: np.ndarray) -> np.ndarray:
        import numpy as np

        z = X @ np.asarray(self.coef, dtype=np.float32) + np.float32(self.intercept)
        return 1.0 / (1.0 + np.exp(-z))


@lru_cache(maxsize=1)
def load_same_concern(path: Path = SAME_CONCERN_PATH) -> SameConcern | None:
    """The shipped weights, or None where they are missing."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        return None
    return SameConcern(coef=tuple(float(c) for c in data["coef"]), intercept=float(data["intercept"]))


def evidence(mentions: list[Mention], V: np.ndarray, to_entry: np.ndarray, absorbed: list[list[int]],
             background: np.ndarray, R: np.ndarray, owner: np.ndarray,
             block: int = 1024) -> tuple[list[int], list[int], np.ndarray]:
    """For every absorbed mention: its index, the entry that holds it, and its :data:`FEATURES`.

    Memory stays linear: the background and the mentions are compared a block at a time.
    """
    import numpy as np

    n, m = to_entry.shape
    xs = [x for j in range(m) for x in absorbed[j]]
    homes = [j for j in range(m) for _ in absorbed[j]]
    if not xs or not len(background):
        return xs, homes, np.zeros((len(xs), len(FEATURES)), np.float32)
    # How close the calls' ordinary sentences come to each entry.
    total = np.zeros(m, np.float64)
    total2 = np.zeros(m, np.float64)
    for a in range(0, len(background), block):
        sims = background[a:a + block] @ R.T
        near = np.full((len(sims), m), -1.0, np.float32)
        for j in range(m):
            cols = owner == j
            if cols.any():
                near[:, j] = sims[:, cols].max(axis=1)
        total += near.sum(axis=0)
        total2 += (near.astype(np.float64) ** 2).sum(axis=0)
    bg_mean = total / len(background)
    bg_sd = np.maximum(np.sqrt(np.maximum(total2 / len(background) - bg_mean ** 2, 0.0)), 1e-3)
    # Each mention's nearest mention in another call once what the entry says is taken out of both
    # (their vectors less their component along the entry's mean phrasing), against the spread of
    # all such pairs: mentions of one known concern are alike through the entry's own words,
    # mentions of a new one through something the entry does not say.
    calls = np.asarray([mt.call for mt in mentions])
    peer: dict[int, float] = {}
    s1 = s2 = 0.0
    count = 0
    for j in range(m):
        if not absorbed[j] or not (owner == j).any():
            continue
        e = R[owner == j].mean(axis=0)
        e = e / max(float(np.linalg.norm(e)), 1e-12)
        rest = V - np.outer(V @ e, e)
        rest = rest / np.maximum(np.linalg.norm(rest, axis=1, keepdims=True), 1e-12)
        mine = absorbed[j]
        for a in range(0, len(mine), block):
            rows = mine[a:a + block]
            sims = rest[rows] @ rest.T
            other = calls[rows, None] != calls[None, :]
            vals = sims[other].astype(np.float64)
            s1 += float(vals.sum())
            s2 += float((vals ** 2).sum())
            count += int(vals.size)
            best = np.where(other, sims, -1.0).max(axis=1)
            peer.update(zip(rows, (float(b) for b in best), strict=True))
    p_mean = s1 / count if count else 0.0
    p_sd = max((s2 / count - p_mean ** 2) ** 0.5, 1e-3) if count else 1.0
    X = np.asarray([[(peer.get(x, -1.0) - p_mean) / p_sd, (to_entry[x, j] - bg_mean[j]) / bg_sd[j]]
                    for x, j in zip(xs, homes, strict=True)], dtype=np.float32)
    return xs, homes, X


def keep_apart(mentions: list[Mention], V: np.ndarray, to_entry: np.ndarray, absorbed: list[list[int]],
               background: np.ndarray, R: np.ndarray, owner: np.ndarray, model: SameConcern, link: float,
               block: int = 1024) -> list[list[int]]:
    """Take out of ``absorbed`` (in place) the mentions that form a theme of their own, and return
    those themes (lists of mention indices)."""
    import numpy as np

    from .themes import _cluster, _internal, _Points

    xs, homes, X = evidence(mentions, V, to_entry, absorbed, background, R, owner, block)
    if not xs:
        return []
    doubted = model.probability(X) > 0.5
    doubt = [x for x, d in zip(xs, doubted, strict=True) if d]
    home = {x: j for x, j, d in zip(xs, homes, doubted, strict=True) if d}
    if len(doubt) < 2:
        return []
    formed: list[list[int]] = []
    for a in range(0, len(doubt), block):
        part = doubt[a:a + block]
        pts = _Points(V[part].copy(), np.ones(len(part), np.float32), np.zeros((len(part), 0), np.float32),
                      [[k] for k in range(len(part))])
        for mem in _cluster(pts, np.zeros(0, np.float32), link, []).members:
            g = [part[k] for k in mem]
            if len({mentions[x].call for x in g}) < 2:
                continue
            # Closer to one another than to the entries that absorbed them.
            if _internal(V[g].mean(axis=0), len(g)) <= float(np.mean([to_entry[x, home[x]] for x in g])):
                continue
            formed.append(g)
    if not formed:
        return []
    taken = {x for g in formed for x in g}
    means = np.stack([V[g].mean(axis=0) for g in formed])
    for x in doubt:
        if x in taken:
            continue
        sims = means @ V[x]
        k = int(sims.argmax())
        if float(sims[k]) > float(to_entry[x, home[x]]):
            formed[k].append(x)
    for g in formed:
        for x in g:
            absorbed[home[x]].remove(x)
    return formed
