"""What the search floor misses: signals it does not read, measured on the development sets, and
floors refitted with them judged leave-one-set-out.

    .venv/bin/python bench/floor_signals.py [--sets SETS] [--json OUT | --rows IN] [--band LOGODDS]

Every question of the named sets (by default the development sets of ``bench/train_search.py``:
its fitting and scored sets, never the blind sets nor the final exam) is retrieved and scored by
the shipped ranker. For each one the script writes the shipped floor's log-odds and signals, what
its outcome is (answered or silenced, the expected entry first or not, unanswerable) and the
candidate signals below, which the floor does not read. It then prints, for each signal, its mean over
the questions the floor silences with the expected entry first, the unanswerable ones it answers and
those it reports, and how well it tells answerable questions whose expected entry is first from
unanswerable ones (AUC) over all questions and near the floor's boundary, where a refit can move
anything, alone and beside the floor's log-odds (each set scored by a model fitted on the others).

Candidate signals (``extra_signals``): the ranker's margin of the first candidate over the second
(``top_margin``); whether the vector search's and the word search's first entries agree
(``leaders_agree``); the share of the question's rare words in the passage of the best-scored
candidate (``top_chunk_coverage``; the floor reads the largest over every candidate); whether the
question asks for a kind of figure that the best candidate's matched passage states
(``figure_stated``) or that it registers as a metric (``top_registers_kind``, computed by
``knowledge.search``); the share of the question's IDF mass no entry holds (``absent_share``).

``bench/floor_loso.py`` refits the floor on the rows written by ``--json``, leave-one-set-out.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import train_search as ts  # noqa: E402  (bench/ is not a package the tools resolve)

DEV_SETS = tuple(dict.fromkeys(ts.FLOOR_SETS + ts.SCORED_SETS))
NEW = ("top_margin", "leaders_agree", "top_chunk_coverage", "figure_stated")
EXTRA = (*NEW, "top_registers_kind", "absent_share")  # the last two computed by knowledge.search
_base_floor_features = None


def _figure_stated(top: Any) -> float:
    """1.0 when the question asks for a kind of figure that the candidate's matched passage states."""
    import knowledge.search as ks

    if not top.asked_kinds:
        return 0.0
    lo, hi = (top.chunk.line, top.chunk.end_line) if top.chunk is not None else (0, 10**9)
    return float(any(c.kind in top.asked_kinds and lo <= c.line <= hi for c in ks._full(top).claims))


def extra_signals(cands: list[Any]) -> dict[str, float]:
    """The candidate signals of one question (see the module docstring)."""
    if not cands:
        return dict.fromkeys(NEW, 0.0)
    by_score = sorted(cands, key=lambda c: -c.score)
    top = by_score[0]
    second = by_score[1].score if len(by_score) > 1 else 0.0
    vec = min((c for c in cands if c.vector_rank), key=lambda c: c.vector_rank, default=None)
    lex = min((c for c in cands if c.lexical_rank), key=lambda c: c.lexical_rank, default=None)
    return {"top_margin": top.score - second,
            "leaders_agree": float(vec is not None and vec is lex),
            "top_chunk_coverage": top.features.get("chunk_coverage", 0.0),
            "figure_stated": _figure_stated(top)}


def floor_features_with_extra(cands: list[Any]) -> dict[str, float]:
    """The shipped floor's signals and the candidate ones."""
    assert _base_floor_features is not None
    return {**_base_floor_features(cands), **extra_signals(cands)}


def rows_of(data: dict[str, list[dict[str, Any]]], text: bool = False) -> list[dict[str, Any]]:
    """One row per question, scored by the shipped ranker and floor (``text``: with what a reader
    needs to judge the first result, :func:`reading_of`)."""
    import knowledge.search as ks

    ranker = ks.load_ranker()
    rows = []
    for corpus, items in data.items():
        for it in items:
            for c in it["cands"]:
                c.score = ranker.score(c.features)
            f = ks.floor_features(it["cands"])
            z = math.log(max(ranker.answerable(f), 1e-12)) - math.log(max(1 - ranker.answerable(f), 1e-12))
            q = it["question"]
            rank = None if q.unanswerable else ts.first_rank(it)
            rows.append({"set": corpus, "q": q.q, "unanswerable": q.unanswerable, "rank": rank, "z": z,
                         "price_unstated": ts.price_unstated(it), **{k: float(v) for k, v in f.items()},
                         **(reading_of(it) if text else {})})
    return rows


