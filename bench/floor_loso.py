"""Floors refitted leave-one-set-out on the question rows ``bench/floor_signals.py --json`` writes
(the ranker as shipped, so each question's floor signals, first rank and price check are fixed and
only the floor moves).

    .venv/bin/python bench/floor_loso.py ROWS.json [--cand NAME:feat+feat:RATE ...] [--worst K] [--moved F+G]

Each fitting set (every set of the rows but ``real``, which is only scored) is left out in turn:
the floor is fitted on the others as ``bench/train_search.py --penalty absent_named`` fits it
(logistic over the signals without ``absent_named``, classes balanced, the boundary placed above
RATE of the training unanswerable questions, then ``absent_named``'s weight alone, held at zero or
below) and scored on the one left out; ``real`` is scored with the fit on all of them. A candidate
whose RATE is ``frozen`` keeps the shipped floor (each row's ``z``) and fits only its signals' weights,
held at zero or above, on top (``fit_frozen``). A RATE ``match`` places the refitted floor above
the share of the training unanswerable questions the shipped floor reports there (``matched_rate``,
pass 26). A signal written ``a*b`` is the product of two; ``held_coverage`` and ``held_gain`` are derived from the row (``add_held``, pass 25). "before" is
the shipped floor as it is. Per set: hit@1 / hit@3 / MRR / unanswerable reported, and the pooled
figures over every set and over the K worst sets by the shipped hit@1, with the answerable questions
answered. ``--moved`` lists, per
candidate, the questions it answers or silences against the shipped floor, with the named signals.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import train_search as ts  # noqa: E402

PENALTY = "absent_named"


def fit_floor(rows: list[dict[str, Any]], feats: tuple[str, ...], rate: float) -> tuple[Any, float]:
    """Floor weights (over ``feats`` and the penalty) and bias, fitted and placed on ``rows``."""
    x = np.array([[r[f] for f in feats] for r in rows])
    xp = np.array([[r[PENALTY]] for r in rows])
    y = np.array([0.0 if r["unanswerable"] else 1.0 for r in rows])
    sw = ts._weights(y, True)
    w1, b1 = ts.newton(x, y, sw)
    rule = ts.FloorRule(place="rate", rate=rate)
    placed = b1 - ts._boundary(x @ w1 + b1, y, rule)
    wp = ts.penalty_weights(xp, y, sw, x @ w1 + placed)
    return np.concatenate([w1, wp]), float(placed)


def fit_frozen(rows: list[dict[str, Any]], feats: tuple[str, ...]) -> Any:
    """Weights of ``feats`` alone, each held at zero or above, with the shipped floor's log-odds
    (``z``: its weights, bias and penalty kept) as the offset and no bias of their own: a fit that
    moves only the questions those signals mark."""
    x = np.array([[r[f] for f in feats] for r in rows])
    y = np.array([0.0 if r["unanswerable"] else 1.0 for r in rows])
    return -ts.penalty_weights(-x, y, ts._weights(y, True), np.array([r["z"] for r in rows]))


def matched_rate(train: list[dict[str, Any]]) -> float:
    """The share of ``train``'s unanswerable questions the shipped floor reports (``z`` under 0):
    the placement ``match`` (pass 26) puts a refitted floor where it reports as many of the training
    unanswerable questions as the shipped one, so that a refit trades nothing on them by its placement."""
    z = [r["z"] for r in train if r["unanswerable"]]
    return sum(1 for v in z if v < 0) / max(len(z), 1)


def scorer(train: list[dict[str, Any]], feats: tuple[str, ...], rate: str) -> Any:
    """The floor's log-odds for a list of rows, fitted on ``train``: refitted and placed above
    ``rate`` of the training unanswerable questions (``match``: the share the shipped floor reports
    there), or, for the rate ``frozen``, the shipped floor with ``feats`` added (``fit_frozen``)."""
    if rate == "frozen":
        w = fit_frozen(train, feats)
        return lambda rows: np.array([r["z"] for r in rows]) + np.array([[r[f] for f in feats] for r in rows]) @ w
    w, b = fit_floor(train, feats, matched_rate(train) if rate == "match" else float(rate))
    return lambda rows: np.array([[r[f] for f in (*feats, PENALTY)] for r in rows]) @ w + b


def counts(rows: list[dict[str, Any]], z: Any) -> dict[str, float]:
    """One set's counts with floor log-odds ``z`` (the price check as shipped)."""
    n = {"ans": 0, "una": 0, "hit1": 0, "hit3": 0, "rr": 0.0, "reported": 0, "answered": 0}
    for r, zi in zip(rows, z, strict=True):
        answered = zi >= 0 and not r["price_unstated"]
        if r["unanswerable"]:
            n["una"] += 1
            n["reported"] += not answered
            continue
        n["ans"] += 1
        n["answered"] += answered
        rank = r["rank"] if answered else None
        n["hit1"] += rank == 1
        n["hit3"] += bool(rank and rank <= 3)
        n["rr"] += 1 / rank if rank else 0.0
    return n


