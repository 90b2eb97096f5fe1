"""``broken-reference``: ``answers``, ``supersedes`` or a metric's ``source`` names nothing."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from knowledge.model import Entry, Finding

from .base import AuditContext, Rule


def normalise_title(title: str) -> str:
    """Source titles are compared case-insensitively, with whitespace collapsed."""
    return re.sub(r"\s+", " ", title).strip().casefold()


def _list_item_line(entry: Entry, key: str, index: int) -> int:
    """The line of ``key``'s item ``index``, else of the key, else line 1."""
    return entry.key_lines.get(f"{key}[{index}]") or entry.key_lines.get(key) or 1


def _did_you_mean(name: str, candidates: Iterable[str], fallback: list[str] | None = None,
                  fallback_label: str = "") -> str:
    """A close id (a typo, another year), else the likeliest targets, else nothing."""
    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.75)
    if close:
        return f" (did you mean {close[0]!r}?)"
    if fallback:
        return f"; {fallback_label}: {', '.join(fallback[:3])}"
    return ""


class BrokenReference(Rule):
    """A reference in front matter that points at nothing, or at the wrong kind of thing.

    Anti-pattern (the entry that was superseded was renamed; the metric cites a source the entry
    does not list; ``answers`` names a proof point instead of an objection)::

        supersedes: [proof-points/roi-study-2024]
        answers: [proof-points/payback]
        sources:
          - title: 2026 ROI study
        metrics:
          - id: payback-months
            source: 2025 ROI study

    Fix: name existing entry ids (the path without ``.md`` unless the entry sets ``id:``), let
    ``answers`` list ``objection`` entries only, and give each metric's ``source`` the title of one
    of the entry's ``sources`` (compared case-insensitively)::

        supersedes: [proof-points/first-year-roi]
        answers: [objections/payback-period]
        metrics:
          - id: payback-months
            source: 2026 ROI study

    Applies to draft and retired entries too: a broken link is broken whatever the status.
    """

    id = "broken-reference"
    default_severity = "error"

    def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
        ids = ctx.entries_by_id
        for entry in ctx.kb.entries:
            yield from self._answers(ctx, entry, ids)
            yield from self._supersedes(ctx, entry, ids)
            yield from self._metric_sources(entry)

    def _missing(self, ctx: AuditContext, ref: str, ids: dict[str, Entry]) -> bool:
        # A file that could not be read at all is already an invalid-entry: not reported twice.
        return ref not in ids and ref not in ctx.unreadable_ids

    def _answers(self, ctx: AuditContext, entry: Entry, ids: dict[str, Entry]) -> Iterable[Finding]:
        for i, ref in enumerate(entry.answers):
            line = _list_item_line(entry, "answers", i)
            target = ids.get(ref)
            if target is None:
                if self._missing(ctx, ref, ids):
                    objections = [e.id for e in ctx.kb.entries if e.type == "objection"]
                    yield self.finding(
                        path=entry.path, line=line, entry=entry.id, fingerprint=f"answers:{ref}",
                        message=f"answers names {ref!r}, which is no entry of the KB"
                        f"{_did_you_mean(ref, objections or ids)}",
                    )
            elif target.type != "objection":
                yield self.finding(
                    path=entry.path, line=line, entry=entry.id, fingerprint=f"answers-type:{ref}",
                    message=f"answers names {ref!r}, which is a {target.type}, not an objection; "
                    "list objection entries only",
                    related=[{"path": target.path, "line": target.line_of("type"), "entry": target.id}],
                )
            elif target.id == entry.id:
                yield self.finding(path=entry.path, line=line, entry=entry.id, fingerprint=f"answers-self:{ref}",
                                   message="an objection cannot answer itself; name it in an answer entry")

    def _supersedes(self, ctx: AuditContext, entry: Entry, ids: dict[str, Entry]) -> Iterable[Finding]:
        for i, ref in enumerate(entry.supersedes):
            line = _list_item_line(entry, "supersedes", i)
            if ref == entry.id:
                yield self.finding(path=entry.path, line=line, entry=entry.id, fingerprint=f"supersedes-self:{ref}",
                                   message="supersedes names the entry itself")
            elif self._missing(ctx, ref, ids):
                # What was replaced is usually a retired entry that nothing supersedes yet.
                folder = ref.rsplit("/", 1)[0] if "/" in ref else ""
                superseded = {s for e in ctx.kb.entries for s in e.supersedes}
                orphans = [e.id for e in ctx.kb.entries if e.status == "retired" and e.id not in superseded
                           and e.id.startswith(folder)]
                hint = _did_you_mean(ref, ids, orphans, "retired entries that nothing supersedes")
                yield self.finding(
                    path=entry.path, line=line, entry=entry.id, fingerprint=f"supersedes:{ref}",
                    message=f"supersedes names {ref!r}, which is no entry of the KB{hint}",
                )

    def _metric_sources(self, entry: Entry) -> Iterable[Finding]:
        titles = {normalise_title(s.title): s.title for s in entry.sources}
        for i, metric in enumerate(entry.metrics):
            if not metric.source or normalise_title(metric.source) in titles:
                continue
            line = (entry.key_lines.get(f"metrics[{i}].source") or metric.line
                    or entry.key_lines.get(f"metrics[{i}]") or entry.line_of("metrics"))
            if titles:
                hint = f"; the entry's sources are: {', '.join(repr(t) for t in titles.values())}"
            else:
                hint = "; the entry lists no sources: add it under sources:"
            yield self.finding(
                path=entry.path, line=line, entry=entry.id, fingerprint=f"source:{metric.id}:{metric.source}",
                message=f"metric {metric.id} names source {metric.source!r}, which is not among the entry's "
                f"sources{hint}",
            )
