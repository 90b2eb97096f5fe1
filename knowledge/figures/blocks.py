"""What a sentence says of its figure, beside the figure's value: the blocks of the "same measure?" link.

A draft, a call or a KB page that states a registered metric's value is backed by it when the words
around the figure score close enough, and in a small KB the very value alone gets it there. Yet the
sentence may say another claim than the metric's with that value: the other direction ("No-shows
climbed 20%" against a 20% no-show reduction, "lose 15 minutes" against 15 minutes saved), a target,
a plan, a forecast or a hypothetical ("we aim to cut no-shows by 20%", "if you cut no-shows by 20%"),
an industry norm ("the industry average is 20%") or another organisation's figure ("one of our clinics
in York", a competitor named). Such a pair backs nothing and is no side of a conflict
(:func:`knowledge.figures.decide.candidates`, :func:`knowledge.figures.decide.may_misstate`), so the
figure is left to the needs-a-source rules and the writer is told.

Every word list is general English, written before any corpus was run (bench/ACCURACY.md, "The
same-measure link and what a sentence says of its figure, fifteenth round"). Every block is read in
the figure's own clause (:func:`.reading._clause`: the sentence cut at commas, semicolons and
dashes), so a word of another clause of the sentence does not act ("Whitlock now books 81% of recall
patients, against an industry norm of 45%": the norm is the 45%'s, not the 81%'s).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .reading import _clause

if TYPE_CHECKING:
    import numpy as np

    from .figure import Figure
    from .neighbours import FigureSet

# a reduction or a saving ("less than" and "down to" are bounds and ends, not a direction)
_DOWN = re.compile(
    r"\b(?:sav(?:e|es|ed|ing|ings)|cuts?|cutting|reduc\w*|fewer|less(?!\s+than)|lower(?:ed|s|ing)?|shorter|"
    r"decreas\w*|drop(?:s|ped|ping)?|down(?!\s+to)|halv(?:e|es|ed|ing)|shr[iau]nk\w*|trim(?:s|med|ming)?|"
    r"fall(?:s|en|ing)?|fell|dip(?:s|ped|ping)?|declin\w*|slump\w*)\b", re.I)
# an increase or a gain ("more than" and "up to" are bounds, not a direction)
_UP = re.compile(
    r"\b(?:increas\w*|more(?!\s+than)|ris(?:e|es|en|ing)|rose|grow(?:s|n|th|ing)?|grew|gain(?:s|ed|ing)?|"
    r"higher|longer|up(?!\s+to)|boost\w*|uplift|rais(?:e|es|ed|ing)|doubl\w*|extra|"
    r"climb\w*|jump\w*|soar\w*|surg(?:e|es|ed|ing))\b", re.I)
# a loss or an outlay: the other side of a saving or a gain
_LOSS = re.compile(r"\b(?:los(?:e|es|t|ing|s|ses)|spen(?:d|ds|t|ding)|wast(?:e|es|ed|ing)|costs?|costing|"
                   r"pa(?:y|ys|id|ying)|charg(?:e|es|ed)|fees?)\b", re.I)
# what is wanted, planned, expected or supposed rather than what happened
_TARGET = re.compile(
    r"\b(?:wants?|wanted|aim(?:s|ed|ing)?|goals?|target(?:s|ed|ing)?|plan(?:s|ned|ning)?|intend\w*|"
    r"hop(?:e|es|ing)|expect(?:s|ed|ing)?|forecast\w*|projected|projections?|will|would|could|might|if|"
    r"imagine|suppose|on\s+track|by\s+(?:19|20)\d\d)\b", re.I)
# another organisation's figure or a norm: one of many, a rival, the market
_OTHER = re.compile(
    r"\b(?:one\s+of\s+our|(?:industry|national|sector|market)\s+(?:average|norm|benchmark|median)|"
    r"(?:the|an?)\s+(?:industry|sector)\b|competitors?|rivals?|our\s+old|another\s+(?:vendor|supplier|provider))\b",
    re.I)


def blocked(f: Figure, target: Figure) -> str | None:
    """Why figure ``f`` does not state what approved figure ``target`` (a registered metric, or a
    statement of the KB) states, though it may state its value: ``"direction: <word>"``,
    ``"target: <word>"`` or ``"other: <words>"``; None when nothing blocks. A statement of the KB
    that says the same (itself a target, a norm) blocks nothing. The words are returned so that a
    bench can tell which corpus each word of the lists acts on."""
    if f.origin == "metric" or f.claim is None:
        return None
    sentence = f.claim.sentence or f.context
    clause = _clause(f.claim.masked) if f.claim.masked else sentence
    theirs, their_sentence = _said(target)
    if (hit := _TARGET.search(clause)) is not None and not _TARGET.search(theirs):
        return f"target: {hit.group(0).lower()}"
    if (word := _opposite(clause, theirs)) is not None:
        return f"direction: {word}"
    if (hit := _OTHER.search(clause)) is not None and not _OTHER.search(their_sentence):
        return f"other: {hit.group(0).lower()}"
    return None


def _said(target: Figure) -> tuple[str, str]:
    """What names an approved figure's measure and its way (a metric's name and id; a statement's
    own clause), and its whole sentence."""
    if target.origin == "metric" and target.metric is not None:
        name = f"{target.metric.name} {target.metric.id}".replace("-", " ").replace("_", " ")
        return name, name
    if target.claim is None:
        return target.context, target.context
    sentence = target.claim.sentence or target.context
    return (_clause(target.claim.masked) if target.claim.masked else sentence), sentence


def _opposite(clause: str, theirs: str) -> str | None:
    """The word of ``clause`` that says the other way from ``theirs`` (the words that name an approved
    figure: a saving or reduction and a clause of an increase, a loss or an outlay with no word of a
    reduction; an increase or a gain and a clause of a reduction, a loss or an outlay with no word of
    an increase), or None. A word the approved figure says itself is its measure, not a direction
    ("fish losses" of a fish-loss reduction)."""
    way = _direction(theirs)
    if way == 0:
        return None
    own = {w.lower() for w in re.findall(r"\w+", theirs)}
    same, other = (_DOWN, _UP) if way < 0 else (_UP, _DOWN)
    if any(m.group(0).lower() not in own for m in same.finditer(clause)):
        return None
    # an outlay is the verb that takes the amount ("spend 12 hours"), before it: after it, "spend" and
    # "cost" name what was saved ("keeps £9,000 a year it used to spend on the vet")
    for pattern, text in ((_LOSS, clause.split("[NUM]", 1)[0]), (other, clause)):
        for m in pattern.finditer(text):
            if m.group(0).lower() not in own:
                return m.group(0).lower()
    return None


def _direction(name: str) -> int:
    """Which way a metric's name points: -1 a reduction or a saving, +1 an increase or a gain, 0
    neither or both."""
    down, up = bool(_DOWN.search(name)), bool(_UP.search(name))
    return -1 if down and not up else 1 if up and not down else 0


def blocked_pairs(q: FigureSet, qi: np.ndarray, t: FigureSet, ti: np.ndarray) -> np.ndarray:
    """Per candidate pair, whether a block (:func:`blocked`) keeps a statement from an approved figure."""
    import numpy as np

    out = np.zeros(len(qi), dtype=bool)
    memo: dict[tuple[int, int], bool] = {}
    for k, key in enumerate(zip(qi.tolist(), ti.tolist(), strict=True)):
        if key not in memo:
            memo[key] = blocked(q.figures[key[0]], t.figures[key[1]]) is not None
        out[k] = memo[key]
    return out
