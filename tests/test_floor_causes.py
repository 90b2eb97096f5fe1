"""``bench/floor_causes.py``: which cause a silenced answerable question is put under, read off its
row's signals (in-memory rows, questions from three industries; no model needed); and the bench
readings of pass 25 (bench/ACCURACY.md, "Search"): a misspelt word read as a typo of a word the KB
holds, and the floor's coverage counted over the words some entry holds, on sentences of three
industries (a bakery, a courier firm, a dental practice), with the cases where they must not fire."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from floor_causes import _misspells, causes_of, model_words, silenced  # noqa: E402
from floor_loso import add_held  # noqa: E402


@pytest.mark.parametrize(("typed", "word"), [
    ("sourdoguh", "sourdough"),   # bakery: two letters swapped
    ("delivey", "delivery"),      # courier: a letter dropped
    ("frist", "first"),           # any trade
    ("implnat", "implant"),       # dental
])
def test_a_misspelling_reads_as_the_word(typed: str, word: str) -> None:
    assert _misspells(typed, word)
    assert typed not in model_words()


@pytest.mark.parametrize(("typed", "word"), [
    ("pricey", "price"),          # a word with letters added at the end is another word or a form
    ("loaves", "loaf"),           # bakery: a plural two edits away, short
    ("parcels", "parcel"),        # courier: a form
    ("crowns", "crown"),          # dental: a form
    ("bread", "dread"),           # a real word an edit from another is read by the vocabulary check
])
def test_a_form_or_another_word_is_no_typo(typed: str, word: str) -> None:
    assert not _misspells(typed, word) or typed in model_words()


def test_held_coverage_counts_only_the_words_some_entry_holds() -> None:
    rows = {"bakery": [{"max_chunk_coverage": 0.3, "absent_share": 0.5}],
            "courier": [{"max_chunk_coverage": 0.6, "absent_share": 0.0}],
            "dental": [{"max_chunk_coverage": 0.0, "absent_share": 1.0}]}
    add_held(rows)
    assert rows["bakery"][0]["held_coverage"] == pytest.approx(0.6)
    assert rows["bakery"][0]["held_gain"] == pytest.approx(0.3)
    assert rows["courier"][0]["held_gain"] == 0.0  # every word held: nothing to add
    assert rows["dental"][0]["held_coverage"] == 0.0  # no word held: nothing covered


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
