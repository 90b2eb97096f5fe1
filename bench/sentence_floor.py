"""Sentence-level evidence for the relevance floor: does the best cosine between a question and a
single sentence (or a window of two) tell answerable from unanswerable questions apart better than
the 150-word passages the floor reads today?

    .venv/bin/python bench/sentence_floor.py [--let-pass K] [--top 3]

A passage can hold five FAQ answers, so its cosine with a question one of them answers is diluted
by the other four. Here every entry chunk of each KB is cut into sentences (lines that start a
list item, a table row or a heading end the sentence before them), each sentence and each window
of two neighbouring sentences is embedded (vectors cached by text hash under
``bench/out/sentence_floor``), and per question:

- ``sent_near``: the best cosine of a sentence of the ten passages nearest in meaning (the same
  passages the floor's word coverage reads);
- ``win_near``: the same over sentences and two-sentence windows;
- ``sent_top``: the best cosine of a sentence of the ``--top`` candidates the ranker scores highest;
- ``win_top``: the same over sentences and windows.

Printed: (a) the AUC of each signal, answerable against unanswerable, within each set and pooled
over all six, beside the floor's current signals (with the ranker fitted without the set, as the
floor sees it held out) and the current floor itself; (b) the five fitting sets left out in turn,
ranker and floor refitted (``bench/train_search.py``'s machinery) with the floor's four signals
and with each new signal added, and ``real`` scored with the fit on all five: hit@1, hit@3, MRR,
unanswerable reported, answerable answered. ``--train`` picks the fitting sets (the shipped
model's three: ``northwind,example,real-labelled``); ``--show SET`` lists a set's questions with
their passage and sentence cosines. The same tables carry two word-evidence variants measured
alongside (``cov_near``, ``cov_top``: the largest share of the question's rare words that one
sentence or window holds) and two with a sentence signal in place of a current one. larkspur is
neither run nor read. Result (bench/ACCURACY.md, "Search", sixth pass): no variant
moves the trade-off between reporting unanswerable questions and answering answerable ones; the
shipped floor is unchanged.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_search as ts  # noqa: E402

FIT = ["northwind", "example", "real-labelled", "phenomena", "case-studies"]
HELD = ["real"]
CACHE = ts.REPO / "bench" / "out" / "sentence_floor"
NEAR = 10
# A line that starts a list item, a table row, a heading or a bold label starts a new unit: hard
# wrapped prose is joined again, a list of FAQ answers is not.
_BLOCK_START = re.compile(r"^\s*([-*+]\s|\d+[.)]\s|\||#|\*\*|>)")
_MARKUP = re.compile(r"[#*_`>|]+|\[|\]\([^)]*\)")


def units(chunk: Any) -> list[str]:
    """The chunk's sentences, markup stripped, in order."""
    from knowledge.text.sentences import sentence_starts

    body = chunk.text.split(chunk.section + ":", 1)[-1] if chunk.section else chunk.text
    if chunk.kind == "title":
        return [" ".join(chunk.text.split())]
    blocks: list[list[str]] = []
    for line in body.splitlines():
        if not line.strip():
            blocks.append([])
        elif _BLOCK_START.match(line) or not blocks:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    out = []
    for b in blocks:
        text = " ".join(_MARKUP.sub(" ", " ".join(b)).split())
        if not text:
            continue
        starts = sentence_starts(text)
        for a, z in zip(starts, starts[1:], strict=False):
            s = text[a:z].strip()
            if len(s.split()) >= 3:
                out.append(s)
    return out


class VectorCache:
    def __init__(self, embedder: Any) -> None:
        import numpy as np

        self.embedder = embedder
        self.path = CACHE / f"{embedder.name.replace('/', '_')}.npz"
        self.vecs: dict[str, Any] = {}
        if self.path.exists():
            d = np.load(self.path)
            self.vecs = dict(zip(d["keys"].tolist(), d["vecs"], strict=True))
        self.embedded = 0
        self.seconds = 0.0

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode()).hexdigest()

    def ensure(self, texts: list[str]) -> None:
        todo = sorted({t for t in texts if self.key(t) not in self.vecs})
        if todo:
            t0 = time.perf_counter()
            got = self.embedder.embed(todo, batch_size=64)
            self.seconds += time.perf_counter() - t0
            self.embedded += len(todo)
            for t, v in zip(todo, got, strict=True):
                self.vecs[self.key(t)] = v

    def matrix(self, texts: list[str]) -> Any:
        import numpy as np

        if not texts:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        return np.array([self.vecs[self.key(t)] for t in texts], dtype=np.float32)

    def save(self) -> None:
        import numpy as np

        CACHE.mkdir(parents=True, exist_ok=True)
        keys = list(self.vecs)
        np.savez(self.path, keys=np.array(keys), vecs=np.array([self.vecs[k] for k in keys], dtype=np.float32))


