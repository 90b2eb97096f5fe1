"""A small KB and the API served by a real uvicorn on loopback, in a thread of the test process."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest

from api.limits import ServeLimits
from bench.servers import uvicorn_thread
from tests.conftest import free_port, write_kb

SMALL_KB = {
    "proof/go-live.md": "---\ntype: proof_point\ntitle: Time to go live\nowner: a@example.com\nreviewed: 2026-10-01\n"
                        "metrics:\n  - id: median-go-live-weeks\n    name: median time to go live\n    value: 6\n"
                        "    unit: weeks\n    qualifier: median\n    source: Onboarding study\n"
                        "sources:\n  - title: Onboarding study\n    date: 2026-06-01\n---\n\n# Time to go live\n\n"
                        "Customers go live in a median of 6 weeks.\n",
    "objections/price.md": "---\ntype: objection\ntitle: Too expensive\nexamples:\n  - it costs more than we budgeted\n"
                           "---\n\n# Too expensive\n",
    "answers/price.md": "---\ntype: answer\ntitle: What it costs\nowner: b@example.com\nreviewed: 2026-10-01\n"
                        "answers: [objections/price]\n---\n\n# What it costs\n\nMost teams recover the cost in 3 months.\n",
    "old/retired.md": "---\ntype: message\nstatus: retired\ntitle: Old claim\n---\n\n# Old claim\n\nSetup takes 2 days.\n",
    "calls/a.txt": "Jordan Lee: Thanks for joining.\nDana Wu: Honestly it costs more than we budgeted for this year.\n"
                   "Jordan Lee: Most teams go live in 4 weeks.\n",
}
SMALL_TOML = '[kb]\nname = "Acme"\n\n[calls]\ninternal_speakers = ["Jordan Lee"]\n'


@pytest.fixture
def small_kb(tmp_path: Path) -> Path:
    return write_kb(tmp_path / "kb", dict(SMALL_KB), SMALL_TOML)


@dataclass
class LiveServer:
    url: str
    app: object


@pytest.fixture
def serve_kb(fake_embedder: object) -> Iterator[object]:
    """``serve_kb(kb, limits)``: the API for an indexed copy of ``kb`` on a loopback uvicorn."""
    from api.app import create_app
    from ingest.pipeline import ingest
    from knowledge.settings import load_settings

    with ExitStack() as servers:

        def start(kb: Path, limits: ServeLimits | None = None) -> LiveServer:
            settings = load_settings(kb)
            ingest(settings, embedder=fake_embedder)  # type: ignore[arg-type]
            app = create_app(settings, limits)
            url = servers.enter_context(uvicorn_thread(app, free_port(), timeout_graceful_shutdown=5))
            return LiveServer(url, app)

        yield start
