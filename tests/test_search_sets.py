"""Every question set can be scored by name: ``tests/search_questions.py`` knows where its KB is,
and ``bench/bench_search.py`` says which set it cannot score instead of failing somewhere inside."""

from __future__ import annotations

import sys

import pytest

from tests.search_questions import KB_PATHS, QUESTIONS


def test_every_question_set_has_a_kb_path():
    for path in QUESTIONS.glob("*.yaml"):
        assert path.stem in KB_PATHS, f"{path.name}: add its KB to KB_PATHS in tests/search_questions.py"


def test_the_blind_sets_scored_at_merge_have_their_paths_already():
    for name in ("gridwell", "docketry"):
        assert KB_PATHS[name].parts[-4:] == ("data", "corpora", name, "kb")


def test_the_bench_names_a_set_it_cannot_score(monkeypatch: pytest.MonkeyPatch):
    from bench import bench_search

    missing = next((n for n in KB_PATHS if not KB_PATHS[n].is_dir()), "no-such-set")
    monkeypatch.setattr(sys, "argv", ["bench_search.py", missing])
    with pytest.raises(SystemExit) as exc:
        bench_search.main()
    assert missing in str(exc.value)
