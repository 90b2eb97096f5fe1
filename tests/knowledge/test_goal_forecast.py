"""A named customer's goal, plan or forecast is not its registered result, read narrowly
(:func:`knowledge.figures.reading.aside_of`): only an intention construction that governs the figure
sets it aside. A goal word as a noun or a modifier ("targeted tutoring", "demand forecasting",
"goal-setting", "projects"), a result verb after the intention ("hit its targets and saved"), or "more
than expected" leaves the figure a result, which is still compared and still found when misstated.
Sentences in freight, dentistry, HR software, grocery retail, cybersecurity, education and
construction; the KB-level cases run each one in its own tiny KB with the real model."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.calls import parse_call
from ingest.kb import load_kb
from knowledge.audit import audit
from knowledge.figures.reading import NORM_SCOPE, aside_of
from knowledge.rules import AuditContext
from knowledge.settings import load_settings

# a result, with a goal word as a noun or a modifier, or an intention a result verb has answered
RESULTS = [
    "Maple Ridge College's targeted tutoring raised its first-year pass rate by [NUM].",  # education
    "Maple Ridge College met its targets and raised its first-year pass rate by [NUM].",
    "Fenwick Credit Union cut losses from targeted phishing by [NUM] with Mailguard.",  # cybersecurity
    "Fenwick Credit Union blocked targeted attacks and cut phishing losses by [NUM].",
    "Oakridge Grocers' demand forecasting cut food waste by [NUM].",  # grocery retail
    "Oakridge Grocers used Shelfsense forecasts to save [NUM] a year on spoiled stock.",
    "Oakridge Grocers' targeted markdowns save [NUM] a year on spoiled stock.",
    "Larchmont Insurance's goal-setting programme cut staff turnover by [NUM].",  # HR software
    "Larchmont Insurance used Peoplewise goals and cut staff turnover by [NUM].",
    "Larchmont Insurance exceeded its target and cut staff turnover by [NUM].",
    "Granite Row Builders' projects save [NUM] a year on rework with Sitecheck.",  # construction
    "Both projects saved Kestrel Freight [NUM] a year on fuel.",  # freight
    "Kestrel Freight hit its targets and saved [NUM] a year on fuel.",
    "kestrel freight hit its targets and saved [NUM] a year on fuel",
    "Kestrel Freight beat its goal and cut [NUM] a year from its fuel bill.",
    "Kestrel Freight wanted to cut its fuel bill and saved [NUM] a year with Loadstar.",
    "Kestrel Freight wants to cut its fuel bill and saved [NUM] a year with Loadstar.",
    "Kestrel Freight saved more than expected: [NUM] a year on fuel.",
    "Brightsmile Dental Group met its goal and saved [NUM] a year from no-shows.",  # dentistry
]

# an intention that governs the figure: a goal, a plan or a forecast
GOALS = [
    "Kestrel Freight aims to save [NUM] a year on fuel next year.",  # freight
    "kestrel freight plans to save [NUM] on fuel next year",
    "Kestrel Freight aims for [NUM] a year in fuel savings.",
    "Brightsmile Dental Group expects to save [NUM] a year on no-shows by 2028.",  # dentistry
    "Larchmont Insurance's target is to cut staff turnover by [NUM] by 2028.",  # HR software
    "Larchmont Insurance wants to cut turnover by [NUM] next year.",
    "Analysts expect Oakridge Grocers to cut food waste by [NUM] by 2028.",  # grocery retail
    "Oakridge Grocers intends to cut food waste by [NUM] by 2028.",
    "Fenwick Credit Union hopes to cut phishing losses by [NUM] next year.",  # cybersecurity
    "Granite Row Builders projects it will save [NUM] a year on rework by 2028.",  # construction
    "Riverside Health Trust forecasts that its wards will cut agency spend by [NUM].",  # hospitals
    "Kestrel Dairy is on track to cut its water use by [NUM].",  # dairy farming
]


@pytest.mark.parametrize("masked", RESULTS)
def test_a_goal_word_that_governs_nothing_leaves_a_result(masked: str) -> None:
    assert not aside_of(masked, "Customer")


@pytest.mark.parametrize("masked", GOALS)
def test_an_intention_that_governs_the_figure_sets_it_aside(masked: str) -> None:
    assert aside_of(masked, "Customer")


@pytest.mark.parametrize("masked", [GOALS[0], GOALS[4], "Most teams expect to save [NUM] in the first year."])
def test_a_goal_of_no_named_customer_is_compared(masked: str) -> None:
    assert not aside_of(masked, None)
    assert not aside_of(masked, NORM_SCOPE)


# -- each sentence in its own tiny KB: one case study registering one result --------------------

_STUDY = """---
type: case_study
title: "{customer}: the result"
owner: ana@example.com
reviewed: 2026-10-01
sources:
  - title: {customer} accounts
    date: 2026-06-30
