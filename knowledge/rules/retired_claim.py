"""``retired-claim``: text repeats a claim that was retired."""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.figures import Figure, Match, describe_figure, quoted, where
from knowledge.model import Finding

from .base import AuditContext, Draft, Rule

# A sentence that names a retired figure to disown it: "Do not promise a 25% uplift: that claim was
# retired", "we no longer quote 412%". It warns against the claim; it does not make it.
_DISOWNED = re.compile(
    r"\b(?:(?:do not|don't|never|stop|no longer|must not|should not)[ \t]+(?:\w+[ \t]+)?"
    r"(?:promise|say|said|quote|claim|use|repeat|cite|state|mention)\w*"
    r"|(?:was|were|has been|have been|is|are|now)[ \t]+(?:\w+[ \t]+)?(?:retired|withdrawn))\b", re.I)


def _disowns(f: Figure) -> bool:
    sentence = f.claim.sentence if f.claim is not None else ""
    return bool(sentence and _DISOWNED.search(sentence))


class RetiredClaim(Rule):
    """Text repeats a figure that was retired: a retired entry's or a retired metric's claim.

    Anti-pattern (the 2024 ROI study was withdrawn and its entry set ``status: retired``)::

        The commissioned study put the first-year ROI at 412%.

    Fix: take the figure out, and use what replaced it (the entry that lists the retired one under
    ``supersedes:``). Checked in approved entries, drafts and what internal speakers say on calls.
    A retired entry quoting its own figure is fine; draft and retired entries are not checked.
    A figure repeats a retired one only when it states the retired value itself (22% lies under a
    retired "up to 40%" without stating it), and not when the entry that supersedes the retired one,
    or an approved metric at least as close, states it as well. A sentence that disowns the figure
    ("do not promise a 25% uplift: that claim was retired") does not repeat it. A figure that states
    a retired value in other words ("Shave up to 35% off your peak" for a retired "reduction in peak
    electrical load, up to 35%") repeats it when nothing approved backs it and it names the retired
    measure in one of its words (:mod:`knowledge.figures.retired`).
    """

    id = "retired-claim"
    default_severity = "error"

    def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
        index = ctx.figures
        for f, m in index.kb.retired_repeats.items():
            if not _disowns(f):
                yield self._finding(ctx, f, m)
        if ctx.calls:
            for resolutions in index.calls().values():
                for r in resolutions:
                    if r.retired is not None and not _disowns(r.figure):
                        yield self._finding(ctx, r.figure, r.retired)

    def check_draft(self, ctx: AuditContext, draft: Draft) -> Iterable[Finding]:
        for r in ctx.figures.draft(draft):
            if r.retired is not None and not _disowns(r.figure):
                yield self._finding(ctx, r.figure, r.retired)

    def _finding(self, ctx: AuditContext, f: Figure, m: Match) -> Finding:
        target = m.target
        what = f"metric {target.metric.id}" if target.metric is not None else "claim"
        entry = target.entry
        replaced = [e.id for e in ctx.kb.entries if e.approved and entry is not None and entry.id in e.supersedes]
        fix = f"use {', '.join(replaced)} instead" if replaced else "take it out"
        who = f"{f.speaker} said" if f.speaker else "says"
        return self.finding(
            message=f"{who} {quoted(f)}, which repeats the retired {what} of {target.path} "
                    f"({describe_figure(target)}): {fix}",
            expected=target.expected(), related=[target.place()], **where(f))
