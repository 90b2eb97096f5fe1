"""Fit the search ranker and relevance floor (``knowledge/search_ranker.json``) on labelled
question sets, with a leave-one-set-out evaluation.

    .venv/bin/python bench/train_search.py [--train SETS] [--ranker-train SETS|all] [--rate 0.75]
        [--score SETS] [--let-pass K] [--freeze PREVIOUS_JSON] [--write] [--rules SPEC;SPEC [--insample]]
        [--kb-signals [--kb-levels generic,sentence]]

For every question of the training sets, the candidates that ``knowledge.search.retrieve`` finds
become rows: their features, and label 1 when the entry is one of the question's expected entries
(0 for every candidate of an unanswerable question). A logistic regression with an L2 penalty is
fitted by Newton's method on the ``--ranker-train`` sets (by default the three it has been fitted
on since the second pass). The relevance floor is a second, question-level logistic model over
``knowledge.search.FLOOR_FEATURES`` (the ranker's best score among them, so the ranker is applied
first), fitted on every ``--train`` set with classes weighted to balance; its boundary is placed so
that ``--rate`` of the training unanswerable questions fall below it (midway, in log-odds, between
the highest of those and the next answerable question above it). ``--let-pass K`` places it above all
but K of them instead (K = 0 was the rule up to the sixth pass).

Judged leave-one-set-out: each ``--train`` set left out in turn (ranker and floor fitted on the
others), per set worst hit@1 first and pooled; ``--score`` sets are never fitted on and are scored
with the fit on all ``--train`` sets. ``--rules`` judges other ways of fitting and placing the floor
the same way (``FloorRule``: cross-fitted ranker scores, the target "first result right", calibrated
probabilities, the placement that gets most training questions right, the shipped weights
re-placed, KB-level signals); bench/ACCURACY.md's seventh pass gives the results. ``--compare-floors``,
``--maxsim`` and ``--curve`` are the earlier passes' tools (sixth pass: the MaxSim signals of
``bench/maxsim.py``; no MaxSim signal moves the trade-off and the shipped floor does not read them).
larkspur is never a training set nor scored here: it is the final exam. ``real`` is only scored
(its pages are real-labelled's); the blind sets of the fifth and sixth rounds are scored by default
and may be fitted on (pass 12 measured it and kept the eleven). ``--freeze`` keeps the floor weights
of a previous model for the signals it has and fits only the new ones and the bias, so that a new
signal moves only the questions it marks (how ``asks_reply`` was fitted in pass 12; both of that pass's
signals were kept off at merge, so the shipped floor reads ``knowledge.search.FLOOR_FEATURES`` only).
The seventh round's blind question sets (fernhollow, saltmarsh, wickerby, pellucid) are development
sets since pass 13: scored held out by default (``--score``), and may be fitted on. ``--rules`` with
``freeze=penalty:F`` fits the floor without F as usual, then only F's weight, held at zero or below,
with that floor's placed log-odds as the offset: a signal that can only lower confidence, so that no
question it does not mark moves (pass 13: ``absent_named``). A rule's ``fit_sets`` fits on those of the
``--train`` sets only and scores the rest as ``--score`` sets, so that a model fitted on fewer sets is
judged beside one fitted on all in one run; ``--dump`` writes each rule's per-set counts (pass 16).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(REPO))

L2 = 1.0
# What the shipped model is fitted on (bench/ACCURACY.md, seventh pass). The ranker keeps the three sets it was
# fitted on: refitted on all eleven, its order was no better on the sets new to both (222 against
# 223 of 248 first, held out) and worse on `real` (25 against 27 of 31). The floor is fitted on all
# eleven, its boundary placed above three in four of their unanswerable questions: held out, that
# share carried over (60 of 81 reported), where "above every one" silenced most answers.
RANKER_SETS = ("northwind", "example", "real-labelled")
FLOOR_SETS = ("northwind", "example", "real-labelled", "phenomena", "case-studies", "kittiwake", "sablewood",
              "haulwise", "quayside", "quillpay", "proscenia")
# Since pass 15 the shipped floor is placed above 70% with ``absent_named`` as a penalty (``--rate 0.70
# --penalty absent_named``): judged on the sets never fitted on and left out, it put more right entries
# first and reported more unanswerable questions than 75% without it, no set more than one question worse.
RATE = 0.75
# Scored with the fit on the fitting sets by default: real (other questions on real-labelled's
# pages; never fitted on), and the sets written blind in the fifth to eleventh rounds, development sets
# once their round was judged (they may be named in --train). Fitting the floor on the fifth and sixth
# rounds' five as well was measured in pass 12 (bench/ACCURACY.md) and not kept; on all twenty in pass
# 13, likewise; pass 16 measures it again on all twenty-nine, each left out in turn.
SCORED_SETS = ("real", "gridwell", "docketry", "cobbleway", "brightmoor", "ravelin", "fernhollow", "saltmarsh",
               "wickerby", "pellucid", "hearthstead", "bramblecote", "cinderwell", "lanternfield",
               "kelpmoor", "axlewood", "inkberry", "hoistley", "tallowgate", "mashcroft", "netherby", "plottwick",
               "quarrywell", "mothwick", "yewcombe", "snowlark", "lockfern", "kilnmere", "brackenford", "moorquay",
               "linnethill", "corriebank", "rookhaven", "saffronleigh", "thornwick", "pebblecroft", "gullrock",
               "hazelmere", "ashcombe", "brinkwater", "tidewell", "copperlane", "oxlease", "ferrisdale", "gavelbury",
               "pennock", "dunmarrow", "lutecombe", "hivebury", "assaymoor", "apronfield", "wardenholt", "cradlewick",
               "shaftmere")
# Sets kept blind (never fitted on, never scored by default). The seventh round's (fernhollow,
# saltmarsh, wickerby, pellucid) are development sets since pass 13, the eighth round's (hearthstead,
# bramblecote, cinderwell, lanternfield) since pass 14 and the ninth round's (kelpmoor, axlewood,
# inkberry, hoistley) since pass 16 (bench/ACCURACY.md, "Search"), the tenth round's (tallowgate,
# mashcroft, netherby, plottwick) since the eleventh round and the eleventh round's (quarrywell,
# mothwick, yewcombe, snowlark) since the twelfth, and the twelfth round's (lockfern, kilnmere,
# brackenford, moorquay) since the thirteenth and the thirteenth round's (linnethill, corriebank,
# rookhaven, saffronleigh) since the fourteenth and the fourteenth round's (thornwick, pebblecroft,
# gullrock, hazelmere) since the fifteenth and the fifteenth round's (ashcombe, brinkwater, tidewell,
# copperlane) since the sixteenth and the sixteenth round's (oxlease, ferrisdale, gavelbury, pennock)
# since the seventeenth and the seventeenth round's (dunmarrow, lutecombe, hivebury, assaymoor) since the
# eighteenth and the eighteenth round's (apronfield, wardenholt, cradlewick, shaftmere) since the
# nineteenth, whose four (lidwell, treadholme, sleeperton, panelford) are held out from its work
# (bench/accuracy.py HELD_OUT).
BLIND_SETS: tuple[str, ...] = ("lidwell", "treadholme", "sleeperton", "panelford")
EXPLAIN = "--explain" in sys.argv
CROSS = "--cross" in sys.argv
NEAR = 10  # the passages nearest in meaning that the floor's word coverage reads
# The floor's rules judge with ``knowledge.search.price_unstated`` on, as ``canon ask`` runs (the
# switch knowledge.search.PRICE_CHECK=0 judges without it).


def collect(corpus: str, embedder: Any) -> list[dict[str, Any]]:
    """One item per question: its label data and its candidates' features."""
    from ingest.pipeline import ingest
    from knowledge.search import _has_typed_entries, figure_facts, retrieve
    from knowledge.settings import load_settings
    from knowledge.store import open_catalog
    from tests.search_questions import copy_kb, load_questions

    kb = copy_kb(corpus, REPO / "bench" / "out" / "search" / corpus)
    settings = load_settings(kb)
    ingest(settings)
    catalog = open_catalog(settings)  # kept open: evaluation reads figure owners from it
    facts = figure_facts(catalog)
    n_chunks = int(catalog.db.execute("SELECT COUNT(*) FROM chunks WHERE kind IN ('title','section','metric',"
                                      "'example')").fetchone()[0])
    kb = {"kb_log_chunks": math.log10(max(n_chunks, 1)), "kb_typed": float(_has_typed_entries(catalog))}
    items = []
    for q in load_questions(corpus):
        cands, idf = retrieve(settings, catalog, q.q, embedder)
        for c in cands:
            c.kb = kb  # type: ignore[attr-defined]
        items.append({"corpus": corpus, "question": q, "cands": cands, "idf": idf, "facts": facts,
                      "catalog": catalog, "settings": settings})
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
_kb_base: Any = None
_figure_base: Any = None


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
    w = _newton_with_bias(np.hstack([x, np.ones((len(x), 1))]), y, sw, 0.0)
    return w[:-1], float(w[-1])


