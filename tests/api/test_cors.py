"""CORS: off unless ``[serve] cors_origins`` or ``canon serve --cors-origin`` names the origins whose
pages may call the API from a browser (the API has no login of its own); when on, a preflight from
one of them is answered, a preflight from any other is refused in the one error shape, and only
answers to an allowed origin carry Access-Control-Allow-Origin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.limits import ServeLimits
from cli.main import app as cli_app
from ingest.pipeline import ingest
from knowledge.errors import ConfigError
from knowledge.settings import load_settings
from tests.conftest import write_kb

PORTAL = "https://portal.example.com"
OTHER = "https://elsewhere.example.net"


def preflight(client: TestClient, origin: str, method: str = "GET") -> Any:
    return client.options("/v1/search", headers={"Origin": origin, "Access-Control-Request-Method": method,
                                                 "Access-Control-Request-Headers": "content-type"})


@pytest.fixture
def indexed_kb(small_kb: Path, fake_embedder: Any) -> Path:
    ingest(load_settings(small_kb), embedder=fake_embedder)
    return small_kb


def test_cors_is_off_by_default(indexed_kb: Path) -> None:
    with TestClient(create_app(load_settings(indexed_kb), ServeLimits())) as client:
        r = preflight(client, PORTAL)
        assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"
        r = client.get("/v1/health", headers={"Origin": PORTAL})
        assert r.status_code == 200 and "access-control-allow-origin" not in r.headers


def test_an_allowed_origin_gets_its_preflight_and_the_header(indexed_kb: Path) -> None:
    limits = ServeLimits(cors_origins=(PORTAL,), max_body=2000)
    with TestClient(create_app(load_settings(indexed_kb), limits)) as client:
        r = preflight(client, PORTAL, "POST")
        assert r.status_code == 200
        assert r.headers["access-control-allow-origin"] == PORTAL
        assert "POST" in r.headers["access-control-allow-methods"]
        assert "content-type" in r.headers["access-control-allow-headers"].lower()
        r = client.get("/v1/search", params={"q": "time to go live"}, headers={"Origin": PORTAL})
        assert r.status_code == 200 and r.headers["access-control-allow-origin"] == PORTAL
        # errors too, so that the page can read why: a 400, and a 413 the body limit answers
        r = client.get("/v1/search", params={"q": " "}, headers={"Origin": PORTAL})
        assert r.status_code == 400 and r.headers["access-control-allow-origin"] == PORTAL
        r = client.post("/v1/check", json={"text": "x" * 3000}, headers={"Origin": PORTAL})
        assert r.status_code == 413 and r.headers["access-control-allow-origin"] == PORTAL


def test_another_origin_is_refused_in_the_error_shape(indexed_kb: Path) -> None:
    with TestClient(create_app(load_settings(indexed_kb), ServeLimits(cors_origins=(PORTAL,)))) as client:
        r = preflight(client, OTHER)
        assert r.status_code == 400 and set(r.json()) == {"error"} and r.json()["error"]["code"] == "bad_request"
        assert OTHER in r.json()["error"]["message"] and "--cors-origin" in r.json()["error"]["message"]
        assert "access-control-allow-origin" not in r.headers
        r = preflight(client, PORTAL, "DELETE")
        assert r.status_code == 400 and "method" in r.json()["error"]["message"]
        r = client.get("/v1/health", headers={"Origin": OTHER})
        assert r.status_code == 200 and "access-control-allow-origin" not in r.headers


def test_origins_come_from_canon_toml_then_environment_then_options(tmp_path: Path) -> None:
    kb = write_kb(tmp_path / "kb", {"a.md": "# A\n"}, f'[serve]\ncors_origins = ["{PORTAL}/", "http://localhost:3000"]\n')
    settings = load_settings(kb)
    assert ServeLimits.load(settings, environ={}).cors_origins == (PORTAL, "http://localhost:3000")
    env = {"CANON_SERVE_CORS_ORIGINS": f"{OTHER}, {PORTAL}"}
    assert ServeLimits.load(settings, environ=env).cors_origins == (OTHER, PORTAL)
    assert ServeLimits.load(settings, {"cors_origins": ["*"]}, environ=env).cors_origins == ("*",)


@pytest.mark.parametrize("value", ['3', '["portal.example.com"]', '["https://portal.example.com/app"]', '[3]'])
def test_a_bad_origin_says_what_to_write(tmp_path: Path, value: str) -> None:
    settings = load_settings(write_kb(tmp_path / "kb", {"a.md": "# A\n"}, f"[serve]\ncors_origins = {value}\n"))
    with pytest.raises(ConfigError) as exc:
        ServeLimits.load(settings, environ={})
    assert "cors_origins" in str(exc.value) and "https://portal.example.com" in str(exc.value)


def test_canon_serve_takes_cors_origin(indexed_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import api.server

    served: list[Any] = []
    monkeypatch.setattr(api.server, "serve", lambda app, host, port: served.append(app))
    monkeypatch.setattr("cli.serve.check_port", lambda host, port: None)
    r = CliRunner().invoke(cli_app, ["serve", "--kb", str(indexed_kb), "--cors-origin", PORTAL,
                                     "--cors-origin", "http://localhost:3000"])
    assert r.exit_code == 0, r.output
    assert "browsers may call it from https://portal.example.com, http://localhost:3000" in r.output
    with TestClient(served[0]) as client:
        assert preflight(client, "http://localhost:3000").status_code == 200
    r = CliRunner().invoke(cli_app, ["serve", "--kb", str(indexed_kb), "--cors-origin", "portal.example.com"])
    assert r.exit_code == 2 and "is not an origin" in r.output and "scheme://host" in r.output


class _BrokenHealth:
    """A diagnosis that fails as a bug in canon would: the route answers 500."""

    def get(self, full: bool = False) -> Any:
        raise RuntimeError("the catalog vanished")


@pytest.mark.parametrize(("origins", "origin", "allowed"), [
    ((PORTAL,), PORTAL, True), ((PORTAL,), OTHER, False), ((), PORTAL, False)])
def test_a_crash_answers_500_with_the_cors_headers_for_an_allowed_origin(
        indexed_kb: Path, origins: tuple[str, ...], origin: str, allowed: bool) -> None:
    app = create_app(load_settings(indexed_kb), ServeLimits(cors_origins=origins))
    app.state.health = _BrokenHealth()
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.get("/v1/health", headers={"Origin": origin})
    assert r.status_code == 500
    assert r.json() == {"error": {"code": "internal_error",
                                  "message": "canon failed: RuntimeError: the catalog vanished"}}, r.json()
    assert r.headers.get("access-control-allow-origin") == (PORTAL if allowed else None)


def test_a_crash_is_still_raised_on_for_the_server_to_log(indexed_kb: Path) -> None:
    app = create_app(load_settings(indexed_kb), ServeLimits(cors_origins=(PORTAL,)))
    app.state.health = _BrokenHealth()
    with TestClient(app) as client, pytest.raises(RuntimeError, match="the catalog vanished"):
        client.get("/v1/health", headers={"Origin": PORTAL})
