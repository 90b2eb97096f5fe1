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
  meeting logistics, labels and the like are figures but not claims; weights trained to read the
  KB's own names (:mod:`.names`) as a placeholder or not at all get them once the whole KB is read
  (:func:`judge_with_names`).

``python -m knowledge.claims FILE...`` prints every figure with its claim-ness and why.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from knowledge.model import Claim, Entry

from . import claimness
from .extract import footnote_source, read_figures
from .names import kb_names
from .sources import FOOTNOTE_DEF, FOOTNOTE_MARK

if TYPE_CHECKING:
    from knowledge.settings import Settings

__all__ = ["FOOTNOTE_DEF", "FOOTNOTE_MARK", "extract_claims", "footnote_source", "judge_with_names", "read_figures"]


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


def judge_with_names(entries: Sequence[Entry], settings: Settings) -> frozenset[str]:
    """Find the KB's own names (:mod:`.names`) and judge again the figures whose sentence holds one,
    so that claim-ness reads "a name" where it would have read "Northwind". Each file's figures are
    judged as it is read, before the KB's names are known; this is the second look, once they are.
    Returns the names, for judging drafts against the same KB (none when the shipped weights read
    names as words: then nothing is judged again)."""
    model = claimness.load()
    if model is None or not model.reads_names:
        return frozenset()
    names = kb_names(entries, company=settings.kb.name or None, speakers=settings.calls.internal_speakers,
                     domains=settings.calls.internal_domains)
    claimness.rejudge((c for e in entries for c in e.claims), names, model)
    return names
