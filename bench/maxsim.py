"""Late interaction (MaxSim) over all-MiniLM-L6-v2's token states, as floor signals: the question
read against the passage, token by token.

The index holds one vector per passage: the mean of the model's last hidden states, so a passage
about repositories meets a question about Mercurial repositories almost as well as one about Git
repositories. Here the states are kept per token instead (normalised, before pooling). For each
content word of the question (its words in the lexical side's IDF, i.e. no function words), the
best cosine of its word pieces with any token of the passage; then per passage:

- ``mean``: those best cosines averaged, weighted by the words' IDF;
- ``min``: the weakest word's best cosine: is there a word of the question the passage has
  nothing for (the certification, the cap, the region it asks about)?

and the same over the passage's best single sentence (the sentence's tokens, in the passage's
context, whose weighted mean is highest): ``sent_mean``, ``sent_min``.

Used by ``bench/train_search.py --maxsim`` (floor features ``ms_*``, see ``FLOOR_SIGNALS``) and
``bench/bench_search.py --maxsim``; token states are cached by text hash under ``bench/out/maxsim``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / "bench" / "out" / "maxsim"

# The lexical side's word pattern and normalisation (``knowledge.lexical.terms``), so that a
# question word meets its IDF weight.
_WORD = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*", re.UNICODE)
_CLITIC = re.compile(r"'(?:s|re|ve|ll|d|m)$")
# Sentence and line breaks inside a passage: a line that starts a list item, a table row, a
# heading or a bold label starts a new sentence.
_LINE_BREAK = re.compile(r"\n+")


def word_groups(text: str, offsets: Sequence[tuple[int, int]], idf: dict[str, float]) -> list[tuple[list[int], float]]:
    """The question's content words as (indices of their tokens, IDF weight), in order.

    ``offsets`` are the tokens' character spans in ``text`` (special tokens left out); a word the
    IDF does not weigh (a function word, a negated auxiliary) is left out."""
    out: list[tuple[list[int], float]] = []
    seen: set[str] = set()
    for m in _WORD.finditer(text.lower().replace("\u2019", "'")):
        w = m.group(0)
        if w.endswith("n't"):
            continue
        term = _CLITIC.sub("", w).replace("'", "")
        weight = idf.get(term)
        if weight is None or term in seen:
            continue
        pieces = [i for i, (a, b) in enumerate(offsets) if a < m.end() and b > m.start()]
        if pieces:
            seen.add(term)
            out.append((pieces, float(weight)))
    return out


def word_maxsims(question: Any, groups: list[tuple[list[int], float]], passage: Any) -> Any:
    """Per content word, the mean over its word pieces of the best cosine with a passage token.
    ``question`` and ``passage`` are ``(tokens, dim)`` arrays of unit rows."""
    import numpy as np

    if not groups or not len(passage):
        return np.zeros(len(groups), dtype=np.float32)
    best = (question @ passage.T).max(axis=1)
    return np.array([float(best[p].mean()) for p, _ in groups], dtype=np.float32)


def passage_signals(per_word: Any, weights: Any) -> tuple[float, float]:
    """(IDF-weighted mean, minimum) of the words' best cosines; (0, 0) for a question without
    content words."""
    import numpy as np

    if not len(per_word) or float(np.sum(weights)) <= 0:
        return 0.0, 0.0
    return float(np.dot(per_word, weights) / np.sum(weights)), float(per_word.min())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the passage's sentences (a line break ends one too)."""
    from knowledge.text.sentences import sentence_starts

    spans: list[tuple[int, int]] = []
    pos = 0
    for line in _LINE_BREAK.split(text):
        start = text.find(line, pos) if line else pos
        pos = start + len(line)
        if not line.strip():
            continue
        bounds = sentence_starts(line)
        for a, z in zip(bounds, bounds[1:], strict=False):
            if line[a:z].strip():
                spans.append((start + a, start + z))
    return spans or [(0, len(text))]


def best_sentence(question: Any, groups: list[tuple[list[int], float]], passage: Any,
                  offsets: Sequence[tuple[int, int]], spans: list[tuple[int, int]]) -> tuple[float, float]:
    """``passage_signals`` of the passage's sentence whose weighted mean is highest."""
    import numpy as np

    weights = np.array([w for _, w in groups], dtype=np.float32)
    best = (0.0, 0.0)
    for a, z in spans:
        rows = [i for i, (s, e) in enumerate(offsets) if s >= a and e <= z and e > s]
        if not rows:
            continue
        got = passage_signals(word_maxsims(question, groups, passage[rows]), weights)
        if got[0] > best[0]:
            best = got
    return best


