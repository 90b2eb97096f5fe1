"""The ONNX Runtime query path: the graph written from a model's weights, its cache, its checks and
the numpy fallback. Most tests run a tiny random BERT (the real tokenizer, random weights) so that
they need no model; the tests marked ``model`` compare the real model's two query paths."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from knowledge import embedding, onnx_bert
from knowledge.embedding import MiniLMNumpyEmbedder, OnnxEmbedder, get_embedder, model_dir

pytest.importorskip("onnxruntime")

TEXTS = [
    "How long does onboarding take?",
    "a",
    "Customers cut their time to go live from 14 weeks to 6, according to the 2026 study.",
    "SOC 2 Type II, ISO 27001, GDPR",
    "word " * 80,  # truncated at the tiny model's 64 tokens
    "Café naïve résumé — Zürich",
]


def _tiny_bert(folder: Path, seed: int = 0) -> Path:
    """A BERT model folder laid out as sentence-transformers' (the real tokenizer, random weights
    of a 2-layer, 16-wide encoder): small enough to write and run in milliseconds."""
    from safetensors.numpy import save_file

    folder.mkdir(parents=True, exist_ok=True)
    hidden, inner, layers, vocab, positions = 16, 32, 2, 30522, 64
    config = {"model_type": "bert", "hidden_size": hidden, "num_attention_heads": 4, "num_hidden_layers": layers,
              "intermediate_size": inner, "max_position_embeddings": positions, "vocab_size": vocab,
              "layer_norm_eps": 1e-12, "hidden_act": "gelu"}
    (folder / "config.json").write_text(json.dumps(config))
    (folder / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": positions, "do_lower_case": False}))
    shutil.copy(model_dir() / "tokenizer.json", folder / "tokenizer.json")
    rng = np.random.default_rng(seed)

    def t(*shape: int, scale: float = 0.3) -> np.ndarray:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    w = {"embeddings.word_embeddings.weight": t(vocab, hidden),
         "embeddings.position_embeddings.weight": t(positions, hidden),
         "embeddings.token_type_embeddings.weight": t(2, hidden),
         "embeddings.LayerNorm.weight": 1 + t(hidden, scale=0.1), "embeddings.LayerNorm.bias": t(hidden, scale=0.1)}
    for i in range(layers):
        p = f"encoder.layer.{i}."
        for name in ("query", "key", "value"):
            w[f"{p}attention.self.{name}.weight"], w[f"{p}attention.self.{name}.bias"] = t(hidden, hidden), t(hidden)
        w[p + "attention.output.dense.weight"], w[p + "attention.output.dense.bias"] = t(hidden, hidden), t(hidden)
        w[p + "attention.output.LayerNorm.weight"] = 1 + t(hidden, scale=0.1)
        w[p + "attention.output.LayerNorm.bias"] = t(hidden, scale=0.1)
        w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"] = t(inner, hidden), t(inner)
        w[p + "output.dense.weight"], w[p + "output.dense.bias"] = t(hidden, inner), t(hidden)
        w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"] = 1 + t(hidden, scale=0.1), t(hidden, scale=0.1)
    save_file({"bert." + k: v for k, v in w.items()}, str(folder / "model.safetensors"))
    return folder


@pytest.fixture
def tiny(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CANON_CACHE_DIR", str(tmp_path / "cache"))
    return _tiny_bert(tmp_path / "tiny-bert")


def test_graph_computes_what_the_numpy_forward_pass_does(tiny: Path) -> None:
    onnx, numpy_path = OnnxEmbedder(tiny), MiniLMNumpyEmbedder(tiny)
    assert onnx.name == numpy_path.name == "tiny-bert" and onnx.dim == 16
    done: list[int] = []
    # Batches of mixed lengths (padding and its mask matter) and one text alone.
    ours = onnx.embed(TEXTS, batch_size=4, progress=done.append)
    assert onnx.unavailable is None and onnx.backend == "onnxruntime"
    assert sum(done) == len(TEXTS)
    theirs = numpy_path.embed(TEXTS, batch_size=4)
    assert ours.dtype == np.float32 and ours.shape == (len(TEXTS), 16)
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_allclose(ours, theirs, atol=2e-5)
    np.testing.assert_allclose(onnx.embed([TEXTS[2]])[0], theirs[2], atol=2e-5)
    assert onnx.embed([]).shape == (0, 16)


def test_graph_is_written_once_and_reused(tiny: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    first = OnnxEmbedder(tiny)
    first.embed(["hello"])
    graphs = list((tmp_path / "cache" / "onnx").glob("tiny-bert-*.onnx"))
    assert graphs == [onnx_bert.graph_path(tiny, "tiny-bert")]

    def no_writing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the cached graph should have been used")

    monkeypatch.setattr(onnx_bert, "write_graph", no_writing)
    again = OnnxEmbedder(tiny)
    np.testing.assert_allclose(again.embed(["hello"]), first.embed(["hello"]), atol=1e-6)
    assert again.unavailable is None


def test_other_weights_get_another_graph(tiny: Path, tmp_path: Path) -> None:
    before = onnx_bert.graph_path(tiny, "tiny-bert")
    other = _tiny_bert(tmp_path / "tiny-bert", seed=1)  # the same folder, new weights
    after = onnx_bert.graph_path(other, "tiny-bert")
    assert after != before
    np.testing.assert_allclose(OnnxEmbedder(other).embed(TEXTS), MiniLMNumpyEmbedder(other).embed(TEXTS), atol=2e-5)


def _falls_back(tiny: Path, why: str) -> None:
    onnx = OnnxEmbedder(tiny)
    vectors = onnx.embed(TEXTS)
    assert onnx.backend == "numpy" and onnx.unavailable is not None and why in onnx.unavailable
    np.testing.assert_array_equal(vectors, MiniLMNumpyEmbedder(tiny).embed(TEXTS))


def test_an_unwritable_cache_falls_back_to_numpy(tiny: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("CANON_CACHE_DIR", str(tmp_path / "a-file"))
    _falls_back(tiny, "cannot write the ONNX graph")


def test_no_home_folder_falls_back_to_numpy(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CANON_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    _falls_back(tiny, "RuntimeError")


def test_a_corrupt_graph_falls_back_to_numpy(tiny: Path) -> None:
    path = onnx_bert.graph_path(tiny, "tiny-bert")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x08\x08garbage")
    _falls_back(tiny, "cannot load the ONNX graph")


def test_a_graph_that_disagrees_with_numpy_is_refused(tiny: Path) -> None:
    numpy_path = MiniLMNumpyEmbedder(tiny)
    wrong = -numpy_path.embed(list(onnx_bert.CHECK_SENTENCES))
    onnx_bert.write_graph(onnx_bert.graph_path(tiny, "tiny-bert"), numpy_path.config, numpy_path.weights(), wrong)
    _falls_back(tiny, "disagrees with the numpy path")


def test_without_onnxruntime_the_numpy_path_answers(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    _falls_back(tiny, "onnxruntime cannot be imported")


def test_a_server_queries_through_onnx_and_a_one_off_query_through_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CANON_EMBEDDER", raising=False)
    embedding._cached_embedder.cache_clear()
    try:
        assert type(get_embedder("serve")) is OnnxEmbedder
        assert type(get_embedder("query")) is MiniLMNumpyEmbedder
        real_find_spec = embedding.importlib.util.find_spec
        monkeypatch.setattr(embedding.importlib.util, "find_spec",
                            lambda name: None if name == "onnxruntime" else real_find_spec(name))
        assert type(get_embedder("serve")) is MiniLMNumpyEmbedder
        monkeypatch.setenv("CANON_EMBEDDER", "onnx")
        assert type(get_embedder("query")) is OnnxEmbedder
        monkeypatch.setenv("CANON_EMBEDDER", "fake")
        assert type(get_embedder("serve")) is embedding.FakeEmbedder
    finally:
        embedding._cached_embedder.cache_clear()


# --------------------------------------------------------------------------------------------
# The real model


@pytest.fixture(scope="module")
def real_paths(tmp_path_factory: pytest.TempPathFactory) -> tuple[OnnxEmbedder, MiniLMNumpyEmbedder]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CANON_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        onnx = OnnxEmbedder()
        onnx.load()
    assert onnx.unavailable is None, onnx.unavailable
    return onnx, onnx.fallback


@pytest.mark.model
def test_real_model_vectors_agree_with_the_numpy_path(real_paths: tuple[OnnxEmbedder, MiniLMNumpyEmbedder]) -> None:
    from tests.knowledge.test_embedding import varied_texts

    onnx, numpy_path = real_paths
    texts = varied_texts()
    cosines = np.sum(onnx.embed(texts, batch_size=16) * numpy_path.embed(texts, batch_size=16), axis=1)
    assert cosines.min() >= 0.9999, [texts[i][:40] for i in np.argsort(cosines)[:3]]
    alone = np.vstack([onnx.embed([t]) for t in texts[:10]])
    assert np.sum(alone * numpy_path.embed(texts[:10]), axis=1).min() >= 0.9999


@pytest.mark.model
def test_real_model_search_gives_the_same_answers_on_both_paths(
    real_paths: tuple[OnnxEmbedder, MiniLMNumpyEmbedder], example_kb: Path
) -> None:
    from ingest.pipeline import ingest
    from knowledge.search import SearchOptions, search
    from knowledge.settings import load_settings
    from tests.search_questions import load_questions

    onnx, numpy_path = real_paths
    settings = load_settings(example_kb)
    ingest(settings, embedder=numpy_path)
    questions = [q.q for q in load_questions("example")][:12]
    assert len(questions) >= 8
    options = SearchOptions(today=date(2026, 11, 1))
    for question in questions:
        ours = search(settings, question, options, embedder=onnx)
        theirs = search(settings, question, options, embedder=numpy_path)
        assert [r["entry"] for r in ours["results"]] == [r["entry"] for r in theirs["results"]], question
        assert ours["answered"] == theirs["answered"], question
        for a, b in zip(ours["results"], theirs["results"], strict=True):
            assert abs(a["score"] - b["score"]) <= 2e-4, question
