"""Search: the lexical index, fusion, governance order, the relevance floor, the passage shown and
conflict warnings. Unit tests with the fake embedder; ``tests/test_search_accuracy.py`` scores the
real model on the labelled question sets."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.main import app
from ingest.pipeline import index_is_current, ingest
from knowledge import lexical
from knowledge.passage import asked_kinds, best_passage
from knowledge.search import Candidate, SearchOptions, govern, search
from knowledge.settings import load_settings
from knowledge.store import open_catalog
from tests.conftest import write_kb

TODAY = date(2026, 11, 1)

GO_LIVE = """---
type: proof_point
title: Time to go live
owner: ana@example.com
reviewed: 2026-09-01
sources:
  - title: 2026 Implementation Study
    date: 2026-05-20
metrics:
  - id: median-go-live
    name: median time from kickoff to first live payment run
    value: 6
    unit: weeks
    qualifier: median
    source: 2026 Implementation Study
---

# Time to go live

Customers choose Northwind for many reasons, and a fast start is one of them.

The median customer goes from kickoff to its first live payment run in 6 weeks.

| Step | Typical time |
|---|---|
| Connect the ERP | 2 weeks |
| Design approval rules | 1 week |
"""

GO_LIVE_OLD = """---
type: proof_point
title: Time to go live (2024)
status: retired
owner: ana@example.com
metrics:
  - id: go-live-2024
    name: median time from kickoff to first live payment run in 2024
    value: 3
    unit: weeks
---

# Time to go live (2024)

Customers went live with Northwind in 3 weeks, from kickoff to first live payment run.
"""

SECURITY = """---
type: answer
title: Answering security review questions
owner: ines@example.com
reviewed: 2026-09-15
answers: [objections/security]
sources:
  - title: SOC 2 Type II report, 2026
    date: 2026-06-30
---

# Answering security review questions

Send the trust package early. It holds our SOC 1 Type II and SOC 2 Type II reports.
"""

SECURITY_OBJECTION = """---
type: objection
title: Security review
owner: ines@example.com
examples:
  - "Do you have a SOC report we can look at?"
  - "Our security team needs to review you"
---

# Security review

Prospects ask for a security review and a SOC report late in the cycle.
"""

FAQ = """# Frequently asked questions

## How long does implementation take?

Most customers are live in 8 weeks from kickoff.
"""


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    return write_kb(tmp_path / "kb", {
        "proof-points/go-live.md": GO_LIVE,
        "proof-points/go-live-2024.md": GO_LIVE_OLD,
        "answers/security.md": SECURITY,
        "objections/security.md": SECURITY_OBJECTION,
        "website/faq.md": FAQ,
    }, toml='[kb]\nname = "Northwind"\n')


@pytest.fixture
def indexed(kb: Path, fake_embedder: object) -> Path:
    ingest(load_settings(kb), embedder=fake_embedder)
    return kb


def ask(kb: Path, q: str, embedder: object, **kw: object) -> dict:
    return search(load_settings(kb), q, SearchOptions(today=TODAY, **kw), embedder=embedder)  # type: ignore[arg-type]


def test_terms_drop_question_scaffolding():
    assert lexical.terms("How long does implementation take?") == ["implementation"]
    assert lexical.terms("Is Northwind SOC 2 certified?") == ["northwind", "soc", "2", "certified"]
    assert lexical.terms("What's the price?") == ["price"]


def test_terms_drop_clitics_and_negated_auxiliaries():
    assert lexical.terms("Why isn\u2019t Kythe an alternative?") == ["kythe", "alternative"]
    assert lexical.terms("Our approvers won't log into another tool") == ["approvers", "log", "another", "tool"]
    assert lexical.terms("Ticketmaster's build times") == ["ticketmaster", "build", "times"]


def _fts(rows: list[tuple[str, str, str]]) -> Any:
    """An in-memory lexical index of (path, title, body) rows."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.executescript(lexical.SCHEMA)
    db.executemany("INSERT INTO entries_fts (path, title, body) VALUES (?, ?, ?)", rows)
    return db


def test_a_spelled_out_number_finds_the_digits_and_the_other_way_round():
    db = _fts([
        ("a.md", "Build times", "Build time reduced from 6 hours to 20 minutes."),
        ("b.md", "Releases", "Twelve releases a day."),
        ("c.md", "Other", "Nothing about numbers here."),
    ])
    hits = lexical.search(db, lexical.terms("Which customer took a six-hour build down to twenty minutes?"))
    assert hits.ranked[0][0] == "a.md"
    assert all(hits.rowids["a.md"] in hits.holders[w] for w in ("six", "hour", "twenty", "minutes"))
    assert lexical.search(db, ["12", "releases"]).coverage("b.md") == 1.0


