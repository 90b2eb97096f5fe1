from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from api import jobs
from api.deps import analyse, get_settings, get_today
from knowledge.settings import Settings

router = APIRouter(tags=["objections"])


@router.get("/objections",
            summary="Objections raised in calls and the entries that answer them (same JSON as "
                    "`canon objections --format json`)")
async def get_objections(
    request: Request,
    settings: Annotated[Settings, Depends(get_settings)],
    today: Annotated[date, Depends(get_today)],
    min_calls: Annotated[int, Query(ge=1, description="Only objections raised in at least this many calls.")] = 1,
) -> dict[str, Any]:
    result: dict[str, Any] = await analyse(request, jobs.objections, settings=settings, today=today,
                                           min_calls=min_calls)
    return result
