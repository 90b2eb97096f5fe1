"""A registered metric restated in other words against outcome claims with no source on the same pages,
in six industries no corpus covers (ostrich farms, harbour pilots, crematoria, sheet-music publishers,
hydroponic growers, court reporters), written and committed before the nineteenth round's change was
built or measured ("Unsourced claims, nineteenth round" in bench/ACCURACY.md).

Each case is a tiny KB (one proof point registering two metrics) and one line on an FAQ or a pitch page.
``RESTATED``: the line states a metric's very value, with words of that metric's name: the metric is
behind it, no ``unsourced-claim`` finding. ``CLAIM``: an outcome the company claims with no source and no
metric: it stays reported. ``OTHER``: a figure of the same value as a metric but about another measure,
sharing none of the metric's words: it stays reported. Runs with the real embedding model and the
shipped weights.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.knowledge import pages
from tests.knowledge.test_identity_r13 import known_failures

pytestmark = pytest.mark.model

RULE = "unsourced-claim"
RESTATED = "restated"
CLAIM = "claim"
OTHER = "other"

KBS: dict[str, dict[str, Any]] = {
    "ostrich": {"product": "Plumetrack", "metrics": [
        ("incubator-log-minutes", "minutes per incubator log", 14, "minutes"),
        ("chick-loss-reduction", "reduction in chick losses", 37, "percent")]},
    "pilots": {"product": "Pilotdesk", "metrics": [
        ("boarding-minutes", "minutes per pilot boarding", 12, "minutes"),
        ("delay-reduction", "reduction in berthing delays", 41, "percent")]},
    "crematoria": {"product": "Emberline", "metrics": [
        ("booking-minutes", "minutes per cremation booking", 9, "minutes"),
        ("complaint-reduction", "reduction in family complaints", 48, "percent")]},
    "sheet-music": {"product": "Stavewise", "metrics": [
        ("engraving-hours", "hours of engraving per score", 6, "hours"),
        ("returns-reduction", "reduction in retailer returns", 33, "percent")]},
    "hydroponics": {"product": "Rootwell", "metrics": [
        ("dosing-minutes", "minutes per nutrient dosing check", 7, "minutes"),
        ("crop-loss-reduction", "reduction in crop losses", 44, "percent")]},
    "court": {"product": "Transcribo", "metrics": [
        ("transcript-hours", "hours to deliver a certified transcript", 18, "hours"),
        ("correction-reduction", "reduction in transcript corrections", 52, "percent")]},
}

# where a line sits: its path and title (ordinary pages, neither terms nor release pages)
PAGES = {
    "faq": ("website/faq.md", "Frequently asked questions"),
    "pitch": ("messaging/elevator-pitch.md", "Elevator pitch"),
}

# (industry, page, line, what must happen)
CASES: list[tuple[str, str, str, str]] = [
    # ostrich farms
    ("ostrich", "faq", "An incubator log takes about 14 minutes on Plumetrack.", RESTATED),
    ("ostrich", "pitch", "Chick losses fall by 37% once farms move their hatchery records onto Plumetrack.", RESTATED),
    ("ostrich", "faq", "Farms on Plumetrack sell 18% more hides at grade A.", CLAIM),
    ("ostrich", "pitch", "Feed deliveries arrive 37% sooner for farms on Plumetrack.", OTHER),
    # harbour pilots
    ("pilots", "faq", "Pilot boarding now takes 12 minutes on average.", RESTATED),
    ("pilots", "pitch", "Ports using Pilotdesk cut tug costs by 26%.", CLAIM),
    ("pilots", "faq", "Pilotdesk trims 41% off the time spent on tide tables.", OTHER),
    # crematoria
    ("crematoria", "pitch", "- A cremation booking takes 9 minutes from first call to confirmation.", RESTATED),
    ("crematoria", "faq", "Crematoria on Emberline book 30% more chapel slots each month.", CLAIM),
    ("crematoria", "pitch", "Emberline cuts gas use per service by 48%.", OTHER),
    # sheet-music publishers
    ("sheet-music", "faq", "Engraving a full score takes 6 hours with Stavewise.", RESTATED),
    ("sheet-music", "pitch", "Publishers on Stavewise sell 21% more print-on-demand copies.", CLAIM),
    ("sheet-music", "faq", "Stavewise publishers clear royalty statements 33% faster.", OTHER),
    # hydroponic growers
    ("hydroponics", "pitch", "A nutrient dosing check is down to 7 minutes per rack.", RESTATED),
    ("hydroponics", "faq", "Growers on Rootwell harvest lettuce 5 days sooner.", CLAIM),
    ("hydroponics", "pitch", "Growers on Rootwell use 44% less water per kilo.", OTHER),
    # court reporters
    ("court", "faq", "Certified transcripts are delivered within 18 hours of the hearing.", RESTATED),
    ("court", "pitch", "Court reporters on Transcribo take on 35% more depositions a month.", CLAIM),
    ("court", "faq", "Agencies on Transcribo get invoices paid 52% sooner.", OTHER),
]

# Cases the code at the round's start (main bffef00) gets wrong, recorded when first run, before any
# change was built. Strict, so a change that mends one must say so here.
BACKED = "not reported on main: the same value as a metric of another measure is read as that metric's, backed"
KNOWN: dict[int, str] = {
    6: BACKED + " ('41% off the time spent on tide tables' beside delay-reduction 41%)",
    15: BACKED + " ('44% less water per kilo' beside crop-loss-reduction 44%)",
}


def page_findings(industry: str, page: str, line: str) -> list[Any]:
    """The ``unsourced-claim`` findings on ``line`` written on the page ``page`` of the industry's KB."""
    path, title = PAGES[page]
    return pages.page_findings(KBS[industry], path, title, line, (RULE,))


@pytest.mark.parametrize(("industry", "page", "line", "want"), known_failures(CASES, KNOWN))
def test_restated_metric_against_unsourced_claims(industry: str, page: str, line: str, want: str) -> None:
    got = page_findings(industry, page, line)
    if want == RESTATED:
        assert not got, [f.message for f in got]
    else:
        assert got, "nothing reported"
