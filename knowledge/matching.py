"""The figure matching under its former name: see :mod:`knowledge.figures`.

Kept so that modules written against ``knowledge.matching`` (rules, ingest's chunking) keep
working while they move to ``knowledge.figures``.
"""

from __future__ import annotations

from knowledge.figures import *  # noqa: F403
from knowledge.figures import __all__ as __all__
from knowledge.figures.reading import _about_the_listener as _about_the_listener
