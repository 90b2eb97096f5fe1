"""A registered metric's very value said another way, in six industries none of the corpora covers
(beekeeping, orthodontics, courier co-ops, ferry operators, printing presses, zoos), written and
committed before the fifteenth round's reading was measured ("The very value said another way,
fifteenth round" in bench/ACCURACY.md).

Each case is a tiny KB (one proof point registering two general metrics, each stated right in its
prose; in three industries a customer's case study registering one metric of that customer) and one
line a rep says on a call, a draft states, or a messaging page of the KB states. ``backed``: the line
states an approved value said another way ("a quarter of an hour" for 15 minutes, "a fifth" for
20%, "£18k" for 18,000 GBP, "halves" for a 50% cut), so no needs-a-source finding and no comparing
finding falls on it. ``reported``: the line states the same value of the opposite direction ("lose 15
minutes" against 15 minutes saved), a target or a forecast, another customer's figure, another
measure sharing the value, a norm, a price, a sample size or a before value; a needs-a-source or a
comparing finding still falls on it. Runs with the real embedding model and the shipped weights; the
harness is the thirteenth round's (:func:`tests.knowledge.test_identity_r13.findings`). The reading
was taken out after review; the cases stay as tests of what canon does without it.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.knowledge.test_identity_r13 import COMPARING, findings, known_failures

pytestmark = pytest.mark.model

NEEDS_SOURCE = ("unsourced-claim", "unsupported-claim")
RULES = (*COMPARING, *NEEDS_SOURCE)

CASE_STUDY = """---
type: case_study
title: "{customer}: {headline}"
owner: ana@example.com
reviewed: 2026-10-01
sources:
  - title: {customer} customer interview
    date: 2026-06-30
metrics:
  - id: {id}
    name: {name}
    value: {value}
    unit: {unit}
    source: {customer} customer interview
---

# {customer}

{customer} runs on {product}. {prose}
"""


def _case_study(product: str, customer: str, headline: str, metric: tuple[str, str, float, str], prose: str
                ) -> dict[str, str]:
    """A customer's case study registering one metric of that customer, as a KB file."""
    mid, name, value, unit = metric
    text = CASE_STUDY.format(customer=customer, headline=headline, id=mid, name=name, value=value, unit=unit,
                             product=product, prose=prose)
    return {f"case-studies/{mid}.md": text}


KBS: dict[str, dict[str, Any]] = {
    "bees": {"product": "Hivewise", "metrics": [
        ("inspection-minutes-saved", "minutes saved per hive inspection", 15, "minutes"),
        ("colony-loss-reduction", "reduction in winter colony losses", 20, "percent")],
        "files": _case_study("Hivewise", "Heather Hill Apiaries", "honey yield up 30%",
                             ("heather-hill-yield-increase", "Heather Hill Apiaries' increase in honey yield",
                              30, "percent"),
                             "Heather Hill Apiaries increased its honey yield by 30% in its first season.")},
    "ortho": {"product": "Bracely", "metrics": [
        ("aligner-refit-reduction", "reduction in aligner refits", 25, "percent"),
        ("treatment-plan-minutes", "average time to prepare a treatment plan", 45, "minutes")]},
    "courier": {"product": "Relayco", "metrics": [
        ("fuel-saving", "fuel saving per co-op", 18000, "GBP"),
        ("on-time-delivery-rate", "share of parcels delivered on time", 96, "percent")],
        "files": _case_study("Relayco", "Northgate Riders", "fewer failed drops",
                             ("northgate-failed-drop-reduction", "Northgate Riders' reduction in failed drops",
                              40, "percent"),
                             "Northgate Riders cut failed drops by 40% in six months.")},
    "ferry": {"product": "Wakeline", "metrics": [
        ("boarding-minutes", "average time to board a sailing", 12, "minutes"),
        ("no-show-reduction", "reduction in passenger no-shows", 30, "percent")]},
    "print": {"product": "Pressmark", "metrics": [
        ("makeready-minutes-saved", "minutes saved per makeready", 20, "minutes"),
        ("paper-waste-reduction", "reduction in paper waste", 50, "percent")],
        "files": _case_study("Pressmark", "Fenwick Print", "makeready in half the time",
                             ("fenwick-reprint-reduction", "Fenwick Print's reduction in reprints", 35, "percent"),
                             "Fenwick Print cut reprints by 35% in its first year.")},
    "zoo": {"product": "Enclosio", "metrics": [
        ("ticket-queue-minutes", "average wait at the ticket gate", 8, "minutes"),
        ("membership-renewal-rate", "share of members renewing their membership", 75, "percent")]},
}

BACKED = "backed"
REPORTED = "reported"

