"""Whether the first entry holds what a question asks for: two readings added to the rows that
``bench/floor_signals.py --text --json`` writes, for ``bench/floor_loso.py`` to fit (bench/ACCURACY.md,
"Search", pass 21).

    .venv/bin/python bench/floor_answers.py ROWS.json OUT.json

- ``figure_sentence``: for a question that asks for a figure (``knowledge.search.figure_question_of``),
  the largest share of the question's IDF mass held by one sentence of the first entry that states a
  number (digits or a number word); 0 for any other question. A reader tells "85,000 homes" from "64
  people" for "How many homes…?" by the thing counted standing next to the figure.
- ``top_lacks_held``: the share of the question's IDF mass that some entry of the KB holds and the
  first entry does not: the thing asked ("offline", "branding", "ios") named elsewhere in the KB but
  not where the answer is supposed to be. A speaker's own word no entry holds ("pricey", "chilly")
  does not count. ``top_keeps_held`` is one minus it and ``minus_lacks_held`` minus it (so that a
  frozen fit, whose weights are held at zero or above, can use it as a penalty).
- ``top_lacks_named``: 1 when a word of the question is one the KB writes as a name (``kb_names``), some
  entry of the KB holds it and the first entry does not ("what's the sla response time for support in
  jamaica" where the first entry states response times but names no country); ``top_keeps_named`` is
  one minus it. The KB's writing, not the question's, says what is a name, so a question in lower
  case is read as one written with capitals. ``top_keeps_both`` is the product of the two keeps (measured
  for the record in pass 21, not a candidate).

Words are matched as the floor's passage coverage matches them (``knowledge.search._chunk_coverage``:
a word, its stem, its other spellings, or a long word's leading letters). The KB's words are read from
the index built under ``bench/out/search/SET`` by ``bench/floor_signals.py``.
"""

from __future__ import annotations

import json
import re
import sqlite3
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


_TOKEN = re.compile(r"[^\W_]+")
_AFTER_BREAK = re.compile(r"(?:^|[.!?:;|#*\n\"“(\[-]\s*)$")


def kb_names(passages: list[Passage]) -> set[str]:
    """The words (lower case) the KB writes as names: capitalised where no sentence starts in most of
    their occurrences, or written with a capital inside or a digit among letters ("eCRF", "ISO27001")."""
    capital: dict[str, int] = {}
    seen: dict[str, int] = {}
    for p in passages:
        for m in _TOKEN.finditer(p.text):
            w = m.group(0)
            if any(c.isupper() for c in w[1:]) or (any(c.isdigit() for c in w) and any(c.isalpha() for c in w)):
                capital[w.lower()] = capital.get(w.lower(), 0) + 10**6
            if _AFTER_BREAK.search(p.text[max(m.start() - 3, 0):m.start()]):
                continue  # a sentence's, a heading's or a list item's first word says nothing
            seen[w.lower()] = seen.get(w.lower(), 0) + 1
            capital[w.lower()] = capital.get(w.lower(), 0) + w[0].isupper()
    return {w for w, n in capital.items() if n * 2 > seen.get(w, 0) and not w.isdigit()}


def lacks_named(idf: dict[str, float], top: list[str], kb: list[Passage], names: set[str]) -> float:
    """``top_lacks_named`` of one question (see the module docstring)."""
    wanted = {t: w for t, w in idf.items() if t in names}
    if not wanted or not top:
        return 0.0
    text = "\n".join(top)
    missing = {t: w for t, w in wanted.items() if t not in held(wanted, [Passage(f"top:{hash(text)}", "top", text)])}
    return float(bool(held(missing, kb)))


def figure_sentence(question: str, chunks: list[str], idf: dict[str, float]) -> float:
    """``figure_sentence`` of one question (see the module docstring)."""
    from knowledge.search import _chunk_coverage, figure_question_of

    if not figure_question_of(question) or not idf:
        return 0.0
    stated = [s for c in chunks for s in sentences(c) if _NUMBER.search(s)]
    cover = _chunk_coverage([Passage(f"s{i}:{s}", f"s{i}", s) for i, s in enumerate(stated)], idf)
    return max(cover.values(), default=0.0)


def held(terms: dict[str, float], passages: list[Passage]) -> set[str]:
    """The terms that some passage holds."""
    from knowledge.search import _chunk_coverage

    return {t for t in terms if _chunk_coverage(passages, {t: 1.0})}


def kb_passages(corpus: str) -> list[Passage]:
    """Every entry passage of the set's KB, one per entry path (its chunks joined)."""
    catalog = REPO / "bench" / "out" / "search" / corpus / ".canon" / "catalog.sqlite"
    if not catalog.is_file():
        sys.exit(f"{catalog}: no index of {corpus} (bench/floor_signals.py builds it)")
    db = sqlite3.connect(f"{catalog.as_uri()}?mode=ro", uri=True)
    by_path: dict[str, list[str]] = {}
    for path, text in db.execute("SELECT path, text FROM chunks ORDER BY path, line"):
        by_path.setdefault(path, []).append(text)
    return [Passage(f"kb:{corpus}:{p}", p, "\n".join(ts)) for p, ts in by_path.items()]


def lacks_held(idf: dict[str, float], top: list[str], kb: list[Passage]) -> float:
    """``top_lacks_held`` of one question (see the module docstring)."""
    total = sum(idf.values())
    if not total or not top:
        return 0.0
    text = "\n".join(top)
    in_top = held(idf, [Passage(f"top:{hash(text)}", "top", text)])
    missing = {t: w for t, w in idf.items() if t not in in_top}
    in_kb = held(missing, kb)
    return sum(missing[t] for t in in_kb) / total


def add_signals(rows: list[dict[str, Any]]) -> None:
    """Give every row the readings of the module docstring."""
    kbs: dict[str, list[Passage]] = {}
    names: dict[str, set[str]] = {}
    for r in rows:
        idf, top = r.get("idf") or {}, r.get("top_chunks") or []
        if r["set"] not in kbs:
            kbs[r["set"]] = kb_passages(r["set"])
            names[r["set"]] = kb_names(kbs[r["set"]])
        kb = kbs[r["set"]]
        r["figure_sentence"] = figure_sentence(r["q"], top, idf)
        r["top_lacks_held"] = lacks_held(idf, top, kb)
        r["top_keeps_held"] = 1.0 - r["top_lacks_held"]
        r["minus_lacks_held"] = -r["top_lacks_held"]
        r["top_lacks_named"] = lacks_named(idf, top, kb, names[r["set"]])
        r["top_keeps_named"] = 1.0 - r["top_lacks_named"]
        r["top_keeps_both"] = r["top_keeps_held"] * r["top_keeps_named"]


def main() -> None:
    src, out = sys.argv[1:3]
    rows = json.loads(Path(src).read_text())
    add_signals(rows)
    Path(out).write_text(json.dumps(rows, indent=0))


if __name__ == "__main__":
    main()
