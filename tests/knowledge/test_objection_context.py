"""Step 2d, a reported piece read with the seller's turn before it (``knowledge/objections/context.py``,
``Tuning.context``, off: measured in the eighteenth and nineteenth rounds and not shipped;
bench/ACCURACY.md, "Objection mentions read with the turn they answer, eighteenth round" and "A
seller's question about a raised objection, nineteenth round").

What it reads of the seller's turn, on turns written for these tests in three industries no corpus is
about (dental clinics, freight forwarding, wedding venues), with turns where a reading must NOT fire.
"""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.model import Call, Turn
from knowledge.objections.context import (
    ABOUT,
    FEATURES,
    OWN,
    SELLER,
    ContextModel,
    about_features,
    seller_features,
    seller_turn,
    set_aside,
    why,
)
from knowledge.objections.detect import Detection
from knowledge.objections.prefilter import Candidate

ASKED, TODAY, OFFER = (SELLER.index(k) for k in ("asked", "today", "offer"))

# (industry, the seller's turn, asked, about the situation today, proposes or prices)
SELLER_TURNS = [
    ("dental", "Thanks for making the time. How do you handle recalls today?", 1, 1, 0),
    ("dental", "So tell me how the front desk books hygiene appointments at the moment.", 0, 1, 0),
    ("dental", "For three chairs that comes to $240 a month, and we'd set you up in a week.", 0, 0, 1),
    ("dental", "That makes sense, thanks for explaining it.", 0, 0, 0),
    ("freight", "Walk me through what happens when a container is held at customs.", 0, 1, 0),
    ("freight", "What I'd suggest is a pilot on the Rotterdam lane first. Would that work?", 1, 0, 1),
    ("freight", "Would Thursday suit you for the follow-up?", 1, 0, 0),
    ("freight", "Got it, the customs broker is a separate firm.", 0, 0, 0),
    ("wedding", "Who handles the supplier bookings for each wedding right now?", 1, 1, 0),
    ("wedding", "The annual licence is 3,000 pounds, with the planner app included.", 0, 0, 1),
    ("wedding", "Does that answer the worry about double bookings?", 1, 0, 0),
    ("wedding", "Lovely, the barn sounds beautiful.", 0, 0, 0),
]


def test_the_turns_span_three_industries_and_turns_where_nothing_fires():
    assert len({t[0] for t in SELLER_TURNS}) >= 3
    assert sum(1 for t in SELLER_TURNS if not any(t[2:])) >= 3


@pytest.mark.parametrize("industry, text, asked, today, offer", SELLER_TURNS)
def test_what_the_sellers_turn_does(industry: str, text: str, asked: int, today: int, offer: int):
    f = seller_features(Turn(speaker="Sam", text=text, line=1, role="internal"))
    assert (f[ASKED], f[TODAY], f[OFFER]) == (asked, today, offer), f"{industry}: {text}"


def _call(*turns: tuple[str, str, str], roles_known: bool = True) -> Call:
    return Call(path="c.txt", turns=[Turn(speaker=s, text=t, line=i + 1, role=r) for i, (s, r, t) in enumerate(turns)],
                roles_known=roles_known)


def test_the_seller_turn_is_the_nearest_one_before_and_none_without_roles():
    call = _call(("Sam", "internal", "How do you book hygiene visits today?"),
                 ("Dana", "external", "On paper, mostly."),
                 ("Lee", "external", "She means the diary at the desk."),
                 ("Dana", "external", "We've never had software for it."))
    assert seller_turn(call, 1) is call.turns[0]
    assert seller_turn(call, 2) is call.turns[0]  # a colleague of the prospect, same seller's question
    assert seller_turn(call, 3) is None  # the prospect's own turn came in between
    assert seller_turn(_call(*[(s, "unknown", t) for s, _, t in
                               [("Sam", "", "How do you book today?"), ("Dana", "", "On paper.")]],
                             roles_known=False), 1) is None
    assert seller_features(None) == [0.0] * len(SELLER)


def test_why_quotes_the_question_the_remark_answers():
    turn = Turn(speaker="Sam", text="Good. Who handles the supplier bookings right now?", line=1, role="internal")
    x = [0.0] * len(OWN) + seller_features(turn)
    assert why(turn, x) == ("set aside: it answers the seller's question about how things are today "
                            "(\"Who handles the supplier bookings right now?\")")
    assert "carries no resistance" in why(None, [0.0] * len(FEATURES))


def _detection(n: int) -> Detection:
    z = np.zeros(n, dtype=np.float32)
    return Detection(score=z + 0.8, detected=np.ones(n, dtype=bool), learned=z + 0.9, similar=z, cues=z, ack=z,
                     as_close=np.zeros(n, dtype=bool), cohesion=np.zeros(0), evidence=np.ones(n, dtype=bool),
                     closeness=z, generic=z)


