"""The operator drills of the index, small enough to run in seconds with the fake embedder:
racing writers, renames during an ingest, searches during ingests, copied and moved KBs, and
``canon doctor`` repairing a store that lost vectors. ``bench/bench_index.py`` runs them at scale."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from bench import drills
from cli.main import app
from ingest.doctor import diagnose
from ingest.pipeline import ingest
from knowledge.search import search
from knowledge.settings import load_settings
from knowledge.store import open_catalog, open_store
from tests.conftest import free_port
from tests.test_servers import chroma_server  # noqa: F401 - a fixture


def _fake_env() -> dict[str, str]:
    return drills.env(CANON_EMBEDDER="fake")


def test_two_ingests_racing_leave_a_whole_index(tmp_path, fake_embedder):
    root = drills.make_kb(tmp_path / "kb", 40)
    ingest(load_settings(root), embedder=fake_embedder)
    drills.edit(root, list(range(30)), revision=1)
    first = drills.start_ingest(root, _fake_env())
    second = drills.start_ingest(root, _fake_env())
    a, b = drills.finish(first), drills.finish(second)
    assert a.returncode == 0 and b.returncode == 0, a.stderr + b.stderr
    # One did the work; the other waited for it (and said so) and found nothing left to do.
    changed = sorted([len(a.report["changed"]), len(b.report["changed"])])
    assert changed == [0, 30]
    assert "Waiting for the ingest started by pid" in (a.stderr + b.stderr)
    assert drills.store_agrees(root)["problems"] == 0
    again = ingest(load_settings(root), embedder=fake_embedder)
    assert not again.changed and again.texts_embedded == 0 and not any(again.repaired.values())


def test_renames_during_an_ingest_lose_no_vector(tmp_path, fake_embedder):
    """Edit 150 files and ingest; rename 50 while it runs and ingest again."""
    root = drills.make_kb(tmp_path / "kb", 200)
    ingest(load_settings(root), embedder=fake_embedder)
    drills.edit(root, list(range(150)), revision=1)
    first = drills.start_ingest(root, _fake_env())
    drills.wait_for_writer(root, first.pid)  # rename while it works, not before it starts
    renamed = list(range(100, 150))
    drills.rename(root, renamed)
    second = drills.start_ingest(root, _fake_env())
    a, b = drills.finish(first), drills.finish(second)
    assert a.returncode == 0 and b.returncode == 0, a.stderr + b.stderr
    agree = drills.store_agrees(root)
    assert agree["missing_vectors"] == 0 and agree["orphan_vectors"] == 0 and agree["problems"] == 0
    for i in renamed[:10]:
        assert drills.top_hit(root, drills.title_of(i)) == f"proof/renamed-{i:05d}.md"
    again = ingest(load_settings(root), embedder=fake_embedder)
    assert not again.added and not again.changed and not again.removed and not any(again.repaired.values())
    assert again.entries == 200


@pytest.mark.server
def test_searches_never_fail_while_the_index_is_written(tmp_path, fake_embedder):
    """A real uvicorn server answers 8 client threads through 4 ingests and an audit's refresh."""
    root = drills.make_kb(tmp_path / "kb", 60)
    ingest(load_settings(root), embedder=fake_embedder)
    titles = [drills.title_of(i) for i in range(60)]
    with drills.serve(root, free_port(), _fake_env()) as base:
        served = drills.searches_through_ingests(root, base, _fake_env(), titles, entries=60, threads=8,
                                                  every=4)
    load, health = served.load, served.health
    assert served.failed_ingests == [], served.failed_ingests[0][-2000:]
    assert load.failures == [], load.failures[:5]
    assert load.empty == 0 and load.ok >= 16
    assert health["status"] == "ok" and health["up_to_date"] and health["vectors"] == health["chunks"]


