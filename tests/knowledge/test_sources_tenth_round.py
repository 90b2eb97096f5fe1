"""Sources named in prose, tenth round: a citation whose lead-in is hard-wrapped before the name
("according to\nPartsLink Exchange's survey"), and trials credited to who ran them ("independent
trials by Nofima")."""

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
    # trials credited to who ran them
    ("Independent trials by Nofima (2026) put the average error at 2.5 per cent of pen biomass.", "2.5 per cent",
     "Nofima"),
    ("Field trials by Agroscope found yields rose 8%.", "8%", "Agroscope"),
    ("Trials run by the Met Office showed 12% less spray drift.", "12%", "Met Office"),
])
def test_a_source_is_read_across_a_wrap_and_from_trials(text: str, span: str, source: str) -> None:
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
