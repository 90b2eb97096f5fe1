"""What the needs-a-source training writes goes where ``--out`` says."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.train_needs_source import DATA, kinds_path


@pytest.mark.parametrize(("out", "kinds"), [
    (DATA / "needs_source.json", DATA / "assertion.json"),  # the shipped files
    (Path("/tmp/trial/weights.json"), Path("/tmp/trial/assertion.json")),  # a trial run leaves them alone
])
def test_the_page_kinds_model_is_written_beside_the_weights(out: Path, kinds: Path) -> None:
    assert kinds_path(out) == kinds
