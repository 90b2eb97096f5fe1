"""Dependencies shared by the routers."""

from __future__ import annotations

from datetime import date

from fastapi import Query, Request

from knowledge.errors import UsageError
from knowledge.settings import Settings


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_today(today: str | None = Query(None, description="Evaluate dates as of this day (YYYY-MM-DD).")) -> date:
    if today is None:
        return date.today()
    try:
        return date.fromisoformat(today)
    except ValueError:
        raise UsageError(f"today={today!r} is not a date; use YYYY-MM-DD") from None
