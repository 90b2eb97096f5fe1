"""Where the claim models' training writes its weights (``--out``), and how canon reads a weights file."""

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


def test_a_weights_file_that_is_missing_unreadable_or_no_object_turns_its_model_off(tmp_path: Path) -> None:
    from knowledge.claims.linear import read_weights

    (tmp_path / "list.json").write_text("[1, 2]")
    (tmp_path / "bad.json").write_text("{not json")
    (tmp_path / "ok.json").write_text('{"coef": [1.0]}')
    assert read_weights(str(tmp_path / "missing.json")) is None
    assert read_weights(str(tmp_path / "bad.json")) is None
    assert read_weights(str(tmp_path / "list.json")) is None
    assert read_weights(str(tmp_path / "ok.json")) == {"coef": [1.0]}
