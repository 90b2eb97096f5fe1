"""The KB side: the texts of an entry that say what an objection sounds like or what answers it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from knowledge.model import Entry

from .prefilter import MAX_WORDS

if TYPE_CHECKING:
    from knowledge.store import Chunk

def _opening(entry: Entry) -> str:
    title = entry.title or entry.id
    first = next((b.text for b in entry.blocks if b.kind in ("paragraph", "list_item")), None)
    if first is None and not entry.blocks and entry.body.strip():
        first = entry.body.strip().split("\n\n")[0]
    text = f"{title}. {first}" if first else title
    return " ".join(text.split()[:MAX_WORDS])


def _sections(entry: Entry) -> list[str]:
    title = entry.title or entry.id
    groups: list[list[str]] = []
    words = 0
    for b in entry.blocks:
        if b.kind == "code":
            continue
        n = len(b.text.split())
        if not groups or b.kind == "heading" or words + n > MAX_WORDS:
            groups.append([])
            words = 0
        if b.kind != "heading":
            groups[-1].append(b.text)
            words += n
    texts = [f"{title}: {' '.join(' '.join(g).split()[:MAX_WORDS])}" for g in groups if g]
    if not texts and entry.body.strip():  # built in memory, without blocks
        texts = [f"{title}: {' '.join(entry.body.split()[:MAX_WORDS])}"]
    return texts


def entry_texts(entry: Entry, chunks: Sequence[Chunk] | None) -> dict[str, list[str]]:
    """kind -> texts of an entry as the index embedded them ("example", "title", "section"),
    rebuilt from the entry itself when there is no index."""
    if chunks is not None:
        out: dict[str, list[str]] = {}
        for c in chunks:
            if c.kind in ("example", "title", "section"):
                out.setdefault(c.kind, []).append(c.text)
        return out
    return {"example": list(entry.examples), "title": [_opening(entry)], "section": _sections(entry)}

