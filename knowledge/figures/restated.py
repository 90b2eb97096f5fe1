"""A registered metric said again in other words, with its value.

Copy restates a metric in its own words: "Each gets back about 5.5 hours a week of admin" for a
registered "admin hours saved" of 5.5 hours a week, "RTI submissions reach HMRC on time 99.7 per
cent of the time" for an on-time filing rate of 99.7%. Such a sentence can score below what backing
needs (:data:`knowledge.figures.decide.BACK`), or under the search's floor, so
:func:`knowledge.figures.decide.resolve` leaves the figure unbacked and the needs-a-source rules
report a figure the KB registers. The value is the stronger evidence here. A figure restates a
registered metric when it states the metric's very value (the same number in the metric's units,
"about" allowed; the same two ends of a range; a one-sided bound only with the metric's own
bound), of the same unit kind and currency, passing every structural gate of a match
(:func:`knowledge.figures.decide._compatible`: one customer, one year, a change against a level,
before against after), and its clause says at least one of the metric's measure words (stem for
stem; words that only say a unit, a period or a direction do not count). A level meets a rate only
where its sentence names the rate's period and no other span ("saved about A$640K in diesel in a
year" for A$640K a year).

Merely agreeing is not enough: "over 85%" lies under a 99.1% metric, "a quarter" within a tenth of
27%, "within 60 days" under five weeks, and each of them, with one shared word, was another measure
(bench/ACCURACY.md, "A right restatement of a registered metric is backed by it"). It is the
reading :mod:`.retired` makes of a retired figure, made of an approved one. It only backs: a figure
some metric contradicts, or that the "same measure?" model reads as a metric misstated, is left as
it is."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from knowledge.phrases import DAYS_PER

from .decide import Match, Resolution, _compatible
from .figure import _value_range
from .identity import _not_measure, measure_words
from .retired import _measure_words

if TYPE_CHECKING:
    from .figure import Figure
    from .neighbours import FigureSet


def restated_metrics(q: FigureSet, t: FigureSet, metrics: int, current: Sequence[Resolution],
                     skip: Sequence[bool] | None = None) -> list[Match | None]:
    """For each figure of ``q``, the registered metric (one of the first ``metrics`` figures of
    ``t``) it restates in other words, or None.

    Only figures no metric backs and none contradicts are read (``current``: what the KB says of
    each); ``skip``: figures that measure nothing (a window, a webinar's length)."""
    out: list[Match | None] = [None] * len(q.figures)
    if not metrics or not len(q.figures):
        return out
    unmeasured = _not_measure() | q.own_name
    m_words = [measure_words(t.figures[j]) - unmeasured for j in range(metrics)]
    for i in range(len(q.figures)):
        r = current[i]
        if r.status == "conflict" or r.backed_by_metric or r.retired is not None or (skip is not None and skip[i]):
            continue
        if not q.claimlike[i] or q.kind[i] == 0 or q.worked[i]:
            continue
        words = _measure_words(q.figures[i], q.own_name) - unmeasured
        best: Match | None = None
        for j in _stated(q, i, t, metrics):
            if not words & m_words[j]:
                continue
            score = float(q.vectors[i] @ t.vectors[j])
            if best is None or score > best.score:
                best = Match(t.figures[j], score)
        out[i] = best
    return out


def _stated(q: FigureSet, i: int, t: FigureSet, metrics: int) -> list[int]:
    """The metrics whose very value figure ``i`` states, of its unit kind, currency and bound, that
    pass the structural gates. A level meets a rate only where its sentence names the rate's period
    and no other span, and then states the amount of that one period."""
    import numpy as np

    f = q.figures[i]
    same = np.nonzero((t.kind[:metrics] == q.kind[i]) & (t.currency[:metrics] == q.currency[i])
                      & (t.bound[:metrics] == q.bound[i]))[0]
    out: list[int] = []
    for level_to_rate in (False, True):
        if level_to_rate:
            if q.per[i] > 0 or f.claim is None:
                break
            sentence = f.claim.sentence or f.claim.masked
            cands = [j for j in same.tolist() if t.per[j] > 0 and _names_period(sentence, str(t.figures[j].per))]
        else:
            cands = [j for j in same.tolist() if (t.per[j] > 0) == (q.per[i] > 0)]
        cands = [j for j in cands if _states_the_value(f, t.figures[j], per_period=level_to_rate)]
        if cands:
            ok = _compatible(q, np.full(len(cands), i), t, np.array(cands), any_rate=level_to_rate)
            out += [j for j, k in zip(cands, ok.tolist(), strict=True) if k]
    return out


# A period named in words: "a year", "in the first month", "over three years", "an 18-month rollout",
# "annual"
_PERIOD_NAMED = re.compile(
    r"\b(?:(?P<count>\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)"
    r"[\s-]+)?(?P<period>day|week|fortnight|month|quarter|year|annum)(?P<plural>s)?\b"
    r"|\b(?P<adverb>daily|weekly|fortnightly|monthly|quarterly|annual|annually|yearly)\b", re.I)
_ADVERB_PERIOD = {"daily": "day", "weekly": "week", "fortnightly": "fortnight", "monthly": "month",
                  "quarterly": "quarter", "annual": "year", "annually": "year", "yearly": "year"}


def _names_only(sentence: str, period: str) -> bool:
    """Whether every period ``sentence`` names is one ``period`` ("in the first year", "a year",
    "annual"): an amount said over another span ("over three years", "in its first month") is
    another amount than the rate's one period."""
    for m in _PERIOD_NAMED.finditer(sentence):
        named = _ADVERB_PERIOD[m.group("adverb").lower()] if m.group("adverb") else m.group("period").lower()
        if named == "annum":
            named = "year"
        if named != period or m.group("count") or m.group("plural"):
            return False
    return True


def _names_period(sentence: str, period: str) -> bool:
    """Whether ``sentence`` names ``period`` and no other span ("saved A$640K in diesel in a year",
    "plan the day in 20 minutes" for a rate per year, per day)."""
    return _names_only(sentence, period) and _PERIOD_NAMED.search(sentence) is not None


def _states_the_value(f: Figure, m: Figure, *, per_period: bool = False) -> bool:
    """Whether ``f`` states ``m``'s value itself: both ends equal, in canonical units (a rate per
    day), to a millionth. ``per_period``: ``f`` is a level, compared with ``m``'s amount per its
    own period."""
    scale = DAYS_PER[m.per] if per_period and m.per in DAYS_PER else 1.0
    lo, hi = _value_range(f.value)
    mlo, mhi = (v * scale for v in _value_range(m.value))
    return abs(lo - mlo) <= 1e-6 * max(abs(lo), abs(mlo)) and abs(hi - mhi) <= 1e-6 * max(abs(hi), abs(mhi))


def back_restated(q: FigureSet, t: FigureSet, metrics: int, out: Sequence[Resolution],
                  skip: Sequence[bool] | None = None) -> None:
    """Mark each figure of ``out`` that restates a registered metric (:func:`restated_metrics`) as
    backed by it, the metric first among its backers."""
    for r, m in zip(out, restated_metrics(q, t, metrics, out, skip), strict=True):
        if m is not None:
            r.status = "backed"
            r.backers = [m, *r.backers]
