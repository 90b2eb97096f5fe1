"""Does a learned "same concern" similarity beat plain cosine? Held-out comparison on written pairs.

    python bench/train_concern_pairs.py

The sentences are ``knowledge/objections/data/concern_sentences.tsv`` (concern, industry, text;
provenance in the README beside it), each also rewritten as speech recognition writes it
(``bench/objections_asr.py``), so that a pair of the same concern can differ in style. Two sentences
make a positive pair when they voice the same concern. Logistic regressions over the pair's
embeddings (their elementwise product, with and without their absolute difference and their
cosine) are scored on pairs of sentences held out in five folds (a sentence and its rewriting are
always in the same fold) against the cosine of the embedding model alone, by ROC AUC.

Measured (2026-12, 114 sentences in 19 concerns): cosine 0.775; the models 0.615-0.691 (without
the scaler, product and difference: 0.735-0.781). No model was adopted: theme assignment keeps the
cosine. Needs scikit-learn and the
real model. Prints figures; asserts nothing.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from bench.objections_asr import asr  # noqa: E402

PAIRS_PATH = REPO / "knowledge" / "objections" / "data" / "concern_sentences.tsv"
FOLDS = 5


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from knowledge.embedding import get_embedder

    with PAIRS_PATH.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    concern = np.array([r["concern"] for r in rows] * 2)
    sentence = np.array(list(range(len(rows))) * 2)
    X = get_embedder("query").embed([r["text"] for r in rows] + [asr(r["text"]) for r in rows])
    fold = np.random.default_rng(0).integers(0, FOLDS, len(rows))[sentence]

    def pairs(idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        i, j = np.triu_indices(len(idx), 1)
        i, j = idx[i], idx[j]
        keep = sentence[i] != sentence[j]  # a sentence and its own rewriting say the same thing
        return i[keep], j[keep]

    features = {
        "product": lambda a, b: a * b,
        "product + cosine": lambda a, b: np.hstack([a * b, (a * b).sum(axis=1, keepdims=True)]),
        "product + difference": lambda a, b: np.hstack([a * b, np.abs(a - b)]),
    }
    print(f"{len(rows)} sentences, {len(set(concern))} concerns, {FOLDS} folds")
    for name, feats in features.items():
        for c in (0.01, 0.1, 1.0):
            scores, truth, cosine = [], [], []
            for f in range(FOLDS):
                i, j = pairs(np.where(fold != f)[0])
                model = make_pipeline(StandardScaler(), LogisticRegression(C=c, class_weight="balanced", max_iter=3000))
                model.fit(feats(X[i], X[j]), concern[i] == concern[j])
                i, j = pairs(np.where(fold == f)[0])
                scores.append(model.predict_proba(feats(X[i], X[j]))[:, 1])
                truth.append(concern[i] == concern[j])
                cosine.append((X[i] * X[j]).sum(axis=1))
            y = np.concatenate(truth)
            print(f"  {name:<22} C {c:<5} held-out AUC {roc_auc_score(y, np.concatenate(scores)):.3f}"
                  f"   cosine {roc_auc_score(y, np.concatenate(cosine)):.3f}")


if __name__ == "__main__":
    main()
