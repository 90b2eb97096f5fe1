"""The incremental indexing pipeline: KB files and calls in, catalog and vectors out.

Only files whose content hash changed are parsed again, and only texts whose vectors are not
cached are embedded. See ``knowledge.store`` for why an interrupted run loses nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge import lexical
from knowledge.locking import Holder, write_lock
from knowledge.model import Finding
from knowledge.serialize import call_to_dict, entry_to_dict, finding_to_record
from knowledge.settings import Settings
from knowledge.store import (
    LEGACY_STORE,
    Catalog,
    Chunk,
    VectorStore,
    claim_identity,
    copy_generation,
    generation_path,
    generations_on_disk,
    open_catalog,
    open_store,
    remove_generations,
    store_state,
    text_key,
)

from .chunking import CHUNKER_VERSION, SEARCHABLE, call_chunks, entry_chunks
from .kb import content_hash, iter_entry_files, parse_entry, read_entry_file, unread_files

# progress(phase, done, total): phases are "scan", "parse", "embed", "store".
Progress = Callable[[str, int, int], None]

EMBED_BATCH = 1024  # texts embedded and cached per step: an interrupted run keeps all finished steps


def tenth_step(total: int, most: int) -> int:
    """How many items one step of a phase takes: ``most`` at most, and a tenth of the phase at most
    too, so that a phase smaller than one full step still reports its progress a tenth at a time
    (803 texts embedded in one step of 1,024 gave a single progress line, at the end)."""
    return max(1, min(most, -(-total // 10)))


# The canon.toml settings that shape what ingest stores, by the kind of file they shape: who speaks
# for the company decides every call turn's role. Recorded in the catalog; when they differ from
# what it recorded, the files of that kind are read again (their vectors are reused: the text is
# the same). Entries are stored as written: the KB-wide defaults ([kb] review_every,
# max_source_age) are applied when the rules run, so no entry depends on them.
STORED_SETTINGS = {"call": ("calls", ("internal_speakers", "internal_domains"))}


def stored_settings(settings: Settings) -> dict[str, str]:
    """meta key -> the settings that shaped one kind of file, as the catalog records them."""
    out: dict[str, str] = {}
    for kind, (section, keys) in STORED_SETTINGS.items():
        values = getattr(settings, section)
        out[f"settings:{kind}"] = json.dumps({k: getattr(values, k) for k in keys}, sort_keys=True)
    return out


def changed_settings(settings: Settings, catalog: Catalog) -> dict[str, str]:
    """kind -> its canon.toml section, for the kinds of file read with other settings than the
    catalog recorded (an index written before settings were recorded counts as changed), limited
    to kinds the catalog holds files of."""
    out: dict[str, str] = {}
    for kind, (section, _) in STORED_SETTINGS.items():
        key = f"settings:{kind}"
        if catalog.get_meta(key) != stored_settings(settings)[key] and catalog.file_hashes(kind):
            out[kind] = section
    return out


def _checkpoint(phase: str) -> None:
    """Fault injection for the crash-safety tests: ``CANON_TEST_KILL_AT=<phase>`` makes the process
    SIGKILL itself at that point, exactly as an operator's ``kill -9`` would;
    ``CANON_TEST_KILL_SIGNAL=SIGINT`` sends Ctrl-C's signal instead (with Python's own handler for it
    put back first: a process started in the background by a shell without job control inherits
    SIGINT ignored, where a terminal's Ctrl-C would reach it)."""
    if os.environ.get("CANON_TEST_KILL_AT") == phase:
        import signal

        sig = getattr(signal, os.environ.get("CANON_TEST_KILL_SIGNAL", "SIGKILL"))
        if sig == signal.SIGINT:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        os.kill(os.getpid(), sig)


