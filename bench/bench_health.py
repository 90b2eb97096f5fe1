"""``GET /v1/health`` as a load balancer calls it: the same request again and again on a served KB,
and after a file changes. Prints figures; asserts nothing.

    python bench/bench_health.py                  # 2,000 entries, the fake embedder, 50 requests
    python bench/bench_health.py --entries 500 --requests 200
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import drills  # noqa: E402


def _timed(get: object, url: str, n: int) -> tuple[list[float], dict[str, object]]:
    times = []
    body: dict[str, object] = {}
    for _ in range(n):
        t = time.perf_counter()
        r = get(url)  # type: ignore[operator]
        times.append(time.perf_counter() - t)
        body = r.json()
    return times, body


def _ms(times: list[float]) -> str:
    s = sorted(times)
    return f"p50 {statistics.median(s) * 1000:.1f} ms, p95 {s[int(len(s) * 0.95)] * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("CANON_EMBEDDER", "fake")

    from fastapi.testclient import TestClient

    from api.app import create_app
    from ingest.pipeline import ingest
    from knowledge.settings import load_settings

    with tempfile.TemporaryDirectory() as tmp:
        root = drills.make_kb(Path(tmp) / "kb", args.entries)
        settings = load_settings(root)
        t = time.perf_counter()
        ingest(settings)
        print(f"{args.entries} entries, ingested in {time.perf_counter() - t:.1f}s (fake embedder)")
        with TestClient(create_app(settings)) as client:
            for label, url in (("GET /v1/health", "/v1/health"), ("GET /v1/health?full=true", "/v1/health?full=true")):
                first, _ = _timed(client.get, url, 1)
                times, body = _timed(client.get, url, args.requests)
                print(f"{label}: first {first[0] * 1000:.0f} ms, then {_ms(times)} over {args.requests} "
                      f"(status {body['status']})")
            drills.edit(root, [0], revision=9)
            times, body = _timed(client.get, "/v1/health", 1)
            print(f"GET /v1/health after a file changed: {times[0] * 1000:.0f} ms, status {body['status']}, "
                  f"up_to_date {body['up_to_date']}")


if __name__ == "__main__":
    main()
