"""A draft that repeats a stale figure, fifteenth round (bench/ACCURACY.md, "Stale figures in drafts,
fifteenth round"). Written before any result, in six industries no labelled corpus covers: ferry
operators, roofing, zoos, orthodontics, printing presses and allotment societies. Each KB holds one
stale metric (its source older than ``max_source_age``, or its entry overdue for review) and one fresh
metric. A draft that repeats the stale figure (in other words, rounded, in a table, in front matter)
must get ``stale-claim``; a draft that states the fresh figure, another measure, the stale figure cited
to a newer source of its own, or a dated historical statement ("in 2019 we measured") must not.

The cases run with the real embedding model: which entry backs a draft's figure is the matching's
reading, and its thresholds are the real model's. Cases ``main`` gets wrong are strict expected
failures, named by what is missed. The round's reading of whose figure a draft's figure is (two tries)
was taken out after review; these cases test canon without it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from knowledge.model import Finding

TODAY = date(2026, 11, 1)
TOML = '[kb]\nmax_source_age = "24m"\nreview_every = "180d"\n'


def _entry(title: str, reviewed: str, source: str, source_date: str, metric: str, name: str, value: float,
           unit: str, body: str) -> str:
    """A proof point with one source and one metric, as a writer would file it."""
    return (f"---\ntype: proof_point\ntitle: {title}\nowner: kim@example.com\nreviewed: {reviewed}\n"
            f"sources:\n  - title: {source}\n    date: {source_date}\n"
            f"metrics:\n  - id: {metric}\n    name: {name}\n    value: {value}\n    unit: {unit}\n"
            f"    source: {source}\n---\n\n# {title}\n\n{body}\n")


KBS: dict[str, dict[str, str]] = {
    "ferry": {
        "proof/punctuality.md": _entry(
            "Sailing punctuality", "2026-09-01", "Harbour Operations Audit", "2022-03-15", "on-time-sailings",
            "share of sailings departing within five minutes of schedule", 96.4, "percent",
            "Operators on Tidewise depart within five minutes of schedule on 96.4% of sailings."),
        "proof/boarding.md": _entry(
            "Vehicle boarding time", "2026-09-01", "2026 Crossing Study", "2026-04-10", "boarding-time",
            "median time to board a vehicle deck", 18, "minutes",
            "The median vehicle deck boards in 18 minutes with Tidewise."),
    },
    "roofing": {
        "proof/quotes.md": _entry(
            "Quote turnaround", "2026-08-15", "Contractor Workflow Survey", "2021-11-02", "quote-turnaround-cut",
            "reduction in time to send a roofing quote", 62, "percent",
            "Roofers using Slatebook send quotes 62% faster."),
        "proof/callbacks.md": _entry(
            "Warranty callbacks", "2026-08-15", "Roofing Quality Benchmark 2026", "2026-05-20", "callback-cut",
            "reduction in warranty callbacks per hundred jobs", 27, "percent",
            "Crews on Slatebook see 27% fewer warranty callbacks."),
    },
    "zoo": {
        # stale by review: reviewed long ago, its source still recent
        "proof/queues.md": _entry(
            "Gate queues", "2025-01-10", "Visitor Flow Trial", "2025-06-01", "gate-wait",
            "average wait at the entrance gate on peak days", 7, "minutes",
            "Visitors wait an average of 7 minutes at the gate on peak days."),
        "proof/members.md": _entry(
            "Membership renewals", "2026-09-20", "2026 Visitor Attractions Report", "2026-03-01", "renewal-rate",
            "share of annual members who renew", 71, "percent",
            "71% of annual members renew with Keeperly."),
    },
    "orthodontics": {
        "proof/no-shows.md": _entry(
            "Missed appointments", "2026-07-01", "Practice Attendance Study", "2022-06-30", "no-show-cut",
            "reduction in missed aligner check-ups", 38, "percent",
            "Practices on Bracewell cut missed aligner check-ups by 38%."),
        "proof/chair-time.md": _entry(
            "Chair time", "2026-07-01", "Clinic Efficiency Review 2026", "2026-02-14", "chair-time",
            "chair time saved per patient visit", 6, "minutes",
            "Bracewell saves 6 minutes of chair time per patient visit."),
    },
    "printing": {
        "proof/makeready.md": _entry(
            "Makeready time", "2026-10-01", "Pressroom Benchmark", "2021-09-09", "makeready-cut",
            "reduction in makeready time per job", 43, "percent",
            "Pressrooms on Inkstand cut makeready time per job by 43%."),
        "proof/waste.md": _entry(
            "Paper waste", "2026-10-01", "2026 Print Sustainability Study", "2026-06-01", "waste-sheets",
            "spoiled sheets per thousand printed", 12, "sheets",
            "Inkstand presses spoil 12 sheets per thousand printed."),
    },
    "allotment": {
        "proof/waiting-list.md": _entry(
            "Waiting lists", "2026-06-01", "Plot Holder Census", "2022-01-20", "waiting-weeks",
            "average wait for an allotment plot", 31, "weeks",
            "Societies on Plotline offer a plot after an average wait of 31 weeks."),
        "proof/rent.md": _entry(
            "Rent collection", "2026-06-01", "Allotment Finance Survey 2026", "2026-04-01", "rent-on-time",
            "share of plot rents paid on time", 94, "percent",
            "94% of plot rents are paid on time with Plotline."),
    },
}

# (industry, draft text, the draft line that must get stale-claim, or None)
MUST_FIRE: list[Any] = [
    ("ferry", "# Autumn timetable\n\nNearly all our sailings, 96.4%, leave within five minutes of the timetable.\n", 3),
    ("ferry", "---\ntitle: Harbour pitch\nheadline: 96% of sailings depart on time\n---\n\n# Pitch\n\nOn time.\n", 3),
    ("roofing", "# Why Slatebook\n\nQuotes go out about 60% faster for roofers who use Slatebook.\n", 3),
    ("roofing", "# Results\n\n| Measure | Result |\n|---|---|\n| Faster roofing quotes | 62% |\n", 5),
    ("zoo", "# Peak days\n\nOn busy days the queue at our gates is only about 7 minutes.\n", 3),
    ("zoo", "# Gate figures\n\n| Measure | Value |\n|---|---|\n| Average gate wait, peak days | 7 minutes |\n", 5),
    ("orthodontics", "# For practices\n\nMissed aligner check-ups fall by almost 40% once practices move to Bracewell.\n",
     3),
    ("orthodontics", "---\ntitle: Practice flyer\nsummary: 38% fewer missed aligner check-ups\n---\n\n# Flyer\n\nHi.\n",
     3),
    ("printing", "# Pressroom brief\n\nMakeready on each job drops by 43% on Inkstand.\n", 3),
    ("printing", "# Pressroom brief\n\nMakeready time per job is cut by more than 40%.\n", 3),
    ("allotment", "# Newsletter\n\nMembers typically get a plot after about 31 weeks on the waiting list.\n", 3),
    ("allotment", "# Newsletter\n\n| What | Plotline |\n|---|---|\n| Average wait for a plot | 31 weeks |\n", 5),
]

_OWN_SOURCE = pytest.mark.xfail(
    strict=True, reason="a newer source the draft names for the figure is not read: the backing entry's old one counts")

MUST_NOT_FIRE: list[Any] = [
    # the fresh figure
    ("ferry", "# Boarding\n\nA vehicle deck boards in a median of 18 minutes.\n"),
    ("roofing", "# Quality\n\nSlatebook crews get 27% fewer warranty callbacks.\n"),
    ("zoo", "# Members\n\nAbout 71% of our annual members renew.\n"),
    # another measure with a number near the stale one
    ("ferry", "# Fleet\n\nWe run 96 sailings a day across four routes.\n"),
    ("printing", "# Pressroom\n\nThe pressroom runs 43 presses across two sites.\n"),
    ("orthodontics", "# Team\n\nOur 38 orthodontists see patients six days a week.\n"),
    # the stale figure cited to a newer source of its own: main reports it (the draft's own source is not
    # read), a strict expected failure
    pytest.param("roofing", "# Why Slatebook\n\nRoofers send quotes 62% faster (Slatebook Customer Survey, 2026).\n",
                 marks=_OWN_SOURCE),
    pytest.param("allotment", "# Newsletter\n\nAccording to the 2026 Plot Holder Census, the average wait for a plot "
                 "is 31 weeks.\n", marks=_OWN_SOURCE),
    # a dated historical statement: the figure is told as what held then
    ("printing", "# Our history\n\nIn 2021 we measured a 43% cut in makeready time per job.\n"),
    ("orthodontics", "# Our story\n\nBack in 2022 our first practices cut missed aligner check-ups by 38%.\n"),
    # the fresh figure of the other industries
    ("printing", "# Waste\n\nInkstand presses spoil only 12 sheets per thousand.\n"),
    ("allotment", "# Rents\n\n94% of plot rents come in on time.\n"),
]


@pytest.fixture(scope="module")
def embedder() -> Any:
    from knowledge.embedding import MiniLMNumpyEmbedder

    return MiniLMNumpyEmbedder()


def _stale_lines(industry: str, text: str, embedder: Any, tmp_path: Path) -> list[int]:
    """The draft lines ``canon check`` reports as ``stale-claim`` for ``text`` against the industry's KB."""
    from ingest.drafts import parse_draft_text
    from ingest.kb import load_kb
    from knowledge.audit import check
    from knowledge.rules import AuditContext
    from knowledge.settings import load_settings

    root = tmp_path / "kb"
    root.mkdir()
    (root / "canon.toml").write_text(TOML, encoding="utf-8")
    settings = load_settings(root, environ={})
    kb = load_kb(settings, files={rel: body.encode("utf-8") for rel, body in KBS[industry].items()})
    ctx = AuditContext(settings=settings, kb=kb, today=TODAY, calls=[], vectors=embedder.embed)
    found: list[Finding] = check(ctx, [parse_draft_text(text, "drafts/d.md")], ["stale-claim"]).findings
    return sorted(f.line for f in found if f.path == "drafts/d.md")


@pytest.mark.model
@pytest.mark.parametrize(("industry", "text", "line"), MUST_FIRE)
def test_a_repeated_stale_figure_is_reported(industry: str, text: str, line: int, embedder: Any,
                                             tmp_path: Path) -> None:
    assert line in _stale_lines(industry, text, embedder, tmp_path)


@pytest.mark.model
@pytest.mark.parametrize(("industry", "text"), MUST_NOT_FIRE)
def test_no_stale_finding_where_the_draft_is_not_stale(industry: str, text: str, embedder: Any,
                                                       tmp_path: Path) -> None:
    assert _stale_lines(industry, text, embedder, tmp_path) == []