def test_a_search_sees_one_state_of_the_index_when_an_ingest_commits_mid_search(tmp_path, fake_embedder,
                                                                                   monkeypatch):
    """A search reads the generation, the lexical rows and the entries in several statements; an
    ingest committing between them once gave a search an entry's old row number next to its new
    rows, so the entry looked unrelated to its own title and the answer was empty."""
    from knowledge import lexical

    root = drills.make_kb(tmp_path / "kb", 12)
    settings = load_settings(root)
    ingest(settings, embedder=fake_embedder)
    question = drills.title_of(3)
    quiet = search(settings, question, embedder=fake_embedder)
    assert quiet["answered"] and quiet["results"][0]["path"].endswith("entry-00003.md")
    lexical._matches.clear()  # the row numbers stay cached for this generation; the matches do not

    real = lexical.search
    raced: list[bool] = []

    def search_during_an_ingest(*args, **kwargs):
        if not raced:
            raced.append(True)
            drills.edit(root, [3], revision=1)  # rewrites entry 3's lexical row: a new row number
            assert ingest(load_settings(root), embedder=fake_embedder).changed
        return real(*args, **kwargs)

    monkeypatch.setattr(lexical, "search", search_during_an_ingest)
    raced_result = search(settings, question, embedder=fake_embedder)
    assert raced, "the ingest did not run inside the search"
    assert (raced_result["answered"], raced_result["confidence"], [r["path"] for r in raced_result["results"]]) == \
        (quiet["answered"], quiet["confidence"], [r["path"] for r in quiet["results"]])
    # The next search sees the new generation.
    after = search(settings, question, embedder=fake_embedder)
    assert after["answered"] and "revision 1" in str(after["results"][0])


def test_a_copied_moved_or_renamed_kb_answers_without_embedding(tmp_path, fake_embedder):
    root = drills.make_kb(tmp_path / "kb", 12)
    ingest(load_settings(root), embedder=fake_embedder)
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    report = ingest(load_settings(copy), embedder=fake_embedder)
    assert report.texts_embedded == 0 and report.unchanged == 12 and not any(report.repaired.values())
    assert drills.top_hit(copy, drills.title_of(3)) == "proof/entry-00003.md"
    moved = tmp_path / "elsewhere" / "renamed-kb"
    moved.parent.mkdir()
    root.rename(moved)
    # No ingest at all: the index answers from its new place.
    assert drills.top_hit(moved, drills.title_of(5)) == "proof/entry-00005.md"
    assert ingest(load_settings(moved), embedder=fake_embedder).texts_embedded == 0
    assert diagnose(load_settings(moved)).healthy


def test_doctor_repairs_a_store_that_lost_vectors(tmp_path, fake_embedder):
    root = drills.make_kb(tmp_path / "kb", 20)
    ingest(load_settings(root), embedder=fake_embedder)
    gone = drills.lose_vectors(root, 15)
    settings = load_settings(root)
    catalog = open_catalog(settings)
    try:
        lost = {c.path for c in catalog.chunks_by_id(gone).values()}
    finally:
        catalog.close()
    found = diagnose(settings)
    assert {p.code: p.count for p in found.problems} == {"missing-vectors": 15}

    runner = CliRunner()
    r = runner.invoke(app, ["doctor", "--kb", str(root), "--check"])
    assert r.exit_code == 1 and "missing-vectors" in r.output
    r = runner.invoke(app, ["doctor", "--kb", str(root), "--format", "json"])
    assert r.exit_code == 0, r.output
    import json

    result = json.loads(r.stdout)
    assert [p["code"] for p in result["before"]["problems"]] == ["missing-vectors"]
    assert result["after"]["healthy"] and result["after"]["counts"]["vectors"] == result["after"]["counts"]["searchable_chunks"]
    assert any("restored 15 missing" in a for a in result["actions"])
    assert runner.invoke(app, ["doctor", "--kb", str(root), "--check"]).exit_code == 0
    # Every entry whose vectors were lost is found again, and nothing was embedded to get there.
    for path in lost:
        i = int(path.split("-")[-1].removesuffix(".md"))
        assert drills.top_hit(root, drills.title_of(i)) == path


