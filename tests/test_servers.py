"""Real servers on loopback: a Chroma server as the store, and the API served by uvicorn."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.servers import children, free_port, stop, wait_http
from ingest.pipeline import ingest
from knowledge.search import search
from knowledge.settings import load_settings
from tests.conftest import REPO

pytestmark = pytest.mark.server


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[str]:
    exe = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    assert exe, "the chroma command ships with chromadb"
    port = free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(tmp_path / "chroma-server"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_http(f"http://127.0.0.1:{port}/api/v2/heartbeat", proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc)


def test_chroma_server_mode(example_kb, chroma_server, fake_embedder, monkeypatch):
    monkeypatch.setenv("CANON_INDEX_CHROMA_URL", chroma_server)
    settings = load_settings(example_kb)
    assert settings.index.chroma_url == chroma_server
    report = ingest(settings, embedder=fake_embedder)
    assert report.store == chroma_server and report.texts_embedded > 0
    assert not (example_kb / ".canon" / "chroma").exists(), "server mode must not write an embedded store"
    hits = search(settings, "pricing and cost", embedder=fake_embedder)["results"]
    assert hits
    # A second ingest with nothing changed touches nothing, and the server still answers.
    again = ingest(settings, embedder=fake_embedder)
    assert again.texts_embedded == 0
    assert search(settings, "pricing and cost", embedder=fake_embedder)["results"] == hits


def test_chroma_server_down_is_a_clear_error(example_kb, fake_embedder):
    from knowledge.errors import StoreUnavailable

    settings = load_settings(example_kb)
    settings.index.chroma_url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(StoreUnavailable) as exc:
        ingest(settings, embedder=fake_embedder)
    assert "chroma run" in str(exc.value)


def test_uvicorn_serves_the_api(example_kb):
    env = {**os.environ, "CANON_EMBEDDER": "fake"}
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--kb", str(example_kb), "--port", str(port)],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_http(f"{base}/v1/health", proc, timeout=120)
        with urllib.request.urlopen(f"{base}/v1/search?q=time+to+go+live&limit=3&today=2026-11-23") as r:
            served = json.loads(r.read())
        cli = subprocess.run([sys.executable, "-m", "cli.main", "ask", "time to go live", "--kb", str(example_kb),
                              "-n", "3", "--today", "2026-11-23", "--format", "json"],
                             cwd=REPO, env=env, capture_output=True, text=True, check=True)
        assert json.loads(cli.stdout) == served
        with urllib.request.urlopen(f"{base}/openapi.json") as r:
            assert "/v1/search" in json.loads(r.read())["paths"]
    finally:
        stop(proc)


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.model
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads child processes from /proc")
def test_sigterm_stops_a_busy_server_within_5_seconds(example_kb):
    import signal
    import socket

    from tests.api.test_limits import figure_dense_draft

    # The real model: embedding the draft's 4,800 figure contexts keeps a worker busy for tens of
    # seconds on any machine, inside every input limit.
    env = {k: v for k, v in os.environ.items() if k != "CANON_EMBEDDER"}
    subprocess.run([sys.executable, "-m", "cli.main", "ingest", "--kb", str(example_kb)], cwd=REPO, env=env,
                   check=True, capture_output=True)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--kb", str(example_kb), "--port", str(port),
                             "--timeout", "600"], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        wait_http(f"http://127.0.0.1:{port}/v1/health", proc, timeout=120)
        body = json.dumps({"text": figure_dense_draft()}).encode()
        with socket.create_connection(("127.0.0.1", port)) as s:
            s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                      b"Content-Length: %d\r\n\r\n" % len(body) + body)
            time.sleep(2)
            s.settimeout(0.1)
            with pytest.raises(TimeoutError):
                s.recv(1)  # no answer yet: the analysis is running
            workers = children(proc.pid, tracker=True)
            assert workers, "canon serve starts its analysis workers"
            sent = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=5)  # raises if the server is still there
            took = time.monotonic() - sent
            s.settimeout(5)
            answer = s.recv(4096).decode()
        assert answer.startswith("HTTP/1.1 503"), answer[:200]  # told, not left hanging
        assert took < 5
        deadline = time.monotonic() + 5
        while [w for w in workers if _running(w)] and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _running(w)], "a worker outlived the server"
    finally:
        stop(proc)
