"""Step 4, coverage: the approved entries that answer each objection and theme.

An entry answers an objection when it names it in ``answers:``, when its passages are close in
meaning to what the objection sounds like (``Tuning.cover``), or when one entry stands out from
all the others for it: a concern no objection entry names ("half our sites have no signal at
all") is said in the prospect's words, which are far from an answer's prose ("the app
records time offline") even when the answer is about just that concern, so no closeness bar
finds it without finding answers to everything; but that answer is then much closer to it than
any other entry of the KB is. :class:`CoverModel` decides from the closest entry's closeness and
its margin over the next one, a logistic model fitted by ``bench/train_cover.py`` on the
labelled coverage of the development corpora (``data/cover.json``, with its provenance). The
standout covers a mined theme, not a known objection (``Tuning.standout_known``): an objection
entry's authors name the answers they wrote for it in ``answers:``. The answer written for a known
objection may stand out for a theme too (``Tuning.standout_linked``, on): a theme is often a known
objection in words matching missed, and then that answer answers it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.model import Entry

from .model import Objection, Tuning, VectorsFn

if TYPE_CHECKING:
    import numpy as np

ANSWERING_TYPES = ("answer", "proof_point", "case_study", "message")
COVER_MODEL_PATH = Path(__file__).resolve().parent / "data" / "cover.json"


@dataclass(frozen=True)
class CoverModel:
    """P(the closest answering entry answers the objection) from its closeness ``score`` and its
    ``margin`` over the next answering entry."""

    w_score: float
    w_margin: float
    bias: float

    def probability(self, score: float, margin: float) -> float:
        import math

        return 1.0 / (1.0 + math.exp(-(self.w_score * score + self.w_margin * margin + self.bias)))


@lru_cache(maxsize=1)
def load_cover_model(path: Path = COVER_MODEL_PATH) -> CoverModel | None:
    """The shipped coefficients, or None where they are missing (coverage by closeness alone)."""
    if not path.is_file():
        return None
    z = json.loads(path.read_text(encoding="utf-8"))
    return CoverModel(w_score=float(z["w_score"]), w_margin=float(z["w_margin"]), bias=float(z["bias"]))


Passages = tuple[list[Entry], list[tuple[int, int]], "np.ndarray | None"]


def answering_passages(entries: Sequence[Entry], texts_of: Callable[[Entry], dict[str, list[str]]],
                       vectors: VectorsFn) -> Passages:
    """The approved entries that may answer an objection (no objection entries), the span of each
    one's passages (title and sections) and their vectors."""
    answering = [e for e in entries if e.approved and e.type != "objection"]
    spans: list[tuple[int, int]] = []
    texts: list[str] = []
    for e in answering:
        own = texts_of(e)
        passages = own.get("title", []) + own.get("section", [])
        spans.append((len(texts), len(texts) + len(passages)))
        texts.extend(passages)
    return answering, spans, (vectors(texts) if texts else None)


def entry_scores(objections: Sequence[Objection], entries: Sequence[Entry],
                 texts_of: Callable[[Entry], dict[str, list[str]]], vectors: VectorsFn, R: np.ndarray,
                 owner: np.ndarray, objection_entries: Sequence[Entry],
                 phrasings: bool = True, passages: Passages | None = None) -> list[dict[str, float]]:
    """For each objection, how close each approved entry (other than objection entries) is to it:
    the mean, over what the objection sounds like (its mentions' sentences and, for a known one
    when ``phrasings``, the KB's phrasings of it), of the closest passage of the entry.
    ``passages``: :func:`answering_passages`, when the caller already has them."""
    import numpy as np

    answering, spans, A = passages if passages is not None else answering_passages(entries, texts_of, vectors)
    index_of = {e.id: i for i, e in enumerate(objection_entries)}
    out: list[dict[str, float]] = []
    for obj in objections:
        parts = [np.stack([mt.sentence_vector for mt in obj.mentions])] if obj.mentions else []
        if phrasings and obj.entry is not None and obj.entry.id in index_of and len(R):
            parts.append(R[owner == index_of[obj.entry.id]])
        Q = np.concatenate(parts) if parts else None
        scores: dict[str, float] = {}
        if Q is not None and A is not None and len(Q):
            for e, (a, b) in zip(answering, spans, strict=True):
                if b > a:
                    scores[e.id] = float((Q @ A[a:b].T).max(axis=1).mean())
        out.append(scores)
    return out


