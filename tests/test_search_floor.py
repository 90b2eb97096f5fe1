"""How the relevance floor is placed (``bench/train_search.py``) and what the shipped one was fitted
on. Placement is plain arithmetic on the training questions' scores, so these run without a model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bench.train_search import BLIND_SETS, SCORED_SETS, FloorRule, _boundary
from knowledge.search import FLOOR_FEATURES

REPO = Path(__file__).resolve().parents[1]

# Scores of eight unanswerable questions (answerable 0) and six answerable ones (1).
Z = np.array([-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, -0.2, 0.25, 1.0, 2.0, 3.0, 4.0])
ANS = np.array([0.0] * 8 + [1.0] * 6)


def test_every_unanswerable_question_below_the_floor_by_default():
    # Midway between the highest unanswerable (0.5) and the next answerable above it (1.0).
    assert _boundary(Z, ANS, FloorRule()) == pytest.approx(0.75)


def test_a_target_rate_lets_the_highest_scoring_share_through():
    # 75% of eight below: the two highest (0.5, 0.0) pass; the boundary sits above the third (-0.5),
    # midway to the next answerable question above it (-0.2).
    b = _boundary(Z, ANS, FloorRule(place="rate", rate=0.75))
    assert b == pytest.approx(-0.35)
    assert int(((Z < b) & (ANS == 0)).sum()) == 6
    # The rate and let-pass rules agree where they mean the same.
    assert b == _boundary(Z, ANS, FloorRule(place="pass", let_pass=2))


def test_a_rate_of_one_is_every_question():
    assert _boundary(Z, ANS, FloorRule(place="rate", rate=1.0)) == _boundary(Z, ANS, FloorRule())


def test_best_placement_counts_right_answers_and_reported_unanswerable_questions():
    right = ANS.copy()  # every answerable question's first result right
    b1 = _boundary(Z, ANS, FloorRule(place="best", una_weight=1.0), right)
    # Weighting unanswerable questions more never lowers the floor.
    b3 = _boundary(Z, ANS, FloorRule(place="best", una_weight=3.0), right)
    assert b3 >= b1
    gain = right[Z >= b3].sum() + 3.0 * ((ANS == 0) & (Z < b3)).sum()
    assert gain == max(right[Z >= t].sum() + 3.0 * ((ANS == 0) & (Z < t)).sum() for t in np.linspace(-4, 5, 181))


def test_the_shipped_floor_says_what_it_was_fitted_on_and_never_on_a_held_out_set():
    model = json.loads((REPO / "knowledge" / "search_ranker.json").read_text())
    floor = model["floor"]
    # The floor's signals, then any fitted as a penalty (held at zero or below: it only lowers confidence).
    penalty = tuple(floor.get("penalty", ()))
    assert tuple(floor["weights"]) == (*FLOOR_FEATURES, *penalty)
    assert all(floor["weights"][f] <= 0.0 for f in penalty)
    assert floor["placed"] and floor["questions"] > 0
    for path in [*floor["trained_on"], *model["trained_on"]]:
        assert (REPO / path).is_file(), path
        # larkspur is the final exam; the scored sets (real asks other questions of real-labelled's
        # pages; the earlier rounds' sets not fitted on) are judged by a floor never fitted on them,
        # and the sets of a round still held out (BLIND_SETS) are never fitted on.
        assert Path(path).stem not in {"larkspur", *SCORED_SETS, *BLIND_SETS}, path
    # The ranker's sets are among the floor's: the floor reads the ranker's best score.
    assert set(model["trained_on"]) <= set(floor["trained_on"])


def test_a_frozen_floor_keeps_its_weights_and_fits_only_the_new_signal(tmp_path: Path) -> None:
    from bench.train_search import fit_frozen

    kept = {"a": 1.5, "b": -0.5}
    path = tmp_path / "prev.json"
    path.write_text(json.dumps({"floor": {"weights": kept}}))
    rng = np.random.default_rng(3)
    x = np.column_stack([rng.normal(size=200), rng.normal(size=200), rng.integers(0, 2, 200).astype(float)])
    z = 1.5 * x[:, 0] - 0.5 * x[:, 1] + 2.0 * x[:, 2] - 0.3
    y = (rng.random(200) < 1 / (1 + np.exp(-z))).astype(float)
    w, b = fit_frozen(x, y, np.ones(200), ("a", "b", "new"), str(path))
    assert w[0] == 1.5 and w[1] == -0.5
    # The new signal's weight is learnt (shrunk a little by the L2 penalty), in the right direction.
    assert 0.8 < w[2] < 3.5
    assert -1.5 < b < 0.8


def test_a_penalty_weight_is_never_positive_and_leaves_unmarked_questions_alone() -> None:
    from bench.train_search import penalty_weights

    rng = np.random.default_rng(5)
    offset = rng.normal(size=300)
    marked = (rng.random(300) < 0.3).astype(float)
    # Marked questions are mostly unanswerable: the weight learnt is negative.
    y = np.where(marked == 1, (rng.random(300) < 0.2), (rng.random(300) < 1 / (1 + np.exp(-offset)))).astype(float)
    w = penalty_weights(marked[:, None], y, np.ones(300), offset)
    assert w[0] < -0.5
    # Marked questions mostly answerable: the weight stays at zero (a penalty never lifts a question).
    y2 = np.where(marked == 1, 1.0, y)
    assert penalty_weights(marked[:, None], y2, np.ones(300), offset)[0] == 0.0
