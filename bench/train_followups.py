"""Follow-ups (``knowledge/objections/followups.py``) on the labelled corpora, and the dialogue-feature
model tried instead of its rule, judged leave-one-corpus-out.

The rule (an elliptical turn the trained detector takes for an objection) is scored per corpus. For
the model, rows are (features, label) pairs: the written snippets of ``data/followups.tsv`` (an objection,
the seller's reply, the prospect's next turn) and, for each labelled development corpus, every
follow-up candidate that step 2's mentions give (labelled 1 when the turn is a labelled objection
turn). The corpora must have been ingested by ``bench/accuracy.py`` into ``--work``.

    python bench/train_followups.py --work /tmp/acc          # the rule, and the model's LOSO table
    python bench/train_followups.py --work /tmp/acc --show   # and each candidate

For each corpus, the model trained on the snippets and the other corpora decides its candidates:
a hit is a labelled turn gained (recall), a miss of the threshold costs nothing, a positive on an
unlabelled turn is a new stray (precision). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from knowledge.objections.followups import (  # noqa: E402
    LIKELY,
    _turn_words,
    follow_up_candidates,
    load_snippets,
    objection_probability,
)
from knowledge.objections.prefilter import _NUMBER, acknowledges, clean, cue_score, elliptical  # noqa: E402
from tests.scoring import find_mention, labelled_mentions, load_corpus  # noqa: E402

# A question challenging what the seller just claimed: who/how/what-if about a figure or a promise.
# Measured here as a follow-up signal and alone; detection does not use it.
_WH_QUESTION = re.compile(r"(?:^|[,.;:?!]\s*)(?:\w+,? )?(?:who|how|what|where|which|why|says who|based on)\b[^.?!]*\?",
                          re.I)
_CLAIM = re.compile(r"\b(?:percent|guarantee\w*|promise\w*|always|never|every|all of|within|less than|"
                    r"more than|up to|at least)\b", re.I)


def challenges(text: str, reply: str) -> bool:
    """A who/how/what question about a figure or a promise the seller's ``reply`` made."""
    return bool(_WH_QUESTION.search(clean(text))) and bool(_CLAIM.search(reply) or _NUMBER.search(reply))

CORPORA = {
    "northwind": REPO.parent / "shared" / "corpora" / "northwind",
    "examples": REPO / "examples",
    "quayside": REPO / "tests" / "data" / "corpora" / "quayside",
    "inkberry": REPO / "tests" / "data" / "corpora" / "inkberry",
    "hoistley": REPO / "tests" / "data" / "corpora" / "hoistley",
}
FEATURES = ("closeness", "words", "question", "elliptical", "ack", "reply_words", "cues", "negation",
            "second_back", "challenge", "detector")
_NEGATION = re.compile(r"\b(?:not|no|never|can't|cannot|won't|don't|doesn't|isn't|aren't|nobody|nothing)\b", re.I)
L2 = 1.0
THRESHOLD = 0.5


def features(text: str, vec: np.ndarray, anchor: np.ndarray, reply: str, back: int) -> np.ndarray:
    """The dialogue features of a candidate (``text``, embedding ``vec``) of a mention (sentence
    vector ``anchor``) after the seller's ``reply``; ``back``: 1 or 2 of the speaker's turns back."""
    c = clean(text)
    return np.asarray([
        float(vec @ anchor), min(len(c.split()), 30) / 30, float("?" in text), float(elliptical(text)),
        float(acknowledges(reply)), min(len(clean(reply).split()), 40) / 40, min(cue_score(text), 2.0) / 2,
        float(bool(_NEGATION.search(c))), float(back == 2), float(challenges(text, reply)),
        float(objection_probability([text], vec[None, :])[0]),
    ], dtype=np.float32)


def carries_on(text: str, reply: str) -> bool:
    return elliptical(text) or challenges(text, reply)


