"""What one request may cost the server (body size, time, how many analyses run at once) and which
web pages of other origins may call it.

Read from the ``[serve]`` table of canon.toml, then ``CANON_SERVE_<KEY>``, then ``canon serve``
options, as every other setting (SPEC section 4)::

    [serve]
    max_body = "1MiB"   # larger request bodies get 413 before they are read
    timeout = 60        # seconds an analysing request may take, waiting included; then 504
    workers = 2         # analyses (audit, check, objections, aeo) that run at once
    queue = 8           # analysing requests that may wait for a worker; beyond that, 503
    cors_origins = []   # origins whose pages a browser lets call the API (CORS); none by default

This module imports nothing heavy: the analysis worker processes import it too.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from knowledge.errors import CanonError, ConfigError
from knowledge.settings import Settings

_SIZE_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 1000**2, "mb": 1000**2, "mib": 1024**2,
               "g": 1000**3, "gb": 1000**3, "gib": 1024**3}
_TIME_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "min": 60.0}


@dataclass(frozen=True)
class ServeLimits:
    max_body: int = 1024**2
    timeout: float = 60.0
    workers: int = 2
    queue: int = 8
    cors_origins: tuple[str, ...] = ()

    @classmethod
    def load(cls, settings: Settings, overrides: Mapping[str, Any] | None = None,
             environ: Mapping[str, str] | None = None) -> ServeLimits:
        table = settings.extra.get("serve", {})
        if not isinstance(table, dict):
            raise ConfigError("canon.toml: [serve] must be a table", hint='e.g. [serve] timeout = 60')
        unknown = sorted(set(table) - {f.name for f in fields(cls)})
        if unknown:
            raise ConfigError(f"canon.toml: [serve] has no key {unknown[0]!r}",
                              hint="the keys are: " + ", ".join(f.name for f in fields(cls)))
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw, origin = table.get(f.name), "canon.toml [serve]"
            env_key = f"CANON_SERVE_{f.name.upper()}"
            if env_key in env:
                raw, origin = env[env_key], f"environment variable {env_key}"
            if (overrides or {}).get(f.name) is not None:
                raw, origin = (overrides or {})[f.name], "command line"
            if raw is not None:
                values[f.name] = _PARSERS[f.name](raw, f"{origin}: {f.name} = {raw!r}")
        return cls(**values)


def parse_size(raw: object, where: str = "size") -> int:
    """Bytes from ``1048576``, ``"512KiB"``, ``"1MiB"`` or ``"2MB"``."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        value: float = raw
    else:
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", str(raw))
        if not m or m.group(2).lower() not in _SIZE_UNITS:
            raise ConfigError(f"{where}: not a size", hint='give bytes, or a number with KB, KiB, MB or MiB: "1MiB"')
        value = float(m.group(1)) * _SIZE_UNITS[m.group(2).lower()]
    if value < 1:
        raise ConfigError(f"{where}: must be at least 1 byte", hint='e.g. "1MiB"')
    return int(value)


def parse_seconds(raw: object, where: str = "time") -> float:
    """Seconds from ``60``, ``2.5``, ``"90s"`` or ``"2m"``."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        value = float(raw)
    else:
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", str(raw))
        if not m or m.group(2).lower() not in _TIME_UNITS:
            raise ConfigError(f"{where}: not a duration", hint='give seconds, or a number with s or m: "90s"')
        value = float(m.group(1)) * _TIME_UNITS[m.group(2).lower()]
    if not math.isfinite(value) or value <= 0:
        raise ConfigError(f"{where}: must be more than 0 seconds", hint="e.g. 60")
    return value


def _count(minimum: int) -> Any:
    def parse(raw: object, where: str) -> int:
        try:
            value = int(str(raw).strip()) if not isinstance(raw, int) or isinstance(raw, bool) else raw
        except ValueError:
            raise ConfigError(f"{where}: not a whole number", hint=f"give a number, at least {minimum}") from None
        if value < minimum:
            raise ConfigError(f"{where}: must be at least {minimum}", hint=f"give a number, at least {minimum}")
        return value
    return parse


_ORIGIN = re.compile(r"^https?://[^/?#\s*]+$|^\*$")


def parse_origins(raw: object, where: str = "cors_origins") -> tuple[str, ...]:
    """Origins from a list (canon.toml, repeated ``--cors-origin``) or one comma-separated string
    (``CANON_SERVE_CORS_ORIGINS``): each ``scheme://host[:port]`` as a browser sends it in ``Origin``
    (a trailing ``/`` is dropped: an origin has no path), or ``*`` for any origin."""
    items = raw.split(",") if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
        raise ConfigError(f"{where}: not a list of origins", hint='e.g. cors_origins = ["https://portal.example.com"]')
    origins = []
    for item in (i.strip() for i in items if i.strip()):
        origin = item[:-1] if item.endswith("/") and item.count("/") == 3 else item
        if not _ORIGIN.match(origin):
            raise ConfigError(f"{where}: {item!r} is not an origin",
                              hint="write scheme://host[:port] with no path, as a browser sends it: "
                                   "'https://portal.example.com', 'http://localhost:3000'")
        origins.append(origin)
    return tuple(dict.fromkeys(origins))


_PARSERS = {"max_body": parse_size, "timeout": parse_seconds, "workers": _count(1), "queue": _count(0),
            "cors_origins": parse_origins}


# The errors a limit gives. They are CanonErrors, so the API answers them in the one error shape.

class BodyTooLarge(CanonError):
    code = "body_too_large"
    http_status = 413


class ServerBusy(CanonError):
    """Every analysis worker is busy and the queue is full."""

    code = "busy"
    http_status = 503

    def __init__(self, message: str, *, retry_after: int, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.retry_after = retry_after


class ShuttingDown(ServerBusy):
    code = "shutting_down"


class TimeLimitExceeded(CanonError):
    code = "timeout"
    http_status = 504


class ClientGone(CanonError):
    """The client closed the connection; nobody reads the answer (499, as nginx logs it)."""

    code = "client_closed_request"
    http_status = 499


class AnalysisFailed(CanonError):
    """The worker process died (killed from outside, or out of memory) during an analysis."""

    code = "internal_error"
    http_status = 500
