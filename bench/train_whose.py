"""Fit and judge the learned reading of whose figure a rep's count or amount is
(:mod:`knowledge.figures.whose`), from the rep review beds.

Labels, per gated figure (a count or an amount a rep says on a call with a second person in its
clause) on a case's line: the case wants ``rep-misstatement`` -> the rep's claim (1); the case wants
nothing and the figure, read as ours, draws a ``rep-misstatement`` -> not the rep's claim (0); every
other case gives no label. Judged leave-one-bed-out: each bed is run with a model fitted without it
and compared, case for case, with main's reading.

Usage::

    python bench/train_whose.py            # labels, the LOBO table
    python bench/train_whose.py --write    # and fit on all five beds, writing knowledge/figures/whose.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.review_beds import (  # noqa: E402
    Case,
    IndustryRun,
    by_industry,
    default_embed,
    is_right,
    kb_folder,
    load_cases,
)
from knowledge.claims.linear import Linear  # noqa: E402
from knowledge.figures import whose  # noqa: E402

# the five held-out groups: rep_review2's four beds came from one review and go out together
GROUPS = {"rep_review": ("rep_review",),
          "rep_review2": ("rep_review2_fresh", "rep_review2_hard", "rep_review2_more", "rep_review2_z"),
          "rep_review3": ("rep_review3",), "rep_review4": ("rep_review4",),
          "rep_review5": ("rep_review5",)}
L2 = 1.0  # ridge on the weights (not the bias), fixed before any fit
THRESHOLD = 0.5


def run_each(cases: list[Case], mode: str, embed: Any) -> tuple[dict[str, Any], dict[str, list[dict[str, float]]]]:
    """Each case run alone under ``whose.MODE = mode``: what it reports on its line, and (``open``) the
    cues of the gated figures on its line."""
    got: dict[str, Any] = {}
    seen: dict[str, list[dict[str, float]]] = {}
    whose.MODE = mode
    for group in by_industry(cases).values():
        run = IndustryRun(kb_folder(group[0]), embed)
        try:
            for case in group:
                whose.SEEN.clear()
                got.update(run.run([case]))
                seen[case.key] = [c for _, line, c in whose.SEEN if case.line is None or line == case.line]
        finally:
            run.close()
    whose.MODE = "main"
    return got, seen


def labels(cases: list[Case], opened: dict[str, Any], seen: dict[str, list[dict[str, float]]]
           ) -> tuple[list[tuple[str, dict[str, float], int]], dict[str, int]]:
    """(case key, cues, label) of every labelled figure, and counts of why cases gave none."""
    out: list[tuple[str, dict[str, float], int]] = []
    why = {"labelled cases": 0, "drafts": 0, "no gated figure": 0, "wants other rules": 0,
           "wants nothing, draws nothing": 0}
    for case in cases:
        figures = seen.get(case.key, [])
        if case.where != "call":
            why["drafts"] += 1
        elif not figures:
            why["no gated figure"] += 1
        elif "rep-misstatement" in case.wanted:
            out += [(case.key, f, 1) for f in figures]
            why["labelled cases"] += 1
        elif case.wanted:
            why["wants other rules"] += 1
        elif any(rule == "rep-misstatement" for rule, _ in opened[case.key]):
            out += [(case.key, f, 0) for f in figures]
            why["labelled cases"] += 1
        else:
            why["wants nothing, draws nothing"] += 1
    return out, why


def fit(rows: Sequence[tuple[str, dict[str, float], int]], provenance: dict[str, Any]) -> Linear:
    """An L2 logistic regression over the named cues, by Newton's method."""
    names = sorted({k for _, c, _ in rows for k in c})
    x = np.array([[c.get(k, 0.0) for k in names] + [1.0] for _, c, _ in rows])
    y = np.array([label for _, _, label in rows], dtype=float)
    w = np.zeros(x.shape[1])
    ridge = np.eye(x.shape[1]) * L2
    ridge[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + ridge @ w
        hess = (x.T * (p * (1 - p))) @ x + ridge + np.eye(x.shape[1]) * 1e-9
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    data = {"cues": {k: round(float(v), 6) for k, v in zip(names, w[:-1], strict=True)},
            "bias": round(float(w[-1]), 6), "threshold": THRESHOLD, **provenance}
    return Linear.of(data)


def judged(cases: list[Case], got: dict[str, Any]) -> dict[str, bool]:
    """Whether each case's findings in ``got`` meet its wanted result, by case id."""
    return {c.key: is_right(c, got[c.key]) for c in cases}


def main(argv: list[str] | None = None) -> int:
    """Label the beds' figures, fit and judge leave-one-bed-out, and write the weights with ``--write``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="fit on all five beds and write whose.json")
    args = ap.parse_args(argv)
    embed = default_embed()
    cases = {g: [c for bed in beds for c in load_cases(bed)] for g, beds in GROUPS.items()}
    every = [c for group in cases.values() for c in group]
    main_got, _ = run_each(every, "main", embed)
    opened, seen = run_each(every, "open", embed)
    rows, why = labels(every, opened, seen)
    print(f"cases {len(every)}; figures labelled {len(rows)} (ours {sum(r[2] for r in rows)}, "
          f"not ours {sum(1 - r[2] for r in rows)}); cases: {why}")
    main_right = judged(every, main_got)
    total = [0, 0, 0, 0, 0]
    print("| held-out bed | cases | main right | model right | mended | broken | new false findings |")
    print("|---|---|---|---|---|---|---|")
    for g, held in cases.items():
        keys = {c.key for c in held}
        model = fit([r for r in rows if r[0] not in keys], {})
        saved = whose.load_model
        whose.load_model = lambda *_a, _m=model: _m  # type: ignore[assignment]
        try:
            got, _ = run_each(held, "model", embed)
        finally:
            whose.load_model = saved  # type: ignore[assignment]
        now = judged(held, got)
        mended = [k for k in keys if now[k] and not main_right[k]]
        broken = [k for k in keys if main_right[k] and not now[k]]
        false_new = [c.key for c in held if not c.wanted and not main_got[c.key] and got[c.key]]
        row = [len(held), sum(main_right[k] for k in keys), sum(now.values()), len(mended), len(broken)]
        print(f"| {g} | " + " | ".join(map(str, row)) + f" | {len(false_new)} |")
        print(f"|  | broken: {sorted(broken)} |", file=sys.stderr)
        total = [a + b for a, b in zip(total, row, strict=False)]
    print(f"| pooled | {total[0]} | {total[1]} | {total[2]} | {total[3]} | {total[4]} | |")
    if args.write:
        model = fit(rows, {"fitted_on": sorted(b for beds in GROUPS.values() for b in beds),
                           "labels": {"ours": sum(r[2] for r in rows), "not_ours": sum(1 - r[2] for r in rows)},
                           "l2": L2, "trainer": "bench/train_whose.py"})
        out = {"cues": model.cue_weights, "bias": model.bias, "threshold": model.threshold,
               "fitted_on": sorted(b for beds in GROUPS.values() for b in beds),
               "labels": {"ours": sum(r[2] for r in rows), "not_ours": sum(1 - r[2] for r in rows)},
               "cases_without_label": why, "l2": L2, "trainer": "bench/train_whose.py"}
        whose.WEIGHTS.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
