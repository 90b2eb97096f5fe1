"""A relevance floor calibrated per KB: does expressing the floor's signals relative to the KB's
own score level tell answerable from unanswerable questions apart across KBs?

    .venv/bin/python bench/kb_floor.py [--sample 50] [--let-pass K]

Each KB supplies its own pseudo-queries: the first sentence (at most 25 words) of up to
``--sample`` of its passages, picked by a hash of the passage id (no labels read). Each is asked of
the index, and the passage's own file is removed from the candidates, so what is left is how well
*another* entry matches a question the KB is about: the level of a question whose answer is not
there verbatim. The floor's four signals (``knowledge.search.floor_features``) over those
pseudo-queries give the KB's mean and spread; a question's signals are then taken as differences
from the mean (``diff``) or z-scores (``z``), alone or beside the absolute ones (``raw+diff``).

The five fitting sets are left out in turn (ranker and floor fitted on the other four, with the
ranker's scores applied to the pseudo-queries of every KB before its level is taken, since the
floor reads the ranker's best score); ``real`` is scored with the fit on all five and never fitted.
Prints hit@1, hit@3, MRR, unanswerable reported and answerable answered per set and variant, and
the calibration's cost per KB. larkspur is neither run nor read.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_search as ts  # noqa: E402

FIT = ["northwind", "example", "real-labelled", "phenomena", "case-studies"]
HELD = ["real"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_MARKUP = re.compile(r"[#*_`>|\[\]]+")


def pseudo_queries(catalog: Any, sample: int) -> list[tuple[str, str]]:
    """(question, path of the passage it came from) for up to ``sample`` passages."""
    chunks = [c for c in catalog.chunks() if c.kind == "section" and len(c.text.split()) >= 8]
    chunks.sort(key=lambda c: hashlib.sha1(c.id.encode()).hexdigest())
    out = []
    for c in chunks:
        text = _MARKUP.sub(" ", c.text)
        first = " ".join(_SENTENCE.split(text.strip(), maxsplit=1)[0].split()[:25])
        if len(first.split()) >= 4:
            out.append((first, c.path))
        if len(out) >= sample:
            break
    return out


def calibration(items: list[dict[str, Any]], embedder: Any, sample: int) -> tuple[list[list[Any]], float]:
    """Candidates (own file removed) of each pseudo-query, and the seconds it took."""
    from knowledge.search import retrieve

    catalog, settings = items[0]["catalog"], items[0]["settings"]
    t = time.perf_counter()
    out = []
    for q, path in pseudo_queries(catalog, sample):
        cands, _ = retrieve(settings, catalog, q, embedder)
        out.append([c for c in cands if c.path != path])
    return out, time.perf_counter() - t


def level(pseudo: list[list[Any]]) -> tuple[dict[str, float], dict[str, float]]:
    import numpy as np

    from knowledge.search import FLOOR_FEATURES, floor_features

    rows = np.array([[floor_features(cs)[f] for f in FLOOR_FEATURES] for cs in pseudo if cs])
    mu, sd = rows.mean(axis=0), rows.std(axis=0) + 1e-3
    return dict(zip(FLOOR_FEATURES, mu, strict=True)), dict(zip(FLOOR_FEATURES, sd, strict=True))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--let-pass", type=int, default=0)
    args = ap.parse_args()

    import knowledge.search as ks
    from knowledge.embedding import get_embedder
    from knowledge.settings import load_settings

    embedder = get_embedder("query")
    data, pseudo, cost = {}, {}, {}
    for c in FIT + HELD:
        data[c] = ts.collect(c, embedder)
        settings = load_settings(ts.REPO / "bench" / "out" / "search" / c)
        for it in data[c]:
            it["settings"] = settings
        pseudo[c], cost[c] = calibration(data[c], embedder, args.sample)
        print(f"{c}: {len(pseudo[c])} pseudo-queries, {cost[c]:.2f} s", flush=True)

    base = ks.floor_features
    names = ks.FLOOR_FEATURES
    variants = {"raw": None, "diff": "diff", "z": "z", "raw+diff": "raw+diff"}

    def featurer(mode: str | None, levels: dict[str, Any]) -> Any:
        def f(cands: list[Any]) -> dict[str, float]:
            raw = base(cands)
            if mode is None:
                return raw
            mu, sd = levels[id(cands[0].entry)] if cands else (dict.fromkeys(names, 0.0), dict.fromkeys(names, 1.0))
            rel = {k: (raw[k] - mu[k]) / (sd[k] if mode == "z" else 1.0) for k in names}
            if mode == "raw+diff":
                return {**raw, **{"d_" + k: v for k, v in rel.items()}}
            return rel
        return f

    print(f"\n{'variant':<9} {'set':<22} {'hit@1':>6} {'hit@3':>6} {'MRR':>6} {'unans':>6} {'answd':>6}")
    for vname, mode in variants.items():
        feats = names + tuple("d_" + k for k in names) if mode == "raw+diff" else names
        ks.FLOOR_FEATURES = feats  # type: ignore[misc]

        def fold(train_sets: list[str], scored: list[str], label: str, mode: Any = mode, feats: Any = feats,
                 vname: str = vname) -> None:
            train = [it for c in train_sets for it in data[c]]
            w, b = ts.fit(train)
            levels: dict[int, Any] = {}
            for c in train_sets + scored:
                ts.apply(data[c], w, b)
                for cs in pseudo[c]:
                    ts.apply([{"cands": cs}], w, b)
                ks.floor_features = base  # type: ignore[assignment]
                ks.FLOOR_FEATURES = names  # type: ignore[misc]
                lv = level(pseudo[c])
                ks.FLOOR_FEATURES = feats  # type: ignore[misc]
                # Candidates carry their entry; each KB's entries map to its level.
                for it in data[c]:
                    for cand in it["cands"]:
                        levels[id(cand.entry)] = lv
            ks.floor_features = featurer(mode, levels)  # type: ignore[assignment]
            fl = ts.fit_floor(train, args.let_pass)
            for c in scored:
                s = ts.evaluate(data[c], fl)
                print(f"{vname:<9} {c + label:<22} {s['hit@1']:>6.2f} {s['hit@3']:>6.2f} {s['mrr']:>6.2f} "
                      f"{s['unanswered']:>6.2f} {s['answered']:>6.2f}", flush=True)
            ks.floor_features = base  # type: ignore[assignment]

        for held in FIT:
            fold([c for c in FIT if c != held], [held], " (left out)")
        fold(FIT, HELD, " (never fitted)")
    ks.FLOOR_FEATURES = names  # type: ignore[misc]


if __name__ == "__main__":
    main()
