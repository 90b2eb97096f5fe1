"""Readings of ``unsupported-claim`` one at a time: figures that claim no outcome (by the shape of what
is said and of whom), with outcomes in the same words that must stay findings; a customer's amount
backed with or without its period; the scope a figure is read with (a year, a customer)."""

from __future__ import annotations

import pytest

from knowledge.claims import extract_claims
from knowledge.figures.decide import Resolution
from knowledge.figures.index import _same_amount_of_the_customer
from knowledge.figures.reading import Entities, figure_of_claim, figure_of_metric
from knowledge.model import Entry, Metric
from knowledge.rules.unsupported_claim import no_outcome


def _claim(sentence: str, span: str):  # type: ignore[no-untyped-def]
    claims = [c for c in extract_claims(sentence) if span in (c.span or "")]
    assert claims, [c.span for c in extract_claims(sentence)]
    return claims[0]


@pytest.mark.parametrize(("sentence", "span", "why"), [
    # a price per thing and period, said on a call, in words, with its smaller unit or not
    ("For Rota plus Clock it's four pounds seventy-five per active employee per month.", "four pounds",
     "a price per thing and period"),
    ("Full Suite with payroll is eight euro per active employee per month, or fifteen per cent less on annual "
     "billing.", "eight euro", "a price per thing and period"),
    ("The telematics add-on is NZ$12 per tractor per month.", "$12", "a price per thing and period"),
    ("Remote monitoring runs at $9 per connected meter per month.", "$9", "a price per thing and period"),
    # the same words as an outcome: a saving, a price that fell
    ("Customers save €8 per employee per month on payroll.", "€8", None),
    ("Kestrel pays €8 per driver per month less than before.", "€8", None),
    ("Growers cut spend by NZ$12 per hectare per month.", "$12", None),
    ("Revenue increases by $500 per site per month.", "$500", None),
    ("Dealers see $500 extra revenue per site per month.", "$500", None),
    ("That's $8 per employee per month in overtime reduction.", "$8", None),
    # an offer: a discount until a date, for the first year, with a code
    ("Your yard, your hours, your invoices - 20% off until 30 November", "20%", "an offer"),
    ("Clinics that sign this quarter get 15% off for the first year.", "15%", "an offer"),
    ("Book before Friday: 10% off with code SPRING.", "10%", "an offer"),
    # a share taken off a bill because of the product is an outcome, in an offer's word
    ("Clinics usually take about 3% off their insurance premiums because the records are cleaner.", "3%", None),
    ("Fleets knock 12% off their fuel bill in the first quarter.", "12%", None),
    ("Energy bills come in 15% off on average.", "15%", None),
    # two sizes compared
    ("It is, about three times the size.", "three times", "two sizes compared"),
    ("Their estate is twice as big as yours.", "twice", "two sizes compared"),
    # a size that grew is an outcome
    ("Bookings grew to three times the size of the old channel.", "three times", None),
    ("Deals close 2x larger with Tillpoint.", "2x", None),
    ("Pipelines become 3x bigger.", "3x", None),
    # the reader's own words said back, in the clause that says whose they are
    ("You mentioned 40% of your shifts are filled by agency staff.", "40%", "the reader's own words said back"),
    ("You said claims take 19 days to settle at the moment.", "19 days", "the reader's own words said back"),
    # what the company claims after the reader's words is its own
    ("You mentioned 30% of invoices are exceptions; we cut that to 5%.", "5%", None),
    ("You said claims take 19 days; our customers settle them in 6 days.", "6 days", None),
    ("You told us churn was 9%; churn drops to 3% with Tillpoint.", "3%", None),
    ("As you said, the platform cuts errors by 80%.", "80%", None),
    ("You mentioned 30% of invoices are exceptions; Docketry brings that to 5%.", "5%", None),
    # a change in the clause of the reader's words may be the company's: judged, not said back
    ("What you told me: 220 acres across 3 benches and a pump bill that went up 18% last year.", "18%", None),
    # a date in the calendar, counted from today
    ("Spring top-dressing starts in about 10 weeks for most winter wheat.", "10 weeks", "a date in the calendar"),
    ("The new tariff year begins in 6 weeks.", "6 weeks", "a date in the calendar"),
    ("Your renewal is due in 3 months.", "3 months", "a date in the calendar"),
    # how long the product takes is an outcome, whatever comes before it
    ("Onboarding starts in 2 weeks and customers go live in 4 weeks.", "4 weeks", None),
    ("Most vineyards see payback in about 6 months.", "6 months", None),
    ("Claims settle in 6 days on average.", "6 days", None),
    ("Savings start in about 30 days.", "30 days", None),
    ("Payback starts in 3 months.", "3 months", None),
    # where a level starts: a threshold others set, a plan's lowest price
    ("Most carriers start at €1,500 for contents claims and raise it after 3 months.", "€1,500",
     "where a level starts"),
    ("Cold-store plans start from $49 a site.", "$49", "where a level starts"),
    ("Savings start at €1,500 a year.", "€1,500", None),
    ("Growers cut their water bill, starting at NZ$900 in the first season.", "$900", None),
    ("Returns start at $1,500 a month.", "$1,500", None),
    # a count of what someone else has, right after its owner
    ("The Harbour Group in Cork cut agency spend by 24% by letting staff pick up shifts across their 16 venues.",
     "16 venues", "a count of what someone else has"),
    ("Liberty Row now runs its 2,600 units on one board.", "2,600 units", "a count of what someone else has"),
    ("Our 4,800 venues trust us.", "4,800 venues", None),
    ("Kestrel added 40 trucks in its first year with us.", "40 trucks", None),
    ("Our customers and their 2 million employees rely on Rota every day.", "2 million", None),
    # an amount worked out on the reader's figures
    ("On your summer numbers that's around £1,330 a month, less in winter.", "£1,330",
     "an amount worked out on the reader's figures"),
    ("For your 40 tractors it comes to NZ$480 a month.", "$480", "an amount worked out on the reader's figures"),
    ("On your numbers that's a saving of £1,330 a month.", "£1,330", None),
    ("On your numbers that's around £1,330 a month less than today.", "£1,330", None),
    ("On your numbers that's around £1,330 a month of extra margin.", "£1,330", None),
    # how an act is done, the act opening the sentence
    ("Staggering them by 10 minutes each costs nothing.", "10 minutes", "how an act is done"),
    ("Setting the alerts to 15 minutes before the peak costs nothing.", "15 minutes", "how an act is done"),
    ("Cutting fuel use by 18% pays for the telematics.", "18%", None),
    ("Switching to Gridwell cuts peaks by 30%.", "30%", None),
    # a gerund that is the subject of a level claimed, or that moves a level, is no act's setting
    ("Invoicing now runs at 99.5% accuracy for our customers.", "99.5%", None),
    ("Billing is accurate to 99.9% on every run.", "99.9%", None),
    ("Scheduling gets clinics to 95% chair utilisation.", "95%", None),
    ("During winter uptime stayed at 99.9%.", "99.9%", None),
    ("Onboarding is complete for 90% of clinics within a week.", "90%", None),
    ("Improving first-call resolution by 30% pays for the licence in a quarter.", "30%", None),
    ("Getting them to 95% utilisation takes a week.", "95%", None),
])
def test_figures_that_claim_no_outcome_and_outcomes_in_their_words(sentence: str, span: str,
                                                                    why: str | None) -> None:
    assert no_outcome(_claim(sentence, span)) == why


