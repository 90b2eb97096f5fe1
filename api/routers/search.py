from __future__ import annotations

import logging
import math
import threading
import time
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from api.deps import get_settings, get_today
from api.responses import SearchResponse, ok
from api.schemas import NOT_BLANK
from knowledge.embedding import get_embedder
from knowledge.search import SearchOptions, search
from knowledge.settings import Settings

router = APIRouter(tags=["search"])


# The core's result is plain JSON data already: returned as a JSONResponse it is encoded once,
# without FastAPI validating it against `dict[str, Any]` and walking it with jsonable_encoder (in
# a threadpool hop of its own), about a millisecond per search. The schema is published as is.
@router.get("/search", summary="The entries that answer a question (same JSON as `canon ask --format json`)",
            response_model=None, responses=ok(SearchResponse, "The entries that answer, best first."))
def get_search(
    request: Request,
    q: str = Query(..., min_length=1, max_length=2000, json_schema_extra={"pattern": NOT_BLANK},  # blank: the core says why
                   description="The question, in your own words."),
    limit: int = Query(5, ge=1, le=100),
    approved_only: bool = Query(False, description="Leave out draft and retired entries."),
    settings: Settings = Depends(get_settings),
    today: date = Depends(get_today),
) -> JSONResponse:
    # Same default as `canon ask` (draft and retired entries included, marked): one JSON for one
    # request; reader-facing portals pass approved_only=true.
    statuses = ("approved",) if approved_only else ("approved", "draft", "retired")
    # A server answers many queries: the embedder for that (ONNX Runtime where installed), not the
    # one that starts fastest in a one-off `canon ask`.
    result = search(settings, q, SearchOptions(limit=limit, statuses=statuses, today=today),
                    embedder=get_embedder("serve"))
    return JSONResponse(_flag_stale_index(request, result))


# Why the index no longer matches the KB, by the diagnosis's problem codes (those that make it
# not up to date); a KB with no readable index at all gets the last line.
STALE_REASONS = {
    "out-of-date": "the KB's files changed since the index was built, so figures may be old",
    "interrupted-write": "an ingest stopped before it finished, so the index may lack some changes",
    "old-chunker": "the index was built by another version of canon",
    "old-layout": "the index was written by an earlier version of canon",
    "settings-changed": "canon.toml's [calls] settings changed since the calls were read, so who is a rep may be old",
}
UNCHECKED = "the index could not be checked against the KB's files"
STALE_FIX = ("run `canon ingest` (or any of audit, check, objections, which bring it up to date); "
             "GET /v1/health says what changed")
log = logging.getLogger("uvicorn.error")


def stale_hint(codes: list[str]) -> str:
    """The search's hint for an index that is not up to date, built from the diagnosis's codes."""
    reasons = [STALE_REASONS[c] for c in codes if c in STALE_REASONS] or [UNCHECKED]
    return "; ".join(reasons) + ": " + STALE_FIX


class IndexCheck:
    """Whether the index still agrees with the KB's files, for the searches of one server.

    It asks the health probe's last diagnosis, reused while a stat of the KB's files, the catalog
    and the write lock shows no change (no age limit: a search asks only whether files changed; a
    change runs the diagnosis once). That stat walk costs a few milliseconds per 2,000 entries,
    a third of a warm search, so it runs at most once every ``every`` seconds and never makes a
    search wait: while another search or a health probe holds it, a search takes the last answer.
    So does a search whose check fails (a SQLite error during an ingest): the error is logged, the
    search still answers. The index is never refreshed here."""

    def __init__(self, health: Any, every: float = 1.0) -> None:
        self.health = health
        self.every = every
        self._lock = threading.Lock()
        self._hint: str | None = None
        self._asked = -math.inf

    def hint(self) -> str | None:
        """None while the index is up to date, else why not and what to run."""
        if time.monotonic() - self._asked < self.every or not self._lock.acquire(blocking=False):
            return self._hint
        try:
            got = self.health.try_get(max_age=math.inf)
            if got is not None:
                diagnosis = got[0]
                self._hint = None if diagnosis.up_to_date else stale_hint([p.code for p in diagnosis.problems])
                self._asked = time.monotonic()
        except Exception:  # a failed check must not fail a search that has its answer already
            log.exception("the search could not check the index against the KB's files")
            self._asked = time.monotonic()  # not again before ``every`` has passed
        finally:
            self._lock.release()
        return self._hint


def _flag_stale_index(request: Request, result: dict[str, Any]) -> dict[str, Any]:
    """``index_current: false`` and a hint when the files no longer match the index; an up-to-date
    index adds nothing, so that the JSON stays that of `canon ask`."""
    hint = request.app.state.index_check.hint()
    if hint is None:
        return result
    return {**result, "index_current": False, "hint": hint}
