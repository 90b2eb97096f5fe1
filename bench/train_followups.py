"""Follow-ups (``knowledge/objections/followups.py``) on the labelled corpora: the elliptical rule,
and a dialogue-feature model beside it, judged leave-one-corpus-out on the development corpora of
``bench/objection_sweep.py`` by candidate.

Rows are (features, label) pairs: the written snippets of ``data/followups.tsv`` (an objection,
the seller's reply, the prospect's next turn) and, for each corpus, every short follow-up
candidate that step 2's mentions give (labelled 1 when the turn lies in a labelled objection turn).
The corpora must have been ingested by ``bench/accuracy.py`` into ``--work``.

For each corpus the model is fitted on the snippets and the other corpora, and its threshold is
chosen on those corpora (:func:`threshold`); a hit is a labelled turn the model adds to what the
rule takes, a positive on an unlabelled turn a new stray. The model is not in the analysis: its
two tries through the whole analysis (``bench/ACCURACY.md``, "Objection recall, thirteenth
round") failed their rule; the code that ran them is commit c3d9988 of this file's history
(``--analysis``), taken out after.

    python bench/train_followups.py --work /tmp/acc [--show] [--strays 1]

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from bench.objection_sweep import DEVELOPMENT, Corpus  # noqa: E402
from knowledge.objections.followups import (  # noqa: E402
    LIKELY,
    _turn_words,
    follow_up_candidates,
    load_snippets,
    objection_probability,
)
from knowledge.objections.prefilter import _NUMBER, acknowledges, clean, cue_score, elliptical  # noqa: E402
from tests.scoring import find_mention, labelled_mentions  # noqa: E402

# A question challenging what the seller just claimed: who/how/what-if about a figure or a promise.
_WH_QUESTION = re.compile(r"(?:^|[,.;:?!]\s*)(?:\w+,? )?(?:who|how|what|where|which|why|says who|based on)\b[^.?!]*\?",
                          re.I)
_CLAIM = re.compile(r"\b(?:percent|guarantee\w*|promise\w*|always|never|every|all of|within|less than|"
                    r"more than|up to|at least)\b", re.I)
_NEGATION = re.compile(r"\b(?:not|no|never|can't|cannot|won't|don't|doesn't|isn't|aren't|nobody|nothing)\b", re.I)
FEATURES = ("closeness", "words", "question", "elliptical", "ack", "reply_words", "cues", "negation",
            "second_back", "challenge", "detector")

L2 = 1.0
GRID = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))  # thresholds tried, least first
STRAYS = 0  # a training corpus may gain no new stray at the chosen threshold (the second try; 1 the first)


def challenges(text: str, reply: str) -> bool:
    """A who/how/what question about a figure or a promise the seller's ``reply`` made."""
    return bool(_WH_QUESTION.search(clean(text))) and bool(_CLAIM.search(reply) or _NUMBER.search(reply))


def dialogue_features(text: str, vec: np.ndarray, anchor: np.ndarray, reply: str, back: int,
                      detector: float) -> np.ndarray:
    """:data:`FEATURES` of a candidate turn (``text``, embedding ``vec``) carrying on a mention
    (sentence vector ``anchor``) after the seller's ``reply``, ``back`` of the speaker's turns on;
    ``detector`` is the trained detector's probability for the whole turn."""
    c = clean(text)
    return np.asarray([
        float(vec @ anchor), min(len(c.split()), 30) / 30, float("?" in text), float(elliptical(text)),
        float(acknowledges(reply)), min(len(clean(reply).split()), 40) / 40, min(cue_score(text), 2.0) / 2,
        float(bool(_NEGATION.search(c))), float(back == 2), float(challenges(text, reply)), float(detector),
    ], dtype=np.float32)


@dataclass(frozen=True)
class Model:
    """Logistic regression weights over :data:`FEATURES` and the threshold a candidate must reach."""

    coef: np.ndarray
    bias: float
    threshold: float


@dataclass
class Rows:
    """One source's candidates: features, labels (1: in a labelled objection turn), what they say."""

    X: np.ndarray
    y: np.ndarray
    what: list[str]


def fit(X: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """Logistic regression, L2 on the weights (Newton steps). Classes are not balanced: calls hold
    far fewer follow-ups than other short turns after an objection, and a stray costs more than a
    miss, so the prior the rows carry is kept."""
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    reg = np.full(d + 1, l2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(A @ beta)))
        g = A.T @ (p - y) + reg * beta
        H = (A * (p * (1 - p))[:, None]).T @ A + np.diag(reg) + 1e-6 * np.eye(d + 1)
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def threshold(coef: np.ndarray, b: float, corpora: list[Rows], strays: int = STRAYS) -> float:
    """The least value of :data:`GRID` at which no training corpus gains more than ``strays``
    strays among its candidates the elliptical rule does not already take (what the model adds);
    above 1 (nothing taken) when none does."""
    for t in GRID:
        if all(int(((_p(r.X, coef, b) >= t) & ~_rule(r.X) & (r.y == 0)).sum()) <= strays for r in corpora):
            return t
    return 2.0


