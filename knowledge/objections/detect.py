"""Step 2, detection: which candidate sentences raise an objection."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.model import Call, Turn

from .model import Tuning
from .prefilter import Candidate, acknowledges, clean, cue_counts, normalise, score_of_cues

if TYPE_CHECKING:
    import numpy as np

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
    "Integrations with our other software tend to break.",
    "Our people won't use another tool.",
    "Our staff resist new processes.",
    "The previous software we purchased was never adopted.",
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



def _top_mean(sims: np.ndarray, k: int) -> np.ndarray:
    """Mean of the k largest values of each row."""
    import numpy as np

    k = min(k, sims.shape[1])
    return np.sort(sims, axis=1)[:, -k:].mean(axis=1)



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



CONCERNS_PATH = Path(__file__).resolve().parent / "data" / "concerns.txt"


@lru_cache(maxsize=1)
def concern_texts() -> tuple[str, ...]:
    """The concerns of ``data/concerns.txt`` as compared with a theme: each name with the few
    words that say what it means ("offline access: working without a signal or internet connection")."""
    lines = CONCERNS_PATH.read_text(encoding="utf-8").splitlines()
    return tuple(" ".join(ln.split()) for ln in lines if ln.strip() and not ln.lstrip().startswith("#"))


@lru_cache(maxsize=1)
def concern_names() -> tuple[str, ...]:
    """Names for mined themes: the names of :func:`concern_texts`, in the same order."""
    return tuple(t.split(":", 1)[0].strip() for t in concern_texts())


def reference_texts() -> list[str]:
    """Texts every analysis compares with, whatever the KB: ingest embeds them with the rest, so
    that a run on an up-to-date index embeds nothing."""
    return list(PROTOTYPES) + list(NON_OBJECTIONS) + list(concern_texts())


def _prototype_vectors(vectors: Any) -> tuple[np.ndarray, np.ndarray]:
    """The vectors of the generic prototypes and of the neutral sentences they are set against."""
    import numpy as np

    mat = np.asarray(vectors(reference_texts()), dtype=np.float32)
    return mat[:len(PROTOTYPES)], mat[len(PROTOTYPES):len(PROTOTYPES) + len(NON_OBJECTIONS)]




# --------------------------------------------------------------------------------------------
# The trained detector: logistic regression over a sentence's embedding and its cue features,
# trained by bench/train_objection_detector.py on data/sentences.tsv.

DATA = Path(__file__).resolve().parent / "data"
SENTENCES_PATH = DATA / "sentences.tsv"
DETECTOR_PATH = DATA / "detector.npz"


def load_sentences(path: Path = SENTENCES_PATH) -> list[dict[str, str]]:
    """The detector's training sentences (one a line: label, industry, style, kind, text)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"), strict=True)) for ln in lines[1:] if ln.strip()]


# Word-level signals whose weights the detector learns (none decides anything by itself): a
# negation, the seller addressed ("your servers", "can you prove"), a condition ("if it goes
# down"), and the length, since a short remark is ambiguous without the turn around it.
_NEGATION = re.compile(r"\b(?:not|no|never|can't|cannot|won't|don't|doesn't|isn't|aren't|wouldn't|couldn't|"
                       r"nobody|nothing|none)\b", re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|yours)\b", re.I)
_CONDITION = re.compile(r"\b(?:if|unless|when|whether)\b", re.I)
N_FEATURES = 7


def cue_features(text: str) -> np.ndarray:
    """What the words say besides the embedding: resistance cues (strong, weak), a question mark,
    the length, a negation, the second person, a condition (``N_FEATURES`` values in [0, 1])."""
    t = normalise(text)
    return _features(t, clean(text), *cue_counts(t))


def _features(t: str, c: str, strong: int, weak: int) -> np.ndarray:
    """:func:`cue_features` of a text normalised (``t``) and cleaned (``c``), with its counts of
    strong and weak cues."""
    import numpy as np

    return np.asarray([min(strong, 2) / 2, min(weak, 4) / 4, float("?" in t), min(len(c.split()), 30) / 30,
                       float(bool(_NEGATION.search(c))), float(bool(_SECOND_PERSON.search(c))),
                       float(bool(_CONDITION.search(c)))], dtype=np.float32)


@dataclass(frozen=True)
class Detector:
    coef: np.ndarray
    intercept: float

    def probability(self, S: np.ndarray, F: np.ndarray) -> np.ndarray:
        """P(objection) of sentences with embeddings ``S`` and cue features ``F``."""
        import numpy as np

        z = S @ self.coef[:S.shape[1]] + F @ self.coef[S.shape[1]:] + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


@lru_cache(maxsize=1)
def load_detector(path: Path = DETECTOR_PATH) -> Detector | None:
    """The shipped weights, or None where they are missing (a tree where they were not trained)."""
    import numpy as np

    if not path.is_file():
        return None
    with np.load(path) as z:
        return Detector(coef=np.asarray(z["coef"], dtype=np.float32), intercept=float(z["intercept"]))


