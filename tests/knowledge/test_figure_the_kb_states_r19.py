"""A draft's figure the KB states, kept from its entry by whose figure it is read to be, nineteenth
round (bench/ACCURACY.md, "A draft's figure the KB states, nineteenth round"). Written and committed
before any result, in six industries no labelled corpus covers: ostrich farms, harbour pilots, court
reporters, beekeeping suppliers, pipe-organ builders and ski-lift operators.

The class: the draft states the very value an entry states, but the reading of which customer the
figure is about keeps the two apart, so canon says "no approved entry states this figure":

- the draft calls the customer by the end of the name the case study files it under ("Cwm Tawel
  saves £18,500 a year" of "Gwinllan Cwm Tawel"), a name the entry's own text uses;
- the draft names a customer in the sentence before, and the next sentence states the KB's figure
  about every customer ("Customers cut disputed invoices by 52%" after a greeting to the customer).

Each draft also says a figure of a different measure in words like the registered one's, a value the KB
does not state: it must still get ``unsupported-claim`` and must not be read as the registered measure
misstated (no ``metric-conflict``).

The cases run ``canon check`` with the real embedding model: which entry backs a draft's figure is the
matching's reading, and its thresholds are the real model's.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from knowledge.model import Finding

TODAY = date(2026, 12, 1)
RULES = ["unsupported-claim", "metric-conflict"]


def _case_study(title: str, metric: str, name: str, value: float, unit: str, body: str) -> str:
    """A reviewed case study with one recent source and one metric, as a writer would file it."""
    return (f"---\ntype: case_study\ntitle: {title}\nowner: kim@example.com\nreviewed: 2026-10-01\n"
            f"sources:\n  - title: {title} interview\n    date: 2026-06-01\n"
            f"metrics:\n  - id: {metric}\n    name: {name}\n    value: {value}\n    unit: {unit}\n"
            f"    source: {title} interview\n---\n\n# {title}\n\n{body}\n")


def _proof_point(title: str, metric: str, name: str, value: float, unit: str, body: str) -> str:
    """A reviewed proof point with one recent source and one metric."""
    return (f"---\ntype: proof_point\ntitle: {title}\nowner: kim@example.com\nreviewed: 2026-10-01\n"
            f"sources:\n  - title: {title} Study 2026\n    date: 2026-06-01\n"
            f"metrics:\n  - id: {metric}\n    name: {name}\n    value: {value}\n    unit: {unit}\n"
            f"    source: {title} Study 2026\n---\n\n# {title}\n\n{body}\n")


KBS: dict[str, dict[str, str]] = {
    "ostrich farms": {
        "case-studies/karoo.md": _case_study(
            "Plaas Karoo Veld", "karoo-veld-savings", "Karoo Veld annual savings on feed and vet visits", 12400, "GBP",
            "**Customer:** Karoo Veld, an ostrich farm of 900 birds.\n\n"
            "Karoo Veld saves £12,400 a year on feed and vet visits since it moved its flock records to Plumera."),
        "proof/chicks.md": _proof_point(
            "Chick losses", "chick-loss-reduction", "reduction in chick losses in the first month", 23, "percent",
            "Farms on Plumera cut chick losses in the first month by 23%."),
    },
    "harbour pilots": {
        "case-studies/haven.md": _case_study(
            "Port Authority Blackrock Haven", "blackrock-haven-savings", "Blackrock Haven annual savings on pilot boat fuel",
            31000, "GBP",
            "**Customer:** Blackrock Haven, a deep-water port with 40 pilots.\n\n"
            "Blackrock Haven saves £31,000 a year on pilot boat fuel by planning boardings with Tidemark."),
        "proof/boardings.md": _proof_point(
            "Boardings on time", "boardings-on-time", "share of pilot boardings made at the booked time", 94, "percent",
            "Pilot stations on Tidemark make 94% of boardings at the booked time."),
    },
    "court reporters": {
        "case-studies/mercer.md": _case_study(
            "Agencia Mercer Stenotype", "mercer-stenotype-savings", "Mercer Stenotype annual savings on transcript editing",
            27500, "USD",
            "**Customer:** Mercer Stenotype, a court reporting agency with 60 reporters.\n\n"
            "Mercer Stenotype saves $27,500 a year on transcript editing since it moved to Verbatio."),
        "proof/turnaround.md": _proof_point(
            "Transcript turnaround", "turnaround-cut", "reduction in transcript turnaround time", 38, "percent",
            "Agencies on Verbatio cut transcript turnaround time by 38%."),
    },
    "beekeeping suppliers": {
        "case-studies/hollow.md": _case_study(
            "Imkerei Linden Hollow", "linden-hollow-savings", "Linden Hollow annual savings on queen shipping losses",
            8600, "EUR",
            "**Customer:** Linden Hollow, a supplier of queens and nucs to 2,000 beekeepers.\n\n"
            "Linden Hollow saves €8,600 a year on queen shipping losses with Combwise's cold-chain labels."),
        "proof/orders.md": _proof_point(
            "Orders shipped same day", "same-day-orders", "share of nuc orders shipped the same day", 81, "percent",
            "Suppliers on Combwise ship 81% of nuc orders the same day."),
    },
    "pipe-organ builders": {
        "case-studies/bellows.md": _case_study(
            "Orgelbau Saint Cecile Works", "saint-cecile-savings", "Saint Cecile annual savings on voicing labour",
            42000, "EUR",
            "**Customer:** Saint Cecile Works, an organ builder restoring 12 instruments a year.\n\n"
            "Saint Cecile Works saves €42,000 a year on voicing labour since it logs pipe measurements in Stopwise."),
        "proof/tuning.md": _proof_point(
            "Tuning visits", "tuning-visit-cut", "reduction in hours per tuning visit", 27, "percent",
            "Builders on Stopwise cut the hours of a tuning visit by 27%."),
    },
    "ski-lift operators": {
        "case-studies/alpine.md": _case_study(
            "Bergbahnen Weisshorn Ridge", "weisshorn-ridge-savings", "Weisshorn Ridge annual savings on lift inspections",
            56000, "CHF",
            "**Customer:** Weisshorn Ridge, a resort with 14 lifts.\n\n"
            "Weisshorn Ridge saves CHF 56,000 a year on lift inspections by scheduling them in Liftlog."),
        "proof/uptime.md": _proof_point(
            "Lift downtime", "downtime-cut", "reduction in unplanned lift downtime", 46, "percent",
            "Resorts on Liftlog cut unplanned lift downtime by 46%."),
    },
}

# (industry, draft, lines that must NOT get unsupported-claim or metric-conflict, lines that MUST get
# unsupported-claim and no metric-conflict)
CASES: list[tuple[str, str, list[int], list[int]]] = [
    ("ostrich farms",
     "# A neighbour's farm\n\n"
     "A neighbour's story: Karoo Veld, over near Oudtshoorn, saves £12,400 a year on feed and vet visits.\n\n"
     "Thanks for showing us round, Plaas Karoo Veld team. Farms on Plumera cut chick losses in the first month by 23%.\n\n"
     "Karoo Veld also saves £5,100 a year on fencing repairs.\n",
     [3, 5], [7]),
    ("harbour pilots",
     "# Pilotage\n\n"
     "Take Blackrock Haven: it saves £31,000 a year on pilot boat fuel.\n\n"
     "We met the Port Authority Blackrock Haven team last week. Pilot stations on Tidemark make 94% of boardings at the "
     "booked time.\n\n"
     "Blackrock Haven saves £7,000 a year on pilot training.\n",
     # as first committed, the draft's lines were counted as if the sentence before were wrapped
     # (it is one line): the reported line is 7, not 8 (corrected after the first run; bench/ACCURACY.md)
     [3, 5], [7]),
    ("court reporters",
     "# Transcripts\n\n"
     "Mercer Stenotype, a Dublin agency, saves $27,500 a year on transcript editing.\n\n"
     "Agencia Mercer Stenotype asked about speed. Agencies on Verbatio cut transcript turnaround time by 38%.\n\n"
     "Mercer Stenotype saves $9,900 a year on courier costs.\n",
     [3, 5], [7]),
    ("beekeeping suppliers",
     "# Shipping queens\n\n"
     "Ask Linden Hollow: they save €8,600 a year on queen shipping losses.\n\n"
     "Imkerei Linden Hollow joined in spring. Suppliers on Combwise ship 81% of nuc orders the same day.\n\n"
     "Linden Hollow saves €3,200 a year on packaging.\n",
     [3, 5], [7]),
    ("pipe-organ builders",
     "# Voicing\n\n"
     "Saint Cecile Works saves €42,000 a year on voicing labour, the workshop told us.\n\n"
     "Orgelbau Saint Cecile Works restores a dozen organs a year. Builders on Stopwise cut the hours of a tuning visit "
     "by 27%.\n\n"
     "Saint Cecile Works saves €15,000 a year on pipe metal.\n",
     # as first committed, the draft's lines were counted as if the sentence before were wrapped
     # (it is one line): the reported line is 7, not 8 (corrected after the first run; bench/ACCURACY.md)
     [3, 5], [7]),
    ("ski-lift operators",
     "# Inspections\n\n"
     "Over at Weisshorn Ridge, the resort saves CHF 56,000 a year on lift inspections.\n\n"
     "Bergbahnen Weisshorn Ridge runs 14 lifts. Resorts on Liftlog cut unplanned lift downtime by 46%.\n\n"
     "Weisshorn Ridge saves CHF 21,000 a year on snow grooming.\n",
     [3, 5], [7]),
]


@pytest.fixture(scope="module")
def embedder() -> Any:
    from knowledge.embedding import MiniLMNumpyEmbedder

    return MiniLMNumpyEmbedder()


def _findings(industry: str, text: str, embedder: Any, tmp_path: Path) -> list[tuple[str, int]]:
    """``(rule, line)`` of what ``canon check`` reports of :data:`RULES` for ``text`` against the industry's KB."""
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
    found: list[Finding] = check(ctx, [parse_draft_text(text, "drafts/d.md")], RULES).findings
    return sorted((f.rule, f.line) for f in found if f.path == "drafts/d.md")


@pytest.mark.model
@pytest.mark.parametrize(("industry", "text", "paired", "unpaired"), CASES, ids=[c[0] for c in CASES])
def test_a_figure_the_kb_states_pairs_with_it(industry: str, text: str, paired: list[int], unpaired: list[int],
                                              embedder: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the reading is measured off (the round's rule failed on the corpora): the cases hold it to what
    # it was written to do, with it on
    from knowledge.figures import decide

    monkeypatch.setattr(decide, "ACROSS_CUSTOMER_READING", True)
    found = _findings(industry, text, embedder, tmp_path)
    lines = {line for _, line in found}
    assert not set(paired) & lines, found
    assert {("unsupported-claim", n) for n in unpaired} <= set(found), found
    assert not {("metric-conflict", n) for n in unpaired} & set(found), found