def _newton_with_bias(xb: Any, y: Any, sw: Any, offset: Any) -> Any:
    """The weights of ``xb`` (its last column the bias, unpenalised; L2 on the rest) with ``offset``
    added to the log-odds, by Newton's method."""
    import numpy as np

    w = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], L2)
    reg[-1] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-(offset + xb @ w)))
        grad = xb.T @ (sw * (p - y)) + reg * w
        hess = xb.T @ (xb * (sw * p * (1 - p))[:, None]) + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def fit_frozen(x: Any, y: Any, sw: Any, feats: tuple[str, ...], path: str | dict[str, float]) -> tuple[Any, float]:
    """The floor's weights with those of ``path``'s floor (or of a dict) kept: the other features'
    weights and the bias fitted (L2 on the weights, the bias free) with the kept ones' log-odds as
    an offset."""
    import numpy as np

    kept = path if isinstance(path, dict) else json.loads(Path(path).read_text())["floor"]["weights"]
    frozen = [i for i, f in enumerate(feats) if f in kept]
    free = [i for i, f in enumerate(feats) if f not in kept]
    offset = x[:, frozen] @ np.array([kept[feats[i]] for i in frozen])
    w = _newton_with_bias(np.hstack([x[:, free], np.ones((len(x), 1))]), y, sw, offset)
    out = np.zeros(len(feats))
    for i in frozen:
        out[i] = kept[feats[i]]
    for j, i in enumerate(free):
        out[i] = w[j]
    return out, float(w[-1])


