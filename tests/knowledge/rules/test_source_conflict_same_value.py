"""``source-conflict`` on a figure the matching leaves unbacked whose very value one registered metric
states (tenth round): only a result of the company's own, credited in its own sentence (or by its
footnote) to an outside study. Run with the fake embedder, under which the matching backs none of
these figures, so that only this reading can report them. The reading is switched off
(``SAME_VALUE``: measured in the tenth round and taken out after review); these tests switch it on
to pin what it does, and the last one pins that it is off."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.knowledge.rules.test_structural import run_case


@pytest.fixture(autouse=True)
def same_value_on(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    from knowledge.rules import source_conflict

    if "default" not in request.node.name:
        monkeypatch.setattr(source_conflict, "SAME_VALUE", True)

_METRIC = """\
---
type: proof_point
title: Spoilage
owner: ines@example.com
reviewed: 2026-10-01
sources:
  - title: Frostline Customer Benchmark 2026
    date: 2026-04-01
metrics:
  - id: spoilage-reduction
    name: reduction in pallets spoiled in transit
    value: 22
    unit: percent
    qualifier: average
    source: Frostline Customer Benchmark 2026
---

# Spoilage

The benchmark covered 85 carriers.
"""


def _findings(tmp_path: Path, body: str) -> list[tuple[int, str]]:
    import yaml

    folder = tmp_path / "source-conflict"
    folder.mkdir()
    case = {"canon_toml": '[kb]\nname = "Frostline"\n',
            "files": {"proof/spoilage.md": _METRIC,
                      "blog/post.md": "---\ntype: article\ntitle: A post\nowner: ines@example.com\n"
                                      "reviewed: 2026-10-01\n---\n\n# A post\n\n" + body}}
    path = folder / "case.yaml"
    path.write_text(yaml.safe_dump(case), encoding="utf-8")
    run = tmp_path / "run"
    run.mkdir()
    _, found = run_case(path, run)
    return [(f.line, f.message) for f in found]


def test_an_own_result_credited_to_an_outside_study_is_the_metrics(tmp_path: Path) -> None:
    found = _findings(tmp_path, "Our carriers lose 22% fewer pallets, according to the Cold Chain Review 2025.\n")
    assert len(found) == 1 and "Cold Chain Review" in found[0][1] and "Frostline Customer Benchmark" in found[0][1]


def test_the_companys_own_study_is_no_outside_source(tmp_path: Path) -> None:
    assert _findings(tmp_path, "Our carriers lose 22% fewer pallets, according to the Frostline Spoilage "
                               "Tracker 2026.\n") == []


def test_a_source_named_in_another_list_item_is_not_this_figures(tmp_path: Path) -> None:
    body = ("- Alarms are answered within minutes, according to a study by Thermodata Research.\n"
            "- Our carriers lose 22% fewer pallets in a year.\n")
    assert _findings(tmp_path, body) == []


def test_a_market_statistic_of_the_same_value_is_not_the_metrics(tmp_path: Path) -> None:
    assert _findings(tmp_path, "Carriers spoil 22% fewer pallets in winter, according to the Cold Chain "
                               "Review 2025.\n") == []


def test_a_footnote_credits_an_outside_study(tmp_path: Path) -> None:
    body = "Across our carriers, spoiled pallets fell by 22%.[^1]\n\n[^1]: Cold Chain Review, 2025.\n"
    found = _findings(tmp_path, body)
    assert len(found) == 1 and "Cold Chain Review" in found[0][1]


def test_the_reading_is_off_by_default(tmp_path: Path) -> None:
    # the reviewer's sentence: an outside figure of another measure that shares the metric's value
    body = "Our customers' carriers lose 22% fewer pallets, according to the Cold Chain Council 2025 study.\n"
    assert _findings(tmp_path, body) == []
