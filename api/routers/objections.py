from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Query, Request
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from api import jobs
from api.deps import analyse, get_settings, get_today
from api.responses import ObjectionsResponse, ObjectionVerdictRecorded, ObjectionVerdicts, ok
from api.schemas import errors
from knowledge.settings import Settings

router = APIRouter(tags=["objections"])


@router.get("/objections",
            summary="Objections raised in calls and the entries that answer them (same JSON as "
                    "`canon objections --format json`)",
            response_model=None, responses=ok(ObjectionsResponse, "The objections (SPEC section 6)."))
async def get_objections(
    request: Request,
    settings: Annotated[Settings, Depends(get_settings)],
    today: Annotated[date, Depends(get_today)],
    min_calls: Annotated[int, Query(ge=1, description="Only objections raised in at least this many calls.")] = 1,
) -> dict[str, Any]:
    result: dict[str, Any] = await analyse(request, jobs.objections, settings=settings, today=today,
                                           min_calls=min_calls)
    return result


Named = Annotated[str, Field(min_length=1)]


def _a_number(value: object) -> object:
    """A line is a JSON number (3, or 3.0 as JSON Schema allows): true and "3" are not lines, though
    pydantic's lax integers would take them."""
    if isinstance(value, (bool, str)):
        raise ValueError("is not a line number; write a JSON number such as 3")
    return value


class _Verdict(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt field is refused, not ignored

    verdict: Literal["right", "wrong"] = "right"
    by: str | None = None


class MentionAtLine(_Verdict):
    """A mention (the sentence a prospect said) judged right or wrong, found by its call and line."""

    kind: Literal["mention"]
    call: Named
    line: Annotated[int, BeforeValidator(_a_number)] = Field(ge=1)
    text: str | None = None


class MentionByText(_Verdict):
    """A mention judged right or wrong, found by its call and its words."""

    kind: Literal["mention"]
    call: Named
    text: Named
    line: Annotated[int | None, BeforeValidator(_a_number)] = Field(default=None, ge=1)


class AssignmentAtLine(MentionAtLine):
    """The objection a mention belongs to (an id, or a theme's label): right, or wrong."""

    kind: Literal["assignment"]  # type: ignore[assignment]
    objection: Named


class AssignmentByText(MentionByText):
    kind: Literal["assignment"]  # type: ignore[assignment]
    objection: Named


class Rename(_Verdict):
    """A mined theme's new label."""

    kind: Literal["rename"]
    theme: Named
    label: Named


class Merge(_Verdict):
    """A mined theme merged into an objection or another theme."""

    kind: Literal["merge"]
    theme: Named
    into: Named


# A verdict in one of its shapes (see ``canon objections verdict --help``); the schema requires
# what each kind needs, as the core does.
VerdictIn = MentionAtLine | MentionByText | AssignmentAtLine | AssignmentByText | Rename | Merge


@router.get("/objections/verdicts", response_model=None,
            responses={**ok(ObjectionVerdicts, "Every verdict, as the file holds them."), **errors(400)}, summary="Reviewers' verdicts on objections (the KB's verdicts/objections.yaml)")
def get_verdicts(settings: Annotated[Settings, Depends(get_settings)]) -> dict[str, Any]:
    from knowledge.objections.verdicts import VERDICTS_FILE, load_verdicts

    verdicts = load_verdicts(settings.root)
    return {"path": VERDICTS_FILE.as_posix(), "verdicts": [v.to_dict() for v in verdicts]}


@router.post("/objections/verdicts", status_code=201, response_model=None,
             responses={**ok(ObjectionVerdictRecorded, "The verdict as recorded.", 201), **errors(400, 404)},
             summary="Record a verdict: a mention right or wrong, its objection, a theme renamed or merged")
def post_verdict(body: Annotated[VerdictIn, Body()], settings: Annotated[Settings, Depends(get_settings)],
                 today: Annotated[date, Depends(get_today)]) -> dict[str, Any]:
    from knowledge.objections.verdicts import Verdict, record_verdict

    return record_verdict(settings, Verdict(**body.model_dump()), today=today)
