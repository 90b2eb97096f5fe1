"""Turn pieces of every development corpus with what detection knows of them, for fitting and
judging a detection blend leave-one-corpus-out.

Reads the indexes ``bench/accuracy.py`` left (``--work``) and, for every turn piece that holds a
candidate sentence, writes its features (:data:`knowledge.objections.blend.FEATURES`), whether
the shipped pipeline reported a mention in it, and its label (in a required labelled turn, in an
optional one, in none; a ``new:`` concern or a known one) to ``--out`` (one ``.npz`` per corpus).
Then, with ``--fit``, fits the blend on all corpora but one, chooses its bar on those same corpora,
and scores the corpus left out, for each corpus in turn (worst first); ``--write`` fits it on all
of them and writes ``knowledge/objections/data/blend.json``.

The add/drop model that replaces the blend (``Tuning.pieces``): one model over every piece with
whether detection took it as an eleventh feature, a bar to add and a bar to drop. ``--pieces``
judges it by piece, ``--pieces-pipeline`` through the whole analysis (each corpus with the model
and bars fitted without it, against the analysis as shipped, and the decision rule's figures), and
``--write-pieces`` fits it on every corpus and writes ``knowledge/objections/data/pieces.json``.

    python bench/accuracy.py --work /tmp/w                   # ingest once (minutes)
    python bench/objection_blend.py --work /tmp/w --out /tmp/w/blend --fit [--write]
    python bench/objection_blend.py --work /tmp/w --out /tmp/w/blend --pieces --pieces-pipeline [--write-pieces]

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
           "examples", "northwind", "inkberry", "hoistley")
# the corpora the ninth round's fits were made on (--against-eleven)
ELEVEN = CORPORA[:11]


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
    # what detection took (step 2's mentions, blend off): the add/drop model's eleventh feature
    took = {(m.call, ln) for m in analysis.detected for ln in (m.lines or [m.line])}
    y, opt, new, shipped, lines, turn_ids, taken = [], [], [], [], [], [], []
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
        taken.append(int(any((key[0], ln) in took for ln in ls)))
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
             taken=np.asarray(taken), turn_key=np.asarray([f"{p}:{t}" for p, t, _ in keys]),
             required=np.asarray(sum(1 for t in labelled if not t.optional)),
             label_ids=np.asarray([f"{t.call}:{t.line}" for t in labelled if not t.optional]))


def replace_blend_off(tuning: Any) -> Any:
    from dataclasses import replace

    return replace(tuning, blend=False, pieces=False)


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


def fit(train: list[dict[str, Any]], c_reg: float, columns: Any = None) -> Any:
    """The blend's fit (``columns``: each corpus's features, else its ten ``X``)."""
    from sklearn.linear_model import LogisticRegression

    keep = [d["optional"] == 0 for d in train]  # an optional turn is neither an objection nor not
    X = np.vstack([(columns(d) if columns else d["X"])[k] for d, k in zip(train, keep, strict=True)])
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
            held = blend_module.PieceModel(coef=np.append(model.coef_[0].astype(np.float64), 0.0),
                                           intercept=float(model.intercept_[0]),
                                           add=choose_bar(train, model, bars, args.stray_cost, args.slack))
            blend_module.load_blend = lambda held=held: held  # type: ignore[assignment]
            corpus = Corpus(name, args.work)
            print(_line(name + " off", corpus.score(replace(DEFAULT_TUNING, blend=False, pieces=False))))
            print(_line(name + " on", corpus.score(replace(DEFAULT_TUNING, blend=True, pieces=False))), flush=True)
    finally:
        blend_module.load_blend = shipped


# The add/drop model (knowledge/objections/blend.py, PieceModel): one logistic model over every
# piece, with whether detection took it as an eleventh feature; a bar to add and a bar to drop.
ADD_BARS = np.concatenate([[1.01], np.round(np.arange(0.98, 0.39, -0.02), 2)])  # 1.01: add nothing
DROP_BARS = np.round(np.arange(0.0, 0.51, 0.02), 2)  # 0: drop nothing
PIECE_STRAY_COST = 2.0  # hits a stray is worth when the bars are chosen (fixed before the pipeline was run)


def piece_X(d: dict[str, Any]) -> np.ndarray:
    return np.hstack([d["X"], d["taken"][:, None].astype(np.float64)])


def fit_pieces(train: list[dict[str, Any]], c_reg: float) -> Any:
    """The blend's fit over every piece, with whether detection took it."""
    return fit(train, c_reg, piece_X)


