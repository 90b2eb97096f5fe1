"""The incremental pipeline against the real embedded Chroma store, with the fake embedder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.chunking import SEARCHABLE
from ingest.pipeline import index_is_current, ingest
from knowledge.search import search
from knowledge.settings import load_settings
from knowledge.store import open_catalog, open_store
from tests.conftest import REPO, write_kb

ENTRY = """---
type: proof_point
title: {title}
owner: ana@example.com
reviewed: 2026-10-01
sources:
  - title: 2026 rollout study
    date: 2026-05-01
metrics:
  - id: {mid}
    name: {name}
    value: {value}
    unit: weeks
    source: 2026 rollout study
---

# {title}

{body}
"""


def _entry(title: str, mid: str, name: str, value: int, body: str) -> str:
    return ENTRY.format(title=title, mid=mid, name=name, value=value, body=body)


def _kb(tmp_path: Path) -> Path:
    return write_kb(tmp_path / "kb", {
        "proof/go-live.md": _entry("Time to go live", "go-live", "median time to go live", 6,
                                   "Customers go live in a median of 6 weeks after kickoff."),
        "proof/support.md": _entry("Support response", "first-response", "first response time", 1,
                                   "Support answers every ticket within one week, most within hours."),
        "notes/plain.md": "# Plain notes\n\nNo front matter here; still an article with 3 figures like 40% growth.\n",
    }, toml='[kb]\nname = "Test Co"\n')


def _consistent(settings) -> None:
    """Every vector in Chroma is listed in the catalog and the other way round."""
    catalog = open_catalog(settings)
    try:
        model = catalog.get_meta("model")
        searchable = {c.id for c in catalog.chunks() if c.kind in SEARCHABLE}
    finally:
        catalog.close()
    assert open_store(settings, model).ids() == searchable


def test_first_ingest_indexes_every_entry(tmp_path, fake_embedder):
    settings = load_settings(_kb(tmp_path))
    report = ingest(settings, embedder=fake_embedder)
    assert report.files == 3
    assert sorted(report.added) == ["notes/plain.md", "proof/go-live.md", "proof/support.md"]
    assert report.texts_embedded > 0 and not report.problems
    _consistent(settings)
    hits = search(settings, "how long until customers go live", embedder=fake_embedder)["results"]
    assert hits[0]["entry"] == "proof/go-live"
    assert hits[0]["metrics"][0]["value"] == 6
    assert hits[0]["sources"][0]["title"] == "2026 rollout study"


def test_the_report_counts_chunks_as_the_health_probe_does(tmp_path, fake_embedder):
    from ingest.doctor import diagnose

    settings = load_settings(_kb(tmp_path))
    report = ingest(settings, embedder=fake_embedder).to_dict()
    counts = diagnose(settings).counts
    # "chunks" keeps its first meaning (every chunk listed); the two named counts are health's
    assert report["chunks"] == report["catalog_chunks"] > report["searchable_chunks"]
    assert report["searchable_chunks"] == counts["searchable_chunks"] == len(open_store(settings, report["model"]).ids())


def test_reingest_with_nothing_changed_embeds_nothing(tmp_path, fake_embedder):
    settings = load_settings(_kb(tmp_path))
    ingest(settings, embedder=fake_embedder)
    assert index_is_current(settings)
    again = ingest(settings, embedder=fake_embedder)
    assert again.texts_embedded == 0 and again.unchanged == 3 and not again.added and not again.changed


def test_changed_file_is_embedded_again_and_deleted_file_leaves(tmp_path, fake_embedder):
    root = _kb(tmp_path)
    settings = load_settings(root)
    first = ingest(settings, embedder=fake_embedder)
    (root / "proof/support.md").write_text(
        _entry("Support response", "first-response", "first response time", 2,
               "Support answers every ticket within two weeks."))
    (root / "notes/plain.md").unlink()
    assert not index_is_current(settings)
    report = ingest(settings, embedder=fake_embedder)
    assert report.changed == ["proof/support.md"] and report.removed == ["notes/plain.md"]
    assert 0 < report.texts_embedded < first.texts_embedded
    _consistent(settings)
    catalog = open_catalog(settings)
    try:
        paths = {r["path"] for r in catalog.records("entry")}
        assert paths == {"proof/go-live.md", "proof/support.md"}
        assert catalog.record("proof/support")["metrics"][0]["value"] == 2
    finally:
        catalog.close()
    results = search(settings, "plain notes growth", embedder=fake_embedder)["results"]
    assert all(r["path"] != "notes/plain.md" for r in results)


def test_broken_files_are_reported_and_good_ones_indexed(tmp_path, fake_embedder):
    root = _kb(tmp_path)
    (root / "broken.md").write_text("---\ntitle: [unclosed\n---\n# Broken\n")
    (root / "binary.md").write_bytes(b"\x00\x01\x02PNG")
    settings = load_settings(root)
    report = ingest(settings, embedder=fake_embedder)
    broken = {p.path: p for p in report.problems}
    assert {"broken.md", "binary.md"} <= set(broken)
    assert all(p.rule == "invalid-entry" and p.line >= 1 and p.message for p in broken.values())
    catalog = open_catalog(settings)
    try:
        assert {r["path"] for r in catalog.records("entry")} >= {"proof/go-live.md", "proof/support.md"}
    finally:
        catalog.close()


def _run_ingest(root: Path, kill_at: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CANON_EMBEDDER": "fake"}
    if kill_at:
        env["CANON_TEST_KILL_AT"] = kill_at
    return subprocess.run([sys.executable, "-m", "cli.main", "ingest", "--kb", str(root), "--format", "json"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("phase", ["embed", "stored", "switched"])
def test_sigkill_midway_leaves_a_usable_index_and_the_next_ingest_completes(tmp_path, fake_embedder, phase):
    root = _kb(tmp_path)
    assert _run_ingest(root).returncode == 0
    settings = load_settings(root)
    # Rewrite every entry so that the next ingest has real work in every phase.
    for i in range(40):
        (root / f"more/entry-{i}.md").parent.mkdir(exist_ok=True)
        (root / f"more/entry-{i}.md").write_text(
            _entry(f"Warehouse metric {i}", f"m-{i}", f"pick rate in zone {i}", i + 1, f"Zone {i} picks {i + 1} weeks early."))
    (root / "proof/go-live.md").write_text(
        _entry("Time to go live", "go-live", "median time to go live", 5, "Customers now go live in 5 weeks."))

    killed = _run_ingest(root, kill_at=phase)
    assert killed.returncode == -9, killed.stderr

    # The previous index (or, once switched, the new one) answers questions, with no stale vectors shown.
    result = search(settings, "how long until customers go live", embedder=fake_embedder)
    top = result["results"][0]
    assert top["entry"] == "proof/go-live"
    assert top["metrics"][0]["value"] == (5 if phase == "switched" else 6)
    paths = [r["path"] for r in result["results"]]
    assert len(paths) == len(set(paths))

    done = _run_ingest(root)
    assert done.returncode == 0, done.stderr
    assert index_is_current(settings)
    _consistent(settings)
    top = search(settings, "how long until customers go live", embedder=fake_embedder)["results"][0]
    assert top["metrics"][0]["value"] == 5


def test_a_new_chunker_version_reparses_without_embedding_again(tmp_path, fake_embedder, monkeypatch):
    settings = load_settings(_kb(tmp_path))
    ingest(settings, embedder=fake_embedder)
    import ingest.pipeline as pipeline

    monkeypatch.setattr(pipeline, "CHUNKER_VERSION", "test-next")
    assert not index_is_current(settings)
    report = ingest(settings, embedder=fake_embedder)
    assert len(report.changed) == 3 and report.texts_embedded == 0 and report.texts_reused > 0
    assert index_is_current(settings)
