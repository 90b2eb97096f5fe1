"""Needs a source: whether a figure already read as a claim is one a reviewer would want an outside
source behind if none is given ("customers cut fuel costs by 18%", "62% of fleets still plan by
hand"), or one the company states on its own authority (a setting, a threshold, a policy, a target,
a price, a benefit, a customer's size).

Claim-ness (:mod:`.claimness`) asks "is it a claim a reader could hold the company to?"; a price or
an SLA is one. This asks the second question, the one ``unsourced-claim`` needs. A logistic
regression on the embedding of the figure's masked sentence and a few lexical cues, trained by
``bench/train_needs_source.py`` on the labelled sentences in ``data/needs_source.jsonl`` and the
development corpora's candidates (provenance in ``data/README.md``); the weights ship as
``data/needs_source.json``. It has a say only where claim-ness is itself unsure
(``claimness_below``): leave-one-corpus-out, deciding every figure lost at least as many right findings as it
removed false ones (bench/ACCURACY.md, "Figure rules: needs an outside source"). With no weights file every
claim needs a source.

Every decision explains itself: :func:`score` returns the probability and the cues that weighed
most, in words.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge.model import Claim

from . import assertion
from .claimness import _TOKEN
from .claimness import _changes as changes_verb
from .linear import Linear, read_weights
from .terms import own_terms

WEIGHTS = Path(__file__).with_name("data") / "needs_source.json"
ENV = "CANON_NEEDS_SOURCE_WEIGHTS"

# Framing cues. Each is a family of words, not a corpus's phrasing: a setting or a threshold of the
# product ("by default", "when ... drops below"), a rule or a target of the company ("must", "aim
# to", "our goal"), and on the other side the signs of an outcome (a change, a comparison, an
# average, a share of a population).
_CUES: dict[str, re.Pattern[str]] = {
    "setting": re.compile(
        r"(?i)\b(?:by default|defaults? to|default|settings?|configur\w*|set (?:to|it)|turn (?:it )?on|switch(?:ed)? on"
        r"|you can (?:change|raise|lower|set)|expires?|expire[ds]|times? out|reserve|retained|kept for|archived)\b"),
    "threshold": re.compile(
        r"(?i)\b(?:when|once|if)\b[^.]{0,60}\b(?:above|below|over|under|exceeds?|reaches|drops|falls|goes)\b"
        r"|\b(?:threshold|at risk|flag(?:ged|s)? (?:any|when)|alerts?)\b"),
    "rule": re.compile(
        r"(?i)\b(?:must|should|need to|needs to|is expected to|are expected to|policy|allowed|may not|can expense"
        r"|treat any|keep \w+ under|within \d+ days of|up to \d+ hours before|cancel(?:lation)?|refund|probation)\b"),
    "target": re.compile(r"(?i)\b(?:our goal|goal|aims? to|target|we want|objective|OKR|is scheduled for)\b"),
    "benefit": re.compile(
        r"(?i)\b(?:every (?:new )?(?:employee|starter|hire|parent|coach)|staff get|everyone gets|we match|we pay"
        r"|we fund|paid (?:holiday|leave)|learning budget|referral bonus|discount on)\b"),
    "change": re.compile(
        r"(?i)\b(?:more|less|fewer|faster|sooner|slower|higher|lower|better|cheaper|instead of|than|from \S+ to"
        r"|save[sd]?|saving|cut|halved|doubled|tripled|reduced?|increased?|grew|rose|fell|lifted|raised|boost\w*)\b"),
    "population": re.compile(
        r"(?i)(?:%|per ?cent|in \w+|of \w+)\s+(?:of|say|said|report)\b|\b(?:of (?:all|the) \w+|households|"
        r"respondents|companies|customers|teams|users|travellers|readers|members|adults)\b"),
    "typical": re.compile(r"(?i)\b(?:on average|average|typical(?:ly)?|usually|most (?:of )?(?:our )?\w+|median)\b"),
    "customers": re.compile(r"(?i)\b(?:customers?|clients?|teams (?:on|using|like)|users|those (?:on|using))\b"),
}


def cues(claim: Claim, vector: Sequence[float] | None = None) -> dict[str, float]:
    """The cues of one figure's sentence, named: the lexical ones (0 or 1, except ``claimness``) and,
    given the embedding of its masked sentence, what kind of statement it makes (``assert:KIND``, a
    probability each: :mod:`.assertion`)."""
    sentence = " ".join((claim.sentence or "").split())
    out = {f"cue:{name}": 1.0 if rx.search(sentence) else 0.0 for name, rx in _CUES.items()}
    tokens = _TOKEN.findall(sentence.lower())
    out["cue:change_verb"] = 1.0 if changes_verb(tokens) else 0.0
    out["cue:own_terms"] = 1.0 if own_terms(claim) is not None else 0.0
    out["cue:we"] = 1.0 if {"we", "our", "us"} & set(tokens) else 0.0
    out["cue:you"] = 1.0 if {"you", "your"} & set(tokens) else 0.0
    out["cue:statistic"] = 1.0 if claim.statistic else 0.0
    out["cue:pair"] = 1.0 if claim.pair in ("change", "contrast") else 0.0
    for kind in ("percent", "currency", "duration", "count", "multiplier"):
        out[f"cue:kind={kind}"] = 1.0 if claim.kind == kind else 0.0
    p = claim.claimness if claim.claimness is not None else 0.5
    p = min(max(p, 1e-3), 1 - 1e-3)
    out["cue:claimness"] = math.log(p / (1 - p))
    out.update(assertion.features(vector))
    return out


def text_of(claim: Claim) -> str:
    """What is embedded for a figure: its sentence with the figure masked, so that the framing, not
    the number, is read. The very text ingest embeds for each claim, so an audit finds its vector in
    the index's cache (whitespace does not change what the model reads)."""
    return claim.masked or " ".join((claim.sentence or "").split())


