"""AEO: answer-first openings, readiness scores, what the export leaves out, and the JSON-LD it
writes, read back by a real JSON-LD parser (rdflib) into the triples a crawler would see."""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.kb import load_kb
from knowledge.aeo import render_export, score_entry, score_kb
from knowledge.aeo._text import answer_first, opening, sentences
from knowledge.aeo.export import normalize_base_url
from knowledge.errors import NotFound, UsageError
from knowledge.model import KB, Finding
from knowledge.settings import Settings
from tests.llmstxt import parse as parse_llms_txt

TODAY = date(2026, 11, 1)
SCHEMA = "https://schema.org/"

PROOF = """---
type: proof_point
title: Live in six weeks
owner: dana@northwind.example
reviewed: 2026-09-01
topics: [implementation]
sources:
  - title: 2026 Onboarding Study
    url: https://northwind.example/research/onboarding-2026
    date: 2026-05-10
metrics:
  - id: median-go-live-weeks
    name: median time from kickoff to the first payment run
    value: 6
    unit: weeks
    qualifier: median
    as_of: 2026-06
    source: 2026 Onboarding Study
  - id: go-live-range
    name: time to go live for most customers
    value: [4, 8]
    unit: weeks
  - id: customers
    name: finance teams running payables on Northwind
    value: 1400
    unit: customers
    qualifier: more than
---

# Live in six weeks

The median customer is live 6 weeks after kickoff. Most take between four and eight.

## How

Our team does the configuration.
"""

ANSWER = """---
type: answer
title: Answering "it takes too long to implement"
owner: dana@northwind.example
reviewed: 2026-10-01
answers: [objections/implementation]
sources:
  - title: 2026 Onboarding Study
    date: 2026-05-10
---

# Answering "it takes too long to implement"

Most customers are live in 6 weeks, and our team does the configuration.

## Say this

"You will not need an IT project."
"""

OBJECTION = """---
type: objection
title: Implementation will take forever
owner: dana@northwind.example
reviewed: 2026-10-01
examples:
  - "We can't afford a six-month project."
  - "Our last tool took a year to roll out."
---

# Implementation will take forever

Raised by controllers who lived through an ERP migration.
"""

MESSAGE = """---
type: message
title: Northwind in one paragraph
owner: dana@northwind.example
reviewed: 2026-10-01
topics: [positioning]
sources:
  - title: Billing records, October 2026
    date: 2026-10-31
---

# Northwind in one paragraph

Accounts payable is the most manual part of finance.

Northwind runs accounts payable from invoice to payment for more than 1,400 finance teams. It
reads every invoice and routes it for approval.
"""

DRAFT = """---
type: proof_point
title: Half the time
status: draft
owner: dana@northwind.example
---

# Half the time

Approvals take half the time.
"""

STALE = """---
type: proof_point
title: Old news
owner: dana@northwind.example
reviewed: 2024-01-01
---

# Old news

Customers save 40% on processing.
"""

NO_ANSWER_FIRST = """---
type: case_study
title: Contoso
owner: dana@northwind.example
reviewed: 2026-10-01
---

# Contoso

## The company

Contoso is a pharmaceutical distributor.
"""


def make_kb(tmp_path: Path, files: dict[str, str], name: str = "Northwind",
            publish: str = "approved") -> tuple[KB, Settings]:
    """A KB in memory; ``publish="approved"`` (every approved entry is public) unless a test is about
    the publish rule itself."""
    settings = Settings(root=tmp_path)
    settings.kb.name = name
    settings.kb.review_every = "180d"
    settings.extra["aeo"] = {"publish": publish}
    kb = load_kb(settings, files={k: v.encode() for k, v in files.items()})
    return kb, settings


def finding(rule: str, path: str, line: int, severity: str = "warning", entry: str | None = None) -> Finding:
    return Finding(rule=rule, severity=severity, path=path, line=line, message=f"{rule} here", entry=entry)


@pytest.fixture
def small(tmp_path: Path) -> tuple[KB, Settings]:
    return make_kb(tmp_path, {
        "proof/go-live.md": PROOF, "answers/implementation.md": ANSWER, "objections/implementation.md": OBJECTION,
        "messaging/positioning.md": MESSAGE, "proof/half.md": DRAFT, "proof/old.md": STALE,
        "cases/contoso.md": NO_ANSWER_FIRST,
    })


# ------------------------------------------------------------------------------------------------
# Openings


def test_sentences_do_not_split_inside_figures_abbreviations_or_initials():
    text = "Costs fell from $8.95 to $4.10 per invoice, e.g. at Contoso. J. Smith said so! Did it? Yes."
    assert sentences(text) == ["Costs fell from $8.95 to $4.10 per invoice, e.g. at Contoso.", "J. Smith said so!",
                               "Did it?", "Yes."]
    assert sentences("Paid in 3 days. 5x faster than before.") == ["Paid in 3 days.", "5x faster than before."]


