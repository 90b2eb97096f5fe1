"""Step 2b, follow-ups: a short turn that carries on an objection the same prospect raised just
before ("Not three years. One, maybe.", "and the cut flowers, same thing?").

A follow-up rarely sounds like an objection on its own: it is short, elliptical, and leans on
what was said a turn or two earlier, so the sentence detector (step 2) misses it. Here a prospect's
turn holding no mention is a candidate when one of the same speaker's previous two turns holds
one and someone on the seller's side spoke in between (the reply the follow-up reacts to). It is a
follow-up when it is elliptical ("and the Z", "same with", "not X") and the trained detector,
reading the whole turn, finds it more likely an objection than not: the dialogue supplies the
evidence a cue or an acknowledgement supplies in step 2.

``bench/train_followups.py`` measures this on the labelled corpora, and the small dialogue-feature
model tried instead (trained on the snippets of ``data/followups.tsv`` and the other corpora,
judged leave-one-corpus-out; it added strays and is not used).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.model import Call

from .prefilter import Candidate as CandidateSentence
from .prefilter import (
    after_a_reply_to,
    context_text,
    eligible,
    follow_up_material,
    reply_before,
)

if TYPE_CHECKING:
    import numpy as np

    from .model import Mention, Tuning, VectorsFn

DATA = Path(__file__).resolve().parent / "data"
SNIPPETS_PATH = DATA / "followups.tsv"

LIKELY = 0.5  # the trained detector's own decision point: more likely an objection than not

def objection_probability(texts: Sequence[str], V: np.ndarray) -> np.ndarray:
    """The trained detector's probability for whole turns (0 where it has no weights)."""
    import numpy as np

    from .detect import N_FEATURES, cue_features, load_detector

    detector = load_detector()
    if detector is None or not len(texts) or V.shape[1] + N_FEATURES != len(detector.coef):
        return np.zeros(len(texts), dtype=np.float32)
    return detector.probability(V, np.stack([cue_features(t) for t in texts])).astype(np.float32)


@dataclass
class Candidate:
    """A prospect's turn that may carry on the mention ``anchor`` of the same call."""

    call: Call
    turn: int
    anchor: Mention
    reply: str  # what the seller's side said in between
    back: int


def carried_on(found: Sequence[tuple[Call, CandidateSentence]], detected: np.ndarray, score: np.ndarray,
               learned: np.ndarray, tuning: Tuning) -> np.ndarray:
    """Detection with the dialogue as evidence: a sentence of a prospect's turn that answers the
    seller's reply to that same prospect's objection (raised in one of their previous
    :data:`BACK` turns) is an objection at ``tuning.context_detect`` rather than at
    ``tuning.detect``, when the trained detector is as sure of it as a cue makes a sentence
    (``tuning.learned_alone``). "Three years, with a way out if the funding goes." or "That's not
    how the last one went." name no concern a KB phrasing is close to, and say nothing a cue
    lexicon could list; after an objection and its answer they are the prospect holding out.

    Only the mentions of step 2 count as the objection carried on (no chains), and calls whose
    roles are unknown are left alone: the reply could be anyone's.
    """
    out = detected.copy()
    hit = {(call.path, c.turn) for (call, c), d in zip(found, detected, strict=True) if d}
    for i, (call, c) in enumerate(found):
        if out[i] or not call.roles_known or learned[i] < tuning.learned_alone or score[i] < tuning.context_detect:
            continue
        out[i] = answers_a_reply(call, c.turn, hit)
    return out


def answers_a_reply(call: Call, ti: int, hit: set[tuple[str, int]]) -> bool:
    """Whether turn ``ti`` is the prospect speaking again after a seller's reply to one of their own
    turns in ``hit`` (``(call path, turn)`` pairs; :func:`.prefilter.after_a_reply_to`)."""
    return after_a_reply_to(call, ti, lambda pj: (call.path, pj) in hit)


def _turn_words(call: Call, ti: int) -> str:
    return context_text(call.turns[ti])


def follow_up_candidates(calls: Sequence[Call], mentions: Sequence[Mention], *,
                         elliptical_only: bool = True) -> list[Candidate]:
    """Prospect turns with no mention, that may be follow-ups (:func:`follow_up_material`; any
    short turn with ``elliptical_only`` False, for measuring), after the seller spoke, that follow
    a mention by the same speaker in one of their previous :data:`BACK` turns (on the same call)."""
    by_turn: dict[tuple[str, int], Mention] = {}
    held: dict[str, set[int]] = {}  # each call's turns holding a mention
    for m in mentions:
        by_turn.setdefault((m.call, m.turn), m)
        held.setdefault(m.call, set()).add(m.turn)
    out: list[Candidate] = []
    for call in calls:
        if not call.roles_known:
            continue  # who answers whom is unknown: a "follow-up" could be the seller's own words
        for ti, turn in enumerate(call.turns):
            if not eligible(call, turn) or (call.path, ti) in by_turn:
                continue
            if not follow_up_material(turn, elliptical_only=elliptical_only):
                continue
            found = reply_before(call, ti, held.get(call.path, set()).__contains__)
            if found is not None:
                pj, back, reply = found
                out.append(Candidate(call, ti, by_turn[(call.path, pj)], " ".join(call.turns[r].text for r in reply),
                                     back))
    return out


def candidate_texts(calls: Sequence[Call], mentions: Sequence[Mention]) -> list[str]:
    return [_turn_words(c.call, c.turn) for c in follow_up_candidates(calls, mentions)]


def find_follow_ups(calls: Sequence[Call], mentions: list[Mention], vectors: VectorsFn) -> list[tuple[Mention, Mention]]:
    """The follow-up mentions of ``calls``, each with the mention it carries on, given the
    mentions step 2 found: elliptical candidates that the trained detector, reading the whole
    turn, takes for an objection more likely than not (a follow-up can itself be followed up)."""
    import numpy as np

    from .model import Mention, _unit

    found: list[tuple[Mention, Mention]] = []
    known = list(mentions)
    while known:
        cands = follow_up_candidates(calls, known)
        if not cands:
            return found
        texts = [_turn_words(c.call, c.turn) for c in cands]
        V = np.asarray(vectors(texts), dtype=np.float32)
        p = objection_probability([c.call.turns[c.turn].text for c in cands], V)
        new = []
        for i, c in enumerate(cands):
            if p[i] < LIKELY:
                continue
            t = c.call.turns[c.turn]
            line, column = (t.sentences[0].line, t.sentences[0].column) if t.sentences else (t.line, 1)
            # Its context is the concern it carries on: its words with its anchor's.
            new.append((Mention(
                call=c.call.path, turn=c.turn, line=line, column=column, speaker=t.speaker, text=t.text.strip(),
                score=float(p[i]), vector=_unit(c.anchor.vector + V[i]),
                sentence_vector=V[i], parts=[(t.text.strip(), V[i])],
                lines=[line], columns=[column]), c.anchor))
        if not new:
            return found
        found.extend(new)
        known.extend(m for m, _ in new)
    return found


def load_snippets(path: Path = SNIPPETS_PATH) -> list[dict[str, str]]:
    """The written training snippets: industry, label, the objection, the seller's reply, the
    prospect's next turn (tab-separated, with a header)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"), strict=True)) for ln in lines[1:]
            if ln.strip() and not ln.startswith("#")]