def reading_of(it: dict[str, Any]) -> dict[str, Any]:
    """What a reader needs to judge the first result (``--text``): the expected entries, the first
    entry shown, its title and type, its passage nearest in meaning, every passage of it (the
    entry's chunks), and the IDF of the question's words."""
    shown = ts.governed(it)
    if not shown:
        return {"expected": sorted(it["question"].expected), "idf": it["idf"]}
    top = shown[0]
    db = it["catalog"].db
    chunks = [t for (t,) in db.execute("SELECT text FROM chunks WHERE path=? ORDER BY line", (top.path,))]
    return {"expected": sorted(it["question"].expected), "idf": it["idf"], "top_entry": top.entry.id,
            "top_title": top.entry.title, "top_type": top.entry.type,
            "top_passage": top.chunk.text if top.chunk is not None else "", "top_chunks": chunks}


SIGNALS = ("z", "max_cosine", "max_phrase", "max_chunk_coverage", "top_score", "cos_lead_p90", "absent_named",
           "asks_reply", *EXTRA)


def answered(r: dict[str, Any]) -> bool:
    """Whether the shipped search answers the row's question (floor and price check)."""
    return bool(r["z"] >= 0 and not r["price_unstated"])


def band_auc(near: list[dict[str, Any]], feats: tuple[str, ...]) -> float:
    """AUC, each set scored by a logistic model over ``feats`` fitted on the other sets' rows, of
    answerable questions with the expected entry first against unanswerable ones."""
    import numpy as np

    scores, labels = [], []
    for held in sorted({r["set"] for r in near}):
        train = [r for r in near if r["set"] != held]
        if len({r["unanswerable"] for r in train}) < 2:
            return float("nan")  # one set, or one class only: nothing to fit
        w, b = ts.newton(np.array([[r[f] for f in feats] for r in train]),
                         np.array([0.0 if r["unanswerable"] else 1.0 for r in train]))
        test = [r for r in near if r["set"] == held]
        scores += list(np.array([[r[f] for f in feats] for r in test]) @ w + b)
        labels += [not r["unanswerable"] for r in test]
    return ts.auc([s for s, y in zip(scores, labels, strict=True) if y],
                  [s for s, y in zip(scores, labels, strict=True) if not y])


def report(rows: list[dict[str, Any]], band: float) -> None:
    """Each signal's mean over the three groups the floor must part (answerable with the expected
    entry first but silenced; unanswerable answered; unanswerable reported), its AUC over all
    questions and near the boundary, and near the boundary what it adds to the floor's log-odds."""
    groups = {"silenced, right first": [r for r in rows if not r["unanswerable"] and r["rank"] == 1 and not answered(r)],
              "unanswerable answered": [r for r in rows if r["unanswerable"] and answered(r)],
              "unanswerable reported": [r for r in rows if r["unanswerable"] and not answered(r)]}
    print(f"{len(rows)} questions; " + "; ".join(f"{k}: {len(v)}" for k, v in groups.items()))
    near = [r for r in rows if abs(r["z"]) <= band and (r["unanswerable"] or r["rank"] == 1)]
    print(f"within {band} log-odds of the floor: {sum(not r['unanswerable'] for r in near)} answerable with the "
          f"expected entry first, {sum(r['unanswerable'] for r in near)} unanswerable; held-out AUC of the "
          f"floor's log-odds alone {band_auc(near, ('z',)):.3f}")
    for k in SIGNALS:
        means = ", ".join(f"{sum(r[k] for r in g) / max(len(g), 1):.3f}" for g in groups.values())
        a_all = ts.auc([r[k] for r in rows if not r["unanswerable"] and r["rank"] == 1],
                       [r[k] for r in rows if r["unanswerable"]])
        a_near = ts.auc([r[k] for r in near if not r["unanswerable"]], [r[k] for r in near if r["unanswerable"]])
        added = f", with the log-odds {band_auc(near, ('z', k)):.3f}" if k != "z" else ""
        print(f"  {k:<20} means {means}; AUC all {a_all:.3f}, near {a_near:.3f}{added}")


def main() -> None:
    global _base_floor_features
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sets", default=",".join(DEV_SETS))
    ap.add_argument("--json", default="", help="write one row per question here")
    ap.add_argument("--rows", default="", help="read the rows a previous --json wrote instead of retrieving")
    ap.add_argument("--text", action="store_true", help="write what a reader needs to judge the first result")
    ap.add_argument("--band", type=float, default=1.5, help="log-odds either side of the floor read as near it")
    args = ap.parse_args()
    if args.rows:
        report(json.loads(Path(args.rows).read_text()), args.band)
        return
    sets = args.sets.split(",")
    bad = sorted(set(sets) & ({"larkspur"} | set(ts.BLIND_SETS)))
    if bad:
        sys.exit(f"{', '.join(bad)}: held out (blind sets and the final exam are never read here)")

    import knowledge.search as ks
    from knowledge.embedding import get_embedder

    embedder = get_embedder("query")
    data = {c: ts.collect(c, embedder) for c in sets}
    _base_floor_features = ks.floor_features
    ks.floor_features = floor_features_with_extra  # type: ignore[assignment]
    rows = rows_of(data, args.text)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=0))
    report(rows, args.band)


if __name__ == "__main__":
    main()
