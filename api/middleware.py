"""The request body size limit, as plain ASGI so that it acts before anything reads the body; the
answer to a crash, inside CORS; and CORS."""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from knowledge.errors import error_body

from .limits import BodyTooLarge


class _TooLarge(HTTPException):
    """Raised while the app reads the body; as an HTTPException it reaches the app's handler for
    those (FastAPI turns any other exception met while reading a body into a 400)."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(BodyTooLarge.http_status, too_large_message(max_bytes))


class BodyLimit:
    """413 for a body over ``max_bytes``: at once when Content-Length says so (nothing is read),
    else as soon as the bytes received pass the limit (a chunked body is never held whole)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.strip().isdigit() or int(length) > self.max_bytes):
            await self._refuse(send)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge(self.max_bytes)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        error = BodyTooLarge(too_large_message(self.max_bytes))
        body = json.dumps(error.body()).encode()
        headers: list[Any] = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                              (b"connection", b"close")]
        await send({"type": "http.response.start", "status": error.http_status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def too_large_message(max_bytes: int) -> str:
    return (f"the request body is larger than the limit of {max_bytes} bytes "
            "(send less per request, or raise [serve] max_body)")


def crash_answer(exc: Exception) -> JSONResponse:
    """The 500 for an exception nothing handled (a bug in canon): what it was, in the one error shape."""
    return JSONResponse(error_body("internal_error", f"canon failed: {type(exc).__name__}: {exc}"), status_code=500)


class CrashAnswer:
    """Answers a crash with :func:`crash_answer` from inside the CORS layer, so that a browser page
    on an allowed origin can read why it failed. Starlette answers an unhandled exception from its
    outermost layer, outside every middleware, where no CORS header is added. The exception is
    raised on after the answer, so that the server still logs its traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched_send)
        except Exception as exc:
            if not started:
                await crash_answer(exc)(scope, receive, send)
            raise


class Cors(CORSMiddleware):
    """Starlette's CORS for the origins of ``[serve] cors_origins``: a preflight from one of them is
    answered (200, with the Access-Control-Allow-* headers), every answer to one of them carries
    Access-Control-Allow-Origin, and a preflight from any other origin gets 400 in the one error
    shape (Starlette's own refusal is plain text). No credentials: the API has no login to share."""

    def __init__(self, app: ASGIApp, origins: tuple[str, ...]) -> None:
        super().__init__(app, allow_origins=list(origins), allow_methods=["GET", "POST"], allow_headers=["*"],
                         expose_headers=["Retry-After"], max_age=600)

    def preflight_response(self, request_headers: Headers) -> Response:
        answer = super().preflight_response(request_headers)
        if answer.status_code < 400:
            return answer
        origin = request_headers.get("origin", "")
        if not self.is_allowed_origin(origin=origin):
            message = (f"origin {origin!r} may not call this API from a browser (canon serve --cors-origin URL, "
                       "or [serve] cors_origins in canon.toml, lists the origins allowed)")
        else:  # an allowed origin asking for something else: a method, private network access
            message = f"CORS preflight refused: {bytes(answer.body).decode()} (this API takes GET and POST)"
        headers = {k: v for k, v in answer.headers.items() if k.lower() not in ("content-length", "content-type")}
        return JSONResponse(error_body("bad_request", message), status_code=400, headers=headers)
