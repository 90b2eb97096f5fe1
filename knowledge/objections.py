"""Objections raised in sales calls, and how well the KB answers them (``canon objections``).

The steps, each cheap enough for thousands of calls:

1. **Candidates.** Every sentence of a prospect's turn (of every speaker's turn when a call does
   not say who is who) goes through :func:`skip_reason`, a lexical prefilter that drops what
   cannot carry an objection: backchannels, greetings, logistics, requests for material, very
   short fragments, a prospect restating their own volumes. Ingest embeds the sentences that pass
   and their turns (for context), and nothing else of a prospect's words (:func:`call_texts`).
2. **Detection.** A sentence is objection-like when its meaning is close to the KB's objection
   phrasings (``examples``, the opening and sections of ``objection`` entries) or to a small set of
   generic B2B objections (:data:`PROTOTYPES`) rather than to generic small talk
   (:data:`NON_OBJECTIONS`), with a lexicon of resistance cues ("worried", "we can't", "deal-breaker",
   "our procurement won't ..."), a seller acknowledging a concern in the reply ("that's a fair
   concern"), and a sentence being as close to an entry's examples as those examples are to one
   another (the entry's cohesion, so the bar follows the KB, not a corpus) as further evidence.
   A turn gives at most one mention per piece (a cue or entry of the transcript file).
3. **Assignment and themes.** Mentions and the KB's objection entries are clustered together:
   average-linkage agglomerative clustering on cosine similarity in which every objection entry
   is a fixed seed that can absorb mentions but never merges with another entry. An entry absorbs
   a group only when the group is about as close to it as the entry's own examples are to each
   other (and never below ``link_entry``). A group of mentions that stays closer to itself than to
   any entry becomes a mined theme, labelled by its most central mention (``theme/<slug>``,
   ``known: false``). One remark is not a theme: a mention left alone goes to its closest
   objection, entry or mined theme, unless it is unrelated to all of them.
4. **Coverage.** For each objection and theme, the approved entries that answer it: those naming it
   in ``answers:`` first, then answers, proof points, case studies and messages whose passages are
   close in meaning to the objection's phrasings. Draft and retired entries never cover anything,
   and an objection entry never answers itself (SPEC section 9).

``find_objections`` runs all of it on the index and returns the JSON of SPEC section 6, which
``canon objections --format json`` prints and ``GET /v1/objections`` returns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from .model import Call, Entry, Turn

if TYPE_CHECKING:
    import numpy as np

    from .settings import Settings
    from .store import Chunk

VectorsFn = Callable[[Sequence[str]], "np.ndarray"]

MAX_WORDS = 150  # a turn's context text is cut here, inside the model's 256-token window
ANSWERING_TYPES = ("answer", "proof_point", "case_study", "message")

# --------------------------------------------------------------------------------------------
# Cheap text features: what cannot be an objection, and what sounds like one

_MARKUP = re.compile(r"\{[a-z_]+\}|\[[a-z _]+\]|<[^>]+>", re.I)
_FILLERS = re.compile(r"\b(?:u+h+|u+m+|erm|hmm+|hm+|mm+|ah+)\b[,.]?\s*", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")

_BACKCHANNEL = re.compile(
    r"^(?:(?:hi|hello|hey|morning|good (?:morning|afternoon|evening)|thanks?|thank you|cheers|bye|"
    r"goodbye|see you|talk soon|nice to meet you|great to meet you|good to meet you|pleasure|welcome|"
    r"yes|yeah|yep|yup|no|nope|ok(?:ay)?|sure|right|correct|exactly|absolutely|definitely|totally|"
    r"great|perfect|cool|fine|good|nice|got it|gotcha|makes sense|that works|sounds (?:good|great)|"
    r"fair enough|fair|of course|indeed|agreed|true|wow|interesting|i see|understood|will do|"
    r"please do|go ahead|me too|so|well|and|alright|all right)\b[\s,.!?-]*)+",
    re.I,
)
_PLEASANTRY = re.compile(
    r"^(?:(?:i'm |we're |i am |we are )?(?:happy|glad|great|good|nice) to (?:be here|join|see you|hear|meet|"
    r"help|chat|talk)|how are you|how's it going|doing (?:well|good|great)|thanks for (?:having|making|"
    r"joining|the time|your time))\b[^.?!]{0,30}[.?!]*$",
    re.I,
)
_LOGISTICS = re.compile(
    r"\b(?:calendar|invite|invitation|agenda|reschedul\w*|book (?:a|some) time|next call|"
    r"follow[- ]up (?:call|meeting)|(?:next|this) (?:monday|tuesday|wednesday|thursday|friday)|"
    r"o'?clock|\d{1,2}(?::\d\d)?\s?(?:am|pm)|(?:thirty|fifteen|forty[- ]five|sixty|\d+) minutes|"
    r"on mute|hear (?:me|us|you)|(?:share|see) (?:my|your|the) screen|dial(?:ing|led)? in|"
    r"(?:send|drop) (?:me |us )?the link)\b",
    re.I,
)
_MATERIAL_REQUEST = re.compile(
    r"^(?:\w+, )?(?:can|could|would|will) you (?:please |just )?(?:send|share|forward|email|e-mail|"
    r"circulate|pass along|put together|walk me through|show me)\b|"
    r"^(?:please |just )?(?:send|share|forward) (?:me|us|it|that|those|them|over)\b",
    re.I,
)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)\b",
    re.I,
)
_OWN_VOLUME = re.compile(
    r"\b(?:a|per|each|every) (?:day|week|month|quarter|year)\b|\b(?:daily|weekly|monthly|annually|"
    r"yearly)\b|\bwe(?:'re| are)? (?:process|processing|handle|handling|get|getting|receive|"
    r"receiving|employ|ship|have about|have around|have roughly)\b",
    re.I,
)

# Resistance, worry and constraints, as prospects voice them in any industry.
_STRONG_CUES = (
    r"worr(?:y|ied|ies|ying)", r"concern(?:s|ed|ing)?", r"nervous", r"afraid", r"scared", r"anxious",
    r"skeptic(?:al)?", r"sceptic(?:al)?", r"risk(?:y|s)?", r"problem", r"issue", r"hard sell",
    r"tough sell", r"deal[- ]?breaker", r"show[- ]?stopper", r"non[- ]?negotiable", r"not negotiable",
    r"no[- ]go", r"too (?:expensive|much|long|slow|risky|complicated|complex|big|small|late|soon)",
    r"expensive", r"pricey", r"overpriced", r"costly", r"budget(?:ed|s)?", r"afford", r"justify",
    r"burn(?:ed|t)", r"nightmare", r"headache", r"painful", r"struggl\w*", r"frustrat\w*",
    r"fail(?:ed|s|ure)?", r"broke(?:n)?", r"break(?:s)?", r"ignor(?:e|ed|es|ing)", r"refus\w*",
    r"push ?back", r"hesita\w*", r"reluctan\w*", r"doubt\w*", r"not sure", r"not convinced",
    r"not comfortable", r"uncomfortable", r"on faith", r"locked in", r"lock[- ]?in",
    r"commit(?:ment|ments|ted)?", r"polic(?:y|ies)", r"not allowed", r"forbid\w*", r"prohibit\w*",
    r"mandat\w*", r"requirements?", r"complian\w*", r"regulat\w*", r"legal", r"counsel",
    r"procurement", r"security", r"privacy", r"auditors?", r"caps?", r"capped",
    r"end of the conversation", r"walk away", r"hard to", r"difficult", r"unfortunately",
    r"the (?:problem|issue|catch|concern|worry|hard part) is",
    r"my (?:real |big |bigger |biggest |main |only |other |honest )?(?:worry|concern|problem|issue|fear)",
    r"no (?:money|budget|time|bandwidth|capacity|resources|appetite|way)", r"stretched",
    r"bandwidth", r"capacity", r"overloaded", r"swamped", r"frozen", r"freeze", r"wait until",
    r"(?:won't|will not|wouldn't|would never|never|can't|cannot|not going to|aren't going to|isn't going to)"
    r" (?:\w+ ){0,2}(?:approve|sign|commit|support|allow|accept|agree|pay|use|adopt|fly|happen|go for|"
    r"budge|give|work around|defend|put)",
    r"(?:has|have|needs?) to (?:stay|be stored|remain|be kept|be hosted)", r"stays? (?:in|on|within)",
    r"(?:doesn't|does not|can't|cannot|won't) leave", r"where (?:\w+ )?(?:data|it) (?:lives?|sits?)",
    r"before (?:this|it|we) (?:goes|go) (?:anywhere|any further)", r"sign[- ]off", r"red flag",
    r"last time we", r"the last (?:tool|system|vendor|one|time)",
    r"(?:nobody|no one|none of them) (?:\w+ )?(?:used?|uses|adopted|will|would)",
    r"ends? up", r"ended up", r"gave up", r"give up", r"not even close", r"that's what everyone says",
    r"(?:i )?want to believe", r"heard (?:that|this|it) before", r"too good to be true",
    r"prove (?:it|itself)", r"way out", r"exit", r"not now", r"not (?:yet|ready)", r"choked?",
    r"fraud\w*", r"scams?", r"phishing", r"hack(?:ed|ers?)?", r"breach(?:es)?", r"lose", r"lost",
    r"(?:a lot of|big|serious) money", r"big number", r"(?:double|triple|twice) what",
    r"more than (?:i|we) (?:expected|thought|planned|budgeted|had)", r"in (?:my|our) head",
    r"(?:not going|not able|unable) to (?:\w+ ){0,3}(?:give|spare|find|make|get|do)",
    r"can't make them", r"we're done", r"stuck", r"dropped", r"twice",
)
_WEAK_CUES = (
    r"but", r"however", r"though", r"honestly", r"frankly", r"to be honest", r"be (?:straight|honest)",
    r"can't", r"cannot", r"won't", r"wouldn't", r"couldn't", r"don't", r"doesn't", r"didn't",
    r"haven't", r"isn't", r"aren't", r"never", r"not", r"no one", r"nobody", r"already", r"again",
    r"another", r"what if", r"what happens", r"how do (?:you|we) (?:know|stop|prevent|make sure)",
)
_STRONG = re.compile(r"\b(?:" + "|".join(_STRONG_CUES) + r")\b", re.I)
_WEAK = re.compile(r"\b(?:" + "|".join(_WEAK_CUES) + r")\b", re.I)

# A seller acknowledging a concern before answering it: the habit every sales method teaches.
_ACKNOWLEDGEMENT = re.compile(
    r"^(?:\w+, )?(?:(?:yeah|yes|okay|ok|so),? )?(?:(?:that's|that is|it's|it is) (?:a |an )?(?:\w+ )?"
    r"(?:fair|reasonable|valid|legitimate|common|real|important|great point|good point)\b|"
    r"(?:totally|completely|very) fair|fair (?:point|concern|question|enough)|understood|"
    r"i hear (?:you|that)|i understand|i get (?:it|that)|noted|i appreciate (?:you|that)|"
    r"i don't want to (?:guess|promise|answer))",
    re.I,
)

# Generic B2B sales objections, one or two per family (price and budget, timing and resources,
# risk and trust, fit, security and compliance, contract, integration, adoption, authority).
# They are worded for no product or industry in particular.
PROTOTYPES: tuple[str, ...] = (
    "It's too expensive for us.",
    "We don't have the budget for this right now.",
    "That's more than we were planning to spend.",
    "I can't justify the cost to my boss.",
    "A competitor quoted us a much lower price.",
    "Spending on new tools is frozen until next year.",
    "Now is not a good time for us.",
    "We don't have the people to take on a new project.",
    "My team is already stretched too thin.",
    "We have bigger priorities this quarter.",
    "Rolling this out would take far too long.",
    "We've been burned by a vendor like this before.",
    "I'm not convinced it will work for us.",
    "You're a small company and that worries me.",
    "I don't trust those numbers.",
    "That sounds too good to be true.",
    "We're happy with what we have today.",
    "I don't see why we need this.",
    "It doesn't do what we need.",
    "Our situation is too unusual for an off-the-shelf product.",
    "Our security team will never approve this.",
    "Legal won't sign off on these terms.",
    "We have strict compliance rules you might not meet.",
    "We're not allowed to let a third party hold that data.",
    "Our procurement rules for new vendors are strict.",
    "Company policy doesn't allow that.",
    "We can't commit to a long contract.",
    "We won't sign a multi-year agreement.",
    "We need a way out if it doesn't work.",
    "It won't work with the systems we already have.",
    "Our IT team has no time to support another tool.",
    "Every integration we've tried has broken.",
    "Our people won't use another tool.",
    "Getting everyone to change how they work will be a nightmare.",
    "Nobody used the last system we bought.",
    "Our partners won't go along with it.",
    "My boss will never go for this.",
    "The board won't approve it.",
    "That's a deal-breaker for us.",
    "That's not negotiable for us.",
    "I'm worried this will create more work, not less.",
    "What happens if it goes wrong?",
)

# What prospects say most of the time on a call: describing their situation, agreeing, asking
# how things work. The contrast keeps topical but neutral sentences from scoring as objections.
NON_OBJECTIONS: tuple[str, ...] = (
    "That sounds great.",
    "That makes sense, thanks.",
    "Let me walk you through how our process works today.",
    "We handle a few thousand of these every month.",
    "There are five people on the team.",
    "Can you show me how that works?",
    "Who else should join the next call?",
    "That would really help us.",
    "I like that a lot.",
    "Today we track everything in a spreadsheet.",
    "Send me the proposal and I'll take a look.",
    "Let's set up a call next week.",
    "We're growing quickly and need something that scales.",
    "How long does it usually take?",
    "That's exactly what we need.",
    "Our main goal is to save time.",
    "We use the same system in every office.",
    "What does the reporting look like?",
    "I'll bring our finance lead to the demo.",
    "Most of our customers are in retail.",
)


def clean(text: str) -> str:
    """A transcript sentence without markup and fillers, for matching and embedding."""
    text = _MARKUP.sub(" ", text).replace("\u2019", "'")
    text = _FILLERS.sub("", text)
    return " ".join(text.split()).strip(" ,")


def cue_score(text: str) -> float:
    """How much a sentence sounds like resistance: 1 per strong cue, 0.25 per weak one, at most 2."""
    t = text.replace("\u2019", "'")
    return min(2.0, len(_STRONG.findall(t)) + 0.25 * len(_WEAK.findall(t)))


def skip_reason(text: str) -> str | None:
    """Why a sentence cannot carry an objection, or None when it might.

    Cheap on purpose: it runs on every sentence of every prospect turn before anything is
    embedded, so it only drops what is clearly not an objection. A resistance cue always keeps
    a sentence ("thirty minutes is a hard sell for our team" stays).
    """
    t = clean(text)
    words = _WORD.findall(t)
    if len(words) < 4:
        return "short"
    if _STRONG.search(t):
        return None
    rest = _BACKCHANNEL.sub("", t, count=1)
    if len(_WORD.findall(rest)) < 4 or _PLEASANTRY.match(rest):
        return "backchannel"
    if _LOGISTICS.search(t):
        return "logistics"
    weak = _WEAK.search(t)
    if _MATERIAL_REQUEST.search(rest) and not weak:
        return "request"
    if _NUMBER.search(t) and _OWN_VOLUME.search(t) and not weak:
        return "own-figures"
    return None


def acknowledges(text: str) -> bool:
    """True when a reply opens by acknowledging a concern ("That's a fair worry.", "Understood.")."""
    return bool(_ACKNOWLEDGEMENT.search(clean(text)))


# --------------------------------------------------------------------------------------------
# What of a call is looked at (and embedded at ingest)


def eligible(call: Call, turn: Turn) -> bool:
    """Prospects' turns; every turn when the call does not say who is who."""
    if not call.roles_known:
        return True
    return turn.role != "internal"