def fit(X: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """Logistic regression, L2 on the weights (Newton steps). Classes are not balanced: calls hold
    far fewer follow-ups than other short turns after an objection, and a stray costs more than a
    miss, so the prior the rows carry is kept."""
    n, d = X.shape
    w_s = np.ones(n)
    A = np.hstack([X, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    reg = np.full(d + 1, l2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(A @ beta)))
        g = A.T @ (w_s * (p - y)) + reg * beta
        H = (A * (w_s * p * (1 - p))[:, None]).T @ A + np.diag(reg) + 1e-6 * np.eye(d + 1)
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def threshold(coef: np.ndarray, b: float, corpora: list[tuple[np.ndarray, np.ndarray, list[str]]]) -> float:
    """Precision first: at least :data:`THRESHOLD`, and above every unlabelled candidate of the
    corpora the model was trained with (a stray there is what the check must never add)."""
    top = THRESHOLD
    for X, y, _ in corpora:
        if len(y) and (y == 0).any():
            p = 1 / (1 + np.exp(-(X[y == 0] @ coef + b)))
            top = max(top, float(p.max()) + 0.01)
    return top


def snippet_rows(embed, every: bool = False) -> tuple[np.ndarray, np.ndarray, list[str]]:
    rows = load_snippets()
    V = embed([r["objection"] for r in rows] + [r["next"] for r in rows])
    n = len(rows)
    X = np.stack([features(r["next"], V[n + i], V[i], r["reply"], 1) for i, r in enumerate(rows)])
    y = np.asarray([int(r["label"]) for r in rows], dtype=float)
    # The model judges only what passes the gate, so it learns only from such rows.
    keep = np.asarray([every or carries_on(r["next"], r["reply"]) for r in rows], dtype=bool)
    return X[keep], y[keep], [r["industry"] for r, k in zip(rows, keep, strict=True) if k]


def corpus_rows(name: str, work: Path, every: bool = False) -> tuple[np.ndarray, np.ndarray, list[str]]:
    from knowledge.indexed import Vectors, load_indexed_calls, load_indexed_kb
    from knowledge.objections import analyze
    from knowledge.objections.detect import _prototype_vectors
    from knowledge.objections.verdicts import load_verdicts
    from knowledge.settings import load_settings
    from knowledge.store import open_catalog

    settings = load_settings(work / name / "kb", environ={})
    catalog = open_catalog(settings)
    try:
        kb = load_indexed_kb(settings, catalog)
        calls, _ = load_indexed_calls(settings, catalog)
        vecs = Vectors(settings, None, catalog)
        chunks = [c for c in catalog.chunks() if c.kind in ("example", "title", "section")]
        a = analyze(calls, kb.entries, vecs, chunks=chunks, prototypes=_prototype_vectors(vecs),
                    verdicts=load_verdicts(settings.root), follow_ups=False)
        cands = follow_up_candidates(calls, a.detected, elliptical_only=False)
        V = np.asarray(vecs([_turn_words(c.call, c.turn) for c in cands]), dtype=np.float32)
    finally:
        catalog.close()
    labelled = labelled_mentions(load_corpus(CORPORA[name]).labels)
    X, y, what, gate = [], [], [], []
    for i, c in enumerate(cands):
        t = c.call.turns[c.turn]
        line = t.sentences[0].line if t.sentences else t.line
        X.append(features(t.text, V[i], c.anchor.sentence_vector, c.reply, c.back))
        y.append(float(find_mention(labelled, c.call.path, line) is not None))
        what.append(f"{c.call.path}:{line}  {t.text.strip()[:80]}")
        gate.append(every or carries_on(t.text, c.reply))
    keep = np.asarray(gate, dtype=bool)
    X_, y_ = (np.stack(X) if X else np.zeros((0, len(FEATURES)))), np.asarray(y)
    return X_[keep], y_[keep], [w for w, k in zip(what, gate, strict=True) if k]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, required=True, help="bench/accuracy.py's work folder")
    ap.add_argument("--show", action="store_true", help="list each corpus's candidates and decisions")
    ap.add_argument("--every", action="store_true",
                    help="train and judge the model on every short candidate, not only elliptical or challenging ones")
    args = ap.parse_args()

    from knowledge.embedding import get_embedder

    emb = get_embedder("query")
    Xs, ys, _ = snippet_rows(lambda texts: np.asarray(emb.embed(texts), dtype=np.float32), args.every)
    corp = {name: corpus_rows(name, args.work, args.every) for name in CORPORA if (CORPORA[name]).is_dir()}
    print(f"snippets{'' if args.every else ' (elliptical or a challenge)'}: {len(ys)} rows, {int(ys.sum())} follow-ups")
    print(f"\nthe rule (elliptical, detector >= {LIKELY}):")
    for name, (X, y, what) in corp.items():
        pick = (X[:, 3] == 1) & (X[:, -1] >= LIKELY) if len(y) else np.zeros(0, dtype=bool)
        print(f"  {name}: gained {int((pick & (y == 1)).sum())} of {int(y.sum())}, strays {int((pick & (y == 0)).sum())}")
        if args.show:
            for i in np.flatnonzero(pick):
                print(f"      {'L' if y[i] else '-'} {what[i]}")
    for name, (_, y, _) in corp.items():
        print(f"{name}: {len(y)} candidates, {int(y.sum())} labelled")

    print("\nthe dialogue model, leave one corpus out (trained on the snippets and the other corpora):")
    for name, (X, y, what) in corp.items():
        others = [corp[o] for o in corp if o != name]
        Xt = np.vstack([Xs] + [o[0] for o in others])
        yt = np.concatenate([ys] + [o[1] for o in others])
        coef, b = fit(Xt, yt)
        thr = threshold(coef, b, others)
        p = 1 / (1 + np.exp(-(X @ coef + b))) if len(y) else np.zeros(0)
        pick = p >= thr
        print(f"  {name}: threshold {thr:.2f} (from the other corpora)")
        print(f"  {name}: kept {int(pick.sum())}, labelled turns gained {int((pick & (y == 1)).sum())} "
              f"of {int(y.sum())}, new strays {int((pick & (y == 0)).sum())}")
        if args.show:
            for i in np.argsort(-p):
                print(f"      {p[i]:.2f} {'L' if y[i] else '-'} {what[i]}  " + " ".join(f"{v:.2f}" for v in X[i]))
    coef, b = fit(Xs, ys)
    print("\nsnippets only:")
    for name, (X, y, _) in corp.items():
        pick = (1 / (1 + np.exp(-(X @ coef + b))) >= THRESHOLD) if len(y) else np.zeros(0, dtype=bool)
        print(f"  {name}: gained {int((pick & (y == 1)).sum())} of {int(y.sum())}, strays {int((pick & (y == 0)).sum())}")

if __name__ == "__main__":
    main()
