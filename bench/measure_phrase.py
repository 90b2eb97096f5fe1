"""Whether what a figure measures (``knowledge.figures.measure``) separates statements
of one measure from look-alikes better than canon's score alone, on the hand-written calibration
pairs (``tests/data/matching/calibration.yaml``; none of it from a labelled corpus).

For each weight ``v`` the score is ``(1 - v) * score + v * phrase``, where ``score`` is canon's (the
mean of the sentence embedding cosine and the IDF-weighted clause words, ``LEXICAL_WEIGHT``) and
``phrase`` the similarity of the two measure phrases: IDF-weighted words ("lex") or the embedding
of the phrases ("emb"). Prints the area under the ROC curve of same against look-alike pairs (all,
and the in-context pairs alone), and for the in-context call sentences the share whose own metric
ranks first among all metric names (as ``bench/near_miss.py`` searches them).

    python bench/measure_phrase.py

Prints figures; asserts nothing. Loads the real embedding model.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import yaml

from knowledge import figures as M
from knowledge.figures import reading
from knowledge.figures.measure import embedded_phrase

CALIBRATION = Path(__file__).resolve().parents[1] / "tests" / "data" / "matching" / "calibration.yaml"
WEIGHTS = (0.0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5)


def _auc(same: np.ndarray, different: np.ndarray) -> float:
    a, b = same[:, None], different[None, :]
    return float(np.mean((a > b) + 0.5 * (a == b)))


def main() -> None:
    from knowledge.embedding import MiniLMNumpyEmbedder

    pairs = yaml.safe_load(CALIBRATION.read_text(encoding="utf-8"))
    model = MiniLMNumpyEmbedder()
    lexicon = M.Lexicon([t for k in pairs for p in pairs[k] for t in p])
    w = reading.LEXICAL_WEIGHT

    def embed(texts: list[str]) -> np.ndarray:
        return np.asarray(model.embed(texts))

    def parts(a: list[str], b: list[str]) -> dict[str, np.ndarray]:
        """Pairwise matrices: canon's score, and the two phrase similarities."""
        pa, pb = [embedded_phrase(x) for x in a], [embedded_phrase(x) for x in b]
        score = (1 - w) * (embed(a) @ embed(b).T) + w * (lexicon.vectors(a) @ lexicon.vectors(b).T)
        return {"score": score, "lex": lexicon.vectors(pa) @ lexicon.vectors(pb).T,
                "emb": embed(pa) @ embed(pb).T}

    def diagonal(kinds: tuple[str, ...]) -> dict[str, np.ndarray]:
        out: dict[str, list[np.ndarray]] = {}
        for k in kinds:
            m = parts([p[0] for p in pairs[k]], [p[1] for p in pairs[k]])
            for name, x in m.items():
                out.setdefault(name, []).append(np.diag(x))
        return {name: np.concatenate(x) for name, x in out.items()}

    same_all, diff_all = diagonal(("same", "same_in_context")), diagonal(("different", "different_in_context"))
    same_ctx, diff_ctx = diagonal(("same_in_context",)), diagonal(("different_in_context",))
    # retrieval: each in-context call sentence against every metric name of the file
    same = pairs["same_in_context"]
    metrics = sorted({p[0] for p in same + pairs["different_in_context"]})
    grid = parts([p[1] for p in same], metrics)
    own = np.array([metrics.index(p[0]) for p in same])

    print(f"{len(same_all['score'])} same-measure pairs, {len(diff_all['score'])} look-alikes; "
          f"retrieval: {len(same)} sentences against {len(metrics)} metric names")
    print(f"{'phrase':>6} {'v':>5} {'AUC all':>8} {'AUC ctx':>8} {'top-1':>6} {'mean gap':>9} "
          f"{'same p10':>9} {'same p50':>9} {'diff p75':>9} {'diff p90':>9}")
    for kind in ("lex", "emb"):
        for v in WEIGHTS:
            s_all = (1 - v) * same_all["score"] + v * same_all[kind]
            d_all = (1 - v) * diff_all["score"] + v * diff_all[kind]
            s_ctx = (1 - v) * same_ctx["score"] + v * same_ctx[kind]
            d_ctx = (1 - v) * diff_ctx["score"] + v * diff_ctx[kind]
            g = (1 - v) * grid["score"] + v * grid[kind]
            rows = np.arange(len(own))
            top1 = float(np.mean(g.argmax(1) == own))
            others = g.copy()
            others[rows, own] = -np.inf
            gap = float(np.mean(g[rows, own] - others.max(1)))
            print(f"{kind:>6} {v:>5.2f} {_auc(s_all, d_all):>8.3f} {_auc(s_ctx, d_ctx):>8.3f} {top1:>6.2f} "
                  f"{gap:>9.3f} {np.percentile(s_all, 10):>9.3f} {np.median(s_all):>9.3f} "
                  f"{np.percentile(d_all, 75):>9.3f} {np.percentile(d_all, 90):>9.3f}")
    # is the gain more than which pairs happened to be written? paired bootstrap over the pairs
    rng = np.random.default_rng(0)
    print("AUC gain over the score alone (all pairs), paired bootstrap, 2,000 resamples:")
    for kind in ("lex", "emb"):
        for v in (0.2, 0.3, 0.5):
            gains = []
            for _ in range(2000):
                i = rng.integers(0, len(same_all["score"]), len(same_all["score"]))
                j = rng.integers(0, len(diff_all["score"]), len(diff_all["score"]))
                base = _auc(same_all["score"][i], diff_all["score"][j])
                mixed = _auc((1 - v) * same_all["score"][i] + v * same_all[kind][i],
                             (1 - v) * diff_all["score"][j] + v * diff_all[kind][j])
                gains.append(mixed - base)
            lo, mid, hi = np.percentile(gains, [5, 50, 95])
            print(f"  {kind} v={v:.2f}: median {mid:+.3f}, 90% interval {lo:+.3f} to {hi:+.3f}")


if __name__ == "__main__":
    main()
