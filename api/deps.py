"""Dependencies shared by the routers."""

from __future__ import annotations

import re
import threading
from datetime import date
from typing import Annotated, Any

from fastapi import Query, Request
from pydantic import BeforeValidator
from pydantic.json_schema import SkipJsonSchema

from knowledge.settings import Settings

from .pool import AnalysisPool


# The dependencies that only read are coroutines: FastAPI runs a plain function dependency in a
# threadpool hop of its own (a fraction of a millisecond each, per request).
async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


_refreshing = threading.Lock()


def get_current_settings(request: Request) -> Settings:
    """Settings, after bringing the index up to date in this process. The analysing routes do not
    use it: they run in the worker pool (``analyse``), where the refresh can be stopped too."""
    settings: Settings = request.app.state.settings
    from ingest.pipeline import refresh

    with _refreshing:
        refresh(settings)
    return settings


# YYYY-MM-DD only (pydantic alone would read "0" as 1970-01-01), in years where date arithmetic
# with review intervals and source ages cannot leave the calendar (year 1 minus 24 months fails).
_ISO_DAY = "^[1-8][0-9]{3}-[0-9]{2}-[0-9]{2}$"


def _iso_day(value: object) -> object:
    if isinstance(value, str) and not re.fullmatch(_ISO_DAY, value):
        raise ValueError("is not a date; write YYYY-MM-DD (a year from 1000 to 8999)")
    return value


IsoDay = Annotated[date, BeforeValidator(_iso_day)]


async def get_today(today: Annotated[IsoDay | SkipJsonSchema[None],
                               Query(description="Evaluate dates as of this day (YYYY-MM-DD); default: today.",
                                     json_schema_extra={"pattern": _ISO_DAY})]
              = None) -> date:
    return today or date.today()


async def analyse(request: Request, job: Any, /, **kwargs: Any) -> Any:
    """``job(**kwargs)`` (a function of ``api.jobs``) in the server's pool of analysis workers,
    within its limits: 503 when the pool and its queue are full, 504 past the time limit, and
    stopped when the client disconnects."""
    pool: AnalysisPool = request.app.state.pool
    return await pool.run(request, job, **kwargs)
