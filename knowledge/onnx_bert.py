"""all-MiniLM-L6-v2 as an ONNX graph, written from the model's own weights, for ONNX Runtime.

The model ships without an ONNX graph, and exporting one through ``torch.onnx`` needs torch
(seconds to import) and the ``onnx`` package (not a dependency). The graph of a BERT encoder with
mean pooling is small, though: this module writes it directly, node by node, from
``model.safetensors``, as the same computation :class:`knowledge.embedding.MiniLMNumpyEmbedder`
runs (embeddings, six layers of attention and GELU feed-forward, mean pooling over the attention
mask, L2 normalisation), serialised with a few lines of protobuf encoding. Writing it takes well
under a second and needs neither torch nor ``onnx``.

The graph is cached on disk (``graph_path``), under a name derived from the SHA-256 of the model's
``config.json`` and ``model.safetensors`` and of this module's graph format, so a changed model or
a new layout never reuses an old graph. It carries in its metadata the vectors the numpy forward
pass gives for a few check sentences; the loader compares them with what ONNX Runtime computes
and refuses a graph that disagrees, so that query vectors always stay comparable with the
index's stored ones.

Imports nothing heavy at module level: numpy and safetensors are imported where they are used.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
import os
import struct
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

# Bump when the graph changes: cached graphs of another format are then never loaded.
GRAPH_FORMAT = 1
OPSET = 17  # LayerNormalization is an ONNX operator from opset 17 on
IR_VERSION = 8  # the IR of opset 17

# Sentences whose vectors (from the numpy forward pass) travel inside the graph's metadata.
CHECK_SENTENCES = (
    "How long does onboarding take?",
    "Customers cut their time to go live from 14 weeks to 6, according to the 2026 study.",
    "SOC 2 Type II, SSO and data residency in the EU",
)
CHECK_COSINE = 0.9999


def cache_dir() -> Path:
    """Where derived model files live: ``CANON_CACHE_DIR``, else the user's cache folder."""
    override = os.environ.get("CANON_CACHE_DIR", "").strip()
    if override:
        return Path(override).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base).expanduser() if base else Path.home() / ".cache") / "canon"


_MODEL_FILES = ("config.json", "model.safetensors")


def _model_digest(folder: Path) -> str:
    # Hashing the weights costs a quarter of a second: done once per process and state of the
    # files (a model reinstalled in place changes size or mtime, and so gets hashed again).
    signature = tuple((st.st_size, st.st_mtime_ns) for st in ((folder / n).stat() for n in _MODEL_FILES))
    return _digest(folder, signature)


@functools.lru_cache(maxsize=4)
def _digest(folder: Path, signature: tuple[tuple[int, int], ...]) -> str:
    digest = hashlib.sha256(f"canon-onnx-bert-{GRAPH_FORMAT}".encode())
    for name in _MODEL_FILES:
        with open(folder / name, "rb") as fh:
            while block := fh.read(1 << 20):
                digest.update(block)
    return digest.hexdigest()[:24]


