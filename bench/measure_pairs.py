"""Pairs of figures that may state one measure, read off the labelled corpora: the training and
test data of the "same measure?" model (``knowledge/figures/identity.py``), and a diagnosis of
the misses of ``metric-conflict`` and ``rep-misstatement`` (is the labelled pair a candidate at
all, and which gate stops it).

For every figure of a draft, a call or an approved entry, every approved statement of a
compatible unit kind (metrics first) is a pair, with its features
(:func:`knowledge.figures.identity.pair_features`) and a label read off the corpus's labels:

- ``1`` (one measure): the figure is labelled ``metric-conflict`` or ``rep-misstatement`` and the
  target stands in the labelled ``related`` entry (the metric the note names when the entry
  registers several);
- ``0`` (two measures): the figure is labelled ``unsupported-claim`` or ``unsourced-claim``
  (nothing in the KB registers its measure), or the figure is a claim at a line where no comparing finding is labelled and the two
  values disagree (a disagreeing statement of its measure would have been labelled);
- none otherwise (values that agree, optional labels): not used.

    python bench/measure_pairs.py --corpus gridwell --show     # the labelled pairs, and their gates
    python bench/measure_pairs.py --out pairs.jsonl            # every development corpus

Runs the pipeline as ``bench/accuracy.py`` does (its work folder, so the index is reused). Prints
figures; asserts nothing. Never run on the final-exam corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, indexed  # noqa: E402
from tests.scoring import accepted_lines  # noqa: E402

DEVELOPMENT = ("northwind", "real-labelled", "examples", "phenomena", "haulwise", "quayside", "sablewood",
               "kittiwake", "quillpay", "proscenia", "gridwell", "furrowline", "brightmoor", "cobbleway",
               "fernhollow", "saltmarsh", "ravelin", "hearthstead", "bramblecote", "kelpmoor", "axlewood", "tallowgate", "mashcroft",
               # development sets since the twelfth round (quarrywell, mothwick), the thirteenth (lockfern, kilnmere)
               # the fourteenth (linnethill, corriebank), the fifteenth (thornwick, pebblecroft), the
               # sixteenth (ashcombe, brinkwater), the seventeenth (oxlease, ferrisdale), the eighteenth
               # (dunmarrow, lutecombe) and the nineteenth (apronfield, wardenholt)
               "quarrywell", "mothwick", "lockfern", "kilnmere", "linnethill", "corriebank", "thornwick",
               "pebblecroft", "ashcombe", "brinkwater", "oxlease", "ferrisdale",
               "dunmarrow", "lutecombe", "apronfield", "wardenholt")
COMPARING = ("metric-conflict", "rep-misstatement")


def _labels_at(labels: dict[str, Any], path: str, line: int) -> list[dict[str, Any]]:
    out = []
    for kind in ("audit", "check"):
        for e in labels.get(kind, {}).get("expected", []):
            if e["path"] == path and any(lo <= line <= hi for lo, hi in accepted_lines(e)):
                out.append(e)
    return out


def unregistered(labs: list[dict[str, Any]]) -> bool:
    """Whether the labels at a figure say that no registered measure is its: unbacked on a draft or
    a call (``unsupported-claim``), or in an entry with no metric behind it (``unsourced-claim``)."""
    if any(e["rule"] in COMPARING for e in labs):
        return False
    return any(e["rule"] in ("unsupported-claim", "unsourced-claim") and not e.get("optional") for e in labs)


def _related(e: dict[str, Any]) -> list[str]:
    """The entries a label relates to, as paths (labels name an entry by its path or by its id,
    which is the path less ``.md``)."""
    r = e.get("related") or []
    named = [r] if isinstance(r, str) else list(r)
    return [p if p.endswith((".md", ".mdx")) else f"{p}.md" for p in named] + named


def corpus_pairs(name: str, work: Path) -> list[dict[str, Any]]:
    import numpy as np

    from ingest.drafts import load_draft
    from knowledge.audit import _indexed_context
    from knowledge.figures import identity
    from knowledge.figures.decide import _agreement, _compatible, _near_magnitude, may_misstate
    from knowledge.figures.index import FigureIndex
    from knowledge.store import open_catalog

    # the status recorded is the hand-set thresholds' alone: what the model is measured against
    identity._weights = lambda: None  # type: ignore[assignment]
    ix = indexed(name, work)
    labels, settings, today = ix.corpus.labels, ix.settings, ix.today
    catalog = open_catalog(settings)
    rows: list[dict[str, Any]] = []
    try:
        ctx = _indexed_context(settings, catalog, today, None, with_calls=True)
        index = FigureIndex.of(ctx)
        kbf = index.kb
        canon = kbf.canonical
        groups: list[tuple[str, list[Any]]] = []
        for call in ctx.calls:
            groups.append(("call", index.call_figures(call)))
        for p in labels.get("drafts", []):
            d = load_draft(CORPORA[name] / p, p)
            groups.append(("draft", index.draft_figures(d)))
        groups.append(("kb", [f for f in canon.figures[kbf.metrics:]]))
        for side, figs in groups:
            if not figs:
                continue
            q = index.figure_set(figs) if side != "kb" else canon.take(np.arange(kbf.metrics, len(canon)))
            resolved = index.resolve_figures(figs) if side != "kb" else [kbf.resolutions[f] for f in figs]
            status = []
            for f, r in zip(figs, resolved, strict=True):
                st = r.status
                if side == "kb" and f in kbf.claim_conflicts:
                    st = "conflict"
                status.append(st)
            # a metric that another figure of the sentence states right is not what this one
            # misstates: the pipeline never asks the model of it (decide._misstated_metrics)
            stated = {(int(q.sentence[x]), id(m.target)): x for x, r in enumerate(resolved) if q.sentence[x] >= 0
                      for m in r.backers}
            sims = identity.similarities(q, canon, kbf.representations, kbf.metrics)
            qi, ti = np.nonzero(sims > -2)
            keep = (canon.kind[ti] == q.kind[qi]) & (q.kind[qi] != 0) & ((q.per[qi] > 0) == (canon.per[ti] > 0))
            if side == "kb":
                keep &= (canon.entry[ti] != q.entry[qi]) | canon.is_metric[ti]
                keep &= canon.is_metric[ti] | (ti < qi + kbf.metrics)
            qi, ti = qi[keep], ti[keep]
            if not len(qi):
                continue
            s = sims[qi, ti]
            comp = _compatible(q, qi, canon, ti)
            asked = may_misstate(q, qi, canon, ti)
            agree = _agreement(q, qi, canon, ti) & _near_magnitude(q, qi, canon, ti)
            feats = identity.pair_features(q, qi, canon, ti, s, side=side)
            for k in range(len(qi)):
                a, b = int(qi[k]), int(ti[k])
                f, t = q.figures[a], canon.figures[b]
                labs = _labels_at(labels, f.path, f.line)
                comparing = [e for e in labs if e["rule"] in COMPARING and not e.get("optional")]
                label: int | None = None
                if comparing:
                    rel = {r for e in comparing for r in _related(e)}
                    if t.path in rel and not bool(agree[k]):
                        notes = " ".join(e.get("note", "") for e in comparing)
                        ids = [m.id for m in (t.entry.metrics if t.entry else [])]
                        named = [i for i in ids if i in notes]
                        if t.origin == "metric":
                            label = 1 if (not named or (t.metric and t.metric.id in named)) else None
                        else:
                            label = 1 if not named else None
                elif unregistered(labs):
                    label = 0
                elif not labs and not bool(agree[k]) and (f.claim is None or f.claim.is_claim):
                    label = 0
                rows.append({
                    "corpus": name, "side": side, "path": f.path, "line": f.line, "text": f.text,
                    "context": f.context, "value": f.display, "target": t.path, "target_line": t.line,
                    "metric": t.metric.id if t.metric else None, "target_context": t.context,
                    "target_value": t.display, "s": float(s[k]), "compatible": bool(comp[k]),
                    "agree": bool(agree[k]), "asked": bool(asked[k]), "label": label, "status": status[a],
                    "stated_beside": stated.get((int(q.sentence[a]), id(t)), a) != a,
                    "is_conflict_target": bool((c := resolved[a].conflict) is not None and c.target is t),
                    "features": [float(x) for x in feats[k]],
                })
    finally:
        catalog.close()
    return rows


def _p(r: dict[str, Any]) -> float:
    """The kept model's probability for a row (what the pipeline would ask it)."""
    import numpy as np

    from knowledge.figures import identity

    data = json.loads(identity.MODEL.read_text(encoding="utf-8"))
    kept = (np.asarray(data["coef"], dtype=np.float64), float(data["intercept"]), data["threshold"])
    return float(identity.probability(np.array([r["features"]]), kept)[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", choices=DEVELOPMENT)
    ap.add_argument("--work", type=Path, default=Path("/tmp/canon-pairs"))
    ap.add_argument("--out", type=Path)
    ap.add_argument("--show", action="store_true", help="the positive pairs, their score and gates")
    args = ap.parse_args()
    rows: list[dict[str, Any]] = []
    for name in args.corpus or DEVELOPMENT:
        got = corpus_pairs(name, args.work)
        pos = [r for r in got if r["label"] == 1]
        neg = [r for r in got if r["label"] == 0]
        print(f"[{name}] pairs {len(got)}, one measure {len(pos)}, two measures {len(neg)}")
        if args.show:
            for r in sorted(pos, key=lambda r: (r["path"], r["line"])):
                print(f"  + {r['s']:.3f} comp={int(r['compatible'])} asked={int(r['asked'])} "
                      f"p={_p(r):.2f} {r['status']} {r['path']}:{r['line']} {r['value']!r} "
                      f"-> {r['metric'] or r['target']} {r['target_value']!r} | {r['context'][:90]!r} "
                      f"|| {r['target_context'][:70]!r}")
        rows.extend(got)
    if args.out:
        args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
