"""Claim extraction throughput on the shared corpora: prints figures, asserts nothing.

    .venv/bin/python bench/bench_claims.py [CORPORA_DIR] [--repeat N]

Reports files, sentences, claims, and claims, sentences and megabytes per second, for whole files
(as the KB indexer calls it) and for one call per sentence (as call transcripts are fed).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.claims import extract_claims  # noqa: E402

_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


def main() -> None:
    default = Path(__file__).resolve().parents[1] / "../shared/corpora"
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="?", type=Path, default=default)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = sorted(args.corpora.resolve().rglob("*.md"))
    if not files:
        sys.exit(f"no .md files under {args.corpora}")
    texts = [f.read_text(encoding="utf-8") for f in files]
    sentences = [s for t in texts for s in _SENTENCES.split(t) if s.strip()]
    size = sum(len(t.encode("utf-8")) for t in texts)

    claims = sum(len(extract_claims(t)) for t in texts)  # warm up, and count
    best = _least_cpu(texts, args.repeat)
    per_sentence = sum(len(extract_claims(s)) for s in sentences)
    best_s = _least_cpu(sentences, args.repeat)

    print(f"corpus:            {len(files)} .md files, {size / 1e3:.0f} kB, {len(sentences)} sentences")
    print(f"whole files:       {claims} claims in {best * 1e3:.1f} ms (best of {args.repeat}, CPU time)")
    print(f"  claims/s:        {claims / best:,.0f}")
    print(f"  sentences/s:     {len(sentences) / best:,.0f}")
    print(f"  MB/s:            {size / 1e6 / best:.2f}")
    print(f"one sentence/call: {per_sentence} claims in {best_s * 1e3:.1f} ms")
    print(f"  claims/s:        {per_sentence / best_s:,.0f}")
    print(f"  sentences/s:     {len(sentences) / best_s:,.0f}")
    large()


def _least_cpu(texts: list[str], repeat: int) -> float:
    """The least CPU time of ``repeat`` passes of the extractor over ``texts``."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for t in texts:
            extract_claims(t)
        best = min(best, time.process_time() - t0)
    return best


def large() -> None:
    """Paragraphs with no blank line and no stop: every look-up around a figure is bounded, so the
    time grows with the text, not with its square (a 1,000-line paragraph once took 199 s)."""
    line = "Customers saw a 30% drop in costs and saved $1.2M over 6 weeks with 400 invoices a day"
    cases = [(f"{n:,} lines, no blank line", "\n".join(f"{line} item {i}" for i in range(n))) for n in (1000, 10000)]
    cases.append(("one 224 KB paragraph, no line break", ((line + ". ") * 2600)[:224_000]))
    for name, text in cases:
        t0 = time.process_time()
        n = len(extract_claims(text))
        print(f"{name:<36} {len(text) / 1e3:>6.0f} kB  {n:>6} figures  {time.process_time() - t0:6.2f} s CPU")


if __name__ == "__main__":
    main()
