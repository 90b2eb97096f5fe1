"""Where a page's figures come from (source notes) and pages that state none: the candidates, the
cues, the models' arithmetic, and what ``unsourced-claim`` does with them (fake weights, fake
embedder)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from knowledge.audit import audit
from knowledge.claims import needs_source, provenance

from .rules.test_figures import _ctx, _entry

NOTE_PAGE = ("# Bluegum Couriers\n\nBluegum now delivers 35% more parcels per driver.\n\n"
             "Figures supplied by Bluegum Couriers' operations team, 2026.\n")
TABLE_NOTE = ("# Returns\n\n| Market | Share |\n|---|---|\n| Spain | 47% |\n| Italy | 39% |\n\n"
              "Source: Ferris Analytics, 2026 Retail Returns Benchmark.\n\n"
              "Shoppers return 30% fewer parcels with photo sizing.\n")
HTML_NOTE = ("<h2>Key numbers</h2>\n\n<table>\n  <tr><th>Market</th><th>Share</th></tr>\n"
             "  <tr><td>Spain</td><td>47%</td></tr>\n</table>\n"
             "<p class=\"source\">Source: Ferris Analytics, Retail Returns Benchmark 2026.</p>\n\n"
             "Shoppers return 30% fewer parcels with photo sizing.\n")
LABELLED_PAGE = ("# Bluegum Couriers\n\nBluegum now delivers 35% more parcels per driver.\n\n"
                 "Courtesy: Bluegum Couriers operations team, 2026.\n")  # a form the older note pattern misses
FOOTNOTES = ("# Costs\n\nA missed slot costs £120.[^1]\n\n"
             "[^1]: Association of Practice Managers, The Cost of a Missed Slot, 2025.\n")

CANDIDATES: list[tuple[str, str, list[tuple[str, tuple[int, int] | None]]]] = [
    # (case, body, [(the note's text starts with, its scope)])
    ("a note at the end sources the page", NOTE_PAGE, [("Figures supplied by", None)]),
    ("a note under a table sources the table", TABLE_NOTE, [("Source: Ferris", (3, 6))]),
    ("a <p> under an HTML table sources the table", HTML_NOTE, [("Source: Ferris", (3, 6))]),
    ("footnotes source what marks them, not the page", FOOTNOTES, []),
]


@pytest.mark.parametrize(("case", "body", "want"), CANDIDATES, ids=[c[0] for c in CANDIDATES])
def test_note_candidates(case: str, body: str, want: list[tuple[str, tuple[int, int] | None]]) -> None:
    notes = provenance.note_candidates(_entry("page.md", body))
    got = [(n.text, n.scope) for n in notes if n.text.startswith(("Figures", "Source", "Association"))]
    assert [(t[:len(w)], s) for (t, s), (w, _) in zip(got, want, strict=False)] == want
    assert len(got) == len(want)
    # a passage that states a share or an amount is prose or a price, never a note
    assert not any("%" in n.text or "$" in n.text for n in notes)


@pytest.mark.parametrize(("text", "fire", "quiet"), [
    ("Source: Ferris Analytics, 2026.", {"cue:label", "cue:names", "cue:sentence"}, {"cue:figure"}),
    ("figures supplied by the customer", set(), {"cue:label", "cue:names", "cue:figure", "cue:sentence"}),
    ("Revenue rose 30% in 2025.", {"cue:figure", "cue:names", "cue:sentence"}, {"cue:label"}),
])
def test_note_cues(text: str, fire: set[str], quiet: set[str]) -> None:
    cues = provenance.note_cues(text)
    assert {k for k in fire if cues[k] > 0} == fire
    assert not {k for k in quiet if cues[k] > 0}


def test_clean_reads_as_a_reader_does() -> None:
    assert provenance.clean('<small>_Figures supplied by X._</small>') == "Figures supplied by X."
    assert provenance.clean("> *Source: Y, 2025.*") == "Source: Y, 2025."


def test_page_text_names_where_the_page_is_published() -> None:
    page = _entry("careers.md", "# Work with us\n\nJoin a team of 40.\n", title="Careers",
                  extra={"permalink": "/jobs/"})
    assert provenance.page_text(page) == "Careers | /jobs/"  # the opening is not read (OPENING_CHARS)
    assert provenance.page_text(page, chars=40) == "Careers | /jobs/ | Work with us Join a team of 40."
    assert provenance.page_text(_entry("security.md", "Text.\n", title="Security")) == "Security | /security"


def _weights(tmp_path: Path, note: dict[str, Any] | None, page: dict[str, Any] | None) -> Path:
    # one file per content: the loaded weights are cached by file name
    path = tmp_path / f"provenance-{abs(hash(json.dumps([note, page])))}.json"
    path.write_text(json.dumps({"note": note, "page": page, "meta": {}}), encoding="utf-8")
    return path


# a note model that fires on a passage that leads with a label ("Source:") or names something and is
# short, and a page model that calls every page (or none) one that states no outcome claims
LABEL_NOTES = {"cues": {"cue:label": 8.0, "cue:names": 2.0, "cue:words": -4.0}, "vector": [], "bias": -5.0,
               "threshold": 0.5}
EVERY_PAGE = {"cues": {}, "vector": [], "bias": 8.0, "threshold": 0.5}
NO_PAGE = {"cues": {}, "vector": [], "bias": -8.0, "threshold": 0.5}

RULE_CASES: list[tuple[str, str, dict[str, Any] | None, dict[str, Any] | None, list[float]]] = [
    ("no weights: an HTML table's figures reported", HTML_NOTE, None, None, [47.0, 30.0]),
    ("a note under a table sources the table only", TABLE_NOTE, LABEL_NOTES, NO_PAGE, [30.0]),
    ("an HTML table's note too", HTML_NOTE, LABEL_NOTES, NO_PAGE, [30.0]),
    ("a note that is not one sources nothing", NOTE_PAGE, {**LABEL_NOTES, "bias": -50.0}, NO_PAGE, [35.0]),
    # under the model's cut but over even odds: enough for the table under it, not for a whole page
    ("a likely note sources a table", TABLE_NOTE, {**LABEL_NOTES, "threshold": 0.999}, NO_PAGE, [30.0]),
    ("a likely note does not source a page", LABELLED_PAGE, {**LABEL_NOTES, "threshold": 0.999}, NO_PAGE, [35.0]),
    ("a sure note sources the page", LABELLED_PAGE, LABEL_NOTES, NO_PAGE, []),
]


@pytest.mark.parametrize(("case", "body", "note", "page", "reported"), RULE_CASES, ids=[c[0] for c in RULE_CASES])
def test_unsourced_claim_reads_source_notes(case: str, body: str, note: dict[str, Any] | None,
                                            page: dict[str, Any] | None, reported: list[float], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(provenance.ENV, str(_weights(tmp_path, note, page)) if note or page else str(tmp_path / "no"))
    monkeypatch.setenv(needs_source.ENV, str(tmp_path / "none.json"))
    found = audit(_ctx([_entry("stories/returns.md", body, type="answer", owner="ops")]), ["unsourced-claim"])
    assert sorted(f.claim["value"] for f in found.findings if f.claim) == sorted(reported)


def test_a_page_that_states_no_outcomes_lets_the_needs_a_source_model_decide_every_figure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the needs-a-source model would have no say here (claim-ness is never under 0): on a page that
    # states no outcome claims it decides every figure, and keeps the outcome (a welcome kit, not a
    # learning budget: a named staff benefit is the company's own term whatever the page)
    ns = tmp_path / "ns.json"
    ns.write_text(json.dumps({"cues": {"cue:benefit": -6.0, "cue:change": 4.0}, "vector": [], "bias": 0.0,
                              "threshold": 0.5, "claimness_below": 0.0}), encoding="utf-8")
    monkeypatch.setenv(needs_source.ENV, str(ns))
    # (a title that is not a page's name: "Careers" is itself the name of such a page)
    body = ("# Work with us\n\nEvery new employee gets a welcome kit worth $1,500 on day one.\n\n"
            "Teams that join us ship 30% faster than before.\n")
    for page, reported in ((NO_PAGE, [1500.0, 30.0]), (EVERY_PAGE, [30.0])):
        monkeypatch.setenv(provenance.ENV, str(_weights(tmp_path, None, page)))
        found = audit(_ctx([_entry("work-with-us.md", body, type="answer", owner="people")]), ["unsourced-claim"])
        assert sorted(f.claim["value"] for f in found.findings if f.claim) == sorted(reported), page


@pytest.mark.parametrize("layout, reported", [("careers", [30.0]), ("partners", [30.0]), ("security", [30.0]),
                                               ("post", [1500.0, 30.0]), (None, [1500.0, 30.0])])
def test_a_front_matter_kind_that_states_no_outcomes_counts_as_the_page_models_verdict(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str | None, reported: list[float]) -> None:
    # the page model calls no page one that states no outcome claims; the front matter's kind does
    ns = tmp_path / "ns.json"
    ns.write_text(json.dumps({"cues": {"cue:benefit": -6.0, "cue:change": 4.0}, "vector": [], "bias": 0.0,
                              "threshold": 0.5, "claimness_below": 0.0}), encoding="utf-8")
    monkeypatch.setenv(needs_source.ENV, str(ns))
    monkeypatch.setenv(provenance.ENV, str(_weights(tmp_path, None, NO_PAGE)))
    body = ("# Join us\n\nEvery new employee gets a welcome kit worth $1,500 on day one.\n\n"
            "Teams that join us ship 30% faster than before.\n")
    extra = {"layout": layout} if layout else {}
    entry = _entry("join.md", body, type="answer", owner="people", extra=extra)
    found = audit(_ctx([entry]), ["unsourced-claim"])
    assert sorted(f.claim["value"] for f in found.findings if f.claim) == sorted(reported)


def test_no_weights_no_decision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(provenance.ENV, str(tmp_path / "none.json"))
    assert provenance.load() is None


def test_the_shipped_weights_read_and_were_trained_on_written_data_only() -> None:
    models = provenance.load()
    assert models is not None and models.note is not None and models.page is not None
    assert models.meta["trained_on"] == ["source_notes.jsonl", "page_kinds.jsonl"]
    assert 0.5 <= models.note.threshold < 1 and 0.5 <= models.page.threshold < 1


def test_the_written_data_are_balanced_and_varied() -> None:
    data = Path(provenance.__file__).with_name("data")
    notes = [json.loads(x) for x in (data / "source_notes.jsonl").read_text(encoding="utf-8").splitlines() if x]
    assert sum(n["note"] for n in notes) >= 150 and sum(1 - n["note"] for n in notes) >= 150
    assert len({n["text"] for n in notes}) == len(notes)
    pages = [json.loads(x) for x in (data / "page_kinds.jsonl").read_text(encoding="utf-8").splitlines() if x]
    assert len({p["kind"] for p in pages if p["no_claims"]}) >= 20


def test_the_weights_apply_only_in_the_space_they_were_trained_in(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from knowledge.embedding import FakeEmbedder

    fake = FakeEmbedder().embed
    head = [float(x) for x in fake([provenance.PROBE])[0][:16]]
    other = [-x for x in head]
    for probe, same in ((head, True), (other, False)):
        path = tmp_path / f"w-{same}.json"
        path.write_text(json.dumps({"note": LABEL_NOTES, "page": NO_PAGE, "meta": {},
                                    "probe": {"text": provenance.PROBE, "head": probe}}), encoding="utf-8")
        monkeypatch.setenv(provenance.ENV, str(path))
        models = provenance.load()
        assert models is not None and models.same_space(fake) is same
        monkeypatch.setenv(needs_source.ENV, str(tmp_path / "none.json"))
        found = audit(_ctx([_entry("stories/returns.md", HTML_NOTE, type="answer", owner="ops")]), ["unsourced-claim"])
        assert sorted(f.claim["value"] for f in found.findings if f.claim) == ([30.0] if same else [30.0, 47.0])
