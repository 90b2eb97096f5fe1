"""Whether a detected mention is about the known objection closest to it, or about something no
objection entry covers.

A remark about a concern the KB has not named is still closest to some entry, often by a word
they share ("I'm not changing banks for a vet system" and pricing; "if our numbers make their
forecast sharper" and forecast trust). :class:`AbsorbModel` reads, for each mention, how close it is
to its closest entry in the embedding and in the concerns' space (:func:`.themes.concern_closeness`),
how far ahead of the next entry, whether another entry is closer by concern, how close it is to the
entry's own examples' cohesion, and how close it is to a remark in another call; it is a logistic
model fitted by ``bench/train_absorb.py`` on the labelled mentions of the development corpora
(``data/absorb.json``, with its provenance). A mention it reads as not about its entry is kept
from every entry while themes form (:func:`.themes._assign`), and goes back to that entry when no
theme takes it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Mention

if TYPE_CHECKING:
    import numpy as np

ABSORB_MODEL_PATH = Path(__file__).resolve().parent / "data" / "absorb.json"

FEATURES = ("cos_best", "cos_margin", "alike_best", "alike_gap", "cohesion_gap", "peer", "peer_gap", "score")


def features(mentions: Sequence[Mention], m: int, R: np.ndarray, owner: np.ndarray, cohesion: np.ndarray | None,
             concerns: tuple[Sequence[str], np.ndarray] | None, concern_weight: float = 0.15,
             banned: dict[int, set[int]] | None = None) -> dict[str, np.ndarray]:
    """The evidence :class:`AbsorbModel` reads, one value per mention for each of :data:`FEATURES`,
    and ``best``, the entry each mention is closest to (as :func:`.themes._assign` reads closeness,
    never one a reviewer said it is not about: ``banned``)."""
    import numpy as np

    from .themes import concern_closeness

    n = len(mentions)
    out = {f: np.zeros(n, np.float32) for f in FEATURES}
    out["best"] = np.zeros(n, np.int64)
    if not n or not m or not len(R):
        return out
    V = np.stack([mt.vector for mt in mentions]).astype(np.float32)
    own = np.stack([mt.sentence_vector for mt in mentions]).astype(np.float32)
    sims = np.maximum(V @ R.T, own @ R.T)
    cos = np.full((n, m), -1.0, np.float32)
    for j in range(m):
        cols = owner == j
        if cols.any():
            cos[:, j] = sims[:, cols].max(axis=1)
    for x, js in (banned or {}).items():
        cos[x, list(js)] = -1.0
    if concerns is not None and len(concerns[0]):
        alike = concern_closeness(V, own, R, owner, m, concerns[1])
    else:
        alike = np.zeros((n, m), np.float32)
    mixed = np.where(cos > -1.0, (1 - concern_weight) * cos + concern_weight * alike, cos)
    best = mixed.argmax(axis=1)
    rows = np.arange(n)
    out["best"] = best
    out["cos_best"] = cos[rows, best]
    others = cos.copy()
    others[rows, best] = -1.0
    out["cos_margin"] = cos[rows, best] - (others.max(axis=1) if m > 1 else 0.0)
    out["alike_best"] = alike[rows, best]
    out["alike_gap"] = alike.max(axis=1) - alike[rows, best]
    coh = cohesion if cohesion is not None and len(cohesion) == m else np.full(m, 0.45, np.float32)
    out["cohesion_gap"] = cos[rows, best] - coh[best]
    calls = np.asarray([mt.call for mt in mentions])
    # n x n: fine while the model is off by default (Tuning.absorb); blocks of rows, as
    # themes._assign clusters, before it is switched on for KBs with thousands of mentions.
    pair = V @ V.T
    pair[calls[:, None] == calls[None, :]] = -1.0
    out["peer"] = pair.max(axis=1) if n > 1 else np.full(n, -1.0, np.float32)
    out["peer"] = np.maximum(out["peer"], -1.0)
    out["peer_gap"] = out["peer"] - cos[rows, best]
    out["score"] = np.asarray([mt.score for mt in mentions], np.float32)
    return out


@dataclass(frozen=True)
class AbsorbModel:
    """P(a mention is about a concern no objection entry covers) from :data:`FEATURES`."""

    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5

    def probability(self, x: dict[str, np.ndarray]) -> np.ndarray:
        import numpy as np

        z = np.full(len(x[FEATURES[0]]), self.bias, np.float64)
        for w, f in zip(self.weights, FEATURES, strict=True):
            z = z + w * x[f].astype(np.float64)
        return 1.0 / (1.0 + np.exp(-z))

    def apart(self, x: dict[str, np.ndarray]) -> np.ndarray:
        """Which mentions to keep from their closest entry while themes form."""
        return self.probability(x) >= self.threshold


@lru_cache(maxsize=1)
def load_absorb_model(path: Path = ABSORB_MODEL_PATH) -> AbsorbModel | None:
    """The shipped coefficients, or None where they are missing (every mention may be absorbed)."""
    if not path.is_file():
        return None
    z = json.loads(path.read_text(encoding="utf-8"))
    if tuple(z["features"]) != FEATURES:
        return None
    return AbsorbModel(weights=tuple(float(w) for w in z["weights"]), bias=float(z["bias"]),
                       threshold=float(z.get("threshold", 0.5)))