@dataclass
class IngestReport:
    kb: str
    files: int = 0
    calls: int = 0
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    texts_embedded: int = 0
    texts_reused: int = 0
    chunks: int = 0  # every chunk the catalog lists (what /v1/health calls catalog_chunks)
    searchable_chunks: int = 0  # those searches can find, each with a vector (/v1/health's chunks)
    reread: dict[str, int] = field(default_factory=dict)  # canon.toml section -> files read again for it
    not_read: dict[str, int] = field(default_factory=dict)  # extension -> files canon reads nothing from
    problems: list[Finding] = field(default_factory=list)
    model: str = ""
    store: str = ""
    seconds: float = 0.0
    entries: int = 0  # entries served: files that could be read, one per id
    repaired: dict[str, int] = field(default_factory=lambda: {"missing_vectors": 0, "orphan_vectors": 0})
    speakers: dict[str, dict[str, str]] = field(default_factory=dict)  # call -> speaker -> role, to check
    roles_unknown: list[str] = field(default_factory=list)  # the calls with no seller known (speakers: above)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1, "kb": self.kb, "files": self.files, "calls": self.calls,
            "added": self.added, "changed": self.changed, "removed": self.removed,
            "unchanged": self.unchanged, "texts_embedded": self.texts_embedded,
            "texts_reused": self.texts_reused, "chunks": self.chunks,
            "catalog_chunks": self.chunks, "searchable_chunks": self.searchable_chunks,
            "problems": [p.to_dict() for p in self.problems], "model": self.model, "store": self.store,
            "seconds": round(self.seconds, 3), "entries": self.entries, "repaired": self.repaired,
            "reread": self.reread, "not_read": self.not_read,
            "speakers": self.speakers, "roles_unknown": self.roles_unknown,
        }


UNNAMED = "(unnamed)"  # how a turn with no speaker label is listed among a call's speakers


