"""Warm ``GET /v1/search`` as a portal meets it: a real ``canon serve`` (uvicorn) on loopback, a
keep-alive HTTP client, one client and then four at once. Prints latency and throughput; asserts
nothing.

    .venv/bin/python bench/bench_serve_search.py KB [--queries 200] [--clients 4]

KB is an indexed KB folder (e.g. the 2,000-entry one ``bench/bench_foundation.py --keep DIR``
builds). The first 20 answers warm the server and are not counted.
"""

from __future__ import annotations

import argparse
import http.client
import random
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.servers import free_port, stop, wait_http  # noqa: E402

WORDS = ["onboarding", "pricing", "security", "reporting", "time to go live", "renewal", "support",
         "integrations", "mobile app", "cost per order", "migration", "uptime"]
WARM_UP = 20


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kb", type=Path)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--clients", type=int, default=4)
    args = ap.parse_args()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--kb", str(args.kb), "--port", str(port)],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rng = random.Random(3)
    questions = [f"what can I say about {rng.choice(WORDS)} for {rng.choice(WORDS)} ({i})"
                 for i in range(args.queries + WARM_UP)]
    try:
        wait_http(f"http://127.0.0.1:{port}/v1/health", proc)

        def ask(conn: http.client.HTTPConnection, q: str) -> float:
            t = time.perf_counter()
            conn.request("GET", "/v1/search?" + urllib.parse.urlencode({"q": q}))
            r = conn.getresponse()
            r.read()
            if r.status != 200:
                raise SystemExit(f"/v1/search answered {r.status}")
            return (time.perf_counter() - t) * 1000

        conn = http.client.HTTPConnection("127.0.0.1", port)
        one = [ask(conn, q) for q in questions][WARM_UP:]
        print(f"one client   p50 {_pct(one, 0.5):.1f} ms  p95 {_pct(one, 0.95):.1f} ms  ({len(one)} searches)")

        many: list[float] = []
        lock = threading.Lock()

        def client(k: int) -> None:
            c = http.client.HTTPConnection("127.0.0.1", port)
            got = [ask(c, q) for q in questions[k::args.clients]]
            with lock:
                many.extend(got)

        t0 = time.perf_counter()
        threads = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.perf_counter() - t0
        print(f"{args.clients} clients    p50 {_pct(many, 0.5):.1f} ms  p95 {_pct(many, 0.95):.1f} ms  "
              f"{len(many) / took:.0f} searches/s")
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
