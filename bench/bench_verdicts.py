"""What reviewers' verdicts are worth: ``canon objections`` on held-out mentions, without and with
verdicts on a seeded random 20% of a corpus.

For each labelled corpus with calls (by default the development corpora, :data:`WITH_CALLS`;
never the final exam): a reviewer is simulated from the labels on a random 20% of what there is
to review, namely the labelled turns (each gets the objection it is about: an assignment verdict,
which also makes a missed turn a mention) and the mentions canon reports outside every labelled
turn (each marked wrong). Mention precision, recall, F1 and
matching accuracy are then scored on the other 80% only, without the verdicts and with them
written to the KB's ``verdicts/objections.yaml`` and read back, over several seeds (mean, and the
spread over seeds of the change).

    python bench/bench_verdicts.py                    # every corpus, seeds 1-5
    python bench/bench_verdicts.py --corpus examples --seeds 10
    python bench/bench_verdicts.py --anchor 3         # the detector's adaptation, another prior
    python bench/bench_verdicts.py --loco             # the prior chosen leave-one-corpus-out

Uses the indexed copies that ``bench/accuracy.py`` keeps (runs ``canon ingest`` on them first); the
analysis runs in process on the index's calls, entries and vectors, as ``find_objections`` does.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import random
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, indexed  # noqa: E402
from tests.scoring import find_mention, labelled_mentions, score_objections  # noqa: E402

SHARE = 0.2
MEASURES = ("mention precision", "mention recall", "mention F1", "matching accuracy")
WITH_CALLS = ("docketry", "proscenia", "pellucid", "sablewood", "wickerby", "quayside", "ravelin", "examples",
              "northwind")
GRID = (1.0, 3.0, 10.0, 30.0)  # strengths of the adaptation's prior tried by --loco


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
                        if m["call"] == u.call and u.holds(m["line"])), None)
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
                         and not any(t.call == m["call"] and t.holds(m["line"]) for t in seen)]
    return score_objections(res, [], lab)


class Prepared:
    """A corpus's KB, ingested, with what :func:`knowledge.objections.analyze` reads from the index."""

    def __init__(self, name: str, work: Path) -> None:
        from knowledge.indexed import Vectors, load_indexed_calls, load_indexed_kb
        from knowledge.objections.detect import _prototype_vectors
        from knowledge.store import open_catalog

        ix = indexed(name, work)
        settings = ix.settings
        self.name, self.labels = name, ix.corpus.labels
        self.kb = settings.root
        catalog = open_catalog(settings)
        self.entries = load_indexed_kb(settings, catalog).entries
        self.calls, _ = load_indexed_calls(settings, catalog)
        self.chunks = [c for c in catalog.chunks() if c.kind in ("example", "title", "section")]
        self.vectors = Vectors(settings, None, catalog)
        self.prototypes = _prototype_vectors(self.vectors)

    def run(self, verdicts: list[Any]) -> dict[str, Any]:
        """The JSON of ``canon objections`` with ``verdicts`` in the KB's file (read back from it)."""
        from knowledge.objections import analyze
        from knowledge.objections.verdicts import load_verdicts, path_of, save_verdicts

        if verdicts:
            save_verdicts(self.kb, verdicts)
        try:
            got = load_verdicts(self.kb)
        finally:
            path_of(self.kb).unlink(missing_ok=True)
        return analyze(self.calls, self.entries, self.vectors, chunks=self.chunks, prototypes=self.prototypes,
                       verdicts=got).to_dict()


def measure(corpus: Prepared, seeds: int) -> list[tuple[dict[str, Any], dict[str, Any], int]]:
    """Per seed: the held-out scores without and with the verdicts, and how many verdicts."""
    base = corpus.run([])
    out = []
    for seed in range(1, seeds + 1):
        verdicts, turns, strays = simulate(base, corpus.labels, seed)
        out.append((held_out(base, corpus.labels, turns, strays),
                    held_out(corpus.run(verdicts), corpus.labels, turns, strays), len(verdicts)))
    return out


def report(name: str, rows: list[tuple[dict[str, Any], dict[str, Any], int]]) -> None:
    print(f"[{name}] {len(rows)} seeds, {statistics.mean(n for _, _, n in rows):.1f} verdicts on average; "
          "held-out 80%, mean without -> with (change; lowest and highest change over seeds):")
    for k in MEASURES:
        b = [float(x[k] or 0.0) for x, _, _ in rows]
        a = [float(y[k] or 0.0) for _, y, _ in rows]
        d = [y - x for x, y in zip(b, a, strict=True)]
        print(f"    {k:<18} {statistics.mean(b):.3f} -> {statistics.mean(a):.3f}  "
              f"({statistics.mean(d):+.3f}; {min(d):+.3f} .. {max(d):+.3f})")


def gain(rows: list[tuple[dict[str, Any], dict[str, Any], int]]) -> float:
    return statistics.mean(float(a["mention F1"] or 0.0) - float(b["mention F1"] or 0.0) for b, a, _ in rows)


def loco(prepared: list[Prepared], seeds: int) -> None:
    """Each prior strength of :data:`GRID` on every corpus; then, for each corpus, the strength
    that does best on the others (highest worst-corpus gain, then highest mean) and its gain there."""
    from knowledge.objections import review

    names = [c.name for c in prepared]
    table: dict[float, dict[str, float]] = {}
    for anchor in GRID:
        review.ANCHOR = anchor
        table[anchor] = {c.name: gain(measure(c, seeds)) for c in prepared}
        print(f"anchor {anchor:>4}: " + "  ".join(f"{n} {g:+.3f}" for n, g in table[anchor].items()))
    print("leave one corpus out (chosen on the others by their worst gain, then their mean):")
    for held in names:
        rest = [n for n in names if n != held]
        best = max(table, key=lambda k: (min(table[k][n] for n in rest), sum(table[k][n] for n in rest)))
        print(f"    {held:<10} anchor {best:>4} -> held-out F1 change {table[best][held]:+.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", choices=sorted(c for c in CORPORA if c != "larkspur"),
                    help="a corpus with objection labels (repeatable; default: every one with calls)")
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--anchor", type=float, default=None, help="the adaptation's prior strength (review.ANCHOR)")
    ap.add_argument("--loco", action="store_true", help="choose the prior's strength leave-one-corpus-out")
    args = ap.parse_args()
    from knowledge.objections import review

    if args.anchor is not None:
        review.ANCHOR = args.anchor
    work = args.work or Path(tempfile.gettempdir()) / "canon-accuracy" / hashlib.sha1(str(REPO).encode()).hexdigest()[:8]
    prepared = [Prepared(name, work) for name in args.corpus or WITH_CALLS]
    if args.loco:
        loco(prepared, args.seeds)
        return
    for corpus in prepared:
        report(corpus.name, measure(corpus, args.seeds))


if __name__ == "__main__":
    main()