def _sentences(turn: Turn) -> list[tuple[str, int, int]]:
    """(text, line, column) of each sentence of a turn (the turn itself when it was not split)."""
    if turn.sentences:
        return [(s.text, s.line, s.column) for s in turn.sentences]
    return [(turn.text, turn.line, 1)]


def context_text(turn: Turn) -> str:
    return " ".join(clean(turn.text).split()[:MAX_WORDS])


@dataclass
class Candidate:
    """A sentence of a prospect's turn that passed the prefilter."""

    turn: int  # index in call.turns
    index: int  # index of the sentence in the turn
    text: str  # cleaned, as embedded
    raw: str
    line: int
    column: int
    piece: int = 0  # which piece of the turn (see :func:`_pieces`)


def _pieces(sentences: list[tuple[str, int, int]]) -> list[int]:
    """The piece of its turn each sentence belongs to.

    Parsers join what one speaker says in a row into one turn, but a transcript often holds it
    as several cues or entries: text separated by other lines of the file (time codes, markup).
    Each such piece can raise an objection of its own, so a mention never spans two of them.
    """
    out: list[int] = []
    piece, prev = 0, None
    for _, line, _ in sentences:
        if prev is not None and line > prev + 1:
            piece += 1
        out.append(piece)
        prev = line
    return out


