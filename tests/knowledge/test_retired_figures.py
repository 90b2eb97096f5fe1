"""A retired figure said again in other words (:mod:`knowledge.figures.retired`): which words of a
sentence speak of the retired measure, and whether a bounded share is a change or a level."""

from __future__ import annotations

import pytest

from knowledge.figures.reading import content_terms
from knowledge.figures.retired import shared_words


def _words(text: str) -> frozenset[str]:
    return frozenset(content_terms(text))


@pytest.mark.parametrize(("sentence", "measure", "shared"), [
    # retail: the measure's noun said again, its verb reworded ("lift" for "growth")
    ("around 22% revenue lift in year one", "First-year revenue uplift: revenue growth", True),
    # energy: one word of the measure is enough
    ("Shave up to 35% off your peak", "Peak load reduction: reduction in peak electrical load", True),
    # farming
    ("saves growers up to a third of their overlap", "reduction in sprayer overlap with section control", True),
    # logistics: a word inside a compound is another word ("workload" is not "load")
    ("cut the dispatch workload by 30%", "reduction in load planning time", False),
    # HR: another measure altogether
    ("managers spend 35% less time on rotas", "Peak load reduction: reduction in peak electrical load", False),
    # software: short stems never count inside other words ("up" in "uptime", "day" in "today")
    ("99.9% uptime today", "days to set up", False),
])
def test_a_sentence_shares_a_word_of_the_retired_measure(sentence: str, measure: str, shared: bool) -> None:
    assert bool(shared_words(_words(sentence), _words(measure))) is shared


@pytest.mark.parametrize(("sentence", "sense"), [
    # farming: the verb before the bound makes it a change, whatever follows the share
    ("Section control saves growers up to a third of their overlap on awkward fields.", "change"),
    # office admin
    ("It cuts up to 30% of the admin.", "change"),
    # freight
    ("Drivers on planned routes save up to 12% on fuel.", "change"),
    # software: a bound over a share of a population stays a level
    ("Up to 20% of runs fail.", "level"),
    # help desk
    ("We see more than 40% of tickets closed on first contact.", "level"),
])
def test_a_shares_sense_is_read_past_its_bound(sentence: str, sense: str) -> None:
    from knowledge.claims import extract_claims
    from knowledge.figures.reading import share_sense

    [claim] = extract_claims(sentence)
    assert share_sense(claim, claim.masked) == sense
