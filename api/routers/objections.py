from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

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


class VerdictIn(BaseModel):
    """A reviewer's verdict (see ``canon objections verdict --help``)."""

    kind: Literal["mention", "assignment", "rename", "merge"]
    verdict: Literal["right", "wrong"] = "right"
    call: str | None = None
    line: int | None = Field(default=None, ge=1)
    text: str | None = None
    objection: str | None = None
    theme: str | None = None
    label: str | None = None
    into: str | None = None
    by: str | None = None


@router.get("/objections/verdicts", summary="Reviewers' verdicts on objections (the KB's verdicts/objections.yaml)")
def get_verdicts(settings: Annotated[Settings, Depends(get_settings)]) -> dict[str, Any]:
    from knowledge.objections.verdicts import VERDICTS_FILE, load_verdicts

    verdicts = load_verdicts(settings.root)
    return {"path": VERDICTS_FILE.as_posix(), "verdicts": [v.to_dict() for v in verdicts]}


@router.post("/objections/verdicts", status_code=201,
             summary="Record a verdict: a mention right or wrong, its objection, a theme renamed or merged")
def post_verdict(body: VerdictIn, settings: Annotated[Settings, Depends(get_settings)],
                 today: Annotated[date, Depends(get_today)]) -> dict[str, Any]:
    from knowledge.objections.verdicts import Verdict, add_verdict

    return add_verdict(settings.root, Verdict(**body.model_dump()), today=today)
