"""Bad input, said in the user's words: which field (as the request wrote it), what was wrong with
it, and what the route expects there, read from the route's own OpenAPI schema.

pydantic's own messages name its internals (``query.today.function-before[_iso_day(), date]``,
``min_confidence.none: Input should be None``); a client that sent ``?today=07/12/2026`` or
``"min_confidence": "high"`` wants ``today: '07/12/2026' is not a date; write YYYY-MM-DD``. Every
route's validation errors and unknown parameters pass through here, so that they read alike.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError

from knowledge.errors import UsageError

# Where a parameter is, as FastAPI's loc starts; the body is named "body" when the whole of it is wrong.
_PLACES = ("query", "path", "header", "cookie", "body")
# A field or list index; anything else in a loc (``none``, ``constrained-float``, ``list[DraftIn]``,
# ``MentionAtLine``) is pydantic naming the branch of a union it tried.
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_BRANCHES = {"none", "str", "int", "float", "bool", "list", "dict", "date"}
_SHAPES = {"float": "a number", "int": "a whole number", "bool": "true or false", "string": "text",
           "list": "a list", "dict": "a JSON object", "model": "a JSON object", "date": "a date",
           "url": "a URL"}


class UnknownParameter(UsageError):
    """A query parameter or body field the route does not take (it would otherwise be ignored)."""


async def reject_unknown_query(request: Request) -> None:
    """Every route's dependency: 400 for a query parameter the route does not take, naming it,
    the close match if any (``rules`` -> ``rule``) and the ones it takes."""
    route = request.scope.get("route")
    if route is None:
        return
    known = [p["name"] for p in _operation(request).get("parameters", []) if p.get("in") == "query"]
    unknown = [name for name in request.query_params if name not in known]
    if unknown:
        where = f"{request.method} {request.url.path}"
        raise UnknownParameter(_unknown_message("parameter", unknown, known, where))


def validation_message(request: Request, exc: RequestValidationError) -> str:
    """The errors of one request, one clause per field, in the order the fields came."""
    extra: dict[tuple[str, tuple[Any, ...]], list[str]] = {}
    parts = []
    for err in _closest_branches(list(exc.errors())):
        if err["type"] == "extra_forbidden":  # gathered per object: one clause names them all
            place, parent, _ = _split(err["loc"][:-1])
            extra.setdefault((place, parent), []).append(str(err["loc"][-1]))
        else:
            place, path, _ = _split(err["loc"])
            parts.append(_clause(request, place, path, err))
    for (place, parent), names in extra.items():
        known = list(_schema_at(request, place, parent).get("properties", {}))
        parts.append(_unknown_message("field", names, known, f"{_field(parent) or 'the body'} of "
                                      f"{request.method} {request.url.path}"))
    return "; ".join(dict.fromkeys(parts)) or "invalid request"


def _split(loc: Sequence[Any]) -> tuple[str, tuple[Any, ...], tuple[str, ...]]:
    """(place, the field's path as the user wrote it, the union branches pydantic named on the way)."""
    place = str(loc[0]) if loc and loc[0] in _PLACES else "body"
    rest = loc[1:] if loc and loc[0] in _PLACES else loc
    if place == "body" and rest and rest[0] == 0 and len(rest) == 1:
        rest = ()  # a JSON decode error points at character 0 of the body
    path = tuple(p for p in rest if isinstance(p, int) or (_NAME.match(p) and p not in _BRANCHES))
    branches = tuple(str(p) for p in rest if not (isinstance(p, int) or (_NAME.match(p) and p not in _BRANCHES)))
    return place, path, branches


def _closest_branches(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Of a union's branches, only the errors of the one the input came closest to: not ``None``
    when a value was sent, else the branch with the fewest errors (a verdict's ``kind`` picks its
    shape; ``line: "3"`` is then the one thing wrong)."""
    sites: dict[tuple[Any, ...], dict[str, list[dict[str, Any]]]] = {}
    plain: list[dict[str, Any]] = []
    for err in errors:
        loc = tuple(err["loc"][:-1] if err["type"] == "extra_forbidden" else err["loc"])  # a name the user sent
        cut = next((i for i, p in enumerate(loc) if isinstance(p, str) and i and
                    (not _NAME.match(p) or p in _BRANCHES)), None)
        if cut is None:
            plain.append(err)
        else:
            sites.setdefault(loc[:cut], {}).setdefault(str(loc[cut]), []).append(err)
    kept = list(plain)
    for branches in sites.values():
        tried: dict[str, list[dict[str, Any]]] = {k: v for k, v in branches.items() if k != "none"} or branches
        fewest = min(len(errs) for errs in tried.values())
        kept.extend(next(errs for errs in tried.values() if len(errs) == fewest))
    return sorted(kept, key=errors.index)


def _clause(request: Request, place: str, path: tuple[Any, ...], err: dict[str, Any]) -> str:
    """``field: what was wrong; expected what`` for one error."""
    # a repeated query parameter is written ``rule=a&rule=b``: named as written, without an index
    shown = path if place == "body" else tuple(p for p in path if not isinstance(p, int))
    field = _field(shown) or ("body" if place == "body" else place)
    kind = err["type"]
    if kind == "json_invalid":
        return (f"body: is not valid JSON ({err.get('ctx', {}).get('error', 'decode error')}); "
                "send a JSON object with Content-Type: application/json")
    if kind in ("model_attributes_type", "dict_type", "model_type") and not path:
        sent = "a form or text body" if isinstance(err.get("input"), bytes) else "JSON that is not an object"
        return f"body: {sent} was sent; send a JSON object with Content-Type: application/json"
    if kind == "value_error":  # canon's own validators say what is wrong and what to write
        message = str(err.get("ctx", {}).get("error", err["msg"]))
        return f"{field}: {message}" if not path else f"{field}: {_shown(err)} {message}"
    expected = _describe(_schema_at(request, place, path))
    what = "is missing" if kind == "missing" else f"{_shown(err)} {_problem(err)}"
    if kind == "literal_error" or (expected and what.endswith(expected)):
        return f"{field}: {what}"  # the problem already names what is expected
    return f"{field}: {what}" + (f"; expected {expected}" if expected else "")


def _problem(err: dict[str, Any]) -> str:
    """What was wrong with a value, without pydantic's vocabulary."""
    kind, ctx = err["type"], err.get("ctx", {})
    if kind == "literal_error" or kind == "enum":
        return f"is not one of {ctx.get('expected', 'the allowed values')}"
    if kind.startswith(("greater_than", "less_than")):
        return "is out of range"
    if kind.startswith(("string_too", "too_")):
        return "is too short" if "short" in kind or "few" in kind else "is too long"
    if kind == "string_pattern_mismatch":
        return "is not of the right form"
    shape = _SHAPES.get(kind.split("_")[0])
    return f"is not {shape}" if shape else "is not valid"


def _shown(err: dict[str, Any]) -> str:
    """The value the user sent, quoted and cut short."""
    shown = repr(err.get("input"))
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _field(path: tuple[Any, ...]) -> str:
    """``drafts[0].text`` for ("drafts", 0, "text")."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _operation(request: Request) -> dict[str, Any]:
    """The OpenAPI operation of the route this request matched (the route knows its path within
    its router; the document has it under the router's prefix, which the request's path starts with)."""
    route = request.scope.get("route")
    if route is None:
        return {}
    paths = request.app.openapi().get("paths", {})
    method, suffix = request.method.lower(), route.path_format
    for path, operations in paths.items():
        if path.endswith(suffix) and method in operations and request.url.path.startswith(path[:-len(suffix)]):
            op: dict[str, Any] = operations[method]
            return op
    return {}


def _schema_at(request: Request, place: str, path: tuple[Any, ...]) -> dict[str, Any]:
    """The JSON Schema of the field at ``path``, or {} where the document does not say."""
    doc, op = request.app.openapi(), _operation(request)
    if place == "body":
        schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
        for part in path:
            schema = _resolve(doc, schema)
            schema = schema.get("items", {}) if isinstance(part, int) else _property(doc, schema, part)
        return _resolve(doc, schema)
    if not path:
        return {}
    param: dict[str, Any] = next((p for p in op.get("parameters", []) if p.get("in") == place and p.get("name") == path[0]), {})
    return _resolve(doc, param.get("schema", {}))


def _property(doc: dict[str, Any], schema: dict[str, Any], name: str) -> dict[str, Any]:
    """A property of an object schema, or of any of a union's objects."""
    for option in [schema, *schema.get("anyOf", []), *schema.get("oneOf", [])]:
        found = _resolve(doc, option).get("properties", {}).get(name)
        if found is not None:
            return dict(found)
    return {}


def _resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref``; of ``anyOf: [X, null]`` keep X; a union of objects gets all their properties."""
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    options = [o for o in schema.get("anyOf", []) if o.get("type") != "null"]
    if len(options) == 1:
        return _resolve(doc, options[0])
    if options and "properties" not in schema:
        merged: dict[str, Any] = {}
        for option in options:
            merged.update(_resolve(doc, option).get("properties", {}))
        return {**schema, "properties": merged}
    return schema


def _describe(schema: dict[str, Any]) -> str:
    """What a schema accepts, in words: ``a number from 0 to 1``, ``one of 'a', 'b'``."""
    if "enum" in schema:
        return "one of " + ", ".join(repr(v) for v in schema["enum"])
    kind = schema.get("type")
    if kind in ("integer", "number"):
        low, high = schema.get("minimum"), schema.get("maximum")
        noun = "a whole number" if kind == "integer" else "a number"
        if low is not None and high is not None:
            return f"{noun} from {low:g} to {high:g}"
        return noun + (f" of at least {low:g}" if low is not None else f" of at most {high:g}" if high is not None else "")
    if kind == "boolean":
        return "true or false"
    if kind == "string":
        low, high = schema.get("minLength"), schema.get("maxLength")
        return "text" + (f" of {low} to {high} characters" if low and high else " (not empty)" if low else "")
    if kind == "array":
        inner = _describe(schema.get("items", {}))
        return "a list" + (f" (each item {inner})" if inner else "")
    return "a JSON object" if kind == "object" or "properties" in schema else ""


def _unknown_message(what: str, unknown: list[str], known: list[str], where: str) -> str:
    """``unknown parameter 'rules' (did you mean 'rule'?); GET /v1/audit takes: today, rule``."""
    names = []
    for name in unknown:
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        names.append(repr(name) + (f" (did you mean {close[0]!r}?)" if close else ""))
    plural = "s" if len(unknown) > 1 else ""
    takes = f"{where} takes: {', '.join(known)}" if known else f"{where} takes no {what}s"
    return f"unknown {what}{plural} {', '.join(names)}; {takes}"
