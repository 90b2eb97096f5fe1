"""The classes ``bench/objection_confusion.py`` puts a matching hit in."""

from __future__ import annotations

import pytest

from bench.objection_confusion import kind_of
from tests.scoring import LabelledMention


def _label(objection: str, alt: tuple[str, ...] = ()) -> LabelledMention:
    return LabelledMention(call="a.vtt", line=10, lo=10, hi=10, objection=objection, alt=alt)


@pytest.mark.parametrize(("holder", "known", "label", "follow_up", "want"), [
    ("objections/pricing", True, _label("objections/pricing"), False, "right"),
    ("objections/pricing", True, _label("objections/contract", alt=("objections/pricing",)), False, "right"),
    # a new concern in any mined theme is right, as matching accuracy counts it
    ("theme/offline", False, _label("new:offline"), False, "right"),
    ("objections/pricing", True, _label("objections/contract"), False, "known>known"),
    ("theme/pricing", False, _label("objections/pricing"), False, "known>theme"),
    ("objections/pricing", True, _label("new:offline"), False, "new>known"),
    # a follow-up's error is where its anchor went, whatever it is labelled
    ("objections/pricing", True, _label("new:offline"), True, "follow-up"),
    ("objections/pricing", True, _label("objections/pricing"), True, "right"),
])
def test_kind_of(holder: str, known: bool, label: LabelledMention, follow_up: bool, want: str) -> None:
    assert kind_of(holder, known, label, follow_up) == want
