"""The loop an analysis worker process runs: receive a job, run it, send back its result.

Imports neither fastapi nor the analysis at module level: a worker starts by importing this module
(spawn), then ``api.jobs`` once, so that its first job does not pay for the imports.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

Job = tuple[Callable[..., Any], dict[str, Any]]


def _exit_with_parent(parent: int) -> None:
    # A server killed with SIGKILL cannot stop its workers: they notice and stop themselves, even
    # in the middle of an analysis (which is where they would otherwise run on for minutes).
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def serve_jobs(conn: Connection, parent: int) -> None:
    # Ctrl-C reaches the whole process group; the server decides what happens to its workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    import api.jobs  # the analysis modules and the query model, before the first job
    from knowledge.errors import CanonError

    api.jobs.warm_up()

    while True:
        try:
            fn, kwargs = conn.recv()
        except (EOFError, OSError):  # the server closed the pipe: nothing more to do
            return
        result: tuple[Any, ...]
        try:
            result = ("ok", fn(**kwargs))
        except CanonError as exc:
            result = ("error", exc.code, exc.one_line, exc.http_status)
        except Exception as exc:  # a bug in canon: the server answers 500 and says what it was
            result = ("crash", f"{type(exc).__name__}: {exc}", traceback.format_exc())
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):
            return