@pytest.mark.parametrize("body, answers_first, problem", [
    ("# T\n\nThe median customer is live in 6 weeks.\n", True, None),
    ("# T\n\nDo not defend the price; reprice the problem.\n", True, None),
    ("# T\n\n## Overview\n\nLive in 6 weeks.\n", False, "opens with the heading"),
    ("# T\n\nHow long does it take to go live with a new accounts payable tool?\n", False, "question"),
    ("# T\n\n- capture\n- approve\n", False, "a list"),
    ("# T\n\n" + "This sentence keeps on going with many words about nothing in particular and never "
     "says anything that a reader could quote because it is long and vague and winding.\n", False, "runs"),
    ("# T\n", False, "no opening paragraph"),
])
def test_opening_answers_first_with_a_figure_or_a_short_declarative_sentence(
        tmp_path: Path, body: str, answers_first: bool, problem: str | None):
    kb, _ = make_kb(tmp_path, {"e.md": "---\ntype: answer\ntitle: T\n---\n\n" + body})
    got = opening(kb.entries[0])
    assert got.answers_first is answers_first
    if problem:
        assert problem in (got.problem or "")


def test_answer_first_keeps_two_short_sentences_or_one_long_one(small: tuple[KB, Settings]):
    kb, _ = small
    by_id = kb.by_id()
    assert answer_first(by_id["proof/go-live"]) == (
        "The median customer is live 6 weeks after kickoff. Most take between four and eight.")
    # A heading before the first paragraph: the export still finds the first paragraph.
    assert answer_first(by_id["cases/contoso"]) == "Contoso is a pharmaceutical distributor."


# ------------------------------------------------------------------------------------------------
# Readiness


def test_a_complete_entry_scores_100(small: tuple[KB, Settings]):
    kb, settings = small
    r = score_entry(kb.by_id()["proof/go-live"], [], settings, TODAY)
    assert r.score == 100 and r.lost == 0 and r.reasons() == []


def test_each_missing_piece_costs_its_points(small: tuple[KB, Settings]):
    kb, settings = small
    old = score_entry(kb.by_id()["proof/old"], [], settings, TODAY)
    lost = {c.check: c.max - c.points for c in old.checks if c.reason}
    assert lost == {"source": 20, "review": 15}  # a figure, an answer-first opening, an owner: kept
    assert old.score == 65
    assert old.reasons()[0].startswith("no source (-20)")

    contoso = score_entry(kb.by_id()["cases/contoso"], [], settings, TODAY)
    lost = {c.check: c.max - c.points for c in contoso.checks if c.reason}
    assert lost == {"figure": 20, "source": 20, "answer-first": 20}


def test_sources_count_only_when_dated_within_max_source_age(small: tuple[KB, Settings]):
    kb, settings = small
    entry = kb.by_id()["proof/go-live"]
    later = score_entry(entry, [], settings, date(2028, 6, 1))  # the 2026-05 study is now 25 months old
    source = next(c for c in later.checks if c.check == "source")
    assert source.points == 5 and "older than 24m" in (source.reason or "")
    entry.sources[0].date = None
    undated = next(c for c in score_entry(entry, [], settings, TODAY).checks if c.check == "source")
    assert undated.points == 5 and undated.reason == "no source has a date"


def test_conflict_and_retired_findings_cost_points_and_info_findings_do_not(small: tuple[KB, Settings]):
    kb, settings = small
    entry = kb.by_id()["proof/go-live"]
    found = [finding("metric-conflict", entry.path, 14, "error"), finding("retired-claim", entry.path, 40),
             finding("source-conflict", entry.path, 20, "info")]
    r = score_entry(entry, found, settings, TODAY)
    assert r.score == 85
    conflict = next(c for c in r.checks if c.check == "no-conflict")
    assert conflict.reason == "a conflicting figure or source: metric-conflict at line 14"
    assert conflict.label == "a conflicting figure or source"


def test_kb_score_is_the_mean_over_approved_typed_entries_most_to_gain_first(small: tuple[KB, Settings]):
    kb, settings = small
    readiness = score_kb(kb, [], settings, TODAY)
    ids = [r.entry.id for r in readiness.entries]
    # No objection (a question), no draft: proof points, answers, messages and case studies.
    assert set(ids) == {"proof/go-live", "answers/implementation", "messaging/positioning", "proof/old",
                        "cases/contoso"}
    assert ids[0] == "cases/contoso"  # loses the most
    scores = [r.score for r in readiness.entries]
    assert scores == sorted(scores)
    assert readiness.score == round(sum(scores) / len(scores), 1)
    data = readiness.to_dict(limit=2)
    assert len(data["entries"]) == 2 and data["entries_scored"] == 5
    top = data["top_reasons"]
    assert top[0]["entries"] >= top[-1]["entries"]
    assert {t["check"] for t in top} >= {"source", "figure"}
    assert sum(c["points"] for c in data["checks"]) == 100


def test_a_kb_with_nothing_to_score_has_no_score(tmp_path: Path):
    from knowledge.aeo import render_score_text

    kb, settings = make_kb(tmp_path, {"notes.md": "# Notes\n\nJust an article.\n"})
    readiness = score_kb(kb, [], settings, TODAY)
    assert readiness.score is None and readiness.summary() == {"score": None, "entries": 0}
    assert render_score_text(readiness.to_dict()).startswith("No entry to score")


# ------------------------------------------------------------------------------------------------
# The export


