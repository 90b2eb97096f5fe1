"""Claim extraction: data-driven cases, positions, units, and a sweep over the shared corpora."""

from __future__ import annotations

import math
import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge import units
from knowledge.claims import extract_claims
from knowledge.model import Claim

CASES_FILE = Path(__file__).parents[1] / "data" / "claims" / "cases.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
CORPORA = (Path(__file__).parents[2] / "../shared/corpora").resolve()


def _same_value(got: Any, want: Any) -> bool:
    if want is None:
        return got is None
    if isinstance(want, list):
        return (
            isinstance(got, tuple)
            and len(got) == len(want)
            and all(_same_value(g, w) for g, w in zip(got, want, strict=True))
        )
    if isinstance(got, tuple):
        return False
    return math.isclose(float(got), float(want), rel_tol=1e-3, abs_tol=1e-3)


def _check(claim: Claim, want: dict[str, Any], where: str) -> None:
    for key, expected in want.items():
        if key in ("value", "raw_value"):
            got = getattr(claim, key)
            assert _same_value(got, expected), f"{where}: {key} {got!r} != {expected!r}"
        elif key == "source":
            got = claim.source.title if claim.source else None
            assert got == expected, f"{where}: source {got!r} != {expected!r}"
        elif key == "source_date":
            got_date = claim.source.date if claim.source else None
            want_date = expected if isinstance(expected, date) else date.fromisoformat(str(expected))
            assert got_date == want_date, f"{where}: source date {got_date} != {want_date}"
        else:
            got = getattr(claim, key)
            assert got == expected, f"{where}: {key} {got!r} != {expected!r}"


def _describe(claims: list[Claim]) -> str:
    return "\n".join(
        f"  {c.extra.get('span')!r} -> {c.kind} {c.value} {c.unit} q={c.qualifier} role={c.role}"
        for c in claims
    )


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    claims = extract_claims(case["text"])
    if case.get("none"):
        assert claims == [], f"expected no claim, got:\n{_describe(claims)}"
        return
    expected = case["expected"]
    if case.get("partial"):
        assert len(claims) >= len(expected), _describe(claims)
    else:
        assert len(claims) == len(expected), f"got:\n{_describe(claims)}"
    for i, (claim, want) in enumerate(zip(claims, expected, strict=False)):
        _check(claim, want, f"claim {i} ({claim.extra.get('span')!r})")


def test_enough_cases() -> None:
    assert len(CASES) >= 60
    assert sum(1 for c in CASES if c.get("none")) >= 15


# --- fields every claim carries --------------------------------------------------------------


def test_fields_of_a_claim() -> None:
    text = "Intro line.\n\nThe median customer goes live in **6 weeks**, according to a 2026 study by Gartner."
    [c] = extract_claims(text)
    assert (c.value, c.unit, c.kind) == (42.0, "days", "duration")
    assert (c.raw_value, c.raw_unit) == (6.0, "weeks")
    assert (c.line, c.column, c.end_line, c.end_column) == (3, 36, 3, 43)
    assert text.splitlines()[2][c.column - 1 : c.end_column - 1] == "6 weeks"
    assert c.sentence == (
        "The median customer goes live in 6 weeks, according to a 2026 study by Gartner."
    )
    assert c.masked == (
        "The median customer goes live in [NUM], according to a 2026 study by Gartner."
    )
    assert c.qualifier == "median"
    assert c.year == 2026
    assert c.source is not None and c.source.title == "Gartner study"
    assert c.source.date == date(2026, 12, 31)
    assert c.text == "goes live in 6 weeks"


def test_offsets_from_first_line_and_column() -> None:
    [c] = extract_claims("cut by 62%", first_line=10, first_column=20)
    assert (c.line, c.column, c.end_column) == (10, 27, 30)
    [c] = extract_claims("a\ncut by 62%", first_line=10, first_column=20)
    assert (c.line, c.column) == (11, 8)


def test_masked_keeps_other_figures_and_the_noun_of_a_count() -> None:
    a, b = extract_claims("Contoso processes 22,000 invoices a month and saves $480K a year.")
    assert a.masked == "Contoso processes [NUM] invoices a month and saves $480K a year."
    assert b.masked == "Contoso processes 22,000 invoices a month and saves [NUM]."


def test_sentence_strips_markdown() -> None:
    text = "- **Lower cost.** Teams spend [nearly two thirds](https://x.example/a) less, _really_."
    [c] = extract_claims(text)
    assert c.sentence == "Teams spend nearly two thirds less, really."


