"""``GET /v1/health`` answers from the last full diagnosis while a stat shows nothing changed, and
still says at once when files, the index or its writer changed; ``?full=true`` looks at everything."""

from __future__ import annotations

import os
import shutil

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from bench import drills
from ingest import doctor
from ingest.pipeline import ingest
from knowledge.settings import load_settings


@pytest.fixture
def served(tmp_path, fake_embedder, monkeypatch):
    """An indexed 10-entry KB, its client, and how many full diagnoses have run."""
    root = drills.make_kb(tmp_path / "kb", 10)
    settings = load_settings(root)
    ingest(settings, embedder=fake_embedder)
    runs: list[int] = []
    real = doctor.diagnose

    def counted(*args, **kwargs):
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(doctor, "diagnose", counted)
    client = TestClient(create_app(settings))
    return root, client, runs


def _problems(body: dict) -> dict[str, int]:
    return {p["code"]: p["count"] for p in body["problems"]}


def test_pass_a_repeated_probe_reuses_the_last_diagnosis(served):
    _, client, runs = served
    first = client.get("/v1/health").json()
    again = [client.get("/v1/health").json() for _ in range(5)]
    assert first["status"] == "ok" and first["age_s"] == 0.0 and len(runs) == 1
    assert all(b["status"] == "ok" and b["checked_at"] == first["checked_at"] for b in again)
    assert {k: v for k, v in again[-1].items() if k != "age_s"} == {k: v for k, v in first.items() if k != "age_s"}


def test_fail_an_edited_file_is_reported_at_once(served):
    root, client, runs = served
    assert client.get("/v1/health").json()["status"] == "ok"
    drills.edit(root, [3], revision=7)
    body = client.get("/v1/health").json()
    assert body["status"] == "degraded" and not body["up_to_date"] and _problems(body) == {"out-of-date": 1}
    assert len(runs) == 2


def test_fail_files_added_in_a_new_folder_or_removed_are_reported(served):
    root, client, _ = served
    assert client.get("/v1/health").json()["status"] == "ok"
    (root / "answers").mkdir()
    (root / "answers" / "new.md").write_text(drills.entry_text(99).replace("proof_point", "answer"))
    assert _problems(client.get("/v1/health").json()) == {"out-of-date": 1}
    shutil.rmtree(root / "answers")
    assert client.get("/v1/health").json()["status"] == "ok"
    drills.entry_path(root, 0).unlink()
    assert _problems(client.get("/v1/health").json()) == {"out-of-date": 1}


def test_pass_an_ingest_brings_it_back_to_ok(served, fake_embedder):
    root, client, _ = served
    drills.edit(root, [1], revision=2)
    assert client.get("/v1/health").json()["status"] == "degraded"
    ingest(load_settings(root), embedder=fake_embedder)
    body = client.get("/v1/health").json()
    assert body["status"] == "ok" and body["up_to_date"] and body["age_s"] == 0.0


def test_fail_full_sees_what_no_stat_shows_and_so_does_every_probe_past_max_age(served):
    root, client, runs = served
    assert client.get("/v1/health").json()["status"] == "ok"
    drills.lose_vectors(root, 2)  # behind the catalog's back: no file, catalog or lock changes
    assert client.get("/v1/health").json()["status"] == "ok"  # the cheap probe cannot know
    body = client.get("/v1/health", params={"full": "true"}).json()
    assert body["status"] == "degraded" and _problems(body) == {"missing-vectors": 2} and body["age_s"] == 0.0

    client.app.state.health.max_age = 0.0  # type: ignore[attr-defined]
    before = len(runs)
    assert [client.get("/v1/health").json()["status"] for _ in range(2)] == ["degraded", "degraded"]
    assert len(runs) == before + 2


def test_fail_a_search_after_an_edit_says_its_index_is_not_current_and_does_not_refresh_it(served, fake_embedder):
    root, client, runs = served
    client.app.state.index_check.every = 0.0  # type: ignore[attr-defined]  # ask at every search
    params = {"q": "time to go live", "limit": 2}
    fresh = client.get("/v1/search", params=params).json()
    assert "index_current" not in fresh and "hint" not in fresh  # the JSON of `canon ask`, unchanged
    # SQLite may checkpoint the catalog's WAL when the diagnosis's own connection closes, which the
    # stats see as one change more: at most one extra diagnosis, never one per search.
    for _ in range(5):
        assert "index_current" not in client.get("/v1/search", params=params).json()
    diagnoses = len(runs)
    assert "index_current" not in client.get("/v1/search", params=params).json() and len(runs) <= diagnoses + 1
    diagnoses = len(runs)

    drills.edit(root, [3], revision=7)
    stale = client.get("/v1/search", params=params).json()
    assert stale["index_current"] is False and "canon ingest" in stale["hint"] and "results" in stale
    for _ in range(10):
        assert client.get("/v1/search", params=params).json()["index_current"] is False
    # one diagnosis for the change (and at most one for a checkpoint), then a stat per search
    assert diagnoses + 1 <= len(runs) <= diagnoses + 2
    # the search did not bring the index up to date: the health probe still sees the edit
    assert _problems(client.get("/v1/health").json()) == {"out-of-date": 1}

    ingest(load_settings(root), embedder=fake_embedder)
    assert "index_current" not in client.get("/v1/search", params=params).json()