def _p(X: np.ndarray, coef: np.ndarray, b: float) -> np.ndarray:
    return 1 / (1 + np.exp(-(X @ coef + b))) if len(X) else np.zeros(0)


def _rule(X: np.ndarray) -> np.ndarray:
    """What the shipped rule takes: elliptical, the detector at :data:`LIKELY`."""
    i, j = FEATURES.index("elliptical"), FEATURES.index("detector")
    return (X[:, i] == 1) & (X[:, j] >= LIKELY) if len(X) else np.zeros(0, dtype=bool)


def snippet_rows(embed: Any) -> Rows:
    rows = load_snippets()
    V = embed([r["objection"] for r in rows] + [r["next"] for r in rows])
    n = len(rows)
    p = objection_probability([r["next"] for r in rows], V[n:])
    X = np.stack([dialogue_features(r["next"], V[n + i], V[i], r["reply"], 1, float(p[i])) for i, r in enumerate(rows)])
    return Rows(X, np.asarray([int(r["label"]) for r in rows], dtype=float), [r["next"] for r in rows])


def corpus_rows(corpus: Corpus) -> Rows:
    """Every short candidate of ``corpus`` after step 2's mentions (follow-ups left out)."""
    from knowledge.objections import analyze

    a = analyze(corpus.calls, corpus.entries, corpus.vectors, chunks=corpus.chunks, prototypes=corpus.prototypes,
                follow_ups=False)
    cands = follow_up_candidates(corpus.calls, a.detected, elliptical_only=False)
    labelled = labelled_mentions(corpus.labels)
    if not cands:
        return Rows(np.zeros((0, len(FEATURES))), np.zeros(0), [])
    V = np.asarray(corpus.vectors([_turn_words(c.call, c.turn) for c in cands]), dtype=np.float32)
    texts = [c.call.turns[c.turn].text for c in cands]
    p = objection_probability(texts, V)
    X, y, what = [], [], []
    for i, c in enumerate(cands):
        t = c.call.turns[c.turn]
        line = t.sentences[0].line if t.sentences else t.line
        X.append(dialogue_features(texts[i], V[i], c.anchor.sentence_vector, c.reply, c.back, float(p[i])))
        y.append(float(find_mention(labelled, c.call.path, line) is not None))
        what.append(f"{c.call.path}:{line}  {t.text.strip()[:90]}")
    return Rows(np.stack(X), np.asarray(y), what)


def held_out(snippets: Rows, corp: dict[str, Rows], name: str, strays: int = STRAYS) -> Model:
    """The model and threshold fitted without corpus ``name``."""
    others = [r for o, r in corp.items() if o != name]
    coef, b = fit(np.vstack([snippets.X] + [r.X for r in others]), np.concatenate([snippets.y] + [r.y for r in others]))
    return Model(coef, b, threshold(coef, b, others, strays))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True, help="bench/accuracy.py's work folder")
    ap.add_argument("--corpus", action="append", choices=DEVELOPMENT, help="only these (repeatable)")
    ap.add_argument("--show", action="store_true", help="list each corpus's candidates the model adds")
    ap.add_argument("--strays", type=int, default=STRAYS, help="strays a training corpus may gain at the threshold")
    args = ap.parse_args()

    from knowledge.embedding import get_embedder

    emb = get_embedder("query")
    snippets = snippet_rows(lambda texts: np.asarray(emb.embed(texts), dtype=np.float32))
    corp = {n: corpus_rows(Corpus(n, args.work)) for n in (args.corpus or DEVELOPMENT)}
    print(f"snippets: {len(snippets.y)} rows, {int(snippets.y.sum())} follow-ups")
    print("by candidate, leave one corpus out (rule: the elliptical rule; model: what the model adds to it):")
    for name, r in corp.items():
        m = held_out(snippets, corp, name, args.strays)
        rule, take = _rule(r.X), _p(r.X, m.coef, m.bias) >= m.threshold
        add = take & ~rule
        print(f"  {name:<12} {len(r.y)} candidates, {int(r.y.sum())} labelled; rule {int((rule & (r.y == 1)).sum())} "
              f"hits {int((rule & (r.y == 0)).sum())} strays; threshold {m.threshold:.2f}: model adds "
              f"{int((add & (r.y == 1)).sum())} hits, {int((add & (r.y == 0)).sum())} strays", flush=True)
        if args.show:
            for i in np.flatnonzero(add):
                print(f"      {'L' if r.y[i] else '-'} {r.what[i]}")


if __name__ == "__main__":
    main()
