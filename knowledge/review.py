"""Review state of an entry: when it is due, whether it is overdue or expired."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .durations import parse_duration
from .model import Entry


@dataclass
class ReviewState:
    state: str  # "current" | "overdue" | "expired" | "unreviewed"
    reviewed: date | None
    due: date | None
    expires: date | None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "state": self.state,
            "reviewed": self.reviewed.isoformat() if self.reviewed else None,
            "due": self.due.isoformat() if self.due else None,
            "expires": self.expires.isoformat() if self.expires else None,
        }


def review_state(entry: Entry, today: date, default_every: str = "90d") -> ReviewState:
    every = entry.review_every or default_every
    try:
        interval = parse_duration(every)
    except ValueError:
        interval = parse_duration(default_every)
    due = interval.after(entry.reviewed) if entry.reviewed else None
    if entry.expires and entry.expires < today:
        state = "expired"
    elif due and due < today:
        state = "overdue"
    elif entry.reviewed is None:
        state = "unreviewed"
    else:
        state = "current"
    return ReviewState(state=state, reviewed=entry.reviewed, due=due, expires=entry.expires)
