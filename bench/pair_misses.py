"""Why a draft's or a call's figure that the KB states does not pair with it: for every labelled
``metric-conflict``, ``stale-claim``, ``retired-claim`` and ``rep-misstatement`` on a draft or a call
that ``bench/accuracy.py --show`` lists as missed, the first stage that keeps the figure from its
related entry:

- ``not read`` / ``not a claim``: no figure at the line, or none read as a claim;
- ``kind``: the related entry states no figure of the figure's unit kind (the nearest kind shown);
- ``rate``: it does, but only as a rate where the figure is a level, or a level where it is a rate
  ("saves £18,500 a year" against a registered 18500 GBP named "annual savings");
- ``sense``: the gate of a change against a level ("82% fewer errors", "one run in five");
- ``gate``: another hard gate (:func:`knowledge.figures.decide._compatible`) or the order of magnitude;
- ``floor`` / ``score``: the pair is formed but scores under the search's floor or under what backing
  or a conflict takes (and, for a disagreeing pair, the "same measure?" model says no);
- ``elsewhere``: the figure is backed or contradicted by another entry;
- ``paired``: the figure pairs with the related entry (the loss is later: the finding's rule or cut).

    python bench/pair_misses.py /tmp/before.txt --corpus thornwick --corpus pebblecroft
    python bench/pair_misses.py /tmp/before.txt --start   # as the round found it (no pairing across the customer reading)

Runs the pipeline as ``bench/accuracy.py`` does (its work folder). Prints one row per label and a
count by stage; asserts nothing. Never run on the final-exam corpus or a held-out one.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, figure_index, show_lines  # noqa: E402
from bench.measure_pairs import DEVELOPMENT, _related  # noqa: E402
from tests.scoring import accepted_lines  # noqa: E402

RULES = ("metric-conflict", "stale-claim", "retired-claim", "rep-misstatement")


def _stage(q: Any, at: list[int], resolved: list[Any], targets: Any, rel: set[str]) -> tuple[str, str]:
    """The first stage that keeps the figures ``at`` from every figure of the related entries."""
    import numpy as np

    from knowledge.figures import identity
    from knowledge.figures.decide import _agreement, _compatible, _near_magnitude, _senses
    from knowledge.figures.neighbours import FLOOR

    claims = [k for k in at if q.figures[k].claim is None or q.figures[k].claim.is_claim]
    if not claims:
        return "not a claim", " ".join(q.figures[k].display for k in at)
    for k in claims:
        r = resolved[k]
        got = ([r.conflict] if r.conflict is not None else []) + list(r.backers) + ([r.retired] if r.retired else [])
        if any(m.target.path in rel for m in got):
            return "paired", f"{q.figures[k].display} [{r.status}]"
    cand = [b for b in range(len(targets)) if targets.figures[b].path in rel]
    if not cand:
        return "no target", ""
    sims = identity.similarities(q, targets, (np.zeros((0, q.vectors.shape[1]), dtype=np.float32),
                                              np.zeros(0, dtype=np.int64)), 0)
    same_kind = [(k, b) for k in claims for b in cand if targets.kind[b] == q.kind[k] or q.kind[k] == 0]
    if not same_kind:
        k, b = claims[0], cand[0]
        return "kind", f"{q.figures[k].display} vs {targets.figures[b].display}"
    same_rate = [(k, b) for k, b in same_kind if (q.per[k] > 0) == (targets.per[b] > 0)]
    if not same_rate:
        k, b = max(same_kind, key=lambda p: sims[p])
        return "rate", f"{q.figures[k].display} vs {targets.figures[b].display} s={sims[k, b]:.2f}"
    k, b = max(same_rate, key=lambda p: sims[p])
    f, g = q.figures[k], targets.figures[b]
    a, t = np.array([k]), np.array([b])
    ev = f"{f.display} vs {g.display} ({g.metric.id if g.metric else 'prose'}) s={sims[k, b]:.2f} [{resolved[k].status}]"
    if not bool(_compatible(q, a, targets, t)[0]):
        qn, tn = _senses(q)[k], _senses(targets)[b]
        return ("sense" if qn > 0 and tn > 0 and qn != tn else "gate"), ev + f" ({_failed_gates(q, k, targets, b)})"
    if not bool(_near_magnitude(q, a, targets, t)[0]):
        return "gate", ev + " (magnitude)"
    r = resolved[k]
    if r.status != "unbacked":
        other = r.conflict or (r.backers[0] if r.backers else None)
        return "elsewhere", ev + (f" -> {other.target.display} {other.target.path}" if other else "")
    if sims[k, b] < FLOOR:
        return "floor", ev
    return "score", ev + (" agree" if bool(_agreement(q, a, targets, t)[0]) else " disagree")


def _failed_gates(q: Any, k: int, t: Any, b: int) -> str:
    """Which of :func:`knowledge.figures.decide._compatible`'s gates a pair fails, by name."""
    from knowledge.figures.decide import _senses

    tests = {
        "role": not ((q.role[k] == 1) != (t.role[b] == 1) and (q.role[k] == 1 or t.role[b] == 1)),
        "stat": not ((q.stat[k] == 1 and t.stat[b] == 2) or (q.stat[k] == 2 and t.stat[b] == 1)
                     or (q.best[k] and t.stat[b] > 0) or (t.best[b] and q.stat[k] > 0)),
        "entity": q.entity[k] == t.entity[b],
        "sense": not (_senses(q)[k] > 0 and _senses(t)[b] > 0 and _senses(q)[k] != _senses(t)[b]),
        "scope": q.scope[k] == t.scope[b],
        "year": not (q.year[k] > 0 and t.year[b] > 0 and q.year[k] != t.year[b]),
    }
    return ",".join(n for n, ok in tests.items() if not ok) or "count/other"


