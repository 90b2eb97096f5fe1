"""Leave-one-corpus-out, through the pipeline, for the claim-ness model trained with the figures of
every development corpus (``bench/train_claimness.py --every-corpus``; bench/ACCURACY.md, "Claims that
need a source, learned from every development corpus, thirteenth round").

For each corpus named: fit the model (weights and threshold) without that corpus's derived rows, then
audit the corpus with it (``bench/accuracy.py --rules --no-objections``, ``CANON_CLAIMNESS_WEIGHTS``).
With ``--summary BASE.json`` it prints, per corpus, ``unsourced-claim`` TP FP FN and the audit F1
before (``BASE.json``: the same command with the shipped weights) and after, and checks the decision
rule.

    python bench/loco_claimness_every.py --out /tmp/loco --corpus kelpmoor --corpus cobbleway ...
    python bench/loco_claimness_every.py --cut written-precision --out /tmp/loco2 --corpus ...  # second try
    python bench/loco_claimness_every.py --out /tmp/loco --summary /tmp/base.json --corpus ...

Larkspur and the round's held-out sets are refused. Needs scikit-learn.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import train_claimness as tc  # noqa: E402
from bench.accuracy import CORPORA, HELD_OUT  # noqa: E402

FOLDS = 10  # the threshold's source-grouped folds (the decision rule)
RECALL = 0.90  # the share of held-out claims the threshold keeps (as the trainer)
C = 0.5


def rows() -> list[tc.Row]:
    """Every training row as ``train_claimness.py --every-corpus`` reads them."""
    written, _ = tc.handwritten()
    corpus_rows = tc.merge_corpus_rows(tc.corpora(), tc.every_corpus())
    return written + corpus_rows + tc.case_studies(held_out=False)


def _cache_features() -> None:
    """Compute each row's features once (they do not depend on which rows are trained on)."""
    memo: dict[int, dict[str, float]] = {}
    plain = tc.featurise

    def featurise(rs: list[tc.Row]) -> list[dict[str, float]]:
        missing = [r for r in rs if id(r[0]) not in memo]
        for r, f in zip(missing, plain(missing), strict=True):
            memo[id(r[0])] = f
        return [memo[id(r[0])] for r in rs]

    tc.featurise = featurise  # type: ignore[assignment]


def fit_without(every: list[tc.Row], name: str, out: Path, how: str = "recall", target: float | None = None) -> float:
    """Fit the model on ``every`` less ``name``'s corpus rows, its threshold chosen on source-grouped
    folds of those rows alone (``how``: ``train_claimness.choose_cut``); write it to ``out``; return
    the threshold."""
    from sklearn.feature_extraction import DictVectorizer

    train = [r for r in every if not (r[2].startswith("corpus:") and r[2].split(":")[1] == name)]
    ps = tc.held_out(train, C, tc.fold_of([tc.source(r[2]) for r in train], FOLDS))
    cut = tc.choose_cut(train, ps, how, RECALL, target)
    vec = DictVectorizer()
    model = tc._fit(vec.fit_transform(tc.featurise(train)), [r[1] for r in train], C)
    tc.write_model(vec, model, cut, {"mentions": len(train), "held_out_corpus": name, "c": C, "cut": how}, out)
    return cut


