"""Fit and judge step 2d (``knowledge/objections/context.py``) leave-one-corpus-out.

Reads the indexes ``bench/accuracy.py`` left (``--work``) for the development corpora of
``bench/objection_sweep.py`` and, for each turn piece the shipped analysis reports, writes its
features (:data:`knowledge.objections.context.FEATURES`) and label (in a required labelled turn, in
an optional one, in none) to ``--out``. Then, for each corpus, fits the model and chooses its bar on
the other corpora alone, and scores the corpus left out through the whole analysis against the
analysis as shipped (the rule's figures, pooled, worst F1 first); ``--write`` fits it on every
corpus and writes ``knowledge/objections/data/context.json``.

    python bench/accuracy.py --work WORK                                  # ingest once (minutes)
    python bench/objection_context.py --work WORK --out WORK/context [--pipeline] [--write]

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from bench.objection_blend import score_counted  # noqa: E402
from bench.objection_sweep import DEVELOPMENT, Corpus  # noqa: E402
from tests.scoring import find_mention, labelled_mentions  # noqa: E402

DROP_BARS = np.round(np.arange(0.0, 0.51, 0.02), 2)  # 0: set nothing aside
HIT_COST = 2.0  # strays a labelled piece set aside is worth when the bar is chosen (fixed in the rule)
C_REG = 1.0


@contextmanager
def model_replaced(model: Any) -> Iterator[None]:
    """Within the block, step 2d reads ``model`` in place of the shipped one."""
    from knowledge.objections import context

    real = context.load_context_model
    context.load_context_model = lambda path=None: model  # type: ignore[assignment,misc]
    try:
        yield
    finally:
        context.load_context_model = real


def dump(c: Corpus, out: Path) -> None:
    """The pieces the shipped analysis reports on ``c``, their features and labels."""
    from knowledge.objections import DEFAULT_TUNING, analyze, context

    seen: dict[str, Any] = {}
    real = context.set_aside

    def spy(found: Any, T: Any, det: Any, detected: Any, S: Any = None, vectors: Any = None, model: Any = None) -> Any:
        seen["keys"], seen["rows"], seen["X"] = context.piece_rows(found, T, det, detected, S, vectors)
        seen["found"] = found
        return detected.copy(), []

    context.set_aside = spy  # type: ignore[assignment]
    try:
        analyze(c.calls, c.entries, c.vectors, chunks=c.chunks, prototypes=c.prototypes,
                tuning=replace(DEFAULT_TUNING, context=True))
    finally:
        context.set_aside = real
    labelled = labelled_mentions(c.labels)
    y, opt, said, seller = [], [], [], []
    calls = {call.path: call for call, _ in seen["found"]}
    for k in seen["keys"]:
        hits = [t for i in seen["rows"][k] if (t := find_mention(labelled, k[0], seen["found"][i][1].line))]
        y.append(int(bool(hits)))
        opt.append(int(bool(hits) and hits[0].optional))
        said.append(" ".join(seen["found"][i][1].raw.strip() for i in seen["rows"][k])[:300])
        turn = context.seller_turn(calls[k[0]], k[1])
        seller.append(turn.text[:300] if turn else "")
    np.savez(out / f"{c.name}.npz", X=seen["X"], y=np.asarray(y), optional=np.asarray(opt),
             said=np.asarray(said), seller=np.asarray(seller))


def load(out: Path, name: str) -> dict[str, Any]:
    with np.load(out / f"{name}.npz", allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def fit(train: list[dict[str, Any]]) -> Any:
    """Logistic regression over the judged pieces of ``train`` (optional turns left out), each
    corpus weighing alike."""
    from sklearn.linear_model import LogisticRegression

    keep = [d["optional"] == 0 for d in train]
    X = np.vstack([d["X"][k] for d, k in zip(train, keep, strict=True)])
    y = np.concatenate([d["y"][k] for d, k in zip(train, keep, strict=True)])
    w = np.concatenate([np.full(int(k.sum()), 1.0 / int(k.sum())) for k in keep])
    return LogisticRegression(C=C_REG, max_iter=5000).fit(X, y, sample_weight=w * len(w))


def gain(d: dict[str, Any], prob: np.ndarray, bar: float) -> float:
    """Strays set aside less :data:`HIT_COST` for each labelled piece set aside."""
    out = prob < bar
    return int((out & (d["y"] == 0)).sum()) - HIT_COST * int((out & (d["y"] == 1) & (d["optional"] == 0)).sum())


def choose_bar(train: list[dict[str, Any]], model: Any) -> float:
    """The bar of :data:`DROP_BARS` that gains most over ``train``; on a tie the lower (0 unless
    something gains)."""
    probs = [model.predict_proba(d["X"])[:, 1] for d in train]
    best, best_gain = 0.0, 0.0
    for bar in DROP_BARS:
        g = sum(gain(d, p, float(bar)) for d, p in zip(train, probs, strict=True))
        if g > best_gain + 1e-9:
            best, best_gain = float(bar), g
    return best


def held_out(data: dict[str, dict[str, Any]], name: str | None) -> Any:
    """The model and bar fitted on every corpus but ``name`` (all of them for None)."""
    from knowledge.objections.context import ContextModel

    train = [d for n, d in data.items() if n != name]
    model = fit(train)
    return ContextModel(coef=model.coef_[0].astype(np.float64), intercept=float(model.intercept_[0]),
                        drop=choose_bar(train, model))


def by_piece(data: dict[str, dict[str, Any]]) -> None:
    """Pieces set aside on each corpus by the model fitted without it."""
    print("by piece, leave-one-corpus-out (strays and labelled pieces set aside):")
    for name, d in data.items():
        m = held_out(data, name)
        out = m.probability(d["X"]) < m.drop
        print(f"  {name:<13} bar {m.drop:.2f}  strays {int((out & (d['y'] == 0)).sum())} of "
              f"{int((d['y'] == 0).sum())}, labelled {int((out & (d['y'] == 1) & (d['optional'] == 0)).sum())} of "
              f"{int(((d['y'] == 1) & (d['optional'] == 0)).sum())}", flush=True)


def pipeline(data: dict[str, dict[str, Any]], corpora: dict[str, Corpus]) -> None:
    """The whole analysis on each corpus, as shipped and with the model fitted without it."""
    from bench.objection_sweep import _line
    from knowledge.objections import DEFAULT_TUNING

    rows: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for name, c in corpora.items():
        before = score_counted(c, replace(DEFAULT_TUNING, context=False))
        with model_replaced(held_out(data, name)):
            after = score_counted(c, replace(DEFAULT_TUNING, context=True))
        rows[name] = before, after
        print(_line(name + " before", before))
        print(_line(name + " after", after), flush=True)
    report(rows)


def _pooled(rows: dict[str, tuple[dict[str, Any], dict[str, Any]]], k: int) -> tuple[float, float, float]:
    right = sum(r[k]["right"] for r in rows.values())
    judged = sum(r[k]["judged"] for r in rows.values())
    found = sum(round(r[k]["mention recall"] * r[k]["turns labelled"]) for r in rows.values())
    labelled = sum(r[k]["turns labelled"] for r in rows.values())
    p, r = right / max(1, judged), found / max(1, labelled)
    print(f"  pooled {'before' if k == 0 else 'after '}: P {p:.3f} ({right} of {judged}) R {r:.3f} "
          f"({found} of {labelled}) F1 {2 * p * r / max(1e-9, p + r):.3f}")
    return p, r, 2 * p * r / max(1e-9, p + r)


def _mean(rows: dict[str, tuple[dict[str, Any], dict[str, Any]]], key: str, k: int) -> float:
    vals = [r[k][key] for r in rows.values() if r[k][key] is not None]
    return sum(vals) / max(1, len(vals))


def report(rows: dict[str, tuple[dict[str, Any], dict[str, Any]]]) -> None:
    """The rule's figures (checks 1 and 2), worst F1 first."""
    print("| corpus | mention P | mention R | mention F1 | matching | purity | coverage | new themes |")
    for n, (b, a) in sorted(rows.items(), key=lambda kv: kv[1][0]["mention F1"]):
        def v(key: str, b: dict[str, Any] = b, a: dict[str, Any] = a) -> str:
            x, y = b[key], a[key]
            if x is None or y is None:
                return "n/a" if x is None and y is None else f"{x} -> {y}"
            return f"{x:.2f}" if round(x, 2) == round(y, 2) else f"{x:.2f} -> {y:.2f}"
        print(f"| {n} | {v('mention precision')} | {v('mention recall')} | {v('mention F1')} | "
              f"{v('matching accuracy')} | {v('theme purity')} | {v('coverage accuracy')} | "
              f"{b['new themes found'][0]} -> {a['new themes found'][0]} of {b['new themes found'][1]} |")
    p0, _, f0 = _pooled(rows, 0)
    p1, _, f1 = _pooled(rows, 1)
    falls = sorted(((b["mention F1"] - a["mention F1"], n) for n, (b, a) in rows.items()), reverse=True)
    means = {k: (_mean(rows, k, 0), _mean(rows, k, 1)) for k in ("matching accuracy", "theme purity", "coverage accuracy")}
    themes = [sum(r[k]["new themes found"][0] for r in rows.values()) for k in (0, 1)]
    for k, (x, y) in means.items():
        print(f"  {k} (mean) {x:.3f} -> {y:.3f}")
    print(f"  new themes found {themes[0]} -> {themes[1]}; largest F1 fall {falls[0][0]:+.4f} ({falls[0][1]})")
    checks = {
        "1 pooled precision rises": p1 > p0,
        "2 pooled F1 does not fall": f1 >= f0,
        "2 no corpus's F1 falls by more than 0.02": falls[0][0] <= 0.02,
        "2 matching, purity, coverage do not fall": all(y >= x - 1e-12 for x, y in means.values()),
        "2 new themes found do not fall": themes[1] >= themes[0],
    }
    for k, ok in checks.items():
        print(f"  {'yes' if ok else 'NO '}  {k}")


