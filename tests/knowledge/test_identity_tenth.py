"""Measure identity, tenth round (``knowledge.figures``): an amount in another currency is still
compared with a registered one; a metric named with "before" is a baseline; and the "same measure?"
model's pairs under the search's floor (switched off, measured and not kept)."""
from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from knowledge import figures as M
from knowledge.claims import extract_claims
from knowledge.figures import decide
from knowledge.model import Entry, Metric
from tests.knowledge.test_measure_identity import _compatible, metric


def fig(text: str, i: int = 0) -> M.Figure:
    claims = extract_claims(text)
    assert len(claims) > i, claims
    return M.figure_of_claim(claims[i], where="call", path="c.txt")


@pytest.mark.parametrize(("said", "value", "unit", "name"), [
    # measured in the tenth round and not kept: a result or a price in another currency and another
    # number is compared as ever, for a draft's or a call's figure can be the very amount misstated
    # (one customer's saving is one amount in one currency)
    ("Brennan Logistics saves $1.2 million a year.", 1_500_000, "EUR", "Brennan Logistics annual saving"),
    # the very number with the wrong sign is one figure misstated
    ("The trust has saved £2.4m since launch.", 2_400_000, "USD", "saving across the trust since launch"),
    ("The setup fee is €1,000.", 1000, "USD", "one-off setup fee"),
    # one currency, two numbers: compared as ever
    ("Pro costs $920 a month.", 990, "USD", "Pro plan price per month"),
])
def test_an_amount_in_another_currency_is_still_compared(said: str, value: float, unit: str, name: str) -> None:
    assert _compatible(fig(said), metric(value, unit, name))


# -- the model asked under the search's floor ------------------------------------------------------


def _far_set(figures: list[M.Figure], axis: int, lean: float) -> M.FigureSet:
    """Figures whose vectors score ``lean`` against those of axis 0 (unit vectors)."""
    v = np.zeros((len(figures), 8), dtype=np.float32)
    v[:, 0] = lean
    v[:, axis] = np.sqrt(1.0 - lean * lean)
    return M.FigureSet(figures, v, date(2026, 11, 1), {})


def _id_model() -> tuple[np.ndarray, float, dict[str, float]]:
    from knowledge.figures import identity

    coef = np.zeros(len(identity.FEATURES))
    coef[identity.FEATURES.index("id_words")] = 12.0
    return coef, -6.0, {"said": 0.7}


@pytest.mark.parametrize(("said", "value", "metric_id", "name"), [
    # manufacturing: the sentence scores little against a metric named for rejected parts
    ("so the defect scrap goes down by like thirty percent for our plants", 18, "defect-scrap-reduction",
     "reduction in rejected parts per shift after switching"),
    # dental clinics: the id names the measure, the long name another way
    ("and honestly the appointment no-show rate drops to about two percent", 6, "appointment-no-show-rate",
     "share of booked appointments where the patient never arrives"),
    # logistics
    ("fleets see their fuel cost come down by like twenty five percent", 18, "fuel-cost-reduction",
     "drop in diesel spend per delivered parcel"),
])
def test_a_metric_under_the_floor_is_asked_of_the_model(monkeypatch: pytest.MonkeyPatch, said: str, value: float,
                                                        metric_id: str, name: str) -> None:
    from knowledge.figures import identity
    from knowledge.figures.neighbours import FLOOR, Pairs

    e = Entry(id="proof/x", path="proof/x.md", type="proof_point", title="Results")
    m = M.figure_of_metric(Metric(id=metric_id, name=name, value=value, unit="percent", entry_id=e.id, line=9), e)
    assert m is not None
    q, t = _far_set([fig(said)], 1, 1.0), _far_set([m], 2, 0.15)
    assert float(q.vectors[0] @ t.vectors[0]) < FLOOR  # the search returns no pair
    monkeypatch.setattr(identity, "_weights", _id_model)
    reps = (np.zeros((0, 8), dtype=np.float32), np.zeros(0, dtype=np.int64))
    monkeypatch.setattr(identity, "UNDER_FLOOR", True)
    out = decide.resolve(q, t, Pairs.empty(), exact=True, reps=reps)
    assert out[0].status == "conflict" and out[0].inferred
    monkeypatch.setattr(identity, "UNDER_FLOOR", False)
    assert decide.resolve(q, t, Pairs.empty(), exact=True, reps=reps)[0].status == "unbacked"
    # a figure of another unit kind is never paired
    monkeypatch.setattr(identity, "UNDER_FLOOR", True)
    q2 = _far_set([fig("the rollout takes about three weeks")], 1, 1.0)
    assert decide.resolve(q2, t, Pairs.empty(), exact=True, reps=reps)[0].status == "unbacked"


# -- "before" in a metric's name: the state before the product ---------------------------------------
# (narrowing it to names that name the change was measured in the tenth round and not kept: baselines
# named "... before", "before the change" and ids ending "-before" lost their role)


@pytest.mark.parametrize("name", [
    "median time to close a repair before Acme",
    "share of quotes accepted by customers, before e-signature",
    "error rate before",
    "tickets per week, before",
    "weekly freight audit hours before the change",
    "brennan invoice error rate before",
    "cost-before-migration",
])
def test_before_in_a_metrics_name_is_a_baseline(name: str) -> None:
    f = metric(10, "percent", name)
    assert f.role == "before"