class TokenStates:
    """Normalised last hidden states per text, without [CLS] and [SEP], with each token's
    character span; computed by the numpy forward pass and cached by text hash."""

    def __init__(self, embedder: Any, cache: Path | None = CACHE, static: bool = False) -> None:
        # Any of canon's real embedders: the numpy forward pass is the one with token states.
        self.numpy = getattr(embedder, "fallback", embedder)
        # ``static``: each word piece's input embedding instead of its contextual state (no forward
        # pass: what a query could afford), never cached.
        self.static = static
        self.cache = None if static else cache
        self.states: dict[str, tuple[Any, list[tuple[int, int]]]] = {}
        self.computed = 0
        self.seconds = 0.0
        self._loaded = False

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode()).hexdigest()

    def _file(self) -> Path | None:
        return self.cache / f"{self.numpy.name.replace('/', '_')}.npz" if self.cache else None

    def _load(self) -> None:
        import numpy as np

        self._loaded = True
        f = self._file()
        if f is None or not f.exists():
            return
        d = np.load(f)
        keys, lengths, flat, offs = d["keys"].tolist(), d["lengths"], d["states"], d["offsets"]
        at = 0
        for k, n in zip(keys, lengths.tolist(), strict=True):
            self.states[k] = (flat[at:at + n].astype(np.float32), [tuple(o) for o in offs[at:at + n].tolist()])
            at += n

    def save(self) -> None:
        import numpy as np

        f = self._file()
        if f is None or not self.computed:
            return
        f.parent.mkdir(parents=True, exist_ok=True)
        keys = list(self.states)
        np.savez(f, keys=np.array(keys), lengths=np.array([len(self.states[k][1]) for k in keys]),
                 states=np.concatenate([self.states[k][0] for k in keys]).astype(np.float16),
                 offsets=np.array([o for k in keys for o in self.states[k][1]], dtype=np.int32).reshape(-1, 2))

    def ensure(self, texts: Sequence[str]) -> None:
        import time

        if not self._loaded:
            self._load()
        todo = sorted({t for t in texts if self.key(t) not in self.states})
        if not todo:
            return
        t0 = time.perf_counter()
        for start in range(0, len(todo), 16):
            part = todo[start:start + 16]
            states = static_states(self.numpy, part) if self.static else compute_states(self.numpy, part)
            for t, got in zip(part, states, strict=True):
                self.states[self.key(t)] = got
        self.seconds += time.perf_counter() - t0
        self.computed += len(todo)

    def get(self, text: str) -> tuple[Any, list[tuple[int, int]]]:
        self.ensure([text])
        return self.states[self.key(text)]


def compute_states(numpy_embedder: Any, texts: Sequence[str]) -> list[tuple[Any, list[tuple[int, int]]]]:
    """Per text, its tokens' normalised last hidden states and character spans (the numpy forward
    pass of ``knowledge.embedding.MiniLMNumpyEmbedder``, tokenised as it tokenises)."""
    import numpy as np

    tokenizer, bert = numpy_embedder._load()
    lower = bool(numpy_embedder._st_config.get("do_lower_case"))
    encs = tokenizer.encode_batch([t.lower() if lower else t for t in texts])
    length = max(len(e.ids) for e in encs)
    ids = np.zeros((len(encs), length), dtype=np.int64)
    mask = np.zeros((len(encs), length), dtype=np.int64)
    for r, e in enumerate(encs):
        ids[r, :len(e.ids)] = e.ids
        mask[r, :len(e.ids)] = 1
    hidden = bert.last_hidden(ids, mask)
    out = []
    for r, e in enumerate(encs):
        rows = [i for i, s in enumerate(e.special_tokens_mask) if not s]
        x = hidden[r, rows]
        x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), np.float32(1e-12))
        out.append((x.astype(np.float32), [tuple(e.offsets[i]) for i in rows]))
    return out


_static_table: dict[str, Any] = {}


def static_states(numpy_embedder: Any, texts: Sequence[str]) -> list[tuple[Any, list[tuple[int, int]]]]:
    """Per text, its word pieces' input embeddings (the model's first layer, before any context),
    normalised, with their character spans: the same shape as ``compute_states``."""
    import numpy as np

    tokenizer = numpy_embedder._load_tokenizer()
    table = _static_table.get("words")
    if table is None:
        w = numpy_embedder.weights()["embeddings.word_embeddings.weight"].astype(np.float32)
        table = _static_table["words"] = w / np.maximum(np.linalg.norm(w, axis=1, keepdims=True), np.float32(1e-12))
    lower = bool(numpy_embedder._st_config.get("do_lower_case"))
    out = []
    for e in tokenizer.encode_batch([t.lower() if lower else t for t in texts]):
        rows = [i for i, s in enumerate(e.special_tokens_mask) if not s]
        out.append((table[[e.ids[i] for i in rows]], [tuple(e.offsets[i]) for i in rows]))
    return out


