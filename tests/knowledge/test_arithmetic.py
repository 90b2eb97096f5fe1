"""Arithmetic shown to the reader (:func:`knowledge.claims.terms.arithmetic`): the one reading every
figure rule uses to leave out an input or a result of arithmetic written out, on sentences written
for it across industries (``tests/data/claims/arithmetic.yaml``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.claims import extract_claims
from knowledge.claims.terms import arithmetic, computed, own_terms
from knowledge.figures.reading import figure_of_claim

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parents[1] / "data" / "claims" / "arithmetic.yaml").read_text(encoding="utf-8"))


def _claim(text: str, figure: str) -> Any:
    at = text.find(figure)
    assert at >= 0, figure
    [claim] = [c for c in extract_claims(text) if at <= c.column - 1 < at + len(figure)]
    return claim


def test_the_cases_cover_several_industries_and_both_sides() -> None:
    assert len({c["industry"] for c in CASES}) >= 10
    assert sum(c["arithmetic"] for c in CASES) >= 10 and sum(not c["arithmetic"] for c in CASES) >= 6


@pytest.mark.parametrize("case", CASES, ids=[f'{c["industry"]}: {c["figure"]}' for c in CASES])
def test_arithmetic_case(case: dict[str, Any]) -> None:
    claim = _claim(case["text"], case["figure"])
    why = arithmetic(claim)
    assert (why is not None) == case["arithmetic"], f'{case["figure"]!r} in {case["text"]!r}: {why}'
    assert computed(claim) == case["arithmetic"]


@pytest.mark.parametrize("case", CASES, ids=[f'{c["industry"]}: {c["figure"]}' for c in CASES])
def test_every_rule_reads_it_the_same_way(case: dict[str, Any]) -> None:
    # unsourced-claim reads it through own_terms, unsupported-claim through computed, metric-conflict
    # and rep-misstatement through the figure's ``worked``
    claim = _claim(case["text"], case["figure"])
    figure = figure_of_claim(claim, where="draft", path="d.md")
    assert figure.worked == case["arithmetic"]
    if case["arithmetic"]:
        assert own_terms(claim) == arithmetic(claim)
    else:
        assert own_terms(claim) is None