_DESCRIBE = {
    "cue:setting": "a setting of the product", "cue:threshold": "a threshold that triggers something",
    "cue:rule": "a rule or a policy", "cue:target": "a goal or a target", "cue:benefit": "a benefit the company gives",
    "cue:change": "a change or a comparison", "cue:population": "a share of a population",
    "cue:typical": "a typical or average result", "cue:customers": "said of customers",
    "cue:change_verb": "a change is stated", "cue:own_terms": "the company's own terms", "cue:we": "said of the company",
    "cue:you": "said to the reader", "cue:statistic": "a median or an average", "cue:pair": "before and after",
    "cue:claimness": "how much it reads as a claim", "embedding": "what the sentence is about",
}


def _describe(name: str) -> str:
    if name.startswith("cue:kind="):
        return f"a {name.removeprefix('cue:kind=')} figure"
    if name.startswith("assert:"):
        return f"reads as {assertion.describe(name.removeprefix('assert:'))}"
    return _DESCRIBE.get(name, name)


@dataclass(frozen=True)
class Model:
    linear: Linear
    meta: dict[str, object]
    # the model decides only where claim-ness is itself unsure (under this): on the held-out corpora it
    # was wrong about figures claim-ness reads as clear claims as often as it was right
    claimness_below: float = 1.0

    @property
    def threshold(self) -> float:
        return self.linear.threshold

    @property
    def vector_weights(self) -> tuple[float, ...]:
        return self.linear.vector_weights

    def decides(self, claim: Claim) -> bool:
        """Whether this model has a say on ``claim`` at all."""
        return (claim.claimness if claim.claimness is not None else 1.0) < self.claimness_below

    def contributions(self, claim: Claim, vector: Sequence[float] | None) -> dict[str, float]:
        return self.linear.contributions(cues(claim, vector), vector)

    def probability(self, claim: Claim, vector: Sequence[float] | None) -> float:
        return self.linear.probability(cues(claim, vector), vector)


def load() -> Model | None:
    """The shipped weights (or those ``CANON_NEEDS_SOURCE_WEIGHTS`` names, for leave-one-corpus-out
    runs); None when there are none: then every claim needs a source."""
    return _load(os.environ.get(ENV) or str(WEIGHTS))


@lru_cache(maxsize=4)
def _load(name: str) -> Model | None:
    data = read_weights(name)
    if data is None:
        return None
    return Model(Linear.of(data), meta=dict(data.get("meta", {})),
                 claimness_below=float(data.get("claimness_below", 1.0)))


def score(claim: Claim, vector: Sequence[float] | None, model: Model) -> tuple[float, str]:
    """(probability that a reviewer would want an outside source behind the figure, the verdict and
    the cues that weighed most for it, in words). The words carry no number: they end up in a
    finding's message, where the probability would read as an internal (a finding's JSON gives
    its own ``confidence``)."""
    p = model.probability(claim, vector)
    sign = 1.0 if p >= model.threshold else -1.0
    pushes = sorted(((c * sign, k) for k, c in model.contributions(claim, vector).items()), reverse=True)
    reasons = [_describe(k) for c, k in pushes[:3] if c > 0.05]
    verdict = "needs a source" if sign > 0 else "the company's own statement"
    return p, f"{verdict}: " + ("; ".join(reasons) if reasons else "no strong cue")
