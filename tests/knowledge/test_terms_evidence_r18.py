"""Positive evidence of a term (T18c, "Unsourced claims on a company's own pages, eighteenth round",
section 7 in bench/ACCURACY.md): on a careers, pricing or partner page a figure is the company's own term
only when the sentence shows that the figure is one (a pay, a price per unit or period, a commission or
margin, a rota or office days, holidays and benefits, a plan's limit or inclusion); an outcome claim there
stays reported even with no sign of an outcome T18b knew (a rating, "N out of M", "N in M", a time to a
result, "twice as many", money partners gain), and so does an outcome on an ordinary page (a blog post,
support, getting started, security, an event) however wide ``page.no_claims`` reads.

Five industries no corpus and no earlier case set covers (craft breweries, dance studios, funeral homes,
bicycle repair shops, museums), written and committed before T18c was built or measured. Each case is a
tiny KB (one proof point registering two metrics, values no line below repeats) and one line on one page.
``OWN``: no ``unsourced-claim`` finding on the line; ``CLAIM``: one. Runs with the real embedding model
and the shipped weights.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.knowledge import pages
from tests.knowledge import test_terms_pages_r18 as r18
from tests.knowledge.test_identity_r13 import known_failures

pytestmark = pytest.mark.model

OWN = r18.OWN
CLAIM = r18.CLAIM

KBS: dict[str, dict[str, Any]] = {
    "brewery": {"product": "Mashtun", "metrics": [
        ("batch-log-minutes", "minutes per batch log", 14, "minutes"),
        ("spoilage-reduction", "reduction in spoiled batches", 63, "percent")]},
    "dance": {"product": "Pliebook", "metrics": [
        ("class-setup-minutes", "minutes per class setup", 16, "minutes"),
        ("dropout-reduction", "reduction in term dropouts", 47, "percent")]},
    "funeral": {"product": "Vigilia", "metrics": [
        ("arrangement-minutes", "minutes per arrangement file", 27, "minutes"),
        ("error-reduction", "reduction in paperwork errors", 69, "percent")]},
    "bike": {"product": "Spokeshop", "metrics": [
        ("ticket-minutes", "minutes per repair ticket", 8, "minutes"),
        ("no-collect-reduction", "reduction in uncollected bikes", 51, "percent")]},
    "museum": {"product": "Vitrine", "metrics": [
        ("loan-record-minutes", "minutes per loan record", 21, "minutes"),
        ("audit-gap-reduction", "reduction in collection audit gaps", 73, "percent")]},
}

# where a line sits: its path and front matter beside the title (a terms page by title or kind; the
# ordinary pages by a title or kind that T18b's wide reading took for a page with no outcome claims)
PAGES: dict[str, tuple[str, str, str]] = {
    "careers": ("website/careers.md", "Careers", ""),
    "jobs": ("website/jobs/brewer.md", "Head brewer", "category: jobs\n"),
    "pricing": ("website/pricing.md", "Pricing", ""),
    "plans": ("website/plans.md", "Plans", ""),
    "partners": ("website/partners.md", "Partner programme", ""),
    "resellers": ("website/resellers.md", "Resellers", "kind: reseller\n"),
    "blog": ("website/blog/busy-season.md", "Ready for the busy season", "category: blog\n"),
    "support": ("website/support.md", "Support", ""),
    "getting-started": ("website/getting-started.md", "Getting started", ""),
    "security": ("website/security-made-simple.md", "Security made simple", "category: security\n"),
    "events": ("website/events/expo.md", "Join us at Funeral Expo 2026", ""),
}

# (industry, page, line, what must happen)
CASES: list[tuple[str, str, str, str]] = [
    # craft breweries
    ("brewery", "careers", "Cellar hands earn £26,000 to £29,500 a year, plus a beer allowance.", OWN),
    ("brewery", "careers", "Brewers work 4 days on, 4 days off across the two shifts.", OWN),
    ("brewery", "pricing", "Extra taproom tills are $19 per till per month.", OWN),
    ("brewery", "partners", "Distributors earn a 20% commission on every first-year subscription.", OWN),
    ("brewery", "careers", "Our Glassdoor rating is 4.7 out of 5.", CLAIM),
    ("brewery", "pricing", "Most breweries pay back the subscription in 3 months.", CLAIM),
    ("brewery", "partners", "Distributors add $18,000 in annual recurring revenue within a year.", CLAIM),
    ("brewery", "blog", "Breweries using Mashtun pour 2 more kegs a week at peak.", CLAIM),
    # dance studios
    ("dance", "careers", "Teachers get 28 days of holiday and a £1,200 learning budget.", OWN),
    ("dance", "plans", "The Studio plan covers up to 12 teachers.", OWN),
    ("dance", "partners", "Partner studios keep a 25% margin on every licence they sell.", OWN),
    ("dance", "careers", "9 out of 10 teachers would recommend working here.", CLAIM),
    ("dance", "pricing", "Studios on Pliebook fill their spring term in 11 days.", CLAIM),
    ("dance", "partners", "Partner studios renew 4 in 5 of their students each term.", CLAIM),
    ("dance", "support", "Studios that open a ticket hear back and fix the problem in 2 hours.", CLAIM),
    # funeral homes
    ("funeral", "careers", "Funeral arrangers are paid £15.50 to £17 an hour.", OWN),
    ("funeral", "careers", "Directors spend 3 days in the office and are on call one weekend in four.", OWN),
    ("funeral", "pricing", "The Parlour plan includes 90 days of document retention.", OWN),
    ("funeral", "partners", "Partners receive a 2% referral fee on each contract signed.", OWN),
    ("funeral", "careers", "Arrangers reach full caseloads in 6 weeks.", CLAIM),
    ("funeral", "pricing", "Homes on Vigilia handle twice as many arrangements per director.", CLAIM),
    ("funeral", "events", "Homes using Vigilia close their files in 4 days.", CLAIM),
    # bicycle repair shops
    ("bike", "jobs", "The mechanic role pays a salary of $48,000 to $55,000.", OWN),
    ("bike", "pricing", "Online booking is $4 per repair booked.", OWN),
    ("bike", "resellers", "Resellers get a 30% margin on every annual plan.", OWN),
    ("bike", "pricing", "Shops on Spokeshop turn repairs around in 2 days instead of 5.", CLAIM),
    ("bike", "resellers", "Resellers who complete certification close deals in 19 days.", CLAIM),
    ("bike", "careers", "Our mechanics rate us 4.6 out of 5 on Indeed.", CLAIM),
    ("bike", "getting-started", "Most shops take their first booking online in 3 days.", CLAIM),
    # museums
    ("museum", "careers", "Registrars receive a £900 home-office allowance.", OWN),
    ("museum", "pricing", "Each plan includes up to 5,000 object records.", OWN),
    ("museum", "partners", "Consultancies earn 15% of the first year's subscription for each museum they refer.", OWN),
    ("museum", "partners", "Consultancy partners grow their collections revenue by $40,000 a year.", CLAIM),
    ("museum", "careers", "8 in 10 of our hires were promoted within two years.", CLAIM),
    ("museum", "plans", "Museums on Vitrine answer loan requests 3 times faster.", CLAIM),
    ("museum", "security", "Museums using Vitrine pass their collection audits in half the time.", CLAIM),
    # a price per period (T18d), written before it was built
    ("brewery", "pricing", "Stock alerts are an add-on at £12 a month.", OWN),
    ("dance", "partners", "Studio insurance for partners starts from £7 a month.", OWN),
    ("bike", "partners", "Partner shops add $12,000 a year in new revenue.", CLAIM),
    ("funeral", "pricing", "Homes on Vigilia save £400 a month on printing.", CLAIM),
    # the second reading (T18d withdrawn; a range after "earn" and days at a place narrowed), written after it
    ("dance", "pricing", "Dental practices on Pro avert $2,000 a month in no-show losses.", CLAIM),
    ("bike", "partners", "Our customers avoid $4,500 a month in breach costs.", CLAIM),
    ("museum", "pricing", "Warehouses on Scale protect $5,000 a month of stock from shrinkage.", CLAIM),
    ("museum", "partners", "Partners earn $25,000 to $40,000 a year in referral revenue.", CLAIM),
    ("bike", "careers", "Support engineers earn $60,000 to $72,000 a year.", OWN),
    ("funeral", "partners", "Most rollouts are finished in 3 days on site.", CLAIM),
    ("museum", "pricing", "Our auditors find the first gap in 2 days on site.", CLAIM),
    ("dance", "partners", "Schools are fully trained after 4 days in the office.", CLAIM),
    ("brewery", "careers", "You'll spend 2 days a week in the office.", OWN),
]

# Cases the code at the start of T18c (main 41b6afa, with T18b) gets wrong, recorded when first run,
# before T18c was built or measured. Strict, so a change that mends one must say so here.
SILENCED = "not reported on main: T18b reads no sign of an outcome on a terms or no-claims page"
MODEL = "not reported before T18b either (b924f1a^1): the needs-a-source model reads it as no claim"
# Mended by T18c: 4, 5, 6, 11, 12, 13, 14, 20, 21, 26 and 28 (every outcome T18b silenced that b924f1a^1
# reported), with the own terms 15, 16, 22 and 23 kept silent. T18d mended 37, a price per period, and was
# withdrawn after the second reading (it hid 40, 41 and 42 on main): 37 is reported again.
KNOWN: dict[int, str] = {
    7: SILENCED + " (a blog post's outcome); " + MODEL,
    27: SILENCED + " (a rating); " + MODEL,
    33: SILENCED + " ('8 in 10 of our hires'); before T18b read as the make-up of the company",
    35: SILENCED + " (a security page's outcome); " + MODEL,
    37: "reported: a price per period with no price's word ('starts from £7 a month'); T18d read it and was withdrawn",
    47: "not reported: the claim model reads '4 days' before 'in the office' as no claim (0.30), before any terms reading",
}
# Before T18b (b924f1a^1) the own terms 15, 16, 22 and 23 (an hourly pay, office days and an on-call rota,
# a salary range, a price per repair) were reported, and the outcomes 7, 27, 33 and 35 were not.

def page_findings(industry: str, page: str, line: str) -> list[Any]:
    """The ``unsourced-claim`` findings on ``line`` written on the page ``page`` of the industry's KB."""
    path, title, extra = PAGES[page]
    return pages.page_findings(KBS[industry], path, title, line, (r18.RULE,), extra)


@pytest.mark.parametrize(("industry", "page", "line", "want"), known_failures(CASES, KNOWN))
def test_a_term_needs_positive_evidence(industry: str, page: str, line: str, want: str) -> None:
    got = page_findings(industry, page, line)
    if want == OWN:
        assert not got, [f.message for f in got]
    else:
        assert got, "nothing reported"
