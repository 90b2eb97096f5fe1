"""The "same measure?" link on sentences of six industries none of the corpora covers (dental
practices, HR software, cybersecurity, schools, retail stock, freight), written before the thirteenth
round's refit was measured ("Measure identity, thirteenth round" in bench/ACCURACY.md).

Each case is a tiny KB (one proof point registering two metrics) and one line a rep says on a call
or a draft states. ``link``: the line restates a registered metric in other words with a wrong
value, so the finding is a comparing one (``rep-misstatement`` on a call, ``metric-conflict`` on a
draft) naming that metric, not "add a source". ``quiet``: the line states another measure sharing a
word, another customer's figure, an industry norm, a baseline, another period or a price; no
comparing finding. Runs with the real embedding model and the shipped weights.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.model

COMPARING = ("metric-conflict", "rep-misstatement")
RULES = (*COMPARING, "unsupported-claim")

KBS: dict[str, dict[str, Any]] = {
    "dental": {"product": "ChairTime", "metrics": [
        ("missed-appointment-reduction", "average reduction in missed appointments", 31, "percent"),
        ("insurance-check-minutes", "average time to verify a patient's insurance", 4, "minutes")]},
    "hr": {"product": "Rosterly", "metrics": [
        ("time-to-hire-days", "average time to hire", 23, "days"),
        ("payroll-error-reduction", "reduction in payroll errors", 60, "percent")]},
    "cyber": {"product": "Sentrel", "metrics": [
        ("time-to-detect-minutes", "median time to detect an intrusion", 9, "minutes"),
        ("false-positive-reduction", "reduction in false-positive alerts", 70, "percent")]},
    "school": {"product": "Classwise", "metrics": [
        ("completion-increase", "increase in assignment completion rate", 18, "percent"),
        ("teacher-hours-saved", "hours saved per teacher per week", 5, "hours")]},
    "retail": {"product": "Shelfwise", "metrics": [
        ("stockout-reduction", "reduction in stockouts", 27, "percent"),
        ("basket-size-increase", "increase in average basket size", 6, "percent")]},
    "freight": {"product": "Haulbook", "metrics": [
        ("empty-miles-reduction", "reduction in empty miles", 14, "percent"),
        ("days-to-invoice", "average time to invoice a load", 2, "days")]},
}

# (industry, where, line, the metric it must link to or None for quiet)
CASES: list[tuple[str, str, str, str | None]] = [
    # dental practices
    ("dental", "call", "Practices on ChairTime see about forty five percent fewer no-shows.",
     "missed-appointment-reduction"),
    ("dental", "draft", "Clinics using ChairTime reminders cut their no-show rate by 45%.",
     "missed-appointment-reduction"),
    ("dental", "call", "Patients book their appointments about forty five percent faster online.", None),
    ("dental", "draft", "The national no-show rate for dental practices is around 12%.", None),
    ("dental", "draft", "Before ChairTime, 18% of appointments at a typical practice were missed.", None),
    ("dental", "draft", "Annual ChairTime plans come with a 15% discount.", None),
    # HR software
    ("hr", "call", "Our customers fill an open role in about forty days on average.", "time-to-hire-days"),
    ("hr", "draft", "Payroll mistakes drop by 35% with Rosterly.", "payroll-error-reduction"),
    ("hr", "draft", "New hires finish their onboarding paperwork in 5 days.", None),
    ("hr", "call", "One retailer we spoke to last week takes sixty days to hire a store manager.", None),
    ("hr", "draft", "Industry-wide, the average time to hire is about 44 days, according to a national survey.", None),
    # cybersecurity
    ("cyber", "call", "We typically spot an attacker inside the network within about twenty five minutes.",
     "time-to-detect-minutes"),
    ("cyber", "draft", "Analysts see 85% fewer bogus alerts with Sentrel.", "false-positive-reduction"),
    ("cyber", "draft", "The median time to patch a critical vulnerability is 25 days.", None),
    ("cyber", "draft", "Before Sentrel, the median time to detect at these firms was 200 minutes.", None),
    ("cyber", "draft", "Industry reports put the average attacker dwell time at 16 days.", None),
    # schools
    ("school", "call", "Teachers get back around eight hours a week on marking and admin.", "teacher-hours-saved"),
    ("school", "draft", "Students hand in 30% more of their homework on time with Classwise.", "completion-increase"),
    ("school", "draft", "Teachers spend about 8 hours a week planning lessons.", None),
    ("school", "draft", "Schools get 30% off Classwise on a three-year contract.", None),
    ("school", "draft", "Completion rates usually dip by 10% over the summer term at every school.", None),
    # retail stock
    ("retail", "call", "Stores running Shelfwise see about forty percent fewer empty shelves.", "stockout-reduction"),
    ("retail", "draft", "Shoppers spend 11% more per visit with Shelfwise recommendations.", "basket-size-increase"),
    ("retail", "draft", "Store staff spend 40% less time counting stock.", None),
    ("retail", "draft", "Retailers typically lose about 4% of sales to stockouts.", None),
    ("retail", "draft", "Before Shelfwise, 12% of shelves were empty on a Saturday afternoon.", None),
    # freight
    ("freight", "call", "Carriers on Haulbook drive about twenty five percent fewer miles with an empty trailer.",
     "empty-miles-reduction"),
    ("freight", "draft", "On average a load gets invoiced 6 days after delivery with Haulbook.", "days-to-invoice"),
    ("freight", "draft", "Fuel use per mile fell 25% across the fleet after new tyres.", None),
    ("freight", "call", "Brandt Haulage, on a competitor's system, cut their empty miles by twenty five percent.",
     None),
    ("freight", "draft", "Haulbook costs 3% of annual freight spend.", None),
]

# Cases the shipped code gets wrong, recorded when the thirteenth round measured them (the refit,
# not shipped, gets the same ones wrong): strict, so a change that mends one must say so here.
# "model": wrong only with the "same measure?" model; "thresholds": wrong with the hand-set
# similarity thresholds alone too.
MISSED_LINK = "link not made (thresholds and model)"
KNOWN: dict[int, str] = {
    0: MISSED_LINK, 1: MISSED_LINK, 6: MISSED_LINK, 11: MISSED_LINK, 12: MISSED_LINK, 16: MISSED_LINK,
    17: MISSED_LINK, 21: MISSED_LINK, 22: MISSED_LINK,
    2: "model: booking speed read as the missed-appointment reduction",
    18: "model: hours spent planning read as hours saved",
    4: "thresholds: a baseline share read as the reduction",
    10: "thresholds: an industry norm read as the customers' time to hire",
    29: "thresholds: another company's figure read as the registered reduction",
    30: "thresholds: a price as a share of spend read as the registered reduction",
}


def known_failures(cases: list[Any], known: dict[int, str]) -> list[Any]:
    """The cases as parameters, those the shipped code gets wrong (``known``: index -> reason) marked as
    strict expected failures, each named by its industry and index."""
    out = []
    for k, case in enumerate(cases):
        marks = [pytest.mark.xfail(strict=True, reason=known[k])] if k in known else []
        out.append(pytest.param(*case, marks=marks, id=f"{case[0]}-{k}"))
    return out


def _params() -> list[Any]:
    return known_failures(CASES, KNOWN)


ENTRY = """---
type: proof_point
title: {product} results
owner: ana@example.com
reviewed: 2026-10-01
sources:
  - title: 2026 {product} customer review
    date: 2026-06-30