def _rel(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def _scan(settings: Settings) -> dict[str, tuple[str, Path, bytes]]:
    """rel path -> (kind, path, raw bytes) for every entry file and call file."""
    found: dict[str, tuple[str, Path, bytes]] = {}
    for p in iter_entry_files(settings):
        found[_rel(p, settings.root)] = ("entry", p, read_entry_file(p, settings))  # bounded, stays inside
    from .calls import find_call_files, read_call_file

    calls_dir = settings.calls_path
    if calls_dir.is_dir():
        for p in find_call_files(calls_dir):
            found.setdefault(_rel(p, settings.root), ("call", p, read_call_file(p, calls_dir)))
    return found


def _read_file(kind: str, path: Path, settings: Settings) -> bytes:
    """One file's bytes exactly as ``_scan`` reads them, for ``canon doctor``'s per-file cache."""
    if kind == "entry":
        return read_entry_file(path, settings)
    from .calls import read_call_file

    return read_call_file(path, settings.calls_path)


# Below this many texts the numpy forward pass (about 30 texts/s on 2 cores) finishes before
# sentence-transformers has loaded (5-8 s); above it, torch's kernels (about 100 texts/s) win.
SMALL_JOB = 300


def _reference_texts() -> list[str]:
    from knowledge.claims import provenance
    from knowledge.objections import reference_texts

    models = provenance.load()
    probe = [models.probe[0]] if models is not None and models.probe is not None else []
    return reference_texts() + probe


def _pick_embedder(n_texts: int) -> Any:
    from knowledge.embedding import get_embedder

    return get_embedder("bulk" if n_texts > SMALL_JOB else "query")


def ingest(settings: Settings, *, embedder: Any = None, progress: Progress | None = None,
           force: bool = False, on_wait: Callable[[Holder], None] | None = None,
           verify: bool = True) -> IngestReport:
    """Bring the index of ``settings.root`` up to date and report what changed.

    One writer at a time: the index's write lock is held throughout (``on_wait`` is told who holds
    it when this call has to wait). With ``verify``, an ingest that finds no file changed still
    checks that the store holds exactly the vectors the catalog lists, and repairs it if not.
    """
    t0 = time.perf_counter()
    stage = _Stage()
    try:
        with write_lock(settings.index_path, "ingest", wait=settings.index.lock_wait, on_wait=on_wait):
            report = _ingest_locked(settings, embedder, progress, force, verify, stage)
    except KeyboardInterrupt as exc:
        raise IngestInterrupted(had_index=stage.had_index, switched=stage.switched(settings)) from exc
    report.seconds = time.perf_counter() - t0
    return report


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C (or SIGINT) during an ingest, with how far it got, so that the command line can say
    what is true of the index. ``switched``: the catalog had already switched to the new index in
    its one transaction, and only the tidying after it (garbage, figure facts) was cut short.
    Otherwise the previous index is intact (``knowledge.store``); ``had_index`` is False when
    there was none yet, None when the interruption came before the catalog was read. Either way
    the next ingest (or the refresh another command makes) finishes the work, reusing every
    vector already embedded: they are cached batch by batch."""

    def __init__(self, *, had_index: bool | None, switched: bool) -> None:
        super().__init__()
        self.had_index = had_index
        self.switched = switched


@dataclass
class _Stage:
    """How far an ingest got, read when it is interrupted: whether an index existed, and the
    catalog's generation before this ingest (a new generation means it switched)."""

    had_index: bool | None = None
    generation: str | None = None

    def switched(self, settings: Settings) -> bool:
        if self.had_index is None:
            return False
        catalog = open_catalog(settings)
        try:
            return catalog.get_meta("generation") != self.generation
        finally:
            catalog.close()


def _ingest_locked(settings: Settings, embedder: Any, progress: Progress | None, force: bool,
                   verify: bool, stage: _Stage | None = None) -> IngestReport:
    tick: Progress = progress or (lambda phase, done, total: None)
    from knowledge.embedding import get_embedder

    # Both real embedders share one vector space; which one runs is decided once the amount of
    # work is known (see _pick_embedder). Neither loads its model before it embeds.
    space = embedder if embedder is not None else get_embedder("query")
    model, dim = str(space.name), int(space.dim)
    report = IngestReport(kb=str(settings.root), model=model, store=settings.index.chroma_url or "")

    catalog = open_catalog(settings, create=True)
    try:
        identity = claim_identity(settings, catalog)
        known = catalog.file_hashes()
        if stage is not None:
            stage.had_index, stage.generation = bool(known), catalog.get_meta("generation")
        fresh = identity in ("new", "forked")  # an empty collection, to fill from the cache
        if catalog.get_meta("model") not in (None, model):
            force = True  # another vector space: everything is embedded again
        if known and catalog.get_meta("chunker") != CHUNKER_VERSION:
            force = True  # files are cut differently now: parse them again
        files = _scan(settings)
        report.not_read = unread_files(settings)
        hashes = {rel: content_hash(raw) for rel, (_, _, raw) in files.items()}
        resettled = changed_settings(settings, catalog)
        todo = [rel for rel in sorted(files)
                if force or known.get(rel) != hashes[rel] or files[rel][0] in resettled]
        for kind, section in resettled.items():
            count = sum(1 for rel in todo if files[rel][0] == kind and known.get(rel) == hashes[rel])
            if count:
                report.reread[section] = count
        removed = sorted(set(known) - set(files))
        report.files = sum(1 for k, _, _ in files.values() if k == "entry")
        report.calls = len(files) - report.files
        report.added = [r for r in todo if r not in known]
        report.changed = [r for r in todo if r in known]
        report.removed = removed
        report.unchanged = len(files) - len(todo)
        dirty = catalog.get_meta("dirty") == "1"
        lexical_current = catalog.get_meta("lexical") == lexical.lexical_version()
        _, gen = store_state(catalog)
        legacy = not settings.index.chroma_url and gen is None and bool(known)

        if not todo and not removed and not dirty and not (fresh and known) and not legacy and lexical_current:
            for key, value in stored_settings(settings).items():
                if catalog.get_meta(key) != value:
                    catalog.set_meta(key, value)  # no file of that kind: nothing to read again
            if verify and known:
                report.repaired = _write_store(settings, catalog, model, dim, embedder, [], set(), tick)
                if any(report.repaired.values()):
                    catalog.prune_vectors({c.vector_key for c in catalog.chunks()}
                                          | {text_key(model, t) for t in _reference_texts()})
            report.store = _store_name(settings, catalog)
            _finish_report(report, catalog)
            return report

        # 1. Parse what changed.
        rows: list[tuple[str, str, str, list[dict[str, Any]], list[dict[str, Any]]]] = []
        chunks: list[Chunk] = []
        for i, rel in enumerate(todo, 1):
            kind, path, raw = files[rel]
            records, problems, file_chunks = _parse_file(settings, kind, path, rel, raw, hashes[rel], model)
            rows.append((rel, kind, hashes[rel], records, problems))
            chunks.extend(file_chunks)
            tick("parse", i, len(todo))

        # 2. Embed what is not cached and 3. write the store: see _write_store.
        catalog.set_meta("dirty", "1")  # from the first vector stored until the garbage is collected
        report.repaired = _write_store(
            settings, catalog, model, dim, embedder, chunks, set(removed) | set(todo), tick, report=report,
            switch=lambda db: _switch(db, removed, todo, rows, chunks, model, dim, lexical_current,
                                      stored_settings(settings)), fresh=fresh)
        report.store = _store_name(settings, catalog)

        # 5. Collect garbage: cached vectors nothing refers to any more.
        catalog.prune_vectors({c.vector_key for c in catalog.chunks()}
                              | {text_key(model, t) for t in _reference_texts()})
        catalog.set_meta("dirty", "0")
        # Search warns on figures in conflict; finding them costs an audit, so it is done once here.
        from knowledge.search import compute_figure_facts

        compute_figure_facts(settings, embedder or space)
        _finish_report(report, catalog)
    finally:
        catalog.close()
    return report


def _switch(db: Any, removed: list[str], todo: list[str],
            rows: list[tuple[str, str, str, list[dict[str, Any]], list[dict[str, Any]]]],
            chunks: list[Chunk], model: str, dim: int, lexical_current: bool, recorded: dict[str, str]) -> None:
    """4. Switch the catalog over, inside the transaction that also names the new store."""
    for rel in removed + todo:
        db.execute("DELETE FROM files WHERE path=?", (rel,))
        db.execute("DELETE FROM records WHERE path=?", (rel,))
        db.execute("DELETE FROM chunks WHERE path=?", (rel,))
    for rel, kind, digest, records, problems in rows:
        db.execute("INSERT INTO files VALUES (?, ?, ?, ?)", (rel, kind, digest, json.dumps(problems)))
        for rec in records:
            db.execute("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?)",
                       (f"{kind}:{rel}", rec.get("id") or rel, kind, rel, rec.get("status"),
                        json.dumps(rec, ensure_ascii=False)))
    db.executemany("INSERT OR REPLACE INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [(c.id, c.record_id, c.path, c.kind, c.line, c.end_line, c.section, c.text, c.vector_key)
                    for c in chunks])
    # The lexical index changes with the catalog, in this same transaction.
    if lexical_current:
        lexical.refresh(db, removed + todo, [rec for _, kind, _, recs, _ in rows if kind == "entry" for rec in recs])
    else:
        lexical.rebuild(db)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('lexical', ?)", (lexical.lexical_version(),))
    db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (str(time.time_ns()),))
    db.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (model,))
    db.execute("INSERT OR REPLACE INTO meta VALUES ('dim', ?)", (str(dim),))
    db.execute("INSERT OR REPLACE INTO meta VALUES ('chunker', ?)", (CHUNKER_VERSION,))
    db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(recorded.items()))


