"""Which turns after a raised objection are reported as mentions, on the real embedding model, in six
industries no development corpus is about: the pre-registered cases of the fifteenth round's work on
objection mentions (bench/ACCURACY.md, "Objection mentions by cause, fifteenth round"),
``tests/data/objection_recall_cases_r15.tsv``.

The harness is the thirteenth round's (``test_objection_recall_industries``): the seller opens, the
prospect raises an objection, the seller replies, and the judged turn follows. It must be a mention
when ``expect`` is 1 (a continuation of the objection, or an indirect one: another party's refusal or
a past failure) and must not be when it is 0 (pain today, a question for information, a buying signal,
logistics). The cases were committed before any change was measured; those the shipped analysis gets
wrong are marked ``xfail(strict=True)`` with what it does, so each becomes a failure the day it is
mended.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.knowledge.test_objection_recall_industries import judged_is_a_mention, load_cases

CASES = load_cases(Path(__file__).resolve().parents[1] / "data" / "objection_recall_cases_r15.tsv")
# Filled in after the cases were first run on the shipped analysis (main at 11d3d22): index -> what it does.
WRONG_TODAY: dict[int, str] = {
    1: "a continuation refusing the offered date ('Spring is no use to me. ...'): not a mention",
    6: "a continuation countering the offer ('Under five is nothing. ...'): not a mention",
    7: "a continuation put as a question ('Cached from when, though? ...'): not a mention",
    8: "an indirect objection, a past provider's failure ('The last provider promised ...'): not a mention",
    17: "a buying signal ('That's what we needed to hear. Send the on-site pricing ...'): reported",
    18: "a continuation with no cue ('Texts from a number they don't know get ignored. ...'): not a mention",
    20: "an indirect objection, a neighbour's failed switch ('The practice down the road ...'): not a mention",
    26: "an indirect objection, the union rep's view ('He's already said the scanners ...'): not a mention",
    31: "a continuation on the price ('Even with the discount it's more than ...'): not a mention",
    32: "an indirect objection, a committee's past vote ('They voted a booking app down ...'): not a mention",
}


def test_the_cases_span_six_industries_and_every_kind():
    industries = {c["industry"] for c in CASES}
    assert len(CASES) >= 30 and len(industries) >= 6
    for industry in industries:
        mine = [c for c in CASES if c["industry"] == industry]
        assert {c["expect"] for c in mine} == {"0", "1"}
        assert {"continuation", "indirect", "pain", "question"} <= {c["kind"] for c in mine}


@pytest.mark.parametrize("i", [
    pytest.param(i, marks=pytest.mark.xfail(strict=True, reason=WRONG_TODAY[i])) if i in WRONG_TODAY else i
    for i in range(len(CASES))])
def test_a_turn_after_an_objection_is_a_mention_only_when_it_carries_resistance(i: int, vectors: Any,
                                                                               prototypes: Any):
    case = CASES[i]
    assert judged_is_a_mention(case, vectors, prototypes=prototypes) is (case["expect"] == "1"), \
        f"{case['kind']}: {case['next']}"