def test_british_and_american_spellings_find_each_other():
    db = _fts([
        ("a.md", "Syntax", "Syntax coloring for 77 languages."),
        ("b.md", "Analysts", "60% of organizations will switch, analysts say."),
        ("c.md", "Other", "Nothing about either here."),
    ])
    hits = lexical.search(db, lexical.terms("Which languages get syntax colouring?"))
    assert hits.ranked[0][0] == "a.md" and hits.coverage("a.md") == 1.0
    assert lexical.search(db, ["organisations"]).ranked[0][0] == "b.md"
    assert lexical.search(db, ["licence"]).ranked == []  # a form no entry uses matches nothing


def test_spelling_alternative_rules():
    alt = lexical.spelling_alternative
    assert [alt(w) for w in ("colour", "behavior", "optimised", "analyze", "centre", "licence", "modelling",
                             "labeled")] == ["color", "behaviour", "optimized", "analyse", "center", "license",
                                             "modeling", "labelled"]
    # short words and words the rules do not fit have none
    assert [alt(w) for w in ("hour", "four", "your", "size", "floor", "editor", "six", "2")] == [None] * 8


def test_passage_coverage_is_read_per_chunk_not_per_entry():
    from types import SimpleNamespace

    from knowledge.search import _chunk_coverage

    def chunk(i: int, path: str, text: str) -> SimpleNamespace:
        return SimpleNamespace(id=f"test-chunk-{i}", path=path, text=text)

    idf = {"sage": 2.0, "integrations": 1.0, "six": 1.0}
    got = _chunk_coverage([
        chunk(1, "long.md", "Sage is mentioned here."),
        chunk(2, "long.md", "Integration and 6 of them, far away."),
        chunk(3, "short.md", "Sage integration in 6 steps."),
    ], idf)
    spelled = _chunk_coverage([chunk(4, "s.md", "Syntax coloring per language.")], {"colouring": 1.0, "syntax": 1.0})
    assert spelled["s.md"] == pytest.approx(1.0)
    # the long entry holds every word, but no one of its passages does
    assert got["long.md"] == pytest.approx(0.5)
    # a stem ("integration"), and a number in its other spelling, count
    assert got["short.md"] == pytest.approx(1.0)


def test_the_article_signal_counts_only_where_a_typed_entry_holds_the_words_as_well(tmp_path: Path,
                                                                                    fake_embedder: object):
    from knowledge.search import retrieve

    def article_signal(root: Path, files: dict[str, str], question: str) -> set[float]:
        settings = load_settings(write_kb(root, files))
        ingest(settings, embedder=fake_embedder)
        catalog = open_catalog(settings)
        try:
            cands, _ = retrieve(settings, catalog, question, fake_embedder)
            return {c.features["article"] for c in cands if c.entry.type == "article"}
        finally:
            catalog.close()

    typed = {"faq.md": FAQ, "proof-points/go-live.md": GO_LIVE}
    # the proof point's passage holds "kickoff" too: the untyped page is not the curated answer
    assert article_signal(tmp_path / "typed", typed, "kickoff") == {1.0}
    # only the untyped page holds what was asked: being one says nothing against it
    assert article_signal(tmp_path / "alone", typed, "frequently asked") == {0.0}
    # in a KB of untyped pages it never counts
    assert article_signal(tmp_path / "handbook", {"faq.md": FAQ, "other.md": "# Other\n\nImplementation notes.\n"},
                          "implementation") == {0.0}


def test_ingest_fills_and_updates_the_lexical_index(indexed: Path, fake_embedder: object):
    settings = load_settings(indexed)
    catalog = open_catalog(settings)
    try:
        assert catalog.db.execute("SELECT COUNT(*) FROM entries_fts").fetchone()[0] == 5
        hits = lexical.search(catalog.db, ["soc"])
        assert {p for p, _ in hits.ranked} == {"answers/security.md", "objections/security.md"}
    finally:
        catalog.close()
    (indexed / "answers" / "security.md").unlink()
    ingest(settings, embedder=fake_embedder)
    catalog = open_catalog(settings)
    try:
        hits = lexical.search(catalog.db, ["soc"])
        assert {p for p, _ in hits.ranked} == {"objections/security.md"}
    finally:
        catalog.close()


def test_an_index_without_the_lexical_table_is_brought_up_to_date(indexed: Path, fake_embedder: object):
    settings = load_settings(indexed)
    catalog = open_catalog(settings)
    try:
        catalog.db.execute("DELETE FROM entries_fts")
        catalog.db.execute("DELETE FROM meta WHERE key='lexical'")
    finally:
        catalog.close()
    assert not index_is_current(settings)
    ingest(settings, embedder=fake_embedder)
    assert index_is_current(settings)
    catalog = open_catalog(settings)
    try:
        assert catalog.db.execute("SELECT COUNT(*) FROM entries_fts").fetchone()[0] == 5
    finally:
        catalog.close()


