"""The API's limits and shutdown, measured on a real `canon serve` (uvicorn) on loopback.

Drills, as an operator would run them:

1. POST /v1/check with one paragraph of 224 KB, then one of 1.1 MB: HTTP status, seconds, and the
   peak resident memory of the server process and of its analysis workers.
2. A client that sends a slow analysis and leaves after 1 s: how long until its worker is stopped,
   and whether the next analysis is served.
3. SIGTERM while a slow analysis runs: seconds until the process has exited, and whether any
   worker process outlives it.

    python bench/bench_api_limits.py [--kb examples/kb] [--fake] [--repo PATH]

``--fake`` uses the fake embedder (no model); ``--repo`` runs another checkout's `canon serve`
(to measure a version without the limits: give a generous --wait).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.servers import children, free_port, wait_http  # noqa: E402

SENTENCE = "Customers go live in 4 weeks and save 30 percent on support costs, with 3x faster onboarding. "


def paragraph(kib: float) -> str:
    n = int(kib * 1024)
    return (SENTENCE * (n // len(SENTENCE) + 1))[:n]


def rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class PeakRSS:
    """Polls the server's and its children's resident memory while a request runs."""

    def __init__(self, pid: int) -> None:
        self.pid, self.server, self.worker = pid, 0.0, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.server = max(self.server, rss_mib(self.pid))
            for c in children(self.pid):
                self.worker = max(self.worker, rss_mib(c))
            time.sleep(0.1)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def post_raw(port: int, body: bytes) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
              b"Content-Length: %d\r\n\r\n" % len(body) + body)
    return s


def post(port: int, text: str, wait: float) -> tuple[int | str, float, str]:
    body = json.dumps({"text": text, "path": "drill.md"}).encode()
    t = time.perf_counter()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/v1/check?today=2026-11-23", data=body,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=wait) as r:
            return r.status, time.perf_counter() - t, ""
    except urllib.error.HTTPError as e:
        return e.code, time.perf_counter() - t, e.read().decode()[:160]
    except TimeoutError:
        return "no answer", time.perf_counter() - t, f"client gave up after {wait:g} s"
    except (ConnectionError, urllib.error.URLError) as e:
        return "connection error", time.perf_counter() - t, str(e)[:160]


class Server:
    def __init__(self, repo: Path, kb: Path, env: dict[str, str]) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--kb", str(kb), "--port",
                                      str(self.port)], cwd=repo, env=env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        try:
            wait_http(f"http://127.0.0.1:{self.port}/v1/health", self.proc)
        except RuntimeError as exc:
            raise SystemExit(f"the server did not start: {exc}") from exc

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kb", type=Path, default=REPO / "examples" / "kb")
    ap.add_argument("--repo", type=Path, default=REPO)
    ap.add_argument("--fake", action="store_true", help="the fake embedder instead of the model")
    ap.add_argument("--wait", type=float, default=120, help="seconds a drill client waits at most")
    args = ap.parse_args()
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    if args.fake:
        env["CANON_EMBEDDER"] = "fake"
    with tempfile.TemporaryDirectory() as tmp:
        kb = Path(tmp) / "kb"
        shutil.copytree(args.kb, kb, ignore=shutil.ignore_patterns(".canon"))
        subprocess.run([sys.executable, "-m", "cli.main", "ingest", "--kb", str(kb)], cwd=args.repo, env=env,
                       check=True, capture_output=True)

        print(f"canon serve from {args.repo}, embedder {'fake' if args.fake else 'the model'}")
        server = Server(args.repo, kb, env)
        try:
            print(f"  idle: server {rss_mib(server.proc.pid):.0f} MiB, "
                  f"workers {[round(rss_mib(c)) for c in children(server.proc.pid)]} MiB")
            # A small check first, so that the figures below do not include loading the model.
            print("  warm-up check:", post(server.port, "Customers go live in 4 weeks.", args.wait)[:2])
            for label, kib in (("224 KB paragraph", 224), ("1.1 MB paragraph", 1100)):
                with PeakRSS(server.proc.pid) as peak:
                    status, secs, why = post(server.port, paragraph(kib), args.wait)
                print(f"  POST /v1/check, {label}: {status} in {secs:.1f} s; peak RSS server {peak.server:.0f} MiB, "
                      f"worker {peak.worker:.0f} MiB {why}")

            # 2. The client leaves after 1 s.
            before = set(children(server.proc.pid))
            s = post_raw(server.port, json.dumps({"text": paragraph(900)}).encode())
            time.sleep(1.0)
            busy = set(children(server.proc.pid))
            s.close()
            t = time.perf_counter()
            while time.perf_counter() - t < args.wait and busy & set(children(server.proc.pid)) == busy:
                time.sleep(0.05)
            gone = busy - set(children(server.proc.pid))
            print(f"  client left after 1 s (900 KB paragraph): a worker was stopped after "
                  f"{time.perf_counter() - t:.2f} s" if gone else
                  f"  client left after 1 s (900 KB paragraph): no worker stopped within {args.wait:g} s")
            status, secs, _ = post(server.port, "Customers go live in 4 weeks.", args.wait)
            print(f"  next check: {status} in {secs:.2f} s (workers before {len(before)}, now "
                  f"{len(children(server.proc.pid))})")

            # 3. SIGTERM while a slow analysis runs.
            s = post_raw(server.port, json.dumps({"text": paragraph(900)}).encode())
            time.sleep(1.0)
            workers = children(server.proc.pid)
            t = time.perf_counter()
            server.proc.send_signal(signal.SIGTERM)
            try:
                server.proc.wait(timeout=args.wait)
                print(f"  SIGTERM with a 900 KB check in flight: exited ({server.proc.returncode}) after "
                      f"{time.perf_counter() - t:.2f} s; workers left running: "
                      f"{[w for w in workers if Path(f'/proc/{w}').exists() and rss_mib(w) > 0]}")
            except subprocess.TimeoutExpired:
                print(f"  SIGTERM with a 900 KB check in flight: still running after {args.wait:g} s")
            s.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