# Floor signals (per question): over the best candidate's best passage (``top1``), the best of the
# three best candidates' passages (``top3``), and the ten passages nearest in meaning (``near``).
FLOOR_SIGNALS = ("ms_mean_top1", "ms_min_top1", "ms_mean_top3", "ms_min_top3", "ms_sent_mean_top1",
                 "ms_sent_min_top1", "ms_sent_mean_top3", "ms_sent_min_top3", "ms_mean_near", "ms_min_near")


def question_signals(question: str, idf: dict[str, float], ranked: list[Any], near: list[Any],
                     states: TokenStates) -> dict[str, float]:
    """The ``FLOOR_SIGNALS`` of one question: ``ranked`` are its candidates best first (each with
    its best passage as ``chunk``), ``near`` the passages nearest in meaning."""
    import numpy as np

    q_states, q_offsets = states.get(question)
    groups = word_groups(question, q_offsets, idf)
    weights = np.array([w for _, w in groups], dtype=np.float32)
    out = dict.fromkeys(FLOOR_SIGNALS, 0.0)
    if not groups:
        return out

    def of(chunk: Any, sentences: bool = True) -> tuple[float, float, float, float]:
        p_states, p_offsets = states.get(chunk.text)
        mean, low = passage_signals(word_maxsims(q_states, groups, p_states), weights)
        if not sentences:
            return mean, low, 0.0, 0.0
        s_mean, s_low = best_sentence(q_states, groups, p_states, p_offsets, sentence_spans(chunk.text))
        return mean, low, s_mean, s_low

    tops = [of(c.chunk) for c in ranked[:3] if c.chunk is not None]
    if tops:
        out["ms_mean_top1"], out["ms_min_top1"], out["ms_sent_mean_top1"], out["ms_sent_min_top1"] = tops[0]
        out["ms_mean_top3"] = max(t[0] for t in tops)
        out["ms_min_top3"] = max(t[1] for t in tops)
        out["ms_sent_mean_top3"] = max(t[2] for t in tops)
        out["ms_sent_min_top3"] = max(t[3] for t in tops)
    nears = [of(c, sentences=False)[:2] for c in near]
    if nears:
        out["ms_mean_near"] = max(t[0] for t in nears)
        out["ms_min_near"] = max(t[1] for t in nears)
    return out


def main() -> None:
    """What the signals would cost a query: token states of the best passages, by the numpy
    forward pass and through ONNX Runtime (the encoder alone, as a pooled embedding of the same
    texts costs the same), on the passages of one KB already indexed under ``bench/out/search``."""
    import argparse
    import statistics
    import sys
    import time

    sys.path.insert(0, str(REPO))
    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--kb", default="real-labelled", help="an indexed copy under bench/out/search")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()

    import knowledge.search as ks
    from knowledge.embedding import MiniLMNumpyEmbedder, OnnxEmbedder
    from knowledge.settings import load_settings
    from knowledge.store import open_catalog

    catalog = open_catalog(load_settings(REPO / "bench" / "out" / "search" / args.kb))
    vindex = ks._vector_index(catalog, int(catalog.get_meta("dim")))
    assert vindex is not None
    texts = [c.text for c in vindex.chunks]
    numpy_embedder, onnx_embedder = MiniLMNumpyEmbedder(), OnnxEmbedder()
    onnx_embedder.load()
    tokens = sorted(len(i) for i in numpy_embedder.tokenize(texts))
    print(f"{args.kb}: {len(texts)} passages, tokens per passage median {tokens[len(tokens) // 2]}, "
          f"p90 {tokens[int(len(tokens) * 0.9)]}")
    compute_states(numpy_embedder, texts[:2])
    onnx_embedder.embed(texts[:2])
    for n in (1, 3, 10):
        for name, run in (("numpy token states", lambda p: compute_states(numpy_embedder, p)),
                          ("onnx encoder", lambda p: onnx_embedder.embed(p))):
            times = []
            for r in range(args.repeat):
                part = [texts[(r * 7 + k * 13) % len(texts)] for k in range(n)]
                t0 = time.perf_counter()
                run(part)
                times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            print(f"  {n:>2} passages, {name:<19} median {statistics.median(times):6.1f} ms, "
                  f"p95 {times[int(len(times) * 0.95) - 1]:6.1f} ms", flush=True)


if __name__ == "__main__":
    main()
