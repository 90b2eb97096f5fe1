"""The audit/check framework: rule registry, rule selection, severities, suppression, reports;
and the adapters on top of it (``canon audit``, ``canon check``, ``/v1/audit``, ``/v1/check``)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import pytest

from knowledge.audit import audit, check, configured_rules, select_rules
from knowledge.embedding import FakeEmbedder
from knowledge.errors import ConfigError, UsageError
from knowledge.model import KB, Block, Entry, Finding
from knowledge.rules import ALL_RULES, AuditContext, Rule, rules_by_id
from knowledge.settings import Settings

TODAY = date(2026, 11, 1)
STRUCTURAL = ("invalid-entry", "broken-reference", "missing-owner", "duplicate-entry")
DATA = Path(__file__).resolve().parents[1] / "data" / "rules"


def context(entries: list[Entry], *, problems: Sequence[Finding] = (), rules_table: dict[str, str] | None = None,
            root: Path = Path(".")) -> AuditContext:
    settings = Settings(root=root)
    if rules_table is not None:
        settings.extra["rules"] = rules_table
    return AuditContext(settings=settings, kb=KB(root=root, entries=entries, problems=list(problems)), today=TODAY,
                        vectors=FakeEmbedder().embed)


def entry(id: str, **kw: object) -> Entry:
    kw.setdefault("path", f"{id}.md")
    kw.setdefault("owner", "dana@northwind.example")
    kw.setdefault("type", "proof_point")
    return Entry(id=id, **kw)  # type: ignore[arg-type]


class Draft:
    def __init__(self, path: str, text: str = "", line_ignores: dict[int, set[str]] | None = None) -> None:
        self.path, self.text = path, text
        self.claims: list[object] = []
        self.blocks: list[Block] = []
        self.line_ignores = line_ignores or {}


class EveryLine(Rule):
    """Test rule: one finding per draft line that says "wrong".

    Anti-pattern: wrong. Fix: right.
    """

    id = "every-line"
    default_severity = "info"

    def check_draft(self, ctx: AuditContext, draft: object) -> Iterable[Finding]:
        for n, text in enumerate(draft.text.split("\n"), 1):  # type: ignore[attr-defined]
            if "wrong" in text:
                yield self.finding(path=draft.path, line=n, column=text.index("wrong") + 1,  # type: ignore[attr-defined]
                                   message="says wrong", claim={"text": text.strip(), "value": 1, "unit": "x"})


# --------------------------------------------------------------------------------------------
# Registry


def test_registry_ids_are_unique_kebab_case_with_valid_severities():
    ids = [r.id for r in ALL_RULES]
    assert len(ids) == len(set(ids)) == len(rules_by_id())
    for r in ALL_RULES:
        assert r.id and r.id == r.id.lower() and " " not in r.id and "_" not in r.id
        assert r.default_severity in ("error", "warning", "info")
    for rule_id in STRUCTURAL:
        assert rule_id in ids
        assert list((DATA / rule_id).glob("*.yaml")), f"no test cases for {rule_id}"
    assert rules_by_id()["missing-owner"].default_severity == "warning"
    assert rules_by_id()["broken-reference"].default_severity == "error"


def test_select_rules():
    assert select_rules() == ALL_RULES
    assert [r.id for r in select_rules(["missing-owner", "missing-owner"])] == ["missing-owner"]
    with pytest.raises(UsageError) as info:
        select_rules(["no-such-rule"])
    assert "missing-owner" in str(info.value)  # the message lists what exists
    custom = EveryLine()
    assert select_rules([custom]) == [custom]


def test_rules_table_turns_rules_off_and_sets_severities():
    ctx = context([entry("a", owner=None)], rules_table={"missing-owner": "off"})
    assert audit(ctx).findings == []
    # Asking for it by name wins over the table.
    assert [f.rule for f in audit(ctx, ["missing-owner"]).findings] == ["missing-owner"]
    ctx = context([entry("a", owner=None)], rules_table={"missing-owner": "ERROR"})
    assert [f.severity for f in audit(ctx).findings] == ["error"]


@pytest.mark.parametrize("table, words", [
    ({"no-such-rule": "off"}, "no-such-rule"),
    ({"missing-owner": "loud"}, "missing-owner"),
    ({"missing-owner": 3}, "missing-owner"),
])
def test_rules_table_errors_are_config_errors(table: dict[str, object], words: str):
    settings = Settings(root=Path("."))
    settings.extra["rules"] = table
    with pytest.raises(ConfigError) as info:
        configured_rules(settings)
    assert words in str(info.value)


# --------------------------------------------------------------------------------------------
# The audit pipeline


def test_findings_are_sorted_fingerprinted_and_counted():
    entries = [entry("z", owner=None, key_lines={"type": 2}), entry("a", owner=None, key_lines={"type": 3}),
               entry("m", supersedes=["gone"], key_lines={"supersedes": 5, "supersedes[0]": 6})]
    report = audit(context(entries))
    assert [(f.path, f.line, f.rule) for f in report.findings] == [
        ("a.md", 3, "missing-owner"), ("m.md", 6, "broken-reference"), ("z.md", 2, "missing-owner")]
    assert all(len(f.fingerprint) == 32 for f in report.findings)
    assert len({f.fingerprint for f in report.findings}) == 3
    assert report.summary() == {"errors": 1, "warnings": 2, "infos": 0, "files": 3, "hidden_by_verdicts": 0}
    data = report.to_dict()
    assert data["version"] == 1 and set(data) == {"version", "findings", "summary"}


def test_parse_problems_become_findings_and_count_as_files():
    problem = Finding(rule="invalid-entry", severity="error", path="bad.md", line=3,
                      message="front matter is not valid YAML")
    odd = Finding(rule="invalid-encoding", severity="warning", path="b.md", line=2, message="not UTF-8")
    report = audit(context([entry("b")], problems=[problem, odd]))
    assert [(f.rule, f.path) for f in report.findings] == [("invalid-encoding", "b.md"), ("invalid-entry", "bad.md")]
    assert report.files == 2
    # Picking rules by id leaves out parse findings of other rules.
    assert [f.rule for f in audit(context([entry("b")], problems=[problem, odd]), ["invalid-entry"]).findings] == [
        "invalid-entry"]


def test_calls_and_their_problems():
    from knowledge.model import Call

    ctx = context([entry("b")])
    ctx.calls = [Call(path="calls/a.vtt", turns=[])]
    ctx.call_problems = [Finding(rule="invalid-call", severity="error", path="calls/b.json", line=1, message="bad")]
    report = audit(ctx)
    assert [(f.rule, f.path) for f in report.findings] == [("invalid-call", "calls/b.json")]
    assert report.files == 3


def test_entry_ignore_and_line_ignores():
    entries = [
        entry("a", owner=None, ignore=["missing-owner"]),
        entry("b", owner=None, key_lines={"type": 2}, line_ignores={2: {"*"}}),
        entry("c", owner=None, key_lines={"type": 2}, line_ignores={2: {"broken-reference"}}),
    ]
    report = audit(context(entries))
    assert [f.path for f in report.findings] == ["c.md"]
    assert report.suppressed == 2


def test_suppression_does_not_renumber_twins():
    """Two identical findings: hiding the first keeps the second's fingerprint."""
    ctx = context([])
    both = check(ctx, [Draft("d.md", "wrong\nok\nwrong")], [EveryLine()])
    hidden = check(ctx, [Draft("d.md", "wrong\nok\nwrong", line_ignores={1: {"every-line"}})], [EveryLine()])
    assert len(both.findings) == 2 and len(hidden.findings) == 1 and hidden.suppressed == 1
    assert hidden.findings[0].fingerprint == both.findings[1].fingerprint


