"""Whether the words of a question that no entry holds mean something the first entry says (pass 25's
second grid, bench/ACCURACY.md "Search"): adds ``absent_echo`` to the rows ``bench/floor_signals.py
--text --json`` writes, for ``bench/floor_loso.py``.

    .venv/bin/python bench/floor_echo.py ROWS.json OUT.json

``absent_echo``: over the question's words no entry of the KB holds (compared by stem, against the
words of the KB's index), IDF-weighted, the mean of each word's largest cosine with a word of the
first entry's passages, every word embedded alone by the shipped query embedder; 0 when every word
is held. "drenched" beside a page saying "soaked" echoes; "offline" beside a page about the app does
not. Development sets only (the blind sets and the final exam are refused).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from floor_causes import kb_words  # noqa: E402

from bench.accuracy import HELD_OUT  # noqa: E402


def absent_words(row: dict[str, Any], words: set[str], stems: set[str]) -> list[str]:
    """The row's question words (its IDF keys) that no entry of the KB holds, by word or stem."""
    from knowledge.passage import stem

    return [t for t in row["idf"] if t not in words and stem(t) not in stems]


def echo(row: dict[str, Any], missing: list[str], vec: dict[str, Any]) -> float:
    """IDF-weighted mean, over ``missing``, of each word's largest cosine with a word of the row's first
    entry (``top_chunks``); 0 with nothing missing or no first entry."""
    from knowledge import lexical

    own = [w for w in {w for c in row.get("top_chunks", []) for w in lexical.terms(c)} if w in vec]
    if not missing or not own:
        return 0.0
    import numpy as np

    entry = np.stack([vec[w] for w in own])
    total = sum(row["idf"][t] for t in missing)
    return float(sum(row["idf"][t] * float((entry @ vec[t]).max()) for t in missing) / total) if total else 0.0


def main() -> None:
    """Print the echo reading of each question in the floor-signal rows of the file named (never a held-out set)."""
    from knowledge import lexical
    from knowledge.embedding import get_embedder
    from knowledge.passage import stem

    rows = json.loads(Path(sys.argv[1]).read_text())
    if {r["set"] for r in rows} & set(HELD_OUT):
        sys.exit("the blind sets and the final exam are never read here")
    vocab = {s: kb_words(s) for s in {r["set"] for r in rows}}
    stems = {s: {stem(w) for w in ws} for s, ws in vocab.items()}
    missing = [absent_words(r, vocab[r["set"]], stems[r["set"]]) for r in rows]
    wanted = sorted({t for m in missing for t in m}
                    | {w for r, m in zip(rows, missing, strict=True) if m
                       for c in r.get("top_chunks", []) for w in lexical.terms(c)})
    vectors = get_embedder("query").embed(wanted, batch_size=256)
    vec = dict(zip(wanted, vectors, strict=True))
    for r, m in zip(rows, missing, strict=True):
        r["absent_echo"] = echo(r, m, vec)
    Path(sys.argv[2]).write_text(json.dumps(rows, indent=0))
    print(f"{len(rows)} rows, {len(wanted)} words embedded")


if __name__ == "__main__":
    main()