def audit(name: str, weights: Path, out: Path, work: Path) -> None:
    """``bench/accuracy.py`` on one corpus with the claim-ness weights at ``weights``."""
    env = dict(os.environ, CANON_CLAIMNESS_WEIGHTS=str(weights), PYTHONPATH=str(REPO))
    subprocess.run([sys.executable, str(REPO / "bench" / "accuracy.py"), "--corpus", name, "--rules", "--show",
                    "--no-objections", "--work", str(work), "--json", str(out)], env=env, check=True,
                   stdout=(out.with_suffix(".log")).open("w"), stderr=subprocess.STDOUT)


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def summary(base: dict[str, Any], after: dict[str, Any], names: list[str]) -> bool:
    """Print the per-corpus table and whether the decision rule holds."""
    def uc(rep: dict[str, Any]) -> tuple[int, int, int]:
        c = rep["audit"]["rules"].get("unsourced-claim", {"tp": 0, "fp": 0, "fn": 0})
        return c["tp"], c["fp"], c["fn"]

    def prec(tp: int, fp: int) -> float:
        return tp / (tp + fp) if tp + fp else 1.0

    print("| corpus | unsourced-claim TP FP FN before | after | audit F1 before | after | F1 floor |")
    print("|---|---|---|---|---|---|")
    ok = True
    pooled = [0] * 6
    for n in names:
        b, a = uc(base[n]), uc(after[n])
        ab, aa = base[n]["audit"]["all_rules"], after[n]["audit"]["all_rules"]
        tp, fp, fn = ab["tp"], ab["fp"], ab["fn"]
        floor = min(_f1(tp - 1, fp, fn + 1), _f1(tp, fp + 1, fn)) if tp else 0.0
        bad = aa["f1"] < floor - 1e-9 or a[0] < b[0] - 1
        ok &= not bad
        for i, v in enumerate((*b, *a)):
            pooled[i] += v
        print(f"| {n} | {b[0]} {b[1]} {b[2]} | {a[0]} {a[1]} {a[2]} | {ab['f1']:.3f} | {aa['f1']:.3f} | {floor:.3f}"
              f"{' FAILS' if bad else ''} |")
    print(f"| pooled | {pooled[0]} {pooled[1]} {pooled[2]} | {pooled[3]} {pooled[4]} {pooled[5]} | | | |")
    worst = sorted((n for n in names if sum(uc(base[n])[:2])), key=lambda n: prec(*uc(base[n])[:2]))[:5]
    wb = [sum(uc(base[n])[i] for n in worst) for i in (0, 1)]
    wa = [sum(uc(after[n])[i] for n in worst) for i in (0, 1)]
    rise_pooled = prec(pooled[3], pooled[4]) > prec(pooled[0], pooled[1])
    rise_worst = prec(*wa) > prec(*wb)
    print(f"pooled precision {prec(pooled[0], pooled[1]):.3f} -> {prec(pooled[3], pooled[4]):.3f}; worst five "
          f"({', '.join(worst)}) {prec(*wb):.3f} -> {prec(*wa):.3f}")
    return ok and rise_pooled and rise_worst


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", required=True)
    ap.add_argument("--out", type=Path, required=True, help="where the weights, audits and logs go")
    ap.add_argument("--work", type=Path, default=Path("/tmp/canon-loco-claimness"))
    ap.add_argument("--summary", type=Path, default=None, help="the baseline's bench/accuracy.py --json")
    ap.add_argument("--fit-only", action="store_true", help="write the weights, audit nothing")
    ap.add_argument("--cut", choices=("recall", "written-precision"), default="recall",
                    help="how each fit's threshold is chosen (train_claimness.py --cut; the second try's is "
                    "written-precision)")
    args = ap.parse_args()
    names = args.corpus
    refused = [n for n in names if n in HELD_OUT or n not in CORPORA]
    if refused:
        sys.exit(f"refused: {', '.join(refused)}")
    args.out.mkdir(parents=True, exist_ok=True)
    if args.summary is None:
        _cache_features()
        target = tc.shipped_written_precision(C) if args.cut == "written-precision" else None
        if target is not None:
            print(f"the shipped model's held-out precision on the written sentences: {target:.4f}", flush=True)
        every = rows()
        with_rows = {r[2].split(":")[1] for r in every if r[2].startswith("corpus:")}
        for n in names:
            # a corpus that gave no rows is audited with the model fitted on every corpus's rows
            weights = args.out / f"weights-{n if n in with_rows else 'every'}.json"
            if not weights.is_file():
                print(f"{n}: threshold {fit_without(every, n, weights, args.cut, target):.3f}", flush=True)
            if not args.fit_only and not (args.out / f"{n}.json").is_file():
                audit(n, weights, args.out / f"{n}.json", args.work)
                print(f"{n}: audited", flush=True)
        return
    base = json.loads(args.summary.read_text(encoding="utf-8"))
    after = {n: json.loads((args.out / f"{n}.json").read_text(encoding="utf-8"))[n] for n in names}
    print("the decision rule " + ("holds" if summary(base, after, names) else "fails"))


if __name__ == "__main__":
    main()