@dataclass
class Detection:
    """Per candidate sentence: the detection score, whether it raises an objection, and the
    evidence (kept for inspection and for recalibration from reviewers' verdicts)."""

    score: np.ndarray
    detected: np.ndarray
    learned: np.ndarray  # the trained detector's probability (0.5 where it has no weights)
    similar: np.ndarray  # (closeness to the KB's objection phrasings + generic score) / 2
    cues: np.ndarray
    ack: np.ndarray
    as_close: np.ndarray
    cohesion: np.ndarray
    evidence: np.ndarray  # a cue, an acknowledgement, closeness to an entry, or the trained detector
    closeness: np.ndarray  # the closeness to the KB's objection phrasings alone
    generic: np.ndarray  # the generic prototypes' score alone


def score_sentences(found: Sequence[tuple[Call, Candidate]], S: np.ndarray, R: np.ndarray, owner: np.ndarray,
                    ref_example: np.ndarray, n_entries: int, P: np.ndarray, N: np.ndarray,
                    tuning: Tuning) -> Detection:
    """Score each candidate sentence (embeddings ``S``) against the KB's objection phrasings ``R``
    (``owner``: the entry of each), the generic prototypes ``P`` and neutral sentences ``N``."""
    import numpy as np

    n_s = len(found)
    # The generic score is centred on 0.5 so that it sits on the scale of a similarity; a KB with
    # no objection entries yet has only the generic prototypes to go by.
    generic = _top_mean(S @ P.T, 3) - _top_mean(S @ N.T, 3) + 0.5 if n_s else np.zeros(0, dtype=np.float32)
    k_best = (S @ R.T).max(axis=1) if len(R) and n_s else generic
    # A sentence at least as close to an entry's phrasings as that entry's own examples are to
    # one another is, by the KB's own standard, a phrasing of the objection: evidence like a cue.
    cohesion = _cohesion(R, owner, ref_example, n_entries, tuning)
    if len(R) and n_s:
        nearest = owner[(S @ R.T).argmax(axis=1)]
        as_close = k_best >= cohesion[nearest]
    else:
        as_close = np.zeros(n_s, dtype=bool)
    # The cue score and the detector's cue features count the same cues in the same words: read once.
    normalised = [normalise(c.raw) for _, c in found]
    counts = [cue_counts(t) for t in normalised]
    cues = np.asarray([score_of_cues(a, b) for a, b in counts], dtype=np.float32)
    ack = np.zeros(n_s, dtype=np.float32)
    for i, (call, c) in enumerate(found):
        nxt = _reply(call, c.turn)
        if nxt is not None and acknowledges(nxt.text):
            ack[i] = 1.0
    detector = load_detector()
    if detector is not None and n_s and S.shape[1] + N_FEATURES == len(detector.coef):
        F = np.stack([_features(t, c.text, a, b) for t, (_, c), (a, b) in zip(normalised, found, counts, strict=True)])
        learned = detector.probability(S, F).astype(np.float32)
    else:
        learned = np.full(n_s, 0.5, dtype=np.float32)
    similar = (k_best + generic) / 2
    score, evidence, detected = combine(similar, cues, ack, as_close, learned, tuning)
    return Detection(score=score, detected=detected, learned=learned, similar=similar, cues=cues, ack=ack,
                     as_close=as_close, cohesion=cohesion, evidence=evidence, closeness=k_best, generic=generic)


def combine(similar: np.ndarray, cues: np.ndarray, ack: np.ndarray, as_close: np.ndarray, learned: np.ndarray,
            tuning: Tuning) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The detection score of each sentence from its parts, whether anything besides closeness
    speaks for it (evidence), and whether it is detected."""
    import numpy as np

    score = (similar + tuning.cue_weight * cues + tuning.ack_weight * ack
             + tuning.learned_weight * np.maximum(learned - 0.5, 0.0))
    evidence = (cues > 0) | (ack > 0) | as_close | (learned >= tuning.learned_alone)
    detected = (score >= tuning.detect) & (evidence | (score >= tuning.detect_bare))
    return score, evidence, detected


ECHO_BLOCK = 1024  # sentences compared with the pool at once


def echoed(found: Sequence[tuple[Call, Candidate]], S: np.ndarray, detected: np.ndarray, learned: np.ndarray,
           tuning: Tuning) -> np.ndarray:
    """Detection with other calls as evidence: a sentence the trained detector is sure of
    (``tuning.learned_alone``) raises an objection when a prospect in another call says the same
    thing (at least ``tuning.link`` alike, the bar at which two mentions are one concern) in a
    sentence that is detected or as sure. A concern no KB entry names scores low on closeness to
    the KB's phrasings however plainly it is said ("there's no reception on site"); said again
    in another call, it is a concern of the market rather than one prospect's aside."""
    import numpy as np

    out = detected.copy()
    if not len(found) or not tuning.echo:
        return out
    sure = learned >= tuning.learned_alone
    cand = np.where(sure & ~detected)[0]
    pool = np.where(detected | sure)[0] if tuning.echo_detected else cand
    if not len(pool) or not len(cand):
        return out
    calls = np.asarray([call.path for call, _ in found], dtype=object)
    P = S[pool]
    for a in range(0, len(cand), ECHO_BLOCK):  # memory O(block x pool), whatever the calls
        rows = cand[a:a + ECHO_BLOCK]
        alike = (S[rows] @ P.T) >= tuning.link
        alike &= calls[rows][:, None] != calls[pool][None, :]
        out[rows[alike.any(axis=1)]] = True
    return out