def test_fail_an_edit_of_the_same_size_in_the_same_timestamp_tick_is_still_seen(served):
    # Coarse mtimes (1 s on HFS+ or ext4 with small inodes, 2 s on FAT): an edit right after the
    # last write can keep both the mtime and the size; the stat alone would miss it.
    root, client, _ = served
    client.app.state.index_check.every = 0.0  # type: ignore[attr-defined]
    params = {"q": "time to go live", "limit": 2}
    assert "index_current" not in client.get("/v1/search", params=params).json()
    path = drills.entry_path(root, 3)
    before = path.stat()
    drills.edit(root, [3], revision=7)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the tick of the previous write
    assert path.stat().st_size == before.st_size
    assert client.get("/v1/search", params=params).json()["index_current"] is False
    assert _problems(client.get("/v1/health").json()) == {"out-of-date": 1}
    assert _problems(client.get("/v1/health", params={"full": "true"}).json()) == {"out-of-date": 1}


def test_fail_a_file_added_in_the_same_timestamp_tick_as_its_folders_last_change_is_still_seen(served):
    root, client, _ = served
    assert client.get("/v1/health").json()["status"] == "ok"
    folder = drills.entry_path(root, 0).parent
    before = folder.stat()
    drills.entry_path(root, 99).write_text(drills.entry_text(99))
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))  # the tick of the folder's last change
    assert folder.stat().st_size == before.st_size
    assert _problems(client.get("/v1/health").json()) == {"out-of-date": 1}


def test_pass_searches_ask_about_the_files_at_most_once_per_interval(served):
    root, client, runs = served
    check = client.app.state.index_check  # type: ignore[attr-defined]
    check.every = 3600.0
    params = {"q": "time to go live"}
    assert "index_current" not in client.get("/v1/search", params=params).json()
    asked = check._asked
    drills.edit(root, [2], revision=5)
    # within the interval a search takes the last answer: no stat walk, no diagnosis
    assert "index_current" not in client.get("/v1/search", params=params).json() and check._asked == asked
    check.every = 0.0
    assert client.get("/v1/search", params=params).json()["index_current"] is False


def test_pass_the_probe_never_opens_the_catalog_or_its_wal(served, monkeypatch):
    # SQLite holds POSIX locks on the catalog; closing any other descriptor of that file drops them
    # all, and an ingest then checkpoints and removes the WAL under the server's open connections
    # ("database disk image is malformed"). The catalog was just written: its mtime is racy.
    import builtins

    from knowledge.store import catalog_path

    root, client, _ = served
    catalog = str(catalog_path(load_settings(root)))
    opened: list[str] = []
    real = builtins.open

    def watched_open(file, *args, **kwargs):
        opened.append(os.fspath(file) if isinstance(file, (str, os.PathLike)) else "")
        return real(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", watched_open)
    for _ in range(3):
        assert client.get("/v1/health").json()["status"] == "ok"
    assert not [p for p in opened if p.startswith(catalog)]


def test_fail_a_check_that_raises_keeps_the_search_answering(served, monkeypatch):
    # A SQLite error during an ingest, say: the search has its answer already; it keeps the last
    # answer about the index and says nothing new.
    import sqlite3

    _, client, _ = served
    check = client.app.state.index_check  # type: ignore[attr-defined]
    check.every = 0.0

    def broken(**kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(client.app.state.health, "try_get", broken)  # type: ignore[attr-defined]
    response = client.get("/v1/search", params={"q": "time to go live"})
    assert response.status_code == 200 and "results" in response.json()
    assert "index_current" not in response.json()


def test_pass_a_search_does_not_wait_for_a_health_probe_in_progress(served):
    root, client, _ = served
    check = client.app.state.index_check  # type: ignore[attr-defined]
    check.every = 0.0
    drills.edit(root, [3], revision=7)
    health = client.app.state.health  # type: ignore[attr-defined]
    with health._lock:  # a full diagnosis under way: the search takes the last answer (current)
        assert "index_current" not in client.get("/v1/search", params={"q": "time to go live"}).json()
    assert client.get("/v1/search", params={"q": "time to go live"}).json()["index_current"] is False


def test_fail_the_hint_names_what_is_stale_an_old_chunker_or_edited_files(served):
    from knowledge.store import open_catalog

    root, client, _ = served
    client.app.state.index_check.every = 0.0  # type: ignore[attr-defined]
    params = {"q": "time to go live"}
    catalog = open_catalog(load_settings(root))
    with catalog.transaction():
        catalog.set_meta("chunker", "an older one")
    catalog.close()
    old = client.get("/v1/search", params=params).json()
    assert old["index_current"] is False
    assert old["hint"].startswith("the index was built by another version of canon: run `canon ingest`")
    assert "files changed" not in old["hint"]

    drills.edit(root, [3], revision=7)
    both = client.get("/v1/search", params=params).json()["hint"]
    assert both.startswith("the KB's files changed since the index was built")
    assert "another version of canon" in both


def test_pass_a_file_with_an_mtime_in_the_future_is_not_hashed_at_every_probe(served, monkeypatch):
    # An archive unpacked with its authors' times, or a clock skewed ahead: the mtime stays ahead
    # of the clock, and a racy file is read again at each probe; this one only when its stat changes.
    import time

    root, client, _ = served
    path = drills.entry_path(root, 3)
    ahead = time.time_ns() + 3600 * 10**9
    os.utime(path, ns=(ahead, ahead))
    assert client.get("/v1/health").json()["status"] == "ok"
    time.sleep(2.1)  # every other file's mtime is old enough now: one probe signs again with stats
    assert client.get("/v1/health").json()["status"] == "ok"
    hashed: list[str] = []
    real = doctor.content_hash

    def counted(data):
        hashed.append("x")
        return real(data)

    monkeypatch.setattr(doctor, "content_hash", counted)
    for _ in range(3):
        assert client.get("/v1/health").json()["status"] == "ok"
    assert hashed == []
    drills.edit(root, [3], revision=7)  # an edit now still shows
    assert _problems(client.get("/v1/health").json()) == {"out-of-date": 1}
