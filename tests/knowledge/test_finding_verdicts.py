"""Reviewers' verdicts on findings: the file, dismissal, claim-ness learning, CLI and API."""

from __future__ import annotations

import json
from datetime import date

import pytest

from knowledge.claims import extract_claims, reviewed
from knowledge.errors import ConfigError, NotFound, UsageError
from knowledge.finding_verdicts import (
    FindingVerdict,
    add_verdict,
    load_verdicts,
    path_of,
    record_verdict,
    refers_to,
)
from knowledge.model import Finding
from tests.conftest import write_kb

TODAY = date(2026, 11, 1)
TOML = '[kb]\nname = "Acme"\n'
PITCH = """---
type: message
owner: dana@acme.example
reviewed: 2026-10-01
---
# Why Acme

Customers cut invoice processing time by 62% in their first quarter.

The Pro plan includes 40 seats for the whole finance team.

The Team plan includes 15 seats for smaller finance teams.

Our partners answer 20% of support calls.
"""
PARTNERS = """---
type: message
owner: dana@acme.example
reviewed: 2026-10-01
---
# Partners

Our partners answer 20% of support calls.

Partners cut invoice processing time by 48% in their first quarter.
"""


@pytest.fixture
def kb(tmp_path, fake_embedder):
    return write_kb(tmp_path / "acme", {"messaging/pitch.md": PITCH, "messaging/partners.md": PARTNERS}, TOML)


def _audit(kb, **kw):
    from ingest.pipeline import ingest
    from knowledge.audit import run_audit
    from knowledge.settings import load_settings

    settings = load_settings(kb, environ={"CANON_EMBEDDER": "fake"})
    ingest(settings)
    return settings, run_audit(settings, today=TODAY, **kw)


def _one(report, rule, line=None, path=None):
    return next(f for f in report.findings if f.rule == rule and (line is None or f.line == line)
                and (path is None or f.path == path))


def test_a_wrong_finding_disappears_and_a_right_one_stays(kb):
    settings, before = _audit(kb)
    conflict = _one(before, "metric-conflict")  # partners' own figure against the customers' one
    # a conflict with another statement (no metric) may be two measures: the figure is still unsourced
    assert (conflict.path, conflict.line) == ("messaging/pitch.md", 8)
    real = _one(before, "unsourced-claim", line=8, path="messaging/pitch.md")
    record_verdict(settings, conflict.fingerprint[:10], "wrong", today=TODAY, why="partners, not customers")
    record_verdict(settings, real.fingerprint, "right", today=TODAY)
    _, after = _audit(kb)
    prints = {f.fingerprint for f in after.findings}
    assert conflict.fingerprint not in prints and real.fingerprint in prints
    assert after.dismissed == 1
    rows = load_verdicts(kb)
    assert [(v.verdict, v.rule) for v in rows] == [("wrong", "metric-conflict"), ("right", "unsourced-claim")]
    assert rows[0].why == "partners, not customers" and rows[0].on == "2026-11-01"
    assert rows[1].sentence == "Customers cut invoice processing time by 62% in their first quarter."
    # the reviewer changes their mind: one verdict per finding, the latest
    record_verdict(settings, conflict.fingerprint, "right", today=TODAY)
    assert [v.verdict for v in load_verdicts(kb)] == ["right", "right"]
    _, again = _audit(kb)
    assert conflict.fingerprint in {f.fingerprint for f in again.findings}


def test_a_sentence_marked_not_a_claim_is_not_one_elsewhere_either(kb):
    settings, before = _audit(kb)
    here = _one(before, "unsourced-claim", path="messaging/partners.md")
    there = _one(before, "unsourced-claim", path="messaging/pitch.md", line=14)
    record_verdict(settings, here.fingerprint, "wrong", today=TODAY, why="the partners' own count, not a result")
    _, after = _audit(kb)
    assert not any(f.rule == "unsourced-claim" and "20%" in f.message for f in after.findings)
    assert there.fingerprint not in {f.fingerprint for f in after.findings}
    # its own finding, taken away by what claim-ness learned from it, is counted as hidden (the
    # same sentence elsewhere, no longer a claim either, is not: no verdict is on it)
    assert after.dismissed == 1 and after.summary()["hidden_by_verdicts"] == 1
    # the raw audit still has both: what a reviewer sees when they change their mind
    _, raw = _audit(kb, verdicts=False)
    assert {here.fingerprint, there.fingerprint} <= {f.fingerprint for f in raw.findings}


