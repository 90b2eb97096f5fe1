"""Marked dollars kept apart (bench/ACCURACY.md, "Marked dollars kept apart, nineteenth round"), in five
industries no corpus is about: hearing-aid clinics, wedding florists in Auckland, Jamaican craft rum,
Canadian ice-road trucking and Hong Kong tailoring. Written, with the round's rule, before anything was
measured.

A dollar written with its country's mark (NZ$, US$, C$, J$, HK$, or a code: NZD, USD, CAD, HKD) is one
currency: it never agrees with a dollar marked for another country, even at the same number; two figures
with one mark still agree. A bare "$" or "dollars" says which dollar only by context, so it stays free
to meet any dollar, a metric registered in NZD included.

The prose signs NZ$, J$ and HK$ are read by the table reading of the eighteenth round (step 2 of this
round); until it is in, "NZ$38" is read as a bare "$38", so those cases are strict expected failures.
"""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.claims.extract import read_figures
from knowledge.figures.figure import Figure, agree
from knowledge.figures.reading import figure_of_claim

_TABLE = pytest.mark.xfail(strict=True, reason="NZ$, J$ and HK$ in prose are read as a bare '$' without the "
                           "table reading (bench/ACCURACY.md, 'Currencies as they are written, eighteenth round')")
_PROSE_SIGNS = ("NZ$", "J$", "HK$")


def _off(cases: list[tuple[Any, ...]], apart: Any = lambda c: True) -> list[Any]:
    """``cases`` as parameters; those that ``apart`` says keep two dollars apart with a sign only the
    table reads are strict expected failures (read as a bare "$", the sign meets any dollar)."""
    return [pytest.param(*c, marks=_TABLE) if apart(c) and any(s in str(c) for s in _PROSE_SIGNS)
            else pytest.param(*c) for c in cases]


def _figure(sentence: str) -> Figure:
    """The one amount of money in ``sentence``, as a draft's figure."""
    money = [c for c in read_figures(sentence) if c.kind == "currency"]
    assert len(money) == 1, [(c.unit, c.value, c.span) for c in read_figures(sentence)]
    return figure_of_claim(money[0], where="draft", path="drafts/d.md")


# (industry, one sentence, another): one number in two marked dollars, which must not agree
KEPT_APART: list[tuple[str, str, str]] = [
    ("hearing-aid clinics", "A pair of hearing aids at our Christchurch clinic costs NZ$4,200.",
     "A pair at our Denver clinic costs US$4,200."),
    ("hearing-aid clinics", "The Dunedin fitting fee is NZD 350.", "The Tucson fitting fee is USD 350."),
    ("wedding florists", "An Auckland bridal bouquet costs NZ$380.", "A bridal bouquet in Seattle costs US$380."),
    ("wedding florists", "A Ponsonby arch of peonies is 1,200 NZD.", "The same arch in Portland is 1,200 USD."),
    ("craft rum", "A bottle of the overproof sells for J$4,500 in Kingston.",
     "In Miami the same bottle sells for US$4,500."),
    ("ice-road trucking", "An ice-road haul to Yellowknife runs C$18,000 a load.",
     "A haul to Fairbanks runs US$18,000 a load."),
    ("ice-road trucking", "Winter-road permits cost CAD 2,400.", "Alaska haul permits cost US$2,400."),
    ("tailoring", "A bespoke suit in Tsim Sha Tsui costs HK$9,800.", "A bespoke suit in New York costs US$9,800."),
    ("tailoring", "Alterations in Central run HKD 600.", "Alterations in Boston run C$600."),
]

# (industry, one sentence, another): one number in one dollar, a mark on both or a bare dollar on one
MEETING: list[tuple[str, str, str]] = [
    ("hearing-aid clinics", "Our Christchurch clinic charges NZ$4,200 a pair.", "A pair costs NZ$4,200 in Nelson."),
    ("hearing-aid clinics", "A pair costs $4,200 at the clinic.", "The Nelson clinic charges NZ$4,200 a pair."),
    ("wedding florists", "The Auckland bouquet is $380.", "A bouquet costs 380 NZD."),
    ("craft rum", "A case of the spiced rum is J$27,000.", "The spiced rum sells at J$27,000 a case."),
    ("craft rum", "A case of the spiced rum is 27,000 dollars.", "The spiced rum sells at US$27,000 a case."),
    ("ice-road trucking", "A load to Yellowknife costs C$18,000.", "A Yellowknife load costs 18,000 CAD."),
    ("ice-road trucking", "A load to Yellowknife costs $18,000.", "A Yellowknife load costs C$18,000."),
    ("tailoring", "A bespoke suit costs HK$9,800.", "A suit made to measure is $9,800."),
]


@pytest.mark.parametrize(("industry", "one", "other"), _off(KEPT_APART))  # type: ignore[arg-type]
def test_two_marked_dollars_do_not_agree(industry: str, one: str, other: str) -> None:
    a, b = _figure(one), _figure(other)
    assert not agree(a, b) and not agree(b, a), industry


@pytest.mark.parametrize(("industry", "one", "other"), MEETING)  # type: ignore[arg-type]
def test_one_dollar_or_a_bare_dollar_agrees(industry: str, one: str, other: str) -> None:
    a, b = _figure(one), _figure(other)
    assert agree(a, b) and agree(b, a), industry


FLORISTS = {"florists": {"product": "Petalhouse", "metrics": [
    ("bridal-bouquet-price", "price of a Petalhouse bridal bouquet in Auckland", 380, "NZD"),
    ("delivery-days", "average days from order to delivery", 3, "days")]}}
CLINICS = {"clinics": {"product": "Earwise", "metrics": [
    ("fitting-fee", "Earwise fitting fee for a pair of hearing aids", 4200, "USD"),
    ("fitting-weeks", "average weeks from test to fitting", 2, "weeks")]}}


@pytest.mark.model
@pytest.mark.parametrize(("kbs", "where", "line", "conflict"), _off([
    # a bare "$" against a metric in NZD: still one measure, agreeing or not
    (FLORISTS, "draft", "A Petalhouse bridal bouquet in Auckland costs $380.", False),
    (FLORISTS, "draft", "A Petalhouse bridal bouquet in Auckland costs $450.", True),
    (FLORISTS, "draft", "A Petalhouse bridal bouquet in Auckland costs NZ$450.", True),
    # a US$ figure against a metric in NZD, a New Zealand or Canadian one against a metric in USD: two currencies
    (FLORISTS, "draft", "A Petalhouse bridal bouquet in Auckland costs US$450.", False),
    (CLINICS, "call", "The Earwise fitting fee for a pair of hearing aids is NZ$5,400 in Christchurch.", False),
    (CLINICS, "call", "The Earwise fitting fee for a pair of hearing aids is C$5,400 in Toronto.", False),
    (CLINICS, "call", "The Earwise fitting fee for a pair of hearing aids is $5,400.", True),
], lambda c: not c[3]))
def test_a_marked_dollar_against_a_metric(kbs: dict[str, Any], where: str, line: str, conflict: bool) -> None:
    from tests.knowledge.test_identity_r13 import COMPARING, findings

    industry = next(iter(kbs))
    comparing = [f for f in findings(industry, where, line, kbs=kbs) if f.rule in COMPARING]
    if conflict:
        assert comparing, line
    else:
        assert not comparing, [f.message for f in comparing]
