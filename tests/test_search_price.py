"""A question that asks what something costs is answered only by an entry stating an amount of
money: the rule beside the relevance floor (``knowledge.search.price_unstated``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

import knowledge.search as ks
from cli.main import app
from ingest.pipeline import ingest
from knowledge.search import SearchOptions, search
from knowledge.settings import load_settings
from tests.conftest import write_kb

TODAY = date(2026, 11, 1)


@pytest.mark.parametrize("question", [
    "How much does it cost per store per month?",
    "What is the list price per seat?",
    "What does Lumen cost per technician?",
    "What's the monthly price per building?",
    "How much is the fee per ticket?",
    "What does it cost?",
])
def test_price_questions(question):
    assert ks._PRICE_QUESTION.search(question)


@pytest.mark.parametrize("question", [
    "What does the fee cover? Is card processing included?",  # about the fee, not its amount
    "How much did it cut the handling cost per claim?",  # a change, often a percentage
    "How much does Gridwell cut energy costs?",
    "Is it priced per vet or per clinic?",
    "The finance director says we cost far more than their old system. What should I say?",
    "What reduction in peak capacity charges can I quote?",
    "Can a venue pay a fixed yearly fee rather than per ticket?",
])
def test_not_price_questions(question):
    assert not ks._PRICE_QUESTION.search(question)


def _cand(*kinds: str) -> ks.Candidate:
    c = ks.Candidate("x.md")
    c.entry = SimpleNamespace(claims=[SimpleNamespace(kind=k) for k in kinds], body="")
    return c


def test_a_price_question_needs_an_amount_of_money_in_the_first_results():
    q = "What does it cost per seat per month?"
    assert ks.price_unstated(q, [_cand("percent"), _cand(), _cand("duration")])
    assert not ks.price_unstated(q, [_cand("percent"), _cand(), _cand("currency")])
    # only the first three count
    assert ks.price_unstated(q, [_cand(), _cand(), _cand(), _cand("currency")])
    assert not ks.price_unstated("How long does onboarding take?", [_cand()])
    assert not ks.price_unstated(q, [])


PRICING = """---
type: answer
title: Pricing
owner: ana@example.com
reviewed: 2026-09-01
---

# Pricing

Lumen is priced per technician per month, billed annually. Quotes come from the sales team.
"""

PRICED = """---
type: answer
title: Pricing
owner: ana@example.com
reviewed: 2026-09-01
---

# Pricing

Lumen costs $59 per technician per month, billed annually.
"""


def _ask(tmp_path: Path, body: str, q: str, fake_embedder: object) -> tuple[Path, dict]:
    kb = write_kb(tmp_path / "kb", {"answers/pricing.md": body}, toml='[kb]\nname = "Lumen"\n')
    ingest(load_settings(kb), embedder=fake_embedder)
    return kb, search(load_settings(kb), q, SearchOptions(today=TODAY), embedder=fake_embedder)  # type: ignore[arg-type]


def test_a_price_nobody_states_is_reported_unanswered(tmp_path: Path, fake_embedder: object,
                                                       monkeypatch: pytest.MonkeyPatch):
    q = "How much does Lumen cost per technician per month?"
    monkeypatch.setattr(ks.Ranker, "answerable", lambda self, f: 0.99)  # above the floor whatever it reads
    kb, out = _ask(tmp_path, PRICING, q, fake_embedder)
    assert out["answered"] is False and out["results"] == [] and out["reason"] == "price"
    assert out["closest"][0]["path"] == "answers/pricing.md"
    r = CliRunner().invoke(app, ["ask", q, "--kb", str(kb)])
    assert r.exit_code == 0, r.output
    assert "No entry states the price asked for" in r.stdout


def test_a_stated_price_answers(tmp_path: Path, fake_embedder: object, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(ks.Ranker, "answerable", lambda self, f: 0.99)
    _, out = _ask(tmp_path, PRICED, "How much does Lumen cost per technician per month?", fake_embedder)
    assert out["answered"] is True and out["results"][0]["path"] == "answers/pricing.md"
    assert "reason" not in out


def test_the_price_check_switched_off(tmp_path: Path, fake_embedder: object, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(ks.Ranker, "answerable", lambda self, f: 0.99)
    monkeypatch.setattr(ks, "PRICE_CHECK", False)
    _, out = _ask(tmp_path, PRICING, "How much does Lumen cost per technician per month?", fake_embedder)
    assert out["answered"] is True


INCLUDED = """---
type: answer
title: Pricing
owner: ana@example.com
reviewed: 2026-09-01
---

# Pricing

Lumen is priced per technician per month. Data migration, training and the first year of support
are included.
"""


def test_costing_nothing_is_a_price(tmp_path: Path, fake_embedder: object, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(ks.Ranker, "answerable", lambda self, f: 0.99)
    _, out = _ask(tmp_path, INCLUDED, "How much does support cost?", fake_embedder)
    assert out["answered"] is True
    # ... about the thing asked: the price per technician is still unstated
    _, out = _ask(tmp_path / "2", INCLUDED, "What does Lumen cost per technician per month?", fake_embedder)
    assert out["answered"] is False and out["reason"] == "price"


def _page(body: str) -> ks.Candidate:
    c = _cand()
    c.entry.body = body
    return c


@pytest.mark.parametrize("body,unstated", [
    ("Onboarding is free of charge for every new customer.", False),
    ("Training, onboarding and the first year of support\nare included.", False),  # a hard-wrapped sentence
    ("There is no extra charge for onboarding.", False),
    ("The fee includes onboarding, hosting and upgrades.", True),  # the fee is not free
    ("Onboarding takes two weeks. Support is included.", True),  # free, but not what was asked
    ("- **The free plan covers one site.** Onboarding is run by our team.", True),
])
def test_costing_nothing_counts_only_for_what_was_asked(body, unstated):
    assert ks.price_unstated("How much does onboarding cost per site?", [_page(body)]) is unstated
