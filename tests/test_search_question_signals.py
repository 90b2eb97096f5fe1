"""The floor's question-level signals ``asks_reply`` (whether a question asks what to say to
someone: a concern or an objection to answer) and ``top_registers_kind`` (whether the best
candidate registers a metric of the kind of figure asked). Plain string matching and in-memory
candidates, so no model is needed."""

from __future__ import annotations

import pytest

import knowledge.search as ks


@pytest.mark.parametrize("question", [
    "A practice owner says it's far too dear for a two-vet surgery. How should I respond?",
    "The buyer is worried their engineers will have to learn a whole new system. How do I answer?",
    "A head buyer says an algorithm can't know her stores. What's the approved response?",
    "How do I handle an owner who says the monthly fee is too high?",
    "A firm is scared of losing twenty years of history in the move. What\u2019s our approach?",
    "The prospect only needs CI. What's our answer?",
    "What do we say to a CFO who wants a pilot first?",
    "How best to reply when they ask about lock-in?",
])
def test_a_request_for_a_reply_is_seen(question: str) -> None:
    assert ks.asks_reply(question)


@pytest.mark.parametrize("question", [
    "What does the Enterprise tier cost per vehicle?",
    "How do we handle refunds?",  # how a thing is done, not what to say to someone
    "What is the answer time for support tickets?",
    "What's the response time of the API?",
    "Does the mobile app answer calls?",
    "How long does onboarding take?",
])
def test_other_questions_are_not(question: str) -> None:
    assert not ks.asks_reply(question)


def test_the_floor_reads_it_from_the_candidates() -> None:
    cands = [ks.Candidate("a.md", cosine=0.4, asks_reply=True), ks.Candidate("b.md", cosine=0.3, asks_reply=True)]
    assert ks.floor_features(cands)["asks_reply"] == 1.0
    cands = [ks.Candidate("a.md", cosine=0.4)]
    assert ks.floor_features(cands)["asks_reply"] == 0.0
    assert ks.floor_features([])["asks_reply"] == 0.0


def _with_metrics(path: str, score: float, units: list[str], kinds: set[str]) -> ks.Candidate:
    from types import SimpleNamespace

    from knowledge.model import Metric

    entry = SimpleNamespace(metrics=[Metric(id=f"m{i}", name="figure", value=6, unit=u, entry_id=path)
                                     for i, u in enumerate(units)])
    return ks.Candidate(path, score=score, entry=entry, asked_kinds=frozenset(kinds))


def test_the_best_candidate_registering_the_kind_of_figure_asked_counts() -> None:
    from knowledge.passage import asked_kinds

    kinds = asked_kinds("How soon can a one-site practice go live?")
    assert kinds == {"duration"}
    go_live = _with_metrics("go-live.md", 0.4, ["weeks"], kinds)
    faq = _with_metrics("faq.md", 0.2, ["percent"], kinds)
    assert ks.floor_features([faq, go_live])["top_registers_kind"] == 1.0
    # Only the best candidate counts: a lower one registering the kind says nothing.
    faq.score = 0.9
    assert ks.floor_features([faq, go_live])["top_registers_kind"] == 0.0


def test_a_question_asking_for_no_figure_has_none() -> None:
    c = _with_metrics("go-live.md", 0.4, ["weeks"], set())
    assert ks.floor_features([c])["top_registers_kind"] == 0.0
    assert ks.floor_features([])["top_registers_kind"] == 0.0


@pytest.mark.parametrize(("question", "names"), [
    ("Does Quillpay post payroll journals to Xero or QuickBooks?", ["Quillpay", "Xero", "QuickBooks"]),
    ("Can you migrate our data from RxWorks or ezyVet?", ["RxWorks", "ezyVet"]),
    ("Does it sync programmes with Primavera P6?", ["Primavera", "P6"]),
    ("Is Lumen SOC 2 audited?", ["Lumen", "SOC"]),
    # A capital that opens a sentence is not a name.
    ("How much water does a grower save? Does it pay back?", []),
])
def test_words_written_as_names(question: str, names: list[str]) -> None:
    assert [m.group(0) for m in ks._NAMEISH.finditer(question)] == names


def test_absent_terms_reads_which_question_words_no_entry_holds() -> None:
    idf = {"quillpay": 1.0, "post": 0.5, "payroll": 0.5, "journals": 1.0, "xero": 2.0}
    holders = {"quillpay": {1, 2}, "post": {3}, "payroll": {1}, "journals": {2}, "xero": set()}
    got = ks.absent_terms("Does Quillpay post payroll journals to Xero?", idf, holders)
    assert got == {"absent_share": pytest.approx(2.0 / 5.0), "absent_named": 1.0}
    # An unknown word that is not written as a name counts in the share only.
    holders = {**holders, "xero": {4}, "journals": set()}
    got = ks.absent_terms("Does Quillpay post payroll journals to Xero?", idf, holders)
    assert got == {"absent_share": pytest.approx(1.0 / 5.0), "absent_named": 0.0}
