"""Train and measure the confidence of figure findings (:mod:`knowledge.rules.confidence`).

The data: every finding of the seven figure rules that ``canon audit`` and ``canon check`` make on the
development figure corpora (``bench.measure_pairs.DEVELOPMENT`` that label a figure rule; never the
final exam nor the round's blind sets), labelled by the scorer (:func:`tests.scoring.score_rules`):
1 where it hits a required label, 0 where it is counted false; a finding on an ``optional`` label
only, or a ``metric-conflict`` on a rep misstatement's line, is left out. A finding is taken once per
(rule, path, line), as the scorer takes it. ``--collect`` runs canon on the corpora and writes the
cues and labels to ``knowledge/rules/data/confidence_findings.jsonl`` (in the repo, so the weights
can be refitted from the repo alone) and the whole findings, for rescoring a cut, to ``--findings``.

Leave-one-corpus-out: each corpus is scored by a model fitted without it, against the base rate (the
rule's precision on the other corpora): Brier scores, precision of all findings vs those at or above
0.5, a reliability table, and the cut 0.5 applied (audit and check P and F1 before and after; needs
``--findings``).

    python bench/train_confidence.py --collect --findings /tmp/conf-findings.json  # run canon (slow)
    python bench/train_confidence.py --findings /tmp/conf-findings.json            # LOCO report
    python bench/train_confidence.py --write                                       # and write the weights
    python bench/train_confidence.py --exam NAME [--exam NAME ...]                 # the final exam
    python bench/train_confidence.py --findings F --cuts 0.2,0.25,0.3,0.35,0.4,0.45,0.5  # a default cut

``--cuts`` measures a default cut chosen leave-one-corpus-out (needs ``--findings``): for each corpus,
the model fitted without it and the grid cut chosen without it (on the other corpora, each scored by a
model fitted without both, the cut with the highest pooled figure-rule F0.5 over audit and check
together; ties to the lower cut), applied to it: audit and check figure-rule P and F1 before → after per
corpus (worst F1 change first) and pooled; each grid cut applied to every corpus (information only); and
the cut chosen on all corpora, the one that would ship ("Unlikely figure findings left out by default,
seventeenth round" in bench/ACCURACY.md).

``--exam`` scores the named corpora with the shipped weights (``confidence.json``, not refitted)
against the base rate of the training rows (each rule's precision over every labelled row of
``confidence_findings.jsonl``): the same table and reliability table, per corpus and pooled. The
exam corpora may be held out (``HELD_OUT``), so canon runs with its output silenced and only
aggregate figures are printed: no finding's path, line, text or message, and a failed run says only
the kind of its error. The rows are not written. Only ``--exam`` takes a held-out corpus.

``--verdicts SHARE [--seeds N]`` measures the confidence recalibrated per KB from reviewers' verdicts
(:func:`knowledge.rules.confidence.offset`): on each corpus (its leave-one-corpus-out model, or with
``--exam`` the shipped weights) a simulated reviewer gives verdicts (the scorer's labels) on a seeded
random SHARE of its figure findings (once per key, at least one), the offset is fitted on them, and the
Brier score of the other findings is printed without and with it, per corpus and pooled, the mean over
seeds 1..N (aggregates only, so ``--exam`` may take it).

    python bench/train_confidence.py --verdicts 0.2 --seeds 5
    python bench/train_confidence.py --exam NAME --verdicts 0.2 --seeds 5

``--fresh NAME --fresh NAME ...`` fits the calibration for new companies
(:func:`knowledge.rules.confidence.platt`) on the rows of those development corpora under the shipped
weights (at least two; a held-out corpus, one without rows or one the weights were fitted on is
refused) and prints: each left out in turn, scored with the calibration fitted on the others (Brier,
the mean confidence of the findings at 0.5 or above against the share of them right, reliability bins,
without and with); the fit on all of them (a, b); leave-one-corpus-out on the other corpora without and
with (information only). Where the first holds on every one and a > 0, it writes ``fresh`` to
``confidence.json``; ``--write`` (a refit) drops it. ``--exam`` prints the Brier and bins with and
without a shipped calibration too. Where a calibration ships already, ``--fresh`` is a refit: each
fresh corpus left out is scored against the shipped map instead (or, for a corpus that map was
fitted on, that map fitted again without it), and it writes only where the Brier score is lower on
at least three quarters of them and pooled, keeping the map it replaces for ``--exam``.

    python bench/train_confidence.py --fresh oxlease --fresh ferrisdale
    python bench/train_confidence.py --fresh oxlease --fresh ferrisdale --fresh dunmarrow --fresh lutecombe

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, FIGURE_RULES, HELD_OUT, indexed  # noqa: E402
from bench.measure_pairs import DEVELOPMENT  # noqa: E402
from knowledge.claims.linear import read_weights  # noqa: E402
from knowledge.rules import confidence  # noqa: E402
from tests.scoring import _within, accepted_lines, rule_label_hit, score_rules  # noqa: E402

ROWS = REPO / "knowledge" / "rules" / "data" / "confidence_findings.jsonl"
L2 = 1.0  # the ridge on every weight but the bias, per finding pooled (chosen before measuring, not tuned)
CUT = 0.5


def figure_corpora() -> list[str]:
    """The development corpora whose labels judge a figure rule."""
    out = []
    for name in DEVELOPMENT:
        p = CORPORA[name] / "labels.json"
        if name in HELD_OUT or not p.is_file():
            continue
        labels = json.loads(p.read_text(encoding="utf-8"))
        if any(set(labels.get(k, {}).get("rules", [])) & set(FIGURE_RULES) for k in ("audit", "check")):
            out.append(name)
    return out


def label_of(finding: dict[str, Any], section: dict[str, Any]) -> int | None:
    """1 right, 0 wrong, None left out: the scorer's judgement of one finding (``score_rules``)."""
    if finding["rule"] not in section["rules"]:
        return None
    expected = [e for e in section["expected"] if e["rule"] in section["rules"]]
    if any(rule_label_hit(finding, e) for e in expected if not e.get("optional")):
        return 1
    if any(rule_label_hit(finding, e) for e in expected if e.get("optional")):
        return None
    reps = [e for e in expected if e["rule"] == "rep-misstatement" and not e.get("optional")]
    if finding["rule"] == "metric-conflict" and any(
            finding["path"] == e["path"] and _within(finding.get("line"), accepted_lines(e)) for e in reps):
        return None
    return 0


