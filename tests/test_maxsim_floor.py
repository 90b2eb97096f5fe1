"""The MaxSim floor signals of ``bench/maxsim.py``, on hand-made token states (no model)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from bench.maxsim import (
    FLOOR_SIGNALS,
    best_sentence,
    passage_signals,
    question_signals,
    sentence_spans,
    word_groups,
    word_maxsims,
)


def spans_of(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Character spans of ``pieces`` found left to right in ``text`` (as a tokenizer reports them)."""
    out, pos = [], 0
    for p in pieces:
        at = text.lower().index(p, pos)
        out.append((at, at + len(p)))
        pos = at + len(p)
    return out


def unit(*rows: list[float]) -> np.ndarray:
    x = np.array(rows, dtype=np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_word_groups_keep_weighted_words_with_their_pieces() -> None:
    q = "Is Northwind's HIPAA compliance certified?"
    pieces = ["is", "northwind", "'", "s", "hip", "##aa", "compliance", "certified", "?"]
    offsets = spans_of(q, [p.removeprefix("##") for p in pieces])
    idf = {"northwind": 0.5, "hipaa": 3.0, "certified": 1.0}
    groups = word_groups(q, offsets, idf)
    # "is" is a function word and "compliance" has no weight: left out; the clitic joins its word.
    assert [(p, w) for p, w in groups] == [([1, 2, 3], 0.5), ([4, 5], 3.0), ([7], 1.0)]


def test_word_groups_count_a_repeated_word_once_and_skip_negated_auxiliaries() -> None:
    q = "Won't the cap cap it?"
    offsets = spans_of(q, ["won", "'", "t", "the", "cap", "cap", "it", "?"])
    groups = word_groups(q, offsets, {"won't": 1.0, "cap": 2.0})
    assert groups == [([4], 2.0)]


def test_word_maxsims_take_each_words_best_passage_token() -> None:
    question = unit([1, 0, 0], [0, 1, 0], [0, 0, 1])
    passage = unit([1, 0, 0], [0, 1, 1])
    groups = [([0], 1.0), ([1, 2], 1.0)]
    got = word_maxsims(question, groups, passage)
    assert got[0] == pytest.approx(1.0)
    assert got[1] == pytest.approx(np.sqrt(0.5))  # both pieces meet [0, 1, 1] at 0.707


def test_passage_signals_weigh_by_idf_and_report_the_weakest_word() -> None:
    mean, low = passage_signals(np.array([0.9, 0.2], dtype=np.float32), np.array([1.0, 3.0], dtype=np.float32))
    assert mean == pytest.approx((0.9 + 0.6) / 4)
    assert low == pytest.approx(0.2)
    assert passage_signals(np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32)) == (0.0, 0.0)


def test_sentence_spans_end_at_stops_and_line_breaks() -> None:
    text = "Pricing: Plans start at $10. Annual billing saves 20%.\n- A list item\n\n- Another"
    got = [text[a:b].strip() for a, b in sentence_spans(text)]
    assert got == ["Pricing: Plans start at $10.", "Annual billing saves 20%.", "- A list item", "- Another"]


def test_best_sentence_needs_one_sentence_to_hold_the_question() -> None:
    question = unit([1, 0, 0], [0, 1, 0])
    groups = [([0], 1.0), ([1], 1.0)]
    text = "Aa cc. Bb cc."
    offsets = [(0, 2), (3, 5), (7, 9), (10, 12)]
    # Word A in the first sentence, word B in the second: the passage holds both, no sentence does.
    apart = unit([1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1])
    whole = passage_signals(word_maxsims(question, groups, apart), np.ones(2, dtype=np.float32))
    assert whole == (pytest.approx(1.0), pytest.approx(1.0))
    assert best_sentence(question, groups, apart, offsets, sentence_spans(text)) == (pytest.approx(0.5),
                                                                                     pytest.approx(0.0))
    # Both in the second sentence.
    together = unit([0, 0, 1], [0, 0, 1], [1, 0, 0], [0, 1, 0])
    assert best_sentence(question, groups, together, offsets, sentence_spans(text)) == (pytest.approx(1.0),
                                                                                        pytest.approx(1.0))


class FakeStates:
    """Token states from a table: each word of a text is one token, its vector by word."""

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = vectors

    def get(self, text: str) -> tuple[np.ndarray, list[tuple[int, int]]]:
        import re

        words = list(re.finditer(r"\w+", text.lower()))
        rows = [self.vectors.get(m.group(0), [0.0, 0.0, 0.0, 1.0]) for m in words]
        return unit(*rows), [(m.start(), m.end()) for m in words]


def test_question_signals_miss_the_one_word_no_passage_has() -> None:
    states = FakeStates({"soc": [1, 0, 0, 0], "hipaa": [0, 1, 0, 0], "certified": [0, 0, 1, 0],
                         "audited": [0, 0, 0.9, 0.1]})
    chunk = SimpleNamespace(text="Security. We are SOC audited.")
    ranked = [SimpleNamespace(chunk=chunk)]
    idf = {"soc": 2.0, "hipaa": 2.0, "certified": 1.0}
    held = question_signals("Are you SOC certified?", idf, ranked, [chunk], states)  # type: ignore[arg-type]
    absent = question_signals("Are you HIPAA certified?", idf, ranked, [chunk], states)  # type: ignore[arg-type]
    assert set(held) == set(FLOOR_SIGNALS)
    assert held["ms_min_top1"] > 0.9 and absent["ms_min_top1"] < 0.2
    assert held["ms_mean_top1"] > absent["ms_mean_top1"]
    assert held["ms_mean_near"] == pytest.approx(held["ms_mean_top1"])
    # No content word: no evidence either way.
    assert question_signals("Are you?", idf, ranked, [chunk], states) == dict.fromkeys(FLOOR_SIGNALS, 0.0)  # type: ignore[arg-type]


@pytest.mark.model
def test_token_states_are_the_models_last_hidden_states() -> None:
    from bench.maxsim import compute_states
    from knowledge import embedding

    texts = ["Is Northwind SOC 2 certified?",
             "Security: Northwind holds a SOC 2 Type II report, renewed every year. Data stays in the EU."]
    ours = compute_states(embedding.MiniLMNumpyEmbedder(), texts)
    model = embedding.SentenceTransformerEmbedder()._load()
    theirs = model.encode(texts, output_value="token_embeddings")
    for (states, offsets), tokens, text in zip(ours, theirs, texts, strict=True):
        expected = np.asarray(tokens)[1:-1]  # without [CLS] and [SEP]
        expected /= np.linalg.norm(expected, axis=1, keepdims=True)
        assert states.shape == expected.shape
        assert np.sum(states * expected, axis=1).min() > 0.999
        np.testing.assert_allclose(np.linalg.norm(states, axis=1), 1.0, rtol=1e-5)
        assert text[offsets[0][0]:offsets[0][1]] in ("Is", "Security")
    # The same word meets itself across texts far better than a word the other text lacks.
    (q, q_off), (p, _) = ours
    groups = word_groups(texts[0], q_off, {"northwind": 1.0, "soc": 1.0, "certified": 1.0})
    northwind, _soc, certified = word_maxsims(q, groups, p)
    assert northwind > 0.8 > 0.5 > certified
