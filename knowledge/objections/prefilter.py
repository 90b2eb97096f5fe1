"""Step 1, candidates: which sentences of a call could carry an objection.

Cheap text features run on every sentence of every prospect turn before anything is embedded:
:func:`skip_reason` drops what cannot carry an objection (backchannels, greetings, logistics,
requests for material, very short fragments, a prospect restating their own volumes), and
:func:`cue_score` says how much a sentence sounds like resistance, for detection.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.model import Call, Turn

MAX_WORDS = 150  # a turn's context text is cut here, inside the model's 256-token window

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
# A buying signal: the prospect committing to a next step ("if the numbers hold up, I'll take it
# to the board", "I'd put it in front of the partners", "let's get a proposal"). Written from the
# buying signals of data/sentences.tsv (16 of its 48, none of its 304 objections); a negation or
# an "unless" anywhere makes it a condition that may be resistance ("I won't take it to the board").
_COMMITTING = r"(?:i'?ll|i will|i'?d|id|ill|i would|we'?d|we would|we'?ll|we will|we could|i can|we can|(?:i'?m )?happy to)"
_NEXT_STEP = (r"(?:take (?:it|this|that|them)|put (?:it|this|that)|bring (?:it|this|that)|recommend|champion|"
              r"sign(?![-\w])|roll (?:it|this) out|get (?:the )?budget|push (?:it|this|for it)|pitch (?:it|this))")
_BUYING = re.compile(
    rf"\b{_COMMITTING}\s+(?:\w+\s+){{0,2}}?{_NEXT_STEP}\b"
    r"|\bput (?:it|this|that) in front of\b"
    r"|\b(?:let'?s|lets) (?:get|scope|start|set up|book|do) (?:a|the|it|this)\b"
    r"|\b(?:would|will|'d) (?:love|jump at)\b",
    re.I,
)
# ... and a contrast ("I'd love to take it to the board, but the price is too high") turns to what
# holds the prospect back
_HOLDING_BACK = re.compile(
    r"\b(?:not|no|never|can'?t|cannot|won'?t|don'?t|doesn'?t|isn'?t|wouldn'?t|couldn'?t|unless"
    r"|but|though|although|however)\b", re.I)
# A question asking for information ("does it support Spanish?", "what is the cost roughly",
# "could we get a test account?"): how a prospect asks, not how they hold out. Written from the
# questions of data/sentences.tsv (43 of its 69, none of its 304 objections). A negation, a
# condition or an intensifier makes it a challenge ("so if your servers go down, who pays?",
# "and those customers, were they actually paid?"), which stays a candidate; so does a question
# about who ("who else gets to see our numbers?"), more often a challenge than a request, or one
# opening "can a ..." ("can a single person push money out the door?").
_ASKING = re.compile(
    r"^(?:(?:and|also|so|ok|okay|right|wait)[,\s]+)*"
    r"(?:(?:does|do|did) (?:it|the|that|this|your|you|they)\b|(?:can|could) (?:it|the|we|i|our|\w+s)\b|"
    r"is there\b|are there\b|which\b(?=.*\?)|what(?:'s| is| are| does| do| would)\b|how (?:does|do|long|much|would)\b)",
    re.I,
)
_CHALLENGE = re.compile(r"\b(?:not|no|never|can't|cannot|won't|don't|doesn't|isn't|wouldn't|couldn't|"
                        r"if|unless|when|even|only|actually|exactly|really)\b|\bor (?:are|is) (?:we|it)\b", re.I)
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

# Resistance, worry and constraints, as prospects voice them in any industry, by family of sales
# objection. Written from the families, not from any corpus: a phrase is here because buyers of
# any product say it, and bench/accuracy.py shows it does not hurt a corpus it was not written for.
_STRONG_CUES = (
    # worry and doubt, about anything
    r"worr(?:y|ied|ies|ying)", r"concern(?:s|ed|ing)?", r"nervous", r"afraid", r"scared", r"anxious",
    r"fears?", r"skeptic(?:al|ism)?", r"sceptic(?:al|ism)?", r"risk(?:y|s)?", r"problem", r"issue",
    r"hesita\w*", r"reluctan\w*", r"doubt\w*", r"not sure", r"not convinced", r"unconvinced",
    r"not comfortable", r"uncomfortable", r"red flag", r"hard sell", r"tough sell", r"deal[- ]?breaker",
    r"show[- ]?stopper", r"non[- ]?negotiable", r"not negotiable", r"no[- ]go", r"push ?back",
    r"refus\w*", r"the (?:problem|issue|catch|concern|worry|hard part|sticking point) is",
    r"my (?:real |big |bigger |biggest |main |only |other |honest )?(?:worry|concern|problem|issue|fear|hesitation)",
    # price and budget
    r"too (?:expensive|much|long|slow|risky|complicated|complex|big|small|late|soon|early)",
    r"expensive", r"pricey", r"overpriced", r"costly", r"afford\w*", r"justify", r"over (?:our |the )?budget",
    r"(?:a lot of|too much|serious) money", r"cheaper", r"out of (?:our|my) (?:price range|range|league)",
    r"more than (?:i|we) (?:expected|thought|planned|budgeted|wanted|can)",
    # timing and resources
    r"no (?:money|budget|time|bandwidth|capacity|resources|appetite|way|one to)", r"stretched",
    r"overloaded", r"swamped", r"frozen", r"freeze", r"not (?:now|yet|ready)",
    r"(?:bad|wrong|busy) time", r"(?:can't|cannot|unable to|not able to) (?:spare|free up|find) (?:the )?"
    r"(?:time|people|staff|anyone|resources)",
    # risk and trust
    r"burn(?:ed|t)", r"nightmare", r"headache", r"painful", r"disaster", r"fail(?:ed|s|ure)?",
    r"too good to be true", r"heard (?:that|this|it) (?:all )?before", r"prove (?:it|itself)",
    r"(?:don't|do not|can't) (?:really )?(?:trust|believe|buy) (?:it|that|this|those|the|your)",
    r"track record", r"what if (?:it|you|this|that)", r"what happens (?:if|when|to)",
    # fit and status quo
    r"(?:doesn't|does not|won't|wouldn't) (?:really )?(?:fit|work for)", r"not (?:a |the )?(?:right )?fit",
    r"overkill", r"don't (?:really )?need (?:it|this|that|another)", r"happy with (?:what|our|the)",
    # security, privacy and compliance, as a constraint (the topic alone, "security", "our auditors",
    # is what prospects describe all call long: it measured as noise, not resistance)
    r"not allowed", r"forbid\w*", r"prohibit\w*", r"mandatory",
    r"(?:must|has to|have to|needs? to) (?:stay|remain|be (?:stored|hosted|kept)) (?:in|on|within|inside)",
    # contract
    r"locked in", r"lock[- ]?in", r"(?:multi|two|three|five)[- ]year",
    r"auto[- ]?renew\w*", r"(?:exit|out|escape|termination) clause", r"opt[- ]out", r"terminat\w*",
    r"cancel\w*", r"(?:price|renewal) (?:increase|hike|rise|cap)s?",
    # integration and adoption
    r"(?:won't|doesn't|does not|can't|cannot) (?:talk to|connect to|integrate with|sync with)",
    r"(?:nobody|no one|none of them) (?:\w+ )?(?:used?|uses|adopted|will|would|wants?)",
    r"(?:another|one more|yet another) (?:tool|app|system|login|portal|platform)",
    r"(?:gone|went|go) back to", r"stopped using",
    # authority and approval
    r"sign[- ]off",
    r"(?:won't|will not|wouldn't|would never|never|can't|cannot|not going to|aren't going to|isn't going to)"
    r" (?:\w+ ){0,2}(?:approve|sign|commit|support|allow|accept|agree|pay|use|adopt|go for|justify|afford|"
    r"switch|replace|change|move|install|learn)",
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
    r"i hear (?:you|that)|i understand|i get (?:it|that)|noted|i appreciate (?:you|that))",
    re.I,
)

# Speech recognition drops apostrophes ("dont", "cant"), repeats words ("the the") and keeps the
# hedges people speak in ("you know", "i mean"): put back what the cue lexicon and the model read.
_BARE_CONTRACTION = re.compile(
    r"\b(don|can|won|isn|aren|doesn|didn|wouldn|couldn|shouldn|haven|hasn|wasn|weren)t\b", re.I)
_BARE_IM = re.compile(r"\b(i)m\b", re.I)
_BARE_COPULA = re.compile(r"\b(that|there|what|here)s\b", re.I)
_REPEAT = re.compile(r"\b(\w+)(?:\s+\1\b)+", re.I)
_HEDGES = re.compile(r"\b(?:you know|i mean)\b,?\s*", re.I)


def normalise(text: str) -> str:
    """Typographic apostrophes, and the apostrophes speech recognition leaves out."""
    t = text.replace("\u2019", "'")
    t = _BARE_CONTRACTION.sub(lambda m: m.group(1) + "'t", t)
    t = _BARE_IM.sub(lambda m: m.group(1) + "'m", t)
    return _BARE_COPULA.sub(lambda m: m.group(1) + "'s", t)


def clean(text: str) -> str:
    """A transcript sentence without markup, fillers, hedges and stutters, for matching and embedding."""
    text = normalise(_MARKUP.sub(" ", text))
    text = _FILLERS.sub("", text)
    text = _HEDGES.sub("", text)
    text = _REPEAT.sub(r"\1", text)
    return " ".join(text.split()).strip(" ,")


def cue_counts(normalised: str) -> tuple[int, int]:
    """The strong and weak resistance cues of a sentence already passed through ``normalise``."""
    return len(_STRONG.findall(normalised)), len(_WEAK.findall(normalised))


def score_of_cues(strong: int, weak: int) -> float:
    """1 per strong cue, 0.25 per weak one, at most 2."""
    return min(2.0, strong + 0.25 * weak)


def cue_score(text: str) -> float:
    """How much a sentence sounds like resistance: 1 per strong cue, 0.25 per weak one, at most 2."""
    return score_of_cues(*cue_counts(normalise(text)))


def skip_reason(text: str) -> str | None:
    """Why a sentence cannot carry an objection, or None when it might.

    Cheap on purpose: it runs on every sentence of every prospect turn before anything is
    embedded, so it only drops what is clearly not an objection. A resistance cue always keeps
    a sentence ("thirty minutes is a hard sell for our team" stays).
    """
    return _skip_cleaned(clean(text))


def _skip_cleaned(t: str) -> str | None:
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
    # a weak resistance cue ("the price is too high") keeps a sentence from the skips below
    weak = _WEAK.search(t)
    if _BUYING.search(t) and not _HOLDING_BACK.search(t) and not weak:
        return "buying"
    if asks_for_information_cleaned(t) and not weak:
        return "question"
    if _MATERIAL_REQUEST.search(rest) and not weak:
        return "request"
    if _NUMBER.search(t) and _OWN_VOLUME.search(t) and not weak:
        return "own-figures"
    return None


def asks_for_information(text: str) -> bool:
    """True for a question asking how the product works or what it costs, with nothing in it
    that challenges the answer (a negation, a condition, "actually", "exactly")."""
    return asks_for_information_cleaned(clean(text))


def asks_for_information_cleaned(t: str) -> bool:
    return bool(_ASKING.search(t)) and not _CHALLENGE.search(t)


def acknowledges(text: str) -> bool:
    """True when a reply opens by acknowledging a concern ("That's a fair worry.", "Understood.")."""
    return bool(_ACKNOWLEDGEMENT.search(clean(text)))



def eligible(call: Call, turn: Turn) -> bool:
    """Prospects' turns; every turn when the call does not say who is who."""
    if not call.roles_known:
        return True
    return turn.role != "internal"


