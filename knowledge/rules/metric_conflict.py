"""``metric-conflict``: two statements of one measure disagree."""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.figures import (
    Figure,
    Match,
    approved_figure,
    quoted,
    related,
    shown_figure,
    where,
)
from knowledge.model import Finding

from .base import AuditContext, Draft, Rule


class MetricConflict(Rule):
    """A figure contradicts the approved figure of the same measure.

    Anti-pattern (the proof point registers a median of 6 weeks; a draft and an answer say
    otherwise)::

        metrics:
          - id: median-go-live
            name: median time from kickoff to first live payment run
            value: 6
            unit: weeks

        Northwind customers go live in 4 weeks.            <- drafts/q4-email.md
        The median customer is live in 8 weeks.            <- answers/implementation.md

    Fix: state the approved figure ("in 6 weeks", "in about a month and a half"), or, if the
    figure has really changed, update the metric (and its source) first.

    Compared: a claim in an approved entry with the registered metrics; figures that no metric
    registers with each other (the odd one out is reported); two metrics registering one
    measure; a draft's figures with the approved KB. Rounding ("about 60%" for 62%), ranges that
    hold the figure ("55 to 70%"), other units ("48 hours" for 2 days), a best case next to a
    median ("our fastest customer went live in 3 days"), another customer's figure and another
    year's figure ("in 2023 it was 48%") are not conflicts. Figures a sales rep quotes on a call are
    ``rep-misstatement``; figures that repeat a retired claim are ``retired-claim``.
    """

    id = "metric-conflict"
    default_severity = "error"

    def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
        index = ctx.figures
        kb = index.kb
        for f, r in kb.resolutions.items():
            if r.conflict is not None and f not in kb.retired_repeats:
                yield self._finding(f, r.conflict)
        for f, m in kb.claim_conflicts.items():
            if f not in kb.retired_repeats:
                yield self._finding(f, m)
        for f, m in kb.metric_conflicts:
            yield self._finding(f, m)

    def check_draft(self, ctx: AuditContext, draft: Draft) -> Iterable[Finding]:
        for r in ctx.figures.draft(draft):
            if r.conflict is not None and r.retired is None:
                yield self._finding(r.figure, r.conflict)

    def _finding(self, f: Figure, m: Match) -> Finding:
        target = m.target
        if f.origin == "metric":
            message = (f"metric {f.metric.id if f.metric else ''} registers {quoted(f)}, but "
                       f"{target.path} registers {approved_figure(target)} for the same measure; keep one "
                       "metric (and retire or correct the other)")
        elif target.origin == "metric":
            message = (f"says {quoted(f, target)}; the approved figure is {approved_figure(target, f)}: change it to "
                       f"{shown_figure(target, f)}")
        else:
            message = (f"says {quoted(f)}; {target.path}:{target.line} says {quoted(target)} for the same "
                       "measure and no metric registers it: agree on one figure (and register it as a metric)")
        fields = where(f)
        return self.finding(message=message, expected=target.expected(), related=related(m), **fields)
