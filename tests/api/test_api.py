"""The HTTP API through TestClient, and its parity with the command line."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app as cli_app
from ingest.pipeline import ingest
from knowledge.settings import load_settings


@pytest.fixture
def client(example_kb, fake_embedder):
    settings = load_settings(example_kb)
    ingest(settings, embedder=fake_embedder)
    with TestClient(create_app(settings)) as client:  # the lifespan stops the analysis workers
        yield client


def test_health(client):
    body = client.get("/v1/health").json()
    assert body["status"] == "ok" and body["indexed"] and body["entries"] > 10


def test_search_returns_entries_with_figures(client):
    r = client.get("/v1/search", params={"q": "how long until every technician works from the app", "limit": 3, "today": "2026-11-23"})
    assert r.status_code == 200
    body = r.json()
    assert body["version"] == 1 and 1 <= len(body["results"]) <= 3
    for res in body["results"]:
        assert {"entry", "title", "status", "canonical", "score", "path", "line", "metrics", "sources", "review"} <= set(res)
        assert res["canonical"] == (res["status"] == "approved")


def test_search_parity_with_cli(client, example_kb):
    params = {"q": "what does it cost", "limit": 4, "today": "2026-11-23"}
    api = client.get("/v1/search", params=params).json()
    out = CliRunner().invoke(cli_app, ["ask", params["q"], "--kb", str(example_kb), "-n", "4",
                                       "--today", "2026-11-23", "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == api


def test_entries_and_metrics(client):
    entries = client.get("/v1/entries").json()["entries"]
    assert entries and all({"id", "type", "status", "path", "review"} <= set(e) for e in entries)
    types = {e["type"] for e in entries}
    assert {"message", "proof_point", "case_study", "objection", "answer", "article"} <= types
    one = entries[0]["id"]
    entry = client.get(f"/v1/entries/{one}").json()["entry"]
    assert entry["id"] == one
    approved = client.get("/v1/entries", params={"status": "approved"}).json()["entries"]
    assert approved and all(e["status"] == "approved" for e in approved)
    metrics = client.get("/v1/metrics").json()["metrics"]
    assert metrics and all({"id", "value", "unit", "entry", "entry_status"} <= set(m) for m in metrics)


def test_errors_have_one_shape(client):
    r = client.get("/v1/entries/no/such/entry")
    assert r.status_code == 404
    assert set(r.json()) == {"error"} and r.json()["error"]["code"] == "not_found"
    r = client.get("/v1/search")
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_request"
    r = client.get("/v1/search", params={"q": "   "})
    assert r.status_code == 400 and "empty" in r.json()["error"]["message"]
    r = client.get("/v1/search", params={"q": "x", "today": "yesterday"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_request"
    r = client.get("/v1/nothing-here")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_openapi_is_published(client):
    doc = client.get("/openapi.json").json()
    for path in ("/v1/search", "/v1/entries", "/v1/entries/{entry_id}", "/v1/metrics", "/v1/health"):
        assert path in doc["paths"], path


def test_unindexed_kb_says_what_to_do(tmp_path, fake_embedder):
    (tmp_path / "a.md").write_text("# A\n\nText.\n")
    c = TestClient(create_app(load_settings(tmp_path)))
    r = c.get("/v1/entries")
    assert r.status_code == 503 and "canon ingest" in r.json()["error"]["message"]


def test_audit_sees_files_changed_after_the_server_started(client, example_kb):
    before = client.get("/v1/audit", params={"today": "2026-11-23"}).json()
    (example_kb / "messaging" / "new-claim.md").write_text(
        "---\ntype: message\ntitle: New claim\nowner: a@example.com\nreviewed: 2026-11-01\n"
        "sources:\n  - title: Note\n    date: 2026-10-01\n---\n\n# New claim\n\nBroken YAML is not here.\n")
    (example_kb / "broken.md").write_text("---\ntitle: [oops\n---\n")
    after = client.get("/v1/audit", params={"today": "2026-11-23"}).json()
    paths = {f["path"] for f in after["findings"]} - {f["path"] for f in before["findings"]}
    assert "broken.md" in paths
    assert client.get("/v1/entries/messaging/new-claim").status_code == 200


def test_openapi_lists_every_error_in_the_one_shape(client):
    doc = client.get("/openapi.json").json()
    error_ref = {"$ref": "#/components/schemas/ErrorResponse"}
    analysing = ("/v1/audit", "/v1/check", "/v1/objections", "/v1/aeo/")
    for path, operations in doc["paths"].items():
        for op in operations.values():
            statuses = set(op["responses"])
            for status in {s for s in statuses if not s.startswith("2")}:
                assert op["responses"][status]["content"]["application/json"]["schema"] == error_ref, (path, status)
            if op.get("parameters") or op.get("requestBody"):
                assert "400" in statuses, path
            if path.startswith(analysing):
                assert {"400", "503", "504"} <= statuses, path
                assert "Retry-After" in op["responses"]["503"]["headers"]
    assert "413" in doc["paths"]["/v1/check"]["post"]["responses"]
    assert "404" in doc["paths"]["/v1/entries/{entry_id}"]["get"]["responses"]


@pytest.mark.parametrize("body, valid", [
    ({}, False), ({"text": "x", "drafts": [{"text": "y"}]}, False), ({"drafts": []}, False),
    ({"text": None}, False), ({"text": "x", "rules": ["no-such-rule"]}, False), ({"text": ""}, False),
    ({"text": " \n"}, False), ({"drafts": [{"text": ""}]}, False),
    ({"text": "x"}, True), ({"drafts": [{"text": "y", "path": "y.md"}], "rules": ["metric-conflict"]}, True),
])
def test_the_check_schema_rejects_what_the_server_rejects(client, body, valid):
    jsonschema = pytest.importorskip("jsonschema")
    doc = client.get("/openapi.json").json()
    schema = {"$ref": "#/components/schemas/CheckRequest", "components": doc["components"]}
    assert jsonschema.Draft202012Validator(schema).is_valid(body) is valid
    r = client.post("/v1/check", json=body, params={"today": "2026-11-23"})
    assert (r.status_code == 200) is valid, r.text
    if not valid:
        assert r.status_code == 400 and set(r.json()) == {"error"}


def test_the_search_schema_rejects_what_the_server_rejects(client):
    doc = client.get("/openapi.json").json()
    q = next(p for p in doc["paths"]["/v1/search"]["get"]["parameters"] if p["name"] == "q")["schema"]
    assert q["minLength"] == 1
    # every text the core finds blank (Python's whitespace) the schema's pattern refuses, and the server too
    for blank in ("", "   ", "\x85", " \u2028\x1c"):
        assert not re.search(q["pattern"], blank)
        r = client.get("/v1/search", params={"q": blank})
        assert r.status_code == 400 and set(r.json()) == {"error"}
    assert re.search(q["pattern"], " a ")


def test_errors_raised_in_an_analysis_worker_keep_their_code_and_status(client):
    r = client.get("/v1/aeo/pages/no/such/entry", params={"today": "2026-11-23"})
    assert r.status_code == 404 and set(r.json()) == {"error"} and r.json()["error"]["code"] == "not_found"
    r = client.get("/v1/aeo/llms.txt", params={"base_url": "http://[oops"})  # urlsplit raises on it
    assert r.status_code == 400 and "base-url" in r.json()["error"]["message"]
    r = client.get("/v1/audit", params={"rule": "no-such-rule"})
    assert r.status_code == 400 and "the rules are" in r.json()["error"]["message"]
