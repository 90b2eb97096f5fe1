"""What a sentence says of a registered metric's value, in six industries none of the corpora or the
reviews covers (aquariums, glaziers, bridal shops, campsites, sign makers, spa hotels), written and
committed before the fifteenth round's blocks of the "same measure?" link were built or measured
("The same-measure link and what a sentence says of its figure, fifteenth round" in
bench/ACCURACY.md).

Each case is a tiny KB (one proof point registering two general metrics, each stated right in its
prose; in two industries a customer's case study registering one metric of that customer) and one line
a rep says on a call, a draft states, or a messaging page of the KB states. ``backed``: the line says
the approved figure right, with direction words that agree with the metric ("cut no-shows by 20%",
"no-shows fell by a fifth"): no needs-a-source finding and no comparing finding falls on it.
``reported``: the line states the registered value of the opposite direction, a target, a plan, a
forecast or a hypothetical, an industry norm, or another organisation's figure; a needs-a-source or a
comparing finding falls on it. Runs with the real embedding model and the shipped weights; the harness
is the thirteenth round's (:func:`tests.knowledge.test_identity_r13.findings`).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.knowledge.test_identity_r13 import COMPARING, findings, known_failures
from tests.knowledge.test_value_r15 import _case_study

pytestmark = pytest.mark.model

NEEDS_SOURCE = ("unsourced-claim", "unsupported-claim")
RULES = (*COMPARING, *NEEDS_SOURCE)

KBS: dict[str, dict[str, Any]] = {
    "aquarium": {"product": "Tankwise", "metrics": [
        ("fish-loss-reduction", "reduction in fish losses", 30, "percent"),
        ("water-test-minutes-saved", "minutes saved per water test", 10, "minutes")]},
    "glazier": {"product": "Paneline", "metrics": [
        ("remeasure-reduction", "reduction in window remeasures", 40, "percent"),
        ("quote-hours-saved", "hours saved per week on quotes", 6, "hours")],
        "files": _case_study("Paneline", "Clearview Glass", "fewer breakages",
                             ("clearview-breakage-reduction", "Clearview Glass's reduction in breakages",
                              25, "percent"),
                             "Clearview Glass cut breakages by 25% in its first year.")},
    "bridal": {"product": "Veilbook", "metrics": [
        ("fitting-no-show-reduction", "reduction in fitting no-shows", 20, "percent"),
        ("alteration-days-saved", "days saved per alteration", 3, "days")]},
    "campsite": {"product": "Pitchly", "metrics": [
        ("booking-increase", "increase in online pitch bookings", 35, "percent"),
        ("check-in-minutes-saved", "minutes saved per check-in", 5, "minutes")]},
    "sign": {"product": "Signcraft", "metrics": [
        ("reprint-reduction", "reduction in sign reprints", 50, "percent"),
        ("proof-hours-saved", "hours saved per week on proofs", 8, "hours")],
        "files": _case_study("Signcraft", "Bright Letters", "faster installs",
                             ("bright-letters-install-reduction", "Bright Letters' reduction in install time",
                              15, "percent"),
                             "Bright Letters cut install time by 15% with Signcraft.")},
    "spa": {"product": "Calmdesk", "metrics": [
        ("treatment-rebooking-increase", "increase in treatment rebookings", 25, "percent"),
        ("cancellation-reduction", "reduction in late cancellations", 18, "percent")]},
}

BACKED = "backed"
REPORTED = "reported"

# (industry, where, line, what must happen)
CASES: list[tuple[str, str, str, str]] = [
    # aquariums
    ("aquarium", "draft", "Aquariums on Tankwise cut fish losses by 30%.", BACKED),
    ("aquarium", "call", "With Tankwise, fish losses fell by 30% across our aquariums.", BACKED),
    ("aquarium", "draft", "Fish losses climbed 30% at aquariums that stopped logging water tests.", REPORTED),
    ("aquarium", "draft", "If you cut fish losses by 30%, the tanks pay for themselves.", REPORTED),
    # glaziers
    ("glazier", "draft", "Glaziers on Paneline save 6 hours a week on quotes.", BACKED),
    ("glazier", "page", "Paneline reduces window remeasures by 40%.", BACKED),
    ("glazier", "draft", "Glaziers lose 6 hours a week on quotes without Paneline.", REPORTED),
    ("glazier", "draft", "We aim to cut window remeasures by 40% at every Paneline customer.", REPORTED),
    # bridal shops
    ("bridal", "draft", "Bridal shops on Veilbook see fitting no-shows drop by 20%.", BACKED),
    ("bridal", "call", "Veilbook saves 3 days on every alteration.", BACKED),
    ("bridal", "draft", "Fitting no-shows jumped 20% at shops that stopped sending reminders.", REPORTED),
    ("bridal", "draft", "The industry average fitting no-show rate is 20%.", REPORTED),
    # campsites
    ("campsite", "draft", "Campsites on Pitchly grew online pitch bookings by 35%.", BACKED),
    ("campsite", "page", "Pitchly saves 5 minutes on every check-in.", BACKED),
    ("campsite", "draft", "Online pitch bookings fell 35% at sites without Pitchly.", REPORTED),
    ("campsite", "draft", "By 2028 we expect Pitchly to raise online pitch bookings by 35%.", REPORTED),
    # sign makers
    ("sign", "draft", "Sign makers on Signcraft halve their reprints, a 50% reduction.", BACKED),
    ("sign", "call", "Signcraft saves 8 hours a week on proofs.", BACKED),
    ("sign", "draft", "Sign shops waste 8 hours a week on proofs.", REPORTED),
    ("sign", "draft", "One of our sign shops in Leeds cut reprints by 50% in the first month.", REPORTED),
    # spa hotels
    ("spa", "draft", "Spa hotels on Calmdesk cut late cancellations by 18%.", BACKED),
    ("spa", "page", "Treatment rebookings rose 25% at spa hotels on Calmdesk.", BACKED),
    ("spa", "draft", "Late cancellations surged 18% at spas that dropped deposits.", REPORTED),
    ("spa", "draft", "Our competitor Spawise claims treatment rebookings rose 25%.", REPORTED),
]

# Cases the code at the round's start (main 514d292) gets wrong, recorded when first run, before any
# change was measured. Strict, so a change that mends one must say so here.
# Every must-be-backed case passes on main; every must-be-reported case is backed there by the link
# the value alone decides.
OPPOSITE = "backed on main: the opposite direction of the registered measure, linked by its value"
TARGET = "backed on main: a target, plan, forecast or hypothetical linked to the registered result by its value"
NORM = "backed on main: an industry norm linked to the registered metric by its value"
OTHER = "backed on main: another organisation's figure linked to the registered metric by its value"
KNOWN: dict[int, str] = {
    2: OPPOSITE, 6: OPPOSITE, 10: OPPOSITE, 14: OPPOSITE, 18: OPPOSITE, 22: OPPOSITE,
    3: TARGET, 7: TARGET, 15: TARGET,
    11: NORM,
    19: OTHER, 23: OTHER,
}


@pytest.mark.parametrize(("industry", "where", "line", "want"), known_failures(CASES, KNOWN))
def test_what_a_sentence_says_of_its_figure(industry: str, where: str, line: str, want: str) -> None:
    got = [f for f in findings(industry, where, line, KBS, RULES) if f.rule in RULES]
    if want == BACKED:
        assert not got, [(f.rule, f.message) for f in got]
    else:
        assert got, "nothing reported"