def test_doctor_removes_orphan_vectors_and_catalog_rows_of_unknown_files(tmp_path, fake_embedder):
    import numpy as np

    root = drills.make_kb(tmp_path / "kb", 8)
    settings = load_settings(root)
    ingest(settings, embedder=fake_embedder)
    catalog = open_catalog(settings)
    try:
        store = open_store(settings, catalog.get_meta("model") or "", catalog)
        store.upsert(["not-a-chunk"], np.ones((1, fake_embedder.dim), dtype=np.float32),
                     [{"origin": "entry", "record": "x", "path": "x.md", "kind": "title", "line": 1}])
        catalog.db.execute("INSERT INTO chunks VALUES ('stray', 'gone', 'gone.md', 'title', 1, 1, '', 'Gone', 'k')")
    finally:
        catalog.close()
    codes = {p.code for p in diagnose(settings).problems}
    assert {"orphan-vectors", "catalog-orphans", "missing-vectors"} <= codes
    r = CliRunner().invoke(app, ["doctor", "--kb", str(root)])
    assert r.exit_code == 0, r.output
    assert diagnose(settings).healthy


def test_health_says_when_the_index_disagrees(tmp_path, fake_embedder):
    from fastapi.testclient import TestClient

    from api.app import create_app

    root = drills.make_kb(tmp_path / "kb", 10)
    settings = load_settings(root)
    client = TestClient(create_app(settings))
    body = client.get("/v1/health").json()
    assert body["status"] == "degraded" and not body["indexed"]
    ingest(settings, embedder=fake_embedder)
    body = client.get("/v1/health").json()
    assert body["status"] == "ok" and body["up_to_date"] and body["entries"] == 10 and body["vectors"] == body["chunks"]
    drills.lose_vectors(root, 3)
    drills.edit(root, [0], revision=9)
    body = client.get("/v1/health").json()
    assert body["status"] == "degraded" and not body["up_to_date"]
    assert {p["code"]: p["count"] for p in body["problems"]} == {"out-of-date": 1, "missing-vectors": 3}


def test_no_kb_is_an_error_that_names_init_and_kb(tmp_path, monkeypatch, fake_embedder):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "note.md").write_text("# A note\n")
    runner = CliRunner()
    for args in (["ingest"], ["ask", "anything"], ["audit"], ["doctor"]):
        r = runner.invoke(app, args)
        assert r.exit_code == 2, (args, r.output)
        assert "canon init" in r.output and "--kb" in r.output
    assert not (tmp_path / ".canon").exists()
    # --kb . still means this folder.
    r = runner.invoke(app, ["ingest", "--kb", ".", "--format", "json"])
    assert r.exit_code == 0, r.output


def test_init_writes_a_commented_config_and_never_overwrites(tmp_path, monkeypatch, fake_embedder):
    kb = tmp_path / "handbook"
    runner = CliRunner()
    r = runner.invoke(app, ["init", str(kb), "--name", 'Acme "North"'])
    assert r.exit_code == 0, r.output
    text = (kb / "canon.toml").read_text()
    assert text.count("#") > 5
    assert load_settings(kb).kb.name == 'Acme "North"'
    (kb / "canon.toml").write_text('[kb]\nname = "Mine"\n')
    assert runner.invoke(app, ["init", str(kb)]).exit_code == 0
    assert (kb / "canon.toml").read_text() == '[kb]\nname = "Mine"\n'
    (kb / "sub").mkdir()
    (kb / "a.md").write_text("# Alpha pricing note\n\nPricing starts at 40 USD.\n")
    monkeypatch.chdir(kb / "sub")
    r = runner.invoke(app, ["ingest", "--format", "json"])  # found from a folder below
    assert r.exit_code == 0, r.output
    assert search(load_settings(kb), "Alpha pricing note", embedder=fake_embedder)["results"][0]["path"] == "a.md"


