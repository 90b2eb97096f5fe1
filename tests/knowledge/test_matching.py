"""Measure identity and agreement (``knowledge.figures``): figures read from real extracted
claims, compared with each other and with metrics; the neighbour search; the thresholds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
import yaml

from knowledge import figures as M
from knowledge.claims import extract_claims
from knowledge.figures import decide, neighbours, reading
from knowledge.model import Entry, Metric

CALIBRATION = Path(__file__).resolve().parents[1] / "data" / "matching" / "calibration.yaml"


def fig(text: str, i: int = 0, **kw: object) -> M.Figure:
    """The ``i``-th figure of ``text``."""
    claims = extract_claims(text)
    assert len(claims) > i, claims
    return M.figure_of_claim(claims[i], where="draft", path="d.md", **kw)  # type: ignore[arg-type]


def metric(value: float | tuple[float, float], unit: str, name: str = "a measure", qualifier: str | None = None,
           entry: Entry | None = None, **kw: object) -> M.Figure:
    e = entry or Entry(id="proof/x", path="proof/x.md", type="proof_point", title="X")
    f = M.figure_of_metric(Metric(id="m", name=name, value=value, unit=unit, entry_id=e.id, qualifier=qualifier,
                                  line=9, **kw), e)  # type: ignore[arg-type]
    assert f is not None
    return f


# -- agreement -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("The median customer is live in six weeks.", 42, "days", None),
    ("Customers cut cloud spend by about 30%.", 31, "percent", None),
    ("Customers cut cloud spend by nearly a third.", 31, "percent", None),
    ("Customers cut cloud spend by nearly a third.", 33, "percent", None),
    ("Customers typically cut cloud spend by 25-35%.", 31, "percent", None),
    ("Approval takes about 48 hours.", 2, "days", None),
    ("It took a week and a half.", 11, "days", None),
    ("Most teams are live in about a month and a half.", 6, "weeks", None),
    ("Payback comes in about five months.", (4, 6), "months", None),
    ("More than 1,400 finance teams use it.", 1400, "customers", "more than"),
    ("It came to nearly half a million dollars a year.", 480000, "USD", None),
    ("Four out of five invoices go straight through.", 78, "percent", None),
    ("Cost per invoice falls to $3.40.", 3.40, "USD", None),
])
def test_statements_that_agree(text: str, value: float, unit: str, qualifier: str | None) -> None:
    assert M.agree(fig(text), metric(value, unit, name="annual savings" if "a year" in text else "a measure",
                                     qualifier=qualifier))


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("The median customer is live in 8 weeks.", 6, "weeks", None),
    ("Customers cut cloud spend by nearly a third.", 25, "percent", None),
    ("Customers cut cloud spend by 65%.", 62, "percent", None),  # "do not round up"
    ("Approvals are 5x faster.", 4, "x", None),
    ("Over 85% of invoices go straight through.", 78, "percent", None),
    ("Payback comes in under 3 months.", (4, 6), "months", None),
    ("Contoso saves $840K a year.", 480000, "USD", None),
    ("Cost per invoice falls to $4.10.", 3.40, "USD", None),
    ("Delivery went from 3-6 weeks to 30 minutes.", (4, 6), "weeks", None),  # two ranges: both ends
])
def test_statements_that_disagree(text: str, value: float, unit: str, qualifier: str | None) -> None:
    assert not M.agree(fig(text), metric(value, unit, qualifier=qualifier))


def test_two_bounds_in_one_direction_agree_only_when_close() -> None:
    assert M.agree(fig("More than 1,400 teams use it."), metric(1400, "customers", qualifier="more than"))
    assert not M.agree(fig("More than $40 billion in payments."), fig("More than $30 million stopped."))


def test_one_amount_in_two_currencies_disagrees_but_dollars_do_not() -> None:
    assert not M.agree(fig("Cedar recovered €2.4m."), metric(2_400_000, "USD"))
    assert not M.agree(fig("Cedar recovered two point four million pounds."), metric(2_400_000, "USD"))
    assert M.agree(fig("Cedar recovered $2.4M."), metric(2_400_000, "CAD"))


def test_who_a_figure_is_credited_to() -> None:
    from knowledge.figures.figure import cited_by, credited
    from knowledge.model import Source

    kinross = fig("Only 30% remember (Kinross Health Economics, 2021).")
    assert cited_by(kinross) and cited_by(kinross) == cited_by(fig("It is 40% (Kinross, 2025)."))
    assert cited_by(fig("It is 40% (The 2025 Pellham Research survey, 2025).")) == \
        cited_by(fig("It is 40% (Pellham, 2024)."))
    assert cited_by(fig("Only 30% remember.")) == 0
    e = Entry(id="proof/x", path="proof/x.md", type="proof_point", title="X",
              sources=[Source(title="Molarline 2026 Practice Benchmark")])
    prose = fig("Practices book 72% of recalls.", entry=e)
    assert credited(prose) == {cited_by(metric(72, "percent", source="Molarline 2026 Practice Benchmark", entry=e))}
    assert cited_by(kinross) not in credited(prose)


def test_interval_reads_written_precision() -> None:
    lo, hi, pad = M.interval(fig("Each invoice costs $3.40."))
    assert (lo, hi) == (3.4, 3.4) and pad == pytest.approx(0.034)  # 1%: more than half a cent
    _, _, pad = M.interval(fig("The median is 6 weeks."))
    assert pad == pytest.approx(3.5)  # half a week, in days
    _, _, pad = M.interval(fig("About 60% of them."))
    assert pad == pytest.approx(5.0)  # a share rounded to tens: half a step, not a tenth of 60
    _, _, pad = M.interval(fig("About 2,000 customers use it."))
    assert pad == pytest.approx(200.0)  # not a share: a tenth either way


# -- reading figures -----------------------------------------------------------------------------


def test_roles() -> None:
    assert fig("Onboarding went from 14 weeks to 6.", 0).role == "before"
    assert fig("Onboarding went from 14 weeks to 6.", 1).role == "after"
    assert fig("Its AP team used to need nine working days to close.").role == "before"
    assert fig("Before Northwind, the same customers took a median of 11 days.").role == "before"
    assert fig("It costs $3.40 an invoice instead of $8.95.", 1).role == "before"
    assert fig("Invoices approved in 2 days, not 11.", 1).role == "before"
    assert fig("We now see 1000+ builds a day.").role == "after"
    # shares and factors are changes already, whatever "before" says
    assert fig("Teams spend two thirds less than before Northwind.").role is None
    assert fig("Sign before the end of the quarter and we waive the $15,000 fee.").role is None


def test_a_quarter_of_a_year_or_of_a_share() -> None:
    assert fig("It pays for itself within a quarter.").kind == "duration"
    assert fig("It paid for itself in just over a quarter.").kind == "duration"
    # "over" bounds the share here: write-offs fall by 25% or a little more
    assert fig("Write-offs come down by a bit over a quarter in the first year.").kind == "percent"
    assert fig("Churn fell by just under a quarter.").kind == "percent"


def test_the_spacing_of_two_events_measures_nothing() -> None:
    claims = extract_claims("The clinics went live in two waves, a fortnight apart, within 9 weeks of signing.")
    assert [c.text for i, c in enumerate(claims) if i in reading.measures_nothing(claims)] == ["a fortnight"]


def test_best_case_year_and_rate() -> None:
    f = fig("Our fastest customer went live in 3 days.")
    assert f.best and f.statistic is None
    assert fig("In 2023 the average reduction was 24%.").year == 2023
    f = fig("Contoso saves $480K a year.")
    assert f.per == "year" and f.value == pytest.approx(480000 / 365.25)
    # rates are compared per day: "1 build every two weeks" and "2 builds/day" are one measure
    assert fig("Improved from 1 build every two weeks to over 1000 a day.", 0).value == pytest.approx(1 / 14)


def test_customers() -> None:
    entries = [Entry(id="case-studies/contoso", path="case-studies/contoso.md", type="case_study",
                     title="Contoso Pharmaceuticals", body="Contoso saves money."),
               Entry(id="faq", path="faq.md", body="[Goldman Sachs](/customers/goldman-sachs/) builds a lot. "
                     "Remote work is common; remote teams too.")]
    ents = M.Entities.of(entries, exclude=["Northwind"])
    assert {"Contoso", "Contoso Pharmaceuticals", "Goldman Sachs"} <= set(ents.names)
    assert "Remote" not in ents.names
    assert fig("Contoso saves $480K a year.", entities=ents).entity == "Contoso Pharmaceuticals"
    # named before the sentence, in its paragraph
    f = fig("They save nearly half a million dollars a year.", entities=ents, preceding="Contoso is on SAP.")
    assert f.entity == "Contoso Pharmaceuticals"
    # a population figure is about no one customer
    f = fig("On average, 78% of invoices go straight through.", entities=ents, preceding="Contoso is on SAP.")
    assert f.entity is None
    # a case study's own figures are its customer's
    entry = entries[0]
    claim = extract_claims("The team absorbed 20% more volume.")[0]
    assert M.figure_of_claim(claim, where="kb", path=entry.path, entry=entry, entities=ents).entity == \
        "Contoso Pharmaceuticals"


@pytest.mark.parametrize(("title", "said", "customer"), [
    ("Te Awa Orchards, Hawke's Bay", "Rangi Tipene from Te Awa Orchards cut water use by 13%.", "Te Awa Orchards"),
    ("Kwezi Build, Johannesburg", "Kwezi Build closed its books 4 days sooner.", "Kwezi Build"),
    ("Harbourline Mutual: home claims from 19 days to 11", "Harbourline Mutual settles in 7 days.",
     "Harbourline Mutual"),
    ("Corrib Vets", "Corrib Vets saw 30% fewer no-shows.", "Corrib Vets"),
    # called by the start of its name
    ("Te Awa Orchards, Hawke's Bay", "Te Awa, just down the road, cut their water by 31 percent.", "Te Awa Orchards"),
    ("Prairie Ridge Irrigation Co-operative", "Prairie Ridge cut its report from 60 hours to 6.",
     "Prairie Ridge Irrigation Co-operative"),
])
def test_a_case_study_title_names_its_customer_before_a_place_or_a_headline(title: str, said: str,
                                                                           customer: str) -> None:
    story = Entry(id="case-studies/x", path="case-studies/x.md", type="case_study", title=title, body="Text.")
    assert fig(said, entities=M.Entities.of([story])).entity == customer


@pytest.mark.parametrize(("title", "said"), [
    ("Te Awa Orchards", "Te Kauwhata growers cut water by 20%."),  # a short first word alone is no name
    ("Meru Infraprojects, Pune", "Our projects in Pune closed 4 days sooner."),  # the place is not the customer
])
def test_words_of_a_customers_name_alone_name_no_one(title: str, said: str) -> None:
    story = Entry(id="case-studies/x", path="case-studies/x.md", type="case_study", title=title, body="Text.")
    assert fig(said, entities=M.Entities.of([story])).entity is None


@pytest.mark.parametrize(("said", "customer"), [
    ("The New Forest Dairy cut errors by 40%.", "The New Forest Dairy"),
    ("The new system cut errors by 40%.", None),  # an article and a word are no start of a name
    ("the new system cut errors by 40%.", None),
    ("New York Life Insurance cut errors by 40%.", "New York Life Insurance"),
    ("New York Life cut errors by 40%.", "New York Life Insurance"),
    ("Our New Branch team cut errors by 40%.", None),  # both words of "New Branch" are words the KB writes
    ("the team at new york life cut errors by 40%.", "New York Life Insurance"),
    # in text without capitals a start holding a common word is as likely the place as the customer
    ("our office in new york cut errors by 40%.", None),
    ("Our office in new york cut errors by 40%.", None),  # no capitals past the first: as case-blind
])
def test_the_start_of_a_customers_name_is_a_name_only_where_it_reads_as_one(said: str, customer: str | None) -> None:
    stories = [Entry(id=f"case-studies/{i}", path=f"case-studies/{i}.md", type="case_study", title=title,
                     body="The new branch opened in a new city.")
               for i, title in enumerate(["The New Forest Dairy", "New York Life Insurance", "New Branch Partners"])]
    assert fig(said, entities=M.Entities.of(stories)).entity == customer


@pytest.mark.parametrize(("text", "customer"), [
    ("At Harbourline Mutual, a median motor claim took 19 days to settle.", "Harbourline Mutual"),
    ("For Harbourline Mutual, the average claim closes in 7 days.", "Harbourline Mutual"),
    # a statistic over many customers is no one customer's, whoever is named before it
    ("At Harbourline Mutual, like most of our customers, the median claim takes 9 days.", None),
    ("On average, a motor claim settles in 9 days.", None),
])
def test_a_statistic_over_one_customers_cases_is_that_customers(text: str, customer: str | None) -> None:
    story = Entry(id="case-studies/h", path="case-studies/h.md", type="case_study", title="Harbourline Mutual",
                  body="Text.")
    assert fig(text, entities=M.Entities.of([story])).entity == customer


@pytest.mark.parametrize(("text", "sense"), [
    ("SIU referral precision 61% across insurers.", "level"),
    ("Field-level accuracy of 98% on invoices.", "level"),
    ("Referrals fell 47% in a year.", "change"),
])
def test_a_share_says_whether_it_is_a_level_or_a_change(text: str, sense: str) -> None:
    assert fig(text).sense == sense


def test_metrics() -> None:
    f = metric(480000, "USD", name="Contoso annual savings in payables processing")
    assert f.per == "year"
    assert metric(22000, "invoices/month").per == "month"
    assert metric(11, "days", name="median cycle time before Northwind").role == "before"
    f = metric(6, "weeks", qualifier="median")
    assert f.statistic == "median" and f.value == 42
    assert metric(14, "days", name="time to go live (fastest rollout to date)").best
    assert metric(1400, "customers", qualifier="more than").bound == "at least"


def test_a_rep_restating_the_prospects_situation_is_not_a_claim() -> None:
    listener = {"Kara", "Dana"}
    for text in ("You're at about twelve hundred invoices a month now.",
                 "Kara's team is processing about three thousand invoices a month.",
                 "We worked out that an invoice costs you a little over nine dollars.",
                 "Median, so half of them are faster than that."):
        assert reading._about_the_listener(extract_claims(text)[0], listener), text
    for text in ("For a team like yours, you'd be looking at something like eighty percent cheaper per invoice.",
                 "More than 1,400 finance teams run on Northwind."):
        assert not reading._about_the_listener(extract_claims(text)[0], listener), text


def test_same_source() -> None:
    assert M.matching_source("Hackett Group study", "Hackett Group AP Benchmark 2025")
    assert M.matching_source("2026 Northwind AP Benchmark Report", "Northwind AP Benchmark 2026")
    assert not M.matching_source("Hackett Group study", "2026 Northwind AP Benchmark Report")
    assert not M.matching_source("IDC InfoBrief: The State of Accounts Payable Automation, 2026",
                                 "2026 Northwind AP Benchmark Report")


def test_lexical_terms_come_from_the_clause() -> None:
    lex = M.Lexicon(["Customers go live in [NUM], so a January start means a spring inbox."])
    assert lex.terms("Customers go live in [NUM], so a January start means a spring inbox.") == \
        {reading._lex_stem("customers"), "go", "live"}
    # a clause with fewer than two words falls back to the whole sentence
    assert "approv" in lex.terms("Approvals are fast. On average, [NUM].")


# -- compatibility and decisions -----------------------------------------------------------------


def _set(figures: list[M.Figure], vectors: np.ndarray | None = None, ids: dict[str, int] | None = None) -> M.FigureSet:
    if vectors is None:
        vectors = np.tile(np.eye(1, 8, dtype=np.float32), (len(figures), 1))
    return M.FigureSet(figures, vectors, date(2024, 11, 1), ids if ids is not None else {})


def _compatible(a: M.Figure, b: M.Figure) -> bool:
    ids: dict[str, int] = {}
    qa, tb = _set([a], ids=ids), _set([b], ids=ids)
    return bool(decide._compatible(qa, np.array([0]), tb, np.array([0]))[0])


@pytest.mark.parametrize(("text", "per"), [
    ("9 hrs back every week for each HR admin.", "week"),
    ("Handlers get 6 hours of admin back each week.", "week"),
    ("9 hrs back for the front desk every week (median).", "week"),
    ("It takes 3 days to close the books every month.", None),  # time spent on a task, not won back
    ("Go live in 6 weeks, with a check-in every month.", None),  # the period is another clause's
    ("The report takes 2 hours.", None),
    ("It takes 3 days to get back to customers every week.", None),
    ("Teams lose 2 hours back and forth every week.", None),
    ("It takes 4 days back from the lab each month.", None),
])
def test_time_won_back_every_period_is_a_rate(text: str, per: str | None) -> None:
    assert fig(text).per == per


@pytest.mark.parametrize(("text", "per"), [
    ("Kestrel Freight saves $3 million annually on fuel.", "year"),
    ("Front desks save 9 hours weekly on recall calls.", "week"),
    ("Larchmont cut payroll cost by £25,000 monthly.", "month"),
    ("One analyst triages 60 phishing reports daily.", "day"),
    ("The college saves 30 teaching hours monthly.", "month"),
    ("Shops save R4,500 yearly on water.", "year"),
    ("Plans start at $49 per seat, billed annually.", None),  # the adverb is the billing, not the price's
    ("Loadstar Shield protects 5,000 daily active users.", None),  # the adverb names the users
    ("Kestrel Freight saves $2.4 million, and reviews routes quarterly.", None),  # another clause's
    # found on review: a capital on the next line opens another sentence or a table row
    ("Sunmere Solar raised $3 million\nAnnually, it installs 4,000 roofs.", None),
    ("| Sunmere Solar | $3 million |\n| Quarterly reviews | held |", None),
    ("Sunmere Solar raised $3 million\nannually.", None),
    ("Coldwater saves £9,500 a month weekly.", "month"),  # one period is the rate's
    # found on the second review: an adjective before a noun, a run-on line
    ("Tarnway Freight hit its $2 million quarterly target.", None),
    ("Kestrel People's $12 million quarterly revenue grew.", None),
    ("kestrel raised twelve million dollars quarterly board reports follow", None),
    ("Teachers save 6 hours weekly on grading.", "week"),
    # found on the third review: emphasis and a second space are blanks like any other
    ("Harbourview Hotels saves **$5 million** annually on energy.", "year"),
    ("Harbourview Hotels saves $3 million  monthly on energy.", "month"),
    ("we save like nine hours weekly i think", "week"),
    # found on the fourth review: a word of the next cell, and words that let a sentence go on
    ("| Elmbrook School | £45,000 annually | audited |", "year"),
    ("Tarnhill Freight saves $3 million annually because of route planning.", "year"),
    # found on the final read: another adverb after it
    ("Sentinel Bank closes 4,000 alerts weekly automatically.", "week"),
])
def test_a_period_said_as_an_adverb_is_the_figures_rate(text: str, per: str | None) -> None:
    assert fig(text).per == per


@pytest.mark.parametrize(("name", "per"), [
    ("annual savings in payables processing", "year"),
    ("hours saved per clinic each week", "week"),
    ("daily time a dispatcher spends planning routes", "day"),
    ("claims handled in a year", "year"),
    # a period word after an article or a possessive names a recurring thing, not a rate
    ("median staff time to prepare an annual water-take return", None),
    ("days to complete Marlowe Finch's monthly billing run", None),
    ("staff hours to compile the co-operative's annual licence report", None),
    # an amount or a count of a period is its rate, whoever's it is
    ("Contoso's annual savings in payables processing", "year"),
    ("the co-operative's annual water savings", "year"),
    ("Marlowe Finch's monthly invoices processed", "month"),
])
def test_a_metric_is_a_rate_when_its_name_says_so(name: str, per: str | None) -> None:
    unit = "USD" if "savings" in name else "invoices" if "invoices" in name else "hours"
    assert metric(2, unit, name=name).per == per


@pytest.mark.parametrize(("text", "name", "as_of", "compatible"), [
    # measured in 2023, still the company's figure: an undated statement today is of that measure
    ("Pumping energy goes down around 30%.", "average reduction in pumping electricity", "2023-05", True),
    # a year its name states is the measure's scope
    ("Pumping energy goes down around 30%.", "2023 average reduction in pumping electricity", "2023-05", False),
    # a statement of another year is another measurement
    ("In 2025 pumping energy went down 30%.", "average reduction in pumping electricity", "2023-05", False),
])
def test_a_metrics_as_of_is_when_it_was_measured(text: str, name: str, as_of: str, compatible: bool) -> None:
    assert _compatible(fig(text), metric(17, "percent", name=name, as_of=as_of)) is compatible


@pytest.mark.parametrize(("name", "sense"), [
    ("additional subrogation recovered within 90 days of settlement", "change"),
    ("extra revenue per site", "change"),
    ("reduction in payroll errors", "change"),
    ("share of claims needing additional review", "level"),
    ("share of payroll runs with at least one error", "level"),
])
def test_a_metrics_name_says_whether_its_share_is_a_change(name: str, sense: str) -> None:
    assert reading.metric_share_sense(name) == sense


def test_structural_filters() -> None:
    median = metric(14, "days", qualifier="median")
    assert not _compatible(fig("Our fastest customer went live in 3 days."), median)
    assert _compatible(fig("Tailspin went live in 3 days."), median)
    assert not _compatible(fig("In 2023 the average reduction was 48%."), metric(62, "percent", as_of="2026-03"))
    assert not _compatible(fig("In 2021 the reduction was 48%."), metric(62, "percent"))  # historic vs current
    assert _compatible(fig("In 2026 the reduction was 62%."), metric(62, "percent"))
    before = fig("Onboarding went from 14 weeks to 6.", 0)
    assert not _compatible(before, metric(6, "weeks"))
    assert _compatible(before, metric(14, "weeks", name="onboarding time before the switch"))
    assert not _compatible(fig("Cut spend by 31%."), metric(4, "x"))
    assert not _compatible(fig("It takes 25 hours a week."), metric(2, "days"))  # a rate is not a level
    assert _compatible(fig("1,400 finance teams use it."), metric(1400, "customers", name="finance teams using it"))
    assert not _compatible(fig("We ship 40 connectors."), metric(1400, "customers", name="companies using it"))
    assert not _compatible(fig("The average is 6 weeks."), metric(6, "weeks", qualifier="median"))


def test_metrics_decide_before_prose() -> None:
    """An agreeing metric backs a figure even when a prose statement of another measure scores higher."""
    q = _set([fig("Across our customers the cost per invoice comes down 62% on average.")])
    prose = fig("Litware is well above the 78% average across customers.")
    cost = metric(62, "percent", qualifier="average")
    t = _set([cost, prose])
    pairs = M.Pairs(np.array([0, 0]), np.array([0, 1]), np.array([0.46, 0.60], dtype=np.float32))
    r = M.resolve(q, t, pairs)[0]
    assert r.status == "backed" and r.backers[0].target is cost


def test_an_entrys_amount_a_metric_registers_to_the_unit() -> None:
    """In an entry too, an amount of money stated to the unit in a metric's currency adds to a
    loose wording match ("We save €1.8m a year" in a quote); a share or a count does not, nor an
    amount in prose that no metric registers."""
    saving = metric(1_800_000, "EUR", name="annual saving on empty running")
    share = metric(27, "percent", name="reduction in empty running")
    t = _set([saving, share, fig("Tarn pays €1.8m a year for its depots.")])
    q = _set([fig("We save €1.8m a year because every load is booked the day before."),
              fig("We cut it by 27% because every load is booked the day before."),
              fig("We pay €1.8m a year for our depots.")])
    score = M.BACK - 0.05
    pairs = M.Pairs(np.array([0, 1, 2]), np.array([0, 1, 2]), np.full(3, score, dtype=np.float32))
    assert [r.status for r in M.resolve(q, t, pairs)] == ["backed", "unbacked", "unbacked"]


def test_decisions() -> None:
    go_live = metric(6, "weeks", qualifier="median")
    q = _set([fig("The median customer is live in 8 weeks."), fig("The median customer is live in 42 days."),
              fig("The median customer is live in 4 weeks.")])
    t = _set([go_live])
    pairs = M.Pairs(np.array([0, 1, 2]), np.array([0, 0, 0]), np.array([0.7, 0.7, 0.45], dtype=np.float32))
    a, b, c = M.resolve(q, t, pairs)
    assert a.status == "conflict" and a.conflict is not None and a.conflict.target is go_live
    assert b.status == "backed"
    assert c.status == "unbacked"  # below CONFLICT: not sure enough to call it a contradiction


def test_the_very_value_said_again_is_evidence_of_one_measure() -> None:
    """What a draft or a rep says: one value stated exactly on both sides adds to a loose wording
    match; a hedged value ("roughly 80%") or a range does not, and the KB's own figures never get it."""
    price = fig("Haulwise Core is $39 per vehicle per month, billed annually.")
    t = _set([price, fig("Roughly 80% of invoices are never touched."), fig("Payback takes 4-6 months.")])
    q = _set([fig("Plans start at $39."), fig("It comes out 80% cheaper per invoice."),
              fig("Payback takes 4-6 months for most.")])
    score = M.BACK - 0.05  # a wording match too loose on its own
    pairs = M.Pairs(np.array([0, 1, 2]), np.array([0, 1, 2]), np.full(3, score, dtype=np.float32))
    said = M.resolve(q, t, pairs, exact=True)
    assert said[0].status == "backed" and said[0].backers[0].target is price
    assert said[1].status == "unbacked"  # "roughly" on the KB's side: not the very value
    assert said[2].status == "unbacked"  # a range agrees, but is no single value to repeat
    assert [r.status for r in M.resolve(q, t, pairs)] == ["unbacked"] * 3


