"""Checks that span entries: ids and metric ids must be unique in the KB.

Shared by the parser (``ingest.kb.load_kb``) and by readers of the index
(``knowledge.indexed.load_indexed_kb``), so that both see the same KB.
"""

from __future__ import annotations

from .model import Entry, Finding, Metric


def resolve_duplicates(entries: list[Entry]) -> tuple[list[Entry], list[Finding]]:
    """A second entry with an id already taken, or a metric id already taken, is an invalid-entry.

    The first (by path) keeps the id; a later entry with the same id is reported and left out of
    the KB; a later metric with the same id is reported and dropped from its entry.
    """
    findings: list[Finding] = []
    first: dict[str, Entry] = {}
    kept: list[Entry] = []
    for e in sorted(entries, key=lambda e: e.path):
        if e.id in first:
            other = first[e.id]
            findings.append(Finding(
                rule="invalid-entry", severity="error", path=e.path, line=e.key_lines.get("id", 1),
                message=f"id {e.id!r} is already used by {other.path}; give this entry another id "
                        "(it is left out of the KB until then)",
                related=[{"path": other.path, "line": other.key_lines.get("id", 1), "entry": other.id}],
                entry=e.id,
            ))
            continue
        first[e.id] = e
        kept.append(e)
    owners: dict[str, tuple[Entry, int]] = {}
    for e in kept:
        keep: list[Metric] = []
        for idx, m in enumerate(e.metrics):
            if m.id in owners:
                other, other_line = owners[m.id]
                line = e.key_lines.get(f"metrics[{idx}].id", m.line or 1)
                findings.append(Finding(
                    rule="invalid-entry", severity="error", path=e.path, line=line,
                    message=f"metric id {m.id!r} is already registered by {other.path}; metric ids must be "
                            "unique in the KB (this one is ignored until renamed)",
                    related=[{"path": other.path, "line": other_line, "entry": other.id}], entry=e.id,
                ))
                continue
            owners[m.id] = (e, e.key_lines.get(f"metrics[{idx}].id", m.line or 1))
            keep.append(m)
        e.metrics = keep
    return kept, findings
