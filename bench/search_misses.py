"""Why a question misses hit@1: for every answerable question of the named sets whose expected
entry is not first, where the expected entry stands in the governed order before the floor, what
is first instead, whether the floor silenced the question, and which ranker features favour the
expected entry over the one first.

    .venv/bin/python bench/search_misses.py SET [SET ...] [--json OUT]

Each row's ``cause`` is one of:

- ``floor, right first``: the expected entry leads the order but the floor (or the price check)
  silences the question;
- ``floor, other first``: silenced, and another entry leads the order as well;
- ``order``: answered, another entry first (the ranker, governance or ``registered_first``);
- ``not retrieved``: no expected entry among the candidates.

Nothing is asserted or fitted; pass set names explicitly (never the blind sets or the final exam).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(REPO))

from bench.accuracy import HELD_OUT  # noqa: E402

TODAY = date(2026, 11, 1)


def ordered_candidates(settings: Any, catalog: Any, question: str, embedder: Any) -> tuple[list[Any], float, bool]:
    """The governed order ``canon ask`` would show, the floor's confidence, and whether it answers."""
    import knowledge.search as ks
    from knowledge.passage import asked_kinds

    cands, idf = ks.retrieve(settings, catalog, question, embedder)
    ranker = ks.load_ranker()
    for c in cands:
        c.score = ranker.score(c.features)
    ordered = ks.govern(cands)
    if ks.figure_question_of(question):
        ordered = ks.registered_first(ordered, ks.figure_facts(catalog), idf, catalog, asked_kinds(question))
    confidence = ranker.answerable(ks.floor_features(cands))
    answered = confidence >= ranker.threshold and not ks.price_unstated(question, ordered)
    return ordered, confidence, answered


def favouring(top: Any, right: Any) -> list[str]:
    """The ranker features on which the expected entry beats the one first, by weighted margin."""
    import knowledge.search as ks

    w = ks.load_ranker().weights
    diffs = [(w.get(k, 0.0) * (right.features.get(k, 0.0) - top.features.get(k, 0.0)), k) for k in ks.FEATURES]
    return [f"{k}{d:+.2f}" for d, k in sorted(diffs, reverse=True) if abs(d) >= 0.05]


def describe(c: Any) -> dict[str, str]:
    """Path, type, status and title of a candidate's entry."""
    return {"path": c.path, "type": c.entry.type, "status": c.entry.status, "title": c.entry.title}


def miss_row(corpus: str, q: Any, ordered: list[Any], confidence: float, answered: bool) -> dict[str, Any] | None:
    """One row for a question that misses hit@1 (None when its expected entry is first and shown)."""
    from knowledge.search import load_ranker

    rank = next((i for i, c in enumerate(ordered, 1) if c.path.removesuffix(".md") in q.expected
                 or c.entry.id in q.expected), None)
    if rank == 1 and answered:
        return None
    row: dict[str, Any] = {"set": corpus, "q": q.q, "expected": q.expected, "rank": rank,
                           "confidence": round(confidence, 3), "floor": load_ranker().threshold,
                           "top": describe(ordered[0]) if ordered else None}
    if rank is None:
        row["cause"] = "not retrieved"
    elif not answered:
        row["cause"] = "floor, right first" if rank == 1 else "floor, other first"
    else:
        row["cause"] = "order"
    if rank is not None and rank > 1:
        right = ordered[rank - 1]
        row["right"] = describe(right)
        row["scores"] = [round(ordered[0].score, 3), round(right.score, 3)]
        row["favouring"] = favouring(ordered[0], right)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpora", nargs="+")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    if set(HELD_OUT) & set(args.corpora):
        sys.exit("the blind sets and the final exam are never read here")

    from ingest.pipeline import ingest
    from knowledge.embedding import get_embedder
    from knowledge.settings import load_settings
    from knowledge.store import open_catalog
    from tests.search_questions import copy_kb, load_questions

    embedder = get_embedder("query")
    rows = []
    for corpus in args.corpora:
        kb = copy_kb(corpus, REPO / "bench" / "out" / "misses" / corpus)
        settings = load_settings(kb)
        ingest(settings)
        catalog = open_catalog(settings)
        for q in load_questions(corpus):
            if q.unanswerable:
                continue
            row = miss_row(corpus, q, *ordered_candidates(settings, catalog, q.q, embedder))
            if row:
                rows.append(row)
                top = row["top"]["path"] if row["top"] else "-"
                right = row.get("right", {}).get("path", "")
                print(f"{corpus:<12} {row['cause']:<18} rank {row['rank']} conf {row['confidence']:.2f} "
                      f"{q.q!r}\n    top {top} ({row['top']['type'] if row['top'] else ''}) right {right} "
                      f"{row.get('right', {}).get('type', '')} {row.get('favouring', '')}")
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["cause"]] = counts.get(r["cause"], 0) + 1
    print(counts)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
