"""Reviewers' verdicts that never lose work: the real ``canon`` command on a small KB where a rep says
the same wrong figure on several calls (one repeated sentence, one finding per call)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli_output import canon

TOML = '[kb]\nname = "Routewise"\n\n[calls]\npath = "calls"\ninternal_speakers = ["Jordan Lee"]\n'
FUEL = """---
type: proof_point
title: Fuel savings
status: approved
owner: priya@routewise.example
reviewed: 2026-10-01
sources:
  - title: 2026 Routewise Operator Benchmark
    date: 2026-05-01
metrics:
  - id: fuel-savings
    name: fuel savings
    value: 14
    unit: percent
    qualifier: average
    as_of: 2026-05
    source: 2026 Routewise Operator Benchmark
---
# Fuel savings
Districts on Routewise cut fuel by 14% on average in year one.
"""
CALL = """WEBVTT

1
00:00:01.000 --> 00:00:06.500
Pat Doe: How much fuel would we save with this?

2
00:00:07.000 --> 00:00:12.500
Jordan Lee: Actually districts usually cut fuel by about 25% in year one.
"""
CALLS = ("calls/2026-11-02-alder.vtt", "calls/2026-11-03-birch.vtt", "calls/2026-11-04-cedar.vtt",
         "calls/2026-11-05-dogwood.vtt")
TODAY = "2026-12-01"


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    (root / "proof-points").mkdir(parents=True)
    (root / "calls").mkdir()
    (root / "canon.toml").write_text(TOML)
    (root / "proof-points" / "fuel.md").write_text(FUEL)
    # four different calls (another prospect each: the same transcript twice is one call, counted once)
    for path, prospect in zip(CALLS, ("Pat Doe", "Sam Ortiz", "Lee Chen", "Ana Silva"), strict=True):
        (root / path).write_text(CALL.replace("Pat Doe", prospect))
    return root


def audit(kb: Path, *args: str) -> dict[str, Any]:
    r = canon("audit", "--kb", str(kb), "--today", TODAY, "--format", "json", *args)
    assert r.returncode in (0, 1), r.stderr
    return dict(json.loads(r.stdout))


def shown(report: dict[str, Any]) -> dict[str, str]:
    """path -> fingerprint of each rep-misstatement shown."""
    return {f["path"]: f["fingerprint"] for f in report["findings"] if f["rule"] == "rep-misstatement"}


def mark(kb: Path, fingerprint: str, word: str) -> None:
    r = canon("audit", "--kb", str(kb), "--today", TODAY, "verdict", fingerprint[:10], word, "--why", "test")
    assert r.returncode == 0, r.stderr


def test_a_verdict_on_one_repeated_sentence_hides_its_own_finding_only_and_follows_a_rename(kb):
    before = shown(audit(kb))
    assert sorted(before) == sorted(CALLS)
    mark(kb, before[CALLS[1]], "wrong")
    mark(kb, before[CALLS[2]], "right")
    after = audit(kb)
    assert sorted(shown(after)) == [CALLS[0], CALLS[2], CALLS[3]]
    assert after["summary"]["hidden_by_verdicts"] == 1
    # the call judged wrong is renamed: its verdict follows it, to that one finding only
    (kb / CALLS[1]).rename(kb / "calls/2026-11-03-birch-isd.vtt")
    renamed = audit(kb)
    assert sorted(shown(renamed)) == [CALLS[0], CALLS[2], CALLS[3]]
    assert renamed["summary"]["hidden_by_verdicts"] == 1


def test_a_baseline_survives_a_call_rename(kb, tmp_path):
    base = tmp_path / "canon-baseline.json"
    r = canon("audit", "--kb", str(kb), "--today", TODAY, "--write-baseline", str(base))
    assert r.returncode == 0, r.stderr
    (kb / CALLS[0]).rename(kb / "calls/2026-11-02-alder-county.vtt")
    r = canon("audit", "--kb", str(kb), "--today", TODAY, "--baseline", str(base))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "4 known from the baseline" in r.stdout
    # a new call (another prospect) saying it again is new: the baseline's entries are all taken
    (kb / "calls/2026-11-09-elm.vtt").write_text(CALL.replace("Pat Doe", "Kim Park"))
    r = canon("audit", "--kb", str(kb), "--today", TODAY, "--baseline", str(base), "--format", "json")
    assert r.returncode == 1
    assert [f["path"] for f in json.loads(r.stdout)["findings"] if f["rule"] == "rep-misstatement"] == [
        "calls/2026-11-09-elm.vtt"]


@pytest.fixture
def example(tmp_path: Path) -> Path:
    import shutil

    from tests.cli.test_cli_output import REPO

    root = tmp_path / "ex"
    shutil.copytree(REPO / "examples" / "kb", root, ignore=shutil.ignore_patterns(".canon", "verdicts"))
    return root


def objections_verdict(kb: Path, *args: str) -> Any:
    return canon("objections", "verdict", "--kb", str(kb), "--today", "2026-11-01", *args)


def test_an_objection_verdict_naming_nothing_is_refused_with_the_closest_name(example):
    mention = "calls/2026-10-06-keystone-climate.vtt:62"
    r = objections_verdict(example, "--theme", "theme/dead", "--into", "objections/pricng")
    assert r.returncode == 2 and "did you mean objections/pricing?" in r.stderr, r.stderr
    r = objections_verdict(example, "--theme", "theme/daed", "--rename", "dead leads")
    assert r.returncode == 2 and "did you mean theme/dead?" in r.stderr, r.stderr
    r = objections_verdict(example, "--mention", mention, "--objection", "technician-adoption")
    assert r.returncode == 2 and "did you mean objections/technician-adoption?" in r.stderr, r.stderr
    assert not (example / "verdicts" / "objections.yaml").exists()  # nothing refused was written
    r = objections_verdict(example, "--mention", mention, "--objection", "new:technician-adoption")
    assert r.returncode == 0 and 'a NEW theme "technician-adoption"' in r.stdout, r.stderr
    # a theme now bears that label, and the entry's id with its folder left off is still refused
    r = objections_verdict(example, "--mention", mention, "--objection", "technician-adoption")
    assert r.returncode == 2 and "did you mean objections/technician-adoption?" in r.stderr, r.stderr
    r = objections_verdict(example, "--theme", "theme/dead", "--into", "objections/pricing")
    assert r.returncode == 0 and "theme/dead merged into objections/pricing" in r.stdout, r.stderr


def test_the_api_refuses_a_verdict_on_a_theme_that_does_not_exist(example):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from knowledge.settings import load_settings

    assert canon("objections", "--kb", str(example), "--today", "2026-11-01").returncode == 0
    client = TestClient(create_app(load_settings(example, environ={"CANON_EMBEDDER": "fake"})))
    r = client.post("/v1/objections/verdicts", json={"kind": "rename", "theme": "theme/nonexistent", "label": "x"})
    assert r.status_code == 404, r.json()
    r = client.post("/v1/objections/verdicts", json={"kind": "rename", "theme": "theme/dead", "label": "dead leads"})
    assert r.status_code == 201, r.json()


def objections(kb: Path, *args: str) -> Any:
    return canon("objections", "--kb", str(kb), "--today", "2026-11-01", *args)


def test_an_objection_verdict_follows_a_renamed_call_and_one_that_matches_nothing_is_said(example):
    call = "calls/2026-10-06-keystone-climate.vtt"
    first = json.loads(objections(example, "--format", "json").stdout)
    assert first["verdicts"] == {"applied": 0, "match_no_call": []}
    words = next(m["text"] for o in first["objections"] for m in o["mentions"] if (m["call"], m["line"]) == (call, 62))
    assert objections_verdict(example, "--mention", f"{call}:62", "--wrong").returncode == 0

    def mentioned(report: dict[str, Any]) -> bool:
        return any(m["text"] == words for o in report["objections"] for m in o["mentions"])

    after = json.loads(objections(example, "--format", "json").stdout)
    assert not mentioned(after) and after["verdicts"]["applied"] == 1
    (example / call).rename(example / "calls/2026-10-06-keystone-climate-renamed.vtt")
    renamed = json.loads(objections(example, "--format", "json").stdout)
    assert not mentioned(renamed) and renamed["verdicts"] == {"applied": 1, "match_no_call": []}
    (example / "calls/2026-10-06-keystone-climate-renamed.vtt").unlink()
    gone = objections(example)
    assert gone.returncode == 0 and "1 verdict matches no call: calls/2026-10-06-keystone-climate.vtt:62" in gone.stdout
    doctor = canon("doctor", "--kb", str(example))
    assert "1 verdict matches no call" in doctor.stdout, doctor.stdout + doctor.stderr
    data = json.loads(objections(example, "--format", "json").stdout)
    assert data["verdicts"]["applied"] == 0 and [v["call"] for v in data["verdicts"]["match_no_call"]] == [call]


def test_a_gap_marked_wrong_in_audit_is_counted_there_and_not_listed_by_objections(example):
    report = json.loads(canon("audit", "--kb", str(example), "--today", "2026-11-01", "--format", "json").stdout)
    gap = next(f for f in report["findings"] if f["rule"] == "objection-gap" and "theme/dead" in f["message"])
    r = canon("audit", "--kb", str(example), "--today", "2026-11-01", "verdict", gap["fingerprint"], "wrong")
    assert r.returncode == 0, r.stderr
    again = canon("audit", "--kb", str(example), "--today", "2026-11-01", "--format", "json")
    assert json.loads(again.stdout)["summary"]["hidden_by_verdicts"] == 1
    text = canon("audit", "--kb", str(example), "--today", "2026-11-01")
    assert "not shown: 1 marked wrong by reviewers" in text.stdout
    data = json.loads(objections(example, "--format", "json").stdout)
    assert [o["id"] for o in data["objections"] if o.get("gap_marked_wrong")] == ["theme/dead"]
    shown = objections(example).stdout
    gaps = shown.split("Gaps", 1)[1]
    assert "theme/dead" not in gaps.split("not listed as gaps")[0]
    assert "not listed as gaps: 1 marked wrong in canon audit (verdicts/findings.yaml): theme/dead" in shown
