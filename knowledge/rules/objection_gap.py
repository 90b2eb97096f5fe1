"""``objection-gap``: prospects raise an objection that no approved entry answers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from knowledge.model import Finding

from .base import AuditContext, Rule

if TYPE_CHECKING:
    from pathlib import Path

    from knowledge.objections import Analysis, Objection


class ObjectionGap(Rule):
    """Prospects raise an objection in calls, and no approved entry answers it.

    Anti-pattern: three prospects said "we can't commit to a year with a vendor we haven't used",
    the KB has an ``objection`` entry for it, and its only answer is still ``status: draft``; or
    prospects keep asking where their data is hosted and the KB says nothing about it at all.
    Reps improvise, and every call gets a different answer.

    Fix: write (or approve) an ``answer`` entry that names the objection in ``answers:``::

        ---
        type: answer
        title: Answering "we won't sign an annual contract"
        answers: [objections/contract-terms]
        ---

    For a mined theme (``theme/...``, no objection entry yet), add an ``objection`` entry with
    the prospects' phrasings in ``examples:`` and an approved answer for it.

    One finding per uncovered objection or theme, ranked by the number of calls raising it. It
    points at the objection entry, or for a theme at the sentence its label comes from (in its most
    central mention: "This is my main worry. ... they just won't sign up for a supplier portal."
    points at the second); ``related`` lists the calls that raise it. Coverage "by close meaning" counts too: an approved
    answer, proof point, case study or message close to what prospects said covers the objection.
    """

    id = "objection-gap"
    default_severity = "warning"

    def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
        if not ctx.calls:
            return
        from knowledge.objections import analyze_context

        analysis = analyze_context(ctx)
        for obj in analysis.objections:
            if obj.covered or not obj.mentions:
                continue
            yield self._finding(obj)

    def _finding(self, obj: Objection) -> Finding:
        calls = obj.calls
        first_line: dict[str, int] = {}
        for m in sorted(obj.mentions, key=lambda m: (m.call, m.line)):
            first_line.setdefault(m.call, m.line)
        related = [{"path": c, "line": first_line[c]} for c in sorted(calls, key=lambda c: (c != obj.mentions[0].call, c))]
        n_calls = len(calls)
        raised = f"raised in {n_calls} call{'s' if n_calls != 1 else ''} ({len(obj.mentions)} mention{'s' if len(obj.mentions) != 1 else ''})"
        if obj.entry is not None:
            entry = obj.entry
            pending = ", ".join(f"{p['entry']} is {p['status']}" for p in obj.pending)
            fix = (f"approve the answer ({pending}) or write one" if pending
                   else f"write an approved answer with answers: [{entry.id}]")
            return self.finding(
                path=entry.path, line=entry.line_of("title", entry.line_of("type", 1)), entry=entry.id,
                message=f'objection "{obj.label}" ({entry.id}) is {raised} and no approved entry answers it; {fix}',
                expected={"objection": entry.id, "calls": n_calls, "mentions": len(obj.mentions)},
                related=related, fingerprint=entry.id,
            )
        central = obj.mentions[0]
        line, column = obj.anchor() or (central.line, central.column)
        return self.finding(
            path=central.call, line=line, column=column,
            message=f'prospects raise "{obj.label}" ({obj.id}), {raised}, and no entry covers it; '
                    "add an objection entry and an approved answer for it",
            expected={"objection": obj.id, "calls": n_calls, "mentions": len(obj.mentions)},
            related=related, fingerprint=obj.id,
        )


def gaps_marked_wrong(analysis: Analysis, root: Path) -> set[str]:
    """The ids of the objections whose ``objection-gap`` finding a reviewer marked wrong in
    ``canon audit`` (verdicts/findings.yaml), matched as the audit matches them (same fingerprints,
    same :func:`knowledge.finding_verdicts.match`): so that ``canon objections`` and ``canon audit``
    agree on which gaps stand."""
    from knowledge import finding_verdicts
    from knowledge.report import assign_fingerprints

    wrong = [v for v in finding_verdicts.load_verdicts(root) if v.rule == ObjectionGap.id and v.verdict == "wrong"]
    if not wrong:
        return set()
    rule = ObjectionGap()
    gaps = [o for o in analysis.objections if not o.covered and o.mentions]
    findings = [rule._finding(o) for o in gaps]
    assign_fingerprints(findings)
    applied = finding_verdicts.match(wrong, findings, {}, {f.fingerprint for f in findings})
    return {gaps[i].id for i in applied}