def test_exact_terms_find_their_entry(indexed: Path, fake_embedder: object):
    out = ask(indexed, "Is Northwind SOC 2 certified?", fake_embedder, mode="lexical")
    assert out["results"][0]["entry"] == "answers/security"


def test_an_approved_answer_comes_before_the_objection_it_answers(indexed: Path, fake_embedder: object):
    out = ask(indexed, "Do you have a SOC report we can look at?", fake_embedder, limit=20)
    ids = [r["entry"] for r in out["results"]]
    assert "answers/security" in ids and "objections/security" in ids
    assert ids.index("answers/security") < ids.index("objections/security")


def test_retired_entries_only_below_current_ones_and_marked(indexed: Path, fake_embedder: object):
    out = ask(indexed, "how many weeks from kickoff to first live payment run?", fake_embedder, limit=10)
    statuses = [r["status"] for r in out["results"]]
    assert statuses == sorted(statuses, key={"approved": 0, "draft": 1, "retired": 2}.get)
    retired = [r for r in out["results"] if r["status"] == "retired"]
    assert retired and not retired[0]["canonical"]
    out = ask(indexed, "how many weeks from kickoff to first live payment run?", fake_embedder,
              statuses=("approved",))
    assert all(r["status"] == "approved" for r in out["results"])


def test_the_registered_figure_comes_first_and_the_passage_holds_it(indexed: Path, fake_embedder: object):
    out = ask(indexed, "How long from kickoff to the first live payment run?", fake_embedder)
    top = out["results"][0]
    assert top["entry"] == "proof-points/go-live"
    line = GO_LIVE.splitlines().index(top["snippet"]["text"]) + 1
    assert "6 weeks" in top["snippet"]["text"] and top["line"] == line
    assert top["figure"]["metric"] == "median-go-live" and top["metrics"][0]["id"] == "median-go-live"


def test_a_conflicting_figure_carries_a_warning(indexed: Path, fake_embedder: object):
    out = ask(indexed, "How long does implementation take?", fake_embedder, limit=10)
    faq = next(r for r in out["results"] if r["entry"] == "website/faq")
    assert faq["warnings"] and faq["warnings"][0]["rule"] == "metric-conflict"
    assert "6 weeks" in faq["warnings"][0]["message"]
    # The FAQ's figure contradicts the registered one: the entry that owns the figure goes first.
    assert out["results"][0]["entry"] == "proof-points/go-live"


def test_nothing_answers_an_unrelated_question(indexed: Path, fake_embedder: object):
    out = ask(indexed, "Which languages does the mobile app support for payroll?", fake_embedder)
    assert out["results"] == [] and out["answered"] is False
    assert 0.0 <= out["confidence"] < out["floor"] and "best_score" in out and out["reason"] == "floor"
    # the nearest entries stay visible beside the empty results, in the ranker's order
    assert 1 <= len(out["closest"]) <= 3 and all(c["entry"] and c["path"] for c in out["closest"])
    r = CliRunner().invoke(app, ["ask", "Which languages does the mobile app support for payroll?",
                                 "--kb", str(indexed)])
    assert r.exit_code == 0, r.output
    assert "No entry answers that" in r.stdout
    assert "Closest, below the floor" in r.stdout and out["closest"][0]["path"] in r.stdout


def test_an_answered_question_has_no_closest_list(indexed: Path, fake_embedder: object):
    out = ask(indexed, "How long from kickoff to the first live payment run?", fake_embedder)
    assert out["answered"] and "closest" not in out


def test_api_reports_unanswered_with_empty_results(indexed: Path, fake_embedder: object):
    from fastapi.testclient import TestClient

    from api.app import create_app

    client = TestClient(create_app(load_settings(indexed)))
    body = client.get("/v1/search", params={"q": "Which languages does the mobile app support for payroll?"}).json()
    assert body["results"] == [] and body["answered"] is False and "best_score" in body
    assert body["closest"] and body["closest"][0]["entry"]


def test_passage_prefers_the_table_row_or_sentence_with_the_figure(tmp_path: Path):
    from ingest.kb import parse_entry

    root = write_kb(tmp_path / "kb", {"p.md": GO_LIVE})
    entry, _ = parse_entry(root, root / "p.md", (root / "p.md").read_bytes(), load_settings(root))
    assert entry is not None
    p = best_passage(entry, {"erp": 2.0, "connect": 1.0}, figures=True, kinds=asked_kinds("how long"))
    assert p is not None and p.text == "Connect the ERP | 2 weeks"
    p = best_passage(entry, {"kickoff": 1.0}, entry.metrics[0])
    assert p is not None and "in 6 weeks" in p.text


