"""canon's exceptions: raised when canon cannot run, never for findings.

Every class has a stable ``code`` (used in the API's error body) and an HTTP status. The CLI maps
any ``CanonError`` to exit code 2 and prints its message, which must say what to do about it. The
API's error body has one shape, built here (``error_body``) for every error it answers.
"""

from __future__ import annotations


class CanonError(Exception):
    code = "canon_error"
    http_status = 500

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  {self.hint}" if self.hint else self.message

    @property
    def one_line(self) -> str:
        """The message with its hint in brackets, for answers that are one line (an API body)."""
        return f"{self.message} ({self.hint})" if self.hint else self.message

    def body(self) -> dict[str, dict[str, str]]:
        """This error as the API answers it."""
        return error_body(self.code, self.one_line)


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    """The API's one error shape: ``{"error": {"code": "...", "message": "..."}}``, for canon's own
    errors and for those the web framework raises (validation, unknown routes, crashes)."""
    return {"error": {"code": code, "message": message}}


class ConfigError(CanonError):
    """canon.toml, an environment variable or an option cannot be read."""

    code = "bad_config"
    http_status = 400


class UsageError(CanonError):
    """A request or command line asks for something that does not make sense."""

    code = "bad_request"
    http_status = 400


class NotFound(CanonError):
    code = "not_found"
    http_status = 404


class KBNotFound(CanonError):
    code = "kb_not_found"
    http_status = 404


class IndexUnavailable(CanonError):
    """The index is missing, unreadable or cannot be built."""

    code = "index_unavailable"
    http_status = 503


class IndexBusy(IndexUnavailable):
    """Another process is writing the index and did not finish within the wait allowed."""

    code = "index_busy"
    http_status = 503


class ModelUnavailable(CanonError):
    """The embedding model cannot be loaded."""

    code = "model_unavailable"
    http_status = 503


class StoreUnavailable(CanonError):
    """The vector store (embedded Chroma or a Chroma server) cannot be reached."""

    code = "store_unavailable"
    http_status = 503
