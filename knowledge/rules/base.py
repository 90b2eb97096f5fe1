"""What every rule shares: the ``Rule`` base class and the ``AuditContext`` rules read from.

A rule is a unit: one class, one id, one default severity, a docstring that shows the
anti-pattern and the fix (the SARIF output and ``canon audit --help`` quote it), and test cases
kept as data files under ``tests/data/rules/<rule-id>/``. A rule only returns findings; an
exception from a rule means canon could not run.

A rule may put an identity key in ``Finding.fingerprint`` (for instance the id of the other entry
of a duplicate pair). The framework then builds the real fingerprint from it (see
``knowledge.report.assign_fingerprints``); without one, the key is derived from the finding's
claim, expected figure and message.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from knowledge.figures import FigureIndex
from knowledge.model import KB, Block, Call, Claim, Entry, Finding, Metric
from knowledge.settings import Settings

if TYPE_CHECKING:
    import numpy as np

    from knowledge.store import Chunk

VectorsFn = Callable[[Sequence[str]], "np.ndarray"]


class Draft(Protocol):
    """A draft as ``ingest.drafts`` reads it: the text a writer wants checked."""

    path: str  # as given on the command line (or in the API request)
    text: str
    claims: list[Claim]
    line_ignores: dict[int, set[str]]
    blocks: list[Block]


def _no_vectors(texts: Sequence[str]) -> np.ndarray:
    from knowledge.errors import IndexUnavailable

    raise IndexUnavailable("this check needs text embeddings, and no index or embedder was given",
                           hint="run `canon ingest` first")


@dataclass
class AuditContext:
    """Everything a rule may read. Built once per run; the helpers are computed on first use.

    ``vectors(texts)`` returns an ``(n, dim)`` float32 array of L2-normalised rows (from the index's
    cache where the text was embedded before). ``chunks`` are the index's chunks when the KB comes
    from the index; for a KB built in memory they are ``None`` and :meth:`section_texts` falls back
    to the entry's blocks.
    """

    settings: Settings
    kb: KB
    today: date
    calls: list[Call] = field(default_factory=list)
    call_problems: list[Finding] = field(default_factory=list)
    vectors: VectorsFn = _no_vectors
    chunks: list[Chunk] | None = None

    # -- entries ---------------------------------------------------------------------------------

    @cached_property
    def entries_by_id(self) -> dict[str, Entry]:
        """Every readable entry by id, whatever its status."""
        return self.kb.by_id()

    @cached_property
    def entries_by_path(self) -> dict[str, Entry]:
        return {e.path: e for e in self.kb.entries}

    @cached_property
    def approved_entries(self) -> list[Entry]:
        """The canonical entries: only these back a figure or answer an objection."""
        return [e for e in self.kb.entries if e.approved]

    @cached_property
    def unreadable_ids(self) -> set[str]:
        """Default ids of files that could not be read at all (already an ``invalid-entry``)."""
        readable = {e.path for e in self.kb.entries}
        return {p.path.removesuffix(".md") for p in self.kb.problems if p.path not in readable}

    # -- metrics ---------------------------------------------------------------------------------

    @cached_property
    def metrics_by_id(self) -> dict[str, Metric]:
        """Every registered metric by id, whatever the status of its entry (first one wins)."""
        out: dict[str, Metric] = {}
        for m in self.kb.metrics():
            out.setdefault(m.id, m)
        return out

    @cached_property
    def approved_metrics(self) -> list[Metric]:
        return [m for e in self.approved_entries for m in e.metrics]

    @cached_property
    def retired_metrics(self) -> list[Metric]:
        return [m for e in self.kb.entries if e.status == "retired" for m in e.metrics]

    def entry_of(self, metric: Metric) -> Entry | None:
        return self.entries_by_id.get(metric.entry_id)

    # -- figures ---------------------------------------------------------------------------------

    @cached_property
    def figures(self) -> FigureIndex:
        """Every figure of this run and what the KB says about each: built on first use, shared by
        the figure rules."""
        return FigureIndex(self)

    # -- text for embeddings ---------------------------------------------------------------------

    @cached_property
    def chunks_by_path(self) -> dict[str, list[Chunk]]:
        out: dict[str, list[Chunk]] = {}
        for c in self.chunks or ():
            out.setdefault(c.path, []).append(c)
        return out

    def section_texts(self, entry: Entry) -> list[str]:
        """The texts of an entry's sections as the index embedded them (title-prefixed)."""
        if self.chunks is not None:
            own = self.chunks_by_path.get(entry.path, [])
            texts = [c.text for c in own if c.kind == "section"]
            return texts or [c.text for c in own if c.kind == "title"]
        return _sections_from_blocks(entry)


def _sections_from_blocks(entry: Entry) -> list[str]:
    """Sections cut at headings, for entries built in memory (no index)."""
    title = entry.title or entry.id
    groups: list[list[str]] = []
    for b in entry.blocks:
        if b.kind == "code":
            continue
        if b.kind == "heading" or not groups:
            groups.append([])
        if b.kind != "heading":
            groups[-1].append(b.text)
    texts = [f"{title}: {' '.join(g)}" for g in groups if g]
    if not texts and entry.body.strip():
        texts = [f"{title}: {' '.join(entry.body.split())}"]
    return texts


class Rule:
    """Base class of every rule. Subclasses set ``id`` and ``default_severity`` and override
    :meth:`check_kb` (the KB and its calls) and/or :meth:`check_draft` (one draft)."""

    id: ClassVar[str] = ""
    default_severity: ClassVar[str] = "warning"

    def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
        return ()

    def check_draft(self, ctx: AuditContext, draft: Draft) -> Iterable[Finding]:
        return ()

    @property
    def description(self) -> str:
        """The whole docstring, dedented: anti-pattern and fix."""
        return inspect.cleandoc(type(self).__doc__ or self.id)

    @property
    def summary(self) -> str:
        """The docstring's first sentence or line."""
        first = self.description.split("\n\n", 1)[0]
        return re.sub(r"\s+", " ", first).strip()

    def finding(self, *, path: str, line: int, message: str, severity: str | None = None,
                **fields: Any) -> Finding:
        """A finding of this rule, at its default severity unless told otherwise."""
        return Finding(rule=self.id, severity=severity or self.default_severity, path=path, line=line,
                       message=message, **fields)

    def __repr__(self) -> str:
        return f"<rule {self.id}>"
