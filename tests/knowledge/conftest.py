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


@pytest.fixture(scope="module")
def prototypes(vectors: Any) -> Any:
    """The objection detector's reference vectors, embedded once per module (as an index keeps them)."""
    from knowledge.objections.detect import _prototype_vectors

    return _prototype_vectors(vectors)


@pytest.fixture(scope="module")
def frame() -> frozenset[str]:
    """The concern frame words fitted before the fourteenth round's absorption vetoes were measured
    (``bench/concern_frame.txt``), for the tests of the readings in ``bench/concern_objects.py`` and
    ``bench/concern_happens.py``."""
    from bench.concern_objects import load_frame

    got = load_frame()
    if not got:
        pytest.fail("no frame words (bench/concern_frame.txt)")
    return got
