"""Step 2c, the turn-piece blend: a piece of a prospect's turn in which no sentence was detected
is a mention when a logistic model over what detection already knows of it says so.

Detection (:mod:`.detect`) weighs closeness to the KB's own objection phrasings heavily, so a
concern no entry names ("they fly up to mine sites where there's no reception") starts low
however sure the trained detector is. The blend reads the piece as a whole, the trained
detector's probability for its sentences and for the whole turn, its closeness to the KB and to
the generic prototypes, its cues, the seller's acknowledgement, whether it answers the seller's
reply to the same prospect's objection and how far into the call it comes, with weights and a bar fitted on the labelled
development corpora (``bench/objection_blend.py``, judged leave-one-corpus-out) rather than set by
hand. It only adds mentions: what step 2 detected stays detected.

The add/drop model (:class:`PieceModel`, :func:`reweighed`; ``Tuning.pieces``) replaces it: one
model over every piece, detected or not, with whether detection took the piece as an eleventh
feature, a bar to add a piece detection passed over and a bar to drop one it took (with
``Tuning.drop_anywhere``, off, a piece is dropped only when it falls under ``drop_anywhere``
wherever it fell in the call: :func:`anywhere`). The blend is the same class with no bar to drop.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.model import Call

from .followups import answers_a_reply
from .prefilter import Candidate

if TYPE_CHECKING:
    import numpy as np

    from .detect import Detection

BLEND_PATH = Path(__file__).resolve().parent / "data" / "blend.json"

FEATURES: tuple[str, ...] = (
    "score",  # the detection score's largest value in the piece
    "closeness",  # closeness to the KB's objection phrasings, largest
    "generic",  # the generic prototypes' score, largest
    "learned",  # the trained detector's log-odds, largest sentence
    "learned_mean",  # ... and their mean over the piece
    "turn",  # the trained detector's log-odds for the whole turn
    "cues",
    "ack",
    "answers",  # the prospect answers the seller's reply to their own detected objection
    "position",  # how far into the call the turn is (the square root of its share of the turns
    # before it): a prospect tells their situation early, in discovery, and holds out later, once
    # they have seen what is offered; the root spreads out the first turns, where that changes most
)
CLIP = 1e-4  # probabilities are read as log-odds between those of CLIP and 1 - CLIP ...
SCALE = 4.0  # ... divided by this, to sit on the scale of the other features
TURN_BOUND = math.log((1 - CLIP) / CLIP) / SCALE  # the largest a log-odds feature can be, either way


def _logit(p: np.ndarray) -> np.ndarray:
    import numpy as np

    q = np.clip(p.astype(np.float64), CLIP, 1 - CLIP)
    return np.log(q / (1 - q)) / SCALE


def piece_features(found: Sequence[tuple[Call, Candidate]], T: np.ndarray, det: Detection,
                   need: Callable[[list[tuple[str, int, int]], np.ndarray], np.ndarray] | None = None,
                   ) -> tuple[list[tuple[str, int, int]], np.ndarray]:
    """Each turn piece holding a candidate, and its :data:`FEATURES`. ``T`` holds, for each
    candidate, the vector of its whole turn (its context text, which ingest embedded already).

    Reading a whole turn's words costs more than the rest together, so with ``need`` given a turn
    is read only where it could change a decision: given the pieces and their features with the
    turn feature at 0, ``need`` marks the pieces whose decision the turn could change (the turn's
    log-odds are bounded); elsewhere the turn feature is left at 0."""
    import numpy as np

    from .followups import objection_probability

    keys: list[tuple[str, int, int]] = []
    index: dict[tuple[str, int, int], int] = {}
    gid = np.zeros(len(found), dtype=np.int64)
    for i, (call, c) in enumerate(found):
        k = (call.path, c.turn, c.piece)
        if k not in index:
            index[k] = len(keys)
            keys.append(k)
        gid[i] = index[k]
    if not keys:
        return keys, np.zeros((0, len(FEATURES)), dtype=np.float32)
    n = len(keys)
    calls = {call.path: call for call, _ in found}
    turn_keys = list(dict.fromkeys((p, t) for p, t, _ in keys))
    turn_of = {k: j for j, k in enumerate(turn_keys)}
    first: dict[tuple[str, int], int] = {}
    for i, (call, c) in enumerate(found):
        first.setdefault((call.path, c.turn), i)
    hit = {(call.path, c.turn) for (call, c), d in zip(found, det.detected, strict=True) if d}
    lg = _logit(det.learned)

    def largest(v: np.ndarray) -> np.ndarray:
        out = np.full(n, -np.inf)
        np.maximum.at(out, gid, v.astype(np.float64))
        return out

    mean = np.bincount(gid, weights=lg, minlength=n) / np.bincount(gid, minlength=n)
    X = np.zeros((n, len(FEATURES)), dtype=np.float32)
    X[:, 0], X[:, 1], X[:, 2] = largest(det.score), largest(det.closeness), largest(det.generic)
    X[:, 3], X[:, 4] = largest(lg), mean
    X[:, 6], X[:, 7] = largest(det.cues), largest(det.ack)
    X[:, 8] = [float(answers_a_reply(calls[p], t, hit)) for p, t, _ in keys]
    X[:, 9] = [(t / max(1, len(calls[p].turns) - 1)) ** 0.5 for p, t, _ in keys]
    read = np.ones(len(turn_keys), dtype=bool)
    if need is not None:
        read[:] = False
        for r in np.where(need(keys, X))[0]:
            read[turn_of[keys[r][:2]]] = True
    idx = np.where(read)[0]
    V = np.asarray(T[[first[turn_keys[j]] for j in idx]], dtype=np.float32)
    turn_p = np.zeros(len(turn_keys))
    turn_p[idx] = _logit(objection_probability([calls[turn_keys[j][0]].turns[turn_keys[j][1]].text for j in idx], V))
    X[:, 5] = turn_p[[turn_of[k[:2]] for k in keys]]
    return keys, X


PIECES_PATH = Path(__file__).resolve().parent / "data" / "pieces.json"
PIECE_FEATURES: tuple[str, ...] = (*FEATURES, "taken")  # taken: detection reported a mention in the piece


@dataclass(frozen=True)
class PieceModel:
    """A logistic model over :data:`PIECE_FEATURES`: a piece detection passed over is added from
    ``add`` up; one it took is dropped under ``drop`` (0, the blend: nothing is dropped)."""

    coef: np.ndarray
    intercept: float
    add: float
    drop: float = 0.0
    # the bar to drop under when a piece must also read as no objection wherever it fell in the call
    # (``reweighed(..., anywhere_guard=True)``), fitted with that guard; None: ``drop``
    drop_anywhere: float | None = None

    def probability(self, X: np.ndarray) -> np.ndarray:
        import numpy as np

        return 1.0 / (1.0 + np.exp(-(X.astype(np.float64) @ self.coef + self.intercept)))


def _load(path: Path, features: tuple[str, ...]) -> PieceModel | None:
    import numpy as np

    if not path.is_file():
        return None
    d = json.loads(path.read_text(encoding="utf-8"))
    if tuple(d.get("features", ())) != features:
        return None
    coef = np.asarray(d["coef"], dtype=np.float64)
    # the blend was fitted on the pieces detection passed over, which it alone reads: "taken" is 0
    # for all of them and weighs nothing
    coef = np.append(coef, np.zeros(len(PIECE_FEATURES) - len(coef)))
    return PieceModel(coef=coef, intercept=float(d["intercept"]), add=float(d["add"] if "add" in d else d["bar"]),
                      drop=float(d.get("drop", 0.0)),
                      drop_anywhere=float(d["drop_anywhere"]) if "drop_anywhere" in d else None)


@lru_cache(maxsize=1)
def load_blend(path: Path = BLEND_PATH) -> PieceModel | None:
    """The shipped blend (a model that only adds), or None where it is missing or was fitted on
    other features."""
    return _load(path, FEATURES)


@lru_cache(maxsize=1)
def load_piece_model(path: Path = PIECES_PATH) -> PieceModel | None:
    """The shipped add/drop model, or None where it is missing or was fitted on other features."""
    return _load(path, PIECE_FEATURES)


def blended(found: Sequence[tuple[Call, Candidate]], T: np.ndarray, det: Detection, detected: np.ndarray,
            blend: PieceModel | None = None) -> np.ndarray:
    """Detection with the blend: in each turn with no detected sentence, the piece the blend is
    surest of, when it passes the bar, gains the sentence the trained detector is surest of."""
    blend = blend or load_blend()
    if blend is None:
        return detected.copy()
    return reweighed(found, T, det, detected, blend, roles_unknown=True)


# The add/drop model: one logistic model over every piece, detected or not, reading the blend's
# features and whether detection took the piece; a piece detection passed over is added above one
# bar, a piece it took is dropped below another (``Tuning.pieces``; ``bench/objection_blend.py
# --pieces``, judged leave-one-corpus-out through the whole analysis).


def anywhere(X: np.ndarray, coef: np.ndarray) -> np.ndarray:
    """``X`` with each piece moved to the place in the call where the model reads it as most
    objection-like. A detected piece is dropped only when it reads as no objection there too: the
    model learned that prospects describe their situation early and object late, but a plain
    objection raised in the first turns ("my bigger worry is getting everything out of the old
    system") is no less one, and where it falls must not be what drops it."""
    out = X.copy()
    j = FEATURES.index("position")
    out[:, j] = 1.0 if float(coef[j]) >= 0 else 0.0
    return out


def _rows(det: Detection, keep: list[int]) -> Detection:
    """``det`` for the candidates ``keep`` (cohesion is per entry and stays whole)."""
    from dataclasses import fields, replace

    return replace(det, **{f.name: getattr(det, f.name)[keep] for f in fields(det) if f.name != "cohesion"})


def reweighed(found: Sequence[tuple[Call, Candidate]], T: np.ndarray, det: Detection, detected: np.ndarray,
              model: PieceModel | None = None, roles_unknown: bool = False,
              anywhere_guard: bool = False) -> np.ndarray:
    """Detection with the add/drop model: a detected piece the model reads as no objection loses
    its detected sentences; in a turn where nothing was detected, the piece the model is surest of,
    when it passes the bar to add, gains the sentence the trained detector is surest of.
    The calls whose speakers' roles are unknown are left as detection decided them unless
    ``roles_unknown``: there every turn is a candidate, the seller's too, and the model was fitted
    on calls whose roles were known, so it would read a seller's pitch by the features of a
    prospect's turn (where it falls in the call, whether it answers a reply). The blend, which only
    adds, reads them as it was measured to.
    With ``anywhere_guard`` a detected piece is dropped only when it reads as no objection wherever it
    fell in the call (:func:`anywhere`), under the bar fitted with that guard (``drop_anywhere``)."""
    import numpy as np

    model = model or load_piece_model()
    out = detected.copy()
    if model is None or not len(found):
        return out
    rows: dict[tuple[str, int, int], list[int]] = {}
    for i, (call, c) in enumerate(found):
        rows.setdefault((call.path, c.turn, c.piece), []).append(i)
    if not roles_unknown and not all(call.roles_known for call, _ in found):
        keep = [i for i, (call, _) in enumerate(found) if call.roles_known]
        if keep:
            out[keep] = reweighed([found[i] for i in keep], T[keep], _rows(det, keep), detected[keep], model,
                                  anywhere_guard=anywhere_guard)
        return out
    held = {k for k, idx in rows.items() if out[idx].any()}
    # One mention at most per turn, and none in a turn that holds one: the pieces of one turn
    # (cues of a subtitle file) are one prospect's one remark, and two mentions of it would pass
    # for a theme said twice.
    taken = {k[:2] for k in held}
    j = FEATURES.index("turn")
    reach = abs(float(model.coef[j])) * TURN_BOUND
    drop = model.drop_anywhere if anywhere_guard and model.drop_anywhere is not None else model.drop
    add_z, drop_z = (math.log(b / (1 - b)) if 0 < b < 1 else (math.inf if b >= 1 else -math.inf)
                     for b in (model.add, drop))

    def need(keys: list[tuple[str, int, int]], X: np.ndarray) -> np.ndarray:
        took = np.asarray([k in held for k in keys], dtype=bool)
        z = np.hstack([X, took[:, None]]).astype(np.float64) @ model.coef + model.intercept
        free = np.asarray([k[:2] not in taken for k in keys], dtype=bool)
        if anywhere_guard:
            z_anywhere = anywhere(np.hstack([X, took[:, None]]), model.coef).astype(np.float64) @ model.coef
            z = np.where(took, np.maximum(z, z_anywhere + model.intercept), z)
        return np.where(took, z - reach < drop_z, free & (z + reach >= add_z))

    keys, X = piece_features(found, T, det, need=need)
    took = np.asarray([k in held for k in keys], dtype=bool)
    prob = model.probability(np.hstack([X, took[:, None]]))
    kept = model.probability(anywhere(np.hstack([X, took[:, None]]), model.coef)) if anywhere_guard else prob
    best: dict[tuple[str, int], int] = {}
    for r, k in enumerate(keys):
        if took[r]:
            if prob[r] < drop and kept[r] < drop:
                out[rows[k]] = False
        elif prob[r] >= model.add and k[:2] not in taken and (k[:2] not in best or prob[r] > prob[best[k[:2]]]):
            best[k[:2]] = r
    for r in best.values():
        idx = rows[keys[r]]
        out[max(idx, key=lambda i: float(det.learned[i]))] = True
    return out
