"""Serving the app with uvicorn so that it stops promptly.

uvicorn's own shutdown waits for requests in flight to finish, and an analysis may have minutes to
go: on SIGTERM or Ctrl-C the analysis workers are stopped at once, so those requests end (503,
shutting down) and the process exits within a second or two.
"""

from __future__ import annotations

import logging
import threading
from types import FrameType

import uvicorn
from fastapi import FastAPI

from .pool import AnalysisPool

# What uvicorn may still wait for once the workers are stopped: answers being written, searches.
GRACE_SECONDS = 3


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, pool: AnalysisPool) -> None:
        super().__init__(config)
        self.pool = pool

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self.pool.close()  # takes no lock: safe in a signal handler
        super().handle_exit(sig, frame)


def serve(app: FastAPI, host: str, port: int, *, log_level: str = "info") -> None:
    pool: AnalysisPool = app.state.pool
    pool.start()  # the first analyses need not wait for workers to start
    # The first search need not wait for the query embedder either (loading its ONNX Runtime
    # session, writing the graph the first time on this machine): loaded while uvicorn starts.
    threading.Thread(target=_warm_up_search, name="canon-warm-up", daemon=True).start()
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level,
                            timeout_graceful_shutdown=GRACE_SECONDS)
    _Server(config, pool).run()


def _warm_up_search() -> None:
    from knowledge.embedding import get_embedder

    try:
        embedder = get_embedder("serve")
        embedder.embed(["warm up"])
    except Exception:  # a model that cannot load is reported by the search that needs it
        return
    why = getattr(embedder, "unavailable", None)
    if why:  # still right, only twice as slow per query: worth a line in the server's log
        logging.getLogger("uvicorn.error").warning("searches embed queries with numpy, not ONNX Runtime: %s", why)