LONG_RUN = 30  # words: an unpunctuated run longer than this is cut into clauses
_CLAUSE_START = frozenset("but because cause so although though however honestly unless otherwise".split())
_PUNCTUATION = re.compile(r"[.,?!;]")


def clauses(text: str, most: int = 20, least: int = 6) -> list[str]:
    """A long run of words with no sentence punctuation (speech recognition output), cut where a
    clause starts ("but", "because", "so" ...) or every ``most`` words; other text unchanged."""
    words = text.split()
    if len(words) <= LONG_RUN or _PUNCTUATION.search(text):
        return [text]
    out: list[list[str]] = [[]]
    for w in words:
        here = out[-1]
        if len(here) >= most or (len(here) >= least and w.lower().strip(",") in _CLAUSE_START):
            out.append([])
        out[-1].append(w)
    return [" ".join(c) for c in out if c]


def _sentences(turn: Turn) -> list[tuple[str, int, int]]:
    """(text, line, column) of each sentence of a turn (the turn itself when it was not split);
    a long unpunctuated one is cut into clauses that share its line."""
    spans = [(s.text, s.line, s.column) for s in turn.sentences] if turn.sentences else [(turn.text, turn.line, 1)]
    return [(part, line, col) for text, line, col in spans for part in clauses(text)]


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
            text = clean(raw)
            if _skip_cleaned(text) is None:
                out.append(Candidate(ti, si, text, raw, line, column, piece))
                found = True
        if not found:
            skipped += 1
    return out, turns, skipped


