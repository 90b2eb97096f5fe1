"""``invalid-entry`` and ``invalid-call``: files canon could not read, as findings.

The parsers in ``ingest`` locate these problems when they read a file (the YAML error's line, the
key that breaks the schema) and the index keeps them. These rules only pass them on, so that they
are suppressed, fingerprinted, baselined and rendered like every other finding.
"""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.model import Finding

from .base import AuditContext, Rule


class InvalidEntry(Rule):
    """Front matter that cannot be read or breaks the KB schema.

    Anti-pattern (an unquoted colon makes the YAML unreadable, and the entry drops out of every
    other check)::

        ---
        title: Woodgrove: 40% faster close
        status: aproved
        ---

    Fix: quote values that hold a colon, and use the values the schema allows
    (``status: approved | draft | retired``, dates as ``YYYY-MM-DD``)::

        ---
        title: "Woodgrove: 40% faster close"
        status: approved
        ---

    Two entries with the same ``id`` are reported here too: the first (by path) keeps the id.
    """

    id = "invalid-entry"
    default_severity = "error"

    def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
        for problem in ctx.kb.problems:
            if problem.rule == self.id:
                yield problem


class InvalidCall(Rule):
    """A call transcript that cannot be read.

    Anti-pattern: a ``.json`` call that is not valid JSON, or matches none of the accepted shapes;
    a ``.vtt`` file without the ``WEBVTT`` header. The call is left out of objection mining and of
    the check of what reps quote.

    Fix: export the call again in one of the formats of SPEC section 2, or move the file out of
    the calls folder.
    """

    id = "invalid-call"
    default_severity = "error"

    def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
        for problem in ctx.call_problems:
            if problem.rule == self.id:
                yield problem
