"""Whether a figure of a draft or a call that scores between ``BACK`` and ``CONFLICT`` against its
best registered metric misstates that metric, measured on the hand-written calibration pairs
(``tests/data/matching/calibration.yaml``, ``same_in_context`` / ``different_in_context``: a metric's
name against a sentence from a deck, a draft or a call; none of it from a labelled corpus).

Each call sentence is searched against every metric name in the file, scored as canon scores
(embedding and IDF-weighted words, ``LEXICAL_WEIGHT``). A "near miss" is a best metric scoring in
[BACK, CONFLICT) with no other metric within ``margin`` of it. It is right when the best metric is
the sentence's own measure; wrong when it is another one, or when the sentence's own metric is not
registered at all (the same sentences searched with their own metric left out, and the sentences
of ``different_in_context``, whose metric is not in the file).

    python bench/near_miss.py

Prints figures; asserts nothing. Loads the real embedding model.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import yaml

from knowledge import figures as M
from knowledge.figures import reading

CALIBRATION = Path(__file__).resolve().parents[1] / "tests" / "data" / "matching" / "calibration.yaml"


def main() -> None:
    from knowledge.embedding import MiniLMNumpyEmbedder

    pairs = yaml.safe_load(CALIBRATION.read_text(encoding="utf-8"))
    same, diff = pairs["same_in_context"], pairs["different_in_context"]
    metrics = sorted({p[0] for p in same + diff})
    model = MiniLMNumpyEmbedder()
    lexicon = M.Lexicon([t for k in pairs for p in pairs[k] for t in p])
    w = reading.LEXICAL_WEIGHT

    def score(a: list[str], b: list[str]) -> np.ndarray:
        cos = model.embed(a) @ model.embed(b).T
        lex = lexicon.vectors(a) @ lexicon.vectors(b).T
        return np.asarray((1 - w) * cos + w * lex)

    queries = [(p[1], p[0]) for p in same] + [(p[1], None) for p in diff]
    s = score([q for q, _ in queries], metrics)
    # each case: (scores over the pool, position of the sentence's own metric or -1)
    cases: list[tuple[np.ndarray, int]] = []
    for i, (_, own) in enumerate(queries):
        if own is None:
            cases.append((s[i], -1))
        else:
            k = metrics.index(own)
            cases.append((s[i], k))
            cases.append((np.delete(s[i], k), -1))  # its own metric not registered
    print(f"{len(metrics)} metric names, {len(same)} sentences of a registered measure, "
          f"{len(diff)} of another; each sentence of a registered measure also searched without it")
    print(f"{'margin':>7} {'fired':>6} {'right':>6} {'wrong':>6} {'precision':>9}")
    for margin in (0.0, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2):
        right = wrong = 0
        for row, own in cases:
            order = np.argsort(-row)
            best = float(row[order[0]])
            if not (M.BACK <= best < M.CONFLICT):
                continue
            if len(order) > 1 and float(row[order[1]]) > best - margin:
                continue
            if int(order[0]) == own:
                right += 1
            else:
                wrong += 1
        fired = right + wrong
        print(f"{margin:>7.2f} {fired:>6} {right:>6} {wrong:>6} {right / fired if fired else float('nan'):>9.2f}")


if __name__ == "__main__":
    main()