def _write_store(settings: Settings, catalog: Catalog, model: str, dim: int, embedder: Any,
                 chunks: list[Chunk], replaced: set[str], tick: Progress, *,
                 report: IngestReport | None = None, switch: Callable[[Any], None] | None = None,
                 fresh: bool = False) -> dict[str, int]:
    """Make the store hold exactly the searchable chunks the catalog will list, then switch.

    ``chunks`` are the new chunks of the files in ``replaced`` (changed or removed paths); the
    catalog's other chunks stay. Vectors come from the cache; only texts it lacks are embedded.
    A difference between the store and the catalog found on the way (vectors lost to an older
    version's races, vectors nothing lists) is repaired too, and counted in the return value
    unless the store is ``fresh`` (new to this KB, so of course empty); the old vectors of the
    replaced files are removed too but not counted, since removing them is no repair.
    """
    searchable_new = [c for c in chunks if c.kind in SEARCHABLE]
    listed = [c for c in catalog.chunks() if c.kind in SEARCHABLE]
    kept = [c for c in listed if c.path not in replaced]
    # The vectors of the replaced files' old chunks: removed below as orphans are, but this
    # ingest's own work (a file edited), not a repair of the store, so they are not counted.
    superseded = {c.id for c in listed if c.path in replaced}
    target = {c.id for c in kept} | {c.id for c in searchable_new}
    url = settings.index.chroma_url
    _, gen = store_state(catalog)
    current = open_store(settings, model, catalog) if (url or gen) else None
    have = current.ids() if current is not None else set()
    missing = [c for c in kept if c.id not in have]
    orphans = sorted(have - target)
    found = {"missing_vectors": 0 if fresh or current is None else len(missing),
             "orphan_vectors": 0 if fresh else len(set(orphans) - superseded)}
    to_add = searchable_new + missing

    new_gen: int | None = None
    writer = current
    if not url and (to_add or orphans or gen is None):
        # Readers keep the current generation; this write goes to a new one.
        new_gen = max([gen or 0, *generations_on_disk(settings)]) + 1
        target_dir = generation_path(settings, new_gen)
        if gen is not None and not missing and catalog.get_meta("model") in (None, model):
            copy_generation(generation_path(settings, gen), target_dir)
        else:
            # No store yet, the layout before generations, another model, or a store that lost
            # vectors (its vector index may be damaged too): build it afresh from the catalog.
            if target_dir.exists():
                shutil.rmtree(target_dir)
            to_add, orphans = searchable_new + kept, []
        writer = VectorStore(settings, model, kb_id=catalog.get_meta("kb_id"), location=target_dir)
    assert writer is not None

    need: dict[str, str] = {}
    for c in chunks + to_add:
        need.setdefault(c.vector_key, c.text)
    if switch is not None:
        for text in _reference_texts():
            need.setdefault(text_key(model, text), text)
    cached = catalog.cached_keys(need)
    uncached = [(k, t) for k, t in need.items() if k not in cached]
    if report is not None:
        report.texts_reused = len(need) - len(uncached)
        report.texts_embedded = len(uncached)
    try:
        with _StoreWriter(writer, to_add, tick) as w:
            w.add(catalog.get_vectors([k for k in w.waiting if k in cached], dim))
            if uncached:
                embedder = embedder or _pick_embedder(len(uncached))
                # Sorting by length keeps batches of similar length: less padding, faster encoding.
                uncached.sort(key=lambda kt: len(kt[1]))
                done = 0
                tick("embed", 0, len(uncached))
                step = tenth_step(len(uncached), EMBED_BATCH)
                for start in range(0, len(uncached), step):
                    part = uncached[start:start + step]
                    keys = [k for k, _ in part]
                    vecs = embedder.embed([t for _, t in part])
                    catalog.put_vectors(keys, vecs)
                    w.add(dict(zip(keys, vecs, strict=True)))
                    done += len(part)
                    tick("embed", done, len(uncached))
                    _checkpoint("embed")
        if new_gen is not None and orphans:
            writer.delete(orphans)  # a private copy: no reader sees it before the switch
    finally:
        if new_gen is not None:
            writer.close()

    _checkpoint("stored")
    if switch is not None or new_gen is not None:
        with catalog.transaction() as db:
            if switch is not None:
                switch(db)
            if new_gen is not None:
                db.execute("INSERT OR REPLACE INTO meta VALUES ('store_gen', ?)", (str(new_gen),))
    _checkpoint("switched")

    if url and orphans:
        writer.delete(orphans)  # on a server, after the switch: until then the catalog listed them
    if new_gen is not None:
        # The generation just replaced stays for readers that opened it a moment ago.
        remove_generations(settings, keep={new_gen} | ({gen} if gen else set()))
    return found


