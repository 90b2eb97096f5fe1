"""Words the KB writes another way: compounds and their split or hyphenated forms, and
abbreviations whose long form the KB uses. Each case is a small FTS table, a question, and what the
KB's other form must (or must not) make the question's word match."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from knowledge import lexical
from tests.conftest import fts_table


@pytest.fixture(autouse=True)
def _every_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each rule is tested by itself, whether or not it is on by default."""
    for rule in ("COMPOUND_SPLITS", "ABBREVIATIONS", "JOINED_PAIRS"):
        monkeypatch.setattr(lexical, rule, True)


OTHER = ("z.md", "Other", "Nothing related to the question at all, only filler text about onboarding.")

CASES = [
    # (id, rows, question, word, entry that must now hold it, form)
    ("compound split by a hyphen",
     [("a.md", "Shelves", "Stock-outs fell by a third."), OTHER],
     "How much do stockouts come down?", "stockouts", "a.md", ("stock", "outs")),
    ("compound written the other way round",
     [("a.md", "Shelves", "Out-of-stock items fell by a third."), OTHER],
     "How much do stockouts come down?", "stockouts", "a.md", ("stock", "outs")),
    ("hyphenated question word, one word in the KB",
     [("a.md", "Security", "The platform is pentested twice a year."), OTHER],
     "How often is the platform pen-tested?", "tested", "a.md", ("pentested",)),
    ("two question words, one word in the KB",
     [("a.md", "Checkout", "Mobile checkout takes 40 seconds."), OTHER],
     "How long does it take to check out on a phone?", "check", "a.md", ("checkout",)),
    ("abbreviation the KB defines, long form elsewhere",
     [("a.md", "Finance", "Days sales outstanding (DSO) is what collections teams watch."),
      ("b.md", "Cedar Ridge", "Cedar Ridge cut days sales outstanding by 12 days."), OTHER],
     "How far did Cedar Ridge bring down its DSO?", "dso", "b.md", ("days", "sales", "outstanding")),
    ("abbreviation defined after it, function word inside",
     [("a.md", "Claims", "FNOL (first notice of loss) goes digital."),
      ("b.md", "APAC", "A digital first notice of loss cut handling cost."), OTHER],
     "How much did digital FNOL cut handling cost?", "fnol", "b.md", ("first", "notice", "of", "loss")),
]


@pytest.mark.parametrize("rows,question,word,path,form", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_word_the_kb_writes_another_way_matches_it(rows, question, word, path, form):
    db = fts_table(rows)
    hits = lexical.search(db, lexical.terms(question), question=question)
    assert form in hits.forms[word]
    assert hits.rowids[path] in hits.holders[word]
    assert path in [p for p, _ in hits.ranked]
    assert hits.rowids["z.md"] not in hits.holders[word]


NOT_CASES = [
    # (id, rows, question, word): no other form may be found
    ("a word the KB uses as it is",
     [("a.md", "Shelves", "Stockouts and stock outs fell."), OTHER], "Do stockouts fall?", "stockouts"),
    ("halves that never stand near each other",
     [("a.md", "Shelves", "Stock levels rose. Later the outs were counted."), OTHER], "Do stockouts fall?",
     "stockouts"),
    ("an abbreviation whose initials match a phrase seen once",
     [("a.md", "Reports", "Chasing reports members send."), OTHER], "Do you sync with our CRM?", "crm"),
    ("an abbreviation whose initials match a phrase only one entry holds, twice",
     [("a.md", "Paid sooner on commercial work", "# Paid sooner on commercial work\nInvoices went out."), OTHER],
     "Is Lumen SOC 2 audited?", "soc"),
    ("a possessive is not a joined word",
     [("a.md", "Lumens", "Lumens of light."), ("b.md", "Lumen", "Lumen is a tool.")], "What is Lumen's uptime?",
     "lumen"),
    ("a lower-case word is not read as an abbreviation",
     [("a.md", "Automation", "Straight-through processing."), ("b.md", "B", "Straight-through processing.")],
     "what is stp?", "stp"),
    ("a phrase ending on a function word",
     [("a.md", "A", "Sales team of x."), ("b.md", "B", "Sales team of y.")], "Is there an STO?", "sto"),
]


@pytest.mark.parametrize("rows,question,word", [c[1:] for c in NOT_CASES], ids=[c[0] for c in NOT_CASES])
def test_no_other_form_without_the_kbs_evidence(rows, question, word):
    hits = lexical.search(fts_table(rows), lexical.terms(question), question=question)
    assert word not in hits.forms


def test_without_the_question_text_nothing_is_mined():
    db = fts_table([("a.md", "Shelves", "Stock-outs fell by a third."), OTHER])
    assert lexical.search(db, ["stockouts"]).forms == {}


def test_passage_coverage_counts_every_word_of_a_kb_form():
    from knowledge.search import _chunk_coverage

    chunks = [SimpleNamespace(id="lex-forms-1", path="a.md", text="Stock-outs fell by a third."),
              SimpleNamespace(id="lex-forms-2", path="b.md", text="Stock levels rose.")]
    idf = {"stockouts": 1.0, "fell": 1.0}
    got = _chunk_coverage(chunks, idf, {"stockouts": [("stock", "outs")]})
    assert got["a.md"] == pytest.approx(1.0)
    assert got.get("b.md", 0.0) == pytest.approx(0.0)
    assert _chunk_coverage(chunks, idf)["a.md"] == pytest.approx(0.5)


@pytest.mark.parametrize("rule,question,word,rows", [
    ("COMPOUND_SPLITS", "How much do stockouts come down?", "stockouts", [("a.md", "S", "Stock-outs fell.")]),
    ("JOINED_PAIRS", "How long does it take to check out?", "check", [("a.md", "C", "Checkout takes 40 seconds.")]),
    ("ABBREVIATIONS", "How far did Cedar Ridge bring down its DSO?", "dso",
     [("a.md", "Finance", "Days sales outstanding (DSO) is what collections teams watch."),
      ("b.md", "Cedar Ridge", "Cedar Ridge cut days sales outstanding by 12 days.")]),
])
def test_a_rule_switched_off_finds_no_form(monkeypatch: pytest.MonkeyPatch, rule, question, word, rows):
    db = fts_table([*rows, OTHER])
    assert word in lexical.search(db, lexical.terms(question), question=question).forms
    monkeypatch.setattr(lexical, rule, False)
    assert word not in lexical.search(db, lexical.terms(question), question=question).forms