STORIES = """# Proof points

<big>[Acme](/customers/acme/)</big><br>
**Problem:** Slow builds and expensive tools<br>
**Result:** Build time reduced from 6 hours to 20 minutes<br>
**Vertical:** Education

<big>[Globex](/customers/globex/)</big><br>
**Problem:** Releases were rare<br>
**Result:** 12 releases per day. Their nightly builds now finish in 9 minutes<br>
**Vertical:** Retail
"""


def test_passage_of_a_long_page_is_the_story_asked_about_with_its_figure_lines(tmp_path: Path):
    from ingest.kb import parse_entry

    root = write_kb(tmp_path / "kb", {"p.md": STORIES})
    entry, _ = parse_entry(root, root / "p.md", (root / "p.md").read_bytes(), load_settings(root))
    assert entry is not None
    # the figure sits three lines into a story: it still counts for that story, and a spelled-out
    # number meets its digits
    q = "Which customer took a six-hour build down to twenty minutes?"
    p = best_passage(entry, {t: 1.0 for t in lexical.terms(q)}, figures=True, kinds=asked_kinds(q))
    assert p is not None and p.text.startswith("Acme"), p


def test_govern_orders_by_status_then_score():
    from knowledge.model import Entry

    def cand(path: str, status: str, score: float, type_: str = "answer", answers: list[str] | None = None):
        c = Candidate(path)
        c.entry = Entry(id=path, path=path, type=type_, status=status, answers=answers or [])
        c.score = score
        return c

    ordered = govern([cand("r", "retired", 0.9), cand("o", "approved", 0.8, "objection"),
                      cand("a", "approved", 0.5, answers=["o"]), cand("d", "draft", 0.95), cand("x", "approved", 0.6)])
    assert [c.path for c in ordered] == ["a", "o", "x", "d", "r"]


def test_search_json_is_stable(indexed: Path, fake_embedder: object):
    out = ask(indexed, "SOC 2 report", fake_embedder)
    assert {"version", "query", "answered", "best_score", "confidence", "floor", "results"} <= set(out)
    json.dumps(out)


def test_the_floor_reads_the_rankers_best_score_and_the_shipped_model_names_its_features():
    from knowledge.search import FLOOR_FEATURES, Ranker, floor_features, load_ranker

    model = json.loads((Path(__file__).resolve().parents[2] / "knowledge" / "search_ranker.json").read_text())
    # the floor's signals, then any fitted as a penalty (tests/test_search_floor.py checks their sign)
    assert tuple(model["floor"]["weights"]) == (*FLOOR_FEATURES, *model["floor"].get("penalty", ()))
    sure, unsure = Candidate("a.md", cosine=0.5, score=0.9), Candidate("b.md", cosine=0.5, score=0.1)
    assert floor_features([unsure, sure])["top_score"] == 0.9
    assert floor_features([])["top_score"] == 0.0
    # Same absolute evidence, a ranker sure of its best entry: more likely answered, never less.
    ranker = load_ranker()
    assert ranker.floor_weights["top_score"] > 0
    assert ranker.answerable(floor_features([sure])) > ranker.answerable(floor_features([unsure]))
    assert isinstance(ranker, Ranker)


def test_a_figure_on_the_second_line_of_a_wrapped_sentence_sends_its_registering_entry_first(monkeypatch):
    import knowledge.passage as passage
    from knowledge.model import Entry
    from knowledge.search import Candidate, registered_first

    article = Candidate("articles/metrics.md", score=0.4)
    article.entry = Entry(id="articles/metrics", path="articles/metrics.md")
    proof = Candidate("proof-points/drive-time.md", score=0.3)
    proof.entry = Entry(id="proof-points/drive-time", path="proof-points/drive-time.md", type="proof_point")
    # "… averaged across technicians. Route-aware\ndispatch cuts it by 22% on average.": the sentence
    # starts on line 28, its figure is on line 29
    monkeypatch.setattr(passage, "best_passage", lambda *a, **k: passage.Passage("Route-aware dispatch cuts it by 22%.",
                                                                                 28, 29, "", last_line=29))
    facts = {"conflicts": {}, "backed": {"articles/metrics.md": {
        "29": {"metric": "drive-time-reduction", "entry": "proof-points/drive-time"}}}}
    ordered = registered_first([article, proof], facts, {"drive": 1.0}, None, set())  # type: ignore[arg-type]
    assert [c.entry.id for c in ordered] == ["proof-points/drive-time", "articles/metrics"]
