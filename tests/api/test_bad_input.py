"""Bad input, as a new user sends it with curl: one status (400, code ``bad_request``), and a
message that names the field as the request wrote it, what was wrong, and what the route expects,
never pydantic's internals; unknown query parameters and body fields refused, not ignored."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from ingest.pipeline import ingest
from knowledge.settings import load_settings

TODAY = {"today": "2026-11-23"}
# What pydantic's messages are made of, which no answer may show.
INTERNALS = re.compile(r"function-before|constrained-|\bnone\b|list\[|Value error|Input should|"
                       r"JSON decode error|valid dictionary|\bquery\.|\bbody\.")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    import shutil

    from knowledge import embedding
    from tests.conftest import EXAMPLES

    kb = tmp_path_factory.mktemp("bad-input") / "kb"
    shutil.copytree(EXAMPLES / "kb", kb, ignore=shutil.ignore_patterns(".canon"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CANON_EMBEDDER", "fake")
        embedding._cached_embedder.cache_clear()
        settings = load_settings(kb)
        ingest(settings)
        with TestClient(create_app(settings)) as c:
            yield c
    embedding._cached_embedder.cache_clear()


def _refused(r: object) -> str:
    """The message of a 400 in the one error shape, checked for pydantic's vocabulary."""
    assert r.status_code == 400, r.text  # type: ignore[attr-defined]
    body = r.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and body["error"]["code"] == "bad_request"
    message: str = body["error"]["message"]
    assert not INTERNALS.search(message), message
    return message


@pytest.mark.parametrize("send, expected", [
    (lambda c: c.get("/v1/audit", params={"today": "07/12/2026"}),
     "today: '07/12/2026' is not a date; write YYYY-MM-DD"),
    (lambda c: c.post("/v1/check", json={}, params=TODAY), "body: give either text (and path) or drafts"),
    (lambda c: c.post("/v1/check", content=b"{text: x}", headers={"content-type": "application/json"}),
     "body: is not valid JSON"),
    (lambda c: c.post("/v1/check", json={"text": "x", "min_confidence": "high"}),
     "min_confidence: 'high' is not a number; expected a number from 0 to 1"),
    (lambda c: c.post("/v1/check", data={"text": "x"}), "body: a form or text body was sent; send a JSON object"),
    (lambda c: c.post("/v1/check", json=["x"]), "body: JSON that is not an object was sent"),
    (lambda c: c.post("/v1/check", json={"drafts": [{"path": "a.md"}]}), "drafts[0].text: is missing"),
    (lambda c: c.post("/v1/check", json={"text": "x", "rules": "metric-conflict"}),
     "rules: 'metric-conflict' is not a list; expected a list (each item one of 'broken-reference', "),
    (lambda c: c.get("/v1/search", params={"q": "x", "limit": 0}),
     "limit: '0' is out of range; expected a whole number from 1 to 100"),
    (lambda c: c.get("/v1/search"), "q: is missing; expected text of 1 to 2000 characters"),
    (lambda c: c.get("/v1/search", params={"q": "x", "approved_only": "maybe"}), "approved_only: 'maybe' is not true or false"),
    (lambda c: c.get("/v1/entries", params={"type": "faq"}), "type: 'faq' is not one of 'message'"),
    (lambda c: c.get("/v1/audit", params={"min_confidence": 2}), "min_confidence: '2' is out of range"),
    (lambda c: c.post("/v1/audit/verdicts", json={"fingerprint": "abc", "verdict": "maybe"}),
     "verdict: 'maybe' is not one of 'right' or 'wrong'"),
    (lambda c: c.post("/v1/objections/verdicts", json={"kind": "mention", "call": "a", "line": "3"}),
     "line: '3' is not a line number; write a JSON number such as 3"),
    # an empty draft is refused as an empty question is, not checked as a file of nothing
    (lambda c: c.post("/v1/check", json={"text": ""}), "text: '' is empty: there is nothing to check"),
    (lambda c: c.post("/v1/check", json={"drafts": [{"text": "Go live in 6 weeks."}, {"text": " \n"}]}),
     "drafts[1].text: ' \\n' is empty"),
    # a rule that is not one: the field is named, as every other bad value's is
    (lambda c: c.post("/v1/check", json={"text": "x", "rules": ["metric-conflicts"]}),
     "rules[0]: 'metric-conflicts' is not a rule (did you mean 'metric-conflict'?); the rules are: broken-reference"),
    (lambda c: c.get("/v1/audit", params={"rule": "metric-conflicts"}), "rule: 'metric-conflicts' is not a rule (did you mean 'metric-conflict'?)"),
    (lambda c: c.get("/v1/entries", params={"offset": -1}), "offset: '-1' is out of range"),
    (lambda c: c.get("/v1/metrics", params={"limit": 0}), "limit: '0' is out of range"),
])
def test_fail_a_bad_value_names_its_field_and_the_form_expected(client, send, expected):
    assert expected in _refused(send(client))


