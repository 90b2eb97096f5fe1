"""The index: a SQLite catalog of what was ingested, and a Chroma collection of chunk vectors.

Layout of ``<kb>/.canon`` (or ``[index] path``)::

    catalog.sqlite   files and their hashes, parsed entries (JSON), chunks, the vector cache
    chroma.<N>/      generation N of the embedded Chroma store (absent with ``chroma_url``)
    write.lock       held by whoever writes the index (see ``knowledge.locking``)

Why two stores: Chroma answers nearest-neighbour queries; the catalog is the single switch that
says which chunks are current, and which store generation holds their vectors. An embedded Chroma
store cannot be written by one process while another reads it (the reader's in-memory index goes
stale: "Error finding id"), so a write never touches the generation readers use: it copies it to
generation N+1, adds and deletes vectors there, and then switches the catalog (chunks and
``store_gen`` together) in one SQLite transaction. Readers keep the generation they opened until
the catalog names a newer one. On a Chroma server, which serialises its own clients, vectors are
added before the switch and deleted after it.

An ingest killed at any point leaves the previous catalog, and every vector it refers to, intact;
searches ignore vectors the catalog does not list. The vector cache (text hash -> vector) lets a
later ingest reuse everything an interrupted one had already embedded, and lets a store be rebuilt
without embedding anything.

Identity: the index belongs to the KB, not to its path. ``kb_id`` (random, in the catalog's meta)
names the Chroma collection, so a KB that is moved, copied or renamed keeps its vectors. Two copies
of one KB that share a Chroma server must not share a collection; the first write of a copy gives
it an id of its own (``claim_identity``).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from .errors import IndexBusy, IndexUnavailable, StoreUnavailable
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
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):  # passing: say so, and nothing about deleting
                raise IndexBusy(f"the index at {path.parent} is busy: {exc}",
                                hint="try again in a moment; `canon doctor --check` shows who is writing it") from exc
            raise IndexUnavailable(f"the index at {path} cannot be read: {exc}",
                                   hint="run `canon doctor`: it sets an unreadable catalog aside and rebuilds it") from exc
        except sqlite3.DatabaseError as exc:
            raise IndexUnavailable(f"the index at {path} cannot be read: {exc}",
                                   hint="run `canon doctor`: it sets an unreadable catalog aside and rebuilds it") from exc
        version = self.get_meta("schema")
        if version is None:
            self.set_meta("schema", SCHEMA_VERSION)
        elif version != SCHEMA_VERSION:
            raise IndexUnavailable(f"the index at {path.parent} was written by another version of canon",
                                   hint="run `canon doctor`: it sets this catalog aside and rebuilds the index")

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

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Reads that see one state of the index: an ingest that commits meanwhile is not seen
        half-way (a search reads the generation, the lexical rows and the entries in several
        statements). A deferred transaction on a WAL database never blocks the writer."""
        if self.db.in_transaction:  # already inside one: that snapshot holds
            yield self.db
            return
        self.db.execute("BEGIN DEFERRED")
        try:
            yield self.db
        finally:
            if self.db.in_transaction:
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


def server_address(url: str) -> tuple[str, int, bool]:
    """(host, port, https) of a Chroma server URL; "host:port" and a bare host are read as http,
    and a URL with no port gets Chroma's default one (8000; 443 for https)."""
    parsed = urlparse(url if "://" in url else f"http://{url}")
    https = parsed.scheme == "https"
    return parsed.hostname or "127.0.0.1", parsed.port or (443 if https else 8000), https


def _hint_port(url: str) -> str:
    """The port to start a Chroma server on, in a hint: the configured URL's (a port that does not
    parse is shown as PORT, to be written in)."""
    try:
        return str(server_address(url)[1])
    except ValueError:
        return "PORT"


