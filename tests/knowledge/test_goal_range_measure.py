"""A customer's goal, plan or forecast, an amount on top of its result, a spread, and a sum it spends
are not its registered result: the readings that keep them from being compared as one
(:func:`knowledge.figures.reading.aside_of`, :func:`knowledge.figures.decide._money_sense`), in
several industries, with sentences where each must not fire. The KB-level cases are
``tests/data/rules/metric-conflict/test_fail_goal_range_measure_*.yaml``."""

from __future__ import annotations

import pytest

from knowledge.figures.decide import _money_sense
from knowledge.figures.reading import NORM_SCOPE, aside_of


@pytest.mark.parametrize("masked", [
    "Next year, Harbour Link Ferries aims to take another [NUM] off its fuel bill.",  # ferries
    "Maple Valley School District plans to save a further [NUM] on buses by 2028.",  # schools
    "Brightwash Linen's target is to cut a further [NUM] from its energy bill by 2027.",  # laundry
    "Analysts expect Harbour Link Ferries to save [NUM] on fuel by 2028.",
    "Riverside Health Trust forecasts it will save [NUM] on agency nurses next year.",  # hospitals
    "The board projects Maple Valley School District will save [NUM] a year on buses next year.",
    "Kestrel Dairy is on track to cut another [NUM] of its water use.",  # dairy farming
])
def test_a_named_customers_goal_or_forecast_is_aside(masked: str) -> None:
    assert aside_of(masked, "Customer")


@pytest.mark.parametrize("masked", [
    "Harbour Link Ferries cut [NUM] from its fuel bill with Tidewise.",  # a result
    "Riverside Health Trust saves [NUM] a year on agency nurses with Rosterly.",
    "Brightwash Linen now washes [NUM] sheets a day.",
])
def test_a_named_customers_result_is_not_aside(masked: str) -> None:
    assert not aside_of(masked, "Customer")


@pytest.mark.xfail(strict=True, reason="a goal word before a result that met it is read as the goal: a known limit")
def test_a_goal_met_is_a_result() -> None:
    assert not aside_of("Kestrel Dairy met its target and cut water use by [NUM].", "Customer")


@pytest.mark.parametrize("masked", [
    "You will go live in [NUM] with our onboarding team.",  # a seller's promise: still compared
    "Most teams expect to save [NUM] in the first year.",  # no named customer
    "The industry target is [NUM] of claims settled in a week.",
])
def test_a_goal_said_of_no_named_customer_is_compared(masked: str) -> None:
    assert not aside_of(masked, None)
    assert not aside_of(masked, NORM_SCOPE)


@pytest.mark.parametrize("masked", [
    "Harbour Link Ferries' fuel bill swings by [NUM] with the price of diesel.",
    "Demand at the clinic varies by up to [NUM] a week.",
    "Grain prices fluctuate by as much as [NUM] a tonne.",
])
def test_a_spread_is_aside_whoever_it_is_of(masked: str) -> None:
    assert aside_of(masked, None)


@pytest.mark.parametrize("masked", [
    "Brightwash Linen's energy bill ranges from [NUM] depending on gas prices.",  # a range of a level
    "Fuel use fell by [NUM] after the refit.",  # a change, not a spread
    "The fleet moved [NUM] passengers last summer.",
])
def test_a_range_or_a_change_is_not_a_spread(masked: str) -> None:
    assert not aside_of(masked, None)


@pytest.mark.parametrize(("masked", "sense"), [
    ("Harbour Link Ferries spends [NUM] a year on its IT and booking systems.", "level"),
    ("Maple Valley School District spends [NUM] a year on special education transport.", "level"),
    ("The trust pays [NUM] a month for its patient record system.", "level"),
    ("Harbour Link Ferries cut [NUM] from its fuel bill.", "change"),
    ("Brightwash Linen spends [NUM] less on energy each year.", "change"),
    ("Riverside Health Trust saves [NUM] a year on agency nurses.", "change"),
    ("The laundry washes sheets for hotels worth [NUM] a year.", None),
])
def test_money_spent_and_money_saved(masked: str, sense: str | None) -> None:
    assert _money_sense(masked) == sense
