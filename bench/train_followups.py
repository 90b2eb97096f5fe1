"""Follow-ups (``knowledge/objections/followups.py``) on the labelled corpora: the elliptical rule,
and the dialogue-feature model (:class:`~knowledge.objections.followups.FollowUpModel`), judged
leave-one-corpus-out on the development corpora of ``bench/objection_sweep.py``.

Rows are (features, label) pairs: the written snippets of ``data/followups.tsv`` (an objection,
the seller's reply, the prospect's next turn) and, for each corpus, every short follow-up
candidate that step 2's mentions give (labelled 1 when the turn lies in a labelled objection turn).
The corpora must have been ingested by ``bench/accuracy.py`` into ``--work``.

For each corpus the model is fitted on the snippets and the other corpora, and its threshold is
chosen on those corpora (:func:`threshold`); by candidate, a hit is a labelled turn gained and a
positive on an unlabelled turn a new stray. ``--analysis`` scores each corpus through the whole
analysis with its held-out model against the analysis without one (the counts of
``bench/ACCURACY.md``'s rule: turns found, false mentions, hits filed wrong, coverage decided right,
gap findings right and false). ``--save`` writes the model fitted on every corpus.

    python bench/train_followups.py --work /tmp/acc [--show]
    python bench/train_followups.py --work /tmp/acc --analysis
    python bench/train_followups.py --work /tmp/acc --save knowledge/objections/data/followups_model.json

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from bench.objection_sweep import DEVELOPMENT, Corpus  # noqa: E402
from knowledge.objections.followups import (  # noqa: E402
    FEATURES,
    LIKELY,
    FollowUpModel,
    _turn_words,
    dialogue_features,
    follow_up_candidates,
    load_snippets,
    objection_probability,
)
from tests.scoring import find_mention, labelled_mentions, match_findings, match_mentions  # noqa: E402

L2 = 1.0
GRID = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))  # thresholds tried, least first
STRAYS = 0  # a training corpus may gain no new stray at the chosen threshold


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


def threshold(coef: np.ndarray, b: float, corpora: list[Rows]) -> float:
    """The least value of :data:`GRID` at which no training corpus gains more than :data:`STRAYS`
    strays among its candidates the elliptical rule does not already take (what the model adds);
    above 1 (nothing taken) when none does."""
    for t in GRID:
        if all(int(((_p(r.X, coef, b) >= t) & ~_rule(r.X) & (r.y == 0)).sum()) <= STRAYS for r in corpora):
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


def held_out(snippets: Rows, corp: dict[str, Rows], name: str) -> FollowUpModel:
    """The model and threshold fitted without corpus ``name``."""
    others = [r for o, r in corp.items() if o != name]
    coef, b = fit(np.vstack([snippets.X] + [r.X for r in others]), np.concatenate([snippets.y] + [r.y for r in others]))
    return FollowUpModel(tuple(float(w) for w in coef), b, threshold(coef, b, others))


def counts(corpus: Corpus, model: FollowUpModel | None) -> dict[str, int]:
    """The counts the rule reads, from the whole analysis of ``corpus`` with ``model`` (None: the
    elliptical rule alone): labelled turns found, false mentions, hits filed right and wrong,
    coverage decided right, gap findings right and false."""
    from knowledge.objections import analyze
    from knowledge.rules.objection_gap import ObjectionGap
    from tests.scoring import score_objections

    off = FollowUpModel((0.0,) * len(FEATURES), 0.0, 2.0)  # takes nothing: the rule alone
    a = analyze(corpus.calls, corpus.entries, corpus.vectors, chunks=corpus.chunks, prototypes=corpus.prototypes,
                follow_up_model=model or off)
    result = a.to_dict(min_calls=1)
    gaps = [ObjectionGap()._finding(o).to_dict() for o in a.objections if not o.covered and o.mentions]
    labelled = labelled_mentions(corpus.labels)
    predicted = [(o, m) for o in result["objections"] for m in o["mentions"]]
    match = match_mentions((m for _, m in predicted), labelled)
    owner = {id(m): o for o, m in predicted}
    right = sum(owner[id(m)]["id"] == t.objection or owner[id(m)]["id"] in t.alt or (t.new and not owner[id(m)]["known"])
                for m, t in match.hits)
    expected = [f for f in corpus.labels["audit"]["expected"] if f["rule"] == "objection-gap"]
    gap = match_findings(gaps, expected, rules=["objection-gap"], mentions=labelled)
    figures = score_objections(result, gaps, corpus.labels)
    coverage = round(float(figures["coverage accuracy"] or 0) * len(corpus.labels["objections"]["coverage"]))
    return {"found": len(match.found), "required": len(match.required),
            "false": sum(1 for _, t in match.pairs if t is None), "right": right, "wrong": len(match.hits) - right,
            "coverage": coverage, "gaps": len(gap.hits), "false gaps": len(gap.findings) - len(gap.hits)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True, help="bench/accuracy.py's work folder")
    ap.add_argument("--corpus", action="append", choices=DEVELOPMENT, help="only these (repeatable)")
    ap.add_argument("--show", action="store_true", help="list each corpus's candidates the model takes")
    ap.add_argument("--analysis", action="store_true", help="each corpus through the whole analysis, held out")
    ap.add_argument("--save", type=Path, help="write the model fitted on every corpus here")
    args = ap.parse_args()

    from knowledge.embedding import get_embedder

    emb = get_embedder("query")
    snippets = snippet_rows(lambda texts: np.asarray(emb.embed(texts), dtype=np.float32))
    corpora = {n: Corpus(n, args.work) for n in (args.corpus or DEVELOPMENT)}
    corp = {n: corpus_rows(c) for n, c in corpora.items()}
    print(f"snippets: {len(snippets.y)} rows, {int(snippets.y.sum())} follow-ups")
    print("by candidate, leave one corpus out (rule: the elliptical rule; model: what the model adds to it):")
    for name, r in corp.items():
        m = held_out(snippets, corp, name)
        rule, take = _rule(r.X), _p(r.X, np.asarray(m.coef), m.bias) >= m.threshold
        add = take & ~rule
        print(f"  {name:<12} {len(r.y)} candidates, {int(r.y.sum())} labelled; rule {int((rule & (r.y == 1)).sum())} "
              f"hits {int((rule & (r.y == 0)).sum())} strays; threshold {m.threshold:.2f}: model adds "
              f"{int((add & (r.y == 1)).sum())} hits, {int((add & (r.y == 0)).sum())} strays", flush=True)
        if args.show:
            for i in np.flatnonzero(add):
                print(f"      {'L' if r.y[i] else '-'} {r.what[i]}")
    if args.analysis:
        print("through the whole analysis, held out (before -> after):")
        for name, c in corpora.items():
            before, after = counts(c, None), counts(c, held_out(snippets, corp, name))
            print(f"  {name:<12} " + ", ".join(f"{k} {before[k]} -> {after[k]}" for k in before), flush=True)
    if args.save:
        coef, b = fit(np.vstack([snippets.X] + [r.X for r in corp.values()]),
                      np.concatenate([snippets.y] + [r.y for r in corp.values()]))
        model = FollowUpModel(tuple(float(w) for w in coef), b, threshold(coef, b, list(corp.values())))
        args.save.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.save}: threshold {model.threshold:.2f}")


if __name__ == "__main__":
    main()