class VectorStore:
    """One Chroma collection: in an embedded store (a PersistentClient on ``location``) or on a
    server (``chroma_url``)."""

    def __init__(self, settings: Settings, model: str, *, kb_id: str | None = None,
                 location: Path | None = None) -> None:
        self.settings = settings
        self.model = model
        url = settings.index.chroma_url
        self.location = None if url else (location or settings.index_path / LEGACY_STORE)
        # One collection per KB and model, so that one Chroma server can hold several KBs and a
        # model change never mixes vector spaces. Neither the KB's path nor its name is part of
        # it: a moved or renamed KB keeps its vectors.
        if kb_id:
            name = f"canon-{kb_id}-{_slug(model)[:40]}"
        else:  # an index written before KBs had ids: read it as it was named then
            root_tag = hashlib.sha1(str(settings.root).encode()).hexdigest()[:8]
            name = f"canon-{_slug(settings.name)[:40]}-{root_tag}-{_slug(model)[:40]}"
        self.collection_name = name
        try:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            chroma_settings = ChromaSettings(anonymized_telemetry=False)
            if url:
                host, port, ssl = server_address(url)
                self.client = chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=chroma_settings)
            else:
                assert self.location is not None
                self.location.mkdir(parents=True, exist_ok=True)
                self.client = chromadb.PersistentClient(path=str(self.location), settings=chroma_settings)
            self.col = self.client.get_or_create_collection(
                name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
                metadata={"canon_root": str(settings.root), "canon_model": model},
            )
        except Exception as exc:  # chromadb raises many types; all mean "the store is not usable"
            where = url or str(self.location)
            hint = (f"check that the Chroma server is running (`chroma run --path DIR --port {_hint_port(url)}`) and that "
                    "[index] chroma_url / CANON_INDEX_CHROMA_URL points at it") if url else (
                    "run `canon doctor` to check the index and rebuild the store from the vectors it keeps")
            raise StoreUnavailable(f"cannot open the Chroma store at {where}: {exc}", hint=hint) from exc

    def close(self) -> None:
        """Release an embedded store's files and memory (a server's client holds nothing)."""
        if self.location is not None:
            try:
                close = getattr(self.client, "close", None)  # PersistentClient has it; ClientAPI does not say so
                if close is not None:
                    close()
            except Exception:  # closing is best effort: the files may already be gone
                pass

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


LEGACY_STORE = "chroma"  # the embedded store of indexes written before store generations


def generation_path(settings: Settings, gen: int) -> Path:
    return settings.index_path / f"chroma.{gen}"


def store_state(catalog: Catalog) -> tuple[str | None, int | None]:
    """(kb_id, store generation) as the catalog records them; None for an index written before."""
    gen = catalog.get_meta("store_gen")
    return catalog.get_meta("kb_id"), int(gen) if gen else None


def open_store(settings: Settings, model: str, catalog: Catalog | None = None) -> VectorStore:
    """The store generation the catalog names, for this KB and model. Opened once per process (a
    client costs tens of ms) and reopened when an ingest, here or in another process, switched the
    catalog to a newer generation."""
    if catalog is None and catalog_path(settings).exists():
        with closing(open_catalog(settings)) as own:
            kb_id, gen = store_state(own)
    elif catalog is not None:
        kb_id, gen = store_state(catalog)
    else:
        kb_id, gen = None, None
    url = settings.index.chroma_url or ""
    location = None if url else (generation_path(settings, gen) if gen else settings.index_path / LEGACY_STORE)
    if not url and not gen:
        kb_id = None  # an embedded store of the layout before generations, named as it was then
    key = (str(settings.index_path), url, model, kb_id or str(settings.root))
    with _stores_lock:
        store, at = _stores.get(key, (None, None))
        if store is not None and at == location:
            return store
        fresh = VectorStore(settings, model, kb_id=kb_id, location=location)
        _stores[key] = (fresh, location)
        if store is not None:
            # A search in another thread may still be using the store just replaced: close the one
            # replaced before it instead, which nothing has handed out since.
            _retired.append(store)
            while len(_retired) > 1:
                _retired.pop(0).close()
        return fresh


_stores: dict[tuple[str, str, str, str], tuple[VectorStore, Path | None]] = {}
_retired: list[VectorStore] = []
_stores_lock = threading.Lock()


def forget_stores() -> None:
    """Close every store this process opened (tests, and a store about to be deleted)."""
    with _stores_lock:
        for store, _ in _stores.values():
            store.close()
        for store in _retired:
            store.close()
        _stores.clear()
        _retired.clear()


