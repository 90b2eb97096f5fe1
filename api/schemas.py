"""What the OpenAPI document says about errors and about the values the server accepts.

Every status a route can give is listed on it with the one error shape, so that a client generated
from ``/openapi.json`` knows them all; a schemathesis run in the tests holds the document to that.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, WithJsonSchema

from knowledge.rules import rules_by_id


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    """Every error: ``{"error": {"code": "...", "message": "..."}}``."""

    error: ErrorDetail


_RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before trying again (when busy or shutting down).",
                                "schema": {"type": "integer"}}}

_WHY = {
    400: "Bad input: a parameter or the body does not match this schema, names a parameter or field the route "
         "does not take, or asks for something that does not exist or cannot be done (e.g. a rule that is not "
         "one); or the KB's canon.toml cannot be read. The message names the field and what it expects.",
    404: "No such entry or page.",
    413: "The request body is larger than the server's limit ([serve] max_body).",
    503: "The index is missing or its store unreachable; or every analysis worker is busy and the queue is full "
         "(Retry-After says when to try again); or the server is shutting down.",
    504: "The request took longer than the server's time limit ([serve] timeout); its analysis was stopped.",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a route for these error statuses."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        out[status] = {"model": ErrorResponse, "description": _WHY[status]}
        if status == 503:
            out[status]["headers"] = _RETRY_AFTER
    return out


# What each kind of route can answer besides 200 (routes add 404 and 413 where they apply).
READING = errors(400, 503)
ANALYSING = errors(400, 503, 504)


def _rule_ids() -> list[str]:
    return sorted(rules_by_id())


# A rule id: any string reaches the core, which answers 400 with the list of rules; the schema
# lists them so that a client knows them beforehand.
RuleId = Annotated[str, WithJsonSchema({"type": "string", "enum": _rule_ids()})]
