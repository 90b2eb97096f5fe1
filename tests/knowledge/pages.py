"""One line on one page of a tiny KB, audited: the shared fixture of the terms-page case sets
(tests/knowledge/test_terms_pages_r18.py, test_terms_evidence_r18.py and
tests/knowledge/rules/test_own_terms_sixteenth.py). The KB is one proof point registering the
industry's metrics (:func:`tests.knowledge.test_identity_r13._entry`) and the page; the audit runs
with the real embedding model on 2026-11-01."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

# a message entry holding ``line`` under its title; ``extra``: more front matter (a kind, a category)
PAGE = """---
type: message
title: {title}
{extra}owner: ana@example.com
reviewed: 2026-10-01
---

# {title}

{line}
"""


def page_findings(kb: dict[str, Any], path: str, title: str, line: str, rules: Sequence[Any],
                  extra: str = "") -> list[Any]:
    """The findings of ``rules`` on the page at ``path`` (titled ``title``, holding ``line``) of the KB
    whose proof point registers ``kb``'s metrics."""
    from ingest.kb import load_kb
    from knowledge.audit import audit
    from knowledge.embedding import MiniLMNumpyEmbedder
    from knowledge.rules import AuditContext
    from knowledge.settings import load_settings
    from tests.knowledge.test_identity_r13 import _entry

    with tempfile.TemporaryDirectory() as d:
        root = Path(d) / "kb"
        root.mkdir()
        settings = load_settings(root, environ={})
        files = {"proof/results.md": _entry(kb).encode(),
                 path: PAGE.format(title=title, extra=extra, line=line).encode()}
        ctx = AuditContext(settings=settings, kb=load_kb(settings, files=files), today=date(2026, 11, 1),
                           calls=[], vectors=MiniLMNumpyEmbedder().embed)
        return [f for f in audit(ctx, tuple(rules)).findings if f.path == path]
