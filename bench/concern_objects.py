"""What a concern is about: a remark with the words of its frame taken out, compared with an
objection entry's examples read the same way (the fourteenth round's reading, measured and not
switched on: bench/ACCURACY.md, "New concerns kept apart, fourteenth round").

A new concern is often filed under a known objection because the two share only the words that
frame a concern ("my worry is", "what happens if", "we can't", "our staff won't"), not what the
concern is about: "I'm not changing banks for a vet system" and "we can't justify that spend for
two vets". The frame is learned, not listed by hand: a word is part of it when it is said in the
remarks of many different objections (:func:`frame_words`, fitted by ``bench/object_veto.py`` on the
labelled mentions of the development corpora, ``bench/concern_frame.txt`` with its provenance). What
is left of a remark is its object (:func:`object_text`); its closeness to an entry is the closest of
the entry's examples and title with their frame taken out too (:func:`object_closeness`).
``bench/object_veto.py`` holds a remark whose object is far from its closest entry's while themes
form, through the hold of :func:`knowledge.objections.themes._assign`: a veto on absorption only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

FRAME_PATH = Path(__file__).resolve().parent / "concern_frame.txt"

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")


def _words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, with a trailing possessive or contraction kept as said."""
    return [w.lower() for w in _TOKEN.findall(text)]


def frame_words(groups: Iterable[Iterable[str]], least: float) -> frozenset[str]:
    """The words said in the remarks of at least ``least`` of the objections ``groups`` (each group:
    the texts of one labelled objection's remarks). A word of many objections frames a concern; a
    word of few names what one is about (a pricing objection's "price" is one group of many)."""
    seen: dict[str, int] = {}
    total = 0
    for texts in groups:
        total += 1
        for w in {w for t in texts for w in _words(t)}:
            seen[w] = seen.get(w, 0) + 1
    if not total:
        return frozenset()
    return frozenset(w for w, k in seen.items() if k / total >= least)


def object_text(text: str, frame: frozenset[str]) -> str:
    """``text`` without the words of the frame, in the order said ("" when nothing else is said)."""
    return " ".join(w for w in _words(text) if w not in frame)


@lru_cache(maxsize=1)
def load_frame(path: Path = FRAME_PATH) -> frozenset[str]:
    """The shipped frame words (one a line, ``#`` comments), or none where the file is missing."""
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip() for s in lines if s.strip() and not s.startswith("#"))


def object_closeness(texts: Sequence[str], phrasings: Sequence[Sequence[str]],
                     vectors: Callable[[list[str]], np.ndarray], frame: frozenset[str]) -> np.ndarray:
    """(remarks x entries): how close each remark's object is to each entry's closest phrasing's
    object (cosine of their embeddings); NaN where a remark or an entry says nothing but frame words,
    since then the object cannot be read and nothing should be decided by it."""
    import numpy as np

    out = np.full((len(texts), len(phrasings)), np.nan, np.float32)
    said = [object_text(t, frame) for t in texts]
    own = [[o for o in (object_text(p, frame) for p in ps) if o] for ps in phrasings]
    keep = [i for i, s in enumerate(said) if s]
    refs = [o for ps in own for o in ps]
    if not keep or not refs:
        return out
    V = vectors([said[i] for i in keep] + refs)
    M, R = V[:len(keep)], V[len(keep):]
    start = 0
    for j, ps in enumerate(own):
        if ps:
            out[keep, j] = (M @ R[start:start + len(ps)].T).max(axis=1)
        start += len(ps)
    return out