# (industry, where, line, what must happen)
CASES: list[tuple[str, str, str, str]] = [
    # beekeeping
    ("bees", "draft", "Beekeepers on Hivewise finish each hive inspection a quarter of an hour sooner.", BACKED),
    ("bees", "page", "Apiaries on Hivewise lose a fifth fewer colonies over the winter.", BACKED),
    ("bees", "call", "With Hivewise you save fifteen minutes on every hive inspection.", BACKED),
    ("bees", "draft", "Beekeepers lose 15 minutes on every hive inspection to paperwork.", REPORTED),
    ("bees", "draft", "By 2028 we want Hivewise to cut winter colony losses by 20%.", REPORTED),
    ("bees", "draft", "Heather Hill Apiaries cut winter colony losses by 20% with Hivewise.", REPORTED),
    ("bees", "draft", "The industry average winter colony loss is 20%.", REPORTED),
    # orthodontics
    ("ortho", "draft", "Orthodontists on Bracely prepare a treatment plan in about three quarters of an hour.", BACKED),
    ("ortho", "page", "Practices on Bracely order a quarter fewer aligner refits.", BACKED),
    ("ortho", "call", "Clinics cut aligner refits by a quarter once they are on Bracely.", BACKED),
    ("ortho", "draft", "Practices on Bracely order 25% more aligner refits in their first year.", REPORTED),
    ("ortho", "draft", "Our goal is to cut aligner refits by 25% at every Bracely practice.", REPORTED),
    ("ortho", "draft", "Before Bracely, a treatment plan took 45 minutes to prepare.", REPORTED),
    ("ortho", "draft", "Patients on Bracely spend 45 minutes less in the waiting room.", REPORTED),
    # courier co-ops
    ("courier", "draft", "Each Relayco co-op saves £18k on fuel.", BACKED),
    ("courier", "call", "Relayco riders deliver ninety-six percent of parcels on time.", BACKED),
    ("courier", "page", "Co-ops on Relayco save £18,000 on fuel.", BACKED),
    ("courier", "draft", "Each Relayco co-op spends £18,000 on fuel.", REPORTED),
    ("courier", "draft", "Northgate Riders delivered 96% of parcels on time with Relayco.", REPORTED),
    ("courier", "draft", "The industry average on-time delivery rate is 96%.", REPORTED),
    ("courier", "draft", "Relayco co-ops cut failed drops by 40% in six months.", REPORTED),
    # ferry operators
    ("ferry", "call", "Passengers board a Wakeline sailing in about twelve minutes.", BACKED),
    ("ferry", "draft", "Wakeline operators cut passenger no-shows by thirty per cent.", BACKED),
    ("ferry", "page", "Boarding a Wakeline sailing takes twelve minutes on average.", BACKED),
    ("ferry", "draft", "Wakeline plans to cut passenger no-shows by 30% next season.", REPORTED),
    ("ferry", "draft", "Operators on Wakeline saw passenger no-shows increase by 30%.", REPORTED),
    ("ferry", "draft", "Before Wakeline, boarding a sailing took 12 minutes.", REPORTED),
    ("ferry", "draft", "We expect Wakeline to cut passenger no-shows by 30% on winter routes.", REPORTED),
    # printing presses
    ("print", "draft", "Pressmark halves paper waste on the press floor.", BACKED),
    ("print", "page", "Printers on Pressmark save twenty minutes on every makeready.", BACKED),
    ("print", "call", "Printers on Pressmark cut paper waste by half.", BACKED),
    ("print", "draft", "Press crews lose 20 minutes on every makeready to manual plate checks.", REPORTED),
    ("print", "draft", "We aim to cut paper waste by 50% at every Pressmark site by 2027.", REPORTED),
    ("print", "draft", "Half of the printers on Pressmark run two shifts.", REPORTED),
    ("print", "draft", "Fenwick Print cut paper waste by 50% with Pressmark.", REPORTED),
    # zoos
    ("zoo", "draft", "Visitors at Enclosio zoos wait about eight minutes at the ticket gate.", BACKED),
    ("zoo", "page", "Three quarters of Enclosio zoo members renew their membership.", BACKED),
    ("zoo", "call", "Visitors wait roughly eight minutes at the ticket gate with Enclosio.", BACKED),
    ("zoo", "draft", "The national average membership renewal rate for zoos is 75%.", REPORTED),
    ("zoo", "draft", "Our target is for 75% of Enclosio members to renew next year.", REPORTED),
    ("zoo", "draft", "Visitors at Enclosio zoos queue 8 minutes longer at the ticket gate.", REPORTED),
    ("zoo", "draft", "An Enclosio annual membership costs £75.", REPORTED),
    ("zoo", "draft", "Our 2026 survey asked 75 zoo members about their visits.", REPORTED),
    # the measure in other words than the metric's name, so the wording scores low
    ("bees", "draft", "Hivewise hands every beekeeper back a quarter of an hour at each hive check.", BACKED),
    ("print", "call", "Crews on Pressmark get a press ready for the next job twenty minutes quicker.", BACKED),
    ("zoo", "draft", "Three in every four Enclosio cardholders sign up again for another year.", BACKED),
    ("ferry", "call", "Wakeline operators see thirty per cent fewer passengers fail to turn up.", BACKED),
]

# Cases the code at the round's start (main 11d3d22) gets wrong, recorded when first run, before any
# change was measured. Strict, so a change that mends one must say so here.
# Every one of them is backed on main by the "same measure?" link that the value alone decides (the same
# line with another value draws a finding): in a KB of two metrics the link fires on the very value,
# whatever the sentence says around it. No must-be-backed case fails on main.
OPPOSITE = "backed on main: the opposite direction of the registered measure, linked by its value"
TARGET = "backed on main: a target, plan or forecast linked to the registered result by its value"
NORM = "backed on main: an industry norm linked to the registered metric by its value"
OTHER = "backed on main: another measure sharing the value linked to the registered metric"
KNOWN: dict[int, str] = {
    3: OPPOSITE, 10: OPPOSITE, 17: OPPOSITE, 25: OPPOSITE, 31: OPPOSITE, 40: OPPOSITE,
    4: TARGET, 11: TARGET, 24: TARGET, 27: TARGET, 32: TARGET, 39: TARGET,
    6: NORM, 19: NORM, 38: NORM,
    13: OTHER,
}


@pytest.mark.parametrize(("industry", "where", "line", "want"), known_failures(CASES, KNOWN))
def test_the_very_value_said_another_way(industry: str, where: str, line: str, want: str) -> None:
    got = [f for f in findings(industry, where, line, KBS, RULES) if f.rule in RULES]
    if want == BACKED:
        assert not got, [(f.rule, f.message) for f in got]
    else:
        assert got, "nothing reported"