def _entry(eid: str, title: str, body: str, kind: str = "case_study") -> Entry:
    return Entry(id=eid, path=f"{eid}.md", title=title, body=body, type=kind, status="approved")


def _metric(entry: Entry, mid: str, name: str, value: float, unit: str) -> Metric:
    return Metric(id=mid, name=name, value=value, unit=unit, entry_id=entry.id)


@pytest.mark.parametrize(("sentence", "span", "backed"), [
    # the customer's registered ₹18,000,000 a year, said as a level or as a rate, in lakh or crore
    ("In the first year Saffron Table saved ₹180 lakh on overtime and payroll errors.", "₹180 lakh", True),
    ("₹1.8 crore saved a year at Saffron Table", "₹1.8 crore", True),
    # another amount, another customer, or no customer: not this
    ("In the first year Saffron Table saved ₹150 lakh on overtime.", "₹150 lakh", False),
    ("In the first year Harbour Group saved ₹180 lakh on overtime.", "₹180 lakh", False),
    ("Groups like ours save ₹180 lakh a year.", "₹180 lakh", False),
    # the amount over another span, or in another period, is another amount
    ("Over three years Saffron Table saved ₹180 lakh on overtime.", "₹180 lakh", False),
    ("Saffron Table saved ₹180 lakh in its first month.", "₹180 lakh", False),
    ("Saffron Table saved ₹180 lakh over an 18-month rollout.", "₹180 lakh", False),
    # about an amount is not the amount to the unit
    ("In the first year Saffron Table saved about ₹180 lakh.", "₹180 lakh", False),
])
def test_a_customers_amount_to_the_unit_with_or_without_its_period(sentence: str, span: str, backed: bool) -> None:
    saffron = _entry("saffron", "Saffron Table, Bengaluru", "Saffron Table runs 38 outlets.")
    harbour = _entry("harbour", "Harbour Group", "Harbour Group runs 16 venues.")
    entities = Entities.of([saffron, harbour])
    metric = figure_of_metric(_metric(saffron, "saffron-annual-saving",
                                      "annual saving on overtime and payroll errors at Saffron Table",
                                      18_000_000, "INR"), saffron, entities)
    assert metric is not None and metric.per == "year" and metric.entity == "Saffron Table"
    figure = figure_of_claim(_claim(sentence, span), where="draft", path="d.md", entities=entities)
    r = Resolution(figure)
    _same_amount_of_the_customer(r, [metric])
    assert (r.status == "backed") is backed


