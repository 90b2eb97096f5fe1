"""What the figure matching and the source reading say about the figures of given lines: the source
read in prose, the status, the backers (with their sources) and the conflict, for reading why a
``source-conflict`` is missed or made.

    python bench/unsourced_conflicts.py kelpmoor website/faq.md:15 messaging/welfare-first.md:20

Prints; asserts nothing. Larkspur is never read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, indexed  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", choices=sorted(n for n in CORPORA if n != "larkspur"))
    ap.add_argument("where", nargs="+", help="path:line (KB-relative)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/canon-unsourced-conflicts"))
    args = ap.parse_args()
    from knowledge.audit import _indexed_context
    from knowledge.store import open_catalog

    ix = indexed(args.corpus, args.work)
    catalog = open_catalog(ix.settings)
    try:
        ctx = _indexed_context(ix.settings, catalog, ix.today, None, with_calls=False)
        kb = ctx.figures.kb
        wanted = {(p, int(n)) for p, n in (w.rsplit(":", 1) for w in args.where)}
        for f in kb.canonical.figures:
            lines = set(range(f.line, (f.end_line or f.line) + 1))
            if not any(p == f.path and n in lines for p, n in wanted):
                continue
            r = kb.resolutions.get(f)
            src = f.claim.source if f.claim is not None else None
            print(f"{f.path}:{f.line} {f.origin} {f.display!r} sense={f.sense} entity={f.entity}"
                  f" source={src.title if src else None!r} (line {src.line if src else None})")
            if f.claim is not None:
                print(f"    sentence: {' '.join((f.claim.sentence or '').split())[:200]}")
            if r is None:
                print("    no resolution")
                continue
            print(f"    status {r.status}; conflict {r.conflict.target.text if r.conflict else None}")
            for m in r.backers[:4]:
                t = m.target
                tsrc = t.metric.source if t.metric is not None else (t.claim.source.title if t.claim and t.claim.source else None)
                print(f"    backer {m.score:.2f} {t.origin} {t.path}:{t.line} {t.display!r} {t.text[:60]!r} source={tsrc!r}")
    finally:
        catalog.close()


if __name__ == "__main__":
    main()
