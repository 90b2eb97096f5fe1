"""Every figure canon reads from every file of the development figure corpora, one line each, so that
two versions of the reader can be diffed: a corpus whose lines are identical cannot move.

    PYTHONPATH=. python bench/currency_reads.py > main.txt      # in a checkout of main
    PYTHONPATH=. python bench/currency_reads.py > branch.txt    # in the branch's checkout
    diff main.txt branch.txt

Also lists how each metric's ``unit:`` normalises. Written for the eighteenth round's currency
reading (bench/ACCURACY.md, "Currencies as they are written"); reads no held-out corpus.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(1, str(REPO))

from bench.measure_pairs import DEVELOPMENT  # noqa: E402
from knowledge import units  # noqa: E402
from knowledge.claims.extract import read_figures  # noqa: E402

_UNIT_LINE = re.compile(r"^\s*-?\s*unit:\s*['\"]?([^'\"#\n]+?)['\"]?\s*$", re.M)


def corpus_dir(name: str) -> Path:
    """Where a development corpus lives (as bench/accuracy.py finds it)."""
    if name in ("northwind", "real-labelled"):
        return REPO.parent / "shared" / "corpora" / name
    if name == "examples":
        return REPO / "examples"
    return REPO / "tests" / "data" / "corpora" / name


def main() -> None:
    """Print one line per figure read and per metric unit, per development corpus."""
    for name in DEVELOPMENT:
        root = corpus_dir(name)
        for path in sorted(p for p in root.rglob("*") if p.suffix in (".md", ".txt", ".yaml", ".yml", ".mdx", ".json", ".srt", ".vtt")):
            text = path.read_text(errors="replace")
            rel = f"{name}/{path.relative_to(root)}"
            for c in read_figures(text):
                print(f"{rel}:{c.line}:{c.column} {c.kind} {c.value!r} {c.unit} raw={c.raw_unit!r} {c.span!r}")
            for m in _UNIT_LINE.finditer(text):
                print(f"{rel} unit {m.group(1)!r} -> {units.normalize(1.0, m.group(1))!r}")


if __name__ == "__main__":
    main()
