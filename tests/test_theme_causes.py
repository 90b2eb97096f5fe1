"""``bench/theme_causes.py``: each ``new:`` concern not reported as its own theme gets one cause."""

from __future__ import annotations

from bench.theme_causes import theme_cause
from knowledge.model import Entry
from tests.scoring import labelled_mentions

LABELS = {"objections": {"calls": {"calls/a.txt": [
    {"line": 1, "objection": "new:moorings"}, {"line": 2, "objection": "new:moorings"},
    {"line": 3, "objection": "objections/price"}, {"line": 4, "objection": "new:tides"},
    {"line": 5, "objection": "new:winter"}, {"line": 6, "objection": "new:winter"},
]}}}
PRICE = Entry(id="objections/price", path="objections/price.md", type="objection", title="Mooring fees too high",
              examples=["The price per berth is too high."])


def _result(*objections: tuple[str, bool, list[tuple[int, str]]]) -> dict:
    return {"objections": [{"id": oid, "known": known,
                            "mentions": [{"call": "calls/a.txt", "line": n, "text": t} for n, t in ms]}
                           for oid, known, ms in objections]}


def test_a_concern_under_a_known_entry_names_it_and_the_words_they_share():
    result = _result(("objections/price", True, [(1, "Berth holders hate the mooring rules."), (2, "The mooring rule.")]))
    cause = theme_cause("new:moorings", result, labelled_mentions(LABELS), {"objections/price": PRICE})
    assert cause.startswith("under a known objection: objections/price (")
    assert "moor" in cause


def test_not_found_too_few_scattered_and_merged():
    labelled = labelled_mentions(LABELS)
    result = _result(("objections/price", True, [(3, "Too dear."), (4, "The tides.")]),
                     ("theme/x", False, [(1, "a"), (3, "b"), (3, "c")]), ("theme/y", False, [(2, "d")]),
                     ("theme/z", False, [(5, "e"), (6, "f")]))
    assert theme_cause("new:absent", result, labelled, {}) == "not found"
    assert theme_cause("new:tides", result, labelled, {}) == "too few"
    assert theme_cause("new:moorings", result, labelled, {}) == "scattered"
    merged = _result(("theme/x", False, [(1, "a"), (2, "b"), (3, "c"), (3, "d")]))
    assert theme_cause("new:moorings", merged, labelled, {}) == "merged (known): theme/x with objections/price"
