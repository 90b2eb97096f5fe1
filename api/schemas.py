"""What the OpenAPI document says about errors and about the values the server accepts.

Every status a route can give is listed on it with the one error shape, so that a client generated
from ``/openapi.json`` knows them all; a schemathesis run in the tests holds the document to that.
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field, WithJsonSchema

from knowledge.rules import rules_by_id

# Every code an error body can carry: canon's own errors (knowledge.errors, api.limits, ingest's
# input limits) and those of the web framework (app.py). A test holds it to the CanonError classes,
# so that a new one cannot be left out; README lists them with their statuses.
ERROR_CODES = (
    "bad_request", "bad_config", "not_found", "kb_not_found", "method_not_allowed", "body_too_large",
    "draft_too_large", "invalid_call", "client_closed_request", "internal_error", "canon_error", "http_error",
    "index_unavailable", "index_busy", "model_unavailable", "store_unavailable", "busy", "shutting_down", "timeout",
)
ErrorCode = Annotated[str, WithJsonSchema({"type": "string", "enum": list(ERROR_CODES)})]


class ErrorDetail(BaseModel):
    code: ErrorCode = Field(description="What went wrong, for a program to act on (README, The HTTP API, lists "
                                        "them); the status says as much in HTTP's terms.")
    message: str = Field(description="What was wrong and what to do, in words, for a person.")


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


def _a_rule(value: str) -> str:
    """A rule id, checked here so that the 400 names the field (``rules[0]: ...``) as every other
    bad value's does; the core's own check says only "there is no rule"."""
    known = _rule_ids()
    if value not in known:
        close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
        raise ValueError("is not a rule" + (f" (did you mean {close[0]!r}?)" if close else "")
                         + f"; the rules are: {', '.join(known)}")
    return value


# A rule id; the schema lists them so that a client knows them beforehand.
RuleId = Annotated[str, AfterValidator(_a_rule), WithJsonSchema({"type": "string", "enum": _rule_ids()})]

# Text with something in it besides whitespace, as Python's str.strip() sees whitespace (the core
# strips a question; a draft of nothing has nothing to check): JSON Schema's \s is ECMAScript's,
# which leaves out U+001C-U+001F and U+0085 and counts U+FEFF.
NOT_BLANK = "[^\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
