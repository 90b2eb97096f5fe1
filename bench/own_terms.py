"""Where the own-terms decision (``knowledge/claims/terms.py``: a limit, a service commitment, what a
plan includes, a price, a worked example's input need no outside source) fires on labelled figure
mentions it was not written against: the claim-ness training set (``knowledge/claims/data/``: the
written sentences, the Northwind and real-labelled mentions, the real case studies).

Those labels say whether a figure states something a reader could hold the company to, which counts a
price or an SLA as a claim; what this prints is every mention the decision takes out, with its label,
so that a reader can judge each one: a price labelled a claim is right to take out of
``unsourced-claim``, a market statistic is not.

    python bench/own_terms.py

Prints figures; asserts nothing. Needs no embedding model.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import train_claimness as training  # noqa: E402
from knowledge.claims.terms import own_terms  # noqa: E402


def main() -> None:
    rows, _ = training.handwritten()
    rows += training.corpora() + training.case_studies(held_out=False) + training.case_studies(held_out=True)
    fired = [(label, c, why, source) for c, label, source in rows if (why := own_terms(c)) is not None]
    by = Counter((label, c.is_claim) for label, c, _, _ in fired)
    print(f"{len(rows)} labelled mentions; taken out as the company's own product or terms: {len(fired)}")
    print(f"  labelled claim: {by[(1, True)] + by[(1, False)]}, labelled not a claim: {by[(0, True)] + by[(0, False)]}"
          f" (of which the classifier reads as claims: {by[(0, True)]})")
    for label, c, why, source in sorted(fired, key=lambda f: (-f[0], f[3])):
        mark = "claim" if label else "  -  "
        print(f"  {mark} {why:<30} {source:<32} {c.span!r}: {' '.join(c.sentence.split())[:110]}")


if __name__ == "__main__":
    main()
