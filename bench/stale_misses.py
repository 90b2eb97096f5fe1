"""Why a labelled ``stale-claim`` on a draft is missed: for each such label (only the missed ones when
an accuracy ``--show`` output is given), the figures canon reads at the line and what the KB says of
each (:class:`knowledge.figures.decide.Resolution`), so that a miss falls under one cause:

- ``not read``: no figure at the line (or none read as a claim);
- ``unbacked``: figures read, none linked to any approved figure (the matching's gates or floor);
- ``conflict``: linked, but as a contradiction of a figure (reported as ``metric-conflict``);
- ``retired``: it repeats a retired figure (reported as ``retired-claim``);
- ``backed, fresh backer``: linked, and at least one backer is not stale (another entry, or the
  wrong one, backs it as well);
- ``backed by another entry``: linked, and no backer is an entry the label names (nothing stale
  backs it);
- ``backed, staleness not read``: a backer the label names is stale but its staleness is not read;
- ``reported``: ``stale-claim`` would fire (the miss is a line or path the scoring does not accept).

    python bench/stale_misses.py --corpus pebblecroft --missed SHOW

Runs the pipeline as ``bench/accuracy.py`` does (its work folder). Prints one row per label; asserts
nothing. Never run on the final-exam corpus or a held-out one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, HELD_OUT, indexed, show_lines  # noqa: E402
from bench.conflict_misses import _stage  # noqa: E402
from bench.measure_pairs import _related  # noqa: E402
from tests.scoring import accepted_lines  # noqa: E402


def _cause(staleness: Any, resolutions: list[Any], related: set[str] | None = None) -> tuple[str, str]:
    """The cause of a miss, from the resolutions of the figures at the label, and the evidence;
    ``related``: the entries the label names, so that a figure backed only by other entries is told
    from one whose labelled backer's staleness is not read."""
    if not resolutions:
        return "not read", ""
    shown = []
    for r in resolutions:
        backers = "; ".join(f"{m.target.path}:{m.target.metric.id if m.target.metric else 'prose'}"
                            f"={staleness.figure(m.target)}" for m in r.backers[:3])
        other = r.conflict.target.path if r.conflict else (r.retired.target.path if r.retired else "")
        shown.append(f"{r.figure.display!r} {r.status}{' retired' if r.retired else ''} {other} [{backers}]")
    evidence = " || ".join(shown)
    order = []
    for r in resolutions:
        if r.status == "backed" and r.retired is None:
            reasons = [staleness.figure(m.target) for m in r.backers]
            if reasons and all(x is not None for x in reasons):
                order.append("reported")
            elif any(x is not None for x in reasons):
                order.append("backed, fresh backer")
            elif related and not any(m.target.path in related for m in r.backers):
                order.append("backed by another entry")
            else:
                order.append("backed, staleness not read")
        elif r.retired is not None:
            order.append("retired")
        else:
            order.append(r.status)
    for cause in ("reported", "backed, fresh backer", "backed by another entry", "backed, staleness not read",
                  "conflict", "retired", "unbacked"):
        if cause in order:
            return cause, evidence
    return order[0], evidence


def _gates(q: Any, a: int, t: Any, b: int) -> str:
    """Which of :func:`knowledge.figures.decide._compatible`'s gates a pair fails, by name."""
    from knowledge.figures.decide import _compatible, _near_magnitude, _same_count, _senses

    failed = []
    if not (q.kind[a] == t.kind[b] or q.kind[a] == 0):
        failed.append(f"kind {q.kind[a]}/{t.kind[b]}")
    if (q.per[a] > 0) != (t.per[b] > 0):
        failed.append(f"rate {q.per[a]:.3g}/{t.per[b]:.3g}")
    if (q.role[a] == 1 and t.role[b] != 1) or (q.role[a] == 2 and t.role[b] == 1):
        failed.append(f"role {q.role[a]}/{t.role[b]}")
    qs, ts = int(q.stat[a]), int(t.stat[b])
    if {qs, ts} == {1, 2} or (bool(q.best[a]) and ts > 0) or (bool(t.best[b]) and qs > 0):
        failed.append(f"statistic {qs}/{ts} best {bool(q.best[a])}/{bool(t.best[b])}")
    if q.entity[a] != t.entity[b]:
        failed.append(f"customer {q.figures[a].entity!r}/{t.figures[b].entity!r}")
    qn, tn = _senses(q)[a], _senses(t)[b]
    if qn > 0 and tn > 0 and qn != tn:
        failed.append(f"sense {qn}/{tn}")
    if q.scope[a] != t.scope[b]:
        failed.append(f"scope {q.scope[a]}/{t.scope[b]}")
    qy, ty = int(q.year[a]), int(t.year[b])
    if (qy and ty and qy != ty) or (qy and not ty and q.historic[a]) or (ty and not qy and t.historic[b]):
        failed.append(f"year {q.year[a]}/{t.year[b]} historic {q.historic[a]}/{t.historic[b]}")
    import numpy as np
    if q.kind[a] == t.kind[b] == 5 and not _same_count(q.figures[a], t.figures[b]):
        failed.append("count")
    if not bool(_compatible(q, np.array([a]), t, np.array([b]))[0]) and not failed:
        failed.append("other")
    if not bool(_near_magnitude(q, np.array([a]), t, np.array([b]))[0]):
        failed.append("magnitude")
    return ", ".join(failed) or "none"


