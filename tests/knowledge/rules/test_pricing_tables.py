"""A price the company states in a pricing table is its own term, not an outcome claim needing a source;
a figure in a table that states an outcome (a saving, a result, a customer's spend) still needs one.

Cases written before the fourteenth round's results, in six industries no development corpus covers
(dentistry, HR software, cybersecurity, freight, education, retail), run through ``unsourced-claim`` with
the real embedding model (the needs-a-source model has a say on unsure figures, as in a real run).
bench/ACCURACY.md, "Prices in a pricing table, and figures in table cells, fourteenth round".

The cases after ``REPORTED`` come from a review of that reading (its 61 tables, ten industries): the
review's tables that the first reading left out wrongly stay claims ("Narrowed after review").

The reading was taken out after a second review (its 51 tables: fewer right than with no reading at
all). The prices it was written to leave out are strict expected failures (:data:`_TAKEN_OUT`): canon
asks for a source for them as it did before the round; the claims stay claims.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from knowledge.audit import audit
from tests.knowledge.rules.test_figures import _ctx, _entry

pytestmark = pytest.mark.model

# (industry, page body, the figure's line, its text): a price the company states for its own plans
# or tiers, in a table that names prices in its structure (the row labels' header, the heading above)
LEFT_OUT = [
    ("dentistry", "# Chairside for dental practices\n\n## Plans\n\nOne price per dental chair per month.\n\n"
     "| Plan | GBP | EUR |\n|---|---|---|\n| Solo | £79 | €92 |\n| Group | £149 | €172 |\n", 9, "£79"),
    ("HR software", "# Rota and payroll for growing teams\n\n## Pricing\n\n"
     "| Tier | Per employee per month |\n|---|---|\n| Core | $6 |\n| People Plus | $11 |\n", 8, "$11"),
    ("cybersecurity", "# Endpoint protection for small firms\n\n## Licences\n\n"
     "| Edition | United States | United Kingdom |\n|---|---|---|\n| Essentials | $4 per device | £3 per device |\n"
     "| Managed | from $990/month | from £780/month |\n", 8, "$990/month"),
    ("freight", "# Partner programme for freight brokers\n\n"
     "| Tier | Referred revenue a year | Co-marketing fund |\n|---|---|---|\n"
     "| Bronze | up to £25,000 | none |\n| Silver | £25,000 to £100,000 | £2,000 |\n", 6, "£25,000 to £100,000"),
    ("education", "# Attendance tracking for schools\n\n## Plans for schools and trusts\n\n"
     "| Plan | Per pupil per year |\n|---|---|\n| School | £4.50 |\n| Trust | £3.80 |\n", 7, "£4.50"),
    ("retail", "# Till and stock for independent shops\n\n## Plans\n\n"
     "| Plan | Per store per month |\n|---|---|\n| Boutique | €49 |\n| Chain | €39 |\n", 8, "€39"),
]

# a figure in a table that states an outcome: a result, a saving, a customer's spend, a price said as a saving
REPORTED = [
    ("dentistry", "# How Harbour Dental filled its chairs\n\n## Results\n\n"
     "| Metric | Before | After |\n|---|---|---|\n| Monthly no-show cost | £4,200 | £1,900 |\n", 7, "£1,900"),
    ("HR software", "# Northgate Care: the first year\n\n"
     "| Outcome | Value |\n|---|---|\n| Annual saving | £25,000 |\n| Payroll errors | 38 fewer |\n", 5, "£25,000"),
    ("cybersecurity", "# What Endpoint Managed returns\n\n## Plans\n\n"
     "| Plan | Typical saving |\n|---|---|\n| Managed | $12,000 a year |\n", 7, "$12,000"),
    ("freight", "# Kestrel Freight cut its fuel bill\n\n"
     "| Customer | Fuel spend before | Fuel spend after |\n|---|---|---|\n"
     "| Kestrel Freight | £410,000 | £352,000 |\n", 5, "£352,000"),
    ("retail", "# Till and stock for independent shops\n\n## Plans\n\n"
     "| Plan | Per store per month |\n|---|---|\n| Boutique | €49 |\n"
     "| Chain | €39, €20 less than the average till system |\n", 8, "€20"),
    ("education", "# Riverside Academy Trust\n\n## Plans chosen and what they saved\n\n"
     "| School | Plan | Saved a year |\n|---|---|---|\n| Riverside Academy | Trust | £8,400 |\n", 7, "£8,400"),
]


# price cases canon already leaves out without the reading (its other readings of terms)
ALREADY_QUIET = {"education", "retail", "coworking"}
_TAKEN_OUT = pytest.mark.xfail(strict=True, reason="the pricing-table reading was taken out after its second review")


def _left_out(cases: list[Any]) -> list[Any]:
    """The price cases, each a strict expected failure where canon still reports the price."""
    return [pytest.param(*c, id=c[0], marks=[] if c[0] in ALREADY_QUIET else [_TAKEN_OUT]) for c in cases]


def _unsourced_lines(body: str, vectors: Any) -> set[int]:
    entry = _entry("site/page.md", body, type="article", title=body.splitlines()[0].lstrip("# "))
    report = audit(replace(_ctx([entry]), vectors=vectors), ["unsourced-claim"])
    return {f.line for f in report.findings if f.rule == "unsourced-claim" and f.line is not None}


def test_the_cases_cover_six_industries_on_both_sides() -> None:
    assert len({c[0] for c in LEFT_OUT}) >= 6 and len({c[0] for c in REPORTED}) >= 6


@pytest.mark.parametrize(("industry", "body", "line", "figure"), _left_out(LEFT_OUT))
def test_a_price_in_a_pricing_table_needs_no_source(industry: str, body: str, line: int, figure: str,
                                                    vectors: Any) -> None:
    assert figure in body.splitlines()[line - 1]
    assert line not in _unsourced_lines(body, vectors), industry


@pytest.mark.parametrize(("industry", "body", "line", "figure"), REPORTED, ids=[c[0] for c in REPORTED])
def test_an_outcome_in_a_table_still_needs_a_source(industry: str, body: str, line: int, figure: str,
                                                    vectors: Any) -> None:
    assert figure in body.splitlines()[line - 1]
    assert line in _unsourced_lines(body, vectors), industry


# the review's tables that the first reading left out and that are claims: a rival's price, a market's
# size or average, a customer's costs, what a plan earns a customer (figure's line, its text)
REVIEWED_REPORTED = [
    # the second review's (coffee roasting, physiotherapy, pet insurance, translation): claims the
    # narrowed reading quieted, which a next try must leave reported
    ("coffee roasting", "# Wholesale for cafes\n\n## Plans\n\n| Plan | Per month | Extra revenue per café a year |\n"
     "|---|---|---|\n| Café | £180 | up to £40,000 |\n", 7, "£40,000"),
    pytest.param("physiotherapy", "# Booking for physio practices\n\n## Pricing\n\n| Practice | What an empty slot costs |\n"
                 "|---|---|\n| Group clinic | £80 per slot |\n", 7, "£80", id="physiotherapy",
                 marks=pytest.mark.xfail(strict=True, reason="quiet without the reading too: '£80 per slot' reads as a price")),
    ("pet insurance", "# Cover for dogs and cats\n\n## Pricing\n\n| Treatment | Vet's bill |\n|---|---|\n"
     "| MRI scan | from £2,100 |\n", 7, "£2,100"),
    ("translation", "# Translation for law firms\n\n## Pricing\n\n| Plan | Per word | Market rate |\n|---|---|---|\n"
     "| Agency | £0.09 | under £0.20 per word elsewhere |\n", 7, "£0.20"),
    ("veterinary pharmacy", "# Why our pricing works for independents\n\n## Pricing context\n\n"
     "| Segment | Annual market |\n|---|---|\n| UK independent practices | £1.2 billion |\n"
     "| UK corporate groups | £3.4 billion |\n", 8, "£3.4 billion"),
    ("language schools", "# Study in Auckland\n\n## Pricing compared\n\n| School | Per week |\n|---|---|\n"
     "| Kiwi English (us) | NZ$420 |\n| Harbour Language Centre | NZ$560 |\n", 8, "NZ$560"),
    ("accountancy", "# How Larch Joinery cut its accountancy bill\n\n## The plan they moved to\n\n"
     "| Item | Amount |\n|---|---|\n| Old firm's annual bill | £6,400 |\n| Penalties paid last year | £1,200 |\n",
     8, "£1,200"),
    ("fitness clubs", "# Club management software\n\n## Plans\n\n"
     "| Tier | Per month | Added revenue per club a year |\n|---|---|---|\n| Studio | $149 | $18,000 |\n"
     "| Multi-site | $449 | $64,000 |\n", 8, "$64,000"),
    ("fitness clubs, no header", "# Pricing\n\n## Why our pricing pays\n\n| | |\n|---|---|\n"
     "| A lost member costs a club | $540 |\n| A no-show class slot costs | $38 |\n", 8, "$38"),
    ("fitness clubs, first row as header", "# Pricing\n\n## Why our pricing pays\n\n"
     "| Cost of one cancelled member | $540 |\n|---|---|\n| Cost of one empty class slot | $38 |\n", 7, "$38"),
    ("dental software, rivals", "# Chairside pricing\n\n## Pricing\n\n| Product | Per chair per month |\n"
     "|---|---|\n| Chairside | $79 |\n| DentaBook | $129 |\n| OralSuite | $149 |\n", 9, "$149"),
    ("dental software, market average", "# Chairside pricing\n\n## Pricing\n\n"
     "| Option | Per chair per month |\n|---|---|\n| Chairside Solo | $79 |\n"
     "| The usual practice software | $140 |\n", 8, "$140"),
    ("dental software, revenue", "# Chairside pricing\n\n## Plans\n\n"
     "| Plan | Per chair per month | Extra revenue per chair a year |\n|---|---|---|\n| Solo | $79 | $21,000 |\n",
     7, "$21,000"),
    ("dental software, a market's cost", "# Chairside pricing\n\n## Pricing\n\n| Item | Amount |\n|---|---|\n"
     "| Chairside Solo, per chair per month | $79 |\n| What one empty chair-hour costs a practice | $310 |\n",
     8, "$310"),
    ("pallet freight, market rate", "# Pallet network\n\n## Pricing\n\n"
     "| Lane | Our rate per pallet | Spot market rate |\n|---|---|---|\n| Leeds to Bristol | £62 | £88 |\n",
     7, "£88"),
    ("pallet freight, claims paid", "# Pallet network\n\n## Pricing and cover\n\n"
     "| Year | Damage claims paid out |\n|---|---|\n| 2024 | £1.2 million |\n| 2025 | £0.9 million |\n",
     8, "£0.9 million"),
]

# the review's prices that the narrowed reading still leaves out (the first reading left them out too)
REVIEWED_LEFT_OUT = [
    ("veterinary pharmacy", "# Repeat prescriptions for vet practices\n\n## Plans\n\n"
     "| Plan | Monthly | Annual |\n|---|---|---|\n| Clinic | £89 | £890 |\n| Group | £249 | £2,490 |\n",
     8, "£249"),
    ("fitness clubs", "# Club management software\n\n## Plans\n\n| Tier | Per active member per month |\n"
     "|---|---|\n| Studio | $1.20 |\n| Multi-site | $0.90 |\n", 8, "$0.90"),
    ("coworking", "# Desks and offices\n\n## Membership plans\n\n| Membership | Per person per month |\n"
     "|---|---|\n| Hot desk | £180 |\n| Fixed desk | £260 |\n| Private office (4) | from £1,400 |\n", 9, "£1,400"),
]


@pytest.mark.parametrize(("industry", "body", "line", "figure"), REVIEWED_REPORTED,
                         ids=[c.id if hasattr(c, "id") else c[0] for c in REVIEWED_REPORTED])
def test_a_reviewed_claim_in_a_pricing_table_still_needs_a_source(industry: str, body: str, line: int,
                                                                  figure: str, vectors: Any) -> None:
    assert figure in body.splitlines()[line - 1]
    assert line in _unsourced_lines(body, vectors), industry


@pytest.mark.parametrize(("industry", "body", "line", "figure"), _left_out(REVIEWED_LEFT_OUT))
def test_a_reviewed_price_needs_no_source(industry: str, body: str, line: int, figure: str,
                                          vectors: Any) -> None:
    assert figure in body.splitlines()[line - 1]
    assert line not in _unsourced_lines(body, vectors), industry