def test_left_out_are_drafts_objections_and_entries_with_excluding_findings(small: tuple[KB, Settings]):
    kb, settings = small
    findings = [
        finding("stale-claim", "proof/old.md", 5),
        finding("metric-conflict", "answers/implementation.md", 14, "error"),
        finding("unsourced-claim", "cases/contoso.md", 13, "info"),  # turned down to info: stays in
        finding("missing-owner", "messaging/positioning.md", 2),  # not a reason to leave out
    ]
    export = render_export(kb, findings, settings, today=TODAY)
    manifest = json.loads(export.files["manifest.json"])
    entries = {e["id"]: e for e in manifest["entries"]}
    assert set(entries) == {e.id for e in kb.entries}
    assert entries["proof/half"]["reasons"] == ["draft"]
    assert entries["objections/implementation"]["reasons"] == ["objection"]
    assert entries["proof/old"]["reasons"] == ["stale"]
    assert entries["proof/old"]["findings"] == [{"rule": "stale-claim", "severity": "warning", "line": 5}]
    assert entries["proof/old"]["title"] is None  # what is left out keeps its words inside
    assert entries["answers/implementation"]["reasons"] == ["conflicting"]
    included = {k for k, e in entries.items() if e["included"]}
    assert included == {"proof/go-live", "messaging/positioning", "cases/contoso"}
    assert manifest["counts"] == {"entries": 7, "included": 3, "draft": 1, "objection": 1, "stale": 1,
                                  "conflicting": 1}
    assert entries["proof/go-live"]["page"] == "proof-points/go-live.html"
    for e in entries.values():
        if e["included"]:
            assert e["reasons"] == [] and {e["page"], e["markdown"], e["jsonld"]} <= set(export.files)
    with pytest.raises(NotFound, match="stale"):
        export.page_file("proof/old")
    with pytest.raises(NotFound):
        export.page_file("no/such")


def test_a_file_that_could_not_be_read_is_in_the_manifest_as_invalid(tmp_path: Path):
    kb, settings = make_kb(tmp_path, {"proof/go-live.md": PROOF, "broken.md": "---\ntitle: [unclosed\n---\n\nx\n",
                                      "binary.md": "\x00\x01"})
    export = render_export(kb, kb.problems, settings, today=TODAY)
    entries = json.loads(export.files["manifest.json"])["entries"]
    broken = next(e for e in entries if e["path"] == "broken.md")  # read as a draft: never published
    assert broken["included"] is False and broken["reasons"] == ["draft", "invalid"]
    assert broken["findings"][0]["rule"] == "invalid-entry"
    binary = next(e for e in entries if e["path"] == "binary.md")  # no entry at all
    assert binary["id"] is None and binary["reasons"] == ["invalid"]


def test_page_markdown_states_the_answer_then_the_body_figures_sources_and_review(small: tuple[KB, Settings]):
    kb, settings = small
    page = render_export(kb, [], settings, today=TODAY).files["proof-points/go-live.md"].decode()
    assert page == (
        "# Live in six weeks\n\n"
        "The median customer is live 6 weeks after kickoff. Most take between four and eight.\n\n"
        "## How\n\n"
        "Our team does the configuration.\n\n"
        "## Key figures\n\n"
        "- Median time from kickoff to the first payment run: **6 weeks** (median; as of 2026-06; "
        "source: 2026 Onboarding Study)\n"
        "- Time to go live for most customers: **4-8 weeks**\n"
        "- Finance teams running payables on Northwind: **more than 1,400 customers**\n\n"
        "## Sources\n\n"
        "- [2026 Onboarding Study](https://northwind.example/research/onboarding-2026) (2026-05-10)\n\n"
        "Last reviewed: 2026-09-01\n")
    assert "dana" not in page  # no owner is named


def test_an_answer_page_asks_the_objection_and_answers_it(small: tuple[KB, Settings]):
    kb, settings = small
    page = render_export(kb, [], settings, today=TODAY).files["answers/implementation.md"].decode()
    assert page.startswith('# Answering "it takes too long to implement"\n\n'
                           "**Question:** Implementation will take forever\n\n"
                           "Most customers are live in 6 weeks, and our team does the configuration.\n")
    assert "IT project" not in page and "Say this" not in page  # a talk track stays inside


def test_llms_txt_follows_the_proposal(small: tuple[KB, Settings]):
    kb, settings = small
    export = render_export(kb, [finding("stale-claim", "proof/old.md", 5)], settings, today=TODAY)
    doc = parse_llms_txt(export.files["llms.txt"].decode())
    assert doc.title == "Northwind"
    # The summary comes from the positioning message: its opening, then the sentence naming the company.
    assert doc.summary == ("Accounts payable is the most manual part of finance. Northwind runs accounts payable "
                           "from invoice to payment for more than 1,400 finance teams.")
    assert [s.name for s in doc.sections] == ["Answers", "Proof points", "Case studies", "Optional"]
    assert [link.url for link in doc.section("Proof points").links] == ["proof-points/go-live.md"]
    go_live = doc.section("Proof points").links[0]
    assert go_live.title == "Live in six weeks"
    # The note is the answer-first text, then the page's HTML twin (a link inside the note keeps the format).
    assert go_live.notes == ("The median customer is live 6 weeks after kickoff. Most take between four and eight. "
                             "([HTML](proof-points/go-live.html))")
    assert [link.url for link in doc.section("Optional").links] == ["messages/positioning.md"]
    for link in doc.links():
        assert link.url in export.files
    sub = parse_llms_txt(export.files["proof-points/llms.txt"].decode())
    assert [link.url for link in sub.links()] == ["go-live.md"]


