"""Theme names: the noun-phrase chunker (:mod:`knowledge.objections.names`) on sentences, and the
namer on synthetic themes written with the name a reviewer would give (``tests/data/theme_names``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.objections.names import candidates, chunks, is_noun_phrase, name_theme, stem, words
from tests.conftest import SCORED_CALLS, echoes_of_calls

THEMES = json.loads((Path(__file__).parents[1] / "data" / "theme_names" / "themes.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("text", "want"), [
    # fillers, modals, negations and the verb after them are no part of a name
    ("pet parents ah they will not download one more app", [("pet", "parents"), ("app",)]),
    ("if we gotta run cards through your system thats a non starter", [("cards",), ("system",)]),
    # a verb after a subject, a modal or "to"; a noun stays one after "to"
    ("We can't require the owners to upload invoices to a portal.", [("owners",), ("invoices",), ("portal",)]),
    # joiners inside a name, never at its ends
    ("Half our work is in basements and crawlspaces.", [("basements", "and", "crawlspaces")]),
    ("the transfer of ownership and", [("transfer", "of", "ownership")]),
    # a common verb used as a noun after a determiner, but not after a subject
    ("our works council will want a say", [("works", "council")]),
    ("it works fine for us", []),
    # an adverb or an adjective by its ending, or a past form, heads nothing
    ("The data has to be stored locally.", [("data",)]),
    ("Trial data can't leave our validated environment.", [("trial", "data"), ("validated", "environment")]),
    ("That is really expensive.", []),
    # after a form of "be", only an -ing word is a verb
    ("they're individuals and we're paying twice", [("individuals",)]),
    # a clause's verb after its one-noun subject, but a noun before a modal or a negation is the subject
    ("where the data sits", [("data",)]),
    ("If a blind patron can't choose a seat on their own", [("blind", "patron"), ("seat",)]),
    ("when the driver will not log in", [("driver",)]),
])
def test_chunks(text: str, want: list[tuple[str, ...]]) -> None:
    assert chunks(text) == want


def test_candidates_are_the_spans_of_a_chunk_that_end_at_a_head() -> None:
    got = candidates("Our claims system integration is thirty years old.")
    assert {("claims", "system", "integration"), ("system", "integration"), ("integration",),
            ("claims", "system"), ("system",), ("claims",)} == got
    assert ("basements", "and") not in candidates("basements and crawlspaces")
    assert ("and", "crawlspaces") not in candidates("basements and crawlspaces")


def test_words_and_stems() -> None:
    assert words("We\u2019re not sure, honestly.") == ["we're", "not", "sure", "honestly"]
    assert [stem(w) for w in ("owners", "policies", "access", "status", "data")] == \
        ["owner", "policy", "access", "status", "data"]


@pytest.mark.parametrize(("name", "ok"), [
    ("supplier portal", True), ("data sovereignty", True), ("basements and crawlspaces", True),
    ("self-hosted deployment", True), ("pet parents", True), ("works council", False),  # "works": a common verb
    ("pet parents ah will not download", False), ("use payment not if must then", False),
    ("singapore entity regulated compliance team has", False), ("purchasing tool", True),
    ("price too high", False), ("budget not available", False), ("data stored", False),
    ("and crawlspaces", False), ("it", False), ("", False), ("trust in claims", True), ("claims in", False),
])
def test_is_noun_phrase(name: str, ok: bool) -> None:
    assert is_noun_phrase(name) is ok


def test_a_theme_is_named_by_what_its_calls_share() -> None:
    mentions = [("calls/a.vtt", "If they have to sign up for some supplier portal, they won't."),
                ("calls/b.vtt", "Asking two hundred vendors to log into a supplier portal is not realistic."),
                ("calls/b.vtt", "They barely answer email as it is.")]
    docs = [t for _, t in mentions] + ["We need the invoices approved faster.", "Our portal is fine."]
    assert name_theme(mentions, docs) == "supplier portal"
    # said in one call only: nothing shared; the best phrase of any mention when one is asked for
    assert name_theme(mentions[1:], docs) is None
    assert name_theme(mentions[1:], docs, least_calls=1) is not None
    # calls that share a word but no phrase: the phrase around the word
    owners = [("calls/a.vtt", "Each store is an independent owner, so head office can't make them."),
              ("calls/b.vtt", "You'd be selling to a hundred and twenty separate owners, not to us.")]
    name = name_theme(owners, [t for _, t in owners] + ["The price is more than we pay today."])
    assert name is not None and name.split()[-1].startswith("owner") and is_noun_phrase(name)
    # filler and number words shared: no name
    assert name_theme([("calls/a.vtt", "we gotta see twenty"), ("calls/b.vtt", "gotta have twenty")], docs) is None


# Sentences of the synthetic set that share six words with a call written after them, blind: a
# Cinderwell call (2026-12-06, eighth round) asks "And who at your company can see the driver data?"
WRITTEN_BEFORE = {"cinderwell": ["Who at your company can see the guest data once it's uploaded?"]}


@pytest.mark.parametrize("corpus", sorted(SCORED_CALLS))
def test_no_synthetic_sentence_is_taken_from_a_scored_corpus(corpus: str) -> None:
    """Six words in a row shared with a scored call would make the set an echo of that corpus."""
    texts = [m["text"] for t in THEMES["themes"] for m in t["mentions"]]
    assert echoes_of_calls(texts, SCORED_CALLS[corpus], 6) == WRITTEN_BEFORE.get(corpus, [])


def _on_topic(name: str, theme: dict) -> bool:
    want = {stem(w) for w in words(" ".join([theme["name"], *theme["also"]]))}
    return bool({stem(w) for w in words(name)} & want)


def test_synthetic_themes_are_named_by_noun_phrases_on_their_topic() -> None:
    """Words alone (no vectors, no concern names): every theme whose calls share a phrase or a
    word gets a noun phrase, and the names say what a reviewer's name says."""
    docs = [m["text"] for t in THEMES["themes"] for m in t["mentions"]]
    assert len(THEMES["themes"]) >= 40 and len({t["industry"] for t in THEMES["themes"]}) >= 10
    names = []
    for theme in THEMES["themes"]:
        mentions = [(m["call"], m["text"]) for m in theme["mentions"]]
        name = name_theme(mentions, docs) or name_theme(mentions, docs, least_calls=1)
        assert name is not None, theme["name"]
        names.append((name, theme))
    # "works council" is the one the definition refuses ("works" is one of the commonest verbs)
    assert [n for n, _ in names if not is_noun_phrase(n)] == ["works council"]
    assert sum(_on_topic(n, t) for n, t in names) / len(names) >= 0.9


