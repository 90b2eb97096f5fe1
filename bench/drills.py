"""Operator drills on the index, shared by the tests (small KBs) and ``bench/bench_index.py``
(2,000+ entries): racing ingests, renames during an ingest, a server answering searches while
the index is written, a copied KB.

Entries get titles made of invented words, so that searching for a title finds that entry and no
other with any embedder, the fake one included.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.servers import stop, wait_http  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def title_of(i: int) -> str:
    """Two invented words and a plain noun: unique per ``i``, stable across runs."""
    h = hashlib.sha1(f"entry {i}".encode()).digest()
    words = ["".join(_SYLLABLES[b % len(_SYLLABLES)] for b in h[k:k + 3]).capitalize() for k in (0, 3)]
    return f"{words[0]} {words[1]} rollout"


def entry_text(i: int, revision: int = 0) -> str:
    title = title_of(i)
    return (f"---\ntype: proof_point\ntitle: {title}\nowner: owner{i % 7}@example.com\nreviewed: 2026-10-01\n"
            f"sources:\n  - title: Field study {i}\n    date: 2026-05-01\n---\n\n# {title}\n\n"
            f"{title} cut setup time by {5 + i % 60}% within {2 + i % 9} weeks (revision {revision}).\n\n"
            f"## Details\n\nTeams using {title.split()[0]} report {10 + (i * 7 + revision) % 80} fewer tickets a month.\n")


def entry_path(root: Path, i: int, renamed: bool = False) -> Path:
    return root / "proof" / (f"renamed-{i:05d}.md" if renamed else f"entry-{i:05d}.md")


def make_kb(root: Path, n: int) -> Path:
    (root / "proof").mkdir(parents=True, exist_ok=True)
    (root / "canon.toml").write_text('[kb]\nname = "Drill Co"\n')
    for i in range(n):
        entry_path(root, i).write_text(entry_text(i))
    return root


def edit(root: Path, indexes: list[int], revision: int) -> None:
    for i in indexes:
        target = entry_path(root, i) if entry_path(root, i).exists() else entry_path(root, i, renamed=True)
        target.write_text(entry_text(i, revision))


def rename(root: Path, indexes: list[int]) -> None:
    for i in indexes:
        entry_path(root, i).rename(entry_path(root, i, renamed=True))


def env(**extra: str) -> dict[str, str]:
    out = {**os.environ, **extra}
    out["PYTHONPATH"] = str(REPO) + (os.pathsep + out["PYTHONPATH"] if out.get("PYTHONPATH") else "")
    return out


def start_ingest(root: Path, environ: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "cli.main", "ingest", "--kb", str(root), "--format", "json"],
                            cwd=REPO, env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_writer(root: Path, pid: int, timeout: float = 120) -> None:
    """Return once process ``pid`` holds the index's write lock (it is then scanning or later)."""
    from knowledge.locking import read_holder
    from knowledge.settings import load_settings

    index = load_settings(root).index_path
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        holder = read_holder(index)
        if holder is not None and holder.pid == pid:
            return
        time.sleep(0.02)
    raise RuntimeError(f"pid {pid} never held the write lock of {index}")


@dataclass
class Finished:
    returncode: int
    report: dict[str, Any]
    stderr: str


def finish(proc: subprocess.Popen[str], timeout: float = 600) -> Finished:
    out, err = proc.communicate(timeout=timeout)
    try:
        report = json.loads(out) if out.strip() else {}
    except ValueError:
        report = {}
    return Finished(proc.returncode, report, err)


@contextmanager
def serve(root: Path, port: int, environ: dict[str, str]) -> Iterator[str]:
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--kb", str(root), "--port", str(port)],
                            cwd=REPO, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_http(f"{base}/v1/health", proc)
        yield base
    finally:
        stop(proc)