def candidates(call: Call) -> tuple[list[Candidate], int, int]:
    """The candidate sentences of a call, with how many eligible turns it has and how many of
    them the prefilter skipped whole."""
    out: list[Candidate] = []
    turns = skipped = 0
    for ti, turn in enumerate(call.turns):
        if not eligible(call, turn):
            continue
        turns += 1
        found = False
        sentences = _sentences(turn)
        for si, ((raw, line, column), piece) in enumerate(zip(sentences, _pieces(sentences), strict=True)):
            if skip_reason(raw) is None:
                out.append(Candidate(ti, si, clean(raw), raw, line, column, piece))
                found = True
        if not found:
            skipped += 1
    return out, turns, skipped


def call_texts(call: Call) -> list[tuple[str, int, str]]:
    """(kind, line, text) of what objection finding embeds for a call: each candidate sentence
    ("utterance") and, for context, each turn holding one ("turn")."""
    cands, _, _ = candidates(call)
    out: list[tuple[str, int, str]] = []
    seen_turns: set[int] = set()
    for c in cands:
        if c.turn not in seen_turns:
            seen_turns.add(c.turn)
            t = call.turns[c.turn]
            out.append(("turn", t.line, context_text(t)))
        out.append(("utterance", c.line, c.text))
    return out


# --------------------------------------------------------------------------------------------
# The KB side: what objections look like, and what could answer them


