"""The ONNX Runtime query path against the numpy forward pass: graph build and load times, cold
start, agreement of the vectors, and single-query latency on one and two threads.

    .venv/bin/python bench/bench_onnx.py [--texts 2000] [--queries 300] [--cold-runs 3] [--no-st]

Agreement compares the ONNX path's vectors with the numpy path's (and with sentence-transformers',
which writes the index's vectors at ingest) over generated sentences of 10 to 60 words and the
bench questions. Latencies alternate the paths query by query, so a busy machine slows each alike.
The graph is written to a fresh temporary cache folder, so its build time is measured too.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# As `canon serve` and `canon ask` run queries: one BLAS thread.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from bench.bench_embedding import load_average, sentences  # noqa: E402

WORDS = ["onboarding", "pricing", "security", "reporting", "time to go live", "renewal", "support",
         "integrations", "mobile app", "cost per order", "migration", "uptime"]

COLD = """
import time
t0 = time.perf_counter()
from knowledge.embedding import {cls}
embedder = {cls}()
vector = embedder.embed(["what can I say about onboarding for pricing?"])
print(time.perf_counter() - t0)
"""


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=int, default=2000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--no-st", action="store_true", help="skip the comparison with sentence-transformers")
    args = ap.parse_args()
    cache = tempfile.mkdtemp(prefix="canon-onnx-")
    os.environ["CANON_CACHE_DIR"] = cache

    import numpy as np
    import onnxruntime as ort

    from knowledge import onnx_bert
    from knowledge.embedding import MiniLMNumpyEmbedder, OnnxEmbedder

    print(f"onnxruntime {ort.__version__}, {os.cpu_count()} CPUs, {load_average()}\n")
    onnx = OnnxEmbedder()
    t = time.perf_counter()
    onnx.load()
    built = time.perf_counter() - t
    if onnx.unavailable:
        raise SystemExit(f"the ONNX path is unavailable: {onnx.unavailable}")
    path = onnx_bert.graph_path(onnx.folder, onnx.name)
    t = time.perf_counter()
    onnx_bert._digest.cache_clear()
    onnx_bert.graph_path(onnx.folder, onnx.name)
    digest = time.perf_counter() - t
    again = OnnxEmbedder()
    t = time.perf_counter()
    again.load()
    loaded = time.perf_counter() - t
    print(f"graph: {path.stat().st_size / 1e6:.1f} MB; first load (writes the graph) {built:.2f} s; "
          f"load of the cached graph {loaded:.2f} s, of which hashing the model files {digest:.2f} s")

    print("\ncold start: new process, import + load + embed one query (wall s; ONNX with the graph cached)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for cls in ("MiniLMNumpyEmbedder", "OnnxEmbedder"):
        times = []
        for _ in range(args.cold_runs):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", COLD.format(cls=cls)], check=True, env=env, capture_output=True)
            times.append(time.perf_counter() - t)
        print(f"  {cls:22s} median {statistics.median(times):.2f}   runs {' '.join(f'{x:.2f}' for x in times)}")

    rng = random.Random(3)
    questions = [f"what can I say about {rng.choice(WORDS)} for {rng.choice(WORDS)} ({i})" for i in range(args.queries)]
    texts = sentences(args.texts) + questions
    numpy_path = MiniLMNumpyEmbedder()
    numpy_path.embed(texts[:8])
    t = time.perf_counter()
    a = numpy_path.embed(texts)
    numpy_took = time.perf_counter() - t
    t = time.perf_counter()
    b = onnx.embed(texts)
    onnx_took = time.perf_counter() - t
    print(f"\nthroughput, all {len(texts)} texts in batches of 64, passes side by side on every core: "
          f"numpy {len(texts) / numpy_took:.0f} texts/s, ONNX {len(texts) / onnx_took:.0f} texts/s")
    cos = np.sum(a * b, axis=1)
    print(f"\nagreement over {len(texts)} texts (sentences of 10-60 words and questions)")
    print(f"  ONNX vs numpy                  cosine min {cos.min():.7f}  mean {cos.mean():.7f}  "
          f"max abs difference {np.abs(a - b).max():.2e}")
    if not args.no_st:
        from knowledge.embedding import SentenceTransformerEmbedder

        c = SentenceTransformerEmbedder().embed(texts)
        cos = np.sum(b * c, axis=1)
        print(f"  ONNX vs sentence-transformers  cosine min {cos.min():.7f}  mean {cos.mean():.7f}")

    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    two = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    paths = {
        "numpy": lambda q: numpy_path.embed([q]),
        "onnx 1 thread": lambda q: onnx.embed([q]),
        "onnx 2 threads": lambda q: OnnxEmbedder._run(two, numpy_path.tokenize([q])),
    }
    took: dict[str, list[float]] = {name: [] for name in paths}
    for q in questions[:20]:
        for run in paths.values():
            run(q)
    for i, q in enumerate(questions):
        for name in (list(paths) if i % 2 else list(paths)[::-1]):
            t = time.perf_counter()
            paths[name](q)
            took[name].append((time.perf_counter() - t) * 1000)
    print(f"\none query at a time, alternated, {len(questions)} questions (ms, tokenization included)")
    for name, values in took.items():
        print(f"  {name:15s} p50 {_pct(values, 0.5):6.2f}  p95 {_pct(values, 0.95):6.2f}")
    print(f"\n{load_average()} (figures from a busy machine are not comparable)")


if __name__ == "__main__":
    main()
