"""What the analysis finds: mentions, objections and themes, and the thresholds it decides by."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from knowledge.model import Entry

if TYPE_CHECKING:
    import numpy as np

VectorsFn = Callable[[Sequence[str]], "np.ndarray"]

@dataclass(frozen=True)
class Tuning:
    """The decision thresholds, in cosine similarity of the embedding model (all-MiniLM-L6-v2,
    mean pooled, normalised), where unrelated sentences score about 0.0-0.2, sentences on one
    topic 0.3-0.5 and paraphrases above 0.7."""

    cue_weight: float = 0.15  # per unit of cue_score (at most 2)
    ack_weight: float = 0.20  # the seller's next turn acknowledges a concern
    detect: float = 0.65  # (objection similarity + generic score) / 2 + cue and ack bonuses
    learned_weight: float = 0.3  # per unit of the trained detector's probability above 0.5
    learned_alone: float = 0.85  # a trained-detector probability this high is evidence like a cue
    detect_bare: float = 0.80  # the same score, for a sentence with no cue and no acknowledgement
    # a sure sentence said again in another call is an objection (detect.echoed). Off: it lifted only
    # docketry, the corpus it was built on, and on a blind corpus scored after it (ravelin) it cost a
    # new theme, matching and coverage (bench/ACCURACY.md, "Echoed concerns and coverage, sixth round")
    echo: bool = False
    echo_detected: bool = False  # ... said again in a detected sentence too (else only in another sure one)
    # a turn piece with no detected sentence is a mention when the blend fitted on the labelled
    # development corpora says so (blend.py, data/blend.json). Read only while ``pieces`` is off.
    blend: bool = True
    # one model over every turn piece, detected or not, adds pieces as the blend does and drops
    # detected ones it reads as no objection (blend.reweighed, data/pieces.json). It takes the
    # blend's place: while it is on, ``blend`` is not read (bench/ACCURACY.md, "One model to add
    # and drop objection pieces, ninth round", has why it is on)
    pieces: bool = True
    # ... and drops a detected piece only when it reads as no objection wherever it fell in the call
    # (blend.anywhere): the model learned that prospects describe their situation early and object
    # late, so a borderline objection raised in the first turns can be dropped for where it falls.
    # Off: with it, leave-one-corpus-out, pooled mention precision fell under the blend's (bench/ACCURACY.md,
    # "One model to add and drop objection pieces, ninth round"); a reviewer's verdict on such a piece
    # restores it and teaches the detector.
    drop_anywhere: bool = False
    # a piece still reported is set aside when the model of context.py, reading it with the seller's
    # turn before it, says it is no objection (data/context.json). Off, and no weights shipped: held
    # out it set aside as many right mentions as strays and the example's F1 fell by 0.09
    # (bench/ACCURACY.md, "Objection mentions read with the turn they answer, eighteenth round");
    # with what the seller's question is about, the example's F1 still fell by 0.021 ("A seller's
    # question about a raised objection, nineteenth round")
    context: bool = False
    # a prospect's sentence in the very words of an objection entry's example is a mention of that
    # entry, whatever the models make of it (verbatim.py; bench/ACCURACY.md, "An example's own words,
    # eighteenth round")
    verbatim: bool = True
    context_detect: float = 0.60  # ... for a sentence answering the seller's reply to the same
    # prospect's objection, when the trained detector is at least ``learned_alone`` sure (followups.carried_on)
    link: float = 0.50  # two groups of mentions merge at this average similarity or more
    link_entry: float = 0.45  # an entry absorbs a group at least this close to its phrasings, on
    # average, and at least as close as the entry's examples are to one another (its cohesion)
    stay_new: float = 0.2  # a group of mentions this much closer to itself than to an entry stays a theme
    # ... a group of three or more at this margin (the same when None): its mean likeness is read
    # over three pairs or more, and remarks of one concern in different words are less alike on average
    stay_new_group: float | None = None
    concern_weight: float = 0.15  # a mention's closeness to an entry: this share of it read in the
    # space of data/concerns.txt (themes.concern_closeness), the rest cosine; chosen leave-one-corpus-out
    same_concern: float = 0.0  # a mention less alike than this to its entry in that space is kept
    # from it unless no theme takes it. Off: it kept two new themes apart but made false themes of
    # detected non-objections elsewhere (bench/ACCURACY.md, "New themes kept apart, seventh round")
    # a mention the model of absorb.py reads as about no entry's concern is held as ``same_concern``
    # holds one (absorb.py, data/absorb.json)
    absorb: bool = False
    held_apart: float = 0.0  # ... and a group it forms is a theme only when this much closer to itself than to an entry
    lone: float = 0.20  # a lone mention goes to its closest entry or theme when at least this close
    lone_entry: float = 0.35  # ... to an entry straight away when at least this close; else first
    lone_link: float = 0.45  # ... with other such remarks from other calls this alike, as a theme
    cover: float = 0.45  # an approved passage this close to an objection's phrasings answers it
    cover_standout: bool = True  # ... and, failing that, one entry standing out for it (cover.CoverModel)
    # ... for a known objection too. Off: its authors name the answers they wrote for it (answers:),
    # so an entry that only stands out by closeness is weak evidence there (bench/ACCURACY.md,
    # "Objections, ninth round", has the figures)
    standout_known: bool = False
    # ... and by an entry written as the answer to a known objection (it names one in ``answers:``).
    # Off was measured in the tenth round and not kept: a theme is often a known objection in words
    # matching missed, and then its linked answer does answer it (a false gap telling the user to
    # write a duplicate entry; bench/ACCURACY.md, "Objections, tenth round")
    standout_linked: bool = True
    concern_label: float = 0.40  # a theme takes the name of a concern at least this alike to its mentions
    theme_merge: float = 0.70  # themes whose centres are this alike are one theme
    theme_member: float = 0.35  # a theme's remark less alike than this to the rest of it (mean) leaves it
    theme_mentions: int = 2  # a theme needs this many mentions ...
    theme_calls: int = 1  # ... in this many calls
    # After assignment, an entry's remarks less close to its phrasings than this that, from two calls
    # or more, are closer to one another than to the entry are split off as a theme (themes._split_known).
    # Off (0.0): measured leave-one-corpus-out in the sixteenth round (bench/ACCURACY.md, "New concerns
    # and gaps unreported, sixteenth round").
    split_known: float = 0.0
    split_margin: float = 0.0  # ... and only when this much closer to one another than to the entry
    split_kept: bool = False  # ... and than to the remarks the entry keeps (off: measured, see above)


DEFAULT_TUNING = Tuning()


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
    lines: list[int] = field(default_factory=list)  # the line of each sentence of the span
    columns: list[int] = field(default_factory=list)  # and its column
    match: float = 0.0  # similarity to the objection's phrasings (to the other mentions, for a theme)
    blended: bool = False  # found by the turn-piece blend alone (blend.py), not by its sentences' scores
    why: str = ""  # why it is a mention, where one rule alone says so ("the words of an example of ...")


@dataclass
class Objection:
    id: str
    label: str
    known: bool
    entry: Entry | None = None
    mentions: list[Mention] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)
    pending: list[dict[str, Any]] = field(default_factory=list)  # answers that are not approved
    # How close each approved entry is to the objection (cover.entry_scores), kept for inspection
    # and for fitting the coverage model (bench/train_cover.py).
    closeness: dict[str, float] = field(default_factory=dict)
    # For a theme, which sentence of its central mention its label was taken from (an index into
    # the mention's parts): where a finding about the theme points, the sentence it quotes.
    label_part: int = 0
    # For a theme, the id it had before themes were named by noun phrases (the slug of its central
    # sentence), which reviewers' verdicts written then may still name.
    former_id: str | None = None

    @property
    def calls(self) -> list[str]:
        return sorted({m.call for m in self.mentions})

    @property
    def covered(self) -> bool:
        return bool(self.answers)

    @property
    def central(self) -> Mention | None:
        return self.mentions[0] if self.mentions else None

    def anchor(self) -> tuple[int, int] | None:
        """Line and column of the sentence a finding about this objection quotes: the labelled
        sentence of the central mention (its first sentence where that is not known)."""
        m = self.central
        if m is None:
            return None
        k = self.label_part
        if 0 <= k < len(m.lines) and k < len(m.columns):
            return m.lines[k], m.columns[k]
        return m.line, m.column

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "known": self.known,
            "calls": len(self.calls),
            "mentions": [
                {"call": m.call, "line": m.line, "column": m.column, "speaker": m.speaker, "text": m.text,
                 "score": round(m.score, 3), "match": round(m.match, 3), **({"why": m.why} if m.why else {})}
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
    detection: Any = None  # the per-sentence evidence (detect.Detection), for inspection
    detected: list[Mention] = field(default_factory=list)  # the mentions of step 2, before follow-ups
    follow_ups: list[Mention] = field(default_factory=list)  # the follow-ups found after them
    # the pieces step 2d set aside (context.set_aside): call, first line, why in words
    set_aside: list[tuple[str, int, str]] = field(default_factory=list)
    verdicts_applied: int = 0  # reviewers' verdicts in effect (verdicts/objections.yaml)
    # mention and assignment verdicts whose call is gone and whose words no call says (verdicts.follow_calls)
    verdicts_unmatched: list[Any] = field(default_factory=list)

    def unplaced(self) -> dict[str, int]:
        """The remarks read as objections that joined no objection and no theme: each one's concern
        was not matched to an objection entry, and too few remarks alike (or, loosely alike, from
        too few calls) were found to make a theme of it. ``mentions`` counts them, ``calls`` the
        calls they were said in."""
        placed = {id(m) for o in self.objections for m in o.mentions}
        left = [m for m in self.detected if id(m) not in placed]
        return {"mentions": len(left), "calls": len({m.call for m in left})}

    def to_dict(self, min_calls: int = 1) -> dict[str, Any]:
        shown = [o for o in self.objections if len(o.calls) >= min_calls]
        return {
            "version": 1,
            "calls": self.calls,
            "objections": [o.to_dict() for o in shown],
            "roles_unknown": self.roles_unknown,
            "prefilter": {"turns": self.turns, "skipped": self.skipped, "sentences": self.sentences},
            "unplaced": self.unplaced(),
            "verdicts": {"applied": self.verdicts_applied,
                         "match_no_call": [v.to_dict() for v in self.verdicts_unmatched]},
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
