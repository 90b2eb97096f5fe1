"""``bench/floor_answers.py``: the readings of whether the first entry holds what was asked, on
passages written here in four industries (orchard frost protection, ferry ticketing, dental
aligners, warehouse robotics), each with cases where the reading must not fire."""

from __future__ import annotations

from bench.floor_answers import (
    Passage,
    figure_sentence,
    kb_names,
    lacks_held,
    lacks_named,
    sentences,
)

ORCHARD = ["Frost fans switch on when the orchard reaches 0.5 degrees. Growers in Otago cut frost "
           "losses by 40% in the first spring.", "The fans run on diesel or mains power."]
FERRY = ["Tickets are sold at the Harwich terminal and online. Foot passengers pay at the kiosk.",
         "Vehicle bookings close two hours before sailing."]
ALIGNERS = ["Each aligner is worn for two weeks. Most patients finish treatment in nine months.",
            "Aligners are made in our Leeds lab and posted to the clinic."]
ROBOTS = ["The picking robots lift totes of up to 30 kg. A site of 20 robots is live within six weeks.",
          "Robots charge themselves at the dock when idle."]


def _kb(*pages: list[str]) -> list[Passage]:
    """One passage per page; its id names its text (the coverage reader caches words by id)."""
    return [Passage(f"p{i}:{hash(chr(10).join(p))}", f"p{i}", "\n".join(p)) for i, p in enumerate(pages)]


def test_a_sentence_stating_a_number_beside_the_question_words_answers_a_figure_question() -> None:
    idf = {"frost": 2.0, "losses": 2.0, "cut": 1.0}
    assert figure_sentence("By how much do growers cut frost losses?", ORCHARD, idf) > 0.9
    # not a figure question: nothing to read
    assert figure_sentence("Do the fans cut frost losses?", ORCHARD, idf) == 0.0
    # a figure question whose words stand in no sentence stating a number
    assert figure_sentence("How many tickets are sold at the kiosk?", FERRY,
                           {"tickets": 2.0, "sold": 1.0, "kiosk": 2.0}) == 0.0
    # a number word counts as a number
    assert figure_sentence("How long is each aligner worn?", ALIGNERS, {"aligner": 2.0, "worn": 2.0}) > 0.9


def test_sentences_are_cut_at_ends_and_lines() -> None:
    assert sentences("One. Two three!\nFour") == ["One.", "Two three!", "Four"]


def test_a_word_the_kb_holds_elsewhere_is_lacked_a_word_no_entry_holds_is_not() -> None:
    kb = _kb(ROBOTS, FERRY)
    # "dock" is on the robots page; the ferry page, first here, lacks it
    assert lacks_held({"dock": 2.0, "tickets": 2.0}, FERRY, kb) == 0.5
    # a speaker's word no entry holds is not counted
    assert lacks_held({"pricey": 3.0, "tickets": 1.0}, FERRY, kb) == 0.0
    # the first entry holds every word
    assert lacks_held({"robots": 1.0, "totes": 2.0}, ROBOTS, kb) == 0.0


def test_the_kbs_own_capitals_say_what_is_a_name() -> None:
    names = kb_names(_kb(ORCHARD, FERRY, ALIGNERS, ROBOTS))
    assert {"otago", "harwich", "leeds"} <= names
    # a sentence's first word is not a name for being capitalised
    assert not {"frost", "tickets", "vehicle", "each", "aligners", "robots", "most"} & names


def test_a_name_held_elsewhere_and_not_by_the_first_entry_is_lacked() -> None:
    kb = _kb(ORCHARD, ALIGNERS)
    names = kb_names(kb)
    # "leeds" is a name the aligners page holds; the orchard page, first here, does not
    assert lacks_named({"leeds": 3.0, "fans": 1.0}, ORCHARD, kb, names) == 1.0
    # the first entry holds it
    assert lacks_named({"otago": 3.0}, ORCHARD, kb, names) == 0.0
    # a name no entry holds is absent_named's to read, not this one's
    assert lacks_named({"tasmania": 3.0}, ORCHARD, kb, names) == 0.0
    # an ordinary word the first entry lacks is not a name
    assert lacks_named({"patients": 2.0}, ORCHARD, kb, names) == 0.0
