"""Embedding figures: cold-start query latency, throughput, and agreement of the two model paths.

    .venv/bin/python bench/bench_embedding.py [--texts 2000] [--cold-runs 3]

Cold start runs in a fresh interpreter (``python -c``), as ``canon search`` does: the import,
the model load and one query. Throughput embeds realistic sentences of 10-60 words with each
embedder already loaded. Agreement is the cosine between the two paths' vectors per sentence.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUERY = "How long do customers have to request a refund on an annual plan?"

COLD = """
import time
t0 = time.perf_counter()
from knowledge.embedding import {cls}
embedder = {cls}()
vector = embedder.embed([{query!r}])
print(time.perf_counter() - t0)
"""

SUBJECTS = [
    "Our enterprise plan",
    "The onboarding team",
    "Northwind's analytics dashboard",
    "The billing API",
    "Customer success",
    "The mobile app",
    "Single sign-on",
    "The data export feature",
    "Our support desk",
    "The free trial",
    "Role-based access control",
    "The audit log",
    "Annual contracts",
    "The integration with Salesforce",
    "Usage-based pricing",
]
VERBS = [
    "reduces",
    "includes",
    "supports",
    "guarantees",
    "cuts",
    "automates",
    "replaces",
    "speeds up",
    "simplifies",
    "protects",
    "tracks",
    "reports on",
    "doubles",
    "improves",
]
OBJECTS = [
    "invoice processing time by 40 percent",
    "SOC 2 Type II compliance for every workspace",
    "refunds within 30 days of purchase",
    "up to 500 seats without a custom quote",
    "onboarding from six weeks to ten days",
    "data residency in the EU and the US",
    "weekly reports that finance teams can export to CSV",
    "99.9% uptime backed by service credits",
    "a dedicated account manager for contracts above $50,000",
    "churn by a third in the first year",
    "manual reconciliation across three ERP systems",
    "customer questions in under two minutes",
]
TAILS = [
    "according to the 2024 benchmark report",
    "for customers on the annual plan",
    "when administrators enable the feature in settings",
    "which prospects often ask about on calls",
    "as shown in the Acme Corp case study",
    "compared with the legacy on-premise version",
    "without any additional configuration",
    "although results vary by industry and team size",
    "and the sales team should not promise more than that",
    "per the security whitepaper",
]


def sentences(n: int, seed: int = 7) -> list[str]:
    """``n`` product-marketing sentences of 10 to 60 words, deterministic for a seed."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        target = rng.randint(10, 60)
        parts = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"]
        while len(" ".join(parts).split()) < target:
            parts.append(rng.choice(TAILS) if rng.random() < 0.6 else rng.choice(OBJECTS))
        words = " ".join(parts).split()[:target]
        out.append(" ".join(words).rstrip(",") + ".")
    return out


def cold(cls: str, runs: int) -> list[float]:
    """Wall seconds per fresh process (interpreter start included) to import, load and embed."""
    code = COLD.format(cls=cls, query=QUERY)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
        times.append(time.perf_counter() - t0)
    return times


def load_average() -> str:
    try:
        return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "load average unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    import numpy as np

    from knowledge.embedding import MiniLMNumpyEmbedder, SentenceTransformerEmbedder, model_dir

    print(f"model: {model_dir()}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {load_average()}\n")

    print("cold start: new process, import + load + embed one query (wall s)")
    for cls in ("MiniLMNumpyEmbedder", "SentenceTransformerEmbedder"):
        times = cold(cls, args.cold_runs)
        print(
            f"  {cls:28s} median {statistics.median(times):6.2f}   runs {' '.join(f'{t:.2f}' for t in times)}"
        )

    texts = sentences(args.texts)
    words = [len(t.split()) for t in texts]
    print(
        f"\nthroughput: {len(texts)} sentences, {min(words)}-{max(words)} words (mean {statistics.mean(words):.0f}), batch {args.batch_size}"
    )
    vectors = {}
    for embedder in (MiniLMNumpyEmbedder(), SentenceTransformerEmbedder()):
        embedder.embed(texts[:8])  # load the model and warm up outside the timing
        t0 = time.perf_counter()
        vectors[type(embedder).__name__] = embedder.embed(texts, batch_size=args.batch_size)
        elapsed = time.perf_counter() - t0
        print(
            f"  {type(embedder).__name__:28s} {len(texts) / elapsed:8.1f} texts/s   ({elapsed:.2f} s)"
        )

    a, b = vectors["MiniLMNumpyEmbedder"], vectors["SentenceTransformerEmbedder"]
    cosines = np.sum(a * b, axis=1)
    print(f"\nagreement numpy vs sentence-transformers over {len(texts)} sentences")
    print(f"  cosine min {cosines.min():.7f}   mean {cosines.mean():.7f}")
    print(f"  max abs difference per component {np.abs(a - b).max():.2e}")
    print(f"\n{load_average()} (figures from a busy machine are not comparable)")


if __name__ == "__main__":
    main()
