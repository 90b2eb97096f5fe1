"""``terms.group_share_or_past_result``: the signs of a statistic that keep a figure on a careers, partner or pricing page
with the needs-a-source model (a share of a group, a result measured over a past period), against the
company's own terms on such pages, in three industries (bakeries, dog groomers, sailing schools)."""

from __future__ import annotations

import pytest

from knowledge.claims import extract_claims
from knowledge.claims.terms import group_share_or_past_result as a_result
from knowledge.model import Claim

RESULT = [
    "Two thirds of our bakers started as counter staff and now run a shift.",
    "Over the last 12 months our ovens reached 99.6% uptime across every branch.",
    "85% of our groomers say they would recommend us to a friend.",
    "Measured uptime of the booking app was 99.9% last quarter.",
    "A quarter of our instructors qualified as examiners within three years.",
]
TERMS = [
    "Head bakers earn £31,000 to £36,000 a year, plus a Sunday allowance.",
    "Grooming salons that refer a friend get 15% of every subscription they bring in.",
    "Extra instructor seats are £7 a month each.",
    "Sailing instructors are on the water 5 days a week from May to September.",
]


def _figures(sentence: str) -> list[Claim]:
    claims = extract_claims(sentence)
    assert claims, sentence
    return claims


@pytest.mark.parametrize("sentence", RESULT)
def test_a_share_of_a_group_or_a_past_result_is_a_result(sentence: str) -> None:
    assert any(a_result(c) for c in _figures(sentence))


@pytest.mark.parametrize("sentence", TERMS)
def test_a_salary_a_commission_a_price_or_a_rota_is_not(sentence: str) -> None:
    assert not any(a_result(c) for c in _figures(sentence))
