"""``duplicate-entry``: two approved entries that say nearly the same thing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from knowledge.model import Entry, Finding

from .base import AuditContext, Rule

if TYPE_CHECKING:
    import numpy as np


def _exempt(a: Entry, b: Entry) -> bool:
    """Pairs that are meant to be close: a replacement and what it replaces, an objection and
    its answer."""
    if a.id in b.supersedes or b.id in a.supersedes:
        return True
    if a.id in b.answers or b.id in a.answers:
        return True
    return {a.type, b.type} == {"objection", "answer"}


def _canonical_first(e: Entry) -> tuple[int, int, str]:
    """Sort key: the entry most likely to hold the canonical version first (more figures, more
    sources, then the earlier path)."""
    return (-len(e.metrics), -len(e.sources), e.path)


def _clusters(entries: list[Entry], pairs: list[tuple[int, int]]) -> dict[int, str]:
    """Entry index -> its cluster's name, for every entry in a pair: entries joined by a chain of
    near-duplicate pairs are one cluster (18 pages from one template give 153 pairs, one cluster),
    named by the id of its canonical-first entry, so that output and scripts can show a cluster
    as one block."""
    parent = {i: i for pair in pairs for i in pair}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[root(i)] = root(j)
    members: dict[int, list[int]] = {}
    for i in parent:
        members.setdefault(root(i), []).append(i)
    out: dict[int, str] = {}
    for group in members.values():
        name = min((entries[i] for i in group), key=_canonical_first).id
        out.update(dict.fromkeys(group, name))
    return out


class DuplicateEntry(Rule):
    """Two approved entries say nearly the same thing.

    Anti-pattern: an elevator pitch copied from the core message and lightly reworded. The two
    drift apart at the next edit, and answer engines see two versions of one claim.

    Fix: merge them into one entry; or keep the newer one, mark the older ``status: retired`` and
    name it in the newer one's ``supersedes:``; or rewrite one so that it says something of its own.

    Both the entries as a whole and most of their sections must be close in meaning, so that two
    entries on one topic that make different points do not count. Pairs where one supersedes or
    answers the other, and objection/answer pairs, are exempt.
    """

    id = "duplicate-entry"
    default_severity = "warning"

    # Cosine similarities of all-MiniLM-L6-v2 (mean-pooled, normalised), on the chunks the index
    # embeds: sections prefixed with the entry's title, so that two copies under different titles
    # lose a little. Measured on two KBs of ~40 entries: reworded copies score 0.87-0.93 section by
    # section and 0.87-0.92 as a whole; distinct entries on one topic (a message and the proof
    # point it quotes, an objection and its answer) reach 0.78-0.88 as a whole but no section
    # pair above 0.80. The whole-entry threshold only prunes candidates cheaply; the share of
    # sections with a close counterpart decides.
    entry_threshold = 0.85
    section_threshold = 0.84
    section_share = 0.75
    block_rows = 1024  # rows of the similarity matrix computed at once: memory stays ~ block * n

    def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
        import numpy as np

        entries: list[Entry] = []
        texts: list[str] = []
        spans: list[tuple[int, int]] = []
        for e in ctx.approved_entries:
            own = ctx.section_texts(e)
            if own:
                entries.append(e)
                spans.append((len(texts), len(texts) + len(own)))
                texts.extend(own)
        if len(entries) < 2:
            return
        vecs = np.asarray(ctx.vectors(texts), dtype=np.float32)
        means = np.stack([vecs[a:b].mean(axis=0) for a, b in spans])
        means /= np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)
        pairs: list[tuple[int, int, float, float]] = []
        for start in range(0, len(entries), self.block_rows):
            sims = means[start:start + self.block_rows] @ means.T
            rows, cols = np.nonzero(sims >= self.entry_threshold)
            for r, j in zip(rows.tolist(), cols.tolist(), strict=True):
                i = start + r
                if j <= i or _exempt(entries[i], entries[j]):
                    continue
                share = self._section_share(vecs[slice(*spans[i])], vecs[slice(*spans[j])])
                if share >= self.section_share:
                    pairs.append((i, j, float(sims[r, j]), share))
        groups = _clusters(entries, [(i, j) for i, j, _, _ in pairs])
        for i, j, similarity, share in pairs:
            found = self._finding(entries[i], entries[j], similarity, share)
            found.group = groups[i]
            yield found

    def _section_share(self, a: np.ndarray, b: np.ndarray) -> float:
        """The share of both entries' sections that have a close counterpart in the other."""
        sims = a @ b.T
        matched = int((sims.max(axis=1) >= self.section_threshold).sum())
        matched += int((sims.max(axis=0) >= self.section_threshold).sum())
        return matched / (len(a) + len(b))

    def _finding(self, a: Entry, b: Entry, similarity: float, share: float) -> Finding:
        # Report the copy: the entry that registers fewer figures and sources; on a tie, the later
        # path. The other one is where the canonical version most likely lives.
        keep, copy = sorted((a, b), key=_canonical_first)
        return self.finding(
            path=copy.path, line=copy.line_of("title"), entry=copy.id, fingerprint=f"duplicate-of:{keep.id}",
            message=f"says nearly the same as {keep.path} ({keep.title or keep.id}): {share:.0%} of their "
            f"sections match, similarity {similarity:.2f}; merge them, or retire one and list it under "
            "the other's supersedes:",
            related=[{"path": keep.path, "line": keep.line_of("title"), "entry": keep.id}],
        )