def _opening(entry: Entry) -> str:
    title = entry.title or entry.id
    first = next((b.text for b in entry.blocks if b.kind in ("paragraph", "list_item")), None)
    if first is None and not entry.blocks and entry.body.strip():
        first = entry.body.strip().split("\n\n")[0]
    text = f"{title}. {first}" if first else title
    return " ".join(text.split()[:MAX_WORDS])


def _sections(entry: Entry) -> list[str]:
    title = entry.title or entry.id
    groups: list[list[str]] = []
    words = 0
    for b in entry.blocks:
        if b.kind == "code":
            continue
        n = len(b.text.split())
        if not groups or b.kind == "heading" or words + n > MAX_WORDS:
            groups.append([])
            words = 0
        if b.kind != "heading":
            groups[-1].append(b.text)
            words += n
    texts = [f"{title}: {' '.join(' '.join(g).split()[:MAX_WORDS])}" for g in groups if g]
    if not texts and entry.body.strip():  # built in memory, without blocks
        texts = [f"{title}: {' '.join(entry.body.split()[:MAX_WORDS])}"]
    return texts


def entry_texts(entry: Entry, chunks: Sequence[Chunk] | None) -> dict[str, list[str]]:
    """kind -> texts of an entry as the index embedded them ("example", "title", "section"),
    rebuilt from the entry itself when there is no index."""
    if chunks is not None:
        out: dict[str, list[str]] = {}
        for c in chunks:
            if c.kind in ("example", "title", "section"):
                out.setdefault(c.kind, []).append(c.text)
        return out
    return {"example": list(entry.examples), "title": [_opening(entry)], "section": _sections(entry)}


# --------------------------------------------------------------------------------------------
# Parameters


@dataclass(frozen=True)
class Tuning:
    """The decision thresholds, in cosine similarity of the embedding model (all-MiniLM-L6-v2,
    mean pooled, normalised), where unrelated sentences score about 0.0-0.2, sentences on one
    topic 0.3-0.5 and paraphrases above 0.7."""

    cue_weight: float = 0.15  # per unit of cue_score (at most 2)
    ack_weight: float = 0.20  # the seller's next turn acknowledges a concern
    detect: float = 0.65  # (objection similarity + generic score) / 2 + cue and ack bonuses
    detect_bare: float = 0.80  # the same score, for a sentence with no cue and no acknowledgement
    link: float = 0.50  # two groups of mentions merge at this average similarity or more
    link_entry: float = 0.45  # an entry absorbs a group at least this close to its phrasings, on
    # average, and at least as close as the entry's examples are to one another (its cohesion)
    lone: float = 0.20  # a lone mention goes to its closest entry or theme when at least this close
    cover: float = 0.45  # an approved passage this close to an objection's phrasings answers it
    theme_merge: float = 0.70  # themes whose centres are this alike are one theme
    theme_mentions: int = 2  # a theme needs this many mentions ...
    theme_calls: int = 1  # ... in this many calls


DEFAULT_TUNING = Tuning()


# --------------------------------------------------------------------------------------------
# The analysis


