from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from api.deps import get_settings
from api.responses import HealthResponse, ok
from knowledge.settings import Settings

router = APIRouter(tags=["meta"])


@router.get("/health", summary="Is the API up, what KB does it serve, and does its index agree with the files",
            response_model=None, responses=ok(HealthResponse, "The server's KB and the state of its index."))
def get_health(request: Request, settings: Settings = Depends(get_settings),
               full: Annotated[bool, Query(description="Run the whole diagnosis now (about 0.1 s for 2,000 "
                                                       "entries) instead of reusing the last one.")] = False,
               ) -> dict[str, Any]:
    """``status`` is ``ok`` when the index is built, up to date and whole; ``degraded`` when it
    answers but disagrees with the files or its store (``problems`` says how, and what fixes it);
    ``writing`` names an ingest in progress (searches keep answering from the previous index).

    The answer is the last full diagnosis while a stat of the KB's files and folders, of the
    catalog and of the write lock shows nothing changed since, for at most a minute: ``checked_at``
    says when it was made and ``age_s`` how long ago. ``?full=true`` runs it now."""
    diagnosis, wall, age = request.app.state.health.get(full=full)
    found = diagnosis.to_dict()
    counts = found["counts"]
    return {
        "status": "ok" if found["healthy"] else "degraded",
        "kb": settings.name, "indexed": found["indexed"], "up_to_date": found["up_to_date"],
        "store": "server" if settings.index.chroma_url else "embedded",
        "entries": counts.get("entries", 0), "calls": counts.get("calls", 0), "model": found["model"],
        # chunks: the searchable ones, as before searchable_chunks named them; catalog_chunks is what
        # `canon ingest --format json` calls chunks (every chunk, searchable or not).
        "chunks": counts.get("searchable_chunks", 0), "searchable_chunks": counts.get("searchable_chunks", 0),
        "catalog_chunks": counts.get("chunks", 0), "vectors": counts.get("vectors"),
        "writing": found["writing"], "problems": found["problems"],
        "checked_at": datetime.fromtimestamp(wall, UTC).isoformat(timespec="seconds"), "age_s": round(age, 1),
    }
