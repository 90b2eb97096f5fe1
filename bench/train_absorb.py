"""Fit the model that keeps a mention of a concern no objection entry covers from being absorbed by
the closest entry (:mod:`knowledge.objections.absorb`), and measure it leave-one-corpus-out.

Input: the rows of ``bench/absorb_features.py`` (every mention reaching assignment on the development
corpora with its features and label). Target: the mention's labelled turn is a ``new:`` concern (1)
or a known objection's turn or no labelled turn (0). Logistic regression (scikit-learn, L2, C given).
For each corpus, the model fitted on the others is scored on it (AUC, and at the threshold how many
new-concern, known and stray mentions it keeps apart); then the model fitted on all is written.

    python bench/train_absorb.py --rows /tmp/absorb.json                     # LOCO figures only
    python bench/train_absorb.py --rows /tmp/absorb.json --write             # and data/absorb.json
    python bench/train_absorb.py --rows /tmp/absorb.json --loco-dir /tmp/m   # a model per left-out corpus
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from knowledge.objections.absorb import ABSORB_MODEL_PATH, FEATURES  # noqa: E402


def fit(rows: list[dict[str, Any]], c: float) -> tuple[list[float], float]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    X = np.asarray([[r[f] for f in FEATURES] for r in rows], np.float64)
    y = np.asarray([target(r) for r in rows])
    lr = LogisticRegression(C=c, max_iter=5000)
    lr.fit(X, y)
    return [float(w) for w in lr.coef_[0]], float(lr.intercept_[0])


def target(r: dict[str, Any]) -> int:
    return int(bool(r["label"]) and r["label"].startswith("new:"))


def probability(rows: list[dict[str, Any]], w: list[float], b: float) -> Any:
    import numpy as np

    X = np.asarray([[r[f] for f in FEATURES] for r in rows], np.float64)
    return 1.0 / (1.0 + np.exp(-(X @ np.asarray(w) + b)))


def main() -> None:
    import numpy as np
    from sklearn.metrics import roc_auc_score

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=Path, required=True)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--loco-dir", type=Path)
    args = ap.parse_args()
    rows = [r for r in json.loads(args.rows.read_text(encoding="utf-8")) if not r["optional"]]
    corpora = sorted({r["corpus"] for r in rows})
    for name in corpora:
        train = [r for r in rows if r["corpus"] != name]
        test = [r for r in rows if r["corpus"] == name]
        if len({target(r) for r in train}) < 2:
            # Without this corpus the mentions are all of one kind: no model can be fitted.
            print(f"{name:<10} mentions {len(test):3d}: the other corpora hold one kind of mention only, no model")
            continue
        w, b = fit(train, args.C)
        p = probability(test, w, b)
        y = np.asarray([target(r) for r in test])
        auc = roc_auc_score(y, p) if 0 < y.sum() < len(y) else float("nan")
        apart = p >= args.threshold
        stray = np.asarray([r["label"] is None for r in test])
        print(f"{name:<10} mentions {len(test):3d} new {int(y.sum()):2d} AUC {auc:.2f}  kept apart: new "
              f"{int((apart & (y == 1)).sum())}, known {int((apart & (y == 0) & ~stray).sum())}, "
              f"stray {int((apart & stray).sum())}")
        if args.loco_dir:
            args.loco_dir.mkdir(parents=True, exist_ok=True)
            _write(args.loco_dir / f"{name}.json", w, b, args, [c for c in corpora if c != name])
    if len({target(r) for r in rows}) < 2:
        raise SystemExit("the mentions are all of one kind: no model can be fitted")
    w, b = fit(rows, args.C)
    print("all:", {f: round(x, 3) for f, x in zip(FEATURES, w, strict=True)}, "bias", round(b, 3))
    if args.write:
        _write(ABSORB_MODEL_PATH, w, b, args, corpora)


def _write(path: Path, w: list[float], b: float, args: Any, corpora: list[str]) -> None:
    path.write_text(json.dumps({
        "features": list(FEATURES), "weights": [round(x, 4) for x in w], "bias": round(b, 4),
        "threshold": args.threshold, "C": args.C,
        "provenance": "bench/train_absorb.py on the mentions bench/absorb_features.py reads from the development "
                      f"corpora {', '.join(corpora)} (real model, shipped settings): 1 = a new: concern's turn, "
                      "0 = a known objection's turn or no labelled turn; optional turns left out",
    }, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
