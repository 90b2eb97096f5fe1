"""canon's core: what a knowledge base is and everything that can be asked of it.

The names below are the surface the adapters (``cli``, ``api``) and other programs use; the
modules behind them are implementation details. They load on first use, so that importing
``knowledge`` costs nothing (``canon --help`` must stay instant).
"""

from __future__ import annotations

import importlib
from typing import Any

_PUBLIC = {
    # settings and errors
    "Settings": "settings", "load_settings": "settings", "find_kb_root": "settings",
    "CanonError": "errors", "ConfigError": "errors", "UsageError": "errors", "NotFound": "errors",
    "IndexUnavailable": "errors", "ModelUnavailable": "errors", "StoreUnavailable": "errors",
    # the domain
    "KB": "model", "Entry": "model", "Metric": "model", "Claim": "model", "Source": "model",
    "Finding": "model", "Call": "model", "Turn": "model",
    "extract_claims": "claims", "normalize": "units", "describe": "units",
    "get_embedder": "embedding",
    # what can be asked
    "search": "search", "SearchOptions": "search",
    "list_entries": "browse", "get_entry": "browse", "list_metrics": "browse", "health": "browse",
    "run_audit": "audit", "run_check": "audit", "Report": "report", "render": "report",
    "read_baseline": "report", "write_baseline": "report", "ALL_RULES": "rules",
    "find_objections": "objections",
    "build_export": "aeo", "write_export": "aeo", "aeo_score": "aeo",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'knowledge' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
