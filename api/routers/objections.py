from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

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
def get_verdicts(settings: Annotated[Settings, Depends(get_current_settings)]) -> dict[str, Any]:
    from knowledge.objections.verdicts import VERDICTS_FILE, load_verdicts

    verdicts = load_verdicts(settings.root)
    return {"path": VERDICTS_FILE.as_posix(), "verdicts": [v.to_dict() for v in verdicts]}


@router.post("/objections/verdicts", status_code=201,
             summary="Record a verdict: a mention right or wrong, its objection, a theme renamed or merged")
def post_verdict(body: VerdictIn, settings: Annotated[Settings, Depends(get_current_settings)],
                 today: Annotated[date, Depends(get_today)]) -> dict[str, Any]:
    from knowledge.objections.verdicts import Verdict, add_verdict

    return add_verdict(settings.root, Verdict(**body.model_dump()), today=today)
