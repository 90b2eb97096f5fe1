"""Warm ``GET /v1/search`` as a portal meets it: a real ``canon serve`` (uvicorn) on loopback, a
keep-alive HTTP client, one client and then four at once. Prints latency and throughput; asserts
nothing.

    .venv/bin/python bench/bench_serve_search.py KB [--queries 200] [--clients 4]
        [--against OTHER_CHECKOUT] [--rounds 3]

KB is an indexed KB folder (e.g. the 2,000-entry one ``bench/bench_foundation.py --keep DIR``
builds). The first 20 answers warm the server and are not counted.

``--against DIR`` compares this checkout with another one (e.g. ``git worktree add /tmp/before
main``): both serve the same KB at once and the one-client queries alternate between them, so
that a shared or busy machine slows both alike; ``--rounds`` repeats the four-client run per
server, alternating which goes first.
"""

from __future__ import annotations

import argparse
import http.client
import os
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


def _start(checkout: Path, kb: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(checkout))
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--kb", str(kb), "--port", str(port)],
                            cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, port


def _ask(conn: http.client.HTTPConnection, q: str) -> float:
    t = time.perf_counter()
    conn.request("GET", "/v1/search?" + urllib.parse.urlencode({"q": q}))
    r = conn.getresponse()
    r.read()
    if r.status != 200:
        raise SystemExit(f"/v1/search answered {r.status}")
    return (time.perf_counter() - t) * 1000


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far (Linux), or NaN where /proc is not there."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _many(port: int, questions: list[str], clients: int) -> tuple[list[float], float]:
    many: list[float] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        c = http.client.HTTPConnection("127.0.0.1", port)
        got = [_ask(c, q) for q in questions[k::clients]]
        with lock:
            many.extend(got)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return many, len(many) / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kb", type=Path)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--against", type=Path, default=None, help="another checkout to compare with, alternated")
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    checkouts = {"this": REPO} | ({"other": args.against.resolve()} if args.against else {})
    servers = {name: _start(path, args.kb.resolve()) for name, path in checkouts.items()}
    rng = random.Random(3)
    questions = [f"what can I say about {rng.choice(WORDS)} for {rng.choice(WORDS)} ({i})"
                 for i in range(args.queries + WARM_UP)]
    try:
        for proc, port in servers.values():
            wait_http(f"http://127.0.0.1:{port}/v1/health", proc)
        conns = {name: http.client.HTTPConnection("127.0.0.1", port) for name, (_, port) in servers.items()}
        one: dict[str, list[float]] = {name: [] for name in servers}
        cpu: dict[str, float] = {}
        for i, q in enumerate(questions):
            if i == WARM_UP:
                cpu = {name: _cpu_seconds(proc.pid) for name, (proc, _) in servers.items()}
            # Alternate which server goes first, so neither always meets the caches the other warmed.
            for name in (list(servers) if i % 2 else list(servers)[::-1]):
                took = _ask(conns[name], q)
                if i >= WARM_UP:
                    one[name].append(took)
        # CPU time per search hardly depends on what else the machine runs, unlike wall time.
        cpu = {name: _cpu_seconds(proc.pid) - cpu[name] for name, (proc, _) in servers.items()}
        print(f"load average before the runs: {os.getloadavg()[0]:.2f}")
        for name, got in one.items():
            print(f"{name:6s} one client   p50 {_pct(got, 0.5):.1f} ms  p95 {_pct(got, 0.95):.1f} ms  "
                  f"({len(got)} searches; server CPU {cpu[name] * 1000 / len(got):.1f} ms per search)")
        for r in range(args.rounds):
            for name in (list(servers) if r % 2 == 0 else list(servers)[::-1]):
                many, rate = _many(servers[name][1], questions, args.clients)
                print(f"{name:6s} {args.clients} clients    p50 {_pct(many, 0.5):.1f} ms  "
                      f"p95 {_pct(many, 0.95):.1f} ms  {rate:.0f} searches/s")
        print(f"load average after the runs: {os.getloadavg()[0]:.2f}")
    finally:
        for proc, _ in servers.values():
            stop(proc)


if __name__ == "__main__":
    main()
