"""What reviewers' verdicts on findings are worth: the figure rules of ``canon audit`` and
``canon check`` on held-out findings, without and with verdicts on a seeded random 20%.

For each labelled corpus, a reviewer is simulated from the labels on a random 20% of the figure
rules' labelled findings (as :func:`tests.scoring.score_rules` judges them: a finding that is a
required label is marked right, any other finding that is not merely tolerated is marked wrong).
Precision, recall and F1 of the figure rules are then scored on the other 80% only (the reviewed
findings, and the labels the right ones hit, are left out of the score), three ways:

- before: no verdicts;
- at once: the verdicts written to the KB's ``verdicts/findings.yaml``, claim-ness learning off
  (``knowledge.claims.reviewed.LEARN``): the same finding and the very sentences judged only;
- learning: the same verdicts, with claim-ness corrected on them.

    python bench/finding_verdicts.py                       # northwind, real-labelled, examples, phenomena; seeds 1-5
    python bench/finding_verdicts.py --corpus examples --seeds 10
    python bench/finding_verdicts.py --corpus larkspur     # the final exam: at merge only

Uses the indexed copies that ``bench/accuracy.py`` keeps (runs ``canon ingest`` on them first).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import random
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, FIGURE_RULES, _sync  # noqa: E402
from tests.scoring import RuleCounts, load_corpus, rule_label_hit, score_rules  # noqa: E402

SHARE = 0.2
DEFAULT = ["northwind", "real-labelled", "examples", "phenomena"]
WAYS = ("before", "at once", "learning")


def _key(f: Any) -> tuple[str, str, int]:
    return (f.rule, f.path, f.line)


def units(section: dict[str, Any], report: Any) -> list[tuple[Any, bool, list[int]]]:
    """(finding, right, the required labels it hits) for each figure-rule finding the labels judge."""
    rules = set(section["rules"]) & set(FIGURE_RULES)
    required = [e for e in section["expected"] if e["rule"] in rules and not e.get("optional")]
    optional = [e for e in section["expected"] if e["rule"] in rules and e.get("optional")]
    out = []
    seen: set[tuple[str, str, int]] = set()
    for f in report.findings:
        if f.rule not in rules or _key(f) in seen:
            continue
        seen.add(_key(f))
        d = f.to_dict()
        hits = [i for i, e in enumerate(required) if rule_label_hit(d, e)]
        if hits:
            out.append((f, True, hits))
        elif not any(rule_label_hit(d, e) for e in optional):
            out.append((f, False, []))
    return out


def held_out(section: dict[str, Any], findings: list[dict[str, Any]], reviewed: list[tuple[Any, bool, list[int]]],
             ) -> RuleCounts:
    """Figure-rule counts on what the reviewer did not see."""
    rules = set(section["rules"]) & set(FIGURE_RULES)
    required = [e for e in section["expected"] if e["rule"] in rules and not e.get("optional")]
    seen_labels = [required[i] for _, _, hits in reviewed for i in hits]
    seen_keys = {_key(f) for f, _, _ in reviewed}
    sec = copy.deepcopy(section)
    sec["expected"] = [e for e in section["expected"] if not any(e == s for s in seen_labels)]
    kept = [f for f in findings if (f["rule"], f["path"], f["line"]) not in seen_keys
            and not any(rule_label_hit(f, s) for s in seen_labels)]
    return score_rules(sec, kept).total(FIGURE_RULES)


def _add(a: RuleCounts, b: RuleCounts) -> RuleCounts:
    return RuleCounts(tp=a.tp + b.tp, fp=a.fp + b.fp, fn=a.fn + b.fn)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", choices=sorted(CORPORA))
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args()
    from ingest.drafts import load_draft
    from ingest.pipeline import ingest
    from knowledge.audit import run_audit, run_check
    from knowledge.claims import reviewed as learning
    from knowledge.finding_verdicts import path_of, save_verdicts, verdict_for
    from knowledge.settings import load_settings

    work = args.work or Path(tempfile.gettempdir()) / "canon-accuracy" / hashlib.sha1(str(REPO).encode()).hexdigest()[:8]
    summary: list[str] = []
    for name in args.corpus or DEFAULT:
        corpus = load_corpus(CORPORA[name])
        labels = corpus.labels
        kb = work / name / "kb"
        _sync(corpus.kb, kb)
        settings = load_settings(kb, environ={})
        ingest(settings)
        today = date.fromisoformat(labels["today"])
        drafts = [load_draft(CORPORA[name] / p, p) for p in labels.get("drafts", [])] if "check" in labels else []
        sections = ["audit"] + (["check"] if drafts else [])

        def run(section: str, verdicts: bool, settings: Any = settings, today: date = today,
                drafts: list[Any] = drafts) -> Any:
            if section == "audit":
                return run_audit(settings, today=today, verdicts=verdicts)
            return run_check(settings, copy.deepcopy(drafts), today=today, verdicts=verdicts)

        base = {s: run(s, False) for s in sections}
        pool = [(s, u) for s in sections for u in units(labels[s], base[s])]
        per_way: dict[str, list[tuple[float, float, float]]] = {w: [] for w in WAYS}
        for seed in range(1, args.seeds + 1):
            picked = random.Random(seed).sample(pool, round(SHARE * len(pool)))
            verdicts = [verdict_for(u[0], "right" if u[1] else "wrong", base[s].claims.get(u[0].fingerprint))
                        for s, u in picked]
            counts: dict[str, RuleCounts] = {w: RuleCounts() for w in WAYS}
            save_verdicts(kb, verdicts)
            try:
                for s in sections:
                    mine = [u for t, u in picked if t == s]
                    counts["before"] = _add(counts["before"], held_out(labels[s], [f.to_dict() for f in base[s].findings], mine))
                    for way, learn in (("at once", False), ("learning", True)):
                        learning.LEARN = learn
                        after = run(s, True)
                        counts[way] = _add(counts[way], held_out(labels[s], [f.to_dict() for f in after.findings], mine))
            finally:
                learning.LEARN = True
                path_of(kb).unlink(missing_ok=True)
            wrong = sum(1 for v in verdicts if v.verdict == "wrong")
            line = f"[{name}] seed {seed}: {len(verdicts)} verdicts ({wrong} wrong) of {len(pool)};"
            for w in WAYS:
                p = counts[w].prf
                per_way[w].append((p.precision, p.recall, p.f1))
                line += f" {w} P {p.precision:.3f} F1 {p.f1:.3f} (TP {counts[w].tp} FP {counts[w].fp} FN {counts[w].fn});"
            print(line)
        for w in WAYS:
            cols = list(zip(*per_way[w], strict=True))
            shown = "  ".join(f"{m} {statistics.mean(c):.3f} ± {statistics.pstdev(c):.3f}"
                              for m, c in zip(("P", "R", "F1"), cols, strict=True))
            summary.append(f"{name:<14} {w:<9} {shown}")
    print(f"\nFigure rules (audit and check together) on the held-out 80%, mean ± sd over {args.seeds} seeds:")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