def _figures_at(figs: list[Any], e: dict[str, Any]) -> list[int]:
    spans = accepted_lines(e, 1)
    return [k for k, f in enumerate(figs) if f.path == e["path"] and any(lo <= f.line <= hi for lo, hi in spans)]


def corpus_rows(name: str, work: Path, missed: set[tuple[str, str, str, int]] | None) -> list[tuple[str, ...]]:
    """One row per missed label of :data:`RULES` on a draft or a call of ``name`` (every label when
    ``missed`` is None)."""
    from ingest.drafts import load_draft

    rows: list[tuple[str, ...]] = []
    with figure_index(name, work) as (ix, index):
        labels = ix.corpus.labels
        kbf = index.kb
        calls = {c.path: c for c in index.ctx.calls}
        cache: dict[str, Any] = {}
        for kind in ("audit", "check"):
            for e in labels.get(kind, {}).get("expected", []):
                if e["rule"] not in RULES or e.get("optional") or (
                        missed is not None and (kind, e["rule"], e["path"], e["line"]) not in missed):
                    continue
                if kind == "audit" and not e["path"].startswith("calls/"):
                    continue
                if e["path"] not in cache:
                    if kind == "check":
                        figs = index.draft_figures(load_draft(CORPORA[name] / e["path"], e["path"]))
                    else:
                        call = calls.get(e["path"]) or next((c for p, c in calls.items() if p.endswith(e["path"])), None)
                        figs = index.call_figures(call) if call is not None else []
                    cache[e["path"]] = (index.figure_set(figs) if figs else None, figs,
                                        index.resolve_figures(figs) if figs else [])
                q, figs, res = cache[e["path"]]
                at = _figures_at(figs, e) if figs else []
                targets = kbf.retired if e["rule"] == "retired-claim" else kbf.canonical
                stage, ev = ("not read", "") if not at else _stage(q, at, res, targets, set(_related(e)))
                rows.append((name, kind, e["rule"], f"{e['path']}:{e['line']}", stage, ev, e.get("note", "")[:80]))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("show", type=Path, help="a bench/accuracy.py --show output (a path that is no file: every label)")
    ap.add_argument("--corpus", action="append", choices=DEVELOPMENT)
    ap.add_argument("--work", type=Path, default=Path("/tmp/canon-accuracy"))
    ap.add_argument("--start", action="store_true",
                    help="as the nineteenth round found it: no pairing across the customer reading")
    args = ap.parse_args()
    if args.start:
        import numpy as np

        from knowledge.figures import decide
        decide._read_apart_by_customer = lambda q, qi, t, ti: np.zeros(len(qi), dtype=bool)  # type: ignore[assignment]
    missed = ({(c, k, r, p, n) for c, k, r, p, n, _ in show_lines(args.show, "MISS") if r in RULES}
              if args.show.is_file() else None)
    stages: Counter[str] = Counter()
    for name in args.corpus or DEVELOPMENT:
        mine = None if missed is None else {(k, r, p, n) for c, k, r, p, n in missed if c == name}
        if mine is not None and not mine:
            continue
        for row in corpus_rows(name, args.work, mine):
            stages[row[4]] += 1
            print(" | ".join(row), flush=True)
    print("by stage:", ", ".join(f"{s} {n}" for s, n in stages.most_common()))


if __name__ == "__main__":
    main()