def test_the_summary_is_the_opening_when_it_names_the_company_and_never_from_a_left_out_entry(
        tmp_path: Path):
    opening_names = MESSAGE.replace("Accounts payable is the most manual part of finance.",
                                    "Northwind is accounts payable automation for mid-market finance teams.")
    kb, settings = make_kb(tmp_path, {"messaging/positioning.md": opening_names, "proof/go-live.md": PROOF})
    doc = parse_llms_txt(render_export(kb, [], settings, today=TODAY).files["llms.txt"].decode())
    assert doc.summary == "Northwind is accounts payable automation for mid-market finance teams."
    stale = render_export(kb, [finding("stale-claim", "messaging/positioning.md", 5)], settings, today=TODAY)
    summary = parse_llms_txt(stale.files["llms.txt"].decode()).summary or ""
    assert summary.startswith("Northwind: ") and "mid-market" not in summary


def test_a_configured_summary_wins(small: tuple[KB, Settings]):
    kb, settings = small
    settings.extra["aeo"] = {"summary": "Northwind automates accounts payable."}
    doc = parse_llms_txt(render_export(kb, [], settings, today=TODAY).files["llms.txt"].decode())
    assert doc.summary == "Northwind automates accounts payable."


def test_base_url_makes_every_link_absolute(small: tuple[KB, Settings]):
    kb, settings = small
    export = render_export(kb, [], settings, today=TODAY, base_url="https://northwind.example/ai")
    doc = parse_llms_txt(export.files["llms.txt"].decode())
    assert all(link.url.startswith("https://northwind.example/ai/") for link in doc.links())
    ld = json.loads(export.files["proof-points/go-live.jsonld"])
    assert ld["url"] == "https://northwind.example/ai/proof-points/go-live.html"
    assert ld["publisher"]["url"] == "https://northwind.example/ai/"
    html = export.files["proof-points/go-live.html"].decode()
    assert '<link rel="canonical" href="https://northwind.example/ai/proof-points/go-live.html">' in html
    for bad in ("ftp://x", "northwind.example", "https://x/?q=1"):
        with pytest.raises(UsageError):
            normalize_base_url(bad)


def test_the_export_is_deterministic(small: tuple[KB, Settings]):
    kb, settings = small
    findings = [finding("stale-claim", "proof/old.md", 5), finding("metric-conflict", "answers/implementation.md", 14),
                finding("stale-claim", "proof/old.md", 3)]
    one = render_export(kb, findings, settings, today=TODAY)
    kb.entries.reverse()
    two = render_export(kb, list(reversed(findings)), settings, today=TODAY)
    assert one.files == two.files
    manifest = json.loads(one.files["manifest.json"])
    assert set(manifest["files"]) == set(one.files) - {"manifest.json"}
    for path, digest in manifest["files"].items():
        assert hashlib.sha256(one.files[path]).hexdigest() == digest
    assert render_export(kb, findings, settings, today=date(2026, 11, 2)).files != one.files  # --today shows


# ------------------------------------------------------------------------------------------------
# JSON-LD, read by rdflib


def graph_of(doc: dict[str, Any], base: str = "https://northwind.example/ai/x/page.jsonld") -> Any:
    """The RDF graph of a JSON-LD document, with schema.org's context given locally (no network)."""
    from rdflib import Graph

    doc = {**doc, "@context": {"@vocab": SCHEMA}}
    with warnings.catch_warnings():  # rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph
        warnings.simplefilter("ignore", DeprecationWarning)
        return Graph().parse(data=json.dumps(doc), format="json-ld", base=base)


def schema(term: str) -> Any:
    from rdflib import URIRef

    return URIRef(SCHEMA + term)


def test_answer_jsonld_is_a_qapage_with_the_objection_as_question(small: tuple[KB, Settings]):
    from rdflib import RDF, Literal

    kb, settings = small
    export = render_export(kb, [], settings, today=TODAY)
    doc = json.loads(export.files["answers/implementation.jsonld"])
    assert doc["@context"] == "https://schema.org"
    g = graph_of(doc)
    (page,) = g.subjects(RDF.type, schema("QAPage"))
    question = g.value(page, schema("mainEntity"))
    assert (question, RDF.type, schema("Question")) in g
    assert g.value(question, schema("name")) == Literal("Implementation will take forever")
    assert g.value(question, schema("text")) is None  # a prospect's words from examples: never published
    assert "six-month" not in export.files["answers/implementation.jsonld"].decode()
    answer = g.value(question, schema("acceptedAnswer"))
    assert (answer, RDF.type, schema("Answer")) in g
    assert str(g.value(answer, schema("text"))) == (
        "Most customers are live in 6 weeks, and our team does the configuration.")
    citation = g.value(page, schema("citation"))
    assert g.value(citation, schema("name")) == Literal("2026 Onboarding Study")
    assert str(g.value(page, schema("dateModified"))) == "2026-10-01"


