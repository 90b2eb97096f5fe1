"""Unsupported claims and rep misstatements in calls and drafts, eleventh round: readings that kept
a misstated registered measure from ever meeting its metric ("half a per cent", "since X asked:",
an unpunctuated list of countries). Sentences from several industries, each with cases where the
reading must not fire."""
from __future__ import annotations

import pytest

from knowledge.claims import extract_claims
from knowledge.figures.reading import place_of

# -- R1: "half a per cent" is 0.5 of the unit that follows ----------------------------------------


@pytest.mark.parametrize(("said", "value", "unit"), [
    ("LiftScale is accurate to within half a per cent of a certified weighbridge.", 0.5, "percent"),  # waste
    ("Dispensing errors fell to half a percent of scripts.", 0.5, "percent"),  # pharmacy
    ("Default rates rose by half a percentage point last year.", 0.5, "percentage points"),  # lending
    # must not fire: "half" alone, and "half a" before anything else, keep their readings
    ("We cut waste by half.", 50.0, "percent"),  # manufacturing
    ("Crews save half a day on every job.", 0.5, "days"),  # construction
    ("Half a million parcels went out in December.", 500_000.0, None),  # freight
])
def test_half_a_per_cent(said: str, value: float, unit: str | None) -> None:
    c = extract_claims(said)[0]
    assert c.value == pytest.approx(value)
    if unit is not None:
        assert c.unit == unit


# -- R4: "since X asked:" names no study -----------------------------------------------------------


@pytest.mark.parametrize(("said", "source"), [
    ("On accuracy, since Lorraine asked: LiftScale weighs every lift to within 2% of a weighbridge.", None),
    ("As Priya asked, most clinics go live in 6 weeks.", None),
    ("On pricing, as Dr Okafor asked. Plans start at 40 seats.", None),
    # must still fire: a study's verb with its object
    ("Harcourt asked 300 buyers and 40% said price came first.", "Harcourt"),
    ("Kinross surveyed 200 clinics; 62% still use paper.", "Kinross"),
    ("Pellham Research polled\n400 hauliers and 35% still bill from paper tickets.", "Pellham Research"),  # hard-wrapped
])
def test_a_question_asked_is_no_study(said: str, source: str | None) -> None:
    c = extract_claims(said)[-1]
    assert (c.source.title if c.source is not None else None) == source


# -- R5: place names run together are a list -------------------------------------------------------


@pytest.mark.parametrize(("masked", "scope"), [
    ("we've got over [NUM] breweries on the platform now across canada the uk india and here in south africa", None),
    ("[NUM] clinics across ireland the uk and australia use it", None),
    ("more than [NUM] fleets across india kenya and nigeria", None),
    # must still fire: one country
    ("more than [NUM] fleets in india", "india"),
    ("[NUM] insurers in South Africa run on it", "south africa"),
    ("[NUM] venues across the uk, mostly pubs", "uk"),
])
def test_an_unpunctuated_list_of_places(masked: str, scope: str | None) -> None:
    assert place_of(masked) == scope
