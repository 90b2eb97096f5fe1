"""The FastAPI application factory."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from knowledge.errors import CanonError
from knowledge.settings import Settings

from .routers import aeo, audit, entries, meta, objections, search


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": message}}


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(
        title="canon",
        version="1",
        description="One curated knowledge base of messaging, proof points and case-study metrics, "
        "and the checks that keep everything else consistent with it.",
    )
    app.state.settings = settings

    @app.exception_handler(CanonError)
    async def canon_error(_: Request, exc: CanonError) -> JSONResponse:
        message = f"{exc.message} ({exc.hint})" if exc.hint else exc.message
        return JSONResponse(error_body(exc.code, message), status_code=exc.http_status)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            parts.append(f"{where}: {err.get('msg')}")
        return JSONResponse(error_body("bad_request", "; ".join(parts) or "invalid request"), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def crash(_: Request, exc: Exception) -> JSONResponse:  # a bug: say so, in the same shape
        return JSONResponse(error_body("internal_error", f"canon failed: {type(exc).__name__}: {exc}"),
                            status_code=500)

    for router in (meta.router, search.router, entries.router, audit.router, objections.router, aeo.router):
        app.include_router(router, prefix="/v1")
    return app
