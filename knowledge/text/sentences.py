"""The sentence splitter: where sentences end in a masked text (see :mod:`knowledge.text.markup`)."""

from __future__ import annotations

import re

from knowledge.text import lexicon

_ABBREV_WORD = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z.]*)$")
_ABBREV = lexicon("abbreviations")
_SENT_END = re.compile(  # each branch starts with a plain character class, so ``re`` skips fast
    r"[.!?][.!?]*[\"'”’)\]]*(?=[ \t\n]+[\"'“‘(\[]?[A-Z0-9$€£¥#]|[ \t]*\n[ \t]*\n|[ \t\n]*$|[ \t\n]*\x00)"
    r"|\n[ \t]*\n|\x00\x00*"
)


def _abbreviation(clean: str, dot: int) -> bool:
    m = _ABBREV_WORD.search(clean, max(0, dot - 12), dot)
    if not m:
        return False
    w = m.group(1).lower()
    return w in _ABBREV or len(w) == 1


def sentence_starts(clean: str) -> list[int]:
    """Offsets where sentences start, 0 first and ``len(clean)`` last: a stop that is not after an
    abbreviation ("e.g.", "Dr."), a blank line, or a break left by the masker."""
    bounds = [0]
    for m in _SENT_END.finditer(clean):
        if m.group(0)[0] == "." and _abbreviation(clean, m.start()):
            continue
        bounds.append(m.end())
    bounds.append(len(clean))
    return bounds
