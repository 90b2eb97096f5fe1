"""Retired entries stay below current ones, also when a question quotes the retired figure (the
default). Behind ``knowledge.search.RETIRED_QUOTED`` (off), a question that quotes a figure only a
retired entry registers puts that entry, marked, first (``retired_quoted_first``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import knowledge.search as ks
from ingest.pipeline import ingest
from knowledge.search import SearchOptions, search
from knowledge.settings import load_settings
from tests.conftest import write_kb

CURRENT = """---
type: proof_point
title: Time to go live
owner: ana@example.com
reviewed: 2026-09-01
metrics:
  - id: median-go-live
    name: median time from kickoff to first live payment run
    value: 6
    unit: weeks
---

# Time to go live

The median customer goes from kickoff to its first live payment run in 6 weeks.
"""

RETIRED = """---
type: proof_point
title: Peak load reduction (2023 pilot)
status: retired
owner: ana@example.com
metrics:
  - id: peak-load
    name: reduction in peak electrical load
    value: 35
    unit: percent
---

# Peak load reduction (2023 pilot): retired

Do not use "up to 35% lower peak load" anywhere: the pilot was not representative.
"""

DEMAND = """---
type: proof_point
title: Demand charges
owner: ana@example.com
reviewed: 2026-09-01
metrics:
  - id: demand-charges
    name: reduction in peak demand charges
    value: 18
    unit: percent
---

# Demand charges

Customers cut their peak demand charges by 18% on average, across 140 sites.
"""


@pytest.fixture
def kb(tmp_path: Path, fake_embedder: object) -> Path:
    kb = write_kb(tmp_path / "kb", {"proof-points/go-live.md": CURRENT, "proof-points/peak-2023.md": RETIRED,
                                   "proof-points/demand.md": DEMAND}, toml='[kb]\nname = "Gridwell"\n')
    ingest(load_settings(kb), embedder=fake_embedder)
    return kb


def _ask(kb: Path, q: str, embedder: object) -> dict:
    return search(load_settings(kb), q, SearchOptions(today=date(2026, 11, 1), mode="ranked"),
                  embedder=embedder)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _answered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ks.Ranker, "answerable", lambda self, f: 0.99)  # the order, whatever the floor says


def test_a_quoted_retired_figure_stays_below_the_current_entry_by_default(kb: Path, fake_embedder: object):
    out = _ask(kb, "Am I still allowed to use the 35% peak load number?", fake_embedder)
    statuses = [r["status"] for r in out["results"]]
    assert statuses[0] == "approved" and statuses.index("retired") > 0


def test_switched_on_a_quoted_retired_figure_puts_its_entry_first_marked(
        kb: Path, fake_embedder: object, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(ks, "RETIRED_QUOTED", True)
    out = _ask(kb, "Am I still allowed to use the 35% peak load number?", fake_embedder)
    assert out["results"][0]["path"] == "proof-points/peak-2023.md"
    assert out["results"][0]["status"] == "retired" and out["results"][0]["canonical"] is False


def test_without_the_quoted_figure_retired_entries_stay_below_current_ones(kb: Path, fake_embedder: object):
    out = _ask(kb, "How much lower is the peak load?", fake_embedder)
    statuses = [r["status"] for r in out["results"]]
    assert statuses.index("retired") > statuses.index("approved")


def test_a_figure_a_current_entry_registers_is_answered_by_it(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(ks, "RETIRED_QUOTED", True)
    def cand(path: str, status: str, value: float, unit: str) -> ks.Candidate:
        from types import SimpleNamespace

        c = ks.Candidate(path)
        c.entry = SimpleNamespace(status=status, metrics=[SimpleNamespace(value=value, unit=unit)])
        return c

    current, old = cand("a.md", "approved", 35, "percent"), cand("b.md", "retired", 35, "percent")
    assert ks.retired_quoted_first([current, old], "Can we say 35%?") == [current, old]
    other = cand("c.md", "approved", 18, "percent")
    assert ks.retired_quoted_first([other, old], "Can we say 35%?") == [old, other]
    assert ks.retired_quoted_first([other, old], "Can we say 35 weeks?") == [other, old]  # not a share
    monkeypatch.setattr(ks, "RETIRED_QUOTED", False)
    assert ks.retired_quoted_first([other, old], "Can we say 35%?") == [other, old]