@dataclass
class Load:
    """What the clients saw: every answer that was not a 200 with results is a failure."""

    ok: int = 0
    empty: int = 0
    failures: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def search_clients(base: str, titles: list[str], threads: int, stop: threading.Event, load: Load,
                   max_requests: int = 100_000) -> list[threading.Thread]:
    """Start ``threads`` clients that search for titles until ``stop`` is set (bounded by count)."""

    def client(k: int) -> None:
        n = 0
        while not stop.is_set() and n < max_requests:
            q = titles[(k * 7919 + n) % len(titles)]
            n += 1
            url = f"{base}/v1/search?" + urllib.parse.urlencode({"q": q, "limit": 3})
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=60) as r:
                    body = json.loads(r.read())
                with load.lock:
                    load.latencies.append(time.perf_counter() - t0)
                    if body.get("results"):
                        load.ok += 1
                    else:
                        load.empty += 1
            except urllib.error.HTTPError as exc:
                with load.lock:
                    load.failures.append(f"{exc.code} {exc.read()[:200]!r}")
            except (OSError, ValueError) as exc:
                with load.lock:
                    load.failures.append(f"{type(exc).__name__}: {exc}")

    out = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(threads)]
    for t in out:
        t.start()
    return out


@dataclass
class Served:
    """What a server went through while it was written: its clients' searches, the ingests that
    failed (their stderr), and ``/v1/health`` after."""

    load: Load
    failed_ingests: list[str]
    health: dict[str, Any]


def searches_through_ingests(root: Path, base: str, environ: dict[str, str], titles: list[str], *, entries: int,
                             threads: int, every: int, revision: int = 0, timeout: float = 120) -> Served:
    """``threads`` clients search ``base`` for ``titles`` through 4 ingests, each after editing every
    ``every``-th of the KB's ``entries``; the server's own refresh (an audit) races the second."""
    load = Load()
    stop_clients = threading.Event()
    failed: list[str] = []
    clients = search_clients(base, titles, threads=threads, stop=stop_clients, load=load)
    try:
        for round_ in range(1, 5):
            edit(root, list(range(round_, entries, every)), revision=revision + round_)
            if round_ == 2:
                audit = threading.Thread(target=lambda: urllib.request.urlopen(f"{base}/v1/audit",
                                                                               timeout=timeout).read(), daemon=True)
                audit.start()
            done = finish(start_ingest(root, environ))
            if done.returncode:
                failed.append(done.stderr)
        audit.join(timeout=timeout)
    finally:
        stop_clients.set()
        for t in clients:
            t.join(timeout=60)
    with urllib.request.urlopen(f"{base}/v1/health") as r:
        health = json.loads(r.read())
    return Served(load, failed, health)


def lose_vectors(root: Path, n: int) -> list[str]:
    """Lose ``n`` vectors the way an older version's racing writers did: straight out of the store,
    the catalog none the wiser. Returns their ids."""
    from knowledge.settings import load_settings
    from knowledge.store import open_catalog, open_store

    settings = load_settings(root)
    catalog = open_catalog(settings)
    try:
        store = open_store(settings, catalog.get_meta("model") or "", catalog)
        gone = sorted(store.ids())[:n]
        store.delete(gone)
    finally:
        catalog.close()
    return gone


def store_agrees(root: Path) -> dict[str, int]:
    """Missing and orphan vectors, as ``canon doctor --check`` counts them."""
    from ingest.doctor import diagnose
    from knowledge.settings import load_settings

    found = diagnose(load_settings(root))
    counts = {p.code: p.count for p in found.problems}
    return {"missing_vectors": counts.get("missing-vectors", 0), "orphan_vectors": counts.get("orphan-vectors", 0),
            "problems": len(found.problems), "vectors": found.counts.get("vectors", 0),
            "searchable_chunks": found.counts.get("searchable_chunks", 0)}


def top_hit(root: Path, question: str) -> str | None:
    from knowledge.search import search
    from knowledge.settings import load_settings

    results = search(load_settings(root), question)["results"]
    return results[0]["path"] if results else None
