"""The company's own product and terms against outcomes and market statistics
(:mod:`knowledge.claims.terms`), on sentences written for it across 28 industries
(``tests/data/claims/own_terms.yaml``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.claims import extract_claims
from knowledge.claims.terms import own_terms

_DATA = Path(__file__).parents[1] / "data" / "claims"
CASES: list[dict[str, Any]] = yaml.safe_load((_DATA / "own_terms.yaml").read_text(encoding="utf-8"))
# the same classes in other words: passive windows, cadences, bounds on a term, taxes, requirements,
# unit prices, a value picked for the reader (``own_terms_reworded.yaml``)
REWORDED: list[dict[str, Any]] = yaml.safe_load((_DATA / "own_terms_reworded.yaml").read_text(encoding="utf-8"))
# commercial and service terms in their grammar: offers, taxes, fees, hours, windows, rotas (``commercial_terms.yaml``)
COMMERCIAL: list[dict[str, Any]] = yaml.safe_load((_DATA / "commercial_terms.yaml").read_text(encoding="utf-8"))
# terms and worked inputs read by their shape in drafts and calls: a generic subject given a size, a plan
# that adds a feature at a price, a tax withheld at a rate (``own_terms_round8.yaml``)
SHAPES: list[dict[str, Any]] = yaml.safe_load((_DATA / "own_terms_round8.yaml").read_text(encoding="utf-8"))
CASES = CASES + REWORDED + COMMERCIAL + SHAPES


def test_the_cases_cover_ten_industries_and_both_sides() -> None:
    assert len({c["industry"] for c in CASES}) >= 10
    assert {c["own"] for c in CASES} == {True, False}
    assert len({c["industry"] for c in REWORDED}) >= 30 and sum(not c["own"] for c in REWORDED) >= 8
    assert len({c["industry"] for c in COMMERCIAL}) >= 10 and sum(not c["own"] for c in COMMERCIAL) >= 8


@pytest.mark.parametrize("case", CASES, ids=[f'{c["industry"]}: {c["figure"]}' for c in CASES])
def test_own_terms_case(case: dict[str, Any]) -> None:
    text, figure = case["text"], case["figure"]
    at = text.find(figure)
    assert at >= 0, figure
    [claim] = [c for c in extract_claims(text) if at <= c.column - 1 < at + len(figure)]
    why = own_terms(claim)
    assert (why is not None) == case["own"], f"{figure!r} in {text!r}: {why}"


def test_an_outcome_beside_a_term_keeps_the_sentence_a_claim() -> None:
    text = "Plans start at $29 per vehicle per month, and fleets save 20% on fuel."
    assert [own_terms(c) for c in extract_claims(text)] == [None, None]


def test_the_claims_listing_says_why_no_source_is_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from knowledge.claims.__main__ import main

    page = tmp_path / "faq.md"
    page.write_text("Our SLA is 99.9% monthly uptime.\n\nFleets cut fuel costs by 18%.\n", encoding="utf-8")
    assert main([str(page)]) == 0
    sla, fuel = capsys.readouterr().out.splitlines()
    assert sla.endswith("needs no outside source: a service commitment")
    assert "needs no outside source" not in fuel


def test_the_claims_listing_names_the_source_it_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from knowledge.claims.__main__ import main

    page = tmp_path / "careers.md"
    page.write_text("We're rated 4.6 out of 5 on Glassdoor.\n\nPet owners rate us 9 out of 10.\n", encoding="utf-8")
    assert main([str(page)]) == 0
    rated, bare = capsys.readouterr().out.splitlines()
    assert rated.endswith("; source: Glassdoor")
    assert "source:" not in bare


@pytest.mark.parametrize(("header", "own"), [
    # a column of the company's terms, in several industries' words
    ("Referral margin", True), ("Commission", True), ("Revenue share", True), ("Referral fee", True),
    ("Volume discount", True), ("Annual fee", True), ("Price per seat", True), ("Monthly price", True),
    ("Rebate", True), ("Storage limit", True), ("Bounty payout", True), ("Tariff", True),
    # a column of what was seen, or of no term at all
    ("Average saving", False), ("Median reduction", False), ("Cost reduction", False), ("Uplift", False),
    ("Sites under management", False), ("Certified engineers", False), ("Tier", False), ("", False),
])
def test_a_table_header_names_the_terms_below_it(header: str, own: bool) -> None:
    from knowledge.claims.terms import header_term

    assert (header_term(header) is not None) is own, header


@pytest.mark.parametrize(("text", "figure", "worked"), [
    # a product worked out in the sentence, in several industries and both spellings of money
    ("A site with a 1,150 kW peak on a $16.50 rate pays nearly $19,000 a month.", "$16.50", True),
    ("A site with a 1,150 kW peak on a $16.50 rate pays nearly $19,000 a month.", "$19,000", True),
    ("At 40 hours a week and £25 an hour, that is £1,000 of a manager's time.", "£1,000", True),
    ("A clinic losing 12 appointments a week at €85 each forgoes about €1,020.", "€85", True),
    ("With 250 drivers on £11.50 an hour, one unpaid hour costs £2,875.", "£2,875", True),
    ("A book of €400 million in claims leaks 4%, which is €16 million.", "4%", True),
    ("Schools with 1,200 pupils and 180 teaching days serve 216,000 lunches a year.", "216,000 lunches", True),
    # outcomes beside other figures that multiply to nothing
    ("Fleets cut fuel costs by 18% and save $2,400 per truck.", "$2,400", False),
    ("Clinics on Tidewell fill 94% of slots and cut no-shows by 31%.", "31%", False),
    ("Over 3 years, customers saw a 240% return on $50,000 invested.", "240%", False),
    ("Stores cut energy by 12% across 400 sites, saving $3.1 million.", "$3.1 million", False),
])
def test_a_product_worked_out_in_the_sentence_is_arithmetic(text: str, figure: str, worked: bool) -> None:
    from knowledge.claims.terms import computed

    at = text.find(figure)
    [claim] = [c for c in extract_claims(text) if at <= c.column - 1 < at + len(figure)]
    assert computed(claim) is worked, text