@dataclass
class Mention:
    call: str
    turn: int
    line: int
    column: int
    speaker: str
    text: str
    score: float  # how objection-like the sentences are (detection score, capped at 1)
    vector: Any  # normalised context vector used for matching
    sentence_vector: Any
    parts: list[tuple[str, Any]] = field(default_factory=list)  # (sentence, vector) of the span
    match: float = 0.0  # similarity to the objection's phrasings (to the other mentions, for a theme)


@dataclass
class Objection:
    id: str
    label: str
    known: bool
    entry: Entry | None = None
    mentions: list[Mention] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)
    pending: list[dict[str, Any]] = field(default_factory=list)  # answers that are not approved

    @property
    def calls(self) -> list[str]:
        return sorted({m.call for m in self.mentions})

    @property
    def covered(self) -> bool:
        return bool(self.answers)

    @property
    def central(self) -> Mention | None:
        return self.mentions[0] if self.mentions else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "known": self.known,
            "calls": len(self.calls),
            "mentions": [
                {"call": m.call, "line": m.line, "column": m.column, "speaker": m.speaker, "text": m.text,
                 "score": round(m.score, 3), "match": round(m.match, 3)}
                for m in self.mentions  # the most representative first
            ],
            "answers": self.answers,
            "covered": self.covered,
        }
        if self.entry is not None:
            out["path"] = self.entry.path
        if self.pending:
            out["pending"] = self.pending
        return out


@dataclass
class Analysis:
    calls: int
    objections: list[Objection]
    roles_unknown: list[str]
    turns: int  # eligible turns looked at
    skipped: int  # of those, turns the prefilter dropped whole
    sentences: int  # candidate sentences embedded

    def to_dict(self, min_calls: int = 1) -> dict[str, Any]:
        shown = [o for o in self.objections if len(o.calls) >= min_calls]
        return {
            "version": 1,
            "calls": self.calls,
            "objections": [o.to_dict() for o in shown],
            "roles_unknown": self.roles_unknown,
            "prefilter": {"turns": self.turns, "skipped": self.skipped, "sentences": self.sentences},
        }


def _norm_rows(m: np.ndarray) -> np.ndarray:
    import numpy as np

    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)


def _unit(v: np.ndarray) -> np.ndarray:
    import numpy as np

    return v / max(float(np.linalg.norm(v)), 1e-12)


def _top_mean(sims: np.ndarray, k: int) -> np.ndarray:
    """Mean of the k largest values of each row."""
    import numpy as np

    k = min(k, sims.shape[1])
    return np.sort(sims, axis=1)[:, -k:].mean(axis=1)


def analyze(calls: Sequence[Call], entries: Sequence[Entry], vectors: VectorsFn, *,
            chunks: Sequence[Chunk] | None = None, tuning: Tuning = DEFAULT_TUNING,
            prototypes: tuple[np.ndarray, np.ndarray] | None = None) -> Analysis:
    """Find, match and mine the objections in ``calls`` against the KB ``entries``.

    ``vectors(texts)`` gives normalised embeddings; ``chunks`` are the index's (None: entries are
    read as they are); ``prototypes`` the vectors of :data:`PROTOTYPES` and
    :data:`NON_OBJECTIONS` when the caller has them cached.
    """
    import numpy as np

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
    # The generic score is centred on 0.5 so that it sits on the scale of a similarity; a KB with
    # no objection entries yet has only the generic prototypes to go by.
    generic = _top_mean(S @ P.T, 3) - _top_mean(S @ N.T, 3) + 0.5 if n_s else np.zeros(0, dtype=np.float32)
    k_best = (S @ R.T).max(axis=1) if len(R) and n_s else generic
    # A sentence at least as close to an entry's phrasings as that entry's own examples are to
    # one another is, by the KB's own standard, a phrasing of the objection: evidence like a cue.
    cohesion = _cohesion(R, owner, np.asarray(ref_example, dtype=bool), len(objection_entries), tuning)
    if len(R) and n_s:
        nearest = owner[(S @ R.T).argmax(axis=1)]
        as_close = k_best >= cohesion[nearest]
    else:
        as_close = np.zeros(n_s, dtype=bool)
    cues = np.asarray([cue_score(c.raw) for _, c in found], dtype=np.float32)
    ack = np.zeros(n_s, dtype=np.float32)
    for i, (call, c) in enumerate(found):
        nxt = _reply(call, c.turn)
        if nxt is not None and acknowledges(nxt.text):
            ack[i] = 1.0
    score = (k_best + generic) / 2 + tuning.cue_weight * cues + tuning.ack_weight * ack
    detected = (score >= tuning.detect) & ((cues > 0) | (ack > 0) | as_close | (score >= tuning.detect_bare))

    # One mention per turn (per piece of it): the sentences from its first to its last
    # objection-like one. It is matched by the turn as a whole plus those sentences, since the
    # sentence that sounds most like an objection ("that's my main worry") often names no topic.
    mentions: list[Mention] = []
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
        mentions.append(Mention(
            call=path, turn=ti, line=first.line, column=first.column, speaker=call.turns[ti].speaker,
            text=" ".join(found[i][1].raw.strip() for i in span), score=float(min(1.0, score[best])),
            vector=_unit(C[ctx_of[span[0]]] + S[span].mean(axis=0)),
            sentence_vector=_unit(S[span].mean(axis=0)),
            parts=[(found[i][1].raw.strip(), S[i]) for i in span],
        ))

    # 3. Assignment and themes.
    objections = _assign(mentions, objection_entries, R, owner, tuning, cohesion)

    # 4. Coverage.
    _cover(objections, entries, texts_of, vectors, R, owner, objection_entries, tuning)

    objections.sort(key=lambda o: (-len(o.calls), -len(o.mentions), o.id))
    return Analysis(
        calls=len(calls), objections=objections,
        roles_unknown=sorted(c.path for c in calls if not c.roles_known),
        turns=turns_total, skipped=skipped_total, sentences=n_s,
    )


