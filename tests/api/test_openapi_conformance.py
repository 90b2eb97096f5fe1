"""The OpenAPI document tells the truth: schemathesis generates requests from /openapi.json, valid and
invalid, sends them to a real uvicorn on loopback, and holds every answer to the document.

Bounded: a fixed number of fuzzed examples per operation, plus the coverage phase's boundary
cases (empty strings, missing fields, wrong types), on a five-file KB with the fake embedder.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.limits import ServeLimits
from bench.servers import uvicorn_thread
from tests.api.conftest import SMALL_KB, SMALL_TOML

pytestmark = pytest.mark.server

EXAMPLES_PER_OPERATION = 12

CONFIG = schemathesis.Config.from_dict({
    "generation": {"max-examples": EXAMPLES_PER_OPERATION, "mode": "all", "database": "none"},
    "phases": {"examples": {"enabled": False}, "coverage": {"enabled": True}, "fuzzing": {"enabled": True},
               "stateful": {"enabled": False}},
})
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance, negative_data_rejection, positive_data_acceptance]


LIMITS = ServeLimits(workers=2, queue=16, timeout=30)


def _document() -> dict[str, Any]:
    from api.app import create_app
    from knowledge.settings import load_settings
    from tests.conftest import EXAMPLES

    return create_app(load_settings(EXAMPLES / "kb"), LIMITS).openapi()


# Built at collection from the app itself (schemathesis' fixture-based loader does not run under
# this pytest); the first test below shows the server publishes this very document.
schema = schemathesis.openapi.from_dict(_document(), config=CONFIG)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from api.app import create_app
    from ingest.pipeline import ingest
    from knowledge import embedding
    from knowledge.settings import load_settings
    from tests.conftest import free_port, write_kb

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CANON_EMBEDDER", "fake")
        embedding._cached_embedder.cache_clear()
        settings = load_settings(write_kb(tmp_path_factory.mktemp("conformance") / "kb", dict(SMALL_KB), SMALL_TOML))
        ingest(settings)
        with uvicorn_thread(create_app(settings, LIMITS), free_port()) as url:
            yield url
    embedding._cached_embedder.cache_clear()


def test_the_server_publishes_the_document_under_test(live: str) -> None:
    with urllib.request.urlopen(f"{live}/openapi.json") as r:
        assert json.loads(r.read()) == _document()


@schema.parametrize()
def test_every_answer_is_documented(case: Any, live: str) -> None:
    case.call_and_validate(base_url=live, checks=CHECKS, timeout=30)
