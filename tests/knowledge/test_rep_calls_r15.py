"""A rep's figure on a call against the KB, in six industries none of the corpora covers (chimney
sweeps, ice rinks, drone surveying, cheesemakers, car parks, festival catering), written and committed
before the fifteenth round's reading was built or measured ("Rep misstatements on calls, fifteenth
round" in bench/ACCURACY.md).

Each case is a tiny KB (one proof point registering two metrics, each stated right in its prose) and
a short call in WebVTT or as raw speech-recognition text (lower case, numbers in words): a prospect's
turn, then the rep's. ``metric``: the rep misstates that registered metric and a ``rep-misstatement``
naming it must fall on the call (among them, a rep's promise about the product read on main as the
listener's own figure: "your sweeps would do about ten flues a day", "bookings go up forty percent
once your website takes them", "callbacks drop by more than half" after the prospect said "half").
``None``: no ``rep-misstatement`` may fall: the value said right in words, the prospect's own figure
said back, a rep's figure of another measure, a competitor's figure the rep quotes, a rounded figure a
reader accepts. Runs with the real embedding model and the shipped weights.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.knowledge.test_identity_r13 import _entry, known_failures

pytestmark = pytest.mark.model

KBS: dict[str, dict[str, Any]] = {
    "chimney": {"product": "Flueline", "metrics": [
        ("flues-per-day", "average flues swept per sweep per day", 6, "flues"),
        ("callback-reduction", "reduction in repeat callbacks", 30, "percent")]},
    "rink": {"product": "Glidebook", "metrics": [
        ("public-skate-bookings-increase", "increase in public skate bookings", 22, "percent"),
        ("resurface-minutes", "average ice resurfacing turnaround", 15, "minutes")]},
    "drone": {"product": "Aerotrace", "metrics": [
        ("hectares-per-day", "average hectares surveyed per drone per day", 120, "hectares"),
        ("rework-reduction", "reduction in survey rework", 35, "percent")]},
    "cheese": {"product": "Curdwise", "metrics": [
        ("lost-batch-reduction", "reduction in lost cheese batches", 40, "percent"),
        ("yield-increase", "increase in cheese yield", 3, "percent")]},
    "carpark": {"product": "Baywise", "metrics": [
        ("tickets-per-hour", "average tickets processed per attendant per hour", 40, "tickets"),
        ("occupancy-increase", "increase in average occupancy", 12, "percent")]},
    "festival": {"product": "Stallmate", "metrics": [
        ("meals-per-hour", "average meals served per stall per hour", 120, "meals"),
        ("queue-minutes", "average queue time at a stall", 6, "minutes")]},
}

VTT = "vtt"
ASR = "asr"

# (industry, format, the prospect's turn, the rep's turn, the metric misstated or None)
CASES: list[tuple[str, str, str, str, str | None]] = [
    # chimney sweeps
    ("chimney", VTT, "Our lads manage maybe four flues a day in winter.",
     "With Flueline your sweeps would do about ten flues a day.", "flues-per-day"),
    ("chimney", ASR, "half our week goes on going back to the same houses",
     "yeah so repeat callbacks drop by more than half with flueline", "callback-reduction"),
    ("chimney", VTT, "How many can a sweep get through?",
     "With Flueline your sweeps would do about six flues a day.", None),
    ("chimney", VTT, "We do four flues a day per sweep right now.",
     "So you're at four flues a day per sweep today.", None),
    ("chimney", ASR, "what about the kit",
     "the camera battery lasts about nine hours on a charge", None),
    # ice rinks
    ("rink", VTT, "Public skating is quiet on weekdays.",
     "Public skate bookings go up about forty percent in the first season once your website takes bookings.",
     "public-skate-bookings-increase"),
    ("rink", ASR, "how long is the ice out between sessions",
     "with glidebook resurfacing turns around in about thirty five minutes", "resurface-minutes"),
    ("rink", VTT, "What do other rinks see?",
     "Public skate bookings go up about twenty percent in the first season.", None),
    ("rink", VTT, "Another vendor told us forty percent more bookings.",
     "Rinkside claims forty percent more bookings, but that is their number, not ours.", None),
    # drone surveying
    ("drone", ASR, "we cover maybe eighty hectares a day with one drone",
     "with aerotrace your pilots would cover about three hundred hectares a day", "hectares-per-day"),
    ("drone", VTT, "We redo a lot of surveys.",
     "Survey rework falls by about seventy percent once the flight plans are checked in Aerotrace.",
     "rework-reduction"),
    ("drone", VTT, "We cover about eighty hectares a day with one drone.",
     "Right, so eighty hectares a day is where you are today.", None),
    ("drone", ASR, "how quick is a battery swap",
     "a battery swap takes about three minutes in the field", None),
    # cheesemakers
    ("cheese", VTT, "Losing a vat is half my worry.",
     "With Curdwise, lost batches drop by more than half.", "lost-batch-reduction"),
    ("cheese", ASR, "what does it do for yield",
     "cheese yield goes up about eight percent with curdwise", "yield-increase"),
    ("cheese", VTT, "What happens to lost batches?",
     "With Curdwise, lost batches drop by about forty percent.", None),
    ("cheese", ASR, "we lose about eight vats a year",
     "eight vats a year is a lot of milk to pour away", None),
    # car parks
    ("carpark", ASR, "our attendants do about twenty tickets an hour",
     "with baywise your attendants would process about ninety tickets an hour", "tickets-per-hour"),
    ("carpark", VTT, "What about occupancy?",
     "Average occupancy goes up about thirty percent once your bays are listed on Baywise.",
     "occupancy-increase"),
    ("carpark", VTT, "ParkPoint told us occupancy goes up thirty percent.",
     "ParkPoint says thirty percent; that is their claim, not ours.", None),
    ("carpark", VTT, "We run at about seventy percent occupancy.",
     "So at seventy percent occupancy you have room to grow.", None),
    # festival catering
    ("festival", VTT, "We serve about eighty meals an hour at a stall.",
     "Stalls serve about two hundred meals an hour once your team is on Stallmate.", "meals-per-hour"),
    ("festival", ASR, "the queues are the problem",
     "with stallmate queues come down to about two minutes at a stall", "queue-minutes"),
    ("festival", VTT, "How long do people queue?",
     "Queues at a stall are about six minutes on average with Stallmate.", None),
    ("festival", ASR, "how many meals an hour",
     "your stalls would serve about a hundred and twenty meals an hour with stallmate", None),
]

# Cases main (500f739) gets wrong, recorded when first run, before the reading was built. Strict, so
# a change that mends one must say so here.
PROMISE = "main: a count with 'your' before it in its clause is the listener's, even under 'would'"
KNOWN: dict[int, str] = {
    0: PROMISE, 9: PROMISE, 17: PROMISE,
    1: "main: 'drop by more than half' is read as the prospect's 'half our week' said back",
    21: "main: a 'your' after the count ('once your team is on Stallmate') makes it the listener's",
}


def _call(fmt: str, prospect: str, rep: str) -> tuple[str, str]:
    """The call file's name and text: a prospect's turn and then the rep's, in ``fmt``."""
    if fmt == VTT:
        return "calls/c.vtt", (f"WEBVTT\n\n1\n00:00:01.000 --> 00:00:06.000\n<v Pat Buyer>{prospect}</v>\n\n"
                               f"2\n00:00:07.000 --> 00:00:15.000\n<v Sam Rep>{rep}</v>\n")
    return "calls/c.txt", f"[00:00:01] Pat Buyer: {prospect}\n[00:00:07] Sam Rep: {rep}\n"


