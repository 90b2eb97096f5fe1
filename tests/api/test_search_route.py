"""``GET /v1/search``: the embedder a server queries with, and the JSON it answers with."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import api.routers.search as search_route
from api.app import create_app
from ingest.pipeline import ingest
from knowledge.search import SearchOptions, search
from knowledge.settings import load_settings


def test_search_queries_with_the_server_embedder_and_answers_the_core_json(
    example_kb: Path, fake_embedder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(example_kb)
    ingest(settings, embedder=fake_embedder)
    purposes: list[str] = []
    real = search_route.get_embedder

    def recording(purpose: Any = "bulk") -> Any:
        purposes.append(purpose)
        return real(purpose)

    monkeypatch.setattr(search_route, "get_embedder", recording)
    question = "how long until every technician works from the app"
    with TestClient(create_app(settings)) as client:
        r = client.get("/v1/search", params={"q": question, "limit": 3, "today": "2026-11-23"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert purposes == ["serve"]
    expected = search(settings, question, SearchOptions(limit=3, today=date(2026, 11, 23)), embedder=fake_embedder)
    # as JSON: the core's tuples are JSON arrays
    assert r.json() == json.loads(json.dumps(expected)) and expected["results"]


def test_serve_says_when_searches_fall_back_to_the_numpy_path(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import knowledge.embedding
    from api import server

    class Fallen:
        unavailable: str | None = "onnxruntime cannot be imported: no module"
        embedded: list[str] = []

        def embed(self, texts: list[str]) -> None:
            self.embedded.extend(texts)

    fallen = Fallen()
    monkeypatch.setattr(knowledge.embedding, "get_embedder", lambda purpose: fallen)
    with caplog.at_level("WARNING", logger="uvicorn.error"):
        server._warm_up_search()
    assert fallen.embedded and "onnxruntime cannot be imported" in caplog.text
    caplog.clear()
    fallen.unavailable = None
    with caplog.at_level("WARNING", logger="uvicorn.error"):
        server._warm_up_search()
    assert caplog.text == ""


def test_every_reason_an_index_is_out_of_date_has_words_for_a_portal() -> None:
    from ingest.doctor import STALE_CODES

    assert set(search_route.STALE_REASONS) == STALE_CODES
    assert "canon.toml" in search_route.stale_hint(["settings-changed"])