@pytest.mark.parametrize(("sentence", "span", "year"), [
    # a year naming a thing in a later clause is not the figure's time scope
    ("72% of residents activate the app within 30 days, which should put Liam's mind at rest after the 2022 "
     "portal.", "72%", None),
    ("Growers cut water use by 18%, which ended the worry left by the 2023 drought.", "18%", None),
    # a clause naming where or when the figure comes from is its scope
    ("Fraud is 10% of property losses, according to a 2019 survey by the Barometer.", "10%", 2019),
    ("48% of teams deploy daily, which is what the 2019 DORA survey found.", "48%", 2019),
    ("Churn fell to 4%, which is what we measured in 2024.", "4%", 2024),
    # a year before the figure, or in its own clause, is
    ("In 2023, 48% of teams deployed daily.", "48%", 2023),
    ("Adoption reached 48% in 2023.", "48%", 2023),
])
def test_a_year_of_a_later_clause_does_not_date_the_figure(sentence: str, span: str, year: int | None) -> None:
    figure = figure_of_claim(_claim(sentence, span), where="draft", path="d.md")
    assert figure.year == year


@pytest.mark.parametrize(("sentence", "span", "entity"), [
    # "their median" after a customer named earlier in the sentence is that customer's
    ("Liberty Row in Austin had the same problem; their median make-ready went from 19 days to 6.", "19 days",
     "Liberty Row Apartments"),
    ("Kestrel Freight struggled too, and its median claim now settles in 4 days.", "4 days", "Kestrel Freight"),
    # a median over customers is no one's
    ("Liberty Row in Austin had the same problem; across our customers the median make-ready is 6 days.",
     "6 days", None),
    ("Liberty Row in Austin had the same problem; the median make-ready is 6 days.", "6 days", None),
    # a group between the customer and "their", or two customers, is whose median it is
    ("Unlike Kestrel Freight, most fleets run older trucks; their median payback is 6 months.", "6 months", None),
    ("We work with Kestrel Freight and 200 other fleets; their median payback is 6 months.", "6 months", None),
    ("Kestrel Freight and Liberty Row both had it; their median payback is 6 months.", "6 months", None),
])
def test_their_median_is_the_customers_named_before(sentence: str, span: str, entity: str | None) -> None:
    entities = Entities.of([_entry("liberty", "Liberty Row Apartments", "Liberty Row operates 2,600 units."),
                            _entry("kestrel", "Kestrel Freight", "Kestrel Freight runs 40 trucks.")])
    figure = figure_of_claim(_claim(sentence, span), where="call", path="c.txt", entities=entities)
    assert figure.entity == entity


@pytest.mark.parametrize(("sentence", "span", "theirs"), [
    # a rep saying the prospect's figure back, in the part of the sentence that says whose it is
    ("You mentioned about 30% of invoices are exceptions.", "30%", True),
    ("You told us churn was 9%; churn drops to 3% with Tillpoint.", "9%", True),
    # what the rep claims after it, or of the company's side, is a claim
    ("You told us churn was 9%; churn drops to 3% with Tillpoint.", "3%", False),
    ("You mentioned 30% of invoices are exceptions - Docketry brings that to 5%.", "5%", False),
    ("You said claims take 19 days, and our customers settle them in 6 days.", "6 days", False),
])
def test_a_reps_words_said_back_to_the_prospect(sentence: str, span: str, theirs: bool) -> None:
    from knowledge.figures.reading import _about_the_listener

    assert _about_the_listener(_claim(sentence, span), set()) is theirs
