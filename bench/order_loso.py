"""The order term of pass 24 (bench/ACCURACY.md, "Search"), judged leave-one-set-out: one weight per
feature of ``ORDER_FEATURES`` (read here on the collected candidates: the term was measured and not
shipped, so ``knowledge/`` does not compute it), fitted *frozen* (the shipped ranker's log-odds the
offset, its weights and bias kept, each new weight held at zero or above) on the candidates of the
answerable questions of every development set but the one left out, then added to each
candidate's log-odds after the floor has read the shipped score; ``real`` is scored with the fit
on all the others.

    .venv/bin/python bench/order_loso.py SET [SET ...] [--figure-only] [--json OUT]

Prints hit@1 / hit@3 / MRR / unanswerable reported per set, shipped and with the term (held out,
then fitted on all, what would ship), the pooled figures and the questions whose first entry
moves. Pass set names explicitly (never the held-out sets or larkspur).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(REPO))

from bench.accuracy import HELD_OUT  # noqa: E402
from bench.train_search import L2, collect, first_rank, price_unstated  # noqa: E402

SCORED_ONLY = ("real",)
ORDER_FEATURES = ("metric_coverage",)


def metric_coverage(catalog: Any, cands: list[Any], idf: dict[str, float]) -> dict[str, float]:
    """Per candidate's path, the largest share of the question's IDF mass that one of the entry's
    registered metrics holds (its metric passage as the index keeps it: the entry's title, the
    metric's name and value), words matched as the floor's passage coverage matches them. A page
    that restates a figure in prose registers nothing and reads 0; the entry owning the figure
    holds the question's words in the figure's name."""
    from knowledge.search import _chunk_coverage
    from knowledge.store import Chunk

    paths = [c.path for c in cands]
    if not paths or not idf:
        return {}
    marks = ",".join("?" * len(paths))
    rows = catalog.db.execute(f"SELECT * FROM chunks WHERE kind = 'metric' AND path IN ({marks})", paths).fetchall()
    return _chunk_coverage([Chunk(*r) for r in rows], idf)


def annotate(items: list[dict[str, Any]]) -> None:
    """Each candidate's order features, added to its features (the shipped ranker weighs none)."""
    for it in items:
        share = metric_coverage(it["catalog"], it["cands"], it["idf"])
        for c in it["cands"]:
            c.features["metric_coverage"] = share.get(c.path, 0.0)


def logit(features: dict[str, float]) -> float:
    """The shipped ranker's log-odds for a candidate."""
    from knowledge.search import load_ranker

    return load_ranker().log_odds(features)


def order_rows(items: list[dict[str, Any]], figure_only: bool) -> tuple[list[list[float]], list[float], list[float]]:
    """Per candidate of an answerable question: the order features, whether it is expected, and the
    shipped ranker's log-odds (the offset)."""
    import knowledge.search as ks

    xs, ys, offs = [], [], []
    for it in items:
        q = it["question"]
        if q.unanswerable or (figure_only and not ks.figure_question_of(q.q)):
            continue
        for c in it["cands"]:
            xs.append([c.features.get(f, 0.0) for f in ORDER_FEATURES])
            ys.append(1.0 if c.entry.id in q.expected else 0.0)
            offs.append(logit(c.features))
    return xs, ys, offs


def fit_order(items: list[dict[str, Any]], figure_only: bool) -> list[float]:
    """The order weights (each at zero or above; L2 as the ranker's fit) with the shipped log-odds
    as the offset, by projected Newton steps."""
    import numpy as np

    xs, ys, offs = order_rows(items, figure_only)
    x, y, off = np.array(xs), np.array(ys), np.array(offs)
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(off + x @ w, -40, 40)))
        grad = x.T @ (p - y) + L2 * w
        hess = x.T @ (x * (p * (1 - p))[:, None]) + L2 * np.eye(len(w))
        new = np.maximum(w - np.linalg.solve(hess, grad), 0.0)
        done = np.abs(new - w).max() < 1e-9
        w = new
        if done:
            break
    return [float(v) for v in w]


