"""A retired figure said again in other words (:mod:`knowledge.figures.retired`): whether a
bounded share is a change or a level."""

from __future__ import annotations

import pytest


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