def _finding(**kw):
    base = dict(rule="metric-conflict", severity="error", path="drafts/a.md", line=3, message="says 40 seats",
                claim={"text": "includes 40 seats", "value": 40.0, "unit": "seats"}, fingerprint="a" * 32)
    return Finding(**{**base, **kw})


def test_a_verdict_follows_its_finding_when_the_fingerprint_moves():
    v = FindingVerdict(fingerprint="a" * 32, verdict="wrong", rule="metric-conflict", path="drafts/a.md",
                       claim="includes 40 seats", value=40.0, unit="seats",
                       sentence="The Pro plan includes 40 seats for the whole finance team.")
    assert refers_to(v, _finding())
    moved = _finding(fingerprint="b" * 32, line=30)  # a twin figure added above it: its rank changed
    assert refers_to(v, moved)
    renamed = _finding(fingerprint="c" * 32, path="drafts/renamed.md", claim={"text": "Pro plan includes 40 seats",
                                                                               "value": 40.0, "unit": "seats"})
    assert refers_to(v, renamed, "The Pro  plan includes 40 seats for the whole finance team.")
    assert not refers_to(v, renamed, "Another sentence with 40 seats.")
    assert not refers_to(v, _finding(fingerprint="d" * 32, claim={"text": "includes 45 seats", "value": 45.0,
                                                                  "unit": "seats"}))
    assert not refers_to(v, _finding(rule="unsupported-claim"))


