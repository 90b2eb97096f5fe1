"""The calls-and-drafts claim-ness model (``knowledge.claims.claimness.claim_as_said``), what
``unsupported-claim`` asks of it, and how ``bench/train_claimness.py`` labels the figures of the
development corpora's calls and drafts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import train_claimness as tc
from knowledge.claims import claimness, extract_claims

from .rules.test_structural import run_case

CASE = """\
description: an unbacked outcome in a draft
today: 2026-11-01
files:
  articles/about.md: |
    ---
    id: about
    status: approved
    owner: sam
    ---
    # About us

    We sell rostering software to restaurants.
drafts:
  drafts/email.md: |
    Restaurants on our rota app cut overtime by 31% in their first quarter.
"""


def _weights(tmp_path: Path, name: str, bias: float, *, replaces: bool = False) -> Path:
    p = tmp_path / name
    meta = {"replaces": True} if replaces else {}
    p.write_text(json.dumps({"threshold": 0.5, "weights": {"bias": bias}, "meta": meta}), encoding="utf-8")
    return p


def _claim(text: str):  # noqa: ANN202 - a Claim
    return extract_claims(text)[0]


def test_no_weights_means_every_figure_is_a_claim(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANON_CLAIMNESS_CALLS_DRAFTS_WEIGHTS", str(tmp_path / "none.json"))
    assert claimness.load_calls_drafts() is None
    assert claimness.claim_as_said(_claim("Kitchens waste 12% less food with our scales."))


def test_the_model_decides_at_its_threshold(tmp_path: Path) -> None:
    c = _claim("Clinics see 38% fewer missed appointments.")
    no = claimness._load(str(_weights(tmp_path, "no.json", -5.0)))
    yes = claimness._load(str(_weights(tmp_path, "yes.json", 5.0)))
    assert not claimness.claim_as_said(c, no)
    assert claimness.claim_as_said(c, yes)


@pytest.mark.parametrize(("bias", "found"), [(5.0, 1), (-5.0, 0)])
def test_unsupported_claim_asks_the_calls_and_drafts_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           bias: float, found: int) -> None:
    monkeypatch.setenv("CANON_CLAIMNESS_CALLS_DRAFTS_WEIGHTS", str(_weights(tmp_path, f"w{bias}.json", bias)))
    case = tmp_path / "unsupported-claim" / "case.yaml"
    case.parent.mkdir()
    case.write_text(CASE, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    _, findings = run_case(case, work)
    assert len([f for f in findings if f.rule == "unsupported-claim"]) == found


@pytest.mark.parametrize(("replaces", "found"), [(False, 0), (True, 1)])
def test_the_model_replaces_the_shipped_decision_only_when_its_weights_say_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, replaces: bool, found: int) -> None:
    # the shipped model calls "runs for 45 minutes" no claim; a model that calls everything a claim
    # reports it only when it replaces the shipped decision
    weights = _weights(tmp_path, f"r{replaces}.json", 5.0, replaces=replaces)
    monkeypatch.setenv("CANON_CLAIMNESS_CALLS_DRAFTS_WEIGHTS", str(weights))
    case = tmp_path / "unsupported-claim" / "case.yaml"
    case.parent.mkdir()
    case.write_text(CASE.replace("Restaurants on our rota app cut overtime by 31% in their first quarter.",
                                 "The webinar runs for 45 minutes."), encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    _, findings = run_case(case, work)
    assert len([f for f in findings if f.rule == "unsupported-claim"]) == found


def test_a_claim_line_speaks_for_its_figures_only_when_they_are_of_one_kind() -> None:
    pair = extract_claims("Approvals went from 21% to 38% with video.")
    mixed = extract_claims("Approvals went to 38% inside a year.")
    assert len(pair) == 2 and tc._line_labels(pair, 1) == pair  # a before and an after: both claims
    assert len(mixed) == 2 and tc._line_labels(mixed, 1) == []  # which one is the claim? neither is labelled
    assert tc._line_labels(mixed, 0) == mixed  # a line of no claim: none of its figures is one
    one = extract_claims("Our customers cut fuel costs by 18%.")
    assert tc._line_labels(one, 1) == one


@pytest.mark.parametrize(("note", "backed", "skipped"), [
    ("matches parts-fill-rate 91%", True, False),
    ("rounds no-show-reduction 38%", True, False),
    ("rewords inventory-write-off-reduction 27%", True, False),
    ("restates no-show-rate-before 14% and no-show-rate 6%", True, False),
    ("rep restating the prospect's volume", False, False),
    ("prospect's own volumes", False, False),
    ("logistics", False, False),
    ("external speaker echoing the rep", False, True),
    ("US list price and group onboarding price", False, True),
])
def test_how_a_negative_note_is_read(note: str, backed: bool, skipped: bool) -> None:
    assert bool(tc.BACKED_NOTE.search(note)) is backed
    assert bool(tc.SKIPPED_NOTE.search(note)) is skipped


@pytest.mark.parametrize(("note", "label"), [
    ("five months lies inside payback-months [4, 6]", 1),  # names the metric it agrees with
    ("fuel-cost-reduction and idle-time-reduction", 1),
    ("matches median-go-live 6 weeks", 1),
    ("the prospect's own situation", 0),
    ("a term and a discount", 0),
    ("TDS rates", 0),
    ("logging interval", 0),
    ("a commitment", None),  # says neither: left out
    ("external speaker echoing the rep", None),
    ("prices and probe count", None),
])
def test_a_negative_note_gives_its_figures_a_label_only_when_it_says_what_they_are(note: str,
                                                                                   label: int | None) -> None:
    assert tc.note_label(note) == label
