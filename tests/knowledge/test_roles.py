"""The part a figure plays in its sentence (:mod:`knowledge.claims.roles`): the readings that leave a
figure out of ``unsourced-claim``, each beside outcomes in the same words that must stay claims
(``tests/data/claims/roles.yaml``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.claims import extract_claims, roles
from knowledge.claims.terms import own_terms
from knowledge.model import Claim

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parents[1] / "data" / "claims" / "roles.yaml").read_text(encoding="utf-8"))


def _figure(text: str, figure: str) -> Claim:
    at = text.find(figure)
    assert at >= 0, figure
    found = [c for c in extract_claims(text) if at <= c.column - 1 < at + len(figure)]
    assert found, f"{figure!r} is not read as a figure in {text!r}"
    return found[0]


def test_the_cases_cover_ten_industries_and_both_sides() -> None:
    assert len({c["industry"] for c in CASES}) >= 10
    assert sum(c["role"] for c in CASES) >= 10 and sum(not c["role"] for c in CASES) >= 12
    assert sum(bool(c.get("claim")) for c in CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[f'{c["industry"]}: {c["figure"]} ({c["role"]})' for c in CASES])
def test_role_case(case: dict[str, Any]) -> None:
    claim = _figure(case["text"], case["figure"])
    why = roles.needs_no_source(claim, case.get("kb_name", "Acme"))
    assert (why is not None) == case["role"], f"{case['figure']!r} in {case['text']!r}: {why}"
    if case.get("claim"):  # an outcome claim: unsourced-claim asks its source
        assert claim.is_claim and own_terms(claim) is None, f"{case['figure']!r} in {case['text']!r}: {claim.why}"


def test_the_claims_listing_names_the_role(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from knowledge.claims.__main__ import main

    page = tmp_path / "trust.md"
    page.write_text("- Annual plan: save 15% compared with paying monthly.\n\nCustomers cut costs by 20%.\n", encoding="utf-8")
    assert main([str(page)]) == 0
    term, outcome = capsys.readouterr().out.splitlines()
    assert term.endswith("needs no outside source: an offer")
    assert "needs no outside source" not in outcome
