"""The company's own product and terms against its own outcome claims, in six industries none of the
corpora or the earlier cases covers (soap makers, tree surgeons, violin makers, chess clubs, mushroom
farms, stonemasons), written and committed before the sixteenth round's change was built or measured
("False needs-a-source findings, sixteenth round" in bench/ACCURACY.md).

Each case is a tiny KB (one proof point registering two metrics, values no line below repeats) and one
line on a page of the KB (a FAQ, a careers page, a partner page, product docs, a battlecard, a pitch)
or said by a rep on a call. ``OWN``: the company's own statement (a setting or spec, a service
commitment, a training length, a staff work policy, a commercial term, a definition of a measure): no
needs-a-source finding on it. ``CLAIM``: the company's own outcome claim with no source, often in the
same words as the terms beside it: it stays reported. Runs with the real embedding model and the
shipped weights; the call harness is the thirteenth round's
(:func:`tests.knowledge.test_identity_r13.findings`).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.knowledge import pages
from tests.knowledge.test_identity_r13 import findings, known_failures

pytestmark = pytest.mark.model

RULES = ("unsourced-claim", "unsupported-claim")
OWN = "own"
CLAIM = "claim"

KBS: dict[str, dict[str, Any]] = {
    "soap": {"product": "Lathercraft", "metrics": [
        ("batch-record-minutes", "minutes per batch record", 11, "minutes"),
        ("complaint-reduction", "reduction in customer complaints", 63, "percent")]},
    "tree": {"product": "Canopyline", "metrics": [
        ("survey-minutes", "minutes per tree survey", 17, "minutes"),
        ("callback-reduction", "reduction in callbacks", 57, "percent")]},
    "violin": {"product": "Scrollbook", "metrics": [
        ("order-admin-hours", "hours of order admin saved per week", 7, "hours"),
        ("deposit-default-reduction", "reduction in unpaid deposits", 61, "percent")]},
    "chess": {"product": "Rookledger", "metrics": [
        ("results-entry-minutes", "minutes to enter a round's results", 9, "minutes"),
        ("fee-arrears-reduction", "reduction in unpaid membership fees", 53, "percent")]},
    "mushroom": {"product": "Sporewise", "metrics": [
        ("harvest-log-minutes", "minutes to log a harvest", 13, "minutes"),
        ("order-error-reduction", "reduction in order errors", 67, "percent")]},
    "stone": {"product": "Quoin", "metrics": [
        ("drawing-hours", "hours per memorial drawing", 19, "hours"),
        ("repaint-reduction", "reduction in lettering repaints", 71, "percent")]},
}

# where a page line sits: its path and title (a careers, pricing or partner page is a page that
# states no outcome claims; the others are ordinary pages)
PAGES = {
    "faq": ("website/faq.md", "Frequently asked questions"),
    "careers": ("website/careers.md", "Careers"),
    "partners": ("website/partners.md", "Partner programme"),
    "pricing": ("website/pricing.md", "Pricing"),
    "docs": ("docs/setup.md", "Setting up"),
    "trust": ("website/trust.md", "Trust and reliability"),
    "battlecard": ("enablement/battlecard.md", "Battlecard: the big rival"),
    "answers": ("answers/onboarding.md", "Getting started"),
    "pitch": ("messaging/pitch.md", "Pitch"),
}

# (industry, where: a key of PAGES or "call", line, what must happen)
CASES: list[tuple[str, str, str, str]] = [
    # soap makers
    ("soap", "docs", "Cure timers default to 28 days, and you can change them per recipe in Settings.", OWN),
    ("soap", "faq", "The label printer queue syncs within 2 minutes of a batch being closed.", OWN),
    ("soap", "careers", "Everyone works from the workshop at least three days a week.", OWN),
    ("soap", "faq", "Save 20% when you pay for the year up front.", OWN),
    ("soap", "pitch", "Soap makers on Lathercraft cut batch write-offs by 35% in their first season.", CLAIM),
    ("soap", "pitch", "Workshops on Lathercraft spend 6 hours less a week on batch records.", CLAIM),
    ("soap", "faq", "Makers who turn on the cure timers sell out of aged bars 30% less often.", CLAIM),
    # tree surgeons
    ("tree", "trust", "Our support team answers storm-damage calls within 4 hours, as every contract sets out.", OWN),
    ("tree", "answers", "Onboarding is two classes of about 90 minutes for each crew.", OWN),
    ("tree", "careers", "Climbers work four-day weeks on a rota, never more than one weekend in three.", OWN),
    ("tree", "faq", "A job counts as late when the crew arrives more than 30 minutes after the booked slot.", OWN),
    ("tree", "call", "we come out and train your crews on site for about three hours on the first day", OWN),
    ("tree", "pitch", "Crews on Canopyline quote jobs 40% faster than with paper sketches.", CLAIM),
    ("tree", "pitch", "Tree surgery firms using Canopyline win 18% more of the jobs they quote.", CLAIM),
    ("tree", "answers", "Crews trained on Canopyline cut climbing incidents by 45% in a year.", CLAIM),
    # violin makers
    ("violin", "docs", "Humidity alerts fire when the workshop drops below 40% relative humidity.", OWN),
    ("violin", "partners", "Partners who refer a workshop get 12% of its first year's subscription.", OWN),
    ("violin", "careers", "Two paid days a year to play in a community orchestra.", OWN),
    ("violin", "trust", "99.8% monthly uptime is written into the standard agreement.", OWN),
    ("violin", "pitch", "Workshops on Scrollbook cut varnish rework by 30%.", CLAIM),
    ("violin", "pitch", "Makers using Scrollbook deliver commissioned instruments three weeks sooner on average.", CLAIM),
    ("violin", "trust", "Workshops on the standard agreement lose 25% fewer instruments to humidity cracks.", CLAIM),
    # chess clubs
    ("chess", "docs", "Pairings are published 15 minutes before each round by default.", OWN),
    ("chess", "faq", "A game counts as forfeited when a player is more than 30 minutes late to the board.", OWN),
    ("chess", "battlecard", "Never offer a club more than 25% off without the sales lead's sign-off.", OWN),
    ("chess", "answers", "We train one or two arbiters per club on the day the club goes live.", OWN),
    ("chess", "call", "clubs on rookledger cut pairing disputes by about forty percent in the first season", CLAIM),
    ("chess", "pitch", "Clubs on Rookledger grow their junior membership by 22% in a year.", CLAIM),
    ("chess", "pitch", "Arbiters on Rookledger spend 3 hours less on each weekend congress.", CLAIM),
    ("chess", "docs", "Clubs that publish pairings automatically start rounds 20 minutes sooner.", CLAIM),
    # mushroom farms
    ("mushroom", "docs", "Sensors keep logging offline for 96 hours and upload when the signal returns.", OWN),
    ("mushroom", "partners", "Our installation partners can be on site within 48 hours anywhere in Ireland.", OWN),
    ("mushroom", "careers", "Technicians join an on-call rota of one week in five.", OWN),
    ("mushroom", "pricing", "Farms with more than twenty grow rooms get 10% off every room.", OWN),
    ("mushroom", "pitch", "Farms on Sporewise lose 27% fewer flushes to contamination.", CLAIM),
    ("mushroom", "pitch", "Growers using Sporewise raise yield per tonne of substrate by 12%.", CLAIM),
    ("mushroom", "faq", "Farms whose sensors log every hour catch contamination 4 days sooner.", CLAIM),
    # stonemasons
    ("stone", "docs", "Quotes expire after 30 days unless you change the default in Settings.", OWN),
    ("stone", "answers", "Each new mason gets a site induction of about 45 minutes before their first job.", OWN),
    ("stone", "careers", "Apprentices spend one paid day a week at college.", OWN),
    ("stone", "faq", "A memorial counts as on time when it is fixed within 5 working days of the agreed date.", OWN),
    ("stone", "pitch", "Masonry yards on Quoin cut quoting time by half.", CLAIM),
    ("stone", "pitch", "Yards using Quoin waste 15% less stone on every commission.", CLAIM),
    ("stone", "answers", "Apprentices trained with Quoin reach the fixing stage four months sooner.", CLAIM),
]

# Cases the code at the round's start (main ab38f93) gets wrong, recorded when first run, before any
# change was built or measured. Strict, so a change that mends one must say so here.
REPORTED = "reported on main: the company's own statement asked for a source"
# 38 was mended by T18b (eighteenth round: the page-kind model read "Getting started" as a page that states
# no outcome claims) and is wrong again with T18c, which reads terms only on careers, partner and pricing pages.
KNOWN: dict[int, str] = {
    9: REPORTED + " (a careers page's rota, 'four-day')",
    18: REPORTED + " (an uptime in the standard agreement: claim-ness over the model's band)",
    33: REPORTED + " (a pricing page's tier threshold, 'more than twenty grow rooms')",
    38: REPORTED + " (an induction length: the model asks for a source, 0.80)",
    43: "not reported on main: 'four months sooner' after a training verb is read as no claim",
}

def page_findings(industry: str, where: str, line: str) -> list[Any]:
    """The needs-a-source findings on ``line`` written on the page ``where`` of the industry's KB."""
    path, title = PAGES[where]
    return pages.page_findings(KBS[industry], path, title, line, RULES)


@pytest.mark.parametrize(("industry", "where", "line", "want"), known_failures(CASES, KNOWN))
def test_the_company_s_own_terms_against_its_own_outcomes(industry: str, where: str, line: str, want: str) -> None:
    if where == "call":
        got = [f for f in findings(industry, "call", line, KBS, RULES) if f.rule in RULES]
    else:
        got = page_findings(industry, where, line)
    if want == OWN:
        assert not got, [(f.rule, f.message) for f in got]
    else:
        assert got, "nothing reported"