def held_out_z(by_set: dict[str, list[dict[str, Any]]], feats: tuple[str, ...], rate: str) -> dict[str, Any]:
    """Per set, its questions' floor log-odds by a floor fitted without it (``real``: the fit on all)."""
    fitting = [s for s in by_set if s != "real"]
    return {held: scorer([r for s in fitting if s != held for r in by_set[s]], feats, rate)(by_set[held])
            for held in by_set}


def loso(by_set: dict[str, list[dict[str, Any]]], feats: tuple[str, ...], rate: str) -> dict[str, dict[str, float]]:
    """Per-set counts, each fitting set scored by a floor fitted without it, ``real`` by the fit on all."""
    return {s: counts(by_set[s], z) for s, z in held_out_z(by_set, feats, rate).items()}


def moved(by_set: dict[str, list[dict[str, Any]]], feats: tuple[str, ...], rate: str, marks: tuple[str, ...]) -> None:
    """Print the questions a candidate moves against the shipped floor, held out (unanswerable ones
    and ones with the expected entry first, answered or silenced), each with the values of ``marks``
    (to tell what a signal moves from what the placement moves)."""
    for s, z in held_out_z(by_set, feats, rate).items():
        for r, zi in zip(by_set[s], z, strict=True):
            was, now = (v >= 0 and not r["price_unstated"] for v in (r["z"], zi))
            if was != now and (r["unanswerable"] or r["rank"] == 1):
                kind = ("unanswerable" if r["unanswerable"] else "right first") + (" answered" if now else " silenced")
                print(f"  {kind}: {s} {dict((m, r[m]) for m in marks)} {r['q']}")


def fitted_on_all(by_set: dict[str, list[dict[str, Any]]], feats: tuple[str, ...],
                  rate: str) -> dict[str, dict[str, float]]:
    """Per-set counts with the floor fitted on every fitting set (what would ship)."""
    train = [r for s, rs in by_set.items() if s != "real" for r in rs]
    if rate != "frozen":
        w, b = fit_floor(train, feats, matched_rate(train) if rate == "match" else float(rate))
        print(f"fitted on all: weights {dict(zip((*feats, PENALTY), np.round(w, 4).tolist(), strict=True))}, bias {b:.4f}")
    else:
        print(f"fitted on all, frozen: weights {dict(zip(feats, np.round(fit_frozen(train, feats), 4).tolist(), strict=True))}")
    z = scorer(train, feats, rate)
    return {s: counts(rs, z(rs)) for s, rs in by_set.items()}


def below_floors(per: dict[str, dict[str, float]]) -> list[str]:
    """The floors of tests/test_search_accuracy.py that these counts fall under."""
    from tests.test_search_accuracy import FLOORS

    out = []
    for s, n in per.items():
        a, u = max(n["ans"], 1), max(n["una"], 1)
        got = {"hit@1": n["hit1"] / a, "hit@3": n["hit3"] / a, "mrr": n["rr"] / a, "unanswered": n["reported"] / u}
        out += [f"{s} {k} {got[k]:.3f} < {v}" for k, v in FLOORS.get(s, {}).items()
                if k in got and got[k] < v - 1e-9]
    return out


def line(n: dict[str, float]) -> str:
    """hit@1 / hit@3 / MRR / unanswerable reported of one set's counts."""
    a = max(n["ans"], 1)
    return (f"{n['hit1'] / a:.2f} / {n['hit3'] / a:.2f} / {n['rr'] / a:.2f} / {n['reported']}/{n['una']}"
            f" / {n['answered']}/{n['ans']}")


