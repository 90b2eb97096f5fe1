"""Step 2d, a reported piece read with the seller's turn it answers (``Tuning.context``).

Detection reads a sentence alone, and the prospect's situation or pain today is often told in the
words of resistance ("We've never run our own EDC."). What tells the two apart is often the turn
before: a remark answering the seller's question about how things are done today is usually the
situation; the same words after the seller's proposal or price are resistance. A logistic model
over the piece's own evidence (:data:`OWN`), what the seller's turn before it does (:data:`SELLER`)
and what it is about (:data:`ABOUT`: the prospect's objection already raised in this call, which a
seller's question often asks after, "Is it the amount, or the timing?", or a new topic) reads each piece still reported after steps 2 to 2c, and a piece under the
model's bar is set aside, with why in words (:func:`why`). The weights and the bar are fitted on
the labelled development corpora (``bench/objection_context.py``, judged leave-one-corpus-out);
nothing here is set by hand but the words that read the seller's turn, written from how sellers
talk and in no corpus's words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.model import Call, Turn

from .blend import FEATURES as BLEND_FEATURES
from .prefilter import Candidate

if TYPE_CHECKING:
    import numpy as np

    from .detect import Detection

CONTEXT_PATH = Path(__file__).resolve().parent / "data" / "context.json"

# the piece's own evidence: what the add/drop model reads of it (blend.FEATURES), and whether the
# remark is itself a question
OWN: tuple[str, ...] = (*BLEND_FEATURES, "question")
SELLER: tuple[str, ...] = ("asked", "today", "offer", "length")
# what the seller's turn is about: the prospect's objection already raised in this call (a question
# about it is answered with the objection told further) or a new topic (discovery)
ABOUT: tuple[str, ...] = ("raised", "refers", "echo", "similar")
FEATURES: tuple[str, ...] = (*OWN, *SELLER, *ABOUT)
BACK = 3  # turns looked back for the seller's turn: a colleague of the prospect may speak between

# The seller asks how things stand now: the process, the tools, the people, the volumes.
_TODAY = re.compile(
    r"\b(?:today|currently|right now|at the moment|these days|at present|nowadays|"
    r"how (?:do|are|does|is|did) (?:you|your|they|the team|the staff)|how's (?:that|your|it)|"
    r"what (?:do|does|are|is) (?:you|your)|what's your|who (?:handles|does|looks after|runs|owns)|"
    r"walk me through|tell me (?:about|a bit|more)|talk me through|how many|how often|how much time|"
    r"where do you|what happens (?:when|if|after)|what tools?|what systems?|your (?:process|setup|workflow))\b",
    re.I)
# The seller proposes, prices or asks for the deal.
_OFFER = re.compile(
    r"[$£€]\s?\d|\b\d+\s?(?:k|%|percent|dollars|pounds|euros)\b|"
    r"\b(?:per (?:month|year|seat|user|site|location|head|licen[cs]e)|a (?:month|year)\b|price[ds]?|pricing|costs?|"
    r"quote[ds]?|discount|contract|licen[cs]e|subscription|pilot|trial|sign(?: up| off)?|proposal|package|"
    r"plan (?:is|would)|onboard(?:ing)?|roll(?:ing)? (?:it|this) out|get you (?:started|set up)|"
    r"we(?:'d| would| could| can| will|'ll) (?:start|set|offer|do|give|put|propose|include|handle|take|move|"
    r"get|run|bring)|i(?:'d| would) (?:suggest|propose|recommend)|what if we|how about we|next step)\b",
    re.I)

# The seller refers back to what the prospect just said: words of general dialogue, in no corpus's words.
_REFERS = re.compile(
    r"\b(?:specifically|exactly|precisely|in particular|what do you mean|what did you mean|what does that mean|"
    r"when you say|you said|you say|you mentioned|you raised|which part|which bit|what part|what about (?:it|that)|"
    r"is it the\b.{1,60}\bor\b|is that (?:the|because|about)|how so|how come|in what way|what makes (?:that|it|you)|"
    r"what's behind|what is behind|why (?:is|was|does|did|would) (?:that|it)|"
    r"say (?:a bit |a little )?more about (?:that|it|the)|tell me more about (?:that|it|the)|"
    r"(?:the|that|your) (?:worry|concern|issue|problem|hesitation|objection|sticking point)|"
    r"what (?:went wrong|happened|worries you|concerns you|bothers you))\b",
    re.I)
_CONTENT = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


def seller_turn(call: Call, ti: int) -> Turn | None:
    """The seller's turn the prospect's turn ``ti`` answers: the nearest turn before it, at most
    :data:`BACK` back, spoken by someone on the seller's side (None where roles are unknown)."""
    if not call.roles_known:
        return None
    me = call.turns[ti]
    for t in reversed(call.turns[max(0, ti - BACK):ti]):
        if t.role == "internal":
            return t
        if t.speaker == me.speaker:  # the prospect's own earlier turn: nothing answered in between
            return None
    return None


