"""Measure identity, tenth round (``knowledge.figures``): an amount in another currency is still
compared with a registered one; a metric named with "before" is a baseline."""
from __future__ import annotations

import pytest

from knowledge import figures as M
from knowledge.claims import extract_claims
from tests.knowledge.test_measure_identity import _compatible, metric


def fig(text: str, i: int = 0) -> M.Figure:
    claims = extract_claims(text)
    assert len(claims) > i, claims
    return M.figure_of_claim(claims[i], where="call", path="c.txt")


@pytest.mark.parametrize(("said", "value", "unit", "name"), [
    # measured in the tenth round and not kept: a result or a price in another currency and another
    # number is compared as ever, for a draft's or a call's figure can be the very amount misstated
    # (one customer's saving is one amount in one currency)
    ("Brennan Logistics saves $1.2 million a year.", 1_500_000, "EUR", "Brennan Logistics annual saving"),
    # the very number with the wrong sign is one figure misstated
    ("The trust has saved £2.4m since launch.", 2_400_000, "USD", "saving across the trust since launch"),
    ("The setup fee is €1,000.", 1000, "USD", "one-off setup fee"),
    # one currency, two numbers: compared as ever
    ("Pro costs $920 a month.", 990, "USD", "Pro plan price per month"),
])
def test_an_amount_in_another_currency_is_still_compared(said: str, value: float, unit: str, name: str) -> None:
    assert _compatible(fig(said), metric(value, unit, name))


# -- "before" in a metric's name: the state before the product ---------------------------------------
# (narrowing it to names that name the change was measured in the tenth round and not kept: baselines
# named "... before", "before the change" and ids ending "-before" lost their role)


@pytest.mark.parametrize("name", [
    "median time to close a repair before Acme",
    "share of quotes accepted by customers, before e-signature",
    "error rate before",
    "tickets per week, before",
    "weekly freight audit hours before the change",
    "brennan invoice error rate before",
    "cost-before-migration",
])
def test_before_in_a_metrics_name_is_a_baseline(name: str) -> None:
    f = metric(10, "percent", name)
    assert f.role == "before"