def pooled(per: dict[str, dict[str, float]], sets: list[str]) -> dict[str, float]:
    """The counts of ``sets`` summed."""
    return {k: sum(per[s][k] for s in sets) for k in ("ans", "una", "hit1", "hit3", "rr", "reported", "answered")}


def add_held(by_set: dict[str, list[dict[str, Any]]]) -> None:
    """Give every row ``held_coverage``, the floor's best passage coverage counted over the question's
    words some entry holds (a word no entry holds is in no passage, so it only dilutes the share:
    ``max_chunk_coverage / (1 - absent_share)``, at most 1), and ``held_gain``, what that adds to
    ``max_chunk_coverage`` (0 when every word is held). Pass 25: the writer's own words beside the KB's."""
    for rs in by_set.values():
        for r in rs:
            kept = 1.0 - r["absent_share"]
            r["held_coverage"] = min(1.0, r["max_chunk_coverage"] / kept) if kept > 0 else 0.0
            r["held_gain"] = r["held_coverage"] - r["max_chunk_coverage"]


def add_products(by_set: dict[str, list[dict[str, Any]]], feats: list[str]) -> None:
    """Give every row the value of each ``a*b`` among ``feats``: the product of the two signals (a
    mark that counts only as far as another signal holds)."""
    for f in feats:
        if "*" in f:
            a, b = f.split("*")
            for rs in by_set.values():
                for r in rs:
                    r[f] = r[a] * r[b]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("rows")
    ap.add_argument("--cand", action="append", default=[], metavar="NAME:F+G*H:RATE",
                    help="RATE a share (refit and placed), 'match' (refit, placed to report the training "
                         "unanswerable questions the shipped floor reports) or 'frozen' (the shipped floor plus F+G's weights)")
    ap.add_argument("--worst", type=int, default=11)
    ap.add_argument("--moved", default="", metavar="F+G",
                    help="list the questions each candidate moves held out, with these signals' values")
    args = ap.parse_args()
    by_set: dict[str, list[dict[str, Any]]] = {}
    for r in json.loads(Path(args.rows).read_text()):
        by_set.setdefault(r["set"], []).append(r)
    add_held(by_set)
    before = {s: counts(rs, [r["z"] for r in rs]) for s, rs in by_set.items()}
    order = sorted(by_set, key=lambda s: (before[s]["hit1"] / max(before[s]["ans"], 1), s))
    worst = [s for s in order if before[s]["hit1"] / max(before[s]["ans"], 1)
             <= before[order[args.worst - 1]]["hit1"] / max(before[order[args.worst - 1]]["ans"], 1)]
    results = {"before": before}
    for spec in args.cand:
        name, feats, rate = spec.split(":")
        add_products(by_set, feats.split("+"))
        results[name] = loso(by_set, tuple(feats.split("+")), rate)
        results[name + " (all)"] = fitted_on_all(by_set, tuple(feats.split("+")), rate)
        print(f"{name} fitted on all, under test floors: {below_floors(results[name + ' (all)'])}")
        if args.moved:
            moved(by_set, tuple(feats.split("+")), rate, tuple(args.moved.split("+")))
    names = list(results)
    print("set | " + " | ".join(names))
    for s in order:
        print(f"{s} | " + " | ".join(line(results[n][s]) for n in names))
    for label, sets in (("worst", worst), ("all", order)):
        for n in names:
            p = pooled(results[n], sets)
            print(f"pooled {label} ({len(sets)} sets) {n}: first {p['hit1']}/{p['ans']}, hit@3 {p['hit3']}, "
                  f"MRR {p['rr'] / p['ans']:.3f}, reported {p['reported']}/{p['una']}, "
                  f"answered {p['answered']}/{p['ans']}")
    print(f"before, under test floors: {below_floors(before)}")
    for n in names[1:]:
        lost1 = {s: before[s]["hit1"] - results[n][s]["hit1"] for s in order if before[s]["hit1"] > results[n][s]["hit1"]}
        lostu = {s: before[s]["reported"] - results[n][s]["reported"] for s in order
                 if before[s]["reported"] > results[n][s]["reported"]}
        print(f"{n}: first places lost {lost1}; unanswerable reported lost {lostu}")


if __name__ == "__main__":
    main()
