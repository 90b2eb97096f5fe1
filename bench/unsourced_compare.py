"""Two ``bench/accuracy.py --json`` outputs side by side for ``unsourced-claim``: per corpus TP/FP/FN,
precision and recall, and the figure-rule F1 (audit, check), before -> after, worst F1 change first, a
pooled row, and every floor of ``tests/test_accuracy.py`` (FLOORS, RULE_FLOORS) checked on the after
figures (audit and check summed for a rule floor, as the test does).

    python bench/unsourced_compare.py before.json after.json

Reads files only; prints a markdown table; asserts nothing. Never given the final exam's or a held-out
set's figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import HELD_OUT  # noqa: E402
from tests.test_accuracy import FLOORS, RULE_FLOORS  # noqa: E402

RULE = "unsourced-claim"


def _counts(row: dict[str, Any], rule: str) -> tuple[int, int, int]:
    """A rule's TP, FP, FN over the audit and the check of one corpus."""
    tp = fp = fn = 0
    for kind in ("audit", "check"):
        c = (row.get(kind) or {}).get("rules", {}).get(rule)
        if c:
            tp, fp, fn = tp + c["tp"], fp + c["fp"], fn + c["fn"]
    return tp, fp, fn


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "nan"


def _f1(row: dict[str, Any], kind: str) -> float | None:
    section = row.get(kind)
    return None if not section else float(section["figure_rules"]["f1"])


def _floors(name: str, row: dict[str, Any]) -> list[str]:
    """The floors of ``tests/test_accuracy.py`` that ``row`` breaks."""
    broken = []
    for kind, floor in FLOORS.get(name, {}).items():
        f1 = _f1(row, kind)
        if f1 is not None and f1 < floor:
            broken.append(f"{name} {kind} F1 {f1:.3f} < {floor}")
    for rule, (pf, rf) in RULE_FLOORS.get(name, {}).items():
        tp, fp, fn = _counts(row, rule)
        p, r = (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)
        if p < pf or r < rf:
            broken.append(f"{name} {rule} P {p:.2f} (floor {pf}) R {r:.2f} (floor {rf})")
    return broken


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    args = ap.parse_args()
    before, after = (json.loads(p.read_text(encoding="utf-8")) for p in (args.before, args.after))
    rows, pooled, broken = [], [0] * 6, []
    for name in before:
        if name in HELD_OUT or name not in after:
            continue
        b, a = _counts(before[name], RULE), _counts(after[name], RULE)
        pooled = [x + y for x, y in zip(pooled, b + a, strict=True)]
        f1 = {k: (_f1(before[name], k), _f1(after[name], k)) for k in ("audit", "check")}
        worst = min((y - x for x, y in f1.values() if x is not None and y is not None), default=0.0)
        cells = [f"{x:.3f} -> {y:.3f}" if x is not None and y is not None else "" for x, y in f1.values()]
        rows.append((worst, name, f"| {name} | {'/'.join(map(str, b))} -> {'/'.join(map(str, a))} | "
                     f"{_ratio(b[0], b[0] + b[1])} -> {_ratio(a[0], a[0] + a[1])} | "
                     f"{_ratio(b[0], b[0] + b[2])} -> {_ratio(a[0], a[0] + a[2])} | {cells[0]} | {cells[1]} |"))
        broken += _floors(name, after[name])
    print("| corpus | TP/FP/FN | P | R | audit F1 | check F1 |\n|---|---|---|---|---|---|")
    for _, _, line in sorted(rows):
        print(line)
    pb, pa = pooled[:3], pooled[3:]
    print(f"| **pooled** | {'/'.join(map(str, pb))} -> {'/'.join(map(str, pa))} | {_ratio(pb[0], pb[0] + pb[1])} -> "
          f"{_ratio(pa[0], pa[0] + pa[1])} | {_ratio(pb[0], pb[0] + pb[2])} -> {_ratio(pa[0], pa[0] + pa[2])} | | |")
    print("\nfloors broken after:", "; ".join(broken) or "none")


if __name__ == "__main__":
    main()
