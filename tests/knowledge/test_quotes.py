"""The quoted words a figure stands in: one reader for every rule that asks."""

import pytest

from knowledge.claims.quotes import quotation_around

CASES = [
    # (span, sentence, quoted words or None)
    ("£1.3 billion", '"Small employers lose £1.3 billion a year," said Tom Aldridge, Acme\'s CEO.',
     "Small employers lose £1.3 billion a year,"),
    ("70%", 'Do not say "onboard up to 70% faster".', "onboard up to 70% faster"),
    ("70%", "Never say “onboard up to 70% faster”.", "onboard up to 70% faster"),
    ("40%", "Never say “40%”.", "40%"),  # a quotation of the figure alone
    ("40%", "He said “it is 40%” and left.", "it is 40%"),
    ("40%", "“We cut costs by 40%.", "We cut costs by 40%."),  # the sentence ends inside the quotation
    ("40%", 'The "AI" tool cut costs 40%, said "Jane Doe of Acme".', None),  # between two quotations
    ("40%", 'Avoid "x" and "y" when quoting 40%.', None),
    ("40%", "Costs fell 40% last year.", None),
    ("40%", 'Costs fell 40%, not "50%".', None),  # another figure is quoted
    ("40%", 'Costs fell "40%" and "50%".', "40%"),
    ("40 %", 'She said "costs fell 40\n%" this year.', "costs fell 40 %"),  # white space folded
    ("", 'She said "costs fell 40%".', None),
]


@pytest.mark.parametrize(("span", "sentence", "quoted"), CASES)
def test_quotation_around(span: str, sentence: str, quoted: str | None) -> None:
    assert quotation_around(span, sentence) == quoted
