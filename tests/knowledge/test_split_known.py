"""``themes._split_known`` (``Tuning.split_known``, off): a known entry's far remarks from two calls
that are closer to one another than to the entry are split off as a theme; measured and left off
(bench/ACCURACY.md, "New concerns and gaps unreported, sixteenth round")."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from knowledge.objections import DEFAULT_TUNING
from knowledge.objections.model import Mention
from knowledge.objections.themes import _split_known


def _unit(v: list[float]) -> np.ndarray:
    a = np.asarray(v, dtype=np.float32)
    return a / np.linalg.norm(a)


def _mention(call: str, vec: np.ndarray) -> Mention:
    return Mention(call=call, turn=0, line=1, column=0, speaker="p", text="", score=1.0, vector=vec,
                   sentence_vector=vec)


# the entry's remark (close to it), two alike remarks far from it in two calls, one far remark alone
V = np.stack([_unit([1, 0, 0]), _unit([0.3, 1, 0.1]), _unit([0.3, 1, -0.1]), _unit([0.3, 0, 1])])
COSINE = np.asarray([[0.9], [0.3], [0.3], [0.3]], dtype=np.float32)


def _split(calls: list[str], known: float = 0.4, margin: float = 0.0) -> tuple[list[list[int]], list[list[int]]]:
    absorbed = [[0, 1, 2, 3]]
    mentions = [_mention(c, V[i]) for i, c in enumerate(calls)]
    out = _split_known(V, absorbed, COSINE, mentions, replace(DEFAULT_TUNING, split_known=known, split_margin=margin))
    return out, absorbed


def test_far_alike_remarks_from_two_calls_are_split_off_and_the_rest_stay():
    out, absorbed = _split(["a", "b", "c", "d"])
    assert [sorted(g) for g in out] == [[1, 2]]
    assert absorbed == [[0, 3]]


def test_nothing_moves_from_one_call_under_a_margin_too_wide_or_when_off():
    assert _split(["a", "b", "b", "c"])[0] == []
    assert _split(["a", "b", "c", "d"], margin=0.9)[0] == []
    assert DEFAULT_TUNING.split_known == 0.0
