"""``bench/floor_loso.py``'s frozen candidates: the shipped floor kept, only the named signals'
weights fitted (never below zero), so only the questions they mark move; ``a*b`` products; and the
``match`` placement (pass 26)."""

from __future__ import annotations

from typing import Any

import numpy as np

from bench.floor_loso import add_products, fit_frozen, matched_rate, scorer


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


def test_the_matched_rate_is_the_share_of_unanswerable_questions_the_shipped_floor_reports() -> None:
    rows = [{"z": z, "unanswerable": u} for z, u in
            [(-1.0, True), (-0.2, True), (0.3, True), (0.8, True), (-2.0, False), (1.0, False)]]
    assert matched_rate(rows) == 0.5  # two of the four unanswerable ones under the shipped floor
    assert matched_rate([{"z": 1.0, "unanswerable": False}]) == 0.0


def test_a_matched_refit_reports_on_its_fitting_rows_what_the_shipped_floor_reports() -> None:
    rng = np.random.default_rng(0)
    rows = []
    for i in range(200):
        unanswerable = i % 3 == 0
        signal = rng.normal(-1.0 if unanswerable else 1.0)
        rows.append({"s": signal, "absent_named": 0.0, "unanswerable": unanswerable,
                     "z": signal + rng.normal(0.0, 0.5) - 0.3})
    z = scorer(rows, ("s",), "match")(rows)
    reported = sum(1 for r, zi in zip(rows, z, strict=True) if r["unanswerable"] and zi < 0)
    shipped = sum(1 for r in rows if r["unanswerable"] and r["z"] < 0)
    assert abs(reported - shipped) <= 1
