"""Foundation figures: ingest throughput against the raw model, re-ingest, CLI start-up, cold ask,
and warm /v1/search latency, on a synthetic KB this script generates.

    .venv/bin/python bench/bench_foundation.py [--entries 2000] [--out bench/out/foundation.json]
        [--keep bench/out/kb2000 --only search]

``--keep DIR`` builds the KB in DIR (or reuses the KB and index already there); ``--only search``
times only the cold ``canon ask`` and the warm ``/v1/search`` (with the query embedding alone
timed next to it, so that what search adds to the model is visible).

Every figure is printed; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# As `canon serve` does: one query at a time gains nothing from BLAS threads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(REPO))
CANON = [sys.executable, "-m", "cli.main"]


def timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, cwd=REPO, env=env, check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--entries", type=int, default=2000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--keep", type=Path, default=None, help="build (or reuse) the KB and its index here")
    ap.add_argument("--only", choices=["search"], default=None)
    args = ap.parse_args()

    from bench.synth import make_kb

    results: dict[str, object] = {"entries": args.entries, "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        if args.keep is not None and (args.keep / "canon.toml").exists():
            kb = args.keep
        else:
            kb = make_kb(args.keep or Path(tmp) / "kb", args.entries)

        # 1. Ingest, with the same embedder ingest picks for this much work.
        from ingest.pipeline import ingest
        from knowledge.embedding import get_embedder
        from knowledge.settings import load_settings
        from knowledge.store import open_catalog

        settings = load_settings(kb)
        if args.only == "search":
            ingest(settings)
            _search_figures(kb, settings, args.queries, results)
            _print(results, args.out)
            return
        bulk = get_embedder("bulk")
        bulk.embed(["warm up the model so that import and load time are not counted"])
        t = time.perf_counter()
        report = ingest(settings, embedder=bulk)
        ingest_s = time.perf_counter() - t
        catalog = open_catalog(settings)
        texts = list(dict.fromkeys(c.text for c in catalog.chunks()))
        catalog.close()

        # 2. The physical limit: SentenceTransformer.encode on exactly those texts, in this run.
        model = bulk._load()  # the loaded SentenceTransformer
        t = time.perf_counter()
        model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        encode_s = time.perf_counter() - t
        results.update({
            "texts_embedded": report.texts_embedded,
            "ingest_seconds": round(ingest_s, 2),
            "ingest_texts_per_s": round(report.texts_embedded / ingest_s, 1),
            "encode_seconds": round(encode_s, 2),
            "encode_texts_per_s": round(len(texts) / encode_s, 1),
            "ingest_to_encode_ratio": round((report.texts_embedded / ingest_s) / (len(texts) / encode_s), 3),
        })

        # 3. Re-ingest with nothing changed, in a fresh process: no model may load.
        code = ("import time,sys; t=time.perf_counter(); from knowledge.settings import load_settings; "
                "from ingest.pipeline import ingest; r=ingest(load_settings(sys.argv[1])); "
                "assert r.texts_embedded == 0; "
                "print(time.perf_counter()-t, 'torch' in sys.modules, 'sentence_transformers' in sys.modules)")
        runs = []
        for _ in range(3):
            out = subprocess.run([sys.executable, "-c", code, str(kb)], cwd=REPO, check=True,
                                 capture_output=True, text=True).stdout.split()
            runs.append(float(out[0]))
            results["reingest_loaded_torch"] = out[1] == "True" or out[2] == "True"
        results["reingest_seconds_in_process"] = round(min(runs), 3)
        results["reingest_cli_seconds"] = round(min(timed(CANON + ["ingest", "--kb", str(kb)]) for _ in range(3)), 3)

        # 4. Start-up: --help, and a cold ask.
        results["help_seconds"] = round(min(timed(CANON + ["--help"]) for _ in range(5)), 3)
        console_script = REPO / ".venv" / "bin" / "canon"
        if console_script.exists():
            results["help_seconds_console_script"] = round(min(timed([str(console_script), "--help"]) for _ in range(5)), 3)
        _search_figures(kb, settings, args.queries, results)

    _print(results, args.out)


def _search_figures(kb: Path, settings: object, queries: int, results: dict[str, object]) -> None:
    """Cold ``canon ask`` (a fresh process each time) and warm ``/v1/search`` latency."""
    asks = [timed(CANON + ["ask", q, "--kb", str(kb), "--format", "json"])
            for q in ("how long does onboarding take", "what does security review involve",
                      "pricing for mid-size teams", "reporting exports", "time to go live")]
    results["ask_cold_seconds_median"] = round(statistics.median(asks), 3)
    results["ask_cold_seconds_max"] = round(max(asks), 3)

    # /v1/search, warm, in process through the ASGI app (no network in the figure).
    import random

    from fastapi.testclient import TestClient

    from api.app import create_app
    from knowledge.embedding import get_embedder

    client = TestClient(create_app(settings))  # type: ignore[arg-type]
    client.get("/v1/search", params={"q": "warm up"})
    rng = random.Random(3)
    words = ["onboarding", "pricing", "security", "reporting", "time to go live", "renewal", "support",
             "integrations", "mobile app", "cost per order", "migration", "uptime"]
    qs = [f"what can I say about {rng.choice(words)} for {rng.choice(words)}" for _ in range(queries)]
    lat, emb = [], []
    embedder = get_embedder("serve")  # what the route embeds with
    for q in qs:
        t = time.perf_counter()
        r = client.get("/v1/search", params={"q": q})
        lat.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200
        t = time.perf_counter()
        embedder.embed([q])
        emb.append((time.perf_counter() - t) * 1000)
    lat.sort()
    emb.sort()
    results["search_p50_ms"] = round(lat[len(lat) // 2], 1)
    results["search_p95_ms"] = round(lat[int(len(lat) * 0.95) - 1], 1)
    results["query_embedding_p50_ms"] = round(emb[len(emb) // 2], 1)
    results["query_embedding_p95_ms"] = round(emb[int(len(emb) * 0.95) - 1], 1)


def _print(results: dict[str, object], out: Path | None) -> None:
    for k, v in results.items():
        print(f"{k:32} {v}")
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
