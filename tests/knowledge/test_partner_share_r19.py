"""A partner's commission said as a share of money paid, and volunteering days, against outcomes on the
same partner and careers pages, in six industries no corpus covers (ostrich farms, harbour pilots,
crematoria, sheet-music publishers, hydroponic growers, court reporters), written and committed before
the nineteenth round's R19t was built or measured ("Unsourced claims, nineteenth round", section 7, in
bench/ACCURACY.md).

Each case is the tiny KB of :mod:`tests.knowledge.test_restated_metric_r19` (values no line below
repeats) and one line on a partner or careers page. ``OWN``: the company's own term: no
``unsourced-claim`` finding. ``CLAIM``: an outcome with no source on the same kind of page: reported.
Runs with the real embedding model and the shipped weights.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.knowledge import pages
from tests.knowledge.test_identity_r13 import known_failures
from tests.knowledge.test_restated_metric_r19 import KBS

pytestmark = pytest.mark.model

RULE = "unsourced-claim"
OWN = "own"
CLAIM = "claim"

PAGES = {
    "partners": ("website/partners.md", "Partner programme"),
    "careers": ("website/careers.md", "Careers"),
}

# (industry, page, line, what must happen)
CASES: list[tuple[str, str, str, str]] = [
    # ostrich farms
    ("ostrich", "partners", "Feed merchants who refer a farm earn 15% of its first-year subscription.", OWN),
    ("ostrich", "partners", "Feed merchants who partner with us grow their farm sales by 24%.", CLAIM),
    # harbour pilots
    ("pilots", "partners", "Port agents who refer an authority get 11% of the first year's licence fees.", OWN),
    ("pilots", "partners", "Agents on Pilotdesk handle 30% more vessel calls a month.", CLAIM),
    ("pilots", "partners", "Port agents earn 20% more in fees after a year on Pilotdesk.", CLAIM),
    # crematoria
    ("crematoria", "careers", "Two paid volunteering days a year for every member of staff.", OWN),
    ("crematoria", "careers", "Crematoria on Emberline cut family complaints by 27% in their first year.", CLAIM),
    # sheet-music publishers
    ("sheet-music", "partners", "Music retailers earn 18 percent of every annual plan they sell.", OWN),
    ("sheet-music", "partners", "Retailers selling Stavewise plans see 19% fewer returns.", CLAIM),
    # hydroponic growers
    ("hydroponics", "careers", "Everyone gets three volunteering days a year.", OWN),
    ("hydroponics", "careers", "Growers using Rootwell lose 22% fewer trays to root rot.", CLAIM),
    # court reporters
    ("court", "partners", "Reporting agencies receive 10% of a law firm's first-year subscription.", OWN),
    ("court", "partners", "Agencies using Transcribo win 40% of the depositions they bid for.", CLAIM),
]

# Cases the code at the round's start (main bffef00) gets wrong, recorded when first run, before R19t
# was built. Strict, so a change that mends one must say so here.
REPORTED = "reported on main: a commission as a share of money paid asked for a source"
MEASURED = "not reported on main: the outcome names a registered metric's measure (a metric-conflict's, not this rule's)"
KNOWN: dict[int, str] = {
    6: MEASURED + " ('cut family complaints by 27%' beside complaint-reduction 48%)",
    7: REPORTED + " ('18 percent of every annual plan')",
    8: MEASURED + " ('19% fewer returns' beside returns-reduction 33%)",
    11: REPORTED + " ('10% of a law firm's first-year subscription')",
}


@pytest.mark.parametrize(("industry", "page", "line", "want"), known_failures(CASES, KNOWN))
def test_partner_share_and_volunteering_against_outcomes(industry: str, page: str, line: str, want: str) -> None:
    path, title = PAGES[page]
    got: list[Any] = pages.page_findings(KBS[industry], path, title, line, (RULE,))
    if want == OWN:
        assert not got, [f.message for f in got]
    else:
        assert got, "nothing reported"
