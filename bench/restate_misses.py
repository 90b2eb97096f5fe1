"""Why a wrong restatement of a registered metric gets a needs-a-source finding instead of the rule
that says so: for every false ``unsourced-claim`` / ``unsupported-claim`` finding of an accuracy
``--show`` output whose line a ``metric-conflict`` or ``rep-misstatement`` label covers, every figure
of the index at that line against the registered metric it misstates (among the metrics the label's
note names by id, else those of its related entries, else all: the one of the figure's unit kind and
rate whose value disagrees, the most similar first), with what the "same measure?" link reads:

- the stage: ``not read`` (no figure of the index at the line), ``no pair`` (no such metric of the
  figure's unit kind and rate: a level against a rate, hours against money), ``gate`` (the pair fails
  :func:`knowledge.figures.decide.may_misstate`: a hard gate or a veto; the structural attributes
  that differ are shown, which need not be the one that failed), ``kb`` (a figure of an entry: the
  model is not asked there, only the similarity thresholds), ``threshold`` (a draft's or a call's
  figure the model is asked of: under its threshold, or never a candidate);
- the figure's resolution, the similarity score, the model's pair features
  (:data:`knowledge.figures.identity.FEATURES`, less the side) and its probability, so the low ones
  say why: the measure's words differ (``measure_words``, ``id_words``), the customer is named on one
  side only (``same_customer``), the values are far apart (``magnitude_gap``).

The line a label names is approximate (its accepted span), so a row may be another figure of the
line than the restatement: the note says which figure the label means.

    python bench/restate_misses.py --show before.txt --corpus kelpmoor --corpus mothwick

Runs the pipeline as ``bench/accuracy.py`` does (its work folder). Prints one row per figure;
asserts nothing. Never run on the final-exam corpus or a held-out one.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, HELD_OUT, figure_index  # noqa: E402
from bench.agree_misses import _gates, false_findings  # noqa: E402
from bench.measure_pairs import _related  # noqa: E402
from tests.scoring import accepted_lines  # noqa: E402

WANTED = ("metric-conflict", "rep-misstatement")


def wrong_restatement(labels: dict[str, Any], kind: str, path: str, line: int) -> dict[str, Any] | None:
    """The ``metric-conflict`` / ``rep-misstatement`` label that covers the line, if any."""
    for e in labels.get(kind, {}).get("expected", []):
        if e["rule"] in WANTED and e["path"] == path and any(lo <= line <= hi for lo, hi in accepted_lines(e, 1)):
            return e
    return None


def _metrics_of(e: dict[str, Any], canon: Any, metrics: int) -> list[int]:
    """The metrics the label names by id in its note, else those of its related entries, else all."""
    note = e.get("note", "")
    named = [b for b in range(metrics) if (m := canon.figures[b].metric) is not None
             and re.search(rf"(?<![\w-]){re.escape(m.id)}(?![\w-])", note)]
    if named:
        return named
    rel = set(_related(e))
    return [b for b in range(metrics) if canon.figures[b].path in rel] or list(range(metrics))


def _pair_row(q: Any, k: int, res: Any, canon: Any, kbf: Any, cands: list[int]) -> tuple[str, str]:
    """The stage and the evidence of figure ``k`` against the closest candidate metric."""
    import numpy as np

    from knowledge.figures import identity
    from knowledge.figures.decide import _agreement, may_misstate

    f = q.figures[k]
    same = [b for b in cands if canon.kind[b] == q.kind[k] and (q.per[k] > 0) == (canon.per[b] > 0)]
    if not same:
        return "no pair", f"{f.display} vs " + ", ".join(canon.figures[b].display for b in cands[:3])
    sims = identity.similarities(q.take(np.array([k])), canon, kbf.representations, kbf.metrics)[0]
    agrees = {x: bool(_agreement(q, np.array([k]), canon, np.array([x]))[0]) for x in same}
    b = max(same, key=lambda x: (not agrees[x], sims[x]))  # the metric it misstates: one that disagrees
    g = canon.figures[b]
    a, t = np.array([k]), np.array([b])
    side = f.where if f.where in identity.SIDES else "draft"
    feats = identity.pair_features(q, a, canon, t, np.array([sims[b]]), side=side)[0]
    p = float(identity.probability(feats[None, :])[0])
    shown = " ".join(f"{n}={v:.2f}" for n, v in zip(identity.FEATURES, feats.tolist(), strict=True)
                     if n not in ("call", "draft"))
    ev = (f"{f.display} vs {g.display} ({g.metric.id if g.metric else 'prose'}) [{res.status}] p={p:.2f} "
          f"{shown}")
    if not bool(may_misstate(q, a, canon, t)[0]):
        return "gate", ev + " " + _gates(q, k, canon, b)
    if f.where not in identity.SIDES:
        return "kb", ev
    return "threshold", ev


def document_figures(index: Any, kind: str, name: str, path: str,
                     calls: dict[str, Any]) -> tuple[Any, list[Any], list[Any]]:
    """The figure set, figures and resolutions of the document of ``name`` at ``path`` (a draft for
    ``check``, else a call from ``calls`` or the KB's pages; ``bench/agree_value.py`` reads it too)."""
    import numpy as np

    from ingest.drafts import load_draft

    kbf = index.kb
    canon = kbf.canonical
    if kind == "check":
        figs = index.draft_figures(load_draft(CORPORA[name] / path, path))
        return (index.figure_set(figs), figs, index.resolve_figures(figs)) if figs else (None, [], [])
    if path.startswith("calls/"):
        return calls.get(path, (None, [], []))
    figs = list(canon.figures[kbf.metrics:])
    return canon.take(np.arange(kbf.metrics, len(canon))), figs, [kbf.resolutions[f] for f in figs]


def corpus_rows(name: str, work: Path, found: dict[tuple[str, str, str, int], str]) -> list[tuple[str, ...]]:
    """One row per figure at each false finding of ``name`` on a line labelled a wrong restatement."""
    rows: list[tuple[str, ...]] = []
    with figure_index(name, work) as (ix, index):
        labels = ix.corpus.labels
        kbf = index.kb
        canon = kbf.canonical
        calls: dict[str, Any] = {}
        for call_path, res in index.calls().items():
            figs = [r.figure for r in res]
            calls[call_path] = (index.figure_set(figs) if figs else None, figs, res)
        for (corpus, kind, path, line), said in sorted(found.items()):
            e = wrong_restatement(labels, kind, path, line) if corpus == name else None
            if e is None:
                continue
            q, figs, res = document_figures(index, kind, name, path, calls)
            at = [i for i, f in enumerate(figs) if f.path == path and f.line == line] if q is not None else []
            head = (name, kind, f"{path}:{line}", e["rule"])
            if not at:
                rows.append((*head, "not read", said, e.get("note", "")[:90]))
                continue
            cands = _metrics_of(e, canon, kbf.metrics)
            for i in at:
                stage, ev = _pair_row(q, i, res[i], canon, kbf, cands)
                rows.append((*head, stage, ev, e.get("note", "")[:90]))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", type=Path, required=True, help="an accuracy --show output")
    ap.add_argument("--corpus", action="append", required=True)
    ap.add_argument("--work", type=Path, default=Path("/tmp/canon-accuracy"))
    args = ap.parse_args()
    found = false_findings(args.show)
    for name in args.corpus:
        if name in HELD_OUT:
            sys.exit(f"{name} is held out")
        for row in corpus_rows(name, args.work, found):
            print(" | ".join(row))


if __name__ == "__main__":
    main()
