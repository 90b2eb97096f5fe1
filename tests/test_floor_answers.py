"""``bench/floor_answers.py``: the figure reading measured in pass 21 (not shipped), on passages
written here in three industries (orchard frost protection, ferry ticketing, dental aligners),
with cases where it must not fire. The readings of what the first entry keeps
of the KB's words and names are search's own: ``tests/knowledge/test_first_entry.py``."""

from __future__ import annotations

from bench.floor_answers import figure_sentence, sentences

ORCHARD = ["Frost fans switch on when the orchard reaches 0.5 degrees. Growers in Otago cut frost "
           "losses by 40% in the first spring.", "The fans run on diesel or mains power."]
FERRY = ["Tickets are sold at the Harwich terminal and online. Foot passengers pay at the kiosk.",
         "Vehicle bookings close two hours before sailing."]
ALIGNERS = ["Each aligner is worn for two weeks. Most patients finish treatment in nine months.",
            "Aligners are made in our Leeds lab and posted to the clinic."]


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
