"""Currencies as people write them outside the US, read from one table (the table of the reverted commit
7746a29: ISO 4217 codes and the local symbols CLDR lists), in five industries no corpus is about (beekeeping,
boat building, bakeries, piano tuning, florists); written with the eighteenth round's rule
("Currencies as they are written" in bench/ACCURACY.md).

Each new form must be read as the right ISO code and amount, with the scales people write ("m",
"million", "bn"); an "R" that is not the rand must not be read as money; "$" alone stays US dollars;
and a draft in NZ$ is compared with a metric registered in NZD.

The reading was measured and not shipped (its rule failed on brinkwater and furrowline: see bench/ACCURACY.md,
"Currencies as they are written, eighteenth round"): the cases the code without it gets wrong are strict
expected failures, so that a reading that mends one must say so here.
"""

from __future__ import annotations

import pytest

from knowledge import units
from knowledge.claims.extract import read_figures

_NOT_SHIPPED = pytest.mark.xfail(strict=True, reason="the currency reading was measured and not shipped "
                                 "(bench/ACCURACY.md, 'Currencies as they are written, eighteenth round')")
# what the code without the reading gets wrong: a sign read as "$" or not at all, a code it does not know
_UNREAD_CODES = {"KES", "UGX", "TZS", "JMD", "NZD", "TTD", "BZD", "XCD", "GHS", "MXN", "SGD", "HKD"}
_UNREAD_UNITS = {"KSh", "J$M", "JMD", "GH₵", "TTD", "Mex$ million"}


def _off(cases: list[tuple[object, ...]], wrong: object) -> list[object]:
    """``cases`` as parameters, those ``wrong`` says the code gets wrong marked as strict expected failures."""
    return [pytest.param(*c, marks=_NOT_SHIPPED) if wrong(c) else pytest.param(*c) for c in cases]  # type: ignore[operator]

# (industry, sentence, ISO code, amount in whole units)
READ: list[tuple[str, str, str, float]] = [
    ("beekeeping", "Our Nakuru apiaries sold KSh 12.4 million of honey last season.", "KES", 12.4e6),
    ("beekeeping", "The cooperative's hive loans came to Ksh 850,000.", "KES", 850_000),
    ("beekeeping", "Members saved KShs 3.2m on wax foundation.", "KES", 3.2e6),
    ("beekeeping", "Honey exports from Mbarara reached USh 4bn.", "UGX", 4e9),
    ("beekeeping", "A Dodoma beekeeper now earns TSh 900,000 a season.", "TZS", 900_000),
    ("boat building", "The Kingston yard launched a J$3 million fishing hull.", "JMD", 3e6),
    ("boat building", "Auckland builders quote NZ$38,000 for a 6 m dinghy.", "NZD", 38_000),
    ("boat building", "A Chaguaramas refit runs to TT$2.5m.", "TTD", 2.5e6),
    ("boat building", "Belize City yards spent BZ$1.2 million on moulds.", "BZD", 1.2e6),
    ("boat building", "The St Lucia marina raised EC$4 million.", "XCD", 4e6),
    ("bakeries", "Our Accra bakeries turned over GH₵ 2.6 million last year.", "GHS", 2.6e6),
    ("bakeries", "A Lagos bakery spends ₦1.8bn on flour each year.", "NGN", 1.8e9),
    ("bakeries", "The Monterrey plant cost MX$45 million.", "MXN", 45e6),
    ("bakeries", "Ovens for the Puebla site came to Mex$ 3.1m.", "MXN", 3.1e6),
    ("piano tuning", "A concert tuning in Mumbai costs Rs 4,500.", "INR", 4500),
    ("piano tuning", "The Singapore conservatory pays S$1.2m a year for upkeep.", "SGD", 1.2e6),
    ("piano tuning", "Hong Kong studios spend HK$2.4 million on tuning.", "HKD", 2.4e6),
    ("piano tuning", "A São Paulo school paid R$350,000 for new actions.", "BRL", 350_000),
    ("florists", "The Cape Town market sold R 1.2 million of proteas.", "ZAR", 1.2e6),
    ("florists", "A bridal bouquet in Durban costs R450.", "ZAR", 450),
    ("florists", "Toronto florists spent C$1.5m on cold rooms.", "CAD", 1.5e6),
    ("florists", "A Manila flower stall takes ₱85,000 a month.", "PHP", 85_000),
    ("florists", "Growers in Kenya were paid 12.4 million KES for roses.", "KES", 12.4e6),
]

