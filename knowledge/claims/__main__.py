"""``python -m knowledge.claims FILE...``: every figure in each file, whether it counts as a claim, and why
(and, for a claim about the company's own product or terms, that ``unsourced-claim`` asks no source for it)."""

from __future__ import annotations

import sys
from pathlib import Path

from . import extract_claims
from .terms import own_terms


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    for name in argv:
        text = Path(name).read_text(encoding="utf-8")
        for c in extract_claims(text):
            mark = "claim" if c.is_claim else "  -  "
            own = own_terms(c) if c.is_claim else None
            note = f"; needs no outside source: {own}" if own else ""
            print(f"{name}:{c.line}:{c.column}: {mark} {c.span!r:<24} {c.kind:<10} {c.why}{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
