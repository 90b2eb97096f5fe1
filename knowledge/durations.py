"""Durations such as ``30d``, ``12w``, ``6m``, ``1y``, counted in calendar units."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_RE = re.compile(r"^\s*(\d+)\s*(d|w|m|y)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: str  # d, w, m, y

    def add_to(self, day: date, sign: int = 1) -> date:
        n = sign * self.amount
        if self.unit == "d":
            return day + timedelta(days=n)
        if self.unit == "w":
            return day + timedelta(weeks=n)
        months = n if self.unit == "m" else 12 * n
        return add_months(day, months)

    def before(self, day: date) -> date:
        return self.add_to(day, -1)

    def after(self, day: date) -> date:
        return self.add_to(day, 1)

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"


def add_months(day: date, months: int) -> date:
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_duration(text: str | int) -> Duration:
    """``"90d"`` -> Duration(90, "d"). A bare number means days."""
    if isinstance(text, int) and not isinstance(text, bool):
        return Duration(text, "d")
    m = _RE.match(str(text))
    if not m:
        raise ValueError(f"{text!r} is not a duration such as 30d, 12w, 6m or 1y")
    return Duration(int(m.group(1)), m.group(2).lower())