metrics:
{metrics}
---

# {product} results

{prose}
"""
METRIC = """  - id: {id}
    name: {name}
    value: {value}
    unit: {unit}
    source: 2026 {product} customer review
"""


PAGE = """---
type: message
title: Pitch
owner: ana@example.com
reviewed: 2026-10-01
---

# Pitch

{line}
"""


def _entry(kb: dict[str, Any]) -> str:
    """The proof point registering the industry's two metrics, each stated right in its prose."""
    metrics = "".join(METRIC.format(id=i, name=n, value=v, unit=u, product=kb["product"])
                      for i, n, v, u in kb["metrics"])
    prose = " ".join(f"The {n} with {kb['product']} is {v} {u}." for _, n, v, u in kb["metrics"])
    return ENTRY.format(product=kb["product"], metrics=metrics, prose=prose)


def findings(industry: str, where: str, line: str, kbs: dict[str, dict[str, Any]] | None = None,
             rules: tuple[str, ...] = RULES) -> list[Any]:
    """The figure findings on ``line``, said by a rep on a call, stated in a draft or (``page``) on a
    messaging page of the KB; ``kbs``: the industries' KBs (default :data:`KBS`; a KB's ``files``,
    path to text, are entries added beside its proof point); ``rules``: the
    rules run (default :data:`RULES`)."""
    from ingest.calls import parse_call
    from ingest.drafts import parse_draft_text
    from ingest.kb import load_kb
    from knowledge.audit import audit, check
    from knowledge.embedding import MiniLMNumpyEmbedder
    from knowledge.rules import AuditContext
    from knowledge.settings import load_settings

    with tempfile.TemporaryDirectory() as d:
        root = Path(d) / "kb"
        root.mkdir()
        (root / "canon.toml").write_text('[calls]\ninternal_speakers = ["Sam Rep"]\n')
        settings = load_settings(root, environ={})
        kb_spec = (kbs or KBS)[industry]
        files = {"proof/results.md": _entry(kb_spec).encode(),
                 **{path: text.encode() for path, text in kb_spec.get("files", {}).items()}}
        if where == "page":
            files["messaging/pitch.md"] = PAGE.format(line=line).encode()
        kb = load_kb(settings, files=files)
        calls = []
        if where == "call":
            text = f"Pat Buyer: Tell me about results.\nSam Rep: {line}\n"
            calls = [parse_call(root / "calls/c.txt", rel="calls/c.txt", settings=settings.calls, text=text)]
        ctx = AuditContext(settings=settings, kb=kb, today=date(2026, 11, 1), calls=calls,
                           vectors=MiniLMNumpyEmbedder().embed)
        if where in ("call", "page"):
            path = "calls/c.txt" if where == "call" else "messaging/pitch.md"
            return [f for f in audit(ctx, rules).findings if f.path == path]
        return list(check(ctx, [parse_draft_text(f"# Draft\n\n{line}\n", "drafts/d.md")], rules).findings)


@pytest.mark.parametrize(("industry", "where", "line", "metric"), _params())
def test_the_same_measure_link(industry: str, where: str, line: str, metric: str | None) -> None:
    got = findings(industry, where, line)
    comparing = [f for f in got if f.rule in COMPARING]
    if metric is None:
        assert not comparing, [f.message for f in comparing]
    else:
        assert any(metric in f.message for f in comparing), [(f.rule, f.message) for f in got]
