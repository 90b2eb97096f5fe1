"""The command line's rough edges a new user met: errors as data, -f, serve on a busy port,
init's .gitignore, and the wording of the text output."""

from __future__ import annotations

import json
import shutil

import pytest
from rich.text import Text
from typer.testing import CliRunner

from cli.main import app
from knowledge.model import Finding
from knowledge.report import Report, render_text

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


def test_serve_checks_every_address_the_host_resolves_to(monkeypatch):
    # localhost resolves to ::1 and 127.0.0.1 on many machines, and the server binds both: a port
    # held on the second address is in use too. A family this machine lacks is skipped.
    import socket

    from cli.serve import check_port
    from knowledge.errors import UsageError

    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        stream = socket.SOCK_STREAM
        lacking = (9999, stream, 6, "", ("nowhere", port))  # no such family here
        second = (socket.AF_INET, stream, 6, "", ("127.0.0.1", port))
        monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: [lacking, second])
        with pytest.raises(UsageError, match="is in use"):
            check_port("localhost", port)
        monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: [lacking])
        check_port("localhost", port)  # nothing this machine can bind: the server will say


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



@pytest.mark.parametrize("line", [".canon", "/.canon", ".canon/", "/.canon/", ".canon/*", ".canon/**", "**/.canon",
                                  "**/.canon/", "  .canon/  "])
def test_every_way_a_gitignore_leaves_out_the_index_is_read_as_such(line):
    from cli.init import ignores_index

    assert ignores_index(line)


@pytest.mark.parametrize("line", ["", "# .canon/", "!.canon/", ".canonical/", "docs/.canon/", ".canon-old", "*.md"])
def test_other_gitignore_lines_do_not_leave_out_the_index(line):
    from cli.init import ignores_index

    assert not ignores_index(line)


def test_init_beside_a_gitignore_that_is_a_folder_says_so_and_still_writes_canon_toml(tmp_path):
    (tmp_path / ".gitignore").mkdir()
    r = runner.invoke(app, ["init", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "canon.toml").exists()
    assert "is not a file canon can read" in " ".join(r.stdout.split())

EDITS = (("case-studies/cedar-ridge.md", "value: 41", "value: 42"),
         ("case-studies/brightwater.md", "value: 89", "value: 88"))


def _edit_two_metrics(kb, back=False):
    for rel, old, new in EDITS:
        old, new = (new, old) if back else (old, new)
        path = kb / rel
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new, 1))


def test_an_ingest_after_edits_reports_no_repair(example_kb, fake_embedder):
    """Removing the edited files' old vectors is the ingest's own work, not a repair of the store."""
    assert runner.invoke(app, ["ingest", "--kb", str(example_kb)]).exit_code == 0
    _edit_two_metrics(example_kb)
    r = runner.invoke(app, ["ingest", "--kb", str(example_kb), "-f", "json"])
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    assert len(report["changed"]) == 2 and report["repaired"] == {"missing_vectors": 0, "orphan_vectors": 0}
    _edit_two_metrics(example_kb, back=True)
    r = runner.invoke(app, ["ingest", "--kb", str(example_kb)])
    assert r.exit_code == 0 and "Repaired" not in r.stdout


def test_an_ingest_still_reports_a_real_repair(example_kb, fake_embedder):
    import numpy as np

    from knowledge.settings import load_settings
    from knowledge.store import open_catalog, open_store

    assert runner.invoke(app, ["ingest", "--kb", str(example_kb)]).exit_code == 0
    settings = load_settings(example_kb)
    catalog = open_catalog(settings)
    try:  # a vector no chunk lists, as an older version's races could leave
        store = open_store(settings, catalog.get_meta("model") or "", catalog)
        store.upsert(["not-a-chunk"], np.ones((1, fake_embedder.dim), dtype=np.float32),
                     [{"origin": "entry", "record": "x", "path": "x.md", "kind": "title", "line": 1}])
    finally:
        catalog.close()
    r = runner.invoke(app, ["ingest", "--kb", str(example_kb)])
    assert r.exit_code == 0
    assert "Repaired the store: 1 orphan vector(s) removed" in " ".join(r.stdout.split())


def test_ingest_and_objections_say_1_call_not_1_calls():
    from rich.console import Console

    from knowledge.render import render_ingest_text, render_objections_text

    text = render_ingest_text({"files": 3, "entries": 3, "calls": 1, "kb": "/kb", "added": [], "changed": [],
                               "removed": [], "unchanged": 4, "texts_embedded": 0, "texts_reused": 0,
                               "seconds": 0.1, "store": "s", "model": "m", "problems": []})
    assert "1[/] entry" not in text and "3[/] entries" in text and "1[/] call from" in text
    row = {"id": "objections/weather-refunds", "label": "Refunds when weather cancels", "known": True, "calls": 1,
           "mentions": [{"call": "calls/a.vtt", "line": 3, "speaker": "Pat", "text": "What about refunds?"}],
           "answers": [], "covered": False}
    console = Console(width=100, record=True)
    console.print(render_objections_text({"calls": 1, "objections": [row], "roles_unknown": []}))
    out = console.export_text()
    assert "Objections in 1 call" in out and "1 call)" in out and "1 calls" not in out


