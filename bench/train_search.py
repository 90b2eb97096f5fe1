"""Fit the search ranker (``knowledge/search_ranker.json``) on labelled question sets, with a
leave-one-corpus-out evaluation.

    .venv/bin/python bench/train_search.py [--train northwind,example,real-labelled,phenomena,case-studies]
        [--score real,phenomena,case-studies] [--let-pass K] [--write]

For every question of the training sets, the candidates that ``knowledge.search.retrieve`` finds
become rows: their features, and label 1 when the entry is one of the question's expected entries
(0 for every candidate of an unanswerable question). A logistic regression with an L2 penalty is
fitted by Newton's method; the relevance floor is the probability that best separates the best
candidate of answerable questions from that of unanswerable ones (midway, in log-odds, between the
two groups when they separate; else the lowest that rejects every unanswerable question). The
floor reads the ranker's best score too, so the ranker is applied to the training questions
before the floor is fitted (``--cross``: with scores from rankers fitted without that set instead).
``--compare-floors`` scores other sets of floor features, each set left out in turn; with
``--maxsim`` the features may include the MaxSim signals of ``bench/maxsim.py`` (``ms_*``: the
question's content words against the best passages' token states), their AUCs are printed, and
every fold, ``--score`` sets included, is scored; ``--curve 0,1,2,...`` prints the pooled trade-off
(unanswerable reported against answerable answered) for each ``--let-pass`` value. Result
(README, "Search: how answers are ranked", sixth pass, the question read against the passage): no
MaxSim signal moves the trade-off; the shipped floor does not read them.

Leave-one-corpus-out: the model and floor fitted on all training sets but one are scored on the one
left out (hit@1, hit@3, MRR after governance, unanswerable questions left unanswered, answerable
questions answered). ``--score`` sets are never fitted on: each is scored with the model fitted on
all training sets (by default ``real``, fresh questions on the real handbook pages, and the
phenomena and case-studies sets, which the shipped model was not fitted on). larkspur is
never a training set nor scored here: it is the final exam.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(REPO))

L2 = 1.0
EXPLAIN = "--explain" in sys.argv
CROSS = "--cross" in sys.argv
NEAR = 10  # the passages nearest in meaning that the floor's word coverage reads


def collect(corpus: str, embedder: Any) -> list[dict[str, Any]]:
    """One item per question: its label data and its candidates' features."""
    from ingest.pipeline import ingest
    from knowledge.search import figure_facts, retrieve
    from knowledge.settings import load_settings
    from knowledge.store import open_catalog
    from tests.search_questions import copy_kb, load_questions

    kb = copy_kb(corpus, REPO / "bench" / "out" / "search" / corpus)
    settings = load_settings(kb)
    ingest(settings)
    catalog = open_catalog(settings)  # kept open: evaluation reads figure owners from it
    facts = figure_facts(catalog)
    items = []
    for q in load_questions(corpus):
        cands, idf = retrieve(settings, catalog, q.q, embedder)
        items.append({"corpus": corpus, "question": q, "cands": cands, "idf": idf, "facts": facts,
                      "catalog": catalog})
    return items


def annotate_maxsim(items: list[dict[str, Any]], embedder: Any, states: Any) -> None:
    """Give every candidate what the MaxSim floor signals (``bench/maxsim.py``) need: the
    question, its IDF, and the passages nearest in meaning. The signals themselves are computed
    when the floor asks (``maxsim_floor_features``), since which candidates are best depends on the
    ranker of each fold."""
    import numpy as np

    import knowledge.search as ks

    if not items:
        return
    catalog = items[0]["catalog"]
    vindex = ks._vector_index(catalog, int(catalog.get_meta("dim")))
    assert vindex is not None
    qvecs = embedder.embed([it["question"].q for it in items])
    for it, qvec in zip(items, qvecs, strict=True):
        sims = vindex.matrix @ np.asarray(qvec, dtype=np.float32)
        near = [vindex.chunks[i] for i in np.argsort(-sims)[:NEAR].tolist()]
        ctx = {"q": it["question"].q, "idf": it["idf"], "near": near, "memo": {}, "states": states}
        for c in it["cands"]:
            c.maxsim = ctx
    states.ensure([it["question"].q for it in items] + [c.text for c in vindex.chunks])


