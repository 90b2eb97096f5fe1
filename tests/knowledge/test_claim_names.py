"""The KB's own names read as one placeholder in claim-ness (knowledge/claims/names.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from knowledge.claims import claimness, extract_claims
from knowledge.claims.names import PLACEHOLDER, find_names, kb_names
from knowledge.model import Entry

ENTRIES = [
    "# Pricing\n\nKestrelly cut month-end close by 40% for Quillon. See kestrelly.example/pricing.\n",
    "# Director notes\n\nWith Kestrelly, Quillon closes in 6 days. Gartner found 30% of teams close late.\n"
    "The director of finance asked about pricing in March. Our ARR grew and our APIs are open.\n",
    "# Onboarding\n\nQuillon rolled out Kestrelly in May. Gartner agrees. March came. Hollowby signed once.\n",
]


def test_a_name_is_capitalised_never_lower_case_and_recurs() -> None:
    names = find_names(ENTRIES)
    assert {"kestrelly", "quillon"} <= names
    # an English word in a title or at a sentence's start, a word also written in lower case, an
    # analyst (a cue that a figure is sourced), a month, an acronym, a name seen in one entry only
    for word in ("pricing", "director", "onboarding", "gartner", "march", "may", "arr", "apis", "hollowby", "see"):
        assert word not in names, word


def test_declared_names_count_once_the_kb_writes_them() -> None:
    # the owner and a customer key name people and companies; the domain names the company
    names = find_names(ENTRIES, ["Hollowby", "Kim Pricing"], company=["Tessaly"])
    assert {"hollowby", "tessaly"} <= names
    assert "pricing" not in names  # declared, but an English word the KB writes in lower case
    # one entry: nothing recurs, so only what the KB declares is a name
    e = Entry(id="customers/hollowby", path="customers/hollowby.md", body=ENTRIES[2], title="Onboarding",
              owner="Ana Brisk <ana.brisk@tessaly.example>", extra={"customer": "Quillon"})
    assert kb_names([e]) == {"tessaly", "quillon", "hollowby"}  # owner's domain, customer key, id
    assert kb_names([e], company="Kestrelly") == {"tessaly", "quillon", "hollowby", "kestrelly"}


def test_a_name_reads_as_the_placeholder_and_the_company_is_forgotten() -> None:
    names = frozenset({"kestrelly", "quillon"})
    [a] = extract_claims("Kestrelly cut Quillon's close time by 40% last year.")
    [b] = extract_claims("Brindlework cut Ostara's close time by 40% last year.")
    fa = claimness.features(a, names)
    assert not any("kestrelly" in k or "quillon" in k for k in fa)
    assert f"lb={PLACEHOLDER}" in fa
    assert fa == claimness.features(b, frozenset({"brindlework", "ostara"}))
    # only a capitalised word is a name: "kestrelly" in a URL stays a word
    [c] = extract_claims("See kestrelly for the 40% cut.")
    assert f"lb={PLACEHOLDER}" not in claimness.features(c, names)


def _model(tmp_path: Path, names: object) -> Path:
    """A model that calls a figure a claim when a name stands before it, and only then."""
    path = tmp_path / f"weights-{names}.json"
    path.write_text(json.dumps({"threshold": 0.5, "weights": {"bias": -1.0, f"lb={PLACEHOLDER}": 3.0},
                                "meta": {"names": names}}), encoding="utf-8")
    return path


@pytest.fixture
def name_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> claimness.Model:
    monkeypatch.setenv("CANON_CLAIMNESS_WEIGHTS", str(_model(tmp_path, "placeholder")))
    model = claimness.load()
    assert model is not None and model.names == "placeholder"
    return model


def _kb(root: Path) -> None:
    (root / "canon.toml").write_text('[kb]\nname = "Kestrelly"\n', encoding="utf-8")
    for i, text in enumerate(ENTRIES):
        (root / f"e{i}.md").write_text(text, encoding="utf-8")


def test_the_kb_and_its_drafts_are_judged_with_the_kbs_names(tmp_path: Path, name_model: claimness.Model) -> None:
    from ingest.drafts import parse_draft_text
    from ingest.kb import load_kb
    from knowledge.audit import check
    from knowledge.rules import AuditContext
    from knowledge.settings import load_settings

    _kb(tmp_path)
    settings = load_settings(tmp_path, environ={})
    kb = load_kb(settings)
    assert {"kestrelly", "quillon"} <= kb.names
    by_span = {c.span: c for e in kb.entries for c in e.claims}
    assert by_span["40%"].is_claim and "a name of the KB's" in by_span["40%"].why
    assert not by_span["30%"].is_claim  # "Gartner found 30%": an analyst is no name of the KB's
    draft = parse_draft_text("Quillon now closes 3x faster with Kestrelly.\n", "draft.md")
    [c] = draft.claims
    assert not c.is_claim  # read alone, a draft does not know the KB's names
    check(AuditContext(settings=settings, kb=kb, today=date(2026, 12, 6)), [draft], rules=["unsourced-claim"])
    assert c.is_claim


def test_what_the_index_stored_file_by_file_is_judged_again_with_the_names(
        tmp_path: Path, name_model: claimness.Model) -> None:
    from ingest.kb import load_kb, parse_entry
    from knowledge.claims import judge_with_names
    from knowledge.serialize import entry_from_dict, entry_to_dict
    from knowledge.settings import load_settings

    _kb(tmp_path)
    settings = load_settings(tmp_path, environ={})
    kb = load_kb(settings)
    # ingest parses and stores one file at a time, before the KB's names are known
    stored = []
    for p in sorted(tmp_path.glob("*.md")):
        entry, _ = parse_entry(tmp_path, p, p.read_bytes(), settings)
        assert entry is not None
        stored.append(entry_from_dict(entry_to_dict(entry)))
    decided = [c.is_claim for e in kb.entries for c in e.claims]
    assert [c.is_claim for e in stored for c in e.claims] != decided
    assert judge_with_names(stored, settings) == kb.names
    assert [c.is_claim for e in stored for c in e.claims] == decided


def test_weights_say_how_they_read_names(tmp_path: Path) -> None:
    names = frozenset({"kestrelly"})
    [c] = extract_claims("Kestrelly cut close time by 40% last year.")
    placeholder, dropped, words, older = (
        claimness._load(str(_model(tmp_path, how))) for how in ("placeholder", "drop", False, None))
    assert placeholder is not None and dropped is not None and words is not None and older is not None
    assert claimness.score(c, placeholder, names)[0] > 0.5 > claimness.score(c, placeholder)[0]
    assert f"lb={PLACEHOLDER}" not in claimness.features(c, names, drop_names=True)
    assert "lb=kestrelly" not in claimness.features(c, names, drop_names=True)
    for model in (dropped, words, older):  # left out, or weights that read names as words
        assert claimness.score(c, model, names)[0] < 0.5
    claimness.rejudge([c], names, words)
    assert not words.reads_names and c.claimness == claimness.score(c)[0]
