"""What a figure measures (``knowledge.figures.measure``): the phrase read off a masked sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.figures.measure import measure_phrase

CASES = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "matching" / "measure_phrases.yaml")
                       .read_text(encoding="utf-8"))


@pytest.mark.parametrize(("context", "phrase"), CASES, ids=[c[0] for c in CASES])
def test_the_measure_a_figure_quantifies(context: str, phrase: str) -> None:
    assert measure_phrase(context) == phrase


def test_who_it_is_about_and_when_are_not_the_measure() -> None:
    assert "customers" not in measure_phrase("Customers cut onboarding time by [NUM] after the switch.")
    assert "switch" not in measure_phrase("Customers cut onboarding time by [NUM] after the switch.")
    assert "quarter" not in measure_phrase("Returns dropped [NUM] in the first quarter.")


def test_a_verb_of_change_is_not_the_measure() -> None:
    # two measures that one verb changes share no measure words; one measure two verbs change does
    assert not set(measure_phrase("Builds finish in [NUM].").split()) & \
        set(measure_phrase("Security reviews finish in [NUM].").split())
    assert measure_phrase("Churn fell by [NUM].") == measure_phrase("Churn dropped by [NUM].")


def test_only_the_clause_of_the_figure_is_read() -> None:
    assert measure_phrase("Signups doubled, and churn fell by [NUM].") == "churn"


def test_a_clause_that_names_no_measure_gives_no_phrase() -> None:
    from knowledge.figures.measure import embedded_phrase

    assert measure_phrase("That is the median, which is [NUM].") == ""
    assert embedded_phrase("That is the median, which is [NUM].") == "That is the median, which is [NUM]."


def test_with_the_phrases_one_dot_product_is_the_weighted_mean(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from knowledge.figures import measure

    monkeypatch.setattr(measure, "MEASURE_WEIGHT", 0.3)
    rng = np.random.default_rng(0)
    a, b, pa, pb = (x / np.linalg.norm(x) for x in rng.normal(size=(4, 8)))
    got = float(measure.with_measure(a[None], pa[None])[0] @ measure.with_measure(b[None], pb[None])[0])
    assert got == pytest.approx(0.7 * float(a @ b) + 0.3 * float(pa @ pb), abs=1e-6)

