"""Train and measure the page-level models of :mod:`knowledge.claims.provenance`.

The data are passages written for them, never a labelled corpus (provenance in
``knowledge/claims/data/README.md``): ``source_notes.jsonl`` (notes that say where a page's or a
table's figures come from, and hard negatives: sentences that name a company, a study, a customer or
data without saying the figures come from it) and ``page_kinds.jsonl`` (the title, address and
opening of pages that state no outcome claims, and of pages that do). Each model is a logistic
regression on the passage's embedding (and, for notes, a few cues of form). Every labelled corpus is
held out from both; their figures are the audit's (``bench/accuracy.py``, ``bench/case_studies.py``).

The cut is set inside the training data, on 5-fold predictions: the lowest probability that lets
through at most ``--fpr`` of the negatives (a false note or a false page kind silences real
findings, so the cut leans to precision), and never under 0.5.

    python bench/train_provenance.py            # cross-validated figures
    python bench/train_provenance.py --write    # and write knowledge/claims/data/provenance.json

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from knowledge.claims import provenance  # noqa: E402

DATA = REPO / "knowledge" / "claims" / "data"
SEED = 0


def rows(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def page_text(r: dict[str, Any]) -> str:
    opening = r["opening"][:provenance.OPENING_CHARS]
    return f"{r['title']} | {r['path']} | {opening}" if opening else f"{r['title']} | {r['path']}"


def fit_one(texts: list[str], cues: list[dict[str, float]] | None, y: list[int], c: float, fpr: float,
            groups: list[str] | None = None) -> tuple[dict[str, Any], dict[str, float]]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold, StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from knowledge.embedding import get_embedder

    vec = np.array(get_embedder("query").embed(texts), dtype=np.float64)
    names = sorted(cues[0]) if cues else []
    x = np.hstack([np.array([[cu[k] for k in names] for cu in cues], dtype=np.float64), vec]) if cues else vec
    ya = np.array(y)

    def pipe() -> Any:
        return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000))

    folds: Any = GroupKFold(5) if groups else StratifiedKFold(5, shuffle=True, random_state=SEED)
    p = cross_val_predict(pipe(), x, ya, cv=folds, groups=groups, method="predict_proba")[:, 1]
    neg = np.sort(p[ya == 0])
    cut = max(0.5, float(neg[min(len(neg) - 1, int((1 - fpr) * len(neg)))]) + 1e-6)
    stats = {"auc": float(roc_auc_score(ya, p)), "cut": cut,
             "recall": float((p[ya == 1] >= cut).mean()), "fpr": float((p[ya == 0] >= cut).mean()),
             "recall@0.5": float((p[ya == 1] >= 0.5).mean()), "fpr@0.5": float((p[ya == 0] >= 0.5).mean())}
    model = pipe().fit(x, ya)
    scaler, lr = model[0], model[1]
    w = lr.coef_[0] / scaler.scale_
    bias = float(lr.intercept_[0] - np.sum(lr.coef_[0] * scaler.mean_ / scaler.scale_))
    out = {"cues": {k: float(w[i]) for i, k in enumerate(names)}, "vector": [float(v) for v in w[len(names):]],
           "bias": bias, "threshold": cut}
    return out, stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="write knowledge/claims/data/provenance.json")
    ap.add_argument("--c", type=float, default=0.1, help="inverse regularisation strength")
    ap.add_argument("--fpr", type=float, default=0.02, help="share of training negatives the cut may let through")
    ap.add_argument("--no-note-cues", action="store_true", help="notes: the embedding alone")
    args = ap.parse_args()

    notes = rows("source_notes.jsonl")
    texts = [provenance.clean(r["text"]) for r in notes]
    cues = None if args.no_note_cues else [provenance.note_cues(t) for t in texts]
    note, ns = fit_one(texts, cues, [int(r["note"]) for r in notes], args.c, args.fpr)
    print(f"source notes: {sum(r['note'] for r in notes)} notes, {sum(1 - r['note'] for r in notes)} not; "
          f"5-fold ROC AUC {ns['auc']:.3f}; at the cut {ns['cut']:.2f}: recall {ns['recall']:.2f}, "
          f"negatives let through {ns['fpr']:.3f} (at 0.5: {ns['recall@0.5']:.2f}, {ns['fpr@0.5']:.3f})")

    pages = rows("page_kinds.jsonl")
    # folds by page kind: a kind the model never saw is the honest test of "learned over kinds"
    page, ps = fit_one([page_text(r) for r in pages], None, [int(r["no_claims"]) for r in pages], args.c,
                       args.fpr, groups=[r["kind"] for r in pages])
    print(f"page kinds: {sum(r['no_claims'] for r in pages)} pages with no outcome claims, "
          f"{sum(1 - r['no_claims'] for r in pages)} with; 5-fold by kind ROC AUC {ps['auc']:.3f}; at the cut "
          f"{ps['cut']:.2f}: recall {ps['recall']:.2f}, pages with claims let through {ps['fpr']:.3f} "
          f"(at 0.5: {ps['recall@0.5']:.2f}, {ps['fpr@0.5']:.3f})")
    if args.write:
        meta = {"note": ns, "page": ps, "c": args.c, "fpr": args.fpr,
                "trained_on": ["source_notes.jsonl", "page_kinds.jsonl"]}
        from knowledge.embedding import get_embedder

        head = [float(x) for x in get_embedder("query").embed([provenance.PROBE])[0][:16]]
        out = {"note": note, "page": page, "meta": meta, "probe": {"text": provenance.PROBE, "head": head}}
        (DATA / "provenance.json").write_text(json.dumps(out) + "\n", encoding="utf-8")
        print(f"wrote {DATA / 'provenance.json'}")


if __name__ == "__main__":
    main()
