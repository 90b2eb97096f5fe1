"""Sources named in prose, tenth round: a citation whose lead-in is hard-wrapped before the name
("according to\nPartsLink Exchange's survey"). Trials credited to whoever follows "by" ("independent
trials by Nofima") were measured and taken out after review: "free trials by Q3", "pilot trials by
Week 6" and "trials by SMB customers" named no source, and silenced real unsourced claims."""

from __future__ import annotations

import pytest

from knowledge.claims import read_figures


def _source(text: str, span: str) -> str | None:
    claim = next(c for c in read_figures(text) if c.span == span)
    return claim.source.title if claim.source is not None else None


@pytest.mark.parametrize(("text", "span", "source"), [
    # a hard wrap between the lead-in and the name (markdown wrapped at a fixed width)
    ("Dealers fill 91% of parts requests first time, according to\nPartsLink Exchange's 2026 Dealer Parts Survey.",
     "91%", "PartsLink Exchange's 2026 Dealer Parts Survey"),
    ("Wards discharge patients 1.4 days sooner, according\nto the Nuffield Trust's 2025 analysis.", "1.4 days",
     "Nuffield Trust"),
    ("Growers lose 8% of the crop to frost, according to the\nTeagasc 2024 Horticulture Survey.", "8%",
     "Teagasc 2024 Horticulture Survey"),
    ("Parcels arrive 12% sooner, according to a 2025 study by\nTransport Research Laboratory.", "12%",
     "Transport Research Laboratory"),
])
def test_a_source_is_read_across_a_wrap(text: str, span: str, source: str) -> None:
    got = _source(text, span)
    assert got is not None and got.startswith(source.split("'")[0].split(" ")[0]), got
    assert source in got or got in source


@pytest.mark.parametrize(("text", "span"), [
    # a blank line ends the paragraph: what follows is no name of this figure's source
    ("Dealers fill 91% of parts requests first time, according to\n\nPartsLink Exchange.", "91%"),
    # trials named by when they run, or a free trial, credit no one
    ("Start one of our free trials from Monday: 30% of teams convert.", "30%"),
    ("Customers on free trials convert at 30%.", "30%"),
    ("Our trials found that 40% of drivers brake later.", "40%"),
])
def test_no_source_across_a_paragraph_or_from_a_free_trial(text: str, span: str) -> None:
    assert _source(text, span) is None


@pytest.mark.parametrize(("text", "span"), [
    # the reviewer's sentences: a date, a week, a segment or the company after "trials by"
    ("Teams that start free trials by Q3 close their books 30% faster with Pipewise.", "30%"),
    ("Our pilot trials by Week 6 showed 30% less scrap on the line.", "30%"),
    ("Conversion of trials by SMB customers rose 18% this year.", "18%"),
    ("Teams cut setup time 30% during trials by Appointment.", "30%"),
])
def test_trials_by_a_capitalised_word_name_no_source(text: str, span: str) -> None:
    assert _source(text, span) is None
