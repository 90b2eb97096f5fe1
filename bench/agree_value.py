"""What a link from the same value to a registered metric would do to the needs-a-source findings:
for every finding of ``unsourced-claim`` / ``unsupported-claim`` at the start (the false ones from an
accuracy ``--show`` output, the right ones from the labels less the ``MISS`` lines), every figure of
the index at the finding's line (a right one's accepted lines, as the scoring reads a label) that no
statement backs, and every registered metric whose value it states (the reading of "Right
restatements said another way, fourteenth round" in bench/ACCURACY.md):

- the same unit kind, currency and rate (a level meets a level, a rate a rate of the same period);
- both ends equal to the precision of the coarser saying ("a third" and 33%, "£1.2m" and 1,200,000);
- a one-sided bound only against the metric's own bound;
- every structural gate of :func:`knowledge.figures.decide._compatible`;

with the pair's "same measure?" similarity as the pipeline scores it. The link only stops a
needs-a-source finding, so a finding goes when every unbacked figure at its line is linked; the
script prints each linked figure, then per corpus the false findings gone and the right ones lost at
each floor of the similarity, and the floor chosen leave-one-corpus-out (on the other corpora, the
lowest floor of the grid that takes away no right finding), scored on the corpus left out.

    python bench/accuracy.py --corpus kelpmoor ... --rules --show --no-objections > start.txt
    python bench/agree_value.py --show start.txt --corpus kelpmoor --corpus mothwick ...
    python bench/agree_value.py --show start.txt --corpus kelpmoor ... --very-value  # no rounding

Runs the pipeline as ``bench/accuracy.py`` does (its work folder); asserts nothing. Never run on the
final-exam corpus or a held-out one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, HELD_OUT, figure_index, show_lines  # noqa: E402
from bench.restate_misses import document_figures  # noqa: E402
from tests.scoring import accepted_lines  # noqa: E402

RULES = ("unsourced-claim", "unsupported-claim")
GRID = [round(0.05 * k, 2) for k in range(11)]  # similarity floors tried, 0.00 to 0.50


Finding = tuple[str, str, str, int, bool, list[tuple[int, int]]]


def findings(show: Path, corpus: str) -> list[Finding]:
    """``(kind, rule, path, line, right, spans)`` of every finding of the two rules on ``corpus`` at the
    start: ``spans``, the lines its figures are read on (a false finding's own line; a right one's
    accepted lines, as the scoring matches it, ``bench/restate_misses.py`` too)."""
    out: list[Finding] = [(k, r, p, ln, False, [(ln, ln)]) for c, k, r, p, ln, _ in show_lines(show, "FP")
                          if c == corpus and r in RULES]
    missed = {(k, r, p, ln) for c, k, r, p, ln, _ in show_lines(show, "MISS") if c == corpus}
    labels = json.loads((CORPORA[corpus] / "labels.json").read_text(encoding="utf-8"))
    for kind in ("audit", "check"):
        for e in labels.get(kind, {}).get("expected", []):
            key = (kind, e["rule"], e["path"], e["line"])
            if e["rule"] in RULES and not e.get("optional") and key not in missed:
                out.append((*key, True, accepted_lines(e, 1)))
    return out


def states_value(q: Any, k: int, t: Any, b: int, *, coarser: bool = True) -> bool:
    """Whether figure ``k`` of ``q`` states metric ``b``'s value: same kind, currency and rate, both
    ends equal to the coarser saying's precision (``coarser=False``: the finer's, the very value), a
    one-sided bound only against the metric's own."""
    from knowledge.figures.figure import _value_range

    if q.kind[k] == 0 or q.kind[k] != t.kind[b] or q.currency[k] != t.currency[b] or q.per[k] != t.per[b]:
        return False
    if q.bound[k] != t.bound[b]:
        return False
    (a1, a2), (b1, b2) = _value_range(q.figures[k].value), _value_range(t.figures[b].value)
    step = (max if coarser else min)(float(q.precision[k]), float(t.precision[b]))
    return abs(a1 - b1) <= step and abs(a2 - b2) <= step


def links(q: Any, k: int, canon: Any, kbf: Any, *, coarser: bool = True) -> list[tuple[int, float]]:
    """The registered metrics figure ``k`` states the value of, past every gate, with the pair's
    similarity, most similar first."""
    import numpy as np

    from knowledge.figures import identity
    from knowledge.figures.decide import _compatible

    same = [b for b in range(kbf.metrics) if states_value(q, k, canon, b, coarser=coarser)]
    if not same:
        return []
    ok = _compatible(q, np.full(len(same), k), canon, np.array(same))
    same = [b for b, good in zip(same, ok.tolist(), strict=True) if good]
    if not same:
        return []
    sims = identity.similarities(q.take(np.array([k])), canon, kbf.representations, kbf.metrics)[0]
    return sorted(((b, float(sims[b])) for b in same), key=lambda x: -x[1])