_base_floor_features: Any = None


def maxsim_floor_features(cands: list[Any]) -> dict[str, float]:
    """The floor's signals with the MaxSim ones added (for the candidates ranked by this fold's
    ranker)."""
    from bench.maxsim import question_signals

    f = dict(_base_floor_features(cands))
    ctx = getattr(cands[0], "maxsim", None) if cands else None
    if ctx is not None:
        ranked = sorted(cands, key=lambda c: -c.score)[:3]
        key = tuple(c.path for c in ranked)
        if key not in ctx["memo"]:
            ctx["memo"][key] = question_signals(ctx["q"], ctx["idf"], ranked, ctx["near"], ctx["states"])
        f.update(ctx["memo"][key])
    return f


def auc(pos: list[float], neg: list[float]) -> float:
    if not pos or not neg:
        return float("nan")
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def loso(data: dict[str, list[dict[str, Any]]], corpora: list[str], scored: list[str], let_pass: int,
         show: bool = True) -> tuple[int, int, int, int]:
    """Each fitting set left out in turn (ranker and floor fitted on the others), the ``scored``
    sets with the fit on all: per-set figures, and the pooled (unanswerable reported, of,
    answerable answered, of)."""
    totals = [0, 0, 0, 0]
    folds = [(held, [c for c in corpora if c != held]) for held in corpora] + [(c, corpora) for c in scored]
    for held, fit_on in folds:
        train = [it for c in fit_on for it in data[c]]
        w, b = fit(train)
        apply(train, w, b)
        fl = fit_floor(train, let_pass)
        apply(data[held], w, b)
        s = evaluate(data[held], fl)
        n_una = sum(it["question"].unanswerable for it in data[held])
        n_ans = len(data[held]) - n_una
        totals[0] += round(s["unanswered"] * n_una)
        totals[1] += n_una
        totals[2] += round(s["answered"] * n_ans)
        totals[3] += n_ans
        if show:
            tag = "held out" if held in corpora else "never fitted"
            print(f"  {held + ' (' + tag + ')':<28} {s['hit@1']:.2f} / {s['hit@3']:.2f} / {s['mrr']:.2f}, "
                  f"{s['unanswered']:.2f} / {s['answered']:.2f}")
    if show:
        print(f"  pooled: unanswerable reported {totals[0]}/{totals[1]}, answerable answered {totals[2]}/{totals[3]}",
              flush=True)
    return totals[0], totals[1], totals[2], totals[3]


def signal_aucs(data: dict[str, list[dict[str, Any]]], corpora: list[str], scored: list[str],
                signals: list[str]) -> None:
    """How well each floor signal alone tells answerable from unanswerable questions, per set (the
    ranker fitted without the set) and pooled."""
    import knowledge.search as ks

    pooled: dict[str, tuple[list[float], list[float]]] = {s: ([], []) for s in signals}
    print(f"{'AUC':<15}" + "".join(f"{s[:17]:>18}" for s in signals))
    for held in corpora + scored:
        train = [it for c in corpora if c != held for it in data[c]]
        apply(data[held], *fit(train))
        vals: dict[str, tuple[list[float], list[float]]] = {s: ([], []) for s in signals}
        for it in data[held]:
            f = ks.floor_features(it["cands"])
            side = 1 if it["question"].unanswerable else 0
            for s in signals:
                vals[s][side].append(f[s])
                pooled[s][side].append(f[s])
        print(f"{held:<15}" + "".join(f"{auc(*vals[s]):>18.2f}" for s in signals))
    print(f"{'pooled':<15}" + "".join(f"{auc(*pooled[s]):>18.2f}" for s in signals))
    for s in signals:
        p, n = pooled[s]
        print(f"  {s:<19} median answerable {sorted(p)[len(p) // 2]:.3f}, unanswerable {sorted(n)[len(n) // 2]:.3f}")


