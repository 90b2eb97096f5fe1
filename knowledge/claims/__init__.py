"""Claims: every figure stated in prose, with its unit, qualifier, time scope and source, that states
an outcome.

The pipeline, one stage a module, top to bottom (see :func:`extract_claims`):

- :mod:`knowledge.text.markup` masks markup in a copy of the text of the same length, and
  :mod:`knowledge.text.sentences` finds where its sentences end;
- :mod:`.protect` keeps dates, times, versions and phone numbers out, and bare years aside;
- :mod:`.numbers` finds number tokens (digits, words, fractions, idioms);
- :mod:`.extract` reads each token's unit, qualifier and rate, pairs ranges and changes, and gives
  each figure its sentence, clause, year and source (:mod:`.sources`);
- :mod:`.claimness` decides whether a figure states an outcome at all: time spans, contract terms,
  meeting logistics, labels and the like are figures but not claims.

``python -m knowledge.claims FILE...`` prints every figure with its claim-ness and why.
"""

from __future__ import annotations

from knowledge.model import Claim

from . import claimness
from .extract import footnote_source, read_figures
from .sources import FOOTNOTE_DEF, FOOTNOTE_MARK

__all__ = ["FOOTNOTE_DEF", "FOOTNOTE_MARK", "extract_claims", "footnote_source", "read_figures"]


def extract_claims(text: str, *, first_line: int = 1, first_column: int = 1, lead: str = "",
                   claims_only: bool = False) -> list[Claim]:
    """The figures in ``text`` (raw Markdown or transcript text), in order of position, each judged
    a claim about an outcome or not (``claimness``, ``why``, ``is_claim``).

    ``line``/``column`` are 1-based in the file that ``text`` comes from: ``text`` starts at
    (``first_line``, ``first_column``), and columns on later lines start at 1. ``end_column`` is
    the column just after the figure (exclusive), as in SARIF. ``lead`` is text read before
    ``text`` (its section's title, the paragraph leading into a list): a study named there is the
    source of figures that name none. With ``claims_only`` the figures judged not to be claims are
    left out; rules that report a figure *as a claim* (unsourced, unsupported) ask ``is_claim``
    instead, so that a debug view can still show every figure and why it was not one.
    """
    figures = claimness.judge(read_figures(text, first_line=first_line, first_column=first_column, lead=lead))
    if not claims_only:
        return figures
    return [c for c in figures if c.is_claim]
