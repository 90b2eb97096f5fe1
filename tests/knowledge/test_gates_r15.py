"""A customer named on one side only, in six industries none of the corpora covers (ferry operators,
roofing, zoos, printing presses, allotment societies, orthodontics), written and committed before
the fifteenth round's reading was measured ("The same-measure link's gates, fifteenth round" in
bench/ACCURACY.md).

Each case is a tiny KB: a proof point registering one metric of no customer (each stated right in
its prose) and a case study registering one customer's metric, and one line a rep says on a call, a
draft states, or a messaging page of the KB states. ``backed``: the line restates a registered value
and says nothing of whose it is (the case study's result without the customer's name), or a rep's
turn names the customer a sentence before the general metric's value; no needs-a-source finding and
no comparing finding falls on it. ``reported``: another customer's figure, a general market figure
beside a customer's, a before value as a baseline, a target, a population, or the customer's value
misstated; a needs-a-source or a comparing finding still falls on it. Runs with the real embedding
model and the shipped weights; the harness is the thirteenth round's
(:func:`tests.knowledge.test_identity_r13.findings`).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.knowledge.test_identity_r13 import COMPARING, findings, known_failures

pytestmark = pytest.mark.model

NEEDS_SOURCE = ("unsourced-claim", "unsupported-claim")
RULES = (*COMPARING, *NEEDS_SOURCE)

STORY = """---
type: case_study
title: {customer}
owner: ana@example.com
reviewed: 2026-10-01
sources:
  - title: {customer} review 2026
    date: 2026-06-30
metrics:
  - id: {id}
    name: {name}
    value: {value}
    unit: {unit}
    source: {customer} review 2026
---

# {customer}

{prose}
"""


def _kb(product: str, general: tuple[str, str, int, str], customer: str, story: tuple[str, str, int, str],
        prose: str) -> dict[str, Any]:
    """A KB of one general metric (the proof point) and one customer's case study."""
    i, n, v, u = story
    return {"product": product, "metrics": [general],
            "files": {"case-studies/story.md": STORY.format(customer=customer, id=i, name=n, value=v, unit=u,
                                                            prose=prose)}}


KBS: dict[str, dict[str, Any]] = {
    "ferry": _kb("Wakeline", ("boarding-minutes", "average vehicle boarding time", 18, "minutes"),
                 "Skerry Ferries", ("skerry-missed-sailings-reduction", "reduction in missed sailings", 37, "percent"),
                 "Skerry Ferries cut missed sailings by 37% in its first winter on Wakeline."),
    "roofing": _kb("Ridgepad", ("quote-hours", "average time to produce a roof quote", 3, "hours"),
                   "Slatewright Roofing", ("slatewright-callback-reduction", "reduction in leak callbacks", 28,
                                           "percent"),
                   "Slatewright Roofing cut leak callbacks by 28% in a year on Ridgepad."),
    "zoo": _kb("Enclosa", ("welfare-check-minutes", "average time to log an animal welfare check", 4, "minutes"),
               "Brackenlea Zoo", ("brackenlea-membership-increase", "increase in annual memberships", 19, "percent"),
               "Brackenlea Zoo grew annual memberships by 19% in its first season on Enclosa."),
    "press": _kb("Platemark", ("make-ready-minutes", "average press make-ready time", 25, "minutes"),
                 "Foxley Litho", ("foxley-paper-waste-reduction", "reduction in paper waste", 16, "percent"),
                 "Foxley Litho cut paper waste by 16% across its four presses with Platemark."),
    "allotment": _kb("Plotkeeper", ("plot-fill-days", "average time to let a vacant plot", 21, "days"),
                     "Holloway Lane Allotment Society", ("holloway-waiting-list-reduction",
                                                         "reduction in waiting list length", 45, "percent"),
                     "Holloway Lane Allotment Society cut its waiting list by 45% within a year of Plotkeeper."),
    "ortho": _kb("Bracewise", ("consult-booking-days", "average time to book a consultation", 3, "days"),
                 "Dunmore Orthodontics", ("dunmore-missed-adjustment-reduction",
                                          "reduction in missed adjustment appointments", 33, "percent"),
                 "Dunmore Orthodontics cut missed adjustment appointments by 33% with Bracewise."),
}

BACKED = "backed"
REPORTED = "reported"

