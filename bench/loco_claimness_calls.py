"""Leave-one-corpus-out for the calls-and-drafts claim-ness model (``knowledge/claims/claimness.py:
claim_as_said``, asked by ``unsupported-claim``).

For every development corpus: the model is trained without that corpus's labelled mentions (its calls,
its drafts, its entries where it has some), its threshold chosen inside the training data alone
(``bench/train_claimness.py: calls_drafts_threshold``), and the corpus is audited and checked with it
(``CANON_CLAIMNESS_CALLS_DRAFTS_WEIGHTS``), beside a run without the model. Prints the figure rules'
and ``unsupported-claim``'s scores per corpus, before and after, the pooled figures, and how the
held-out mentions rank (ROC AUC) against the shipped claim-ness model's decisions.

    python bench/loco_claimness_calls.py                      # every development corpus
    python bench/loco_claimness_calls.py --corpus kelpmoor    # one
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import train_claimness as tc  # noqa: E402
from bench.accuracy import CORPORA, FIGURE_RULES, run_corpus  # noqa: E402
from knowledge.claims import claimness  # noqa: E402

ENV = "CANON_CLAIMNESS_CALLS_DRAFTS_WEIGHTS"
RULE = "unsupported-claim"


def _counts(res: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in ("audit", "check"):
        if kind not in res:
            continue
        s = res[kind]["score"]
        fig = s.total(FIGURE_RULES)
        rule = s.counts.get(RULE)
        out[kind] = {"figure": [fig.tp, fig.fp, fig.fn], "f1": round(fig.prf.f1, 4),
                     "rule": [rule.tp, rule.fp, rule.fn] if rule else [0, 0, 0],
                     "fp": [f"{f['path']}:{f.get('line')} {f['message'][:90]}" for f in s.false_positives
                            if f["rule"] == RULE],
                     "missed": [f"{e['rule']} {e['path']}:{e['line']}" for e in s.missed]}
    return out


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.2f} R {r:.2f} F1 {f:.2f} ({tp} {fp} {fn})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", help="only these corpora (repeatable)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "canon-loco-claimness")
    ap.add_argument("--json", type=Path, help="write the per-corpus figures here")
    ap.add_argument("--c", type=float, default=0.5)
    ap.add_argument("--recall", type=float, default=0.90)
    ap.add_argument("--replaces", action="store_true",
                    help="the refitted model decides alone (instead of both models having to call a figure a claim)")
    args = ap.parse_args()
    dev = tc.development_corpora()
    names = args.corpus or [n for n in CORPORA if n == "examples" or n in dev]
    args.work.mkdir(parents=True, exist_ok=True)
    written, _ = tc.handwritten()
    rows = written + tc.corpora() + tc.case_studies(held_out=False) + tc.calls_drafts()
    report: dict[str, Any] = {}
    # held-out call and draft mentions: (p, label, the shipped model's decision, the refitted model's)
    ranked: list[tuple[float, int, bool, bool]] = []
    for name in names:
        weights = args.work / f"{name}.json"
        tc.train_calls_drafts(rows, args.c, args.recall, weights, held_out=None if name == "examples" else name,
                              replaces=args.replaces)
        model = claimness._load(str(weights))
        assert model is not None
        for c, y, g in rows:
            if g == f"calls:{name}":
                p = claimness.sigmoid(model.logit(claimness.features(c)))
                ranked.append((p, y, c.is_claim, p >= model.threshold))
        os.environ[ENV] = str(args.work / "none.json")  # no such file: every figure passes, as before
        before = _counts(run_corpus(name, args.work, objections=False))
        os.environ[ENV] = str(weights)
        after = _counts(run_corpus(name, args.work, objections=False))
        report[name] = {"threshold": model.threshold, "before": before, "after": after}
        for kind in before:
            b, a = before[kind], after[kind]
            print(f"[{name}] {kind:<5} figure F1 {b['f1']:.2f} -> {a['f1']:.2f}   {RULE} {_prf(*b['rule'])} -> "
                  f"{_prf(*a['rule'])}   (threshold {model.threshold:.3f})", flush=True)
            for f in sorted(set(b["fp"]) - set(a["fp"])):
                print(f"      gone  FP {f}")
            for f in sorted(set(a["fp"]) - set(b["fp"])):
                print(f"      new   FP {f}")
            for m in sorted(set(a["missed"]) - set(b["missed"])):
                print(f"      new MISS {m}")
            for m in sorted(set(b["missed"]) - set(a["missed"])):
                print(f"      found    {m}")
    for which in ("before", "after"):
        tot: Counter[str] = Counter()
        for r in report.values():
            for kind in r[which]:
                for k, v in zip(("tp", "fp", "fn"), r[which][kind]["rule"], strict=True):
                    tot[k] += v
        print(f"pooled {RULE} {which}: {_prf(tot['tp'], tot['fp'], tot['fn'])}")
    worst = min(((a["f1"] - r["before"][k]["f1"], f"{n} {k}") for n, r in report.items()
                 for k, a in r["after"].items()), default=(0.0, ""))
    print(f"largest fall in a corpus's figure-rule F1: {worst[0]:+.3f} ({worst[1]})")
    ys = [r[1] for r in ranked]
    if len(set(ys)) == 2:
        from sklearn.metrics import roc_auc_score

        print(f"held-out call and draft mentions: {len(ranked)} ({sum(ys)} claims), ROC AUC of the refitted model "
              f"{roc_auc_score(ys, [r[0] for r in ranked]):.3f}")
        for i, who in ((2, "shipped model"), (3, "refitted model, held out")):
            print(f"  {who}: keeps {sum(1 for r in ranked if r[1] and r[i])}/{sum(ys)} claims, drops "
                  f"{sum(1 for r in ranked if not r[1] and not r[i])}/{len(ys) - sum(ys)} non-claims; "
                  f"both models together drop {sum(1 for r in ranked if not r[1] and not (r[2] and r[3]))} "
                  f"non-claims and {sum(1 for r in ranked if r[1] and not (r[2] and r[3]))} claims")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
