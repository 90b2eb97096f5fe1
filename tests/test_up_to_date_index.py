"""Once `canon ingest` has run, reading commands embed nothing: every vector they compare is in
the index already (the model is never loaded for an audit, objections or the AEO score)."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.pipeline import ingest
from knowledge.settings import load_settings


class _NoEmbedding:
    name = "fake-hash-384"
    dim = 384

    def embed(self, texts, **_):  # pragma: no cover - reaching it fails the test
        raise AssertionError(f"embedded {len(texts)} new texts, e.g. {list(texts)[:3]}")


def test_audit_and_objections_embed_nothing_on_an_up_to_date_index(example_kb, fake_embedder, monkeypatch):
    settings = load_settings(example_kb)
    ingest(settings, embedder=fake_embedder)
    from knowledge import embedding

    monkeypatch.setattr(embedding, "get_embedder", lambda purpose="bulk": _NoEmbedding())
    from knowledge.audit import run_audit

    report = run_audit(settings, today=date(2026, 11, 23))
    assert report.to_dict()["findings"]
    from knowledge.objections import find_objections

    assert find_objections(settings, today=date(2026, 11, 23))["objections"]


@pytest.mark.parametrize("rule", ["metric-conflict"])
def test_rule_filter_still_works_without_embedding(example_kb, fake_embedder, monkeypatch, rule):
    settings = load_settings(example_kb)
    ingest(settings, embedder=fake_embedder)
    from knowledge import embedding

    monkeypatch.setattr(embedding, "get_embedder", lambda purpose="bulk": _NoEmbedding())
    from knowledge.audit import run_audit

    run_audit(settings, today=date(2026, 11, 23), rules=[rule])