def test_proof_point_jsonld_is_an_article_with_citations_and_observations(small: tuple[KB, Settings]):
    from rdflib import RDF

    kb, settings = small
    export = render_export(kb, [], settings, today=TODAY, base_url="https://northwind.example/ai/")
    g = graph_of(json.loads(export.files["proof-points/go-live.jsonld"]))
    (page,) = g.subjects(RDF.type, schema("Article"))
    assert str(page) == "https://northwind.example/ai/proof-points/go-live.html"
    assert str(g.value(page, schema("dateModified"))) == "2026-09-01"
    author = g.value(page, schema("author"))
    assert (author, RDF.type, schema("Organization")) in g and str(g.value(author, schema("name"))) == "Northwind"
    citation = g.value(page, schema("citation"))
    assert str(g.value(citation, schema("name"))) == "2026 Onboarding Study"
    assert str(g.value(citation, schema("url"))) == "https://northwind.example/research/onboarding-2026"
    assert str(g.value(citation, schema("datePublished"))) == "2026-05-10"
    observations = {str(g.value(o, schema("identifier"))): o for o in g.objects(page, schema("about"))}
    assert set(observations) == {"median-go-live-weeks", "go-live-range", "customers"}
    weeks = observations["median-go-live-weeks"]
    assert (weeks, RDF.type, schema("Observation")) in g
    assert g.value(weeks, schema("value")).toPython() == 6
    assert str(g.value(weeks, schema("unitText"))) == "weeks"
    assert str(g.value(weeks, schema("unitCode"))) == "WEE"
    assert str(g.value(weeks, schema("observationDate"))) == "2026-06"
    span = observations["go-live-range"]
    assert g.value(span, schema("minValue")).toPython() == 4 and g.value(span, schema("maxValue")).toPython() == 8
    assert str(g.value(observations["customers"], schema("description"))) == "more than 1,400 customers"


DOME = """---
type: proof_point
title: Timed entry fills the dome
owner: ops@starvault.example
reviewed: 2026-10-02
sources:
  - title: Starvault ticketing export
    date: 2026-09-30
metrics:
  - id: show-fill
    name: seats filled at evening shows
    value: 92
    unit: percent
    as_of: 01/05/2026
  - id: shows-per-day
    name: shows a day
    value: 9
    unit: shows
    as_of: 2026-06
---

# Timed entry fills the dome

Evening shows fill 92% of seats, across nine shows a day.
"""


def test_an_as_of_that_is_not_a_date_is_never_exported(tmp_path: Path):
    kb, settings = make_kb(tmp_path, {"proof/dome.md": DOME}, name="Starvault")
    assert [(p.line, "metrics[0].as_of" in p.message) for p in kb.problems] == [(14, True)]
    # an index written before ingest checked as_of still holds it: the export checks it again
    (dome,) = kb.entries
    dome.metrics[1].as_of = "June 2026"
    export = render_export(kb, [], settings, today=TODAY)
    written = b"".join(export.files.values()).decode()
    assert "01/05/2026" not in written and "June 2026" not in written
    doc = json.loads(export.files["proof-points/dome.jsonld"])
    assert json.dumps(doc).count('"Observation"') == 2 and "observationDate" not in json.dumps(doc)
    dome.metrics[1].as_of = "2026-06"
    doc = json.loads(render_export(kb, [], settings, today=TODAY).files["proof-points/dome.jsonld"])
    assert json.dumps(doc).count('"observationDate": "2026-06"') == 1


def test_html_embeds_the_same_jsonld_and_escapes_the_script(tmp_path: Path):
    tricky = PROOF.replace("title: Live in six weeks", 'title: "Live </script><b>fast</b>"')
    kb, settings = make_kb(tmp_path, {"proof/go-live.md": tricky})
    export = render_export(kb, [], settings, today=TODAY)
    html = export.files["proof-points/go-live.html"].decode()
    scripts = re.findall(r'<script type="application/ld\+json">\n(.*?)\n</script>', html, re.S)
    assert len(scripts) == 1 and "</script>" not in scripts[0]
    assert json.loads(scripts[0]) == json.loads(export.files["proof-points/go-live.jsonld"])
    assert "<b>" not in html.split("<body>")[1]  # text from the KB is escaped, never markup
    assert "6 weeks" in html and "<h2>Key figures</h2>" in html


# ------------------------------------------------------------------------------------------------
# Private by default: who is published, and what of them


PUBLIC_ANSWER = """---
type: answer
title: Answering "it costs too much"
owner: Nadia Ferreira
reviewed: 2026-10-01
audience: [public, cfo]
answers: [objections/pricing]
sources:
  - title: Price list 2026
    date: 2026-01-05
---

# Answering "it costs too much"

Core costs $59 per technician per month, and customers recover it in 3 months.

## What customers get

Every plan includes dispatch, invoicing and 24/7 support from our team (write to help@lumen.example).

<!-- canon-internal -->
Reps: the floor is $49; never go below it. Ask Jordan Lee before discounting.
<!-- /canon-internal -->

### Coaching for reps

Do not defend the price; put a price on the problem.

#### Role play

Prospect pushes back twice; hold the line.

## Proof

Customers cut no-shows by 31% in their first year (2026 Outcomes Study). <!-- check with legal -->

## Internal notes

Discount approvals go to nadia.ferreira@lumen.example.
"""

PRICING_OBJECTION = """---
type: objection
title: Too expensive for a contractor our size
reviewed: 2026-10-01
examples:
  - "That's a lot per tech when we pay twenty bucks a month now."
---

# Too expensive

Raised by owners.
"""


