"""The incremental indexing pipeline: KB files and calls in, catalog and vectors out.

Only files whose content hash changed are parsed again, and only texts whose vectors are not
cached are embedded. See ``knowledge.store`` for why an interrupted run loses nothing.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge import lexical
from knowledge.model import Finding
from knowledge.serialize import call_to_dict, entry_to_dict, finding_to_record
from knowledge.settings import Settings
from knowledge.store import Catalog, Chunk, open_catalog, open_store, text_key

from .chunking import CHUNKER_VERSION, SEARCHABLE, call_chunks, entry_chunks
from .kb import content_hash, iter_entry_files, parse_entry, read_entry_file

# progress(phase, done, total): phases are "scan", "parse", "embed", "store".
Progress = Callable[[str, int, int], None]

EMBED_BATCH = 1024  # texts embedded and cached per step: an interrupted run keeps all finished steps


def _checkpoint(phase: str) -> None:
    """Fault injection for the crash-safety tests: ``CANON_TEST_KILL_AT=<phase>`` makes the process
    SIGKILL itself at that point, exactly as an operator's ``kill -9`` would."""
    if os.environ.get("CANON_TEST_KILL_AT") == phase:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


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
    chunks: int = 0
    problems: list[Finding] = field(default_factory=list)
    model: str = ""
    store: str = ""
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1, "kb": self.kb, "files": self.files, "calls": self.calls,
            "added": self.added, "changed": self.changed, "removed": self.removed,
            "unchanged": self.unchanged, "texts_embedded": self.texts_embedded,
            "texts_reused": self.texts_reused, "chunks": self.chunks,
            "problems": [p.to_dict() for p in self.problems], "model": self.model, "store": self.store,
            "seconds": round(self.seconds, 3),
        }


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


# Below this many texts the numpy forward pass (about 30 texts/s on 2 cores) finishes before
# sentence-transformers has loaded (5-8 s); above it, torch's kernels (about 100 texts/s) win.
SMALL_JOB = 300


def _reference_texts() -> list[str]:
    from knowledge.objections import reference_texts

    return reference_texts()


def _pick_embedder(n_texts: int) -> Any:
    from knowledge.embedding import get_embedder

    return get_embedder("bulk" if n_texts > SMALL_JOB else "query")


def ingest(settings: Settings, *, embedder: Any = None, progress: Progress | None = None,
           force: bool = False) -> IngestReport:
    """Bring the index of ``settings.root`` up to date and report what changed."""
    t0 = time.perf_counter()
    tick: Progress = progress or (lambda phase, done, total: None)
    from knowledge.embedding import get_embedder

    # Both real embedders share one vector space; which one runs is decided once the amount of
    # work is known (see _pick_embedder). Neither loads its model before it embeds.
    space = embedder if embedder is not None else get_embedder("query")
    model, dim = str(space.name), int(space.dim)
    report = IngestReport(kb=str(settings.root), model=model,
                          store=settings.index.chroma_url or str(settings.index_path / "chroma"))

    catalog = open_catalog(settings, create=True)
    try:
        known = catalog.file_hashes()
        if catalog.get_meta("model") not in (None, model):
            force = True  # another vector space: everything is embedded again
        if known and catalog.get_meta("chunker") != CHUNKER_VERSION:
            force = True  # files are cut differently now: parse them again
        files = _scan(settings)
        hashes = {rel: content_hash(raw) for rel, (_, _, raw) in files.items()}
        todo = [rel for rel in sorted(files) if force or known.get(rel) != hashes[rel]]
        removed = sorted(set(known) - set(files))
        report.files = sum(1 for k, _, _ in files.values() if k == "entry")
        report.calls = len(files) - report.files
        report.added = [r for r in todo if r not in known]
        report.changed = [r for r in todo if r in known]
        report.removed = removed
        report.unchanged = len(files) - len(todo)
        dirty = catalog.get_meta("dirty") == "1"
        lexical_current = catalog.get_meta("lexical") == lexical.LEXICAL_VERSION

        if not todo and not removed and not dirty and lexical_current:
            report.problems = _problems(catalog)
            report.chunks = _count_chunks(catalog)
            report.seconds = time.perf_counter() - t0
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

        # 2. Embed what is not cached, in steps that are each committed to the cache; 3. add the
        # vectors of searchable chunks to the store next to the old ones. A worker thread stores
        # each step's vectors while the next step is embedded, so the store adds almost no time.
        need_keys: dict[str, str] = {}
        for c in chunks:
            need_keys.setdefault(c.vector_key, c.text)
        for text in _reference_texts():
            need_keys.setdefault(text_key(model, text), text)
        cached = catalog.cached_keys(need_keys)
        missing = [(k, t) for k, t in need_keys.items() if k not in cached]
        report.texts_reused = len(need_keys) - len(missing)
        report.texts_embedded = len(missing)

        catalog.set_meta("dirty", "1")  # from the first vector stored until the garbage is collected
        store = open_store(settings, model)
        with _StoreWriter(store, [c for c in chunks if c.kind in SEARCHABLE], tick) as writer:
            writer.add(catalog.get_vectors([k for k in writer.waiting if k in cached], dim))
            if missing:
                embedder = embedder or _pick_embedder(len(missing))
                # Sorting by length keeps batches of similar length: less padding, faster encoding.
                missing.sort(key=lambda kt: len(kt[1]))
                done = 0
                tick("embed", 0, len(missing))
                for start in range(0, len(missing), EMBED_BATCH):
                    part = missing[start:start + EMBED_BATCH]
                    keys = [k for k, _ in part]
                    vecs = embedder.embed([t for _, t in part])
                    catalog.put_vectors(keys, vecs)
                    writer.add(dict(zip(keys, vecs, strict=True)))
                    done += len(part)
                    tick("embed", done, len(missing))
                    _checkpoint("embed")

        _checkpoint("stored")

        # 4. Switch the catalog over in one transaction.
        with catalog.transaction() as db:
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
            db.execute("INSERT OR REPLACE INTO meta VALUES ('lexical', ?)", (lexical.LEXICAL_VERSION,))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (str(time.time_ns()),))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (model,))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('dim', ?)", (str(dim),))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('chunker', ?)", (CHUNKER_VERSION,))

        _checkpoint("switched")

        # 5. Collect garbage: vectors nothing refers to any more.
        current = catalog.chunk_ids()
        stale = sorted(store.ids() - current)
        if stale:
            store.delete(stale)
        store.written()
        catalog.prune_vectors({c.vector_key for c in catalog.chunks()}
                              | {text_key(model, t) for t in _reference_texts()})
        catalog.set_meta("dirty", "0")
        # Search warns on figures in conflict; finding them costs an audit, so it is done once here.
        from knowledge.search import compute_figure_facts

        compute_figure_facts(settings, embedder or space)
        report.problems = _problems(catalog)
        report.chunks = len(current)
    finally:
        catalog.close()
    report.seconds = time.perf_counter() - t0
    return report