def _last_sentences(text: str, n: int = 1) -> str:
    """The last ``n`` sentences of a turn, where what a seller asks the prospect usually sits."""
    parts = [p for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p]
    return " ".join(parts[-n:])


def seller_features(turn: Turn | None) -> list[float]:
    """:data:`SELLER` of the seller's turn before a remark (all 0 where there is none): it ends in
    a question; its last two sentences ask about the situation today (as a question or as "tell me
    how ..."); it proposes or prices; its length."""
    if turn is None:
        return [0.0] * len(SELLER)
    return [float("?" in _last_sentences(turn.text)), float(bool(_TODAY.search(_last_sentences(turn.text, 2)))),
            float(bool(_OFFER.search(turn.text))), min(len(turn.text.split()), 60) / 60]


def _stems(text: str) -> set[str]:
    """The content words of a text (four letters or more, no stop word), cut to five letters so that
    "choked" meets "choke" and "prices" meets "priced"."""
    from knowledge.lexical import STOPWORDS

    return {w[:5] for w in (m.group().lower() for m in _CONTENT.finditer(text)) if w not in STOPWORDS}


def about_features(asked: str, earlier: Sequence[str], q: np.ndarray | None, E: np.ndarray) -> list[float]:
    """:data:`ABOUT` of the seller's last two sentences ``asked``, against the prospect's pieces
    reported earlier in the call (their texts ``earlier``, their sentence vectors ``E``; ``q`` the
    vector of ``asked``): an objection was raised before; the seller refers back; the share of the
    seller's content words that echo it; the closest of them by meaning."""
    if not asked:
        return [0.0] * len(ABOUT)
    mine = _stems(asked)
    theirs = set().union(*(_stems(t) for t in earlier)) if earlier else set()
    echo = len(mine & theirs) / len(mine) if mine else 0.0
    similar = float(max(0.0, (E @ q).max())) if q is not None and len(E) else 0.0
    return [float(bool(earlier)), float(bool(_REFERS.search(asked))), echo, similar]


def _about_rows(found: Sequence[tuple[Call, Candidate]], keys: Sequence[tuple[str, int, int]], detected: np.ndarray,
                S: np.ndarray | None, vectors: Callable[[Sequence[str]], np.ndarray] | None) -> np.ndarray:
    """:data:`ABOUT` for each piece: what the seller's turn before it asks against the prospect's
    pieces reported in earlier turns of the same call. Without ``S`` or ``vectors`` the meaning is
    not read (``similar`` 0)."""
    import numpy as np

    calls = {call.path: call for call, _ in found}
    reported: dict[str, list[int]] = {}
    for i, (call, _) in enumerate(found):
        if detected[i]:
            reported.setdefault(call.path, []).append(i)
    asks = []
    for path, ti, _ in keys:
        turn = seller_turn(calls[path], ti)
        asks.append(" ".join(_last_sentences(turn.text, 2).split()) if turn is not None else "")
    Q = vectors([a for a in asks if a]) if vectors is not None and S is not None and any(asks) else None
    out = np.zeros((len(keys), len(ABOUT)), dtype=np.float64)
    n = 0
    for r, ((path, ti, _), asked) in enumerate(zip(keys, asks, strict=True)):
        before = [i for i in reported.get(path, ()) if found[i][1].turn < ti]
        q = None
        if asked and Q is not None:
            q, n = Q[n], n + 1
        E = S[before] if S is not None and before else np.zeros((0, 1))
        out[r] = about_features(asked, [found[i][1].raw for i in before], q, E)
    return out


