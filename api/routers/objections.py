from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from api.deps import get_current_settings, get_today
from knowledge.objections import find_objections
from knowledge.settings import Settings

router = APIRouter(tags=["objections"])


@router.get("/objections",
            summary="Objections raised in calls and the entries that answer them (same JSON as "
                    "`canon objections --format json`)")
def get_objections(
    settings: Annotated[Settings, Depends(get_current_settings)],
    today: Annotated[date, Depends(get_today)],
    min_calls: Annotated[int, Query(ge=1, description="Only objections raised in at least this many calls.")] = 1,
) -> dict[str, Any]:
    return find_objections(settings, today=today, min_calls=min_calls)
