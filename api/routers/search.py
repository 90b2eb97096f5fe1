from __future__ import annotations

import math
import threading
import time
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from api.deps import get_settings, get_today
from knowledge.embedding import get_embedder
from knowledge.search import SearchOptions, search
from knowledge.settings import Settings

# A question with something in it besides whitespace, as Python's str.strip() sees whitespace (the
# core strips the question): JSON Schema's \s is ECMAScript's, which leaves out U+001C-U+001F and
# U+0085 and counts U+FEFF.
NOT_BLANK = "[^\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"

router = APIRouter(tags=["search"])


# The core's result is plain JSON data already: returned as a JSONResponse it is encoded once,
# without FastAPI validating it against `dict[str, Any]` and walking it with jsonable_encoder (in
# a threadpool hop of its own), about a millisecond per search. response_model keeps the schema.
@router.get("/search", summary="The entries that answer a question (same JSON as `canon ask --format json`)",
            response_model=dict[str, Any])
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


STALE_HINT = ("the KB's files changed since the index was built, so figures may be old: run `canon ingest` "
              "(or any of audit, check, objections, which bring it up to date); GET /v1/health says what changed")


class IndexCheck:
    """Whether the index still agrees with the KB's files, for the searches of one server.

    It asks the health probe's last diagnosis, reused while a stat of the KB's files, the catalog
    and the write lock shows no change (no age limit: a search asks only whether files changed; a
    change runs the diagnosis once). That stat walk costs a few milliseconds per 2,000 entries,
    a third of a warm search, so it runs at most once every ``every`` seconds and never makes a
    concurrent search wait: the others take the last answer. The index is never refreshed here."""

    def __init__(self, health: Any, every: float = 1.0) -> None:
        self.health = health
        self.every = every
        self._lock = threading.Lock()
        self._current = True
        self._asked = -math.inf

    def current(self) -> bool:
        if time.monotonic() - self._asked < self.every or not self._lock.acquire(blocking=False):
            return self._current
        try:
            diagnosis, _, _ = self.health.get(max_age=math.inf)
            self._current, self._asked = diagnosis.up_to_date, time.monotonic()
        finally:
            self._lock.release()
        return self._current


def _flag_stale_index(request: Request, result: dict[str, Any]) -> dict[str, Any]:
    """``index_current: false`` and a hint when the files no longer match the index; an up-to-date
    index adds nothing, so that the JSON stays that of `canon ask`."""
    if request.app.state.index_check.current():
        return result
    return {**result, "index_current": False, "hint": STALE_HINT}
