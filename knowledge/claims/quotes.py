"""Quotations in a sentence: the quoted words a figure stands in."""

from __future__ import annotations

import re

# A quotation: opened by a straight or an opening curly mark, closed by a straight or a closing one.
# A quotation the sentence ends inside runs to its end: a quoted passage of several sentences is
# split with them ('"We cut costs by 40%. Our clients ...').
_QUOTATION = re.compile(r"[\"“]([^\"“”]+)(?:[\"”]|$)")


def quotation_around(span: str, sentence: str) -> str | None:
    """The words of the first quotation in ``sentence`` that holds ``span`` (a figure as written),
    white space folded; None when the figure stands in no quotation."""
    span = " ".join(span.split())
    if not span:
        return None
    for m in _QUOTATION.finditer(" ".join(sentence.split())):
        if span in m.group(1):
            return m.group(1)
    return None