def graph_path(folder: Path, name: str) -> Path:
    """The cached graph of the model in ``folder`` (vector-space ``name``), built or not."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
    return cache_dir() / "onnx" / f"{safe}-{_model_digest(folder)}.onnx"


# --------------------------------------------------------------------------------------------
# Protobuf encoding (the few message types of onnx.proto that a graph needs)


def _varint(n: int) -> bytes:
    n &= (1 << 64) - 1  # negative int64s as ten-byte two's complement, as protobuf does
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _int(field: int, value: int) -> bytes:
    return _varint(field << 3) + _varint(value)


def _len(field: int, payload: bytes) -> bytes:
    return _varint(field << 3 | 2) + _varint(len(payload)) + payload


def _str(field: int, value: str) -> bytes:
    return _len(field, value.encode("utf-8"))


_FLOAT, _INT64 = 1, 7  # TensorProto.DataType
_ATTR_FLOAT, _ATTR_INT, _ATTR_INTS = 1, 2, 7  # AttributeProto.AttributeType


def _tensor(name: str, array: np.ndarray) -> bytes:
    import numpy as np

    if array.dtype == np.float32:
        kind = _FLOAT
    elif array.dtype == np.int64:
        kind = _INT64
    else:
        raise TypeError(f"no ONNX type for {array.dtype}")
    dims = b"".join(_int(1, d) for d in array.shape)
    raw = np.ascontiguousarray(array).astype(array.dtype.newbyteorder("<"), copy=False).tobytes()
    return dims + _int(2, kind) + _str(8, name) + _len(9, raw)


def _attribute(name: str, value: float | int | list[int]) -> bytes:
    if isinstance(value, list):
        return _str(1, name) + b"".join(_int(8, v) for v in value) + _int(20, _ATTR_INTS)
    if isinstance(value, float):
        return _str(1, name) + _varint(2 << 3 | 5) + struct.pack("<f", value) + _int(20, _ATTR_FLOAT)
    return _str(1, name) + _int(3, value) + _int(20, _ATTR_INT)


def _value_info(name: str, elem_type: int, dims: Iterable[int | str]) -> bytes:
    shape = b"".join(_len(1, _int(1, d) if isinstance(d, int) else _str(2, d)) for d in dims)
    tensor_type = _int(1, elem_type) + _len(2, shape)
    return _str(1, name) + _len(2, _len(1, tensor_type))


class _Graph:
    """Nodes and initializers, named as they are added."""

    def __init__(self) -> None:
        self.nodes: list[bytes] = []
        self.initializers: list[bytes] = []
        self._count = 0

    def const(self, name: str, array: np.ndarray) -> str:
        self.initializers.append(_tensor(name, array))
        return name

    def op(self, op_type: str, *inputs: str, **attrs: float | int | list[int]) -> str:
        self._count += 1
        out = f"{op_type.lower()}_{self._count}"
        node = b"".join(_str(1, i) for i in inputs) + _str(2, out) + _str(3, out) + _str(4, op_type)
        node += b"".join(_len(5, _attribute(k, v)) for k, v in attrs.items())
        self.nodes.append(node)
        return out

    def model(self, inputs: list[bytes], outputs: list[bytes], metadata: dict[str, str]) -> bytes:
        graph = b"".join(_len(1, n) for n in self.nodes) + _str(2, "bert_mean_pooled")
        graph += b"".join(_len(5, t) for t in self.initializers)
        graph += b"".join(_len(11, v) for v in inputs) + b"".join(_len(12, v) for v in outputs)
        return (
            _int(1, IR_VERSION)
            + _str(2, "canon")
            + _len(7, graph)
            + _len(8, _str(1, "") + _int(2, OPSET))
            + b"".join(_len(14, _str(1, k) + _str(2, v)) for k, v in metadata.items())
        )


# --------------------------------------------------------------------------------------------
# The BERT graph


def graph_bytes(config: dict[str, Any], weights: dict[str, np.ndarray], metadata: dict[str, str]) -> bytes:
    """The serialised graph: inputs ``input_ids`` and ``attention_mask`` (int64, ``(batch,
    length)``, padded on the right), output ``embedding`` (float32, ``(batch, hidden)``, unit rows)."""
    import numpy as np

    w = {k.removeprefix("bert."): np.asarray(v, dtype=np.float32) for k, v in weights.items()}
    heads = int(config["num_attention_heads"])
    hidden = int(config["hidden_size"])
    head_dim = hidden // heads
    eps = float(config.get("layer_norm_eps", 1e-12))
    g = _Graph()

    def i64(name: str, *values: int) -> str:
        return g.const(name, np.asarray(values, dtype=np.int64))

    def f32(name: str, value: float) -> str:
        return g.const(name, np.asarray(value, dtype=np.float32))

    def linear(x: str, name: str, weight: np.ndarray, bias: np.ndarray) -> str:
        # torch's (out, in) weights, transposed once here so that the graph multiplies x @ W
        return g.op("Add", g.op("MatMul", x, g.const(name + ".w", np.ascontiguousarray(weight.T))),
                    g.const(name + ".b", bias))

    one, half, erf_scale = f32("one", 1.0), f32("half", 0.5), f32("inv_sqrt2", 1.0 / math.sqrt(2.0))
    zero1, axis1, axes12, axis2 = i64("zero1", 0), i64("axis1", 1), i64("axes12", 1, 2), i64("axis2", 2)
    to_heads = i64("to_heads", 0, 0, heads, head_dim)  # 0: keep that dimension (batch, length)
    to_hidden = i64("to_hidden", 0, 0, hidden)

    # Embeddings: words, positions (the first `length` rows) and token type 0, then a layer norm.
    length = g.op("Shape", "input_ids", start=1, end=2)
    positions = w["embeddings.position_embeddings.weight"] + w["embeddings.token_type_embeddings.weight"][0]
    x = g.op("Add", g.op("Gather", g.const("word_embeddings", w["embeddings.word_embeddings.weight"]), "input_ids"),
             g.op("Slice", g.const("position_embeddings", positions), zero1, length, zero1))
    x = g.op("LayerNormalization", x, g.const("emb_ln.w", w["embeddings.LayerNorm.weight"]),
             g.const("emb_ln.b", w["embeddings.LayerNorm.bias"]), axis=-1, epsilon=eps)

    # Padded keys get the most negative float32 score, as in transformers' attention mask.
    mask = g.op("Cast", "attention_mask", to=_FLOAT)
    key_bias = g.op("Unsqueeze", g.op("Mul", g.op("Sub", one, mask), f32("min", float(np.finfo(np.float32).min))),
                    axes12)
    scale = 1.0 / math.sqrt(head_dim)
    for i in range(int(config["num_hidden_layers"])):
        p = f"encoder.layer.{i}."
        a = p + "attention."

        def proj(kind: str, factor: float = 1.0, *, a: str = a, i: int = i, src: str = x) -> str:
            # (batch, length, hidden) -> (batch, heads, length, head_dim)
            out = linear(src, f"l{i}.{kind}", w[f"{a}self.{kind}.weight"] * np.float32(factor),
                         w[f"{a}self.{kind}.bias"] * np.float32(factor))
            return g.op("Reshape", out, to_heads)

        q = g.op("Transpose", proj("query", scale), perm=[0, 2, 1, 3])  # 1/sqrt(d) folded into the queries
        k = g.op("Transpose", proj("key"), perm=[0, 2, 3, 1])
        v = g.op("Transpose", proj("value"), perm=[0, 2, 1, 3])
        probs = g.op("Softmax", g.op("Add", g.op("MatMul", q, k), key_bias), axis=-1)
        context = g.op("Reshape", g.op("Transpose", g.op("MatMul", probs, v), perm=[0, 2, 1, 3]), to_hidden)
        attended = g.op("Add", linear(context, f"l{i}.out", w[a + "output.dense.weight"], w[a + "output.dense.bias"]), x)
        x = g.op("LayerNormalization", attended, g.const(f"l{i}.ln1.w", w[a + "output.LayerNorm.weight"]),
                 g.const(f"l{i}.ln1.b", w[a + "output.LayerNorm.bias"]), axis=-1, epsilon=eps)
        inner = linear(x, f"l{i}.ff1", w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"])
        # exact GELU, x * (1 + erf(x / sqrt 2)) / 2 (ONNX Runtime fuses the pattern into one kernel)
        gelu = g.op("Mul", g.op("Mul", inner, g.op("Add", g.op("Erf", g.op("Mul", inner, erf_scale)), one)), half)
        out = g.op("Add", linear(gelu, f"l{i}.ff2", w[p + "output.dense.weight"], w[p + "output.dense.bias"]), x)
        x = g.op("LayerNormalization", out, g.const(f"l{i}.ln2.w", w[p + "output.LayerNorm.weight"]),
                 g.const(f"l{i}.ln2.b", w[p + "output.LayerNorm.bias"]), axis=-1, epsilon=eps)

    # Mean over real tokens, then L2 normalisation (with the numpy path's floors against zero).
    m = g.op("Unsqueeze", mask, axis2)
    summed = g.op("ReduceSum", g.op("Mul", x, m), axis1, keepdims=0)
    pooled = g.op("Div", summed, g.op("Max", g.op("ReduceSum", m, axis1, keepdims=0), f32("tiny_count", 1e-9)))
    norm = g.op("Sqrt", g.op("ReduceSum", g.op("Mul", pooled, pooled), axis1, keepdims=1))
    embedding = g.op("Div", pooled, g.op("Max", norm, f32("tiny_norm", 1e-12)))
    g.nodes.append(_str(1, embedding) + _str(2, "embedding") + _str(3, "output") + _str(4, "Identity"))
    return g.model(
        [_value_info("input_ids", _INT64, ["batch", "length"]),
         _value_info("attention_mask", _INT64, ["batch", "length"])],
        [_value_info("embedding", _FLOAT, ["batch", hidden])],
        metadata,
    )


def write_graph(path: Path, config: dict[str, Any], weights: dict[str, np.ndarray],
                check_vectors: np.ndarray) -> Path:
    """Write the graph to ``path`` atomically (a temporary file renamed into place), with the
    numpy path's vectors of ``CHECK_SENTENCES`` in its metadata."""
    metadata = {"canon.graph_format": str(GRAPH_FORMAT),
                "canon.check_vectors": json.dumps([[float(v) for v in row] for row in check_vectors])}
    data = graph_bytes(config, weights, metadata)
    path.parent.mkdir(parents=True, exist_ok=True)
    # What a process stopped mid-write left behind (a server is often stopped while it starts).
    for stale in path.parent.glob(path.name + "*.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - stale.stat().st_mtime > 600:
                stale.unlink()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the graph from others sharing CANON_CACHE_DIR
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
