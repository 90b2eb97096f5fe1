"""``rep-misstatement``: a seller quotes a figure on a call that contradicts the KB."""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.figures import approved_figure, quoted, related, shown_figure, where
from knowledge.model import Finding

from .base import AuditContext, Rule


class RepMisstatement(Rule):
    """An internal speaker quotes a figure on a call that contradicts the approved one.

    Anti-pattern (the approved median time to go live is 6 weeks)::

        Priya Raman: Our median go-live is about three weeks, so there's a lot of flexibility.

    Fix: correct it with the prospect in the follow-up ("the median is six weeks"), and coach the
    rep with the approved entry; if reps keep saying it, the KB entry may need to be easier to
    find. Only internal speakers are checked (``[calls] internal_speakers`` / ``internal_domains``
    or roles in the file); a prospect restating their own volumes, and scheduling ("thirty minutes
    next week"), are not claims. Figures nothing in the KB backs are ``unsupported-claim``.
    """

    id = "rep-misstatement"
    default_severity = "error"

    def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
        if not ctx.calls:
            return
        for resolutions in ctx.figures.calls().values():
            for r in resolutions:
                if r.conflict is None or r.retired is not None:
                    continue
                f, target = r.figure, r.conflict.target
                yield self.finding(
                    message=f"{f.speaker} said {quoted(f, target)}; the approved figure is {approved_figure(target, f)}: "
                            f"correct it with the prospect ({shown_figure(target, f)})",
                    expected=target.expected(), related=related(r.conflict), **where(f))
