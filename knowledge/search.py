"""``canon ask``: the entries that answer a question, with their exact figures and sources."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import UsageError
from .review import review_state
from .serialize import entry_from_dict
from .settings import Settings
from .store import open_catalog

ENTRY_CHUNK_KINDS = ["title", "section", "metric", "example"]
STATUS_ORDER = {"approved": 0, "draft": 1, "retired": 2}


@dataclass
class SearchOptions:
    limit: int = 5
    statuses: tuple[str, ...] = ("approved", "draft", "retired")
    types: tuple[str, ...] = ()
    today: date | None = None


def search(settings: Settings, question: str, options: SearchOptions | None = None,
           embedder: Any = None) -> dict[str, Any]:
    """Rank entries by the best-matching of their chunks. Returns the JSON shape of ``ask``."""
    opts = options or SearchOptions()
    question = question.strip()
    if not question:
        raise UsageError("the question is empty", hint='ask something, e.g. canon ask "how long does onboarding take?"')
    if not 1 <= opts.limit <= 100:
        raise UsageError(f"limit must be between 1 and 100, not {opts.limit}")
    today = opts.today or date.today()
    _import_store_in_background()
    if embedder is None:
        from .embedding import get_embedder

        embedder = get_embedder("query")
    catalog = open_catalog(settings)
    try:
        model = catalog.get_meta("model")
        if model and model != embedder.name:
            from .errors import IndexUnavailable

            raise IndexUnavailable(f"the index was built with {model}, but the query embedder is {embedder.name}",
                                   hint="run `canon ingest` again to rebuild the index with the current model")
        from .store import open_store

        store = open_store(settings, embedder.name)
        qvec = embedder.embed([question])[0]
        # Over-fetch: several chunks of one entry may rank high, and stale vectors are skipped.
        hits = store.query(qvec, n=max(50, opts.limit * 12), where={"origin": "entry"})
        chunks = catalog.chunks_by_id([h[0] for h in hits])
        best: dict[str, tuple[float, Any]] = {}
        for chunk_id, score in hits:
            chunk = chunks.get(chunk_id)
            if chunk is None:  # left over from an interrupted ingest; the catalog does not list it
                continue
            key = chunk.path
            if key not in best or score > best[key][0]:
                best[key] = (score, chunk)
        results = []
        for path, (score, chunk) in best.items():
            row = catalog.db.execute("SELECT data FROM records WHERE path=? AND kind='entry'", (path,)).fetchone()
            if row is None:
                continue
            import json

            entry = entry_from_dict(json.loads(row[0]))
            if entry.status not in opts.statuses or (opts.types and entry.type not in opts.types):
                continue
            results.append(_result(entry, score, chunk, today, settings))
        results.sort(key=lambda r: -r["score"])
        results = results[: opts.limit]
    finally:
        catalog.close()
    return {"version": 1, "query": question, "results": results}


def _import_store_in_background() -> None:
    """Start importing chromadb (about a second) while the query is embedded: a cold ``canon ask``
    spends most of its time on these two things, and they can overlap."""
    import sys
    import threading

    if "chromadb" not in sys.modules:
        threading.Thread(target=__import__, args=("chromadb",), daemon=True).start()


def _result(entry: Any, score: float, chunk: Any, today: date, settings: Settings) -> dict[str, Any]:
    review = review_state(entry, today, settings.kb.review_every)
    return {
        "entry": entry.id,
        "title": entry.title,
        "type": entry.type,
        "status": entry.status,
        "canonical": entry.status == "approved",
        "score": round(float(score), 4),
        "path": entry.path,
        "line": chunk.line,
        "snippet": {"text": chunk.text, "line": chunk.line, "end_line": chunk.end_line, "section": chunk.section},
        "metrics": [
            {k: v for k, v in m.to_dict().items() if k != "entry"} for m in entry.metrics
        ],
        "sources": [s.to_dict() for s in entry.sources],
        "owner": entry.owner,
        "review": review.to_dict(),
    }
