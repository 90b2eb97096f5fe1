"""Step 2, detection: which candidate sentences raise an objection."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from knowledge.model import Call, Turn

from .model import Tuning

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



def reference_texts() -> list[str]:
    """Texts every analysis compares with, whatever the KB: ingest embeds them with the rest, so
    that a run on an up-to-date index embeds nothing."""
    return list(PROTOTYPES) + list(NON_OBJECTIONS)


def _prototype_vectors(vectors: Any) -> tuple[np.ndarray, np.ndarray]:
    """The vectors of the generic prototypes and of the neutral sentences they are set against."""
    import numpy as np

    mat = np.asarray(vectors(reference_texts()), dtype=np.float32)
    return mat[:len(PROTOTYPES)], mat[len(PROTOTYPES):]


