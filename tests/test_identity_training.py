"""The threshold rule of the "same measure?" model (``bench/train_identity.py``): each training
pair is scored by a model that did not see its corpus, and the threshold is the least probability
at or above the highest-scoring wrong firing plus ``MARGIN``."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from bench import train_identity as T


def row(corpus: str, x: float, label: int, *, line: int, side: str = "call") -> dict[str, Any]:
    return {"corpus": corpus, "side": side, "path": f"{corpus}.md", "line": line, "text": "", "value": str(line),
            "label": label, "status": "unbacked", "features": [x, 1.0]}


def test_a_corpus_is_scored_by_a_model_that_did_not_see_it() -> None:
    # two corpora read high values as one measure; a third labels the same evidence two measures:
    # fitted with it, its pairs score lower than a model that never saw it says of them
    rows = [row(c, x, y, line=i) for c in ("a", "b") for i, (x, y) in enumerate([(2.0, 1), (1.5, 1), (-2.0, 0),
                                                                                  (-1.5, 0)])]
    rows += [row("c", 2.0, 0, line=1), row("c", -2.0, 0, line=2)]
    score = T.out_of_corpus(rows, [])
    clf = T.fit(rows)
    held = rows[-2]
    assert score(held) > float(clf.predict_proba(np.array([held["features"]]))[0, 1])


@pytest.mark.parametrize(("scores", "labels", "expected"), [
    # the highest wrong firing is 0.70: from 0.75 on, with a margin
    ([0.95, 0.85, 0.70, 0.60], [1, 1, 0, 1], 0.75),
    # a wrong firing just under a right one leaves the margin above it, though a right one is lost
    ([0.641, 0.80, 0.632], [1, 1, 0], 0.69),
    # nothing wrong: from the least score of the grid at which something right fires
    ([0.9, 0.6], [1, 1], 0.5),
    # nothing right above the margin: never fires
    ([0.82, 0.80], [1, 0], float("inf")),
    ([0.9, 0.8], [0, 0], float("inf")),
])
def test_the_threshold_keeps_a_margin_above_the_highest_wrong_firing(scores: list[float], labels: list[int],
                                                                    expected: float) -> None:
    rows = [row("a", 0.0, y, line=i) for i, y in enumerate(labels)]
    by = {id(r): s for r, s in zip(rows, scores, strict=True)}
    assert T.MARGIN == 0.05
    assert T.choose(rows, lambda r: by[id(r)], T.GRID)["said"] == pytest.approx(expected)


def test_what_fires_is_a_figure_unbacked_today_at_its_most_probable_metric() -> None:
    best, other = row("a", 0.0, 1, line=1), row("a", 0.0, 0, line=1)
    backed = row("a", 0.0, 0, line=2) | {"status": "backed"}
    by = {id(best): 0.9, id(other): 0.8, id(backed): 0.99}
    assert T.fire([best, other, backed], lambda r: by[id(r)], {"said": 0.7}) == [best]


@pytest.mark.parametrize(("scores", "labels", "expected"), [
    # nine right and one wrong above 0.55: right 90% of the time from 0.56, not at 0.55 (one more wrong)
    ([0.95] * 9 + [0.60, 0.55], [1] * 9 + [0, 0], 0.56),
    # a single high wrong firing no longer sets the threshold: ten right beside it
    ([0.97] + [0.9] * 10 + [0.52], [0] + [1] * 10 + [0], 0.53),
    # wrong more than a tenth of the time wherever something fires right: never fires
    ([0.9, 0.95], [1, 0], float("inf")),
])
def test_the_calibrated_threshold_tolerates_a_measured_rate_of_wrong_firings(
        scores: list[float], labels: list[int], expected: float) -> None:
    rows = [row("a", 0.0, y, line=i) for i, y in enumerate(labels)]
    by = {id(r): s for r, s in zip(rows, scores, strict=True)}
    assert T.TARGET == 0.90
    assert T.choose_calibrated(rows, lambda r: by[id(r)], T.GRID)["said"] == pytest.approx(expected)
