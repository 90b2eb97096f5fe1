"""What a concern is about (``bench/concern_objects.py``), on the real embedding model.

Pre-registered for the fourteenth round (bench/ACCURACY.md, "New concerns kept apart, fourteenth
round"): written and committed before the object veto was measured. The KBs and remarks were written
for these tests, from no corpus, in six industries no corpus is about (commercial laundry, veterinary
referral imaging, marinas, crematoria, seed banks, ski-lift maintenance). In each, one known objection
entry; a new concern that shares the entry's frame ("won't", "what happens if", "we can't") and one
word of its party or its money, which must stay apart from it; and the entry's objection said in other
words, which must still be absorbed. Read with the frame words fitted before the measurement
(``bench/concern_frame.txt``).
"""

from __future__ import annotations

from typing import Any

import pytest

from bench.concern_objects import frame_words, object_closeness, object_text

pytestmark = pytest.mark.model

# industry -> (entry title and examples, a new concern sharing its frame, the entry's objection reworded)
CASES: dict[str, tuple[list[str], str, str]] = {
    "commercial laundry": (
        ["Our drivers won't use a handheld scanner",
         "The route drivers won't scan every cart at every drop.",
         "Our drivers are too rushed to tap through screens on a tablet.",
         "Drivers will just ignore the app and keep the paper run sheet."],
        "Our drivers won't cross the picket line at the hospital depot while the porters are on strike.",
        "The van crews are never going to bother pointing a gadget at each linen cage."),
    "veterinary referral imaging": (
        ["The per-study fee is too high for referral practices",
         "Paying a fee for every scan we read is more than we can afford.",
         "The per-study price is above what our current radiologist charges.",
         "We can't justify that cost for a practice of our size."],
        "We can't afford to have the owner's insurer refuse the claim because the report came without a vet's signature.",
        "Charging us for each study you read costs far more than we budget for imaging reports."),
    "marinas": (
        ["Berth holders won't book online",
         "Our berth holders are older and won't use an app to book.",
         "Most boat owners just ring the office, they won't log in anywhere.",
         "The sailing club members will refuse to create accounts."],
        "What happens if the berth holders' insurance certificates have expired and we still let them launch?",
        "The people who keep boats with us would rather phone the harbour master than sign in to a website."),
    "crematoria": (
        ["Funeral directors won't change how they book",
         "The funeral directors we work with won't switch to an online diary.",
         "Local undertakers book by phone and they won't change.",
         "Getting funeral directors to use a portal will never happen."],
        "Funeral directors won't accept that the chapel organist's fee now goes through us instead of straight to the organist.",
        "The undertakers who send us services are set in their ways and will keep ringing the office to reserve slots."),
    "seed banks": (
        ["Where the accession data is hosted",
         "Our accession records cannot be stored on servers outside the country.",
         "The ministry won't let germplasm data leave national servers.",
         "Where will the passport data of our accessions be hosted?"],
        "Our data on the accessions is fine, the worry is the freezers: if the power fails on a weekend, who gets the alarm?",
        "The records about our collections have to stay on computers inside our own borders under the national rules."),
    "ski-lift maintenance": (
        ["The contract term is too long",
         "We can't sign a five-year contract for maintenance software.",
         "Three years is too long a commitment for a new vendor.",
         "We need to be able to leave after one season."],
        "We can't sign anything until the cable inspector has certified the new haul rope, and he comes once a season.",
        "Locking ourselves in with you for half a decade is not something the resort will agree to."),
}


# Read wrong when first run (bench/ACCURACY.md, "New concerns kept apart, fourteenth round"): the new
# concern's object keeps the party it shares with the entry ("drivers", "berth holders", "funeral
# directors", "sign"), and the reworded objection shares no word with the entry's examples. Their
# answers are unchanged; the mark comes off the day they are read right.
MISREAD = {"commercial laundry", "crematoria", "marinas", "ski-lift maintenance"}


@pytest.mark.parametrize("industry", [
    pytest.param(k, marks=pytest.mark.xfail(strict=True, reason="misread when first run")) if k in MISREAD else k
    for k in sorted(CASES)])
def test_a_new_concern_is_read_as_about_something_else(industry: str, vectors: Any, frame: frozenset[str]) -> None:
    """The new concern's object is less close to the entry than the entry's objection reworded."""
    entry, new, known = CASES[industry]
    near = object_closeness([new, known], [entry], vectors, frame)
    assert near[0, 0] < near[1, 0], (industry, near[:, 0])


def test_frame_words_are_the_words_of_many_objections() -> None:
    """A word in the remarks of most objections is frame; one objection's own word is not."""
    groups = [["my worry is the price"], ["my worry is the union"], ["my worry is the wifi"], ["the signal drops"]]
    frame = frame_words(groups, 0.5)
    assert {"my", "worry", "is", "the"} <= frame
    assert not {"price", "union", "wifi", "signal"} & frame


def test_object_text_keeps_what_is_not_frame() -> None:
    assert object_text("What happens if the Wi-Fi drops?", frozenset({"what", "happens", "if", "the"})) == "wi-fi drops"
    assert object_text("That's my worry.", frozenset({"that's", "my", "worry"})) == ""


def test_a_remark_of_frame_words_only_is_not_read() -> None:
    """Nothing is decided from a remark that says nothing but its frame (NaN, never held)."""

    def vectors(texts: list[str]) -> Any:
        import numpy as np

        return np.ones((len(texts), 2), np.float32) / np.sqrt(2)

    near = object_closeness(["That's my worry.", "The price."], [["The price is high."]], vectors,
                            frozenset({"that's", "my", "worry", "the", "is"}))
    assert near.shape == (2, 1)
    assert near[0, 0] != near[0, 0]  # NaN
    assert near[1, 0] == pytest.approx(1.0)
