"""How the lexical side and the passage reader meet a question's words with a page's: a one-letter
hyphenated word and its joined form ("e-mail" and "email"), and the stemmers the passage coverage
can use."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from knowledge import lexical, passage
from tests.conftest import fts_table

OTHER = ("z.md", "Other", "Nothing related to the question at all, only filler text about onboarding.")


@pytest.mark.parametrize("question,word", [
    ("Can partners approve pre-bills from an e-mail?", "mail"),
    ("Give me a short description for an intro e-mail.", "e"),
])
def test_a_one_letter_hyphenated_word_meets_its_joined_form(question, word):
    db = fts_table([("a.md", "Adoption", "Partners can approve pre-bills from an email without logging in."), OTHER])
    hits = lexical.search(db, lexical.terms(question), question=question)
    assert ("email",) in hits.forms[word]
    assert hits.rowids["a.md"] in hits.holders[word]
    assert hits.rowids["z.md"] not in hits.holders[word]


def test_a_one_letter_hyphenated_word_is_left_alone_where_the_kb_does_not_join_it():
    db = fts_table([("a.md", "Adoption", "Partners approve pre-bills by e-mail."), OTHER])
    question = "Can partners approve pre-bills from an e-mail?"
    hits = lexical.search(db, lexical.terms(question), question=question)
    assert "mail" not in hits.forms
    assert hits.rowids["a.md"] in hits.holders["mail"]  # the page's own hyphenated form, as before


def test_the_one_letter_rule_switched_off(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(lexical, "HYPHENATED_LETTERS", False)
    db = fts_table([("a.md", "Adoption", "Partners can approve pre-bills from an email."), OTHER])
    question = "Can partners approve pre-bills from an e-mail?"
    assert "mail" not in lexical.search(db, lexical.terms(question), question=question).forms


def test_only_a_hyphen_joins_a_single_letter():
    # "a list" is two words, not "alist"; "x-ray" is one.
    pairs = lexical._joined_pairs("Is there a list of x-ray clinics?")
    assert ("x", "ray") in pairs
    assert ("a", "list") not in pairs


@pytest.mark.parametrize("a,b", [("stores", "store"), ("vets", "vet"), ("running", "runs"), ("pays", "pay"),
                                 ("priced", "price"), ("integrations", "integration")])
def test_the_snowball_stemmer_meets_inflections(monkeypatch: pytest.MonkeyPatch, a, b):
    pytest.importorskip("Stemmer")
    monkeypatch.setattr(passage, "STEMMER", "snowball")
    passage.stem.cache_clear()
    try:
        assert passage.stem(a) == passage.stem(b)
    finally:
        passage.stem.cache_clear()


def test_the_crude_stemmer_leaves_short_plurals_apart(monkeypatch: pytest.MonkeyPatch):
    # Why the snowball one exists; the crude one stays the default (bench/ACCURACY.md, tenth pass).
    monkeypatch.setattr(passage, "STEMMER", "crude")
    passage.stem.cache_clear()
    try:
        assert passage.stem("integrations") == passage.stem("integration")
        assert passage.stem("vets") != passage.stem("vet")
    finally:
        passage.stem.cache_clear()


def test_passage_coverage_reads_a_long_word_by_its_prefix_as_written():
    from knowledge.search import _chunk_coverage

    chunks = [SimpleNamespace(id="words-1", path="a.md", text="Forecasts are accurate to 4%.")]
    assert _chunk_coverage(chunks, {"accuracy": 1.0})["a.md"] == pytest.approx(1.0)


# A place named by its adjective ("an Irish clinic") and the page's name for the place ("Ireland").


@pytest.mark.parametrize("question,word,form", [
    ("In which country is an Irish clinic's data stored?", "irish", ("ireland",)),
    ("Which Kiwi insurer got through a storm surge?", "kiwi", ("new", "zealand")),
    ("Which Canadian payroll providers do we hook up to?", "canadian", ("canada",)),
    ("Can a German sponsor keep everything inside the EU?", "german", ("germany",)),
    ("Do we have customers in Ireland?", "ireland", ("irish",)),
])
def test_a_place_meets_its_adjective(question, word, form):
    text = "Client data for practices in Ireland stays in Dublin. New Zealand insurers, Canada and Germany too."
    if word == "ireland":
        text = "Client data for Irish practices stays in Dublin."
    db = fts_table([("a.md", "Hosting", text), OTHER])
    hits = lexical.search(db, lexical.terms(question), question=question)
    assert form in hits.forms[word]
    assert hits.rowids["a.md"] in hits.holders[word]
    assert hits.rowids["z.md"] not in hits.holders[word]


@pytest.mark.parametrize("question", [
    "Is the operator screen available in German or Swahili?",
    "Is the client app available in Spanish for US clinics?",
    "Can a porter read the app in Polish?",
])
def test_a_language_is_not_its_country(question):
    # An adjective that also names a language, not before a noun, asks about the language.
    assert lexical.place_forms(question, lexical.terms(question)) == {}


@pytest.mark.parametrize("question", [
    "Can the crew polish hardwood floors on the same visit?",
    "Do you cater turkey dinners for the Christmas rush?",
    "Is fine china covered by the breakage policy?",
    "Do the kiwi growers' packhouses use the grading module?",
])
def test_a_common_word_in_lower_case_names_no_place(question):
    # Places and their adjectives are written with a capital; the same words in lower case are things.
    assert lexical.place_forms(question, lexical.terms(question)) == {}


def test_a_word_the_kb_uses_gets_no_place_form():
    # Where some pages say "Irish" and others "Ireland", the word is left as the pages share it.
    db = fts_table([("a.md", "Hosting", "Client data for practices in Ireland stays in Dublin."),
                    ("b.md", "Customers", "Irish practices run on it."), OTHER])
    question = "Where is an Irish clinic's data stored?"
    hits = lexical.search(db, lexical.terms(question), question=question)
    assert "irish" not in hits.forms
    assert hits.holders["irish"] == {hits.rowids["b.md"]}


def test_a_place_the_kb_does_not_name_adds_nothing():
    db = fts_table([("a.md", "Hosting", "Client data stays in Frankfurt."), OTHER])
    question = "Where is an Irish clinic's data stored?"
    assert "irish" not in lexical.search(db, lexical.terms(question), question=question).forms


def test_the_place_rule_switched_off(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(lexical, "DEMONYMS", False)
    db = fts_table([("a.md", "Hosting", "Client data for practices in Ireland stays in Dublin."), OTHER])
    question = "Where is an Irish clinic's data stored?"
    assert "irish" not in lexical.search(db, lexical.terms(question), question=question).forms


def test_passage_coverage_reads_the_place_of_an_adjective():
    from knowledge.search import _chunk_coverage

    question = "Is there a Kiwi insurer we can reference?"
    db = fts_table([("a.md", "Storm", "An insurer in New Zealand came through the storm."), OTHER])
    hits = lexical.search(db, lexical.terms(question), question=question)
    chunk = SimpleNamespace(id="c1", path="a.md", text="An insurer in New Zealand came through the storm.")
    with_form = _chunk_coverage([chunk], hits.idf, hits.forms)["a.md"]
    chunk2 = SimpleNamespace(id="c2", path="a.md", text="An insurer in New Zealand came through the storm.")
    without = _chunk_coverage([chunk2], hits.idf, {})["a.md"]
    assert with_form > without