def test_abbreviations_in_capitals_are_nouns() -> None:
    assert chunks("Our data has to stay in the EU region.") == [("data",), ("EU", "region")]
    assert chunks("It is not for us, IT said no.") == [("IT",)]
    assert chunks("OK, NO WAY.") == []


def test_a_stutter_is_read_once() -> None:
    assert chunks("our singapore entity entity is regulated") == [("singapore", "entity")]


@pytest.mark.model
def test_synthetic_themes_named_with_the_real_model() -> None:
    """As ``canon objections`` names them: the real model's vectors for the mentions and the
    concern names of ``data/concerns.txt``."""
    import numpy as np

    from knowledge.embedding import get_embedder
    from knowledge.objections import DEFAULT_TUNING
    from knowledge.objections.detect import concern_names, concern_texts
    from knowledge.objections.model import Mention, Objection, _unit
    from knowledge.objections.themes import theme_label

    embedder = get_embedder("query")

    def vectors(texts: list[str]) -> np.ndarray:
        return np.asarray(embedder.embed(list(texts)), dtype=np.float32)

    docs = [m["text"] for t in THEMES["themes"] for m in t["mentions"]]
    V = dict(zip(docs, vectors(docs), strict=True))
    names = concern_names()
    concerns = (names, vectors(list(concern_texts())))
    got = []
    for theme in THEMES["themes"]:
        mentions = [Mention(call=m["call"], turn=i, line=i + 1, column=1, speaker="p", text=m["text"], score=1.0,
                            vector=_unit(V[m["text"]]), sentence_vector=_unit(V[m["text"]]))
                    for i, m in enumerate(theme["mentions"])]
        name = theme_label(Objection(id="", label="", known=False, mentions=mentions), docs, concerns,
                           DEFAULT_TUNING.concern_label)
        assert name is not None
        got.append((name, _on_topic(name, theme)))
    assert [n for n, _ in got if not is_noun_phrase(n)] == ["works council approval"]  # a name of concerns.txt
    assert sum(on for _, on in got) / len(got) >= 0.9


