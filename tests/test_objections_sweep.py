"""The measure ``bench/objection_sweep.py`` adds to the objection scores: how many new themes are
found as their own theme."""

from __future__ import annotations

from typing import Any

import pytest

from bench.objection_sweep import new_themes_found

LABELS: dict[str, Any] = {"objections": {"calls": {
    "a.vtt": [{"line": 10, "objection": "new:offline"}, {"line": 20, "objection": "objections/pricing"}],
    "b.vtt": [{"line": 10, "objection": "new:offline"}, {"line": 30, "objection": "new:support-hours"}],
    "c.vtt": [{"line": 40, "objection": "new:support-hours"}],
}}}


def _objection(oid: str, known: bool, *mentions: tuple[str, int]) -> dict[str, Any]:
    return {"id": oid, "known": known, "mentions": [{"call": c, "line": ln} for c, ln in mentions]}


@pytest.mark.parametrize(("case", "objections", "want"), [
    # Each new concern has a theme of its own.
    ("test_pass_both_kept_apart", [_objection("theme/offline", False, ("a.vtt", 10), ("b.vtt", 10)),
                                   _objection("theme/support", False, ("b.vtt", 30), ("c.vtt", 40))], (2, 2)),
    # Absorbed into a known objection: the gap is hidden, so it is not found.
    ("test_fail_absorbed", [_objection("objections/pricing", True, ("a.vtt", 10), ("b.vtt", 10), ("a.vtt", 20)),
                            _objection("theme/support", False, ("b.vtt", 30), ("c.vtt", 40))], (1, 2)),
    # One mention in a theme is not a theme of its own, wherever the other went.
    ("test_fail_one_mention", [_objection("theme/offline", False, ("a.vtt", 10)),
                               _objection("objections/pricing", True, ("b.vtt", 10))], (0, 2)),
    # A theme mixing two new concerns counts for its majority only; strays count against it.
    ("test_fail_mixed_theme", [_objection("theme/mixed", False, ("a.vtt", 10), ("b.vtt", 10), ("b.vtt", 30),
                                          ("c.vtt", 40), ("c.vtt", 99))], (0, 2)),
])
def test_new_themes_found_as_their_own(case, objections, want):
    assert new_themes_found({"objections": objections}, LABELS) == want, case
