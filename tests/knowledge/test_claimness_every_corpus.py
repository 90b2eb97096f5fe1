"""Sentences written for the thirteenth round's claim-ness work (bench/ACCURACY.md, "Claims that need a
source, learned from every development corpus, thirteenth round"), before its results were seen, in
industries none of the corpora is about: a company's own prices, settings, logistics, careers and
customer ranges are not reported by ``unsourced-claim``; an outcome claimed on the same kinds of page
is, when no source is given. The needs-a-source model is switched off here (no weights), so that what
is tested is whether the figure reads as a claim at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from knowledge.audit import audit
from knowledge.claims import needs_source

from .rules.test_figures import _ctx, _entry

# (industry, what the figure is, the sentence, the figure, reported)
CASES: list[tuple[str, str, str, str, bool]] = [
    # veterinary practices
    ("veterinary", "price", "The Practice plan is €140 per vet per month, billed yearly.", "€140", False),
    ("veterinary", "setting", "Vaccine reminders go out 21 days before the due date unless you change it.", "21 days",
     False),
    ("veterinary", "outcome", "Practices on the plan cut missed vaccine appointments by 27% in their first year.",
     "27%", True),
    # commercial laundries
    ("laundry", "range", "Our customers run between 3 and 60 washer-extractors each.", "60", False),
    ("laundry", "logistics", "The open day runs for two days at our Leeds depot.", "two days", False),
    ("laundry", "outcome", "Laundries using the scheduler save £4,200 per site a year on energy.", "£4,200", True),
    # translation agencies
    ("translation", "careers", "Project managers work in the office at least three days a week.", "three days",
     False),
    ("translation", "price", "Rush jobs cost US$0.18 per word.", "US$0.18", False),
    ("translation", "outcome", "Agencies on the platform deliver 38% more words per translator.", "38%", True),
    # marinas
    ("marina", "setting", "Berth holds expire after 48 hours if no deposit is paid.", "48 hours", False),
    ("marina", "logistics", "Onboarding is two sittings of about 40 minutes per harbour team.", "40 minutes", False),
    ("marina", "outcome", "92% of marinas renew after the first season.", "92%", True),
    # craft breweries
    ("brewery", "range", "Breweries on the platform brew between 500 and 20,000 hectolitres a year.", "20,000",
     False),
    ("brewery", "price", "The Taproom tier is at NZ$59 a month.", "$59", False),
    ("brewery", "outcome", "Brewers cut batch write-offs by 22% within six months.", "22%", True),
    # driving schools
    ("driving school", "careers", "Instructors get at least 25 days of paid leave a year.", "25 days", False),
    ("driving school", "setting", "The booking cut-off is 12 hours before a lesson.", "12 hours", False),
    ("driving school", "outcome", "Schools reduced lesson no-shows by 31% after switching.", "31%", True),
]


# not met by the shipped weights, nor by the weights refitted on every development corpus (the thirteenth
# round's change, not shipped): kept as strict expected failures, so that a change that meets them says so
NOT_MET = {"60", "US$0.18", "40 minutes", "12 hours"}


def _params() -> list[Any]:
    return [pytest.param(*c, id=f"{c[0]}-{c[1]}-{c[3]}",
                         marks=[pytest.mark.xfail(strict=True, reason="read as a claim")] if c[3] in NOT_MET else [])
            for c in CASES]


@pytest.mark.parametrize(("industry", "what", "text", "figure", "reported"), _params())
def test_only_outcome_claims_are_reported_unsourced(industry: str, what: str, text: str, figure: str, reported: bool,
                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(needs_source.ENV, str(tmp_path / "none.json"))
    page = _entry("answers/page.md", f"# {industry.title()}\n\n{text}\n", type="answer", owner="ops")
    findings = audit(_ctx([page]), ["unsourced-claim"]).findings
    spans = [f.claim["text"] for f in findings if f.claim]
    assert any(figure in s for s in spans) == reported, (what, spans)


def test_the_cases_cover_six_industries_and_every_kind() -> None:
    assert len({c[0] for c in CASES}) >= 6
    kinds = {c[1] for c in CASES}
    assert {"price", "setting", "logistics", "careers", "range", "outcome"} <= kinds


def test_the_second_try_cut_is_the_lowest_that_keeps_the_precision() -> None:
    """``bench/train_claimness.py --cut written-precision`` (measured in the thirteenth round's second try
    and not shipped): the lowest score up to 0.5 at which the written sentences' precision reaches the
    target, 0.5 when none does."""
    from bench import train_claimness as tc

    scored = [(0.9, 1), (0.8, 1), (0.6, 0), (0.45, 1), (0.4, 0), (0.3, 1), (0.2, 0)]
    assert tc.precision_at(scored, 0.45) == 0.75
    assert tc.precision_cut(scored, 0.75) == 0.45
    assert tc.precision_cut(scored, 0.7) == 0.45  # 4 of 6 kept at 0.3 fall short
    assert tc.precision_cut(scored, 0.65) == 0.3  # the lowest that reaches it, though 0.4 falls back to 0.6
    assert tc.precision_cut(scored, 0.99) == 0.5
