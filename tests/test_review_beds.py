"""Reviewers' cases (tests/data/review_beds/*) judged with the real embedding model on this code.

Each case asserts the reviewer's wanted result on its line, over the rules its bed is about only
(the row's ``rules``): rep_review, rep_review2_*, rep_review3 to rep_review5: rep-misstatement, metric-conflict,
unsupported-claim; rv2: unsourced-claim, unsupported-claim; value_review1: metric-conflict,
rep-misstatement, unsourced-claim, unsupported-claim; stale_review1 and stale_review2: stale-claim,
metric-conflict, unsupported-claim, unsourced-claim, retired-claim; gate_review1: all seven figure rules;
terms_review1: unsourced-claim (careers, pricing, partner and ordinary pages). Cases the code gets wrong when recorded
(``known_wrong.json``) are ``xfail(strict=True)`` naming what canon reports, so fixing one fails the
run until its record is rewritten (``python bench/review_beds.py --record REF``).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from bench.review_beds import (
    BEDS,
    Case,
    Got,
    bed_names,
    is_right,
    kb_folder,
    load_cases,
    load_known_wrong,
    run_cases,
)

CASES = [case for bed in bed_names() for case in load_cases(bed)]
KNOWN = {bed: load_known_wrong(bed) for bed in bed_names()}


def _param(case: Case) -> Any:
    """The case as a test, expected to fail where the recorded commit gets it wrong."""
    if case.id not in KNOWN[case.bed]:
        return pytest.param(case, id=case.key)
    said = KNOWN[case.bed][case.id] or "nothing"
    reason = f"main reports {said}; the reviewer wanted {list(case.wanted) or 'none'}"
    return pytest.param(case, id=case.key, marks=pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason))


@pytest.fixture(scope="module")
def reported() -> dict[str, Got]:
    """Every case run once: each industry's KB loaded once, drafts and calls checked in batches."""
    return run_cases(CASES)


def test_beds_are_well_formed() -> None:
    """Every bed has cases with unique ids, a KB with settings, and wanted rules among its rules."""
    assert len(bed_names()) >= 5
    for bed in bed_names():
        cases = load_cases(bed)
        assert len({c.id for c in cases}) == len(cases), bed
        assert (BEDS / bed / "README.md").exists(), bed
        for case in cases:
            assert (kb_folder(case) / "canon.toml").exists(), case.key
            assert case.where in ("draft", "call", "page"), case.key
            assert set(case.wanted) <= set(case.rules), case.key
            assert case.text and case.path, case.key
        assert set(KNOWN[bed]) <= {c.id for c in cases}, bed
        json.loads((BEDS / bed / "known_wrong.json").read_text())


@pytest.mark.model
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_reviewers_wanted_result(case: Case, reported: dict[str, Got]) -> None:
    got = reported[case.key]
    assert is_right(case, got), (
        f"{case.key} ({case.where} {case.path}:{case.line}): wanted {list(case.wanted)}"
        f" metric={case.metric}, canon reports {got}; {case.note}")


@pytest.mark.model
def test_a_confidence_cut_judges_what_a_user_with_it_sees() -> None:
    """A cut above every confidence (they are rounded to two places, so at most 1.0) leaves out every
    figure finding: every case of a figure-rule bed then reports nothing, where without a cut the same
    cases report something."""
    cases = load_cases("gate_review1")
    assert any(run_cases(cases).values())
    assert not any(run_cases(cases, cut=1.01).values())