def corpus_rows(name: str, work: Path, show: Path, *, coarser: bool = True) -> list[dict[str, Any]]:
    """One row per finding of the two rules: right or false, and the best similarity at which every
    unbacked figure of its line is linked (None: not every one is)."""
    rows = []
    with figure_index(name, work) as (_ix, index):
        kbf = index.kb
        canon = kbf.canonical
        calls = {}
        for call_path, res in index.calls().items():
            figs = [r.figure for r in res]
            calls[call_path] = (index.figure_set(figs) if figs else None, figs, res)
        files: dict[tuple[str, str], Any] = {}
        for kind, rule, path, line, right, spans in findings(show, name):
            if (kind, path) not in files:
                files[(kind, path)] = document_figures(index, kind, name, path, calls)
            q, figs, res = files[(kind, path)]
            at = [i for i, f in enumerate(figs) if f.path == path and any(lo <= f.line <= hi for lo, hi in spans)
                  and res[i].status == "unbacked" and not res[i].backers]
            floors: list[float | None] = []
            for i in at:
                got = links(q, i, canon, kbf, coarser=coarser)
                floors.append(got[0][1] if got else None)
                if got:
                    m = canon.figures[got[0][0]]
                    print(f"  {name} {kind} {rule} {path}:{line} {'RIGHT' if right else 'false'} "
                          f"{figs[i].display!r} -> {m.metric.id if m.metric else '?'} {m.display} s={got[0][1]:.2f}")
            linked = [x for x in floors if x is not None]
            link = min(linked) if linked and len(linked) == len(floors) else None
            rows.append({"corpus": name, "kind": kind, "rule": rule, "at": f"{path}:{line}", "right": right,
                         "figures": len(at), "link": link})
    return rows


def _effect(rows: list[dict[str, Any]], floor: float) -> tuple[int, int]:
    """False findings gone and right findings lost at a similarity floor."""
    gone = [r for r in rows if r["link"] is not None and r["link"] >= floor]
    return sum(not r["right"] for r in gone), sum(r["right"] for r in gone)


def loco(rows: list[dict[str, Any]], corpora: list[str]) -> None:
    """The floor chosen on the other corpora (lowest with no right finding lost), scored held out."""
    total_fp = total_tp = 0
    for name in corpora:
        rest = [r for r in rows if r["corpus"] != name]
        floor = next((f for f in GRID if _effect(rest, f)[1] == 0), None)
        mine = [r for r in rows if r["corpus"] == name]
        fp, tp = _effect(mine, floor) if floor is not None else (0, 0)
        total_fp, total_tp = total_fp + fp, total_tp + tp
        start_fp = sum(not r["right"] for r in mine)
        print(f"LOCO {name}: floor {floor}  false {start_fp} -> {start_fp - fp}  right lost {tp}")
    print(f"LOCO pooled: false findings gone {total_fp}, right findings lost {total_tp}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", type=Path, required=True, help="an accuracy --show output (the start)")
    ap.add_argument("--corpus", action="append", required=True)
    ap.add_argument("--work", type=Path, default=Path("/tmp/canon-accuracy"))
    ap.add_argument("--very-value", action="store_true",
                    help="equal to the finer saying's precision (no rounding), not the coarser's")
    args = ap.parse_args()
    if set(args.corpus) & (set(HELD_OUT) | {"larkspur"}):
        sys.exit("held-out corpora and the final exam are not read here")
    rows = [r for name in args.corpus for r in corpus_rows(name, args.work, args.show, coarser=not args.very_value)]
    for floor in GRID:
        print(f"floor {floor:.2f}: false gone {_effect(rows, floor)[0]}, right lost {_effect(rows, floor)[1]}")
    for name in args.corpus:
        mine = [r for r in rows if r["corpus"] == name]
        print(f"{name}: false {sum(not r['right'] for r in mine)}, right {sum(r['right'] for r in mine)}, "
              f"at floor 0: gone {_effect(mine, 0.0)[0]}, lost {_effect(mine, 0.0)[1]}")
    loco(rows, args.corpus)


if __name__ == "__main__":
    main()
