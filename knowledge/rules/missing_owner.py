"""``missing-owner``: an approved typed entry that nobody answers for."""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.model import Finding

from .base import AuditContext, Rule


class MissingOwner(Rule):
    """An approved typed entry (message, proof point, case study, objection, answer) has no owner.

    Anti-pattern (nobody is asked when the figure has to be verified again)::

        ---
        type: proof_point
        status: approved
        metrics: [...]
        ---

    Fix: name the person who answers for it, by name or e-mail::

        ---
        type: proof_point
        owner: dana.whitfield@northwind.example
        ---

    Articles (files with no ``type``) and draft or retired entries are exempt.
    """

    id = "missing-owner"
    default_severity = "warning"

    def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
        for entry in ctx.approved_entries:
            if entry.type == "article" or (entry.owner or "").strip():
                continue
            yield self.finding(
                path=entry.path, line=entry.line_of("type"), entry=entry.id, fingerprint="owner",
                message=f"approved {entry.type.replace('_', ' ')} has no owner; add owner: (a name or "
                "e-mail) so that someone verifies it",
            )
