"""``invalid-entry``, ``invalid-call`` and ``invalid-draft``: what canon could not read, as findings.

The parsers in ``ingest`` locate these problems when they read a file (the YAML error's line, the
key that breaks the schema, the part of a draft left unchecked) and the index keeps them. These
rules only pass them on, so that they are suppressed, fingerprinted, baselined, rendered and given
a severity by canon.toml's ``[rules]`` table like every other finding.
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


class InvalidDraft(Rule):
    """A part of a draft that canon left unchecked: a line or block over canon's limits, or the
    numbers after the 5,000th.

    Anti-pattern: a minified page or a pasted data dump in a draft; the part over the limit is
    never compared with the KB, so a wrong figure there would pass.

    Fix: split the line or block as the message says. An unchecked part fails ``canon check`` by
    default; a team that accepts them sets ``invalid-draft = "warning"`` in canon.toml's ``[rules]``,
    or accepts known ones with a baseline.
    """

    id = "invalid-draft"
    default_severity = "error"
    # No check of its own: ``ingest.drafts`` reports these while it reads a draft, already at their
    # places in the file, and ``knowledge.audit.check`` passes them on with the draft.
