"""Claim-ness as a KB's reviewers corrected it (see :mod:`knowledge.finding_verdicts`).

A reviewer who marks an ``unsourced-claim`` or ``unsupported-claim`` wrong says that its figure
states no outcome; one who marks a figure's finding right says that it does. A figure whose
sentence, with the figure masked, is the very sentence a reviewer judged takes the reviewer's
verdict, wherever that sentence appears in the KB, its drafts or its calls.

Verdicts do not move figures merely worded like the judged ones. A correction of the claim-ness
weights fitted on a KB's verdicts was measured (README, "Reviewers' verdicts on findings") and gained
nothing on held-out findings with a reviewer's verdicts on 20% of them, so it is not part of canon.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from knowledge.model import Claim


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Correction:
    """What a KB's verdicts change in claim-ness."""

    same: dict[str, bool]  # masked sentence (normalised) -> a claim or not, as reviewers said

    def apply(self, claims: Iterable[Claim]) -> int:
        """Judge again the figures the verdicts speak to; return how many changed their decision."""
        changed = 0
        for c in claims:
            said = self.same.get(_norm(c.masked)) if c.masked else None
            if said is not None:
                changed += said != c.is_claim
                c.is_claim = said
                c.why = f"{'a claim' if said else 'not a claim'}: a reviewer's verdict on this sentence"
        return changed


def learn(examples: Sequence[tuple[Claim, bool]]) -> Correction | None:
    """The correction ``examples`` (a figure, and whether reviewers say it is a claim) make, or None."""
    same = {_norm(c.masked): y for c, y in examples if c.masked}
    return Correction(same=same) if same else None
