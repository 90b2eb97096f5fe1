"""Fixtures shared by the knowledge tests."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest


@pytest.fixture(scope="module")
def vectors() -> Any:
    """The real model's vectors, as an index computes them (the model tests need it, as CI has it; a
    missing model fails): ``vectors(texts)`` -> an array of normalised float32 rows."""
    from knowledge.embedding import get_embedder

    embedder = get_embedder("bulk")
    return lambda texts: np.asarray(embedder.embed(list(texts)), dtype=np.float32)
