"""Where the blocks of the "same measure?" link act (knowledge/figures/blocks.py), corpus by corpus, and
which words of their lists act on one corpus only: the leave-one-corpus-out check of the lists
(bench/ACCURACY.md, "The same-measure link and what a sentence says of its figure, fifteenth round").

    python bench/direction_blocks.py --corpus kelpmoor --corpus quarrywell ... [--work DIR] [--json OUT]

Runs ``canon audit`` and ``canon check`` on each corpus as ``bench/accuracy.py`` does, recording every
pair a block keeps from an approved figure: the figure's path and line, the block and its word, the
approved figure's metric id or path. A word met on one corpus alone was not shaped by the others; the
record says on which lines it acts, so that the findings there can be compared with the same run
without the blocks. Prints a line per block and the words met on one corpus only; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.accuracy import CORPORA, run_corpus  # noqa: E402


def record_blocks(name: str, work: Path) -> list[dict[str, Any]]:
    """Every block that acts on the corpus ``name``, once per figure line, block and approved figure."""
    from knowledge.figures import blocks

    seen: dict[tuple[str, int, str, str], dict[str, Any]] = {}
    original = blocks.blocked

    def recorder(f: Any, target: Any) -> str | None:
        why = original(f, target)
        if why is not None:
            tid = target.metric.id if target.metric is not None else f"{target.path}:{target.line}"
            key = (str(f.path), int(f.line or 0), why, str(tid))
            seen.setdefault(key, {"path": key[0], "line": key[1], "why": why, "target": key[3],
                                  "sentence": (f.claim.sentence if f.claim is not None else f.context)[:160]})
        return why

    blocks.blocked = recorder
    try:
        run_corpus(name, work, objections=False)
    finally:
        blocks.blocked = original
    return list(seen.values())


def one_corpus_words(found: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """The block words met on exactly one corpus, with that corpus."""
    where: dict[str, set[str]] = defaultdict(set)
    for corpus, rows in found.items():
        for r in rows:
            where[r["why"]].add(corpus)
    return {w: next(iter(cs)) for w, cs in sorted(where.items()) if len(cs) == 1}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", action="append", required=True, choices=sorted(CORPORA))
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "canon-accuracy")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    found = {name: record_blocks(name, args.work) for name in args.corpus}
    for corpus, rows in found.items():
        print(f"[{corpus}] {len(rows)} blocks")
        for r in rows:
            print(f"  {r['path']}:{r['line']}  {r['why']:24} -> {r['target']}  | {r['sentence']}")
    print("words met on one corpus only:")
    for word, corpus in one_corpus_words(found).items():
        print(f"  {word:28} {corpus}")
    if args.json:
        args.json.write_text(json.dumps(found, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
