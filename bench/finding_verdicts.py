"""What reviewers' verdicts on findings are worth: the figure rules of ``canon audit`` and
``canon check`` on held-out findings, without and with verdicts on a seeded random 20%.

For each labelled corpus, a reviewer is simulated from the labels on a random 20% of the figure
rules' labelled findings (as :func:`tests.scoring.score_rules` judges them: a finding that is a
required label is marked right, any other finding that is not merely tolerated is marked wrong).
Precision, recall and F1 of the figure rules are then scored on the other 80% only (the reviewed
findings, and the labels the right ones hit, are left out of the score), two ways:

- before: no verdicts;
- at once: the verdicts written to the KB's ``verdicts/findings.yaml``: the same finding and the
  very sentences judged.

    python bench/finding_verdicts.py                       # northwind, real-labelled, examples, phenomena; seeds 1-5
    python bench/finding_verdicts.py --corpus examples --seeds 10
    python bench/finding_verdicts.py --corpus larkspur     # the final exam: at merge only
    python bench/finding_verdicts.py --case-studies        # one KB per publisher of the real case studies

``--case-studies`` runs each publisher's stories of ``tests/data/corpora/case-studies`` as a KB of
its own (a company judging its own stories), with the figure findings judged by that corpus's
``labels.jsonl`` (``bench/case_studies.py``: a finding on a labelled claim is right, one on a labelled
non-claim or on no label is wrong, one on an ``optional`` label is neither). Three of its four
publishers are part of the claim-ness training data; Appwrite is not.

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

from bench.accuracy import CORPORA, FIGURE_RULES, indexed  # noqa: E402
from tests.scoring import RuleCounts, rule_label_hit, score_rules  # noqa: E402

SHARE = 0.2
DEFAULT = ["northwind", "real-labelled", "examples", "phenomena"]
WAYS = ("before", "at once")


def _key(f: Any) -> tuple[str, str, int]:
    return (f.rule, f.path, f.line)


def units(section: dict[str, Any], report: Any) -> list[tuple[Any, bool, list[int]]]:
    """(finding, right, the required labels it hits) for each figure-rule finding the labels judge,
    one per (rule, path, line) as the scoring counts them; the other findings of the same rule on
    that line (both sides of "from 45% to 78%") are judged with it, as a reviewer would."""
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


def twins(report: Any, f: Any) -> list[Any]:
    return [g for g in report.findings if _key(g) == _key(f)]


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


def _stats(rows: list[tuple[float, float, float]]) -> str:
    cols = list(zip(*rows, strict=True))
    return "  ".join(f"{m} {statistics.mean(c):.3f} ± {statistics.pstdev(c):.3f}" for m, c in zip(("P", "R", "F1"), cols,
                                                                                                   strict=True))


def case_studies(work: Path, seeds: int, share: float) -> list[str]:
    """The case-study publishers, each a KB: figure findings on the held-out 80% of labelled mentions."""
    import shutil

    from bench.case_studies import CORPUS, figure_findings, load_labels, match, story_files
    from ingest.pipeline import ingest
    from knowledge.audit import run_audit
    from knowledge.finding_verdicts import path_of, save_verdicts, verdict_for
    from knowledge.settings import load_settings

    labels = load_labels(CORPUS)
    texts = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8").split("\n") for p in story_files(CORPUS)}
    summary = []
    for publisher in sorted({p.split("/")[0] for p in texts}):
        kb = work / "case-studies" / publisher / "kb"
        if kb.exists():
            for p in kb.iterdir():
                if p.name != ".canon":
                    shutil.rmtree(p) if p.is_dir() else p.unlink()
        for rel, lines in texts.items():
            if rel.startswith(publisher + "/"):
                (kb / rel).parent.mkdir(parents=True, exist_ok=True)
                (kb / rel).write_text("\n".join(lines), encoding="utf-8")
        settings = load_settings(kb, environ={})
        ingest(settings)
        mine = [lab for lab in labels if lab["path"].startswith(publisher + "/")]
        by_line: dict[tuple[str, int], list[tuple[dict[str, Any], int, int]]] = {}
        for lab in mine:
            col = texts[lab["path"]][lab["line"] - 1].index(lab["text"]) + 1
            by_line.setdefault((lab["path"], lab["line"]), []).append((lab, col, col + len(lab["text"])))

        def judged(report: Any, by_line: dict[tuple[str, int], Any] = by_line) -> list[tuple[Any, dict[str, Any] | None]]:
            """(finding, its label) for every figure finding not on an optional label."""
            out = []
            findings = [f for f in report.findings if f.rule in FIGURE_RULES]
            spans = figure_findings([f.to_dict() for f in findings])
            for f, sp in zip(findings, spans, strict=True):
                lab = match(sp, by_line.get((sp.path, sp.line), []))
                if lab is None or not lab.get("optional"):
                    out.append((f, lab))
            return out

        def counts(items: list[tuple[Any, dict[str, Any] | None]], seen: set[Any],
                   mine: list[dict[str, Any]] = mine) -> tuple[float, float, float]:
            kept = [(f, lab) for f, lab in items if (id(lab) if lab is not None else (f.path, f.line, f.column)) not in seen]
            tp = len({id(lab) for _, lab in kept if lab is not None and lab["claim"]})
            hits = sum(1 for _, lab in kept if lab is not None and lab["claim"])
            fp = len(kept) - hits
            total = sum(1 for lab in mine if lab["claim"] and not lab.get("optional") and id(lab) not in seen)
            p = hits / (hits + fp) if hits + fp else 1.0
            r = tp / total if total else 1.0
            return p, r, 2 * p * r / (p + r) if p + r else 0.0

        base = run_audit(settings, today=date(2026, 12, 6), verdicts=False)
        pool = judged(base)
        rows: dict[str, list[tuple[float, float, float]]] = {w: [] for w in WAYS}
        for seed in range(1, seeds + 1):
            picked = random.Random(seed).sample(pool, round(share * len(pool)))
            seen = {id(lab) if lab is not None else (f.path, f.line, f.column) for f, lab in picked}
            verdicts = [verdict_for(f, "right" if lab is not None and lab["claim"] else "wrong",
                                    base.claims.get(f.fingerprint)) for f, lab in picked]
            rows["before"].append(counts(pool, seen))
            save_verdicts(kb, verdicts)
            try:
                rows["at once"].append(counts(judged(run_audit(settings, today=date(2026, 12, 6))), seen))
            finally:
                path_of(kb).unlink(missing_ok=True)
            wrong = sum(1 for v in verdicts if v.verdict == "wrong")
            print(f"[case-studies/{publisher}] seed {seed}: {len(verdicts)} verdicts ({wrong} wrong) of {len(pool)}; "
                  + "; ".join(f"{w} P {rows[w][-1][0]:.3f} F1 {rows[w][-1][2]:.3f}" for w in WAYS))
        summary += [f"{'cs/' + publisher:<14} {w:<9} {_stats(rows[w])}" for w in WAYS]
    return summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", choices=sorted(CORPORA))
    ap.add_argument("--case-studies", action="store_true", help="the case-study publishers instead of the corpora")
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--share", type=float, default=None, help=f"the share of findings a reviewer judges ({SHARE})")
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args()
    share = args.share or SHARE
    from ingest.drafts import load_draft
    from knowledge.audit import run_audit, run_check
    from knowledge.finding_verdicts import path_of, save_verdicts, verdict_for

    work = args.work or Path(tempfile.gettempdir()) / "canon-accuracy" / hashlib.sha1(str(REPO).encode()).hexdigest()[:8]
    summary: list[str] = []
    if args.case_studies:
        summary = case_studies(work, args.seeds, share)
    for name in (args.corpus or DEFAULT) if not args.case_studies else []:
        ix = indexed(name, work)
        labels, settings, today = ix.corpus.labels, ix.settings, ix.today
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
            picked = random.Random(seed).sample(pool, round(share * len(pool)))
            verdicts = [verdict_for(g, "right" if u[1] else "wrong", base[s].claims.get(g.fingerprint))
                        for s, u in picked for g in twins(base[s], u[0])]
            counts: dict[str, RuleCounts] = {w: RuleCounts() for w in WAYS}
            kept_wrong = kept_right = 0  # reviewed findings still reported once the verdicts are in
            save_verdicts(settings.root, verdicts)
            try:
                for s in sections:
                    mine = [u for t, u in picked if t == s]
                    counts["before"] = _add(counts["before"], held_out(labels[s], [f.to_dict() for f in base[s].findings], mine))
                    after = run(s, True)
                    counts["at once"] = _add(counts["at once"], held_out(labels[s], [f.to_dict() for f in after.findings], mine))
                    shown = {_key(f) for f in after.findings}
                    kept_wrong += sum(1 for f, right, _ in mine if not right and _key(f) in shown)
                    kept_right += sum(1 for f, right, _ in mine if right and _key(f) in shown)
            finally:
                path_of(settings.root).unlink(missing_ok=True)
            wrong = sum(1 for _, u in picked if not u[1])
            line = (f"[{name}] seed {seed}: {len(picked)} findings judged ({wrong} wrong) of {len(pool)}, "
                    f"{len(verdicts)} verdicts; still shown: {kept_wrong} of {wrong} wrong, "
                    f"{kept_right} of {len(picked) - wrong} right;")
            for w in WAYS:
                p = counts[w].prf
                per_way[w].append((p.precision, p.recall, p.f1))
                line += f" {w} P {p.precision:.3f} F1 {p.f1:.3f} (TP {counts[w].tp} FP {counts[w].fp} FN {counts[w].fn});"
            print(line)
        summary += [f"{name:<14} {w:<9} {_stats(per_way[w])}" for w in WAYS]
    what = "figure findings" if args.case_studies else "figure rules (audit and check together)"
    print(f"\n{what[0].upper() + what[1:]} on the held-out {1 - share:.0%}, mean ± sd over {args.seeds} seeds:")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