def copy_generation(src: Path, dst: Path) -> None:
    """Copy a store generation that readers may have open. Readers of an embedded Chroma store
    write to its SQLite file (never to its vector index files), so that file is copied through
    SQLite's backup API, which gives a consistent copy whatever other connections do."""
    if dst.exists():
        shutil.rmtree(dst)
    sqlite_names = {"chroma.sqlite3", "chroma.sqlite3-wal", "chroma.sqlite3-shm", "chroma.sqlite3-journal"}
    shutil.copytree(src, dst, ignore=lambda folder, names: [n for n in names if n in sqlite_names]
                    if Path(folder) == src else [])
    if (src / "chroma.sqlite3").exists():
        with closing(sqlite3.connect(str(src / "chroma.sqlite3"), timeout=30)) as a, \
                closing(sqlite3.connect(str(dst / "chroma.sqlite3"))) as b:
            a.backup(b)


def remove_generations(settings: Settings, keep: set[int]) -> list[Path]:
    """Delete store generations other than ``keep`` (and the store of the layout before them).
    A folder that cannot be deleted yet (open elsewhere, on Windows) is left for the next write."""
    removed: list[Path] = []
    if settings.index.chroma_url or not settings.index_path.is_dir():
        return removed
    for p in settings.index_path.iterdir():
        gen = p.name.removeprefix("chroma.")
        stale = (p.name == LEGACY_STORE) or (p.name.startswith("chroma.") and gen.isdigit() and int(gen) not in keep)
        if stale and p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
            if not p.exists():
                removed.append(p)
    return removed


def generations_on_disk(settings: Settings) -> list[int]:
    if settings.index.chroma_url or not settings.index_path.is_dir():
        return []
    return sorted(int(p.name[7:]) for p in settings.index_path.iterdir()
                  if p.name.startswith("chroma.") and p.name[7:].isdigit() and p.is_dir())


def generations_in_use(settings: Settings, current: int | None) -> set[int]:
    """The current generation and the one before it, which readers may still have open."""
    if current is None:
        return set()
    before = [g for g in generations_on_disk(settings) if g < current]
    return {current, *before[-1:]}


def leftover_generations(settings: Settings, current: int | None) -> list[Path]:
    """Store folders no reader can be using: older generations, those of interrupted writes."""
    if settings.index.chroma_url or current is None:
        return []
    keep = generations_in_use(settings, current)
    out = [generation_path(settings, g) for g in generations_on_disk(settings) if g not in keep]
    legacy = settings.index_path / LEGACY_STORE
    return out + ([legacy] if legacy.is_dir() else [])


def new_kb_id() -> str:
    import uuid

    return uuid.uuid4().hex[:16]


def claim_identity(settings: Settings, catalog: Catalog) -> str | None:
    """Give the index an id if it has none, and note where the KB lives now. Call it holding the
    write lock. Returns "new" when the index got its first id, "forked" when this KB turned out to
    be a copy that shares a Chroma server with its original, and so got an id (a collection) of
    its own, "moved" when it only lives somewhere else now, else None. A new or forked id names an
    empty collection: the index is marked dirty until the ingest under way has filled it."""
    kb_id = catalog.get_meta("kb_id")
    root = str(settings.root)
    if kb_id is None:
        catalog.set_meta("kb_id", new_kb_id())
        catalog.set_meta("root", root)
        if catalog.file_hashes():
            catalog.set_meta("dirty", "1")
        return "new"
    was = catalog.get_meta("root")
    if was == root:
        return None
    if settings.index.chroma_url and _original_still_there(settings, Path(was) if was else None, kb_id):
        catalog.set_meta("dirty", "1")
        catalog.set_meta("kb_id", new_kb_id())
        catalog.set_meta("root", root)
        return "forked"
    catalog.set_meta("root", root)
    return "moved"


def _original_still_there(settings: Settings, was: Path | None, kb_id: str) -> bool:
    """True when the KB's previous folder still holds an index with this id (a copy, not a move)."""
    if was is None:
        return False
    index = Path(settings.index.path).expanduser()
    other = (index if index.is_absolute() else was / index) / "catalog.sqlite"
    try:
        if not other.is_file() or other.resolve() == catalog_path(settings).resolve():
            return False
        with closing(sqlite3.connect(f"file:{other}?mode=ro", uri=True, timeout=5)) as db:
            row = db.execute("SELECT value FROM meta WHERE key='kb_id'").fetchone()
    except (OSError, sqlite3.Error):
        return False
    return bool(row and row[0] == kb_id)


def catalog_path(settings: Settings) -> Path:
    return settings.index_path / "catalog.sqlite"


def open_catalog(settings: Settings, *, create: bool = False) -> Catalog:
    return Catalog(catalog_path(settings), create=create)