def _export(tmp_path: Path, files: dict[str, str], publish: str = "public", **aeo: Any) -> dict[str, str]:
    kb, settings = make_kb(tmp_path, files, publish=publish)
    settings.extra["aeo"].update(aeo)
    settings.calls.internal_speakers = ["Jordan Lee"]
    return {k: v.decode() for k, v in render_export(kb, [], settings, today=TODAY).files.items()}


def test_by_default_only_entries_marked_public_are_published(tmp_path: Path):
    public_proof = PROOF.replace("topics: [implementation]", "topics: [implementation]\naudience: [public]")
    files = _export(tmp_path, {"proof/go-live.md": public_proof, "messaging/positioning.md": MESSAGE,
                               "answers/implementation.md": ANSWER})
    manifest = json.loads(files["manifest.json"])
    entries = {e["id"]: e for e in manifest["entries"]}
    assert entries["proof/go-live"]["included"] is True
    assert entries["messaging/positioning"]["reasons"] == ["private"]
    assert entries["answers/implementation"]["reasons"] == ["private"]
    assert manifest["counts"]["private"] == 2
    assert "Accounts payable is the most manual" not in "".join(files.values())


def test_publish_approved_publishes_all_but_entries_marked_internal(tmp_path: Path):
    internal = MESSAGE.replace("topics: [positioning]", "topics: [positioning]\naudience: [internal, sales]")
    files = _export(tmp_path, {"proof/go-live.md": PROOF, "messaging/positioning.md": internal}, publish="approved")
    entries = {e["id"]: e for e in json.loads(files["manifest.json"])["entries"]}
    assert entries["proof/go-live"]["included"] is True
    assert entries["messaging/positioning"]["reasons"] == ["private"]


def test_an_unknown_publish_rule_is_a_config_error(tmp_path: Path):
    from knowledge.errors import ConfigError

    with pytest.raises(ConfigError, match="publish"):
        _export(tmp_path, {"proof/go-live.md": PROOF}, publish="everything")


def test_internal_sections_marked_blocks_comments_and_personal_data_never_leave(tmp_path: Path):
    files = _export(tmp_path, {"answers/pricing.md": PUBLIC_ANSWER, "objections/pricing.md": PRICING_OBJECTION})
    page = files["answers/pricing.md"]
    # The whole public answer, with the figures and sources after the opening paragraph.
    assert "Core costs $59 per technician per month" in page
    assert "## What customers get" in page and "## Proof" in page and "31% in their first year" in page
    assert "2026 Outcomes Study" in page and "## Sources" in page and "Price list 2026" in page
    everything = "".join(files.values())
    for secret in ("floor is $49", "canon-internal", "Coaching for reps", "defend the price", "Role play",
                   "hold the line", "check with legal", "Internal notes", "Discount approvals",
                   "twenty bucks", "lumen.example", "Nadia Ferreira", "Jordan Lee"):
        assert secret not in everything, secret
    assert "(e-mail withheld)" in page  # the support address in the public text is withheld too
    # The objection is private, so its title is not the page's question either.
    assert "Too expensive for a contractor" not in everything
    doc = json.loads(files["answers/pricing.jsonld"])
    assert doc["mainEntity"]["name"] == 'Answering "it costs too much"'
    answer = doc["mainEntity"]["acceptedAnswer"]["text"]
    assert "Core costs $59" in answer and "31% in their first year" in answer and "floor" not in answer


def test_a_public_objection_gives_its_title_but_never_its_examples(tmp_path: Path):
    public_objection = PRICING_OBJECTION.replace("reviewed: 2026-10-01", "reviewed: 2026-10-01\naudience: [public]")
    files = _export(tmp_path, {"answers/pricing.md": PUBLIC_ANSWER, "objections/pricing.md": public_objection})
    assert "**Question:** Too expensive for a contractor our size" in files["answers/pricing.md"]
    assert "twenty bucks" not in "".join(files.values())
    assert "objections/pricing.md" not in {p for p in files if p.endswith(".md")}


def test_configured_internal_headings_are_withheld_too(tmp_path: Path):
    body = PUBLIC_ANSWER.replace("## Proof", "## Partner pricing\n\nResellers get 30% off.\n\n## Proof")
    files = _export(tmp_path, {"answers/pricing.md": body}, internal_headings=["Partner pricing"])
    assert "Resellers" not in files["answers/pricing.md"] and "31% in their first year" in files["answers/pricing.md"]


def test_an_opening_inside_an_internal_block_is_not_the_answer(tmp_path: Path):
    hidden_opening = PUBLIC_ANSWER.replace(
        "Core costs $59 per technician per month, and customers recover it in 3 months.",
        "<!-- canon-internal -->\nNever quote the old $39 price.\n<!-- /canon-internal -->\n\n"
        "Core costs $59 per technician per month, and customers recover it in 3 months.")
    files = _export(tmp_path, {"answers/pricing.md": hidden_opening})
    assert "$39" not in "".join(files.values())
    notes = parse_llms_txt(files["llms.txt"]).links()[0].notes or ""
    assert notes.startswith("Core costs $59")


