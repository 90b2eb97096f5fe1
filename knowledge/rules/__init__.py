"""The rules of ``canon audit`` and ``canon check``: one module per rule, registered here.

To add a rule: write ``knowledge/rules/<name>.py`` with a ``Rule`` subclass (see ``base.py``),
add one import and one instance below, and put its test cases under ``tests/data/rules/<id>/``.
"""

from __future__ import annotations

from .base import AuditContext, Draft, Rule
from .broken_reference import BrokenReference
from .duplicate_entry import DuplicateEntry
from .invalid_entry import InvalidCall, InvalidDraft, InvalidEntry
from .metric_conflict import MetricConflict
from .missing_owner import MissingOwner
from .objection_gap import ObjectionGap
from .rep_misstatement import RepMisstatement
from .retired_claim import RetiredClaim
from .source_conflict import SourceConflict
from .stale_claim import StaleClaim
from .unsourced_claim import UnsourcedClaim
from .unsupported_claim import UnsupportedClaim

ALL_RULES: list[Rule] = [
    InvalidEntry(),
    InvalidCall(),
    InvalidDraft(),
    BrokenReference(),
    MissingOwner(),
    DuplicateEntry(),
    ObjectionGap(),
    MetricConflict(),
    SourceConflict(),
    StaleClaim(),
    UnsourcedClaim(),
    UnsupportedClaim(),
    RetiredClaim(),
    RepMisstatement(),
]


def rules_by_id() -> dict[str, Rule]:
    return {r.id: r for r in ALL_RULES}


__all__ = ["ALL_RULES", "AuditContext", "Draft", "Rule", "rules_by_id"]
