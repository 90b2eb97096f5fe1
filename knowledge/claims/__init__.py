"""Claims: every figure stated in prose, with its unit, qualifier, time scope and source.

The pipeline, one stage a module, top to bottom (see :func:`extract_claims`):

- :mod:`knowledge.text.markup` masks markup in a copy of the text of the same length;
- :mod:`.protect` keeps dates, times, versions and phone numbers out, and bare years aside;
- :mod:`.numbers` finds number tokens (digits, words, fractions, idioms);
- :mod:`.extract` reads each token's unit, qualifier and rate, pairs ranges and changes, and gives
  each figure its sentence, clause, year and source (:mod:`.sources`);
- :mod:`.claimness` decides whether a figure is a claim about an outcome at all.
"""

from __future__ import annotations

from .extract import extract_claims

__all__ = ["extract_claims"]
