"""The bench readings of pass 25 (bench/ACCURACY.md, "Search"): a misspelt word read as a typo of a
word the KB holds, and the floor's coverage counted over the words some entry holds, on sentences of
three industries (a bakery, a courier firm, a dental practice), with the cases where they must not
fire."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from floor_causes import _misspells, model_words  # noqa: E402
from floor_loso import add_held  # noqa: E402


@pytest.mark.parametrize(("typed", "word"), [
    ("sourdoguh", "sourdough"),   # bakery: two letters swapped
    ("delivey", "delivery"),      # courier: a letter dropped
    ("frist", "first"),           # any trade
    ("implnat", "implant"),       # dental
])
def test_a_misspelling_reads_as_the_word(typed: str, word: str) -> None:
    assert _misspells(typed, word)
    assert typed not in model_words()


@pytest.mark.parametrize(("typed", "word"), [
    ("pricey", "price"),          # a word with letters added at the end is another word or a form
    ("loaves", "loaf"),           # bakery: a plural two edits away, short
    ("parcels", "parcel"),        # courier: a form
    ("crowns", "crown"),          # dental: a form
    ("bread", "dread"),           # a real word an edit from another is read by the vocabulary check
])
def test_a_form_or_another_word_is_no_typo(typed: str, word: str) -> None:
    assert not _misspells(typed, word) or typed in model_words()


def test_held_coverage_counts_only_the_words_some_entry_holds() -> None:
    rows = {"bakery": [{"max_chunk_coverage": 0.3, "absent_share": 0.5}],
            "courier": [{"max_chunk_coverage": 0.6, "absent_share": 0.0}],
            "dental": [{"max_chunk_coverage": 0.0, "absent_share": 1.0}]}
    add_held(rows)
    assert rows["bakery"][0]["held_coverage"] == pytest.approx(0.6)
    assert rows["bakery"][0]["held_gain"] == pytest.approx(0.3)
    assert rows["courier"][0]["held_gain"] == 0.0  # every word held: nothing to add
    assert rows["dental"][0]["held_coverage"] == 0.0  # no word held: nothing covered