@pytest.mark.parametrize("send, expected", [
    (lambda c: c.get("/v1/audit", params={"rules": "metric-conflict"}),
     "unknown parameter 'rules' (did you mean 'rule'?); GET /v1/audit takes: rule, min_confidence, today"),
    (lambda c: c.get("/v1/search", params={"q": "x", "limt": 3, "lang": "en"}),
     "unknown parameters 'limt' (did you mean 'limit'?), 'lang'; GET /v1/search takes: q, limit, approved_only, today"),
    (lambda c: c.get("/v1/metrics", params={"type": "proof_point"}), "GET /v1/metrics takes: status"),
    (lambda c: c.get("/v1/objections/verdicts", params={"x": "1"}), "GET /v1/objections/verdicts takes no parameters"),
    (lambda c: c.get("/v1/aeo/pages/answers/pricing", params={"fmt": "html"}), "(did you mean 'format'?)"),
    (lambda c: c.post("/v1/check", json={"text": "x", "min_confidance": 0.5}),
     "unknown field 'min_confidance' (did you mean 'min_confidence'?); the body of POST /v1/check takes: "
     "text, path, drafts, rules, min_confidence"),
    (lambda c: c.post("/v1/check", json={"drafts": [{"text": "x", "pth": "a.md"}]}),
     "unknown field 'pth' (did you mean 'path'?); drafts[0] of POST /v1/check takes: path, text"),
    (lambda c: c.post("/v1/check", json={"text": "x", "Ünknown-Field": 1}), "unknown field 'Ünknown-Field'"),
    (lambda c: c.post("/v1/audit/verdicts", json={"fingerprint": "abc", "verdict": "wrong", "reason": "x"}),
     "unknown field 'reason'"),
    (lambda c: c.post("/v1/objections/verdicts", json={"kind": "rename", "theme": "a", "label": "b", "bye": "x"}),
     "unknown field 'bye' (did you mean 'by'?)"),
])
def test_fail_an_unknown_parameter_or_field_is_refused_with_the_known_ones(client, send, expected):
    assert expected in _refused(send(client))


def test_pass_every_documented_parameter_is_still_taken(client):
    """Each route's documented query parameters, sent together, are not called unknown."""
    assert client.get("/v1/search", params={"q": "cost", "limit": 2, "approved_only": "true", **TODAY}).status_code == 200
    assert client.get("/v1/audit", params={"rule": "metric-conflict", "min_confidence": 0.5, **TODAY}).status_code == 200
    assert client.get("/v1/entries", params={"type": "answer", "status": "approved", **TODAY}).status_code == 200
    assert client.get("/v1/metrics", params={"status": "approved"}).status_code == 200
    assert client.get("/v1/health", params={"full": "true"}).status_code == 200
    assert client.get("/v1/objections", params={"min_calls": 1, **TODAY}).status_code == 200
    assert client.get("/v1/aeo/score", params={"limit": 2, **TODAY}).status_code == 200
    manifest = client.get("/v1/aeo/manifest", params={"base_url": "https://a.example/", **TODAY}).json()
    included = next(e["id"] for e in manifest["entries"] if e["included"])
    page = client.get(f"/v1/aeo/pages/{included}", params={"format": "html", "base_url": "https://a.example/", **TODAY})
    assert page.status_code == 200
    check = client.post("/v1/check", params=TODAY, json={"drafts": [{"path": "a.md", "text": "Go live in 6 weeks."}],
                                                         "rules": ["metric-conflict"], "min_confidence": 0.2})
    assert check.status_code == 200


@pytest.mark.parametrize("path, key", [("/v1/entries", "entries"), ("/v1/metrics", "metrics")])
def test_pass_a_long_list_comes_in_pages_with_its_total(client, path, key):
    whole = client.get(path).json()
    assert whole["total"] == len(whole[key]) > 4 and whole["offset"] == 0 and whole["limit"] is None
    pages, offset = [], 0
    while offset < whole["total"]:
        page = client.get(path, params={"offset": offset, "limit": 3}).json()
        assert page["total"] == whole["total"] and page["offset"] == offset and page["limit"] == 3
        pages.extend(page[key])
        offset += 3
    assert pages == whole[key]
    assert client.get(path, params={"offset": whole["total"]}).json()[key] == []


def test_pass_the_document_lists_400_and_no_422(client):
    doc = client.get("/openapi.json").json()
    for path, operations in doc["paths"].items():
        for op in operations.values():
            assert "422" not in op["responses"], path
            if op.get("parameters") or op.get("requestBody"):
                assert "400" in op["responses"], path
    assert "HTTPValidationError" not in doc["components"]["schemas"]
    check = doc["components"]["schemas"]["CheckRequest"]
    assert check["additionalProperties"] is False  # the schema says what the server does
