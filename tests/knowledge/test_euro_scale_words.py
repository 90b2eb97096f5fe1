"""European scale abbreviations after a decimal comma (tenth round), and the review's cases: a dot
and three digits before "Mio."/"mill." are thousands, not decimals, so no scale is taken from the
abbreviation (the figure reads as it did before the abbreviations were read); a hard wrap before the
abbreviation does not undo it."""

from __future__ import annotations

import pytest

from knowledge.claims import extract_claims


def _values(text: str) -> list[float]:
    return [float(c.value) for c in extract_claims(text)]  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "value"), [
    ("Hardanger Laks puts the saving at NOK 16,8\nmill. a year.", 16_800_000),  # wrapped Markdown
    ("Die Kunden sparen EUR 2,5\nMio. im Jahr, sagt der Bericht.", 2_500_000),
])
def test_a_wrap_before_the_abbreviation_keeps_the_scale(text: str, value: float) -> None:
    assert value in _values(text)


@pytest.mark.parametrize("text", [
    "The group booked EUR 2.300 Mio. in orders.",  # 2,300 million: dot thousands
    "Vestland Kraft invested NOK 1.250 mill. in the new plant.",
    "EUR 12.345 Mio. of orders came through the portal.",
])
def test_dot_thousands_take_no_scale_from_the_abbreviation(text: str) -> None:
    values = _values(text)
    assert values and all(v < 1_000_000 for v in values), values
