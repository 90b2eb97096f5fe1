"""Dependencies shared by the routers."""

from __future__ import annotations

import threading
from datetime import date

from fastapi import Query, Request

from knowledge.errors import UsageError
from knowledge.settings import Settings


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


_refreshing = threading.Lock()


def get_current_settings(request: Request) -> Settings:
    """Settings, after bringing the index up to date as the CLI's analysing commands do: an audit
    over HTTP sees the KB as it is on disk now. One refresh at a time per server."""
    settings: Settings = request.app.state.settings
    from ingest.pipeline import refresh

    with _refreshing:
        refresh(settings)
    return settings


def get_today(today: str | None = Query(None, description="Evaluate dates as of this day (YYYY-MM-DD).")) -> date:
    if today is None:
        return date.today()
    try:
        return date.fromisoformat(today)
    except ValueError:
        raise UsageError(f"today={today!r} is not a date; use YYYY-MM-DD") from None
