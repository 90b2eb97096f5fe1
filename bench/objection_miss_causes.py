"""Why each required labelled objection turn is missed, sorted into causes, on every corpus given.

Reads the indexes ``bench/accuracy.py`` left (``--work``) and runs the analysis as shipped. Each
required labelled turn with no reported mention is given the first cause that holds:

- ``not located``: no parsed turn holds the labelled line (a subtitle cue the scorer reaches through
  ``alt_lines``; this script does not read them);
- ``prefilter``: no sentence of the turn passed the prefilter (or the turn is not a prospect's);
- ``lost after detection``: a mention was detected in the turn but none of the output holds it
  (assignment left it out, or it was filed as part of another mention);
- ``follow-up``: the same prospect's labelled turn with the same objection, one to four turns
  before, was found, and this turn, carrying it on, was not;
- ``speech-recognition``: the turn reads as raw speech-recognition text (no capital letter and no
  sentence-ending punctuation), and detection passed over it;
- ``under the bar``: a candidate sentence reached detection and the piece model, and neither took it.

Label disagreement cannot be told apart by a script: a sample of the turns under the bar is read
by hand and counted in ``bench/ACCURACY.md``. ``--list`` prints each missed turn with its cause.

    python bench/accuracy.py --work /tmp/w --corpus ...   # ingest once
    python bench/objection_miss_causes.py --work /tmp/w --corpus docketry --corpus pellucid [--list]

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import HELD_OUT  # noqa: E402
from bench.objection_sweep import Corpus  # noqa: E402
from tests.scoring import labelled_mentions  # noqa: E402

CAUSES = ("not located", "prefilter", "lost after detection", "follow-up", "speech-recognition", "under the bar")
FOLLOW_BACK = 4  # turns back a follow-up may carry on a found mention of the same prospect


def _asr(text: str) -> bool:
    """Raw speech-recognition text: no capital letter and no sentence-ending punctuation."""
    return not re.search(r"[A-Z]", text) and not re.search(r"[.?!]", text)


def _turn_index(call: Any, t: Any) -> int | None:
    for ti, turn in enumerate(call.turns):
        if turn.line <= t.hi and (turn.line >= t.lo or any(t.lo <= s.line <= t.hi for s in turn.sentences)):
            return ti
    return None


def causes(corpus: Corpus) -> list[tuple[str, Any, str]]:
    """(cause, labelled turn, its text) for each required labelled turn the shipped analysis misses."""
    from knowledge.objections import analyze
    from knowledge.objections.prefilter import candidates

    res = analyze(corpus.calls, corpus.entries, corpus.vectors, chunks=corpus.chunks, prototypes=corpus.prototypes)
    reported = {(m.call, ln) for o in res.objections for m in o.mentions for ln in (m.lines or [m.line])}
    detected = {(m.call, ln) for m in res.detected for ln in (m.lines or [m.line])}
    by_call = {c.path: c for c in corpus.calls}
    labelled = [t for t in labelled_mentions(corpus.labels) if not t.optional]
    found = [t for t in labelled if any(c == t.call and t.holds(ln) for c, ln in reported)]
    out: list[tuple[str, Any, str]] = []
    for t in labelled:
        if t in found:
            continue
        call = by_call.get(t.call)
        ti = _turn_index(call, t) if call is not None else None
        if call is None or ti is None:
            out.append(("not located", t, ""))
            continue
        text = call.turns[ti].text
        cands = [c for c in candidates(call)[0] if c.turn == ti]
        if not cands:
            cause = "prefilter"
        elif any(c == t.call and t.holds(ln) for c, ln in detected):
            cause = "lost after detection"
        elif any(f.call == t.call and f.objection == t.objection and f is not t
                 and (fi := _turn_index(call, f)) is not None and 0 < ti - fi <= FOLLOW_BACK for f in found):
            cause = "follow-up"
        elif _asr(text):
            cause = "speech-recognition"
        else:
            cause = "under the bar"
        out.append((cause, t, text))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--corpus", action="append", required=True)
    ap.add_argument("--list", action="store_true", help="each missed turn with its cause")
    args = ap.parse_args()
    if set(HELD_OUT) & set(args.corpus):
        raise SystemExit("the final exam and the round's held-out sets are not inspected")
    total: Counter[str] = Counter()
    print(f"{'corpus':<13}" + "".join(f"{c:>21}" for c in CAUSES) + f"{'missed':>8}")
    for name in args.corpus:
        rows = causes(Corpus(name, args.work))
        n = Counter(c for c, _, _ in rows)
        total.update(n)
        print(f"{name:<13}" + "".join(f"{n[c]:>21}" for c in CAUSES) + f"{len(rows):>8}", flush=True)
        if args.list:
            for cause, t, text in rows:
                print(f"    {cause:<22} {t.objection:<34} {t.call}:{t.line}  {' '.join(text.split())[:100]}")
    print(f"{'all':<13}" + "".join(f"{total[c]:>21}" for c in CAUSES) + f"{sum(total.values()):>8}")


if __name__ == "__main__":
    main()
