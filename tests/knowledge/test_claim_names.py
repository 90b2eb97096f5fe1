"""The KB's own names read as one placeholder in claim-ness (knowledge/claims/names.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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


def _kb(root: Path) -> None:
    (root / "canon.toml").write_text('[kb]\nname = "Kestrelly"\n', encoding="utf-8")
    for i, text in enumerate(ENTRIES):
        (root / f"e{i}.md").write_text(text, encoding="utf-8")


def test_the_kb_and_its_drafts_are_judged_with_the_kbs_names(tmp_path: Path) -> None:
    from ingest.drafts import parse_draft_text
    from ingest.kb import load_kb
    from knowledge.audit import check
    from knowledge.rules import AuditContext
    from knowledge.settings import load_settings

    _kb(tmp_path)
    settings = load_settings(tmp_path, environ={})
    kb = load_kb(settings)
    assert {"kestrelly", "quillon"} <= kb.names
    named = [c for e in kb.entries for c in e.claims if claimness.names_in(c, kb.names)]
    assert named
    for c in named:
        assert c.claimness == claimness.score(c, names=kb.names)[0]
        assert c.claimness != claimness.score(c)[0]
    draft = parse_draft_text("Quillon now closes 3x faster with Kestrelly.\n", "draft.md")
    check(AuditContext(settings=settings, kb=kb, today=date(2026, 12, 6)), [draft], rules=["unsourced-claim"])
    [c] = draft.claims
    assert c.claimness == claimness.score(c, names=kb.names)[0]


def test_what_the_index_stored_file_by_file_is_judged_again_with_the_names(tmp_path: Path) -> None:
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
    scores = [c.claimness for e in kb.entries for c in e.claims]
    assert [c.claimness for e in stored for c in e.claims] != scores
    assert judge_with_names(stored, settings) == kb.names
    assert [c.claimness for e in stored for c in e.claims] == scores