def test_qualifier_word_is_kept() -> None:
    [c] = extract_claims("It drops by nearly 30%.")
    assert c.qualifier == "about"
    assert c.extra["qualifier_word"] == "nearly"


def test_rate_of_a_currency_is_kept_aside() -> None:
    [c] = extract_claims("Contoso saves $480K a year.")
    assert c.unit == "USD" and c.extra["per"] == "year"


def test_empty_and_figureless_text() -> None:
    assert extract_claims("") == []
    assert extract_claims("No figures here, only words.") == []


# --- units -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (6, "weeks", (42.0, "days", "duration")),
        (2, "months", (60.88, "days", "duration")),
        (1, "year", (365.25, "days", "duration")),
        (48, "hours", (2.0, "days", "duration")),
        (1440, "minutes", (1.0, "days", "duration")),
        (78, "%", (78.0, "percent", "percent")),
        (78, "percent", (78.0, "percent", "percent")),
        (0.5, "fraction", (50.0, "percent", "percent")),
        (3, "x", (3.0, "x", "multiplier")),
        (3, "times", (3.0, "x", "multiplier")),
        (1.2, "$M", (1_200_000.0, "USD", "currency")),
        (840, "$K", (840_000.0, "USD", "currency")),
        (480000, "USD", (480000.0, "USD", "currency")),
        (2, "€ million", (2_000_000.0, "EUR", "currency")),
        (2.4, "PHP million", (2_400_000.0, "PHP", "currency")),  # a metric's unit may name the peso by code
        (1.2, "million dollars", (1_200_000.0, "USD", "currency")),
        (15, "cents", (0.15, "USD", "currency")),
        (1400, "customers", (1400.0, "customers", "count")),
        (1, "customer", (1.0, "customers", "count")),
        (1000, "builds/day", (1000.0, "builds/day", "count")),
        (1000, "builds per day", (1000.0, "builds/day", "count")),
        (22000, "invoices a month", (22000.0, "invoices/month", "count")),
        (12, "", (12.0, "", "number")),
        ((25, 35), "%", ((25.0, 35.0), "percent", "percent")),
        ([4, 6], "months", ((121.76, 182.64), "days", "duration")),
    ],
)
def test_normalize(value: Any, unit: str, expected: tuple[Any, str, str]) -> None:
    got = units.normalize(value, unit)
    assert got[1:] == expected[1:]
    assert _same_value(got[0], list(expected[0]) if isinstance(expected[0], tuple) else expected[0])


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (6, "weeks", "6 weeks"),
        (1, "weeks", "1 week"),
        (3.4, "USD", "$3.40"),
        (480000, "USD", "$480K"),
        (1_200_000, "USD", "$1.2M"),
        (15000, "USD", "$15,000"),
        (78, "percent", "78%"),
        (3, "x", "3x"),
        ((25, 35), "%", "25-35%"),
        (1400, "customers", "1,400 customers"),
        (1000, "builds/day", "1,000 builds/day"),
        (99.1, "%", "99.1%"),
    ],
)
def test_describe(value: Any, unit: str, text: str) -> None:
    assert units.describe(value, unit) == text


def test_kind_of() -> None:
    assert units.kind_of("weeks") == "duration"
    assert units.kind_of("USD") == "currency"
    assert units.kind_of("x") == "multiplier"
    assert units.kind_of("percent") == "percent"
    assert units.kind_of("invoices/month") == "count"
    assert units.kind_of("") == "number"


# --- the shared corpora ----------------------------------------------------------------------


def _corpus_files() -> list[Path]:
    if not CORPORA.is_dir():
        return []
    roots = [CORPORA / "northwind" / "kb", CORPORA / "northwind" / "drafts", CORPORA / "real"]
    return sorted(p for r in roots if r.is_dir() for p in r.rglob("*.md"))