def test_check_runs_draft_rules_on_each_draft_with_paths_as_given():
    ctx = context([])
    drafts = [Draft("./drafts/a.md", "all wrong"), Draft("b.txt", "fine"), Draft("/abs/c.md", "\n  wrong")]
    report = check(ctx, drafts, [EveryLine()])
    assert [(f.path, f.line, f.column) for f in report.findings] == [("./drafts/a.md", 1, 5), ("/abs/c.md", 2, 3)]
    assert report.files == 3 and report.draft_paths == {"./drafts/a.md", "b.txt", "/abs/c.md"}
    assert report.summary()["infos"] == 2
    # Structural rules check the KB only: a draft gets nothing from them.
    assert check(ctx, drafts).findings == []


def test_draft_parse_findings_pass_through():
    d = Draft("d.md", "ok")
    d.findings = [Finding(rule="invalid-encoding", severity="warning", path="d.md", line=1, message="bad byte")]  # type: ignore[attr-defined]
    assert [f.rule for f in check(context([]), [d]).findings] == ["invalid-encoding"]


def test_duplicate_findings_of_one_rule_are_reported_once():
    class Twice(Rule):
        """Says everything twice. Anti-pattern: x. Fix: y."""

        id = "twice"

        def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
            for _ in range(2):
                yield self.finding(path="a.md", line=1, message="same")

    assert len(audit(context([]), [Twice()]).findings) == 1


