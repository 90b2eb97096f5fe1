"""Restatements of a registered metric in other words, in six industries no corpus covers (cider
presses, sign writers, locksmiths, taxidermists, harp makers, drystone wallers), written and
committed before the eighteenth round's change was measured ("Restated metrics checked against the
registry, eighteenth round" in bench/ACCURACY.md).

Each industry is a tiny KB (one proof point registering two metrics, each stated right in its
prose) and two lines, on a messaging page of the KB (``page``) or in a draft (``draft``):

- ``link``: the line states one registered metric's measure in other words with a different value,
  so the finding must be a ``metric-conflict`` naming that metric;
- ``quiet`` (``None``): the line states another measure in similar words, an industry norm beside
  the result, a named customer's before figure, or a rounded restatement that agrees; no comparing
  finding may name a metric.

Runs with the real embedding model and the shipped weights; the harness is the thirteenth round's
(:func:`tests.knowledge.test_identity_r13.findings`).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.knowledge.test_identity_r13 import COMPARING, findings, known_failures

pytestmark = pytest.mark.model

KBS: dict[str, dict[str, Any]] = {
    "cider": {"product": "Pressmark", "metrics": [
        ("pomace-waste-reduction", "reduction in apple pomace sent to waste", 30, "percent"),
        ("press-cycle-minutes", "average pressing cycle time", 45, "minutes")]},
    "signs": {"product": "Letterline", "metrics": [
        ("sign-turnaround-days", "average days from order to a finished sign", 9, "days"),
        ("gilding-rework-reduction", "reduction in gilding rework", 25, "percent")]},
    "locks": {"product": "Keyway", "metrics": [
        ("callout-response-minutes", "average emergency call-out response time", 35, "minutes"),
        ("repeat-visit-reduction", "reduction in repeat visits to the same job", 28, "percent")]},
    "taxidermy": {"product": "Hidecraft", "metrics": [
        ("hide-spoilage-reduction", "reduction in hides spoiled before tanning", 40, "percent"),
        ("mount-turnaround-weeks", "average weeks to finish a mount", 16, "weeks")]},
    "harps": {"product": "Soundboard", "metrics": [
        ("build-hours-saved", "hours saved per harp built", 20, "hours"),
        ("string-breakage-reduction", "reduction in strings broken during regulation", 33, "percent")]},
    "walls": {"product": "Coursebook", "metrics": [
        ("frost-collapse-reduction", "reduction in wall collapses after frost", 45, "percent"),
        ("sorting-hours-saved", "hours a week saved sorting stone", 6, "hours")]},
}

# (industry, where, line, the metric it must be a metric-conflict against, or None for quiet)
CASES: list[tuple[str, str, str, str | None]] = [
    # cider presses: link in other words (pulp thrown out / pomace sent to waste); quiet: a before/after pair
    ("cider", "page", "Cider makers on Pressmark throw out 50% less pulp after pressing.", "pomace-waste-reduction"),
    ("cider", "draft", "Hollow Orchard's pressing cycle went from 80 minutes to 60 minutes in its first season.",
     None),
    # sign writers: link (a customer gets the finished sign); quiet: an industry norm beside the result
    ("signs", "draft", "Shops get their finished signboard 14 days after they order it with Letterline.",
     "sign-turnaround-days"),
    ("signs", "draft", "Across the trade, a hand-painted sign takes about 14 days from order to fitting.", None),
    # locksmiths: link (waiting for a locksmith to arrive); quiet: another measure in similar words
    ("locks", "page", "Locked-out customers wait about fifty minutes for a Keyway locksmith to reach them.",
     "callout-response-minutes"),
    ("locks", "page", "Keyway locksmiths spend about fifty minutes on the phone with suppliers each week.", None),
    # taxidermists: link (skins lost to rot); quiet: another measure sharing the word "tanning"
    ("taxidermy", "draft", "Studios on Hidecraft lose 60% fewer skins to rot before they reach the tannery.",
     "hide-spoilage-reduction"),
    ("taxidermy", "draft", "Studios on Hidecraft cut what they pay for tanning chemicals by 60%.", None),
    # harp makers: link (fewer hours building each harp); quiet: a rounded restatement that agrees
    ("harps", "page", "Harp makers on Soundboard spend 30 fewer hours building each harp.", "build-hours-saved"),
    ("harps", "page", "Soundboard workshops break a third fewer strings during regulation.", None),
    # drystone wallers: link (walls that come down in a frost); quiet: a named customer's before figure
    ("walls", "draft", "With Coursebook, 70% fewer walls come down after a hard frost.", "frost-collapse-reduction"),
    ("walls", "draft", "Before Coursebook, Fellside Walling spent 15 hours a week sorting stone.", None),
]

# Cases the code at the round's start (main 0d4cc0f) gets wrong, recorded when first run, before any
# change was measured (index -> reason); strict, so a change that mends one must say so here.
KNOWN: dict[int, str] = {
    0: "no finding: a KB page, and the model says 0.07 (pulp / pomace: no measure word shared)",
    3: "thresholds: an industry norm read as the customers' turnaround",
    4: "no finding: no pair of the page's figure and the metric is formed",
    6: "an unsupported-claim instead: no pair of the figure and the metric is formed (skins / hides)",
    8: "no finding: no pair of the page's figure and the metric is formed",
}


@pytest.mark.parametrize(("industry", "where", "line", "metric"), known_failures(CASES, KNOWN))
def test_a_restated_metric_is_checked_against_it(industry: str, where: str, line: str, metric: str | None) -> None:
    got = findings(industry, where, line, KBS)
    comparing = [f for f in got if f.rule in COMPARING]
    if metric is None:
        assert not comparing, [f.message for f in comparing]
    else:
        assert any(f.rule == "metric-conflict" and metric in f.message for f in comparing), \
            [(f.rule, f.message) for f in got]
