"""The turn-piece blend (``knowledge/objections/blend.py``): what it reads of each piece, where it
adds a mention, and how a remark only it found is placed. No model: detection's arrays are built
by hand, and a blend whose weights say yes or no everywhere stands in for the shipped one."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.model import Call, Sentence, Turn
from knowledge.objections import DEFAULT_TUNING, Mention, analyze
from knowledge.objections import blend as blend_module
from knowledge.objections.blend import (
    FEATURES,
    PIECE_FEATURES,
    PieceModel,
    anywhere,
    blended,
    load_blend,
    load_piece_model,
    piece_features,
    reweighed,
)
from knowledge.objections.detect import Detection
from knowledge.objections.prefilter import candidates
from knowledge.objections.themes import _assign
from tests.knowledge.test_objections import CONTRACT

REP, PROSPECT = "internal", "external"
LINES = [
    ("Sam Rep", REP, "Thanks for making the time today, shall we start?"),
    ("Lee", PROSPECT, "We don't sign annual contracts with new vendors, procurement won't approve it."),
    ("Sam Rep", REP, "Understood. Would a two-year term with a break clause work for your team?"),
    ("Lee", PROSPECT, "Half our drivers work in valleys where the phones have no signal at all."),
    ("Sam Rep", REP, "The app keeps working offline and syncs when it is back in range."),
    ("Lee", PROSPECT, "Our auditors will want the export in their own format every single quarter."),
]


def _call(lines=LINES, roles_known: bool = True) -> Call:
    turns = [Turn(speaker=s, text=t, line=10 + 4 * i, role=r, sentences=[Sentence(text=t, line=10 + 4 * i)])
             for i, (s, r, t) in enumerate(lines)]
    return Call(path="calls/f.vtt", turns=turns, roles_known=roles_known)


def _detection(n: int, detected: list[int], learned: float = 0.5) -> Detection:
    z = np.zeros(n, dtype=np.float32)
    d = np.zeros(n, dtype=bool)
    d[detected] = True
    return Detection(score=z + 0.5, detected=d, learned=z + learned, similar=z + 0.5, cues=z, ack=z,
                     as_close=np.zeros(n, dtype=bool), cohesion=np.zeros(1, dtype=np.float32), evidence=d.copy(),
                     closeness=z + 0.4, generic=z + 0.5)


def _found(call: Call):
    return [(call, c) for c in candidates(call)[0]]


def _always(yes: bool) -> PieceModel:
    return PieceModel(coef=np.zeros(len(PIECE_FEATURES)), intercept=20.0 if yes else -20.0, add=0.8)


def test_the_shipped_blend_reads_the_features_it_was_fitted_on():
    blend = load_blend()
    assert blend is not None
    # fitted on the pieces detection passed over: whether detection took one weighs nothing
    assert len(blend.coef) == len(PIECE_FEATURES) and blend.coef[-1] == 0.0
    assert 0.5 < blend.add < 1.0 and blend.drop == 0.0


def test_a_piece_is_read_by_its_place_in_the_call_and_the_dialogue_before_it():
    call = _call()
    found = _found(call)
    turns = [c.turn for _, c in found]
    assert turns == [1, 3, 5]
    det = _detection(len(found), detected=[0])
    keys, X = piece_features(found, np.ones((len(found), 8), dtype=np.float32) / np.sqrt(8), det)
    assert [k[1] for k in keys] == [1, 3, 5]
    col = {f: i for i, f in enumerate(FEATURES)}
    position = X[:, col["position"]]
    assert list(position) == sorted(position) and position[0] > 0 and position[-1] == pytest.approx(1.0)
    # turn 3 answers the seller's reply to the objection detected in turn 1; turn 5 is two
    # turns on, and holds out after the objection of turn 1 too (the speaker's previous two)
    assert list(X[:, col["answers"]]) == [0.0, 1.0, 1.0]
    # unknown roles: the reply could be anyone's, so nothing answers anything
    unknown = _call(roles_known=False)
    found_u = _found(unknown)
    _, Xu = piece_features(found_u, np.ones((len(found_u), 8), dtype=np.float32) / np.sqrt(8),
                           _detection(len(found_u), detected=[0]))
    assert not Xu[:, col["answers"]].any()


def test_the_blend_adds_a_mention_only_to_turns_that_hold_none():
    call = _call()
    found = _found(call)
    T = np.ones((len(found), 8), dtype=np.float32) / np.sqrt(8)
    det = _detection(len(found), detected=[0])
    out = blended(found, T, det, det.detected, _always(True))
    assert list(out) == [True, True, True]
    out = blended(found, T, det, det.detected, _always(False))
    assert list(out) == [True, False, False]


def _one_turn_in_two_pieces():
    """Three candidates: the first detected, the other two one turn cut into two pieces (two cues of a
    subtitle file), the trained detector surer of the second piece."""
    found = _found(_call())
    (_, a), (_, b) = found[1], found[2]
    b.turn, b.piece = a.turn, 1
    T = np.ones((len(found), 8), dtype=np.float32) / np.sqrt(8)
    det = _detection(len(found), detected=[0])
    det.learned[:] = [0.5, 0.6, 0.9]
    return found, T, det


def test_one_turn_in_several_pieces_gives_one_mention_at_its_surest_sentence():
    found, T, det = _one_turn_in_two_pieces()
    coef = np.zeros(len(PIECE_FEATURES))
    coef[FEATURES.index("learned")] = 5.0
    # both pieces pass the bar; the one the blend is surer of is taken
    out = blended(found, T, det, det.detected, PieceModel(coef=coef, intercept=0.0, add=0.6))
    assert list(out) == [True, False, True]


def _mention(v: np.ndarray, call: str, blended_: bool) -> Mention:
    return Mention(call=call, turn=1, line=12, column=1, speaker="P", text="a remark", score=0.9, vector=v,
                   sentence_vector=v, blended=blended_)


def test_a_remark_only_the_blend_found_is_left_out_rather_than_filed_under_a_far_entry():
    rng = np.random.default_rng(3)
    e, other = (v / np.linalg.norm(v) for v in rng.standard_normal((2, 48)).astype(np.float32))
    other = other - (other @ e) * e
    other /= np.linalg.norm(other)
    # 0.28 alike to the entry: over ``lone`` (0.20), under ``lone_entry`` (0.35)
    v = 0.28 * e + np.sqrt(1 - 0.28 ** 2) * other
    R, owner = e[None, :], np.zeros(1, np.int64)
    out = _assign([_mention(v, "calls/a.vtt", False)], [CONTRACT], R, owner, DEFAULT_TUNING)
    assert [(o.id, len(o.mentions)) for o in out if o.mentions] == [("objections/contract", 1)]
    out = _assign([_mention(v, "calls/a.vtt", True)], [CONTRACT], R, owner, DEFAULT_TUNING)
    assert not [o for o in out if o.mentions]
    # close enough to go straight to the entry, it does, however it was found
    w = 0.5 * e + np.sqrt(1 - 0.25) * other
    out = _assign([_mention(w, "calls/a.vtt", True)], [CONTRACT], R, owner, DEFAULT_TUNING)
    assert [(o.id, len(o.mentions)) for o in out if o.mentions] == [("objections/contract", 1)]


# -- the add/drop model (one model over every piece, with whether detection took it) ---------------


def _pieces(intercept: float, **weights: float) -> PieceModel:
    coef = np.zeros(len(PIECE_FEATURES))
    for name, w in weights.items():
        coef[PIECE_FEATURES.index(name)] = w
    return PieceModel(coef=coef, intercept=intercept, add=0.8, drop=0.2)


def test_the_shipped_piece_model_reads_the_features_it_was_fitted_on():
    model = load_piece_model()
    assert model is not None
    assert len(model.coef) == len(PIECE_FEATURES) == len(FEATURES) + 1
    assert 0.0 <= model.drop < model.add


def test_a_piece_model_is_loaded_only_with_the_features_it_reads(tmp_path):
    import json

    path = tmp_path / "pieces.json"
    assert load_piece_model(path) is None  # missing
    fields = {"coef": [0.5] * len(PIECE_FEATURES), "intercept": -1.0, "add": 0.7, "drop": 0.3}
    path.write_text(json.dumps({"features": list(FEATURES), **fields}), encoding="utf-8")
    load_piece_model.cache_clear()
    assert load_piece_model(path) is None  # fitted without the eleventh feature
    path.write_text(json.dumps({"features": list(PIECE_FEATURES), **fields}), encoding="utf-8")
    load_piece_model.cache_clear()
    model = load_piece_model(path)
    load_piece_model.cache_clear()
    assert model is not None and (model.add, model.drop, model.intercept) == (0.7, 0.3, -1.0)
    assert list(model.coef) == [0.5] * len(PIECE_FEATURES)


def test_the_piece_model_drops_what_it_reads_as_no_objection_and_adds_what_it_reads_as_one():
    found = _found(_call())
    T = np.ones((len(found), 8), dtype=np.float32) / np.sqrt(8)
    det = _detection(len(found), detected=[0])
    assert list(reweighed(found, T, det, det.detected, _pieces(-20.0))) == [False, False, False]
    assert list(reweighed(found, T, det, det.detected, _pieces(20.0))) == [True, True, True]
    # what detection took decides alone: nothing moves
    assert list(reweighed(found, T, det, det.detected, _pieces(-20.0, taken=40.0))) == [True, False, False]
    # detection is read the other way round: every decision flips
    assert list(reweighed(found, T, det, det.detected, _pieces(20.0, taken=-40.0))) == [False, True, True]


def test_the_piece_model_adds_one_mention_per_turn_and_none_where_the_turn_holds_one():
    found, T, det = _one_turn_in_two_pieces()
    (_, a), (_, b) = found[1], found[2]
    model = PieceModel(coef=_pieces(0.0, learned=5.0, taken=5.0).coef, intercept=0.0, add=0.6, drop=0.2)
    assert list(reweighed(found, T, det, det.detected, model)) == [True, False, True]
    # a second piece of the detected turn is never added, however sure the model is
    b.turn, b.piece = found[0][1].turn, 1
    a.turn = 3
    assert list(reweighed(found, T, det, det.detected, _pieces(20.0))) == [True, True, False]


def test_the_decision_does_not_depend_on_which_turns_are_read():
    """A whole turn is read only where its words could change a piece's decision (its log-odds are
    bounded); with every turn read, every piece is decided the same."""
    rng = np.random.default_rng(7)
    found = _found(_call())
    T = np.ones((len(found), 8), dtype=np.float32) / np.sqrt(8)
    det = _detection(len(found), detected=[0])
    det.learned[:] = [0.3, 0.7, 0.95]
    for i in range(40):
        guard = bool(i % 2)
        coef = rng.normal(0.0, 3.0, len(PIECE_FEATURES))
        model = PieceModel(coef=coef, intercept=float(rng.normal(0.0, 2.0)), add=0.7, drop=0.3, drop_anywhere=0.25)
        drop = 0.25 if guard else 0.3
        keys, X = piece_features(found, T, det)
        took = np.asarray([k[1] == found[0][1].turn for k in keys], dtype=float)
        prob = model.probability(np.hstack([X, took[:, None]]))
        kept = model.probability(anywhere(np.hstack([X, took[:, None]]), model.coef)) if guard else prob
        want = [bool(p >= drop or k >= drop) if t else bool(p >= model.add)
                for p, k, t in zip(prob, kept, took, strict=True)]
        assert list(reweighed(found, T, det, det.detected, model, anywhere_guard=guard)) == want


def _long_call(sentence: str, at: int, turns: int = 14) -> Call:
    lines = []
    for i in range(turns):
        if i % 2:
            lines.append(("Sam Rep", REP, "That makes sense, we move the full history across for you." if i == at + 1
                          else "Got it, thanks for sharing."))
        else:
            lines.append(("Lee", PROSPECT, sentence if i == at else "We run about two hundred jobs a week."))
    return _call(lines)


@pytest.mark.parametrize("at", [0, 2, 6])
@pytest.mark.parametrize("sentence", ["My bigger worry is getting everything out of the old system.",
                                      "We can't lose our equipment history when we move."])
def test_with_the_guard_a_plain_objection_early_in_a_call_is_not_dropped_for_where_it_falls(sentence, at, monkeypatch):
    """The shipped model, with what detection read of the first sentence on the example KB (the
    trained detector 0.46 for it and for its turn, detection score 0.70, closeness 0.42, generic
    0.67, a strong cue; the second reads as more of an objection): at turn 0, 2 or 6 of 14 the
    model reads it as no objection, only because the turn comes early. With the guard
    (``Tuning.drop_anywhere``) it stays a mention; without it (as shipped) it is dropped, which is
    what a reviewer's verdict then corrects."""
    from dataclasses import replace

    from knowledge.objections import followups

    monkeypatch.setattr(followups, "objection_probability", lambda texts, V: np.full(len(texts), 0.46))
    model = load_piece_model()
    assert model is not None
    call = _long_call(sentence, at)
    found = _found(call)
    mine = [i for i, (_, c) in enumerate(found) if c.turn == at]
    det = _detection(len(found), detected=mine, learned=0.2)
    n = len(found)
    det = replace(det, cues=np.zeros(n, dtype=np.float32), ack=np.zeros(n, dtype=np.float32))
    det.learned[mine], det.score[mine], det.closeness[mine], det.generic[mine] = 0.46, 0.70, 0.42, 0.67
    det.cues[mine] = 1.0
    T = np.ones((len(found), 8), dtype=np.float32) / np.sqrt(8)
    keys, X = piece_features(found, T, det)
    r = next(r for r, k in enumerate(keys) if k[1] == at)
    # where it falls is what would drop it ...
    assert model.drop_anywhere is not None
    assert model.probability(np.hstack([X[r:r + 1], [[1.0]]]))[0] < min(model.drop, model.drop_anywhere)
    # ... and with the guard it stays; without it, it goes
    assert reweighed(found, T, det, det.detected, model, anywhere_guard=True)[mine].all()
    assert not reweighed(found, T, det, det.detected, model)[mine].any()


