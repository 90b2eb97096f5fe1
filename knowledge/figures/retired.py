"""A retired figure said again in other words.

A retired claim is usually repeated by copy written before it was retired, or by someone who
remembers it: the value survives and the wording does not ("Shave up to 35% off your peak" for a
retired "reduction in peak electrical load, up to 35%"; "around 22% revenue lift in year one" for a
retired "first-year revenue growth" of 22%). Such a sentence scores below what the KB's backing needs
(:data:`knowledge.figures.decide.BACK`), so :func:`knowledge.figures.decide.resolve` does not pair it
with the retired figure. The retired figures are few, and their values are specific; a figure that
states one of them, of the same kind, that nothing approved backs or contradicts, and that speaks of
the retired measure in at least one of its content words, repeats it. Its wording being weaker
evidence of the measure than a backing score, its value must be stronger: a retired bound is said
with the same bound ("up to a third" for "up to 33%"; "40% fewer missed scans" is not the retired
"up to 40%" cut in driver turnover), and the pair passes every structural gate of a match
(:func:`knowledge.figures.decide._compatible`: a share of a population is not a change, one
customer is not another, one year is not another).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .decide import Match, Resolution, _compatible
from .figure import Figure, same_money, states_value
from .reading import _clause, content_terms

if TYPE_CHECKING:
    from .neighbours import FigureSet


def _measure_words(f: Figure, exclude: frozenset[str]) -> frozenset[str]:
    """The stemmed content words a figure's measure is named by: the clause holding it (a metric's
    context is its entry's title and its name, read whole)."""
    clause = _clause(f.context) if "[NUM]" in f.context else f.context
    words = frozenset(content_terms(clause, exclude))
    return words if len(words) >= 2 else frozenset(content_terms(f.context, exclude))


def reworded_repeats(q: FigureSet, retired: FigureSet, current: Sequence[Resolution],
                     exclude: frozenset[str] = frozenset()) -> list[Match | None]:
    """For each figure of ``q``, the retired figure it repeats in other words, or None.

    ``current`` is what the approved KB says about each figure: a figure it backs or contradicts
    is about an approved measure, not a retired one. ``exclude``: the words of the company's own
    name, which say whose figure it is and never what it measures."""
    import numpy as np

    out: list[Match | None] = [None] * len(q.figures)
    if not len(retired.figures) or not len(q.figures):
        return out
    r_words = [_measure_words(t, exclude) for t in retired.figures]
    r_rate = retired.per > 0
    for i, f in enumerate(q.figures):
        if current[i].status != "unbacked" or current[i].retired is not None:
            continue
        if not q.claimlike[i] or q.kind[i] == 0:
            continue
        same = np.nonzero((retired.kind == q.kind[i]) & (r_rate == (q.per[i] > 0))
                          & same_money(retired.currency, q.currency[i])
                          & ((retired.bound == 0) | (retired.bound == q.bound[i])))[0]
        if len(same):
            same = same[_compatible(q, np.full(len(same), i), retired, same)]
        best: Match | None = None
        words: frozenset[str] | None = None
        for j in same.tolist():
            t = retired.figures[j]
            if not states_value(f, t) or _supersedes(f, t):
                continue
            if words is None:
                words = _measure_words(f, exclude)
            if not words & r_words[j]:  # a word of the retired measure, stem for stem
                continue
            score = float(q.vectors[i] @ retired.vectors[j])
            if best is None or score > best.score:
                best = Match(t, score)
        out[i] = best
    return out


def _supersedes(f: Figure, retired: Figure) -> bool:
    """The figure's own entry replaces the retired one: it states the measure's current truth."""
    return f.entry is not None and retired.entry_id in f.entry.supersedes
