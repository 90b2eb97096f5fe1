"""Shared fixtures. Most tests use the deterministic fake embedder; tests marked ``model`` load the
real one, and tests marked ``server`` start real server processes on loopback."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
CORPORA = REPO.parent / "shared" / "corpora"
NORTHWIND = CORPORA / "northwind"
QUAYSIDE = REPO / "tests" / "data" / "corpora" / "quayside"
SABLEWOOD = REPO / "tests" / "data" / "corpora" / "sablewood"
PROSCENIA = REPO / "tests" / "data" / "corpora" / "proscenia"
DOCKETRY = REPO / "tests" / "data" / "corpora" / "docketry"
RAVELIN = REPO / "tests" / "data" / "corpora" / "ravelin"
WICKERBY = REPO / "tests" / "data" / "corpora" / "wickerby"
PELLUCID = REPO / "tests" / "data" / "corpora" / "pellucid"
CINDERWELL = REPO / "tests" / "data" / "corpora" / "cinderwell"
LANTERNFIELD = REPO / "tests" / "data" / "corpora" / "lanternfield"
INKBERRY = REPO / "tests" / "data" / "corpora" / "inkberry"
HOISTLEY = REPO / "tests" / "data" / "corpora" / "hoistley"
NETHERBY = REPO / "tests" / "data" / "corpora" / "netherby"
PLOTTWICK = REPO / "tests" / "data" / "corpora" / "plottwick"
YEWCOMBE = REPO / "tests" / "data" / "corpora" / "yewcombe"
SNOWLARK = REPO / "tests" / "data" / "corpora" / "snowlark"
BRACKENFORD = REPO / "tests" / "data" / "corpora" / "brackenford"
MOORQUAY = REPO / "tests" / "data" / "corpora" / "moorquay"
ROOKHAVEN = REPO / "tests" / "data" / "corpora" / "rookhaven"
SAFFRONLEIGH = REPO / "tests" / "data" / "corpora" / "saffronleigh"
GULLROCK = REPO / "tests" / "data" / "corpora" / "gullrock"
HAZELMERE = REPO / "tests" / "data" / "corpora" / "hazelmere"
TIDEWELL = REPO / "tests" / "data" / "corpora" / "tidewell"
COPPERLANE = REPO / "tests" / "data" / "corpora" / "copperlane"
GAVELBURY = REPO / "tests" / "data" / "corpora" / "gavelbury"
PENNOCK = REPO / "tests" / "data" / "corpora" / "pennock"
HIVEBURY = REPO / "tests" / "data" / "corpora" / "hivebury"
ASSAYMOOR = REPO / "tests" / "data" / "corpora" / "assaymoor"
CRADLEWICK = REPO / "tests" / "data" / "corpora" / "cradlewick"
SHAFTMERE = REPO / "tests" / "data" / "corpora" / "shaftmere"
SLEEPERTON = REPO / "tests" / "data" / "corpora" / "sleeperton"
PANELFORD = REPO / "tests" / "data" / "corpora" / "panelford"

# Never reach for a hub, whatever a test does.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture
def fake_embedder(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Select the fake embedder for code that calls get_embedder(), and return one."""
    from knowledge import embedding

    monkeypatch.setenv("CANON_EMBEDDER", "fake")
    embedding._cached_embedder.cache_clear()
    yield embedding.get_embedder("bulk")
    embedding._cached_embedder.cache_clear()


@pytest.fixture
def example_kb(tmp_path: Path) -> Path:
    """A private copy of the bundled example KB (without any index a developer built)."""
    dest = tmp_path / "kb"
    shutil.copytree(EXAMPLES / "kb", dest, ignore=shutil.ignore_patterns(".canon"))
    return dest


from bench.servers import free_port  # noqa: E402, F401 - the tests' name for it


def write_kb(root: Path, files: dict[str, str | bytes], toml: str | None = None) -> Path:
    """Write a small KB: {relative path: content}."""
    root.mkdir(parents=True, exist_ok=True)
    if toml is not None:
        (root / "canon.toml").write_text(toml)
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content)
    return root


SCORED_CALLS = {"northwind": NORTHWIND, "examples": EXAMPLES, "quayside": QUAYSIDE, "sablewood": SABLEWOOD,
                "proscenia": PROSCENIA, "docketry": DOCKETRY,
                "ravelin": RAVELIN, "wickerby": WICKERBY, "pellucid": PELLUCID,
                "cinderwell": CINDERWELL, "lanternfield": LANTERNFIELD, "inkberry": INKBERRY, "hoistley": HOISTLEY,
                "netherby": NETHERBY, "plottwick": PLOTTWICK, "yewcombe": YEWCOMBE, "snowlark": SNOWLARK,
                "brackenford": BRACKENFORD, "moorquay": MOORQUAY, "rookhaven": ROOKHAVEN,
                "saffronleigh": SAFFRONLEIGH, "gullrock": GULLROCK, "hazelmere": HAZELMERE,
                "tidewell": TIDEWELL, "copperlane": COPPERLANE, "gavelbury": GAVELBURY, "pennock": PENNOCK,
                "hivebury": HIVEBURY, "assaymoor": ASSAYMOOR, "cradlewick": CRADLEWICK, "shaftmere": SHAFTMERE,
                "sleeperton": SLEEPERTON, "panelford": PANELFORD}


def _call_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def echoes_of_calls(texts: Iterable[str], corpus: Path, run: int) -> list[str]:
    """The ``texts`` that share ``run`` words in a row with a call of the labelled ``corpus``: written
    training or test data must not echo what it will be scored on. Skips when the corpus is absent."""
    calls = corpus / "kb" / "calls"
    if not calls.is_dir():
        pytest.skip(f"{calls} is not there")
    runs: set[tuple[str, ...]] = set()
    for path in calls.iterdir():
        w = _call_words(path.read_text(encoding="utf-8", errors="replace"))
        runs.update(tuple(w[i:i + run]) for i in range(len(w) - run + 1))
    return [t for t in texts if any(tuple(w[i:i + run]) in runs
                                    for w in [_call_words(t)] for i in range(len(w) - run + 1))]


def fts_table(rows: list[tuple[str, str, str]]) -> sqlite3.Connection:
    """An in-memory copy of the catalog's full-text table holding ``(path, title, body)`` rows."""
    from knowledge import lexical

    db = sqlite3.connect(":memory:")
    db.executescript(lexical.SCHEMA)
    db.executemany("INSERT INTO entries_fts (path, title, body) VALUES (?, ?, ?)", rows)
    return db