def test_readiness_reasons_agree_with_each_entry_and_with_the_export(tmp_path: Path):
    kb, settings = make_kb(tmp_path, {
        "proof/go-live.md": PROOF, "proof/old.md": STALE, "cases/contoso.md": NO_ANSWER_FIRST,
        "answers/pricing.md": PUBLIC_ANSWER, "messaging/positioning.md": MESSAGE}, publish="public")
    findings = [finding("stale-claim", "proof/old.md", 5), finding("metric-conflict", "proof/go-live.md", 14)]
    readiness = score_kb(kb, findings, settings, TODAY).to_dict()
    labels = {t["reason"]: t for t in readiness["top_reasons"]}
    per_entry: dict[str, int] = {}
    for e in readiness["entries"]:
        for c in e["checks"]:
            if c["reason"]:
                assert c["reason"].startswith(c["label"]) and c["label"] in labels
                per_entry[c["label"]] = per_entry.get(c["label"], 0) + 1
    assert per_entry == {label: t["entries"] for label, t in labels.items()}
    manifest = json.loads(render_export(kb, findings, settings, today=TODAY).files["manifest.json"])
    verdicts = {e["id"]: e["reasons"] for e in manifest["entries"]}
    for e in readiness["entries"]:
        assert e["left_out"] == verdicts[e["entry"]] and e["exported"] is (not verdicts[e["entry"]])
    assert verdicts["answers/pricing"] == [] and verdicts["proof/go-live"] == ["private", "conflicting"]


# A property: whatever the shape of an entry, no word of an internal part reaches an exported file,
# and every word of a public part does.
_BLOCK = st.one_of(
    st.tuples(st.just("heading"), st.integers(2, 4), st.sampled_from(
        ["Results", "Why it works", "Talk track", "Internal notes", "For reps only", "Proof", "Coaching",
         "What customers get"])),
    st.tuples(st.just("paragraph"), st.just(0), st.just("")),
    st.tuples(st.just("internal"), st.just(0), st.just("")),
)


@settings(max_examples=120, deadline=None, database=None)
@given(st.lists(_BLOCK, min_size=1, max_size=14))
def test_no_internal_word_leaves_and_every_public_word_does(tmp_path_factory: pytest.TempPathFactory,
                                                            blocks: list[tuple[str, int, str]]):
    from knowledge.aeo.public import INTERNAL_HEADINGS

    internal = re.compile(r"\b(?:" + "|".join(INTERNAL_HEADINGS) + r")\b", re.I)
    lines = ["# Page", "", "The opening answers with 3 figures.", ""]
    hidden_from: int | None = None  # level of the internal section we are in
    secrets: list[str] = []
    shown: list[str] = []
    for n, (kind, level, text) in enumerate(blocks):
        if kind == "heading":
            if hidden_from is not None and level <= hidden_from:
                hidden_from = None
            if hidden_from is None and internal.search(text):
                hidden_from = level
            lines += ["#" * level + " " + text, ""]
        elif kind == "paragraph":
            word = f"word{n}x"
            (secrets if hidden_from is not None else shown).append(word)
            lines += [f"Paragraph {word} here.", ""]
        else:
            word = f"marked{n}x"
            secrets.append(word)
            lines += ["<!-- canon-internal -->", f"Marked {word} here.", "<!-- /canon-internal -->", ""]
    body = "\n".join(lines)
    entry = f"---\ntype: proof_point\ntitle: Page\nreviewed: 2026-10-01\naudience: [public]\n---\n\n{body}"
    kb, settings_ = make_kb(tmp_path_factory.mktemp("p"), {"proof/page.md": entry}, publish="public")
    files = render_export(kb, [], settings_, today=TODAY).files
    everything = b"".join(files.values()).decode()
    page = files["proof-points/page.md"].decode()
    for word in secrets:
        assert word not in everything
    for word in shown:
        assert word in page


# ------------------------------------------------------------------------------------------------
# The question an answer page asks


def test_an_answers_own_question_is_its_title_and_question_whatever_the_objection(tmp_path: Path):
    """A private objection's title ("Answering "it costs too much"" quotes the sellers' shorthand) is
    never the question; the answer's own ``question:`` is, on the page, in JSON-LD and in llms.txt."""
    asked = PUBLIC_ANSWER.replace("audience: [public, cfo]",
                                  "audience: [public, cfo]\nquestion: Is Lumen worth it for a small contractor?")
    for objection in (PRICING_OBJECTION, PRICING_OBJECTION.replace("reviewed:", "audience: [public]\nreviewed:")):
        files = _export(tmp_path, {"answers/pricing.md": asked, "objections/pricing.md": objection})
        page = files["answers/pricing.md"]
        assert page.startswith("# Is Lumen worth it for a small contractor?\n\nCore costs $59")
        doc = json.loads(files["answers/pricing.jsonld"])
        assert doc["mainEntity"]["name"] == doc["name"] == "Is Lumen worth it for a small contractor?"
        assert "<h1>Is Lumen worth it for a small contractor?</h1>" in files["answers/pricing.html"]
        assert parse_llms_txt(files["llms.txt"]).links()[0].title == "Is Lumen worth it for a small contractor?"
        assert "Answering" not in page and "Too expensive" not in page