def test_a_remark_answering_a_question_about_today_is_set_aside_and_one_after_a_price_is_kept():
    call = _call(("Sam", "internal", "How do you chase unpaid deposits today?"),
                 ("Dana", "external", "We never chase them, honestly, nobody has the time."),
                 ("Sam", "internal", "The plan is 90 pounds a month for the whole venue."),
                 ("Dana", "external", "We never pay monthly for software, nobody here would sign that."))
    found = [(call, Candidate(turn=t, index=0, text=call.turns[t].text, raw=call.turns[t].text, line=t + 1, column=1))
             for t in (1, 3)]
    # a model that reads only the seller's ask about today, against it
    coef = np.zeros(len(FEATURES))
    coef[len(OWN) + TODAY] = -4.0
    model = ContextModel(coef=coef, intercept=2.0, drop=0.5)
    kept, reasons = set_aside(found, np.zeros((2, 4), dtype=np.float32), _detection(2), np.ones(2, dtype=bool), model=model)
    assert kept.tolist() == [False, True]
    assert reasons == [("c.txt", 2, "set aside: it answers the seller's question about how things are today "
                                    "(\"How do you chase unpaid deposits today?\")")]
    # a bar of 0 sets nothing aside (the state of a model whose bar gained nothing)
    none, _ = set_aside(found, np.zeros((2, 4), dtype=np.float32), _detection(2), np.ones(2, dtype=bool),
                        model=ContextModel(coef=coef, intercept=2.0, drop=0.0))
    assert none.tolist() == [True, True]


def test_it_is_off_and_ships_no_weights():
    from knowledge.objections import DEFAULT_TUNING
    from knowledge.objections.context import CONTEXT_PATH, load_context_model

    assert DEFAULT_TUNING.context is False
    assert not CONTEXT_PATH.exists() and load_context_model() is None


# What the seller's turn is about (ABOUT), nineteenth round: the prospect's objection already raised,
# or a new topic. (industry, the prospect's earlier objection, the seller's question, refers back,
# echoes the objection's words) on turns written for these tests in three industries no corpus is
# about (bakeries, ski schools, printing firms), with discovery questions where neither fires.
RAISED, REFERS, ECHO, SIMILAR = (ABOUT.index(k) for k in ("raised", "refers", "echo", "similar"))
ABOUT_TURNS = [
    ("bakery", "The ovens app we tried kept losing the overnight orders.",
     "When you say it lost them, what happened, specifically?", 1, 0),
    ("bakery", "The delivery fee is too steep for the cafes we supply.",
     "Is it the delivery charge itself, or who pays it?", 1, 1),
    ("bakery", "The delivery fee is too steep for the cafes we supply.",
     "How many cafes do you bake for each morning?", 0, 1),
    ("bakery", "The ovens app we tried kept losing the overnight orders.",
     "Which flour supplier are you with?", 0, 0),
    ("ski school", "Our instructors won't carry another phone on the slopes.",
     "Which part worries you, the battery in the cold?", 1, 0),
    ("ski school", "Our instructors won't carry another phone on the slopes.",
     "What do you mean by another phone?", 1, 1),
    ("ski school", "Our instructors won't carry another phone on the slopes.",
     "Do lessons get booked at the resort desk or online?", 0, 0),
    ("printing", "I doubt the press operators would trust the schedule it makes.",
     "What makes you doubt the schedule?", 1, 1),
    ("printing", "I doubt the press operators would trust the schedule it makes.",
     "What paper stock do you run most of?", 0, 0),
]


def test_the_about_turns_span_three_industries_and_questions_where_nothing_fires():
    assert len({t[0] for t in ABOUT_TURNS}) >= 3
    assert sum(1 for t in ABOUT_TURNS if not any(t[3:])) >= 3


@pytest.mark.parametrize("industry, raised, asked, refers, echo", ABOUT_TURNS)
def test_what_the_sellers_question_is_about(industry: str, raised: str, asked: str, refers: int, echo: int):
    f = about_features(asked, [raised], None, np.zeros((0, 1)))
    assert f[RAISED] == 1.0 and f[SIMILAR] == 0.0
    assert (f[REFERS], float(f[ECHO] > 0)) == (refers, echo), f"{industry}: {asked}"


def test_nothing_is_about_an_objection_when_none_was_raised_or_nothing_was_asked():
    assert about_features("What happened, specifically?", [], None, np.zeros((0, 1)))[RAISED] == 0.0
    assert about_features("", ["The fee is too steep."], None, np.zeros((0, 1))) == [0.0] * len(ABOUT)


def test_similar_is_the_closest_earlier_objection_by_meaning():
    E = np.asarray([[1.0, 0.0], [0.6, 0.8]], dtype=np.float32)
    f = about_features("Is it the fee?", ["a", "b"], np.asarray([0.0, 1.0], dtype=np.float32), E)
    assert f[SIMILAR] == pytest.approx(0.8)
