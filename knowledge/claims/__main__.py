"""``python -m knowledge.claims FILE...``: every figure in each file, whether it counts as a claim, and why
(and, for a claim about the company's own product or terms, or one the needs-a-source model reads as the
company's own statement, that ``unsourced-claim`` asks no source for it)."""

from __future__ import annotations

import sys
from pathlib import Path

from knowledge.model import Claim

from . import extract_claims, needs_source, roles
from .terms import own_terms


def _own_statement(claims: list[Claim]) -> dict[int, str]:
    """For the claims the needs-a-source model has a say on, its verdict where it asks no source (the
    embedding model is loaded only when there is one)."""
    model = needs_source.load()
    unsure = [c for c in claims if model is not None and c.is_claim and own_terms(c) is None and model.decides(c)]
    if model is None or not unsure:
        return {}
    from knowledge.embedding import get_embedder

    vectors = get_embedder("query").embed([needs_source.text_of(c) for c in unsure])
    out = {}
    for c, v in zip(unsure, vectors, strict=True):
        p, why = needs_source.score(c, v, model)
        if p < model.threshold:
            out[id(c)] = f"{why} (P(needs a source) {p:.2f})"
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    for name in argv:
        text = Path(name).read_text(encoding="utf-8")
        claims = extract_claims(text)
        statements = _own_statement(claims)
        for c in claims:
            mark = "claim" if c.is_claim else "  -  "
            own = (own_terms(c) or roles.needs_no_source(c)) if c.is_claim else None
            note = f"; needs no outside source: {own}" if own else ""
            if id(c) in statements:
                note = f"; needs no outside source: {statements[id(c)]}"
            if c.source is not None:  # where it comes from: "(Org, 2025)", a rating's site, a study named before
                note = f"; source: {c.source.title}{note}"
            print(f"{name}:{c.line}:{c.column}: {mark} {c.span!r:<24} {c.kind:<10} {c.why}{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
