"""What happens in a concern (``bench/concern_happens.py``), on the real embedding model.

Pre-registered for the fourteenth round (bench/ACCURACY.md, "New concerns kept apart by what happens,
fourteenth round"): written and committed before the reading was measured. The entries and remarks
were written for these tests, from no corpus, in six industries no corpus is about and none of the
first reading's cases used (tree surgery, dental laboratories, beekeeping co-operatives, court
reporting, council parking enforcement, piano restoration). In each, one known objection entry; a new
concern that shares a word of the entry's party or its money ("climbers", "members", "pay", "cost",
"transcripts") but says something else happens, which must stay apart: it must be read (it shares a
content word with the entry) and be less close to the entry than the entry's objection reworded; and
that reworded objection, which must still be absorbed: either it shares no content word with the entry
(then the reading leaves it alone) or what it says happens is closer to the entry than the new
concern's. Read with the frame words fitted before the measurement (``bench/concern_frame.txt``).
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from bench.concern_happens import happens_closeness, masked, shared_words

pytestmark = pytest.mark.model

# industry -> (entry title and examples, a new concern sharing its party or money word, the entry reworded)
CASES: dict[str, tuple[list[str], str, str]] = {
    "tree surgery": (
        ["Our climbers won't fill in forms on a phone",
         "The climbers won't type notes while they're up a tree.",
         "Our ground crew won't bother logging jobs in an app.",
         "Climbers will keep using the paper job sheet."],
        "Our climbers won't go up in winds over thirty miles an hour, so half the week's jobs slip.",
        "The lads who do the climbing are never going to tap away at a screen after a job."),
    "dental laboratories": (
        ["The monthly fee is too high for a small lab",
         "We can't pay a monthly fee on top of what the scanner costs.",
         "Your price is more than our current lab software.",
         "For three technicians the subscription costs too much."],
        "We can't pay the technicians overtime when the dentists send impressions on a Friday afternoon.",
        "Paying you every month on top of what we spend already is more than a three-person lab can carry."),
    "beekeeping co-operatives": (
        ["Members won't enter hive inspections online",
         "Our members won't log their hive checks in an app.",
         "The older beekeepers won't use a phone in a bee suit.",
         "Members will keep writing inspections in their notebooks."],
        "Our members won't accept that the co-op keeps a share of the honey price when the jars sell at market.",
        "The people in the co-op will go on scribbling their colony checks on paper rather than typing them in."),
    "court reporting": (
        ["Where the transcript data is stored",
         "Court transcripts cannot be stored outside the jurisdiction.",
         "The judiciary won't allow our transcript files on a foreign cloud.",
         "Where are the audio recordings and transcripts hosted?"],
        "The transcripts are fine; the worry is that a reporter's certification lapses if they miss the annual exam.",
        "Recordings of hearings have to stay on servers inside the country, the judges insist on it."),
    "council parking enforcement": (
        ["The per-officer licence price is too high",
         "Paying per warden is too expensive for a council our size.",
         "The licence price per officer is above our budget.",
         "We can't justify that cost per handheld."],
        "We can't justify the cost of appeals: every ticket a driver disputes costs us forty pounds at tribunal.",
        "Charging the council for every warden who carries a device comes to more than we set aside."),
    "piano restoration": (
        ["Technicians won't use tablets in the workshop",
         "Our technicians won't touch a tablet with glue on their hands.",
         "The restorers won't log hours in an app.",
         "Technicians will keep using the whiteboard."],
        "Our technicians won't stay if we can't match what the big dealers pay, and two have left this year.",
        "The craftsmen at the benches are never going to record their time on a screen; they'd rather chalk it up."),
}


# Read wrong when first run (bench/ACCURACY.md, "New concerns kept apart by what happens, fourteenth
# round"): the new concern shares "cost" and "justify" with the entry, and what is left of it ("we
# can't the of appeals ...") is as close to "we can't that per handheld" as the reworded objection is
# (0.43 against 0.42). Its answer is unchanged; the mark comes off the day it is read right.
MISREAD = {"council parking enforcement"}


@pytest.mark.parametrize("industry", [
    pytest.param(k, marks=pytest.mark.xfail(strict=True, reason="misread when first run")) if k in MISREAD else k
    for k in sorted(CASES)])
def test_a_new_concern_sharing_the_party_is_read_apart(industry: str, vectors: Any, frame: frozenset[str]) -> None:
    """The new concern is read (it shares a content word) and is less close to the entry than the
    reworded objection (which, if it shares no content word, is left alone: never held)."""
    entry, new, known = CASES[industry]
    near = happens_closeness([new, known], [entry], vectors, frame)
    assert not math.isnan(near[0, 0]), (industry, "the new concern shares no content word", near[:, 0])
    assert math.isnan(near[1, 0]) or near[0, 0] < near[1, 0], (industry, near[:, 0])


def test_shared_words_leave_out_the_frame() -> None:
    """Only content words count as shared: a frame word both say does not."""
    frame = frozenset({"our", "won't", "the"})
    assert shared_words("Our drivers won't strike.", ["The drivers won't scan."], frame) == {"drivers"}
    assert shared_words("Our porters won't strike.", ["The drivers won't scan."], frame) == frozenset()


def test_masked_keeps_the_frame_and_what_happens() -> None:
    assert masked("Our drivers won't cross the picket line.", frozenset({"drivers"})) == "our won't cross the picket line"


def test_a_remark_sharing_no_content_word_is_not_read() -> None:
    """NaN (never held) where the remark shares nothing but frame words with the entry, or where
    nothing but the shared words is said."""

    def vectors(texts: list[str]) -> Any:
        import numpy as np

        return np.ones((len(texts), 2), np.float32) / np.sqrt(2)

    frame = frozenset({"our", "won't", "the", "is"})
    near = happens_closeness(["Our porters won't strike.", "Drivers.", "Our drivers won't strike."],
                             [["The drivers won't scan."]], vectors, frame)
    assert near.shape == (3, 1)
    assert math.isnan(near[0, 0]) and math.isnan(near[1, 0])
    assert near[2, 0] == pytest.approx(1.0)
