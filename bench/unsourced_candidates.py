"""Every candidate of ``unsourced-claim`` on the development corpora, with what decided it and what the
corpus's labels say about its line: the view to read false findings and misses by class.

    python bench/unsourced_candidates.py                      # every development corpus
    python bench/unsourced_candidates.py --corpus quillpay    # one
    python bench/unsourced_candidates.py --only wrong         # only false findings, misses and tolerated

Each row: the label on the figure's line (``FIND`` an expected finding, ``opt`` an optional one,
``neg`` a negative, ``-`` none), what the rule did (``REPORTED``, or why not: "not a claim", "own
terms", "own statement" where the needs-a-source model dropped it), claim-ness, the needs-a-source
probability (every candidate, also those the model has no say on), whether the page reads as one
that states no outcome claims, and the sentence. Labelled findings that are no candidate at all (a
source, a metric or a page note accounts for the figure, or it is not read) are listed as ``MISS``.

Larkspur is never read. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, indexed  # noqa: E402

DEV = ("quillpay", "kittiwake", "haulwise", "phenomena", "northwind", "real-labelled", "examples", "gridwell",
       "furrowline", "brightmoor", "cobbleway")


def _labels_at(labels: dict[str, Any], path: str, line: int) -> str:
    for e in labels["audit"].get("expected", []):
        if e["rule"] == "unsourced-claim" and e["path"] == path and (
                e["line"] == line or line in e.get("alt_lines", []) or e.get("any_line")):
            return "opt" if e.get("optional") else "FIND"
    for n in labels["audit"].get("negatives", []):
        if n["path"] == path and n["line"] == line and (not n.get("rules") or "unsourced-claim" in n["rules"]):
            return "neg"
    return "-"


def run(name: str, work: Path, only_wrong: bool) -> None:
    from knowledge.audit import _indexed_context
    from knowledge.claims import needs_source
    from knowledge.rules.unsourced_claim import UnsourcedClaim
    from knowledge.store import open_catalog

    ix = indexed(name, work)
    labels, settings, today = ix.corpus.labels, ix.settings, ix.today
    catalog = open_catalog(settings)
    try:
        ctx = _indexed_context(settings, catalog, today, None, with_calls=True)
        rule = UnsourcedClaim()
        reported = {(f.path, f.line, f.column) for f in rule.check_kb(ctx)}
        cands = list(rule.candidates(ctx))
        model = needs_source.load()
        claims = [f.claim for f, _, _ in cands if f.claim is not None]
        vecs = dict(zip(map(id, claims), ctx.vectors([needs_source.text_of(c) for c in claims]), strict=True)) \
            if claims else {}
        print(f"\n[{name}] {len(cands)} candidates, {len(reported)} reported")
        seen = set()
        for f, skip, page in cands:
            c = f.claim
            label = _labels_at(labels, f.path, f.line)
            done = "REPORTED" if (f.path, f.line, f.claim.column if f.claim else None) in reported else (
                skip or "own statement")
            wrong = (done == "REPORTED") != (label == "FIND") or label == "opt"
            seen.add((f.path, f.line))
            if only_wrong and not wrong:
                continue
            p = needs_source.score(c, vecs.get(id(c)), model)[0] if model is not None and c is not None else None
            cn = f"{c.claimness:.2f}" if c is not None and c.claimness is not None else "-"
            print(f"  {label:<4} {done:<14} cl {cn:>4} ns {p if p is None else f'{p:.2f}':>4} "
                  f"{'NOCLAIMS' if page else '':<8} {f.path}:{f.line}  {quoted_span(f)!r}  "
                  f"| {' '.join((c.sentence if c else '').split())[:140]}")
        for e in labels["audit"].get("expected", []):
            if e["rule"] == "unsourced-claim" and not e.get("optional") and (e["path"], e["line"]) not in seen:
                print(f"  MISS (no candidate) {e['path']}:{e['line']}  {e.get('note', '')}")
    finally:
        catalog.close()


def quoted_span(f: Any) -> str:
    c = f.claim
    return (c.text if c is not None else "")[:40]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", choices=DEV)
    ap.add_argument("--only", choices=("wrong",))
    ap.add_argument("--work", type=Path, default=None, help="work folder (default: bench/accuracy.py's, kept between runs)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.gettempdir()) / "canon-accuracy" / hashlib.sha1(str(REPO).encode()).hexdigest()[:8]
    for name in args.corpus or DEV:
        if (CORPORA[name] / "labels.json").is_file():
            run(name, work, args.only == "wrong")


if __name__ == "__main__":
    main()