class Recorder:
    """Keeps the cues of every figure finding a run annotates (by the finding's identity)."""

    def __init__(self) -> None:
        self.by_id: dict[int, dict[str, float]] = {}
        self._cues = confidence.cues

    def __enter__(self) -> Recorder:
        def cues(finding: Any, *args: Any, **kwargs: Any) -> dict[str, float]:
            named = self._cues(finding, *args, **kwargs)
            self.by_id[id(finding)] = named
            return named

        confidence.cues = cues  # type: ignore[assignment]
        if confidence.load_model() is None:  # no weights yet: annotate with a flat model
            confidence.load_model = lambda path="": confidence.Linear({}, (), 0.0, CUT)  # type: ignore[assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        confidence.cues = self._cues  # type: ignore[assignment]


def collect(name: str, work: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Run audit (and check) on ``name``: the labelled rows, and every finding for rescoring."""
    from ingest.drafts import load_draft
    from knowledge.audit import run_audit, run_check

    ix = indexed(name, work)
    labels = ix.corpus.labels
    rows: list[dict[str, Any]] = []
    kept: dict[str, Any] = {}
    runs = [("audit", lambda: run_audit(ix.settings, today=ix.today))]
    if "check" in labels:
        drafts = [load_draft(CORPORA[name] / p, p) for p in labels.get("drafts", [])]
        runs.append(("check", lambda: run_check(ix.settings, drafts, today=ix.today)))
    for kind, run in runs:
        with Recorder() as rec:
            report = run()
        found = []
        for f in report.findings:
            d = f.to_dict()
            if f.rule in FIGURE_RULES:
                d["cues"] = rec.by_id.get(id(f), {})
                d["label"] = label_of(d, labels[kind])
            found.append(d)
        kept[kind] = found
        rows += [{"corpus": name, "kind": kind, "rule": d["rule"], "path": d["path"], "line": d["line"],
                  "label": d["label"], "cues": d["cues"]} for d in found if "cues" in d]
    return rows, kept


# -- the model ---------------------------------------------------------------------------------------------


def matrix(rows: Sequence[dict[str, Any]], names: Sequence[str]) -> np.ndarray:
    """The rows' cues as a matrix, one column per name of ``names`` (a cue a row lacks is 0)."""
    col = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for k, v in r["cues"].items():
            if k in col:
                x[i, col[k]] = v
    return x


def fit(rows: Sequence[dict[str, Any]], l2: float = L2) -> dict[str, Any]:
    """Logistic regression by Newton's method, an L2 ridge on every weight but the bias."""
    names = sorted({k for r in rows for k in r["cues"]})
    x = matrix(rows, names)
    y = np.array([r["label"] for r in rows], dtype=float)
    xb = np.hstack([x, np.ones((len(rows), 1))])
    w = np.zeros(xb.shape[1])
    ridge = np.full(xb.shape[1], l2)
    ridge[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + ridge * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(ridge) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"cues": {n: round(float(v), 4) for n, v in zip(names, w[:-1], strict=True)},
            "bias": round(float(w[-1]), 4), "threshold": CUT}


def predict(model: dict[str, Any], rows: Sequence[dict[str, Any]]) -> np.ndarray:
    """P(right) of each row under ``model`` (weights by cue name and a bias)."""
    lin = confidence.Linear.of(model)
    return np.array([confidence.probability(lin, r["cues"]) for r in rows])


def base_rates(rows: Sequence[dict[str, Any]]) -> dict[str, float]:
    """Each rule's precision (right share) in ``rows``; the pooled share for a rule they lack."""
    pooled = float(np.mean([r["label"] for r in rows]))
    by: dict[str, list[int]] = defaultdict(list)
    for r in rows:
        by[r["rule"]].append(r["label"])
    return defaultdict(lambda: pooled, {k: float(np.mean(v)) for k, v in by.items()})


def dedup(rows: Sequence[dict[str, Any]], scores: np.ndarray) -> tuple[list[dict[str, Any]], np.ndarray]:
    """One row per (kind, rule, path, line), as the scorer counts findings, with its highest score."""
    best: dict[tuple[Any, ...], int] = {}
    for i, r in enumerate(rows):
        key = (r["kind"], r["rule"], r["path"], r["line"])
        if key not in best or scores[i] > scores[best[key]]:
            best[key] = i
    idx = sorted(best.values())
    return [rows[i] for i in idx], scores[idx]


def scored(test: Sequence[dict[str, Any]], model: dict[str, Any], base: Mapping[str, float],
           ) -> tuple[list[dict[str, Any]], np.ndarray, np.ndarray]:
    """``test``'s labelled rows once per key (:func:`dedup`), their ``model`` scores and base rates."""
    kept, p = dedup(test, predict(model, test))
    return kept, p, np.array([base[r["rule"]] for r in kept])


# -- recalibrated per KB from verdicts ----------------------------------------------------------------------


def log_odds_of(test: Sequence[dict[str, Any]], model: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """``test``'s labelled rows once per key (:func:`dedup`): their log-odds under ``model`` and labels."""
    lin = confidence.Linear.of(model)
    kept, z = dedup(test, np.array([confidence.log_odds(lin, r["cues"]) for r in test]))
    return z, np.array([r["label"] for r in kept], dtype=float)


def simulate(z: np.ndarray, y: np.ndarray, share: float, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """A reviewer judges a seeded random ``share`` of the findings (at least one): the labels of the
    others, their confidence without and with the offset fitted on the judged ones, and the offset."""
    order = np.random.default_rng(seed).permutation(len(y))
    k = max(1, round(share * len(y)))
    seen, rest = order[:k], order[k:]
    b = confidence.offset(zip(z[seen].tolist(), (y[seen] == 1).tolist(), strict=True))
    return y[rest], np.round(1 / (1 + np.exp(-z[rest])), 2), np.round(1 / (1 + np.exp(-(z[rest] + b))), 2), b


def report_verdicts(held: Mapping[str, tuple[np.ndarray, np.ndarray]], share: float, seeds: int) -> None:
    """Per corpus and pooled, the mean over seeds of the Brier score of the unjudged findings without
    and with the offset, and the rule's three counts (pooled falls; falls on two thirds; no corpus
    rises by more than 0.01)."""
    print(f"Verdicts on {share:.0%} of each corpus's figure findings, seeds 1-{seeds}; Brier of the rest\n")
    print("| corpus | findings | judged | offset | Brier without | Brier with | change |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    pooled: list[tuple[float, float]] = []
    per: dict[str, float] = {}
    for seed in range(1, seeds + 1):
        parts = [simulate(z, y, share, seed) for z, y in held.values() if len(y) > 1]
        y, p0, p1 = (np.concatenate([t[i] for t in parts]) for i in range(3))
        pooled.append((float(((p0 - y) ** 2).mean()), float(((p1 - y) ** 2).mean())))
    for name, (z, y) in held.items():
        if len(y) < 2:
            print(f"| {name} | {len(y)} | - | - | - | - | too few to split |")
            continue
        runs = [simulate(z, y, share, seed) for seed in range(1, seeds + 1)]
        b0 = float(np.mean([((p0 - yy) ** 2).mean() for yy, p0, _, _ in runs]))
        b1 = float(np.mean([((p1 - yy) ** 2).mean() for yy, _, p1, _ in runs]))
        per[name] = b1 - b0
        print(f"| {name} | {len(y)} | {len(y) - len(runs[0][0])} | {np.mean([r[3] for r in runs]):+.2f} | "
              f"{b0:.3f} | {b1:.3f} | {b1 - b0:+.3f} |")
    b0, b1 = (float(np.mean([p[i] for p in pooled])) for i in (0, 1))
    print(f"| **pooled** | {sum(len(y) for _, y in held.values())} | | | {b0:.3f} | {b1:.3f} | {b1 - b0:+.3f} |")
    worst = max(per.items(), key=lambda t: t[1], default=("", 0.0))
    print(f"\n(1) pooled {b0:.4f} -> {b1:.4f}; (2) falls on {sum(d < 0 for d in per.values())}/{len(per)} corpora; "
          f"(3) worst {worst[0]} ({worst[1]:+.4f}), {sum(d > 0.01 for d in per.values())} rise by more than 0.01")


def loco_log_odds(rows: list[dict[str, Any]], corpora: Sequence[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """corpus -> (log-odds, labels) of its findings once per key, each under a model fitted without it."""
    labelled = [r for r in rows if r["label"] is not None]
    out = {}
    for name in corpora:
        test = [r for r in labelled if r["corpus"] == name]
        if test:
            out[name] = log_odds_of(test, fit([r for r in labelled if r["corpus"] != name]))
    return out


# -- the report --------------------------------------------------------------------------------------------


def loco(rows: list[dict[str, Any]], corpora: Sequence[str]) -> dict[str, tuple[list[dict[str, Any]], np.ndarray, np.ndarray]]:
    """corpus -> (its labelled rows once per key, model scores, base-rate scores), each fitted without it."""
    labelled = [r for r in rows if r["label"] is not None]
    out = {}
    for name in corpora:
        train = [r for r in labelled if r["corpus"] != name]
        test = [r for r in labelled if r["corpus"] == name]
        if not test:
            continue
        out[name] = scored(test, fit(train), base_rates(train))
    return out


def _prec(y: np.ndarray) -> float:
    """The share of 1s in ``y`` (NaN where ``y`` is empty)."""
    return float(y.mean()) if len(y) else float("nan")


def report_loco(held: dict[str, tuple[list[dict[str, Any]], np.ndarray, np.ndarray]]) -> dict[str, Any]:
    """The LOCO table, the rule's (a) and (b) counts and the reliability table."""
    print("| corpus | findings | right | Brier model | Brier base | P all | P >= 0.5 (n) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    ys, ps, bs = [], [], []
    a_wins = b_wins = b_n = 0
    worst = ("", -1.0)
    for name, (test, p, b) in held.items():
        y = np.array([r["label"] for r in test], dtype=float)
        bm, bb = float(((p - y) ** 2).mean()), float(((b - y) ** 2).mean())
        a_wins += bm < bb
        worst = max(worst, (name, bm - bb), key=lambda t: t[1])
        hi = y[p >= CUT]
        if len(hi):
            b_n += 1
            b_wins += _prec(hi) > _prec(y)
        print(f"| {name} | {len(y)} | {int(y.sum())} | {bm:.3f} | {bb:.3f} | {_prec(y):.2f} | "
              f"{_prec(hi):.2f} ({len(hi)}) |")
        ys.append(y)
        ps.append(p)
        bs.append(b)
    y, p, b = np.concatenate(ys), np.concatenate(ps), np.concatenate(bs)
    hi = y[p >= CUT]
    print(f"| **pooled** | {len(y)} | {int(y.sum())} | {((p - y) ** 2).mean():.3f} | {((b - y) ** 2).mean():.3f} "
          f"| {_prec(y):.2f} | {_prec(hi):.2f} ({len(hi)}) |")
    print(f"\n(a) model Brier below base on {a_wins}/{len(held)} corpora; worst {worst[0]} ({worst[1]:+.3f})")
    print(f"(b) P >= 0.5 above P all on {b_wins}/{b_n} corpora with a finding >= 0.5; pooled "
          f"{_prec(hi):.3f} vs {_prec(y):.3f}")
    print("\n| predicted | findings | mean predicted | observed |")
    print("|---|---:|---:|---:|")
    for label, m in bins(p):
        print(f"| {label} | {int(m.sum())} | {p[m].mean():.2f} | {y[m].mean():.2f} |")
    return {"a": (a_wins, len(held)), "b": (b_wins, b_n)}


def bins(p: np.ndarray) -> Iterator[tuple[str, np.ndarray]]:
    """The reliability table's bins of width 0.2 that hold a score of ``p``: their label and mask."""
    for lo in np.arange(0, 1, 0.2):
        m = (p >= lo) & ((p < lo + 0.2) if lo < 0.79 else (p <= 1.0))
        if m.any():
            yield f"{lo:.1f}-{lo + 0.2:.1f}", m


def report_cut(findings: dict[str, Any], rows: list[dict[str, Any]], corpora: Sequence[str]) -> None:
    """The cut 0.5 applied held out: per corpus audit/check figure-rule P and F1 before and after."""
    from tests.scoring import load_corpus

    labelled = [r for r in rows if r["label"] is not None]
    print("\n| corpus | audit P | audit F1 | check P | check F1 |")
    print("|---|---|---|---|---|")
    for name in corpora:
        model = confidence.Linear.of(fit([r for r in labelled if r["corpus"] != name]))
        labels = load_corpus(CORPORA[name]).labels
        cells = []
        for kind in ("audit", "check"):
            got = findings.get(name, {}).get(kind)
            if got is None or kind not in labels:
                cells += ["", ""]
                continue
            kept = [f for f in got if "cues" not in f or confidence.probability(model, f["cues"]) >= CUT]
            before = score_rules(labels[kind], got).total(FIGURE_RULES).prf
            after = score_rules(labels[kind], kept).total(FIGURE_RULES).prf
            cells += [f"{before.precision:.2f} → {after.precision:.2f}", f"{before.f1:.2f} → {after.f1:.2f}"]
        print(f"| {name} | " + " | ".join(cells) + " |")


# -- a default cut chosen leave-one-corpus-out -------------------------------------------------------------

Tally = tuple[int, int, int]  # figure-rule true positives, false positives, misses of one run


def tally(section: Mapping[str, Any], found: Sequence[dict[str, Any]], probs: Sequence[float | None],
          cut: float) -> Tally:
    """The scorer's figure-rule counts of one run after leaving out the findings under ``cut`` (a
    finding with no probability, not a figure rule's, is kept)."""
    kept = [f for f, p in zip(found, probs, strict=True) if p is None or p >= cut]
    c = score_rules(section, kept).total(FIGURE_RULES)
    return c.tp, c.fp, c.fn


def f_beta(tp: int, fp: int, fn: int, beta: float = 0.5) -> float:
    """F-beta from counts (0 where there is nothing): 0.5 weighs precision over recall."""
    b2 = beta * beta
    den = (1 + b2) * tp + b2 * fn + fp
    return (1 + b2) * tp / den if den else 0.0


class CutGrid:
    """The runs of the corpora (their findings and labels) and the leave-one-corpus-out machinery:
    a model fitted without a set of corpora, a corpus's run counts under that model at each cut."""

    def __init__(self, findings: Mapping[str, Any], rows: Sequence[dict[str, Any]], corpora: Sequence[str],
                 cuts: Sequence[float]) -> None:
        from tests.scoring import load_corpus

        self.labelled = [r for r in rows if r["label"] is not None]
        self.cuts = list(cuts)
        self.runs: dict[str, dict[str, tuple[dict[str, Any], list[dict[str, Any]]]]] = {}
        for name in corpora:
            labels = load_corpus(CORPORA[name]).labels
            self.runs[name] = {kind: (labels[kind], findings[name][kind]) for kind in ("audit", "check")
                               if kind in labels and findings.get(name, {}).get(kind) is not None}
        self._models: dict[frozenset[str], Any] = {}

    def model(self, without: frozenset[str]) -> Any:
        """The model fitted on every labelled row but those of ``without`` (fitted once)."""
        if without not in self._models:
            self._models[without] = confidence.Linear.of(fit([r for r in self.labelled if r["corpus"] not in without]))
        return self._models[without]

    def counts(self, name: str, without: frozenset[str]) -> dict[str, list[Tally]]:
        """kind -> the run's counts at no cut (first) and at each grid cut, under :meth:`model`."""
        lin = self.model(without)
        out = {}
        for kind, (section, found) in self.runs[name].items():
            probs = [confidence.probability(lin, f["cues"]) if "cues" in f else None for f in found]
            out[kind] = [tally(section, found, probs, c) for c in (0.0, *self.cuts)]
        return out

    def choose(self, names: Sequence[str], left_out: frozenset[str]) -> tuple[float, list[float]]:
        """The grid cut with the highest pooled F0.5 over the audit and check runs of ``names``, each
        scored by the model fitted without it and ``left_out``; ties to the lower cut. Also each cut's F0.5."""
        sums = np.zeros((len(self.cuts), 3))
        for name in names:
            for runs in self.counts(name, left_out | {name}).values():
                sums += np.array(runs[1:])
        scores = [f_beta(*_as_tally(row)) for row in sums]
        best = max(range(len(scores)), key=lambda i: (round(scores[i], 9), -i))
        return self.cuts[best], scores


def _cell(before: Tally, after: Tally, what: str) -> str:
    """``before → after`` of precision or F1 from two runs' counts."""
    get = (lambda t: _prf(t).precision) if what == "p" else (lambda t: _prf(t).f1)
    return f"{get(before):.2f} → {get(after):.2f}"


def _as_tally(x: Any) -> Tally:
    """Three summed counts (a numpy row) as a :data:`Tally`."""
    tp, fp, fn = (int(v) for v in x)
    return tp, fp, fn


def _prf(t: Tally) -> Any:
    from tests.scoring import prf

    tp, fp, fn = t
    return prf(tp, tp + fp, tp, tp + fn)


def report_cuts(grid: CutGrid) -> None:
    """Each corpus scored with the model and the cut chosen without it (worst F1 change first), pooled,
    the rule's (1) and (2) counts, each grid cut applied to every corpus (information only) and the cut
    chosen on all corpora (the one that would ship)."""
    names = list(grid.runs)
    rows: list[tuple[str, float, dict[str, tuple[Tally, Tally]]]] = []
    fixed = {kind: np.zeros((len(grid.cuts) + 1, 3)) for kind in ("audit", "check")}
    falls, holds = np.zeros(len(grid.cuts) + 1, dtype=int), np.zeros(len(grid.cuts) + 1, dtype=int)
    for name in names:
        left = frozenset({name})
        cut, _ = grid.choose([n for n in names if n != name], left)
        held = grid.counts(name, left)
        i = grid.cuts.index(cut) + 1
        rows.append((name, cut, {kind: (runs[0], runs[i]) for kind, runs in held.items()}))
        for kind, runs in held.items():
            fixed[kind] += np.array(runs)
            for j, t in enumerate(runs):
                falls[j] += round(_prf(runs[0]).f1 - _prf(t).f1, 3) > 0.03
                holds[j] += round(_prf(t).precision, 3) >= round(_prf(runs[0]).precision, 3)
    print_cut_table(rows)
    print("\nEach grid cut applied to every corpus with its held-out model (information only; no cut is picked here):\n")
    print("| cut | audit P | audit F1 | check P | check F1 | runs P rises or holds | runs F1 falls > 0.03 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    n_runs = sum(len(grid.runs[n]) for n in names)
    for j, c in enumerate((0.0, *grid.cuts)):
        a, k = (_prf(_as_tally(fixed[kind][j])) for kind in ("audit", "check"))
        print(f"| {c:.2f} | {a.precision:.3f} | {a.f1:.3f} | {k.precision:.3f} | {k.f1:.3f} | "
              f"{holds[j]}/{n_runs} | {falls[j]} |")
    shipped, scores = grid.choose(names, frozenset())
    print("\nPooled F0.5 (audit and check) on all corpora, each scored by the model fitted without it: "
          + ", ".join(f"{c:.2f}: {s:.4f}" for c, s in zip(grid.cuts, scores, strict=True)))
    print(f"The cut chosen on all {len(names)} corpora (the one that would ship): {shipped:.2f}")


def print_cut_table(rows: Sequence[tuple[str, float, dict[str, tuple[Tally, Tally]]]]) -> None:
    """The per-corpus table (worst F1 change first), the pooled row and the rule's (1) and (2) counts."""
    def worst(row: tuple[str, float, dict[str, tuple[Tally, Tally]]]) -> float:
        return min(_prf(a).f1 - _prf(b).f1 for b, a in row[2].values())

    print("| corpus | cut | audit P | audit F1 | check P | check F1 | worst F1 change |")
    print("|---|---:|---|---|---|---|---:|")
    pooled = {kind: [np.zeros(3), np.zeros(3)] for kind in ("audit", "check")}
    p_ok = {kind: [0, 0] for kind in ("audit", "check")}
    big_falls = []
    for name, cut, runs in sorted(rows, key=worst):
        cells = []
        for kind in ("audit", "check"):
            if kind not in runs:
                cells += ["", ""]
                continue
            b, a = runs[kind]
            pooled[kind][0] += b
            pooled[kind][1] += a
            p_ok[kind][0] += round(_prf(a).precision, 3) >= round(_prf(b).precision, 3)
            p_ok[kind][1] += 1
            if round(_prf(b).f1 - _prf(a).f1, 3) > 0.03:
                big_falls.append(f"{name} {kind}")
            cells += [_cell(b, a, "p"), _cell(b, a, "f1")]
        print(f"| {name} | {cut:.2f} | " + " | ".join(cells) + f" | {worst((name, cut, runs)):+.3f} |")
    cells = []
    for kind in ("audit", "check"):
        b, a = (_as_tally(x) for x in pooled[kind])
        cells += [_cell(b, a, "p"), _cell(b, a, "f1")]
    print("| **pooled** | | " + " | ".join(cells) + " | |")
    for kind in ("audit", "check"):
        b, a = (_prf(_as_tally(x)) for x in pooled[kind])
        print(f"\n{kind}: pooled P {b.precision:.3f} -> {a.precision:.3f}, F1 {b.f1:.3f} -> {a.f1:.3f}; "
              f"P rises or holds on {p_ok[kind][0]}/{p_ok[kind][1]} corpora", end="")
    print(f"\n\nF1 falls by more than 0.03 on: {', '.join(big_falls) or 'none'}")


def write_weights(rows: list[dict[str, Any]], corpora: Sequence[str]) -> None:
    """Fit on every row and write the shipped weights with their provenance (corpora, counts, date)."""
    labelled = [r for r in rows if r["label"] is not None]
    model = fit(labelled)
    model["provenance"] = {
        "trained_by": "bench/train_confidence.py --write",
        "data": str(ROWS.relative_to(REPO)),
        "corpora": sorted({r["corpus"] for r in labelled}),
        "findings": len(labelled), "right": sum(r["label"] for r in labelled),
        "l2": L2, "date": date.today().isoformat(),
        "label": "right: hits a required label of tests.scoring.score_rules; wrong: counted false; "
                 "optional-only and metric-conflict on a rep misstatement left out",
    }
    dropped = "fresh" in (read_weights(str(confidence.WEIGHTS)) or {})
    confidence.WEIGHTS.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {confidence.WEIGHTS} ({len(labelled)} findings, {len(corpora)} corpora)")
    if dropped:  # the map was fitted on the old weights' log-odds: it does not carry over to new ones
        print("the calibration for new companies (fresh) was fitted under the old weights and is dropped; fit it "
              "again with --fresh on corpora these weights were not fitted on")


def training_rows() -> list[dict[str, Any]]:
    """The committed rows (:data:`ROWS`), less any of a held-out corpus: what the weights are fitted on."""
    rows = [json.loads(x) for x in ROWS.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r for r in rows if r["corpus"] not in HELD_OUT]


# -- calibrated for new companies ---------------------------------------------------------------------------


def calibrate(z: np.ndarray, fresh: tuple[float, float] | None) -> np.ndarray:
    """P(right) of log-odds ``z`` through the calibration ``fresh`` (None: none), rounded as canon shows it."""
    return np.array([confidence.calibrated(float(v), fresh) for v in z])


def fit_fresh(odds: Mapping[str, tuple[np.ndarray, np.ndarray]], names: Sequence[str]) -> tuple[float, float]:
    """The calibration (:func:`knowledge.rules.confidence.platt`) fitted on the findings of ``names``."""
    pairs = [(float(v), bool(t)) for n in names for v, t in zip(*odds[n], strict=True)]
    return confidence.platt(pairs)


def print_calibrated(held: Mapping[str, tuple[np.ndarray, np.ndarray, tuple[float, float]]]) -> tuple[float, float]:
    """Per corpus (log-odds, labels, the calibration it is scored with) and pooled: the Brier score
    without and with the calibration, the mean confidence of the findings at 0.5 or above (without)
    without and with it against the share of them right, and the reliability bins of both. Returns
    the pooled Brier without and with."""
    print("| corpus | findings | right | a | b | Brier without | Brier with | >= 0.5: n | mean without | mean with | observed |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    ys, p0s, p1s = [], [], []
    for name, (z, y, fresh) in held.items():
        p0, p1 = calibrate(z, None), calibrate(z, fresh)
        print(f"| {name} | {len(y)} | {int(y.sum())} | {fresh[0]:.2f} | {fresh[1]:+.2f} | "
              f"{((p0 - y) ** 2).mean():.3f} | {((p1 - y) ** 2).mean():.3f} | {_high(y, p0, p1)} |")
        ys.append(y)
        p0s.append(p0)
        p1s.append(p1)
    y, p0, p1 = np.concatenate(ys), np.concatenate(p0s), np.concatenate(p1s)
    b0, b1 = float(((p0 - y) ** 2).mean()), float(((p1 - y) ** 2).mean())
    print(f"| **pooled** | {len(y)} | {int(y.sum())} | | | {b0:.3f} | {b1:.3f} | {_high(y, p0, p1)} |")
    print_bins(y, p0, p1, "without", "with")
    return b0, b1


def print_bins(y: np.ndarray, p0: np.ndarray, p1: np.ndarray, left: str, right: str) -> None:
    """The reliability bins of two sets of scores of the same findings ``y`` side by side (their
    columns named ``left`` and ``right``): findings, mean predicted and share right per bin."""
    print(f"\n| predicted ({left}) | findings | mean {left} | observed | predicted ({right}) | findings | mean {right} | observed |")
    print("|---|---:|---:|---:|---|---:|---:|---:|")
    got0, got1 = list(bins(p0)), list(bins(p1))
    for i in range(max(len(got0), len(got1))):
        cells = []
        for got, p in ((got0, p0), (got1, p1)):
            if i < len(got):
                label, m = got[i]
                cells.append(f"{label} | {int(m.sum())} | {p[m].mean():.2f} | {y[m].mean():.2f}")
            else:
                cells.append(" | | | ")
        print(f"| {cells[0]} | {cells[1]} |")


def _high(y: np.ndarray, p0: np.ndarray, p1: np.ndarray) -> str:
    """The cells on the findings the model alone puts at 0.5 or above: how many, their mean confidence
    without and with the calibration, and the share of them right."""
    m = p0 >= CUT
    if not m.any():
        return "0 | | | "
    return f"{int(m.sum())} | {p0[m].mean():.2f} | {p1[m].mean():.2f} | {y[m].mean():.2f}"


def fresh_odds(rows: Sequence[dict[str, Any]], names: Sequence[str], model: dict[str, Any],
               ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """corpus -> (log-odds under ``model``, labels) of its labelled findings once per key."""
    labelled = [r for r in rows if r["label"] is not None]
    return {n: log_odds_of([r for r in labelled if r["corpus"] == n], model) for n in names}


def judge_fresh(odds: Mapping[str, tuple[np.ndarray, np.ndarray]]) -> bool:
    """The rule's (i): each fresh corpus scored with the calibration fitted on the others; True where on
    every one the Brier falls and the mean confidence of the findings at 0.5 or above (the model alone)
    moves toward the share of them right. Prints the table and the verdict."""
    held = {n: (*odds[n], fit_fresh(odds, [m for m in odds if m != n])) for n in odds}
    print_calibrated(held)
    ok = True
    for name, (z, y, fresh) in held.items():
        p0, p1 = calibrate(z, None), calibrate(z, fresh)
        m = p0 >= CUT
        brier = ((p1 - y) ** 2).mean() < ((p0 - y) ** 2).mean()
        toward = bool(m.any()) and abs(p1[m].mean() - y[m].mean()) < abs(p0[m].mean() - y[m].mean())
        print(f"\n(i) {name}, fitted on the others: Brier falls: {brier}; the mean at 0.5 or above moves toward "
              f"the observed: {toward}", end="")
        ok = ok and bool(brier) and toward
    print()
    return ok


REFIT_SHARE = 0.75  # a refit must beat the map it replaces on at least this share of the fresh corpora


def replaced_map(old: Mapping[str, Any], name: str, odds: Mapping[str, tuple[np.ndarray, np.ndarray]],
                 ) -> tuple[float, float]:
    """The map a refit is compared with on fresh corpus ``name``: the shipped one (``old``, the weights'
    ``fresh`` block) where it was not fitted on ``name``, else that map fitted again without ``name``
    (on the rest of its corpora), so the comparison never scores a map on findings it saw."""
    if name not in old["fitted_on"]:
        return float(old["a"]), float(old["b"])
    rest = [m for m in old["fitted_on"] if m != name and m in odds]
    if not rest:
        raise SystemExit(f"the shipped map was fitted on {name} alone: nothing to compare a refit with")
    return fit_fresh(odds, rest)


def print_refit(held: Mapping[str, tuple[np.ndarray, np.ndarray, tuple[float, float], tuple[float, float]]],
                ) -> tuple[dict[str, bool], bool]:
    """Per corpus (log-odds, labels, the map before, the map after) and pooled: a, b and the Brier score
    of both maps, and the reliability bins of both. Returns, per corpus and pooled, whether the Brier
    score is lower after."""
    print("| corpus | findings | right | a before | b before | Brier before | a after | b after | Brier after |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    ys, p0s, p1s, lower = [], [], [], {}
    for name, (z, y, before, after) in held.items():
        p0, p1 = calibrate(z, before), calibrate(z, after)
        b0, b1 = float(((p0 - y) ** 2).mean()), float(((p1 - y) ** 2).mean())
        lower[name] = b1 < b0
        print(f"| {name} | {len(y)} | {int(y.sum())} | {before[0]:.2f} | {before[1]:+.2f} | {b0:.3f} | "
              f"{after[0]:.2f} | {after[1]:+.2f} | {b1:.3f} |")
        ys.append(y)
        p0s.append(p0)
        p1s.append(p1)
    y, p0, p1 = np.concatenate(ys), np.concatenate(p0s), np.concatenate(p1s)
    b0, b1 = float(((p0 - y) ** 2).mean()), float(((p1 - y) ** 2).mean())
    print(f"| **pooled** | {len(y)} | {int(y.sum())} | | | {b0:.3f} | | | {b1:.3f} |")
    print_bins(y, p0, p1, "before", "after")
    return lower, b1 < b0


def judge_refit(odds: Mapping[str, tuple[np.ndarray, np.ndarray]], old: Mapping[str, Any]) -> bool:
    """The refit's (i) (eighteenth round): each fresh corpus scored with the map fitted on the others
    against the map it would replace (:func:`replaced_map`); True where the Brier score is lower on at
    least :data:`REFIT_SHARE` of them and pooled. Prints the table and the verdict."""
    held = {n: (*odds[n], replaced_map(old, n, odds), fit_fresh(odds, [m for m in odds if m != n])) for n in odds}
    lower, pooled = print_refit(held)
    wins = sum(lower.values())
    need = int(np.ceil(REFIT_SHARE * len(lower)))
    print(f"\n(i) against the shipped map: Brier lower on {wins} of {len(lower)} (needs {need}); pooled lower: {pooled}")
    return wins >= need and pooled


def loco_fresh(rows: Sequence[dict[str, Any]], fresh: Sequence[str]) -> None:
    """Information only: each other corpus scored by the model fitted without it (and without the fresh
    corpora), without and with the calibration fitted on the fresh corpora under that model."""
    labelled = [r for r in rows if r["label"] is not None and r["corpus"] not in fresh]
    held = {}
    for name in sorted({r["corpus"] for r in labelled}):
        model = fit([r for r in labelled if r["corpus"] != name])
        z, y = log_odds_of([r for r in labelled if r["corpus"] == name], model)
        held[name] = (z, y, fit_fresh(fresh_odds(rows, fresh, model), fresh))
    print_calibrated(held)


def run_fresh(rows: list[dict[str, Any]], names: Sequence[str]) -> None:
    """``--fresh``: the rule's (i) and (ii), the LOCO information table, and the calibration fitted on
    every fresh corpus written to the weights' file (``fresh``) only where (i) and (ii) hold. Where a
    map ships already, (i) is the refit's (:func:`judge_refit`; the table against none is printed for
    information) and the new block keeps the map it replaces (``replaces``) for the exam."""
    shipped = read_weights(str(confidence.WEIGHTS))
    if shipped is None:
        raise SystemExit(f"no shipped weights at {confidence.WEIGHTS}")
    odds = fresh_odds(rows, names, shipped)
    print(f"Calibrated for new companies: fitted on {', '.join(names)} under the shipped weights\n")
    ok = judge_fresh(odds)
    old = shipped.get("fresh")
    if isinstance(old, dict):  # a refit: judged against the map it would replace, not against none
        print("\nAgainst the shipped map (each fresh corpus left out in turn):\n")
        ok = judge_refit(odds, old)
    a, b = fit_fresh(odds, names)
    print(f"\n(ii) fitted on {', '.join(names)}: a = {a:.4f}, b = {b:+.4f}; a > 0: {a > 0}")
    print("\nLOCO on the other corpora, without and with the calibration (information only):\n")
    loco_fresh(rows, names)
    if not (ok and a > 0):
        print("\nThe rule's (i) or (ii) fails: nothing written.")
        return
    shipped["fresh"] = {
        "a": round(a, 4), "b": round(b, 4), "fitted_on": sorted(names), "rows": sum(len(y) for _, y in odds.values()),
        "right": int(sum(y.sum() for _, y in odds.values())), "prior_a": list(confidence.PLATT_PRIOR_A),
        "prior_b": list(confidence.PLATT_PRIOR_B), "trained_by": "bench/train_confidence.py --fresh",
        "data": str(ROWS.relative_to(REPO)), "date": date.today().isoformat(),
        "what": "P(right) = sigmoid(a * z + b), z the log-odds of the weights above (MAP, Platt), fitted on "
                "the findings of corpora the rules were never tuned on and the weights never fitted on",
    }
    if isinstance(old, dict):
        shipped["fresh"]["replaces"] = {k: old[k] for k in ("a", "b", "fitted_on", "date") if k in old}
    confidence.WEIGHTS.write_text(json.dumps(shipped, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote the calibration to {confidence.WEIGHTS}")


# -- the final exam ----------------------------------------------------------------------------------------


@contextmanager
def silenced() -> Iterator[None]:
    """Send everything written to stdout and stderr (Python's streams, whatever they are, and the file
    descriptors, so logging, warnings and native libraries too) to /dev/null: a run on a held-out
    corpus shows nothing of it."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        os.dup2(null, 2)
        with open(os.devnull, "w", encoding="utf-8") as sink, redirect_stdout(sink), redirect_stderr(sink):
            yield
    finally:
        for fd, copy in zip((1, 2), saved, strict=True):
            os.dup2(copy, fd)
            os.close(copy)
        os.close(null)


def exam_rows(name: str, work: Path) -> list[dict[str, Any]]:
    """The labelled rows of ``name`` (:func:`collect`), canon run silenced; a failure names only the
    kind of its error, since its message may quote the held-out corpus."""
    try:
        with silenced():
            rows, _ = collect(name, work)
    except Exception as e:  # noqa: BLE001 -- the message is withheld on purpose
        raise SystemExit(f"exam {name}: the run failed ({type(e).__name__}; message withheld)") from None
    return [r for r in rows if r["label"] is not None]


def exam(names: Sequence[str], work: Path, training: Sequence[dict[str, Any]], *, share: float = 0.0,
         seeds: int = 5) -> None:
    """Score ``names`` with the shipped weights against the base rate of ``training`` (the rows the
    weights were fitted on) and print only the aggregate table and reliability table; with ``share``,
    the recalibration from simulated verdicts (:func:`report_verdicts`) as well."""
    shipped = read_weights(str(confidence.WEIGHTS))
    if shipped is None:
        raise SystemExit(f"no shipped weights at {confidence.WEIGHTS}")
    base = base_rates([r for r in training if r["label"] is not None])
    held, odds = {}, {}
    for name in names:
        test = exam_rows(name, work)
        if test:
            held[name] = scored(test, shipped, base)
            odds[name] = log_odds_of(test, shipped)
        else:
            print(f"{name}: no labelled figure finding")
    fitted = sorted(set(names) & set(shipped.get("provenance", {}).get("corpora", [])))
    print(f"Exam with the shipped weights ({confidence.WEIGHTS.name}, not refitted); base: each rule's "
          f"precision on the training rows. Fitted with these, so not an exam of them: {', '.join(fitted) or 'none'}\n")
    if held:
        report_loco(held)
    if odds and (fresh := confidence.load_fresh(str(confidence.WEIGHTS))):
        seen = sorted(set(names) & set(shipped.get("fresh", {}).get("fitted_on", [])))
        print(f"\nWithout and with the calibration for new companies (a = {fresh[0]:.4f}, b = {fresh[1]:+.4f}); "
              f"fitted with these, so not an exam of it: {', '.join(seen) or 'none'}\n")
        print_calibrated({n: (*odds[n], fresh) for n in odds})
        if replaced := replaced_of(shipped):
            print(f"\nWith the map it replaced (before: a = {replaced[0]:.4f}, b = {replaced[1]:+.4f}) and with it "
                  f"(after); whether the refit stays is judged on the pooled Brier\n")
            print_refit({n: (*odds[n], replaced, fresh) for n in odds})
    if odds and share:
        print()
        report_verdicts(odds, share, seeds)


def replaced_of(shipped: Mapping[str, Any]) -> tuple[float, float] | None:
    """The map the shipped calibration replaced (``fresh.replaces``: a, b), or None where it replaced none."""
    old = (shipped.get("fresh") or {}).get("replaces")
    return (float(old["a"]), float(old["b"])) if isinstance(old, dict) else None


def check_fresh(ap: argparse.ArgumentParser, names: Sequence[str]) -> list[str]:
    """``--fresh``'s names, refused (exit 2) where one is held out, has no rows, or the shipped weights
    were fitted on it (so it is not fresh), or where fewer than two are given (each is scored by the
    calibration fitted on the others)."""
    if held_out := [n for n in names if n in HELD_OUT]:
        ap.error(f"held out, only --exam takes it: {', '.join(held_out)}")
    have = {r["corpus"] for r in training_rows()}
    fitted = set((read_weights(str(confidence.WEIGHTS)) or {}).get("provenance", {}).get("corpora", []))
    if bad := [n for n in names if n not in have or n in fitted]:
        ap.error(f"not a fresh development corpus with rows: {', '.join(bad)}")
    if len(set(names)) < 2:
        ap.error("--fresh needs at least two corpora")
    return sorted(set(names))


def main() -> None:
    """Collect, report leave-one-corpus-out, write the weights, or sit an exam, as the arguments say."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--collect", action="store_true", help="run canon on the corpora and write the rows")
    ap.add_argument("--corpus", action="append", help="collect only these (repeatable)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/canon-confidence"))
    ap.add_argument("--findings", type=Path, help="every finding of each run (JSON), for the cut's P and F1")
    ap.add_argument("--write", action="store_true", help="fit on every row and write the shipped weights")
    ap.add_argument("--exam", action="append", metavar="NAME",
                    help="score this corpus with the shipped weights, aggregates only (repeatable; runs alone)")
    ap.add_argument("--verdicts", type=float, default=0.0, metavar="SHARE",
                    help="simulate verdicts on this share of each corpus's findings and report the recalibration")
    ap.add_argument("--seeds", type=int, default=5, help="with --verdicts: the seeds 1..N, figures their mean")
    ap.add_argument("--fresh", action="append", metavar="NAME",
                    help="fit the calibration for new companies on these development corpora (repeatable; runs alone)")
    ap.add_argument("--cuts", type=lambda v: [float(x) for x in v.split(",")], metavar="C1,C2,...",
                    help="with --findings: a default cut chosen leave-one-corpus-out from this grid (report_cuts)")
    args = ap.parse_args()
    if args.exam:
        if args.collect or args.write or args.corpus or args.findings:
            ap.error("--exam runs alone")
        if unknown := [n for n in args.exam if n not in CORPORA]:
            ap.error(f"unknown corpus: {', '.join(unknown)}")
        exam(args.exam, args.work, training_rows(), share=args.verdicts, seeds=args.seeds)
        return
    if args.fresh:
        run_fresh(training_rows(), check_fresh(ap, args.fresh))
        return
    if held_out := [n for n in args.corpus or () if n in HELD_OUT]:
        ap.error(f"held out, only --exam takes it: {', '.join(held_out)}")
    corpora = args.corpus or figure_corpora()
    if args.collect:
        rows, found = [], {}
        for name in corpora:
            got, found[name] = collect(name, args.work)
            rows += got
            print(f"[{name}] {len(got)} figure findings, {sum(r['label'] == 1 for r in got)} right", flush=True)
        ROWS.parent.mkdir(parents=True, exist_ok=True)
        ROWS.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in rows), encoding="utf-8")
        if args.findings:
            args.findings.write_text(json.dumps(found), encoding="utf-8")
    rows = training_rows()
    names = [n for n in corpora if any(r["corpus"] == n for r in rows)]
    if args.verdicts:
        report_verdicts(loco_log_odds(rows, names), args.verdicts, args.seeds)
        return
    if args.cuts:
        if not (args.findings and args.findings.is_file()):
            ap.error("--cuts needs --findings (from --collect)")
        report_cuts(CutGrid(json.loads(args.findings.read_text(encoding="utf-8")), rows, names, sorted(args.cuts)))
        return
    report_loco(loco(rows, names))
    if args.findings and args.findings.is_file():
        report_cut(json.loads(args.findings.read_text(encoding="utf-8")), rows, names)
    if args.write:
        write_weights(rows, names)


if __name__ == "__main__":
    main()
