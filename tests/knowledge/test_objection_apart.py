"""New themes kept apart (``knowledge/objections/apart.py``): a mention an entry absorbed by topic
leaves it when it stands out less from the calls' ordinary sentences than from other calls'
mentions; synthetic vectors stand in for the embedding model."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.model import Entry
from knowledge.objections import DEFAULT_TUNING, Mention
from knowledge.objections.apart import FEATURES, SameConcern, evidence, load_same_concern
from knowledge.objections.themes import _assign

DIM = 256
ENTRY = Entry(id="objections/forecast", path="objections/forecast.md", type="objection", title="Trust in the forecast")
# Doubts a mention that stands out from other calls' mentions more than from the calls' sentences.
MODEL = SameConcern(coef=(0.4, -0.9), intercept=1.3)


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


@pytest.fixture
def space() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(11)
    topic, known, new = (_unit(v) for v in rng.standard_normal((3, DIM)))
    return {"rng": rng, "topic": topic, "known": known, "new": new}  # type: ignore[dict-item]


def _mention(call: str, k: int, v: np.ndarray) -> Mention:
    return Mention(call=call, turn=k, line=10 + k, column=1, speaker="P", text=f"remark {k}", score=1.0,
                   vector=v, sentence_vector=v, parts=[(f"remark {k}", v)])


def _corpus(space: dict[str, np.ndarray], new_calls: tuple[str, ...]) -> tuple[list[Mention], np.ndarray, np.ndarray]:
    rng = space["rng"]
    topic, known, new = space["topic"], space["known"], space["new"]

    def near(*parts: np.ndarray, noise: float) -> np.ndarray:
        return _unit(sum(parts) + noise * _unit(rng.standard_normal(DIM)))  # type: ignore[arg-type]

    # Everything the calls say is about the topic, so the entry (the topic and its own concern)
    # sits at about 0.5 of the calls' ordinary sentences; its rightly placed mentions at about
    # 0.75, and the new concern's at about 0.5 too, under the 0.65 its two remarks are to each other.
    R = near(topic, known, noise=0.0)[None, :]
    background = np.stack([near(topic, 0.1 * known, noise=1.1) for _ in range(60)])
    right = [_mention(f"calls/right-{k}.txt", k, near(topic, known, noise=1.3)) for k in range(3)]
    other = [_mention(call, 10 + k, near(topic, 0.45 * new, noise=0.8)) for k, call in enumerate(new_calls)]
    return right + other, R, background


def test_features_say_where_a_mention_stands_out(space: dict[str, np.ndarray]) -> None:
    mentions, R, background = _corpus(space, ("calls/a.txt", "calls/b.txt"))
    V = np.stack([m.vector for m in mentions])
    to_entry = (V @ R.T).astype(np.float32)
    xs, homes, X = evidence(mentions, V, to_entry, [list(range(len(mentions)))], background, R, np.zeros(1, np.int64))
    assert xs == list(range(len(mentions))) and set(homes) == {0} and X.shape == (len(mentions), len(FEATURES))
    peer_z, entry_z = X[:, 0], X[:, 1]
    # The rightly placed remarks stand out from the calls' sentences; the new concern does not,
    # but each of its two remarks has a closer peer in another call than the average pair.
    assert entry_z[:3].min() > entry_z[3:].max()
    assert peer_z[3:].min() > 0.5


def test_a_new_concern_raised_in_two_calls_leaves_the_entry(space: dict[str, np.ndarray]) -> None:
    mentions, R, background = _corpus(space, ("calls/a.txt", "calls/b.txt"))
    owner = np.zeros(1, np.int64)
    # Without the decision the entry absorbs everything: the new concern is as close to it as
    # the calls' ordinary sentences are.
    out = _assign(mentions, [ENTRY], R, owner, DEFAULT_TUNING)
    assert [(o.known, len(o.mentions)) for o in out] == [(True, 5)]
    out = _assign(mentions, [ENTRY], R, owner, DEFAULT_TUNING, background=background, apart=MODEL)
    assert sorted((o.known, sorted(m.call for m in o.mentions)) for o in out) == [
        (False, ["calls/a.txt", "calls/b.txt"]),
        (True, [f"calls/right-{k}.txt" for k in range(3)]),
    ]


def test_one_call_is_not_a_theme(space: dict[str, np.ndarray]) -> None:
    mentions, R, background = _corpus(space, ("calls/a.txt", "calls/a.txt"))
    out = _assign(mentions, [ENTRY], R, np.zeros(1, np.int64), DEFAULT_TUNING, background=background, apart=MODEL)
    assert [(o.known, len(o.mentions)) for o in out] == [(True, 5)]


def test_the_shipped_decision_reads_the_features_it_was_trained_on() -> None:
    model = load_same_concern()
    assert model is not None and len(model.coef) == len(FEATURES)
    # A near mention in another call speaks for a new concern; standing out from the calls'
    # sentences in closeness to the entry speaks for the entry.
    assert model.coef[0] > 0 > model.coef[1]
    p = model.probability(np.asarray([[2.0, -1.0], [-1.0, 2.0]], np.float32))
    assert p[0] > 0.5 > p[1]


def test_a_theme_whose_calls_share_a_word_but_no_phrase_is_named_around_that_word() -> None:
    from knowledge.objections.themes import _terms, phrase_label, shared_word_phrase

    mentions = [("calls/a.txt", "each store is an independent owner and they decide what runs there"),
                ("calls/b.txt", "So you'd be selling to a hundred and twenty separate owners, not to us."),
                ("calls/c.txt", "We can't require anything of the stores.")]
    docs = [_terms(t) for _, t in mentions] + [_terms("The forecast has to be right for our stores."),
                                               _terms("Our stores order twice a week.")]
    assert phrase_label(mentions, docs) is None
    # "store" is said in every call but everywhere else too; "owner" in two calls and nowhere else.
    assert shared_word_phrase(mentions, docs) in ("independent owner", "separate owners")
    # a word said in one call only names nothing
    assert shared_word_phrase(mentions[:1], docs) is None