def test_an_exception_in_a_rule_is_not_a_finding():
    class Broken(Rule):
        """Fails. Anti-pattern: x. Fix: y."""

        id = "broken"

        def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
            raise RuntimeError("bug")

    with pytest.raises(RuntimeError):
        audit(context([]), [Broken()])


def test_context_helpers():
    a = entry("a", metrics=[], status="approved")
    r = entry("r", status="retired")
    ctx = context([a, r], problems=[Finding(rule="invalid-entry", severity="error", path="bad/one.md", line=1,
                                            message="x")])
    assert ctx.approved_entries == [a]
    assert set(ctx.entries_by_id) == {"a", "r"} and ctx.entries_by_path["r.md"] is r
    assert ctx.unreadable_ids == {"bad/one"}
    blocks = [Block("heading", "Intro", 5, 5), Block("paragraph", "One two.", 6, 6),
              Block("code", "x = 1", 7, 8), Block("heading", "More", 9, 9), Block("paragraph", "Three.", 10, 10)]
    titled = entry("t", title="T", blocks=blocks)
    assert ctx.section_texts(titled) == ["T: One two.", "T: Three."]


# --------------------------------------------------------------------------------------------
# Adapters: canon audit / canon check / the API, on a KB ingested with the fake embedder


KB_FILES = {
    "canon.toml": '[kb]\nname = "Test"\n',
    "proof/go-live.md": (
        "---\ntype: proof_point\ntitle: Go live fast\nowner: dana@northwind.example\nreviewed: 2026-10-01\n"
        "sources:\n  - title: 2026 onboarding study\n    date: 2026-06-01\n"
        "metrics:\n  - id: median-go-live-weeks\n    name: median time to go live\n    value: 6\n"
        "    unit: weeks\n    qualifier: median\n    source: 2026 onboarding study\n---\n\n"
        "# Go live fast\n\nCustomers go live in a median of 6 weeks (2026 onboarding study).\n"
    ),
    "proof/orphan.md": (
        "---\ntype: proof_point\ntitle: Orphan\nreviewed: 2026-10-01\nsupersedes:\n  - proof/old-go-live\n---\n\n"
        "# Orphan\n\nAn entry nobody owns, replacing one that does not exist.\n"
    ),
}


@pytest.fixture
def small_kb(tmp_path: Path, fake_embedder: object) -> Path:
    pytest.importorskip("knowledge.claims")
    root = tmp_path / "kb"
    for rel, text in KB_FILES.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    return root


def said(result: object) -> str:
    """The output with rich's line wrapping undone."""
    return " ".join(result.output.split())  # type: ignore[attr-defined]


def invoke(*args: str) -> object:
    from typer.testing import CliRunner

    from cli.main import app

    return CliRunner().invoke(app, list(args))