metrics:
  - id: result
    name: {name}
    value: {value}
    unit: {unit}
    source: {customer} accounts
---

# {customer}

{prose}
"""

_PAGE = """---
type: message
title: Pitch
owner: ana@example.com
reviewed: 2026-10-01
---

# Pitch

{line}
"""

_FREIGHT = ("Kestrel Freight", "annual fuel savings at Kestrel Freight", 1800000, "USD",
            "Kestrel Freight runs 300 trucks. With route planning from Loadstar, Kestrel Freight cut $1.8 million a "
            "year from its fuel bill.")
_DENTAL = ("Brightsmile Dental Group", "annual savings from fewer no-shows at Brightsmile Dental Group", 640000, "USD",
           "Brightsmile Dental Group runs 40 clinics. With reminders from Chairtime, Brightsmile Dental Group saves "
           "$640,000 a year in lost chair time from no-shows.")
_HR = ("Larchmont Insurance", "reduction in staff turnover at Larchmont Insurance", 31, "percent",
       "Larchmont Insurance employs 2,000 people. With Peoplewise, Larchmont Insurance cut staff turnover by 31%.")
_WASTE = ("Oakridge Grocers", "reduction in food waste at Oakridge Grocers", 30, "percent",
          "Oakridge Grocers runs 120 stores. With Shelfsense, Oakridge Grocers cut food waste by 30%.")
_SPOIL = ("Oakridge Grocers", "annual savings on spoiled stock at Oakridge Grocers", 3100000, "USD",
          "Oakridge Grocers runs 120 stores. With Shelfsense, Oakridge Grocers saves $3.1 million a year on spoiled "
          "stock.")
_PHISH = ("Fenwick Credit Union", "reduction in phishing losses at Fenwick Credit Union", 62, "percent",
          "Fenwick Credit Union serves 90,000 members. With Mailguard, Fenwick Credit Union cut phishing losses by 62%.")
_PASS = ("Maple Ridge College", "rise in first-year pass rate at Maple Ridge College", 18, "percent",
         "Maple Ridge College teaches 6,000 students. With tutoring from Studypath, Maple Ridge College raised its "
         "first-year pass rate by 18%.")
_REWORK = ("Granite Row Builders", "annual rework savings at Granite Row Builders", 1200000, "USD",
           "Granite Row Builders builds 30 homes a year. With Sitecheck, Granite Row Builders saves $1.2 million a "
           "year on rework.")

# the reviewer's defect 1: each a misstatement of the registered result, to be found
MISSTATED = [
    (_PASS, "page", "Maple Ridge College's targeted tutoring raised its first-year pass rate by 27%."),
    (_PASS, "page", "Maple Ridge College met its targets and raised its first-year pass rate by 27%."),
    (_PHISH, "page", "Fenwick Credit Union cut losses from targeted phishing by 80% with Mailguard."),
    (_PHISH, "page", "Fenwick Credit Union blocked targeted attacks and cut phishing losses by 80%."),
    (_WASTE, "page", "Oakridge Grocers' demand forecasting cut food waste by 45%."),
    (_SPOIL, "page", "Oakridge Grocers used Shelfsense forecasts to save $4.6 million a year on spoiled stock."),
    (_SPOIL, "page", "Oakridge Grocers' targeted markdowns save $4.6 million a year on spoiled stock."),
    (_HR, "page", "Larchmont Insurance's goal-setting programme cut staff turnover by 45%."),
    (_HR, "page", "Larchmont Insurance used Peoplewise goals and cut staff turnover by 45%."),
    (_HR, "page", "Larchmont Insurance exceeded its target and cut staff turnover by 45%."),
    (_REWORK, "page", "Granite Row Builders' projects save $1.9 million a year on rework with Sitecheck."),
    (_FREIGHT, "page", "Both projects saved Kestrel Freight $2.4 million a year on fuel."),
    (_FREIGHT, "page", "Kestrel Freight hit its targets and saved $2.4 million a year on fuel."),
    (_FREIGHT, "call", "kestrel freight hit its targets and saved 2.4 million dollars a year on fuel"),
    (_FREIGHT, "page", "Kestrel Freight beat its goal and cut $2.4 million a year from its fuel bill."),
    (_FREIGHT, "page", "Kestrel Freight wanted to cut its fuel bill and saved $2.4 million a year with Loadstar."),
    (_FREIGHT, "page", "Kestrel Freight saved more than expected: $2.4 million a year on fuel."),
    (_DENTAL, "page", "Brightsmile Dental Group met its goal and saved $910,000 a year from no-shows."),
]

# the goals and forecasts that motivated the reading: no result, nothing to contradict
GOAL_LINES = [
    (_FREIGHT, "call", "Kestrel Freight aims to save 2.5 million dollars a year on fuel next year."),
    (_FREIGHT, "call", "kestrel freight wants to save 2.5 million dollars a year on fuel next year"),
    (_DENTAL, "page", "Brightsmile Dental Group expects to save $900,000 a year on no-shows by 2028."),
    (_HR, "page", "Larchmont Insurance's target is to cut staff turnover by 45% by 2028."),
    (_WASTE, "page", "Analysts expect Oakridge Grocers to cut food waste by 50% by 2028."),
    (_REWORK, "page", "Granite Row Builders projects it will save $2.5 million a year on rework by 2028."),
]


def _conflicts(study: tuple[str, str, int, str, str], where: str, line: str, tmp_path: Path) -> list[str]:
    """The metric-conflict and rep-misstatement findings of ``line`` on a pitch page or in a call, in a KB
    whose one case study registers ``study``'s result (real model), less those of the KB alone."""
    from knowledge.embedding import MiniLMNumpyEmbedder

    customer, name, value, unit, prose = study
    root = tmp_path / "kb"
    root.mkdir()
    (root / "canon.toml").write_text('[calls]\ninternal_speakers = ["Sam Rep"]\n')
    settings = load_settings(root, environ={})
    files = {"case-studies/cs.md": _STUDY.format(customer=customer, name=name, value=value, unit=unit,
                                                 prose=prose).encode()}
    if where == "page":
        files["messaging/pitch.md"] = _PAGE.format(line=line).encode()
    calls = []
    if where == "call":
        text = f"Pat Buyer: Tell me about results.\nSam Rep: {line}\n"
        calls = [parse_call(root / "calls/c.txt", rel="calls/c.txt", settings=settings.calls, text=text)]
    ctx = AuditContext(settings=settings, kb=load_kb(settings, files=files), today=date(2026, 11, 1), calls=calls,
                       vectors=MiniLMNumpyEmbedder().embed)
    found = audit(ctx, ["metric-conflict", "rep-misstatement"]).findings
    return [f"{f.rule}@{f.path}:{f.line}" for f in found if f.path != "case-studies/cs.md"]


@pytest.mark.model
@pytest.mark.parametrize(("study", "where", "line"), MISSTATED, ids=[m[2][:60] for m in MISSTATED])
def test_a_misstated_result_beside_a_goal_word_is_found(study: tuple[str, str, int, str, str], where: str,
                                                        line: str, tmp_path: Path) -> None:
    assert _conflicts(study, where, line, tmp_path)


@pytest.mark.model
@pytest.mark.parametrize(("study", "where", "line"), GOAL_LINES, ids=[m[2][:60] for m in GOAL_LINES])
def test_a_named_customers_goal_contradicts_nothing(study: tuple[str, str, int, str, str], where: str, line: str,
                                                    tmp_path: Path) -> None:
    assert not _conflicts(study, where, line, tmp_path)
