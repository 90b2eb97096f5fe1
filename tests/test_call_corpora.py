"""The call corpora written here (``tests/data/corpora/quayside``, ``sablewood``, ``proscenia``) are what their
``build.py`` writes: the calls and their labels come from one source, so a label cannot drift from
the line it names."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import PROSCENIA, QUAYSIDE, SABLEWOOD

CORPORA = {"quayside": QUAYSIDE, "sablewood": SABLEWOOD, "proscenia": PROSCENIA}


def _build_module(corpus: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"{corpus.name}_build", corpus / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_calls_and_labels_are_what_build_writes(name: str, tmp_path: Path) -> None:
    corpus = CORPORA[name]
    build = _build_module(corpus)
    labelled = build.build(tmp_path)
    committed = corpus / "kb" / "calls"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in committed.iterdir())
    for p in tmp_path.iterdir():
        assert p.read_text(encoding="utf-8") == (committed / p.name).read_text(encoding="utf-8"), p.name
    assert build.labels(labelled) == json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    themes = {m["objection"] for items in labelled.values() for m in items if m["objection"].startswith("new:")}
    assert len(themes) == 3
    for theme in themes:  # each new theme is raised in two or more calls
        assert sum(any(m["objection"] == theme for m in items) for items in labelled.values()) >= 2, theme


def test_every_quayside_label_sits_on_a_prospect_turn_holding_its_words(tmp_path: Path) -> None:
    build = _build_module(QUAYSIDE)
    assert build.check(build.build(tmp_path), tmp_path) == []


def test_every_sablewood_label_sits_on_a_prospect_turn_holding_its_words(tmp_path: Path) -> None:
    build = _build_module(SABLEWOOD)
    labelled = build.build(tmp_path)
    assert build.check_lines(labelled, tmp_path) == []
    assert build.check_parser(labelled, tmp_path) == []


def test_every_proscenia_label_sits_on_a_prospect_turn_holding_its_words(tmp_path: Path) -> None:
    build = _build_module(PROSCENIA)
    labelled = build.build(tmp_path)
    assert build.check_lines(labelled, tmp_path) == []
    assert build.check_parsed(labelled, tmp_path) == []
