"""An example's own words: a prospect saying what an objection entry gives as an example is a
mention of that entry, whatever the models make of it.

A KB writer who puts a remark in an entry's ``examples:`` expects those words to be found when a
prospect says them. The models need not agree: the add/drop model (:mod:`.blend`) reads a remark
that names a pain without a word of resistance ("Chasing deposits back to schools takes us days
every term."), early in a short call, as a prospect telling their situation, and drops it. Here the
KB's own words decide.

"The same words" is word identity, not closeness: the words of a sentence (or of a run of
consecutive sentences of one turn piece), read as the prefilter cleans them (case, punctuation,
fillers, hedges, stutters and dropped apostrophes set aside), in the same order as an example's. No
bar is chosen on any corpus, and a paraphrase, one word changed, never takes this way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from knowledge.model import Call, Entry

from .prefilter import Candidate, clean

if TYPE_CHECKING:
    import numpy as np

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> tuple[str, ...]:
    """The words of a text as compared with an example: cleaned as the prefilter cleans a
    transcript sentence, lower-cased, without punctuation."""
    return tuple(_WORD.findall(clean(text).lower()))


def example_words(entries: Sequence[Entry]) -> dict[tuple[str, ...], int]:
    """The words of each example of ``entries`` -> the index of its entry (the first entry, where
    two give the same example)."""
    out: dict[tuple[str, ...], int] = {}
    for j, e in enumerate(entries):
        for ex in e.examples:
            w = words(ex)
            if w:
                out.setdefault(w, j)
    return out


def said(found: Sequence[tuple[Call, Candidate]], examples: dict[tuple[str, ...], int]) -> dict[int, int]:
    """Candidate sentence -> entry index, for the sentences that say an example's words: each
    sentence alone, or a run of consecutive sentences of one turn piece whose words together are
    the example's (an example of two sentences, split by the transcript)."""
    if not examples:
        return {}
    longest = max(len(w) for w in examples)
    # a candidate's text is its sentence cleaned already (prefilter.candidates): words(c.raw) without
    # cleaning it again, once per sentence rather than once per run it is part of
    said_words = [tuple(_WORD.findall(c.text.lower())) for _, c in found]
    out: dict[int, int] = {}
    for run in _pieces(found):
        for a in range(len(run)):
            joined: tuple[str, ...] = ()
            for b in range(a, len(run)):
                joined += said_words[run[b]]
                if len(joined) > longest:
                    break
                j = examples.get(joined)
                if j is not None:
                    out.update({i: j for i in run[a:b + 1]})
                    break
    return out


def _pieces(found: Sequence[tuple[Call, Candidate]]) -> list[list[int]]:
    """The candidates of each turn piece, in order, as indexes into ``found``."""
    runs: dict[tuple[str, int, int], list[int]] = {}
    for i, (call, c) in enumerate(found):
        runs.setdefault((call.path, c.turn, c.piece), []).append(i)
    return list(runs.values())


def why(entry: Entry) -> str:
    """What a mention found by its words says of itself."""
    return f"the words of an example of {entry.id}"


def taken(detected: np.ndarray, hits: dict[int, int]) -> np.ndarray:
    """``detected`` with every sentence saying an example's words detected."""
    out = detected.copy()
    if hits:
        out[list(hits)] = True
    return out