def _cohesion(R: np.ndarray, owner: np.ndarray, example: np.ndarray, m: int, tuning: Tuning) -> np.ndarray:
    """How alike each objection entry's examples are: the mean, over its examples, of the
    similarity to the closest other example of the same entry.

    It calibrates decisions to the KB rather than to one corpus: an entry whose examples are
    worded alike expects a mention to be close to them, one whose examples range widely accepts
    looser matches. An entry with fewer than two examples gets the median of the others (the
    ``link_entry`` constant when no entry has two).
    """
    import numpy as np

    out = np.full(m, np.nan, dtype=np.float32)
    for j in range(m):
        X = R[(owner == j) & example]
        if len(X) < 2:
            continue
        sims = X @ X.T
        np.fill_diagonal(sims, -np.inf)
        out[j] = float(sims.max(axis=1).mean())
    known = out[~np.isnan(out)]
    out[np.isnan(out)] = float(np.median(known)) if len(known) else tuning.link_entry
    return out


def _reply(call: Call, ti: int) -> Turn | None:
    """The seller's reply to a prospect's turn: the next turn by someone on the seller's side
    (by anyone else when roles are unknown). A colleague of the prospect backing the point up
    first ("he's not exaggerating") does not stop the reply from answering it too."""
    me = call.turns[ti]
    for t in call.turns[ti + 1:ti + 4]:
        if t.speaker == me.speaker:
            continue
        if call.roles_known and t.role != "internal":
            continue
        return t
    return None


def _assign(mentions: list[Mention], entries: list[Entry], R: np.ndarray, owner: np.ndarray,
            tuning: Tuning, cohesion: np.ndarray | None = None) -> list[Objection]:
    """Seeded average-linkage clustering: entries absorb mention groups, groups merge with groups.

    The similarity of a group of mentions to an entry is the mean, over the group, of each
    mention's similarity to the entry's closest phrasing; between two groups it is the mean
    pairwise similarity (average linkage). Both are averages over mentions, so merging two groups
    updates them by size-weighted averages (Lance-Williams) and the whole run stays O(n^2).
    """
    import numpy as np

    n, m = len(mentions), len(entries)
    objections = [Objection(id=e.id, label=e.title or e.id, known=True, entry=e) for e in entries]
    if not n:
        return []
    V = np.stack([mt.vector for mt in mentions]).astype(np.float32)
    to_entry = np.full((n, m), -1.0, dtype=np.float32)
    if len(R):
        sims = V @ R.T
        for j in range(m):
            cols = owner == j
            if cols.any():
                to_entry[:, j] = sims[:, cols].max(axis=1)
    size = n + m
    link = np.full((size, size), -np.inf, dtype=np.float32)
    # Each kind of pair is compared with its own threshold: an entry absorbs a group about as
    # close to it as the entry's own examples are to each other (its cohesion; ``link_entry``
    # without one), groups merge at ``link``; storing the margin over the threshold makes all
    # of them one comparison.
    absorb = np.full(m, tuning.link_entry, dtype=np.float32)
    if cohesion is not None:
        absorb = np.maximum(absorb, cohesion.astype(np.float32))
    offset = (absorb - np.float32(tuning.link))[None, :]
    link[:n, :n] = V @ V.T
    link[:n, n:] = to_entry - offset
    link[n:, :n] = (to_entry - offset).T
    np.fill_diagonal(link, -np.inf)
    link[n:, n:] = -np.inf
    weight = np.ones(size, dtype=np.float32)
    active = np.ones(size, dtype=bool)
    members: list[list[int]] = [[i] for i in range(n)] + [[] for _ in range(m)]
    best = link.argmax(axis=1)
    best_val = link[np.arange(size), best]
    while True:
        cand = np.where(active, best_val, -np.inf)
        i = int(cand.argmax())
        if cand[i] < tuning.link:
            break
        j = int(best[i])
        if j >= n or i >= n:  # an entry absorbs a group; the entry itself does not change
            e, g = (j, i) if j >= n else (i, j)
            members[e].extend(members[g])
            members[g] = []
            _drop(link, active, g)
            stale = np.where(active & (best == g))[0]
        else:
            keep, gone = min(i, j), max(i, j)
            wa, wb = weight[keep], weight[gone]
            row = (wa * link[keep] + wb * link[gone]) / (wa + wb)
            row[keep] = -np.inf
            row[gone] = -np.inf
            link[keep, :] = row
            link[:, keep] = row
            weight[keep] = wa + wb
            members[keep].extend(members[gone])
            members[gone] = []
            _drop(link, active, gone)
            stale = np.where(active & ((best == gone) | (best == keep)))[0]
            better = active & (link[:, keep] > best_val)
            best[better] = keep
            best_val[better] = link[better, keep]
            stale = np.union1d(stale, [keep])
        for r in stale:
            best[r] = int(link[r].argmax())
            best_val[r] = link[r, best[r]]

    groups: list[list[int]] = []
    lone: list[int] = []
    for k in range(n):
        if not active[k] or not members[k]:
            continue
        if len(members[k]) == 1:
            lone.append(members[k][0])
            continue
        groups.append(members[k])
    groups = [g for g in _merge_groups(groups, V, tuning.theme_merge)
              if len(g) >= tuning.theme_mentions and len({mentions[x].call for x in g}) >= tuning.theme_calls]
    # One remark is not a theme: it goes to the closest objection, an entry (by its closest
    # phrasing) or a mined theme (by average linkage), if that is close enough.
    for x in lone:
        to_theme = [float((V[g] @ V[x]).mean()) for g in groups]
        best_entry = float(to_entry[x].max()) if m else -1.0
        best_theme = max(to_theme, default=-1.0)
        if max(best_entry, best_theme) < tuning.lone:
            continue
        if best_theme > best_entry:
            groups[int(np.argmax(to_theme))].append(x)
        else:
            members[n + int(to_entry[x].argmax())].append(x)
    themes: list[Objection] = []
    for grp in groups:
        group = [mentions[x] for x in grp]
        vecs = np.stack([g.vector for g in group])
        centrality = (vecs @ vecs.T).mean(axis=1)
        order = sorted(range(len(group)), key=lambda x: (-round(float(centrality[x]), 4), group[x].call, group[x].line))
        for x in order:
            group[x].match = float(centrality[x])
        ordered = [group[x] for x in order]
        centre = _unit(vecs.mean(axis=0))
        # The label: the sentence of the most central mention closest to the theme's centre.
        label = max(ordered[0].parts, key=lambda p: float(p[1] @ centre))[0] if ordered[0].parts else ordered[0].text
        themes.append(Objection(id="", label=_label(label), known=False, mentions=ordered))
    for j, obj in enumerate(objections):
        for x in members[n + j]:
            mentions[x].match = float(to_entry[x, j])
        obj.mentions = sorted((mentions[x] for x in members[n + j]), key=lambda mt: -mt.match)
    _name_themes(themes, {o.id for o in objections})
    return [o for o in objections if o.mentions] + themes


