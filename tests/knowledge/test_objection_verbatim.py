"""An example's own words (knowledge/objections/verbatim.py): a prospect saying an objection entry's
example word for word is a mention of that entry and says so; a paraphrase never takes that way.

Three industries written for this test (school trips, charity software, building sites), in tiny
KBs: the two remarks a user reported missed (bench/ACCURACY.md, "An example's own words, eighteenth
round"), in a two-turn call and in a longer one, and paraphrases that must not take the shortcut.
The analysis tests use the real model (``vectors``); the word tests need none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ingest.calls import parse_call
from knowledge.model import Entry
from knowledge.settings import CallSettings

SELLER, PROSPECT = "Robin Vale", "Kit Ashdown"
SETTINGS = CallSettings(internal_speakers=[SELLER])

# industry -> its objection entries: (id, title, examples)
KBS: dict[str, list[tuple[str, str, list[str]]]] = {
    "school trips": [
        ("objections/deposits", "Collecting deposits from schools",
         ["Chasing deposits back to schools takes us days every term.",
          "Schools pay their deposits late and we chase them by hand."]),
        ("objections/coach-hire", "Coach companies we already book",
         ["We book coaches through one firm and they won't use a portal."]),
        ("objections/contract", "A contract over several years",
         ["We can't sign up for three years."]),
    ],
    "charity software": [
        ("objections/price", "Too expensive for a charity",
         ["Honestly the price worries me, we are a charity.", "Our budget is set by the trustees a year ahead."]),
        ("objections/volunteers", "Volunteers won't learn a new tool",
         ["Our volunteers are retired and won't learn another system."]),
        ("objections/data", "Donor data leaving the building",
         ["We promised donors their details never leave our own servers."]),
    ],
    "building sites": [
        ("objections/forms", "Another form on the phone",
         ["Our site foremen won't fill in another form on a phone.",
          "The lads on site ignore anything that needs a login."]),
        ("objections/signal", "No signal on site",
         ["Half our sites have no signal in the basement."]),
        ("objections/insurer", "The insurer's own paperwork",
         ["Our insurer insists on their own paper inspection sheets."]),
    ],
}

# industry -> (the example said word for word, a paraphrase of it, the entry)
SAID: dict[str, tuple[str, str, str]] = {
    "school trips": ("Chasing deposits back to schools takes us days every term.",
                     "Getting the schools to pay their deposits eats whole days of our term.", "objections/deposits"),
    "charity software": ("Honestly the price worries me, we are a charity.",
                         "Being a charity, the cost is what bothers me most.", "objections/price"),
    "building sites": ("Our site foremen won't fill in another form on a phone.",
                       "Our foremen will not complete yet another phone form.", "objections/forms"),
}


def entries(industry: str) -> list[Entry]:
    return [Entry(id=eid, path=f"{eid}.md", type="objection", title=title, examples=list(ex))
            for eid, title, ex in KBS[industry]]


def call(lines: list[tuple[str, str]], name: str = "call") -> Any:
    """A call transcript of (speaker, words) lines, parsed as ingest parses one."""
    text = "\n".join(f"{who}: {words}" for who, words in lines) + "\n"
    return parse_call(Path(f"{name}.txt"), rel=f"calls/{name}.txt", settings=SETTINGS, text=text)


def said_in(industry: str, remark: str) -> dict[int, int]:
    """Which candidate sentences of a two-turn call (the prospect's remark, the seller's reply) say an
    example of the industry's KB, and whose."""
    from knowledge.objections.prefilter import candidates
    from knowledge.objections.verbatim import example_words, said

    c = call([(PROSPECT, remark), (SELLER, "Let me show you how others handle that.")])
    found = [(c, cand) for cand in candidates(c)[0]]
    return said(found, example_words(entries(industry)))


# --- the words alone (no model) ---------------------------------------------------------------

@pytest.mark.parametrize("industry", list(SAID))
def test_an_example_said_word_for_word_takes_the_shortcut(industry: str):
    remark, _, want = SAID[industry]
    ids = [e.id for e in entries(industry)]
    assert {ids[j] for j in said_in(industry, remark).values()} == {want}


