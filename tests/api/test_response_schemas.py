"""The OpenAPI document describes what the routes answer: each JSON route publishes a schema for its
success body, and each route's real answer validates against it, with every object the schema does
not declare open closed (``additionalProperties: false``), so that a key added to an answer and not
to api/responses.py fails here; every error body validates against the error schema, whose ``code``
lists every code the API can give."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.limits import ServeLimits
from api.schemas import ERROR_CODES
from ingest.pipeline import ingest
from knowledge.settings import load_settings

jsonschema = pytest.importorskip("jsonschema")

TODAY = {"today": "2026-11-23"}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Path]]:
    from knowledge import embedding
    from tests.conftest import EXAMPLES

    kb = tmp_path_factory.mktemp("schemas") / "kb"
    shutil.copytree(EXAMPLES / "kb", kb, ignore=shutil.ignore_patterns(".canon"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CANON_EMBEDDER", "fake")
        embedding._cached_embedder.cache_clear()
        settings = load_settings(kb)
        ingest(settings)
        with TestClient(create_app(settings, ServeLimits(max_body=4000))) as c:
            yield c, kb
    embedding._cached_embedder.cache_clear()


def closed(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with every object schema that lists properties and says nothing of others closed."""
    doc = copy.deepcopy(doc)

    def close(node: Any) -> None:
        if isinstance(node, dict):
            if "properties" in node and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for value in node.values():
                close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(doc["components"])
    return doc


def validate(doc: dict[str, Any], path: str, method: str, r: Any) -> None:
    """``r``'s body against the schema ``doc`` publishes for ``method path`` and ``r``'s status."""
    responses = doc["paths"][path][method]["responses"]
    assert str(r.status_code) in responses, (path, r.status_code, r.text)
    schema = responses[str(r.status_code)]["content"]["application/json"]["schema"]
    errors = list(jsonschema.Draft202012Validator({**schema, "components": doc["components"]}).iter_errors(r.json()))
    assert not errors, (path, r.status_code, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]])


def test_every_json_route_publishes_its_answer(served: tuple[TestClient, Path]) -> None:
    doc = served[0].get("/openapi.json").json()
    for path, operations in doc["paths"].items():
        for method, op in operations.items():
            ok = next(op["responses"][s] for s in ("200", "201") if s in op["responses"])
            schema = ok.get("content", {}).get("application/json", {}).get("schema")
            if schema is None or path == "/v1/aeo/manifest":
                continue  # the AEO files, served as exported: Markdown, HTML, text, manifest.json
            assert "$ref" in schema, (method, path, schema)  # a model, not {"type": "object", ...}


def test_each_answer_validates_against_its_published_schema(served: tuple[TestClient, Path]) -> None:
    client, kb = served
    doc = closed(client.get("/openapi.json").json())
    one = client.get("/v1/entries").json()["entries"][0]["id"]
    calls: list[tuple[str, str, Any]] = [
        ("/v1/health", "get", client.get("/v1/health")),
        ("/v1/health", "get", client.get("/v1/health", params={"full": True})),
        ("/v1/search", "get", client.get("/v1/search", params={"q": "how long to go live", **TODAY})),
        ("/v1/search", "get", client.get("/v1/search", params={"q": "what does it cost per seat", **TODAY})),
        ("/v1/search", "get", client.get("/v1/search", params={"q": "zebra astronaut pancakes", **TODAY})),
        ("/v1/entries", "get", client.get("/v1/entries")),
        ("/v1/entries", "get", client.get("/v1/entries", params={"offset": 2, "limit": 3, "status": "approved"})),
        ("/v1/entries/{entry_id}", "get", client.get(f"/v1/entries/{one}")),
        ("/v1/metrics", "get", client.get("/v1/metrics", params={"limit": 2})),
        ("/v1/audit", "get", client.get("/v1/audit", params=TODAY)),
        ("/v1/audit", "get", client.get("/v1/audit", params={"min_confidence": 0.9, **TODAY})),
        ("/v1/check", "post", client.post("/v1/check", params=TODAY, json={
            "path": "email.md", "text": "Customers go live in 4 weeks. Setup takes 2 days. We cut no-shows by 90%."})),
        ("/v1/objections", "get", client.get("/v1/objections", params=TODAY)),
    ]
    for path, method, r in calls:
        assert r.status_code == 200, (path, r.text)
        validate(doc, path, method, r)
    audit = calls[9][2].json()
    assert {"claim", "expected", "related", "confidence"} <= {k for f in audit["findings"] for k in f}
    assert "aeo" in audit["summary"] and "below_confidence" in calls[10][2].json()["summary"]
    assert calls[4][2].json()["answered"] is False and "closest" in calls[4][2].json()
    validate(doc, "/v1/aeo/score", "get", client.get("/v1/aeo/score", params={"limit": 3, **TODAY}))