def penalty_weights(x: Any, y: Any, sw: Any, offset: Any) -> Any:
    """Logistic weights for ``x`` with ``offset`` as the rest of the log-odds and no bias, each
    held at zero or below (projected Newton steps; L2 as elsewhere)."""
    import numpy as np

    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-(offset + x @ w)))
        grad = x.T @ (sw * (p - y)) + L2 * w
        hess = x.T @ (x * (sw * p * (1 - p))[:, None]) + L2 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        new = np.minimum(w - step, 0.0)
        done = np.abs(new - w).max() < 1e-8
        w = new
        if done:
            break
    return w


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
    from knowledge.search import (
        FLOOR_FEATURES,
        floor_features,
    )

    ranks, una_ok, ans_ok = [], [], []
    for it in items:
        cands = list(it["cands"])
        f = floor_features(cands)
        z = floor[1] + sum(float(w) * f[k] for w, k in zip(floor[0], FLOOR_FEATURES, strict=True))
        answered = z >= 0.0 and not price_unstated(it)  # probability 0.5
        if EXPLAIN and it["question"].unanswerable:
            print(f"   unanswerable z={z:.2f} {it['question'].q!r}")
        if it["question"].unanswerable:
            una_ok.append(not answered)
            continue
        ans_ok.append(answered)
        ordered = governed(it)
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


# ---------------------------------------------------------------------------------------------
# How the floor is fitted and placed (bench/ACCURACY.md, seventh pass). A rule names: which ranker scores the
# floor is fitted on (in-sample, or cross-fitted: each training set scored by a ranker fitted
# without it, as a new KB will be), what it learns (anything answers, or the first result is
# right), whether classes are weighted to balance, and where the boundary goes.


@dataclass
class FloorRule:
    name: str = "shipped"
    cross: bool = False  # floor fitted on ranker scores from rankers fitted without each set
    target: str = "answerable"  # or "hit1": answerable and the first result (after governance) right
    balance: bool = True  # classes weighted to balance
    place: str = "pass"  # "pass": above all but let_pass; "rate": a share of training unanswerable
    # questions below; "prob": the calibrated probability at ``prob``; "best": see una_weight;
    # "none": no floor; "shipped": the floor of knowledge/search_ranker.json as it is
    let_pass: int = 0
    rate: float = 1.0
    prob: float = 0.5
    oof: bool = False  # place by out-of-fold floor scores (the floor refitted without each set)
    # "best": the boundary that gets the most training questions right (an answerable one answered
    # with the right entry first, an unanswerable one reported), an unanswerable one counting una_weight
    una_weight: float = 1.0
    ranker: str = "fit"  # "shipped": the ranker of knowledge/search_ranker.json, not refitted (to compare orders)
    floor_weights: str = "fit"  # "shipped": the shipped floor's weights, only its boundary placed by the rule
    ranker_sets: tuple[str, ...] = ()  # fit the ranker on these of the fold's sets only (all when empty)
    features: tuple[str, ...] = ()  # floor features (default: knowledge.search.FLOOR_FEATURES)
    # A ranker JSON whose floor weights are kept as they are for the features it has: only the other
    # features' weights and the bias are fitted, so a new signal moves only the questions it marks.
    # "stage:F+G" does the same within each fold: the floor fitted without F and G first, then their
    # weights and the bias with the others kept (the held-out measure of a frozen fit).
    freeze: str = ""
    # Fit on these of the --train sets only (each left out in turn); the other --train sets are scored
    # with the fit on all of these, as --score sets are (to judge a model fitted on fewer sets beside
    # one fitted on all, in one run: pass 16's R0).
    fit_sets: tuple[str, ...] = ()


def parse_rule(spec: str) -> FloorRule:
    """``name:key=value,key=value`` (keys of FloorRule; features as ``f1+f2``)."""
    name, _, rest = spec.partition(":")
    rule = FloorRule(name=name)
    for kv in filter(None, rest.split(",")):
        k, _, v = kv.partition("=")
        cur = getattr(rule, k)
        if isinstance(cur, bool):
            setattr(rule, k, v in ("1", "true", "yes"))
        elif isinstance(cur, int):
            setattr(rule, k, int(v))
        elif isinstance(cur, float):
            setattr(rule, k, float(v))
        elif isinstance(cur, tuple):
            setattr(rule, k, tuple(v.split("+")))
        else:
            setattr(rule, k, v)
    return rule


def governed(it: dict[str, Any]) -> list[Any]:
    """The candidates in the order ``canon ask`` shows them, by their current scores."""
    from knowledge.passage import asked_kinds
    from knowledge.search import figure_question_of, govern, registered_first, retired_quoted_first

    ordered = govern(list(it["cands"]))
    q = it["question"].q
    if figure_question_of(q):
        ordered = registered_first(ordered, it["facts"], it["idf"], it["catalog"], asked_kinds(q))
    return retired_quoted_first(ordered, q)


def first_rank(it: dict[str, Any]) -> int | None:
    """Rank of the first expected entry in the governed order of the candidates' current scores."""
    ordered = governed(it)[:5]
    return next((i for i, c in enumerate(ordered, 1) if c.entry.id in it["question"].expected), None)


def price_unstated(it: dict[str, Any]) -> bool:
    """``knowledge.search.price_unstated`` for a question of a set (a price question whose first
    results state no amount of money is unanswered, whatever the floor says)."""
    from knowledge.search import price_unstated as unstated

    return unstated(it["question"].q, governed(it))