@pytest.mark.parametrize(("industry", "remark"), [
    ("school trips", "um chasing deposits back to schools takes us days every term"),  # speech recognition
    ("charity software", "HONESTLY, the price worries me... we are a charity!"),
    ("building sites", "Our site foremen wont fill in another form on a phone."),  # the apostrophe dropped
])
def test_case_punctuation_fillers_and_dropped_apostrophes_do_not_matter(industry: str, remark: str):
    assert said_in(industry, remark)


@pytest.mark.parametrize("industry", list(SAID))
def test_a_paraphrase_never_takes_the_shortcut(industry: str):
    _, paraphrase, _ = SAID[industry]
    assert said_in(industry, paraphrase) == {}


@pytest.mark.parametrize(("industry", "remark"), [
    ("school trips", "Chasing deposits back to schools takes us days every single term."),  # a word more
    ("charity software", "Honestly the price worries me, we are not a charity."),  # a negation in
    ("building sites", "Our site foremen will fill in another form on a phone."),  # the sense turned
])
def test_one_word_changed_is_not_the_example(industry: str, remark: str):
    assert said_in(industry, remark) == {}


def test_an_example_of_two_sentences_is_found_across_them():
    from knowledge.objections.prefilter import candidates
    from knowledge.objections.verbatim import example_words, said

    kb = [Entry(id="objections/fees", path="objections/fees.md", type="objection", title="Card fees",
                examples=["The card fees are too high. We'd lose our margin on small orders."])]
    c = call([(PROSPECT, "The card fees are too high. We'd lose our margin on small orders."),
              (SELLER, "Let me show you the rates.")])
    found = [(c, cand) for cand in candidates(c)[0]]
    assert sorted(said(found, example_words(kb))) == [0, 1]


# --- the whole analysis, on the real model -----------------------------------------------------

def filed(industry: str, calls: list[Any], vectors: Any, prototypes: Any) -> dict[tuple[str, int], tuple[str, str]]:
    """(call, turn) -> (the objection it is filed under, why) for every mention of the analysis."""
    from knowledge.objections import analyze

    a = analyze(calls, entries(industry), vectors, prototypes=prototypes)
    return {(m.call, m.turn): (o.id, m.why) for o in a.objections for m in o.mentions}


@pytest.mark.model
@pytest.mark.parametrize("industry", list(SAID))
def test_an_example_said_in_a_two_turn_call_is_a_mention_of_its_entry(industry: str, vectors: Any, prototypes: Any):
    remark, _, want = SAID[industry]
    short = call([(PROSPECT, remark), (SELLER, "Thanks, let me show you the plans.")])
    got = filed(industry, [short], vectors, prototypes)
    assert got == {("calls/call.txt", 0): (want, f"the words of an example of {want}")}


SMALL_TALK = [
    (PROSPECT, "We run trips and events for about forty organisations across the county."),
    (SELLER, "Tell me more about how bookings come in today."),
    (PROSPECT, "Mostly by email, and a few by phone from the office."),
    (SELLER, "And who looks after the bookings on your side?"),
    (PROSPECT, "Two coordinators share it between them, part time."),
    (SELLER, "Got it. Let me share how the booking page works."),
]


@pytest.mark.model
@pytest.mark.parametrize("industry", list(SAID))
def test_the_example_in_a_short_call_is_found_next_to_a_longer_call(industry: str, vectors: Any, prototypes: Any):
    """The user's report: a longer call's reworded remark was found, the short call's verbatim one not."""
    remark, paraphrase, want = SAID[industry]
    short = call([(SELLER, "Thanks for making the time today."), (PROSPECT, remark)], "short")
    longer = call([(SELLER, "Thanks for joining, shall we start with where you are?"), *SMALL_TALK,
                   (PROSPECT, "That looks tidy."), (SELLER, "And the pricing is per seat, per month."),
                   (PROSPECT, f"I'll be straight with you. {paraphrase}"),
                   (SELLER, "That's a fair concern, let me walk you through it."),
                   (PROSPECT, "Please do."), (SELLER, "Here is what other customers did.")], "longer")
    assert len(longer.turns) == 13
    got = filed(industry, [short, longer], vectors, prototypes)
    assert got[("calls/short.txt", 1)] == (want, f"the words of an example of {want}")
    assert all(why == "" for (path, _), (_, why) in got.items() if path == "calls/longer.txt")
