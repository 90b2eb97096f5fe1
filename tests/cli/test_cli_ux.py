"""The command line's rough edges a new user met: errors as data, -f, serve on a busy port,
init's .gitignore, and the wording of the text output."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cli.main import app

runner = CliRunner()


@pytest.mark.parametrize("args", [
    ["audit"], ["check", "nope.md"], ["ask", "pricing"], ["ingest"], ["doctor"], ["objections"],
    ["aeo", "score"], ["audit", "verdict", "25aade91", "wrong"],
    ["objections", "verdict", "--mention", "calls/x.vtt:1"],
])
def test_an_error_with_format_json_is_json_on_stdout(args, tmp_path, monkeypatch, fake_embedder):
    monkeypatch.chdir(tmp_path)  # no canon.toml here or above: the KB is not found
    r = runner.invoke(app, [*args, "--format", "json"])
    assert r.exit_code == 2, r.output
    body = json.loads(r.stdout)
    assert body["version"] == 1
    assert body["error"]["code"] == "kb_not_found"
    assert "canon.toml" in body["error"]["message"] and "--kb" in body["error"]["hint"]
    assert "canon: error:" in r.stderr  # the human text stays on stderr


def test_check_of_a_missing_draft_is_a_json_error(example_kb, fake_embedder):
    r = runner.invoke(app, ["check", "nope.md", "--kb", str(example_kb), "-f", "json"])
    assert r.exit_code == 2
    assert json.loads(r.stdout)["error"] == {"code": "bad_request", "message": "no such file: nope.md",
                                             "hint": "pass the drafts to check, e.g. canon check drafts/launch.md"}
    assert "no such file" in r.stderr


def test_an_error_with_format_sarif_is_a_failed_sarif_run(tmp_path, monkeypatch, fake_embedder):
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(app, ["audit", "--format", "sarif"])
    assert r.exit_code == 2
    log = json.loads(r.stdout)
    assert log["version"] == "2.1.0"
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False and log["runs"][0]["results"] == []
    assert invocation["toolExecutionNotifications"][0]["descriptor"]["id"] == "kb_not_found"


def test_an_error_in_text_prints_nothing_on_stdout(tmp_path, monkeypatch, fake_embedder):
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(app, ["audit", "--format", "line"])
    assert r.exit_code == 2 and r.stdout == "" and "canon: error:" in r.stderr


@pytest.mark.parametrize("args", [["ask", "x"], ["ingest"], ["doctor"], ["objections"], ["aeo", "score"],
                                  ["audit"], ["check", "x.md"], ["audit", "verdict", "x", "wrong"],
                                  ["objections", "verdict"]])
def test_dash_f_is_format_wherever_format_is(args, tmp_path, monkeypatch, fake_embedder):
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(app, [*args, "-f", "json"])
    assert r.exit_code == 2, r.output
    assert json.loads(r.stdout)["error"]["code"] == "kb_not_found"


def test_serve_on_a_busy_port_says_so_before_the_banner(example_kb, fake_embedder):
    import socket

    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        r = runner.invoke(app, ["serve", "--kb", str(example_kb), "--port", str(port)])
    assert r.exit_code == 2
    err = " ".join(r.stderr.split())
    assert f"port {port} on 127.0.0.1 is in use" in err and "--port N" in err
    assert "canon API for" not in r.output  # no banner


def test_serve_on_an_address_not_this_machines_exits_2(example_kb, fake_embedder):
    r = runner.invoke(app, ["serve", "--kb", str(example_kb), "--host", "192.0.2.1", "--port", "8080"])
    assert r.exit_code == 2 and "cannot listen on 192.0.2.1" in " ".join(r.stderr.split())


def test_init_writes_a_gitignore_for_the_index_and_never_overwrites_one(tmp_path):
    r = runner.invoke(app, ["init", str(tmp_path / "kb")])
    assert r.exit_code == 0, r.output
    ignore = tmp_path / "kb" / ".gitignore"
    assert ".canon/" in ignore.read_text().splitlines() and ".gitignore" in r.stdout
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / ".gitignore").write_text("node_modules/\n")
    r = runner.invoke(app, ["init", str(mine)])
    assert r.exit_code == 0 and (mine / ".gitignore").read_text() == "node_modules/\n"
    assert "does not list .canon/" in " ".join(r.stdout.split())
    (mine / "canon.toml").unlink()
    (mine / ".gitignore").write_text("/.canon\n")
    r = runner.invoke(app, ["init", str(mine)])
    assert "does not list" not in r.stdout