def test_cli_audit_formats_and_exit_codes(small_kb: Path):
    kb = str(small_kb)
    r = invoke("audit", "--kb", kb, "--today", "2026-11-01", "--format", "json", "--rule", "broken-reference",
               "--rule", "missing-owner")
    assert r.exit_code == 1, r.output  # type: ignore[attr-defined]
    data = json.loads(r.stdout)  # type: ignore[attr-defined]
    assert {(f["rule"], f["path"], f["line"]) for f in data["findings"]} == {
        ("broken-reference", "proof/orphan.md", 6), ("missing-owner", "proof/orphan.md", 2)}
    assert data["summary"] == {"errors": 1, "warnings": 1, "infos": 0, "files": 2, "hidden_by_verdicts": 0}

    warn_only = ["audit", "--kb", kb, "--today", "2026-11-01", "--rule", "missing-owner"]
    assert invoke(*warn_only).exit_code == 0  # type: ignore[attr-defined]
    assert invoke(*warn_only, "--fail-on", "warning").exit_code == 1  # type: ignore[attr-defined]
    assert invoke(*warn_only, "--fail-on", "info").exit_code == 1  # type: ignore[attr-defined]
    assert invoke("audit", "--kb", kb, "--today", "2026-11-01", "--fail-on", "never").exit_code == 0  # type: ignore[attr-defined]

    r = invoke(*warn_only, "--format", "line")
    assert r.stdout.strip().endswith("proof/orphan.md:2:1: warning missing-owner " + json.loads(  # type: ignore[attr-defined]
        invoke(*warn_only, "--format", "json").stdout)["findings"][0]["message"])  # type: ignore[attr-defined]
    r = invoke(*warn_only, "--format", "github")
    assert r.stdout.startswith("::warning file=") and "title=missing-owner::" in r.stdout  # type: ignore[attr-defined]
    r = invoke("audit", "--kb", kb, "--today", "2026-11-01", "--format", "sarif")
    sarif = json.loads(r.stdout)  # type: ignore[attr-defined]
    assert {x["ruleId"] for x in sarif["runs"][0]["results"]} == {"missing-owner", "broken-reference"}
    jsonschema = pytest.importorskip("jsonschema")
    from tests.knowledge.test_report import SARIF_SUBSET

    jsonschema.validate(sarif, SARIF_SUBSET, format_checker=jsonschema.FormatChecker())
    r = invoke(*warn_only)
    assert "missing-owner" in r.stdout and "1 finding (1 warning)" in r.stdout  # type: ignore[attr-defined]


def test_cli_usage_errors_exit_2(small_kb: Path, tmp_path: Path):
    kb = str(small_kb)
    r = invoke("audit", "--kb", kb, "--rule", "no-such-rule")
    assert r.exit_code == 2 and "no-such-rule" in said(r)  # type: ignore[attr-defined]
    r = invoke("audit", "--kb", kb, "--today", "tomorrow")
    assert r.exit_code == 2  # type: ignore[attr-defined]
    r = invoke("audit", "--kb", kb, "--baseline", str(tmp_path / "missing.json"))
    assert r.exit_code == 2 and "does not exist" in said(r)  # type: ignore[attr-defined]
    (tmp_path / "corrupt.json").write_text("{oops")
    r = invoke("audit", "--kb", kb, "--baseline", str(tmp_path / "corrupt.json"))
    assert r.exit_code == 2 and "not JSON" in said(r)  # type: ignore[attr-defined]
    r = invoke("check", "--kb", kb, str(tmp_path / "nope.md"))
    assert r.exit_code == 2 and "no such file" in said(r)  # type: ignore[attr-defined]
    r = invoke("audit", "--kb", kb, "--format", "xml")
    assert r.exit_code == 2  # type: ignore[attr-defined]
    (small_kb / "canon.toml").write_text('[rules]\nmissing-owner = "loud"\n')
    r = invoke("audit", "--kb", kb)
    assert r.exit_code == 2 and "missing-owner" in said(r)  # type: ignore[attr-defined]


