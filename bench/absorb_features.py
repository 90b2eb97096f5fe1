"""Known objection or something the KB does not cover: the evidence for each detected mention, with
its label, on every development corpus (the data :mod:`knowledge.objections.absorb` is fitted on).

Reads the indexes ``bench/accuracy.py`` left (``--work``), runs ``analyze`` with the shipped settings,
and for every mention that reaches assignment writes its features (:func:`knowledge.objections.absorb.features`)
and what the labels say it is: a known objection's turn, a ``new:`` concern's turn, or no labelled
turn at all (a stray). Larkspur is the final exam and is not offered.

    python bench/absorb_features.py --work /tmp/w --out /tmp/absorb.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.objection_sweep import DEVELOPMENT, Corpus, assign_replaced  # noqa: E402
from tests.scoring import find_mention, labelled_mentions  # noqa: E402


def rows(corpus: Corpus) -> list[dict[str, Any]]:
    import knowledge.objections as objections
    from knowledge.objections import DEFAULT_TUNING, analyze
    from knowledge.objections.absorb import FEATURES, features

    seen: list[dict[str, Any]] = []
    real = objections._assign

    def spy(mentions: Any, entries: Any, R: Any, owner: Any, tuning: Any, cohesion: Any = None, **kw: Any) -> Any:
        X = features(mentions, len(entries), R, owner, cohesion, kw.get("concerns"), banned=kw.get("banned"))
        best = X["best"]
        labelled = labelled_mentions(corpus.labels)
        for i, mt in enumerate(mentions):
            t = find_mention(labelled, mt.call, mt.line)
            seen.append({"corpus": corpus.name, "call": mt.call, "line": mt.line, "text": mt.text[:90],
                         "label": t.objection if t else None, "optional": bool(t and t.optional),
                         "entry": entries[int(best[i])].id if len(entries) else None,
                         **{f: float(X[f][i]) for f in FEATURES}})
        return real(mentions, entries, R, owner, tuning, cohesion, **kw)

    with assign_replaced(spy):
        analyze(corpus.calls, corpus.entries, corpus.vectors, chunks=corpus.chunks, prototypes=corpus.prototypes,
                tuning=DEFAULT_TUNING)
    return seen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--corpus", action="append", choices=DEVELOPMENT)
    args = ap.parse_args()
    out: list[dict[str, Any]] = []
    for name in args.corpus or DEVELOPMENT:
        got = rows(Corpus(name, args.work))
        print(f"{name}: {len(got)} mentions, {sum(1 for r in got if (r['label'] or '').startswith('new:'))} of new concerns",
              flush=True)
        out.extend(got)
    args.out.write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
