"""A rep's count or amount on a call with a second person near it, sixteenth round, for the learned
reading of whose figure it is ("A learned reading (sixteenth round)" under "Rep misstatements on
calls, fifteenth round" in bench/ACCURACY.md). Six industries no bed or corpus covers (clock
repairers, embroidery shops, aerial installers, gutter cleaners, sauna builders, trophy engravers),
written and committed before the model was fitted or measured.

Each case is a tiny KB (one proof point registering a count and a monthly saving, each stated right
in its prose) and a short call in WebVTT or as raw speech-recognition text: a prospect's turn, then
the rep's. ``metric``: the rep promises what our product does with the wrong value and a
``rep-misstatement`` naming that metric must fall ("with Tickwell your bench would turn round about
forty clocks a week"). ``None``: no ``rep-misstatement`` may fall: the listener's own figure, past or
present, a recap, a competitor's promise, reported speech, a price, an estimate of a loss, a question,
a hypothetical. Runs with the real embedding model and the shipped weights.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.knowledge import test_rep_calls_r15 as r15
from tests.knowledge.test_identity_r13 import known_failures

pytestmark = pytest.mark.model

KBS: dict[str, dict[str, Any]] = {
    "clock": {"product": "Tickwell", "metrics": [
        ("clocks-per-week", "average clocks repaired per bench per week", 12, "clocks"),
        ("parts-cost-saving", "monthly parts cost saving per workshop", 200, "GBP")]},
    "embroid": {"product": "Stitchloom", "metrics": [
        ("garments-per-day", "average garments embroidered per machine per day", 60, "garments"),
        ("thread-cost-saving", "monthly thread cost saving per shop", 120, "GBP")]},
    "aerial": {"product": "Signalhub", "metrics": [
        ("installs-per-day", "average aerial installs per engineer per day", 5, "installs"),
        ("fuel-cost-saving", "monthly fuel cost saving per van", 90, "GBP")]},
    "gutter": {"product": "Downpipe", "metrics": [
        ("houses-per-day", "average houses cleared per crew per day", 8, "houses"),
        ("admin-cost-saving", "monthly admin cost saving per crew", 150, "GBP")]},
    "sauna": {"product": "Steamyard", "metrics": [
        ("builds-per-month", "average sauna builds per team per month", 4, "builds"),
        ("timber-cost-saving", "monthly timber cost saving per yard", 500, "GBP")]},
    "trophy": {"product": "Plaquely", "metrics": [
        ("plaques-per-day", "average plaques engraved per engraver per day", 40, "plaques"),
        ("rework-cost-saving", "monthly rework cost saving per shop", 180, "GBP")]},
}

VTT, ASR = r15.VTT, r15.ASR

# (industry, format, the prospect's turn, the rep's turn, the metric misstated or None)
CASES: list[tuple[str, str, str, str, str | None]] = [
    # clock repairers
    ("clock", VTT, "How much faster would we be?",
     "With Tickwell your bench would turn round about forty clocks a week.", "clocks-per-week"),
    ("clock", VTT, "We were slow in the spring.",
     "You'd mended about six clocks a week before your second bench came in.", None),
    ("clock", VTT, "What would we save?",
     "Tickwell would save you about £600 a month on parts.", "parts-cost-saving"),
    ("clock", ASR, "we lose a fair bit on parts",
     "so you're losing maybe three hundred pounds a month on wasted parts right now", None),
    ("clock", ASR, "what does it cost",
     "you'd pay about eighty pounds a month for the workshop plan", None),
    # embroidery shops
    ("embroid", VTT, "What's the difference day to day?",
     "On Stitchloom you'll run about two hundred garments a day on each machine.", "garments-per-day"),
    ("embroid", VTT, "Our last supplier made big claims.",
     "Threadco told you you'd do 150 garments a day, didn't they?", None),
    ("embroid", VTT, "Where are you at now?",
     "So you're doing about 45 garments a day on each machine at the moment.", None),
    ("embroid", ASR, "would we save on thread",
     "yeah we'd cut your thread bill by around four hundred pounds a month", "thread-cost-saving"),
    ("embroid", ASR, "say we doubled the team",
     "if you hired two more people you could do maybe 90 garments a day by hand", None),
    # aerial installers
    ("aerial", VTT, "How many more jobs a day?",
     "Your engineers would fit about twelve aerials a day each with Signalhub.", "installs-per-day"),
    ("aerial", VTT, "Last winter was hard.",
     "You did about three installs a day last winter, you said.", None),
    ("aerial", VTT, "And on fuel?",
     "Signalhub should save each of your vans about £300 a month on fuel.", "fuel-cost-saving"),
    ("aerial", ASR, "what did your rival say",
     "skyfit reckon you'd get nine installs a day with their app", None),
    ("aerial", ASR, "how many jobs do we do",
     "how many installs are you doing a day right now about four", None),
    # gutter cleaners
    ("gutter", VTT, "What will the crews manage?",
     "With Downpipe your crews will clear about twenty houses a day.", "houses-per-day"),
    ("gutter", VTT, "We paid a lot in admin last year.",
     "You were spending about £900 a month on admin back in 2024.", None),
    ("gutter", VTT, "Can we save on admin?",
     "We'd take roughly £450 a month off your admin costs.", "admin-cost-saving"),
    ("gutter", ASR, "we've got three crews",
     "so your three crews clear about 24 houses a day between them", None),
    ("gutter", ASR, "is it worth it",
     "you'd be paying a hundred and twenty pounds a month for our plan", None),
    # sauna builders
    ("sauna", VTT, "How many builds could we take on?",
     "Steamyard would get your team to about ten builds a month.", "builds-per-month"),
    ("sauna", VTT, "We had a good summer.",
     "You'd finished about six builds a month over the summer.", None),
    ("sauna", VTT, "Timber's our big cost.",
     "You'll save about £1,500 a month on timber with Steamyard.", "timber-cost-saving"),
    ("sauna", ASR, "our joiner left in march",
     "and since your joiner left you've been doing maybe two builds a month", None),
    ("sauna", ASR, "the other firm quoted us",
     "nordbuild promised you eight builds a month but that was on paper", None),
    # trophy engravers
    ("trophy", VTT, "What would the engravers do?",
     "With Plaquely you'd engrave about a hundred plaques a day each.", "plaques-per-day"),
    ("trophy", VTT, "We're busy before the football season.",
     "You'll be doing about 80 plaques a day in August anyway, won't you?", None),
    ("trophy", VTT, "And the rework?",
     "Plaquely should cut your rework costs by about £700 a month.", "rework-cost-saving"),
    ("trophy", ASR, "we redo a lot of plaques",
     "so the rework is costing you about two hundred pounds a month at the minute", None),
    ("trophy", ASR, "what if we took on a saturday person",
     "say you took on a saturday person you might do sixty plaques a day", None),
]

# Cases main (947c3d5) gets wrong, recorded when first run, before the model was fitted. Strict, so a change that
# mends one must say so here.
PROMISE = "main: a count or an amount with a second person in its clause is the listener's, even a promise"
KNOWN: dict[int, str] = {k: PROMISE for k in (0, 2, 5, 8, 10, 12, 15, 17, 20, 22, 25, 27)}


def rep_findings(industry: str, fmt: str, prospect: str, rep: str) -> list[Any]:
    """The ``rep-misstatement`` and ``unsupported-claim`` findings on the call, against this file's KBs."""
    return r15.rep_findings(industry, fmt, prospect, rep, kbs=KBS)


@pytest.mark.parametrize(("industry", "fmt", "prospect", "rep", "metric"), known_failures(CASES, KNOWN))
def test_a_reps_figure_on_a_call(industry: str, fmt: str, prospect: str, rep: str, metric: str | None) -> None:
    r15.assert_misstated(rep_findings(industry, fmt, prospect, rep), metric)
