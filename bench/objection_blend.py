"""Turn pieces of every development corpus with what detection knows of them, for fitting and
judging a detection blend leave-one-corpus-out.

Reads the indexes ``bench/accuracy.py`` left (``--work``) and, for every turn piece that holds a
candidate sentence, writes its features (:data:`knowledge.objections.blend.FEATURES`), whether
the shipped pipeline reported a mention in it, and its label (in a required labelled turn, in an
optional one, in none; a ``new:`` concern or a known one) to ``--out`` (one ``.npz`` per corpus).
Then, with ``--fit``, fits the blend on all corpora but one, chooses its bar on those same corpora,
and scores the corpus left out, for each corpus in turn (worst first); ``--write`` fits it on all
of them and writes ``knowledge/objections/data/blend.json``.

    python bench/accuracy.py --work /tmp/w                   # ingest once (minutes)
    python bench/objection_blend.py --work /tmp/w --out /tmp/w/blend --fit [--write]

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from bench.objection_sweep import Corpus  # noqa: E402
from tests.scoring import find_mention, labelled_mentions  # noqa: E402

CORPORA = ("cinderwell", "docketry", "proscenia", "pellucid", "lanternfield", "sablewood", "wickerby", "quayside", "ravelin",
           "examples", "northwind")


def dump(c: Corpus, out: Path) -> None:
    from knowledge.objections import DEFAULT_TUNING, analyze
    from knowledge.objections.blend import piece_features
    from knowledge.objections.prefilter import candidates

    analysis = analyze(c.calls, c.entries, c.vectors, chunks=c.chunks, prototypes=c.prototypes,
                       tuning=replace_blend_off(DEFAULT_TUNING))
    found = [(call, cand) for call in c.calls for cand in candidates(call)[0]]
    det = analysis.detection
    from knowledge.objections.prefilter import context_text

    T = np.asarray(c.vectors([context_text(call.turns[cand.turn]) for call, cand in found]), dtype=np.float32)
    keys, X = piece_features(found, T, det)
    labelled = labelled_mentions(c.labels)
    reported = {(m.call, m.line) for o in analysis.objections for m in o.mentions}
    y, opt, new, shipped, lines, turn_ids = [], [], [], [], [], []
    by_key: dict[tuple[str, int, int], list[int]] = {}
    for i, (call, cand) in enumerate(found):
        by_key.setdefault((call.path, cand.turn, cand.piece), []).append(i)
    for key in keys:
        idx = by_key[key]
        ls = [found[i][1].line for i in idx]
        hits = [t for ln in ls if (t := find_mention(labelled, key[0], ln)) is not None]
        t = hits[0] if hits else None
        y.append(int(t is not None))
        opt.append(int(t is not None and t.optional))
        new.append(int(t is not None and t.new))
        shipped.append(int(any((key[0], ln) in reported for ln in ls)))
        lines.append(f"{key[0]}:{ls[0]}")
        turn_ids.append(f"{t.call}:{t.line}" if t is not None else "")
    S = np.asarray(c.vectors([cand.text for _, cand in found]), dtype=np.float32)
    first = [by_key[k][0] for k in keys]
    from knowledge.objections.detect import cue_features

    np.savez(out / f"{c.name}.npz", X=X, sent=np.stack([S[by_key[k]].mean(axis=0) for k in keys]),
             best=np.stack([S[max(by_key[k], key=lambda i: float(det.learned[i]))] for k in keys]),
             turn=T[first], turn_cues=np.stack([cue_features(found[i][0].turns[found[i][1].turn].text) for i in first]),
             pos=np.asarray([found[i][1].turn / max(1, len(found[i][0].turns) - 1) for i in first]),
             n_sent=np.asarray([len(by_key[k]) for k in keys]),
             as_close=np.asarray([float(det.as_close[by_key[k]].any()) for k in keys]),
             industry_text=np.asarray([found[i][0].turns[found[i][1].turn].text[:300] for i in first]), y=np.asarray(y), optional=np.asarray(opt), new=np.asarray(new),
             shipped=np.asarray(shipped), where=np.asarray(lines), turn_id=np.asarray(turn_ids),
             required=np.asarray(sum(1 for t in labelled if not t.optional)),
             label_ids=np.asarray([f"{t.call}:{t.line}" for t in labelled if not t.optional]))


def replace_blend_off(tuning: Any) -> Any:
    from dataclasses import replace

    return replace(tuning, blend=False)


def load(out: Path, name: str) -> dict[str, Any]:
    with np.load(out / f"{name}.npz", allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def figures(d: dict[str, Any], fire: np.ndarray) -> tuple[float, float, float, int, int]:
    """Mention precision, recall, F1 when the shipped mentions are kept and the pieces ``fire``
    marks are added (a piece counts once; optional turns neither for nor against), new-theme
    pieces gained and strays added."""
    pred = (d["shipped"] == 1) | fire
    judged = pred & (d["optional"] == 0)
    right = int((judged & (d["y"] == 1)).sum())
    p = right / max(1, int(judged.sum()))
    # recall by labelled turn: a labelled turn may span pieces (the cues of a subtitle turn)
    ids = d["turn_id"] if "turn_id" in d else d["where"]
    hit_turns = {w for w, k in zip(ids, pred & (d["y"] == 1) & (d["optional"] == 0), strict=True) if k}
    r = len(hit_turns) / max(1, int(d["required"]))
    gained_new = int((fire & (d["shipped"] == 0) & (d["new"] == 1)).sum())
    strays = int((fire & (d["shipped"] == 0) & (d["y"] == 0)).sum())
    return p, min(r, 1.0), 2 * p * r / max(1e-9, p + r), gained_new, strays


def fit(train: list[dict[str, Any]], c_reg: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    keep = [d["optional"] == 0 for d in train]  # an optional turn is neither an objection nor not
    X = np.vstack([d["X"][k] for d, k in zip(train, keep, strict=True)])
    y = np.concatenate([d["y"][k] for d, k in zip(train, keep, strict=True)])
    # Corpora weigh alike, whatever their number of turns.
    w = np.concatenate([np.full(int(k.sum()), 1.0 / int(k.sum())) for k in keep])
    return LogisticRegression(C=c_reg, max_iter=5000).fit(X, y, sample_weight=w * len(w))


def choose_bar(train: list[dict[str, Any]], model: Any, bars: np.ndarray, stray_cost: float = 3.0,
               slack: float = 0.01) -> float:
    """The bar that adds the most hits, net of ``stray_cost`` for each stray, over the training
    corpora, where no training corpus's precision falls by more than ``slack``."""
    best, best_gain = 1.01, 0.0
    for bar in bars:
        gain, ok = 0.0, True
        for d in train:
            p0 = figures(d, np.zeros(len(d["y"]), dtype=bool))[0]
            fire = (model.predict_proba(d["X"])[:, 1] >= bar) & (d["shipped"] == 0)
            p, _, _, _, strays = figures(d, fire)
            hits = int((fire & (d["y"] == 1) & (d["optional"] == 0)).sum())
            gain += hits - stray_cost * strays
            ok &= p >= p0 - slack
        if ok and gain > best_gain:
            best, best_gain = float(bar), gain
    return best