def test_verdicts_validate_against_their_published_schemas(served: tuple[TestClient, Path]) -> None:
    client, _ = served
    doc = closed(client.get("/openapi.json").json())
    finding = client.get("/v1/audit", params=TODAY).json()["findings"][0]
    mention = client.get("/v1/objections", params=TODAY).json()["objections"][0]["mentions"][0]
    posts = [
        ("/v1/audit/verdicts", {"fingerprint": finding["fingerprint"], "verdict": "wrong", "why": "a test", "by": "qa"}),
        ("/v1/objections/verdicts", {"kind": "mention", "call": mention["call"], "line": mention["line"],
                                     "text": mention["text"], "verdict": "wrong"}),
        ("/v1/objections/verdicts", {"kind": "rename", "theme": "theme/dead", "label": "self-hosted deployment"}),
    ]
    for path, body in posts:
        r = client.post(path, params=TODAY, json=body)
        assert r.status_code == 201, r.text
        validate(doc, path, "post", r)
    for path in ("/v1/audit/verdicts", "/v1/objections/verdicts"):
        r = client.get(path)
        assert r.status_code == 200 and r.json()["verdicts"]
        validate(doc, path, "get", r)


def test_a_search_on_a_changed_kb_validates_too(served: tuple[TestClient, Path]) -> None:
    client, kb = served
    doc = closed(client.get("/openapi.json").json())
    (kb / "late-addition.md").write_text("# Late\n\nAdded after the index was built.\n")
    try:
        for _ in range(40):  # the check runs at most once a second
            r = client.get("/v1/search", params={"q": "how long to go live", **TODAY})
            if "index_current" in r.json():
                break
            import time
            time.sleep(0.1)
        assert r.json().get("index_current") is False
        validate(doc, "/v1/search", "get", r)
    finally:
        (kb / "late-addition.md").unlink()


def test_errors_validate_against_the_error_schema(served: tuple[TestClient, Path]) -> None:
    client, _ = served
    doc = closed(client.get("/openapi.json").json())
    validate(doc, "/v1/search", "get", client.get("/v1/search", params={"q": " "}))
    validate(doc, "/v1/entries/{entry_id}", "get", client.get("/v1/entries/no/such/entry"))
    validate(doc, "/v1/check", "post", client.post("/v1/check", json={"text": "x" * 5000}))
    r = client.delete("/v1/search")  # a method no route takes: 405, in the same shape
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"
    error = {"$ref": "#/components/schemas/ErrorResponse", "components": doc["components"]}
    jsonschema.Draft202012Validator(error).validate(r.json())


def test_the_error_codes_are_every_code_canon_can_answer() -> None:
    import api.app  # noqa: F401 - imports every module that defines an error
    import api.pool  # noqa: F401
    import ingest.calls  # noqa: F401
    import ingest.drafts  # noqa: F401
    from knowledge.errors import CanonError

    def subclasses(cls: type) -> set[type]:
        return {cls} | {s for sub in cls.__subclasses__() for s in subclasses(sub)}

    codes = {c.code for c in subclasses(CanonError)}
    assert codes <= set(ERROR_CODES), codes - set(ERROR_CODES)
    framework = {"method_not_allowed", "http_error", "internal_error", "not_found", "body_too_large", "bad_request"}
    assert set(ERROR_CODES) == codes | framework
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    api_section = readme[readme.index("## The HTTP API"):readme.index("## Search: how answers are ranked")]
    assert all(f"`{code}`" in api_section for code in ERROR_CODES), [c for c in ERROR_CODES if f"`{c}`" not in api_section]


def test_the_verdict_schemas_name_the_fields_the_verdict_files_hold() -> None:
    """The published verdict models are written out by hand (pydantic over the core's dataclasses):
    a field added to a verdict file must be published too, and no published field may be invented."""
    from dataclasses import fields

    from api.responses import FindingVerdict as PublishedFinding
    from api.responses import ObjectionVerdict as PublishedObjection
    from knowledge.finding_verdicts import FindingVerdict
    from knowledge.objections.verdicts import Verdict

    assert list(PublishedFinding.model_fields) == [f.name for f in fields(FindingVerdict)]
    assert list(PublishedObjection.model_fields) == [f.name for f in fields(Verdict)]