@pytest.mark.skipif(not _corpus_files(), reason="../shared/corpora is not there")
@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: str(p.relative_to(CORPORA)))
def test_corpus_positions(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    for c in extract_claims(text):
        span = c.extra["span"]
        assert span, c
        rest = lines[c.line - 1][c.column - 1 :]
        assert rest.startswith(span[0]), f"{path.name}:{c.line}:{c.column} {rest[:20]!r} vs {span!r}"
        assert rest.startswith(span.split("\n")[0]), f"{path.name}:{c.line}: {span!r}"
        assert (c.end_line, c.end_column) >= (c.line, c.column)
        assert c.kind in units.KINDS
        assert c.sentence and "[NUM]" in c.masked
        assert c.value is not None


def test_corpus_recall_on_known_figures() -> None:
    """Figures that the northwind corpus states and that the audit depends on."""
    kb = CORPORA / "northwind" / "kb"
    if not kb.is_dir():
        pytest.skip("../shared/corpora is not there")

    def found(rel: str, line: int, value: Any, unit: str) -> bool:
        claims = extract_claims((kb / rel).read_text(encoding="utf-8"))
        return any(
            c.line == line and c.unit == unit and _same_value(c.value, value) for c in claims
        )

    assert found("messaging/value-prop-cfo.md", 22, 840000, "USD")
    assert found("enablement/discovery-call-guide.md", 14, 85, "percent")
    assert found("answers/implementation.md", 18, 56, "days")
    assert found("messaging/month-end-close.md", 29, 3, "days")
    assert found("website/faq.md", 20, 4.10, "USD")
    assert found("proof-points/touchless.md", 23, 78, "percent")
    assert found("proof-points/payback.md", 25, [121.76, 182.64], "days")


# --- robustness -----------------------------------------------------------------------------

_PIECES = [
    "6 weeks", "$1.2M", "25-35%", "from 14 weeks to 6", " nearly ", "a third", "**", "_", "[", "](",
    ")", "<br>", "\n", "\n\n", "- ", "# ", "| ", "2026-05-20", "Q3 2025", "v2.3", "twenty five",
    "percent", " x ", "×", "€", "£", "half", " of ", "1,400", "+", "/day", "(ZoomInfo, 2025)",
    "according to a 2019 survey by LeanData", "İ", "ß", "\t", ".", ",", ";", ":", "Maya Patel:",
    "00:01:23.000 --> 00:01:25.000", "\x00", "one", "and a half", "between ", " and ", " to ",
]


@pytest.mark.parametrize("seed", range(300))
def test_never_fails_and_spans_point_at_the_text(seed: int) -> None:
    """Random strings of figures, markup and noise: no exception, and every span is in place."""
    rnd = random.Random(seed)
    noise = "".join(rnd.choice("ab1 .$%-\n") for _ in range(rnd.randint(0, 6)))
    parts = [rnd.choice(_PIECES) if rnd.random() < 0.8 else noise for _ in range(rnd.randint(1, 25))]
    text = "".join(parts)
    first_column = rnd.randint(1, 50)
    lines = text.split("\n")
    for c in extract_claims(text, first_line=3, first_column=first_column):
        assert 3 <= c.line <= c.end_line <= 3 + len(lines) - 1
        line = lines[c.line - 3]
        col = c.column - (first_column - 1 if c.line == 3 else 0)
        assert line[col - 1 :].startswith(c.extra["span"].split("\n")[0]), (text, c)
        assert c.kind in units.KINDS
        assert isinstance(c.sentence, str) and isinstance(c.masked, str)


# --- size ---------------------------------------------------------------------------------------


def test_a_large_paragraph_is_read_in_linear_time() -> None:
    """100,000 words in one paragraph with no stop (a pasted log, an export with no blank lines):
    every look-up around a figure is bounded, so this takes about two seconds; the bound is loose
    enough for a busy machine, and a quadratic pass would take hours."""
    import time

    words = "the team said revenue grew and we shipped the change to all users in the region".split()
    rnd = random.Random(1)
    text = " ".join(
        rnd.choice(words) if rnd.random() > 0.05 else f"{rnd.randint(1, 999)}{rnd.choice(['%', ' weeks', 'x'])}"
        for _ in range(100_000)
    )
    t0 = time.process_time()
    claims = extract_claims(text)
    assert len(claims) > 4000
    assert time.process_time() - t0 < 60
    lines = "\n".join(f"Customers saw a 30% drop in costs over 6 weeks, item {i}" for i in range(5000))
    t0 = time.process_time()
    assert len(extract_claims(lines)) == 10000
    assert time.process_time() - t0 < 60


# --- claim-ness ---------------------------------------------------------------------------------

CLAIMNESS_CASES: list[dict[str, Any]] = yaml.safe_load(
    (CASES_FILE.parent / "claimness.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CLAIMNESS_CASES, ids=[c["name"] for c in CLAIMNESS_CASES])
def test_claimness_case(case: dict[str, Any]) -> None:
    text, figure = case["text"], case["figure"]
    every = extract_claims(text)
    at = text.find(figure)
    found = [c for c in every if at <= c.column - 1 < at + len(figure)]
    if not found:  # the extractor's own rules leave it out (meetings being arranged, "two years ago")
        assert not case["claim"], f"{figure!r} is not read as a figure at all"
        return
    [c] = found
    assert c.claimness is not None and c.why, c
    assert c.is_claim == case["claim"], f"{figure!r}: {c.why}"


def test_claimness_explains_itself_and_claims_only_leaves_the_others_out() -> None:
    text = "Acme cut costs by 40%. The pilot ran for 30 days."
    every = extract_claims(text)
    assert [c.span for c in every] == ["40%", "30 days"]
    assert all(c.claimness is not None and c.why.startswith(("a claim", "not a claim")) for c in every)
    assert [c.span for c in extract_claims(text, claims_only=True)] == ["40%"]
    assert every[0].why.startswith("a claim") and every[1].why.startswith("not a claim (0.")


def test_claimness_without_weights_keeps_every_figure(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CANON_CLAIMNESS_WEIGHTS", str(tmp_path / "none.json"))
    assert [c.span for c in extract_claims("The pilot ran for 30 days.", claims_only=True)] == ["30 days"]


def test_a_source_named_before_carries_to_the_figures_that_follow() -> None:
    text = ("2020 Global Developer Report: DevSecOps\nNearly 83% of developers release faster.\n\n"
            "Hanover Research interviewed 40 buyers. The study found 62% want faster onboarding.")
    by_span = {c.span: c for c in extract_claims(text)}
    src = by_span["83%"].source
    assert src is not None and src.title == "2020 Global Developer Report" and src.date == date(2020, 12, 31)
    src = by_span["62%"].source
    assert src is not None and src.title == "Hanover Research"
    [c] = extract_claims("- Only 25% have achieved test automation", lead="As per the GitLab DevSecOps survey 2021 -")
    assert c.source is not None and c.source.date == date(2021, 12, 31)
    [c] = extract_claims("Only 25% have achieved test automation.")
    assert c.source is None


def test_a_claim_survives_the_index() -> None:
    from knowledge.serialize import claim_from_dict, claim_to_dict

    for c in extract_claims("The pilot ran for 30 days. Acme cut costs by 40%, per the 2025 Hackett Group study."):
        assert claim_from_dict(claim_to_dict(c)) == c


def test_word_lists_are_data() -> None:
    from knowledge.text import LEXICON, lexicon

    files = sorted(LEXICON.glob("*.yaml"))
    assert len(files) >= 6
    for f in files:
        words = yaml.safe_load(f.read_text(encoding="utf-8"))
        assert isinstance(words, list) and all(isinstance(w, str) and w for w in words), f.name
        assert lexicon(f.stem) == frozenset(words)
    assert "step" in lexicon("labels") and "no" in lexicon("stop_words")


def test_the_claimness_logit_does_not_depend_on_the_order_of_its_features():
    from knowledge.claims.claimness import Model

    # weights whose float sum differs in its last digit with the order of the terms
    weights = {"a": 0.1, "b": 0.2, "c": 0.3, "d": -0.6, "e": 1e-17}
    model = Model(weights=weights, threshold=0.0, meta={})
    feats = {k: 1.0 for k in weights}
    orders = []
    for seed in range(50):
        items = list(feats.items())
        random.Random(seed).shuffle(items)
        orders.append(dict(items))
    assert len({model.logit(f) for f in orders}) == 1


# the framing features: what a draft or a call states that is no outcome, read from the sentence's shape
FRAMING_CASES = [
    ("A 12-vet group pays 12 × €24 = €288 a month.", "€288 a month", "arithmetic"),
    ("At 40 hours and £18 an hour, that is £720 a month.", "£720 a month", "arithmetic"),
    ("Feed costs £0.32 per kg on the spot market.", "£0.32 per kg", "price_per_unit"),
    ("Your invoices - 15% off until Friday", "15%", "off_after"),
    ("You should keep at least 10% of the budget back.", "10%", "advice"),
    ("Meters usually record demand in 15 or 30 minutes.", "15 or 30 minutes", "habit"),
    ("Enrolment opens in about six weeks.", "six weeks", "schedule"),
    ("Staggering the deliveries by 20 minutes keeps the bay clear.", "20 minutes", "gerund_opens"),
    ("A $5-a-month add-on for every site.", "$5", "hyphenated"),
]


@pytest.mark.parametrize(("text", "figure", "feature"), FRAMING_CASES, ids=[c[2] for c in FRAMING_CASES])
def test_framing_features_fire_on_their_shapes_and_only_when_asked(text: str, figure: str, feature: str) -> None:
    from knowledge.claims import claimness, read_figures

    [c] = [c for c in read_figures(text) if c.span == figure]
    assert feature in claimness.features(c, framing=True)
    assert feature not in claimness.features(c)


def test_a_number_heading_a_compound_is_no_side_of_a_change() -> None:
    # "from 2-classroom schools to 900-bed hospitals" sizes other things; it does not count buildings
    text = "Gridwell already runs more than 4,000 buildings, from 2-classroom village schools to 900-bed hospitals."
    assert [(c.span, c.pair) for c in extract_claims(text)] == [("4,000 buildings", None)]
    assert [c.span for c in extract_claims("Headcount went from 14 to 40 people.")] == ["14", "40 people"]


def test_framing_features_stay_quiet_on_plain_outcomes() -> None:
    from knowledge.claims import claimness, read_figures

    framing = {"arithmetic", "price_per_unit", "off_after", "advice", "habit", "schedule", "gerund_opens", "hyphenated"}
    for text in ("Acme cut invoice exceptions by 41% in its first year.", "Depots now run 14% fewer miles.",
                 "More than 2,000 fleets plan their routes with us."):
        for c in read_figures(text):
            assert not framing & set(claimness.features(c, framing=True)), (text, c.span)


def test_weights_say_whether_they_read_the_framing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from knowledge.claims import claimness, read_figures

    [c] = read_figures("Your invoices - 15% off until Friday")
    for framing, expected in ((False, 0.5), (True, claimness.sigmoid(-3.0))):
        path = tmp_path / f"w{framing}.json"
        path.write_text(json.dumps({"threshold": 0.5, "weights": {"off_after": -3.0},
                                    "meta": {"framing": True} if framing else {}}), encoding="utf-8")
        monkeypatch.setenv("CANON_CLAIMNESS_WEIGHTS", str(path))
        assert claimness.score(c)[0] == pytest.approx(expected)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("EkoCrest avoids ₦1.8 billion a year in fraudulent payments.", 1.8e9, "NGN"),
    ("The review found NGN 1.4bn avoided.", 1.4e9, "NGN"),
    ("It cost them 2 million naira.", 2e6, "NGN"),
    ("The trust saved 40,000 SEK last term.", 40000.0, "SEK"),
    ("Support costs ₩50,000 a month.", 50000.0, "KRW"),
    ("Kwezi saved R2.4 million on rework.", 2.4e6, "ZAR"),  # the rand as before
    ("Plans start at R$50 a month.", 50.0, "BRL"),  # the real, not a dollar
    ("Obra saved R$ 1.2 million.", 1.2e6, "BRL"),
    ("Lakbay Freight saved ₱4.2 million on diesel.", 4.2e6, "PHP"),  # the Philippine peso by its symbol
])
def test_amounts_in_other_currencies_are_money(text: str, value: float, unit: str) -> None:
    money = [c for c in extract_claims(text) if c.kind == "currency"]
    assert money and money[0].value == pytest.approx(value) and money[0].unit == unit


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Crews now carry 40 AED units.", None, None),
    ("The base flew 14 SAR missions last winter.", None, None),
    ("Pilots flew 12 ILS approaches in fog.", None, None),
    ("Version PLN 2 cut setup by 30%.", None, None),
    # the code is a programming language's name far more often than the peso's: only ₱ is read
    ("The portal runs on PHP 8.2 and MySQL.", None, None),
    # the amount written as one is money
    ("Fees fell to AED 1.2 million.", 1.2e6, "AED"),
    ("It costs PLN 2,400 a month.", 2400.0, "PLN"),
    ("Claims worth SAR 3.5m were settled.", 3.5e6, "SAR"),
    ("Licences are ILS 120.50 a seat.", 120.5, "ILS"),
])
def test_currency_codes_that_are_also_acronyms(text: str, value: float | None, unit: str | None) -> None:
    money = [c for c in extract_claims(text) if c.kind == "currency"]
    if value is None:
        assert not money, money
    else:
        assert money and money[0].value == pytest.approx(value) and money[0].unit == unit
