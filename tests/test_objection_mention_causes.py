"""The word rules that sort missed objection turns and false mentions into causes
(``bench/objection_mention_causes.py``), on sentences written for this test in three industries
(roofing, zoos, printing presses), including ones where a rule must not fire."""

from bench.objection_mention_causes import miss_cause, stray_cause


def test_a_structural_cause_is_kept_and_an_under_the_bar_turn_is_split_by_its_words():
    assert miss_cause("follow-up", "Still too dear.") == "follow-up"
    assert miss_cause("under the bar", "The board turned the last booking system down.") == "indirect"
    assert miss_cause("under the bar", "Two weeks to move the press rota? Where from?") == "question"
    assert miss_cause("under the bar", "It has to work on the roof with gloves on.") == "condition"
    assert miss_cause("under the bar", "Our keepers walk four miles a shift round the enclosures.") == "situation"


def test_a_false_mention_gets_the_first_cause_that_holds():
    assert stray_cause("How many presses can it schedule at once?") == "question for information"
    assert stray_cause("That sounds good, send me the paperwork.") == "acceptance or buying signal"
    assert stray_cause("We'd want the contract to start in April.") == "buying condition or term"
    assert stray_cause("The old rota has been a headache for years.") == "resistance words, no labelled concern"
    assert stray_cause("Three crews run out of the yard every morning.") == "situation"
