"""Dates as the KB writes them: one check that a written date exists, shared by ingest (which
reports a bad one) and the exports (which must never publish one)."""

from __future__ import annotations

import re
from datetime import date

# ISO 8601 calendar dates at the precisions the KB accepts: YYYY, YYYY-MM, YYYY-MM-DD.
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def real_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the calendar has no such day (2026-02-30, month 13)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def iso_date(text: str) -> str | None:
    """``text`` stripped when it is an ISO 8601 date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) that
    exists, else None."""
    text = text.strip()
    match = ISO_DATE.match(text)
    if not match or real_date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)) is None:
        return None
    return text
