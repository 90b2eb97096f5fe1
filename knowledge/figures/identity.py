"""Whether two compatible figures state one measure: a small logistic model over pair features.

The similarity score (:mod:`.neighbours`) reads the words around two figures as a whole. A
registered measure misstated in other words ("you get your money back in about four months"
against a median payback of 9 months, "errors down by like forty percent" against a 28% error
reduction) often scores under ``CONFLICT``, because the sentence around the figure speaks of much
else; yet the words that name the measure ("money back", "errors") are there. The model weighs
that evidence with the score: how much of the target's own measure words the figure's sentence
says (and how much of the figure's clause they cover), how much of the metric's id its clause
says, the two cosines, whether one customer is
named on both sides, how far apart the values are, whether the figure is hedged, and where it is
said. It is asked only of registered metrics, only for figures of drafts and calls, and only for
figures the thresholds leave unbacked.

Its weights are fitted by ``bench/train_identity.py`` on pairs read off the development corpora's
labels (``bench/measure_pairs.py``) and hand-written pairs across many industries
(``tests/data/matching/identity_pairs.yaml``), and kept in ``identity_model.json`` with their
provenance. Only pairs the hard gates of :func:`.decide._compatible` let through reach it.
"""

from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .reading import LEXICAL_DIM, _clause, content_terms

if TYPE_CHECKING:
    import numpy as np

    from .figure import Figure
    from .neighbours import FigureSet

MODEL = Path(__file__).with_name("identity_model.json")

FEATURES = ("score", "lexical", "measure_words", "measure_words_clause", "clause_covered", "same_customer",
            "magnitude_gap", "hedged", "call", "draft", "id_words")


def similarities(q: FigureSet, t: FigureSet, reps: tuple[np.ndarray, np.ndarray], metrics: int) -> np.ndarray:
    """Every query figure against every target, as the pipeline scores them: a metric (the first
    ``metrics`` targets) scores the best of its name and the sentences of its entry that state it."""
    import numpy as np

    sims = q.vectors @ t.vectors.T
    vectors, of = reps
    if len(vectors):
        rs = q.vectors @ vectors.T
        for col, k in enumerate(of.tolist()):
            if k < metrics:
                sims[:, k] = np.maximum(sims[:, k], rs[:, col])
    return np.asarray(sims, dtype=np.float64)


_ID_SPLIT = re.compile(r"[-_/.]+")


def measure_words(f: Figure) -> frozenset[str]:
    """The words that name what a figure measures: a metric's entry title, name and id; a
    statement's clause."""
    if f.origin == "metric":
        return metric_words(f.context, f.metric.id if f.metric is not None else "")
    return _terms(_clause(f.context))


def metric_words(context: str, metric_id: str) -> frozenset[str]:
    """A metric's measure words from what it is embedded as ("title: name") and its id."""
    return _terms(f"{context} {_ID_SPLIT.sub(' ', metric_id)}")


def word_features(query_context: str, target: frozenset[str], weights: Weights | None = None,
                  own_name: frozenset[str] = frozenset()) -> tuple[float, float, float]:
    """How much of a target's measure words the query's context says, and its clause; and how much
    of the clause's own words the target's words cover ("reduces total delivery costs" says "cost"
    of a fuel-cost reduction, and "total delivery" of another measure). Words weigh their IDF over
    the KB's metrics; the company's own name (``own_name``) is no measure word."""
    clause = _clause(query_context)
    own = _terms(clause) - _not_measure() - own_name
    covered = _mass(own & target, weights) / _mass(own, weights) if own else 0.0
    return overlap(query_context, target, weights), overlap(clause, target, weights), covered


def id_words(query_context: str, metric_id: str, weights: Weights | None = None,
             own_name: frozenset[str] = frozenset()) -> float:
    """How much of a metric's id the query's clause says (weighted by ``weights``). An id is the
    measure's shortest name, kept by whoever registered it ("late-load-share",
    "median-go-live-weeks", "roster-hours-saved"): where the entry's title and the metric's long
    name dilute the words a figure shares with it ("the median changeover is now nine minutes"
    says one word of "Changeover time: median minutes a line stands idle between the last good
    part of one order and the first of the next"), its id does not.

    An id left with one measure word once units, periods and the words of a change are set aside
    ("no-show-reduction": "show") says no more than that word, which any clause about the subject
    says ("front desk time on no-shows"): it weighs half. A period the id names ("q3-arr-growth")
    must agree with one the clause names: "Q4 ARR growth" is another quarter's measure."""
    said_periods = {m.group(0).lower().replace(" ", "") for m in _PERIOD.finditer(_clause(query_context))}
    id_periods = {m.group(0).lower() for m in _PERIOD.finditer(_ID_SPLIT.sub(" ", metric_id))}
    if id_periods and said_periods and not id_periods & said_periods:
        return 0.0
    words = _terms(_ID_SPLIT.sub(" ", _PERIOD.sub(" ", metric_id))) - _not_measure() - own_name
    if not words:
        return 0.0
    said = _terms(_clause(query_context))
    return _mass(words & said, weights) / _mass(words, weights) * (ONE_WORD_ID if len(words) < 2 else 1.0)


# the weight of an id left with one measure word: it may name the measure ("median-payback-months":
# "payback") or only its subject ("no-show-reduction": "show"), and says no more than the entry's
# title and the metric's name already do
ONE_WORD_ID = 0.5


# a named period: a quarter, a half, a fiscal year, a calendar year ("q3", "H1", "FY25", "2026")
_PERIOD = re.compile(r"\b(?:q[1-4]|h[12]|fy\s?\d{2}(?:\d{2})?|(?:19|20)\d\d)\b", re.I)