def _merge_groups(groups: list[list[int]], V: np.ndarray, threshold: float) -> list[list[int]]:
    """Merge groups whose centroids are at least ``threshold`` alike: one theme voiced in words
    too different for average linkage (which compares every pair) to join it up."""
    import numpy as np

    groups = [list(g) for g in groups]
    while len(groups) > 1:
        cents = np.stack([_unit(V[g].mean(axis=0)) for g in groups])
        sims = cents @ cents.T
        np.fill_diagonal(sims, -np.inf)
        i, j = np.unravel_index(int(sims.argmax()), sims.shape)
        if sims[i, j] < threshold:
            break
        groups[i].extend(groups[j])
        del groups[j]
    return groups


def _drop(link: np.ndarray, active: np.ndarray, k: int) -> None:
    import numpy as np

    active[k] = False
    link[k, :] = -np.inf
    link[:, k] = -np.inf


_SLUG_STOP = frozenset("a an the and or but so to of for in on at is are be it its it's that this we our i i'm you your "
                       "they their them just really very um uh like well".split())


def _label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:157].rstrip() + "…"


def _slug(text: str, words: int = 6) -> str:
    toks = [w.lower().strip("'-") for w in _WORD.findall(text)]
    keep = [w for w in toks if w and w not in _SLUG_STOP][:words] or toks[:words] or ["theme"]
    return re.sub(r"[^a-z0-9]+", "-", "-".join(keep)).strip("-") or "theme"


def _name_themes(themes: list[Objection], taken: set[str]) -> None:
    used = set(taken)
    for t in themes:
        base = f"theme/{_slug(t.label)}"
        tid, k = base, 2
        while tid in used:
            tid, k = f"{base}-{k}", k + 1
        used.add(tid)
        t.id = tid


def _cover(objections: list[Objection], entries: Sequence[Entry], texts_of: Callable[[Entry], dict[str, list[str]]],
           vectors: VectorsFn, R: np.ndarray, owner: np.ndarray, objection_entries: list[Entry],
           tuning: Tuning) -> None:
    """Fill in each objection's answers: explicit ones first, then close approved passages."""
    import numpy as np

    answering = [e for e in entries if e.approved and e.type != "objection"]
    by_id = {e.id: e for e in entries}
    spans: list[tuple[int, int]] = []
    texts: list[str] = []
    for e in answering:
        own = texts_of(e)
        passages = own.get("title", []) + own.get("section", [])
        spans.append((len(texts), len(texts) + len(passages)))
        texts.extend(passages)
    A = vectors(texts) if texts else None
    index_of = {e.id: i for i, e in enumerate(objection_entries)}
    for obj in objections:
        # What the objection sounds like: the KB's phrasings of it, and what prospects said.
        parts = [np.stack([mt.sentence_vector for mt in obj.mentions])] if obj.mentions else []
        if obj.entry is not None and obj.entry.id in index_of and len(R):
            parts.append(R[owner == index_of[obj.entry.id]])
        Q = np.concatenate(parts) if parts else None
        scores: dict[str, float] = {}
        if Q is not None and A is not None and len(Q):
            for e, (a, b) in zip(answering, spans, strict=True):
                if b > a:
                    scores[e.id] = float((Q @ A[a:b].T).max(axis=1).mean())
        answers: list[dict[str, Any]] = []
        explicit_ids = [e.id for e in entries if obj.id in e.answers and e.id != obj.id]
        for eid in explicit_ids:
            e = by_id[eid]
            if e.approved:
                answers.append({"entry": eid, "score": round(scores.get(eid, 0.0), 3), "explicit": True})
            else:
                obj.pending.append({"entry": eid, "status": e.status})
        answers.sort(key=lambda a: -a["score"])
        implicit = sorted(((s, eid) for eid, s in scores.items()
                           if s >= tuning.cover and eid not in explicit_ids
                           and by_id[eid].type in ANSWERING_TYPES), reverse=True)
        answers.extend({"entry": eid, "score": round(s, 3), "explicit": False} for s, eid in implicit[:5])
        obj.answers = answers


