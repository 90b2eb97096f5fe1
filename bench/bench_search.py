"""Search quality on the labelled question sets: hit@1, hit@3, MRR, the share of unanswerable
questions reported as unanswered, and how each part of the retrieval contributes.

    .venv/bin/python bench/bench_search.py [SET ...] [--modes ranked,rrf,vector,lexical]
        [--misses] [--out bench/out/search.json] [--switch MODULE.NAME=VALUE ...]

Each corpus's KB is copied to ``bench/out/search/<corpus>`` and indexed with the real model (a
re-run only embeds what changed). Every figure is printed; nothing is asserted. larkspur is the
final exam and ``real`` (fresh questions on the real handbook pages) a held-out set: neither is
ever used to tune or calibrate anything.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(REPO))

TODAY = date(2026, 11, 1)


def maxsim_aucs(corpus: str, settings: object, questions: list[object], embedder: object) -> None:
    """AUC (answerable against unanswerable) of the shipped floor's confidence and of each MaxSim
    signal, the candidates scored by the shipped ranker."""
    import bench.train_search as ts
    import knowledge.search as ks
    from bench.maxsim import FLOOR_SIGNALS, TokenStates

    ts._base_floor_features = ks.floor_features
    ranker = ks.load_ranker()
    catalog = ks._catalog(settings)  # type: ignore[arg-type]
    items = []
    for q in questions:
        cands, idf = ks.retrieve(settings, catalog, q.q, embedder)  # type: ignore[arg-type, attr-defined]
        for c in cands:
            c.score = ranker.score(c.features)
        items.append({"question": q, "cands": cands, "idf": idf, "catalog": catalog})
    states = TokenStates(embedder)
    ts.annotate_maxsim(items, embedder, states)
    states.save()
    signals = ["floor", *FLOOR_SIGNALS]
    vals: dict[str, tuple[list[float], list[float]]] = {s: ([], []) for s in signals}
    for it in items:
        f = ts.maxsim_floor_features(it["cands"])
        f["floor"] = ranker.answerable(ks.floor_features(it["cands"]))
        for s in signals:
            vals[s][1 if it["question"].unanswerable else 0].append(f[s])  # type: ignore[attr-defined]
    print(f"{corpus}: AUC " + ", ".join(f"{s} {ts.auc(*vals[s]):.2f}" for s in signals))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpora", nargs="*", default=None,
                    help="question sets by name (tests/search_questions.py's KB_PATHS); by default every set "
                         "whose questions and KB are here, except the final exam and the round's held-out sets "
                         "(bench/accuracy.py HELD_OUT: only when named)")
    ap.add_argument("--modes", default="ranked")
    ap.add_argument("--misses", action="store_true", help="list the questions not answered first")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--maxsim", action="store_true",
                    help="also print how well the MaxSim signals of bench/maxsim.py, read with the shipped "
                         "ranker, tell answerable from unanswerable questions (AUC), beside the shipped floor")
    ap.add_argument("--switch", action="append", default=[], metavar="MODULE.NAME=VALUE",
                    help="set a module-level switch first (as bench/train_search.py --switch), to score a "
                         "measured change against what it replaces")
    args = ap.parse_args()
    if args.switch:
        from bench.train_search import set_switch

        for sw in args.switch:
            set_switch(sw)

    from ingest.pipeline import ingest
    from knowledge.embedding import get_embedder
    from knowledge.search import SearchOptions, search
    from knowledge.settings import load_settings
    from tests.search_questions import (
        KB_PATHS,
        QUESTIONS,
        ask_all,
        copy_kb,
        load_questions,
        misses,
        score,
    )

    def present(name: str) -> bool:
        return name in KB_PATHS and KB_PATHS[name].is_dir() and (QUESTIONS / f"{name}.yaml").is_file()

    if not args.corpora:
        # the final exam and the round's blind sets (bench/accuracy.py HELD_OUT) only when named:
        # scoring every set must not score them by the way. A set whose KB is not in this tree is skipped.
        from bench.accuracy import HELD_OUT

        args.corpora = [c for c in KB_PATHS if present(c) and c not in HELD_OUT]
    for c in args.corpora:
        if not present(c):
            sys.exit(f"{c}: no KB_PATHS entry in tests/search_questions.py, no KB at its path, or no "
                     f"tests/data/questions/{c}.yaml")

    embedder = get_embedder("query")
    rows: list[dict[str, object]] = []
    for corpus in args.corpora:
        kb = copy_kb(corpus, REPO / "bench" / "out" / "search" / corpus)
        settings = load_settings(kb)
        ingest(settings)
        questions = load_questions(corpus)
        for mode in args.modes.split(","):
            opts: dict[str, object] = {"limit": 5, "today": TODAY, "mode": mode}

            def ask(q: str, opts: dict[str, object] = opts, settings: object = settings) -> dict[str, object]:
                return search(settings, q, SearchOptions(**opts), embedder=embedder)  # type: ignore[arg-type]

            t = time.perf_counter()
            outcomes = ask_all(ask, questions)
            ms = (time.perf_counter() - t) * 1000 / len(questions)
            s = score(outcomes)
            rows.append({"corpus": corpus, "mode": mode, **s, "ms_per_question": round(ms, 1)})
            if args.misses:
                print(f"{corpus} / {mode}:")
                print("\n".join(misses(outcomes)) or "  (none)")
        if args.maxsim:
            maxsim_aucs(corpus, settings, questions, embedder)

    head = f"{'corpus':<13} {'mode':<8} {'n':>3} {'hit@1':>6} {'hit@3':>6} {'MRR':>6} {'unans':>6} " \
           f"{'answd':>6} {'fig@1':>6} {'stale':>5} {'ms/q':>6}"
    print(head)
    for r in rows:
        print(f"{r['corpus']:<13} {r['mode']:<8} {r['questions']:>3} {r['hit@1']:>6.2f} {r['hit@3']:>6.2f} "
              f"{r['mrr']:>6.2f} {r['unanswered']:>6.2f} {r['answered']:>6.2f} {r['figure_first']:>6.2f} "
              f"{r['stale_above']:>5} {r['ms_per_question']:>6}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
