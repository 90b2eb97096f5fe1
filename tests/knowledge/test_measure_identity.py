"""Measure identity, fifth round (``knowledge.figures``): shares said loosely, shares that change
against levels, a quarter of a year, spoken clauses, counts scoped to a place, source titles
written short or long, what a price is per, a customer story named only by its file."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from knowledge import figures as M
from knowledge.claims import extract_claims
from knowledge.figures import decide, reading
from knowledge.figures.figure import share_grain
from knowledge.model import Entry, Metric


def fig(text: str, i: int = 0, **kw: object) -> M.Figure:
    claims = extract_claims(text)
    assert len(claims) > i, claims
    return M.figure_of_claim(claims[i], where="draft", path="d.md", **kw)  # type: ignore[arg-type]


def metric(value: float, unit: str, name: str = "a measure", qualifier: str | None = None) -> M.Figure:
    e = Entry(id="proof/x", path="proof/x.md", type="proof_point", title="X")
    f = M.figure_of_metric(Metric(id="m", name=name, value=value, unit=unit, entry_id=e.id, qualifier=qualifier,
                                  line=9), e)
    assert f is not None
    return f


def _set(figures: list[M.Figure]) -> M.FigureSet:
    return M.FigureSet(figures, np.tile(np.eye(1, 8, dtype=np.float32), (len(figures), 1)), date(2024, 11, 1), {})


def _compatible(a: M.Figure, b: M.Figure) -> bool:
    return bool(decide._compatible(_set([a]), np.array([0]), _set([b]), np.array([0]))[0])


# -- a share said loosely is rounded to the step it is said in ----------------------------------


@pytest.mark.parametrize(("value", "fraction", "grain"), [
    (90.0, False, 10.0), (85.0, False, 5.0), (82.0, False, 1.0), (2.5, False, 0.0),
    (90.0, True, 10.0), (100 / 3, True, 100 / 3), (20.0, True, 20.0), (50.0, True, 50.0), ((25.0, 35.0), False, 0.0),
])
def test_the_step_of_a_share(value: float, fraction: bool, grain: float) -> None:
    assert share_grain(value, fraction) == pytest.approx(grain)


@pytest.mark.parametrize(("text", "value", "agrees"), [
    ("Payroll mistakes are down by nine-tenths.", 82, False),  # 85 to 95
    ("Errors drop by around ninety per cent.", 82, False),
    ("Errors drop by around ninety per cent.", 88, True),
    ("Recall bookings go up to about eighty five per cent.", 78, False),  # 82.5 to 87.5
    ("About 80% of invoices go straight through.", 78, True),
    ("Customers cut cloud spend by about 30%.", 31, True),
    ("Customers cut cloud spend by nearly a third.", 31, True),
    ("Four out of five invoices go straight through.", 78, True),
    ("Costs fell by about 2.5%.", 2.7, True),  # decimals: a tenth either way, as before
])
def test_a_hedged_share_agrees_within_its_step(text: str, value: float, agrees: bool) -> None:
    assert M.agree(fig(text), metric(value, "percent")) is agrees


def test_a_share_just_off_its_step_is_the_measure_misstated_at_backing_similarity() -> None:
    target = _set([metric(82, "percent", name="reduction in payroll errors")])  # a metric
    for text, conflict in [("Errors drop by around ninety per cent.", True),  # near: misstated
                           ("Errors drop by around forty per cent.", False),  # far: only a close wording would say
                           ("Errors drop by around eighty per cent.", False)]:  # agrees: backed
        q = _set([fig(text)])
        s = np.array([decide.BACK + 0.02], dtype=np.float32)
        d = decide.decide(q, target, np.array([0]), np.array([0]), s)
        assert bool(d.conflict[0] == 0) is conflict, text


# -- a share that changes and the level of a population ------------------------------------------


@pytest.mark.parametrize(("text", "i", "sense"), [
    ("Payroll errors fall by 82% on average.", 0, "change"),
    ("Customers see 82% fewer errors.", 0, "change"),
    ("Overtime errors dropped 40% in the first quarter.", 0, "change"),
    ("One in five payroll runs contains at least one error.", 0, "level"),
    ("20% of payroll runs contain an error.", 0, "level"),
    ("The on-time filing rate is 99.7%.", 0, "level"),
    ("Recall bookings jump from 45% to 78%.", 0, "level"),  # the two ends of a change are levels
    ("Up to 70% of the room said so.", 0, "level"),  # "up to" is a bound, not a change
    ("Onboarding is 70% faster.", 0, "change"),
    ("Our fleets average 99 per cent on time.", 0, None),
])
def test_what_a_share_states(text: str, i: int, sense: str | None) -> None:
    assert fig(text, i).sense == sense


@pytest.mark.parametrize(("name", "sense"), [
    ("reduction in payroll errors after moving to Quillpay", "change"),
    ("share of payroll runs with at least one error (industry)", "level"),
    ("on-time filing rate", "level"),
    ("driver turnover", None),
])
def test_what_a_metric_share_states(name: str, sense: str | None) -> None:
    assert reading.metric_share_sense(name) == sense


def test_a_change_never_meets_a_level() -> None:
    level = metric(20, "percent", name="share of payroll runs with at least one error")
    change = metric(82, "percent", name="reduction in payroll errors")
    assert not _compatible(fig("Customers see 82% fewer errors."), level)
    assert not _compatible(fig("One in five payroll runs has an error."), change)
    assert _compatible(fig("Customers see 82% fewer errors."), change)
    assert _compatible(fig("Our fleets average 99 per cent on time."), level)  # says neither: compared


# -- a quarter of a year, a relative clause, a table row, a spoken clause ------------------------


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("Most customers find it pays for itself within a quarter.", "duration", 91.31),
    ("Fleets cut fuel costs by a quarter in their first year.", "percent", 25.0),
    ("A quarter of customers run payroll weekly.", "percent", 25.0),
])
def test_a_quarter_after_a_word_of_time_is_three_months(text: str, kind: str, value: float) -> None:
    f = fig(text)
    assert (f.kind, f.value) == (kind, pytest.approx(value))


def test_a_relative_clause_without_that_is_not_the_figures_time() -> None:
    assert fig("HR admins get back 12 hours a week they used to spend chasing timesheets.").role is None
    assert fig("Its AP team used to need nine working days to close.").role == "before"


def test_a_table_cell_takes_its_statistic_from_its_own_row() -> None:
    text = "| | Ours |\n|---|---|\n| Time to run payroll | 25 minutes (median) |\n| Payroll errors | 82% fewer |\n"
    claims = [c for c in extract_claims(text) if c.kind == "percent"]
    row = reading._row_context(claims[0], text.split("\n")[3])
    f = M.figure_of_claim(claims[0], where="kb", path="x.md", context=row)
    assert f.statistic is None


SPOKEN = ("yeah two days a fortnight is a lot we see that a lot with seasonal crews so getting three hundred "
          "pickers set up is quick and payroll mistakes drop by [NUM] with us because the hours come straight "
          "off the app")


@pytest.mark.parametrize(("masked", "clause"), [
    (SPOKEN, "payroll mistakes drop by [NUM] with us"),
    ("so just so you know who we are we run payroll for over fourteen thousand employers and we pay more "
     "than [NUM] employees every month", "we pay more than [NUM] employees every month"),
    ("Payroll mistakes drop by [NUM] with us because the hours come straight off the app.",  # written: as it is
     "Payroll mistakes drop by [NUM] with us because the hours come straight off the app."),
])
def test_an_unpunctuated_transcript_is_read_clause_by_clause(masked: str, clause: str) -> None:
    assert reading._clause(masked) == clause


def test_a_short_spoken_clause_is_read_with_the_clause_after_it() -> None:
    assert reading._spoken_clause(SPOKEN, reading.SHORT_CONTEXT) == \
        "payroll mistakes drop by [NUM] with us because the hours come straight off the app"


@pytest.mark.parametrize(("text", "per"), [
    ("14,000+ employers. 1.5 million employees paid every month.", "month"),
    ("We handle 200 claims each day.", "day"),
    ("More than 2,300 fleets run on Haulwise.", None),
    ("1.5 million employees joined us, and a month later they were paid.", None),  # the period is not the count's
    ("Reception gets 9 hours back every week.", "week"),  # time won back, as a rate (eighth round)
])
def test_a_period_after_a_counts_verb_makes_it_a_rate(text: str, per: str | None) -> None:
    f = [g for g in (fig(text, i) for i in range(len(extract_claims(text)))) if g.kind in ("count", "duration")][-1]
    assert f.per == per


# -- counts scoped to a place --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "region"), [
    ("and we have more than five hundred fleets in india already", "india"),
    ("Kittiwake runs claims for 11 short-term insurers in South Africa.", "south africa"),
    ("We serve 400 fleets across Western Australia.", "western australia"),
    ("More than 2,300 fleets run on Haulwise.", None),
    ("More than 1,400 practices in the UK, Ireland and the US run on it today.", None),  # a list: everywhere
])
def test_the_place_a_count_counts_in(text: str, region: str | None) -> None:
    assert fig(text).scope == region


def test_a_count_in_one_country_is_not_a_count_of_every_country() -> None:
    every = metric(2300, "fleets", name="fleets running on Haulwise", qualifier="more than")
    assert not _compatible(fig("and we have more than five hundred fleets in india already"), every)
    assert _compatible(fig("More than 2,300 fleets run on Haulwise."), every)


def test_an_abbreviated_measure_counts_as_its_words() -> None:
    lex = M.Lexicon(["Forrand Group found a [NUM] ROI for employers.", "three-year return on investment"])
    assert {reading._lex_stem("return"), reading._lex_stem("investment")} <= lex.terms(
        "Forrand Group found a [NUM] ROI for employers.")


@pytest.mark.parametrize(("text", "site"), [
    ("We're rated 4.8 out of 5 on Capterra, and the reviews are good.", "capterra"),
    ("We're rated 4.6 out of 5 on Glassdoor.", "glassdoor"),
    ("Four out of five invoices go straight through on day one.", None),  # a share, not a rating
])
def test_the_site_a_rating_is_given_on(text: str, site: str | None) -> None:
    assert fig(text).scope == site


def test_a_rating_on_one_site_is_not_a_rating_on_another() -> None:
    capterra, glassdoor = fig("We're rated 4.8 out of 5 on Capterra."), fig("We're rated 4.6 out of 5 on Glassdoor.")
    assert not _compatible(capterra, glassdoor)
    assert _compatible(capterra, fig("Reviewers rate us 4.8 out of 5 on Capterra."))


# -- sources, prices and story pages -------------------------------------------------------------


@pytest.mark.parametrize(("text", "words"), [
    ("Independent analysis by Forrand Group found a 5.3x ROI for employers.",
     "Independent   by     found a [NUM] ROI for employers."),
    ("Brightfold's commissioned study found a 5.3x return (Brightfold, 2026).", None),  # cited in brackets: kept
    ("Customers cut errors by 82%.", "Customers cut errors by [NUM]."),  # no source: as it is
])
def test_who_found_a_figure_is_not_what_it_measures(text: str, words: str | None) -> None:
    f = fig(text)
    out = reading.without_source(f)
    if words is None:
        assert "[NUM]" in out and "brightfold" not in out.lower()
    else:
        assert out == words


def test_a_possessive_names_the_same_source() -> None:
    from knowledge.figures.figure import cited_by

    assert M.matching_source("Brightfold's", "Brightfold Economic Impact of Quillpay 2026")
    assert M.matching_source("Brightfold’s commissioned study", "Brightfold Economic Impact of Quillpay 2026")
    assert not M.matching_source("Forrand Group analysis", "Brightfold Economic Impact of Quillpay 2026")
    assert cited_by(fig("It found a 5.3x return (Brightfold's study, 2026).")) == \
        cited_by(fig("It found a 5.3x return (Brightfold, 2026)."))


@pytest.mark.parametrize(("text", "context"), [
    ("C$10 per employee per month, and the trial is 30 days.", "[NUM] per employee per month, and the trial is"),
    ("Plans start at $39 per vehicle per month.", "Plans start at [NUM] per vehicle per month."),
    ("It saves $480K a year.", "It saves [NUM]."),  # a period alone is compared as a rate, not read
])
def test_what_an_amount_is_per_stays_in_its_context(text: str, context: str) -> None:
    assert reading._claim_context(extract_claims(text)[0]).startswith(context)


@pytest.mark.parametrize(("title", "body", "name"), [
    ("kettle-lane-brewing", "Kettle Lane Brewing employs 85 people across 3 taprooms.", "Kettle Lane Brewing"),
    ("kettle-lane-brewing", "Kettle Lane employs 85 people.", "Kettle Lane"),
    ("kettle-lane-brewing", "the kettle lane brewing team", None),  # never written as a name
    ("Kettle Lane Brewing stops losing Thursdays", "", "Kettle Lane Brewing"),
])
def test_a_story_page_named_by_its_file_names_its_customer_in_the_body(title: str, body: str, name: str | None
                                                                       ) -> None:
    e = Entry(id="customers/kettle-lane-brewing", path="customers/kettle-lane-brewing.md", title=title, body=body)
    assert reading._story_subject(e) == name


# -- worked examples and what a rep says back -----------------------------------------------------


@pytest.mark.parametrize(("paragraph", "worked"), [
    ("Take a 120-person company running payroll twice a month. At 6 hours a run that is 144 hours a year.", True),
    ("Consider a carrier with 60 handlers and 30,000 claims a year.", True),
    ("Worked example: 500 riders at ₹38 per drop.", True),
    ("For example, say you run 400 routes a day.", True),
    ("Teams take 6 hours to run payroll by hand.", False),  # "take" not as an instruction
    ("Customers cut errors by 82%.", False),
    # a short lead-in before the set-up
    ("To put that in context, consider a hospital trust with £90m of agency spend a year. A 2% cut is £1.8m.", True),
    ("So, imagine a bakery chain with 14 shops and 3 ovens each.", True),
    ("Take a look at the results: clinics on Petwise cut no-shows by 31%.", False),  # no subject set up
    ("In 2025, 31% of carriers consider a switch within a year.", False),  # the lead-in holds a figure
])
def test_a_worked_example_is_arithmetic(paragraph: str, worked: bool) -> None:
    from ingest._markdown import parse_markdown

    assert reading.worked_example(parse_markdown(paragraph + "\n", 1).blocks[0]) is worked


def test_a_worked_example_backs_but_contradicts_nothing() -> None:
    from ingest._markdown import parse_markdown

    e = Entry(id="answers/pricing", path="answers/pricing.md", type="answer", title="Pricing",
              body="Take a carrier with 60 handlers. At CA$85 a seat the subscription is CA$61,200 a year.\n")
    claims = parse_markdown(e.body, 1).claims
    price = M.figure_of_claim(next(c for c in claims if c.value == 85), where="kb", path=e.path, entry=e)
    price.worked = True
    t = _set([price])
    s = np.array([decide.CONFLICT + 0.1], dtype=np.float32)
    for text, conflict, backed in [("List is CA$85 per seat per month.", False, True),
                                   ("It is CA$110 per seat per month.", False, False)]:
        d = decide.decide(_set([fig(text)]), t, np.array([0]), np.array([0]), s)
        assert bool(d.conflict[0] == 0) is conflict and bool(d.support[0]) is backed, text


@pytest.mark.parametrize(("prospect", "rep", "said_back"), [
    ("we lose about two days a fortnight on timesheets", "yeah two days a fortnight is a lot", True),
    ("we hire three hundred pickers at vintage", "so getting three hundred pickers set up is quick", True),
    ("we lose about two days a fortnight on timesheets", "our customers get two days back a month", False),
    ("we hire three hundred pickers at vintage", "we pay four hundred people a week", False),
])
def test_a_figure_said_back_in_other_words_is_the_prospects(prospect: str, rep: str, said_back: bool) -> None:
    from knowledge.figures.index import _said, _said_back

    theirs = [(1, _said(c)) for c in extract_claims(prospect)]
    assert _said_back(extract_claims(rep)[0], 2, theirs) is said_back


def test_a_pair_that_may_not_contradict_still_backs() -> None:
    """The result of a change said again with no time ("keeps 98% on time" and "98%, up from 91%")
    backs it; the same pair never contradicts ("taking 4 to 6 weeks" is as likely the start)."""
    after = fig("On-time deliveries reached 98%, up from 91%.", 0)
    assert after.role == "after"
    t = _set([after])
    s = np.array([decide.CONFLICT + 0.1], dtype=np.float32)
    for text, backed in [("Bluegum keeps 98% of deliveries on time.", True),
                         ("Bluegum keeps 94% of deliveries on time.", False)]:
        d = decide.decide(_set([fig(text)]), t, np.array([0]), np.array([0]), s, may_conflict=np.array([False]))
        assert bool(d.support[0]) is backed and d.conflict[0] == -1, text


@pytest.mark.parametrize(("text", "logistics"), [
    ("We've blocked an hour, but I think we can finish in 40 minutes.", True),
    ("We've got about forty minutes, I've a depot walk at ten.", True),
    ("Customers finish onboarding in 3 weeks.", False),  # an outcome, not this call's time
    ("We've got 4 dentists and 9 chairs.", False),  # counts, not time
])
def test_the_time_of_the_call_itself_is_no_claim(text: str, logistics: bool) -> None:
    claims = extract_claims(text)
    assert any(reading.not_an_outcome(c) for c in claims) is logistics


def test_saying_a_retired_bounds_very_value_is_evidence_of_its_measure() -> None:
    retired = _set([metric(70, "percent", name="reduction in onboarding time", qualifier="up to")])
    said = _set([fig("onboarding's seventy percent faster for our customers")])
    pairs = M.Pairs(np.array([0]), np.array([0]), np.array([decide.BACK - 0.05], dtype=np.float32))
    assert len(decide.candidates(said, retired, pairs, exact=True, bounded=True)[0]) == 1
    assert len(decide.candidates(said, retired, pairs, exact=True)[0]) == 0  # an approved bound: not the value
    other = _set([fig("onboarding's sixty percent faster for our customers")])
    assert len(decide.candidates(other, retired, pairs, exact=True, bounded=True)[0]) == 0
    no_claim = fig("onboarding's seventy percent faster for our customers")
    assert no_claim.claim is not None
    no_claim.claim.is_claim = False  # a number in the text, not an outcome: its value is no evidence
    assert len(decide.candidates(_set([no_claim]), retired, pairs, exact=True, bounded=True)[0]) == 0


@pytest.mark.parametrize(("value", "unit", "qualifier", "text", "repeats"), [
    # the retired bound said again with its bound, in other words, across industries
    (35, "percent", "up to", "With cold stores we've seen up to 35 per cent lower peak load.", True),
    (35, "percent", "up to", "Shave up to 35% off your peak with automated peak shaving.", True),
    (40, "percent", "up to", "Clinics have cut no-shows by up to forty percent.", True),
    (60, "percent", "up to", "Our carriers report up to 60% fewer empty miles.", True),
    (3, "times", "up to", "Teams close their books up to 3x faster on Ledgerly.", True),
    (50, "percent", "more than", "Schools trim heating bills by more than 50 per cent.", True),
    (2, "weeks", "up to", "Installs go live up to two weeks sooner.", True),
    # a bound of another value, or bounded the other way, is no repeat
    (35, "percent", "up to", "With cold stores we've seen up to 30 per cent lower peak load.", False),
    (35, "percent", "up to", "Cold stores cut peak load by more than 35%.", False),
    (40, "percent", "up to", "Clinics have cut no-shows by at least forty percent.", False),
])
def test_a_retired_bound_said_again_with_its_bound_repeats_it(
        value: float, unit: str, qualifier: str, text: str, repeats: bool) -> None:
    retired = _set([metric(value, unit, name="the retired measure", qualifier=qualifier)])
    said = _set([fig(text)])
    pairs = M.Pairs(np.array([0]), np.array([0]), np.array([decide.BACK - 0.05], dtype=np.float32))
    assert (len(decide.candidates(said, retired, pairs, exact=True, bounded=True)[0]) == 1) is repeats, text
    # an approved bound is not decided by value alone: the bonus is for retired claims only
    if repeats:
        assert len(decide.candidates(said, retired, pairs, exact=True)[0]) == 0


@pytest.mark.parametrize(("value", "unit", "qualifier", "text", "backs"), [
    # the company's own count said again as loosely as copy rounds it, bounded the same way
    (4200, "buildings", "more than", "Gridwell already runs more than 4,000 buildings.", True),
    (4200, "buildings", "more than", "Across more than 4,200 buildings, customers use less energy.", True),
    (12000, "clinics", "over", "Over 11,000 clinics book appointments with us.", True),
    (850, "schools", "more than", "More than 800 schools use the platform.", True),
    (3500, "fleets", "over", "We now serve over 3,400 fleets.", True),
    (60, "insurers", "more than", "More than sixty insurers run their claims on it.", True),
    # another bound, another noun, or a value that does not agree
    (4200, "buildings", "more than", "Gridwell runs fewer than 4,000 buildings.", False),
    (4200, "buildings", "more than", "Gridwell runs more than 4,000 meters.", False),
    (4200, "buildings", "more than", "Gridwell runs more than 2,000 buildings.", False),
    (60, "percent", "more than", "More than 58% of insurers run claims on it.", False),  # shares are not counts
])
def test_a_count_bounded_alike_at_an_agreeing_value_is_the_registered_count(
        value: float, unit: str, qualifier: str, text: str, backs: bool) -> None:
    registered = _set([metric(value, unit, name="the registered count", qualifier=qualifier)])
    said = _set([fig(text)])
    pairs = M.Pairs(np.array([0]), np.array([0]), np.array([decide.BACK - 0.05], dtype=np.float32))
    assert (len(decide.candidates(said, registered, pairs, exact=True)[0]) == 1) is backs, text


# -- the ends of a change and the change itself (ninth round) ------------------------------------


@pytest.mark.parametrize(("text", "i", "name", "unit", "compatible"), [
    # one end of a change in money is a level; a metric named by a saving or a cut is the change
    ("Freight spend down 42%, from £9,000 to £5,200 a month.", 2,
     "annual saving on freight and courier spend", "GBP", False),
    ("Freight spend down 42%, from £9,000 to £5,200 a month.", 2, "monthly freight spend", "GBP", True),
    ("The depot used to spend $40,000 a year on fuel.", 0, "annual fuel savings per depot", "USD", False),
    ("The depot used to spend $40,000 a year on fuel.", 0, "reduction in annual fuel spend", "USD", False),
    ("Harbour Group saves €200,000 a year.", 0, "annual saving on overtime and agency spend", "EUR", True),
    ("Clinics now save $9,000 a year on reminders.", 0, "annual saving on reminder postage", "USD", True),
    # a price that is lower is a price, a level: either end of a change of price may misstate it
    ("Nonprofits pay from $99 down to $69 a month.", 1, "reduced monthly price for nonprofits", "USD", True),
    ("Schools move from £1,200 to £900 a year.", 1, "discounted annual licence for schools", "GBP", True),
    # a share its own clause calls the old state is the level a change is measured from
    ("Churn was a problem at first: the pilot's baseline was 31% of members lapsing.", 0,
     "reduction in lapsed members", "percent", False),
    ("Churn was a problem at first: the pilot's baseline was 31% of members lapsing.", 0,
     "share of members lapsing", "percent", True),
    ("Previously, 45% of shifts went unfilled.", 0, "reduction in unfilled shifts", "percent", False),
    ("Before Quarryline, 18% of loads ran late.", 0, "reduction in late loads", "percent", False),
    # a baseline named in another clause leaves the share the change measured against it
    ("Compared with the baseline, turnover fell by 30%.", 0, "reduction in annual staff turnover", "percent", True),
    ("Versus the baseline, a 55% no-show improvement.", 0, "no-show reduction", "percent", True),
    ("Against last year's baseline, a 20% cut in late deliveries.", 0, "reduction in late deliveries", "percent",
     True),
])
def test_the_ends_of_a_change_never_meet_the_change(text: str, i: int, name: str, unit: str,
                                                    compatible: bool) -> None:
    value = 23 if unit == "percent" else 186000
    f = fig(text, i)
    assert _compatible(f, metric(value, unit, name=name)) is compatible, (text, f.display, name)


# -- a metric's id is its shortest name (ninth round) ---------------------------------------------


@pytest.mark.parametrize(("context", "metric_id", "weights", "own", "said"), [
    # the id's words the clause says, whatever the entry's title and the metric's long name add
    ("Across our plants, scrap falls by about 20% in the first year, and the median line changeover is now [NUM].",
     "line-changeover-minutes", None, "", 1.0),
    ("Planners on Tidewell get back [NUM] on roster planning every week.", "roster-planning-hours-saved", None, "",
     1.0),
    ("Planners on Tidewell get back [NUM] on roster planning every week.", "roster-planning-hours-saved-per-depot",
     None, "", 2 / 3),
    ("Payouts land in your account within [NUM].", "median-go-live-weeks", None, "", 0.0),
    # words of periods and units, and of which way a figure moved, say how it is counted, not what
    # it measures
    ("It saves [NUM] every week.", "hours-saved-per-week", None, "", 0.0),
    ("Churn among clinics is [NUM].", "clinic-churn-pct", None, "", 1.0),
    ("Fleet TCO over three years comes to [NUM].", "fleet-tco-3yr-usd", None, "", 1.0),
    ("Onboarding a new hire takes [NUM].", "hire-onboarding-wks", None, "", 1.0),
    ("Agency spend fell to [NUM] a month.", "agency-spend-eur", None, "", 1.0),
    ("API latency at p50 is [NUM].", "api-latency-p50-ms", None, "", 1.0),
    ("Pick rates went up [NUM] per hour.", "pick-rate-count-hrs", None, "", 0.5),
    # an id left with one measure word says no more than that word, which any clause about the
    # subject says: it weighs half
    ("Front desk time on no-shows goes down like [NUM].", "no-show-reduction", None, "", 0.5),
    ("Spoilage is down [NUM].", "spoilage-pct", None, "", 0.5),
    ("Crop losses are down [NUM].", "spoilage-pct", None, "", 0.0),
    ("Late loads dropped by [NUM].", "late-load-reduction", None, "", 1.0),
    # a period the id names must agree with the one the clause names, if it names one
    ("Q4 ARR growth was [NUM].", "q3-arr-growth", None, "", 0.0),
    ("Q3 ARR growth was [NUM].", "q3-arr-growth", None, "", 1.0),
    ("ARR growth was [NUM].", "q3-arr-growth", None, "", 1.0),
    ("In FY25 renewals grew [NUM].", "fy24-renewal-growth", None, "", 0.0),
    # a rare word of the id weighs more than a word most metrics share
    ("Claims close in [NUM].", "motor-claim-cycle-days", {"motor": 1.0, "claim": 0.5, "cycl": 3.0}, "", 0.5 / 4.5),
    # the company's own name is no measure word
    ("Tidewell pays for itself in [NUM].", "tidewell-payback-period-months", None, "", 1 / 3),
    ("Tidewell pays for itself in [NUM].", "tidewell-payback-period-months", None, "Tidewell", 0.0),
    ("The median payback is about [NUM].", "median-payback-months", None, "", 0.5),
    # only the clause holding the figure counts, not the rest of its sentence
    ("Changeovers fell sharply, and repairs close in [NUM].", "line-changeover-minutes", None, "", 0.0),
])
def test_how_much_of_a_metrics_id_a_figure_says(context: str, metric_id: str, weights: dict[str, float] | None,
                                                 own: str, said: float) -> None:
    from knowledge.figures import identity

    own_name = frozenset(reading.content_terms(own)) if own else frozenset()
    assert identity.id_words(context, metric_id, weights, own_name) == pytest.approx(said, abs=0.01)
