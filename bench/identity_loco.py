"""The "same measure?" model scored leave-one-corpus-out through the whole pipeline: for each
development corpus, the model is fitted on the pairs of every other corpus and the hand-written
pairs (``bench/train_identity.py``'s data and threshold rule: the threshold is chosen on the other corpora
alone, each scored by a model fitted without it), and ``canon audit`` / ``canon
check`` run on the held-out corpus with that model in place of the kept one. Compare with
``bench/accuracy.py`` with no model (the hand-set thresholds alone: move
``knowledge/figures/identity_model.json`` aside) and with the kept model (fitted on everything).

    python bench/measure_pairs.py --out /tmp/pairs/X.jsonl --corpus X   # for every corpus
    python bench/identity_loco.py --pairs /tmp/pairs

Prints figures; asserts nothing. Loads the real embedding model. Never run on the final exam.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import FIGURE_RULES, _fmt, run_corpus  # noqa: E402
from bench.measure_pairs import DEVELOPMENT  # noqa: E402
from bench.train_identity import RULES, fit, hand_pairs, load_pairs, threshold_out_of_corpus  # noqa: E402

COMPARED = ("metric-conflict", "rep-misstatement", "retired-claim", "unsupported-claim", "unsourced-claim")
# the rules the model moves a finding between (a figure read as a wrong restatement, or as unbacked)
LINKED = ("metric-conflict", "rep-misstatement", "unsupported-claim", "unsourced-claim")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=Path, required=True)
    ap.add_argument("--work", type=Path, default=Path("/tmp/canon-identity-loco"))
    ap.add_argument("--corpus", action="append", choices=DEVELOPMENT)
    ap.add_argument("--no-beside", action="store_true",
                    help="leave out pairs whose metric another figure of the sentence states right")
    ap.add_argument("--kb", action="store_true", help="ask the model of the KB's own figures too")
    ap.add_argument("--rule", choices=RULES, default="margin", help="the threshold rule (train_identity)")
    args = ap.parse_args()
    from knowledge.figures import identity

    if args.kb:
        identity.SIDES["kb"] = "kb"
    from tests.scoring import RuleCounts

    rows = [r for r in load_pairs(args.pairs, beside=not args.no_beside) if r["label"] is not None]
    hand = hand_pairs()
    pooled = {"audit": RuleCounts(), "check": RuleCounts()}
    linked = RuleCounts()
    for held in args.corpus or DEVELOPMENT:
        train = [r for r in rows if r["corpus"] != held]
        clf = fit(train + hand)
        thr = threshold_out_of_corpus(train, hand, args.rule)
        model = (np.asarray(clf.coef_[0], dtype=np.float64), float(clf.intercept_[0]), thr)
        identity._weights = lambda model=model: model  # type: ignore[assignment,misc]
        res = run_corpus(held, args.work, objections=False)
        parts = []
        for kind in ("audit", "check"):
            if kind in res:
                s = res[kind]["score"]
                t = s.total(FIGURE_RULES)
                pooled[kind].tp += t.tp
                pooled[kind].fp += t.fp
                pooled[kind].fn += t.fn
                four = s.total(LINKED)
                linked.tp += four.tp
                linked.fp += four.fp
                linked.fn += four.fn
                per = {r: c for r, c in s.counts.items() if r in COMPARED and (c.tp or c.fp or c.fn)}
                parts.append(f"{kind} {_fmt(s.total(FIGURE_RULES))}; "
                             + ", ".join(f"{r} {c.tp}/{c.fp}/{c.fn}" for r, c in per.items()))
        print(f"[{held}] thresholds kb {thr['kb']:.2f} said {thr['said']:.2f}")
        for line in parts:
            print("  " + line, flush=True)
    both = RuleCounts(tp=pooled["audit"].tp + pooled["check"].tp, fp=pooled["audit"].fp + pooled["check"].fp,
                      fn=pooled["audit"].fn + pooled["check"].fn)
    print(f"pooled audit {_fmt(pooled['audit'])}; check {_fmt(pooled['check'])}; both {_fmt(both)}")
    print(f"pooled {', '.join(LINKED)} (audit and check): {_fmt(linked)}")


if __name__ == "__main__":
    main()