def annotate(items: list[dict[str, Any]], embedder: Any, cache: VectorCache) -> None:
    """Per candidate: its best sentence and best sentence-or-window cosine (``sent_entry``,
    ``win_entry``); per question (on every candidate): the same over the ten nearest passages."""
    import numpy as np

    from knowledge import search as ks

    catalog = items[0]["catalog"]
    vindex = ks._vector_index(catalog, int(catalog.get_meta("dim")))
    assert vindex is not None
    chunk_units = [units(c) for c in vindex.chunks]
    chunk_wins = [[f"{a} {b}" for a, b in zip(u, u[1:], strict=False)] for u in chunk_units]
    cache.ensure([s for u in chunk_units + chunk_wins for s in u])
    cache.ensure([it["question"].q for it in items])
    sent_m = [cache.matrix(u) for u in chunk_units]
    win_m = [cache.matrix(w) for w in chunk_wins]
    for it in items:
        q = cache.matrix([it["question"].q])[0]
        sims = vindex.matrix @ q
        near = np.argsort(-sims)[:NEAR].tolist()

        def best(rows: list[int], with_windows: bool, q: Any = q) -> float:
            vals = [float((sent_m[i] @ q).max()) for i in rows if len(sent_m[i])]
            if with_windows:
                vals += [float((win_m[i] @ q).max()) for i in rows if len(win_m[i])]
            return max(vals, default=0.0)

        def covered(rows: list[int], idf: dict[str, float] = it["idf"]) -> float:
            pieces = [SimpleNamespace(id=VectorCache.key(t), path=str(i), text=t)
                      for i in rows for t in chunk_units[i] + chunk_wins[i]]
            return max(ks._chunk_coverage(pieces, idf).values(), default=0.0)

        sent_near, win_near, cov_near = best(near, False), best(near, True), covered(near)
        for c in it["cands"]:
            rows = vindex.rows_by_path.get(c.path, [])
            c.sent_entry, c.win_entry, c.cov_entry = best(rows, False), best(rows, True), covered(rows)
            c.sent_near, c.win_near, c.cov_near = sent_near, win_near, cov_near


TOP = 3
_base_floor = None


def floor_features(cands: list[Any]) -> dict[str, float]:
    f = dict(_base_floor(cands))  # type: ignore[misc]
    top = sorted(cands, key=lambda c: -c.score)[:TOP]
    f["sent_near"] = max((c.sent_near for c in cands), default=0.0)
    f["win_near"] = max((c.win_near for c in cands), default=0.0)
    f["sent_top"] = max((c.sent_entry for c in top), default=0.0)
    f["win_top"] = max((c.win_entry for c in top), default=0.0)
    f["cov_near"] = max((c.cov_near for c in cands), default=0.0)
    f["cov_top"] = max((c.cov_entry for c in top), default=0.0)
    return f


