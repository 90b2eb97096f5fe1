"""One writer at a time per index: ingests, the refreshes that audit, check, objections and the
server run, and ``canon doctor``'s repairs all take this lock; readers never do.

The lock is an OS lock (``flock``, ``LockFileEx`` on Windows) on ``<index>/write.lock``: the
operating system releases it when its holder exits, however it exits (``kill -9`` included), so
a lock can never be left stale by a dead process. The file also says who holds it (pid, host,
what it is doing, since when), which is what a waiting process tells its user.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .errors import IndexBusy

LOCK_NAME = "write.lock"


@dataclass
class Holder:
    """Who holds the write lock, as its holder wrote it down."""

    pid: int = 0
    host: str = ""
    purpose: str = ""
    since: float = 0.0

    def describe(self) -> str:
        if not self.pid:
            return "another process"
        started = time.strftime("%H:%M:%S", time.localtime(self.since)) if self.since else "?"
        where = f" on {self.host}" if self.host and self.host != socket.gethostname() else ""
        return f"the {self.purpose or 'write'} started by pid {self.pid}{where} at {started}"

    def to_dict(self) -> dict[str, Any]:
        return {"pid": self.pid, "host": self.host, "purpose": self.purpose,
                "since": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(self.since)) if self.since else None}


# A thread that already holds the lock of an index (doctor repairing through ingest) takes it again
# for free; other threads of the process wait like other processes do.
_held = threading.local()


def _try_lock(f: IO[str]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _unlock(f: IO[str]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    import fcntl

    fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def read_holder(index_path: Path) -> Holder | None:
    """Who is writing the index now, or None when nobody is.

    Reads what the holder wrote and never touches the lock itself, so that asking (``/v1/health``
    does, often) can never make a writer wait. A holder killed before it could clear the file is
    recognised by its pid being gone.
    """
    if str(index_path) in (getattr(_held, "paths", None) or {}):
        return None  # this thread is the writer
    holder = _holder_from(index_path / LOCK_NAME)
    if holder is None:
        return None
    if holder.host == socket.gethostname() and not _alive(holder.pid):
        return None
    return holder


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - no cheap check; trust the file
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _holder_from(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not data.get("pid"):
        return None
    return Holder(pid=int(data.get("pid", 0)), host=str(data.get("host", "")),
                  purpose=str(data.get("purpose", "")), since=float(data.get("since", 0.0)))


WHO_GRACE = 1.0  # seconds a waiter gives a new holder to write down who it is before saying "another process"


@contextmanager
def write_lock(index_path: Path, purpose: str, *, wait: float = 600.0,
               on_wait: Callable[[Holder], None] | None = None) -> Iterator[None]:
    """Hold the index's write lock for the ``with`` block, waiting up to ``wait`` seconds for the
    current holder (``on_wait`` is told once who that is); then raise ``IndexBusy``."""
    key = str(index_path)
    held: dict[str, int] = getattr(_held, "paths", None) or {}
    _held.paths = held
    if key in held:
        held[key] += 1
        try:
            yield
        finally:
            held[key] -= 1
        return
    index_path.mkdir(parents=True, exist_ok=True)
    path = index_path / LOCK_NAME
    f = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held open for as long as the lock
    try:
        started = time.monotonic()
        deadline = started + max(0.0, wait)
        told = False
        delay = 0.05
        while not _try_lock(f):
            holder = _holder_from(path) or Holder()
            if time.monotonic() >= deadline:
                raise IndexBusy(f"the index at {index_path} is being written by {holder.describe()}",
                                hint=f"wait for it to finish and try again (waited {wait:.0f} s; "
                                     "[index] lock_wait or CANON_INDEX_LOCK_WAIT sets how long)")
            # A holder writes who it is just after it takes the lock: give it a moment to, so that the
            # waiting process names it rather than "another process"
            if not told and on_wait is not None and (holder.pid or time.monotonic() - started >= WHO_GRACE):
                on_wait(holder)
                told = True
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
        f.seek(0)
        f.truncate()
        f.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "purpose": purpose,
                            "since": time.time()}))
        f.flush()
        held[key] = 1
        try:
            yield
        finally:
            del held[key]
            f.seek(0)
            f.truncate()
            f.flush()
            _unlock(f)
    finally:
        f.close()
