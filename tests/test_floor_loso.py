"""``bench/floor_loso.py``'s frozen candidates: the shipped floor kept, only the named signals'
weights fitted (never below zero), so only the questions they mark move; and ``a*b`` products."""

from __future__ import annotations

from typing import Any

import numpy as np

from bench.floor_loso import add_products, fit_frozen, scorer


def _rows() -> list[dict[str, Any]]:
    rows = []
    for i in range(40):
        marked = float(i % 4 == 0)
        unanswerable = i % 2 == 1 and not marked  # the mark falls on answerable questions only
        rows.append({"z": -0.5 if i % 3 else 0.5, "mark": marked, "agree": float(i % 8 == 0),
                     "unanswerable": unanswerable})
    return rows


def test_a_frozen_fit_raises_only_the_marked_questions() -> None:
    rows = _rows()
    w = fit_frozen(rows, ("mark",))
    assert w[0] > 0
    z = scorer(rows, ("mark",), "frozen")(rows)
    for r, zi in zip(rows, z, strict=True):
        assert (zi > r["z"]) == bool(r["mark"])
        if not r["mark"]:
            assert zi == r["z"]


def test_a_frozen_weight_is_never_negative() -> None:
    rows = _rows()
    for r in rows:  # now the mark falls on unanswerable questions
        r["unanswerable"] = bool(r["mark"])
    assert np.all(fit_frozen(rows, ("mark",)) >= 0)


def test_a_product_counts_the_mark_only_where_the_other_signal_holds() -> None:
    by_set = {"a": _rows()}
    add_products(by_set, ["mark*agree", "mark"])
    assert all(r["mark*agree"] == r["mark"] * r["agree"] for r in by_set["a"])
    assert sum(r["mark*agree"] for r in by_set["a"]) < sum(r["mark"] for r in by_set["a"])
