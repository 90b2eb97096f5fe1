"""The learned reading of whose figure a rep's count or amount is (knowledge.figures.whose): its
weights carry their provenance, and its cues read general English in any industry."""

from __future__ import annotations

import re

import pytest

from knowledge.figures import whose


def test_the_weights_name_what_they_were_fitted_on() -> None:
    info = whose.model_info()
    assert info["trainer"] == "bench/train_whose.py"
    assert set(info["fitted_on"]) >= {"rep_review", "rep_review3", "rep_review4"}
    assert info["labels"]["ours"] > 0 and info["labels"]["not_ours"] > 0
    assert whose.load_model() is not None


def _cues(line: str, ours: str) -> dict[str, float]:
    masked = re.sub(r"\d[\d,]*", "[NUM]", line, count=1)
    return whose.cues(masked, masked, line, whose.our_names([ours]))


def test_cues_read_our_side_past_time_and_price_in_several_industries() -> None:
    # a ferry operator, a bakery, a print shop
    assert {"ours", "after_you_modal_would"} <= set(
        _cues("With Sailplan your crews would load 90 cars a crossing", "Sailplan"))
    assert "past_time" in _cues("You baked about 400 loaves a day last winter", "Crumbly")
    assert "price" in _cues("You'd be paying 60 pounds a month for the plan", "Inkjob")
    assert "ours" not in _cues("You baked about 400 loaves a day last winter", "Crumbly")


def test_the_learned_reading_ships_off() -> None:
    # no fit has met its rule and its review (bench/ACCURACY.md, "A learned reading (sixteenth round)")
    assert whose.MODE == "main"


def test_off_reads_every_such_figure_as_the_listeners(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whose, "MODE", "main")
    masked = "With Sailplan your crews would load [NUM] cars a crossing"
    assert not whose.read_as_ours(masked, masked, masked, 1, whose.our_names(["Sailplan"]))


def test_our_side_working_out_a_figure_does_not_name_it_in_several_industries() -> None:
    # a kennel, a glazier, a courier firm, a florist: our side as the subject of a verb taking a clause
    for line, ours in (("We worked out that your kennels spend about 300 pounds a month on bedding", "Pawplan"),
                       ("we reckon your fitters lose 12 hours a week to remeasures", "Glazepro"),
                       ("Dropwise found that your vans sit idle 40 minutes a day", "Dropwise"),
                       ("We noticed you throw away 25 stems a day", "Petalbook")):
        got = _cues(line, ours)
        assert "we_reckon" in got and "ours" not in got, line
    # must not fire: our side promising, or our side named after the verb
    for line, ours in (("With Pawplan your kennels would spend 300 pounds a month less", "Pawplan"),
                       ("We'd cut your remeasures to 2 a week", "Glazepro"),
                       ("Your florists think they waste 25 stems a day", "Petalbook")):
        assert "we_reckon" not in _cues(line, ours), line
    got = _cues("We found that with Dropwise your vans would idle 10 minutes a day", "Dropwise")
    assert {"we_reckon", "ours"} <= set(got)


def test_a_worked_out_cost_of_the_listener_is_not_our_claim(monkeypatch: pytest.MonkeyPatch) -> None:
    # read by the shipped weights whatever the switch says
    monkeypatch.setattr(whose, "MODE", "model")
    masked = "We worked out that an invoice costs you a little over [NUM] dollars."
    assert not whose.read_as_ours(masked, masked, masked, 1, whose.our_names(["Billwise"]))