def _floor_xy(items: list[dict[str, Any]], target: str, feats: tuple[str, ...]) -> tuple[Any, Any, Any]:
    """Floor rows for items whose candidates carry the scores wanted: features, the target, and
    whether each question is answerable."""
    import numpy as np

    import knowledge.search as ks

    x = np.array([[ks.floor_features(it["cands"])[f] for f in feats] for it in items]).reshape(len(items), len(feats))
    ans = np.array([0.0 if it["question"].unanswerable else 1.0 for it in items])
    if target == "hit1":
        y = np.array([1.0 if a and first_rank(it) == 1 else 0.0 for it, a in zip(items, ans, strict=True)])
    else:
        y = ans
    return x, y, ans


def _weights(y: Any, balance: bool) -> Any:
    import numpy as np

    if not balance:
        return np.ones(len(y))
    n, pos = len(y), float(y.sum())
    return np.where(y == 1, n / (2 * pos), n / (2 * (n - pos)))


def _boundary(z: Any, ans: Any, rule: FloorRule, right: Any = None) -> float:
    """Where the floor's log-odds boundary goes, given the training questions' scores ``z`` (and,
    for ``best``, whether each one's first result is right)."""
    import numpy as np

    if rule.place == "prob":
        return math.log(rule.prob / (1 - rule.prob))
    if rule.place == "best":
        order = np.argsort(z)
        zs = z[order]
        cuts = np.concatenate([[zs[0] - 1e-3], (zs[1:] + zs[:-1]) / 2, [zs[-1] + 1e-3]])
        gain = [float(right[z >= t].sum() + rule.una_weight * ((ans == 0) & (z < t)).sum()) for t in cuts]
        best = max(gain)
        # Of equally good boundaries, the middle one (ties are wide where few questions lie).
        picks = [t for t, g in zip(cuts, gain, strict=True) if g == best]
        return float(picks[len(picks) // 2])
    una = np.sort(z[ans == 0])[::-1]
    k = rule.let_pass if rule.place == "pass" else int(math.floor((1 - rule.rate) * len(una) + 1e-9))
    top_unanswerable = float(una[min(k, len(una) - 1)])
    above = z[(ans == 1) & (z > top_unanswerable)]
    return (top_unanswerable + float(above.min())) / 2 if len(above) else top_unanswerable + 1e-3


def fit_rule(data: dict[str, list[dict[str, Any]]], sets: list[str], rule: FloorRule) -> tuple[Any, float, Any]:
    """Ranker and floor fitted on ``sets`` by ``rule``: (ranker weights, bias, (floor weights, bias))."""
    import numpy as np

    from knowledge.search import FLOOR_FEATURES

    LAST_FLOOR.clear()
    feats = rule.features or FLOOR_FEATURES
    train = [it for c in sets for it in data[c]]
    if rule.ranker == "shipped":
        from knowledge.search import FEATURES, load_ranker

        shipped = load_ranker()
        w, b = np.array([shipped.weights[f] for f in FEATURES]), shipped.bias
    else:
        w, b = fit([it for c in sets if not rule.ranker_sets or c in rule.ranker_sets for it in data[c]])
    if rule.place == "none":
        return w, b, (np.zeros(len(feats)), 1.0, feats)
    if rule.place == "shipped":
        from knowledge.search import load_ranker

        shipped = load_ranker()
        names = tuple(shipped.floor_weights)
        return w, b, (np.array([shipped.floor_weights[f] for f in names]), shipped.floor_bias, names)
    per: dict[str, tuple[Any, Any, Any]] = {}
    right_of: dict[str, Any] = {}
    for c in sets:
        if rule.cross and len(sets) > 1 and rule.ranker != "shipped":
            apply(data[c], *fit([it for o in sets if o != c and (not rule.ranker_sets or o in rule.ranker_sets)
                                 for it in data[o]]))
        else:
            apply(data[c], w, b)
        per[c] = _floor_xy(data[c], rule.target, feats)
        if rule.place == "best":
            right_of[c] = np.array([1.0 if not it["question"].unanswerable and first_rank(it) == 1 else 0.0
                                    for it in data[c]])
    x = np.vstack([per[c][0] for c in sets])
    y = np.concatenate([per[c][1] for c in sets])
    ans = np.concatenate([per[c][2] for c in sets])
    if rule.freeze.startswith("penalty:"):
        # The floor without the named signals fitted and placed as usual; then only their weights,
        # with that floor's placed log-odds as the offset and no bias, each kept at zero or below:
        # a signal that can only lower a question's confidence, so no question it does not mark
        # moves and no unanswerable question is let through that was reported before.
        later = set(rule.freeze[8:].split("+"))
        first = [i for i, f in enumerate(feats) if f not in later]
        extra = [i for i, f in enumerate(feats) if f in later]
        w1, b1 = newton(x[:, first], y, _weights(y, rule.balance))
        z1 = x[:, first] @ w1 + b1
        placed = b1 - _boundary(z1, ans, rule, np.concatenate([right_of[c] for c in sets]) if right_of else None)
        wp = penalty_weights(x[:, extra], y, _weights(y, rule.balance), x[:, first] @ w1 + placed)
        wf = np.zeros(len(feats))
        wf[first], wf[extra] = w1, wp
        apply(train, w, b)
        LAST_FLOOR.update(bias=float(placed), boundary=0.0)
        return w, b, (wf, float(placed), feats)
    if rule.freeze.startswith("stage:"):
        later = set(rule.freeze[6:].split("+"))
        first = [i for i, f in enumerate(feats) if f not in later]
        w1, _ = newton(x[:, first], y, _weights(y, rule.balance))
        wf, bf = fit_frozen(x, y, _weights(y, rule.balance), feats,
                            {feats[i]: float(w1[j]) for j, i in enumerate(first)})
    elif rule.freeze:
        wf, bf = fit_frozen(x, y, _weights(y, rule.balance), feats, rule.freeze)
    else:
        wf, bf = newton(x, y, _weights(y, rule.balance))
    if rule.floor_weights == "shipped":
        from knowledge.search import load_ranker

        shipped = load_ranker()
        wf, bf = np.array([shipped.floor_weights[f] for f in feats]), shipped.floor_bias
    if rule.oof and len(sets) > 1:
        parts = []
        for c in sets:
            xo = np.vstack([per[o][0] for o in sets if o != c])
            yo = np.concatenate([per[o][1] for o in sets if o != c])
            wo, bo = newton(xo, yo, _weights(yo, rule.balance))
            parts.append(per[c][0] @ wo + bo)
        z = np.concatenate(parts)
    else:
        z = x @ wf + bf
    boundary = _boundary(z, ans, rule, np.concatenate([right_of[c] for c in sets]) if right_of else None)
    apply(train, w, b)
    LAST_FLOOR.update(bias=float(bf), boundary=float(boundary))
    return w, b, (wf, bf - boundary, feats)


# The last floor fitted, before its boundary was folded into the bias: with classes unweighted the
# model's own probability is calibrated, and the boundary is then a threshold on it.
LAST_FLOOR: dict[str, float] = {}


def explain_miss(it: dict[str, Any], rank: int | None, answered: bool) -> None:
    """An answerable question whose expected entry is not first by order alone (the floor aside):
    the first three candidates by the ranker and every expected one, with the signals that
    tell bench/ACCURACY.md's classes apart (type, status, meaning, words, passage, figure)."""
    q = it["question"]
    print(f"   order-alone rank {rank} (answered={answered}) [{it['corpus']}] {q.q!r}")
    ordered = sorted(it["cands"], key=lambda c: -c.score)
    for c in ordered[:3] + [c for c in ordered[3:] if c.entry.id in q.expected]:
        f = c.features
        print(f"     {'*' if c.entry.id in q.expected else ' '}{c.entry.id[:40]:<40} {c.entry.type[:11]:<11} "
              f"{c.entry.status[:3]} p={c.score:.2f} cos={f['cosine']:.2f} rv={f['rr_vector']:.2f} "
              f"rl={f['rr_lexical']:.2f} cov={f['coverage']:.2f} pass={f['chunk_coverage']:.2f} "
              f"metric={f['figure_metric']:.2f} art={f['article']:.0f}")


def judge(items: list[dict[str, Any]], floor: Any, boundary: float = 0.0, explain: bool = False) -> dict[str, Any]:
    """Counts for one set, the candidates scored by the ranker in force (and each question's floor
    probability with ``boundary`` added back, beside whether its first result is right)."""
    import knowledge.search as ks

    wf, bf, feats = floor
    n: dict[str, Any] = {"ans": 0, "una": 0, "hit1": 0, "hit3": 0, "rr": 0.0, "answered": 0, "silenced": 0,
                         "rank1": 0, "probs": []}
    for it in items:
        f = ks.floor_features(it["cands"])
        z = bf + sum(float(w) * f[k] for w, k in zip(wf, feats, strict=True))
        answered = z >= 0.0 and not price_unstated(it)
        rank = None if it["question"].unanswerable else first_rank(it)
        if explain and rank != 1 and not it["question"].unanswerable:
            explain_miss(it, rank, answered)
        # The model's probability before the boundary was folded in, and whether the first result is right.
        n["probs"].append((1 / (1 + math.exp(-max(min(z + boundary, 40), -40))), rank == 1))
        if it["question"].unanswerable:
            n["una"] += 1
            n["silenced"] += not answered
            continue
        n["ans"] += 1
        n["rank1"] += rank == 1
        if answered:
            n["answered"] += 1
            n["hit1"] += rank == 1
            n["hit3"] += bool(rank and rank <= 3)
            n["rr"] += 1 / rank if rank else 0.0
    return n


def run_rule(data: dict[str, list[dict[str, Any]]], corpora: list[str], scored: list[str], rule: FloorRule,
             show: bool = True) -> dict[str, Any]:
    """Each fitting set left out in turn, the ``scored`` sets with the fit on all fitting sets;
    per set (worst hit@1 first) and pooled."""
    rows = []
    if rule.fit_sets:
        scored = [c for c in corpora if c not in rule.fit_sets] + list(scored)
        corpora = [c for c in corpora if c in rule.fit_sets]
    folds = [(h, [c for c in corpora if c != h], "left out") for h in corpora] + \
            [(c, corpora, "never fitted") for c in scored]
    for held, fit_on, tag in folds:
        w, b, floor = fit_rule(data, fit_on, rule)
        apply(data[held], w, b)
        rows.append((held, tag, judge(data[held], floor, LAST_FLOOR.get("boundary", 0.0), explain=EXPLAIN and show)))
    pool = {k: sum((r[2][k] for r in rows if r[1] == "left out"), [] if k == "probs" else 0) for k in rows[0][2]}
    out = {"rule": rule.name, "pooled": pool, "sets": rows}
    if show:
        print(f"rule {rule.name}: {rule}")
        for held, tag, n in sorted(rows, key=lambda r: r[2]["hit1"] / max(r[2]["ans"], 1)):
            a = max(n["ans"], 1)
            print(f"  {held + ' (' + tag + ')':<30} {n['hit1'] / a:.2f} / {n['hit3'] / a:.2f} / {n['rr'] / a:.2f}, "
                  f"unans {n['silenced']}/{n['una']}, answd {n['answered']}/{n['ans']}, order alone {n['rank1'] / a:.2f}")
        a = pool["ans"]
        print(f"  pooled (left out): hit@1 {pool['hit1'] / a:.3f} ({pool['hit1']}/{a}), hit@3 {pool['hit3'] / a:.3f}, "
              f"MRR {pool['rr'] / a:.3f}, unans {pool['silenced']}/{pool['una']}, answd {pool['answered']}/{a}, "
              f"right (hit@1 or silenced) {pool['hit1'] + pool['silenced']}/{a + pool['una']}", flush=True)
        if rule.balance is False:
            reliability(pool["probs"])
    return out


def insample(data: dict[str, list[dict[str, Any]]], corpora: list[str], scored: list[str], rule: FloorRule) -> None:
    """Every set scored with the rule fitted on all fitting sets."""
    w, b, floor = fit_rule(data, corpora, rule)
    for c in corpora + scored:
        apply(data[c], w, b)
        n = judge(data[c], floor)
        a = max(n["ans"], 1)
        print(f"  in-sample {c:<14} {n['hit1'] / a:.2f} / {n['hit3'] / a:.2f} / {n['rr'] / a:.2f}, "
              f"unans {n['silenced']}/{n['una']}, answd {n['answered']}/{n['ans']}")
    print(f"  in-sample floor {dict(zip(floor[2], (round(float(x), 3) for x in floor[0]), strict=True))} "
          f"bias {floor[1]:.3f}", flush=True)


def annotate_kb_levels(items: list[dict[str, Any]], embedder: Any, sources: list[str]) -> None:
    """The KB's level of each floor signal (``bench/kb_floor.py``): their mean over questions the
    KB supplies itself (first sentences of 50 of its passages, asked without the passage's own
    file) or over 20 generic buyer questions, the candidates scored by the shipped ranker. Offered
    to ``--rules`` as ``d_<source>_<signal>``: the question's signal less the KB's level."""
    import kb_floor  # type: ignore[import-not-found]

    import knowledge.search as ks

    if not items:
        return
    ranker = ks.load_ranker()
    kb = items[0]["cands"][0].kb if items[0]["cands"] else {}
    for source in sources:
        pseudo, _ = kb_floor.calibration(items, embedder, 50 if source == "sentence" else 20, source)
        without = [p[0] for p in pseudo]
        for cs in without:
            for c in cs:
                c.score = ranker.score(c.features)
        lvl = kb_floor.level(without)
        for f, v in lvl.items():
            kb[f"lvl_{source}_{f}"] = float(v)
    for it in items:
        for c in it["cands"]:
            c.kb = kb  # type: ignore[attr-defined]


def reliability(probs: list[tuple[float, bool]]) -> None:
    """Is the floor's probability, held out, the share of questions whose first result is right?"""
    brier = sum((p - r) ** 2 for p, r in probs) / len(probs)
    cells = []
    for lo in (0.0, 0.2, 0.4, 0.6, 0.8):
        got = [r for p, r in probs if lo <= p < lo + 0.2 or (lo == 0.8 and p == 1.0)]
        mean = sum(p for p, _ in probs if lo <= p < lo + 0.2) / max(len(got), 1)
        cells.append(f"{lo:.1f}-{lo + 0.2:.1f}: {len(got)} q, said {mean:.2f}, right {sum(got) / max(len(got), 1):.2f}")
    print(f"  calibration held out (Brier {brier:.3f}): " + "; ".join(cells))


def figure_floor_features(cands: list[Any]) -> dict[str, float]:
    """The floor's signals with two about figures added (``--figure-signals``): whether the
    question asks for a kind of figure (a duration, a share, a price, a count), and whether it does
    while the best candidate's matched passage, or the whole entry (``_entry``), states no figure
    of that kind. Many unanswerable questions name what the KB holds and ask for a figure it lacks."""
    import knowledge.search as ks
    from knowledge.passage import asked_kinds

    f = dict(_figure_base(cands))
    q = getattr(cands[0], "question", "") if cands else ""
    kinds = asked_kinds(q) if q else set()
    f["asks_figure"] = float(bool(kinds))
    f["figure_missing"] = f["figure_missing_entry"] = 0.0
    if kinds and cands:
        top = max(cands, key=lambda c: c.score)
        claims = [c for c in ks._full(top).claims if c.kind in kinds]
        lo, hi = (top.chunk.line, top.chunk.end_line) if top.chunk is not None else (0, 10**9)
        f["figure_missing"] = float(not any(lo <= c.line <= hi for c in claims))
        f["figure_missing_entry"] = float(not claims)
    return f


def kb_floor_features(cands: list[Any]) -> dict[str, float]:
    """The floor's signals with two about the KB added (``--kb-signals``): how many passages it
    holds (log10; the best of more passages is higher by chance) and whether it has typed entries."""
    f = dict(_kb_base(cands))
    kb = getattr(cands[0], "kb", None) if cands else None
    f.update(kb or {"kb_log_chunks": 0.0, "kb_typed": 0.0})
    for k, v in (kb or {}).items():
        if k.startswith("lvl_"):
            source, signal = k[4:].split("_", 1)
            f[f"d_{source}_{signal}"] = f[signal] - v
    return f


def set_switch(spec: str) -> None:
    """``module.NAME=VALUE``: the value parsed as the switch's current type (bool: 1/0, true/false)."""
    import importlib

    target, _, value = spec.partition("=")
    module, _, name = target.rpartition(".")
    mod = importlib.import_module(module)
    cur = getattr(mod, name)
    new: Any
    if isinstance(cur, bool):
        new = value.lower() in ("1", "true", "yes", "on")
    elif isinstance(cur, (int, float)):
        new = type(cur)(value)
    else:
        new = value
    setattr(mod, name, new)
    print(f"switch {module}.{name} = {new!r}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    # The shipped model's sets: phenomena and case-studies are scored held out unless named here
    # (bench/ACCURACY.md's five-set figures: --train northwind,example,real-labelled,phenomena,case-studies).
    ap.add_argument("--train", default=",".join(FLOOR_SETS),
                    help="the sets the floor is fitted on (and the ranker, those of them in --ranker-train)")
    ap.add_argument("--ranker-train", default=",".join(RANKER_SETS),
                    help="the sets the ranker is fitted on ('all': every --train set)")
    ap.add_argument("--rate", type=float, default=RATE,
                    help="place the floor so that this share of the training unanswerable questions falls below it")
    ap.add_argument("--score", default=",".join(SCORED_SETS),
                    help="held-out sets, scored with the model fitted on all --train sets")
    ap.add_argument("--write", action="store_true", help="write knowledge/search_ranker.json")
    ap.add_argument("--let-pass", type=int, default=0, metavar="K",
                    help="place the floor above all but the K highest-scoring training unanswerable questions")
    ap.add_argument("--explain", action="store_true", help="list misses and the floor's margins")
    ap.add_argument("--cross", action="store_true", help="fit the floor on cross-fitted ranker scores")
    ap.add_argument("--compare-floors", default="", metavar="F,F;F,F",
                    help="also score these sets of floor features, each left out in turn")
    ap.add_argument("--static", action="store_true",
                    help="with --maxsim: the word pieces' input embeddings instead of contextual token states")
    ap.add_argument("--maxsim", action="store_true",
                    help="offer the MaxSim floor signals of bench/maxsim.py (ms_*) to --compare-floors and --curve")
    ap.add_argument("--curve", default="", metavar="K,K,...",
                    help="with --compare-floors: the pooled trade-off (unanswerable reported, answerable "
                         "answered) over the fitting sets left out in turn and the --score sets, per --let-pass K")
    ap.add_argument("--rules", default="", metavar="NAME:K=V,...;...",
                    help="floor rules (FloorRule's fields) to judge, each fitting set left out in turn and the "
                         "--score sets with the fit on all; e.g. 'r90:cross=1,place=rate,rate=0.9'")
    ap.add_argument("--kb-signals", action="store_true",
                    help="offer the KB's size and typedness (kb_log_chunks, kb_typed) as floor features to --rules")
    ap.add_argument("--kb-levels", default="", metavar="generic,sentence",
                    help="with --kb-signals: also offer each floor signal less the KB's level (bench/kb_floor.py)")
    ap.add_argument("--figure-signals", action="store_true",
                    help="offer asks_figure, figure_missing and figure_missing_entry as floor features to --rules")
    ap.add_argument("--freeze", default="", metavar="JSON",
                    help="keep the floor weights of this ranker JSON (e.g. a previous knowledge/search_ranker.json, "
                         "from `git show`) for the features it has; fit only the others and the bias")
    ap.add_argument("--penalty", default="", metavar="F+G",
                    help="fit and write the floor with these signals as penalties (as --rules' freeze=penalty:F)")
    ap.add_argument("--insample", action="store_true",
                    help="with --rules: also score every set with each rule fitted on all --train sets (what "
                         "`canon ask` would score with that model)")
    ap.add_argument("--only-rules", action="store_true", help="stop after --rules")
    ap.add_argument("--dump", default="", metavar="JSON",
                    help="write each --rules rule's per-set counts (first, reported, answered, of how many) here")
    ap.add_argument("--switch", action="append", default=[], metavar="MODULE.NAME=VALUE",
                    help="set a module-level switch before anything is retrieved, to measure a change against "
                         "what it replaces (e.g. knowledge.passage.STEMMER=crude, knowledge.lexical.JOINED_PAIRS=0)")
    args = ap.parse_args()
    for sw in args.switch:
        set_switch(sw)
    corpora = args.train.split(",")
    scored = [c for c in args.score.split(",") if c and c not in corpora]
    if "larkspur" in corpora + scored:
        sys.exit("larkspur is the final exam: it is never trained on or scored here")
    if "real" in corpora:
        sys.exit("real asks other questions of real-labelled's pages: it is only scored, never trained on")
    blind = sorted(set(corpora) & set(BLIND_SETS))
    if blind:
        sys.exit(f"{', '.join(blind)}: written blind and kept for judging; never trained on")

    from knowledge.embedding import get_embedder
    from knowledge.search import FEATURES, FLOOR_FEATURES

    global _base_floor_features, _kb_base, _figure_base
    embedder = get_embedder("query")
    data = {c: collect(c, embedder) for c in corpora + scored}

    import knowledge.search as ks

    if args.maxsim:
        import time

        from bench.maxsim import FLOOR_SIGNALS, TokenStates

        states = TokenStates(embedder, static=args.static)
        t0 = time.perf_counter()
        for c in corpora + scored:
            annotate_maxsim(data[c], embedder, states)
        states.save()
        print(f"token states: {states.computed} texts computed in {states.seconds:.1f} s "
              f"({time.perf_counter() - t0:.1f} s with the cache)", flush=True)
        _base_floor_features = ks.floor_features
        ks.floor_features = maxsim_floor_features  # type: ignore[assignment]
        signal_aucs(data, corpora, scored, [*FLOOR_FEATURES, *FLOOR_SIGNALS])

    if args.kb_signals:
        if args.kb_levels:
            sys.path.insert(0, str(REPO / "bench"))
            for c in corpora + scored:
                annotate_kb_levels(data[c], embedder, args.kb_levels.split(","))
        _kb_base = ks.floor_features
        ks.floor_features = kb_floor_features  # type: ignore[assignment]
    if args.figure_signals:
        for c in corpora + scored:
            for it in data[c]:
                for cand in it["cands"]:
                    cand.question = it["question"].q
        _figure_base = ks.floor_features
        ks.floor_features = figure_floor_features  # type: ignore[assignment]
    dumped: dict[str, Any] = {}
    for spec in filter(None, args.rules.split(";")):
        out = run_rule(data, corpora, scored, parse_rule(spec))
        dumped[out["rule"]] = {held: {"tag": tag, **{k: v for k, v in n.items() if k != "probs"}}
                               for held, tag, n in out["sets"]}
        if args.dump:
            Path(args.dump).write_text(json.dumps(dumped, indent=1))
        if args.insample:
            insample(data, corpora, scored, parse_rule(spec))
    if args.only_rules:
        return

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

    if args.let_pass:
        rule = FloorRule(name="--let-pass", place="pass", let_pass=args.let_pass)
    else:
        rule = FloorRule(name="shipped rule", place="rate", rate=args.rate)
    if args.ranker_train != "all":
        rule.ranker_sets = tuple(args.ranker_train.split(","))
    rule.freeze = args.freeze
    if args.penalty:
        rule.features = (*FLOOR_FEATURES, *(f for f in args.penalty.split("+") if f not in FLOOR_FEATURES))
        rule.freeze = f"penalty:{args.penalty}"
    run_rule(data, corpora, scored, rule)  # each fitting set left out in turn, --score sets with the fit on all

    w, b, (fw, fb, feats) = fit_rule(data, corpora, rule)
    print(f"{'scored on':<22} {'hit@1':>6} {'hit@3':>6} {'MRR':>6} {'unans':>6} {'answd':>6}")
    for c in corpora + scored:
        apply(data[c], w, b)
        n = judge(data[c], (fw, fb, feats))
        a = max(n["ans"], 1)
        tag = "in training" if c in corpora else "never fitted"
        print(f"{c + ' (' + tag + ')':<28} {n['hit1'] / a:>6.2f} {n['hit3'] / a:>6.2f} {n['rr'] / a:>6.2f} "
              f"{n['silenced'] / max(n['una'], 1):>6.2f} {n['answered'] / a:>6.2f}")
    ranker_on = [c for c in corpora if not rule.ranker_sets or c in rule.ranker_sets]
    n_una = sum(it["question"].unanswerable for c in corpora for it in data[c])
    model = {
        "weights": {f: round(float(x), 4) for f, x in zip(FEATURES, w, strict=True)},
        "bias": round(float(b), 4),
        "floor": {"weights": {f: round(float(x), 4) for f, x in zip(feats, fw, strict=True)},
                  "bias": round(float(fb), 4), "threshold": 0.5,
                  "placed": (f"above {rule.rate:.0%} of the {n_una} training unanswerable questions"
                             if rule.place == "rate" else
                             f"above all but {rule.let_pass} of the {n_una} training unanswerable questions"),
                  "trained_on": [f"tests/data/questions/{c}.yaml" for c in corpora],
                  "questions": sum(len(data[c]) for c in corpora)},
        "trained_on": [f"tests/data/questions/{c}.yaml" for c in ranker_on],
        "rows": int(sum(len(it["cands"]) for c in ranker_on for it in data[c])),
        "l2": L2,
        "fitted": date.today().isoformat(),
        "by": "bench/train_search.py",
    }
    if rule.freeze.startswith("penalty:"):
        model["floor"]["penalty"] = rule.freeze[8:].split("+")  # weights held at zero or below
    elif rule.freeze:
        kept = json.loads(Path(rule.freeze).read_text())["floor"]["weights"]
        model["floor"]["kept"] = [f for f in feats if f in kept]  # weights kept from the previous floor
    print(json.dumps(model, indent=1))
    if args.write:
        (REPO / "knowledge" / "search_ranker.json").write_text(json.dumps(model, indent=1) + "\n")


if __name__ == "__main__":
    main()
