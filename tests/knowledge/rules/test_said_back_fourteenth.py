"""The prospect's own figure said back, fourteenth round (bench/ACCURACY.md, "False claims findings by
cause, fourteenth round"). Written before the readings were measured, in six industries no labelled
corpus covers: climbing gyms, funeral directors, ski hire, bookshops, tattoo studios and beekeeping
suppliers. Each reading has cases where it must hold and cases where the figure is still a claim."""

from __future__ import annotations

import pytest

from knowledge.claims import extract_claims
from knowledge.figures.index import _said, _said_back
from knowledge.rules.unsupported_claim import no_outcome

# The reading these cases were written for (a figure in the reader's "you mentioned ..." clause is the
# reader's, whatever its verb) shipped for one review and was taken out: on the reviewer's 62 sentences it
# made 15 worse and 10 better ("Right now you could be saving 40% ...", "You mentioned that salons on
# Groomly see 35% fewer no-shows.", "You mentioned you read that fleets on Frostline cut spoilage by 60%."
# went quiet). Its must-hold cases are strict expected failures; the reviewer's cases must stay claims.
READER = "the reader's own words said back"
_TAKEN_OUT = pytest.mark.xfail(strict=True, reason="the said-back reading was taken out after review")


def _claim(sentence: str, span: str):  # type: ignore[no-untyped-def]
    claims = [c for c in extract_claims(sentence) if span in (c.span or "")]
    assert claims, [c.span for c in extract_claims(sentence)]
    return claims[0]


@pytest.mark.parametrize(("sentence", "span", "why"), [
    # in the clause that says whose words they are, whatever its verb: a loss, a change, a "more"
    pytest.param("You mentioned you lose about £4,000 a month in unpaid day passes.", "£4,000", READER,
                 marks=_TAKEN_OUT),
    pytest.param("You told us your arrangers spend 6 hours more per service on paperwork.", "6 hours", READER,
                 marks=_TAKEN_OUT),
    pytest.param("You said rentals fell 15% last winter.", "15%", READER, marks=_TAKEN_OUT),
    # after the reader's clause, or of the company's side: a claim
    ("You told us returns were 12%; with Spinebook they fall to 4%.", "4%", None),
    ("You mentioned no-shows, and studios on Inkwell cut them by 30%.", "30%", None),
    ("You mentioned that our members lose 20% fewer colonies over winter.", "20%", None),
    # the review's sentences (solar, driving schools, dog grooming, cold-chain logistics): our outcome
    ("Right now you could be saving 40% on your energy bills with SunRoof.", "40%", None),
    ("Today you can cut cancellations by 30% with LessonLoop.", "30%", None),
    ("You mentioned that salons on Groomly see 35% fewer no-shows.", "35%", None),
    ("You mentioned you read that fleets on Frostline cut spoilage by 60%.", "60%", None),
])
def test_the_readers_words_said_back_whatever_their_verb(sentence: str, span: str, why: str | None) -> None:
    assert no_outcome(_claim(sentence, span)) == why


# Reading 1 (the company's side looked for in the figure's clause, not the whole turn) failed its rule and
# is not shipped (bench/ACCURACY.md, "False claims findings by cause, fourteenth round"): what ships reads
# the whole turn, and the cases it gets wrong are kept as strict expected failures.
_NOT_SHIPPED = pytest.mark.xfail(strict=True, reason="reading 1 not shipped: a 'we' anywhere in the turn blocks it")
_CHANGE_SAID_BACK = pytest.mark.xfail(strict=True, reason="a change in the rep's words is not read: the value alone")


@pytest.mark.parametrize(("prospect", "rep", "span", "said_back"), [
    # the prospect's figure said back in a turn that speaks of the company elsewhere
    pytest.param("we rent out about 40 boards a day in peak week",
                 "yeah 40 boards a day is a lot we see that with most resorts", "40 boards", True, marks=_NOT_SHIPPED),
    pytest.param("we have about 300 titles on preorder",
                 "our app handles that fine so getting 300 titles listed is quick", "300 titles", True, marks=_NOT_SHIPPED),
    pytest.param("we lose about 30% of colonies each winter", "30% is rough we hear that from a lot of keepers", "30%",
                 True, marks=_NOT_SHIPPED),
    # the company's side names the figure's subject, or the figure is a change: a claim
    ("our renewal rate is about 80%", "our gyms keep 80% of members past the first year", "80%", False),
    ("it takes us about 3 weeks to get a memorial booklet printed", "we turn memorial booklets round in 3 weeks",
     "3 weeks", False),
    # reworded after the first run: the extractor reads no figure in "see 10 fewer no-shows a week" (below)
    pytest.param("we have about 10% no-shows", "and studios on Inkwell see 10% fewer no-shows", "10%", False,
                 marks=_CHANGE_SAID_BACK),
])
def test_a_figure_the_prospect_said_first(prospect: str, rep: str, span: str, said_back: bool) -> None:
    theirs = [(1, _said(c)) for c in extract_claims(prospect)]
    assert _said_back(_claim(rep, span), 2, theirs) is said_back


@pytest.mark.xfail(strict=True, reason="'10 fewer no-shows a week' is read as no figure (a count after 'see')")
def test_the_case_written_first_states_a_figure() -> None:
    """The tattoo studio's case as first written: canon reads no figure in it, so neither rule could
    report it whatever the reading did; it was reworded after the first run (the case above, with a
    share). A figure should be read here."""
    assert extract_claims("and studios on Inkwell see 10 fewer no-shows a week") != []