def test_a_clauses_verb_after_its_subject_is_no_part_of_a_name() -> None:
    assert chunks("because of where the data sits") == [("data",)]
    assert chunks("because our data lives in the US") == [("data",), ("US",)]
    assert chunks("if the app needs a connection") == [("app",), ("connection",)]
    # a subject of two nouns: nothing is decided
    assert chunks("where the supplier portal sits") == [("supplier", "portal", "sits")]


def test_every_concern_has_a_noun_phrase_name_and_a_few_words() -> None:
    from knowledge.objections.detect import concern_names, concern_texts

    texts, names = concern_texts(), concern_names()
    assert len(texts) == len(names) >= 100 and len(set(names)) == len(names)
    for text, name in zip(texts, names, strict=True):
        assert text.startswith(name + ": ") and 2 <= len(text.split(":", 1)[1].split()) <= 12, text


def _theme(*said: tuple[str, str, list[float]]):  # type: ignore[no-untyped-def]
    import numpy as np

    from knowledge.objections.model import Mention, Objection, _unit

    mentions = []
    for i, (call, text, vec) in enumerate(said):
        v = _unit(np.asarray(vec, dtype=np.float32))
        mentions.append(Mention(call=call, turn=i, line=i + 1, column=1, speaker="p", text=text, score=1.0,
                                vector=v, sentence_vector=v, parts=[(text, v)]))
    return Objection(id="", label="", known=False, mentions=mentions)


def test_a_theme_sharing_one_word_is_named_by_the_concern_a_remark_says() -> None:
    """Its calls share only "job"; one remark says "offline" and is close to "offline access":
    that concern names the theme, though the theme's centre is far from it."""
    import numpy as np

    from knowledge.objections.themes import SAID_CONCERN, concern_said, theme_label

    concerns = (("offline access", "high price"), np.asarray([[1, 0, 0], [0, 0, 1]], dtype=np.float32))
    theme = _theme(("a.vtt", "If I have to climb out to close a job, I'm going back to paper.", [0, 1, 0]),
                   ("b.vtt", "We need it to work offline, all day.", [1, 0.3, 0]),
                   ("b.vtt", "Opening the job needs a connection.", [0, 1, 0]))
    docs = [mt.text for mt in theme.mentions] + ["The price is fine.", "Our team likes it."]
    assert theme_label(theme, docs, None, 0.4) == "job"  # no concerns: the one word the calls share
    said = concern_said(theme, concerns, SAID_CONCERN)
    assert said is not None and said[0] == "offline access" and said[1] > SAID_CONCERN
    assert theme_label(theme, docs, concerns, 0.99) == "offline access"
    # a concern the remarks do not say in so many words, however close, does not name it
    far = (("network connectivity",), np.asarray([[1, 0, 0]], dtype=np.float32))
    assert concern_said(theme, far, SAID_CONCERN) is None
    assert theme_label(theme, docs, far, 0.99) == "job"
    # nor one taken by another theme, nor one too far from the remark that says it
    assert concern_said(theme, concerns, SAID_CONCERN, taken={"offline access"}) is None
    assert concern_said(theme, concerns, 0.99) is None
    # a phrase of two words the calls share comes first
    portal = _theme(("a.vtt", "Nobody will log into a supplier portal offline.", [0.6, 1, 0]),
                    ("b.vtt", "A supplier portal is a non-starter.", [0, 1, 0]))
    assert theme_label(portal, docs, concerns, 0.99) == "supplier portal"
