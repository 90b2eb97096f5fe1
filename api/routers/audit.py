from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field, model_validator

from api.deps import get_current_settings, get_today
from knowledge.audit import run_audit, run_check
from knowledge.settings import Settings

router = APIRouter(tags=["audit"])


class DraftIn(BaseModel):
    path: str = Field("draft.md", description="The name findings point at (not read from disk).")
    text: str = Field(..., description="The draft, Markdown or plain text.")


class CheckRequest(BaseModel):
    """One draft (``text`` and ``path``) or several (``drafts``)."""

    text: str | None = Field(None, description="The draft, Markdown or plain text.")
    path: str = Field("draft.md", description="The name findings point at (not read from disk).")
    drafts: list[DraftIn] | None = Field(None, description="Several drafts at once, instead of text/path.")
    rules: list[str] | None = Field(None, description="Run only these rules.")

    @model_validator(mode="after")
    def one_shape(self) -> CheckRequest:
        if (self.text is None) == (self.drafts is None):
            raise ValueError("give either text (and path) or drafts")
        return self

    def items(self) -> list[DraftIn]:
        return self.drafts if self.drafts is not None else [DraftIn(path=self.path, text=self.text or "")]


@router.get("/audit", summary="Check the KB and its calls (same JSON as `canon audit --format json`)")
def get_audit(
    settings: Annotated[Settings, Depends(get_current_settings)],
    today: Annotated[date, Depends(get_today)],
    rule: Annotated[list[str] | None, Query(description="Run only this rule; repeat for several.")] = None,
) -> dict[str, Any]:
    return run_audit(settings, today=today, rules=rule).to_dict()


@router.post("/check", summary="Check drafts against the KB (same JSON as `canon check --format json`)")
def post_check(
    body: CheckRequest,
    settings: Annotated[Settings, Depends(get_current_settings)],
    today: Annotated[date, Depends(get_today)],
) -> dict[str, Any]:
    from ingest.drafts import parse_draft_text

    drafts = [parse_draft_text(d.text, d.path) for d in body.items()]
    return run_check(settings, drafts, today=today, rules=body.rules).to_dict()
