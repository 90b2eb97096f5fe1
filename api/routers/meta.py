from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from api.deps import get_settings
from knowledge.settings import Settings

router = APIRouter(tags=["meta"])


@router.get("/health", summary="Is the API up, what KB does it serve, and does its index agree with the files")
def get_health(settings: Settings = Depends(get_settings)) -> dict[str, Any]:
    """``status`` is ``ok`` when the index is built, up to date and whole; ``degraded`` when it
    answers but disagrees with the files or its store (``problems`` says how, and what fixes it);
    ``writing`` names an ingest in progress (searches keep answering from the previous index)."""
    from ingest.doctor import diagnose

    found = diagnose(settings).to_dict()
    counts = found["counts"]
    return {
        "status": "ok" if found["healthy"] else "degraded",
        "kb": settings.name, "indexed": found["indexed"], "up_to_date": found["up_to_date"],
        "store": "server" if settings.index.chroma_url else "embedded",
        "entries": counts.get("entries", 0), "calls": counts.get("calls", 0), "model": found["model"],
        "chunks": counts.get("searchable_chunks", 0), "vectors": counts.get("vectors"),
        "writing": found["writing"], "problems": found["problems"],
    }