# (industry, where, line, what must happen)
CASES: list[tuple[str, str, str, str]] = [
    # ferry operators
    ("ferry", "draft", "Missed sailings fell 37% in the first winter on Wakeline.", BACKED),
    ("ferry", "call", "We started with Skerry Ferries last spring. Cars board in about eighteen minutes with Wakeline.",
     BACKED),
    ("ferry", "draft", "Kyle Line Ferries cut missed sailings by 37% on another system.", REPORTED),
    ("ferry", "draft", "Across the industry, 37% of ferry operators report missed sailings every winter.", REPORTED),
    ("ferry", "draft", "Before Wakeline, boarding a car deck took 18 minutes.", REPORTED),
    ("ferry", "draft", "We aim to cut missed sailings by 37% for every operator by 2028.", REPORTED),
    # roofing
    ("roofing", "page", "Leak callbacks drop 28% with Ridgepad.", BACKED),
    ("roofing", "call", "Slatewright were the first to try it. A quote takes about three hours with Ridgepad.", BACKED),
    ("roofing", "draft", "Most roofers see 28% of their callbacks come from flashing faults.", REPORTED),
    ("roofing", "draft", "Slatewright Roofing cut leak callbacks by 40% on Ridgepad.", REPORTED),
    ("roofing", "draft", "Tegula Roofing Group cut leak callbacks by 28% last year.", REPORTED),
    # zoos
    ("zoo", "draft", "Annual memberships grew 19% after the switch to Enclosa.", BACKED),
    ("zoo", "call", "Brackenlea Zoo rolled it out in March. Keepers log a welfare check in about four minutes now.",
     BACKED),
    ("zoo", "draft", "Across the sector, zoo memberships grew 19% in 2025.", REPORTED),
    ("zoo", "draft", "Our goal is 19% more annual memberships for every zoo on Enclosa by 2027.", REPORTED),
    # printing presses
    ("press", "draft", "Paper waste fell 16% on the presses running Platemark.", BACKED),
    ("press", "page", "Make-ready takes 25 minutes on average with Platemark.", BACKED),
    ("press", "draft", "Cobden Print Works cut paper waste by 16% with a new ink system.", REPORTED),
    ("press", "draft", "Before Platemark, make-ready at Foxley Litho took 25 minutes.", REPORTED),
    # allotment societies
    ("allotment", "draft", "The waiting list got 45% shorter within a year of moving to Plotkeeper.", BACKED),
    ("allotment", "call", "Holloway Lane signed up in 2024. Vacant plots are let in about three weeks now.", BACKED),
    ("allotment", "draft", "Nationally, 45% of allotment societies have a waiting list over two years.", REPORTED),
    ("allotment", "draft", "Plotkeeper aims to shorten every society's waiting list by 45% by 2028.", REPORTED),
    # orthodontics
    ("ortho", "draft", "Missed adjustment appointments drop by a third with Bracewise.", BACKED),
    ("ortho", "call", "Dunmore Orthodontics went live in June. Patients book a consultation in about three days.",
     BACKED),
    ("ortho", "draft", "Most practices lose 33% of new patients before the consultation.", REPORTED),
    ("ortho", "draft", "Kelso Smile Clinic cut missed appointments by 33% with reminder texts.", REPORTED),
]

# Cases the code at the round's start (main 11d3d22) gets wrong, recorded when first run, before the
# reading was measured. Strict, so a change that mends one must say so here.
ONE_SIDE = "not backed on main: a needs-a-source finding falls on it"
KNOWN: dict[int, str] = {
    0: ONE_SIDE, 6: ONE_SIDE, 11: ONE_SIDE, 15: ONE_SIDE, 19: ONE_SIDE, 23: ONE_SIDE,
    1: ONE_SIDE, 7: ONE_SIDE, 24: ONE_SIDE,
    18: "nothing reported on main: a named customer's before value is read as no claim or as backed",
}


@pytest.mark.parametrize(("industry", "where", "line", "want"), known_failures(CASES, KNOWN))
def test_a_customer_named_on_one_side_only(industry: str, where: str, line: str, want: str) -> None:
    got = [f for f in findings(industry, where, line, KBS, RULES) if f.rule in RULES]
    if want == BACKED:
        assert not got, [(f.rule, f.message) for f in got]
    else:
        assert got, "nothing reported"