FOLLOW_UP_WORDS = 30  # the longest turn read as a possible follow-up (see .followups)


# Ellipsis: a turn that names a new item under the old concern ("and the hot counter?", "same with
# the night shift"), corrects the seller's offer ("not three years, one"), or asks about the rest.
_ELLIPTICAL = re.compile(
    r"^(?:and|or|also|plus|even|especially|same|what about|how about|not)\b|"
    r"\b(?:same (?:thing|with|for|goes|here|again|problem|issue|story)|as well|either|too)\b[\s.?!]*$",
    re.I,
)


def elliptical(text: str) -> bool:
    """A turn that leans on the objection before it for its sense."""
    return bool(_ELLIPTICAL.search(clean(text)))


_NOT_RESISTANCE = frozenset({"logistics", "request", "own-figures", "buying", "question"})


def follow_up_material(turn: Turn, *, elliptical_only: bool = True) -> bool:
    """A turn that may be read as a follow-up: elliptical, short, and none of whose sentences the
    prefilter dropped as logistics, a request for material, a buying signal, a question asking for
    information ("and what is the cost roughly") or the prospect's own figures."""
    n = len(clean(turn.text).split())
    if not 0 < n <= FOLLOW_UP_WORDS or (elliptical_only and not elliptical(turn.text)):
        return False
    return not any(skip_reason(text) in _NOT_RESISTANCE for text, _, _ in _sentences(turn))