def test_a_busy_index_names_its_writer_and_a_killed_writer_frees_it(tmp_path):
    import os
    import signal
    import subprocess
    import sys

    from knowledge.errors import IndexBusy
    from knowledge.locking import read_holder, write_lock

    index = tmp_path / ".canon"
    code = ("import sys, time; from pathlib import Path; from knowledge.locking import write_lock\n"
            "with write_lock(Path(sys.argv[1]), 'ingest'):\n    print('held', flush=True); time.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", code, str(index)], cwd=drills.REPO, env=drills.env(),
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        seen = []
        with pytest.raises(IndexBusy) as exc:
            with write_lock(index, "ingest", wait=0.3, on_wait=seen.append):
                pass
        assert f"pid {holder.pid}" in exc.value.message and "lock_wait" in (exc.value.hint or "")
        assert [h.pid for h in seen] == [holder.pid]
        held = read_holder(index)
        assert held is not None and held.pid == holder.pid and held.purpose == "ingest"
        os.kill(holder.pid, signal.SIGKILL)  # no clean-up runs: the OS frees the lock all the same
        holder.wait(timeout=10)
        assert read_holder(index) is None
        with write_lock(index, "ingest", wait=5):
            with write_lock(index, "repair", wait=0):  # the same thread may take it again
                pass
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


@pytest.mark.server
def test_two_copies_sharing_a_chroma_server_keep_their_own_vectors(tmp_path, chroma_server, fake_embedder,  # noqa: F811
                                                                   monkeypatch):
    monkeypatch.setenv("CANON_INDEX_CHROMA_URL", chroma_server)
    root = drills.make_kb(tmp_path / "kb", 10)
    ingest(load_settings(root), embedder=fake_embedder)
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    forked = ingest(load_settings(copy), embedder=fake_embedder)
    assert forked.texts_embedded == 0
    # The copy diverges: its ingest must not delete what the original's catalog lists, nor the
    # original's ingest what the copy lists.
    drills.edit(copy, list(range(5)), revision=3)
    (copy / "proof" / "entry-00009.md").unlink()
    ingest(load_settings(copy), embedder=fake_embedder)
    drills.edit(root, [7], revision=4)
    ingest(load_settings(root), embedder=fake_embedder)
    for kb in (root, copy):
        assert diagnose(load_settings(kb)).healthy, kb
    assert drills.top_hit(root, drills.title_of(9)) == "proof/entry-00009.md"
    assert drills.top_hit(copy, drills.title_of(2)) == "proof/entry-00002.md"
    moved = tmp_path / "moved"
    copy.rename(moved)  # a move, not a copy: it keeps its collection
    again = ingest(load_settings(moved), embedder=fake_embedder)
    assert again.texts_embedded == 0 and not any(again.repaired.values())
    assert diagnose(load_settings(moved)).healthy


def test_an_index_of_the_layout_before_ids_is_read_then_moved_over_without_embedding(tmp_path, fake_embedder):
    """Indexes written before KB ids and store generations: one collection named after the KB's
    path and name in ``.canon/chroma``, no ``kb_id`` nor ``store_gen`` in the catalog."""
    from knowledge.store import VectorStore, generation_path, store_state

    root = drills.make_kb(tmp_path / "kb", 12)
    settings = load_settings(root)
    ingest(settings, embedder=fake_embedder)
    catalog = open_catalog(settings)
    try:
        model = catalog.get_meta("model") or ""
        _, gen = store_state(catalog)
        assert gen is not None
        current = open_store(settings, model, catalog)
        got = current.col.get(include=["embeddings", "metadatas"])
        legacy = VectorStore(settings, model, kb_id=None, location=settings.index_path / "chroma")
        legacy.upsert(got["ids"], got["embeddings"], got["metadatas"])
        legacy.close()
        for key in ("kb_id", "store_gen", "root"):
            catalog.db.execute("DELETE FROM meta WHERE key=?", (key,))
    finally:
        catalog.close()
    from knowledge.store import forget_stores

    forget_stores()
    shutil.rmtree(generation_path(settings, gen))
    assert drills.top_hit(root, drills.title_of(4)) == "proof/entry-00004.md"  # read as it was
    assert {p.code for p in diagnose(settings).problems} == {"old-layout"}
    report = ingest(settings, embedder=fake_embedder)
    assert report.texts_embedded == 0 and not report.changed
    assert not (settings.index_path / "chroma").exists()
    assert diagnose(settings).healthy
    assert drills.top_hit(root, drills.title_of(4)) == "proof/entry-00004.md"


