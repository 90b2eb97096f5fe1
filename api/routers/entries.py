from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from api.deps import get_settings, get_today
from api.responses import EntriesResponse, EntryResponse, MetricsResponse, ok
from api.schemas import errors
from knowledge.browse import get_entry, list_entries, list_metrics
from knowledge.model import EntryType, Status
from knowledge.settings import Settings

router = APIRouter(tags=["entries"])


Offset = Annotated[int, Query(ge=0, description="Leave out the first N (after the filters); with limit, a page.")]
Limit = Annotated[int | None, Query(ge=1, description="At most N; default: all. `total` counts them all.")]


def page(body: dict[str, Any], key: str, offset: int, limit: int | None) -> dict[str, Any]:
    """``body`` with its list ``key`` cut to ``[offset:offset + limit]``, and ``total``, ``offset``
    and ``limit`` added, so that a client pages through a long KB and knows when it has all."""
    items = body[key]
    end = None if limit is None else offset + limit
    return {**body, key: items[offset:end], "total": len(items), "offset": offset, "limit": limit}


@router.get("/entries", summary="Every entry of the KB, with its type, status and review state",
            response_model=None, responses=ok(EntriesResponse, "The entries, by path; a page of them with offset and limit."))
def get_entries(
    type: EntryType | None = Query(None, description="Only entries of this type."),
    status: Status | None = Query(None, description="Only entries with this status."),
    offset: Offset = 0,
    limit: Limit = None,
    settings: Settings = Depends(get_settings),
    today: date = Depends(get_today),
) -> dict[str, Any]:
    return page(list_entries(settings, type=type, status=status, today=today), "entries", offset, limit)


@router.get("/entries/{entry_id:path}", summary="One entry: figures, sources, review state, body",
            response_model=None, responses={**ok(EntryResponse, "The entry."), **errors(404)})
def get_one(entry_id: str, settings: Settings = Depends(get_settings),
            today: date = Depends(get_today)) -> dict[str, Any]:
    return get_entry(settings, entry_id, today=today)


@router.get("/metrics", summary="Every registered metric, with the status of the entry that registers it",
            response_model=None, responses=ok(MetricsResponse, "The metrics, by id; a page of them with offset and limit."))
def get_metrics(status: Status | None = Query(None, description="Only metrics of entries with this status."),
                offset: Offset = 0, limit: Limit = None,
                settings: Settings = Depends(get_settings)) -> dict[str, Any]:
    return page(list_metrics(settings, status=status), "metrics", offset, limit)
