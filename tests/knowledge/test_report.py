"""Reports: renderers (golden outputs), SARIF validity, GitHub escaping, fingerprints, baselines."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from knowledge.errors import UsageError
from knowledge.model import Finding
from knowledge.report import (
    FORMATS,
    Ignores,
    Report,
    assign_fingerprints,
    identity_key,
    read_baseline,
    render,
    render_sarif,
    write_baseline,
)
from knowledge.rules import ALL_RULES, Rule


def sample_report() -> Report:
    """A draft finding with a claim and a related place, and a KB finding without."""
    conflict = Finding(
        rule="metric-conflict", severity="error", path="drafts/launch.md", line=12, column=5, end_line=12,
        end_column=27, message="says 4 weeks to go live; the approved figure is 6 weeks (median-go-live-weeks)",
        claim={"text": "go live in 4 weeks", "value": 4, "unit": "weeks"},
        expected={"metric": "median-go-live-weeks", "value": 6, "unit": "weeks", "entry": "proof/go-live"},
        related=[{"path": "proof/go-live.md", "line": 9, "entry": "proof/go-live"}],
        fingerprint="f1",
    )
    owner = Finding(rule="missing-owner", severity="warning", path="proof/go-live.md", line=2,
                    message="approved proof point has no owner; add owner: [name]", fingerprint="f2")
    return Report(findings=[conflict, owner], files=2, draft_paths=frozenset({"drafts/launch.md"}))


def plain(markup: str) -> str:
    from rich.console import Console

    console = Console(width=300, no_color=True, highlight=False, record=True, file=open("/dev/null", "w"))
    console.print(markup)
    return console.export_text().rstrip("\n")


# --------------------------------------------------------------------------------------------
# Golden outputs


def test_json_is_spec_section_5():
    data = json.loads(render(sample_report(), "json"))
    assert data == {
        "version": 1,
        "findings": [
            {
                "rule": "metric-conflict", "severity": "error", "path": "drafts/launch.md",
                "line": 12, "column": 5, "end_line": 12, "end_column": 27,
                "message": "says 4 weeks to go live; the approved figure is 6 weeks (median-go-live-weeks)",
                "claim": {"text": "go live in 4 weeks", "value": 4, "unit": "weeks"},
                "expected": {"metric": "median-go-live-weeks", "value": 6, "unit": "weeks", "entry": "proof/go-live"},
                "related": [{"path": "proof/go-live.md", "line": 9, "entry": "proof/go-live"}],
                "fingerprint": "f1",
            },
            {
                "rule": "missing-owner", "severity": "warning", "path": "proof/go-live.md",
                "line": 2, "column": 1, "end_line": 2, "end_column": 1,
                "message": "approved proof point has no owner; add owner: [name]", "fingerprint": "f2",
            },
        ],
        "summary": {"errors": 1, "warnings": 1, "infos": 0, "files": 2, "hidden_by_verdicts": 0},
    }
    # JSON keeps SPEC paths whatever prefix the other formats get.
    assert render(sample_report(), "json", kb_prefix="kb") == render(sample_report(), "json")


def test_text_groups_by_file_with_related_places_and_a_summary():
    out = plain(render(sample_report(), "text"))
    assert out == (
        "drafts/launch.md\n"
        "  12:5  error    metric-conflict  says 4 weeks to go live; the approved figure is 6 weeks (median-go-live-weeks)\n"
        "                                  ↳ proof/go-live.md:9 (proof/go-live)\n"
        "\n"
        "proof/go-live.md\n"
        "  2:1   warning  missing-owner    approved proof point has no owner; add owner: [name]\n"
        "\n"
        "✖ 2 findings (1 error, 1 warning) in 2 files checked"
    )


def test_text_colours_severity_rule_and_place():
    markup = render(sample_report(), "text")
    assert "[bold red]error" in markup and "[yellow]warning" in markup
    assert "[magenta]metric-conflict" in markup and "[cyan]12:5" in markup
    assert "owner: \\[name]" in markup  # the message is escaped, not read as markup


def test_text_when_clean_and_when_baselined():
    clean = Report(findings=[], files=3, baselined=2, suppressed=1)
    assert plain(render(clean, "text")) == (
        "✔ No findings in 3 files checked\n"
        "  not shown: 2 known from the baseline; 1 suppressed by canon.ignore or ignore comments"
    )


def test_line_format():
    assert render(sample_report(), "line") == (
        "drafts/launch.md:12:5: error metric-conflict says 4 weeks to go live; the approved figure is 6 weeks "
        "(median-go-live-weeks)\n"
        "proof/go-live.md:2:1: warning missing-owner approved proof point has no owner; add owner: [name]"
    )


def test_kb_prefix_applies_to_kb_paths_not_drafts():
    out = render(sample_report(), "line", kb_prefix="docs/kb")
    assert out.splitlines()[0].startswith("drafts/launch.md:12:5:")
    assert out.splitlines()[1].startswith("docs/kb/proof/go-live.md:2:1:")
    assert "docs/kb/proof/go-live.md:9" in plain(render(sample_report(), "text", kb_prefix="docs/kb"))


def test_github_annotations():
    assert render(sample_report(), "github") == (
        "::error file=drafts/launch.md,line=12,col=5,endLine=12,endColumn=27,title=metric-conflict::"
        "says 4 weeks to go live; the approved figure is 6 weeks (median-go-live-weeks)"
        "%0ASee also: proof/go-live.md:9 (proof/go-live)\n"
        "::warning file=proof/go-live.md,line=2,col=1,title=missing-owner::"
        "approved proof point has no owner; add owner: [name]"
    )


def test_github_escapes_data_and_properties():
    f = Finding(rule="stale-claim", severity="info", path="a,b:c%.md", line=3,
                message="100% sure\r\nnext: line, too", fingerprint="x")
    out = render(Report(findings=[f], files=1), "github")
    assert out == "::notice file=a%2Cb%3Ac%25.md,line=3,col=1,title=stale-claim::100%25 sure%0D%0Anext: line, too"
    assert "\n" not in out


def test_every_format_renders_an_empty_report():
    empty = Report(findings=[], files=0)
    for fmt in FORMATS:
        render(empty, fmt, rules=ALL_RULES)
    assert render(empty, "line") == "" and render(empty, "github") == ""
    with pytest.raises(UsageError):
        render(empty, "xml")


# --------------------------------------------------------------------------------------------
# SARIF

_MESSAGE = {"type": "object", "anyOf": [{"required": ["text"]}, {"required": ["id"]}],
            "properties": {"text": {"type": "string"}, "markdown": {"type": "string"}, "id": {"type": "string"}},
            "additionalProperties": False}
_MULTIFORMAT = {"type": "object", "required": ["text"], "additionalProperties": False,
                "properties": {"text": {"type": "string"}, "markdown": {"type": "string"}}}
_ARTIFACT_LOCATION = {"type": "object", "additionalProperties": False,
                      "properties": {"uri": {"type": "string", "format": "uri-reference"},
                                     "uriBaseId": {"type": "string"}, "index": {"type": "integer", "minimum": -1}}}
_REGION = {"type": "object", "additionalProperties": False, "properties": {
    k: {"type": "integer", "minimum": 1} for k in ("startLine", "startColumn", "endLine", "endColumn")}}
_LOCATION = {"type": "object", "additionalProperties": False, "properties": {
    "id": {"type": "integer", "minimum": -1},
    "message": _MESSAGE,
    "physicalLocation": {"type": "object", "additionalProperties": False,
                         "anyOf": [{"required": ["address"]}, {"required": ["artifactLocation"]}],
                         "properties": {"artifactLocation": _ARTIFACT_LOCATION, "region": _REGION,
                                        "address": {"type": "object"}}},
}}
_LEVEL = {"enum": ["none", "note", "warning", "error"]}

# The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that canon emits, with their
# required properties, types, enums and minimums, and no property the standard does not define.
SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs"],
    "additionalProperties": False,
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"enum": ["2.1.0"]},
        "runs": {"type": "array", "minItems": 1, "maxItems": 1, "items": {
            "type": "object", "required": ["tool"], "additionalProperties": False,
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "additionalProperties": False, "properties": {
                    "driver": {"type": "object", "required": ["name"], "additionalProperties": False, "properties": {
                        "name": {"type": "string"}, "version": {"type": "string"},
                        "informationUri": {"type": "string", "format": "uri"},
                        "rules": {"type": "array", "uniqueItems": True, "items": {
                            "type": "object", "required": ["id"], "additionalProperties": False,
                            "properties": {
                                "id": {"type": "string"}, "name": {"type": "string"},
                                "shortDescription": _MULTIFORMAT, "fullDescription": _MULTIFORMAT,
                                "help": _MULTIFORMAT, "helpUri": {"type": "string"},
                                "defaultConfiguration": {"type": "object", "additionalProperties": False,
                                                         "properties": {"level": _LEVEL, "enabled": {"type": "boolean"}}},
                            }}},
                    }},
                }},
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                "originalUriBaseIds": {"type": "object", "additionalProperties": _ARTIFACT_LOCATION},
                "results": {"type": "array", "items": {
                    "type": "object", "required": ["message"], "additionalProperties": False,
                    "properties": {
                        "ruleId": {"type": "string"}, "ruleIndex": {"type": "integer", "minimum": -1},
                        "level": _LEVEL, "message": _MESSAGE,
                        "locations": {"type": "array", "items": _LOCATION},
                        "relatedLocations": {"type": "array", "uniqueItems": True, "items": _LOCATION},
                        "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
                        "properties": {"type": "object"},
                    }}},
            }}},
    },
}


def test_sarif_is_valid_2_1_0():
    jsonschema = pytest.importorskip("jsonschema")
    report = sample_report()
    sarif = json.loads(render(report, "sarif", rules=ALL_RULES, root_uri="file:///work/repo"))
    validator = jsonschema.Draft7Validator(SARIF_SUBSET, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(sarif), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_sarif_content_for_code_scanning():
    report = sample_report()
    sarif = render_sarif(report, ALL_RULES, kb_prefix="kb", root_uri="file:///work/repo")
    run = sarif["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "canon" and driver["version"]
    ids = [r["id"] for r in driver["rules"]]
    assert ids[: len(ALL_RULES)] == [r.id for r in ALL_RULES]
    assert "metric-conflict" in ids  # a finding's rule always has a descriptor
    owner_rule = driver["rules"][ids.index("missing-owner")]
    assert owner_rule["defaultConfiguration"]["level"] == "warning"
    assert "Anti-pattern" in owner_rule["fullDescription"]["text"]
    assert owner_rule["shortDescription"]["text"].startswith("An approved typed entry")
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///work/repo/"}}

    conflict, owner = run["results"]
    assert conflict["ruleId"] == "metric-conflict" and ids[conflict["ruleIndex"]] == "metric-conflict"
    assert conflict["level"] == "error" and owner["level"] == "warning"
    loc = conflict["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "drafts/launch.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 12, "startColumn": 5, "endColumn": 27}
    assert conflict["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "kb/proof/go-live.md"
    assert conflict["relatedLocations"][0]["physicalLocation"]["region"] == {"startLine": 9}
    assert conflict["partialFingerprints"] == {"canon/v1": "f1"}
    # A finding about a whole line has no end column: the region runs to the end of the line.
    assert owner["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 1}


def test_sarif_levels_and_uris():
    f = Finding(rule="x-info", severity="info", path="notes/a b#1.md", line=1, message="m", fingerprint="z")
    g = Finding(rule="x-info", severity="info", path="/abs/draft.md", line=1, message="m", fingerprint="y")
    sarif = render_sarif(Report(findings=[f, g], files=2, draft_paths=frozenset({"/abs/draft.md"})))
    first, second = sarif["runs"][0]["results"]
    assert first["level"] == "note"
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "notes/a%20b%231.md"
    assert second["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///abs/draft.md"}


# --------------------------------------------------------------------------------------------
# Fingerprints


def conflict_at(line: int, value: float = 4, path: str = "drafts/launch.md") -> Finding:
    return Finding(rule="metric-conflict", severity="error", path=path, line=line, column=5,
                   message=f"says {value} weeks to go live; the approved figure is 6 weeks",
                   claim={"text": f"go live in {value} weeks", "value": value, "unit": "weeks"},
                   expected={"metric": "median-go-live-weeks", "value": 6, "unit": "weeks", "entry": "proof/go-live",
                             "line": 9})


def prints(findings: list[Finding]) -> list[str]:
    findings = copy.deepcopy(findings)
    assign_fingerprints(findings)
    return [f.fingerprint for f in findings]


def test_fingerprints_survive_lines_inserted_above():
    before = prints([conflict_at(12), conflict_at(30, 5)])
    after = prints([conflict_at(15), conflict_at(33, 5)])
    assert before == after
    assert len(set(before)) == 2 and all(len(p) == 32 for p in before)


def test_fingerprints_change_with_the_wrong_figure_the_rule_or_the_file():
    base = prints([conflict_at(12)])[0]
    assert prints([conflict_at(12, 5)])[0] != base
    assert prints([conflict_at(12, path="drafts/other.md")])[0] != base
    other_rule = conflict_at(12)
    other_rule.rule = "retired-claim"
    assert prints([other_rule])[0] != base


def test_fingerprints_ignore_how_the_path_is_written():
    assert prints([conflict_at(12, path="./drafts/launch.md")]) == prints([conflict_at(12)])


def test_identical_findings_are_told_apart_by_rank():
    a, b = prints([conflict_at(12), conflict_at(40)])
    assert a != b
    # The same two after an edit above both: same ids, in the same order.
    assert prints([conflict_at(20), conflict_at(48)]) == [a, b]


def test_identity_key_prefers_a_rule_key_then_claims_then_a_numberless_message():
    keyed = Finding(rule="r", severity="error", path="p", line=1, message="whatever", fingerprint="answers:x")
    assert identity_key(keyed) == "answers:x"
    stale_today = Finding(rule="stale-claim", severity="warning", path="p.md", line=4,
                          message="review overdue since 2026-04-01 (214 days); reviewed 2026-01-01")
    stale_tomorrow = Finding(rule="stale-claim", severity="warning", path="p.md", line=4,
                             message="review overdue since 2026-04-01 (215 days); reviewed 2026-01-01")
    assert identity_key(stale_today) == identity_key(stale_tomorrow)
    ids = Finding(rule="broken-reference", severity="error", path="p.md", line=4,
                  message="supersedes names 'proof/roi-2024', which is no entry")
    other = Finding(rule="broken-reference", severity="error", path="p.md", line=4,
                    message="supersedes names 'proof/roi-2025', which is no entry")
    assert identity_key(ids) != identity_key(other)  # numbers inside ids are kept


# --------------------------------------------------------------------------------------------
# Suppression


def test_ignores_by_entry_path_and_line():
    from knowledge.model import Entry

    entry = Entry(id="proof/a", path="proof/a.md", ignore=["missing-owner"], line_ignores={7: {"metric-conflict"}})
    other = Entry(id="proof/b", path="proof/b.md", line_ignores={3: {"*"}})
    ignores = Ignores.collect([entry, other])

    def f(rule: str, path: str, line: int, entry_id: str | None = None, end: int | None = None) -> Finding:
        return Finding(rule=rule, severity="error", path=path, line=line, message="m", entry=entry_id, end_line=end)

    assert ignores.suppresses(f("missing-owner", "proof/a.md", 1))
    assert ignores.suppresses(f("missing-owner", "drafts/x.md", 1, entry_id="proof/a"))
    assert not ignores.suppresses(f("stale-claim", "proof/a.md", 1))
    assert ignores.suppresses(f("metric-conflict", "proof/a.md", 7))
    assert ignores.suppresses(f("metric-conflict", "proof/a.md", 6, end=7))  # a span reaching the line
    assert not ignores.suppresses(f("metric-conflict", "proof/a.md", 8))
    assert ignores.suppresses(f("anything", "proof/b.md", 3))
    kept, dropped = ignores.apply([f("missing-owner", "proof/a.md", 1), f("stale-claim", "proof/a.md", 1)])
    assert [k.rule for k in kept] == ["stale-claim"] and dropped == 1


# --------------------------------------------------------------------------------------------
# Baselines and exit codes


def fingerprinted() -> Report:
    report = sample_report()
    for f in report.findings:
        f.fingerprint = ""
    assign_fingerprints(report.findings)
    return report


def test_baseline_round_trip(tmp_path: Path):
    report = fingerprinted()
    path = tmp_path / "sub" / "baseline.json"
    assert write_baseline(report, path) == 2
    data = json.loads(path.read_text())
    assert data["version"] == 1 and data["fingerprints"] == sorted(f.fingerprint for f in report.findings)
    known = read_baseline(path)
    rest = report.without(known)
    assert rest.findings == [] and rest.baselined == 2 and rest.files == 2
    assert rest.exit_code() == 0

    # A new finding is all that is left.
    fresh = sample_report()
    for f in fresh.findings:
        f.fingerprint = ""
    new = conflict_at(50, 9)
    fresh.findings.append(new)
    assign_fingerprints(fresh.findings)  # once per run: it turns keys into ids
    left = fresh.without(known)
    assert left.findings == [new] and left.baselined == 2


def test_a_saved_json_report_works_as_a_baseline(tmp_path: Path):
    report = fingerprinted()
    path = tmp_path / "report.json"
    path.write_text(render(report, "json"))
    assert read_baseline(path) == {f.fingerprint for f in report.findings}


@pytest.mark.parametrize("content, words", [
    (None, "does not exist"),
    ("{not json", "not JSON"),
    ('{"version": 1}', "no fingerprints"),
    ('{"version": 9, "fingerprints": []}', "version 9"),
    ('{"version": 1, "fingerprints": [1, 2]}', "must be a string"),
    ("[1, 2]", "no fingerprints"),
])
def test_a_bad_baseline_is_a_usage_error(tmp_path: Path, content: str | None, words: str):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(UsageError) as info:
        read_baseline(path)
    assert words in str(info.value) and "--write-baseline" in str(info.value)


def test_fail_on_thresholds():
    report = sample_report()  # one error, one warning
    warnings_only = Report(findings=[report.findings[1]], files=1)
    assert report.exit_code("error") == 1 and warnings_only.exit_code("error") == 0
    assert warnings_only.exit_code("warning") == 1 and warnings_only.exit_code("info") == 1
    assert report.exit_code("never") == 0
    assert Report(findings=[], files=0).exit_code("info") == 0
    with pytest.raises(UsageError):
        report.exit_code("fatal")


def test_rules_describe_themselves():
    for rule in ALL_RULES:
        assert isinstance(rule, Rule)
        assert rule.summary and "\n" not in rule.summary
        assert "Anti-pattern" in rule.description and "Fix" in rule.description, rule.id


def _unsourced(line: int, shown: str, text: str) -> Finding:
    return Finding(rule="unsourced-claim", severity="warning", path="value.md", line=line, column=3,
                   message=f'states {shown} ("{text}") with no source: the entry lists no sources; add sources:',
                   claim={"text": text, "value": 1, "unit": "percent"})


def test_text_shows_findings_of_one_cause_under_one_header_and_repeats_on_one_line():
    findings = [_unsourced(3, "62%", "cut costs by 62%"), _unsourced(5, "3x", "3x faster"),
                _unsourced(9, "62%", "cut costs by 62%"),
                Finding(rule="missing-owner", severity="warning", path="value.md", line=1, message="no owner")]
    report = Report(findings=sorted(findings, key=lambda f: f.line), files=1)
    out = plain(render(report, "text"))
    assert out.split("\n")[:5] == [
        "value.md",
        "  1:1  warning  missing-owner    no owner",
        "  3:3  warning  unsourced-claim  2 figures with no source: the entry lists no sources; add sources:",
        "                                 3:3, 9:3  states 62% (\"cut costs by 62%\")",
        "                                 5:3  states 3x (\"3x faster\")",
    ]
    assert "4 findings" in out  # the summary still counts findings, and JSON keeps one per figure
    assert len(json.loads(render(report, "json"))["findings"]) == 4


def test_text_shows_a_figure_repeated_in_a_file_once():
    report = Report(findings=[_unsourced(3, "62%", "cut costs by 62%"), _unsourced(9, "62%", "cut costs by 62%")],
                    files=1)
    lines = plain(render(report, "text")).split("\n")
    assert lines[1].endswith('states 62% ("cut costs by 62%") with no source: the entry lists no sources; add '
                             "sources: (also at 9:3)")
    assert len(lines) == 4


def test_text_lists_a_few_places_of_a_figure_repeated_many_times_and_counts_the_rest():
    """A rep who repeats one wrong figure 55 times in a 90-minute call: one line that names the
    first places and "and N more", not 55 line numbers; JSON keeps one finding per statement."""
    findings = [_unsourced(line, "62%", "cut costs by 62%") for line in range(10, 10 + 8 * 56, 8)]
    report = Report(findings=findings, files=1)
    lines = plain(render(report, "text")).split("\n")
    assert lines[1].endswith("(also at 18:3, 26:3, 34:3, 42:3, 50:3, 58:3 and 49 more)"), lines[1]
    assert len(json.loads(render(report, "json"))["findings"]) == 56


def test_text_summary_names_the_blocks_shown_and_the_findings_they_stand_for():
    findings = [_unsourced(3, "62%", "cut costs by 62%"), _unsourced(9, "62%", "cut costs by 62%"),
                Finding(rule="missing-owner", severity="warning", path="value.md", line=1, message="no owner")]
    out = plain(render(Report(findings=findings, files=1), "text"))
    assert out.split("\n")[-1].startswith("⚠ 3 findings (3 warnings) in 1 file checked, shown as 2 blocks above"), out
    assert "--format json lists each" in out
    # one block per finding: the summary reads as before
    assert plain(render(sample_report(), "text")).endswith("✖ 2 findings (1 error, 1 warning) in 2 files checked")
