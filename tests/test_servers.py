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

from ingest.pipeline import ingest
from knowledge.search import search
from knowledge.settings import load_settings
from tests.conftest import REPO, free_port

pytestmark = pytest.mark.server


def _wait_http(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status < 500:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {timeout}s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[str]:
    exe = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    assert exe, "the chroma command ships with chromadb"
    port = free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(tmp_path / "chroma-server"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_http(f"http://127.0.0.1:{port}/api/v2/heartbeat", proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(proc)


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
        _wait_http(f"{base}/v1/health", proc, timeout=120)
        with urllib.request.urlopen(f"{base}/v1/search?q=time+to+go+live&limit=3&today=2026-11-23") as r:
            served = json.loads(r.read())
        cli = subprocess.run([sys.executable, "-m", "cli.main", "ask", "time to go live", "--kb", str(example_kb),
                              "-n", "3", "--today", "2026-11-23", "--format", "json"],
                             cwd=REPO, env=env, capture_output=True, text=True, check=True)
        assert json.loads(cli.stdout) == served
        with urllib.request.urlopen(f"{base}/openapi.json") as r:
            assert "/v1/search" in json.loads(r.read())["paths"]
    finally:
        _stop(proc)
