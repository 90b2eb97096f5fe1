"""knowledge's public names all resolve, and importing the package loads nothing heavy."""

from __future__ import annotations

import subprocess
import sys

import knowledge
from tests.conftest import REPO


def test_every_public_name_resolves():
    for name in knowledge.__all__:
        assert getattr(knowledge, name) is not None, name


def test_importing_knowledge_is_cheap():
    code = ("import sys, knowledge; "
            "print(sorted(m for m in ('numpy', 'torch', 'chromadb', 'fastapi', 'typer') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