def piece_rows(found: Sequence[tuple[Call, Candidate]], T: np.ndarray, det: Detection, detected: np.ndarray,
               S: np.ndarray | None = None, vectors: Callable[[Sequence[str]], np.ndarray] | None = None,
               ) -> tuple[list[tuple[str, int, int]], dict[tuple[str, int, int], list[int]], np.ndarray]:
    """Each turn piece holding a reported sentence, its reported candidates, and its
    :data:`FEATURES`. ``T`` holds the vector of each candidate's whole turn (as for the blend), ``S``
    each candidate's own vector, and ``vectors`` embeds the seller's questions (for ``similar``)."""
    import numpy as np

    from .blend import piece_features

    rows: dict[tuple[str, int, int], list[int]] = {}
    for i, (call, c) in enumerate(found):
        if detected[i]:
            rows.setdefault((call.path, c.turn, c.piece), []).append(i)
    keys = list(rows)
    if not keys:
        return keys, rows, np.zeros((0, len(FEATURES)), dtype=np.float64)
    # the blend's features, its whole-turn reading made only for the pieces reported
    every, B = piece_features(found, T, det, need=lambda ks, _: np.asarray([k in rows for k in ks], dtype=bool))
    at = {k: r for r, k in enumerate(every)}
    calls = {call.path: call for call, _ in found}
    X = np.zeros((len(keys), len(FEATURES)), dtype=np.float64)
    for r, k in enumerate(keys):
        X[r, :len(BLEND_FEATURES)] = B[at[k]]
        X[r, len(BLEND_FEATURES)] = float(any(found[i][1].raw.strip().endswith("?") for i in rows[k]))
        X[r, len(OWN):len(OWN) + len(SELLER)] = seller_features(seller_turn(calls[k[0]], k[1]))
    X[:, len(OWN) + len(SELLER):] = _about_rows(found, keys, detected, S, vectors)
    return keys, rows, X


@dataclass(frozen=True)
class ContextModel:
    """A logistic model over :data:`FEATURES`; a reported piece under ``drop`` is set aside."""

    coef: np.ndarray
    intercept: float
    drop: float

    def probability(self, X: np.ndarray) -> np.ndarray:
        import numpy as np

        return 1.0 / (1.0 + np.exp(-(X.astype(np.float64) @ self.coef + self.intercept)))


@lru_cache(maxsize=1)
def load_context_model(path: Path = CONTEXT_PATH) -> ContextModel | None:
    """The shipped model, or None where it is missing or was fitted on other features."""
    import numpy as np

    if not path.is_file():
        return None
    d = json.loads(path.read_text(encoding="utf-8"))
    if tuple(d.get("features", ())) != FEATURES:
        return None
    return ContextModel(coef=np.asarray(d["coef"], dtype=np.float64), intercept=float(d["intercept"]),
                        drop=float(d["drop"]))


def why(turn: Turn | None, x: Sequence[float]) -> str:
    """The reason a piece is set aside, in words: what the seller's turn before it asked or said."""
    if turn is None:
        return "set aside: read with the turns around it, it carries no resistance"
    said = " ".join(_last_sentences(turn.text).split())
    said = said if len(said) <= 90 else said[:87] + "..."
    j = len(OWN)
    if x[j + 1]:
        return f"set aside: it answers the seller's question about how things are today (\"{said}\")"
    if x[j]:
        return f"set aside: it answers the seller's question (\"{said}\")"
    return f"set aside: read after the seller's turn (\"{said}\"), it carries no resistance"


def set_aside(found: Sequence[tuple[Call, Candidate]], T: np.ndarray, det: Detection, detected: np.ndarray,
              S: np.ndarray | None = None, vectors: Callable[[Sequence[str]], np.ndarray] | None = None,
              model: ContextModel | None = None) -> tuple[np.ndarray, list[tuple[str, int, str]]]:
    """``detected`` less the pieces the model reads as no objection with the seller's turn before
    them, and for each piece set aside its call, first line and :func:`why`."""
    model = model or load_context_model()
    out = detected.copy()
    if model is None or not len(found) or model.drop <= 0:
        return out, []
    keys, rows, X = piece_rows(found, T, det, detected, S, vectors)
    if not keys:
        return out, []
    prob = model.probability(X)
    calls = {call.path: call for call, _ in found}
    reasons: list[tuple[str, int, str]] = []
    for r, k in enumerate(keys):
        if prob[r] < model.drop:
            out[rows[k]] = False
            reasons.append((k[0], found[rows[k][0]][1].line, why(seller_turn(calls[k[0]], k[1]), X[r])))
    return out, reasons