def test_bad_input_is_refused_and_the_file_is_kept(kb):
    settings, before = _audit(kb)
    with pytest.raises(UsageError, match="right or wrong"):
        record_verdict(settings, before.findings[0].fingerprint, "maybe", today=TODAY)
    with pytest.raises(NotFound, match="no finding has a fingerprint starting") as err:
        record_verdict(settings, "0123456789abcdef", "wrong", today=TODAY)
    assert "--format json" in str(err.value)
    record_verdict(settings, before.findings[0].fingerprint, "wrong", today=TODAY)
    p = path_of(kb)
    p.write_text(p.read_text(encoding="utf-8").replace("verdict: wrong", "verdict: wrong\n  colour: red"),
                 encoding="utf-8")
    kept = p.read_text(encoding="utf-8")
    with pytest.raises(ConfigError, match="colour"):
        record_verdict(settings, before.findings[-1].fingerprint, "right", today=TODAY)
    with pytest.raises(ConfigError, match="colour"):
        _audit(kb)  # an audit that cannot read the verdicts says so, rather than ignoring them
    p.write_text("verdicts: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        add_verdict(kb, FindingVerdict(fingerprint="f" * 32, verdict="wrong", rule="x", path="y"))
    assert p.read_text(encoding="utf-8") == "verdicts: [\n"
    assert kept  # (the first broken file was refused the same way)
    assert not list(p.parent.glob("*.tmp"))


def test_verdicts_written_at_once_are_all_kept(tmp_path):
    import threading

    threads = [threading.Thread(target=add_verdict, args=(tmp_path, FindingVerdict(
        fingerprint=f"{n:032x}", verdict="wrong", rule="unsourced-claim", path="a.md"))) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(int(v.fingerprint, 16) for v in load_verdicts(tmp_path)) == list(range(20))


# ------------------------------------------------------------------------------------------------
# Learning


COMMISSIONS = ["Our partners earn a 20% referral commission.", "Resellers earn a 25% margin on every licence.",
               "Agencies earn a 10% commission on renewals.", "Affiliates earn a 30% share of first-year revenue."]
OUTCOMES = ["Customers cut invoice processing time by 62% in their first quarter.",
            "Our median customer saves 11 hours a week on approvals.",
            "Teams close their books 4 days faster after the switch."]


def _first(sentence):
    return extract_claims(sentence)[0]


def test_a_verdict_acts_on_its_own_sentence_only():
    examples = [(_first(s), False) for s in COMMISSIONS] + [(_first(s), True) for s in OUTCOMES]
    fix = reviewed.learn(examples)
    assert fix is not None
    unseen = _first("Consultants earn a 12% fee on each referral.")
    assert fix.apply([unseen]) == 0 and unseen.is_claim  # worded alike is not the same sentence
    judged = _first(COMMISSIONS[0])
    assert judged.is_claim
    assert fix.apply([judged]) == 1 and not judged.is_claim  # the very sentence judged acts at once
    assert "reviewer's verdict" in judged.why
    kept = _first(OUTCOMES[0])
    assert fix.apply([kept]) == 0 and kept.is_claim and "reviewer's verdict" in kept.why
    assert reviewed.learn([]) is None


# ------------------------------------------------------------------------------------------------
# CLI and API


def test_cli_and_api_round_trip(kb, tmp_path):
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from api.app import create_app
    from cli.main import app
    from knowledge.settings import load_settings

    run = CliRunner().invoke
    args = ["--kb", str(kb), "--today", "2026-11-01"]
    first = json.loads(run(app, ["audit", *args, "--format", "json"]).stdout)
    conflict = next(f for f in first["findings"] if f["rule"] == "metric-conflict")
    r = run(app, ["audit", "verdict", conflict["fingerprint"], "wrong", "--why", "two plans", *args,
                  "--format", "json"])
    assert r.exit_code == 0, r.output
    recorded = json.loads(r.stdout)
    assert recorded["path"] == "verdicts/findings.yaml" and recorded["verdicts"] == 1
    assert recorded["verdict"]["fingerprint"] == conflict["fingerprint"]
    after = json.loads(run(app, ["audit", *args, "--format", "json"]).stdout)
    assert conflict["fingerprint"] not in {f["fingerprint"] for f in after["findings"]}
    text = run(app, ["audit", *args]).stdout
    assert "1 marked wrong by reviewers" in text

    bad = run(app, ["audit", "verdict", conflict["fingerprint"], "maybe", *args])
    assert bad.exit_code == 2 and "right or wrong" in bad.output
    unknown = run(app, ["audit", "verdict", "feedfacefeedface", "wrong", *args])
    assert unknown.exit_code == 2 and "no finding has a fingerprint starting" in unknown.output

    # a finding of canon check, named with its draft
    draft = tmp_path / "launch.md"
    draft.write_text("# Launch\n\nWe process invoices 9x faster than anyone.\n", encoding="utf-8")
    checked = json.loads(run(app, ["check", str(draft), *args, "--format", "json"]).stdout)
    unsupported = next(f for f in checked["findings"] if f["rule"] == "unsupported-claim")
    r = run(app, ["audit", "verdict", unsupported["fingerprint"], "right", "--draft", str(draft), *args])
    assert r.exit_code == 0, r.output
    assert "unsupported-claim" in r.stdout and "right" in r.stdout

    client = TestClient(create_app(load_settings(kb)))
    listed = client.get("/v1/audit/verdicts").json()
    assert listed["path"] == "verdicts/findings.yaml"
    assert [(v["rule"], v["verdict"]) for v in listed["verdicts"]] == [("metric-conflict", "wrong"),
                                                                       ("unsupported-claim", "right")]
    real = next(f for f in first["findings"] if f["rule"] == "unsourced-claim")
    posted = client.post("/v1/audit/verdicts", params={"today": "2026-11-01"},
                         json={"fingerprint": real["fingerprint"], "verdict": "right", "by": "dana"})
    assert posted.status_code == 201, posted.text
    assert posted.json()["verdicts"] == 3 and posted.json()["verdict"]["by"] == "dana"
    # the same JSON as the CLI prints: the CLI reads back what the API wrote, and the other way round
    assert set(posted.json()) == set(recorded) and set(posted.json()["verdict"]) >= {"fingerprint", "rule", "path"}
    on_draft = client.post("/v1/audit/verdicts", params={"today": "2026-11-01"},
                           json={"fingerprint": unsupported["fingerprint"], "verdict": "wrong",
                                 "drafts": [{"path": str(draft), "text": draft.read_text(encoding="utf-8")}]})
    assert on_draft.status_code == 201, on_draft.text
    missing = client.post("/v1/audit/verdicts", params={"today": "2026-11-01"},
                          json={"fingerprint": "feedfacefeedface", "verdict": "wrong"})
    assert missing.status_code == 404 and "no finding has a fingerprint starting" in missing.json()["error"]["message"]
    word = client.post("/v1/audit/verdicts", json={"fingerprint": real["fingerprint"], "verdict": "maybe"})
    assert word.status_code == 400 and word.json()["error"]["code"]
    assert len(load_verdicts(kb)) == 3
    rechecked = json.loads(run(app, ["check", str(draft), *args, "--format", "json"]).stdout)
    assert unsupported["fingerprint"] not in {f["fingerprint"] for f in rechecked["findings"]}
