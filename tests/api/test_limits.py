"""What one request may cost the server: body size (413), time (504), workers and queue (503), and
an analysis stopped when its client leaves. Slow analyses are either real (a draft of thousands of
figures, within every input limit) or stand-ins that sleep (tests/api/slow_jobs.py), so that the
outcome does not hang on machine speed."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api import jobs
from api.app import create_app
from api.limits import ServeLimits
from ingest.pipeline import ingest
from knowledge.errors import ConfigError
from knowledge.settings import load_settings
from tests.api import slow_jobs
from tests.conftest import write_kb

SENTENCE = "Customers go live in 4 weeks and save 30 percent on support costs, with 3x faster onboarding. "


def paragraph(chars: int) -> str:
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]


def figure_dense_draft(paragraphs: int = 200, sentences: int = 8) -> str:
    """About 4,800 figures in distinct sentences (each context embedded and matched), 160 KB: seconds
    of real analysis even with the fake embedder, and inside every input limit."""
    def sentence(i: int) -> str:
        return (f"Team {i} at Acme{i} went live in {i % 50 + 1} weeks and saved {i % 90 + 1} percent on "
                f"support, with {i % 9 + 2}x faster onboarding. ")
    return "\n\n".join("".join(sentence(p * sentences + j) for j in range(sentences)) for p in range(paragraphs))


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def wait_until(condition: Callable[[], bool], timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.fixture
def indexed_kb(small_kb: Path, fake_embedder: Any) -> Path:
    ingest(load_settings(small_kb), embedder=fake_embedder)
    return small_kb


def app_with(kb: Path, **limits: Any) -> Any:
    return create_app(load_settings(kb), ServeLimits(**limits))


def is_error(r: Any, status: int, code: str) -> bool:
    return r.status_code == status and set(r.json()) == {"error"} and r.json()["error"]["code"] == code


# -- where the limits come from -------------------------------------------------------------------


def test_limits_come_from_canon_toml_then_environment_then_options(tmp_path: Path) -> None:
    kb = write_kb(tmp_path / "kb", {"a.md": "# A\n"},
                  '[serve]\nmax_body = "512KiB"\ntimeout = 90\nworkers = 3\nqueue = 0\n')
    settings = load_settings(kb)
    assert ServeLimits.load(settings, environ={}) == ServeLimits(max_body=512 * 1024, timeout=90, workers=3, queue=0)
    env = {"CANON_SERVE_TIMEOUT": "2m", "CANON_SERVE_MAX_BODY": "2MB"}
    assert ServeLimits.load(settings, environ=env) == ServeLimits(max_body=2_000_000, timeout=120, workers=3, queue=0)
    assert ServeLimits.load(settings, {"timeout": "5s", "workers": 1}, environ=env) == ServeLimits(
        max_body=2_000_000, timeout=5, workers=1, queue=0)
    assert ServeLimits.load(load_settings(write_kb(tmp_path / "plain", {"a.md": "# A\n"})), environ={}) == ServeLimits()


@pytest.mark.parametrize("toml, says", [
    ('[serve]\ntimeout = 0\n', "more than 0"),
    ('[serve]\ntimeout = "soon"\n', "not a duration"),
    ('[serve]\nmax_body = "lots"\n', "not a size"),
    ('[serve]\nworkers = 0\n', "at least 1"),
    ('[serve]\nqueue = -1\n', "at least 0"),
    ('[serve]\nthreads = 4\n', "no key 'threads'"),
    ('serve = 3\n', "must be a table"),
])
def test_a_bad_limit_says_what_is_wrong(tmp_path: Path, toml: str, says: str) -> None:
    settings = load_settings(write_kb(tmp_path / "kb", {"a.md": "# A\n"}, toml))
    with pytest.raises(ConfigError) as exc:
        ServeLimits.load(settings, environ={})
    assert says in str(exc.value)


# -- 413 --------------------------------------------------------------------------------------------


def test_a_body_over_the_limit_gets_413_in_the_error_shape(indexed_kb: Path) -> None:
    with TestClient(app_with(indexed_kb, max_body=2000)) as client:
        small = client.post("/v1/check", json={"text": "Customers go live in 6 weeks."})
        assert small.status_code == 200
        r = client.post("/v1/check", json={"text": paragraph(3000)})
        assert is_error(r, 413, "body_too_large") and "2000 bytes" in r.json()["error"]["message"]
        # Without Content-Length (chunked), the body is counted as it arrives.
        chunks = (json.dumps({"text": paragraph(3000)}).encode()[i:i + 500] for i in range(0, 3100, 500))
        r = client.post("/v1/check", content=chunks, headers={"Content-Type": "application/json"})
        assert is_error(r, 413, "body_too_large")
        assert client.app.state.pool.stats["completed"] == 1  # type: ignore[attr-defined]


@pytest.mark.server
def test_uvicorn_answers_413_without_reading_the_body(serve_kb: Any, small_kb: Path) -> None:
    server = serve_kb(small_kb, ServeLimits(max_body=1000))
    port = int(server.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        # Headers only: a server that waited for the 50 MB it was promised would never answer.
        s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 50000000\r\n\r\n")
        answer = s.recv(4096).decode()
    assert answer.startswith("HTTP/1.1 413")
    assert json.loads(answer.split("\r\n\r\n", 1)[1])["error"]["code"] == "body_too_large"


# -- 504 --------------------------------------------------------------------------------------------


def test_an_analysis_over_the_time_limit_gets_504_and_its_worker_is_stopped(
        indexed_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "check", slow_jobs.slow_check)
    with TestClient(app_with(indexed_kb, timeout=4, workers=1)) as client:
        pool = client.app.state.pool  # type: ignore[attr-defined]
        pool.start()
        [worker] = pool.pids
        r = client.post("/v1/check", json={"text": "Customers go live in 6 weeks."})
        assert is_error(r, 504, "timeout") and "4 s" in r.json()["error"]["message"]
        assert pool.stats["timed_out"] == 1 and pool.busy == 0
        assert wait_until(lambda: not alive(worker)) and pool.pids != [worker]  # stopped, and replaced
        monkeypatch.setattr(jobs, "check", slow_jobs.quick_check)  # the new worker (its start counts too) takes it
        assert client.post("/v1/check", json={"text": "x"}).status_code == 200


def test_a_real_analysis_over_the_time_limit_gets_504(indexed_kb: Path) -> None:
    with TestClient(app_with(indexed_kb, timeout=0.2, workers=1)) as client:
        started = time.monotonic()
        r = client.post("/v1/check", json={"text": figure_dense_draft()})  # seconds of real analysis
        assert is_error(r, 504, "timeout")
        assert time.monotonic() - started < 30, "the request waited for the analysis"


# -- 503 --------------------------------------------------------------------------------------------


def test_a_full_pool_and_queue_answer_503_with_retry_after(indexed_kb: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "check", slow_jobs.slow_check)
    answers: list[Any] = []
    with TestClient(app_with(indexed_kb, workers=1, queue=1, timeout=60)) as client:
        pool = client.app.state.pool  # type: ignore[attr-defined]

        def post() -> None:
            answers.append(client.post("/v1/check", json={"text": "x"}))

        first = threading.Thread(target=post)
        first.start()
        assert wait_until(lambda: pool.busy == 1)
        second = threading.Thread(target=post)  # waits in the queue
        second.start()
        assert wait_until(lambda: pool.waiting == 1)
        r = client.post("/v1/check", json={"text": "x"})
        assert is_error(r, 503, "busy") and int(r.headers["Retry-After"]) >= 1
        assert client.get("/v1/entries").status_code == 200  # reading routes do not queue
        # What `canon serve` does on SIGTERM: what was running or waiting ends at once, with 503.
        pool.close()
        first.join(15)
        second.join(15)
        assert sorted(a.json()["error"]["code"] for a in answers) == ["shutting_down", "shutting_down"]
        assert all(a.status_code == 503 and "Retry-After" in a.headers for a in answers)
        assert wait_until(lambda: pool.pids == [])


# -- the client leaves ------------------------------------------------------------------------------


@pytest.mark.server
def test_a_client_that_leaves_stops_its_analysis(serve_kb: Any, small_kb: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "check", slow_jobs.slow_check)  # an analysis that outlasts the client
    server = serve_kb(small_kb, ServeLimits(workers=1, queue=0, timeout=300))
    pool = server.app.state.pool
    port = int(server.url.rsplit(":", 1)[1])
    body = json.dumps({"text": paragraph(3000)}).encode()
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
              b"Content-Length: %d\r\n\r\n" % len(body) + body)
    assert wait_until(lambda: pool.busy == 1)
    worker = pool.pids[0]
    time.sleep(1)
    s.close()
    assert wait_until(lambda: not alive(worker)), "the worker still runs the abandoned analysis"
    assert pool.stats["abandoned"] == 1 and pool.busy == 0
    # The one worker slot is free again: the next analysis is served, not refused.
    import urllib.request

    monkeypatch.setattr(jobs, "check", slow_jobs.quick_check)  # the replacement worker takes it
    req = urllib.request.Request(f"{server.url}/v1/check", data=json.dumps({"text": "x"}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        assert r.status == 200


def test_canon_serve_refuses_a_bad_limit_with_exit_2(small_kb: Path) -> None:
    from typer.testing import CliRunner

    from cli.main import app as cli_app

    r = CliRunner().invoke(cli_app, ["serve", "--kb", str(small_kb), "--timeout", "0"])
    assert r.exit_code == 2 and "timeout" in r.output and "more than 0" in r.output