def test_a_detected_piece_that_reads_as_no_objection_anywhere_in_the_call_is_dropped():
    call = _long_call("We run about two hundred jobs a week, mostly on weekdays.", 6)
    found = _found(call)
    mine = [i for i, (_, c) in enumerate(found) if c.turn == 6]
    det = _detection(len(found), detected=mine)
    T = np.ones((len(found), 8), dtype=np.float32) / np.sqrt(8)
    for guard in (False, True):
        out = reweighed(found, T, det, det.detected, _pieces(-20.0, position=2.0), anywhere_guard=guard)
        assert not out[mine].any()


def test_analyze_reads_the_piece_model_only_behind_its_switch(monkeypatch):
    from dataclasses import replace

    from tests.knowledge.test_objections import CALLS, ENTRIES, embed

    monkeypatch.setattr(blend_module, "load_piece_model", lambda path=None: _pieces(-20.0))
    def mentions(tuning) -> int:
        return sum(len(o.mentions) for o in analyze(CALLS, ENTRIES, embed, tuning=tuning).objections)

    # a model that reads nothing as an objection drops every mention, only when switched on
    assert mentions(replace(DEFAULT_TUNING, pieces=False)) > 0
    assert mentions(replace(DEFAULT_TUNING, pieces=True)) == 0


