"""The part a figure plays in its sentence (:mod:`knowledge.claims.roles`): the readings that leave a
figure out of ``unsourced-claim``, each beside outcomes in the same words that must stay claims
(``tests/data/claims/roles.yaml``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.claims import extract_claims, roles
from knowledge.claims.terms import own_terms, states_an_outcome
from knowledge.model import Claim

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parents[1] / "data" / "claims" / "roles.yaml").read_text(encoding="utf-8"))


def _figure(text: str, figure: str) -> Claim:
    at = text.find(figure)
    assert at >= 0, figure
    found = [c for c in extract_claims(text) if at <= c.column - 1 < at + len(figure)]
    assert found, f"{figure!r} is not read as a figure in {text!r}"
    return found[0]


def _role(claim: Claim, lead_in: str | None) -> str | None:
    if roles.offer_against_paying(claim):
        return "an offer"
    if roles.window_for_a_document(claim):
        return "a window in business days"
    return roles.role(claim, lead_in, "Acme")


def test_the_cases_cover_ten_industries_and_both_sides() -> None:
    assert len({c["industry"] for c in CASES}) >= 10
    assert sum(c["role"] for c in CASES) >= 15 and sum(not c["role"] for c in CASES) >= 12


@pytest.mark.parametrize("case", CASES, ids=[f'{c["industry"]}: {c["figure"]} ({c["role"]})' for c in CASES])
def test_role_case(case: dict[str, Any]) -> None:
    claim = _figure(case["text"], case["figure"])
    why = _role(claim, case.get("lead_in"))
    assert (why is not None) == case["role"], f"{case['figure']!r} in {case['text']!r}: {why}"


def test_an_outcome_in_the_sentence_is_still_an_outcome_after_the_refactor() -> None:
    # own_terms reads the signs of an outcome through states_an_outcome: the two agree
    for text in ("Plans start at $29 per vehicle per month, and fleets save 20% on fuel.",
                 "Our SLA is 99.9% monthly uptime."):
        for c in extract_claims(text):
            assert (own_terms(c) is None) or not states_an_outcome(c)


def test_a_change_the_reader_makes_to_a_setting_is_no_outcome_but_a_change_of_a_measure_is() -> None:
    setting = _figure("You can change the 48-hour cut-off per site, down to 2 hours.", "2 hours")
    assert states_an_outcome(setting)  # the sentence's change ...
    assert roles.role(setting) == "a value the reader sets"  # ... is the reader's, to a setting
    outcome = _figure("You can change the way you plan and cut planning to 2 hours.", "2 hours")
    assert roles.role(outcome) is None


def test_the_claims_listing_names_the_role(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from knowledge.claims.__main__ import main

    page = tmp_path / "trust.md"
    page.write_text("- 99.9% monthly uptime in the standard contract.\n\nCustomers cut costs by 20%.\n", encoding="utf-8")
    assert main([str(page)]) == 0
    term, outcome = capsys.readouterr().out.splitlines()
    assert term.endswith("needs no outside source: a term of a contract or a plan")
    assert "needs no outside source" not in outcome
