"""A bounded pool of analysis worker processes, each job of which can be stopped.

Why processes: claim extraction over one long paragraph runs for minutes in pure Python, and a
thread running it can neither be interrupted nor stop the server from exiting. A worker process
can be killed: when the time limit passes, when the client disconnects, when the server shuts down.
The index is safe from that (an interrupted ingest leaves the previous one intact, store.py).

At most ``workers`` analyses run at once and at most ``queue`` requests wait for one (in order);
a request beyond that gets 503 at once, with a Retry-After from recent analysis times. Workers
start when first needed and are reused; a killed one is replaced by the next request that needs it.

The pool is driven from the event loop (or loops: TestClient runs one per request); its state sits
behind a thread lock, and ``close`` takes no lock so that a signal handler may call it.
"""

from __future__ import annotations

import asyncio
import logging
import math
import multiprocessing
import os
import statistics
import threading
import time
import weakref
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Protocol

from knowledge.errors import CanonError

from .limits import (
    AnalysisFailed,
    ClientGone,
    ServeLimits,
    ServerBusy,
    ShuttingDown,
    TimeLimitExceeded,
)
from .worker import serve_jobs

log = logging.getLogger("uvicorn.error")


class Disconnectable(Protocol):
    async def is_disconnected(self) -> bool: ...


class AnalysisError(CanonError):
    """A CanonError raised in a worker, passed on with its code and status."""

    def __init__(self, code: str, message: str, http_status: int) -> None:
        super().__init__(message)
        self.code = code
        self.http_status = http_status


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection


def _kill_all(workers: dict[int, _Worker]) -> None:
    for w in list(workers.values()):
        if w.process.exitcode is None:
            w.process.kill()


