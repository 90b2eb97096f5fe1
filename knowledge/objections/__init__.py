"""Objections raised in sales calls, and how well the KB answers them (``canon objections``).

The steps, each cheap enough for thousands of calls:

1. **Candidates.** Every sentence of a prospect's turn (of every speaker's turn when a call does
   not say who is who) goes through :func:`skip_reason`, a lexical prefilter that drops what
   cannot carry an objection: backchannels, greetings, logistics, requests for material, very
   short fragments, a prospect restating their own volumes, buying signals ("I'll take it to the
   board") and questions asking for information ("does it support Spanish?"). Ingest embeds the sentences that pass,
   their turns (for context) and the short turns that may follow an objection up, and nothing
   else of a prospect's words (:func:`call_texts`).
2. **Detection.** A sentence is objection-like when its meaning is close to the KB's objection
   phrasings (``examples``, the opening and sections of ``objection`` entries) or to a small set of
   generic B2B objections (:data:`PROTOTYPES`) rather than to generic small talk
   (:data:`NON_OBJECTIONS`), with a lexicon of resistance cues ("worried", "we can't", "deal-breaker",
   "our procurement won't ..."), a seller acknowledging a concern in the reply ("that's a fair
   concern"), and a sentence being as close to an entry's examples as those examples are to one
   another (the entry's cohesion, so the bar follows the KB, not a corpus) as further evidence.
   A turn gives at most one mention per piece (a cue or entry of the transcript file).
   **Follow-ups** (:mod:`.followups`): a short elliptical turn carrying on the same prospect's
   mention after the seller's reply ("Not three years. One, maybe.") is a mention too when the
   trained detector reads the whole turn as an objection; it is filed with that mention. A
   sentence of a prospect's turn that answers the seller's reply to that same prospect's objection
   is detected at a lower bar (``context_detect``) when the trained detector is as sure of it as a
   cue makes a sentence ("Three years, with a way out if the funding goes."):
   :func:`.followups.carried_on`; it is placed by its own words. **Echoes**: a sentence the
   trained detector is sure of but far from every KB phrasing ("half our sites have no
   signal at all") is an objection when a prospect in another call says the same thing in a sentence
   as sure and as far from the KB (:func:`.detect.echoed`): a concern the KB does not name yet
   (behind ``Tuning.echo``, off: measured, it did not carry to a corpus it was not built on).
   **The blend** (:mod:`.blend`): a turn with no detected sentence is a mention when a logistic
   model over what detection knows of each of its pieces (the trained detector's probability for
   its sentences and the whole turn, closeness to the KB and to the prototypes, cues, the seller's
   acknowledgement, the dialogue, how far into the call it comes), fitted on the labelled
   development corpora, says so; it finds remarks the KB's phrasings do not name. **The add/drop
   model** (``Tuning.pieces``, on, in place of the blend: :func:`.blend.reweighed`) reads every
   piece, detected or not, with the same features and whether detection took it: it adds pieces
   as the blend does, from one bar, and drops detected pieces under another (a prospect telling
   their situation early in the call, far from every KB phrasing). **Read with the seller's turn**
   (``Tuning.context``, :mod:`.context`; off, with no weights shipped: measured in the eighteenth
   and nineteenth rounds, it cost too many right mentions for the strays): a piece still reported is
   set aside when a model over its own evidence and the seller's turn before it (a question about how
   things are today, a proposal or a price, whether it asks after an objection already raised) reads
   it as no objection, with the seller's question quoted as the reason.
   **An example's own words** (``Tuning.verbatim``, :mod:`.verbatim`): whatever the steps above made
   of it, a sentence (or a run of sentences of one piece) in the very words of an objection entry's
   example (word identity after the prefilter's cleaning, so a paraphrase never qualifies) is a
   mention of that entry, filed under it and saying why ("the words of an example of ...").
3. **Assignment and themes.** Mentions and the KB's objection entries are clustered together:
   average-linkage agglomerative clustering on cosine similarity in which every objection entry
   is a fixed seed that can absorb mentions but never merges with another entry. An entry absorbs
   a group only when the group is about as close to it as the entry's own examples are to each
   other (and never below ``link_entry``); closeness to an entry is read partly in the space of the
   concerns that hold up purchases (:func:`.themes.concern_closeness`), where words every concern
   shares ("data", "payroll", "price") count for nothing. A group of mentions that stays closer to itself than to
   any entry becomes a mined theme, named by a short noun phrase its calls share, or by a concern
   name closer to what they say (``theme/<slug>`` of the name, ``known: false``). One remark is not a theme: a mention left alone goes to its closest
   objection, entry or mined theme, unless it is unrelated to all of them (or, found by the blend
   alone, not close enough to an entry to go to it straight away). A remark that joined a theme
   through its neighbours but is little like the rest of it (``Tuning.theme_member``) leaves it and
   is placed as a lone remark is.
4. **Coverage.** For each objection and theme, the approved entries that answer it: those naming it
   in ``answers:`` first, then answers, proof points, case studies and messages whose passages are
   close in meaning to the objection's phrasings, then, where neither covers a mined theme, the
   one entry that stands out for what prospects said (its closeness and its margin over the next entry, a
   model fitted on the development corpora: :class:`.cover.CoverModel`), when it also stands out
   by concern (:func:`.cover.concern_standout`). Draft and retired
   entries never cover anything, a draft answer waiting is reported as the gap, and an objection
   entry never answers itself (SPEC section 9).

Each step is a module: :mod:`.prefilter` (1), :mod:`.detect` (2, with the trained detector in
``data/``), :mod:`.themes` (3, clustering in blocks so that memory grows linearly with the number
of mentions), :mod:`.names` (the noun phrases that name themes), :mod:`.cover` (4); :mod:`.verdicts` and :mod:`.review` hold
reviewers' verdicts (``verdicts/objections.yaml`` in the KB) and apply them to steps 2 and 3.

``find_objections`` runs all of it on the index and returns the JSON of SPEC section 6, which
``canon objections --format json`` prints and ``GET /v1/objections`` returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from knowledge.model import Call, Entry, roles_unknown

from . import context as context_step
from . import verbatim
from .absorb import AbsorbModel
from .blend import blended, reweighed
from .cover import ANSWERING_TYPES, CoverModel, _cover
from .detect import (
    NON_OBJECTIONS,
    PROTOTYPES,
    Detection,
    _cohesion,
    _prototype_vectors,
    concern_names,
    concern_texts,
    echoed,
    reference_texts,
    score_sentences,
)
from .followups import carried_on, find_follow_ups
from .model import DEFAULT_TUNING, Analysis, Mention, Objection, Tuning, VectorsFn, _unit
from .phrasings import entry_texts
from .prefilter import (
    MAX_WORDS,
    Candidate,
    acknowledges,
    asks_for_information,
    call_texts,
    candidates,
    clean,
    context_text,
    cue_score,
    eligible,
    skip_reason,
)
from .review import (
    apply_detection_verdicts,
    apply_theme_verdicts,
    corrections,
    recalibrate,
    review_seeds,
)
from .themes import _assign
from .verdicts import Verdict, follow_calls, load_verdicts

if TYPE_CHECKING:
    import numpy as np

    from knowledge.settings import Settings
    from knowledge.store import Chunk

def analyze(calls: Sequence[Call], entries: Sequence[Entry], vectors: VectorsFn, *,
            chunks: Sequence[Chunk] | None = None, tuning: Tuning = DEFAULT_TUNING,
            prototypes: tuple[np.ndarray, np.ndarray] | None = None,
            verdicts: Sequence[Verdict] = (), follow_ups: bool = True,
            cover_model: CoverModel | None = None, absorb_model: AbsorbModel | None = None) -> Analysis:
    """Find, match and mine the objections in ``calls`` against the KB ``entries``.

    ``vectors(texts)`` gives normalised embeddings; ``chunks`` are the index's (None: entries are
    read as they are); ``prototypes`` the vectors of :data:`PROTOTYPES` and
    :data:`NON_OBJECTIONS` when the caller has them cached; ``verdicts`` the reviewers'
    (:mod:`.verdicts`); ``follow_ups`` False leaves out the follow-ups of :mod:`.followups`;
    ``cover_model`` replaces the shipped coverage model (:mod:`.cover`), ``absorb_model`` the
    shipped model of what no entry covers (:mod:`.absorb`, used when ``tuning.absorb``).
    """
    import numpy as np

    verdicts, lost = follow_calls(verdicts, calls)
    by_path: dict[str, list[Chunk]] = {}
    for chunk in chunks or ():
        by_path.setdefault(chunk.path, []).append(chunk)

    def texts_of(e: Entry) -> dict[str, list[str]]:
        return entry_texts(e, by_path.get(e.path, []) if chunks is not None else None)

    objection_entries = [e for e in entries if e.type == "objection" and e.status != "retired"]
    # 1. Candidates, and their vectors (sentence and turn context).
    found: list[tuple[Call, Candidate]] = []
    turns_total = skipped_total = 0
    for call in calls:
        cands, turns, skipped = candidates(call)
        turns_total += turns
        skipped_total += skipped
        found.extend((call, c) for c in cands)
    sent_texts = [c.text for _, c in found]
    ctx_keys = list(dict.fromkeys((call.path, c.turn) for call, c in found))
    ctx_index = {k: i for i, k in enumerate(ctx_keys)}
    calls_by_path = {c.path: c for c in calls}
    ctx_texts = [context_text(calls_by_path[p].turns[t]) for p, t in ctx_keys]

    # Reference phrasings of the known objections.
    ref_texts: list[str] = []
    ref_owner: list[int] = []
    ref_example: list[bool] = []
    for i, e in enumerate(objection_entries):
        own = texts_of(e)
        for kind in ("example", "title", "section"):
            for t in own.get(kind, []):
                ref_texts.append(t)
                ref_owner.append(i)
                ref_example.append(kind == "example")
    dim_probe = vectors(sent_texts + ctx_texts + ref_texts)
    n_s, n_c = len(sent_texts), len(ctx_texts)
    S = dim_probe[:n_s]
    C = dim_probe[n_s:n_s + n_c]
    R = dim_probe[n_s + n_c:]
    owner = np.asarray(ref_owner, dtype=np.int64)
    if prototypes is None:
        P = vectors(list(PROTOTYPES))
        N = vectors(list(NON_OBJECTIONS))
    else:
        P, N = prototypes

    # 2. Detection, per candidate sentence.
    ctx_of = np.asarray([ctx_index[(call.path, c.turn)] for call, c in found], dtype=np.int64)
    det = score_sentences(found, S, R, owner, np.asarray(ref_example, dtype=bool), len(objection_entries), P, N,
                          tuning)
    decided = None
    if tuning.pieces and any(v.kind in ("mention", "assignment") for v in verdicts or ()):
        # what the add/drop model makes of the detector's own decision, so that a verdict on a
        # piece it dropped or added corrects it too (review._examples)
        decided = reweighed(found, C[ctx_of], det, det.detected, anywhere_guard=tuning.drop_anywhere)
    det = recalibrate(found, S, det, verdicts, tuning, decided)
    score, detected = det.score, det.detected
    detected = echoed(found, S, detected, det.learned, tuning)
    if follow_ups:
        detected = carried_on(found, detected, score, det.learned, tuning)
    by_blend = np.zeros(len(found), dtype=bool)
    if tuning.pieces:
        reread = reweighed(found, C[ctx_of], det, detected, anywhere_guard=tuning.drop_anywhere)
        by_blend = reread & ~detected
        detected = reread
    elif tuning.blend:
        by_blend = blended(found, C[ctx_of], det, detected) & ~detected
        detected = detected | by_blend
    set_aside: list[tuple[str, int, str]] = []
    if tuning.context:
        detected, set_aside = context_step.set_aside(found, C[ctx_of], det, detected, S, vectors)
    # An example's own words are a mention of its entry, whatever the models made of them (a
    # reviewer's verdict still wins).
    by_words = verbatim.said(found, verbatim.example_words(objection_entries)) if tuning.verbatim else {}
    detected = verbatim.taken(detected, by_words)
    said_at = {(found[i][0].path, found[i][1].line) for i in by_words}
    set_aside = [s for s in set_aside if s[:2] not in said_at]
    detected = apply_detection_verdicts(found, detected, verdicts)

    # One mention per turn (per piece of it): the sentences from its first to its last
    # objection-like one. It is matched by the turn as a whole plus those sentences, since the
    # sentence that sounds most like an objection ("that's my main worry") often names no topic.
    mentions: list[Mention] = []
    own_words: dict[int, int] = {}  # mention -> the entry whose example it says
    by_turn: dict[tuple[str, int, int], list[int]] = {}
    for i, (call, c) in enumerate(found):
        by_turn.setdefault((call.path, c.turn, c.piece), []).append(i)
    for (path, ti, _), idx in by_turn.items():
        hits = [i for i in idx if detected[i]]
        if not hits:
            continue
        span = idx[idx.index(hits[0]):idx.index(hits[-1]) + 1]
        call, first = found[span[0]]
        best = max(hits, key=lambda i: score[i])
        example_of = next((by_words[i] for i in span if i in by_words), None)
        if example_of is not None:
            own_words[len(mentions)] = example_of
        mentions.append(Mention(
            call=path, turn=ti, line=first.line, column=first.column, speaker=call.turns[ti].speaker,
            text=" ".join(found[i][1].raw.strip() for i in span), score=float(min(1.0, score[best])),
            vector=_unit(C[ctx_of[span[0]]] + S[span].mean(axis=0)),
            sentence_vector=_unit(S[span].mean(axis=0)),
            parts=[(found[i][1].raw.strip(), S[i]) for i in span], lines=[found[i][1].line for i in span],
            columns=[found[i][1].column for i in span], blended=all(by_blend[i] for i in hits),
            why=verbatim.why(objection_entries[example_of]) if example_of is not None else "",
        ))

    # 2b. Short turns carrying on a mention of the same prospect's, after the seller's reply.
    follow = find_follow_ups(calls, mentions, vectors) if follow_ups else []
    # A reviewer who said a follow-up is not an objection is heeded like one who said so of a sentence.
    follow = [(fu, a) for fu, a in follow
              if not any(v.kind == "mention" and v.verdict == "wrong" and v.refers_to(fu.call, fu.line, fu.text)
                         for v in verdicts)]

    # 3. Assignment and themes, with what reviewers said about them.
    seeds = review_seeds(mentions, verdicts, [e.id for e in objection_entries])
    seeded = objection_entries + seeds.themes
    names = concern_names()
    # Compared by a name with its few words: a bare name is too short to carry its meaning.
    concerns = (names, vectors(list(concern_texts()))) if mentions else None
    seeds = corrections(seeds, mentions, seeded, len(objection_entries), R, owner, ref_example, tuning, concerns)
    if seeds.phrasings:
        R = np.concatenate([R, np.stack([v for _, v in seeds.phrasings])]).astype(np.float32)
        owner = np.concatenate([owner, np.asarray([j for j, _ in seeds.phrasings], dtype=np.int64)])
        ref_example = ref_example + [False] * len(seeds.phrasings)
    for x, j in own_words.items():  # filed under the entry whose words they are, unless a reviewer said otherwise
        if x not in seeds.forced and j not in seeds.banned.get(x, set()):
            seeds.forced[x] = j
    cohesion = _cohesion(R, owner, np.asarray(ref_example, dtype=bool), len(seeded), tuning)
    objections = _assign(mentions, seeded, R, owner, tuning, cohesion, forced=seeds.forced, banned=seeds.banned,
                         concerns=concerns, absorb_model=absorb_model)
    # A follow-up goes where the objection it carries on went: clustered with the rest, it and its
    # anchor (one remark, said twice) would look like a theme of their own. (Placing it by its own
    # words instead, as a lone remark is placed, moved no mention on any corpus.)
    holder = {id(m): o for o in objections for m in o.mentions}
    for fu, anchor in follow:
        o = holder.get(id(anchor))
        if o is not None:
            fu.match = anchor.match
            o.mentions.append(fu)
            holder[id(fu)] = o
    objections = apply_theme_verdicts(objections, verdicts, {e.id for e in seeds.themes})

    # 4. Coverage.
    _cover(objections, entries, texts_of, vectors, R, owner, objection_entries, tuning, cover_model,
           concerns=concerns[1] if concerns is not None else None)

    objections.sort(key=lambda o: (-len(o.calls), -len(o.mentions), o.id))
    return Analysis(
        calls=len(calls), objections=objections,
        roles_unknown=roles_unknown(calls),
        turns=turns_total, skipped=skipped_total, sentences=n_s, detection=det,
        detected=mentions, follow_ups=[fu for fu, _ in follow], set_aside=set_aside,
        verdicts_applied=len(verdicts), verdicts_unmatched=lost,
    )



def analyze_context(ctx: Any, tuning: Tuning = DEFAULT_TUNING) -> Analysis:
    """Run :func:`analyze` on an audit context (the KB, its calls, vectors and chunks)."""
    return analyze(ctx.calls, ctx.kb.entries, ctx.vectors, chunks=ctx.chunks, tuning=tuning,
                   prototypes=_prototype_vectors(ctx.vectors), verdicts=load_verdicts(ctx.settings.root))


def find_objections(settings: Settings, *, today: date, vectors: Any = None, min_calls: int = 1,
                    embedder: Any = None) -> dict[str, Any]:
    """The JSON of SPEC section 6 for the KB at ``settings`` as the index holds it.

    ``today`` is accepted for symmetry with the audit (coverage does not depend on dates).
    """
    from knowledge.errors import UsageError

    if min_calls < 1:
        raise UsageError(f"min_calls must be at least 1, not {min_calls}")
    from knowledge.rules.objection_gap import gaps_marked_wrong

    del today
    analysis = analyze_settings(settings, vectors=vectors, embedder=embedder)
    out = analysis.to_dict(min_calls=min_calls)
    wrong = gaps_marked_wrong(analysis, settings.root)
    for o in out["objections"]:
        if o["id"] in wrong:
            o["gap_marked_wrong"] = True  # canon audit leaves its objection-gap out
    return out


def analyze_settings(settings: Settings, *, vectors: Any = None, embedder: Any = None) -> Analysis:
    """:func:`analyze` on the KB at ``settings`` as the index holds it, with its verdicts."""
    from knowledge.indexed import Vectors, load_indexed_calls, load_indexed_kb
    from knowledge.store import open_catalog

    catalog = open_catalog(settings)
    try:
        kb = load_indexed_kb(settings, catalog)
        calls, _ = load_indexed_calls(settings, catalog)
        vecs = vectors if vectors is not None else Vectors(settings, embedder, catalog)
        chunks = [c for c in catalog.chunks() if c.kind in ("example", "title", "section")]
        result = analyze(calls, kb.entries, vecs, chunks=chunks, prototypes=_prototype_vectors(vecs),
                         verdicts=load_verdicts(settings.root))
    finally:
        catalog.close()
    return result


__all__ = [
    "ANSWERING_TYPES", "DEFAULT_TUNING", "MAX_WORDS", "NON_OBJECTIONS", "PROTOTYPES",
    "Analysis", "Candidate", "Detection", "Verdict", "Mention", "Objection", "Tuning", "VectorsFn",
    "acknowledges", "analyze", "analyze_context", "analyze_settings", "asks_for_information", "call_texts", "candidates", "clean", "context_text",
    "cue_score", "eligible", "entry_texts", "find_objections", "load_verdicts", "reference_texts", "skip_reason",
]