def test_cli_baseline_round_trip(small_kb: Path, tmp_path: Path):
    kb = str(small_kb)
    baseline = tmp_path / "baseline.json"
    r = invoke("audit", "--kb", kb, "--today", "2026-11-01", "--write-baseline", str(baseline))
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    assert json.loads(baseline.read_text())["fingerprints"]
    r = invoke("audit", "--kb", kb, "--today", "2026-11-01", "--baseline", str(baseline))
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    assert "No findings" in r.stdout and "known from the baseline" in r.stdout  # type: ignore[attr-defined]

    # Lines inserted above a finding keep it known; a new problem is reported.
    orphan = small_kb / "proof" / "orphan.md"
    orphan.write_text(orphan.read_text().replace("title: Orphan\n", "title: Orphan\ntopics: [a, b]\naudience: [c]\n")
                      .replace("  - proof/old-go-live\n", "  - proof/old-go-live\n  - proof/another-missing\n"))
    r = invoke("audit", "--kb", kb, "--today", "2026-11-01", "--baseline", str(baseline), "--format", "json")
    assert r.exit_code == 1, r.output  # type: ignore[attr-defined]
    new = json.loads(r.stdout)["findings"]  # type: ignore[attr-defined]
    assert [(f["rule"], f["line"]) for f in new] == [("broken-reference", 9)]
    assert "another-missing" in new[0]["message"]


def test_cli_check_files_and_folders(small_kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    drafts = tmp_path / "drafts"
    (drafts / "sub").mkdir(parents=True)
    (drafts / "a.md").write_text("# Launch\n\nNothing to see.\n")
    (drafts / "sub" / "b.txt").write_text("Plain text.\n")
    (drafts / "skip.json").write_text("{}")
    monkeypatch.chdir(tmp_path)
    r = invoke("check", "--kb", str(small_kb), "--today", "2026-11-01", "drafts", "--format", "json")
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    assert json.loads(r.stdout)["summary"]["files"] == 2  # type: ignore[attr-defined]
    r = invoke("check", "--kb", str(small_kb), "--today", "2026-11-01", "drafts/a.md")
    assert r.exit_code == 0 and "No findings in 1 file checked" in r.stdout  # type: ignore[attr-defined]
    (tmp_path / "empty").mkdir()
    r = invoke("check", "--kb", str(small_kb), "empty")
    assert r.exit_code == 2 and "no drafts" in said(r)  # type: ignore[attr-defined]


def test_api_gives_the_same_json_as_the_cli(small_kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from knowledge.settings import load_settings

    r = invoke("audit", "--kb", str(small_kb), "--today", "2026-11-01", "--format", "json")
    cli_audit = json.loads(r.stdout)  # type: ignore[attr-defined]
    client = TestClient(create_app(load_settings(small_kb)))
    api_audit = client.get("/v1/audit", params={"today": "2026-11-01"})
    assert api_audit.status_code == 200
    assert api_audit.json() == cli_audit
    only = client.get("/v1/audit", params=[("today", "2026-11-01"), ("rule", "missing-owner")]).json()
    assert {f["rule"] for f in only["findings"]} == {"missing-owner"}
    bad = client.get("/v1/audit", params={"rule": "nope"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_request"

    text = "# Launch\n\nCustomers go live in a median of 6 weeks.\n"
    (tmp_path / "launch.md").write_text(text)
    monkeypatch.chdir(tmp_path)
    r = invoke("check", "--kb", str(small_kb), "--today", "2026-11-01", "launch.md", "--format", "json")
    cli_check = json.loads(r.stdout)  # type: ignore[attr-defined]
    api_check = client.post("/v1/check", params={"today": "2026-11-01"}, json={"text": text, "path": "launch.md"})
    assert api_check.status_code == 200 and api_check.json() == cli_check
    many = client.post("/v1/check", json={"drafts": [{"path": "a.md", "text": text}, {"path": "b.md", "text": "x"}]})
    assert many.status_code == 200 and many.json()["summary"]["files"] == 2
    assert client.post("/v1/check", json={}).status_code == 400
