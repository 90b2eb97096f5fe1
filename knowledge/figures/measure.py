"""What a figure measures: the phrase it quantifies or that its verb changes.

"Customers cut onboarding time by [NUM]" measures "onboarding time"; "[NUM] of alerts are
resolved automatically" measures "alerts resolved automatically"; "Nurses spend [NUM] less time on
charting" measures "time charting"; "The median customer goes live in [NUM]" measures "goes live".
The phrase leaves out who the figure is about (customers, teams, a company named before the verb)
and the adjuncts after it ("after the redesign", "in the first quarter", "with caching"), which
the whole-sentence wording counts as much as the measure itself.

A metric's measure is its name. Read off the masked sentence by a few patterns over words (no
parser): the clause holding ``[NUM]`` (:func:`reading._clause`), the words before it back to the
verb or the subject, the words after it up to the first adjunct.
"""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING

from .reading import _clause, content_terms

if TYPE_CHECKING:
    import numpy as np

# who or what a figure is about, not what it measures, when it opens the clause ("Customers cut
# ...", "Teams deploy ..."): generic words for a customer base, the company speaking, a person
_ABOUT = frozenset("""
customer customers client clients user users team teams company companies business businesses organisation
organisations organization organizations org orgs firm firms account accounts people folks everyone member members
we our us you your they their them it its he she his her i my me our
""".split())
# words that open an adjunct after the figure: what follows says when, where, how or why, not what
_ADJUNCT = frozenset("""
after before since with without in during across for from because when while so which who that than compared
versus vs against thanks via through by at among once until if as according within over under last this
next
""".split())
# function words and verbs of stating that sit between the measure and the figure ("is", "reaches",
# "by", "to"); dropped from the end of the words before the figure
_LINK = frozenset("""
is are was were be been being am reach reaches reached reaching hit hits hitting stand stands stood
average averages averaged come comes came to total totals totalled totaled amount amounts amounted
by to of at in on from about around roughly nearly almost approximately just only some over under
more less fewer than up down the a an its their our your his her this that these those within
just under over least most
""".split())
# verbs that say which way a figure moved or that it took time, not what moved: "cut", "fell",
# "rose", "takes", "finish". Two figures of one measure change it with many verbs; two measures
# changed by one verb ("builds finish", "reviews finish") share nothing that matters.
_DIRECTION = frozenset("""
cut cuts cutting reduce reduces reduced reducing lower lowers lowered lowering fall falls fell fallen falling
drop drops dropped dropping decrease decreases decreased decline declines declined shrink shrinks shrank
rise rises rose risen rising grow grows grew grown growing increase increases increased increasing raise
raises raised boost boosts boosted improve improves improved improving climb climbs climbed jump jumps jumped
take takes took taken taking finish finishes finished need needs needed spend spends spent
see sees saw seen get gets got make makes made run runs ran has have had do does did now
""".split())
_CONJUNCTION = frozenset("and but or so then while whereas yet".split())  # a clause before the figure's
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
LEFT_WORDS = 4  # content words kept before the figure
RIGHT_WORDS = 3  # content words kept after it


def _words(text: str) -> list[str]:
    return [w.lower().strip("'’-") for w in _WORD.findall(text)]


@functools.lru_cache(maxsize=1 << 16)
def measure_phrase(context: str) -> str:
    """The words of ``context`` that say what its figure measures; the whole text for a context
    with no ``[NUM]`` (a metric's name)."""
    if "[NUM]" not in context:
        return " ".join(_words(context))
    clause = _clause(context)
    i = clause.find("[NUM]")
    left, right = _words(clause[:i]), _words(clause[i + 5:])
    # before the figure: drop the linking words next to it, then keep the words back to the subject
    while left and left[-1] in _LINK:
        left.pop()
    before: list[str] = []
    for w in reversed(left):
        if w in _ABOUT or w in _CONJUNCTION:
            break
        before.insert(0, w)
        if len(content_terms(" ".join(before))) >= LEFT_WORDS:
            break
    # after it: "[NUM] less time on charting", "[NUM] of alerts are resolved", "[NUM] faster", up
    # to the first adjunct once something says what is measured
    if right and right[0] == "of":
        right = right[1:]
    after: list[str] = []
    for w in right:
        if w in _ADJUNCT and (content_terms(" ".join(before)) or content_terms(" ".join(after))):
            break
        after.append(w)
        if len(content_terms(" ".join(after))) >= RIGHT_WORDS:
            break
    phrase = " ".join(w for w in before + after if w not in _DIRECTION)
    # "..., which is [NUM]": no word of the clause says what is measured
    return phrase if content_terms(phrase) else ""


# ------------------------------------------------------------------------------------------------
# In the score (off)
#
# The measure phrases can be embedded too, their cosine a third term of the score:
# ``(1 - MEASURE_WEIGHT) * (the mean of the sentence and word cosines) + MEASURE_WEIGHT * (the
# phrases' cosine)``. As with the words, the vectors are concatenated, each part scaled by the
# square root of its weight, so that one dot product is the whole score and the neighbour search
# needs nothing else. On the calibration pairs a weight of 0.3 raises the area under the ROC curve
# from 0.82 to 0.85 (``bench/measure_phrase.py``); on the labelled corpora it made the figure rules
# worse (Northwind audit F1 0.95 -> 0.84, phenomena check 0.92 -> 0.74, haulwise audit 0.71 -> 0.68;
# README, "Accuracy: figures"), so the weight is 0 and nothing is embedded for it.

MEASURE_WEIGHT = 0.0


def embedded_phrase(context: str) -> str:
    """What is embedded for the measure of ``context``: its phrase, or the context itself where no
    word says what the figure measures ("It was [NUM]." gets the sentence's own cosine)."""
    return measure_phrase(context) or context


def with_measure(scored: np.ndarray, phrases: np.ndarray) -> np.ndarray:
    """[sqrt(1-v) * scored, sqrt(v) * phrases]: dot products are the weighted mean of both."""
    import numpy as np

    v = MEASURE_WEIGHT
    return np.hstack([scored * math.sqrt(1 - v), phrases * math.sqrt(v)]).astype(np.float32)
