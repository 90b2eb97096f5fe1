"""``canon doctor``: does the index agree with the KB's files, and its store with its catalog?

``diagnose`` only reads (it is what ``/v1/health`` reports); ``repair`` holds the write lock and
brings everything back into agreement, reusing every vector the catalog keeps: only texts whose
vectors are lost from the cache as well are embedded again.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.errors import CanonError, IndexBusy
from knowledge.locking import Holder, read_holder, write_lock
from knowledge.settings import Settings
from knowledge.store import (
    catalog_path,
    generations_in_use,
    leftover_generations,
    open_catalog,
    open_store,
    remove_generations,
    store_state,
)

from .chunking import CHUNKER_VERSION, SEARCHABLE
from .kb import content_hash, iter_entry_files


@dataclass
class Problem:
    """One way the index disagrees with its files or with itself."""

    code: str
    message: str
    count: int = 0
    fix: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "count": self.count, "fix": self.fix}


@dataclass
class Diagnosis:
    kb: str
    index: str
    store: str
    indexed: bool = False
    up_to_date: bool = False
    kb_id: str | None = None
    model: str | None = None
    writing: Holder | None = None
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "kb": self.kb, "index": self.index, "store": self.store, "indexed": self.indexed,
            "up_to_date": self.up_to_date, "healthy": self.healthy, "kb_id": self.kb_id, "model": self.model,
            "writing": self.writing.to_dict() if self.writing else None, "counts": self.counts,
            "problems": [p.to_dict() for p in self.problems],
        }


# The problems that make an index not up to date (the others are housekeeping); the search API
# words each one for a portal (api/routers/search.py STALE_REASONS).
STALE_CODES = frozenset({"out-of-date", "interrupted-write", "old-chunker", "old-layout", "settings-changed"})


def diagnose(settings: Settings, *, check_store: bool = True,
             sources: dict[str, tuple[str, Path]] | None = None) -> Diagnosis:
    """Compare the files, the catalog and the store; load no model and write nothing.
    ``sources`` is what ``source_files`` found, when the caller walked the KB already."""
    d = Diagnosis(kb=str(settings.root), index=str(settings.index_path),
                  store=settings.index.chroma_url or "embedded")
    d.writing = read_holder(settings.index_path)
    hashes = _file_hashes(settings, source_files(settings) if sources is None else sources)
    files = hashes
    d.counts["files"] = len(files)
    if not catalog_path(settings).exists():
        d.problems.append(Problem("not-indexed", "the KB has no index yet", fix="canon ingest"))
        return d
    try:
        catalog = open_catalog(settings)
    except IndexBusy as exc:
        d.problems.append(Problem("busy", exc.message, fix="try again in a moment"))
        return d
    except CanonError as exc:
        d.problems.append(Problem("unreadable-index", exc.message,
                                  fix="canon doctor (sets the catalog aside and rebuilds it)"))
        return d
    try:
        d.indexed = True
        d.kb_id, gen = store_state(catalog)
        d.model = catalog.get_meta("model")
        db = catalog.db
        d.counts["entries"] = int(db.execute("SELECT COUNT(DISTINCT id) FROM records WHERE kind='entry'").fetchone()[0])
        d.counts["calls"] = int(db.execute("SELECT COUNT(*) FROM records WHERE kind='call'").fetchone()[0])
        chunks = db.execute("SELECT id, kind, vector_key FROM chunks").fetchall()
        searchable = {cid for cid, kind, _ in chunks if kind in SEARCHABLE}
        d.counts["chunks"] = len(chunks)
        d.counts["searchable_chunks"] = len(searchable)
        known = catalog.file_hashes()
        stale = sum(1 for rel, h in hashes.items() if known.get(rel) != h) + len(set(known) - set(hashes))
        if stale:
            d.problems.append(Problem("out-of-date", f"{stale} file(s) changed, appeared or went away since the "
                                      "last ingest", stale, "canon ingest"))
        from .pipeline import changed_settings

        for kind, section in changed_settings(settings, catalog).items():
            count = len(catalog.file_hashes(kind))
            d.problems.append(Problem("settings-changed", f"canon.toml's [{section}] changed since the last ingest: "
                                      f"{count} {kind}(s) were read with the old settings", count, "canon ingest"))
        writing = d.writing is not None  # a write in progress is not a problem, only unfinished
        if catalog.get_meta("dirty") == "1" and not writing:
            d.problems.append(Problem("interrupted-write", "an ingest stopped before it finished (its work so "
                                      "far is kept)", fix="canon ingest"))
        if known and catalog.get_meta("chunker") != CHUNKER_VERSION:
            d.problems.append(Problem("old-chunker", "this version of canon cuts entries into chunks differently",
                                      fix="canon ingest"))
        if known and (d.kb_id is None or (gen is None and not settings.index.chroma_url)):
            d.problems.append(Problem("old-layout", "the index was written by an earlier version of canon",
                                      fix="canon ingest (moves it over without embedding)"))
        loose = int(db.execute("SELECT COUNT(*) FROM chunks WHERE path NOT IN (SELECT path FROM files)")
                    .fetchone()[0]) + int(db.execute(
                        "SELECT COUNT(*) FROM records WHERE path NOT IN (SELECT path FROM files)").fetchone()[0])
        if loose:
            d.problems.append(Problem("catalog-orphans", "the catalog lists chunks or records of files it does not "
                                      "know", loose, "canon doctor"))
        cached = catalog.cached_keys({key for _, _, key in chunks})
        uncached = sum(1 for _, _, key in chunks if key not in cached)
        d.counts["cached_vectors"] = len(cached)
        if uncached:
            d.problems.append(Problem("uncached-vectors", "chunks whose vectors the catalog no longer keeps",
                                      uncached, "canon doctor (embeds only these)"))
        if check_store and d.model and (gen is not None or settings.index.chroma_url):
            try:
                store = open_store(settings, d.model, catalog)
                ids = store.ids()
                d.counts["vectors"] = len(ids)
                missing, orphans = len(searchable - ids), len(ids - searchable)
                if missing:
                    d.problems.append(Problem("missing-vectors", "searchable chunks that the store has no vector "
                                              "for: searches cannot find them", missing, "canon doctor"))
                if orphans and not (writing and settings.index.chroma_url):  # added before the switch
                    d.problems.append(Problem("orphan-vectors", "vectors in the store that no chunk of the catalog "
                                              "lists", orphans, "canon doctor"))
            except CanonError as exc:
                d.problems.append(Problem("store-unreadable", exc.message, fix=exc.hint or "canon doctor"))
        leftovers = leftover_generations(settings, gen)
        if leftovers and not writing:  # the generation a writer is filling is not left over
            d.problems.append(Problem("leftover-stores", "store folders that no index refers to: "
                                      + ", ".join(p.name for p in leftovers), len(leftovers), "canon doctor"))
    finally:
        catalog.close()
    d.up_to_date = d.indexed and not any(p.code in STALE_CODES for p in d.problems)
    return d


# path -> (mtime_ns, size, content hash, when hashed in ns): /v1/health asks often, and hashing
# every file of a large KB each time would cost seconds. A file whose stat changed is read and
# hashed again; so is one whose mtime was too recent when it was hashed (see _racy).
_stat_cache: dict[str, tuple[int, int, str, int]] = {}

# A file's mtime is the clock's tick, coarse on some file systems (1 s on ext4 with small inodes
# and HFS+, 2 s on FAT, a jiffy on Linux before 6.13): an edit that keeps the size and lands in
# the tick of the previous write leaves the stat as it was. A stat is trusted only for a file
# whose mtime was this far behind the moment it was looked at; a more recent one is read again.
RACY_NS = 2_000_000_000


def _racy(mtime_ns: int, seen_at_ns: int) -> bool:
    """Whether a stat with this mtime, taken at ``seen_at_ns``, could miss an edit in the same tick.
    An mtime more than a tick ahead of the clock (a clock skewed far ahead, a file unpacked from
    an archive) is not racy: a write now gets an mtime near now, which changes the stat; else such
    a file would be read and hashed again at every probe until the clock caught up. An mtime a
    little ahead (a file server's clock) stays racy."""
    return seen_at_ns - RACY_NS <= mtime_ns <= seen_at_ns + RACY_NS


def source_files(settings: Settings) -> dict[str, tuple[str, Path]]:
    """rel path -> (``entry`` or ``call``, path) of every file the pipeline reads."""
    from .calls import find_call_files
    from .pipeline import _rel

    prefix = len(str(settings.root)) + 1  # entry files lie below the root: cheaper than relpath
    paths: dict[str, tuple[str, Path]] = {str(p)[prefix:].replace(os.sep, "/"): ("entry", p)
                                          for p in iter_entry_files(settings)}
    if settings.calls_path.is_dir():
        for p in find_call_files(settings.calls_path):
            paths.setdefault(_rel(p, settings.root), ("call", p))
    return paths


def _file_hashes(settings: Settings, paths: dict[str, tuple[str, Path]]) -> dict[str, str]:
    """rel path -> content hash of every entry and call file, as the pipeline would see them."""
    from .pipeline import _read_file

    out: dict[str, str] = {}
    for rel, (kind, p) in paths.items():
        try:
            st = p.stat()
            seen = _stat_cache.get(str(p))
            if seen is None or seen[:2] != (st.st_mtime_ns, st.st_size) or _racy(seen[0], seen[3]):
                now = time.time_ns()
                seen = (st.st_mtime_ns, st.st_size, content_hash(_read_file(kind, p, settings)), now)
                _stat_cache[str(p)] = seen
        except OSError:
            continue  # gone since the walk: the catalog will say it was removed
        out[rel] = seen[2]
    return out


class LastDiagnosis:
    """The last full diagnosis of a KB, reused while nothing it depends on has changed.

    ``diagnose`` walks the KB's folders, reads the catalog and lists the store: about 0.1 s for
    2,000 entries, too much for a probe that a load balancer sends every few seconds. Whether it
    would still say the same is cheaper to ask: a stat of each file and folder it read, of the
    catalog (every write to the index changes it) and who holds the write lock. A file edited,
    added or removed, an ingest, or a writer starting or stopping runs the full diagnosis again;
    so does ``max_age`` passing, which catches what stats do not show (vectors lost from the store
    behind the catalog's back, a Chroma server changed by another host, a file added to a folder
    that held none)."""

    def __init__(self, settings: Settings, *, max_age: float = 60.0) -> None:
        self.settings = settings
        self.max_age = max_age
        self._lock = threading.Lock()
        self._last: tuple[Diagnosis, float, float, tuple[Any, ...], list[str], int] | None = None

    def get(self, *, full: bool = False, max_age: float | None = None) -> tuple[Diagnosis, float, float]:
        """The diagnosis, when it was made (Unix time) and its age in seconds; ``full`` runs it now.
        ``max_age`` overrides the instance's (a search asks only whether files changed: ``math.inf``)."""
        with self._lock:
            return self._get(full, max_age)

    def try_get(self, *, max_age: float | None = None) -> tuple[Diagnosis, float, float] | None:
        """As ``get``, or None at once while another caller holds the diagnosis (a full one takes
        a while): a search must not wait on a health probe."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            return self._get(False, max_age)
        finally:
            self._lock.release()

    def _get(self, full: bool, max_age: float | None) -> tuple[Diagnosis, float, float]:
        """``get`` with the lock held."""
        last = self._last
        if last is not None and not full:
            diagnosis, wall, started, signature, watched, signed = last
            age = time.monotonic() - started
            if age <= (self.max_age if max_age is None else max_age):
                # Hashes of racy files cost a read each time: once their mtimes are old enough,
                # sign again with stats alone (taken first, so that an edit in between shows).
                now = time.time_ns()
                hashed = any(isinstance(s, tuple) and len(s) == 3 for s in signature)
                again = self._signature(watched, now) if hashed else signature
                if self._signature(watched, signed) == signature:
                    self._last = (diagnosis, wall, started, again, watched, now if hashed else signed)
                    return diagnosis, wall, age
        sources = source_files(self.settings)
        watched = self._watched(sources)
        signed = time.time_ns()
        signature = self._signature(watched, signed)  # before the diagnosis: a change during it shows next time
        wall, started = time.time(), time.monotonic()
        diagnosis = diagnose(self.settings, sources=sources)
        self._last = (diagnosis, wall, started, signature, watched, signed)
        return diagnosis, wall, 0.0

    def _watched(self, sources: dict[str, tuple[str, Path]]) -> list[str]:
        folders = {str(self.settings.root), str(self.settings.calls_path)}
        for _, p in sources.values():
            for parent in p.parents:  # a file added or removed changes its folder's time
                if str(parent) in folders:
                    break  # every file lies below the root or the calls folder
                folders.add(str(parent))
        catalog = str(catalog_path(self.settings))
        return [catalog, catalog + "-wal", *sorted(folders), *(str(p) for _, p in sources.values())]

    def _signature(self, watched: list[str], signed: int) -> tuple[Any, ...]:
        """Who holds the write lock and a stat of each watched path; with the content's hash of a
        file, or the names in a folder, whose mtime was racy (too recent to trust) at ``signed``,
        the time of the first stat, so that a change in the same tick still changes the signature.

        The catalog and its WAL are never opened here, only stat'ed: SQLite holds POSIX locks on
        them, and closing any other descriptor of the file drops every such lock of this process, so
        an ingest that finds no reader left checkpoints and removes the WAL under this server's open
        connections ("database disk image is malformed"). An ingest changes the lock's holder, and
        its commit the catalog's or the WAL's stat, so the stats see it."""
        holder = read_holder(self.settings.index_path)
        stats: list[Any] = [holder.to_dict() if holder else None]
        catalog = str(catalog_path(self.settings))
        sqlite_files = {catalog, catalog + "-wal", catalog + "-shm", catalog + "-journal"}
        for path in watched:
            try:
                st = os.stat(path)
                if path in sqlite_files:
                    stats.append((st.st_mtime_ns, st.st_size))
                elif stat.S_ISREG(st.st_mode) and _racy(st.st_mtime_ns, signed):
                    with open(path, "rb") as f:
                        stats.append((st.st_mtime_ns, st.st_size, content_hash(f.read())))
                elif stat.S_ISDIR(st.st_mode) and _racy(st.st_mtime_ns, signed):
                    stats.append((st.st_mtime_ns, st.st_size, tuple(sorted(os.listdir(path)))))
                else:
                    stats.append((st.st_mtime_ns, st.st_size))
            except OSError:
                stats.append(None)
        return tuple(stats)


@dataclass
class Repair:
    before: Diagnosis
    after: Diagnosis
    actions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"version": 1, "before": self.before.to_dict(), "actions": self.actions, "after": self.after.to_dict()}


def repair(settings: Settings, *, embedder: Any = None, on_wait: Callable[[Holder], None] | None = None,
           progress: Any = None) -> Repair:
    """Bring the index into agreement with the files and its store with its catalog."""
    from .pipeline import ingest

    with write_lock(settings.index_path, "repair", wait=settings.index.lock_wait, on_wait=on_wait):
        before = diagnose(settings)
        codes = {p.code for p in before.problems}
        actions: list[str] = []
        if "unreadable-index" in codes:
            aside = catalog_path(settings).with_name(f"catalog.sqlite.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
            for suffix in ("", "-wal", "-shm"):
                p = catalog_path(settings).with_name(catalog_path(settings).name + suffix)
                if p.exists():
                    p.rename(aside.with_name(aside.name + suffix))
            actions.append(f"set the unreadable catalog aside as {aside.name}; rebuilt the index")
        if "catalog-orphans" in codes:
            catalog = open_catalog(settings)
            try:
                with catalog.transaction() as db:
                    db.execute("DELETE FROM chunks WHERE path NOT IN (SELECT path FROM files)")
                    db.execute("DELETE FROM records WHERE path NOT IN (SELECT path FROM files)")
            finally:
                catalog.close()
            actions.append("removed catalog rows of files it does not know")
        if "store-unreadable" in codes and not settings.index.chroma_url:
            catalog = open_catalog(settings)
            try:
                catalog.db.execute("DELETE FROM meta WHERE key='store_gen'")
            finally:
                catalog.close()
            actions.append("rebuilt the store from the vectors the catalog keeps")
        # Parsing everything again is what restores vectors missing from the cache; every other
        # difference is repaired by an ordinary ingest, which reuses every cached vector.
        force = "uncached-vectors" in codes
        report = ingest(settings, embedder=embedder, force=force, verify=True, progress=progress)
        if report.added or report.changed or report.removed:
            actions.append(f"indexed {len(report.added)} added, {len(report.changed)} changed and "
                           f"{len(report.removed)} removed file(s); {report.texts_embedded} text(s) embedded")
        if report.repaired["missing_vectors"]:
            actions.append(f"restored {report.repaired['missing_vectors']} missing vector(s) from the catalog")
        if report.repaired["orphan_vectors"]:
            actions.append(f"removed {report.repaired['orphan_vectors']} orphan vector(s)")
        catalog = open_catalog(settings)
        try:
            _, gen = store_state(catalog)
        finally:
            catalog.close()
        if gen is not None:
            gone = remove_generations(settings, keep=generations_in_use(settings, gen))
            if gone:
                actions.append("removed unused store folder(s) " + ", ".join(p.name for p in gone))
        after = diagnose(settings)
    return Repair(before=before, after=after, actions=actions)