def _best_pair(q: Any, at: list[int], canon: Any, related: set[str]) -> tuple[int, int] | None:
    """The query figure at the label and the figure of the labelled entry stating the same value, or
    else the most similar of that entry's figures, by the matching's similarity (any gate aside)."""
    import numpy as np

    from knowledge.figures.decide import _agreement

    best: tuple[float, int, int] | None = None
    for a in at:
        for b in range(len(canon)):
            if canon.figures[b].path not in related:
                continue
            near = float(q.lo[a]) <= float(canon.hi[b]) * 1.15 and float(canon.lo[b]) <= float(q.hi[a]) * 1.15
            same = near and bool(_agreement(q, np.array([a]), canon, np.array([b]), loose=True)[0])
            score = 2.0 * same + 1.0 * near + (0.5 if canon.figures[b].origin == "metric" else 0.0)
            if best is None or score > best[0]:
                best = (score, a, b)
    return None if best is None else (best[1], best[2])


def corpus_rows(name: str, work: Path, missed: set[tuple[str, str, int]] | None) -> list[tuple[str, ...]]:
    """One row per ``stale-claim`` label on a draft of ``name`` (only those in ``missed`` when given)."""
    from ingest.drafts import load_draft
    from knowledge.audit import _indexed_context
    from knowledge.figures.index import FigureIndex
    from knowledge.rules.stale_claim import Staleness
    from knowledge.store import open_catalog

    ix = indexed(name, work)
    catalog = open_catalog(ix.settings)
    rows: list[tuple[str, ...]] = []
    try:
        ctx = _indexed_context(ix.settings, catalog, ix.today, None, with_calls=True)
        index, staleness = FigureIndex.of(ctx), Staleness.of(ctx)
        for e in ix.corpus.labels.get("check", {}).get("expected", []):
            if e["rule"] != "stale-claim" or (missed is not None and ("check", e["path"], e["line"]) not in missed):
                continue
            spans = accepted_lines(e, 1)
            figs = index.draft_figures(load_draft(CORPORA[name] / e["path"], e["path"]))
            found = index.resolve_figures(figs) if figs else []
            at = [k for k, r in enumerate(found) if any(lo <= r.figure.line <= hi for lo, hi in spans)]
            cause, evidence = _cause(staleness, [found[k] for k in at], set(_related(e)))
            if cause in ("unbacked", "conflict", "backed by another entry", "backed, staleness not read") and figs:
                # which stage keeps it from the labelled entry's figure (bench/conflict_misses.py)
                q, canon = index.figure_set(figs), index.kb.canonical
                stage, ev = _stage(q, at, found, canon, index.kb, e, "draft")
                pair = _best_pair(q, at, canon, set(_related(e)))
                gates = "" if pair is None else (
                    f" gates[{q.figures[pair[0]].display} vs {canon.figures[pair[1]].display}]: "
                    f"{_gates(q, pair[0], canon, pair[1])}")
                evidence = f"{stage}: {ev}{gates} || {evidence}"
            rows.append((name, f"{e['path']}:{e['line']}", cause, evidence[:400], e.get("note", "")[:100]))
    finally:
        catalog.close()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", required=True)
    ap.add_argument("--work", type=Path, default=Path("/tmp/canon-accuracy"))
    ap.add_argument("--missed", type=Path, help="an accuracy --show output: only the labels it misses")
    args = ap.parse_args()
    missed = None
    if args.missed:
        missed = {(c, k, p, n) for c, k, r, p, n, _ in show_lines(args.missed, "MISS") if r == "stale-claim"}
    for name in args.corpus:
        if name in HELD_OUT:
            raise SystemExit(f"{name} is held out")
        sub = None if missed is None else {(k, p, n) for c, k, p, n in missed if c == name}
        for row in corpus_rows(name, args.work, sub):
            print(" | ".join(row))


if __name__ == "__main__":
    main()
