"""The floor's KB-relative evidence (``knowledge.search.kb_relative_features``): how far the best
candidate stands out from the question's cosines to the rest of the KB. Plain arithmetic on
cosines, so no model is needed."""

from __future__ import annotations

import numpy as np
import pytest

import knowledge.search as ks


def _question(sims: np.ndarray) -> list[ks.Candidate]:
    """Candidates as ``retrieve`` leaves them: the nearest passages' entries, with the KB's level."""
    level = ks._kb_level(sims.astype(np.float32))
    order = np.argsort(-sims)[:60]
    return [ks.Candidate(f"e{i}.md", cosine=float(sims[i]), vector_rank=r, kb_level=level)
            for r, i in enumerate(order.tolist(), 1)]


def test_the_level_is_the_90th_percentile_of_the_kb():
    sims = np.arange(1000, dtype=np.float32) / 1000
    assert ks._kb_level(sims) == pytest.approx(0.9, abs=2e-3)
    assert ks._kb_level(np.array([], dtype=np.float32)) == 0.0


def test_a_kb_written_in_other_words_keeps_the_lead_of_its_best_passage():
    rng = np.random.default_rng(7)
    sims = rng.normal(0.2, 0.05, 500)
    sims[3] = 0.55
    near = ks.kb_relative_features(_question(sims))["cos_lead_p90"]
    # The same question against a KB whose every passage meets it 0.15 less well: the absolute
    # cosine falls, the lead over the KB's level does not.
    far = ks.kb_relative_features(_question(sims - 0.15))["cos_lead_p90"]
    assert far == pytest.approx(near, abs=1e-5)
    assert near > 0.2


def test_a_question_the_whole_kb_meets_alike_has_no_lead():
    f = ks.kb_relative_features(_question(np.full(200, 0.4)))
    assert f["cos_lead_p90"] == pytest.approx(0.0, abs=1e-6)


def test_the_floor_reads_the_lead_and_no_candidates_give_none():
    assert "cos_lead_p90" in ks.FLOOR_FEATURES
    f = ks.floor_features([])
    assert set(ks.FLOOR_FEATURES) <= set(f)
    assert f["cos_lead_p90"] == 0.0


def test_retrieve_gives_every_candidate_the_kb_level_and_the_sample_agrees(tmp_path, fake_embedder):
    from ingest.pipeline import ingest
    from knowledge.settings import load_settings
    from knowledge.store import open_catalog
    from tests.conftest import write_kb

    pages = {f"answers/a{i}.md": f"---\ntype: answer\ntitle: Topic {i}\n---\n\n# Topic {i}\n\n"
             f"Customers in region {i} go live in {i + 2} weeks with {i * 3} seats.\n" for i in range(12)}
    kb = write_kb(tmp_path / "kb", pages, toml='[kb]\nname = "Levels"\n')
    settings = load_settings(kb)
    ingest(settings, embedder=fake_embedder)
    catalog = open_catalog(settings)
    cands, _ = ks.retrieve(settings, catalog, "How soon do customers go live?", fake_embedder)
    assert cands and len({c.kb_level for c in cands}) == 1
    qvec = np.asarray(fake_embedder.embed(["How soon do customers go live?"])[0], dtype=np.float32)
    vindex = ks._vector_index(catalog, len(qvec))
    assert vindex is not None
    assert cands[0].kb_level == pytest.approx(ks._kb_level(vindex.matrix @ qvec))
    # Above the exact-search limit the level comes from an even sample; under LEVEL_SAMPLE passages
    # the sample is every passage.
    sample = ks._level_sample(catalog, len(qvec))
    assert sample.shape == vindex.matrix.shape
    assert ks._kb_level(sample @ qvec) == pytest.approx(cands[0].kb_level)
    catalog.close()
