"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from knowledge.errors import CanonError, error_body
from knowledge.settings import Settings

from .errors import reject_unknown_query, validation_message
from .limits import ServeLimits, ServerBusy
from .middleware import BodyLimit, Cors, CrashAnswer, crash_answer
from .pool import AnalysisPool
from .routers import aeo, audit, entries, meta, objections, search
from .schemas import ANALYSING, READING, errors

__all__ = ["create_app", "error_body"]


def create_app(settings: Settings, limits: ServeLimits | None = None) -> FastAPI:
    """The API for one KB. ``limits`` default to ``[serve]`` in its canon.toml and CANON_SERVE_*."""
    limits = limits or ServeLimits.load(settings)
    pool = AnalysisPool(limits)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()
        pool.join()

    app = FastAPI(
        title="canon",
        version="1",
        description="One curated knowledge base of messaging, proof points and case-study metrics, "
        "and the checks that keep everything else consistent with it.\n\n"
        f"Limits of this server: request bodies up to {limits.max_body} bytes (413 beyond); "
        f"analysing routes (audit, check, objections, aeo) take at most {limits.timeout:g} s (504 beyond), "
        f"{limits.workers} run at once and {limits.queue} more may wait (503 with Retry-After beyond).",
        lifespan=lifespan,
        dependencies=[Depends(reject_unknown_query)],
    )
    app.state.settings = settings
    app.state.limits = limits
    app.state.pool = pool
    from ingest.doctor import LastDiagnosis

    app.state.health = LastDiagnosis(settings)
    app.state.index_check = search.IndexCheck(app.state.health)
    app.add_middleware(BodyLimit, max_bytes=limits.max_body)
    app.add_middleware(CrashAnswer)  # inside CORS: a 500 carries its headers too
    if limits.cors_origins:  # added last, so outermost: a 413 or 503 carries the CORS headers too
        app.add_middleware(Cors, origins=limits.cors_origins)

    @app.exception_handler(CanonError)
    async def canon_error(_: Request, exc: CanonError) -> JSONResponse:
        headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, ServerBusy) else None
        return JSONResponse(exc.body(), status_code=exc.http_status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        # SPEC 7 asks only for "a fitting status": every kind of bad input is 400, as the core's own
        # refusals (a rule that is not one) are, so that a client has one status to handle.
        return JSONResponse(error_body("bad_request", validation_message(request, exc)), status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 413: "body_too_large"}.get(exc.status_code, "http_error")
        return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def crash(_: Request, exc: Exception) -> JSONResponse:  # a bug in a middleware outside CrashAnswer
        return crash_answer(exc)

    app.include_router(meta.router, prefix="/v1", responses=errors(400))
    app.include_router(search.router, prefix="/v1", responses=errors(400, 503))
    app.include_router(entries.router, prefix="/v1", responses=READING)
    for router in (audit.router, objections.router, aeo.router):
        app.include_router(router, prefix="/v1", responses=ANALYSING)
    app.openapi = lambda: _without_422(app)  # type: ignore[method-assign]
    return app


def _without_422(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, less the 422 FastAPI lists on every route with parameters: this
    server answers bad input with 400 (listed on every route in the one error shape)."""
    doc = FastAPI.openapi(app)  # built once and cached by FastAPI; the pops cost microseconds after
    for operations in doc.get("paths", {}).values():
        for op in operations.values():
            op.get("responses", {}).pop("422", None)
    for name in ("HTTPValidationError", "ValidationError"):
        doc.get("components", {}).get("schemas", {}).pop(name, None)
    return doc
