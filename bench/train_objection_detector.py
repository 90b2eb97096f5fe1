"""Train the objection detector: logistic regression over a sentence's embedding and its cue features.

    python bench/train_objection_detector.py            # evaluate, then write the weights
    python bench/train_objection_detector.py --no-write # evaluate only

The sentences are ``knowledge/objections/data/sentences.tsv`` (label, industry, style, kind, text;
provenance in the README beside it). The model is evaluated leave-one-industry-out and
leave-one-style-out before it is fitted on all of them; the weights go to
``knowledge/objections/data/detector.npz``, which canon reads with numpy alone. Needs scikit-learn
(``pip install -e .[train]``) and the real embedding model.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from knowledge.objections.detect import DETECTOR_PATH, SENTENCES_PATH, cue_features, load_sentences  # noqa: E402
from knowledge.objections.prefilter import clean  # noqa: E402

C_GRID = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0)


def _fit(X: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=2000).fit(X, y)


def _grouped(X: np.ndarray, y: np.ndarray, groups: np.ndarray, c: float) -> np.ndarray:
    """Out-of-group probabilities: each group scored by a model trained on all the others."""
    p = np.zeros(len(y))
    for g in np.unique(groups):
        test = groups == g
        if len(np.unique(y[~test])) < 2:
            continue
        p[test] = _fit(X[~test], y[~test], c).predict_proba(X[test])[:, 1]
    return p


def _prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return p, r, 2 * p * r / max(1e-9, p + r)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    from knowledge.embedding import get_embedder

    rows = load_sentences(SENTENCES_PATH)
    texts = [clean(r["text"]) for r in rows]
    y = np.asarray([int(r["label"]) for r in rows])
    embedder = get_embedder("bulk")
    E = np.asarray(embedder.embed(texts), dtype=np.float32)
    F = np.stack([cue_features(r["text"]) for r in rows])
    X = np.hstack([E, F])
    industry = np.asarray([r["industry"] for r in rows])
    style = np.asarray([r["style"] for r in rows])
    print(f"{len(rows)} sentences, {int(y.sum())} objections, {len(set(industry))} industries, "
          f"{len(set(style))} styles; model {getattr(embedder, 'name', '?')}")
    best_c, best_f1 = C_GRID[0], -1.0
    for c in C_GRID:
        p = _grouped(X, y, industry, c)
        f1 = _prf(y, (p >= 0.5).astype(int))[2]
        print(f"  C={c:<5} leave-one-industry-out F1 {f1:.3f}")
        if f1 > best_f1:
            best_c, best_f1 = c, f1
    p_ind = _grouped(X, y, industry, best_c)
    p_sty = _grouped(X, y, style, best_c)
    for name, p in (("industry", p_ind), ("style", p_sty)):
        pr, rc, f1 = _prf(y, (p >= 0.5).astype(int))
        print(f"leave-one-{name}-out (C={best_c}): P {pr:.3f} R {rc:.3f} F1 {f1:.3f}")
    print("by style, leave-one-industry-out:")
    for s in sorted(set(style)):
        m = style == s
        pr, rc, f1 = _prf(y[m], (p_ind[m] >= 0.5).astype(int))
        print(f"  {s:<10} n={int(m.sum()):>3}  P {pr:.3f} R {rc:.3f} F1 {f1:.3f}")
    kinds = np.asarray([r["kind"] for r in rows])
    print("negatives taken for objections, by kind (leave-one-industry-out):")
    for k in sorted(set(kinds[y == 0])):
        m = (kinds == k) & (y == 0)
        print(f"  {k:<10} {int((p_ind[m] >= 0.5).sum())} of {int(m.sum())}")
    model = _fit(X, y, best_c)
    if not args.no_write:
        np.savez(DETECTOR_PATH, coef=model.coef_[0].astype(np.float32), intercept=np.float32(model.intercept_[0]),
                 model=str(getattr(embedder, "name", "")), sentences=len(rows), c=best_c)
        print(f"wrote {DETECTOR_PATH.relative_to(Path.cwd()) if DETECTOR_PATH.is_relative_to(Path.cwd()) else DETECTOR_PATH}")


if __name__ == "__main__":
    main()
