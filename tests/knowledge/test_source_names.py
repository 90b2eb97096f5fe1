"""Names of sources read in prose: as long as a name runs, and no longer."""

from __future__ import annotations

import pytest

from knowledge.claims import extract_claims


@pytest.mark.parametrize(("text", "source"), [
    ("The Hanover Institute for Applied Retail Research found that 20% of clinics cut no-shows.",
     "Hanover Institute for Applied Retail Research"),
    ("The 2025 Fenwright Analytics Insurance Fraud\nReview showed 12% of claims were padded.",
     "2025 Fenwright Analytics Insurance Fraud Review"),
])
def test_a_source_s_name_is_read_whole(text: str, source: str) -> None:
    [claim] = extract_claims(text)
    assert claim.source is not None and claim.source.title == source


@pytest.mark.parametrize("words", [4000])
def test_a_long_line_of_capitalised_words_is_read_in_one_pass(words: int) -> None:
    """A name is a few words long: a line of thousands of capitalised words (a table flattened, a list of
    names) took minutes when a name could run on without end; now it returns at once."""
    line = " ".join(f"Word{i % 50}x" for i in range(words))
    text = f"{line} Study found that 20% of clinics cut no-shows.\n{line}\nMore Names Here reported 30% fewer errors.\n"
    assert len(extract_claims(text)) == 2
