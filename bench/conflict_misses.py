"""Where the pipeline loses each labelled ``metric-conflict``: for every such label of a corpus
(audit: a figure of a KB page; check: a figure of a draft), the first stage that stops it:

- ``not read``: no figure at the labelled line;
- ``not a claim``: figures there, none read as a claim;
- ``no pair``: no figure there has a target of its unit kind and rate in the related entry;
- ``gate``: the best such pair fails a hard gate (:func:`knowledge.figures.decide._compatible`
  or the order of magnitude);
- ``agree``: the values are read as agreeing (rounding, units, scale);
- ``floor``: the best pair scores under the search's floor (``neighbours.FLOOR``);
- ``threshold``: the pair is formed and disagrees, but scores under ``CONFLICT`` (and, on a draft,
  the "same measure?" model says less than its threshold; on a KB page it is not asked, and what it
  would say is shown as ``p=… (not asked)``);
- ``found elsewhere``: the figure is in conflict, or backed, against another target;
- ``later``: the figure resolves as a conflict with the related entry but no finding is reported.

    python bench/conflict_misses.py --corpus kelpmoor --corpus axlewood
    python bench/conflict_misses.py --corpus kelpmoor --missed SHOW --all-rules

With ``--all-rules`` every figure rule's missed label is listed; a rule other than
``metric-conflict`` gets only the reading stages: ``not read``, ``not a claim`` or ``read``.

Runs the pipeline as ``bench/accuracy.py`` does (its work folder). Prints one row per label;
asserts nothing. Never run on the final-exam corpus or a held-out one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, FIGURE_RULES, HELD_OUT, figure_index, show_lines  # noqa: E402
from bench.measure_pairs import _related  # noqa: E402
from tests.scoring import accepted_lines  # noqa: E402


def _figures_at(figs: list[Any], e: dict[str, Any]) -> list[int]:
    spans = accepted_lines(e, 1)
    return [k for k, f in enumerate(figs) if f.path == e["path"] and any(lo <= f.line <= hi for lo, hi in spans)]


def _stage(q: Any, at: list[int], resolved: list[Any], canon: Any, kbf: Any, e: dict[str, Any],
           side: str) -> tuple[str, str]:
    """The first stage that loses the label, and the best pair's figures as evidence."""
    import numpy as np

    from knowledge.figures import identity
    from knowledge.figures.decide import (
        CONFLICT,
        _agreement,
        _compatible,
        _near_magnitude,
        may_misstate,
    )
    from knowledge.figures.neighbours import FLOOR

    if not at:
        return "not read", ""
    claims = [k for k in at if q.figures[k].claim is None or q.figures[k].claim.is_claim]
    if not claims:
        return "not a claim", " ".join(q.figures[k].display for k in at)
    rel = set(_related(e))
    for k in claims:
        r = resolved[k]
        if r.status == "conflict" and r.conflict is not None and r.conflict.target.path in rel:
            return "later", f"{q.figures[k].display} vs {r.conflict.target.display}"
    named = {g.metric.id for g in canon.figures if g.path in rel and g.metric is not None
             and g.metric.id in e.get("note", "")}
    sims = identity.similarities(q, canon, kbf.representations, kbf.metrics)
    best: tuple[float, int, int] | None = None
    for k in claims:
        for b in range(len(canon)):
            g = canon.figures[b]
            if named and (g.metric is None or g.metric.id not in named):
                continue
            if g.path not in rel or canon.kind[b] != q.kind[k] or q.kind[k] == 0:
                continue
            if (q.per[k] > 0) != (canon.per[b] > 0):
                continue
            if best is None or sims[k, b] > best[0]:
                best = (float(sims[k, b]), k, b)
    if best is None:
        shown = " ".join(f"{q.figures[k].display}" for k in claims)
        return "no pair", shown
    s, k, b = best
    a, t = np.array([k]), np.array([b])
    f, g = q.figures[k], canon.figures[b]
    ev = f"{f.display} vs {g.display} ({g.metric.id if g.metric else 'prose'}) s={s:.2f} [{resolved[k].status}]"
    if not bool(_compatible(q, a, canon, t)[0]) or not bool(_near_magnitude(q, a, canon, t)[0]):
        return "gate", ev
    if bool(_agreement(q, a, canon, t)[0]):
        return "agree", ev
    if resolved[k].status != "unbacked":
        other = resolved[k].conflict or (resolved[k].backers[0] if resolved[k].backers else None)
        return "found elsewhere", ev + (f" -> {other.target.display} {other.target.path}" if other else "")
    if s < FLOOR:
        return "floor", ev
    if s >= CONFLICT:
        return "later", ev
    if bool(may_misstate(q, a, canon, t)[0]):
        # on a KB page the model is not asked (identity.SIDES): what it would say is shown all the same
        p = identity.probability(identity.pair_features(q, a, canon, t, np.array([s]), side=side))[0]
        return "threshold", ev + f" p={p:.2f}" + ("" if side in identity.SIDES else " (not asked)")
    return "threshold", ev


