"""Text analysis shared by the code base: one markup masker (:mod:`.markup`), one sentence splitter
(:mod:`.sentences`), and word lists kept as data (``lexicon/*.yaml``, read by :func:`lexicon`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

LEXICON = Path(__file__).with_name("lexicon")


@cache
def lexicon(name: str) -> frozenset[str]:
    """The words of ``lexicon/<name>.yaml`` (a YAML list of strings)."""
    import yaml

    words = yaml.safe_load((LEXICON / f"{name}.yaml").read_text(encoding="utf-8")) or []
    return frozenset(str(w) for w in words)
