"""The index: a SQLite catalog of what was ingested, and a Chroma collection of chunk vectors.

Layout of ``<kb>/.canon`` (or ``[index] path``)::

    catalog.sqlite   files and their hashes, parsed entries (JSON), chunks, the vector cache
    chroma/          the embedded Chroma store (absent when ``chroma_url`` points at a server)

Why two stores: Chroma answers nearest-neighbour queries; the catalog is the single switch that
says which chunks are current. Vectors are content-addressed (the id is a hash of the chunk), so an
ingest first adds new vectors next to the old ones, then swaps the catalog in one SQLite
transaction, then deletes vectors nothing refers to. An ingest killed at any point leaves the
previous catalog, and every vector it refers to, intact; searches ignore vectors the catalog does
not list. The vector cache (text hash -> vector) lets a later ingest reuse everything an
interrupted one had already embedded.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from .errors import IndexUnavailable, StoreUnavailable
from .lexical import SCHEMA as LEXICAL_SCHEMA
from .settings import Settings

if TYPE_CHECKING:
    import numpy as np

SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, kind TEXT NOT NULL, hash TEXT NOT NULL, problems TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS records (
    key TEXT PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, path TEXT NOT NULL, status TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_id ON records(id);
CREATE INDEX IF NOT EXISTS records_path ON records(path);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, record_id TEXT NOT NULL, path TEXT NOT NULL, kind TEXT NOT NULL,
    line INTEGER NOT NULL, end_line INTEGER NOT NULL, section TEXT NOT NULL, text TEXT NOT NULL,
    vector_key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_record ON chunks(record_id);
CREATE INDEX IF NOT EXISTS chunks_path ON chunks(path);
CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL);
"""


def text_key(model: str, text: str) -> str:
    return hashlib.sha1(f"{model}\x00{text}".encode()).hexdigest()


@dataclass
class Chunk:
    """A piece of a record that is embedded and searched: a section of an entry, an example phrasing."""

    id: str
    record_id: str
    path: str
    kind: str  # "title" | "section" | "metric" | "example" | "turn"
    line: int
    end_line: int
    section: str
    text: str
    vector_key: str = ""


class Catalog:
    """SQLite catalog. One connection per instance; use one instance per thread."""

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = path
        if not path.exists() and not create:
            raise IndexUnavailable(f"no index at {path.parent}", hint="run `canon ingest` first")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA + LEXICAL_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise IndexUnavailable(f"the index at {path} cannot be read: {exc}",
                                   hint=f"delete {path.parent} and run `canon ingest` to rebuild it") from exc
        version = self.get_meta("schema")
        if version is None:
            self.set_meta("schema", SCHEMA_VERSION)
        elif version != SCHEMA_VERSION:
            raise IndexUnavailable(f"the index at {path.parent} was written by another version of canon",
                                   hint=f"delete {path.parent} and run `canon ingest` to rebuild it")

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # meta
    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # files
    def file_hashes(self, kind: str | None = None) -> dict[str, str]:
        q = "SELECT path, hash FROM files" + (" WHERE kind=?" if kind else "")
        return dict(self.db.execute(q, (kind,) if kind else ()).fetchall())

    def problems(self, kind: str | None = None) -> list[dict[str, Any]]:
        q = "SELECT problems FROM files" + (" WHERE kind=?" if kind else "") + " ORDER BY path"
        out: list[dict[str, Any]] = []
        for (raw,) in self.db.execute(q, (kind,) if kind else ()):
            out.extend(json.loads(raw))
        return out

    # records
    def records(self, kind: str) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT data FROM records WHERE kind=? ORDER BY path, id", (kind,))
        return [json.loads(r[0]) for r in rows]

    def record(self, record_id: str, kind: str | None = None) -> dict[str, Any] | None:
        """The record with this id (an entry id, a call path); the first by path if ids repeat."""
        q = "SELECT data FROM records WHERE id=?" + (" AND kind=?" if kind else "") + " ORDER BY path LIMIT 1"
        row = self.db.execute(q, (record_id, kind) if kind else (record_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def chunks_by_id(self, ids: Sequence[str]) -> dict[str, Chunk]:
        out: dict[str, Chunk] = {}
        for start in range(0, len(ids), 500):
            part = list(ids[start:start + 500])
            q = f"SELECT * FROM chunks WHERE id IN ({','.join('?' * len(part))})"
            for row in self.db.execute(q, part):
                out[row[0]] = Chunk(*row)
        return out

    def chunk_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM chunks")}

    def chunks(self, kind: str | None = None) -> list[Chunk]:
        q = "SELECT * FROM chunks" + (" WHERE kind=?" if kind else "") + " ORDER BY path, line"
        return [Chunk(*r) for r in self.db.execute(q, (kind,) if kind else ())]

    # vectors
    def cached_keys(self, keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            part = keys[start:start + 500]
            q = f"SELECT key FROM vectors WHERE key IN ({','.join('?' * len(part))})"
            found.update(r[0] for r in self.db.execute(q, part))
        return found

    def put_vectors(self, keys: Sequence[str], vecs: np.ndarray) -> None:
        import numpy as np

        data = [(k, np.ascontiguousarray(v, dtype=np.float32).tobytes()) for k, v in zip(keys, vecs, strict=True)]
        with self.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", data)

    def get_vectors(self, keys: Sequence[str], dim: int) -> dict[str, np.ndarray]:
        import numpy as np

        out: dict[str, np.ndarray] = {}
        uniq = list(dict.fromkeys(keys))
        for start in range(0, len(uniq), 500):
            part = uniq[start:start + 500]
            q = f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(part))})"
            for k, blob in self.db.execute(q, part):
                out[k] = np.frombuffer(blob, dtype=np.float32, count=dim)
        return out

    def prune_vectors(self, keep: set[str]) -> int:
        """Drop cached vectors that no chunk or claim refers to any more."""
        stale = [r[0] for r in self.db.execute("SELECT key FROM vectors") if r[0] not in keep]
        with self.transaction() as db:
            db.executemany("DELETE FROM vectors WHERE key=?", [(k,) for k in stale])
        return len(stale)


