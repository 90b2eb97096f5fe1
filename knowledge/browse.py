"""Read-only views of the indexed KB: entries, one entry, metrics. Used by the API and the CLI."""

from __future__ import annotations

from datetime import date
from typing import Any

from .errors import NotFound
from .review import review_state
from .serialize import entry_from_dict
from .settings import Settings
from .store import open_catalog


def _summary(d: dict[str, Any], settings: Settings, today: date) -> dict[str, Any]:
    entry = entry_from_dict(d)
    return {
        "id": entry.id, "title": entry.title, "type": entry.type, "status": entry.status,
        "path": entry.path, "owner": entry.owner, "topics": entry.topics,
        "review": review_state(entry, today, settings.kb.review_every).to_dict(),
        "metrics": [m.id for m in entry.metrics],
    }


def list_entries(settings: Settings, *, type: str | None = None, status: str | None = None,
                 today: date | None = None) -> dict[str, Any]:
    today = today or date.today()
    catalog = open_catalog(settings)
    try:
        rows = catalog.records("entry")
    finally:
        catalog.close()
    entries = [_summary(d, settings, today) for d in rows
               if (type is None or d["type"] == type) and (status is None or d["status"] == status)]
    return {"version": 1, "entries": entries}


def get_entry(settings: Settings, entry_id: str, *, today: date | None = None) -> dict[str, Any]:
    today = today or date.today()
    catalog = open_catalog(settings)
    try:
        d = catalog.record(entry_id, "entry")
    finally:
        catalog.close()
    if d is None:
        raise NotFound(f"no entry with id {entry_id!r}", hint="GET /v1/entries lists the ids")
    entry = entry_from_dict(d)
    return {
        "version": 1,
        "entry": {
            "id": entry.id, "title": entry.title, "type": entry.type, "status": entry.status,
            "path": entry.path, "owner": entry.owner,
            "review": review_state(entry, today, settings.kb.review_every).to_dict(),
            "review_every": entry.review_every or settings.kb.review_every,
            "sources": [s.to_dict() for s in entry.sources],
            "metrics": [{k: v for k, v in m.to_dict().items() if k != "entry"} for m in entry.metrics],
            "answers": entry.answers, "supersedes": entry.supersedes, "topics": entry.topics,
            "audience": entry.audience, "examples": entry.examples,
            "claims": [{**c.to_dict(), "line": c.line, "column": c.column, "kind": c.kind,
                        "qualifier": c.qualifier} for c in entry.claims],
            "body": entry.body,
        },
    }


def list_metrics(settings: Settings, *, status: str | None = None) -> dict[str, Any]:
    catalog = open_catalog(settings)
    try:
        rows = catalog.records("entry")
    finally:
        catalog.close()
    metrics = []
    for d in rows:
        if status is not None and d["status"] != status:
            continue
        for m in d.get("metrics", []):
            metrics.append({**m, "entry_status": d["status"], "path": d["path"]})
    metrics.sort(key=lambda m: m["id"])
    return {"version": 1, "metrics": metrics}


def health(settings: Settings) -> dict[str, Any]:
    from .store import catalog_path

    indexed = catalog_path(settings).exists()
    out: dict[str, Any] = {"status": "ok", "kb": settings.name, "indexed": indexed,
                           "store": "server" if settings.index.chroma_url else "embedded"}
    if indexed:
        catalog = open_catalog(settings)
        try:
            out["entries"] = int(catalog.db.execute("SELECT COUNT(*) FROM records WHERE kind='entry'").fetchone()[0])
            out["calls"] = int(catalog.db.execute("SELECT COUNT(*) FROM records WHERE kind='call'").fetchone()[0])
            out["model"] = catalog.get_meta("model")
        finally:
            catalog.close()
    return out