def _unread(root: Path, e: dict[str, Any]) -> tuple[str, str]:
    """No figure of the index at the label: claim extraction on the line alone says whether it
    reads no figure there or figures that are no claim."""
    from knowledge.claims import extract_claims

    lines = (root / e["path"]).read_text(encoding="utf-8").splitlines()
    text = lines[e["line"] - 1] if 0 < e["line"] <= len(lines) else ""
    got = extract_claims(text)
    if not got:
        return "not read", ""
    return "not a claim", " ".join(f"{c.value!s}:{'claim' if c.is_claim else c.why}" for c in got)[:80]


def _read_stage(q: Any, at: list[int]) -> tuple[str, str]:
    """For a rule other than ``metric-conflict``: whether the figures at the label are claims."""
    shown = " ".join(q.figures[k].display for k in at)
    if any(q.figures[k].claim is None or q.figures[k].claim.is_claim for k in at):
        return "read", shown
    return "not a claim", shown


def corpus_misses(name: str, work: Path, missed: set[tuple[str, str, str, int]] | None,
                  rules: tuple[str, ...] = ("metric-conflict",)) -> list[tuple[str, ...]]:
    """One row per label of ``rules`` in ``name`` (only those in ``missed`` when given)."""
    import numpy as np

    from ingest.drafts import load_draft
    rows: list[tuple[str, ...]] = []
    with figure_index(name, work) as (ix, index):
        labels = ix.corpus.labels
        kbf = index.kb
        canon = kbf.canonical
        kb_figs = list(canon.figures[kbf.metrics:])
        kb_q = canon.take(np.arange(kbf.metrics, len(canon)))
        kb_res = [kbf.resolutions[f] for f in kb_figs]
        drafts: dict[str, Any] = {}
        for kind, side in (("audit", "kb"), ("check", "draft")):
            for e in labels.get(kind, {}).get("expected", []):
                if e["rule"] not in rules or e.get("optional"):
                    continue
                if missed is not None and (kind, e["rule"], e["path"], e["line"]) not in missed:
                    continue
                if side == "kb" and e["path"].startswith("calls/"):
                    q, figs, res = None, [], []
                elif side == "kb":
                    q, figs, res = kb_q, kb_figs, kb_res
                else:
                    if e["path"] not in drafts:
                        d = load_draft(CORPORA[name] / e["path"], e["path"])
                        figs = index.draft_figures(d)
                        drafts[e["path"]] = (index.figure_set(figs) if figs else None, figs,
                                             index.resolve_figures(figs) if figs else [])
                    q, figs, res = drafts[e["path"]]
                at = _figures_at(figs, e) if figs else []
                root = ix.corpus.kb if kind == "audit" else CORPORA[name]
                if not at:
                    stage, ev = _unread(root, e)
                elif e["rule"] == "metric-conflict":
                    stage, ev = _stage(q, at, res, canon, kbf, e, side)
                else:
                    stage, ev = _read_stage(q, at)
                rows.append((name, kind, e["rule"], f"{e['path']}:{e['line']}", stage, ev, e.get("note", "")[:90]))
    return rows


def _missed(show: Path, rules: tuple[str, ...]) -> set[tuple[str, str, str, str, int]]:
    """``(corpus, kind, rule, path, line)`` of every ``MISS`` line of ``rules`` in an accuracy ``--show``."""
    return {(c, k, r, p, n) for c, k, r, p, n, _ in show_lines(show, "MISS") if r in rules}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", required=True)
    ap.add_argument("--work", type=Path, default=Path("/tmp/canon-accuracy"))
    ap.add_argument("--missed", type=Path, help="an accuracy --show output: only the labels it misses")
    ap.add_argument("--all-rules", action="store_true", help="every figure rule, not only metric-conflict")
    args = ap.parse_args()
    rules = FIGURE_RULES if args.all_rules else ("metric-conflict",)
    missed = _missed(args.missed, rules) if args.missed else None
    for name in args.corpus:
        if name in HELD_OUT:
            raise SystemExit(f"{name} is held out")
        sub = None if missed is None else {(k, r, p, n) for c, k, r, p, n in missed if c == name}
        for row in corpus_misses(name, args.work, sub, rules):
            print(" | ".join(row))


if __name__ == "__main__":
    main()
