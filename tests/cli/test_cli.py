"""The command line: help, ingest, ask, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from cli.main import app
from tests.conftest import REPO

runner = CliRunner()


def test_help_lists_commands_and_imports_nothing_heavy():
    code = ("import sys; from cli.main import app; from typer.testing import CliRunner; "
            "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0, r.output; "
            "heavy = [m for m in ('torch', 'sentence_transformers', 'chromadb', 'fastapi') if m in sys.modules]; "
            "print(r.output); print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out
    for cmd in ("ingest", "ask", "serve"):
        assert cmd in out


def test_ingest_then_ask(example_kb, fake_embedder):
    r = runner.invoke(app, ["ingest", "--kb", str(example_kb), "--format", "json"])
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    assert report["files"] > 10 and report["texts_embedded"] > 0
    r = runner.invoke(app, ["ask", "pricing", "--kb", str(example_kb)])
    assert r.exit_code == 0, r.output
    assert "score" in r.stdout and ".md:" in r.stdout


def test_ask_builds_a_missing_index_itself(example_kb, fake_embedder):
    r = runner.invoke(app, ["ask", "integration with accounting software", "--kb", str(example_kb), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["results"]


def test_approved_only_filters(example_kb, fake_embedder):
    r = runner.invoke(app, ["ask", "anything about results", "--kb", str(example_kb), "-n", "50",
                            "--approved-only", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert all(x["status"] == "approved" for x in json.loads(r.stdout)["results"])


def test_bad_input_exits_2_with_a_message(tmp_path, fake_embedder):
    r = runner.invoke(app, ["ask", "x", "--kb", str(tmp_path / "missing")])
    assert r.exit_code == 2 and "no knowledge base" in r.output
    (tmp_path / "canon.toml").write_text("[kb\nname=")
    r = runner.invoke(app, ["ingest", "--kb", str(tmp_path)])
    assert r.exit_code == 2 and "TOML" in r.output
    r = runner.invoke(app, ["ask", "x", "--kb", str(tmp_path), "--today", "soon"])
    assert r.exit_code == 2