# --------------------------------------------------------------------------------------------
# On the index


def reference_texts() -> list[str]:
    """Texts every analysis compares with, whatever the KB: ingest embeds them with the rest, so
    that a run on an up-to-date index embeds nothing."""
    return list(PROTOTYPES) + list(NON_OBJECTIONS)


def _prototype_vectors(vectors: Any) -> tuple[np.ndarray, np.ndarray]:
    """The vectors of the generic prototypes and of the neutral sentences they are set against."""
    import numpy as np

    mat = np.asarray(vectors(reference_texts()), dtype=np.float32)
    return mat[:len(PROTOTYPES)], mat[len(PROTOTYPES):]


def analyze_context(ctx: Any, tuning: Tuning = DEFAULT_TUNING) -> Analysis:
    """Run :func:`analyze` on an audit context (the KB, its calls, vectors and chunks)."""
    return analyze(ctx.calls, ctx.kb.entries, ctx.vectors, chunks=ctx.chunks, tuning=tuning,
                   prototypes=_prototype_vectors(ctx.vectors))


def find_objections(settings: Settings, *, today: date, vectors: Any = None, min_calls: int = 1,
                    embedder: Any = None) -> dict[str, Any]:
    """The JSON of SPEC section 6 for the KB at ``settings`` as the index holds it.

    ``today`` is accepted for symmetry with the audit (coverage does not depend on dates).
    """
    from .errors import UsageError
    from .indexed import Vectors, load_indexed_calls, load_indexed_kb
    from .store import open_catalog

    if min_calls < 1:
        raise UsageError(f"min_calls must be at least 1, not {min_calls}")
    del today
    catalog = open_catalog(settings)
    try:
        kb = load_indexed_kb(settings, catalog)
        calls, _ = load_indexed_calls(settings, catalog)
        vecs = vectors if vectors is not None else Vectors(settings, embedder, catalog)
        chunks = [c for c in catalog.chunks() if c.kind in ("example", "title", "section")]
        result = analyze(calls, kb.entries, vecs, chunks=chunks, prototypes=_prototype_vectors(vecs))
    finally:
        catalog.close()
    return result.to_dict(min_calls=min_calls)


def render_objections_text(result: dict[str, Any]) -> Any:
    """The result of :func:`find_objections` for people: a table, then the gaps."""
    from rich.console import Group
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    rows = result["objections"]
    parts: list[Any] = []
    if not rows:
        parts.append(Text(f"No objections found in {result['calls']} calls.", style="dim"))
    else:
        table = Table(title=f"Objections in {result['calls']} calls", title_justify="left", show_lines=False,
                      expand=False)
        table.add_column("objection", overflow="fold", max_width=56)
        table.add_column("calls", justify="right")
        table.add_column("mentions", justify="right")
        table.add_column("coverage")
        table.add_column("best answer", overflow="fold", max_width=40)
        for o in rows:
            name = f"[bold]{escape(_clip(o['label'], 90))}[/]\n[dim]{escape(o['id'])}{'' if o['known'] else ' · new theme'}[/]"
            coverage = "[green]answered[/]" if o["covered"] else "[red]gap[/]"
            if o["answers"]:
                a = o["answers"][0]
                how = "explicit" if a["explicit"] else "by meaning"
                best = f"{escape(a['entry'])} [dim]{a['score']:.2f} · {how}[/]"
            elif o.get("pending"):
                best = "[yellow]" + escape(", ".join(f"{p['entry']} ({p['status']})" for p in o["pending"])) + "[/]"
            else:
                best = "[dim]none[/]"
            table.add_row(name, str(o["calls"]), str(len(o["mentions"])), coverage, best)
        parts.append(table)
    gaps = [o for o in rows if not o["covered"]]
    if gaps:
        lines = ["", f"[bold]Gaps[/] ({len(gaps)}): prospects raise these and no approved entry answers them"]
        for o in gaps:
            m = o["mentions"][0] if o["mentions"] else None
            where = f"{m['call']}:{m['line']}" if m else ""
            lines.append(f"  [red]•[/] {escape(_clip(o['label'], 120))} [dim]({escape(o['id'])}, {o['calls']} calls)[/]")
            if m:
                lines.append(f"    [cyan]{escape(where)}[/] {escape(m['speaker'])}: [italic]{escape(_clip(m['text'], 140))}[/]")
            if o.get("pending"):
                lines.append("    [yellow]not approved yet:[/] " + escape(", ".join(p["entry"] for p in o["pending"])))
        parts.append(Text.from_markup("\n".join(lines)))
    if result.get("roles_unknown"):
        parts.append(Text.from_markup(
            f"\n[dim]Roles unknown in {len(result['roles_unknown'])} call(s): every speaker was read as a prospect. "
            "Set [calls] internal_speakers or internal_domains in canon.toml.[/]"))
    return Group(*parts)


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


__all__ = [
    "Analysis", "Candidate", "Mention", "NON_OBJECTIONS", "Objection", "PROTOTYPES", "Tuning",
    "acknowledges", "analyze", "analyze_context", "call_texts", "candidates", "clean", "cue_score",
    "entry_texts", "find_objections", "render_objections_text", "skip_reason",
]
