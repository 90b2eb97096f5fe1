"""A draft or retired entry that governance leaves out of the entries shown, scored above every one
of them, is named (``demoted``): its score is the ``best_score``, and the floor reads it, so a
writer should see where both came from. Measured as a change to ``answered`` (the floor judging the
shown statuses only) it cost kittiwake and haulwise a right answer and was not shipped
(bench/ACCURACY.md, "Answered means what is shown, seventeenth round")."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import knowledge.search as ks
from cli.ask import demoted_note
from cli.main import app
from knowledge.model import Entry
from knowledge.search import Candidate, Ranker, SearchOptions, demoted_best, govern, search
from knowledge.settings import load_settings
from tests.knowledge.test_search import TODAY, indexed, kb  # noqa: F401  (fixtures)


def cand(path: str, status: str, score: float, cosine: float = 0.0) -> Candidate:
    c = Candidate(path, cosine=cosine)
    c.entry = Entry(id=path, path=f"{path}.md", type="answer", title=path, status=status)
    c.score = score
    c.features = {"cosine": cosine}
    return c


def test_the_demoted_best_is_named_only_when_it_is_not_shown():
    ordered = govern([cand("a1", "approved", 0.02), cand("a2", "approved", 0.01), cand("d", "draft", 0.77)])
    got = demoted_best(ordered, ordered[:2])
    assert got == {"entry": "d", "title": "d", "status": "draft", "score": 0.77, "path": "d.md"}
    assert demoted_best(ordered, ordered[:3]) is None
    retired = govern([cand("a1", "approved", 0.3), cand("r", "retired", 0.9), cand("d", "draft", 0.5)])
    assert (demoted_best(retired, retired[:2]) or {}).get("entry") == "r"
    # an approved best is shown first: nothing to name
    approved = govern([cand("a1", "approved", 0.9), cand("d", "draft", 0.5)])
    assert demoted_best(approved, approved[:1]) is None
    assert demoted_best([], []) is None


# A ranker whose score and floor read the best cosine alone: above 0.5 answers.
TOY = Ranker(weights={"cosine": 10.0}, bias=-5.0, floor_weights={"max_cosine": 10.0}, floor_bias=-5.0,
             threshold=0.5)
QUESTION = "what can I say about time to go live?"


def six_approved_and_a_draft(monkeypatch: pytest.MonkeyPatch, draft_cosine: float) -> None:
    """Six approved entries far from the question and one draft nearer to it (a launch message
    matched on a turn of phrase)."""

    def retrieve(*_a: object, **_k: object) -> tuple[list[Candidate], dict[str, float]]:
        cands = [cand(f"answers/a{i}", "approved", 0.0, cosine=0.1 - i / 100) for i in range(6)]
        return [*cands, cand("messaging/launch", "draft", 0.0, cosine=draft_cosine)], {}

    monkeypatch.setattr(ks, "retrieve", retrieve)
    monkeypatch.setattr(ks, "load_ranker", lambda: TOY)


def test_a_draft_out_of_the_list_is_named_with_the_best_score(indexed: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: F811
    six_approved_and_a_draft(monkeypatch, 0.9)
    out = search(load_settings(indexed), QUESTION, SearchOptions(today=TODAY, limit=5))
    assert [r["status"] for r in out["results"]] == ["approved"] * 5
    assert out["demoted"]["entry"] == "messaging/launch" and out["demoted"]["status"] == "draft"
    assert out["demoted"]["score"] == out["best_score"] > max(r["score"] for r in out["results"])


def test_an_unanswered_question_names_a_draft_closer_than_its_closest(indexed: Path,  # noqa: F811
                                                                      monkeypatch: pytest.MonkeyPatch):
    six_approved_and_a_draft(monkeypatch, 0.45)
    out = search(load_settings(indexed), QUESTION, SearchOptions(today=TODAY, limit=5))
    assert out["answered"] is False and all(c["status"] == "approved" for c in out["closest"])
    assert out["demoted"]["entry"] == "messaging/launch"


def test_nothing_is_named_when_the_draft_is_shown_or_left_out(indexed: Path,  # noqa: F811
                                                              monkeypatch: pytest.MonkeyPatch):
    six_approved_and_a_draft(monkeypatch, 0.9)
    out = search(load_settings(indexed), QUESTION, SearchOptions(today=TODAY, limit=10))
    assert "demoted" not in out and out["results"][-1]["entry"] == "messaging/launch"
    out = search(load_settings(indexed), QUESTION, SearchOptions(today=TODAY, limit=5, statuses=("approved",)))
    assert "demoted" not in out


def test_ask_names_the_closer_draft(indexed: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: F811
    six_approved_and_a_draft(monkeypatch, 0.9)
    r = CliRunner().invoke(app, ["ask", QUESTION, "--kb", str(indexed)])
    assert r.exit_code == 0, r.output
    text = " ".join(r.stdout.split())
    assert "The closest match is a draft: messaging/launch (messaging/launch.md, score 0.98), not canonical yet" in text


def test_the_note_on_a_retired_entry_says_do_not_use():
    note = demoted_note({"entry": "proof-points/claimant-nps", "status": "retired", "score": 0.91,
                         "path": "proof-points/claimant-nps.md", "title": "Claimant NPS"})
    assert "The closest match is retired: proof-points/claimant-nps" in note and "do not use it" in note