def auc(pos: list[float], neg: list[float]) -> float:
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def main() -> None:
    global TOP, _base_floor
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--let-pass", type=int, default=0, metavar="K")
    ap.add_argument("--top", type=int, default=3)
    ap.add_argument("--train", default=",".join(FIT), help="fitting sets; the other sets of the six are scored held out")
    ap.add_argument("--show", default="", metavar="SET",
                    help="list this set's questions with the passage and sentence cosines")
    args = ap.parse_args()
    TOP = args.top
    fit_sets = args.train.split(",")
    every = FIT + HELD
    assert set(fit_sets) <= set(FIT), "fitting sets are among the five; real is never fitted"

    import knowledge.search as ks
    from knowledge.embedding import get_embedder

    _base_floor = ks.floor_features
    ks.floor_features = floor_features  # type: ignore[assignment]
    base = ks.FLOOR_FEATURES
    new = ("sent_near", "win_near", "sent_top", "win_top", "cov_near", "cov_top")

    embedder = get_embedder("query")
    cache = VectorCache(embedder)
    data = {}
    for c in every:
        t0 = time.perf_counter()
        data[c] = ts.collect(c, embedder)
        annotate(data[c], embedder, cache)
        print(f"{c}: {len(data[c])} questions, {time.perf_counter() - t0:.1f} s", flush=True)
    cache.save()
    n_sent = len(cache.vecs)
    if cache.embedded:
        print(f"embedded {cache.embedded} sentences/windows in {cache.seconds:.1f} s "
              f"({1000 * cache.seconds / cache.embedded:.2f} ms each); cache holds {n_sent}")

    # (a) AUC within each set and pooled, the ranker fitted without the set (real: on all five).
    folds: dict[str, tuple[Any, float, Any]] = {}
    for held in every:
        train = [it for c in fit_sets if c != held for it in data[c]]
        w, b = ts.fit(train)
        ts.apply(train, w, b)
        ks.FLOOR_FEATURES = base  # type: ignore[misc]
        fl = ts.fit_floor(train, args.let_pass)
        folds[held] = (w, b, fl)
        ts.apply(data[held], w, b)
    signals = (*base, *new, "floor")
    pooled: dict[str, tuple[list[float], list[float]]] = {s: ([], []) for s in signals}
    print("\n(a) AUC, answerable vs unanswerable (ranker and floor fitted without the set)")
    print(f"{'set':<15}" + "".join(f"{s:>19}" for s in signals))
    for held in every:
        fl = folds[held][2]
        vals: dict[str, tuple[list[float], list[float]]] = {s: ([], []) for s in signals}
        for it in data[held]:
            f = floor_features(it["cands"])
            f["floor"] = fl[1] + sum(float(wt) * f[k] for wt, k in zip(fl[0], base, strict=True))
            side = 1 if it["question"].unanswerable else 0
            for s in signals:
                vals[s][side].append(f[s])
                pooled[s][side].append(f[s])
        print(f"{held:<15}" + "".join(f"{auc(*vals[s]):>19.2f}" for s in signals))
    print(f"{'pooled':<15}" + "".join(f"{auc(*pooled[s]):>19.2f}" for s in signals))
    for s in signals:
        p, n = pooled[s]
        print(f"  {s:<19} median answerable {sorted(p)[len(p) // 2]:.3f}, unanswerable {sorted(n)[len(n) // 2]:.3f}")

    if args.show:
        print(f"\n{args.show}: passage cosine, best sentence, best sentence or window (near), floor z")
        fl = folds[args.show][2]
        for it in sorted(data[args.show], key=lambda it: floor_features(it["cands"])["win_near"]):
            f = floor_features(it["cands"])
            z = fl[1] + sum(float(wt) * f[k] for wt, k in zip(fl[0], base, strict=True))
            tag = "UNANSWERABLE" if it["question"].unanswerable else ("silenced" if z < 0 else "")
            print(f"  {f['max_cosine']:.2f} {f['sent_near']:.2f} {f['win_near']:.2f} {z:+.2f} {tag:<12} "
                  f"{it['question'].q[:90]}")

    # (b) leave-one-set-out with each new signal added to the floor.
    print("\n(b) hit@1 hit@3 MRR unans answd; fitting sets left out in turn, the others scored with the fit on all")
    configs = [base, *[(*base, s) for s in new], (*base, "sent_near", "sent_top"),
               tuple("cov_near" if f == "max_chunk_coverage" else f for f in base),
               tuple("win_near" if f == "max_cosine" else f for f in base)]
    for feats in configs:
        ks.FLOOR_FEATURES = feats  # type: ignore[misc]
        print(f"floor: {' + '.join(feats)}")
        una = ans = una_n = ans_n = 0
        for held in every:
            train = [it for c in fit_sets if c != held for it in data[c]]
            w, b = ts.fit(train)
            ts.apply(train, w, b)
            fl = ts.fit_floor(train, args.let_pass)
            ts.apply(data[held], w, b)
            s = ts.evaluate(data[held], fl)
            n_una = sum(it["question"].unanswerable for it in data[held])
            n_ans = len(data[held]) - n_una
            una += round(s["unanswered"] * n_una)
            ans += round(s["answered"] * n_ans)
            una_n += n_una
            ans_n += n_ans
            print(f"  {held:<15} {s['hit@1']:.2f} / {s['hit@3']:.2f} / {s['mrr']:.2f}, "
                  f"{s['unanswered']:.2f} / {s['answered']:.2f}")
        print(f"  pooled: unanswerable reported {una}/{una_n}, answerable answered {ans}/{ans_n}", flush=True)
    ks.FLOOR_FEATURES = base  # type: ignore[misc]


if __name__ == "__main__":
    main()