def veto(data: dict[str, dict[str, Any]], args: argparse.Namespace) -> None:
    """The blend's mirror, measured and not shipped: a model over the same features, fitted on the
    pieces detection took (a labelled turn or a stray), that drops those it reads as no objection.
    Its bar drops the most strays, net of ``stray_cost`` for each hit dropped, on the training corpora,
    where no training corpus loses more than a hundredth of recall; each corpus is scored with the
    model and bar fitted without it."""
    from sklearn.linear_model import LogisticRegression

    def fit_taken(train: list[dict[str, Any]]) -> Any:
        keep = [(d["shipped"] == 1) & (d["optional"] == 0) for d in train]
        X = np.vstack([d["X"][k] for d, k in zip(train, keep, strict=True)])
        y = np.concatenate([d["y"][k] for d, k in zip(train, keep, strict=True)])
        w = np.concatenate([np.full(int(k.sum()), 1.0 / int(k.sum())) for k in keep])
        return LogisticRegression(C=args.c, max_iter=5000).fit(X, y, sample_weight=w * len(w))

    def kept(d: dict[str, Any], dropped: np.ndarray) -> tuple[float, float, float]:
        pred = (d["shipped"] == 1) & ~dropped
        judged = pred & (d["optional"] == 0)
        p = int((judged & (d["y"] == 1)).sum()) / max(1, int(judged.sum()))
        hit = {t for t, k in zip(d["turn_id"], pred & (d["y"] == 1) & (d["optional"] == 0), strict=True) if k}
        r = len(hit) / max(1, int(d["required"]))
        return p, r, 2 * p * r / max(1e-9, p + r)

    bars = np.round(np.arange(0.02, 0.62, 0.02), 2)
    print("veto of detected pieces, leave-one-corpus-out:")
    for name in CORPORA:
        train = [data[o] for o in CORPORA if o != name]
        model = fit_taken(train)
        bar, best = 0.0, 0.0
        for b in bars:
            gain, ok = 0.0, True
            for d in train:
                drop = (model.predict_proba(d["X"])[:, 1] < b) & (d["shipped"] == 1)
                gain += int((drop & (d["y"] == 0)).sum()) - args.stray_cost * int((drop & (d["y"] == 1) & (d["optional"] == 0)).sum())
                ok &= kept(d, drop)[1] >= kept(d, np.zeros(len(d["y"]), dtype=bool))[1] - 0.01
            if ok and gain > best:
                bar, best = float(b), gain
        d = data[name]
        drop = (model.predict_proba(d["X"])[:, 1] < bar) & (d["shipped"] == 1)
        p0, r0, f0 = kept(d, np.zeros(len(d["y"]), dtype=bool))
        p, r, f = kept(d, drop)
        print(f"  {name:<12} bar {bar:.2f}  strays dropped {int((drop & (d['y'] == 0)).sum())}, hits dropped "
              f"{int((drop & (d['y'] == 1) & (d['optional'] == 0)).sum())}  P {p0:.3f}->{p:.3f} R {r0:.3f}->{r:.3f} "
              f"F1 {f0:.3f}->{f:.3f}")


