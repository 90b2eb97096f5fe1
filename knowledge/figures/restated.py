"""A registered metric said again in other words, with its very value.

Copy restates a metric in its own words: "Each gets back about 5.5 hours a week of admin" for a
registered "admin hours saved" of 5.5 hours a week. Such a sentence can score below what backing
needs, so :func:`knowledge.figures.decide.resolve` leaves it unbacked and the needs-a-source rules
report a figure the KB registers. Here a figure with no backer at all is linked to a metric when it
states the metric's very value (both ends equal in canonical units; a one-sided bound only with the
metric's own bound), of the same unit kind, currency and rate, passing every structural gate
(:func:`knowledge.figures.decide.compatible`), with a cosine of at least :data:`MIN_COSINE`, and its
clause says the metric's most telling measure word (of its name and id only, weighted by IDF over
the metrics' names and ids: a word every metric shares says nothing). An amount its clause says was spent,
paid or charged never restates a saving ("spends $40,000 on fuel cards" is not a $40,000 fuel
saving). A level never meets a rate: a sentence's period is too often a part of it ("in the first
half of the year").

The link is tagged (:attr:`knowledge.figures.decide.Match.restated`): it stops a needs-a-source
finding and nothing else. It wins no vote between statements and is never named as a conflict's
approved side (bench/ACCURACY.md, "A right restatement of a registered metric is backed by it",
narrowed after review)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .decide import Match, Resolution, compatible
from .figure import value_range
from .identity import metric_words, not_measure
from .retired import clause_words

if TYPE_CHECKING:
    from .figure import Figure
    from .neighbours import FigureSet

# the least cosine between a figure and a metric it restates, set before measuring: a restatement
# shares its measure's words; a coincidence of value and one word scores near zero
MIN_COSINE = 0.2

# an amount paid out, not saved
_SPEND = re.compile(r"\b(?:spend|spends|spent|spending|pay|pays|paid|paying|charge|charges|charged|fee|fees|"
                    r"premium|premiums|insurance|price|prices|priced|costs? them)\b", re.I)
# a metric of a saving or a cut
_SAVING = re.compile(r"\b(?:sav(?:e|es|ed|ing|ings)|cut|cuts|reduc\w*|recover\w*)\b", re.I)


def restated_metrics(q: FigureSet, t: FigureSet, metrics: int, current: Sequence[Resolution],
                     skip: Sequence[bool] | None = None) -> list[Match | None]:
    """For each figure of ``q``, the registered metric (one of the first ``metrics`` figures of
    ``t``) it restates in other words, tagged ``restated``, or None.

    Only figures that are unbacked with no backer, no conflict and no retired repeat are read
    (``current``: what the KB says of each); ``skip``: figures that measure nothing."""
    out: list[Match | None] = [None] * len(q.figures)
    if not metrics or not len(q.figures):
        return out
    unmeasured = not_measure() | q.own_name
    m_words = [_metric_measure_words(t.figures[j]) - unmeasured for j in range(metrics)]
    weights = _idf(m_words)
    for i in range(len(q.figures)):
        if not _readable(q, i, current[i]) or (skip is not None and skip[i]):
            continue
        words = clause_words(q.figures[i], q.own_name) - unmeasured
        best: Match | None = None
        for j in _stated(q, i, t, metrics):
            if not _says_the_measure(words, m_words[j], weights) or _spent_not_saved(q.figures[i], t.figures[j]):
                continue
            score = float(q.vectors[i] @ t.vectors[j])
            if score >= MIN_COSINE and (best is None or score > best.score):
                best = Match(t.figures[j], score, restated=True)
        out[i] = best
    return out


def _readable(q: FigureSet, i: int, r: Resolution) -> bool:
    """Whether figure ``i`` is one to read: a claim of a known unit, no worked example, that nothing
    backs (no metric, no prose), contradicts or retires."""
    return (r.status == "unbacked" and not r.backers and r.conflict is None and r.retired is None
            and not r.inferred and bool(q.claimlike[i]) and q.kind[i] != 0 and not q.worked[i])


def _metric_measure_words(m: Figure) -> frozenset[str]:
    """A metric's measure words from its name and id only: its entry's title names the page, and
    other measures on it ("distributors" of a wine-distribution page)."""
    if m.metric is None:
        return frozenset()
    return metric_words(m.metric.name, m.metric.id)


def _idf(m_words: Sequence[frozenset[str]]) -> dict[str, float]:
    """Each measure word's IDF over the metrics' names and ids: a word many metrics share (the
    product's domain) says little of which one is meant."""
    df: dict[str, int] = {}
    for words in m_words:
        for w in words:
            df[w] = df.get(w, 0) + 1
    return {w: math.log((len(m_words) + 1) / (d + 1)) + 1.0 for w, d in df.items()}


def _says_the_measure(words: frozenset[str], m_words: frozenset[str], weights: dict[str, float]) -> bool:
    """Whether a clause's ``words`` include the metric's most telling measure word (its highest IDF
    over the metrics' names and ids; any of them on a tie): one shared common word is not the measure."""
    if not m_words or not words & m_words:
        return False
    top = max(weights[w] for w in m_words)
    return any(weights[w] >= top for w in words & m_words)


def _spent_not_saved(f: Figure, m: Figure) -> bool:
    """Whether ``f``'s clause says an amount was spent, paid or charged while ``m`` is a saving or a
    cut: the same sum on the other side of the ledger."""
    if f.kind != "currency" or m.metric is None:
        return False
    sentence = f.claim.sentence if f.claim is not None and f.claim.sentence else f.context
    return bool(_SPEND.search(sentence)) and bool(_SAVING.search(f"{m.metric.name} {m.metric.id}".replace("-", " ")))


def _stated(q: FigureSet, i: int, t: FigureSet, metrics: int) -> list[int]:
    """The metrics whose very value figure ``i`` states, of its unit kind, currency, bound and rate,
    that pass the structural gates."""
    import numpy as np

    same = np.nonzero((t.kind[:metrics] == q.kind[i]) & (t.currency[:metrics] == q.currency[i])
                      & (t.bound[:metrics] == q.bound[i]) & ((t.per[:metrics] > 0) == (q.per[i] > 0)))[0]
    cands = [j for j in same.tolist() if _states_the_value(q.figures[i], t.figures[j])]
    if not cands:
        return []
    ok = compatible(q, np.full(len(cands), i), t, np.array(cands))
    return [j for j, k in zip(cands, ok.tolist(), strict=True) if k]


def _states_the_value(f: Figure, m: Figure) -> bool:
    """Whether ``f`` states ``m``'s value itself: both ends equal, in canonical units, to a millionth."""
    lo, hi = value_range(f.value)
    mlo, mhi = value_range(m.value)
    return abs(lo - mlo) <= 1e-6 * max(abs(lo), abs(mlo)) and abs(hi - mhi) <= 1e-6 * max(abs(hi), abs(mhi))


def back_restated(q: FigureSet, t: FigureSet, metrics: int, out: Sequence[Resolution],
                  skip: Sequence[bool] | None = None) -> None:
    """Mark each figure of ``out`` that restates a registered metric (:func:`restated_metrics`) as
    backed by it, through a tagged link (its only backer: only figures with none are read)."""
    for r, m in zip(out, restated_metrics(q, t, metrics, out, skip), strict=True):
        if m is not None:
            r.status = "backed"
            r.backers = [m]