def _slug(text: str) -> str:
    s = re.sub(r"[^a-zA-Z0-9._-]+", "-", text).strip("-._").lower()
    return s or "kb"


class VectorStore:
    """Chroma: embedded (PersistentClient under the index folder) or a server (``chroma_url``)."""

    def __init__(self, settings: Settings, model: str) -> None:
        self.settings = settings
        self.model = model
        url = settings.index.chroma_url
        # One collection per KB and model, so that one Chroma server can hold several KBs and a
        # model change never mixes vector spaces. The root's hash tells apart two KBs of one name.
        root_tag = hashlib.sha1(str(settings.root).encode()).hexdigest()[:8]
        name = f"canon-{_slug(settings.name)[:40]}-{root_tag}-{_slug(model)[:40]}"
        self.collection_name = name
        try:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            chroma_settings = ChromaSettings(anonymized_telemetry=False)
            if url:
                parsed = urlparse(url if "://" in url else f"http://{url}")
                self.client = chromadb.HttpClient(
                    host=parsed.hostname or "127.0.0.1",
                    port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                    ssl=parsed.scheme == "https",
                    settings=chroma_settings,
                )
            else:
                path = settings.index_path / "chroma"
                path.mkdir(parents=True, exist_ok=True)
                _forget_if_changed_elsewhere(path)
                self.client = chromadb.PersistentClient(path=str(path), settings=chroma_settings)
            self.col = self.client.get_or_create_collection(
                name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
                metadata={"canon_root": str(settings.root), "canon_model": model},
            )
            if not url:  # opening may itself touch the files: what we opened is the state after it
                _opened[str(settings.index_path / "chroma")] = _marker(settings.index_path / "chroma")
        except Exception as exc:  # chromadb raises many types; all mean "the store is not usable"
            where = url or str(settings.index_path / "chroma")
            hint = ("check that the Chroma server is running (`chroma run --path DIR --port 8000`) and that "
                    "[index] chroma_url / CANON_INDEX_CHROMA_URL points at it") if url else (
                    f"delete {where} and run `canon ingest` to rebuild it")
            raise StoreUnavailable(f"cannot open the Chroma store at {where}: {exc}", hint=hint) from exc

    def written(self) -> None:
        """Record that this process wrote the store, so that its own writes don't force a reopen."""
        if not self.settings.index.chroma_url:
            _opened[str(self.settings.index_path / "chroma")] = _marker(self.settings.index_path / "chroma")

    def upsert(self, ids: Sequence[str], vectors: np.ndarray, metadatas: Sequence[dict[str, Any]],
               batch: int = 1000) -> None:
        for start in range(0, len(ids), batch):
            self.col.upsert(ids=list(ids[start:start + batch]), embeddings=vectors[start:start + batch],
                            metadatas=list(metadatas[start:start + batch]))

    def ids(self) -> set[str]:
        out: set[str] = set()
        offset = 0
        while True:
            got = self.col.get(include=[], limit=5000, offset=offset)["ids"]
            out.update(got)
            if len(got) < 5000:
                return out
            offset += len(got)

    def delete(self, ids: Sequence[str], batch: int = 1000) -> None:
        for start in range(0, len(ids), batch):
            self.col.delete(ids=list(ids[start:start + batch]))

    def count(self) -> int:
        return int(self.col.count())

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity), best first. Asking for more than the store holds is fine."""
        res = self.col.query(query_embeddings=vector.reshape(1, -1), n_results=n, where=where,
                             include=["distances"])
        ids = res["ids"][0]
        dists = (res.get("distances") or [[]])[0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, dists, strict=False)]


# An embedded Chroma store keeps its vector index in memory, shared by every client of that path in
# the process. Another process (an ingest while `canon serve` runs) can change the files under it,
# after which that memory is stale: queries fail or miss vectors. So a process remembers the state
# of the files it opened and opens them afresh when they changed.
_opened: dict[str, tuple[int, ...]] = {}


def _marker(path: Path) -> tuple[int, ...]:
    out: list[int] = []
    for name in ("chroma.sqlite3", "chroma.sqlite3-wal"):
        try:
            st = (path / name).stat()
            out += [st.st_mtime_ns, st.st_size]
        except OSError:
            out += [0, 0]
    return tuple(out)


def _forget_if_changed_elsewhere(path: Path) -> None:
    key = str(path)
    now = _marker(path)
    if key in _opened and _opened[key] != now:
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
        _stores.clear()  # their clients belonged to the systems just dropped
    _opened[key] = now


def open_store(settings: Settings, model: str) -> VectorStore:
    """The store for this KB and model, opened once per process (a client costs tens of ms) and
    opened afresh when another process changed an embedded store under it."""
    key = (str(settings.index_path), settings.index.chroma_url or "", model, str(settings.root))
    store = _stores.get(key)
    if store is not None and not settings.index.chroma_url:
        path = settings.index_path / "chroma"
        if _opened.get(str(path)) != _marker(path):
            store = None
    if store is None:
        store = _stores[key] = VectorStore(settings, model)
    return store


_stores: dict[tuple[str, str, str, str], VectorStore] = {}


def catalog_path(settings: Settings) -> Path:
    return settings.index_path / "catalog.sqlite"


def open_catalog(settings: Settings, *, create: bool = False) -> Catalog:
    return Catalog(catalog_path(settings), create=create)
