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

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.model import Call

from .prefilter import (
    _NUMBER,
    acknowledges,
    after_a_reply_to,
    clean,
    context_text,
    cue_score,
    eligible,
    elliptical,
    follow_up_material,
    reply_before,
)
from .prefilter import Candidate as CandidateSentence

if TYPE_CHECKING:
    import numpy as np

    from .model import Mention, Tuning, VectorsFn

DATA = Path(__file__).resolve().parent / "data"
SNIPPETS_PATH = DATA / "followups.tsv"
MODEL_PATH = DATA / "followups_model.json"

LIKELY = 0.5  # the trained detector's own decision point: more likely an objection than not

# A question challenging what the seller just claimed: who/how/what-if about a figure or a promise.
_WH_QUESTION = re.compile(r"(?:^|[,.;:?!]\s*)(?:\w+,? )?(?:who|how|what|where|which|why|says who|based on)\b[^.?!]*\?",
                          re.I)
_CLAIM = re.compile(r"\b(?:percent|guarantee\w*|promise\w*|always|never|every|all of|within|less than|"
                    r"more than|up to|at least)\b", re.I)
_NEGATION = re.compile(r"\b(?:not|no|never|can't|cannot|won't|don't|doesn't|isn't|aren't|nobody|nothing)\b", re.I)
# The dialogue features of a follow-up candidate (:func:`dialogue_features`), in order.
FEATURES = ("closeness", "words", "question", "elliptical", "ack", "reply_words", "cues", "negation",
            "second_back", "challenge", "detector")


def challenges(text: str, reply: str) -> bool:
    """A who/how/what question about a figure or a promise the seller's ``reply`` made."""
    return bool(_WH_QUESTION.search(clean(text))) and bool(_CLAIM.search(reply) or _NUMBER.search(reply))


def dialogue_features(text: str, vec: np.ndarray, anchor: np.ndarray, reply: str, back: int,
                      detector: float) -> np.ndarray:
    """:data:`FEATURES` of a candidate turn (``text``, embedding ``vec``) carrying on a mention
    (sentence vector ``anchor``) after the seller's ``reply``, ``back`` of the speaker's turns on;
    ``detector`` is the trained detector's probability for the whole turn."""
    import numpy as np

    c = clean(text)
    return np.asarray([
        float(vec @ anchor), min(len(c.split()), 30) / 30, float("?" in text), float(elliptical(text)),
        float(acknowledges(reply)), min(len(clean(reply).split()), 40) / 40, min(cue_score(text), 2.0) / 2,
        float(bool(_NEGATION.search(c))), float(back == 2), float(challenges(text, reply)), float(detector),
    ], dtype=np.float32)


@dataclass(frozen=True)
class FollowUpModel:
    """A logistic regression over :data:`FEATURES` and the probability at or above which a short
    turn after an objection and the seller's reply is taken for a follow-up, elliptical or not
    (``bench/train_followups.py``)."""

    coef: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, X: np.ndarray) -> np.ndarray:
        import numpy as np

        return 1 / (1 + np.exp(-(X @ np.asarray(self.coef) + self.bias)))

    def to_dict(self) -> dict[str, object]:
        return {"features": list(FEATURES), "coef": list(self.coef), "bias": self.bias, "threshold": self.threshold}


@lru_cache(maxsize=1)
def load_follow_up_model(path: Path = MODEL_PATH) -> FollowUpModel | None:
    """The shipped follow-up model, or None where there is none (the elliptical rule alone)."""
    if not path.is_file():
        return None
    z = json.loads(path.read_text(encoding="utf-8"))
    if tuple(z["features"]) != FEATURES:
        return None
    return FollowUpModel(tuple(float(w) for w in z["coef"]), float(z["bias"]), float(z["threshold"]))

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


def find_follow_ups(calls: Sequence[Call], mentions: list[Mention], vectors: VectorsFn,
                    model: FollowUpModel | None = None) -> list[tuple[Mention, Mention, bool]]:
    """The follow-up mentions of ``calls``, each with the mention it carries on and whether it is
    placed by its own words, given the mentions step 2 found: elliptical candidates that the trained
    detector, reading the whole turn, takes for an objection more likely than not (filed with
    their anchor: "and the trailers?" names an item of the anchor's concern), and with a ``model``
    (:class:`FollowUpModel`) any other short candidate it puts at or over its threshold (placed by
    its own words: "and procurement will say use what we've got" after an adoption objection raises
    another concern). A follow-up can itself be followed up."""
    import numpy as np

    found: list[tuple[Mention, Mention, bool]] = []
    known = list(mentions)
    while known:
        cands = follow_up_candidates(calls, known, elliptical_only=model is None)
        if not cands:
            return found
        texts = [_turn_words(c.call, c.turn) for c in cands]
        V = np.asarray(vectors(texts), dtype=np.float32)
        p = objection_probability([c.call.turns[c.turn].text for c in cands], V)
        rule, take = _taken(cands, V, p, model)
        new = [(_follow_up_mention(c, V[i], float(p[i])), c.anchor, not rule[i])
               for i, c in enumerate(cands) if take[i]]
        if not new:
            return found
        found.extend(new)
        known.extend(m for m, _, _ in new)
    return found


def _taken(cands: Sequence[Candidate], V: np.ndarray, p: np.ndarray,
           model: FollowUpModel | None) -> tuple[np.ndarray, np.ndarray]:
    """Which candidates the elliptical rule takes (elliptical, the detector at :data:`LIKELY`),
    and which are follow-ups: those, and those at the ``model``'s threshold."""
    import numpy as np

    texts = [c.call.turns[c.turn].text for c in cands]
    rule = np.asarray([elliptical(t) for t in texts], dtype=bool) & (p >= LIKELY)
    if model is None:
        return rule, rule
    X = np.stack([dialogue_features(t, V[i], c.anchor.sentence_vector, c.reply, c.back, float(p[i]))
                  for i, (t, c) in enumerate(zip(texts, cands, strict=True))])
    return rule, rule | (model.probability(X) >= model.threshold)


def _follow_up_mention(c: Candidate, vec: np.ndarray, p: float) -> Mention:
    """The mention of follow-up candidate ``c``: its context is the concern it carries on, its
    words with its anchor's."""
    from .model import Mention, _unit

    t = c.call.turns[c.turn]
    line, column = (t.sentences[0].line, t.sentences[0].column) if t.sentences else (t.line, 1)
    return Mention(call=c.call.path, turn=c.turn, line=line, column=column, speaker=t.speaker, text=t.text.strip(),
                   score=p, vector=_unit(c.anchor.vector + vec), sentence_vector=vec, parts=[(t.text.strip(), vec)],
                   lines=[line], columns=[column])


def load_snippets(path: Path = SNIPPETS_PATH) -> list[dict[str, str]]:
    """The written training snippets: industry, label, the objection, the seller's reply, the
    prospect's next turn (tab-separated, with a header)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"), strict=True)) for ln in lines[1:]
            if ln.strip() and not ln.startswith("#")]