def standout(scores: dict[str, float], by_id: dict[str, Entry]) -> tuple[str, float, float] | None:
    """The answering entry closest to an objection, its closeness, and its margin over the next
    answering entry (its closeness when it is the only one); None when there is none."""
    ranked = sorted(((s, eid) for eid, s in scores.items() if by_id[eid].type in ANSWERING_TYPES), reverse=True)
    if not ranked:
        return None
    best, eid = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0.0
    return eid, best, best - second


def concern_standout(objection: Objection, passages: Passages, C: np.ndarray, by_id: dict[str, Entry],
                     PA: np.ndarray | None = None) -> str | None:
    """The answering entry closest to what prospects said in the space of the concerns of
    ``data/concerns.txt`` (:func:`.themes.concern_profiles`): the mean, over the mentions'
    sentences, of the closest passage of the entry. ``PA``: the passages' profiles, when the caller
    has them already (they are the same for every objection)."""
    import numpy as np

    from .themes import concern_profiles

    answering, spans, A = passages
    if A is None or not objection.mentions:
        return None
    Q = concern_profiles(np.stack([mt.sentence_vector for mt in objection.mentions]), C)
    if PA is None:
        PA = concern_profiles(A, C)
    best: tuple[float, str] | None = None
    for e, (a, b) in zip(answering, spans, strict=True):
        if b > a and by_id[e.id].type in ANSWERING_TYPES:
            s = float((Q @ PA[a:b].T).max(axis=1).mean())
            if best is None or s > best[0]:
                best = (s, e.id)
    return best[1] if best else None


def _answers_a_known_objection(entry: Entry, objection_entries: Sequence[Entry]) -> bool:
    """Whether ``entry`` names one of the KB's objection entries in ``answers:``."""
    return bool(set(entry.answers) & {e.id for e in objection_entries})


def _cover(objections: list[Objection], entries: Sequence[Entry], texts_of: Callable[[Entry], dict[str, list[str]]],
           vectors: VectorsFn, R: np.ndarray, owner: np.ndarray, objection_entries: list[Entry],
           tuning: Tuning, model: CoverModel | None = None, concerns: np.ndarray | None = None) -> None:
    """Fill in each objection's answers: explicit ones first, then close approved passages, then
    the one entry that stands out for it (``model``; the shipped one by default), when that entry
    is also the closest by concern (``concerns``: the vectors of ``data/concerns.txt``; no such
    check without them)."""
    by_id = {e.id: e for e in entries}
    if model is None and tuning.cover_standout:
        model = load_cover_model()
    passages = answering_passages(entries, texts_of, vectors)  # embedded once for both readings
    all_scores = entry_scores(objections, entries, texts_of, vectors, R, owner, objection_entries,
                              passages=passages)
    # The standout is judged by what prospects said alone, for a known objection as for a theme:
    # the KB's phrasings of an objection are written beside its answer and would make every known
    # objection look answered (the model is fitted on known objections' answers: links too).
    said = entry_scores(objections, entries, texts_of, vectors, R, owner, objection_entries, phrasings=False,
                        passages=passages)
    profiles: list[np.ndarray] = []  # the answering passages in the concerns' space, read once, when needed

    def by_concern(obj: Objection) -> str | None:
        from .themes import concern_profiles

        assert concerns is not None
        if not profiles and passages[2] is not None:
            profiles.append(concern_profiles(passages[2], concerns))
        return concern_standout(obj, passages, concerns, by_id, profiles[0] if profiles else None)

    for obj, scores, closeness in zip(objections, all_scores, said, strict=True):
        obj.closeness = closeness
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
        top = standout(closeness, by_id)
        # A draft answer waiting for approval is the gap to report, not one to cover another way.
        if (model is not None and top is not None and not answers and not obj.pending and tuning.cover_standout
                and (tuning.standout_known or not obj.known)
                and (tuning.standout_linked or not _answers_a_known_objection(by_id[top[0]], objection_entries))
                and model.probability(top[1], top[2]) >= 0.5
                # Standing out by shared words ("payroll" in a remark about tips paid through
                # payroll) is not answering: the entry must stand out by concern too.
                and (concerns is None or by_concern(obj) == top[0])):
            answers.append({"entry": top[0], "score": round(top[1], 3), "explicit": False})
        obj.answers = answers
