from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query

from api.deps import get_settings, get_today
from api.schemas import errors
from knowledge.browse import get_entry, list_entries, list_metrics
from knowledge.model import EntryType, Status
from knowledge.settings import Settings

router = APIRouter(tags=["entries"])


@router.get("/entries", summary="Every entry of the KB, with its type, status and review state")
def get_entries(
    type: EntryType | None = Query(None, description="Only entries of this type."),
    status: Status | None = Query(None, description="Only entries with this status."),
    settings: Settings = Depends(get_settings),
    today: date = Depends(get_today),
) -> dict[str, Any]:
    return list_entries(settings, type=type, status=status, today=today)


@router.get("/entries/{entry_id:path}", summary="One entry: figures, sources, review state, body",
            responses=errors(404))
def get_one(entry_id: str, settings: Settings = Depends(get_settings),
            today: date = Depends(get_today)) -> dict[str, Any]:
    return get_entry(settings, entry_id, today=today)


@router.get("/metrics", summary="Every registered metric, with the status of the entry that registers it")
def get_metrics(status: Status | None = Query(None, description="Only metrics of entries with this status."),
                settings: Settings = Depends(get_settings)) -> dict[str, Any]:
    return list_metrics(settings, status=status)
