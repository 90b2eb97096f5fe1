"""What the shortcut for an example's own words (``Tuning.verbatim``, knowledge/objections/verbatim.py)
changes on each development corpus: mention precision, recall and F1 with it off and on, the counts
they are pooled from, and how many sentences take the shortcut (of them, how many no other step took).

Reads the indexes ``bench/accuracy.py`` left (``--work``, as ``bench/objection_sweep.py`` does) and runs
only the analysis. No constant is chosen: the shortcut is word identity.

    python bench/verbatim_examples.py --work WORK [--corpus northwind ...]

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.objection_sweep import DEVELOPMENT, Corpus  # noqa: E402
from tests.scoring import labelled_mentions, match_mentions  # noqa: E402

Counts = tuple[int, int, int, int]  # right, judged, found, required
Said = set[tuple[str, int]]  # mentions as (call, line)


def counts(c: Corpus, tuning: Any) -> tuple[Counts, Said, Said]:
    """The mention counts of ``c`` under ``tuning`` (right, judged, found, required), every mention,
    and the mentions saying an example's words."""
    from knowledge.objections import analyze

    a = analyze(c.calls, c.entries, c.vectors, chunks=c.chunks, prototypes=c.prototypes, tuning=tuning)
    mentions = [m for o in a.to_dict(min_calls=1)["objections"] for m in o["mentions"]]
    match = match_mentions(mentions, labelled_mentions(c.labels))
    judged = [t for _, t in match.pairs if t is None or not t.optional]
    right = sum(1 for t in judged if t is not None)
    said = {(m["call"], m["line"]) for m in mentions}
    return (right, len(judged), len(match.found), len(match.required)), said, {(m["call"], m["line"]) for m in mentions if m.get("why")}


def _f1(right: int, judged: int, found: int, required: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from the counts (nothing judged is precision 1, as tests/scoring.py has it)."""
    p = right / judged if judged else 1.0
    r = found / required if required else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    from knowledge.objections import DEFAULT_TUNING

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True, help="the folder bench/accuracy.py ingested into")
    ap.add_argument("--corpus", action="append", choices=DEVELOPMENT, help="only these (repeatable)")
    args = ap.parse_args()
    off, on = replace(DEFAULT_TUNING, verbatim=False), replace(DEFAULT_TUNING, verbatim=True)
    pooled = {"off": [0, 0, 0, 0], "on": [0, 0, 0, 0]}
    for name in args.corpus or DEVELOPMENT:
        c = Corpus(name, args.work)
        before, after = counts(c, off), counts(c, on)
        for key, run in (("off", before), ("on", after)):
            pooled[key] = [x + y for x, y in zip(pooled[key], run[0], strict=True)]
        b, a = _f1(*before[0]), _f1(*after[0])
        mark = "" if before[0] == after[0] else "  moved"
        print(f"  {name:<12} off P {b[0]:.3f} R {b[1]:.3f} F1 {b[2]:.3f} | on P {a[0]:.3f} R {a[1]:.3f} "
              f"F1 {a[2]:.3f} | by an example's words {len(after[2])}, {len(after[2] - before[1])} no other step took"
              f"{mark}", flush=True)
    for key, sums in pooled.items():
        p, r, f = _f1(*sums)
        print(f"  pooled {key}: right {sums[0]} of {sums[1]} judged, {sums[2]} of {sums[3]} turns found: "
              f"P {p:.3f} R {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    main()
