"""Which known objection a detected mention is put under: other ways of scoring a mention against an
entry, measured leave-one-corpus-out on the nine development corpora.

Reads the indexes ``bench/accuracy.py`` left (``--work``, as ``bench/objection_sweep.py`` does), runs
``analyze`` with the shipped settings and keeps, for every mention handed to the assignment step,
its closeness to each known objection in several ways:

    0 max      best phrasing (turn or own sentences), as shipped
    1 mean     mean over the entry's phrasings
    2 top2     mean of the two best phrasings
    3 concern  closeness in the space of data/concerns.txt (themes.concern_closeness)
    4 parts    best single sentence of the mention against the best phrasing
    5 prior    the turn just before it by another speaker (the seller's question) vs the best phrasing
    6 title    the mention's turn vs the entry's title alone
    7 own      the mention's own sentences alone vs the best phrasing

and the entry of its label. Of the mentions labelled with a known objection it counts how many
have their entry first (the shipped score, 0.85 x max + 0.15 x concern, is the baseline), for
(a) the shipped score blended with one other reading at a weight chosen on the other eight corpora
and (b) a logistic model over the eight readings and each one's margin over the best other entry,
fitted on the other eight corpora. This is the choice the assignment makes for a lone mention;
groups absorbed by an entry go by the average of the same score, so it is a proxy: it came within
one mention a corpus of the end-to-end matching changes of (b) (bench/ACCURACY.md, "Known objections
told apart (eighth round)").

    python bench/objection_matching.py --work /tmp/w

Larkspur is the final exam and is not offered here. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.objection_sweep import DEVELOPMENT, Corpus  # noqa: E402
from tests.scoring import find_mention, labelled_mentions  # noqa: E402

READINGS = ("max", "mean", "top2", "concern", "parts", "prior", "title", "own")
WEIGHTS = (0.05, 0.1, 0.15, 0.2, 0.3, 0.5)


def readings(c: Corpus) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Per labelled mention: an entries x readings array, and which entry is the right one."""
    import knowledge.objections as ko
    from knowledge.objections import DEFAULT_TUNING
    from knowledge.objections.themes import concern_closeness

    seen: dict[str, Any] = {}
    shipped = ko._assign

    def keep(mentions: Any, entries: Any, R: Any, owner: Any, tuning: Any, cohesion: Any = None, **kw: Any) -> Any:
        seen.update(mentions=mentions, entries=entries, R=R, owner=owner, concerns=kw.get("concerns"))
        return shipped(mentions, entries, R, owner, tuning, cohesion, **kw)

    ko._assign = keep  # type: ignore[assignment]
    try:
        c.score(DEFAULT_TUNING)
    finally:
        ko._assign = shipped  # type: ignore[assignment]
    ms, es, R, owner = seen["mentions"], seen["entries"], seen["R"], seen["owner"]
    m = len(es)
    if not ms or not m:
        return [], []
    V = np.stack([x.vector for x in ms]).astype(np.float32)
    own = np.stack([x.sentence_vector for x in ms]).astype(np.float32)
    alike = concern_closeness(V, own, R, owner, m, seen["concerns"][1])
    calls = {cl.path: cl for cl in c.calls}
    prior = []
    for x in ms:
        turns = calls[x.call].turns
        t = x.turn - 1
        while t >= 0 and turns[t].speaker == x.speaker:
            t -= 1
        prior.append(turns[t].text if t >= 0 else "")
    P = c.vectors(prior)
    T = c.vectors([e.title or e.id for e in es])
    labelled = labelled_mentions(c.labels)
    ids = [e.id for e in es]
    X: list[np.ndarray] = []
    Y: list[np.ndarray] = []
    for i, x in enumerate(ms):
        t = find_mention(labelled, x.call, x.line)
        if t is None or t.objection not in ids:
            continue
        s = np.maximum(R @ V[i], R @ own[i])
        sp = (np.stack([v for _, v in x.parts]).astype(np.float32) @ R.T).max(axis=0)
        so, sq = R @ own[i], R @ P[i]
        f = np.zeros((m, len(READINGS)), np.float32)
        for j in range(m):
            cols = owner == j
            col = s[cols]
            f[j] = [col.max(), col.mean(), np.sort(col)[-2:].mean(), alike[i, j], sp[cols].max(), sq[cols].max(),
                    T[j] @ V[i], so[cols].max()]
        X.append(f)
        Y.append(np.asarray([e == t.objection for e in ids]))
    return X, Y


def _shipped(f: np.ndarray) -> np.ndarray:
    return 0.85 * f[:, 0] + 0.15 * f[:, 3]


def _right(X: list[np.ndarray], Y: list[np.ndarray], score: Any) -> int:
    return sum(int(y[score(f).argmax()]) for f, y in zip(X, Y, strict=True))


def _pairs(f: np.ndarray) -> np.ndarray:
    margin = np.stack([f[j] - np.delete(f, j, axis=0).max(axis=0) for j in range(len(f))])
    return np.hstack([f, margin])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True, help="the folder bench/accuracy.py ingested into")
    ap.add_argument("--c", type=float, action="append", help="the pairwise model's inverse regularisation "
                                                              "(repeatable; default 0.1, 1, 10)")
    args = ap.parse_args()
    from sklearn.linear_model import LogisticRegression

    data = {n: readings(Corpus(n, args.work)) for n in DEVELOPMENT}
    base = {n: _right(X, Y, _shipped) for n, (X, Y) in data.items()}
    print("labelled mentions whose entry the shipped score puts first:")
    print("  " + "  ".join(f"{n} {base[n]}/{len(Y)}" for n, (_, Y) in data.items()))

    def row(title: str, got: dict[str, int]) -> None:
        gain = {n: got[n] - base[n] for n in data}
        print(f"  {title:<28} " + " ".join(f"{n[:4]} {g:+d}" for n, g in gain.items())
              + f"   total {sum(gain.values()):+d}")

    print("blended with one reading, (1 - w) x shipped + w x reading; weight chosen on the other eight:")
    for k, name in enumerate(READINGS):
        if name in ("max", "concern"):
            continue
        table = {w: {n: _right(X, Y, lambda f, w=w, k=k: (1 - w) * _shipped(f) + w * f[:, k])
                     for n, (X, Y) in data.items()} for w in WEIGHTS}
        chosen = {}
        for n in data:
            # The weight that does best on the other eight corpora (the smallest of equals).
            others = {w: sum(table[w][o] for o in data if o != n) for w in WEIGHTS}
            chosen[n] = min(w for w in WEIGHTS if others[w] == max(others.values()))
        row(name, {n: table[chosen[n]][n] for n in data})
    print("pairwise model (eight readings and their margins), fitted on the other eight corpora:")
    for C in args.c or [0.1, 1.0, 10.0]:
        got = {}
        for n, (X, Y) in data.items():
            Xtr = np.vstack([_pairs(f) for o, (Xo, _) in data.items() if o != n for f in Xo])
            Ytr = np.concatenate([y for o, (_, Yo) in data.items() if o != n for y in Yo])
            mu, sd = Xtr.mean(axis=0), Xtr.std(axis=0) + 1e-6
            model = LogisticRegression(C=C, max_iter=2000).fit((Xtr - mu) / sd, Ytr)

            def fitted(f: np.ndarray, model: Any = model, mu: np.ndarray = mu, sd: np.ndarray = sd) -> np.ndarray:
                return np.asarray(model.decision_function((_pairs(f) - mu) / sd))

            got[n] = _right(X, Y, fitted)
        row(f"C={C}", got)


if __name__ == "__main__":
    main()
