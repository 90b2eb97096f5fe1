"""What a figure's sentence asserts (:mod:`knowledge.claims.assertion`): the kinds model as it is read
from its file, its probabilities as cues of the needs-a-source model, how a verdict names the kind,
and the written set it is trained on."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from knowledge.claims import assertion, needs_source, read_figures

from .test_needs_source import _claim

DATA = Path(assertion.__file__).with_name("data") / "assertions.jsonl"


def _kinds_file(tmp_path: Path) -> Path:
    # two dimensions: the first reads as a price, the second as a result
    path = tmp_path / "kinds.json"
    path.write_text(json.dumps({"kinds": ["price", "outcome"], "weights": [[4.0, 0.0], [0.0, 4.0]],
                                "bias": [0.0, 0.0]}), encoding="utf-8")
    return path


@pytest.mark.parametrize(("vector", "top"), [([1.0, 0.0], "price"), ([0.0, 1.0], "outcome"), ([0.2, 0.9], "outcome")])
def test_probabilities_of_the_kinds(vector: list[float], top: str, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(assertion.ENV, str(_kinds_file(tmp_path)))
    model = assertion.load()
    assert model is not None
    p = model.probabilities(vector)
    assert abs(sum(p.values()) - 1.0) < 1e-9
    assert max(p, key=lambda k: p[k]) == top


def test_no_kinds_without_a_vector_or_weights(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(assertion.ENV, str(tmp_path / "none.json"))
    assert assertion.load() is None
    assert assertion.features([1.0, 0.0]) == {}
    monkeypatch.setenv(assertion.ENV, str(_kinds_file(tmp_path)))
    assert assertion.features(None) == {}
    assert set(assertion.features([1.0, 0.0])) == {"assert:price", "assert:outcome"}


@pytest.mark.parametrize(("vector", "kept", "reason"), [
    ([1.0, 0.0], False, "reads as a price or a commercial term"),
    ([0.0, 1.0], True, "reads as a result of using the product"),
])
def test_a_verdict_names_the_kind_of_statement(vector: list[float], kept: bool, reason: str, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(assertion.ENV, str(_kinds_file(tmp_path)))
    weights = tmp_path / "ns.json"
    weights.write_text(json.dumps({"cues": {"assert:price": -6.0, "assert:outcome": 6.0}, "bias": 0.0,
                                   "threshold": 0.5}), encoding="utf-8")
    monkeypatch.setenv(needs_source.ENV, str(weights))
    model = needs_source.load()
    assert model is not None
    p, why = needs_source.score(_claim("Clinics pay 20% less on the annual plan.", "20%"), vector, model)
    assert (p >= model.threshold) is kept
    assert reason in why


def test_every_written_class_has_a_kind() -> None:
    for name in ("needs_source.jsonl", "needs_source_pages.jsonl", "needs_source_terms.jsonl", "assertions.jsonl"):
        for line in (DATA.parent / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                assert json.loads(line)["class"] in assertion.CLASS_KIND, (name, line)


def test_the_written_kinds_are_varied_and_every_figure_is_read() -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len({r["industry"] for r in rows}) >= 10
    classes = Counter(r["class"] for r in rows)
    for kind in ("anecdote", "incident", "practice", "company fact", "price", "policy", "outcome", "market statistic"):
        assert classes[kind] >= 5, kind
    for r in rows:
        spans = {c.span for c in read_figures(r["text"])}
        assert set(r["figures"]) <= spans, r["text"]