def test_readiness_says_which_field_to_add_when_an_answer_page_has_no_question(tmp_path: Path):
    kb, settings = make_kb(tmp_path, {"answers/pricing.md": PUBLIC_ANSWER, "objections/pricing.md": PRICING_OBJECTION,
                                      "proof/go-live.md": PROOF}, publish="public")
    entries = {e["entry"]: e for e in score_kb(kb, [], settings, TODAY).to_dict()["entries"]}
    advice = entries["answers/pricing"]["advice"]
    assert any(a["where"] == "answers/pricing.md:3" and "question:" in a["text"] and "objections/pricing" in a["text"]
               for a in advice), advice
    assert entries["proof/go-live"]["advice"] == []  # only answers ask a question
    kb, settings = make_kb(tmp_path, {"answers/implementation.md": ANSWER}, publish="public")
    assert score_kb(kb, [], settings, TODAY).to_dict()["entries"][0]["advice"] == []  # a private page asks nothing
    # With a question of its own, or a public objection to ask, there is nothing to add; and no points move.
    before = entries["answers/pricing"]["score"]
    for files in ({"answers/pricing.md": PUBLIC_ANSWER.replace("owner:", "question: Is it worth it?\nowner:")},
                  {"answers/pricing.md": PUBLIC_ANSWER,
                   "objections/pricing.md": PRICING_OBJECTION.replace("reviewed:", "audience: [public]\nreviewed:")}):
        kb, settings = make_kb(tmp_path, files, publish="public")
        entry = next(e for e in score_kb(kb, [], settings, TODAY).to_dict()["entries"] if e["entry"] == "answers/pricing")
        assert entry["advice"] == [] and entry["score"] == before


# ------------------------------------------------------------------------------------------------
# The HTML a browser opens


def test_index_lists_every_page_and_every_page_links_back_in_the_kbs_language(small: tuple[KB, Settings]):
    kb, settings = small
    files = {k: v.decode() for k, v in render_export(kb, [], settings, today=TODAY).files.items()}
    pages = sorted(k for k in files if k.endswith(".html") and k != "index.html")
    index = files["index.html"]
    assert index.startswith('<!DOCTYPE html>\n<html lang="en">')
    for path in pages:
        assert f'href="{path}"' in index
        assert files[path].startswith('<!DOCTYPE html>\n<html lang="en">')
        assert 'href="../index.html">All pages</a>' in files[path] and 'href="../llms.txt">llms.txt</a>' in files[path]
    assert "<td>proof point</td><td>2026-09-01</td>" in index  # type and last reviewed
    assert "[index.html](index.html)" in files["llms.txt"]
    settings.extra["aeo"]["language"] = "de-CH"
    assert render_export(kb, [], settings, today=TODAY).files["index.html"].startswith(b'<!DOCTYPE html>\n<html lang="de-CH">')
    settings.extra["aeo"]["language"] = "German please"
    from knowledge.errors import ConfigError

    with pytest.raises(ConfigError, match="language"):
        render_export(kb, [], settings, today=TODAY)


# ------------------------------------------------------------------------------------------------
# Addresses that move


def test_a_renamed_page_is_reported_with_where_it_went_and_listed_as_removed(tmp_path: Path):
    first_kb, settings = make_kb(tmp_path, {"proof/go-live.md": PROOF, "messaging/positioning.md": MESSAGE})
    first = json.loads(render_export(first_kb, [], settings, today=TODAY).files["manifest.json"])
    assert first["removed"] == []
    renamed, _ = make_kb(tmp_path, {"proof/live.md": PROOF, "messaging/positioning.md": MESSAGE})
    second = render_export(renamed, [], settings, today=TODAY, previous=first)
    manifest = json.loads(second.files["manifest.json"])
    assert manifest["removed"] == [{
        "id": "proof/go-live", "title": "Live in six weeks", "page": "proof-points/go-live.html",
        "markdown": "proof-points/go-live.md", "removed": "2026-11-01",
        "moved_to": {"id": "proof/live", "path": "proof/live.md", "page": "proof-points/live.html"}}]
    [warning] = second.warnings
    assert "proof/go-live" in warning and "proof/live.md" in warning and "`id: proof/go-live`" in warning
    # Exported again: the same bytes, no new warning; the removal stays listed.
    third = render_export(renamed, [], settings, today=TODAY, previous=manifest)
    assert third.files == second.files and third.warnings == []
    # Pinned with id:, the page is back at its old address and no longer listed as removed; the
    # address it had for one export is, and the warning says the page went back.
    pinned, _ = make_kb(tmp_path, {"proof/live.md": PROOF.replace("type: proof_point", "id: proof/go-live\ntype: proof_point"),
                                   "messaging/positioning.md": MESSAGE})
    fourth = render_export(pinned, [], settings, today=TODAY, previous=manifest)
    assert "proof-points/go-live.html" in fourth.files
    assert [r["id"] for r in json.loads(fourth.files["manifest.json"])["removed"]] == ["proof/live"]
    [warning] = fourth.warnings
    assert "back at its earlier address proof-points/go-live.html" in warning
    # A deleted page with no likely successor says so; another KB's manifest is not compared.
    gone, _ = make_kb(tmp_path, {"messaging/positioning.md": MESSAGE})
    [warning] = render_export(gone, [], settings, today=TODAY, previous=first).warnings
    assert "no longer in the KB" in warning and "links to it will break" in warning
    assert render_export(gone, [], settings, today=TODAY, previous={**first, "kb": "Other"}).warnings == []