BACK = 2  # how many of the speaker's previous turns a remark after the seller's reply may lean on


def reply_before(call: Call, ti: int, held: Callable[[int], bool]) -> tuple[int, int, list[int]] | None:
    """The same speaker's earlier turn for which ``held`` is true and that a seller's turn answered
    before turn ``ti``, at most :data:`BACK` of their turns back: ``(that turn, how many of their
    turns back, the seller's turns in between)``, or None. Unknown roles: None (the reply could be
    anyone's)."""
    if not call.roles_known:
        return None
    me, back = call.turns[ti], 0
    replied: list[int] = []
    for pj in range(ti - 1, -1, -1):
        prev = call.turns[pj]
        if prev.role == "internal":
            replied.insert(0, pj)
            continue
        if prev.speaker != me.speaker:
            continue
        back += 1
        if replied and held(pj):
            return pj, back, replied
        if back >= BACK:
            return None
    return None


def after_a_reply_to(call: Call, ti: int, held: Callable[[int], bool]) -> bool:
    """Whether turn ``ti`` comes after a seller's reply to one of the same speaker's turns for which
    ``held`` is true (:func:`reply_before`)."""
    return reply_before(call, ti, held) is not None


def _follow_up_turns(call: Call, with_candidates: set[int]) -> list[int]:
    """Eligible turns with no candidate sentence, at most :data:`FOLLOW_UP_WORDS` words, that
    come after a seller's turn and after a turn of the same speaker holding a candidate (within
    two of their turns): what :mod:`.followups` may read as carrying on an objection."""
    if not call.roles_known:
        return []
    return [ti for ti, turn in enumerate(call.turns)
            if turn.role != "internal" and ti not in with_candidates and follow_up_material(turn)
            and after_a_reply_to(call, ti, with_candidates.__contains__)]


def call_texts(call: Call) -> list[tuple[str, int, str]]:
    """(kind, line, text) of what objection finding embeds for a call: each candidate sentence
    ("utterance"), for context each turn holding one ("turn"), and the short turns that may
    carry on an objection of the turn before (an "utterance" of the whole turn)."""
    cands, _, _ = candidates(call)
    out: list[tuple[str, int, str]] = []
    seen_turns: set[int] = set()
    for c in cands:
        if c.turn not in seen_turns:
            seen_turns.add(c.turn)
            t = call.turns[c.turn]
            out.append(("turn", t.line, context_text(t)))
        out.append(("utterance", c.line, c.text))
    for ti in _follow_up_turns(call, seen_turns):
        t = call.turns[ti]
        out.append(("utterance", t.line, context_text(t)))
    return out
