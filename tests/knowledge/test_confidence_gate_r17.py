"""Pre-registered cases of the default confidence cut ("Unlikely figure findings left out by default,
seventeenth round" in bench/ACCURACY.md), written before any figure of the round was measured.

Six industries no corpus covers (bell foundries, model railways, saddlers, kiln builders, falconry
centres, organ builders), each a small KB with two registered metrics, a retired pilot figure, an
untyped page, a sales call and a draft, run through ``canon audit`` and ``canon check`` as a team runs
them: no ``--min-confidence``, so whatever default canon ships applies.

Findings a careful reviewer wants must stay shown by default: a draft quoting a figure the registered
metric contradicts, a draft repeating the retired figure, a rep misquoting a metric on a call. Findings
of the classes the labelled corpora call false most often (``bench/claim_fp_causes.py``; "False claims
findings by cause, fourteenth round") should be left out by default: an unsourced count on an untyped
page that restates an approved figure in other words (every industry; on main the matching links these
to the registered metric and no finding is made, so they guard against a finding appearing), and one
more class per industry, each a finding main makes: the company's own price (bell foundries, organ
builders), a service commitment (model railways, saddlers), a duration that only qualifies another
figure (kiln builders), a description of the reader's world (falconry centres).

Cases main gets wrong are marked ``xfail(strict=True)`` by name (:data:`KNOWN`).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FIGURE_RULES = ("metric-conflict", "source-conflict", "stale-claim", "unsourced-claim", "unsupported-claim",
                "retired-claim", "rep-misstatement")
WRONG_FIGURE = ("metric-conflict", "rep-misstatement")
RETIRED = ("retired-claim", "metric-conflict", "stale-claim")

# industry -> product, (id, name, value now, value wrong, unit) of the percent metric, (id, name, count,
# unit) of the count metric, the retired pilot figure, and the lines of its untyped page: the restated
# count (left out) and one more false class (left out)
INDUSTRIES: dict[str, dict[str, Any]] = {
    "bells": {"product": "Clangor", "pct": ("tuning-time-reduction", "reduction in bell tuning time", 31, 18),
              "count": ("foundries-using", "bell foundries using Clangor", 140, "foundries"), "retired": 55,
              "verb": "cuts bell tuning time",
              "restated": "Some 140 foundries now cast and tune with Clangor.",
              "other": "Clangor costs £90 a month for each foundry."},
    "railways": {"product": "Trackwise", "pct": ("wiring-fault-reduction", "reduction in layout wiring faults", 42, 24),
                 "count": ("clubs-using", "model railway clubs using Trackwise", 260, "clubs"), "retired": 70,
                 "verb": "cuts layout wiring faults",
                 "restated": "Around 260 model railway clubs plan their layouts with Trackwise.",
                 "other": "Trackwise answers support emails within 24 hours."},
    "saddlers": {"product": "Girthline", "pct": ("refit-visit-reduction", "reduction in saddle refit visits", 27, 12),
                 "count": ("fitters-using", "saddle fitters using Girthline", 85, "fitters"), "retired": 45,
                 "verb": "cuts saddle refit visits",
                 "restated": "Today 85 saddle fitters across the country measure horses with Girthline.",
                 "other": "Girthline fitters answer every booking within 48 hours."},
    "kilns": {"product": "Kilnsure", "pct": ("firing-fuel-reduction", "reduction in firing fuel use", 22, 9),
              "count": ("kilns-built", "kilns built from Kilnsure plans", 310, "kilns"), "retired": 38,
              "verb": "cuts firing fuel use",
              "restated": "More than 310 kilns have been built from Kilnsure plans.",
              "other": "Potters who switched saw the change within 18 months of their first firing."},
    "falconry": {"product": "Jessbook", "pct": ("no-show-reduction", "reduction in flying display no-shows", 35, 15),
                 "count": ("centres-using", "falconry centres using Jessbook", 48, "centres"), "retired": 60,
                 "verb": "cuts flying display no-shows",
                 "restated": "48 falconry centres take their bookings through Jessbook.",
                 "other": "Visitors to a centre stay for 3 hours on average."},
    "organs": {"product": "Pipewright", "pct": ("voicing-time-reduction", "reduction in pipe voicing time", 29, 14),
               "count": ("workshops-using", "organ building workshops using Pipewright", 64, "workshops"), "retired": 50,
               "verb": "cuts pipe voicing time",
               "restated": "64 organ building workshops voice their pipes with Pipewright.",
               "other": "Pipewright costs £40 a month for each workshop."},
}

PROOF = """---
type: proof_point
title: {product} results
owner: ana@example.com
reviewed: 2026-10-01
sources:
  - title: 2026 {product} customer review
    date: 2026-06-30
metrics:
  - id: {pid}
    name: {pname}
    value: {pvalue}
    unit: percent
    source: 2026 {product} customer review
  - id: {cid}
    name: {cname}
    value: {cvalue}
    unit: {cunit}
    source: 2026 {product} customer review
---

# {product} results

The {pname} with {product} is {pvalue}%. There are {cvalue} {cunit} using {product}.
"""
RETIRED_ENTRY = """---
type: proof_point
title: {product} pilot results (2023)
status: retired
owner: ana@example.com
reviewed: 2026-10-01
sources:
  - 2023 {product} pilot, internal summary
metrics:
  - id: {pid}-2023
    name: {pname}, 2023 pilot
    value: {old}
    unit: percent
    qualifier: up to
    as_of: 2023-05
    source: 2023 {product} pilot, internal summary
---

# {product} pilot results (2023)

> Retired. Replaced by proof/results, which measures the whole customer base.