def test_the_entry_count_printed_is_the_count_served(tmp_path, fake_embedder):
    from knowledge.browse import list_entries

    root = drills.make_kb(tmp_path / "kb", 6)
    (root / "proof" / "broken.md").write_text("---\ntitle: [unclosed\n---\n# Broken\n")
    (root / "proof" / "same-id.md").write_text(drills.entry_text(1).replace("title:", "id: proof/entry-00001\ntitle:", 1))
    r = CliRunner().invoke(app, ["ingest", "--kb", str(root)])
    assert r.exit_code == 0, r.output
    served = {e["id"] for e in list_entries(load_settings(root))["entries"]}
    assert len(served) < 8  # the second entry with a taken id is not served, whatever becomes of the broken one
    assert f"Indexed {len(served)} entries (from 8 files)" in " ".join(r.output.split())


def test_lock_wait_comes_from_the_config_and_the_environment(tmp_path):
    from knowledge.errors import ConfigError

    (tmp_path / "canon.toml").write_text("[index]\nlock_wait = 5\n")
    assert load_settings(tmp_path, environ={}).index.lock_wait == 5.0
    assert load_settings(tmp_path, environ={"CANON_INDEX_LOCK_WAIT": "0.5"}).index.lock_wait == 0.5
    (tmp_path / "canon.toml").write_text('[index]\nlock_wait = "soon"\n')
    with pytest.raises(ConfigError) as exc:
        load_settings(tmp_path, environ={})
    assert "lock_wait" in exc.value.message


def test_doctor_removes_store_folders_nothing_uses_but_not_while_a_write_fills_one(tmp_path, fake_embedder):
    from knowledge.locking import write_lock
    from knowledge.store import generation_path, store_state

    root = drills.make_kb(tmp_path / "kb", 6)
    settings = load_settings(root)
    ingest(settings, embedder=fake_embedder)
    drills.edit(root, [1], revision=2)
    ingest(settings, embedder=fake_embedder)
    catalog = open_catalog(settings)
    try:
        _, gen = store_state(catalog)
    finally:
        catalog.close()
    assert gen == 2 and generation_path(settings, 1).is_dir()  # the previous one, kept for readers
    stray = generation_path(settings, 7)  # e.g. left by an ingest killed while it filled it
    stray.mkdir()
    assert {p.code for p in diagnose(settings).problems} == {"leftover-stores"}
    import subprocess
    import sys

    code = ("import sys, time; from pathlib import Path; from knowledge.locking import write_lock\n"
            "with write_lock(Path(sys.argv[1]), 'ingest'):\n    print('held', flush=True); time.sleep(30)\n")
    holder = subprocess.Popen([sys.executable, "-c", code, str(settings.index_path)], cwd=drills.REPO,
                              env=drills.env(), stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        during = diagnose(settings)
        assert during.healthy and during.writing is not None and during.writing.pid == holder.pid
    finally:
        holder.kill()
        holder.wait()
    with write_lock(settings.index_path, "test", wait=5):
        pass
    r = CliRunner().invoke(app, ["doctor", "--kb", str(root)])
    assert r.exit_code == 0, r.output
    assert not stray.exists() and generation_path(settings, 1).is_dir() and generation_path(settings, 2).is_dir()
