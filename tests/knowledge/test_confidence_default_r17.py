"""The confidence cut a run applies when it names none ("Unlikely figure findings left out by default,
seventeenth round" in bench/ACCURACY.md): ``--min-confidence``, else ``[rules] min_confidence`` in
canon.toml, else the shipped default (0: nothing left out), the same in the CLI's text and JSON and in
the HTTP API's audit and check; the count and the cut in the JSON summary; the text's last line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from knowledge.errors import ConfigError
from knowledge.model import Finding
from knowledge.report import Report, render_text
from knowledge.rules import confidence
from knowledge.settings import Settings
from tests.api.conftest import SMALL_KB, SMALL_TOML
from tests.conftest import REPO, write_kb

TODAY = "2026-11-01"
DRAFT = "# Draft\n\nCustomers go live in 2 weeks and recover the cost in 1 month.\n"


def _settings(rules: dict[str, Any] | None = None) -> Settings:
    return Settings(root=Path("."), extra={"rules": rules} if rules is not None else {})


def _report() -> Report:
    fs = [Finding(rule="unsourced-claim", severity="warning", path="a.md", line=1, message="a", confidence=0.3),
          Finding(rule="metric-conflict", severity="error", path="a.md", line=2, message="b", confidence=0.8),
          Finding(rule="missing-owner", severity="warning", path="a.md", line=3, message="c")]
    return Report(findings=fs, files=1)


def test_the_shipped_default_leaves_out_nothing() -> None:
    from knowledge.audit import as_shown, min_confidence

    assert confidence.DEFAULT_MIN_CONFIDENCE == 0.0  # the rule failed: bench/ACCURACY.md
    assert min_confidence(_settings()) == 0.0
    report = _report()
    assert as_shown(report, _settings()) is report
    assert "below_confidence" not in report.to_dict()["summary"]


def test_the_run_wins_over_canon_toml_which_wins_over_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from knowledge.audit import min_confidence

    monkeypatch.setattr(confidence, "DEFAULT_MIN_CONFIDENCE", 0.4)
    assert min_confidence(_settings()) == 0.4
    assert min_confidence(_settings({"min_confidence": 0.7})) == 0.7
    assert min_confidence(_settings({"min_confidence": 0})) == 0.0
    assert min_confidence(_settings({"min_confidence": 0.7}), 0.0) == 0.0  # --min-confidence 0 shows all
    assert min_confidence(_settings({"min_confidence": 0.7}), 0.2) == 0.2


@pytest.mark.parametrize("value", ["high", 1.5, -0.1, True])
def test_a_bad_min_confidence_in_canon_toml_is_a_config_error(value: Any) -> None:
    from knowledge.audit import min_confidence

    with pytest.raises(ConfigError, match="min_confidence"):
        min_confidence(_settings({"min_confidence": value}))


def test_min_confidence_is_not_read_as_a_rule_id() -> None:
    from knowledge.audit import configured_rules

    assert configured_rules(_settings({"min_confidence": 0.5, "missing-owner": "off"})) == {"missing-owner": "off"}


def test_summary_and_last_line_say_the_count_and_the_cut() -> None:
    from knowledge.audit import as_shown

    shown = as_shown(_report(), _settings({"min_confidence": 0.5}))
    assert [f.line for f in shown.findings] == [2, 3]
    summary = shown.to_dict()["summary"]
    assert summary["below_confidence"] == 1 and summary["min_confidence"] == 0.5
    assert {"errors", "warnings", "infos", "files"} <= set(summary)  # SPEC section 5's keys stay
    last = render_text(shown).splitlines()[-1]
    assert "1 below the confidence cut 0.5 (canon.toml \\[rules] min_confidence;" in last and "--min-confidence 0" in last


# -- the CLI and the API on a small KB (fake embedder) ------------------------------------------------------


def _kb(tmp_path: Path, cut: float | None) -> Path:
    toml = SMALL_TOML + (f"\n[rules]\nmin_confidence = {cut}\n" if cut is not None else "")
    return write_kb(tmp_path / "kb", dict(SMALL_KB), toml)


def _cli(args: list[str]) -> Any:
    from typer.testing import CliRunner

    from cli.main import app

    return CliRunner().invoke(app, [*args, "--today", TODAY, "--fail-on", "never"])


def _expected(everything: list[dict[str, Any]], cut: float) -> list[dict[str, Any]]:
    return [f for f in everything if f.get("confidence") is None or f["confidence"] >= cut]


@pytest.mark.parametrize("command", ["audit", "check"])
def test_cli_applies_canon_toml_and_min_confidence_0_shows_everything(tmp_path: Path, fake_embedder: object,
                                                                       command: str) -> None:
    kb = _kb(tmp_path, 1.0)
    (tmp_path / "d.md").write_text(DRAFT)
    target = ["audit"] if command == "audit" else ["check", str(tmp_path / "d.md")]
    r0 = _cli([*target, "--kb", str(kb), "--format", "json", "--min-confidence", "0"])
    assert r0.exit_code == 0, r0.output
    everything = json.loads(r0.stdout)["findings"]
    assert any(f.get("confidence") is not None and f["confidence"] < 1.0 for f in everything), everything
    assert "below_confidence" not in json.loads(r0.stdout)["summary"]
    r = _cli([*target, "--kb", str(kb), "--format", "json"])
    got = json.loads(r.stdout)
    assert got["findings"] == _expected(everything, 1.0)
    assert got["summary"]["below_confidence"] == len(everything) - len(got["findings"])
    assert got["summary"]["min_confidence"] == 1.0
    text = _cli([*target, "--kb", str(kb)]).stdout.strip().splitlines()[-1]
    assert f"{len(everything) - len(got['findings'])} below the confidence cut 1 (canon.toml [rules] min_confidence;" in text
    assert "--min-confidence 0" in text


def test_cli_without_canon_toml_uses_the_shipped_default(tmp_path: Path, fake_embedder: object,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    kb = _kb(tmp_path, None)
    everything = json.loads(_cli(["audit", "--kb", str(kb), "--format", "json", "--min-confidence", "0"]).stdout)
    shipped = json.loads(_cli(["audit", "--kb", str(kb), "--format", "json"]).stdout)
    assert shipped == everything  # the shipped default is 0
    monkeypatch.setattr(confidence, "DEFAULT_MIN_CONFIDENCE", 1.0)
    moved = json.loads(_cli(["audit", "--kb", str(kb), "--format", "json"]).stdout)
    assert moved["findings"] == _expected(everything["findings"], 1.0)
    assert moved["summary"]["min_confidence"] == 1.0


def test_help_says_the_default_what_it_was_measured_on_and_how_to_switch_it_off() -> None:
    from typer.testing import CliRunner

    from cli.main import app

    for command in ("audit", "check"):
        r = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        out = " ".join(r.output.replace("│", " ").split())
        assert "Default: [rules] min_confidence in canon.toml, else 0" in out, out
        assert "0 shows them all" in out and "README: Findings as data" in out, out
    # what the default was measured on is in the README section the help names
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Findings as data"):]
    section = section[:section.index("\n## ")]
    assert "leave-one-corpus-out on 31 corpora" in section and "(`--min-confidence 0`)" in section


def test_api_audit_and_check_take_the_same_cut(tmp_path: Path, fake_embedder: object) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from ingest.pipeline import ingest
    from knowledge.settings import load_settings

    kb = _kb(tmp_path, 1.0)
    settings = load_settings(kb)
    ingest(settings, embedder=fake_embedder)  # type: ignore[arg-type]
    client = TestClient(create_app(settings))
    for send in (lambda **q: client.get("/v1/audit", params={"today": TODAY, **q}),
                 lambda **q: client.post("/v1/check", params={"today": TODAY},
                                         json={"text": DRAFT, "path": "d.md", **q})):
        everything = send(min_confidence=0).json()
        assert "below_confidence" not in everything["summary"]
        got = send().json()  # canon.toml's 1.0
        assert got["findings"] == _expected(everything["findings"], 1.0)
        assert got["summary"]["below_confidence"] == len(everything["findings"]) - len(got["findings"])
        assert got["summary"]["min_confidence"] == 1.0
    assert client.get("/v1/audit", params={"today": TODAY, "min_confidence": 2}).status_code == 400
