"""A rep's figure on a call against the KB, sixteenth round: tense and time. Six industries no bed or
corpus covers (sailmakers, escape rooms, organ builders, tattoo studios, falconry centres,
bookbinders), written and committed before the sixth try of the rep-figure reading was built or
measured ("Rep misstatements on calls, fifteenth round", sixth try, in bench/ACCURACY.md).

Each case is a tiny KB (one proof point registering two metrics, each stated right in its prose) and a
short call in WebVTT or as raw speech-recognition text: a prospect's turn, then the rep's.
``metric``: the rep misstates that registered metric and a ``rep-misstatement`` naming it must fall
(a promise with our side named and a future time: "with Pipewright you'd tune it in about two hours
by March"). ``None``: no ``rep-misstatement`` may fall: a rep recapping the listener's own past
(a past perfect with an irregular participle, "you'd sewn about three sails a week before the new
loft"; a past time, "last season", "back in 2023", "used to", "before"), a price ("you'd be paying
about £300 a month on our plan"), or a promise that states the registered value. Runs with the real
embedding model and the shipped weights.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.knowledge import test_rep_calls_r15 as r15
from tests.knowledge.test_identity_r13 import known_failures

pytestmark = pytest.mark.model

KBS: dict[str, dict[str, Any]] = {
    "sail": {"product": "Luffdesk", "metrics": [
        ("sails-per-week", "average sails finished per loft per week", 8, "sails"),
        ("remake-reduction", "reduction in sail remakes", 25, "percent")]},
    "escape": {"product": "Puzzlegate", "metrics": [
        ("room-bookings-increase", "increase in escape room bookings", 30, "percent"),
        ("reset-minutes", "average room reset time", 10, "minutes")]},
    "organ": {"product": "Pipewright", "metrics": [
        ("tuning-hours", "average hours to tune a pipe organ", 6, "hours"),
        ("parts-delay-reduction", "reduction in organ parts delays", 40, "percent")]},
    "tattoo": {"product": "Inkledger", "metrics": [
        ("no-show-reduction", "reduction in tattoo appointment no-shows", 50, "percent"),
        ("clients-per-day", "average clients per tattoo artist per day", 4, "clients")]},
    "falconry": {"product": "Jessbook", "metrics": [
        ("visitor-increase", "increase in falconry centre visitors", 20, "percent"),
        ("feed-waste-reduction", "reduction in bird feed waste", 15, "percent")]},
    "bindery": {"product": "Spinewise", "metrics": [
        ("books-per-day", "average books bound per binder per day", 12, "books"),
        ("rebind-reduction", "reduction in rebinding jobs", 35, "percent")]},
}

VTT, ASR = r15.VTT, r15.ASR

# (industry, format, the prospect's turn, the rep's turn, the metric misstated or None)
CASES: list[tuple[str, str, str, str, str | None]] = [
    # sailmakers
    ("sail", VTT, "We were slow last year.",
     "You'd sewn about three sails a week before the new loft opened.", None),
    ("sail", VTT, "What would it cost?",
     "You'd be paying about £300 a month on our plan.", None),
    ("sail", VTT, "When would we see it?",
     "With Luffdesk you'd finish about twenty sails a week by March.", "sails-per-week"),
    ("sail", ASR, "last season was rough",
     "last season you made about five sails a week so there is room to grow", None),
    ("sail", VTT, "How many sails a week?",
     "With Luffdesk you'd finish about eight sails a week within six weeks.", None),
    ("sail", ASR, "how much would we pay",
     "it would cost you about two hundred pounds a month with luffdesk", None),
    # escape rooms
    ("escape", VTT, "Resets were a nightmare.",
     "You'd taken about forty minutes to reset a room back in 2023.", None),
    ("escape", VTT, "Do bookings actually move?",
     "With Puzzlegate you'll see bookings go up about seventy percent by next quarter.",
     "room-bookings-increase"),
    ("escape", ASR, "we used to be slow between groups",
     "you used to take about thirty five minutes between groups", None),
    ("escape", VTT, "What are the fees?",
     "The fees would be about £90 a month per room on our plan.", None),
    ("escape", VTT, "How quick is a reset?",
     "With Puzzlegate you'd reset a room in about ten minutes by the summer.", None),
    ("escape", ASR, "how fast could we reset",
     "with puzzlegate you'd reset a room in about three minutes within six weeks", "reset-minutes"),
    # organ builders
    ("organ", VTT, "Tuning takes us ages.",
     "You'd spent about fourteen hours tuning each organ before you hired Tom.", None),
    ("organ", VTT, "How long would tuning take?",
     "With Pipewright you'd tune an organ in about two hours by March.", "tuning-hours"),
    ("organ", ASR, "parts were always late",
     "two years ago you waited about nine weeks for parts", None),
    ("organ", VTT, "What's the price?",
     "You'd be spending about £1,200 a year on our plan.", None),
    ("organ", VTT, "Do parts delays really fall?",
     "Parts delays drop by about forty percent next quarter with Pipewright.", None),
    ("organ", ASR, "what about parts",
     "with pipewright parts delays would drop by about ninety percent by spring", "parts-delay-reduction"),
    # tattoo studios
    ("tattoo", VTT, "No-shows hurt us.",
     "At the time you'd lost about twelve appointments a month to no-shows.", None),
    ("tattoo", VTT, "How many clients could an artist take?",
     "With Inkledger you'll have each artist seeing about nine clients a day by June.", "clients-per-day"),
    ("tattoo", ASR, "we had a busy year",
     "when you were on the old system you saw about three clients a day per artist", None),
    ("tattoo", VTT, "And the subscription?",
     "You'd pay about £45 a month per artist on our plan.", None),
    ("tattoo", VTT, "What happens to no-shows?",
     "With Inkledger no-shows would drop by about eighty percent within two months.", "no-show-reduction"),
    ("tattoo", ASR, "how many clients a day",
     "with inkledger your artists would see about four clients a day by next month", None),
    # falconry centres
    ("falconry", VTT, "Visitor numbers were flat.",
     "Over Christmas you had about four hundred visitors a week.", None),
    ("falconry", VTT, "What would it do for visitors?",
     "With Jessbook you'd see visitors go up about sixty percent by next summer.", "visitor-increase"),
    ("falconry", ASR, "feed was a big cost",
     "you'd thrown away about a fifth of the feed before the new freezer", None),
    ("falconry", VTT, "What does it cost us?",
     "It would cost you about £150 a month on our plan.", None),
    ("falconry", VTT, "Does feed waste fall?",
     "With Jessbook feed waste would drop by about fifteen percent by the spring.", None),
    ("falconry", ASR, "so the previous system",
     "previously you fed about thirty birds a day by hand", None),
    # bookbinders
    ("bindery", VTT, "We were behind last winter.",
     "You'd bound about five books a day before the new press arrived.", None),
    ("bindery", VTT, "How many books a day then?",
     "With Spinewise your binders would finish about thirty books a day by April.", "books-per-day"),
    ("bindery", ASR, "rebinds were killing us",
     "this past year you'd redone about a tenth of the jobs", None),
    ("bindery", VTT, "What would we pay?",
     "You'd be paying about £80 a month per binder with Spinewise.", None),
    ("bindery", VTT, "What about rebinding?",
     "With Spinewise rebinding jobs drop by about seventy percent within three months.", "rebind-reduction"),
    ("bindery", ASR, "how many books",
     "with spinewise you'd bind about twelve books a day by the autumn", None),
]

# Cases main (ab38f93) gets wrong, recorded when first run, before the reading was built. Strict, so a
# change that mends one must say so here.
PROMISE = "main: a count with a second person before it is the listener's, even under 'would'/'you'd' with our product named"
KNOWN: dict[int, str] = {
    2: PROMISE, 7: PROMISE, 19: PROMISE, 31: PROMISE,
    12: "main: a duration the rep recaps from the listener's past ('before you hired Tom') is read as our claim",
}


def rep_findings(industry: str, fmt: str, prospect: str, rep: str) -> list[Any]:
    """The ``rep-misstatement`` and ``unsupported-claim`` findings on the call, against this file's KBs."""
    return r15.rep_findings(industry, fmt, prospect, rep, kbs=KBS)


@pytest.mark.parametrize(("industry", "fmt", "prospect", "rep", "metric"), known_failures(CASES, KNOWN))
def test_a_reps_figure_on_a_call(industry: str, fmt: str, prospect: str, rep: str, metric: str | None) -> None:
    r15.assert_misstated(rep_findings(industry, fmt, prospect, rep), metric)