def _store_name(settings: Settings, catalog: Catalog) -> str:
    if settings.index.chroma_url:
        return settings.index.chroma_url
    _, gen = store_state(catalog)
    return str(generation_path(settings, gen)) if gen else str(settings.index_path / LEGACY_STORE)


def _finish_report(report: IngestReport, catalog: Catalog) -> None:
    report.problems = _problems(catalog)
    _report_calls(report, catalog)
    report.chunks = _count_chunks(catalog)
    report.searchable_chunks = _count_chunks(catalog, SEARCHABLE)
    # What is served, once unreadable files and second entries with a taken id are left out.
    report.entries = int(catalog.db.execute(
        "SELECT COUNT(DISTINCT id) FROM records WHERE kind='entry'").fetchone()[0])


def _report_calls(report: IngestReport, catalog: Catalog) -> None:
    """Each call's speakers and the role each was read in (to check the [calls] settings by), the
    calls in which no speaker is known to be yours, and a warning for each copy of a transcript
    (counted once by every command that reads the calls)."""
    from knowledge.model import distinct_calls, no_seller
    from knowledge.serialize import call_from_dict

    calls, copies = distinct_calls(call_from_dict(d) for d in catalog.records("call"))
    report.problems.extend(copies)
    for call in sorted(calls, key=lambda c: c.path):
        roles: dict[str, str] = {}
        for t in call.turns:
            roles.setdefault(t.speaker or UNNAMED, t.role)
        report.speakers[call.path] = roles
        if no_seller(call):
            report.roles_unknown.append(call.path)