def piece_decisions(d: dict[str, Any], prob: np.ndarray, add: float, drop: float,
                    kept: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The pieces added and dropped, as the pipeline decides them: a piece is dropped under ``drop``
    (and under it wherever it fell in the call, ``kept``: ``blend.anywhere``); one is added at
    ``add`` or more only in a turn where detection took nothing, the surest of its turn."""
    took = d["taken"] == 1
    dropped = took & (prob < drop) & ((kept if kept is not None else prob) < drop)
    busy = {t for t, k in zip(d["turn_key"], took, strict=True) if k}
    best: dict[str, int] = {}
    for r in np.where(~took & (prob >= add))[0]:
        t = str(d["turn_key"][r])
        if t not in busy and (t not in best or prob[r] > prob[best[t]]):
            best[t] = int(r)
    added = np.zeros(len(prob), dtype=bool)
    added[list(best.values())] = True
    return added, dropped


def piece_gain(d: dict[str, Any], added: np.ndarray, dropped: np.ndarray, stray_cost: float) -> float:
    hit = (d["y"] == 1) & (d["optional"] == 0)
    stray = d["y"] == 0
    return (int((added & hit).sum()) - int((dropped & hit).sum())
            - stray_cost * (int((added & stray).sum()) - int((dropped & stray).sum())))


def choose_piece_bars(train: list[dict[str, Any]], model: Any, stray_cost: float = PIECE_STRAY_COST,
                      guard: bool = False) -> tuple[float, float]:
    """The bars that gain the most over the training corpora: hits added less hits dropped, less
    ``stray_cost`` for each stray added and plus as much for each stray dropped. On a tie the bars
    that change less (the higher bar to add, the lower bar to drop) are kept."""
    from knowledge.objections.blend import anywhere

    probs = [model.predict_proba(piece_X(d))[:, 1] for d in train]
    kepts = [model.predict_proba(anywhere(piece_X(d), model.coef_[0]))[:, 1] if guard else None for d in train]
    best, best_gain = (1.01, 0.0), 0.0
    for add in ADD_BARS:
        for drop in DROP_BARS:
            gain = sum(piece_gain(d, *piece_decisions(d, p, add, drop, k), stray_cost)
                       for d, p, k in zip(train, probs, kepts, strict=True))
            if gain > best_gain + 1e-9:
                best, best_gain = (float(add), float(drop)), gain
    return best


def piece_figures(d: dict[str, Any], added: np.ndarray, dropped: np.ndarray) -> tuple[float, float, float]:
    """Mention precision, recall and F1 by piece when detection's pieces (blend off) are kept but
    ``dropped`` and ``added`` are added."""
    pred = ((d["taken"] == 1) & ~dropped) | added
    judged = pred & (d["optional"] == 0)
    p = int((judged & (d["y"] == 1)).sum()) / max(1, int(judged.sum()))
    hit = {t for t, k in zip(d["turn_id"], pred & (d["y"] == 1) & (d["optional"] == 0), strict=True) if k}
    r = len(hit) / max(1, int(d["required"]))
    return p, r, 2 * p * r / max(1e-9, p + r)


def held_out_piece_model(data: dict[str, dict[str, Any]], name: str, c_reg: float, guard: bool = False,
                         pool: tuple[str, ...] = CORPORA) -> Any:
    """The add/drop model and its bars fitted on the corpora of ``pool`` other than ``name``."""
    from knowledge.objections.blend import PieceModel

    train = [data[o] for o in pool if o != name]
    model = fit_pieces(train, c_reg)
    add, drop = choose_piece_bars(train, model, guard=guard)
    return PieceModel(coef=model.coef_[0].astype(np.float64), intercept=float(model.intercept_[0]), add=add, drop=drop,
                      drop_anywhere=drop if guard else None)


def pieces(data: dict[str, dict[str, Any]], args: argparse.Namespace) -> None:
    """The add/drop model by piece, each corpus with the model and bars fitted without it."""
    from knowledge.objections.blend import anywhere

    print("one model to add and drop pieces, by piece, leave-one-corpus-out (blend off -> the model):")
    for name in CORPORA:
        m = held_out_piece_model(data, name, args.c, guard=args.anywhere)
        d = data[name]
        prob = m.probability(piece_X(d))
        added, dropped = piece_decisions(d, prob, m.add, m.drop,
                                         m.probability(anywhere(piece_X(d), m.coef)) if args.anywhere else None)
        p0, r0, f0 = piece_figures(d, np.zeros(len(prob), dtype=bool), np.zeros(len(prob), dtype=bool))
        p, r, f = piece_figures(d, added, dropped)
        hit = (d["y"] == 1) & (d["optional"] == 0)
        print(f"  {name:<12} add {m.add:.2f} drop {m.drop:.2f}  +{int((added & hit).sum())} hits "
              f"+{int((added & (d['y'] == 0)).sum())} strays, -{int((dropped & hit).sum())} hits "
              f"-{int((dropped & (d['y'] == 0)).sum())} strays  P {p0:.3f}->{p:.3f} R {r0:.3f}->{r:.3f} F1 {f0:.3f}->{f:.3f}")


def score_counted(corpus: Corpus, tuning: Any) -> dict[str, Any]:
    """``Corpus.score``'s figures, with the judged and right mentions behind precision (to pool it)."""
    from bench.objection_sweep import new_themes_found
    from knowledge.objections import analyze
    from knowledge.rules.objection_gap import ObjectionGap
    from tests.scoring import match_mentions, score_objections

    analysis = analyze(corpus.calls, corpus.entries, corpus.vectors, chunks=corpus.chunks,
                       prototypes=corpus.prototypes, tuning=tuning)
    result = analysis.to_dict(min_calls=1)
    gaps = [ObjectionGap()._finding(o).to_dict() for o in analysis.objections if not o.covered and o.mentions]
    f: dict[str, Any] = dict(score_objections(result, gaps, corpus.labels))
    f["new themes found"] = new_themes_found(result, corpus.labels)
    match = match_mentions([m for o in result["objections"] for m in o["mentions"]], labelled_mentions(corpus.labels))
    judged = [t for _, t in match.pairs if t is None or not t.optional]
    f["judged"], f["right"] = len(judged), sum(1 for t in judged if t is not None)
    return f


def pieces_pipeline(data: dict[str, dict[str, Any]], args: argparse.Namespace) -> None:
    """The whole analysis on each corpus, as shipped and with the add/drop model (fitted, bars and
    all, without the corpus) in place of the blend; then the figures the decision reads."""
    from dataclasses import replace

    from bench.objection_sweep import _line
    from knowledge.objections import DEFAULT_TUNING
    from knowledge.objections import blend as blend_module

    shipped = blend_module.load_piece_model
    rows: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    print("whole analysis, leave-one-corpus-out (as shipped, then the add/drop model fitted without the corpus):")
    try:
        for name in CORPORA:
            held = held_out_piece_model(data, name, args.c, guard=args.anywhere)
            corpus = Corpus(name, args.work)
            if args.against_eleven:
                # before: the same recipe fitted on the ninth round's eleven corpora less this one (for
                # inkberry and hoistley, the shipped fit): what the added training corpora change, held out
                old = held_out_piece_model(data, name, args.c, guard=args.anywhere, pool=ELEVEN)
                blend_module.load_piece_model = lambda path=None, old=old: old  # type: ignore[assignment,misc]
                before = score_counted(corpus, replace(DEFAULT_TUNING, pieces=True, drop_anywhere=args.anywhere))
                print(f"  {name}: before add {old.add:.2f} drop {old.drop:.2f}")
            else:
                before = score_counted(corpus, replace(DEFAULT_TUNING, pieces=False))
            blend_module.load_piece_model = lambda path=None, held=held: held  # type: ignore[assignment,misc]
            after = score_counted(corpus, replace(DEFAULT_TUNING, pieces=True, drop_anywhere=args.anywhere))
            rows[name] = before, after
            print(f"  {name}: add {held.add:.2f} drop {held.drop:.2f}")
            print(_line(name + " before", before))
            print(_line(name + " after", after), flush=True)
    finally:
        blend_module.load_piece_model = shipped
    f1 = {n: (b["mention F1"], a["mention F1"]) for n, (b, a) in rows.items()}
    worst_before, worst_after = min(b for b, _ in f1.values()), min(a for _, a in f1.values())
    mean_before, mean_after = (sum(v[k] for v in f1.values()) / len(f1) for k in (0, 1))
    pooled = [sum(r[k]["right"] for r in rows.values()) / max(1, sum(r[k]["judged"] for r in rows.values())) for k in (0, 1)]
    largest_fall = max(b - a for b, a in f1.values())
    print("mention F1, worst first (before -> after):")
    for n, (b, a) in sorted(f1.items(), key=lambda kv: kv[1][0]):
        print(f"  {n:<12} {b:.3f} -> {a:.3f} ({a - b:+.3f})")
    checks = {
        "worst corpus's F1 rises": worst_after > worst_before,
        "mean F1 rises": mean_after > mean_before,
        "pooled precision does not fall": pooled[1] >= pooled[0],
        "no corpus's F1 falls by more than 0.07": largest_fall <= 0.07,
    }
    if args.against_eleven:
        # the tenth round's rule for a refit on more corpora (bench/ACCURACY.md, "Objections, tenth round")
        checks = {
            "mean F1 rises": mean_after > mean_before,
            "worst corpus's F1 does not fall": worst_after >= worst_before,
            "pooled precision does not fall": pooled[1] >= pooled[0],
            "no corpus's F1 falls by more than 0.02": largest_fall <= 0.02,
        }
    print(f"worst {worst_before:.3f} -> {worst_after:.3f}; mean {mean_before:.3f} -> {mean_after:.3f}; "
          f"pooled precision {pooled[0]:.3f} -> {pooled[1]:.3f}; largest fall {largest_fall:.3f}")
    for k, ok in checks.items():
        print(f"  {'yes' if ok else 'NO '}  {k}")
    print("ship" if all(checks.values()) else "do not ship")


def write_pieces(data: dict[str, dict[str, Any]], args: argparse.Namespace) -> None:
    from knowledge.objections.blend import PIECE_FEATURES, PIECES_PATH

    train = [data[n] for n in CORPORA]
    model = fit_pieces(train, args.c)
    add, drop = choose_piece_bars(train, model)
    # the bars' gains add up piece by piece, so the bar to add comes out the same with the guard
    # (0.68 both ways); only where no bar gains at all would the guarded choice be (1.01, 0.0)
    _, drop_anywhere = choose_piece_bars(train, model, guard=True)
    PIECES_PATH.write_text(json.dumps({
        "features": list(PIECE_FEATURES), "coef": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6), "add": add, "drop": drop, "drop_anywhere": drop_anywhere,
        "c": args.c, "stray_cost": PIECE_STRAY_COST, "corpora": list(CORPORA)}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {PIECES_PATH}; add {add}, drop {drop} (with the guard: {drop_anywhere})")


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
    ap.add_argument("--pieces", action="store_true",
                    help="the add/drop model (one model over every piece) by piece, leave-one-corpus-out")
    ap.add_argument("--pieces-pipeline", action="store_true",
                    help="... and through the whole analysis, with the decision's figures")
    ap.add_argument("--write-pieces", action="store_true", help="fit it on every corpus and write data/pieces.json")
    ap.add_argument("--anywhere", action="store_true",
                    help="--pieces and --pieces-pipeline with the guard: a detected piece is dropped only when it "
                         "reads as no objection wherever it fell in the call (Tuning.drop_anywhere)")
    ap.add_argument("--against-eleven", action="store_true",
                    help="--pieces-pipeline against the same recipe fitted on the ninth round's eleven corpora "
                         "(less the one scored) rather than against the blend")
    ap.add_argument("--pipeline", action="store_true",
                    help="also run the whole analysis on each corpus left out, with the blend fitted without it")
    ap.add_argument("--corpus", action="append", choices=CORPORA, help="dump only these (repeatable)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.no_dump:
        for name in args.corpus or CORPORA:
            dump(Corpus(name, args.work), args.out)
            print(f"dumped {name}", flush=True)
    if args.pieces or args.pieces_pipeline or args.write_pieces:
        data = {n: load(args.out, n) for n in CORPORA}
        if args.pieces:
            pieces(data, args)
        if args.pieces_pipeline:
            pieces_pipeline(data, args)
        if args.write_pieces:
            write_pieces(data, args)
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