def test_the_piece_model_takes_precedence_over_the_blend(monkeypatch):
    """``Tuning.pieces`` on: the add/drop model decides and ``Tuning.blend`` is not read; off: the
    blend adds pieces when ``blend`` is on and nothing when it is off."""
    from dataclasses import replace

    from tests.knowledge.test_objection_verdicts import CALLS, PRICING, embed

    monkeypatch.setattr(blend_module, "load_piece_model", lambda path=None: _pieces(-20.0, taken=40.0))
    monkeypatch.setattr(blend_module, "load_blend", lambda path=None: _always(True))

    def mentions(tuning) -> set[tuple[str, int]]:
        return {(m.call, m.line) for m in analyze(CALLS, [PRICING], embed, tuning=tuning).detected}

    detection = mentions(replace(DEFAULT_TUNING, pieces=False, blend=False))
    with_blend = mentions(replace(DEFAULT_TUNING, pieces=False, blend=True))
    assert detection < with_blend  # the blend, read only with the piece model off, adds
    # the piece model here keeps exactly what detection took, whatever the blend would add
    assert mentions(replace(DEFAULT_TUNING, pieces=True, blend=True)) == detection
    assert mentions(replace(DEFAULT_TUNING, pieces=True, blend=False)) == detection


def test_the_piece_model_leaves_calls_whose_roles_are_unknown_to_detection():
    """Where roles are unknown every turn is a candidate, the seller's too, and the model was fitted
    on calls whose roles were known: it neither adds nor drops there. The blend still adds."""
    known, unknown = _call(), _call(roles_known=False)
    unknown.path = "calls/g.vtt"
    found = _found(known) + _found(unknown)
    n_known = len(_found(known))
    T = np.ones((len(found), 8), dtype=np.float32) / np.sqrt(8)
    det = _detection(len(found), detected=[0, n_known])
    out = reweighed(found, T, det, det.detected, _pieces(-20.0))
    assert not out[:n_known].any()  # dropped where roles are known ...
    assert list(out[n_known:]) == list(det.detected[n_known:])  # ... left alone where they are not
    out = reweighed(found, T, det, det.detected, _pieces(20.0))
    assert out[:n_known].all() and list(out[n_known:]) == list(det.detected[n_known:])
    assert blended(found, T, det, det.detected, _always(True))[n_known:].all()
