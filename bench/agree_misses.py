"""Where the pipeline loses the link between a right restatement of a registered metric and the
metric: for every false ``unsourced-claim`` / ``unsupported-claim`` finding of an accuracy
``--show`` output that falls on a labelled negative whose note names a registered metric, the
first stage that loses the link to the metrics the note names:

- ``not read``: no figure of the index at the line;
- ``no pair``: no named metric of the figure's unit kind and rate (a level against a rate, hours
  against a share);
- ``gate``: the pair (the metric whose value agrees, else the most similar) fails a hard gate
  (:func:`knowledge.figures.decide._compatible`; the attributes that differ are shown);
- ``disagree``: the values are read as disagreeing (rounding, units, scale);
- ``floor``: the pair agrees but is not among the figure's candidates (under the search's floor, or
  not among its ``NEIGHBOURS`` best);
- ``threshold``: a candidate that agrees, scoring under ``BACK`` (with the bonuses);
- ``margin``: it scores at least ``BACK`` but another candidate scores more than ``MARGIN`` above;
- ``later``: the pair is a close candidate that agrees, and the figure is still reported;
- ``backed``: the figure is backed by the metric (the finding comes from another figure of the line).

The finding's own figure is chosen by the value it quotes. The note of the nearest negative label
that names a registered metric id gives the metrics.

    python bench/agree_misses.py --show before.txt --corpus mothwick --corpus kelpmoor

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

from bench.accuracy import CORPORA, HELD_OUT, figure_index, show_lines  # noqa: E402
from tests.scoring import accepted_lines  # noqa: E402

RULES = ("unsourced-claim", "unsupported-claim")


def false_findings(show: Path) -> dict[tuple[str, str, str, int], str]:
    """``(corpus, kind, path, line)`` of every ``FP`` line of the two rules in an accuracy ``--show``,
    with the figure the finding quotes ("states 99.7% (...)": "99.7%")."""
    out = {}
    for corpus, kind, rule, path, line, text in show_lines(show, "FP"):
        if rule in RULES:
            said = _QUOTED.search(text)
            out[(corpus, kind, path, line)] = said.group(1) if said else ""
    return out


_QUOTED = re.compile(r"\b(?:states|says|said) (.+?) \(")


def _named_metrics(labels: dict[str, Any], kind: str, path: str, line: int, ids: dict[str, int]) -> tuple[list[int], str]:
    """The registered metrics the nearest negative label at the line names, and its note."""
    near = [e for e in labels.get(kind, {}).get("negatives", []) if e["path"] == path and e.get("note")
            and any(lo <= line <= hi for lo, hi in accepted_lines(e, 1))]
    for e in sorted(near, key=lambda e: abs(e["line"] - line)):
        note = e["note"]
        named = [b for mid, b in ids.items() if re.search(rf"(?<![\w-]){re.escape(mid)}(?![\w-])", note)]
        if named:
            return named, note
    return [], ""


def _stage(q: Any, k: int, res: Any, canon: Any, kbf: Any, named: list[int]) -> tuple[str, str]:
    import numpy as np

    from knowledge.figures import identity
    from knowledge.figures.decide import (
        BACK,
        MARGIN,
        _agreement,
        _compatible,
        _metric_pairs,
        candidates,
    )

    f = q.figures[k]
    if res.backed_by_metric and any(m.target.origin == "metric" and canon.figures.index(m.target) in named
                                    for m in res.backers):
        return "backed", f.display
    same = [b for b in named if canon.kind[b] == q.kind[k] and (q.per[k] > 0) == (canon.per[b] > 0)]
    if not same:
        return "no pair", f"{f.display} vs " + ", ".join(canon.figures[b].display for b in named)
    sims = identity.similarities(q.take(np.array([k])), canon, kbf.representations, kbf.metrics)[0]
    agrees = {x: bool(_agreement(q, np.array([k]), canon, np.array([x]))[0]) for x in same}
    b = max(same, key=lambda x: (agrees[x], sims[x]))  # the metric it restates, where one agrees
    g = canon.figures[b]
    a, t = np.array([k]), np.array([b])
    ev = f"{f.display} vs {g.display} ({g.metric.id if g.metric else 'prose'}) s={sims[b]:.2f} [{res.status}]"
    if not bool(_compatible(q, a, canon, t)[0]):
        return "gate", ev + " " + _gates(q, k, canon, b)
    if not bool(_agreement(q, a, canon, t)[0]):
        return "disagree", ev
    one = q.take(np.array([k]))
    pairs = _metric_pairs(one, canon, kbf.representations)
    if not bool(((pairs.t == b)).any()):
        return "floor", ev
    qi, ti, s = candidates(one, canon, pairs, kbf.eligible, exact=f.where != "kb")
    at = np.nonzero(ti == b)[0]
    if not len(at):
        return "threshold", ev + f" (<{BACK})"
    top = float(s.max())
    best = canon.figures[int(ti[int(np.argmax(s))])]
    if float(s[at[0]]) < top - MARGIN:
        return "margin", ev + f" best {best.display} s={top:.2f} ({best.metric.id if best.metric else best.path})"
    return "later", ev + f" {res.status}"


def _gates(q: Any, k: int, t: Any, b: int) -> str:
    """The structural attributes :func:`knowledge.figures.decide._compatible` reads that differ."""
    from knowledge.figures.decide import _senses

    names = {"role": q.role, "stat": q.stat, "entity": q.entity, "scope": q.scope, "year": q.year, "best": q.best}
    theirs = {"role": t.role, "stat": t.stat, "entity": t.entity, "scope": t.scope, "year": t.year, "best": t.best}
    out = [f"{n} {mine[k]}/{theirs[n][b]}" for n, mine in names.items() if mine[k] != theirs[n][b]]
    if _senses(q)[k] != _senses(t)[b]:
        out.append(f"sense {_senses(q)[k]}/{_senses(t)[b]}")
    return "(" + ", ".join(out or ["count noun"]) + ")"


def corpus_rows(name: str, work: Path, found: dict[tuple[str, str, str, int], str]) -> list[tuple[str, ...]]:
    """One row per figure at each false finding of ``name`` that a matching negative labels."""
    import numpy as np

    from ingest.drafts import load_draft
    rows: list[tuple[str, ...]] = []
    with figure_index(name, work) as (ix, index):
        labels = ix.corpus.labels
        kbf = index.kb
        canon = kbf.canonical
        metric_ids = {m.id: b for b in range(kbf.metrics) if (m := canon.figures[b].metric) is not None}
        calls: dict[str, tuple[Any, list[Any], list[Any]]] = {}
        for call_path, res in index.calls().items():
            figs = [r.figure for r in res]
            calls[call_path] = (index.figure_set(figs) if figs else None, figs, res)
        for (corpus, kind, path, line), said in sorted(found.items()):
            if corpus != name:
                continue
            named, note = _named_metrics(labels, kind, path, line, metric_ids)
            if not named:
                continue  # no label at the line names a registered metric: not a restatement of one
            if kind == "check":
                d = load_draft(CORPORA[name] / path, path)
                figs = index.draft_figures(d)
                q, res = (index.figure_set(figs), index.resolve_figures(figs)) if figs else (None, [])
            elif path.startswith("calls/"):
                q, figs, res = calls.get(path, (None, [], []))
            else:
                figs = list(canon.figures[kbf.metrics:])
                q = canon.take(np.arange(kbf.metrics, len(canon)))
                res = [kbf.resolutions[f] for f in figs]
            at = [i for i, f in enumerate(figs) if f.path == path and f.line == line] if q is not None else []
            at = [i for i in at if figs[i].display == said] or at
            if not at:
                rows.append((name, kind, f"{path}:{line}", "not read", "", note[:70]))
                continue
            for i in at:
                stage, ev = _stage(q, i, res[i], canon, kbf, named)
                rows.append((name, kind, f"{path}:{line}", stage, ev, note[:70]))
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
