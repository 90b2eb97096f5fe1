"""Why a rep's figure on a call that the labels call a ``rep-misstatement`` is missed, and why a
reported one is false: for every ``MISS`` and ``FP`` line of that rule in an accuracy ``--show``
output, the turns at the label's lines (speaker and role), every figure the rep's sentences there
carry as claims, and what became of each:

- ``speaker``: the turn is not read as the rep's (role external or unknown);
- ``not read``: the rep's turn holds no figure claim at the line (a number in words, split across
  cues, a multiplier, a range or "a couple of" the claim reader does not take);
- ``dropped``: a claim is read but the call's figure reading drops it (about the listener, not an
  outcome, measuring nothing, the prospect's own figure said back);
- otherwise the figure's resolution and, against the metric the label names, the stage of
  :func:`bench.restate_misses._pair_row` (``no pair``, ``gate``, ``threshold``) with the pair
  features, so a figure read and linked but backed (a rounding tolerance) shows as ``backed``.

    python bench/rep_misses.py --show before.txt --corpus kelpmoor --corpus mothwick

Runs the pipeline as ``bench/accuracy.py`` does (its work folder). Prints one row per figure;
asserts nothing. Never run on the final-exam corpus or a held-out one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import HELD_OUT, figure_index, show_lines  # noqa: E402
from bench.restate_misses import _metrics_of, _pair_row  # noqa: E402
from tests.scoring import accepted_lines  # noqa: E402

RULE = "rep-misstatement"


def _label(labels: dict[str, Any], path: str, line: int, negative: bool) -> dict[str, Any] | None:
    """The label of the rule at ``path:line`` (an expected one for a miss, any for a false finding)."""
    key = "negatives" if negative else "expected"
    for e in labels.get("audit", {}).get(key, []):
        if e["path"] == path and (negative or e["rule"] == RULE) and any(
                lo <= line <= hi for lo, hi in accepted_lines(e, 1)):
            return e
    return None


def _turns_at(call: Any, lines: set[int]) -> list[Any]:
    """The turns whose text covers one of ``lines`` (a turn runs to the next turn's first line)."""
    out = []
    for t, nxt in zip(call.turns, [*call.turns[1:], None], strict=True):
        end = nxt.line - 1 if nxt is not None else t.line + 10_000
        if any(t.line - 1 <= ln <= end for ln in lines):
            out.append(t)
    return out


def _claims_at(turns: list[Any], lines: set[int]) -> list[str]:
    """The figure claims the reps' turns carry at ``lines``, as the claim reader takes them."""
    from knowledge.figures.reading import sentence_claims

    return [f"claim {c.text!r}" for t in turns for s in t.sentences for c in sentence_claims(s)
            if c.masked and (c.line in lines or c.end_line in lines)]


def corpus_rows(name: str, work: Path, marks: list[tuple[str, str, int, str]]) -> list[tuple[str, ...]]:
    """One row per figure (or turn) at each missed or false ``rep-misstatement`` of ``name``."""
    rows: list[tuple[str, ...]] = []
    with figure_index(name, work) as (ix, index):
        labels = ix.corpus.labels
        canon = index.kb.canonical
        calls = {c.path: c for c in index.ctx.calls}
        resolved = index.calls()
        for marker, path, line, text in marks:
            e = _label(labels, path, line, negative=marker == "FP")
            lines = set(range(line - 1, line + 2)) if e is None else {
                ln for lo, hi in accepted_lines(e, 1) for ln in range(lo, hi + 1)}
            head = (name, marker, f"{path}:{line}")
            note = (e or {}).get("note", text)[:110]
            call = calls.get(path)
            if call is None:
                rows.append((*head, "no call", note))
                continue
            turns = _turns_at(call, lines)
            reps = [t for t in turns if t.role == "internal"]
            if not reps:
                who = ", ".join(f"{t.speaker or '?'}={t.role}" for t in turns)
                rows.append((*head, "speaker", who, note))
                continue
            figs = [(i, r) for i, r in enumerate(resolved.get(path, [])) if r.figure.line in lines]
            if not figs:
                claims = _claims_at(reps, lines)
                stage = "dropped" if claims else "not read"
                said = " / ".join(claims) or " ".join(t.text for t in reps)[:160]
                rows.append((*head, stage, said, note))
                continue
            cands = _metrics_of(e, canon, index.kb.metrics) if e is not None else list(range(index.kb.metrics))
            q = index.figure_set([r.figure for r in resolved[path]])
            for i, r in figs:
                stage, ev = _pair_row(q, i, r, canon, index.kb, cands)
                rows.append((*head, f"{r.status}/{stage}", ev, note))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", type=Path, required=True, help="an accuracy --show output")
    ap.add_argument("--corpus", action="append", required=True)
    ap.add_argument("--work", type=Path, default=Path("/tmp/canon-accuracy"))
    args = ap.parse_args()
    marks: dict[str, list[tuple[str, str, int, str]]] = {}
    for marker in ("MISS", "FP"):
        for corpus, kind, rule, path, line, text in show_lines(args.show, marker):
            if rule == RULE and kind == "audit":
                marks.setdefault(corpus, []).append((marker, path, line, text))
    for name in args.corpus:
        if name in HELD_OUT:
            sys.exit(f"{name} is held out")
        for row in corpus_rows(name, args.work, marks.get(name, [])):
            print(" | ".join(row), flush=True)


if __name__ == "__main__":
    main()