def judge_set(items: list[dict[str, Any]], weights: list[float], figure_only: bool) -> tuple[dict[str, float], dict[str, Any]]:
    """Counts for one set with the order term of ``weights`` (all zero: the shipped search), and
    each answerable question's first entry."""
    import knowledge.search as ks

    ranker = ks.load_ranker()
    n = {"ans": 0, "una": 0, "hit1": 0.0, "hit3": 0.0, "rr": 0.0, "reported": 0}
    firsts: dict[str, Any] = {}
    for it in items:
        q = it["question"]
        for c in it["cands"]:
            c.score = ranker.score(c.features)
        confidence = ranker.answerable(ks.floor_features(it["cands"]))
        if any(weights) and not (figure_only and not ks.figure_question_of(q.q)):
            for c in it["cands"]:
                term = sum(w * c.features.get(f, 0.0) for w, f in zip(weights, ORDER_FEATURES, strict=True))
                c.score = 1 / (1 + math.exp(-max(min(logit(c.features) + term, 40), -40)))
        answered = confidence >= ranker.threshold and not price_unstated(it)
        if q.unanswerable:
            n["una"] += 1
            n["reported"] += not answered
            continue
        rank = first_rank(it)
        n["ans"] += 1
        firsts[q.q] = (rank, answered)
        if answered and rank:
            n["hit1"] += rank == 1
            n["hit3"] += rank <= 3
            n["rr"] += 1 / rank
    return n, firsts


def fmt(n: dict[str, float]) -> str:
    a = max(n["ans"], 1)
    return f"{n['hit1'] / a:.2f} / {n['hit3'] / a:.2f} / {n['rr'] / a:.2f} / {n['reported']}/{n['una']}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpora", nargs="+")
    ap.add_argument("--figure-only", action="store_true", help="the term on figure questions only (M2)")
    ap.add_argument("--json", type=Path, default=None, help="write the per-set counts here")
    args = ap.parse_args()
    if set(HELD_OUT) & set(args.corpora):
        sys.exit("the final exam is never read here")

    from knowledge.embedding import get_embedder

    embedder = get_embedder("query")
    data = {c: collect(c, embedder) for c in args.corpora}
    for items in data.values():
        annotate(items)
    fitting = [c for c in args.corpora if c not in SCORED_ONLY]
    on_all = fit_order([it for c in fitting for it in data[c]], args.figure_only)
    print(f"fitted on all {len(fitting)}: {on_all}")
    out: dict[str, Any] = {}
    for c in args.corpora:
        w = on_all if c in SCORED_ONLY else fit_order([it for s in fitting if s != c for it in data[s]], args.figure_only)
        before, f0 = judge_set(data[c], [0.0] * len(w), args.figure_only)
        held, f1 = judge_set(data[c], w, args.figure_only)
        shipped, _ = judge_set(data[c], on_all, args.figure_only)
        out[c] = {"before": before, "held": held, "all": shipped, "weights": w}
        print(f"{c:<14} before {fmt(before)}  held out {fmt(held)}  fitted on all {fmt(shipped)}  w {w}")
        for q, (r0, a0) in f0.items():
            r1, a1 = f1[q]
            if (r0 == 1 and a0) != (r1 == 1 and a1) or r0 != r1:
                print(f"    {r0}->{r1} {'answered' if a1 else 'silenced'}  {q}")
    for key in ("before", "held", "all"):
        pool = {k: sum(out[c][key][k] for c in out) for k in ("ans", "una", "hit1", "hit3", "rr", "reported")}
        print(f"pooled {key}: first {int(pool['hit1'])}/{pool['ans']}, hit@3 {int(pool['hit3'])}, "
              f"MRR {pool['rr'] / pool['ans']:.3f}, reported {pool['reported']}/{pool['una']}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
