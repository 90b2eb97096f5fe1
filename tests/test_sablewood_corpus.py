"""The Sablewood corpus (``tests/data/corpora/sablewood``) is what its ``build.py`` writes: the calls
and their labels come from one source, so a label cannot drift from the line it names."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from tests.conftest import SABLEWOOD


def _build_module():
    spec = importlib.util.spec_from_file_location("sablewood_build", SABLEWOOD / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_calls_and_labels_are_what_build_writes(tmp_path: Path) -> None:
    build = _build_module()
    labelled = build.build(tmp_path)
    committed = SABLEWOOD / "kb" / "calls"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in committed.iterdir())
    for p in tmp_path.iterdir():
        assert p.read_text(encoding="utf-8") == (committed / p.name).read_text(encoding="utf-8"), p.name
    assert build.labels(labelled) == json.loads((SABLEWOOD / "labels.json").read_text(encoding="utf-8"))


def test_every_label_sits_on_a_prospect_turn_holding_its_words(tmp_path: Path) -> None:
    build = _build_module()
    labelled = build.build(tmp_path)
    assert build.check_lines(labelled, tmp_path) == []
    assert build.check_parser(labelled, tmp_path) == []
    themes = {m["objection"] for items in labelled.values() for m in items if m["objection"].startswith("new:")}
    assert len(themes) == 3
    for theme in themes:  # each new theme is raised in two or more calls
        assert sum(any(m["objection"] == theme for m in items) for items in labelled.values()) >= 2, theme
