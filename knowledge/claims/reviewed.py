"""Claim-ness as a KB's reviewers corrected it (see :mod:`knowledge.finding_verdicts`).

A reviewer who marks an ``unsourced-claim`` or ``unsupported-claim`` wrong says that its figure
states no outcome; one who marks a figure's finding right says that it does. Both are examples for
the claim-ness model (:mod:`.claimness`), in the KB's own words. They act in two ways:

- **The same sentence.** A figure whose sentence, with the figure masked, is the very sentence a
  reviewer judged takes the reviewer's verdict.
- **Similar wording** (off by default, :data:`LEARN`: measured on held-out findings and mentions,
  it gained nothing measurable with a reviewer's verdicts on 20% of them; see the README section
  "Reviewers' verdicts on findings"). A correction of the shipped weights is fitted on the examples: a kernel
  logistic regression with the shipped model's logit as its offset (so that it learns only what
  the shipped weights get wrong), over the words around the figure and its other lexical features,
  leaving out those every figure shares (the bias, its kind, its size, a sentence that ends like
  prose), so that a verdict moves figures worded like its own and not every figure of the KB.
  How strongly it moves them is chosen by cross-validation on the verdicts themselves, and the
  correction is kept only where it predicts held-out verdicts better than the shipped weights do:
  a KB whose verdicts teach nothing general keeps the shipped decision.

The correction only ever takes figures away from "a claim": verdicts are given on findings, and a
finding marked right asks to keep figures like it, not to flag figures nobody flagged (measured: on
the case studies, letting it add claims added a false finding and removed none). Only figures the
correction moves are judged again; the rest keep the claim-ness read at ingest.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from knowledge.model import Claim

from . import claimness

if TYPE_CHECKING:
    import numpy as np

GENERIC = ("bias", "kind=", "mag=", "prose_end")  # features every figure has some value of
STRENGTHS = (0.3, 1.0, 3.0, 10.0)  # prior strengths tried by cross-validation (higher: nearer the shipped weights)
MIN_EXAMPLES = 4  # verdicts before the weights are corrected (the same sentence acts from the first)
FOLDS = 5
LEARN = False  # on: correct claim-ness on the verdicts (measured: no gain on held-out findings at 20%, see README)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _specific(feats: dict[str, float]) -> dict[str, float]:
    return {k: v for k, v in feats.items() if not k.startswith(GENERIC)}


@dataclass(frozen=True)
class Correction:
    """What a KB's verdicts change in claim-ness."""

    model: claimness.Model | None  # the shipped weights plus the fitted correction; None: not kept
    delta: dict[str, float]
    same: dict[str, bool]  # masked sentence (normalised) -> a claim or not, as reviewers said
    strength: float | None = None

    def apply(self, claims: Iterable[Claim], names: frozenset[str] = frozenset()) -> int:
        """Judge again the figures the verdicts speak to; return how many changed their decision."""
        changed = 0
        for c in claims:
            before = c.is_claim
            said = self.same.get(_norm(c.masked)) if c.masked else None
            if said is not None:
                c.is_claim = said
                c.why = f"{'a claim' if said else 'not a claim'}: a reviewer's verdict on this sentence"
            elif self.model is not None and self.delta and before:
                # Only ever away from "a claim": a verdict says a finding was a false alarm, or that
                # it was right; neither asks for findings on figures nobody flagged.
                feats = _features(c, names, self.model)
                if any(k in self.delta for k in feats):
                    p, why = claimness.score(c, self.model, names)
                    if p < self.model.threshold:
                        c.claimness, c.is_claim = p, False
                        c.why = f"{why}; reviewers' verdicts on sentences worded like it"
            changed += c.is_claim != before
        return changed


def _features(c: Claim, names: frozenset[str], model: claimness.Model) -> dict[str, float]:
    return claimness.features(c, names if model.reads_names else frozenset(), drop_names=model.names == "drop")


def learn(examples: Sequence[tuple[Claim, bool]], names: frozenset[str] = frozenset(),
          model: claimness.Model | None = None) -> Correction | None:
    """The correction ``examples`` (a figure, and whether reviewers say it is a claim) make, or None."""
    if not examples:
        return None
    model = model or claimness.load()
    same = {_norm(c.masked): y for c, y in examples if c.masked}
    if model is None or not LEARN or len(examples) < MIN_EXAMPLES:
        return Correction(model=None, delta={}, same=same)
    import numpy as np

    full = [_features(c, names, model) for c, _ in examples]
    spec = [_specific(f) for f in full]
    vocab = sorted({k for f in spec for k in f})
    if not vocab:
        return Correction(model=None, delta={}, same=same)
    col = {k: j for j, k in enumerate(vocab)}
    X = np.zeros((len(spec), len(vocab)))
    for i, f in enumerate(spec):
        for k, v in f.items():
            X[i, col[k]] = v
    offset = math.log(model.threshold / (1 - model.threshold)) if 0 < model.threshold < 1 else 0.0
    z0 = np.array([model.logit(f) - offset for f in full])
    y = np.array([1.0 if lab else 0.0 for _, lab in examples])
    K = X @ X.T

    def accuracy(strength: float | None) -> float:
        k = min(FOLDS, len(y))
        right = 0
        for fold in range(k):
            test = np.arange(len(y)) % k == fold
            z = z0[test].copy()
            if strength is not None:
                alpha = _fit(K[np.ix_(~test, ~test)], z0[~test], y[~test], strength)
                z += K[np.ix_(test, ~test)] @ alpha
            right += int(((z >= 0) == (y[test] > 0.5)).sum())
        return right / len(y)

    shipped = accuracy(None)
    # ties go to the strongest prior: the least change that predicts the verdicts as well
    best = max(STRENGTHS, key=lambda s: (accuracy(s), s))
    if accuracy(best) <= shipped:
        return Correction(model=None, delta={}, same=same)
    alpha = _fit(K, z0, y, best)
    d = X.T @ alpha
    delta = {k: float(d[j]) for k, j in col.items() if abs(d[j]) > 1e-9}
    weights = dict(model.weights)
    for k, v in delta.items():
        weights[k] = weights.get(k, 0.0) + v
    corrected = claimness.Model(weights=weights, threshold=model.threshold,
                                meta={**model.meta, "corrected_by_verdicts": len(examples)})
    return Correction(model=corrected, delta=delta, same=same, strength=best)


def _fit(K: np.ndarray, z0: np.ndarray, y: np.ndarray, strength: float, steps: int = 30) -> np.ndarray:
    """Kernel logistic regression with offset ``z0`` and prior strength ``strength`` (Newton steps)."""
    import numpy as np

    alpha = np.zeros(len(y))
    for _ in range(steps):
        z = np.clip(z0 + K @ alpha, -30, 30)
        p = 1.0 / (1.0 + np.exp(-z))
        w = p * (1 - p)
        step = np.linalg.solve(w[:, None] * K + strength * np.eye(len(y)), p - y + strength * alpha)
        alpha = alpha - step
        if float(np.abs(step).max(initial=0.0)) < 1e-8:
            break
    return alpha
