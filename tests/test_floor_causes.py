"""``bench/floor_causes.py``: which cause a silenced answerable question is put under, read off its
row's signals. In-memory rows, questions from three industries; no model needed."""

from __future__ import annotations

from typing import Any

from bench.floor_causes import causes_of, silenced


def _row(q: str, **signals: float) -> dict[str, Any]:
    base = {"set": "x", "q": q, "unanswerable": False, "rank": 1, "z": -0.4, "price_unstated": False,
            "absent_named": 0.0, "asks_reply": 0.0, "max_chunk_coverage": 0.5, "max_phrase": 0.1,
            "cos_lead_p90": 0.2}
    return {**base, **signals}


def test_a_question_answered_or_unanswerable_is_not_silenced() -> None:
    assert silenced(_row("How long does a hull survey take?"))
    assert not silenced(_row("How long does a hull survey take?", z=0.3))
    assert not silenced(_row("Do you insure racing yachts?", unanswerable=True))
    assert silenced(_row("What does a survey cost?", z=0.3, price_unstated=True))


def test_each_cause_reads_its_own_signal() -> None:
    # marine surveying, school catering, wind-farm maintenance
    assert causes_of(_row("What does a hull survey cost?", z=0.2, price_unstated=True))[0] == "price check"
    assert causes_of(_row("Does Hullmark survey Oyster yachts?", absent_named=1.0))[0] == "names what no entry holds"
    assert causes_of(_row("A head teacher says the menu is too plain. What do I say?", asks_reply=1.0))[0] \
        == "asks what to say"
    assert causes_of(_row("How many schools do we cook for each day?"))[0] == "figure question"
    assert causes_of(_row("Will the kitchen cope when half the pupils skip lunch?", max_chunk_coverage=0.1,
                          max_phrase=0.0)) == ["paraphrase"]
    assert causes_of(_row("Which gearbox faults does the crew look for on site?", cos_lead_p90=0.05)) \
        == ["KB of near-duplicates"]
    assert causes_of(_row("Gearbox oil grade?")) == ["short question"]


def test_a_question_none_of_them_fits_is_near_the_boundary() -> None:
    # not a figure question, words shared with the page, a clear lead: the blend alone silenced it
    assert causes_of(_row("Which cleaning products does the kitchen team use on the serving line?")) \
        == ["near the boundary"]
    # shares a neighbouring word pair: not a paraphrase, however low the coverage
    assert "paraphrase" not in causes_of(_row("Do turbine blades get checked after a lightning strike?",
                                             max_chunk_coverage=0.1, max_phrase=0.2))
