"""The KB, calls and vectors as the index holds them, for commands that read rather than ingest.

Reading the catalog is much faster than parsing Markdown again, and the vectors of every chunk and
claim are already there, so an audit embeds nothing unless asked about new text (a draft).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .integrity import resolve_duplicates
from .model import KB, Call, Finding, distinct_calls
from .serialize import call_from_dict, entry_from_dict, finding_from_dict
from .settings import Settings
from .store import Catalog, open_catalog, text_key

if TYPE_CHECKING:
    import numpy as np


def load_indexed_kb(settings: Settings, catalog: Catalog | None = None) -> KB:
    own = catalog is None
    cat = catalog or open_catalog(settings)
    try:
        entries = [entry_from_dict(d) for d in cat.records("entry")]
        problems = [finding_from_dict(d) for d in cat.problems("entry")]
    finally:
        if own:
            cat.close()
    entries, more = resolve_duplicates(entries)
    return KB(root=settings.root, entries=entries, problems=problems + more)


def load_indexed_calls(settings: Settings, catalog: Catalog | None = None) -> tuple[list[Call], list[Finding]]:
    """The calls the index holds, each transcript once (:func:`distinct_calls`: a copy is an
    ``invalid-call`` warning), and the problems of the call files."""
    own = catalog is None
    cat = catalog or open_catalog(settings)
    try:
        calls = [call_from_dict(d) for d in cat.records("call")]
        problems = [finding_from_dict(d) for d in cat.problems("call")]
    finally:
        if own:
            cat.close()
    calls, copies = distinct_calls(calls)
    return calls, problems + copies


class Vectors:
    """Vectors for texts: from the index's cache, embedding (and caching) only what is new.

    The model is loaded on first need, so an audit of an up-to-date index loads none.
    """

    def __init__(self, settings: Settings, embedder: Any = None, catalog: Catalog | None = None,
                 progress: Callable[[str, int, int], None] | None = None) -> None:
        self.settings = settings
        self.progress = progress  # progress("embed", done, total), as ingest reports it
        self._embedder = embedder
        self.catalog = catalog or open_catalog(settings)
        self.model = self.catalog.get_meta("model") or (embedder.name if embedder is not None else "")

    @property
    def embedder(self) -> Any:
        if self._embedder is None:
            from .embedding import get_embedder

            self._embedder = get_embedder("query")
        return self._embedder

    @property
    def dim(self) -> int:
        stored = self.catalog.get_meta("dim")
        return int(stored) if stored else int(self.embedder.dim)

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self.model or self.embedder.name
        keys = [text_key(model, t) for t in texts]
        found = self.catalog.get_vectors(keys, self.dim)
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
        if missing:
            vecs = self.embedder.embed(missing, progress=self._ticker(len(missing)))
            mkeys = [text_key(model, t) for t in missing]
            for k, v in zip(mkeys, vecs, strict=True):
                found[k] = v
            self._keep(mkeys, vecs)
        return np.stack([found[k] for k in keys]).astype(np.float32, copy=False)

    def _keep(self, keys: Sequence[str], vecs: np.ndarray) -> None:
        """Cache what was embedded, so that checking a draft again embeds only what changed (the
        next ingest prunes what no entry refers to). A read-only index is only not cached into."""
        import sqlite3

        try:
            self.catalog.put_vectors(keys, vecs)
        except sqlite3.Error:
            pass

    def _ticker(self, total: int) -> Callable[[int], None] | None:
        report = self.progress
        if report is None:
            return None
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            report("embed", done, total)

        report("embed", 0, total)
        return tick

    def close(self) -> None:
        self.catalog.close()