@functools.lru_cache(maxsize=1 << 14)
def _terms(text: str) -> frozenset[str]:
    return frozenset(content_terms(text))


# words that say how a figure is summarised, bounded or which way it moved, not what it measures
# ("fuel cost reduction" and "reduces total delivery costs" share "reduc" and "cost": only "cost"
# says a measure)
_NOT_MEASURE_WORDS = ("customer customers client clients company companies month months week weeks day days year "
                      "years hour hours minute minutes percent per cent rate share "
                      # the same, as ids abbreviate them ("churn-pct", "tco-3yr", "api-p50-ms"), and
                      # currencies and counting, which say the unit, not the measure
                      "pct yr yrs wk wks mo mos hr hrs min mins sec secs ms usd eur gbp count")


@functools.lru_cache(maxsize=1)
def _not_measure() -> frozenset[str]:
    from knowledge.text import lexicon

    return frozenset(content_terms(" ".join([_NOT_MEASURE_WORDS, *lexicon("share_change")])))


Weights = dict[str, float]


def metric_weights(t: FigureSet) -> Weights:
    """IDF of measure words over the registered metrics of ``t``: a word most metrics share (the
    product's domain, "payroll" at a payroll company) says little of which measure is meant."""
    cached: Weights | None = getattr(t, "_measure_idf", None)
    if cached is not None:
        return cached
    df: dict[str, int] = {}
    n = 0
    own = frozenset(content_terms(" ".join(t.own_name))) if t.own_name else frozenset()
    for f in t.figures:
        if f.origin == "metric":
            n += 1
            for w in measure_words(f) - _not_measure() - own:
                df[w] = df.get(w, 0) + 1
    weights = {w: math.log((n + 1) / (d + 1)) + 1.0 for w, d in df.items()}
    weights[""] = math.log(n + 1) + 1.0  # a word no metric has
    t._measure_idf = weights  # type: ignore[attr-defined]
    return weights


def _mass(words: frozenset[str], weights: Weights | None) -> float:
    if weights is None:
        return float(len(words))
    unseen = weights.get("", 1.0)
    return sum(weights.get(w, unseen) for w in words)


def overlap(query_text: str, target: frozenset[str], weights: Weights | None = None) -> float:
    """The share of ``target``'s measure words (weighted by ``weights``) that ``query_text`` says."""
    words = target - _not_measure()
    if not words:
        return 0.0
    said = _terms(query_text)
    return _mass(words & said, weights) / _mass(words, weights)


def pair_features(q: FigureSet, qi: np.ndarray, t: FigureSet, ti: np.ndarray, s: np.ndarray, *,
                  side: str) -> np.ndarray:
    """One row of :data:`FEATURES` per pair (``s``: the pairs' similarity scores)."""
    import numpy as np

    n = len(qi)
    out = np.zeros((n, len(FEATURES)), dtype=np.float64)
    if not n:
        return out
    dim = q.vectors.shape[1]
    out[:, 0] = s
    if dim > LEXICAL_DIM and t.vectors.shape[1] == dim:
        lex = q.vectors[qi, dim - LEXICAL_DIM:] * t.vectors[ti, dim - LEXICAL_DIM:]
        out[:, 1] = 2.0 * lex.sum(axis=1)  # each half is scaled by sqrt(0.5)
    weights = metric_weights(t)
    own = frozenset(content_terms(" ".join(t.own_name))) if t.own_name else frozenset()
    for k, (a, b) in enumerate(zip(qi.tolist(), ti.tolist(), strict=True)):
        f, g = q.figures[a], t.figures[b]
        out[k, 2], out[k, 3], out[k, 4] = word_features(f.context, measure_words(g) - own, weights, own)
        out[k, 10] = id_words(f.context, g.metric.id if g.metric is not None else "", weights, own)
    out[:, 5] = (q.entity[qi] > 0) & (q.entity[qi] == t.entity[ti])
    a, b = np.maximum(q.magnitude[qi], 1e-9), np.maximum(t.magnitude[ti], 1e-9)
    out[:, 6] = np.minimum(np.abs(np.log10(a / b)), 2.0)
    out[:, 7] = ~q.exact[qi]
    out[:, 8] = side == "call"
    out[:, 9] = side == "draft"
    return out


# Where the model decides: what a writer or a rep says (a draft or a call; they share one
# threshold). Figures of the KB's own entries are left to the thresholds: held out by corpus, the
# model's KB threshold found no misstatement and reported one industry statistic of a press
# release as a misstated metric (bench/ACCURACY.md, "Measure identity, sixth round")
# (``bench/identity_loco.py --kb`` measures it there too: "Measure identity, tenth round").
SIDES = {"draft": "said", "call": "said"}

Model = tuple["np.ndarray", float, dict[str, float]]


@functools.lru_cache(maxsize=1)
def _weights() -> Model | None:
    import numpy as np

    if not MODEL.is_file():
        return None
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    if list(data["features"]) != list(FEATURES):
        return None
    return (np.asarray(data["coef"], dtype=np.float64), float(data["intercept"]),
            {k: float(v) for k, v in data["threshold"].items()})


def probability(features: np.ndarray, weights: Model | None = None) -> np.ndarray:
    """P(one measure) per row of ``features``; zeros when no model is kept."""
    import numpy as np

    w = weights if weights is not None else _weights()
    if w is None or not len(features):
        return np.zeros(len(features), dtype=np.float64)
    coef, intercept, _ = w
    z = features @ coef + intercept
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))), dtype=np.float64)


def threshold(side: str) -> float:
    """The probability from which a disagreeing pair is read as one measure misstated, for a
    figure said in a draft or a call; infinite for a figure of an entry, or when no model is kept."""
    w = _weights()
    if w is None:
        return math.inf
    return w[2].get(SIDES.get(side, side), math.inf)