def matrix(items: list[dict[str, Any]]) -> tuple[Any, Any]:
    import numpy as np

    from knowledge.search import FEATURES

    xs, ys = [], []
    for it in items:
        for c in it["cands"]:
            xs.append([c.features[f] for f in FEATURES])
            ys.append(1.0 if c.entry.id in it["question"].expected else 0.0)
    return np.array(xs), np.array(ys)


def newton(x: Any, y: Any, sample_weight: Any = None) -> tuple[Any, float]:
    """L2-penalised logistic regression (the bias unpenalised), by Newton's method."""
    import numpy as np

    sw = np.ones(len(y)) if sample_weight is None else sample_weight
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], L2)
    reg[-1] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (sw * (p - y)) + reg * w
        hess = xb.T @ (xb * (sw * p * (1 - p))[:, None]) + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def fit(items: list[dict[str, Any]]) -> tuple[Any, float]:
    x, y = matrix(items)
    return newton(x, y)


def floor_rows(items: list[dict[str, Any]]) -> tuple[Any, Any]:
    import numpy as np

    from knowledge.search import FLOOR_FEATURES, floor_features

    x = np.array([[floor_features(it["cands"])[f] for f in FLOOR_FEATURES] for it in items])
    y = np.array([0.0 if it["question"].unanswerable else 1.0 for it in items])
    return x, y


def fit_floor(items: list[dict[str, Any]], let_pass: int = 0) -> tuple[Any, float]:
    """Question level: does anything answer? Classes weighted to balance: unanswerable questions
    are few, and reporting one as answered is the costlier mistake. The bias is then moved so that
    the decision boundary lies midway (in log-odds) between the highest-scoring unanswerable
    question and the next answerable one above it: every unanswerable training question falls
    below the floor, with as wide a margin as the data allow."""
    import numpy as np

    x, y = floor_rows(items)
    n, pos = len(y), float(y.sum())
    sw = np.where(y == 1, n / (2 * pos), n / (2 * (n - pos)))
    w, b = newton(x, y, sw)
    z = x @ w + b
    top_unanswerable = float(np.sort(z[y == 0])[::-1][min(let_pass, int((y == 0).sum()) - 1)])
    above = z[(y == 1) & (z > top_unanswerable)]
    boundary = (top_unanswerable + float(above.min())) / 2 if len(above) else top_unanswerable + 1e-3
    return w, b - boundary


def apply(items: list[dict[str, Any]], weights: Any, bias: float) -> None:
    from knowledge.search import FEATURES

    for it in items:
        for c in it["cands"]:
            z = bias + sum(float(wt) * c.features[f] for wt, f in zip(weights, FEATURES, strict=True))
            c.score = 1 / (1 + math.exp(-max(min(z, 40), -40)))


