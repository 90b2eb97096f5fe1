"""Why the relevance floor silences an answerable question: every answerable question that the
shipped search does not answer, on the rows ``bench/floor_signals.py --json`` writes (development
sets only), put under one cause, and the count of each cause per set.

    .venv/bin/python bench/floor_causes.py ROWS.json [--sets A,B] [--list]

The causes are read off the row's own signals with bounds fixed before the rows were read, tried in
this order (the first that holds is the question's cause; ``--list`` prints every question with all
the causes that hold):

- ``price check``: above the floor, silenced because it asks a price no first result states;
- ``names what no entry holds``: ``absent_named`` (a name no entry holds, the floor's penalty);
- ``asks what to say``: ``asks_reply`` (a reply to a concern, asked as a scene: the pages answer
  the concern, not the scene);
- ``figure question``: it asks for a figure (how many, how long, what share...), whose pages state
  the figure in few of the question's words;
- ``paraphrase``: no passage holds a third of the question's rare words (``max_chunk_coverage`` under
  1/3) and no two neighbouring words (``max_phrase`` 0): asked in other words than the page's;
- ``KB of near-duplicates``: the best cosine leads the KB's own level by under 0.10 (``cos_lead_p90``):
  the whole KB is about as close to the question as the right page is;
- ``short question``: six words or fewer;
- ``near the boundary``: none of these; silenced by the blend of the floor's signals alone.

Nothing is fitted; the blind sets and the final exam are refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.accuracy import HELD_OUT  # noqa: E402

PARAPHRASE_COVERAGE = 1 / 3
NEAR_DUPLICATE_LEAD = 0.10
SHORT_WORDS = 6


def _asks_figure(q: str) -> bool:
    """Whether the question asks for a figure (``knowledge.search.figure_question_of``, the reading
    search uses to put a registered figure first; ``asked_kinds`` alone also fires on a currency's
    country, "Canadian")."""
    from knowledge.search import figure_question_of

    return figure_question_of(q)


CAUSES: tuple[tuple[str, Callable[[dict[str, Any]], bool]], ...] = (
    ("price check", lambda r: r["z"] >= 0 and bool(r["price_unstated"])),
    ("names what no entry holds", lambda r: r["absent_named"] > 0),
    ("asks what to say", lambda r: r["asks_reply"] > 0),
    ("figure question", lambda r: _asks_figure(r["q"])),
    ("paraphrase", lambda r: r["max_chunk_coverage"] < PARAPHRASE_COVERAGE and r["max_phrase"] == 0),
    ("KB of near-duplicates", lambda r: r["cos_lead_p90"] < NEAR_DUPLICATE_LEAD),
    ("short question", lambda r: len(r["q"].split()) <= SHORT_WORDS),
)
BOUNDARY = "near the boundary"


def silenced(r: dict[str, Any]) -> bool:
    """An answerable question the shipped search does not answer (floor or price check)."""
    return not r["unanswerable"] and (r["z"] < 0 or bool(r["price_unstated"]))


def causes_of(r: dict[str, Any]) -> list[str]:
    """Every cause that holds for a silenced question, in the order tried."""
    return [name for name, holds in CAUSES if holds(r)] or [BOUNDARY]


def table(rows: list[dict[str, Any]]) -> None:
    """Counts per cause (the first that holds) with the right entry first or not, then per set."""
    names = [n for n, _ in CAUSES] + [BOUNDARY]
    gone = [r for r in rows if silenced(r)]
    first = Counter((causes_of(r)[0], r["rank"] == 1) for r in gone)
    every = Counter(c for r in gone for c in causes_of(r))
    print(f"{len(gone)} answerable questions silenced, {sum(r['rank'] == 1 for r in gone)} with the right entry first")
    print("| cause | right first | other first or none | holds (any order) |\n|---|---|---|---|")
    for n in names:
        print(f"| {n} | {first[(n, True)]} | {first[(n, False)]} | {every[n]} |")
    sets = sorted({r["set"] for r in rows}, key=lambda s: (-sum(r["set"] == s for r in gone), s))
    print("\n| set | answerable | silenced (right first) | " + " | ".join(names) + " |")
    print("|---|---|---|" + "---|" * len(names))
    for s in sets:
        mine = [r for r in gone if r["set"] == s]
        per = Counter(causes_of(r)[0] for r in mine)
        n_ans = sum(not r["unanswerable"] and r["set"] == s for r in rows)
        print(f"| {s} | {n_ans} | {len(mine)} ({sum(r['rank'] == 1 for r in mine)}) | "
              + " | ".join(str(per[n] or "") for n in names) + " |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("rows")
    ap.add_argument("--sets", default="", help="only these sets (comma-separated)")
    ap.add_argument("--list", action="store_true", help="print every silenced question with its causes")
    args = ap.parse_args()
    rows = json.loads(Path(args.rows).read_text())
    if args.sets:
        rows = [r for r in rows if r["set"] in args.sets.split(",")]
    if {r["set"] for r in rows} & set(HELD_OUT):
        sys.exit("the blind sets and the final exam are never read here")
    table(rows)
    if args.list:
        for r in sorted((r for r in rows if silenced(r)), key=lambda r: (r["set"], causes_of(r))):
            print(f"{r['set']:<12} rank {r['rank']} z {r['z']:+.2f} {', '.join(causes_of(r)):<40} {r['q']}")


if __name__ == "__main__":
    main()
