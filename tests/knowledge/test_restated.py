"""The word test of a restated metric (knowledge/figures/restated.py): a clause restates a metric
only where it says the metric's most telling measure word, of its name and id; a word every metric
of the KB shares is not enough. Clauses are read as the pipeline
masks them (the number and its unit as [NUM]). Sentences from four industries, must-pass and must-not-pass."""

from __future__ import annotations

import pytest

from knowledge.figures.identity import metric_words, not_measure
from knowledge.figures.reading import content_terms
from knowledge.figures.restated import _idf, _says_the_measure

# (metrics of one KB as (name, id), the metric meant, a clause, whether it says that metric's measure)
CASES = [
    # veterinary practices: "clinic" names every metric
    ([("clinic admin hours saved", "clinic-admin-hours-saved"), ("clinic no-show reduction", "clinic-no-show-cut")],
     0, "Each clinic gets back about [NUM] of admin", True),
    ([("clinic admin hours saved", "clinic-admin-hours-saved"), ("clinic no-show reduction", "clinic-no-show-cut")],
     0, "Each clinic is open [NUM] on a Saturday", False),
    # solar installers
    ([("rooftop install days", "install-days"), ("rooftop panel output gain", "panel-output-gain")],
     0, "crews finish a typical install in [NUM]", True),
    ([("rooftop install days", "install-days"), ("rooftop panel output gain", "panel-output-gain")],
     0, "the rooftop survey is booked within [NUM]", False),
    # wine distribution: the entry's title ("go-live for distributors") is not a measure word
    ([("median days to go live", "median-go-live-days"), ("breakage reduction", "breakage-cut")],
     0, "distributors that switch invoicing get paid [NUM] sooner", False),
    ([("median days to go live", "median-go-live-days"), ("breakage reduction", "breakage-cut")],
     0, "new distributors go live in a median of [NUM]", True),
    # museum ticketing
    ([("box office staff hours saved per week", "box-office-hours-saved"), ("average ticket checkout time", "checkout-seconds")],
     1, "the gift shop till now boots in [NUM] flat", False),
    ([("box office staff hours saved per week", "box-office-hours-saved"), ("average ticket checkout time", "checkout-seconds")],
     1, "a visitor's ticket checkout takes [NUM]", True),
]


@pytest.mark.parametrize(("metrics", "meant", "clause", "says"), CASES)
def test_a_clause_says_the_metrics_telling_word(metrics: list[tuple[str, str]], meant: int, clause: str,
                                                 says: bool) -> None:
    m_words = [metric_words(name, mid) - not_measure() for name, mid in metrics]
    words = frozenset(content_terms(clause)) - not_measure()
    assert _says_the_measure(words, m_words[meant], _idf(m_words)) is says


def test_a_restated_link_only_sources_the_figure() -> None:
    """A restated link stops a needs-a-source finding (``sourced_by_metric``) but is no metric support
    (``backed_by_metric``): it wins no vote between statements and names no conflict's side."""
    from types import SimpleNamespace
    from typing import cast

    from knowledge.figures.decide import Match, Resolution
    from knowledge.figures.figure import Figure

    metric = cast(Figure, SimpleNamespace(origin="metric"))
    figure = cast(Figure, SimpleNamespace(origin="claim"))
    restated = Resolution(figure, status="backed", backers=[Match(metric, 0.4, restated=True)])
    assert restated.sourced_by_metric and not restated.backed_by_metric
    backed = Resolution(figure, status="backed", backers=[Match(metric, 0.8)])
    assert backed.sourced_by_metric and backed.backed_by_metric