# -- search --------------------------------------------------------------------------------------


def _clustered(n: int, dim: int = 64, centres: int = 200, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    c = rng.normal(size=(centres, dim))
    x = c[rng.integers(0, centres, n)] + 0.35 * rng.normal(size=(n, dim))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_inverted_file_finds_what_exact_search_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(neighbours, "NEIGHBOURS", 10_000)  # compare all pairs above the threshold
    x = _clustered(12000)
    exact = neighbours._dense_pairs(x[:2000], x, 0.8)
    approx = neighbours._ivf_pairs(x[:2000], x, 0.8)
    got = set(zip(approx.q.tolist(), approx.t.tolist(), strict=True))
    want = set(zip(exact.q.tolist(), exact.t.tolist(), strict=True))
    assert got <= want
    assert len(got) >= 0.95 * len(want)
    monkeypatch.setattr(neighbours, "EXACT_SEARCH_MAX", 10)
    assert len(M.search(x[:100], x[:500], 0.8)) > 0


def test_search_keeps_the_best_neighbours() -> None:
    x = np.tile(np.eye(1, 16, dtype=np.float32), (100, 1))
    pairs = M.search(x[:3], x, 0.5)
    assert np.bincount(pairs.q).max() == neighbours.NEIGHBOURS


# -- the thresholds, from the model's behaviour ------------------------------------------------------


def _auc(same: np.ndarray, different: np.ndarray) -> float:
    return float(np.mean([[1.0 if a > b else 0.5 if a == b else 0.0 for b in different] for a in same]))


@pytest.mark.model
def test_thresholds_sit_where_the_calibration_says() -> None:
    """Recompute the numbers the comment above ``knowledge.figures.decide.BACK`` quotes."""
    from knowledge.embedding import MiniLMNumpyEmbedder

    pairs = yaml.safe_load(CALIBRATION.read_text(encoding="utf-8"))
    model = MiniLMNumpyEmbedder()
    lexicon = M.Lexicon([t for k in pairs for p in pairs[k] for t in p])

    def scores(kinds: tuple[str, ...], weight: float) -> np.ndarray:
        out = []
        for k in kinds:
            a = [p[0] for p in pairs[k]]
            b = [p[1] for p in pairs[k]]
            cos = (model.embed(a) * model.embed(b)).sum(1)
            lex = (lexicon.vectors(a) * lexicon.vectors(b)).sum(1)
            out.append((1 - weight) * cos + weight * lex)
        return np.concatenate(out)

    same_kinds, different_kinds = ("same", "same_in_context"), ("different", "different_in_context")
    same, different = scores(same_kinds, reading.LEXICAL_WEIGHT), scores(different_kinds, reading.LEXICAL_WEIGHT)
    auc = _auc(same, different)
    assert auc > _auc(scores(same_kinds, 0.0), scores(different_kinds, 0.0))  # the words help
    assert auc >= 0.75
    assert abs(np.percentile(same, 10) - M.BACK) <= 0.05  # 9 in 10 statements of one measure reach BACK
    assert abs(np.median(same) - M.CONFLICT) <= 0.05  # CONFLICT: the median statement of one measure
    assert np.percentile(different, 75) < M.CONFLICT < np.percentile(different, 95)
    assert abs(np.percentile(different, 90) - decide.CONFLICT_AWAY) <= 0.05


def test_contexts_of_table_cells_and_short_sentences() -> None:
    from ingest._markdown import parse_markdown

    body = ("# Numbers\n\n| What | Customers |\n|---|---|\n| Payback on the subscription | under 3 months |\n"
            "| Discounts captured | 91% |\n\nApprovals are four times faster with chat. On average, 78%.\n")
    parsed = parse_markdown(body, 1)
    entry = Entry(id="e", path="e.md", body=body, blocks=parsed.blocks, claims=parsed.claims)
    contexts = M.claim_contexts(entry)
    assert "Payback on the subscription under [NUM]" in contexts
    assert "Discounts captured [NUM]" in contexts
    assert any(c.endswith("On average, [NUM].") and "Approvals are four times faster" in c for c in contexts)


# -- retired figures and roles read off the words after a figure ---------------------------------


def test_a_figure_under_a_retired_bound_does_not_state_it() -> None:
    old = metric(40, "percent", qualifier="up to")
    assert M.agree(fig("Route planning cuts travel time by 22%."), old)  # consistent with the bound
    assert not M.states_value(fig("Route planning cuts travel time by 22%."), old)
    assert not M.states_value(fig("Route planning cuts more than a fifth of travel time."), old)
    assert M.states_value(fig("Route planning cuts travel time by up to 40%."), old)
    assert M.states_value(fig("Route planning cuts travel time by about 40%."), old)


def test_a_relative_clause_after_the_figure_is_not_its_time() -> None:
    text = "Each dispatcher saves about 9 hours a week that used to go on confirmation calls."
    assert fig(text).role is None
    assert fig("Teams needed 14 weeks before switching to Northwind.").role == "before"


def test_the_search_floor_is_the_least_score_a_decision_uses() -> None:
    assert neighbours.FLOOR == pytest.approx(decide.BACK - decide.ENTITY_BONUS)


def test_the_block_of_a_line_is_found_by_binary_search() -> None:
    from knowledge.model import Block

    blocks = reading.Blocks([Block("paragraph", "b", 5, 7), Block("heading", "a", 1, 1),
                             Block("list_item", "c", 9, 9)])
    assert [b.text if b else None for b in map(blocks.at, range(0, 11))] == [
        None, "a", None, None, None, "b", "b", "b", None, "c", None]


def test_a_figure_is_given_in_the_unit_of_the_approved_one() -> None:
    from knowledge.claims import extract_claims
    from knowledge.figures.wording import quoted

    target = M.figure_of_metric(Metric(id="go", name="median time to go live", value=6, unit="weeks",
                                       entry_id="p", qualifier="median"), Entry(id="p", path="p.md"))
    assert target is not None

    def said(text: str) -> str:
        return quoted(M.figure_of_claim(extract_claims(text)[0], where="draft", path="d.md"), target)

    assert said("Customers go live in about a month and a half.").endswith(", that is about 6.5 weeks")
    assert said("Customers go live in 8 weeks.") == '8 weeks ("go live in 8 weeks")'
    assert said("We cut no-shows by a third.").startswith("a third")  # as written, not 33.33%


def test_norms_changes_and_what_reps_say_beyond_outcomes() -> None:
    from knowledge.claims import extract_claims
    from knowledge.figures.reading import NORM_SCOPE, not_an_outcome

    def figure(text: str) -> M.Figure:
        return M.figure_of_claim(extract_claims(text)[0], where="kb", path="a.md")

    assert figure("The industry average churn is 3% a month.").entity == NORM_SCOPE
    assert figure("Our customers churn 3% a month.").entity is None
    assert figure("Nearly 60% deploy daily. That's up from 45% last year.".split(". ")[1]).role == "before"
    outcomes = {t: not_an_outcome(extract_claims(t)[0]) for t in (
        "Do you process 2,000 invoices a month?", "We offer a 15% discount on the first year.",
        "We can start with a 30-day pilot.",
        "The median customer goes live in six weeks.", "Contract review time dropped 50%.")}
    assert [t for t, skip in outcomes.items() if not skip] == [
        "The median customer goes live in six weeks.", "Contract review time dropped 50%."]


def test_a_label_before_a_colon_is_what_the_figure_is() -> None:
    from knowledge.figures.reading import _clause

    assert _clause("Industry average: [NUM].").strip(" .") == "Industry average: [NUM]"
    # a colon with words between it and the figure still ends the clause before it
    assert _clause("Two results: customers saw [NUM] fewer calls").strip() == "customers saw [NUM] fewer calls"


# -- what a blind corpus showed (kittiwake): figures that state no measure, scopes, tables ------


@pytest.mark.parametrize(("text", "item"), [
    ("Watch the 45-minute recap.", True),
    ("[Watch the recording (45 min)](https://example.com/recap)", True),
    ("Join our 2-hour workshop on 4 May.", True),
    ("Builds take 8 minutes now.", False),
    ("8-minute builds on every commit.", False),
    ("Each dispatcher saves about 9 hours a week on confirmation calls alone.", False),
    ("Motor claims close in a median of 9 days.", False),
])
def test_the_length_of_a_webinar_or_a_meeting_is_no_measure(text: str, item: bool) -> None:
    assert reading.length_of_item(extract_claims(text)[0]) is item


@pytest.mark.parametrize(("text", "windows"), [
    ("On payback, Halloran Economics found a median of seven months, and about 4.8 times return over three years.",
     ["three years"]),
    ("The median customer goes live in 8 weeks.", []),
    ("Over three years, the composite earned back 4.8 times what it spent.", []),  # before the figure it frames
])
def test_the_window_of_another_figure_is_no_measure(text: str, windows: list[str]) -> None:
    claims = extract_claims(text)
    idle = reading.measures_nothing(claims)
    assert [str(M.figure.claim_attr(claims[i], "span")) for i in sorted(idle)] == windows


def test_a_conversion_that_rounds_to_nothing_is_not_shown() -> None:
    from knowledge.figures.wording import quoted

    target = M.figure_of_metric(Metric(id="cycle", name="median cycle time", value=11, unit="days", entry_id="p",
                                       qualifier="median"), Entry(id="p", path="p.md"))
    assert target is not None
    said = M.figure_of_claim(extract_claims("Claims close in 45 minutes.")[0], where="draft", path="d.md")
    assert "that is" not in quoted(said, target)  # not "that is 0 days"
    said = M.figure_of_claim(extract_claims("Claims close in 36 hours.")[0], where="draft", path="d.md")
    assert quoted(said, target).endswith(", that is 1.5 days")


@pytest.mark.parametrize(("text", "value", "compatible"), [
    ("Just 12% of claims are settled straight through today.", 12, True),  # the norm's very value
    ("Just 14% of claims are settled straight through today.", 12, False),  # a result, not the norm
    ("About 12% of claims are settled straight through today.", 12, False),  # hedged: not the very value
])
def test_stating_a_norms_very_value_is_that_norm(text: str, value: float, compatible: bool) -> None:
    norm = metric(value, "percent", name="industry average share of claims settled straight through",
                  qualifier="average")
    assert norm.entity == reading.NORM_SCOPE
    assert _compatible(fig(text), norm) is compatible


def test_a_customer_story_page_is_about_its_customer() -> None:
    story = Entry(id="customers/cormorant", path="customers/cormorant.md", title="Cormorant Insurance: storm claims",
                  extra={"layout": "customer-story"}, body="A home claim took a median of 26 days.")
    blog = Entry(id="blog/x", path="blog/x.md", title="Cormorant Insurance: storm claims", body="Text.")
    entities = M.Entities.of([story, blog])

    def entity(text: str, entry: Entry) -> str | None:
        return M.figure_of_claim(extract_claims(text)[0], where="kb", path=entry.path, entry=entry,
                                 entities=entities).entity

    assert entity("A home claim took a median of 26 days.", story) == "Cormorant Insurance"
    assert entity("Home claims now settle in 12 days, down from 26.", story) == "Cormorant Insurance"
    assert entity("Across our customers, the median is 9 days.", story) is None  # many customers
    assert entity("A home claim took a median of 26 days.", blog) is None  # not a story page


def test_counts_abbreviated_count_what_they_abbreviate() -> None:
    from knowledge import units

    assert units.normalize(30, "pts")[1:] == units.normalize(30, "points")[1:] == ("points", "count")
    assert _compatible(fig("Claimant NPS up to 30 pts."), metric(30, "points", name="claimant NPS lift"))


@pytest.mark.parametrize(("body", "line", "lead"), [
    ("Keane of Harbourline walked us through it:\n\n- down from 19 days to 8\n- €1.9 million a year saved\n",
     4, "Keane of Harbourline walked us through it:"),  # every item of the list continues the lead-in
    ("Keane of Harbourline walked us through it.\n\n- down from 19 days to 8\n", 3, ""),  # no colon: no lead-in
    ("Keane of Harbourline walked us through it:\n\nDown from 19 days to 8.\n", 3, ""),  # a paragraph, no list
])
def test_a_list_continues_the_paragraph_that_introduces_it(body: str, line: int, lead: str) -> None:
    from ingest._markdown import parse_markdown

    assert reading.Blocks(parse_markdown(body, 1).blocks).lead_in(line) == lead


# -- the "same measure?" model --------------------------------------------------------------------


def test_measure_words_come_from_a_metrics_name_and_id() -> None:
    from knowledge.figures import identity

    payback = metric(11, "months", name="median payback period on the subscription", qualifier="median")
    words = identity.measure_words(payback)
    assert "payback" in words
    assert identity.overlap("Our median payback is about [NUM], meters included.", words) > 0.3
    assert identity.overlap("Most customers go live in [NUM].", words) == 0.0
    # how a figure is summarised or bounded says nothing of what it measures
    assert identity.overlap("[NUM] months", identity._terms("months")) == 0.0


def _said(text: str, where: str) -> M.Figure:
    return M.figure_of_claim(extract_claims(text)[0], where=where, path=f"{where}.md")


def _model(monkeypatch: pytest.MonkeyPatch, threshold: float = 0.5) -> None:
    """A model that reads one measure from the measure words alone (weights for the test only)."""
    from knowledge.figures import identity

    coef = np.zeros(len(identity.FEATURES))
    coef[identity.FEATURES.index("measure_words")] = 12.0
    monkeypatch.setattr(identity, "_weights", lambda: (coef, -3.0, {"kb": threshold, "said": threshold}))


def test_a_metric_misstated_in_other_words_is_a_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    """A figure scoring under ``CONFLICT`` against its metric, whose sentence names the metric's
    measure, is that metric misstated when the model says so; its vetoes hold as for any conflict."""
    _model(monkeypatch)
    payback = metric(11, "months", name="median payback period", qualifier="median")
    q = _set([_said("Our median payback is about eight months, meters included.", "call"),
              _said("Our median customer goes live in eight months.", "call"),
              _said("Our median payback is about eleven months.", "call")])
    t = _set([payback])
    low = M.CONFLICT - 0.15  # a wording match too loose for the hand-set threshold
    pairs = M.Pairs(np.array([0, 1, 2]), np.array([0, 0, 0]), np.full(3, low, dtype=np.float32))
    misstated, other, said = M.resolve(q, t, pairs, exact=True)
    assert misstated.status == "conflict" and misstated.conflict is not None
    assert misstated.conflict.target is payback
    assert other.status == "unbacked"  # another measure: no word of the metric's
    assert said.status == "backed"


def test_the_model_respects_the_gates_and_vetoes(monkeypatch: pytest.MonkeyPatch) -> None:
    _model(monkeypatch)
    payback = metric(11, "months", name="payback period", qualifier="median")
    worked = _said("Payback here is 4 months.", "draft")
    worked.worked = True  # the arithmetic of a worked example contradicts nothing
    q = _set([_said("Our fastest payback was four months.", "draft"),  # a best case never meets a median
              worked, _said("Payback here is 4 months.", "draft")])
    t = _set([payback])
    pairs = M.Pairs(np.array([0, 1, 2]), np.array([0, 0, 0]), np.full(3, 0.4, dtype=np.float32))
    assert [r.status for r in M.resolve(q, t, pairs)] == ["unbacked", "unbacked", "conflict"]


def test_without_a_model_the_thresholds_decide_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from knowledge.figures import identity

    monkeypatch.setattr(identity, "_weights", lambda: None)
    q = _set([_said("Our median payback is about eight months.", "call")])
    t = _set([metric(11, "months", name="median payback period", qualifier="median")])
    pairs = M.Pairs(np.array([0]), np.array([0]), np.array([M.CONFLICT - 0.15], dtype=np.float32))
    assert M.resolve(q, t, pairs)[0].status == "unbacked"


def test_the_kept_model_reads_its_own_features() -> None:
    """The weights kept in the repository name the features the code computes, in order."""
    import json

    from knowledge.figures import identity

    data = json.loads(identity.MODEL.read_text(encoding="utf-8"))
    assert data["features"] == list(identity.FEATURES)
    assert len(data["coef"]) == len(identity.FEATURES)
    assert set(data["threshold"]) == set(identity.SIDES.values())
    assert all(0.5 <= v < 1.0 for v in data["threshold"].values())  # more likely one measure than two
    assert data["provenance"]["hand_pairs"] >= 40  # the hand-written pairs the model is asked about
    assert len(data["provenance"]["corpus_pairs"]) >= 8  # fitted on many companies' text, not one


@pytest.mark.parametrize(("text", "per"), [
    ("The Grower plan costs US$0.55 per acre per year.", "acre"),
    ("Farm plan: A$1.60/ha/yr.", "hectare"),
    ("Haulwise Core is $39 per vehicle per month.", "vehicle"),
    ("Licences cost $12 per user, billed annually.", "user"),
    ("Contoso saves $480K a year.", None),  # a period is no denominator
    ("Each claim now costs $38 to process.", None),
])
def test_what_an_amount_is_per(text: str, per: str | None) -> None:
    c = next(c for c in extract_claims(text) if c.kind == "currency")
    f = M.figure_of_claim(c, where="draft", path="d.md", context=reading._claim_context(c))
    assert neighbours.denominator(f) == per


def test_prices_per_two_things_never_contradict() -> None:
    acre = fig("The Grower plan costs US$0.55 per acre per year.")
    hectare = fig("The Grower plan costs $1.60 per hectare per year.")
    q, t = _set([acre]), _set([hectare])
    pairs = M.Pairs(np.array([0]), np.array([0]), np.array([0.9], dtype=np.float32))
    assert M.resolve(q, t, pairs)[0].status == "unbacked"
    also_acre = _set([fig("The Grower plan costs $1.60 per acre per year.")])
    assert M.resolve(q, also_acre, pairs)[0].status == "conflict"


@pytest.mark.parametrize(("text", "customer"), [
    ("Why we are confident: Meru Infraprojects brought bills from 38 days to 15.\n\n"
     "They also told us the change saves them ₹1.8 crore per annum.\n", "Meru Infraprojects"),
    # a pronoun later in its own paragraph refers inside it
    ("Meru Infraprojects is one customer.\n\nOur other sites are slower. They save ₹1.8 crore per annum.\n", None),
    # a paragraph that opens with no pronoun is about whom it names
    ("Meru Infraprojects brought bills from 38 days to 15.\n\nTeams save ₹1.8 crore per annum.\n", None),
    # "It" with no one to mean
    ("Meru Infraprojects brought bills from 38 days to 15.\n\nIt is common for firms to save ₹1.8 crore per annum.\n",
     None),
    ("Meru Infraprojects brought bills from 38 days to 15.\n\nIts sites save ₹1.8 crore per annum.\n",
     "Meru Infraprojects"),
    # a break or a comment between the paragraphs ends what the first is about
    ("Meru Infraprojects brought bills from 38 days to 15.\n\n---\n\nThey save ₹1.8 crore per annum.\n", None),
    ("Meru Infraprojects brought bills from 38 days to 15.\n\n<!-- next -->\n\nThey save ₹1.8 crore per annum.\n",
     None),
])
def test_a_paragraph_opening_with_a_pronoun_is_about_whom_the_one_before_names(text: str,
                                                                              customer: str | None) -> None:
    from ingest.drafts import parse_draft_text
    from knowledge.figures.index import FigureIndex

    story = Entry(id="case-studies/meru", path="case-studies/meru.md", type="case_study",
                  title="Meru Infraprojects, Pune", body="Text.")
    draft = parse_draft_text(text, "drafts/e.md")
    index = FigureIndex.__new__(FigureIndex)
    index._kb = type("KB", (), {"entities": M.Entities.of([story])})()  # type: ignore[assignment]
    money = [f for f in index.draft_figures(draft) if f.kind == "currency"]
    assert money and money[0].entity == customer


@pytest.mark.parametrize(("said", "name", "misstated"), [
    ("And overall our platform reduces total delivery costs by 31 percent.", "reduction in delivery fuel costs", False),
    ("Combined, delivery costs come down 31%.", "reduction in delivery fuel costs", False),
    ("Delivery fuel costs come down 31% for our customers.", "reduction in delivery fuel costs", True),
    # the metric itself names the whole
    ("Total delivery costs come down 31%.", "reduction in total delivery costs", True),
    # a count of a total, and a sentence summed up, name no whole
    ("Delivery fuel costs come down 31% across a total of 5,000 fleets.", "reduction in delivery fuel costs", True),
    ("Overall, delivery fuel costs come down 31%.", "reduction in delivery fuel costs", True),
])
def test_a_figure_of_a_whole_misstates_no_metric_of_a_part(monkeypatch: pytest.MonkeyPatch, said: str, name: str,
                                                           misstated: bool) -> None:
    _model(monkeypatch)
    q, t = _set([_said(said, "call")]), _set([metric(18, "percent", name=name)])
    pairs = M.Pairs(np.array([0]), np.array([0]), np.full(1, M.CONFLICT - 0.15, dtype=np.float32))
    assert (M.resolve(q, t, pairs)[0].status == "conflict") is misstated


@pytest.mark.parametrize(("text", "compatible"), [
    ("One carrier puts a euro figure on it: €1.8 million a year saved.", True),  # the very amount
    ("One carrier saves €1.5 million a year.", False),  # another amount: no one named, no tie
    ("One carrier cut empty running by 31%.", False),  # shares coincide too often to tie
    ("One carrier saves €1 million a year.", False),  # a round amount is anyone's
    ("Kestrel Freight, a new customer, saves €1.8 million a year.", False),  # another company
    ("A new customer, Kestrel Freight, saves €1.8 million a year.", False),
    ("Carriers on average save €1.8 million a year.", False),  # many customers
    ("One carrier saved €1.8 million a year in March.", True),  # a month is no name
])
def test_a_customers_very_amount_said_without_its_name(text: str, compatible: bool) -> None:
    story = Entry(id="case-studies/tarn", path="case-studies/tarn.md", type="case_study", title="Tarn Logistics, Lyon",
                  body="Text.")
    ents = M.Entities.of([story])
    kind = "EUR" if "€" in text else "percent"
    value = (1000000 if "€1 million" in text else 1800000) if kind == "EUR" else 31
    m = M.figure_of_metric(Metric(id="t", name="Tarn Logistics annual saving on empty running", value=value,
                                  unit=kind, entry_id=story.id, line=9), story, ents)
    assert m is not None and m.entity == "Tarn Logistics"
    assert _compatible(fig(text, entities=ents), m) is compatible
    # the other way round: the customer's amount said in a draft, the unnamed one approved
    if kind == "EUR":
        said = fig(f"Tarn Logistics saves €{value / 1e6:g} million a year.", entities=ents)
        kb = M.figure_of_claim(extract_claims(text)[0], where="kb", path="kb.md", entities=ents)
        assert said.entity == "Tarn Logistics" and kb.entity is None
        assert _compatible(said, kb) is compatible


@pytest.mark.parametrize(("text", "year"), [
    ("The benchmark covered 31 insurers and 410,000 claims closed between April 2025 and March 2026.", None),
    ("Claims from 2024 to 2026 settled 30% faster.", None),
    ("In 2023 the average reduction was 48%.", 2023),
    ("The rate went from 45% in 2023 to 62% in 2025.", 2023),
])
def test_a_window_across_years_scopes_no_figure_to_one_of_them(text: str, year: int | None) -> None:
    assert fig(text).year == year