def evaluate(items: list[dict[str, Any]], floor: tuple[Any, float]) -> dict[str, float]:
    from knowledge.passage import asked_kinds
    from knowledge.search import (
        _FIGURE_QUESTION,
        FLOOR_FEATURES,
        floor_features,
        govern,
        registered_first,
    )

    ranks, una_ok, ans_ok = [], [], []
    for it in items:
        cands = list(it["cands"])
        f = floor_features(cands)
        z = floor[1] + sum(float(w) * f[k] for w, k in zip(floor[0], FLOOR_FEATURES, strict=True))
        answered = z >= 0.0  # probability 0.5
        if EXPLAIN and it["question"].unanswerable:
            print(f"   unanswerable z={z:.2f} {it['question'].q!r}")
        if it["question"].unanswerable:
            una_ok.append(not answered)
            continue
        ans_ok.append(answered)
        ordered = govern(cands)
        q = it["question"].q
        if _FIGURE_QUESTION.search(q):
            ordered = registered_first(ordered, it["facts"], it["idf"], it["catalog"], asked_kinds(q))
        ordered = ordered[:5] if answered else []
        rank = next((i for i, c in enumerate(ordered, 1) if c.entry.id in it["question"].expected), None)
        ranks.append(rank)
        if EXPLAIN and rank != 1:
            top = [(c.entry.id, round(c.score, 2)) for c in ordered[:3]]
            print(f"   rank {rank} answered={answered} z={z:.2f} {it['question'].q!r} {top}")
    n = max(len(ranks), 1)
    return {"hit@1": sum(r == 1 for r in ranks) / n, "hit@3": sum(1 for r in ranks if r and r <= 3) / n,
            "mrr": sum(1 / r for r in ranks if r) / n, "unanswered": sum(una_ok) / max(len(una_ok), 1),
            "answered": sum(ans_ok) / max(len(ans_ok), 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    # The shipped model's sets: phenomena and case-studies are scored held out unless named here
    # (the README's five-set figures: --train northwind,example,real-labelled,phenomena,case-studies).
    ap.add_argument("--train", default="northwind,example,real-labelled")
    ap.add_argument("--score", default="real,phenomena,case-studies",
                    help="held-out sets, scored with the model fitted on all --train sets")
    ap.add_argument("--write", action="store_true", help="write knowledge/search_ranker.json")
    ap.add_argument("--let-pass", type=int, default=0, metavar="K",
                    help="place the floor above all but the K highest-scoring training unanswerable questions")
    ap.add_argument("--explain", action="store_true", help="list misses and the floor's margins")
    ap.add_argument("--cross", action="store_true", help="fit the floor on cross-fitted ranker scores")
    ap.add_argument("--compare-floors", default="", metavar="F,F;F,F",
                    help="also score these sets of floor features, each left out in turn")
    ap.add_argument("--maxsim", action="store_true",
                    help="offer the MaxSim floor signals of bench/maxsim.py (ms_*) to --compare-floors and --curve")
    ap.add_argument("--curve", default="", metavar="K,K,...",
                    help="with --compare-floors: the pooled trade-off (unanswerable reported, answerable "
                         "answered) over the fitting sets left out in turn and the --score sets, per --let-pass K")
    args = ap.parse_args()
    corpora = args.train.split(",")
    scored = [c for c in args.score.split(",") if c and c not in corpora]
    if "larkspur" in corpora + scored:
        sys.exit("larkspur is the final exam: it is never trained on or scored here")
    if "real" in corpora:
        sys.exit("real is the held-out question set on the real pages: it is never trained on")

    from knowledge.embedding import get_embedder
    from knowledge.search import FEATURES, FLOOR_FEATURES

    embedder = get_embedder("query")
    data = {c: collect(c, embedder) for c in corpora + scored}

    import knowledge.search as ks

    if args.maxsim:
        import time

        from bench.maxsim import FLOOR_SIGNALS, TokenStates

        global _base_floor_features
        states = TokenStates(embedder)
        t0 = time.perf_counter()
        for c in corpora + scored:
            annotate_maxsim(data[c], embedder, states)
        states.save()
        print(f"token states: {states.computed} texts computed in {states.seconds:.1f} s "
              f"({time.perf_counter() - t0:.1f} s with the cache)", flush=True)
        _base_floor_features = ks.floor_features
        ks.floor_features = maxsim_floor_features  # type: ignore[assignment]
        signal_aucs(data, corpora, scored, [*FLOOR_FEATURES, *FLOOR_SIGNALS])

    if args.curve:
        for alt in args.compare_floors.split(";"):
            ks.FLOOR_FEATURES = tuple(alt.split(","))  # type: ignore[misc]
            print(f"trade-off, floor features {alt}:")
            for k in (int(x) for x in args.curve.split(",")):
                una, n_una, ans, n_ans = loso(data, corpora, scored, k, show=False)
                print(f"  --let-pass {k}: unanswerable reported {una}/{n_una}, answerable answered {ans}/{n_ans}",
                      flush=True)
        ks.FLOOR_FEATURES = FLOOR_FEATURES  # type: ignore[misc]

    for alt in args.compare_floors.split(";") if args.compare_floors and args.maxsim else []:
        ks.FLOOR_FEATURES = tuple(alt.split(","))  # type: ignore[misc]
        print(f"floor features {alt} (--let-pass {args.let_pass}):")
        loso(data, corpora, scored, args.let_pass)
    for alt in args.compare_floors.split(";") if args.compare_floors and not args.maxsim else []:
        ks.FLOOR_FEATURES = tuple(alt.split(","))  # type: ignore[misc]
        print(f"floor features {alt}:")
        for held in corpora:
            train = [it for c in corpora if c != held for it in data[c]]
            w, b = fit(train)
            if CROSS:
                for c in corpora:
                    if c != held:
                        others = [it for o in corpora if o not in (c, held) for it in data[o]]
                        apply(data[c], *fit(others))
            else:
                apply(train, w, b)
            fl = fit_floor(train, args.let_pass)
            apply(data[held], w, b)
            s = evaluate(data[held], fl)
            print(f"  {held + ' (held out)':<22} {s['hit@1']:>6.2f} {s['hit@3']:>6.2f} {s['mrr']:>6.2f} "
                  f"{s['unanswered']:>6.2f} {s['answered']:>6.2f}")
    ks.FLOOR_FEATURES = FLOOR_FEATURES  # type: ignore[misc]

    print(f"{'scored on':<22} {'hit@1':>6} {'hit@3':>6} {'MRR':>6} {'unans':>6} {'answd':>6}")
    for held in corpora if len(corpora) > 1 else []:
        train = [it for c in corpora if c != held for it in data[c]]
        w, b = fit(train)
        apply(train, w, b)  # the floor reads the ranker's best score
        fl = fit_floor(train, args.let_pass)
        apply(data[held], w, b)
        s = evaluate(data[held], fl)
        print(f"{held + ' (held out)':<22} {s['hit@1']:>6.2f} {s['hit@3']:>6.2f} {s['mrr']:>6.2f} "
              f"{s['unanswered']:>6.2f} {s['answered']:>6.2f}")

    everything = [it for c in corpora for it in data[c]]
    w, b = fit(everything)
    apply(everything, w, b)
    fl = fit_floor(everything, args.let_pass)
    for c in corpora:
        s = evaluate(data[c], fl)
        print(f"{c + ' (in training)':<22} {s['hit@1']:>6.2f} {s['hit@3']:>6.2f} {s['mrr']:>6.2f} "
              f"{s['unanswered']:>6.2f} {s['answered']:>6.2f}")
    for c in scored:
        apply(data[c], w, b)
        s = evaluate(data[c], fl)
        print(f"{c + ' (never fitted)':<22} {s['hit@1']:>6.2f} {s['hit@3']:>6.2f} {s['mrr']:>6.2f} "
              f"{s['unanswered']:>6.2f} {s['answered']:>6.2f}")
    model = {
        "weights": {f: round(float(x), 4) for f, x in zip(FEATURES, w, strict=True)},
        "bias": round(b, 4),
        "floor": {"weights": {f: round(float(x), 4) for f, x in zip(FLOOR_FEATURES, fl[0], strict=True)},
                  "bias": round(fl[1], 4), "threshold": 0.5},
        "trained_on": [f"tests/data/questions/{c}.yaml" for c in corpora],
        "rows": int(sum(len(it["cands"]) for it in everything)),
        "l2": L2,
        "fitted": date.today().isoformat(),
        "by": "bench/train_search.py",
    }
    print(json.dumps(model, indent=1))
    if args.write:
        (REPO / "knowledge" / "search_ranker.json").write_text(json.dumps(model, indent=1) + "\n")


if __name__ == "__main__":
    main()
