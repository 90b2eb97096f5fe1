"""canon's exceptions: raised when canon cannot run, never for findings.

Every class has a stable ``code`` (used in the API's error body) and an HTTP status. The CLI maps
any ``CanonError`` to exit code 2 and prints its message, which must say what to do about it.
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
