from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query
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
    return JSONResponse(search(settings, q, SearchOptions(limit=limit, statuses=statuses, today=today),
                               embedder=get_embedder("serve")))
