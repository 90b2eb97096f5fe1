"""A price the company states in a pricing table is its own term, not an outcome claim needing a source;
a figure in a table that states an outcome (a saving, a result, a customer's spend) still needs one.

Cases written before the fourteenth round's results, in six industries no development corpus covers
(dentistry, HR software, cybersecurity, freight, education, retail), run through ``unsourced-claim`` with
the real embedding model (the needs-a-source model has a say on unsure figures, as in a real run).
bench/ACCURACY.md, "Prices in a pricing table, and figures in table cells, fourteenth round".
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from knowledge.audit import audit
from tests.knowledge.rules.test_figures import _ctx, _entry

# (industry, page body, the figure's line, its text): a price the company states for its own plans
# or tiers, in a table that names prices in its structure (the row labels' header, the heading above)
LEFT_OUT = [
    ("dentistry", "# Chairside for dental practices\n\n## Plans\n\nOne price per dental chair per month.\n\n"
     "| Plan | GBP | EUR |\n|---|---|---|\n| Solo | £79 | €92 |\n| Group | £149 | €172 |\n", 9, "£79"),
    ("HR software", "# Rota and payroll for growing teams\n\n## Pricing\n\n"
     "| Tier | Per employee per month |\n|---|---|\n| Core | $6 |\n| People Plus | $11 |\n", 8, "$11"),
    ("cybersecurity", "# Endpoint protection for small firms\n\n## Licences\n\n"
     "| Edition | United States | United Kingdom |\n|---|---|---|\n| Essentials | $4 per device | £3 per device |\n"
     "| Managed | from $990/month | from £780/month |\n", 8, "$990/month"),
    ("freight", "# Partner programme for freight brokers\n\n"
     "| Tier | Referred revenue a year | Co-marketing fund |\n|---|---|---|\n"
     "| Bronze | up to £25,000 | none |\n| Silver | £25,000 to £100,000 | £2,000 |\n", 6, "£25,000 to £100,000"),
    ("education", "# Attendance tracking for schools\n\n## Plans for schools and trusts\n\n"
     "| Plan | Per pupil per year |\n|---|---|\n| School | £4.50 |\n| Trust | £3.80 |\n", 7, "£4.50"),
    ("retail", "# Till and stock for independent shops\n\n## Plans\n\n"
     "| Plan | Per store per month |\n|---|---|\n| Boutique | €49 |\n| Chain | €39 |\n", 8, "€39"),
]

# a figure in a table that states an outcome: a result, a saving, a customer's spend, a price said as a saving
REPORTED = [
    ("dentistry", "# How Harbour Dental filled its chairs\n\n## Results\n\n"
     "| Metric | Before | After |\n|---|---|---|\n| Monthly no-show cost | £4,200 | £1,900 |\n", 7, "£1,900"),
    ("HR software", "# Northgate Care: the first year\n\n"
     "| Outcome | Value |\n|---|---|\n| Annual saving | £25,000 |\n| Payroll errors | 38 fewer |\n", 5, "£25,000"),
    ("cybersecurity", "# What Endpoint Managed returns\n\n## Plans\n\n"
     "| Plan | Typical saving |\n|---|---|\n| Managed | $12,000 a year |\n", 7, "$12,000"),
    ("freight", "# Kestrel Freight cut its fuel bill\n\n"
     "| Customer | Fuel spend before | Fuel spend after |\n|---|---|---|\n"
     "| Kestrel Freight | £410,000 | £352,000 |\n", 5, "£352,000"),
    ("retail", "# Till and stock for independent shops\n\n## Plans\n\n"
     "| Plan | Per store per month |\n|---|---|\n| Boutique | €49 |\n"
     "| Chain | €39, €20 less than the average till system |\n", 8, "€20"),
    ("education", "# Riverside Academy Trust\n\n## Plans chosen and what they saved\n\n"
     "| School | Plan | Saved a year |\n|---|---|---|\n| Riverside Academy | Trust | £8,400 |\n", 7, "£8,400"),
]


def _unsourced_lines(body: str, vectors: Any) -> set[int]:
    entry = _entry("site/page.md", body, type="article", title=body.splitlines()[0].lstrip("# "))
    report = audit(replace(_ctx([entry]), vectors=vectors), ["unsourced-claim"])
    return {f.line for f in report.findings if f.rule == "unsourced-claim" and f.line is not None}


def test_the_cases_cover_six_industries_on_both_sides() -> None:
    assert len({c[0] for c in LEFT_OUT}) >= 6 and len({c[0] for c in REPORTED}) >= 6


@pytest.mark.parametrize(("industry", "body", "line", "figure"), LEFT_OUT, ids=[c[0] for c in LEFT_OUT])
def test_a_price_in_a_pricing_table_needs_no_source(industry: str, body: str, line: int, figure: str,
                                                    vectors: Any) -> None:
    assert figure in body.splitlines()[line - 1]
    assert line not in _unsourced_lines(body, vectors), industry


@pytest.mark.parametrize(("industry", "body", "line", "figure"), REPORTED, ids=[c[0] for c in REPORTED])
def test_an_outcome_in_a_table_still_needs_a_source(industry: str, body: str, line: int, figure: str,
                                                    vectors: Any) -> None:
    assert figure in body.splitlines()[line - 1]
    assert line in _unsourced_lines(body, vectors), industry
