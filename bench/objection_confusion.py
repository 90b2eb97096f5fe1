"""Where matching goes wrong, by kind, on every development corpus: a confusion count per corpus.

Reads the indexes ``bench/accuracy.py`` left (``--work``, as ``bench/objection_sweep.py`` does), runs
``analyze`` with the shipped settings and puts each reported mention that lies in a labelled turn
(the hits matching accuracy is computed on, :func:`tests.scoring.score_objections`) in one class:

    right        under its labelled objection (a ``new:`` label: under any mined theme)
    follow-up    a follow-up (:mod:`knowledge.objections.followups`) under the wrong objection: it
                 inherits where its anchor went
    known>known  a known objection's mention under another known objection
    known>theme  a known objection's mention in a mined theme
    new>known    a concern no entry names, absorbed by a known objection

    python bench/objection_confusion.py --work /tmp/w [--corpus netherby ...] [--rows] [--side]

``--side`` prints each new>known hit beside the entry that absorbed it (its title, its first examples
and the entries that answer it), to read what the concern is about against what the entry is about.

Larkspur is the final exam and is not offered here. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.objection_sweep import DEVELOPMENT, Corpus  # noqa: E402
from tests.scoring import labelled_mentions, match_mentions  # noqa: E402

KINDS = ("right", "follow-up", "known>known", "known>theme", "new>known")


def kind_of(holder_id: str, holder_known: bool, label: Any, follow_up: bool) -> str:
    """The class of one hit: where it went (``holder_id``, a known objection or not) against its label."""
    if holder_id == label.objection or holder_id in label.alt or (label.new and not holder_known):
        return "right"
    if follow_up:
        return "follow-up"
    if label.new:
        return "new>known"
    return "known>known" if holder_known else "known>theme"


def side_by_side(o: Any, m: Any, label: Any) -> str:
    """One absorbed mention beside the entry that took it: what each is about, to be read together."""
    e = o.entry
    examples = " | ".join(list(e.examples)[:3]) if e is not None else ""
    answers = ", ".join(str(a["entry"]) for a in o.answers[:2]) or "none"
    return (f"    [{label.objection}] {m.call}:{m.line}\n      said:     {m.text[:240]}\n"
            f"      entry:    {o.label}\n      examples: {examples[:300]}\n      answered: {answers}")


def confusion(c: Corpus, rows: bool = False, side: bool = False) -> Counter[str]:
    """The classes of ``c``'s hits under the shipped settings (and, with ``rows``, each wrong one printed;
    with ``side``, each new>known one beside its entry)."""
    from knowledge.objections import DEFAULT_TUNING, analyze

    analysis = analyze(c.calls, c.entries, c.vectors, chunks=c.chunks, prototypes=c.prototypes,
                       tuning=DEFAULT_TUNING)
    holder = {id(m): o for o in analysis.objections for m in o.mentions}
    follow = {id(m) for m in analysis.follow_ups}
    match = match_mentions(list(holder_mentions(analysis)), labelled_mentions(c.labels))
    counts: Counter[str] = Counter()
    for m, label in match.hits:
        o = holder[id(m)]
        kind = kind_of(o.id, o.known, label, id(m) in follow)
        counts[kind] += 1
        if rows and kind != "right":
            print(f"    {kind:<12} {o.id:<38} {m.call}:{m.line} wanted {label.objection}  {m.text[:90]}")
        if side and kind == "new>known":
            print(side_by_side(o, m, label))
    return counts


def holder_mentions(analysis: Any) -> list[Any]:
    """Every mention the analysis reports, follow-ups included, in the order of its objections."""
    return [m for o in analysis.objections for m in o.mentions]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True, help="the folder bench/accuracy.py ingested into")
    ap.add_argument("--corpus", action="append", choices=DEVELOPMENT, help="only these (repeatable)")
    ap.add_argument("--rows", action="store_true", help="print every wrong hit")
    ap.add_argument("--side", action="store_true", help="print each new>known hit beside its entry")
    args = ap.parse_args()
    total: Counter[str] = Counter()
    print(f"| corpus | hits | matching | {' | '.join(KINDS[1:])} |")
    print("|---|---|---|" + "---|" * (len(KINDS) - 1))
    for name in args.corpus or DEVELOPMENT:
        if args.rows or args.side:
            print(f"  {name}")
        counts = confusion(Corpus(name, args.work), args.rows, args.side)
        total.update(counts)
        hits = sum(counts[k] for k in KINDS)
        print(f"| {name} | {hits} | {counts['right'] / max(1, hits):.3f} | "
              + " | ".join(str(counts[k]) for k in KINDS[1:]) + " |", flush=True)
    hits = sum(total[k] for k in KINDS)
    print(f"| **all** | {hits} | {total['right'] / max(1, hits):.3f} | "
          + " | ".join(f"**{total[k]}**" for k in KINDS[1:]) + " |")


if __name__ == "__main__":
    main()
