"""A figure said again in other words, nineteenth round (bench/ACCURACY.md, "Unsupported claims in drafts,
nineteenth round"). Written and committed before any result, in six industries no labelled corpus covers:
hearing-aid clinics, crematoria, sheet-music publishers, ice-road trucking, hydroponic farms and ferry
ticketing.

The class: a draft states a figure in digits, then says the same figure again, rounded and in words
("89% of requested shifts ... Nearly nine in ten orders covered"; "93% ... That is nearly nine in ten
jobs", a paragraph later). The first statement is the claim: it is backed, contradicted or reported;
the words add no claim of their own and must not get ``unsupported-claim``. A figure the KB does not
state, in digits or in words far from every figure before it, must still be reported.

The cases run ``canon check`` with the real embedding model: which entry backs a draft's figure is the
matching's reading, and its thresholds are the real model's.

The reading was withdrawn after a reviewer's 65 cases in five more industries
(``tests/data/review_beds/unsupported_review1``) found it silencing new figures said in words near any
figure of the same unit (18 right -> wrong, 2 wrong -> right): the three cases shipped code gets wrong
are strict expected failures.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from knowledge.model import Finding

TODAY = date(2026, 12, 1)
RULE = "unsupported-claim"


def _entry(title: str, metric: str, name: str, value: float, unit: str, body: str) -> str:
    """A reviewed proof point with one recent source and one metric, as a writer would file it."""
    return (f"---\ntype: proof_point\ntitle: {title}\nowner: kim@example.com\nreviewed: 2026-10-01\n"
            f"sources:\n  - title: {title} Study 2026\n    date: 2026-06-01\n"
            f"metrics:\n  - id: {metric}\n    name: {name}\n    value: {value}\n    unit: {unit}\n"
            f"    source: {title} Study 2026\n---\n\n# {title}\n\n{body}\n")


KBS: dict[str, dict[str, str]] = {
    "hearing-aid clinics": {"proof/fittings.md": _entry(
        "Single-visit fittings", "single-visit-fittings", "share of hearing-aid fittings completed in one visit",
        88, "percent", "Clinics on Earwise complete 88% of hearing-aid fittings in a single visit.")},
    "crematoria": {"proof/slots.md": _entry(
        "Service slots booked online", "online-bookings", "share of service slots booked online by funeral directors",
        71, "percent", "Funeral directors book 71% of service slots online with Ashgrove.")},
    "sheet-music publishers": {"proof/rights.md": _entry(
        "Licence requests cleared", "licences-same-day", "share of performance licence requests cleared the same day",
        91, "percent", "Publishers on Staveline clear 91% of performance licence requests the same day.")},
    "ice-road trucking": {"proof/loads.md": _entry(
        "Loads delivered in the window", "loads-on-window", "share of winter-road loads delivered inside the booked window",
        67, "percent", "Carriers on Frostlane deliver 67% of winter-road loads inside the booked window.")},
    "hydroponic farms": {"proof/harvests.md": _entry(
        "Harvests on plan", "harvests-on-plan", "share of harvests picked on the planned day",
        52, "percent", "Growers on Leafrack pick 52% of harvests on the planned day.")},
    "ferry ticketing": {"proof/boarding.md": _entry(
        "Mobile boarding", "mobile-boarding", "share of foot passengers boarding on a mobile ticket",
        79, "percent", "On Quaypass, 79% of foot passengers board on a mobile ticket.")},
}

# (industry, draft, lines that must NOT get unsupported-claim, lines that MUST get it)
CASES: list[tuple[str, str, list[int], list[int]]] = [
    # the KB's figure, then said again in words in the same paragraph, with another figure between
    ("hearing-aid clinics",
     "# Fittings\n\n"
     "Clinics on Earwise complete 88% of hearing-aid fittings in a single visit, up from 60%.\n"
     "Nearly nine in ten patients walk out hearing better on day one.\n\n"
     "Clinics on Earwise also sell 45% more batteries.\n",
     # as first committed, line 3 was among the quiet lines: a writing error, its "up from 60%" is a
     # before the KB does not state, and reporting it is right (corrected after the first run, where
     # main and the change both report it; bench/ACCURACY.md says so)
     [4], [3, 6]),
    # said again a paragraph later, introduced by "that is"
    ("crematoria",
     "# Online booking\n\n"
     "Funeral directors book 71% of service slots online with Ashgrove.\n"
     "Before, they booked 12% online.\n\n"
     "That is roughly seven in ten services arranged without a phone call.\n\n"
     "Families wait 40% less for a service date.\n",
     [3, 6], [8]),
    # a figure the KB does not state, said again in words: the digits are reported, the words are not
    ("sheet-music publishers",
     "# Licensing\n\n"
     "Publishers on Staveline clear 91% of performance licence requests the same day.\n"
     "Choirs renew 48% of their licences online, up from 20%. Close to half renew without a call.\n",
     [3], [4]),
    # words far from every figure before them: a new claim, reported
    ("ice-road trucking",
     "# Winter season\n\n"
     "Carriers on Frostlane deliver 67% of winter-road loads inside the booked window.\n"
     "Roughly two in ten drivers now plan their own routes on the app.\n",
     [3], [4]),
    # the same figure in words on the next line, with no "that is"
    ("hydroponic farms",
     "# Harvest planning\n\n"
     "Growers on Leafrack pick 52% of harvests on the planned day.\n"
     "About half of every crop now goes out on the day the buyer booked.\n"
     "Leafrack farms use 30% less water per kilo.\n",
     [3, 4], [5]),
    # a restatement in words, and a new figure in digits after "that is": still a claim
    ("ferry ticketing",
     "# Boarding\n\n"
     "On Quaypass, 79% of foot passengers board on a mobile ticket, against 35% before.\n"
     "Nearly eight in ten passengers never queue at the kiosk.\n"
     "That is 25% fewer staff hours at the terminal.\n",
     [3, 4], [5]),
]


@pytest.fixture(scope="module")
def embedder() -> Any:
    from knowledge.embedding import MiniLMNumpyEmbedder

    return MiniLMNumpyEmbedder()


def _flagged(industry: str, text: str, embedder: Any, tmp_path: Path) -> list[int]:
    """The draft lines ``canon check`` reports as ``unsupported-claim`` for ``text`` against the industry's KB."""
    from ingest.drafts import parse_draft_text
    from ingest.kb import load_kb
    from knowledge.audit import check
    from knowledge.rules import AuditContext
    from knowledge.settings import load_settings

    root = tmp_path / "kb"
    root.mkdir()
    (root / "canon.toml").write_text("[kb]\n", encoding="utf-8")
    settings = load_settings(root, environ={})
    kb = load_kb(settings, files={rel: body.encode("utf-8") for rel, body in KBS[industry].items()})
    ctx = AuditContext(settings=settings, kb=kb, today=TODAY, calls=[], vectors=embedder.embed)
    found: list[Finding] = check(ctx, [parse_draft_text(text, "drafts/d.md")], [RULE]).findings
    return sorted(f.line for f in found if f.path == "drafts/d.md" and f.rule == RULE)


# the cases the code without the withdrawn reading gets wrong (each on its restatement line)
WITHDRAWN = {"hearing-aid clinics", "crematoria", "ferry ticketing"}


@pytest.mark.model
@pytest.mark.parametrize(("industry", "text", "quiet", "reported"), [
    pytest.param(*c, marks=pytest.mark.xfail(strict=True, reason="the restatement reading was withdrawn after review"))
    if c[0] in WITHDRAWN else c for c in CASES], ids=[c[0] for c in CASES])
def test_a_figure_said_again_in_words_is_no_second_claim(industry: str, text: str, quiet: list[int],
                                                          reported: list[int], embedder: Any,
                                                          tmp_path: Path) -> None:
    flagged = _flagged(industry, text, embedder, tmp_path)
    assert not set(quiet) & set(flagged), flagged
    assert set(reported) <= set(flagged), flagged