def write(data: dict[str, dict[str, Any]]) -> None:
    from knowledge.objections.context import CONTEXT_PATH, FEATURES

    m = held_out(data, None)
    CONTEXT_PATH.write_text(json.dumps({
        "features": list(FEATURES), "coef": [round(float(v), 6) for v in m.coef],
        "intercept": round(m.intercept, 6), "drop": m.drop, "c": C_REG, "hit_cost": HIT_COST,
        "corpora": list(data)}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {CONTEXT_PATH}; drop {m.drop}; coef " + ", ".join(f"{f} {v:+.2f}" for f, v in zip(FEATURES, m.coef, strict=True)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--no-dump", action="store_true", help="reuse the features written before")
    ap.add_argument("--pipeline", action="store_true", help="the whole analysis on each corpus, held out")
    ap.add_argument("--write", action="store_true", help="fit on every corpus and write data/context.json")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    corpora: dict[str, Corpus] = {}
    for name in DEVELOPMENT:
        if not args.no_dump or args.pipeline:
            corpora[name] = Corpus(name, args.work)
        if not args.no_dump:
            dump(corpora[name], args.out)
            print(f"dumped {name}", flush=True)
    data = {n: load(args.out, n) for n in DEVELOPMENT}
    by_piece(data)
    if args.pipeline:
        pipeline(data, corpora)
    if args.write:
        write(data)


if __name__ == "__main__":
    main()