class _StoreWriter:
    """Adds searchable chunks to the vector store as their vectors become known, on one worker
    thread; leaving the ``with`` block waits for every write and raises the first failure."""

    STEP = 1000

    def __init__(self, store: Any, searchable: list[Chunk], tick: Progress) -> None:
        self.store = store
        self.tick = tick
        self.total = len(searchable)
        self.step = tenth_step(self.total, self.STEP)  # a progress tick a tenth at least
        self.done = 0
        self.waiting: dict[str, list[Chunk]] = {}
        for c in searchable:
            self.waiting.setdefault(c.vector_key, []).append(c)
        self.futures: list[tuple[int, Any]] = []

    def __enter__(self) -> _StoreWriter:
        from concurrent.futures import ThreadPoolExecutor

        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="canon-store")
        return self

    def add(self, vectors: dict[str, Any]) -> None:
        import numpy as np

        ready = [(c, vectors[k]) for k in list(self.waiting) if k in vectors for c in self.waiting.pop(k)]
        for start in range(0, len(ready), self.step):
            part = ready[start:start + self.step]
            self.futures.append((len(part), self.pool.submit(
                self.store.upsert, [c.id for c, _ in part], np.stack([v for _, v in part]),
                [_chunk_meta(c) for c, _ in part])))

    def __exit__(self, exc_type: object, *rest: object) -> None:
        try:
            for size, f in self.futures:
                if exc_type is None:
                    f.result()
                    self.done += size
                    self.tick("store", self.done, self.total)
        finally:
            self.pool.shutdown(wait=True, cancel_futures=exc_type is not None)
        if exc_type is None and self.waiting:
            raise RuntimeError(f"{len(self.waiting)} chunks got no vector")  # a bug, not bad input


def _chunk_meta(c: Chunk) -> dict[str, Any]:
    return {"record": c.record_id, "path": c.path, "kind": c.kind, "line": c.line,
            "origin": "call" if c.kind == "turn" else "entry"}


