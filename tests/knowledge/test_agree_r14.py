"""Right restatements of a registered metric said another way, in six industries none of the corpora
covers (marinas, concert halls, language schools, florists, car washes, bike-share schemes), written
and committed before the fourteenth round's reading was measured ("Right restatements said another
way, fourteenth round" in bench/ACCURACY.md).

Each case is a tiny KB (one proof point registering two metrics, each stated right in its prose) and
one line a rep says on a call, a draft states, or a messaging page of the KB states. ``backed``: the
line states the approved value said another way ("three quarters of an hour" for 45 minutes, "about
two weeks" for 14 days, "a third" for 33%, "£1.2m" for 1,200,000 GBP), so no needs-a-source finding
and no comparing finding falls on it. ``reported``: the line states the same number of another
measure, a wrong value of the registered measure, or the value coincidentally in another unit (a
count); a needs-a-source or a comparing finding still falls on it. Runs with the real embedding
model and the shipped weights; the harness is the thirteenth round's
(:func:`tests.knowledge.test_identity_r13.findings`).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.knowledge.test_identity_r13 import COMPARING, findings, known_failures

pytestmark = pytest.mark.model

NEEDS_SOURCE = ("unsourced-claim", "unsupported-claim")
RULES = (*COMPARING, *NEEDS_SOURCE)

KBS: dict[str, dict[str, Any]] = {
    "marina": {"product": "Moorline", "metrics": [
        ("berth-assignment-minutes", "average time to assign a visiting berth", 45, "minutes"),
        ("summer-berth-occupancy", "average summer berth occupancy", 75, "percent")]},
    "concert": {"product": "Podiumly", "metrics": [
        ("subscriber-renewal-rate", "share of subscribers renewing for the next season", 50, "percent"),
        ("programme-print-days", "average time to print a concert programme", 14, "days")]},
    "language": {"product": "Lingodesk", "metrics": [
        ("placement-test-minutes", "average length of the placement test", 90, "minutes"),
        ("enrolment-increase", "increase in enrolments", 25, "percent")]},
    "florist": {"product": "Petalpost", "metrics": [
        ("order-delivery-hours", "average time from order to delivery", 3, "hours"),
        ("flower-waste-reduction", "reduction in flowers thrown away", 33, "percent")]},
    "carwash": {"product": "Suddsy", "metrics": [
        ("membership-revenue", "membership revenue per site", 1200000, "GBP"),
        ("queue-wait-minutes", "average wait in the queue", 6, "minutes")]},
    "bikeshare": {"product": "Spokewise", "metrics": [
        ("scheme-launch-days", "average time to launch a new scheme", 42, "days"),
        ("bike-theft-reduction", "reduction in bike thefts", 20, "percent")]},
}

BACKED = "backed"
REPORTED = "reported"

# (industry, where, line, what must happen)
CASES: list[tuple[str, str, str, str]] = [
    # marinas
    ("marina", "draft", "Harbour masters on Moorline assign a visiting berth in about three quarters of an hour.",
     BACKED),
    ("marina", "page", "Marinas on Moorline fill three quarters of their berths in summer.", BACKED),
    ("marina", "draft", "Moorline trains new dock staff in 45 minutes.", REPORTED),
    ("marina", "call", "Harbour masters on Moorline assign a visiting berth in about an hour and a half.", REPORTED),
    ("marina", "draft", "Marinas on Moorline host 45 regattas a summer.", REPORTED),
    # concert halls
    ("concert", "draft", "Half of the subscribers renew for the next season with Podiumly.", BACKED),
    ("concert", "call", "Printing a concert programme takes about two weeks with Podiumly.", BACKED),
    ("concert", "draft", "Half of the orchestra's players are freelancers.", REPORTED),
    ("concert", "draft", "Printing a concert programme takes about three weeks with Podiumly.", REPORTED),
    ("concert", "draft", "Podiumly adds 14 seats to every sold-out concert.", REPORTED),
    # language schools
    ("language", "page", "The Lingodesk placement test takes an hour and a half on average.", BACKED),
    ("language", "draft", "Schools on Lingodesk enrol a quarter more students.", BACKED),
    ("language", "draft", "A Lingodesk conversation class lasts 90 minutes.", REPORTED),
    ("language", "call", "Schools on Lingodesk enrol about forty percent more students.", REPORTED),
    ("language", "draft", "Schools on Lingodesk teach 25 languages.", REPORTED),
    # florists
    ("florist", "draft", "Florists on Petalpost throw away a third fewer flowers.", BACKED),
    ("florist", "call", "Orders reach the door about three hours after they are placed with Petalpost.", BACKED),
    ("florist", "draft", "A third of the florists on Petalpost work on Sundays.", REPORTED),
    ("florist", "draft", "Florists on Petalpost throw away 45% fewer flowers.", REPORTED),
    ("florist", "draft", "Petalpost florists keep 33 varieties in stock.", REPORTED),
    # car washes
    ("carwash", "draft", "Each Suddsy site brings in £1.2m from memberships.", BACKED),
    ("carwash", "call", "Drivers wait about six minutes in the queue at Suddsy sites.", BACKED),
    ("carwash", "draft", "A Suddsy wash takes 6 minutes.", REPORTED),
    ("carwash", "draft", "Each Suddsy site brings in £2.1m from memberships.", REPORTED),
    ("carwash", "draft", "Suddsy runs 6 sites in Leeds.", REPORTED),
    # bike-share schemes
    ("bikeshare", "draft", "Cities on Spokewise launch a new scheme in about six weeks.", BACKED),
    ("bikeshare", "page", "Schemes on Spokewise lose a fifth fewer bikes to theft.", BACKED),
    ("bikeshare", "draft", "One in five riders on Spokewise schemes is a commuter.", REPORTED),
    ("bikeshare", "draft", "Cities on Spokewise launch a new scheme in about ten weeks.", REPORTED),
    ("bikeshare", "draft", "Spokewise schemes run 42 docking stations on average.", REPORTED),
]

# Cases the code at the round's start (main 9c7b1cc) gets wrong, recorded when first run, before any
# change was measured. Strict, so a change that mends one must say so here.
COINCIDENCE = "backed on main: the same value of another measure linked to the registered metric"
NOT_A_CLAIM = "not a claim on main (no needs-a-source finding): a fact of the company or its product, or an outcome canon does not read as a claim"
KNOWN: dict[int, str] = {
    2: COINCIDENCE, 17: COINCIDENCE, 27: COINCIDENCE,
    4: NOT_A_CLAIM, 9: NOT_A_CLAIM, 12: NOT_A_CLAIM, 14: NOT_A_CLAIM, 19: NOT_A_CLAIM, 24: NOT_A_CLAIM,
}


@pytest.mark.parametrize(("industry", "where", "line", "want"), known_failures(CASES, KNOWN))
def test_a_right_restatement_said_another_way(industry: str, where: str, line: str, want: str) -> None:
    got = [f for f in findings(industry, where, line, KBS, RULES) if f.rule in RULES]
    if want == BACKED:
        assert not got, [(f.rule, f.message) for f in got]
    else:
        assert got, "nothing reported"
