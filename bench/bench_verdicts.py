"""What reviewers' verdicts are worth: ``canon objections`` on held-out mentions, without and with
verdicts on a seeded random 20% of a corpus.

For each labelled corpus with calls (by default ``northwind`` and ``examples``; never the final exam): a reviewer is
simulated from the labels on a random 20% of what there is to review, namely the labelled turns
(each gets the objection it is about: an assignment verdict, which also makes a missed turn a
mention) and the mentions canon reports outside every labelled turn (each marked wrong). Mention
precision, recall, F1 and matching accuracy are then scored on the other 80% only, without the
verdicts and with them written to the KB's ``verdicts/objections.yaml``, over several seeds.

    python bench/bench_verdicts.py                    # both corpora, seeds 1-5
    python bench/bench_verdicts.py --corpus examples --seeds 10

Uses the indexed copies that ``bench/accuracy.py`` keeps (runs ``canon ingest`` on them first).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, _sync  # noqa: E402
from tests.scoring import find_mention, labelled_mentions, load_corpus, score_objections  # noqa: E402

SHARE = 0.2


def simulate(result: dict[str, Any], labels: dict[str, Any], seed: int) -> tuple[list[Any], set[tuple[str, int]],
                                                                                  set[tuple[str, int]]]:
    """The verdicts of a reviewer who looked at a random 20%, and what they looked at: the
    labelled turns (call, line) and the reported mentions outside every labelled turn."""
    from knowledge.objections.verdicts import Verdict

    labelled = labelled_mentions(labels)
    strays = [(o, m) for o in result["objections"] for m in o["mentions"]
              if find_mention(labelled, m["call"], m["line"]) is None]
    units: list[tuple[str, Any]] = [("turn", t) for t in labelled] + [("stray", s) for s in strays]
    rng = random.Random(seed)
    picked = rng.sample(units, round(SHARE * len(units)))
    verdicts: list[Verdict] = []
    turns: set[tuple[str, int]] = set()
    stray_at: set[tuple[str, int]] = set()
    for kind, u in picked:
        if kind == "turn":
            turns.add((u.call, u.line))
            hit = next((m for o in result["objections"] for m in o["mentions"]
                        if m["call"] == u.call and u.lo <= m["line"] <= u.hi), None)
            line, text = (hit["line"], hit["text"]) if hit else (u.line, u.snippet)
            verdicts.append(Verdict(kind="assignment", call=u.call, line=line, text=text,
                                    objection=u.objection))
        else:
            _, m = u
            stray_at.add((m["call"], m["line"]))
            verdicts.append(Verdict(kind="mention", verdict="wrong", call=m["call"], line=m["line"], text=m["text"]))
    return verdicts, turns, stray_at


def held_out(result: dict[str, Any], labels: dict[str, Any], turns: set[tuple[str, int]],
             strays: set[tuple[str, int]]) -> dict[str, Any]:
    """Score on the 80% the reviewer did not see."""
    labelled = labelled_mentions(labels)
    seen = [t for t in labelled if (t.call, t.line) in turns]
    lab = copy.deepcopy(labels)
    lab["objections"]["calls"] = {c: [m for m in items if (c, m["line"]) not in turns]
                                  for c, items in labels["objections"]["calls"].items()}
    res = copy.deepcopy(result)
    for o in res["objections"]:
        o["mentions"] = [m for m in o["mentions"] if (m["call"], m["line"]) not in strays
                         and not any(t.call == m["call"] and t.lo <= m["line"] <= t.hi for t in seen)]
    return score_objections(res, [], lab)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", choices=sorted(c for c in CORPORA if c != "larkspur"),
                    help="a corpus with objection labels (repeatable; default: northwind and examples)")
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args()
    from ingest.pipeline import ingest
    from knowledge.objections import find_objections
    from knowledge.objections.verdicts import path_of, save_verdicts
    from knowledge.settings import load_settings

    work = args.work or Path(tempfile.gettempdir()) / "canon-accuracy" / hashlib.sha1(str(REPO).encode()).hexdigest()[:8]
    measures = ("mention precision", "mention recall", "mention F1", "matching accuracy")
    for name in args.corpus or ["northwind", "examples"]:
        corpus = load_corpus(CORPORA[name])
        kb = work / name / "kb"
        _sync(corpus.kb, kb)
        settings = load_settings(kb, environ={})
        ingest(settings)
        from datetime import date

        today = date.fromisoformat(corpus.labels["today"])
        base = find_objections(settings, today=today)
        sums = {k: [0.0, 0.0] for k in measures}
        for seed in range(1, args.seeds + 1):
            verdicts, turns, strays = simulate(base, corpus.labels, seed)
            before = held_out(base, corpus.labels, turns, strays)
            save_verdicts(kb, verdicts)
            try:
                after = held_out(find_objections(settings, today=today), corpus.labels, turns, strays)
            finally:
                path_of(kb).unlink()
            print(f"[{name}] seed {seed}: {len(verdicts)} verdicts; held-out F1 "
                  f"{before['mention F1']:.3f} -> {after['mention F1']:.3f}, matching "
                  f"{before['matching accuracy']:.3f} -> {after['matching accuracy']:.3f}")
            for k in measures:
                sums[k][0] += float(before[k] or 0.0)
                sums[k][1] += float(after[k] or 0.0)
        print(f"[{name}] mean over {args.seeds} seeds, on the held-out 80%:")
        for k in measures:
            b, a = sums[k][0] / args.seeds, sums[k][1] / args.seeds
            print(f"    {k:<18} {b:.3f} -> {a:.3f}  ({a - b:+.3f})")


if __name__ == "__main__":
    main()
