"""The analyses the API runs in its worker processes: one function per analysing route.

Each brings the index up to date first, as the CLI's analysing commands do, so that an audit over
HTTP sees the KB as it is on disk now, then calls the same core function as the CLI. Arguments and
results cross a process boundary: plain data only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from typing import Any

from ingest.pipeline import refresh
from knowledge.aeo import aeo_score, build_export
from knowledge.audit import run_audit, run_check
from knowledge.objections import find_objections
from knowledge.settings import Settings


def warm_up() -> None:
    """Load the query embedder now, so that a new worker's first analysis does not wait for it.
    A model that cannot load is reported by the analysis that needs it, not here."""
    from knowledge.embedding import get_embedder

    try:
        get_embedder("query").embed(["warm up"])
    except Exception:
        pass


@contextlib.contextmanager
def _one_refresh_at_a_time(settings: Settings) -> Iterator[None]:
    # Workers are processes, so the lock is a file lock; the kernel drops it when a worker is
    # killed mid-refresh, and an interrupted ingest leaves the previous index intact (store.py).
    folder = settings.index_path
    try:
        import fcntl
    except ImportError:  # not on POSIX: refreshes may overlap, as two CLI runs may
        yield
        return
    if not folder.is_dir():
        yield
        return
    with open(folder / "refresh.lock", "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _current(settings: Settings) -> None:
    with _one_refresh_at_a_time(settings):
        refresh(settings)


def audit(settings: Settings, today: date, rules: list[str] | None,
          min_confidence: float | None = None) -> dict[str, Any]:
    """``canon audit --format json``: the confidence cut is ``min_confidence``, else canon.toml's, else
    the default (:func:`knowledge.audit.min_confidence`), as the CLI's."""
    from knowledge.audit import as_shown

    _current(settings)
    return as_shown(run_audit(settings, today=today, rules=rules), settings, min_confidence).to_dict()


def check(settings: Settings, drafts: list[tuple[str, str]], today: date, rules: list[str] | None,
          min_confidence: float | None = None) -> dict[str, Any]:
    """``canon check --format json`` of the drafts (path, text), with the same confidence cut as :func:`audit`."""
    from ingest.drafts import parse_draft_text
    from knowledge.audit import as_shown

    _current(settings)
    parsed = [parse_draft_text(text, path) for path, text in drafts]
    return as_shown(run_check(settings, parsed, today=today, rules=rules), settings, min_confidence).to_dict()


def objections(settings: Settings, today: date, min_calls: int) -> dict[str, Any]:
    _current(settings)
    return find_objections(settings, today=today, min_calls=min_calls)


def aeo_file(settings: Settings, today: date, base_url: str | None, path: str) -> bytes:
    _current(settings)
    return build_export(settings, today=today, base_url=base_url).files[path]


def aeo_page(settings: Settings, today: date, base_url: str | None, entry_id: str, fmt: str) -> bytes:
    _current(settings)
    return build_export(settings, today=today, base_url=base_url).page_file(entry_id, fmt)


def score(settings: Settings, today: date, limit: int | None) -> dict[str, Any]:
    _current(settings)
    return aeo_score(settings, today=today, limit=limit)


def finding_verdict(settings: Settings, today: date, fingerprint: str, verdict: str, why: str | None,
                    by: str | None, drafts: list[tuple[str, str]] | None) -> dict[str, Any]:
    from ingest.drafts import parse_draft_text
    from knowledge.finding_verdicts import record_verdict

    _current(settings)
    parsed: list[Any] | None = [parse_draft_text(text, path) for path, text in drafts] if drafts else None
    return record_verdict(settings, fingerprint, verdict, today=today, drafts=parsed, why=why, by=by)
