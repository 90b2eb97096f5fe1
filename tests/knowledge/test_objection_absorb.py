"""A theme's remarks that are little like the rest of it, and the model of what no entry covers
(knowledge/objections/absorb.py), on vectors built by hand."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from knowledge.objections import DEFAULT_TUNING, Mention
from knowledge.objections.absorb import FEATURES, AbsorbModel, features, load_absorb_model
from knowledge.objections.themes import _assign
from tests.knowledge.test_objections import CONTRACT


def _basis(k: int, dim: int = 64) -> list[np.ndarray]:
    q, _ = np.linalg.qr(np.random.default_rng(11).standard_normal((dim, k)))
    return [q[:, i].astype(np.float32) for i in range(k)]


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _mention(v: np.ndarray, call: str, line: int = 5) -> Mention:
    return Mention(call=call, turn=1, line=line, column=1, speaker="P", text="a remark", score=0.9, vector=v,
                   sentence_vector=v)




def test_a_remark_little_like_the_rest_of_its_theme_leaves_it():
    e, t, o, w = _basis(4)
    R, owner = e[None, :], np.zeros(1, np.int64)
    a, b = _unit(t + 0.3 * o), _unit(t - 0.3 * o)
    # 0.30 alike to each of them, 0.25 to the entry: it joins the theme as a lone remark
    x = _unit(0.3 * t + 0.25 * e + np.sqrt(1 - 0.09 - 0.0625) * w)
    mentions = [_mention(a, "calls/a.vtt"), _mention(b, "calls/b.vtt"), _mention(x, "calls/c.vtt")]
    kept = _assign(mentions, [CONTRACT], R, owner, replace(DEFAULT_TUNING, theme_member=0.0))
    assert [(o_.known, len(o_.mentions)) for o_ in kept] == [(False, 3)]
    pruned = _assign(mentions, [CONTRACT], R, owner, DEFAULT_TUNING)
    # it leaves the theme, and goes to the entry it is related to (over ``lone``)
    assert sorted((o_.known, len(o_.mentions)) for o_ in pruned) == [(False, 2), (True, 1)]
    theme = next(o_ for o_ in pruned if not o_.known)
    assert {m.call for m in theme.mentions} == {"calls/a.vtt", "calls/b.vtt"}


def test_a_pair_is_never_pruned():
    e, t, o, _ = _basis(4)
    R, owner = e[None, :], np.zeros(1, np.int64)
    a, b = _unit(t + 0.3 * o), _unit(t - 0.3 * o)  # 0.83 alike: a theme, each under the bar below
    out = _assign([_mention(a, "calls/a.vtt"), _mention(b, "calls/b.vtt")], [CONTRACT], R, owner,
                  replace(DEFAULT_TUNING, theme_member=0.99))
    assert [(o_.known, sorted(m.call for m in o_.mentions)) for o_ in out] == [(False, ["calls/a.vtt", "calls/b.vtt"])]


def test_features_name_the_closest_entry_and_the_closest_remark_in_another_call():
    e1, e2, t, _ = _basis(4)
    R = np.stack([e1, e2])
    owner = np.asarray([0, 1], np.int64)
    m1 = _mention(_unit(0.8 * e1 + 0.6 * t), "calls/a.vtt")
    m2 = _mention(_unit(0.3 * e2 + 0.95 * t), "calls/b.vtt")
    m3 = _mention(_unit(0.3 * e2 + 0.95 * t), "calls/b.vtt", line=9)  # same call as m2: no peer of it
    x = features([m1, m2, m3], 2, R, owner, None, None)
    assert list(x["best"]) == [0, 1, 1]
    assert abs(float(x["cos_best"][0]) - 0.8) < 1e-5
    assert abs(float(x["cos_margin"][0]) - 0.8) < 1e-5
    assert float(x["peer"][1]) < 0.9  # its twin in the same call does not count
    assert abs(float(x["peer_gap"][0]) - (float(x["peer"][0]) - 0.8)) < 1e-5


def test_a_mention_the_model_holds_apart_forms_a_theme_with_its_like_and_otherwise_goes_back():
    e, t, o, _ = _basis(4)
    R, owner = e[None, :], np.zeros(1, np.int64)
    # two remarks 0.8 alike to the entry, 0.9 alike to each other: the entry absorbs them
    a = _unit(0.8 * e + 0.55 * t + 0.2 * o)
    b = _unit(0.8 * e + 0.55 * t - 0.2 * o)
    pair = [_mention(a, "calls/a.vtt"), _mention(b, "calls/b.vtt")]
    plain = _assign(pair, [CONTRACT], R, owner, DEFAULT_TUNING)
    assert [(o_.known, len(o_.mentions)) for o_ in plain] == [(True, 2)]
    apart = AbsorbModel(weights=tuple(0.0 for _ in FEATURES), bias=5.0)  # every mention held apart
    held = _assign(pair, [CONTRACT], R, owner, replace(DEFAULT_TUNING, absorb=True), absorb_model=apart)
    assert [(o_.known, len(o_.mentions)) for o_ in held] == [(False, 2)]
    # one remark held and joined by none goes back to the entry
    alone = _assign(pair[:1], [CONTRACT], R, owner, replace(DEFAULT_TUNING, absorb=True), absorb_model=apart)
    assert [(o_.known, len(o_.mentions)) for o_ in alone] == [(True, 1)]
    # with the hold off (the shipped setting), the model is not read
    assert [(o_.known, len(o_.mentions)) for o_ in _assign(pair, [CONTRACT], R, owner, DEFAULT_TUNING,
                                                            absorb_model=apart)] == [(True, 2)]



def test_holding_a_remark_apart_never_changes_whether_it_is_reported():
    """A remark held apart that no theme takes goes back to its entry by the bar a lone remark
    meets: 0.25 from the entry is over ``lone`` (0.20) and under ``lone_entry`` (0.35), so it is
    reported when its sentences' scores found it and dropped when only the turn-piece blend did,
    held apart or not."""
    e, _, w, _ = _basis(4)
    R, owner = e[None, :], np.zeros(1, np.int64)
    x = _unit(0.25 * e + np.sqrt(1 - 0.0625) * w)
    apart = AbsorbModel(weights=tuple(0.0 for _ in FEATURES), bias=5.0)  # every mention held apart
    held = replace(DEFAULT_TUNING, absorb=True)
    for blended, reported in ((False, [(True, 1)]), (True, [])):
        one = [replace(_mention(x, "calls/a.vtt"), blended=blended)]
        for tuning, model in ((DEFAULT_TUNING, None), (held, apart)):
            out = _assign(one, [CONTRACT], R, owner, tuning, absorb_model=model)
            assert [(o_.known, len(o_.mentions)) for o_ in out if o_.mentions] == reported, (blended, tuning.absorb)

def test_the_model_file_is_read_only_when_its_features_are_these(tmp_path):
    import json

    stale = tmp_path / "stale.json"
    stale.write_text(json.dumps({"features": ["cos_best"], "weights": [1.0], "bias": 0.0}), encoding="utf-8")
    assert load_absorb_model(stale) is None
    path = tmp_path / "absorb.json"
    path.write_text(json.dumps({"features": list(FEATURES), "weights": [0.0] * len(FEATURES), "bias": -1.0,
                                "threshold": 0.4}), encoding="utf-8")
    model = load_absorb_model(path)
    assert model is not None and model.threshold == 0.4
    x = {f: np.zeros(2, np.float32) for f in FEATURES}
    assert list(model.apart(x)) == [False, False]


def test_a_pruned_remark_only_the_blend_found_needs_the_nearer_bar_to_go_to_an_entry():
    e, t, o, w = _basis(4)
    R, owner = e[None, :], np.zeros(1, np.int64)
    a, b = _unit(t + 0.3 * o), _unit(t - 0.3 * o)
    # 0.30 alike to the theme, 0.25 to the entry: over ``lone`` (0.20), under ``lone_entry`` (0.35)
    x = _unit(0.3 * t + 0.25 * e + np.sqrt(1 - 0.09 - 0.0625) * w)
    blended = replace(_mention(x, "calls/c.vtt"), blended=True)
    mentions = [_mention(a, "calls/a.vtt"), _mention(b, "calls/b.vtt"), blended]
    out = _assign(mentions, [CONTRACT], R, owner, DEFAULT_TUNING)
    # it leaves the theme and, found only for how it sounds, is filed under no entry
    assert [(o_.known, len(o_.mentions)) for o_ in out] == [(False, 2)]


def _prune_by_pairs(V: np.ndarray, g: list[int], floor: float) -> tuple[list[int], list[int]]:
    """Pruning by its definition, from the full matrix of pairs at each step."""
    keep, gone = list(g), []
    while len(keep) > 2:
        S = V[keep] @ V[keep].T
        other = (S.sum(axis=1) - 1.0) / (len(keep) - 1)
        k = int(other.argmin())
        if float(other[k]) >= floor:
            break
        gone.append(keep.pop(k))
    return keep, gone


def test_pruning_with_a_running_sum_leaves_what_the_pairs_say():
    from knowledge.objections.themes import _prune

    rng = np.random.default_rng(5)
    t = _unit(rng.standard_normal(32))
    left = []
    for spread in (0.3, 1.0, 1.3, 1.6, 3.0):
        V = np.stack([_unit(t + spread * rng.standard_normal(32) / np.sqrt(32)) for _ in range(40)])
        g = [int(i) for i in rng.permutation(40)]
        want = _prune_by_pairs(V, g, 0.35)
        assert _prune(V, g, 0.35, [("calls/a.vtt", int(i)) for i in g]) == want
        left.append(len(want[1]))
    assert left[0] == 0 and any(0 < k < 38 for k in left)  # none, then some remarks leave


def test_features_never_read_an_entry_a_reviewer_excluded():
    e1, e2, t, _ = _basis(4)
    R = np.stack([e1, e2])
    owner = np.asarray([0, 1], np.int64)
    m1 = _mention(_unit(0.8 * e1 + 0.3 * e2 + 0.5 * t), "calls/a.vtt")
    assert list(features([m1], 2, R, owner, None, None)["best"]) == [0]
    x = features([m1], 2, R, owner, None, None, banned={0: {0}})
    assert list(x["best"]) == [1]
    assert abs(float(x["cos_best"][0]) - float(m1.vector @ e2)) < 1e-5


def _lone_theme(calls: tuple[str, str, str]) -> list[Mention]:
    """Three remarks 0.25 alike to the entry and kept from every group by ``link``: two 0.95 alike,
    the third 0.6 alike to them, a theme of lone remarks at ``lone_link``."""
    e, t, o, w = _basis(4)
    a, b = np.sqrt(0.9125), np.sqrt(0.025)
    c = 0.5375 / a
    p = _unit(0.25 * e + a * t + b * o)
    q = _unit(0.25 * e + a * t - b * o)
    r = _unit(0.25 * e + c * t + np.sqrt(0.9375 - c * c) * w)
    return [_mention(p, calls[0]), _mention(q, calls[1], line=9), _mention(r, calls[2])]


def test_a_theme_pruned_below_its_minimums_is_placed_remark_by_remark():
    e = _basis(4)[0]
    R, owner = e[None, :], np.zeros(1, np.int64)
    tuning = replace(DEFAULT_TUNING, link=0.99, theme_member=0.9)
    # a theme of lone remarks from two calls, whose remark from the second call leaves it
    mentions = _lone_theme(("calls/a.vtt", "calls/a.vtt", "calls/b.vtt"))
    assert [(o_.known, len(o_.mentions)) for o_ in _assign(mentions, [CONTRACT], R, owner,
                                                           replace(tuning, theme_member=0.0))] == [(False, 3)]
    # what is left is one call's: no theme, each remark goes to the entry (0.25, over ``lone``)
    assert [(o_.known, len(o_.mentions)) for o_ in _assign(mentions, [CONTRACT], R, owner, tuning)] == [(True, 3)]
    # three calls, but a theme needs three remarks and two are left
    mentions = _lone_theme(("calls/a.vtt", "calls/b.vtt", "calls/c.vtt"))
    assert [(o_.known, len(o_.mentions)) for o_ in _assign(mentions, [CONTRACT], R, owner, tuning)] == [(True, 1), (False, 2)]
    out = _assign(mentions, [CONTRACT], R, owner, replace(tuning, theme_mentions=3))
    assert [(o_.known, len(o_.mentions)) for o_ in out] == [(True, 3)]


def test_of_remarks_as_little_alike_to_their_theme_the_first_by_call_and_line_leaves():
    from knowledge.objections.themes import _prune

    _, t, o, u = _basis(4)
    a, b = np.sqrt(0.975), np.sqrt(0.025)
    # p, q 0.95 alike; r and s each 0.70 alike to both and 0 to each other: the same mean (0.47)
    V = np.stack([_unit(a * t + b * o), _unit(a * t - b * o), _unit(t + u), _unit(t - u)])
    where = [("calls/a.vtt", 1), ("calls/a.vtt", 2), ("calls/c.vtt", 7), ("calls/b.vtt", 30)]
    for order in ([0, 1, 2, 3], [0, 1, 3, 2], [3, 2, 1, 0]):
        keep, gone = _prune(V, order, 0.5, [where[i] for i in order])
        assert gone == [3] and sorted(keep) == [0, 1, 2]


def _alike(k: int, to_entry: float, each_other: float) -> tuple[np.ndarray, list[np.ndarray]]:
    """An entry's phrasing and ``k`` remarks from as many calls, each ``to_entry`` alike to it and
    ``each_other`` alike to one another."""
    e, t, *u = _basis(2 + k)
    b, c = np.sqrt(each_other - to_entry ** 2), np.sqrt(1 - each_other)
    return e, [_unit(to_entry * e + b * t + c * u[i]) for i in range(k)]


def test_a_group_of_three_stays_apart_from_an_entry_at_its_own_margin():
    # 0.66 alike to one another, 0.50 to the entry: they link before the entry takes them, and the
    # group is 0.16 closer to itself than to the entry, under ``stay_new`` (0.20)
    e, vs = _alike(3, 0.50, 0.66)
    R, owner = e[None, :], np.zeros(1, np.int64)
    mentions = [_mention(v, f"calls/{k}.vtt") for k, v in enumerate(vs)]
    shapes = [(o_.known, len(o_.mentions)) for o_ in _assign(mentions, [CONTRACT], R, owner, DEFAULT_TUNING)]
    assert shapes == [(True, 3)]
    apart = replace(DEFAULT_TUNING, stay_new_group=0.15)
    assert [(o_.known, len(o_.mentions)) for o_ in _assign(mentions, [CONTRACT], R, owner, apart)] == [(False, 3)]
    # a pair at the same margin is still the entry's: the margin for groups starts at three
    pair = _assign(mentions[:2], [CONTRACT], R, owner, apart)
    assert [(o_.known, len(o_.mentions)) for o_ in pair] == [(True, 2)]
