"""The confidence of figure findings (``knowledge.rules.confidence``, "A calibrated confidence on figure
findings, sixteenth round" in bench/ACCURACY.md), on tiny KBs of three industries none of the corpora
covers (hat makers, chess clubs, thatchers): the cues each finding gets, and those it must not get;
the JSON field; ``--min-confidence``; the text order; the shipped weights' provenance.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from knowledge.model import Finding
from knowledge.report import Report, render_text
from knowledge.rules import confidence
from tests.conftest import REPO
from tests.knowledge.test_identity_r13 import findings

KBS: dict[str, dict[str, Any]] = {
    "hats": {"product": "Brimwise", "metrics": [
        ("fitting-time-reduction", "reduction in hat fitting time", 35, "percent"),
        ("hats-per-week", "average hats blocked per milliner per week", 40, "hats")]},
    "chess": {"product": "Rookly", "metrics": [
        ("member-retention-increase", "increase in member retention", 18, "percent"),
        ("pairing-minutes", "average minutes to pair a tournament round", 4, "minutes")]},
    "thatch": {"product": "Reedline", "metrics": [
        ("quote-time-reduction", "reduction in roof quoting time", 45, "percent"),
        ("roofs-per-season", "average roofs thatched per crew per season", 12, "roofs")]},
}
RULES = confidence.FIGURE_RULES

# (industry, where, the line, the rule wanted, cues it must have, cues it must not have)
CASES: list[tuple[str, str, str, str, set[str], set[str]]] = [
    ("hats", "page", "With Brimwise milliners cut hat fitting time by 60%.", "metric-conflict",
     {"rule:metric-conflict", "place:message", "metric_named", "kind:percent", "claimness"},
     {"place:draft", "place:call", "hedged", "in_table"}),
    ("hats", "draft", "Brimwise cuts hat fitting time by about 60%.", "metric-conflict",
     {"place:draft", "metric_named", "kind:percent", "hedged"}, {"entry_sources", "place:page"}),
    ("chess", "call", "With Rookly member retention goes up about fifty percent.", "rep-misstatement",
     {"rule:rep-misstatement", "place:call", "metric_named"}, {"place:draft", "entry_sources", "in_table"}),
    ("chess", "draft", "Rookly clubs grew their junior sections by 70% last winter.", "unsupported-claim",
     {"rule:unsupported-claim", "place:draft", "kind:percent"}, {"metric_named", "place:call", "hedged"}),
    ("thatch", "page", "Reedline cuts roof quoting time by 80%.", "metric-conflict",
     {"rule:metric-conflict", "place:message", "metric_named", "kind:percent"}, {"hedged", "place:draft"}),
    ("thatch", "draft", "Crews using Reedline finish roofs 3x faster.", "unsupported-claim",
     {"place:draft", "kind:multiplier"}, {"metric_named", "kind:percent", "entry_sources"}),
]


@pytest.mark.model
@pytest.mark.parametrize(("industry", "where", "line", "rule", "has", "lacks"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[3]}" for c in CASES])
def test_cues_and_confidence_in_three_industries(monkeypatch: pytest.MonkeyPatch, industry: str, where: str,
                                                 line: str, rule: str, has: set[str], lacks: set[str]) -> None:
    recorded: list[tuple[str, dict[str, float]]] = []
    original = confidence.cues

    def keep(finding: Finding, *args: Any, **kwargs: Any) -> dict[str, float]:
        out = original(finding, *args, **kwargs)
        recorded.append((finding.rule, out))
        return out

    monkeypatch.setattr(confidence, "cues", keep)
    got = findings(industry, where, line, kbs=KBS, rules=RULES)
    ours = [f for f in got if f.rule == rule]
    assert ours, [(f.rule, f.message) for f in got]
    for f in ours:
        assert f.confidence is not None and 0.0 <= f.confidence <= 1.0
        assert 0.0 <= f.to_dict()["confidence"] <= 1.0
    cues = [c for r, c in recorded if r == rule]
    assert any(has <= set(c) for c in cues), cues
    assert all(not (lacks & set(c)) for c in cues), cues


def _finding(rule: str, line: int, conf: float | None, path: str = "drafts/a.md") -> Finding:
    return Finding(rule=rule, severity="warning", path=path, line=line, message=f"{rule} on line {line}",
                   confidence=conf)


def test_json_field_only_on_figure_findings() -> None:
    figure, other = _finding("unsourced-claim", 3, 0.42), _finding("missing-owner", 1, None)
    assert figure.to_dict()["confidence"] == 0.42
    assert "confidence" not in other.to_dict()
    assert json.loads(json.dumps(Report(findings=[figure, other], files=1).to_dict()))["findings"][0]["confidence"] == 0.42


def test_min_confidence_leaves_out_only_figure_findings_below_it() -> None:
    fs = [_finding("unsourced-claim", 1, 0.3), _finding("metric-conflict", 2, 0.5),
          _finding("stale-claim", 3, 0.9), _finding("missing-owner", 4, None)]
    report = Report(findings=fs, files=1)
    assert report.at_least(0.0) is report  # the default leaves out nothing
    kept = report.at_least(0.5)
    assert [f.line for f in kept.findings] == [2, 3, 4]  # at the floor is kept; no confidence is kept
    assert kept.below_confidence == 1
    assert "1 below the confidence cut 0.5 (--min-confidence;" in render_text(kept)
    assert [f.line for f in report.at_least(0.95).findings] == [4]


def test_text_lists_a_files_findings_most_confident_first() -> None:
    fs = [_finding("unsourced-claim", 1, 0.3), _finding("metric-conflict", 2, 0.8),
          _finding("unsupported-claim", 3, 0.55), _finding("metric-conflict", 1, 0.9, path="drafts/b.md")]
    text = render_text(Report(findings=fs, files=2))
    a = text[:text.index("drafts/b.md")]
    assert a.index("metric-conflict on line 2") < a.index("unsupported-claim on line 3") < a.index("unsourced-claim on line 1")
    assert "(confidence 0.80)" in a and "(confidence 0.30)" in a
    assert "(confidence 0.90)" in text[text.index("drafts/b.md"):]


def test_no_weights_file_no_model() -> None:
    assert confidence.load_model("/nonexistent/confidence.json") is None
    assert confidence.load_model() is not None  # the shipped weights are read


def test_shipped_weights_provenance_names_no_held_out_corpus() -> None:
    from bench.accuracy import HELD_OUT

    prov = confidence.provenance()
    assert prov["corpora"] and prov["findings"] > 0 and prov["date"]
    assert not set(prov["corpora"]) & set(HELD_OUT), prov["corpora"]
    rows = (confidence.WEIGHTS.parent / prov["data"].removeprefix("knowledge/rules/")).read_text(encoding="utf-8")
    assert not {json.loads(r)["corpus"] for r in rows.splitlines() if r.strip()} & set(HELD_OUT)


def test_help_says_what_min_confidence_is_and_how_it_was_measured() -> None:
    from typer.testing import CliRunner

    from cli.main import app

    for command in ("audit", "check"):
        r = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert r.exit_code == 0, r.output
        out = " ".join(r.output.replace("│", " ").split())
        assert "--min-confidence" in out and "README: Findings as data" in out, out
    # the help is two lines; how the confidence was measured is in the README section it names
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Findings as data"):]
    assert "leave-one-corpus-out" in section[:section.index("\n## ")]


def test_finish_gates_the_exit_code_on_the_kept_findings(capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    from cli.audit import FailOn, ReportFormat, finish
    from knowledge.settings import Settings

    report = Report(findings=[Finding(rule="metric-conflict", severity="error", path="drafts/a.md", line=1,
                                      message="says 9%", confidence=0.2)], files=1)
    for floor, code in ((0.0, 1), (0.5, 0)):
        with pytest.raises(typer.Exit) as exit_:
            finish(report, ReportFormat.json, FailOn.error, Settings(root=confidence.WEIGHTS.parent), None, floor)
        assert exit_.value.exit_code == code
        assert len(json.loads(capsys.readouterr().out)["findings"]) == code


# The recalibration per KB from reviewers' verdicts (measured, not applied: "Recalibrated per KB from
# verdicts" in bench/ACCURACY.md): the offset on small synthetic sets of (log-odds, verdict right).


def test_offset_no_verdicts_no_shift() -> None:
    assert confidence.offset([]) == 0.0


def test_offset_all_wrong_lowers_all_right_raises() -> None:
    wrong = confidence.offset([(1.5, False)] * 8)
    right = confidence.offset([(-0.5, True)] * 8)
    assert wrong < -0.5
    assert right > 0.3


def test_offset_agreeing_verdicts_hardly_move_it() -> None:
    """Verdicts the model already expects (right where it is sure, wrong where it is sure) leave it near 0."""
    assert abs(confidence.offset([(3.0, True), (-3.0, False)] * 5)) < 0.05


def test_offset_prior_keeps_one_verdict_from_moving_it_far() -> None:
    one = confidence.offset([(2.0, False)])
    flat = confidence.offset([(2.0, False)], prior_sd=1e3)
    many = confidence.offset([(2.0, False)] * 20)
    assert -1.0 < one < 0.0
    assert flat < -5.0  # without the prior one wrong verdict would push the log-odds towards minus infinity
    assert many < one


# The calibration for new companies ("Calibrated for new companies" in bench/ACCURACY.md): the map on
# small synthetic sets of (log-odds, right), and canon's confidence going through the shipped one.


def test_platt_lowers_an_over_confident_model_and_keeps_the_order() -> None:
    """A model whose log-odds z run from -1 to 4 where the share right is sigmoid(0.6·z - 1), ten
    findings at each z: the map lowers every score, keeps them in order (a > 0), and the mean lands
    nearer the share right. Also where z says nothing (all near 2, half right): still a > 0, lower."""
    pairs = [(z, j < round(10 / (1 + math.exp(-(0.6 * z - 1.0))))) for z in (-1 + 0.5 * k for k in range(11))
             for j in range(10)]
    a, b = confidence.platt(pairs)
    assert 0.4 < a < 0.8 and -1.3 < b < -0.6
    assert a > 0
    zs = sorted(z for z, _ in pairs)
    before = [confidence.calibrated(z, None) for z in zs]
    after = [confidence.calibrated(z, (a, b)) for z in zs]
    assert all(q < p for p, q in zip(before, after, strict=True))
    assert after == sorted(after)
    share = sum(y for _, y in pairs) / len(pairs)
    assert abs(sum(after) / len(after) - share) < abs(sum(before) / len(before) - share)
    flat = confidence.platt([(2.0 + 0.01 * i, i % 2 == 0) for i in range(60)])
    assert flat[0] > 0 and confidence.calibrated(2.0, flat) < 0.7 < confidence.calibrated(2.0, None)


def test_platt_prior_holds_a_few_rows_near_the_identity() -> None:
    assert confidence.platt([]) == (1.0, 0.0)
    a, b = confidence.platt([(2.0, False), (1.5, True)])  # two findings: the prior holds
    assert 0.5 < a < 1.5 and -1.0 < b < 0.5
    many = confidence.platt([(2.0, False), (1.5, True)] * 40)  # the same eighty times: the rows win
    assert abs(many[0] - 1.0) + abs(many[1]) > 2 * (abs(a - 1.0) + abs(b))


def test_no_calibration_where_the_slope_is_not_positive(tmp_path: Any) -> None:
    for i, (fresh, want) in enumerate((({"a": -0.3, "b": 0.1}, None), ({"b": 0.1}, None),
                                       ({"a": 0.8, "b": -1.0}, (0.8, -1.0)))):
        path = tmp_path / f"confidence{i}.json"  # load_fresh keeps what it read of a path
        path.write_text(json.dumps({"bias": 0.0, "threshold": 0.5, "fresh": fresh}))
        assert confidence.load_fresh(str(path)) == want
    assert confidence.calibrated(1.0, None) == round(1 / (1 + math.exp(-1.0)), 2)


def test_shipped_calibration_provenance_names_no_held_out_corpus() -> None:
    from bench.accuracy import HELD_OUT

    fresh = json.loads(confidence.WEIGHTS.read_text(encoding="utf-8"))["fresh"]
    assert fresh["a"] > 0 and fresh["rows"] > 0 and fresh["date"] and fresh["fitted_on"]
    assert not set(fresh["fitted_on"]) & set(HELD_OUT)
    assert not set(fresh["fitted_on"]) & set(confidence.provenance()["corpora"])  # the weights never saw them
    assert confidence.load_fresh() == (fresh["a"], fresh["b"])


@pytest.mark.model
def test_canon_reports_the_calibrated_confidence(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hat maker's KB (no corpus is one): each figure finding's JSON confidence is the shipped model's
    log-odds through the calibration, not the model's own probability."""
    recorded: list[dict[str, float]] = []
    original = confidence.cues

    def keep(finding: Finding, *args: Any, **kwargs: Any) -> dict[str, float]:
        recorded.append(original(finding, *args, **kwargs))
        return recorded[-1]

    monkeypatch.setattr(confidence, "cues", keep)
    got = [f for f in findings("hats", "page", "With Brimwise milliners cut hat fitting time by 60%.", kbs=KBS,
                               rules=RULES) if f.rule in RULES]
    model, fresh = confidence.load_model(), confidence.load_fresh()
    assert got and model is not None and fresh is not None and len(got) == len(recorded)
    for f, named in zip(got, recorded, strict=True):
        z = confidence.log_odds(model, named)
        assert f.to_dict()["confidence"] == confidence.calibrated(z, fresh)
        assert f.confidence < confidence.probability(model, named)  # a fresh company gets the lower figure
