"""The company's own terms on a page that states no outcome claims (a careers, partner programme or
pricing page) against its outcome claims on the same pages, in six industries no corpus covers
(glassblowing studios, canal-boat hire, orthotics clinics, piano tuners, rope-access contractors, seed
banks), written and committed before the eighteenth round's change was built or measured ("Unsourced
claims on a company's own pages, eighteenth round" in bench/ACCURACY.md).

Each case is a tiny KB (one proof point registering two metrics, values no line below repeats) and one
line on a careers, partners or pricing page of the KB. ``OWN``: the company's own statement on such a
page (a salary, a share of travel or on-call time, a partner's commission, an add-on's price, a plan's
limit, a work pattern): no ``unsourced-claim`` finding on it. ``CLAIM``: an outcome the company claims
on the same kind of page with no source ("customers cut breakages by 30%"): it stays reported. Runs
with the real embedding model and the shipped weights.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.knowledge import pages
from tests.knowledge.test_identity_r13 import known_failures

pytestmark = pytest.mark.model

RULE = "unsourced-claim"
OWN = "own"
CLAIM = "claim"

KBS: dict[str, dict[str, Any]] = {
    "glass": {"product": "Gatherly", "metrics": [
        ("kiln-log-minutes", "minutes per kiln log", 13, "minutes"),
        ("breakage-reduction", "reduction in annealing breakages", 61, "percent")]},
    "canal": {"product": "Lockkeep", "metrics": [
        ("handover-minutes", "minutes per boat handover", 17, "minutes"),
        ("no-show-reduction", "reduction in booking no-shows", 57, "percent")]},
    "orthotics": {"product": "Archform", "metrics": [
        ("fitting-minutes", "minutes per insole fitting", 19, "minutes"),
        ("remake-reduction", "reduction in remakes", 53, "percent")]},
    "piano": {"product": "Tunebook", "metrics": [
        ("route-hours", "hours of route planning saved per week", 7, "hours"),
        ("rebooking-reduction", "reduction in missed rebookings", 67, "percent")]},
    "rope": {"product": "Anchorline", "metrics": [
        ("permit-minutes", "minutes per work permit", 11, "minutes"),
        ("incident-reduction", "reduction in recorded incidents", 71, "percent")]},
    "seed": {"product": "Germlog", "metrics": [
        ("accession-minutes", "minutes per accession record", 23, "minutes"),
        ("viability-loss-reduction", "reduction in lost viability tests", 59, "percent")]},
}

# where a line sits: its path and title (a title that names a careers, partner or pricing page)
PAGES = {
    "careers": ("website/careers.md", "Careers"),
    "partners": ("website/partners.md", "Partner programme"),
    "pricing": ("website/pricing.md", "Pricing"),
}

# (industry, page, line, what must happen)
CASES: list[tuple[str, str, str, str]] = [
    # glassblowing studios
    ("glass", "careers", "Gaffers in our Bristol studio earn £34,000 to £41,000 a year.", OWN),
    ("glass", "pricing", "Kiln scheduling is an add-on at £18 a month per studio.", OWN),
    ("glass", "careers", "Studios on Gatherly cut annealing breakages by 30% in their first year.", CLAIM),
    ("glass", "pricing", "Most studios recover the subscription within 5 months from the pieces they no longer lose.", CLAIM),
    # canal-boat hire
    ("canal", "partners", "Marinas that refer a hire fleet earn 15% of its first year's subscription.", OWN),
    ("canal", "careers", "Boat handlers work a rota of three weekends in four from April to October.", OWN),
    ("canal", "partners", "Hire fleets on Lockkeep fill 22% more midweek bookings than before.", CLAIM),
    ("canal", "careers", "Fleets using Lockkeep turn boats around 40 minutes faster on a Saturday.", CLAIM),
    # orthotics clinics
    ("orthotics", "pricing", "The Clinic plan covers up to 6 clinicians and 2,000 patient records.", OWN),
    ("orthotics", "careers", "Clinical engineers spend about 30% of their time at partner clinics.", OWN),
    ("orthotics", "pricing", "Clinics on Archform cut insole remakes by 35% on average.", CLAIM),
    ("orthotics", "partners", "Partner podiatrists grow their orthotics revenue by 28% in their first year with us.", CLAIM),
    # piano tuners
    ("piano", "pricing", "Extra tuner seats are £9 a month each.", OWN),
    ("piano", "partners", "Piano shops in the reseller scheme get a 20% margin on every annual plan.", OWN),
    ("piano", "pricing", "Tuners on Tunebook save 5 hours a week on route planning.", CLAIM),
    ("piano", "careers", "Our software now books one in six piano tunings in Scotland.", CLAIM),
    # rope-access contractors
    ("rope", "careers", "Rope technicians are paid £210 to £260 a day, plus travel.", OWN),
    ("rope", "careers", "Supervisors are on call one week in four.", OWN),
    ("rope", "careers", "Contractors on Anchorline cut near-miss reports by 45% within a year.", CLAIM),
    ("rope", "partners", "Training partners who use Anchorline certify technicians 3 weeks sooner.", CLAIM),
    # seed banks
    ("seed", "pricing", "Germination tracking is included up to 40,000 accessions.", OWN),
    ("seed", "partners", "Herbarium partners earn 10 percent of every subscription they introduce.", OWN),
    ("seed", "pricing", "Seed banks on Germlog lose 25% fewer accessions to failed viability tests.", CLAIM),
    ("seed", "partners", "Partners tell us Germlog halves the time to catalogue a new collection, from 6 weeks to 3.", CLAIM),
]

# Cases the code at the round's start (main 0d4cc0f) gets wrong, recorded when first run, before any
# change was built or measured. Strict, so a change that mends one must say so here.
REPORTED = "reported on main: the company's own statement on a terms page asked for a source"
MISSED = "not reported on main: the needs-a-source model reads the outcome on a terms page as the company's own"
# Mended by the round's change (T18b): 0, a salary range, and 16, a day rate.
KNOWN: dict[int, str] = {
    2: MISSED + " ('cut annealing breakages by 30%' on a careers page)",
    7: MISSED + " ('40 minutes faster' on a careers page)",
    9: REPORTED + " (a share of working time)",
    21: REPORTED + " (a partner's commission in 'percent')",
    23: MISSED + " ('halves the time ..., from 6 weeks to 3' on a partners page)",
}

def page_findings(industry: str, page: str, line: str) -> list[Any]:
    """The ``unsourced-claim`` findings on ``line`` written on the page ``page`` of the industry's KB."""
    path, title = PAGES[page]
    return pages.page_findings(KBS[industry], path, title, line, (RULE,))


@pytest.mark.parametrize(("industry", "page", "line", "want"), known_failures(CASES, KNOWN))
def test_terms_on_a_terms_page_against_outcomes_on_it(industry: str, page: str, line: str, want: str) -> None:
    got = page_findings(industry, page, line)
    if want == OWN:
        assert not got, [f.message for f in got]
    else:
        assert got, "nothing reported"