def rep_findings(industry: str, fmt: str, prospect: str, rep: str,
                 kbs: dict[str, dict[str, Any]] | None = None) -> list[Any]:
    """The ``rep-misstatement`` and ``unsupported-claim`` findings on the call; ``kbs``: the
    industries' KBs (default :data:`KBS`)."""
    from ingest.calls import parse_call
    from ingest.kb import load_kb
    from knowledge.audit import audit
    from knowledge.embedding import MiniLMNumpyEmbedder
    from knowledge.rules import AuditContext
    from knowledge.settings import load_settings

    with tempfile.TemporaryDirectory() as d:
        root = Path(d) / "kb"
        root.mkdir()
        (root / "canon.toml").write_text('[calls]\ninternal_speakers = ["Sam Rep"]\n')
        settings = load_settings(root, environ={})
        kb = load_kb(settings, files={"proof/results.md": _entry((kbs or KBS)[industry]).encode()})
        rel, text = _call(fmt, prospect, rep)
        calls = [parse_call(root / rel, rel=rel, settings=settings.calls, text=text)]
        ctx = AuditContext(settings=settings, kb=kb, today=date(2026, 11, 1), calls=calls,
                           vectors=MiniLMNumpyEmbedder().embed)
        return [f for f in audit(ctx, ("rep-misstatement", "unsupported-claim")).findings if f.path == rel]


def assert_misstated(got: list[Any], metric: str | None) -> None:
    """A ``rep-misstatement`` naming ``metric`` is among ``got``; none at all where ``metric`` is None
    (shared by the rep call case files)."""
    misstated = [f for f in got if f.rule == "rep-misstatement"]
    if metric is None:
        assert not misstated, [f.message for f in misstated]
    else:
        assert any(metric in f.message or metric in str(f.expected) for f in misstated), \
            [(f.rule, f.message) for f in got]


@pytest.mark.parametrize(("industry", "fmt", "prospect", "rep", "metric"), known_failures(CASES, KNOWN))
def test_a_reps_figure_on_a_call(industry: str, fmt: str, prospect: str, rep: str, metric: str | None) -> None:
    assert_misstated(rep_findings(industry, fmt, prospect, rep), metric)