class AnalysisPool:
    def __init__(self, limits: ServeLimits) -> None:
        self.limits = limits
        self.stats: Counter[str] = Counter()  # completed, timed_out, abandoned, rejected, lost, started
        self._ctx = multiprocessing.get_context("spawn")  # fork would copy the server's threads' locks
        self._lock = threading.Lock()
        self._workers: dict[int, _Worker] = {}  # every started worker not yet stopped, by pid
        self._idle: list[_Worker] = []
        self._queue: deque[object] = deque()
        self._durations: deque[float] = deque(maxlen=20)
        self._closing = False
        # Whatever way the server ends, its workers end with it (they also watch for their parent).
        self._finalizer = weakref.finalize(self, _kill_all, self._workers)

    # -- public -----------------------------------------------------------------------------------

    async def run(self, request: Disconnectable, fn: Callable[..., Any], /, **kwargs: Any) -> Any:
        """``fn(**kwargs)`` in a worker; raises the CanonError it raised, or the limit's error."""
        started = time.monotonic()
        deadline = started + self.limits.timeout
        worker = await self._acquire(request, deadline)
        finished = False
        # A large job fills the pipe until the worker reads it, and a worker just started reads
        # only once its imports are done: the job is sent off the event loop.
        sending = asyncio.ensure_future(asyncio.to_thread(worker.conn.send, (fn, kwargs)))
        sending.add_done_callback(lambda t: t.cancelled() or t.exception())  # seen below, or moot
        try:
            pause = 0.002
            while not (sending.done() and sending.result() is None and worker.conn.poll()):
                await self._still_wanted(request, deadline, worker, started)
                await asyncio.sleep(pause)
                pause = min(pause * 2, 0.05)
            reply = await asyncio.to_thread(worker.conn.recv)
            finished = True
        except (EOFError, OSError):
            if self._closing:
                raise self._shutting_down() from None
            self.stats["lost"] += 1
            raise AnalysisFailed(f"the analysis worker stopped (exit code {worker.process.exitcode})",
                                 hint="the server may be short of memory; see its log") from None
        finally:
            if finished:
                self._release(worker)
            else:
                self._discard(worker)
        self._durations.append(time.monotonic() - started)
        self.stats["completed"] += 1
        if reply[0] == "ok":
            return reply[1]
        if reply[0] == "error":
            raise AnalysisError(reply[1], reply[2], reply[3])
        log.error("analysis failed: %s\n%s", reply[1], reply[2])
        raise RuntimeError(reply[1])

    def start(self) -> None:
        """Start every worker now rather than at the first requests that need them."""
        with self._lock:
            while not self._closing and len(self._workers) < self.limits.workers:
                self._idle.append(self._spawn())

    def close(self) -> None:
        """Stop every worker now. Requests still waiting for one get 503 (shutting down)."""
        self._closing = True
        _kill_all(self._workers)

    def join(self, timeout: float = 2.0) -> None:
        end = time.monotonic() + timeout
        for w in list(self._workers.values()):
            w.process.join(max(0.0, end - time.monotonic()))

    @property
    def busy(self) -> int:
        """Workers running an analysis now."""
        with self._lock:
            return len(self._workers) - len(self._idle)

    @property
    def waiting(self) -> int:
        return len(self._queue)

    @property
    def pids(self) -> list[int]:
        return [pid for pid, w in list(self._workers.items()) if w.process.exitcode is None]

    # -- waiting for a worker ---------------------------------------------------------------------

    async def _acquire(self, request: Disconnectable, deadline: float) -> _Worker:
        ticket = object()
        with self._lock:
            if self._closing:
                raise self._shutting_down()
            worker = None if self._queue else self._take()
            if worker is not None:
                return worker
            if len(self._queue) >= self.limits.queue:
                self.stats["rejected"] += 1
                raise ServerBusy(f"all {self.limits.workers} analysis workers are busy and "
                                 f"{len(self._queue)} requests wait for one",
                                 hint="retry later", retry_after=self._retry_after())
            self._queue.append(ticket)
        try:
            while True:
                await asyncio.sleep(0.02)
                await self._still_wanted(request, deadline, None, deadline - self.limits.timeout)
                with self._lock:
                    if self._queue[0] is ticket:
                        worker = self._take()
                        if worker is not None:
                            self._queue.popleft()
                            return worker
        finally:
            with self._lock:
                if ticket in self._queue:
                    self._queue.remove(ticket)

    async def _still_wanted(self, request: Disconnectable, deadline: float, worker: _Worker | None,
                            started: float) -> None:
        if self._closing:
            raise self._shutting_down()
        if time.monotonic() > deadline:
            self.stats["timed_out"] += 1
            log.warning("analysis stopped after %.1f s: over the time limit", time.monotonic() - started)
            raise TimeLimitExceeded(f"the request took longer than the limit of {self.limits.timeout:g} s",
                                    hint="send less text, or raise [serve] timeout")
        if await request.is_disconnected():
            self.stats["abandoned"] += 1
            log.info("analysis stopped after %.1f s: the client disconnected", time.monotonic() - started)
            raise ClientGone("the client closed the connection")
        if worker is not None and worker.process.exitcode is not None and not worker.conn.poll():
            raise EOFError

    # -- the workers (callers hold the lock) ------------------------------------------------------

    def _take(self) -> _Worker | None:
        while self._idle:
            worker = self._idle.pop()
            if worker.process.exitcode is None:
                return worker
            self._forget(worker)
        if len(self._workers) < self.limits.workers:
            return self._spawn()
        return None

    def _spawn(self) -> _Worker:
        mine, theirs = self._ctx.Pipe()
        process = self._ctx.Process(target=serve_jobs, args=(theirs, os.getpid()), daemon=True,
                                    name="canon-analysis")
        process.start()
        theirs.close()
        worker = _Worker(process, mine)
        assert process.pid is not None
        self._workers[process.pid] = worker
        self.stats["started"] += 1
        return worker

    def _forget(self, worker: _Worker) -> None:
        if worker.process.pid is not None:
            self._workers.pop(worker.process.pid, None)
        worker.conn.close()
        worker.process.join(0)  # reaps it if it is gone already; a killed one is reaped on exit

    def _release(self, worker: _Worker) -> None:
        with self._lock:
            if self._closing:
                worker.process.kill()
                self._forget(worker)
            else:
                self._idle.append(worker)

    def _discard(self, worker: _Worker) -> None:
        worker.process.kill()
        with self._lock:
            self._forget(worker)
            if not self._closing:  # its replacement gets ready while nobody waits for it
                self._idle.append(self._spawn())

    def _retry_after(self) -> int:
        typical = statistics.median(self._durations) if self._durations else 1.0
        return max(1, min(math.ceil(typical), math.ceil(self.limits.timeout)))

    def _shutting_down(self) -> ShuttingDown:
        return ShuttingDown("the server is shutting down", hint="retry once it is back", retry_after=5)
