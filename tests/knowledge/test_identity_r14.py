"""Wrong restatements of a registered metric in six industries none of the corpora covers (public
libraries, craft breweries, ski resorts, funeral homes, dance studios, print shops), written and
committed before the fourteenth round's change was measured ("Wrong restatements reach their
metric, fourteenth round" in bench/ACCURACY.md).

Each case is a tiny KB (one proof point registering two metrics, each stated right in its prose) and
one line a rep says on a call, a draft states, or a messaging page of the KB states. ``link``: the
line restates a registered metric in other words with a wrong value, so the finding is a comparing
one (``rep-misstatement`` on a call, ``metric-conflict`` on a draft or a page) naming that metric.
``quiet`` (``None``): the line states another measure sharing a word, another customer's figure, an
industry norm, a baseline, another period or a price; no comparing finding. Runs with the real
embedding model and the shipped weights; the harness is the thirteenth round's
(:func:`tests.knowledge.test_identity_r13.findings`).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.knowledge.test_identity_r13 import COMPARING, findings, known_failures

pytestmark = pytest.mark.model

KBS: dict[str, dict[str, Any]] = {
    "library": {"product": "Shelfmark", "metrics": [
        ("overdue-loan-reduction", "reduction in overdue loans", 22, "percent"),
        ("hold-wait-days", "average wait for a reserved book", 6, "days")]},
    "brewery": {"product": "Mashline", "metrics": [
        ("batch-loss-reduction", "reduction in batches lost to contamination", 35, "percent"),
        ("brew-day-hours", "average length of a brew day", 7, "hours")]},
    "ski": {"product": "Liftline", "metrics": [
        ("lift-queue-minutes", "average lift queue time", 8, "minutes"),
        ("season-pass-renewal-rate", "season pass renewal rate", 64, "percent")]},
    "funeral": {"product": "Vigilware", "metrics": [
        ("arrangement-hours-saved", "hours saved per funeral arrangement", 3, "hours"),
        ("family-satisfaction-rate", "share of families rating the service excellent", 92, "percent")]},
    "dance": {"product": "Barreboard", "metrics": [
        ("class-fill-rate", "average class fill rate", 81, "percent"),
        ("billing-hours-saved", "hours saved on billing per month", 10, "hours")]},
    "print": {"product": "Inkroute", "metrics": [
        ("reprint-reduction", "reduction in reprints", 40, "percent"),
        ("turnaround-hours", "average job turnaround time", 26, "hours")]},
}

# (industry, where, line, the metric it must link to or None for quiet)
CASES: list[tuple[str, str, str, str | None]] = [
    # public libraries
    ("library", "call", "Members on Shelfmark bring their books back late about thirty percent less often.",
     "overdue-loan-reduction"),
    ("library", "draft", "Readers get a reserved title within 9 days on average with Shelfmark.", "hold-wait-days"),
    ("library", "page", "Libraries using Shelfmark see 30% fewer overdue loans.", "overdue-loan-reduction"),
    ("library", "draft", "Library staff spend 30% less time chasing overdue fines.", None),
    ("library", "draft", "The national average wait for a reserved book is 14 days.", None),
    ("library", "draft", "Before Shelfmark, 40% of loans at Ashby Library came back overdue.", None),
    ("library", "draft", "Shelfmark costs 2% of a library's annual book budget.", None),
    # craft breweries
    ("brewery", "draft", "Brewers on Mashline throw away 50% fewer spoiled batches.", "batch-loss-reduction"),
    ("brewery", "call", "A brew day with Mashline takes about nine hours from mash-in to clean-up.",
     "brew-day-hours"),
    ("brewery", "draft", "Brewers use 50% less water per batch with Mashline.", None),
    ("brewery", "call", "Kestrel Ales, on a competitor's system, cut their batch losses by fifty percent.", None),
    ("brewery", "draft", "Across the industry, a typical brew day runs about 9 hours.", None),
    ("brewery", "draft", "Mashline is priced at 5% of a brewery's software spend.", None),
    # ski resorts
    ("ski", "call", "Skiers wait around twelve minutes to get on a chairlift at resorts running Liftline.",
     "lift-queue-minutes"),
    ("ski", "draft", "About 75% of pass holders come back for another season with Liftline.",
     "season-pass-renewal-rate"),
    ("ski", "draft", "Before Liftline, the average lift queue at Glenmore was 25 minutes.", None),
    ("ski", "draft", "Lift tickets cost 12% more on peak weekends.", None),
    ("ski", "draft", "On Christmas week in 2025, queues at the gondola ran to 12 minutes.", None),
    ("ski", "draft", "Ski schools see 75% of their students book a second lesson.", None),
    # funeral homes
    ("funeral", "draft", "Directors get back about five hours on each funeral they arrange with Vigilware.",
     "arrangement-hours-saved"),
    ("funeral", "call", "Ninety seven percent of families call the service excellent.", "family-satisfaction-rate"),
    ("funeral", "page", "Funeral directors save 5 hours on every arrangement with Vigilware.",
     "arrangement-hours-saved"),
    ("funeral", "draft", "Across the industry, a funeral arrangement takes about 5 hours of paperwork.", None),
    ("funeral", "draft", "Vigilware costs 1% of the average funeral fee.", None),
    ("funeral", "draft", "In a trade survey, 97% of funeral directors named paperwork their biggest burden.", None),
    # dance studios
    ("dance", "call", "Studios on Barreboard fill about ninety percent of the spots in every class.",
     "class-fill-rate"),
    ("dance", "draft", "Studio owners win back 15 hours a month they used to spend invoicing parents.",
     "billing-hours-saved"),
    ("dance", "draft", "Studio owners spend about 15 hours a month on choreography.", None),
    ("dance", "draft", "Last December, classes at Arabesque Academy ran at 90% capacity.", None),
    ("dance", "draft", "Before Barreboard, classes were 55% full on average.", None),
    ("dance", "draft", "Barreboard costs 2% of each class fee.", None),
    # print shops
    ("print", "draft", "Print shops on Inkroute have to redo 60% fewer jobs.", "reprint-reduction"),
    ("print", "call", "Jobs go out the door about thirty six hours after the order lands.", "turnaround-hours"),
    ("print", "page", "Inkroute cuts reprints by 60%.", "reprint-reduction"),
    ("print", "draft", "Paper costs fell 60% after the shop switched suppliers.", None),
    ("print", "draft", "Industry-wide, a print job takes about 36 hours to turn around.", None),
    ("print", "call", "Rapid Print, on another system, cut their reprints by sixty percent.", None),
    ("print", "draft", "Inkroute is priced at 3% of print revenue.", None),
]

# Cases the code at the round's start (main 2c4d6d4) gets wrong, recorded when first run, before any
# change was measured; the fourteenth round's reading (not shipped) gets the same ones wrong. Strict,
# so a change that mends one must say so here.
MISSED_LINK = "link not made: an unsupported-claim instead (the measure in other words)"
KNOWN: dict[int, str] = {
    0: MISSED_LINK, 7: MISSED_LINK, 26: MISSED_LINK, 31: MISSED_LINK, 32: MISSED_LINK,
    1: "no finding: the bound 'within 9 days' is read as agreeing with the 6-day average",
    13: "no finding on the rep's line",
    5: "a named customer's baseline read as the registered reduction",
    11: "an industry norm read as the customers' brew day",
    22: "an industry norm read as the hours saved",
    36: "another company's figure read as the registered reduction",
}


@pytest.mark.parametrize(("industry", "where", "line", "metric"), known_failures(CASES, KNOWN))
def test_a_wrong_restatement_reaches_its_metric(industry: str, where: str, line: str, metric: str | None) -> None:
    got = findings(industry, where, line, KBS)
    comparing = [f for f in got if f.rule in COMPARING]
    if metric is None:
        assert not comparing, [f.message for f in comparing]
    else:
        assert any(metric in f.message for f in comparing), [(f.rule, f.message) for f in got]