def pipeline(data: dict[str, dict[str, Any]], args: argparse.Namespace) -> None:
    """The whole analysis (``bench/objection_sweep.py``'s figures) on each corpus, with the blend
    fitted and its bar chosen on the other corpora only."""
    from dataclasses import replace

    from bench.objection_sweep import _line
    from knowledge.objections import DEFAULT_TUNING
    from knowledge.objections import blend as blend_module

    bars = np.round(np.arange(0.50, 0.99, 0.02), 2)
    shipped = blend_module.load_blend
    print("whole analysis, leave-one-corpus-out (off, then the blend fitted without the corpus):")
    try:
        for name in CORPORA:
            train = [data[o] for o in CORPORA if o != name]
            model = fit(train, args.c)
            held = blend_module.Blend(coef=model.coef_[0].astype(np.float64), intercept=float(model.intercept_[0]),
                                      bar=choose_bar(train, model, bars, args.stray_cost, args.slack))
            blend_module.load_blend = lambda held=held: held  # type: ignore[assignment]
            corpus = Corpus(name, args.work)
            print(_line(name + " off", corpus.score(replace(DEFAULT_TUNING, blend=False))))
            print(_line(name + " on", corpus.score(DEFAULT_TUNING)), flush=True)
    finally:
        blend_module.load_blend = shipped


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--fit", action="store_true")
    ap.add_argument("--no-dump", action="store_true", help="reuse the features written before")
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--stray-cost", type=float, default=3.0, help="hits a stray costs when the bar is chosen")
    ap.add_argument("--slack", type=float, default=0.01,
                    help="the most precision a training corpus may lose at the bar chosen")
    ap.add_argument("--veto", action="store_true", help="also the veto of detected pieces (measured, not shipped)")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--pipeline", action="store_true",
                    help="also run the whole analysis on each corpus left out, with the blend fitted without it")
    ap.add_argument("--corpus", action="append", choices=CORPORA, help="dump only these (repeatable)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.no_dump:
        for name in args.corpus or CORPORA:
            dump(Corpus(name, args.work), args.out)
            print(f"dumped {name}", flush=True)
    if not args.fit:
        return
    data = {n: load(args.out, n) for n in CORPORA}
    bars = np.round(np.arange(0.50, 0.99, 0.02), 2)
    print("leave-one-corpus-out (the bar chosen on the other corpora):")
    for name in CORPORA:
        train = [data[o] for o in CORPORA if o != name]
        model = fit(train, args.c)
        bar = choose_bar(train, model, bars, args.stray_cost, args.slack)
        d = data[name]
        fire = (model.predict_proba(d["X"])[:, 1] >= bar) & (d["shipped"] == 0)
        p0, r0, f0, _, _ = figures(d, np.zeros(len(d["y"]), dtype=bool))
        p, r, f, gn, st = figures(d, fire)
        print(f"  {name:<10} bar {bar:.2f}  P {p0:.3f}->{p:.3f} R {r0:.3f}->{r:.3f} F1 {f0:.3f}->{f:.3f}  "
              f"+{int((fire & (d['y'] == 1)).sum())} hits ({gn} new-theme), {st} strays")
    if args.veto:
        veto(data, args)
    if args.pipeline:
        pipeline(data, args)
    if args.write:
        from knowledge.objections.blend import BLEND_PATH, FEATURES

        model = fit(list(data.values()), args.c)
        bar = choose_bar(list(data.values()), model, bars, args.stray_cost, args.slack)
        BLEND_PATH.write_text(json.dumps({
            "features": list(FEATURES), "coef": [round(float(v), 6) for v in model.coef_[0]],
            "intercept": round(float(model.intercept_[0]), 6), "bar": bar, "c": args.c,
            "corpora": list(CORPORA)}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {BLEND_PATH}; bar {bar}")


if __name__ == "__main__":
    main()
