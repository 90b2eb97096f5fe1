"""Whether the first entry holds what a question asks for: readings added to the rows that
``bench/floor_signals.py --text --json`` writes, for ``bench/floor_loso.py`` to fit (bench/ACCURACY.md,
"Search", passes 21 and 22).

    .venv/bin/python bench/floor_answers.py ROWS.json OUT.json

- ``figure_sentence``: for a question that asks for a figure (``knowledge.search.figure_question_of``),
  the largest share of the question's IDF mass held by one sentence of the first entry that states a
  number (digits or a number word); 0 for any other question. A reader tells "85,000 homes" from "64
  people" for "How many homes…?" by the thing counted standing next to the figure. Measured in pass
  21 and not shipped: it does not separate.
- ``top_lacks_held``, ``top_lacks_named`` and their keeps: ``knowledge/first_entry.py`` (one
  implementation; search reads ``top_keeps_both`` as the gate of pass 20's two marks since pass 22).
  ``minus_lacks_held`` is minus ``top_lacks_held`` (so that a frozen fit, whose weights are held at
  zero or above, can use it as a penalty).

The KB's words are read from the index built under ``bench/out/search/SET`` by
``bench/floor_signals.py``, as a search reads them.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                 "sixteen seventeen eighteen nineteen twenty half twice dozen").split()
_NUMBER = re.compile(r"\d|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])[\"”')\]]*\s+|\n+")


@dataclass(frozen=True)
class Passage:
    """A stand-in for an index chunk (what ``_chunk_coverage`` reads)."""

    id: str
    path: str
    text: str


def sentences(text: str) -> list[str]:
    """The text cut at sentence ends and line breaks."""
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def figure_sentence(question: str, chunks: list[str], idf: dict[str, float]) -> float:
    """``figure_sentence`` of one question (see the module docstring)."""
    from knowledge.search import _chunk_coverage, figure_question_of

    if not figure_question_of(question) or not idf:
        return 0.0
    stated = [s for c in chunks for s in sentences(c) if _NUMBER.search(s)]
    cover = _chunk_coverage([Passage(f"s{i}:{s}", f"s{i}", s) for i, s in enumerate(stated)], idf)
    return max(cover.values(), default=0.0)


def kb_of(corpus: str) -> Any:
    """What the set's KB holds, read from its index as a search reads it."""
    from knowledge.first_entry import kb_words
    from knowledge.settings import load_settings
    from knowledge.store import open_catalog

    catalog = open_catalog(load_settings(REPO / "bench" / "out" / "search" / corpus))
    try:
        return kb_words(catalog)
    finally:
        catalog.close()


def add_signals(rows: list[dict[str, Any]]) -> None:
    """Give every row the readings of the module docstring."""
    from knowledge.first_entry import lacks_held, lacks_named, words_of

    kbs: dict[str, Any] = {}
    for r in rows:
        idf, top_chunks = r.get("idf") or {}, r.get("top_chunks") or []
        if r["set"] not in kbs:
            kbs[r["set"]] = kb_of(r["set"])
        kb = kbs[r["set"]]
        top = words_of("\n".join(top_chunks)) if top_chunks else None
        r["figure_sentence"] = figure_sentence(r["q"], top_chunks, idf)
        r["top_lacks_held"] = lacks_held(idf, top, kb.words)
        r["top_keeps_held"] = 1.0 - r["top_lacks_held"]
        r["minus_lacks_held"] = -r["top_lacks_held"]
        r["top_lacks_named"] = lacks_named(idf, top, kb)
        r["top_keeps_named"] = 1.0 - r["top_lacks_named"]
        r["top_keeps_both"] = r["top_keeps_held"] * r["top_keeps_named"]


def main() -> None:
    src, out = sys.argv[1:3]
    rows = json.loads(Path(src).read_text())
    add_signals(rows)
    Path(out).write_text(json.dumps(rows, indent=0))


if __name__ == "__main__":
    main()
