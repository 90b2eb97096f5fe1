"""Pieces of ``unsourced-claim`` the data-driven cases cannot show one at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from knowledge.model import Entry
from knowledge.rules.unsourced_claim import (
    _SPEAKS_AS_ITSELF,
    _announcer,
    _credits_a_named_body,
    _message,
    _no_claims_page,
    _no_outcomes_kind,
    _same_value,
)


@pytest.mark.parametrize(("text", "itself"), [
    ("We cut onboarding to 3 days.", True), ("Our customers save 20%.", True), ("Ask us for the data.", True),
    # "the US" is a country, not the company speaking
    ("One in three appointments in the US is booked online.", False), ("US clinics lose 12% of bookings.", False),
])
def test_the_company_speaks_as_itself_in_lower_case_us_only(text: str, itself: bool) -> None:
    assert bool(_SPEAKS_AS_ITSELF.search(text)) is itself


@pytest.mark.parametrize(("extra", "no_outcomes"), [
    ({"layout": "pricing"}, True), ({"template": "plans"}, True), ({"layout": "careers"}, True),
    ({"category": "partners"}, True), ({"layout": "post"}, False), ({"layout": "customer-story"}, False), ({}, False),
])
def test_a_kind_in_front_matter_that_states_no_outcomes(extra: dict[str, str], no_outcomes: bool) -> None:
    entry = Entry(id="p", path=Path("p.md"), title="Page", body="", extra=extra)
    assert _no_outcomes_kind(entry) is no_outcomes


@pytest.mark.parametrize(("title", "no_outcomes"), [
    ("Pricing", True), ("Pricing | Acme", True), ("Plans and pricing", True), ("Careers", True),
    ("Partner programme", True),
    ("Pricing that pays for itself in 3 months", False), ("How Acme cut careers-page bounce by 20%", False),
    ("Why clinics choose us", False), ("Pricing - Acme", True),
    # a hyphen straight after the word joins it to the next: not the name of such a page
    ("Jobs-to-be-done: how teams cut churn 30%", False), ("Pricing-led growth", False),
])
def test_a_title_that_names_a_page_that_states_no_outcomes(title: str, no_outcomes: bool) -> None:
    entry = Entry(id="p", path=Path("p.md"), title=title, body="", extra={})
    assert _no_outcomes_kind(entry) is no_outcomes


@pytest.mark.parametrize(("title", "own_page"), [
    ("Changelog", True), ("Changelog: October 2026", True), ("Release notes, October 2026", True),
    ("Release notes: October 2026 (v4.12)", True), ("Fleet and delivery glossary", True), ("Incident history", True),
    ("What's new in Acme 4.2", True), ("Postmortem: the 12 May outage", True),
    # a title that tells a story about such a page is no such page
    ("Incident reports: how Bramble cut outages 40%", False), ("How Bramble cut outages with incident reports", False),
    ("Bramble cut outages after reading its incident reports", False),
])
def test_a_title_that_names_a_page_of_the_company_s_own_record(title: str, own_page: bool) -> None:
    entry = Entry(id="p", path=Path("p.md"), title=title, body="", extra={})
    assert _no_claims_page(entry) is own_page


@pytest.mark.parametrize(("text", "cited"), [
    ("The McKinsey Global Institute reckoned in 2017 that large projects run 80% over budget.", True),
    ("Statistics South Africa's 2025 building statistics show 12% fewer permits.", True),
    ("Aberdeen Group reported in 2010 that leaders grew revenue 18% faster.", True),
    # words that start a sentence or speak as the company name no body
    ("In March We reported in 2023 that churn fell 8%.", False),
    ("Our Data Team found in 2024 that clinics cut no-shows by 30%.", False),
    ("Our 2024 customer survey shows 40% fewer errors.", False),
    ("Acme Labs found in 2024 that clinics cut no-shows by 30%.", False),  # the company itself
    # a team or a function of a company is the company speaking, not a named body
    ("Customer Success found in 2024 that clinics cut no-shows by 30%.", False),
    ("Product Marketing reported in 2025 that 40% of trials convert.", False),
    ("The Support Team estimated in 2023 that tickets fell 12%.", False),
    # ... while a body whose name ends otherwise still is one
    ("Harbour Research Group found in 2024 that clinics cut no-shows by 30%.", True),
    # ... or whose last word is one a team's name ends in: the whole name must be team words
    ("UK Finance found in 2024 that fraud losses rose 12%.", True),
    ("Macmillan Cancer Support estimated in 2023 that 40% of patients wait longer.", True),
    ("Skills for Care found in 2024 that turnover ran at 28%.", True),
    ("The Royal Academy of Engineering reported in 2023 that 30% of firms lack skills.", True),
    ("The Center for Creative Leadership found in 2022 that 38% of new leaders fail.", True),
    ("Sales Ops reported in 2025 that 40% of trials convert.", False),
])
def test_a_finding_credited_to_a_named_body(text: str, cited: bool) -> None:
    assert _credits_a_named_body(text, text, "Acme") is cited


@pytest.mark.parametrize(("body", "release"), [
    ("Acme, the scheduling company, today announced its Series B.", True),
    ("Acme today opened its third office, in Leeds, with 40 staff.", True),  # the KB's own company
    ("**CHRISTCHURCH, New Zealand, 12 May 2026** — Acme has opened a clinic.", True),
    ("LONDON, March 3, 2026 -- Acme reached 500 clinics.", True),
    # another company "today" doing something is no release of the KB's company's
    ("Bramble Vets today opened its third clinic. Since moving to Acme, its no-show rate fell by 30%.", False),
    ("Most teams today completed onboarding in a day.", False),
    # a note's label in capitals is no dateline
    ("**UPDATED, 12 May 2026** — No-shows fell by 30% across clinics.", False),
    ("EDITOR'S NOTE, 12 May 2026 — No-shows fell by 30%.", False),
])
def test_a_press_release_is_told_by_its_marks(body: str, release: bool) -> None:
    assert (_announcer(body, "Acme") is not None) is release


def _figure(value: object, unit: str = "days", kind: str = "duration", metric: str | None = None) -> Any:
    from knowledge.figures import Figure
    from knowledge.model import Metric

    m = Metric(id=metric, name=metric, value=value, unit=unit, entry_id="p") if metric else None  # type: ignore[arg-type]
    return Figure(origin="metric" if metric else "claim", where="kb", value=value, kind=kind, unit=unit,  # type: ignore[arg-type]
                  path="p.md", line=1, metric=m)


@pytest.mark.parametrize(("value", "unit", "kind", "named"), [
    ((270.0, 420.0), "days", "duration", "payback-months"),  # the very range a metric registers
    ((270.0, 400.0), "days", "duration", None),  # one end differs
    ((270.0, 420.0), "percent", "percent", None),  # another kind
    (270.0, "days", "duration", None),  # a single value: equal by chance too often to name a metric
])
def test_a_range_a_metric_registers_is_named(value: object, unit: str, kind: str, named: str | None) -> None:
    metrics = [_figure((270.0, 420.0), metric="payback-months"), _figure(270.0, metric="trial-days")]
    assert _same_value(_figure(value, unit, kind), metrics) == named


@pytest.mark.parametrize(("same", "says"), [
    (None, "and no metric registers the figure"),
    ("payback-months", "matches the range of metric payback-months; if it is that measure, name it as payback-months does"),
])
def test_the_message_asks_once_to_register_the_figure(same: str | None, says: str) -> None:
    message = _message("“9 to 14 months”", same, "")
    assert says in message
    assert message.count("register it") == 1


def test_statements_that_disagree_with_each_other_are_each_still_unsourced() -> None:
    """Where statements that no metric registers disagree, the odd one out is a ``metric-conflict``, and it
    needs its source as much as the others: the match between two statements may be two measures."""
    from knowledge.audit import audit
    from tests.knowledge.rules.test_figures import _ctx, _entry

    said = [_entry(f"messaging/{name}.md", f"# {name}\n\n{text}\n", type="message") for name, text in (
        ("one", "Warehouse teams pick orders 30% faster with Acme."),
        ("two", "Warehouse teams pick orders 30% faster with Acme, in every region."),
        ("three", "Warehouse teams pick orders 45% faster with Acme."))]
    report = audit(_ctx(said), ["metric-conflict", "unsourced-claim"])
    conflicts = {(f.path, f.line) for f in report.findings if f.rule == "metric-conflict"}
    unsourced = {(f.path, f.line) for f in report.findings if f.rule == "unsourced-claim"}
    assert conflicts == {("messaging/three.md", 3)}
    assert unsourced == {("messaging/one.md", 3), ("messaging/two.md", 3), ("messaging/three.md", 3)}


@pytest.mark.parametrize(("expires", "unsourced"), [(None, False), ("2026-12-31", False), ("2026-10-15", True)])
def test_one_cause_per_figure_only_against_a_metric_in_force(expires: str | None, unsourced: bool) -> None:
    """A figure that contradicts a registered metric of an approved entry in force is a ``metric-conflict``
    alone (the fix is the metric's figure); against an expired entry's metric it still needs its source."""
    from dataclasses import replace
    from datetime import date

    from knowledge.audit import audit
    from tests.knowledge.rules.test_figures import GO_LIVE, _ctx, _entry

    proof = replace(GO_LIVE, expires=date.fromisoformat(expires) if expires else None)
    said = _entry("messaging/speed.md", "# Speed\n\nThe median customer goes live in 9 weeks.\n", type="message")
    report = audit(_ctx([proof, said]), ["metric-conflict", "unsourced-claim"])
    assert any(f.rule == "metric-conflict" and f.path == "messaging/speed.md" for f in report.findings)
    assert any(f.rule == "unsourced-claim" and f.path == "messaging/speed.md" for f in report.findings) is unsourced


@pytest.mark.parametrize(("expires", "unsourced"), [("2026-09-30", False), ("2026-12-31", True), (None, True)])
def test_an_expired_entrys_figures_are_stale_not_unsourced(expires: str | None, unsourced: bool) -> None:
    """An entry past its ``expires:`` is reported by ``stale-claim`` with its figures: nobody may make them
    any more, so asking for their source is the wrong fix. Until it expires they are still unsourced."""
    from datetime import date

    from knowledge.audit import audit
    from tests.knowledge.rules.test_figures import _ctx, _entry

    offer = _entry("messaging/offer.md", "# Spring offer\n\nClinics that switch this spring cut no-shows by 30%.\n",
                   type="message", expires=date.fromisoformat(expires) if expires else None)
    report = audit(_ctx([offer]), ["unsourced-claim", "stale-claim"])
    assert any(f.rule == "unsourced-claim" for f in report.findings) is unsourced
    assert any(f.rule == "stale-claim" for f in report.findings) is (expires == "2026-09-30")
