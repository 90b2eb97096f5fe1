"""Step 4, coverage: the approved entries that answer each objection and theme."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from knowledge.model import Entry

from .model import Objection, Tuning, VectorsFn

if TYPE_CHECKING:
    import numpy as np

ANSWERING_TYPES = ("answer", "proof_point", "case_study", "message")

def _cover(objections: list[Objection], entries: Sequence[Entry], texts_of: Callable[[Entry], dict[str, list[str]]],
           vectors: VectorsFn, R: np.ndarray, owner: np.ndarray, objection_entries: list[Entry],
           tuning: Tuning) -> None:
    """Fill in each objection's answers: explicit ones first, then close approved passages."""
    import numpy as np

    answering = [e for e in entries if e.approved and e.type != "objection"]
    by_id = {e.id: e for e in entries}
    spans: list[tuple[int, int]] = []
    texts: list[str] = []
    for e in answering:
        own = texts_of(e)
        passages = own.get("title", []) + own.get("section", [])
        spans.append((len(texts), len(texts) + len(passages)))
        texts.extend(passages)
    A = vectors(texts) if texts else None
    index_of = {e.id: i for i, e in enumerate(objection_entries)}
    for obj in objections:
        # What the objection sounds like: the KB's phrasings of it, and what prospects said.
        parts = [np.stack([mt.sentence_vector for mt in obj.mentions])] if obj.mentions else []
        if obj.entry is not None and obj.entry.id in index_of and len(R):
            parts.append(R[owner == index_of[obj.entry.id]])
        Q = np.concatenate(parts) if parts else None
        scores: dict[str, float] = {}
        if Q is not None and A is not None and len(Q):
            for e, (a, b) in zip(answering, spans, strict=True):
                if b > a:
                    scores[e.id] = float((Q @ A[a:b].T).max(axis=1).mean())
        answers: list[dict[str, Any]] = []
        explicit_ids = [e.id for e in entries if obj.id in e.answers and e.id != obj.id]
        for eid in explicit_ids:
            e = by_id[eid]
            if e.approved:
                answers.append({"entry": eid, "score": round(scores.get(eid, 0.0), 3), "explicit": True})
            else:
                obj.pending.append({"entry": eid, "status": e.status})
        answers.sort(key=lambda a: -a["score"])
        implicit = sorted(((s, eid) for eid, s in scores.items()
                           if s >= tuning.cover and eid not in explicit_ids
                           and by_id[eid].type in ANSWERING_TYPES), reverse=True)
        answers.extend({"entry": eid, "score": round(s, 3), "explicit": False} for s, eid in implicit[:5])
        obj.answers = answers