# sentences with an "R" that is not the rand, or a "$" that stays US dollars: (sentence, what is read)
NOT_RAND: list[str] = [
    "Every hive on the R2 grade passed inspection.",
    "Boatyards put 12% of revenue into R&D.",
    "The florist's cold room needs an R-value of 30.",
    "The bakery's R 3 oven line is the oldest.",
]


def _money(sentence: str) -> list[tuple[str, float]]:
    return [(c.unit, float(c.value)) for c in read_figures(sentence)  # type: ignore[arg-type]
            if c.kind == "currency"]


@pytest.mark.parametrize(("industry", "sentence", "code", "amount"),
                         _off(READ, lambda c: c[2] in _UNREAD_CODES and " KES " not in c[1] or " Rs " in c[1]))  # type: ignore[arg-type]
def test_a_written_currency_is_read_as_its_code(industry: str, sentence: str, code: str, amount: float) -> None:
    assert _money(sentence) == [(code, amount)], industry


@pytest.mark.parametrize("sentence", NOT_RAND)
def test_an_r_that_is_not_the_rand(sentence: str) -> None:
    assert _money(sentence) == []


@pytest.mark.parametrize(("sentence", "amount"), [
    ("A Vermont apiary sold $40,000 of honey.", 40_000),
    ("The Maine yard spent $2.5m on a new shed.", 2.5e6),
    ("Boston florists paid US$1.2 million for vans.", 1.2e6),
])
def test_a_dollar_sign_alone_is_us_dollars(sentence: str, amount: float) -> None:
    assert _money(sentence) == [("USD", amount)]


@pytest.mark.parametrize(("unit", "code"), _off([
    ("NZ$", "NZD"), ("NZD", "NZD"), ("KSh", "KES"), ("J$M", "JMD"), ("JMD", "JMD"), ("GH₵", "GHS"),
    ("TTD", "TTD"), ("Mex$ million", "MXN"), ("ZAR", "ZAR"), ("$", "USD"),
], lambda c: c[0] in _UNREAD_UNITS))
def test_a_metric_unit_reads_the_same_table(unit: str, code: str) -> None:
    assert units.normalize(1.0, unit)[1:] == (code, "currency")


@pytest.mark.parametrize(("value", "unit", "shown"), _off([
    (38, "NZD", "NZ$38"), (12.4e6, "KES", "Ksh 12.4M"), (3e6, "JMD", "J$3M"), (2.6e6, "GHS", "GH₵2.6M"),
    (1.2e6, "ZAR", "R1.2M"), (40, "USD", "$40"),
], lambda c: c[1] in ("KES", "JMD", "GHS")))
def test_an_amount_is_written_back_with_its_sign(value: float, unit: str, shown: str) -> None:
    assert units.describe(value, unit) == shown


BOATS = {"boats": {"product": "Keelwright", "metrics": [
    ("hull-survey-fee", "fixed fee for a hull survey", 1450, "NZD"),
    ("launch-lead-weeks", "average weeks from order to launch", 14, "weeks")]}}


@pytest.mark.model
@pytest.mark.parametrize(("line", "conflict"), [
    ("A Keelwright hull survey costs a fixed fee of NZ$1,450.", False),
    # read as "$1,950": the finding names "$1,950", not the NZ$ figure
    pytest.param("A Keelwright hull survey costs a fixed fee of NZ$1,950.", True, marks=_NOT_SHIPPED),
])
def test_a_draft_in_nz_dollars_against_a_metric_in_nzd(line: str, conflict: bool) -> None:
    from tests.knowledge.test_identity_r13 import COMPARING, findings

    got = findings("boats", "draft", line, kbs=BOATS)
    comparing = [f for f in got if f.rule in COMPARING]
    if not conflict:
        assert not comparing, [f.message for f in comparing]
    else:
        assert any(f.rule == "metric-conflict" and "hull-survey-fee" in f.message and "NZ$1,950" in f.message
                   for f in comparing), [(f.rule, f.message) for f in got]