def test_the_objection_id_is_never_split_across_lines():
    from rich.console import Console

    from knowledge.render import render_objections_text

    ids = ["objections/weather-refunds", "theme/we-need-to-run-our-own-hosted-deployment"]
    rows = [{"id": i, "label": "A long label that says what the objection is about, in a few words", "known": True,
             "calls": 2, "mentions": [], "answers": [{"entry": "answers/refunds-when-the-weather-cancels-a-visit",
                                                      "score": 0.8, "explicit": True}], "covered": True}
            for i in ids]
    for width in (80, 100, 140):
        console = Console(width=width, record=True)
        console.print(render_objections_text({"calls": 3, "objections": rows, "roles_unknown": []}))
        out = console.export_text()
        for i in ids:
            assert i in out, (width, out)


def test_objections_say_what_became_of_remarks_in_one_call():
    from rich.console import Console

    from knowledge.render import render_objections_text

    console = Console(width=200, record=True)
    console.print(render_objections_text({"calls": 4, "objections": [], "roles_unknown": [],
                                          "unplaced": {"mentions": 3, "calls": 2}}))
    out = " ".join(console.export_text().split())
    assert "3 remarks read as objections (in 2 calls) matched no objection entry and no theme" in out
    assert "two remarks or more on one concern" in out and "`--min-calls` only hides rows" in out
    console = Console(width=200, record=True)
    console.print(render_objections_text({"calls": 4, "objections": [], "roles_unknown": [],
                                          "unplaced": {"mentions": 0, "calls": 0}}))
    assert "remark" not in console.export_text()


LONE_CALL = """\
[00:00:04] Callum Reyes: Hi Priya, thanks for making time today.
[00:00:11] Priya Nair: Happy to. We run forty vans out of two depots.
[00:00:21] Callum Reyes: What would stop you from moving ahead this quarter?
[00:00:30] Priya Nair: Our union contract says we cannot track drivers' phones after hours, so that would have to go to the works council first.
[00:00:45] Callum Reyes: Understood, I'll send you the settings for that.
"""


def test_objections_json_counts_the_unplaced_remarks(example_kb, fake_embedder):
    # One call, one remark read as an objection, and no objection entry: one remark makes no theme
    # and has no entry to join, so it is the one unplaced remark, in one call.
    shutil.rmtree(example_kb / "objections")
    shutil.rmtree(example_kb / "calls")
    (example_kb / "calls").mkdir()
    (example_kb / "calls" / "2026-11-20-depots.txt").write_text(LONE_CALL)
    r = runner.invoke(app, ["objections", "--kb", str(example_kb), "-f", "json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["unplaced"] == {"mentions": 1, "calls": 1} and out["objections"] == []
    r = runner.invoke(app, ["objections", "--kb", str(example_kb)])
    assert r.exit_code == 0
    assert "1 remark read as an objection (in 1 call) matched no objection entry and no theme" in " ".join(
        r.stdout.split())


def _stale(line: int, figure: str) -> Finding:
    reason = "its review is overdue since 2026-03-01"
    return Finding(rule="stale-claim", severity="warning", path="drafts/a.md", line=line,
                   message=f'quotes {figure} ("{figure} faster"), which only proof/x.md backs, and {reason}: '
                           "check the figure is still true before publishing it",
                   claim={"text": f"{figure} faster", "value": 1.0, "unit": "percent"}, confidence=0.8)


def test_a_grouped_header_reads_as_a_sentence():
    text = render_text(Report(findings=[_stale(3, "40%"), _stale(5, "12%")], files=1))
    assert "2 figures, which only proof/x.md backs, and its review is overdue" in text
    assert "2 figures: which" not in text


def test_the_last_line_names_where_the_confidence_cut_comes_from(tmp_path):
    from knowledge.audit import as_shown
    from knowledge.settings import load_settings

    report = Report(findings=[_stale(3, "40%")], files=1)
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "canon.toml").write_text("[rules]\nmin_confidence = 0.9\n")
    from_toml = Text.from_markup(render_text(as_shown(report, load_settings(kb)))).plain.splitlines()[-1]
    assert "1 below the confidence cut 0.9 (canon.toml [rules] min_confidence;" in from_toml
    assert "--min-confidence 0` shows them" in from_toml
    given = render_text(as_shown(report, load_settings(kb), 0.85)).splitlines()[-1]
    assert "1 below the confidence cut 0.85 (--min-confidence;" in given