{product} {verb} by up to {old}%.
"""
PAGE = """---
type: article
title: About {product}
owner: ana@example.com
reviewed: 2026-10-01
---

# About {product}

{restated}

{other}
"""


def _kb_files(spec: dict[str, Any]) -> dict[str, str]:
    """The industry's KB: its proof point, the retired pilot, the untyped page and a call."""
    (pid, pname, pvalue, wrong), (cid, cname, cvalue, cunit) = spec["pct"], spec["count"]
    product = spec["product"]
    return {
        "canon.toml": '[calls]\ninternal_speakers = ["Sam Rep"]\n',
        "proof/results.md": PROOF.format(product=product, pid=pid, pname=pname, pvalue=pvalue, cid=cid,
                                         cname=cname, cvalue=cvalue, cunit=cunit),
        "proof/pilot-2023.md": RETIRED_ENTRY.format(product=product, pid=pid, pname=pname, old=spec["retired"],
                                                    verb=spec["verb"]),
        "pages/about.md": PAGE.format(product=product, restated=spec["restated"], other=spec["other"]),
        "calls/c.txt": f"Pat Buyer: What do your customers see?\nSam Rep: Honestly {product} {spec['verb']} "
                       f"by about {wrong} percent.\n",
    }


def _draft(spec: dict[str, Any]) -> str:
    """A draft quoting the wrong figure (line 3) and repeating the retired one (line 5)."""
    product, wrong = spec["product"], spec["pct"][3]
    return f"# Draft\n\n{product} {spec['verb']} by {wrong}%.\n\n{product} {spec['verb']} by {spec['retired']}%.\n"


def _shown(args: list[str]) -> list[dict[str, Any]]:
    """The findings canon shows by default (JSON, no --min-confidence)."""
    from typer.testing import CliRunner

    from cli.main import app

    r = CliRunner().invoke(app, [*args, "--format", "json", "--today", "2026-11-01", "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    return list(json.loads(r.stdout)["findings"])


@pytest.fixture(scope="module")
def runs() -> Iterator[dict[str, dict[str, list[dict[str, Any]]]]]:
    """industry -> {"audit": findings shown, "check": findings shown}, each run once."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    with tempfile.TemporaryDirectory() as d:
        for name, spec in INDUSTRIES.items():
            root = Path(d) / name / "kb"
            for rel, text in _kb_files(spec).items():
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / rel).write_text(text, encoding="utf-8")
            draft = Path(d) / name / "d.md"
            draft.write_text(_draft(spec), encoding="utf-8")
            out[name] = {"audit": _shown(["audit", "--kb", str(root)]),
                         "check": _shown(["check", str(draft), "--kb", str(root)])}
        yield out


def _on(found: list[dict[str, Any]], path_end: str, line: int, rules: tuple[str, ...]) -> list[dict[str, Any]]:
    return [f for f in found if f["path"].endswith(path_end) and f.get("line") == line and f["rule"] in rules]


def _page_line(spec: dict[str, Any], key: str) -> int:
    text = PAGE.format(product=spec["product"], restated=spec["restated"], other=spec["other"])
    return text.splitlines().index(spec[key]) + 1


# (case id) -> why main gets it wrong; filled in from one run on main before anything was built
KNOWN: dict[str, str] = {
    f"{name}-page-other-class-left-out": "main shows every figure finding (no default cut)"
    for name in INDUSTRIES
}


def _cases(kind: str) -> list[Any]:
    return [pytest.param(name, id=f"{name}-{kind}",
                         marks=pytest.mark.xfail(strict=True, reason=KNOWN[f"{name}-{kind}"])
                         if f"{name}-{kind}" in KNOWN else ())
            for name in INDUSTRIES]


@pytest.mark.model
@pytest.mark.parametrize("name", _cases("draft-wrong-figure-shown"))
def test_a_draft_quoting_a_wrong_figure_stays_shown(runs: Any, name: str) -> None:
    found = runs[name]["check"]
    assert _on(found, "d.md", 3, WRONG_FIGURE), [(f["rule"], f.get("line"), f.get("confidence")) for f in found]


@pytest.mark.model
@pytest.mark.parametrize("name", _cases("draft-retired-figure-shown"))
def test_a_draft_repeating_a_retired_figure_stays_shown(runs: Any, name: str) -> None:
    found = runs[name]["check"]
    assert _on(found, "d.md", 5, RETIRED), [(f["rule"], f.get("line"), f.get("confidence")) for f in found]


@pytest.mark.model
@pytest.mark.parametrize("name", _cases("call-misquote-shown"))
def test_a_rep_misquoting_a_metric_stays_shown(runs: Any, name: str) -> None:
    found = runs[name]["audit"]
    assert _on(found, "calls/c.txt", 2, WRONG_FIGURE), [(f["rule"], f["path"], f.get("line")) for f in found]


@pytest.mark.model
@pytest.mark.parametrize("name", _cases("page-restated-count-left-out"))
def test_an_unsourced_restated_count_on_an_untyped_page_is_left_out(runs: Any, name: str) -> None:
    spec = INDUSTRIES[name]
    got = _on(runs[name]["audit"], "pages/about.md", _page_line(spec, "restated"), FIGURE_RULES)
    assert not got, [(f["rule"], f.get("confidence"), f["message"]) for f in got]


@pytest.mark.model
@pytest.mark.parametrize("name", _cases("page-other-class-left-out"))
def test_a_figure_of_a_false_class_on_an_untyped_page_is_left_out(runs: Any, name: str) -> None:
    spec = INDUSTRIES[name]
    got = _on(runs[name]["audit"], "pages/about.md", _page_line(spec, "other"), FIGURE_RULES)
    assert not got, [(f["rule"], f.get("confidence"), f["message"]) for f in got]