class _StoreWriter:
    """Adds searchable chunks to the vector store as their vectors become known, on one worker
    thread; leaving the ``with`` block waits for every write and raises the first failure."""

    STEP = 1000

    def __init__(self, store: Any, searchable: list[Chunk], tick: Progress) -> None:
        self.store = store
        self.tick = tick
        self.total = len(searchable)
        self.done = 0
        self.waiting: dict[str, list[Chunk]] = {}
        for c in searchable:
            self.waiting.setdefault(c.vector_key, []).append(c)
        self.futures: list[Any] = []

    def __enter__(self) -> _StoreWriter:
        from concurrent.futures import ThreadPoolExecutor

        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="canon-store")
        return self

    def add(self, vectors: dict[str, Any]) -> None:
        import numpy as np

        ready = [(c, vectors[k]) for k in list(self.waiting) if k in vectors for c in self.waiting.pop(k)]
        for start in range(0, len(ready), self.STEP):
            part = ready[start:start + self.STEP]
            self.futures.append(self.pool.submit(
                self.store.upsert, [c.id for c, _ in part], np.stack([v for _, v in part]),
                [_chunk_meta(c) for c, _ in part]))

    def __exit__(self, exc_type: object, *rest: object) -> None:
        try:
            for f in self.futures:
                if exc_type is None:
                    f.result()
                    self.done += 1
                    self.tick("store", min(self.done * self.STEP, self.total), self.total)
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


def _count_chunks(catalog: Catalog) -> int:
    return int(catalog.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])


def index_is_current(settings: Settings) -> bool:
    """True when the index exists and every file's hash matches it (no model needed)."""
    from knowledge.store import catalog_path

    if not catalog_path(settings).exists():
        return False
    catalog = open_catalog(settings)
    try:
        if catalog.get_meta("dirty") == "1" or catalog.get_meta("chunker") != CHUNKER_VERSION:
            return False
        if catalog.get_meta("lexical") != lexical.LEXICAL_VERSION:
            return False
        known = catalog.file_hashes()
    finally:
        catalog.close()
    files = _scan(settings)
    return known == {rel: content_hash(raw) for rel, (_, _, raw) in files.items()}


def refresh(settings: Settings, *, progress: Progress | None = None) -> IngestReport | None:
    """Ingest when the KB or its calls changed since the last ingest; None when it was current.
    Checking costs a read and a hash of every file, and loads no model."""
    if index_is_current(settings):
        return None
    return ingest(settings, progress=progress)
