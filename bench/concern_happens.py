"""What happens in a concern: a remark with the words it shares with an objection entry taken out,
compared with the entry's examples read the same way (the fourteenth round's second reading, measured
by ``bench/object_veto.py --happens``: bench/ACCURACY.md, "New concerns kept apart by what happens,
fourteenth round").

The first reading (:mod:`bench.concern_objects`) took out the frame of a concern and left the party:
"our drivers won't cross the picket line" kept "drivers", which the entry "our drivers won't use a
scanner" shares. Here the reverse is taken out: the content words (not frame words, see
:func:`bench.concern_objects.frame_words`) that the remark and the entry share, from both sides. What
is left is what the remark says happens to the party ("won't cross the picket line") against what the
entry says happens ("won't use a scanner", "too rushed to tap through screens"). A remark that shares
no content word with an entry gets NaN there: the shared nouns do not carry its closeness, so this
reading decides nothing about it (a veto only where the shared words carry the similarity).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bench.concern_objects import _words

if TYPE_CHECKING:
    import numpy as np


def shared_words(text: str, phrasings: Sequence[str], frame: frozenset[str]) -> frozenset[str]:
    """The content words ``text`` shares with any of an entry's ``phrasings`` (frame words are not
    content: they say that something is a concern, not what it is about)."""
    said = set(_words(text)) - frame
    return frozenset(said & {w for p in phrasings for w in _words(p)})


def masked(text: str, shared: frozenset[str]) -> str:
    """``text`` without the ``shared`` words, in the order said, frame words kept ("" if nothing is left)."""
    return " ".join(w for w in _words(text) if w not in shared)


def happens_closeness(texts: Sequence[str], phrasings: Sequence[Sequence[str]],
                      vectors: Callable[[list[str]], np.ndarray], frame: frozenset[str]) -> np.ndarray:
    """(remarks x entries): how close what each remark says happens is to what the entry's closest
    phrasing says happens, both with the content words the remark shares with the entry taken out
    (cosine of their embeddings). NaN where the remark shares no content word with the entry, or
    where nothing is left on one side: then the shared words do not carry the closeness, or nothing
    else can be read, and nothing should be decided by it."""
    import numpy as np

    out = np.full((len(texts), len(phrasings)), np.nan, np.float32)
    pairs: list[tuple[int, int, str, list[str]]] = []
    for i, t in enumerate(texts):
        for j, ps in enumerate(phrasings):
            shared = shared_words(t, ps, frame)
            if not shared:
                continue
            mine, theirs = masked(t, shared), [m for m in (masked(p, shared) for p in ps) if m]
            if mine and theirs:
                pairs.append((i, j, mine, theirs))
    if not pairs:
        return out
    unique = list(dict.fromkeys(s for _, _, mine, theirs in pairs for s in [mine, *theirs]))
    where = {s: k for k, s in enumerate(unique)}
    V = vectors(unique)
    for i, j, mine, theirs in pairs:
        out[i, j] = float((V[[where[s] for s in theirs]] @ V[where[mine]]).max())
    return out
