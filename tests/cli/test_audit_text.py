"""The text of `canon audit` on a long call: a figure a rep repeats all call long is one short line
("and N more"), and the summary names the blocks shown and the findings they stand for. The real
command, its output captured."""

from __future__ import annotations

import json

from tests.cli.test_cli_output import canon
from tests.conftest import write_kb

FUEL_ANSWER = """---
type: answer
title: Routewise pays for itself in fuel and overtime
status: approved
owner: priya@routewise.example
reviewed: 2026-10-01
sources:
  - title: 2026 Routewise Operator Benchmark
    date: 2026-05-01
metrics:
  - id: fuel-savings
    name: fuel saved by route optimisation
    value: 14
    unit: percent
    qualifier: average
    source: 2026 Routewise Operator Benchmark
---
# Routewise pays for itself in fuel and overtime
Districts cut fuel spend by 14% on average in the first year of optimised routes.
"""


def _long_call(repeats: int) -> str:
    """A WebVTT call in which the rep says the same wrong figure ``repeats`` times."""
    cues = ["WEBVTT", ""]
    for n in range(repeats):
        for k, turn in enumerate(("Hana Ito: What do districts save on fuel?",
                                  "Jordan Lee: Actually districts usually cut fuel by about 25% in year one.")):
            i = 2 * n + k
            cues += [str(i + 1), f"00:{i // 10:02d}:{i % 10 * 5:02d}.000 --> 00:{i // 10:02d}:{i % 10 * 5 + 4:02d}.000",
                     turn, ""]
    return "\n".join(cues)


def test_a_figure_a_rep_repeats_all_call_long_is_one_short_line_and_the_summary_counts_both(tmp_path):
    toml = "[kb]\nname = 'Routewise'\n[calls]\npath = 'calls'\ninternal_speakers = ['Jordan Lee']\n"
    kb = write_kb(tmp_path / "kb", {"answers/pricing.md": FUEL_ANSWER, "calls/redwood.vtt": _long_call(20)},
                  toml=toml)
    r = canon("audit", "--kb", str(kb), "--today", "2026-12-01", "--rule", "rep-misstatement", cwd=kb)
    assert r.returncode == 1, r.stdout + r.stderr
    said = [line for line in r.stdout.splitlines() if "rep-misstatement" in line]
    assert len(said) == 1 and "and 13 more)" in said[0], r.stdout
    assert "20 findings (20 errors) in" in r.stdout and "shown as 1 block above" in r.stdout, r.stdout
    found = json.loads(canon("audit", "--kb", str(kb), "--today", "2026-12-01", "--rule", "rep-misstatement",
                             "--format", "json", cwd=kb).stdout)["findings"]
    assert len(found) == 20  # SPEC: one finding per statement
