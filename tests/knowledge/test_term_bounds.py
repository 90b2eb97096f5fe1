"""Where the company's own terms stop: outcomes worded like an offer, a rate, a one-off fee or a
retention window are still claims (and the terms themselves still read as terms)."""

from __future__ import annotations

import pytest

from knowledge.claims import extract_claims
from knowledge.claims.terms import own_terms


def _own(text: str, figure: str) -> bool:
    at = text.find(figure)
    assert at >= 0, figure
    [claim] = [c for c in extract_claims(text) if at <= c.column - 1 < at + len(figure)]
    return own_terms(claim) is not None


@pytest.mark.parametrize(("text", "figure", "own"), [
    ("The Depot plan is £12 per van per month, 10% less if paid annually.", "10%", True),
    ("Plans are 15% cheaper when billed yearly.", "15%", True),
    ("Seats are 20% lower if you pay upfront.", "20%", True),
    # a buyer's act that is no payment makes an outcome, not a price
    ("No-shows are 40% lower when you book appointments through Acme.", "40%", False),
    ("Freight is 20% cheaper when booked through Acme.", "20%", False),
    ("Returns run 25% lower once you order through the app.", "25%", False),
])
def test_a_lower_price_is_an_offer_only_on_paying_by_a_period(text: str, figure: str, own: bool) -> None:
    assert _own(text, figure) is own


@pytest.mark.parametrize(("text", "figure", "own"), [
    ("Monitoring costs NZ$38 per probe per month.", "NZ$38", True),
    ("Monitoring costs NZ$38.50 per probe per month.", "NZ$38.50", True),  # a price in cents too
    ("Each office pays £450 a month per office.", "£450", True),
    ("Seats are $12/seat/month.", "$12", True),
    # what a customer wins back, or a rate that is not the amount's, is no price
    ("The time back is worth $3,000 per store per month.", "$3,000", False),
    ("That's $3,000 per store per month back in your pocket.", "$3,000", False),
    ("Each dock door handles $40,000 of freight per day per site.", "$40,000", False),
])
def test_a_price_per_unit_and_period_follows_the_amount(text: str, figure: str, own: bool) -> None:
    assert _own(text, figure) is own


@pytest.mark.parametrize(("text", "figure", "own"), [
    ("Setup is a one-off £500.", "£500", True),
    ("Onboarding costs $99 one-time.", "$99", True),
    ("Lifetime access is a one-time payment of $499.", "$499", True),
    # "one-off" that says what happened once is no price
    ("A single one-off outage cost UK retailers £40m last year.", "£40m", False),
    ("Customers avoided a one-time cost of $40,000.", "$40,000", False),
])
def test_a_one_off_price_stands_beside_its_amount_or_a_price_noun(text: str, figure: str, own: bool) -> None:
    assert _own(text, figure) is own


@pytest.mark.parametrize(("text", "figure", "own"), [
    ("If a practice closes its account, we keep its records for 60 days and then erase them.", "60 days", True),
    ("Payslips are retained for 6 years after an employee leaves.", "6 years", True),
    ("We delete it within 30 days of a request.", "30 days", True),
    ("Backups are kept for 35 days or more.", "35 days", True),
    # no records kept, or a window set against others', is an outcome
    ("Leads are kept warm for 30 days, double the industry norm.", "30 days", False),
    ("We held churn under 2% for 3 years.", "3 years", False),
    ("We keep your data for 30 days, twice as long as most.", "30 days", False),
])
def test_how_long_records_are_kept_names_the_records(text: str, figure: str, own: bool) -> None:
    assert _own(text, figure) is own
