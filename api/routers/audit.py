from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from api import jobs
from api.deps import analyse, get_settings, get_today
from api.responses import FindingsResponse, FindingVerdictRecorded, FindingVerdicts, ok
from api.schemas import NOT_BLANK, RuleId, errors
from knowledge.settings import Settings

router = APIRouter(tags=["audit"])
MIN_CONFIDENCE_DOC = ("Leave out figure findings whose confidence is below this (0 to 1), as `--min-confidence`. "
                      "Default: [rules] min_confidence in canon.toml, else 0 (nothing left out); when a cut "
                      "applies, the summary gives it (min_confidence) and the count it left out (below_confidence).")


def _not_blank(text: str) -> str:
    """A draft with words in it: an empty one (a form sent before it was filled) is a 400, as an
    empty question is, not a check of nothing that passes."""
    if not text.strip():
        raise ValueError("is empty: there is nothing to check; send the draft's text")
    return text


DraftText = Annotated[str, AfterValidator(_not_blank),
                      Field(description="The draft, Markdown or plain text (not empty).",
                            json_schema_extra={"minLength": 1, "pattern": NOT_BLANK})]


class DraftIn(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt field is refused, not ignored

    path: str = Field("draft.md", description="The name findings point at (not read from disk).")
    text: DraftText


class CheckRequest(BaseModel):
    """One draft (``text`` and ``path``) or several (``drafts``)."""

    # The schema says "exactly one of text and drafts", as the validator below does; null is
    # accepted for either but left out of the schema, which has no need to offer it.
    model_config = ConfigDict(extra="forbid", json_schema_extra={"oneOf": [{"required": ["text"]}, {"required": ["drafts"]}]})

    text: DraftText | SkipJsonSchema[None] = None
    path: str = Field("draft.md", description="The name findings point at (not read from disk).")
    drafts: Annotated[list[DraftIn], Field(min_length=1)] | SkipJsonSchema[None] = Field(
        None, description="Several drafts at once, instead of text/path.")
    rules: list[RuleId] | SkipJsonSchema[None] = Field(None, description="Run only these rules.")
    min_confidence: Annotated[float, Field(ge=0.0, le=1.0, strict=True)] | SkipJsonSchema[None] = Field(
        None, description=MIN_CONFIDENCE_DOC)

    @model_validator(mode="before")
    @classmethod
    def no_nulls(cls, data: Any) -> Any:
        # Leave a field out rather than send null: the schema offers no null, and an explicit
        # null text next to drafts would otherwise read as one shape.
        if isinstance(data, dict):
            for key, value in data.items():
                if value is None and key in cls.model_fields:
                    raise ValueError(f"{key} is null; leave it out instead")
        return data

    @model_validator(mode="after")
    def one_shape(self) -> CheckRequest:
        if (self.text is None) == (self.drafts is None):
            raise ValueError("give either text (and path) or drafts")
        return self

    def items(self) -> list[DraftIn]:
        return self.drafts if self.drafts is not None else [DraftIn(path=self.path, text=self.text or "")]


FINDINGS = ok(FindingsResponse, "The findings (SPEC section 5).")


@router.get("/audit", summary="Check the KB and its calls (same JSON as `canon audit --format json`)",
            response_model=None, responses=FINDINGS)
async def get_audit(
    request: Request,
    settings: Annotated[Settings, Depends(get_settings)],
    today: Annotated[date, Depends(get_today)],
    rule: Annotated[list[RuleId] | SkipJsonSchema[None], Query(description="Run only this rule; repeat for several.")] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description=MIN_CONFIDENCE_DOC)] = None,
) -> dict[str, Any]:
    result: dict[str, Any] = await analyse(request, jobs.audit, settings=settings, today=today, rules=rule,
                                           min_confidence=min_confidence)
    return result


@router.post("/check", summary="Check drafts against the KB (same JSON as `canon check --format json`)",
             response_model=None, responses={**FINDINGS, **errors(413)})
async def post_check(
    request: Request,
    body: CheckRequest,
    settings: Annotated[Settings, Depends(get_settings)],
    today: Annotated[date, Depends(get_today)],
) -> dict[str, Any]:
    drafts = [(d.path, d.text) for d in body.items()]
    result: dict[str, Any] = await analyse(request, jobs.check, settings=settings, drafts=drafts, today=today,
                                           rules=body.rules, min_confidence=body.min_confidence)
    return result


class FindingVerdictIn(BaseModel):
    """A reviewer's verdict on one finding of the audit (or, with ``drafts``, of the check of those drafts)."""

    model_config = ConfigDict(extra="forbid")

    fingerprint: str = Field(..., min_length=1, description="The finding's fingerprint, or its first 8 characters or more.")
    verdict: Literal["right", "wrong"] = Field(..., description="wrong: a false alarm; right: a true finding.")
    why: str | None = Field(None, description="Why, in words, for the people who review the file.")
    by: str | None = Field(None, description="Who gives the verdict.")
    drafts: Annotated[list[DraftIn], Field(min_length=1)] | SkipJsonSchema[None] = Field(
        None, description="For a finding of a check: the drafts it was checked with.")


@router.get("/audit/verdicts", response_model=None,
            responses={**ok(FindingVerdicts, "Every verdict, as the file holds them."), **errors(400)},
            summary="Reviewers' verdicts on findings (the KB's verdicts/findings.yaml)")
def get_finding_verdicts(settings: Annotated[Settings, Depends(get_settings)]) -> dict[str, Any]:
    from knowledge.finding_verdicts import VERDICTS_FILE, load_verdicts

    return {"path": VERDICTS_FILE.as_posix(), "verdicts": [v.to_dict() for v in load_verdicts(settings.root)]}


@router.post("/audit/verdicts", status_code=201, response_model=None,
             responses={**ok(FindingVerdictRecorded, "The verdict as recorded.", 201), **errors(400, 404, 413), 404: {**errors(404)[404], "description": "No finding has this fingerprint."}},
             summary="Record a verdict on a finding (same JSON as `canon audit verdict --format json`)")
async def post_finding_verdict(
    request: Request,
    body: FindingVerdictIn,
    settings: Annotated[Settings, Depends(get_settings)],
    today: Annotated[date, Depends(get_today)],
) -> dict[str, Any]:
    drafts = [(d.path, d.text) for d in body.drafts] if body.drafts else None
    result: dict[str, Any] = await analyse(request, jobs.finding_verdict, settings=settings, today=today,
                                           fingerprint=body.fingerprint, verdict=body.verdict, why=body.why,
                                           by=body.by, drafts=drafts)
    return result