def _parse_file(settings: Settings, kind: str, path: Path, rel: str, raw: bytes, digest: str,
                model: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Chunk]]:
    if kind == "entry":
        entry, findings = parse_entry(settings.root, path, raw, settings)
        problems = [finding_to_record(f) for f in findings]
        if entry is None:
            return [], problems, []
        entry.content_hash = digest
        return [entry_to_dict(entry)], problems, entry_chunks(entry, model)
    from .calls import CallParseError, decode_call_bytes, parse_call

    partial: list[Finding] = []  # cues or lines left out of a call that is otherwise read
    try:
        call = parse_call(path, rel=rel, settings=settings.calls, text=decode_call_bytes(raw), problems=partial)
    except CallParseError as exc:
        finding = Finding(rule="invalid-call", severity="error", path=rel, line=exc.line or 1,
                          column=exc.column or 1, message=exc.finding_message)
        return [], [finding_to_record(finding)], []
    call.content_hash = digest
    rec = call_to_dict(call)
    rec["id"] = rel
    return [rec], [finding_to_record(f) for f in partial], call_chunks(call, model)


def _problems(catalog: Catalog) -> list[Finding]:
    from knowledge.serialize import finding_from_dict

    return [finding_from_dict(d) for d in catalog.problems()]


def _count_chunks(catalog: Catalog, kinds: frozenset[str] | None = None) -> int:
    """How many chunks the catalog lists (of ``kinds`` only, when given)."""
    if kinds is None:
        return int(catalog.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])
    marks = ",".join("?" * len(kinds))
    return int(catalog.db.execute(f"SELECT COUNT(*) FROM chunks WHERE kind IN ({marks})", sorted(kinds)).fetchone()[0])


def index_is_current(settings: Settings) -> bool:
    """True when the index exists and every file's hash matches it (no model needed)."""
    return why_stale(settings) is None


def why_stale(settings: Settings) -> str | None:
    """Why the index must be brought up to date, None when it is current (no model needed):
    "none" (no index yet), "unfinished" (an ingest stopped before it finished), "reader" (canon
    cuts or indexes files differently now), "layout" (written before indexes had an identity),
    "store" (built in a Chroma server's collection, and the embedded store is used now), "moved"
    (the KB moved or was copied, and shares a Chroma server), "files" (files changed), "settings"
    (canon.toml's settings that shape stored files changed, e.g. [calls] internal_speakers)."""
    from knowledge.store import catalog_path

    if not catalog_path(settings).exists():
        return "none"
    catalog = open_catalog(settings)
    try:
        known = catalog.file_hashes()
        meta = {key: catalog.get_meta(key) for key in ("dirty", "chunker", "lexical", "root")}
        kb_id, gen = store_state(catalog)
        resettled = changed_settings(settings, catalog)
    finally:
        catalog.close()
    reason = _stale_meta(meta, kb_id, gen, settings) or ("settings" if resettled else None)
    if reason is None:
        files = _scan(settings)
        reason = None if known == {rel: content_hash(raw) for rel, (_, _, raw) in files.items()} else "files"
    return "none" if reason is not None and not known else reason  # nothing was ever indexed


def _stale_meta(meta: dict[str, str | None], kb_id: str | None, gen: int | None, settings: Settings) -> str | None:
    """Why the catalog's own records make the index stale, before any file is read."""
    if meta["dirty"] == "1":
        return "unfinished"
    if meta["chunker"] != CHUNKER_VERSION or meta["lexical"] != lexical.lexical_version():
        return "reader"
    if kb_id is None:
        return "layout"  # written before indexes had an identity: the next ingest moves it over
    if gen is None and not settings.index.chroma_url:
        return "store"
    if settings.index.chroma_url and meta["root"] != str(settings.root):
        return "moved"  # a copy sharing the server gets a collection of its own
    return None


def refresh(settings: Settings, *, progress: Progress | None = None,
            on_wait: Callable[[Holder], None] | None = None) -> IngestReport | None:
    """Ingest when the KB or its calls changed since the last ingest; None when it was current.
    Checking costs a read and a hash of every file, and loads no model. When another process is
    writing the index, this waits for it and then checks again: usually it did the work."""
    if index_is_current(settings):
        return None
    with write_lock(settings.index_path, "refresh", wait=settings.index.lock_wait, on_wait=on_wait):
        if index_is_current(settings):
            return None
        return ingest(settings, progress=progress, verify=False)
