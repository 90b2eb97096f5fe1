"""The floor's KB-relative evidence (``knowledge.search.kb_relative_features``): how far the best
candidate stands out from the question's similarity to the rest of the KB. Plain arithmetic on
cosines, so no model is needed."""

from __future__ import annotations

import numpy as np
import pytest

import knowledge.search as ks


def _question(sims: np.ndarray, bm25: list[float]) -> list[ks.Candidate]:
    """Candidates as ``retrieve`` leaves them: one per passage here, best by meaning first."""
    level = ks._kb_level(sims.astype(np.float32))
    top = sorted(bm25, reverse=True)
    level.update(bm25_top=top[0], bm25_5=top[4], bm25_10=top[9])
    order = np.argsort(-sims)[:60]
    return [ks.Candidate(f"e{i}.md", cosine=float(sims[i]), vector_rank=r, kb_level=level)
            for r, i in enumerate(order.tolist(), 1)]


def test_a_kb_written_in_other_words_keeps_the_lead_of_its_best_passage():
    rng = np.random.default_rng(7)
    sims = rng.normal(0.2, 0.05, 500)
    sims[3] = 0.55
    bm25 = list(rng.uniform(1, 5, 30))
    near = ks.kb_relative_features(_question(sims, bm25))
    # The same question against a KB whose every passage meets it 0.15 less well: absolute cosines
    # fall, the lead over the KB's level does not.
    far = ks.kb_relative_features(_question(sims - 0.15, [b * 0.5 for b in bm25]))
    for k in near:
        assert far[k] == pytest.approx(near[k], abs=1e-5), k
    assert near["cos_lead_mean"] == pytest.approx(0.55 - float(np.mean(sims.astype(np.float32))), abs=1e-5)
    assert near["cos_z"] > 5
    assert near["cos_lead_5"] > 0.1


def test_a_question_the_whole_kb_meets_alike_has_no_lead():
    sims = np.full(200, 0.4)
    f = ks.kb_relative_features(_question(sims, [2.0] * 30))
    assert f["cos_lead_mean"] == pytest.approx(0.0, abs=1e-6)
    assert f["cos_lead_p90"] == pytest.approx(0.0, abs=1e-6)
    assert f["cos_lead_10"] == pytest.approx(0.0, abs=1e-6)
    assert f["bm25_lead_10"] == pytest.approx(0.0)


def test_no_candidates_give_no_evidence():
    f = ks.kb_relative_features([])
    assert f and set(f.values()) == {0.0}
    assert set(f) <= set(ks.floor_features([]))
